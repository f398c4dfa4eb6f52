//! Straightens a scanned page: a page fed into a scanner askew by a degree
//! or two has rulings that detection would see broken into steps, and rows
//! whose ends drift into the next row.
//!
//! Takes the rendered page; gives its skew (the angle whose horizontal
//! projection of the ink is the sharpest: text lines and rulings pile up in
//! few rows) and the page turned back by it, same size, white where the turn
//! uncovers the edges.

use image::{GrayImage, Luma};
use imageproc::geometric_transformations::{rotate_about_center, Interpolation};

/// The largest skew searched, in degrees either way.
const MAX_SKEW: f32 = 2.5;
/// Skews below this (degrees) are left: a turn blurs the page a little.
const MIN_SKEW: f32 = 0.05;
/// A pixel darker than this is ink for the projection.
const INK: u8 = 140;

/// The page's skew in degrees: positive when lines run down to the right.
pub(crate) fn skew(image: &GrayImage) -> f32 {
    // Every other pixel of a row is plenty to find the lines; every row,
    // though: skipping rows makes the projection prefer angles that keep the
    // skipped rows empty.
    let ink: Vec<(f32, f32)> = (0..image.height())
        .flat_map(|y| {
            (0..image.width())
                .step_by(2)
                .filter(move |&x| image.get_pixel(x, y).0[0] < INK)
                .map(move |x| (x as f32, y as f32))
        })
        .collect();
    if ink.len() < 100 {
        return 0.0;
    }
    let (w, h) = (image.width() as f32, image.height() as f32);
    let sharpness = |degrees: f32| -> f64 {
        let t = degrees.to_radians().tan();
        // Rows of the sheared page, with room for the shear either way.
        let pad = (w * t.abs()).ceil() + 1.0;
        let mut rows = vec![0f32; (h + 2.0 * pad) as usize + 2];
        // Shared between the two nearest rows: the sharpness then changes
        // smoothly with the angle instead of in steps of a whole row.
        for &(x, y) in &ink {
            let v = y - x * t + pad;
            let (i, f) = (v.floor(), v - v.floor());
            rows[i as usize] += 1.0 - f;
            rows[i as usize + 1] += f;
        }
        rows.iter().map(|&n| (n as f64) * (n as f64)).sum()
    };
    let best = |from: f32, to: f32, step: f32| -> f32 {
        let n = ((to - from) / step).round() as i32;
        (0..=n)
            .map(|i| from + i as f32 * step)
            .map(|a| (a, sharpness(a)))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map_or(0.0, |(a, _)| a)
    };
    let coarse = best(-MAX_SKEW, MAX_SKEW, 0.1);
    best(coarse - 0.1, coarse + 0.1, 0.01)
}

/// The page turned back by `degrees` of skew, or `None` when it is straight
/// enough as it is.
pub(crate) fn straighten(image: &GrayImage, degrees: f32) -> Option<GrayImage> {
    (degrees.abs() >= MIN_SKEW).then(|| {
        rotate_about_center(
            image,
            -degrees.to_radians(),
            Interpolation::Bilinear,
            Luma([255]),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A white page with dashed "text lines" running down to the right by `degrees`.
    fn page(degrees: f32) -> GrayImage {
        let mut img = GrayImage::from_pixel(400, 300, Luma([255]));
        let t = degrees.to_radians().tan();
        for line in 0..8 {
            let y0 = 40.0 + 30.0 * line as f32;
            for x in 20..380u32 {
                if (x / 7) % 4 == 3 {
                    continue; // word gaps
                }
                for dy in 0..4 {
                    let y = (y0 + x as f32 * t) as u32 + dy;
                    img.put_pixel(x, y, Luma([20]));
                }
            }
        }
        img
    }

    #[test]
    fn the_skew_of_lines_is_found() {
        for d in [-1.5f32, -0.4, 0.0, 0.7, 2.0] {
            let found = skew(&page(d));
            assert!((found - d).abs() <= 0.1, "skew {d}: found {found}");
        }
    }

    #[test]
    fn straightening_makes_the_lines_level() {
        let img = page(1.2);
        let fixed = straighten(&img, skew(&img)).expect("1.2 degrees is turned");
        assert_eq!(fixed.dimensions(), img.dimensions());
        assert!(skew(&fixed).abs() <= 0.1, "{}", skew(&fixed));
    }

    #[test]
    fn a_straight_or_empty_page_is_left() {
        assert!(straighten(&page(0.0), skew(&page(0.0))).is_none());
        let blank = GrayImage::from_pixel(100, 100, Luma([255]));
        assert_eq!(skew(&blank), 0.0);
    }
}
