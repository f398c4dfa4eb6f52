//! Rulings: the long straight strokes of a page image.
//!
//! A morphological opening of the ink mask with a 1×L line keeps exactly the
//! runs of at least L ink pixels, so it is computed here as a run-length scan
//! (one pass per pixel row, and one per column on the transposed mask) instead
//! of an erosion and a dilation. Runs on neighbouring pixel rows that overlap
//! are one stroke; a stroke thicker than a ruling is a filled box, whose edges
//! are kept as rulings instead.

use image::GrayImage;

use crate::config::DetectConfig;
use crate::render::PageImage;

/// A straight line in page points: at `pos` across, from `start` to `end`
/// along. Horizontal rulings have `pos` = y; vertical ones `pos` = x.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ruling {
    pub pos: f32,
    pub start: f32,
    pub end: f32,
}

impl Ruling {
    pub fn new(pos: f32, start: f32, end: f32) -> Self {
        Ruling { pos, start, end }
    }

    pub fn length(&self) -> f32 {
        self.end - self.start
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rulings {
    pub horizontal: Vec<Ruling>,
    pub vertical: Vec<Ruling>,
}

/// Finds the horizontal and vertical rulings of a page image.
pub fn find_rulings(page: &PageImage, cfg: &DetectConfig) -> Rulings {
    let (w, h) = page.pixels.dimensions();
    let ink = ink_mask(&page.pixels, cfg.ink_threshold);
    let min_len = (cfg.min_line_length * page.scale).round().max(2.0) as u32;
    let max_thick = (cfg.max_line_thickness * page.scale).round().max(1.0) as u32;

    let across = strokes(&ink, w, h, min_len);
    let down = strokes(&transpose(&ink, w, h), h, w, min_len);
    // Filled boxes, as pixel rectangles (x0, y0, x1, y1). Inside one, the gaps
    // between the letters of light text printed on it look like thin strokes.
    let fills: Vec<(u32, u32, u32, u32)> = across
        .iter()
        .filter(|s| s.thickness() > max_thick)
        .map(|s| (s.start, s.first, s.end, s.last + 1))
        .chain(down.iter().filter(|s| s.thickness() > max_thick).map(|s| (s.first, s.start, s.last + 1, s.end)))
        .collect();
    let inside_fill = |x0: u32, y0: u32, x1: u32, y1: u32| {
        fills.iter().any(|&(fx0, fy0, fx1, fy1)| {
            x0 + 2 >= fx0 && x1 <= fx1 + 2 && y0 + 2 >= fy0 && y1 <= fy1 + 2 && (x0 > fx0 + 2 || y0 > fy0 + 2) && (x1 + 2 < fx1 || y1 + 2 < fy1)
        })
    };

    let horizontal = across
        .iter()
        .filter(|s| s.thickness() > max_thick || !inside_fill(s.start, s.first, s.end, s.last + 1))
        .flat_map(|s| s.rulings(max_thick))
        .map(|(pos, start, end)| {
            let (x0, y) = page.to_points(start, pos);
            let (x1, _) = page.to_points(end, pos);
            Ruling::new(y, x0, x1)
        })
        .collect();
    let vertical = down
        .iter()
        .filter(|s| s.thickness() > max_thick || !inside_fill(s.first, s.start, s.last + 1, s.end))
        .flat_map(|s| s.rulings(max_thick))
        .map(|(pos, start, end)| {
            let (x, y0) = page.to_points(pos, start);
            let (_, y1) = page.to_points(pos, end);
            Ruling::new(x, y0, y1)
        })
        .collect();
    Rulings {
        horizontal,
        vertical,
    }
}

fn ink_mask(img: &GrayImage, threshold: u8) -> Vec<bool> {
    img.as_raw().iter().map(|&v| v < threshold).collect()
}

fn transpose(mask: &[bool], w: u32, h: u32) -> Vec<bool> {
    let (w, h) = (w as usize, h as usize);
    let mut out = vec![false; mask.len()];
    for y in 0..h {
        for x in 0..w {
            out[x * h + y] = mask[y * w + x];
        }
    }
    out
}

/// A group of long runs on consecutive scan lines, in pixels: along the run
/// from `start` to `end` (exclusive), across from `first` to `last` (inclusive).
#[derive(Debug, Clone, Copy)]
struct Stroke {
    start: u32,
    end: u32,
    first: u32,
    last: u32,
}

impl Stroke {
    fn thickness(&self) -> u32 {
        self.last - self.first + 1
    }

    /// The rulings this stroke stands for, as (across, start, end) in pixels:
    /// its centre line, or for a filled box its two long edges.
    fn rulings(&self, max_thickness: u32) -> Vec<(f32, f32, f32)> {
        let (start, end) = (self.start as f32, self.end as f32);
        if self.thickness() <= max_thickness {
            let centre = (self.first + self.last + 1) as f32 / 2.0;
            vec![(centre, start, end)]
        } else {
            vec![
                (self.first as f32, start, end),
                ((self.last + 1) as f32, start, end),
            ]
        }
    }
}

/// Runs of at least `min_len` ink pixels along each of the `lines` scan lines
/// of length `len`, grouped into strokes. One pixel gaps (anti-aliasing) are
/// bridged; anything wider ends a run, so the baseline of a line of text
/// never becomes a ruling.
fn strokes(mask: &[bool], len: u32, lines: u32, min_len: u32) -> Vec<Stroke> {
    let mut done = Vec::new();
    let mut open: Vec<Stroke> = Vec::new();
    for line in 0..lines {
        let row = &mask[(line * len) as usize..((line + 1) * len) as usize];
        let mut next_open = Vec::new();
        for (start, end) in long_runs(row, min_len) {
            // Continue the stroke of the previous scan line that this run overlaps most.
            let found = open.iter().position(|s| {
                let overlap = s.end.min(end).saturating_sub(s.start.max(start));
                overlap * 2 >= (s.end - s.start).min(end - start)
            });
            let stroke = match found {
                Some(i) => {
                    let s = open.swap_remove(i);
                    Stroke {
                        start: s.start.min(start),
                        end: s.end.max(end),
                        first: s.first,
                        last: line,
                    }
                }
                None => Stroke {
                    start,
                    end,
                    first: line,
                    last: line,
                },
            };
            next_open.push(stroke);
        }
        done.append(&mut open);
        open = next_open;
    }
    done.append(&mut open);
    done
}

fn long_runs(row: &[bool], min_len: u32) -> Vec<(u32, u32)> {
    let mut runs = Vec::new();
    let mut x = 0usize;
    let n = row.len();
    while x < n {
        if !row[x] {
            x += 1;
            continue;
        }
        let start = x;
        let mut end = x + 1;
        loop {
            while end < n && row[end] {
                end += 1;
            }
            // Bridge a single missing pixel.
            if end + 1 < n && row[end + 1] {
                end += 1;
            } else {
                break;
            }
        }
        if (end - start) as u32 >= min_len {
            runs.push((start as u32, end as u32));
        }
        x = end;
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use image::Luma;

    fn page_with(draw: impl Fn(&mut GrayImage)) -> PageImage {
        let mut pixels = GrayImage::from_pixel(200, 100, Luma([255]));
        draw(&mut pixels);
        PageImage {
            pixels,
            scale: 1.0,
            origin: (0.0, 0.0),
        }
    }

    #[test]
    fn a_thin_long_line_is_a_ruling_and_text_is_not() {
        let page = page_with(|img| {
            for x in 10..150 {
                img.put_pixel(x, 20, Luma([0]));
                img.put_pixel(x, 21, Luma([0]));
            }
            // "text": short strokes with gaps of two pixels
            for x in (10..150).step_by(4) {
                img.put_pixel(x, 60, Luma([0]));
                img.put_pixel(x + 1, 60, Luma([0]));
            }
        });
        let r = find_rulings(&page, &Config::default().detect);
        assert_eq!(r.horizontal, vec![Ruling::new(21.0, 10.0, 150.0)]);
        assert!(r.vertical.is_empty());
    }

    #[test]
    fn a_filled_box_gives_its_edges() {
        let page = page_with(|img| {
            for y in 30..60 {
                for x in 20..120 {
                    img.put_pixel(x, y, Luma([40]));
                }
            }
        });
        let r = find_rulings(&page, &Config::default().detect);
        assert_eq!(
            r.horizontal,
            vec![
                Ruling::new(30.0, 20.0, 120.0),
                Ruling::new(60.0, 20.0, 120.0)
            ]
        );
        assert_eq!(
            r.vertical,
            vec![
                Ruling::new(20.0, 30.0, 60.0),
                Ruling::new(120.0, 30.0, 60.0)
            ]
        );
    }
}
