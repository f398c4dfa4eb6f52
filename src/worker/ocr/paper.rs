//! Scanned paper made white: a scan shows the paper as a grainy light grey,
//! which detection, tuned to rendered pages, would take for light ink (its
//! faint gridlines are anything below 240) all over the page.
//!
//! Takes the page image; gives it with the paper's grey level and the grain
//! around it mapped to white and every darker grey stretched to match. Ink
//! stays ink; a page that is white already is left as it is.

use image::GrayImage;

/// Grain reaches this many spreads (standard deviations) below the paper's level.
const GRAIN_SPREADS: f32 = 3.0;

/// The page with its paper white.
pub(crate) fn whiten(image: &mut GrayImage) {
    let Some(white) = paper_level(image) else {
        return;
    };
    if white >= 254.0 {
        return;
    }
    let lut: Vec<u8> = (0..=255u32)
        .map(|v| ((v as f32) * 255.0 / white).round().min(255.0) as u8)
        .collect();
    for p in image.pixels_mut() {
        p.0[0] = lut[p.0[0] as usize];
    }
}

/// What detection reads of a scanned page: the ink, every lighter grey made
/// white. The blur of a scan leaves a light halo around letters that joins
/// along a line of text into long faint strokes, which detection would take
/// for light gridlines; a grey this light is halo, not a printed line. Light
/// grey is kept where its neighbourhood is grey on average (a shaded band),
/// not pixel by pixel: grain would break a band up into specks whose edges
/// look like short rulings.
pub(crate) fn ink_only(image: &GrayImage) -> GrayImage {
    let (w, h) = (image.width() as usize, image.height() as usize);
    // Sums over the rectangle from (0, 0) to (x, y), exclusive.
    let mut sums = vec![0u32; (w + 1) * (h + 1)];
    for y in 0..h {
        let mut row = 0u32;
        for x in 0..w {
            row += image.as_raw()[y * w + x] as u32;
            sums[(y + 1) * (w + 1) + x + 1] = sums[y * (w + 1) + x + 1] + row;
        }
    }
    let r = NEIGHBOURHOOD / 2;
    let mut out = image.clone();
    for y in 0..h {
        let (y0, y1) = (y.saturating_sub(r), (y + r + 1).min(h));
        for x in 0..w {
            let v = image.as_raw()[y * w + x];
            if v < DARK {
                continue;
            }
            let (x0, x1) = (x.saturating_sub(r), (x + r + 1).min(w));
            let sum = sums[y1 * (w + 1) + x1] + sums[y0 * (w + 1) + x0]
                - sums[y0 * (w + 1) + x1]
                - sums[y1 * (w + 1) + x0];
            let mean = sum / ((x1 - x0) * (y1 - y0)) as u32;
            if v >= HALO || (mean >= HALO as u32 && !on_a_line(image, x, y)) {
                out.as_mut()[y * w + x] = 255;
            }
        }
    }
    out
}

/// Whether a light pixel lies on a thin light line, horizontal or vertical:
/// the pixels along the line around it are as dark on average, though its
/// square neighbourhood, mostly paper, is not. A scan's faint gridline is
/// such a line; without this it would break up into dashes.
fn on_a_line(image: &GrayImage, x: usize, y: usize) -> bool {
    let (w, h) = (image.width() as usize, image.height() as usize);
    let r = LINE_REACH;
    let mean = |points: &mut dyn Iterator<Item = (usize, usize)>| {
        let (mut sum, mut n) = (0u32, 0u32);
        for (px, py) in points {
            sum += image.as_raw()[py * w + px] as u32;
            n += 1;
        }
        sum / n.max(1)
    };
    let along_row = mean(&mut (x.saturating_sub(r)..(x + r + 1).min(w)).map(|px| (px, y)));
    let along_column = mean(&mut (y.saturating_sub(r)..(y + r + 1).min(h)).map(|py| (x, py)));
    along_row.min(along_column) < LINE_MEAN as u32
}

/// `on_a_line` looks this many pixels each way along a row and a column, for
/// a mean darker than `LINE_MEAN` (a halo along a line of text is lighter).
const LINE_REACH: usize = 6;
const LINE_MEAN: u8 = 180;

/// Whitened greys from this level up are halo (see `ink_only`); below
/// `DARK` always ink; between, ink where the neighbourhood (a square this
/// many pixels wide) is as dark on average.
const HALO: u8 = 200;
const DARK: u8 = 160;
const NEIGHBOURHOOD: usize = 5;

/// Puts back into `ink` (what detection reads, see `ink_only`) the faint
/// gridlines of `page` (whitened, its text erased) that `ink_only` took for
/// halo: a scan's light grey hairline comes out a pixel or two of grey
/// barely darker than the paper, broken by grain, and pixel by pixel it is
/// lost. Along a line nearly every pixel is darker than the pixels a few to
/// each side of it; along a stretch of `length` pixels that holds for a
/// line, not for the remains of a letter (shorter), grain (scattered) or the
/// edge of a shaded band (as dark on one side as on the line).
pub(crate) fn faint_lines(page: &GrayImage, ink: &mut GrayImage, length: usize) {
    let (w, h) = (page.width() as usize, page.height() as usize);
    let d = LINE_SIDE;
    let r = length / 2;
    if w <= 2 * d || h <= 2 * d || r == 0 {
        return;
    }
    let px = |x: usize, y: usize| page.as_raw()[y * w + x] as i32;
    // Whether a pixel is darker than both its neighbours `d` away across a
    // vertical line (`across_v`) or across a horizontal one (`across_h`).
    let mut across_v = vec![0u8; w * h];
    let mut across_h = vec![0u8; w * h];
    for y in d..h - d {
        for x in d..w - d {
            let v = px(x, y) + LINE_CONTRAST;
            across_v[y * w + x] = u8::from(v <= px(x - d, y).min(px(x + d, y)));
            across_h[y * w + x] = u8::from(v <= px(x, y - d).min(px(x, y + d)));
        }
    }
    // How many pixels of the stretch centred on each pixel are so, down its
    // column and along its row.
    let need = (length as f32 * LINE_SHARE) as u32;
    let mut mark = vec![false; w * h];
    for x in 0..w {
        let mut n: u32 = (0..r.min(h)).map(|y| across_v[y * w + x] as u32).sum();
        for y in 0..h {
            if y + r < h {
                n += across_v[(y + r) * w + x] as u32;
            }
            if y > r {
                n -= across_v[(y - r - 1) * w + x] as u32;
            }
            mark[y * w + x] |= n >= need;
        }
    }
    for y in 0..h {
        let row = &across_h[y * w..(y + 1) * w];
        let mut n: u32 = (0..r.min(w)).map(|x| row[x] as u32).sum();
        for x in 0..w {
            if x + r < w {
                n += row[x + r] as u32;
            }
            if x > r {
                n -= row[x - r - 1] as u32;
            }
            mark[y * w + x] |= n >= need;
        }
    }
    for (p, _) in ink.as_mut().iter_mut().zip(&mark).filter(|(_, &m)| m) {
        *p = (*p).min(LINE_INK);
    }
}

/// `faint_lines` compares a pixel with those this many pixels to each side
/// (past a blurred hairline), wants it darker than both by this many grey
/// levels, along this share of a stretch, and marks it as ink this dark.
const LINE_SIDE: usize = 3;
const LINE_CONTRAST: i32 = 8;
const LINE_SHARE: f32 = 0.8;
const LINE_INK: u8 = 120;

/// The grey level from which up a pixel is paper: the most common light
/// level, less the spread of the grain (measured on its lighter side, where
/// no ink mixes in). `None` for a page without a light background.
fn paper_level(image: &GrayImage) -> Option<f32> {
    let mut hist = [0u64; 256];
    for p in image.pixels() {
        hist[p.0[0] as usize] += 1;
    }
    // Pure white is margins (or a rotation's fill), not paper.
    let mode = (128..255).max_by_key(|&v| hist[v])?;
    if hist[mode] == 0 {
        return None;
    }
    let (mut n, mut sq) = (0u64, 0f64);
    for (v, &count) in hist.iter().enumerate().take(255).skip(mode + 1) {
        n += count;
        sq += count as f64 * ((v - mode) as f64).powi(2);
    }
    let spread = if n > 0 {
        (sq / n as f64).sqrt() as f32
    } else {
        0.0
    };
    Some((mode as f32 - GRAIN_SPREADS * spread.max(1.0)).max(128.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::Luma;

    /// Paper at 230 with ±6 grain (a fixed, peaked pattern), a black bar and a light grey one.
    fn scan() -> GrayImage {
        GrayImage::from_fn(200, 100, |x, y| {
            if (40..44).contains(&y) {
                Luma([30])
            } else if (70..72).contains(&y) {
                Luma([170])
            } else {
                let grain = (x * 7 + y * 13) % 7 + (x * 3 + y * 5) % 7;
                Luma([(224 + grain) as u8])
            }
        })
    }

    #[test]
    fn grain_turns_white_and_ink_stays() {
        let mut img = scan();
        whiten(&mut img);
        let light = img
            .enumerate_pixels()
            .filter(|(_, y, _)| !(40..44).contains(y) && !(70..72).contains(y))
            .filter(|(_, _, p)| p.0[0] < 250)
            .count();
        assert_eq!(light, 0, "grain left");
        assert!(img.get_pixel(5, 41).0[0] < 40);
        // The light grey line stays clearly grey: a faint ruling.
        let grey = img.get_pixel(5, 70).0[0];
        assert!((180..235).contains(&grey), "{grey}");
    }

    #[test]
    fn detection_sees_ink_and_even_shading_not_halos_or_specks() {
        let img = GrayImage::from_fn(60, 30, |x, y| {
            Luma([match (x, y) {
                (_, 5) => 40,                                       // a ruling
                (_, 10) => 185,                                     // a faint halo line
                (0..=29, 20..=29) => 180 + ((x + y) % 3) as u8 * 4, // a shaded band
                (30..=59, 20..=29) if (x + y) % 7 == 0 => 190,      // grain specks
                _ => 255,
            }])
        });
        let out = ink_only(&img);
        assert_eq!(out.get_pixel(30, 5).0[0], 40);
        assert_eq!(out.get_pixel(30, 10).0[0], 255, "a lone light line is halo");
        assert!(
            (5..25).all(|x| out.get_pixel(x, 24).0[0] < 200),
            "the band stays whole"
        );
        assert!(
            (30..60).all(|x| out.get_pixel(x, 25).0[0] == 255),
            "specks go"
        );
    }

    #[test]
    fn a_faint_thin_gridline_stays_whole() {
        // A 2-pixel line at 165-175 on white, across and down: lighter than
        // `DARK`, its square neighbourhoods mostly paper.
        let img = GrayImage::from_fn(60, 60, |x, y| {
            let grey = 165 + ((x + y) % 3) as u8 * 5;
            Luma([if (30..32).contains(&y) || (10..12).contains(&x) {
                grey
            } else {
                255
            }])
        });
        let out = ink_only(&img);
        assert!((0..60).all(|x| out.get_pixel(x, 30).0[0] < 200), "across");
        assert!((0..60).all(|y| out.get_pixel(10, y).0[0] < 200), "down");
    }

    #[test]
    fn a_white_page_is_left() {
        let mut img = GrayImage::from_fn(50, 50, |x, _| Luma([if x == 10 { 0 } else { 255 }]));
        let before = img.clone();
        whiten(&mut img);
        assert_eq!(img, before);
    }

    /// White paper with grain (specks darker than the paper, a pixel each),
    /// a faint vertical hairline (x = 30, two pixels at 232/240), a faint
    /// horizontal one (y = 60), a shaded band from x = 100 on, and a short
    /// dark remnant of a letter (x = 80, 8 pixels tall).
    fn faint_page() -> GrayImage {
        GrayImage::from_fn(160, 120, |x, y| {
            let speck = (x * 7 + y * 13) % 29 == 0;
            let v = match (x, y) {
                (30, 10..110) | (20..90, 60) => 232,
                (31, 10..110) | (20..90, 61) => 240,
                (80, 20..28) => 90,
                (100.., _) => 215,
                _ => 255,
            };
            Luma([if speck { v.min(230) } else { v }])
        })
    }

    #[test]
    fn faint_lines_come_back_as_ink_and_nothing_else_does() {
        let page = faint_page();
        let mut ink = GrayImage::from_pixel(160, 120, Luma([255]));
        faint_lines(&page, &mut ink, 20);
        let marked = |x: u32, y: u32| ink.get_pixel(x, y).0[0] <= LINE_INK;
        // Along both lines, all but their ends.
        assert!((20..100).all(|y| marked(30, y)), "vertical line");
        assert!((30..80).all(|x| marked(x, 60)), "horizontal line");
        // Not beside them, not the band's edge, not the remnant, not grain.
        let strays: Vec<(u32, u32)> = ink
            .enumerate_pixels()
            .filter(|(_, _, p)| p.0[0] <= LINE_INK)
            .filter(|&(x, y, _)| !(30..=31).contains(&x) && !(60..=61).contains(&y))
            .map(|(x, y, _)| (x, y))
            .collect();
        assert!(strays.is_empty(), "{strays:?}");
    }
}
