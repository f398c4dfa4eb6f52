//! Shaded cells: flat tints a table lays behind its text, or in place of a
//! value it does not have, told apart from a chart's bars by how they stand:
//! a table's shaded cells stand in columns, one above another with the same
//! left and right edges; the bars of a chart, and the parts of a stacked
//! bar, end wherever their values end.

use crate::worker::render::Grey;

/// Grey levels a flat tint may vary by: on a drawn page anti-aliasing and
/// dithering; on a scan also paper grain and JPEG noise (a grey header band
/// of a scanned page varies by ±10).
pub const DRAWN_TONE_STEP: u8 = 6;
pub const SCANNED_TONE_STEP: u8 = 20;

/// A rectangle of pixels of one flat tone, `x0..x1` × `y0..y1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tint {
    pub x0: u32,
    pub y0: u32,
    pub x1: u32,
    pub y1: u32,
    pub tone: u8,
}

/// The tints within `area` (x0, y0, x1, y1) of a page image: along each
/// pixel row, runs of one tone darker than `visible` and at least `min_run`
/// long, passing over the pixels `explained` says are something else (text
/// printed on the tint, a rule drawn over it); runs with the same ends in
/// consecutive rows make one tint, kept when at least `min_height` high.
/// Tones within `tone_step` of a run's first pixel are one tone.
/// A line of another tone up to `max_line` rows thick drawn across a tint
/// (a chart's gridline over its background) does not cut it in two; white
/// between two tints does.
pub fn tints(
    pixels: &Grey,
    area: (u32, u32, u32, u32),
    visible: u8,
    (min_run, min_height, max_line): (u32, u32, u32),
    tone_step: u8,
    explained: impl Fn(u32, u32) -> bool,
) -> Vec<Tint> {
    let (x0, y0, x1, y1) = area;
    let mut done: Vec<Tint> = Vec::new();
    let mut open: Vec<Tint> = Vec::new();
    for y in y0..y1 {
        let row = |x: u32| pixels.get_pixel(x, y)[0];
        let mut runs: Vec<(u32, u32, u8)> = Vec::new();
        let mut x = x0;
        while x < x1 {
            let tone = row(x);
            if tone >= visible || explained(x, y) {
                x += 1;
                continue;
            }
            let (start, mut end) = (x, x + 1);
            x += 1;
            while x < x1 {
                if explained(x, y) {
                    x += 1;
                } else if row(x) < visible && row(x).abs_diff(tone) <= tone_step {
                    x += 1;
                    end = x;
                } else {
                    break;
                }
            }
            if end - start >= min_run {
                runs.push((start, end, tone));
            }
        }
        // Extend the tints the row above left open, or one a line crossed
        // just above; close the others.
        done.append(&mut open);
        let inked_across = |t: &Tint| {
            (t.y1..y).all(|gy| (t.x0..t.x1).all(|x| pixels.get_pixel(x, gy)[0] < visible))
        };
        let mut next: Vec<Tint> = Vec::with_capacity(runs.len());
        for (a, b, tone) in runs {
            let same = done.iter().rposition(|t| {
                t.x0.abs_diff(a) <= 1
                    && t.x1.abs_diff(b) <= 1
                    && t.tone.abs_diff(tone) <= tone_step
                    && t.y1 + max_line >= y
                    && inked_across(t)
            });
            match same {
                Some(k) => {
                    let mut t = done.swap_remove(k);
                    t.y1 = y + 1;
                    next.push(t);
                }
                None => next.push(Tint {
                    x0: a,
                    y0: y,
                    x1: b,
                    y1: y + 1,
                    tone,
                }),
            }
        }
        open = next;
    }
    done.append(&mut open);
    done.retain(|t| t.y1 - t.y0 >= min_height);
    done
}

/// Which tints stand in a column with another: one above or below it with
/// the same left and right edges (within `tol` pixels).
pub fn in_columns(tints: &[Tint], tol: u32) -> Vec<bool> {
    tints
        .iter()
        .enumerate()
        .map(|(i, a)| {
            tints.iter().enumerate().any(|(j, b)| {
                i != j
                    && a.x0.abs_diff(b.x0) <= tol
                    && a.x1.abs_diff(b.x1) <= tol
                    && (b.y1 <= a.y0 + tol || b.y0 + tol >= a.y1)
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::worker::render::grey;
    use image::GrayImage;

    fn page(w: u32, h: u32) -> Grey {
        grey(GrayImage::from_pixel(w, h, image::Luma([255])))
    }

    /// The tints of `area` with nothing explained, at `tone_step`.
    fn bare_tints(img: &Grey, area: (u32, u32, u32, u32), tone_step: u8) -> Vec<Tint> {
        tints(img, area, 245, (8, 4, 3), tone_step, |_, _| false)
    }

    fn fill(img: &mut Grey, (x0, y0, x1, y1): (u32, u32, u32, u32), v: u8) {
        for y in y0..y1 {
            for x in x0..x1 {
                img.put_pixel(x, y, image::Luma([v]));
            }
        }
    }

    #[test]
    fn a_tint_under_text_is_one_rectangle() {
        let mut img = page(100, 60);
        fill(&mut img, (10, 10, 90, 40), 225);
        fill(&mut img, (30, 20, 50, 30), 60); // a word printed on it
        let word = |x: u32, y: u32| (29..51).contains(&x) && (19..31).contains(&y);
        let t = tints(&img, (0, 0, 100, 60), 245, (8, 4, 3), DRAWN_TONE_STEP, word);
        let whole = Tint {
            x0: 10,
            y0: 10,
            x1: 90,
            y1: 40,
            tone: 225,
        };
        assert_eq!(t, vec![whole]);
    }

    #[test]
    fn tints_of_other_tones_side_by_side_are_two() {
        let mut img = page(100, 30);
        fill(&mut img, (0, 5, 50, 25), 230);
        fill(&mut img, (50, 5, 100, 25), 200);
        let t = bare_tints(&img, (0, 0, 100, 30), DRAWN_TONE_STEP);
        assert_eq!(t.len(), 2);
    }

    #[test]
    fn a_scanned_tint_is_one_rectangle_through_its_grain() {
        // A grey band as a scan gives it: 155 ± 10, pixel by pixel.
        let mut img = page(100, 40);
        let mut seed = 7u32;
        for y in 10..30 {
            for x in 10..90 {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                img.put_pixel(x, y, image::Luma([145 + (seed >> 16) as u8 % 21]));
            }
        }
        let area = (0, 0, 100, 40);
        let scanned = bare_tints(&img, area, SCANNED_TONE_STEP);
        assert_eq!(scanned.len(), 1);
        assert_eq!(
            (scanned[0].x0, scanned[0].y0, scanned[0].x1, scanned[0].y1),
            (10, 10, 90, 30)
        );
        let drawn = bare_tints(&img, area, DRAWN_TONE_STEP);
        assert!(drawn.is_empty(), "a drawn page's tint is flat");
    }

    #[test]
    fn a_line_across_a_tint_leaves_it_whole_and_white_parts_it() {
        let mut img = page(100, 80);
        fill(&mut img, (10, 0, 60, 30), 220);
        fill(&mut img, (0, 14, 100, 16), 120); // a gridline over it
        fill(&mut img, (10, 40, 60, 50), 220); // a cell below a white gutter
        let t = bare_tints(&img, (0, 0, 100, 80), DRAWN_TONE_STEP);
        let ys: Vec<(u32, u32)> = t
            .iter()
            .filter(|t| t.tone == 220)
            .map(|t| (t.y0, t.y1))
            .collect();
        assert_eq!(ys, vec![(0, 30), (40, 50)]);
    }

    #[test]
    fn cells_in_a_column_are_shading_and_stacked_bars_are_not() {
        // Shaded cells: the same edges, one above another. Stacked bars:
        // each bar's parts end where its values do.
        let cells = [(100, 0, 140, 10), (100, 20, 140, 30), (100, 40, 140, 50)];
        let bars = [
            (0, 0, 30, 10),
            (0, 20, 45, 30),
            (30, 0, 70, 10),
            (45, 20, 60, 30),
        ];
        let all: Vec<Tint> = (cells.iter().chain(&bars))
            .map(|&(x0, y0, x1, y1)| Tint {
                x0,
                y0,
                x1,
                y1,
                tone: 220,
            })
            .collect();
        assert_eq!(
            in_columns(&all, 2),
            vec![true, true, true, false, false, false, false]
        );
    }
}
