//! Marks the recognition does not find: a dash standing alone, as a
//! statistical table prints "-" in a cell with nothing to report. It is a
//! short bar a few pixels thick, too small for the detection model to take
//! for a line of text, so the cell came out empty where the page says "-".
//!
//! Takes the straightened page and the lines read on it; gives a line of
//! one "-" for each bar of ink shaped like a dash, outside every line read
//! and with no other ink near it (a minus sign before a figure, a hyphen
//! in a word, are read with their line).

use image::{GrayImage, Luma};
use imageproc::region_labelling::{connected_components, Connectivity};

use super::text::Glyph;
use super::Line;

/// A dash is this wide, in line heights (the height of the lines read on
/// the page): from an en dash of a small font to an em dash.
const DASH_WIDTH: std::ops::RangeInclusive<f32> = 0.25..=1.2;

/// A dash is no thicker than this share of a line's height...
const DASH_THICKNESS: f32 = 0.3;

/// ...and longer than thick by this much at least (a small dash, blurred
/// by the scan and turned straight, keeps a core of 4 x 3 pixels).
const DASH_ASPECT: f32 = 1.3;

/// The share of its box a dash's ink fills at least: a solid bar.
const DASH_FILL: f32 = 0.6;

/// How far around a dash, in line heights, no other ink stands: across a
/// cell's padding to its text, not as far as the rulings around it.
const CLEAR_ACROSS: f32 = 0.8;
const CLEAR_ABOVE: f32 = 0.5;

/// Ink at least this many line heights long is a ruling, which may stand
/// close to a dash (the cell's border).
const RULING: f32 = 3.0;

/// Where in a line's height (from its top) a dash level with it stands:
/// about the middle of its small letters.
const ROW_BAND: std::ops::RangeInclusive<f32> = 0.3..=0.8;

/// The confidence a dash found by its shape is given: above the default
/// `ocr.low_confidence`, as sure as most characters the model reads.
const DASH_CONFIDENCE: f32 = 0.9;

/// Lines of one "-" each for the lone dashes of `page` (darker than `ink`),
/// where none of `lines` stands.
pub(crate) fn lone_dashes(page: &GrayImage, lines: &[Line], ink: u8) -> Vec<Line> {
    let mut heights: Vec<f32> = lines.iter().map(|l| l.y1 - l.y0).collect();
    heights.sort_by(f32::total_cmp);
    let Some(&height) = heights.get(heights.len() / 2) else {
        return Vec::new();
    };
    let inked = GrayImage::from_fn(page.width(), page.height(), |x, y| {
        Luma([if page.get_pixel(x, y)[0] < ink {
            255
        } else {
            0
        }])
    });
    let boxes = ink_boxes(&inked);
    let is_dash = |b: &InkBox| {
        let (w, h) = (b.width() as f32, b.height() as f32);
        DASH_WIDTH.contains(&(w / height))
            && h <= (DASH_THICKNESS * height).max(2.0)
            && DASH_ASPECT * h <= w
            && b.pixels as f32 >= DASH_FILL * w * h
    };
    let read = |b: &InkBox| {
        let (cx, cy) = (b.cx(), b.cy());
        (lines.iter()).any(|l| {
            cy >= l.y0 && cy <= l.y1 && {
                let (x0, x1) = (
                    l.glyphs.first().map_or(0.0, |g| g.x0),
                    l.glyphs.last().map_or(0.0, |g| g.x1),
                );
                cx >= x0 - 0.2 * height && cx <= x1 + 0.2 * height
            }
        })
    };
    let alone = |dash: &InkBox| {
        let (ax, ay) = (CLEAR_ACROSS * height, CLEAR_ABOVE * height);
        let (x0, x1) = (dash.x0 as f32 - ax, dash.x1 as f32 + ax);
        let (y0, y1) = (dash.y0 as f32 - ay, dash.y1 as f32 + ay);
        boxes.iter().all(|b| {
            std::ptr::eq(b, dash)
                || (b.width().max(b.height()) as f32) >= RULING * height
                || (b.x1 as f32) < x0
                || (b.x0 as f32) > x1
                || (b.y1 as f32) < y0
                || (b.y0 as f32) > y1
        })
    };
    // In a row of text: level with a line read beside it, where a dash
    // stands in a line of its own (a broken ruling's pieces lie between
    // rows).
    let in_a_row = |b: &InkBox| {
        let cy = b.cy();
        (lines.iter()).any(|l| {
            let h = l.y1 - l.y0;
            cy >= l.y0 + ROW_BAND.start() * h && cy <= l.y0 + ROW_BAND.end() * h
        })
    };
    (boxes.iter())
        .filter(|b| is_dash(b) && !read(b) && alone(b) && in_a_row(b))
        .map(|b| Line {
            y0: b.cy() - height / 2.0,
            y1: b.cy() + height / 2.0,
            glyphs: vec![Glyph {
                c: '-',
                x0: b.x0 as f32,
                x1: b.x1 as f32 + 1.0,
                conf: DASH_CONFIDENCE,
                alt: None,
            }],
        })
        .collect()
}

/// The bounding box of a connected piece of ink, in pixels (`x1`, `y1`
/// inclusive), and how many pixels it has.
#[derive(Debug, Clone, Copy)]
struct InkBox {
    x0: u32,
    y0: u32,
    x1: u32,
    y1: u32,
    pixels: u32,
}

impl InkBox {
    fn width(&self) -> u32 {
        self.x1 - self.x0 + 1
    }
    fn height(&self) -> u32 {
        self.y1 - self.y0 + 1
    }
    fn cx(&self) -> f32 {
        (self.x0 + self.x1 + 1) as f32 / 2.0
    }
    fn cy(&self) -> f32 {
        (self.y0 + self.y1 + 1) as f32 / 2.0
    }
}

/// The boxes of the connected pieces of ink (255) of `inked`.
fn ink_boxes(inked: &GrayImage) -> Vec<InkBox> {
    let labels = connected_components(inked, Connectivity::Eight, Luma([0u8]));
    let mut boxes: Vec<Option<InkBox>> = Vec::new();
    for (x, y, label) in labels.enumerate_pixels() {
        let label = label[0] as usize;
        if label == 0 {
            continue;
        }
        if boxes.len() < label {
            boxes.resize(label, None);
        }
        let b = boxes[label - 1].get_or_insert(InkBox {
            x0: x,
            y0: y,
            x1: x,
            y1: y,
            pixels: 0,
        });
        b.x0 = b.x0.min(x);
        b.x1 = b.x1.max(x);
        b.y0 = b.y0.min(y);
        b.y1 = b.y1.max(y);
        b.pixels += 1;
    }
    boxes.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A white page with filled rectangles (x0, y0, x1, y1, exclusive ends).
    fn page(rects: &[(u32, u32, u32, u32)]) -> GrayImage {
        GrayImage::from_fn(200, 100, |x, y| {
            let ink = rects
                .iter()
                .any(|&(x0, y0, x1, y1)| x >= x0 && x < x1 && y >= y0 && y < y1);
            Luma([if ink { 40 } else { 255 }])
        })
    }

    /// A line read at rows y0..y1 with one glyph over x0..x1.
    fn read(y0: f32, y1: f32, x0: f32, x1: f32) -> Line {
        Line {
            y0,
            y1,
            glyphs: vec![Glyph {
                c: 'x',
                x0,
                x1,
                conf: 1.0,
                alt: None,
            }],
        }
    }

    #[test]
    fn a_dash_alone_in_its_cell_is_read_and_other_bars_are_not() {
        // Lines read 12 px high. A dash 7 x 3 px alone between two rulings
        // 20 px away; a hyphen 2 px from a word's ink; a bar as thick as a
        // letter; a dash inside a line that was read.
        let rects = [
            (0, 10, 200, 11),   // ruling above
            (0, 50, 200, 51),   // ruling below
            (40, 29, 47, 32),   // the lone dash
            (100, 29, 106, 32), // a hyphen...
            (108, 24, 114, 36), // ...beside a letter
            (150, 24, 158, 32), // a square blob, not a bar
            (170, 29, 177, 32), // a dash inside a line read
        ];
        let lines = [read(24.0, 36.0, 165.0, 185.0), read(60.0, 72.0, 0.0, 30.0)];
        let found = lone_dashes(&page(&rects), &lines, 180);
        assert_eq!(found.len(), 1, "{found:?}");
        let dash = &found[0];
        assert_eq!(dash.glyphs[0].c, '-');
        assert!(dash.glyphs[0].x0 == 40.0 && dash.glyphs[0].x1 == 47.0);
        assert!(dash.y0 < 30.5 && dash.y1 > 30.5);
        // With no line read on the page, there is no height to measure by.
        assert!(lone_dashes(&page(&rects), &[], 180).is_empty());
    }
}
