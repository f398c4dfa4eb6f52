//! Rulings: the long straight strokes of a page image.
//!
//! A morphological opening of the ink mask with a 1×L line keeps exactly the
//! runs of at least L ink pixels, so it is computed here as a run-length scan
//! (`scan`: along the rows and down the columns, on bits) instead of an
//! erosion and a dilation. Runs on neighbouring pixel rows that overlap
//! are one stroke; a stroke thicker than a ruling is a filled box, whose edges
//! are kept as rulings instead.

use super::scan::InkBits;
use crate::config::DetectConfig;
use crate::worker::render::PageImage;

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
    let ink = InkBits::new(&page.pixels, cfg.ink_threshold);
    let min_len = (cfg.min_line_length * page.scale).round().max(2.0) as u32;
    let max_thick = (cfg.max_line_thickness * page.scale).round().max(1.0) as u32;

    let across = strokes(&ink.row_runs(min_len));
    // Filled boxes, as pixel rectangles (x0, y0, x1, y1), from the scan along
    // rows; each gives its four edges as rulings. Inside one, the scan down
    // the columns sees pieces of it between the letters of light text printed
    // on it: thin ones look like rulings, thick ones like boxes; neither is.
    let (boxes, in_a_box) = filled_boxes(&across, max_thick);
    // A column line that runs on out of a box (a filled header over ruled
    // rows) would join the box's columns into one thick stroke with it: runs
    // are joined with their parts inside a box cut off, and the thin strokes
    // this gives get those parts back as strokes of their own.
    let runs = ink.column_runs(min_len);
    let down = strokes(&outside_boxes(&runs, &boxes, max_thick, min_len));
    let into_boxes: Vec<Stroke> = (down.iter())
        .flat_map(|&s| into_a_box(s, &runs, max_thick))
        .collect();
    let within = |x0: u32, y0: u32, x1: u32, y1: u32| {
        boxes.iter().any(|&(bx0, by0, bx1, by1)| {
            x0 + 2 >= bx0 && x1 <= bx1 + 2 && y0 + 2 >= by0 && y1 <= by1 + 2
        })
    };
    let strictly_within = |x0: u32, y0: u32, x1: u32, y1: u32| {
        boxes.iter().any(|&(bx0, by0, bx1, by1)| {
            x0 + 2 >= bx0
                && x1 <= bx1 + 2
                && y0 + 2 >= by0
                && y1 <= by1 + 2
                && (x0 > bx0 + 2 || y0 > by0 + 2)
                && (x1 + 2 < bx1 || y1 + 2 < by1)
        })
    };

    let mut rulings = Rulings::default();
    let mut add_h = |pos: f32, start: f32, end: f32| {
        let (x0, y) = page.to_points(start, pos);
        let (x1, _) = page.to_points(end, pos);
        rulings.horizontal.push(Ruling::new(y, x0, x1));
    };
    for &(x0, y0, x1, y1) in &boxes {
        add_h(y0 as f32, x0 as f32, x1 as f32);
        add_h(y1 as f32, x0 as f32, x1 as f32);
    }
    for (i, s) in across.iter().enumerate() {
        if !in_a_box[i] && !strictly_within(s.start, s.first, s.end, s.last + 1) {
            for (pos, start, end) in s.rulings(max_thick) {
                add_h(pos, start, end);
            }
        }
    }
    let mut add_v = |pos: f32, start: f32, end: f32| {
        let (x, y0) = page.to_points(pos, start);
        let (_, y1) = page.to_points(pos, end);
        rulings.vertical.push(Ruling::new(x, y0, y1));
    };
    for &(x0, y0, x1, y1) in &boxes {
        add_v(x0 as f32, y0 as f32, y1 as f32);
        add_v(x1 as f32, y0 as f32, y1 as f32);
    }
    for s in &down {
        let (x0, y0, x1, y1) = (s.first, s.start, s.last + 1, s.end);
        let part_of_a_box = if s.thickness() > max_thick {
            within(x0, y0, x1, y1)
        } else {
            strictly_within(x0, y0, x1, y1)
        };
        if !part_of_a_box {
            for (pos, start, end) in s.rulings(max_thick) {
                add_v(pos, start, end);
            }
        }
    }
    for s in &into_boxes {
        for (pos, start, end) in s.rulings(max_thick) {
            add_v(pos, start, end);
        }
    }
    add_light_lines(page, cfg, &mut rulings);
    rulings
}

/// Gridlines are often drawn light grey, lighter than ink. Long thin strokes of
/// light ink are taken as rulings too; short ones are left alone, since the
/// edges of anti-aliased letters are light as well.
fn add_light_lines(page: &PageImage, cfg: &DetectConfig, rulings: &mut Rulings) {
    let plain = InkBits::new(&page.pixels, LIGHT_LINE_THRESHOLD);
    let light = light_lines(page, cfg, &plain, rulings);
    // A page drawn with light gridlines: those thinner than a pixel that
    // fall across two rows (or columns) of pixels, each half too faint
    // alone, are found again with both halves. (Looked for only here: the
    // second look costs a pass over the page.)
    let light = if light.horizontal.is_empty() && light.vertical.is_empty() {
        light
    } else {
        let split = plain.with_split_lines(&page.pixels, SPLIT_HALF);
        light_lines(page, cfg, &split, rulings)
    };
    rulings.horizontal.extend(light.horizontal);
    rulings.vertical.extend(light.vertical);
}

/// The thin strokes of `light` ink not among `found`, as rulings.
fn light_lines(page: &PageImage, cfg: &DetectConfig, light: &InkBits, found: &Rulings) -> Rulings {
    let known = |lines: &[Ruling], r: &Ruling| {
        lines.iter().any(|l| {
            (l.pos - r.pos).abs() <= 1.0 && l.start <= r.start + 1.0 && l.end >= r.end - 1.0
        })
    };
    let min_len = (LIGHT_LINE_LENGTHS * cfg.min_line_length * page.scale)
        .round()
        .max(2.0) as u32;
    let max_thick = (cfg.max_line_thickness * page.scale).round().max(1.0) as u32;
    let mut out = Rulings::default();
    for s in strokes(&light.row_runs(min_len))
        .iter()
        .filter(|s| s.thickness() <= max_thick)
    {
        for (pos, start, end) in s.rulings(max_thick) {
            let (x0, y) = page.to_points(start, pos);
            let (x1, _) = page.to_points(end, pos);
            let r = Ruling::new(y, x0, x1);
            if !known(&found.horizontal, &r) {
                out.horizontal.push(r);
            }
        }
    }
    let down = strokes(&light.column_runs(min_len));
    for s in down.iter().filter(|s| s.thickness() <= max_thick) {
        for (pos, start, end) in s.rulings(max_thick) {
            let (x, y0) = page.to_points(pos, start);
            let (_, y1) = page.to_points(pos, end);
            let r = Ruling::new(x, y0, y1);
            if !known(&found.vertical, &r) {
                out.vertical.push(r);
            }
        }
    }
    out
}

/// Column runs (column, start, end) in pixels with their parts inside a
/// filled box cut off, those at least `min_len` long left. A run along a
/// box's left or right edge that goes on past its top or bottom is left
/// whole: it is a border the box is drawn against.
fn outside_boxes(
    runs: &[(u32, u32, u32)],
    boxes: &[PixelBox],
    max_thick: u32,
    min_len: u32,
) -> Vec<(u32, u32, u32)> {
    let mut out = Vec::with_capacity(runs.len());
    for &(x, start, end) in runs {
        let mut pieces = vec![(start, end)];
        for &(bx0, by0, bx1, by1) in boxes {
            let at_an_edge = x <= bx0 + max_thick || x + max_thick >= bx1;
            if x < bx0 || x >= bx1 || (at_an_edge && (start < by0 || end > by1)) {
                continue;
            }
            pieces = pieces
                .into_iter()
                .flat_map(|(s, e)| {
                    if e <= by0 || s >= by1 {
                        vec![(s, e)]
                    } else {
                        vec![(s, by0.max(s)), (by1.min(e), e)]
                    }
                })
                .filter(|&(s, e)| e > s)
                .collect();
        }
        out.extend(
            pieces
                .into_iter()
                .filter(|&(s, e)| e - s >= min_len)
                .map(|(s, e)| (x, s, e)),
        );
    }
    // `strokes` wants them by column, then start.
    out.sort_unstable();
    out
}

/// The parts of the whole runs a thin stroke was cut from (`outside_boxes`)
/// that go on into the box, as strokes of their own: a column line goes on
/// into a filled header, where it parts the header's cells too, unless text
/// runs through it there (a spanning header cell).
fn into_a_box(s: Stroke, runs: &[(u32, u32, u32)], max_thick: u32) -> Vec<Stroke> {
    if s.thickness() > max_thick {
        return Vec::new();
    }
    let (mut start, mut end) = (s.start, s.end);
    let from = runs.partition_point(|r| r.0 < s.first);
    for &(_, a, b) in runs[from..].iter().take_while(|r| r.0 <= s.last) {
        if a < s.end && b > s.start {
            start = start.min(a);
            end = end.max(b);
        }
    }
    let mut out = Vec::new();
    if start < s.start {
        out.push(Stroke {
            start,
            end: s.start,
            ..s
        });
    }
    if end > s.end {
        out.push(Stroke {
            start: s.end,
            end,
            ..s
        });
    }
    out
}

/// Light ink for `add_light_lines`, and how many shortest rulings long such a
/// line must be.
const LIGHT_LINE_THRESHOLD: u8 = 240;
/// Each half of a light line split over two rows of pixels is darker than
/// this (together about as dark as `LIGHT_LINE_THRESHOLD`), and the paper
/// beside it not.
const SPLIT_HALF: u8 = 249;
const LIGHT_LINE_LENGTHS: f32 = 3.0;

/// A rectangle in pixels: (x0, y0, x1, y1), the far edges exclusive.
type PixelBox = (u32, u32, u32, u32);

/// Filled boxes (x0, y0, x1, y1) in pixels, from the strokes along rows: the
/// thick ones, grown by every stroke that touches them from above or below
/// (light text printed on a box splits it into bands and pieces). Also says
/// which strokes went into a box.
fn filled_boxes(strokes: &[Stroke], max_thick: u32) -> (Vec<PixelBox>, Vec<bool>) {
    let mut used = vec![false; strokes.len()];
    let mut boxes: Vec<PixelBox> = Vec::new();
    for (i, s) in strokes.iter().enumerate() {
        if s.thickness() > max_thick && !used[i] {
            used[i] = true;
            boxes.push((s.start, s.first, s.end, s.last + 1));
        }
    }
    // Grow until nothing more touches; each pass only adds, so this ends.
    let mut grew = true;
    while grew {
        grew = false;
        for b in boxes.iter_mut() {
            for (i, s) in strokes.iter().enumerate() {
                let overlap = s.end.min(b.2).saturating_sub(s.start.max(b.0));
                let touches = s.first <= b.3 + 1 && s.last + 2 >= b.1;
                if !used[i] && touches && overlap * 2 >= (s.end - s.start).min(b.2 - b.0) {
                    used[i] = true;
                    *b = (
                        b.0.min(s.start),
                        b.1.min(s.first),
                        b.2.max(s.end),
                        b.3.max(s.last + 1),
                    );
                    grew = true;
                }
            }
        }
        // Boxes that came to touch are one box.
        let mut merged: Vec<PixelBox> = Vec::new();
        for b in boxes.drain(..) {
            match merged
                .iter_mut()
                .find(|m| b.0 < m.2 && b.2 > m.0 && b.1 <= m.3 + 1 && b.3 + 1 >= m.1)
            {
                Some(m) => {
                    *m = (m.0.min(b.0), m.1.min(b.1), m.2.max(b.2), m.3.max(b.3));
                    grew = true;
                }
                None => merged.push(b),
            }
        }
        boxes = merged;
    }
    (boxes, used)
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

/// Long runs (scan line, start, end), sorted by line then start, grouped
/// into strokes: a run continues the stroke of the scan line before that it
/// overlaps most.
fn strokes(runs: &[(u32, u32, u32)]) -> Vec<Stroke> {
    let mut done = Vec::new();
    let mut open: Vec<Stroke> = Vec::new();
    let mut next_open: Vec<Stroke> = Vec::new();
    let mut i = 0;
    while i < runs.len() {
        let line = runs[i].0;
        // Strokes not continued on the scan line right before this one end.
        if open.first().is_some_and(|s| s.last + 1 != line) {
            done.append(&mut open);
        }
        while i < runs.len() && runs[i].0 == line {
            let (_, start, end) = runs[i];
            i += 1;
            let found = open.iter().position(|s| {
                let overlap = s.end.min(end).saturating_sub(s.start.max(start));
                overlap * 2 >= (s.end - s.start).min(end - start)
            });
            next_open.push(match found {
                Some(k) => {
                    let s = open.swap_remove(k);
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
            });
        }
        done.append(&mut open);
        std::mem::swap(&mut open, &mut next_open);
    }
    done.append(&mut open);
    done
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use image::{GrayImage, Luma};

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
    fn a_light_line_split_over_two_rows_of_pixels_is_a_ruling_a_faint_tint_is_not() {
        let config = Config::default();
        // A light grey line thinner than a pixel, half in each of two rows
        // and two columns: no pixel of it is dark enough alone. (Looked for
        // on a page with light gridlines.)
        let page = page_with(|img| {
            for x in 10..190 {
                img.put_pixel(x, 20, Luma([243]));
                img.put_pixel(x, 21, Luma([241]));
                // Another gridline of the page, whole in one row.
                img.put_pixel(x, 60, Luma([220]));
            }
            // The vertical one likewise; where the two cross, their ink adds.
            for y in 5..95 {
                for (x, v) in [(100, 242u8), (101, 244)] {
                    let under = img.get_pixel(x, y)[0];
                    img.put_pixel(x, y, Luma([under - (255 - v)]));
                }
            }
        });
        let r = find_rulings(&page, &config.detect);
        assert_eq!(r.horizontal.len(), 2, "{r:?}");
        assert!((r.horizontal[0].pos - 20.5).abs() <= 1.0);
        assert_eq!(r.vertical.len(), 1, "{r:?}");
        // A tint as faint, over a whole band, has no paper beside its pixels.
        let page = page_with(|img| {
            for y in 30..70 {
                for x in 10..190 {
                    img.put_pixel(x, y, Luma([243]));
                }
            }
        });
        let r = find_rulings(&page, &config.detect);
        assert!(r.horizontal.is_empty() && r.vertical.is_empty(), "{r:?}");
    }

    #[test]
    fn a_dark_box_with_light_text_gives_only_its_four_edges() {
        let page = page_with(|img| {
            for y in 30..60 {
                for x in 20..180 {
                    img.put_pixel(x, y, Luma([40]));
                }
            }
            // Three white "words" across the middle rows of the box.
            for (x0, x1) in [(30, 60), (80, 120), (140, 170)] {
                for y in 38..52 {
                    for x in x0..x1 {
                        img.put_pixel(x, y, Luma([255]));
                    }
                }
            }
        });
        let r = find_rulings(&page, &Config::default().detect);
        let ys: Vec<f32> = r.horizontal.iter().map(|l| l.pos).collect();
        let xs: Vec<f32> = r.vertical.iter().map(|l| l.pos).collect();
        assert_eq!(ys, vec![30.0, 60.0], "{r:?}");
        assert_eq!(xs, vec![20.0, 180.0], "{r:?}");
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

    #[test]
    fn column_lines_running_on_out_of_a_filled_box_are_rulings() {
        // A filled header (y 10..30) over two thin column lines that start
        // inside it and run on down to y 90: whole.
        let page = page_with(|img| {
            for y in 10..30 {
                for x in 20..180 {
                    img.put_pixel(x, y, Luma([120]));
                }
            }
            for y in 10..90 {
                img.put_pixel(80, y, Luma([0]));
                img.put_pixel(130, y, Luma([0]));
            }
        });
        let r = find_rulings(&page, &Config::default().detect);
        let xs: Vec<f32> = r.vertical.iter().map(|l| l.pos).collect();
        assert!(
            [80.5, 130.5].iter().all(|&x| {
                r.vertical.contains(&Ruling::new(x, 30.0, 90.0))
                    && r.vertical.contains(&Ruling::new(x, 10.0, 30.0))
            }),
            "{xs:?} {r:?}"
        );
    }
}
