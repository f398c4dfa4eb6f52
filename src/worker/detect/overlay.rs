//! The `--debug-dir` picture of a page: the rendered page in grey with what
//! detection saw drawn over it, so a user can tell why a table was or was not
//! found. Rulings red, table regions blue, cell borders green (spanning cells
//! drawn whole).

use image::{Rgb, RgbImage};
use imageproc::drawing::{draw_hollow_rect_mut, draw_line_segment_mut};
use imageproc::rect::Rect as PixelRect;

use super::rulings::Rulings;
use crate::table::{Rect, TableRegion};
use crate::worker::render::PageImage;

const RULING: Rgb<u8> = Rgb([220, 30, 30]);
const REGION: Rgb<u8> = Rgb([30, 60, 230]);
const CELL: Rgb<u8> = Rgb([20, 170, 60]);

pub fn draw(page: &PageImage, rulings: &Rulings, tables: &[TableRegion]) -> RgbImage {
    let mut img = RgbImage::from_fn(page.pixels.width(), page.pixels.height(), |x, y| {
        // Lighten the page so the marks stand out.
        let v = page.pixels.get_pixel(x, y).0[0] / 2 + 128;
        Rgb([v, v, v])
    });
    for t in tables {
        for cell in &t.grid.cells {
            rect(&mut img, page, &t.grid.cell_rect(cell), CELL, 0);
        }
        rect(&mut img, page, &t.bbox, REGION, 1);
        rect(&mut img, page, &t.bbox, REGION, 2);
    }
    for r in &rulings.horizontal {
        let (a, b) = (page.to_pixels(r.start, r.pos), page.to_pixels(r.end, r.pos));
        draw_line_segment_mut(&mut img, a, b, RULING);
    }
    for r in &rulings.vertical {
        let (a, b) = (page.to_pixels(r.pos, r.start), page.to_pixels(r.pos, r.end));
        draw_line_segment_mut(&mut img, a, b, RULING);
    }
    img
}

/// A rectangle's outline, grown by `grow` pixels.
fn rect(img: &mut RgbImage, page: &PageImage, r: &Rect, color: Rgb<u8>, grow: i32) {
    let (x0, y0) = page.to_pixels(r.x0, r.y0);
    let (x1, y1) = page.to_pixels(r.x1, r.y1);
    let (w, h) = (
        (x1 - x0).round() as i32 + 2 * grow,
        (y1 - y0).round() as i32 + 2 * grow,
    );
    if w > 0 && h > 0 {
        let at = PixelRect::at(x0.round() as i32 - grow, y0.round() as i32 - grow);
        draw_hollow_rect_mut(img, at.of_size(w as u32, h as u32), color);
    }
}
