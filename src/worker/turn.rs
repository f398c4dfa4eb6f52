//! Turn (inside a worker, before detection): a page whose text runs up or
//! down the page — a landscape table printed sideways on a portrait page,
//! without `/Rotate` — is read as a person reads it: turned upright.
//!
//! Takes the way each character of the page runs (from its quad) and gives
//! the quarter turn that makes most of the text run left to right, and the
//! mapping of page points, rectangles and the page image into the turned
//! page. Pages with `/Rotate` need none of this: MuPDF's page space already
//! has the rotation applied.
//!
//! Invariant: a page is turned once, when the worker opens it, so detection
//! and extraction (and the regions passed between them) share the turned
//! coordinates; nothing outside the worker sees the page unturned.

use image::imageops;

use crate::table::Rect;
use crate::worker::render::{self, PageImage};

/// How many characters must run one way before a page counts as turned,
/// and what share of them: a chart's sideways axis label is not enough.
const MIN_CHARS: usize = 20;
const MIN_SHARE: f32 = 0.6;

/// The quarter turn a reader gives the page to read its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Turn {
    #[default]
    Upright,
    /// Text runs up the page (bottom to top).
    Clockwise,
    /// Text runs down the page (top to bottom).
    Counterclockwise,
}

/// A count of the ways characters run on a page.
#[derive(Debug, Clone, Copy, Default)]
pub struct Runs {
    right: usize,
    up: usize,
    down: usize,
    other: usize,
}

impl Runs {
    /// A character whose baseline runs along (dx, dy), y growing downwards.
    pub fn add(&mut self, dx: f32, dy: f32) {
        if dx.abs() >= dy.abs() {
            if dx > 0.0 {
                self.right += 1;
            } else {
                self.other += 1;
            }
        } else if dy < 0.0 {
            self.up += 1;
        } else {
            self.down += 1;
        }
    }

    pub fn turn(&self) -> Turn {
        let total = self.right + self.up + self.down + self.other;
        let most = |n: usize| n >= MIN_CHARS && n as f32 >= MIN_SHARE * total as f32;
        if most(self.up) {
            Turn::Clockwise
        } else if most(self.down) {
            Turn::Counterclockwise
        } else {
            Turn::Upright
        }
    }
}

impl Turn {
    /// Where the page point (x, y) of a page with `bounds` lands on the
    /// turned page, whose top left is (0, 0).
    pub fn point(self, bounds: Rect, x: f32, y: f32) -> (f32, f32) {
        match self {
            Turn::Upright => (x, y),
            Turn::Clockwise => (bounds.y1 - y, x - bounds.x0),
            Turn::Counterclockwise => (y - bounds.y0, bounds.x1 - x),
        }
    }

    pub fn rect(self, bounds: Rect, r: Rect) -> Rect {
        let (ax, ay) = self.point(bounds, r.x0, r.y0);
        let (bx, by) = self.point(bounds, r.x1, r.y1);
        Rect::new(ax.min(bx), ay.min(by), ax.max(bx), ay.max(by))
    }

    /// The turned page's bounds.
    pub fn bounds(self, bounds: Rect) -> Rect {
        match self {
            Turn::Upright => bounds,
            _ => Rect::new(0.0, 0.0, bounds.height(), bounds.width()),
        }
    }

    /// The page image, turned with the page.
    pub fn image(self, page: PageImage) -> PageImage {
        let pixels = match self {
            Turn::Upright => return page,
            Turn::Clockwise => imageops::rotate90(&page.pixels),
            Turn::Counterclockwise => imageops::rotate270(&page.pixels),
        };
        PageImage {
            pixels: render::grey(pixels),
            scale: page.scale,
            origin: (0.0, 0.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{GrayImage, Luma};

    const PORTRAIT: Rect = Rect {
        x0: 0.0,
        y0: 0.0,
        x1: 595.0,
        y1: 842.0,
    };

    #[test]
    fn most_text_running_one_way_decides_the_turn() {
        let runs = |right: usize, up: usize, down: usize| {
            let mut r = Runs::default();
            (0..right).for_each(|_| r.add(1.0, 0.0));
            (0..up).for_each(|_| r.add(0.0, -1.0));
            (0..down).for_each(|_| r.add(0.1, 1.0));
            r.turn()
        };
        assert_eq!(runs(500, 30, 0), Turn::Upright, "an axis label");
        assert_eq!(runs(40, 300, 0), Turn::Clockwise);
        assert_eq!(runs(40, 0, 300), Turn::Counterclockwise);
        assert_eq!(runs(0, 10, 0), Turn::Upright, "too little text to tell");
    }

    #[test]
    fn text_running_up_or_down_runs_left_to_right_once_turned() {
        for (turn, step) in [(Turn::Clockwise, -5.0), (Turn::Counterclockwise, 5.0)] {
            // Two characters one after the other along the text.
            let a = turn.point(PORTRAIT, 100.0, 400.0);
            let b = turn.point(PORTRAIT, 100.0, 400.0 + step);
            assert!(
                b.0 > a.0 && (b.1 - a.1).abs() < 1e-3,
                "{turn:?}: {a:?} {b:?}"
            );
            // Every corner of the page lands on the turned page.
            let turned = turn.bounds(PORTRAIT);
            assert_eq!((turned.width(), turned.height()), (842.0, 595.0));
            for (x, y) in [(0.0, 0.0), (595.0, 0.0), (0.0, 842.0), (595.0, 842.0)] {
                let (tx, ty) = turn.point(PORTRAIT, x, y);
                assert!(
                    turned.contains(tx, ty),
                    "{turn:?}: ({x}, {y}) to ({tx}, {ty})"
                );
            }
            let r = turn.rect(PORTRAIT, Rect::new(10.0, 20.0, 30.0, 70.0));
            assert_eq!((r.width(), r.height()), (50.0, 20.0));
        }
    }

    #[test]
    fn the_image_turns_with_the_points() {
        // A page of 4 by 6 points at 1 pixel per point, one dark pixel.
        let bounds = Rect::new(0.0, 0.0, 4.0, 6.0);
        for turn in [Turn::Clockwise, Turn::Counterclockwise] {
            let mut pixels = GrayImage::from_pixel(4, 6, Luma([255]));
            pixels.put_pixel(1, 4, Luma([0]));
            let page = turn.image(PageImage {
                pixels: render::grey(pixels),
                scale: 1.0,
                origin: (0.0, 0.0),
            });
            // The pixel's centre, turned, is where the dark pixel went.
            let (x, y) = turn.point(bounds, 1.5, 4.5);
            let (px, py) = page.to_pixels(x, y);
            assert_eq!(
                page.pixels.get_pixel(px as u32, py as u32).0[0],
                0,
                "{turn:?}"
            );
        }
    }
}
