//! OCR of scanned pages: from a rendered page image to a synthetic text layer,
//! so that detection and extraction read a scanned page as they read a
//! born-digital one.
//!
//! Takes the page image (rendered at `render.dpi`); gives the page with its
//! paper white (`paper`) and turned straight (`deskew`), and its characters
//! in page points in that straight frame, each with the recognition model's confidence. Text lines are found
//! by PaddleOCR's DB detection model on the page scaled to a short side of
//! about 1184 pixels (`db`), and each line is read at full resolution by the
//! PP-OCRv6 recognition model, decoded greedily (`ctc`); every character is
//! placed where along the line it was read, so a line that straddles two
//! cells still gives each cell its own characters. `text` fixes what the
//! model reads differently from a printed page (spaces between Chinese
//! characters, grouping commas read as points); `marks` finds the dashes
//! alone in their cells that it does not see.
//!
//! Invariants: characters of one detected line share a `line` id and its
//! vertical extent; ids are consecutive from the one given; the page image
//! keeps its size and its mapping to page points.

mod ctc;
mod db;
mod deskew;
mod marks;
#[cfg(feature = "ocr")]
mod model;
mod paper;
mod text;

pub(crate) use text::figures_read_as_letters;

use crate::config::DetectConfig;
use crate::table::Rect;
use crate::worker::extract::TextChar;
use crate::worker::render::{self, PageImage};

use text::Glyph;

#[cfg(feature = "ocr")]
pub use model::Engine;

/// Stands in for the engine in a build without the `ocr` feature: it never
/// loads, so scanned pages get the "not read" warning.
#[cfg(not(feature = "ocr"))]
pub(crate) struct Engine;

#[cfg(not(feature = "ocr"))]
impl Engine {
    pub(crate) fn load() -> Result<Engine, String> {
        Err("this build of tables2xlsx has no OCR (cargo feature `ocr`)".to_owned())
    }

    fn lines(&self, _image: &image::GrayImage) -> Result<Vec<Line>, String> {
        unreachable!("never loaded")
    }
}

/// A recognised text line in pixels of the page image it was read from.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    pub y0: f32,
    pub y1: f32,
    pub glyphs: Vec<Glyph>,
}

/// A scanned page read by OCR.
pub struct ScannedPage {
    /// The page turned straight, its ink only (see `paper::ink_only`) and
    /// the text read from it erased, its faint gridlines put back and the
    /// rulings erasing cut joined again: detection runs on this. Blurred letters
    /// run together into strokes as long as short rulings; detection has the
    /// characters for the text.
    pub image: PageImage,
    /// The page turned straight, as it looks (for the debug picture).
    pub straight: image::GrayImage,
    /// The characters, in page points of the straight page.
    pub chars: Vec<TextChar>,
    /// The recognition confidence (0-1) of each of `chars`.
    pub confidence: Vec<f32>,
    /// The skew the page was turned back by, in degrees.
    pub skew: f32,
}

/// Reads a page: straightens it, finds its lines and reads them. Characters
/// get `line` ids from `first_line`. `detect` says what detection will take
/// for ink and for a ruling, which the image it gets is prepared for.
pub fn read_page(
    engine: &Engine,
    page: PageImage,
    first_line: u32,
    detect: &DetectConfig,
) -> Result<ScannedPage, String> {
    let mut straight = render::owned(page.pixels);
    paper::whiten(&mut straight);
    let skew = deskew::skew(&straight);
    if let Some(turned) = deskew::straighten(&straight, skew) {
        straight = turned;
    }
    let mut lines = engine.lines(&straight)?;
    drop_double_reads(&mut lines);
    // Dashes alone in their cells, which the model does not see as text.
    let dashes = marks::lone_dashes(&straight, &lines, detect.ink_threshold);
    lines.extend(dashes);
    let mut pixels = paper::ink_only(&straight);
    let erased = erase_text(&mut pixels, &lines);
    // Text erased from the page as it is too, for `faint_lines` to measure
    // greys that `ink_only` has whitened. (Erasing once, before `ink_only`,
    // measured 0.007 F1 lower on scanned-eu.)
    let mut without_text = straight.clone();
    erase_text(&mut without_text, &lines);
    // Lines as short as the shortest ruling come back, cut pieces half that.
    let length = (detect.min_line_length * page.scale) as usize;
    paper::faint_lines(&without_text, &mut pixels, length);
    heal_lines(&mut pixels, &erased, length / 2, detect.ink_threshold);
    let image = PageImage {
        pixels: render::grey(pixels),
        ..page
    };
    let (chars, confidence) = synthetic_chars(&lines, &image, first_line);
    Ok(ScannedPage {
        straight,
        image,
        chars,
        confidence,
        skew,
    })
}

/// Drops characters read twice: the detection model's boxes of two cells
/// side by side in a row can both reach over the same character, and each
/// line then reads it. Of two characters of one row over the same ink, the
/// one standing further from the rest of its line goes (across the gap, or
/// the ruling, between the cells); a line left with nothing goes too.
fn drop_double_reads(lines: &mut Vec<Line>) {
    let inked = |g: &Glyph| g.c != ' ';
    // How far a glyph stands from its line's nearest other character.
    let apart = |line: &Line, k: usize| {
        let g = &line.glyphs[k];
        (line.glyphs.iter().enumerate())
            .filter(|&(i, h)| i != k && inked(h))
            .map(|(_, h)| (h.x0 - g.x1).max(g.x0 - h.x1).max(0.0))
            .fold(f32::INFINITY, f32::min)
    };
    let mut dropped: Vec<(usize, usize)> = Vec::new();
    for i in 0..lines.len() {
        for j in i + 1..lines.len() {
            let (a, b) = (&lines[i], &lines[j]);
            let overlap = a.y1.min(b.y1) - a.y0.max(b.y0);
            if overlap < 0.5 * (a.y1 - a.y0).min(b.y1 - b.y0) {
                continue;
            }
            for (ka, ga) in a.glyphs.iter().enumerate().filter(|(_, g)| inked(g)) {
                for (kb, gb) in b.glyphs.iter().enumerate().filter(|(_, g)| inked(g)) {
                    let shared = ga.x1.min(gb.x1) - ga.x0.max(gb.x0);
                    if shared < 0.5 * (ga.x1 - ga.x0).min(gb.x1 - gb.x0) {
                        continue;
                    }
                    dropped.push(if apart(a, ka) > apart(b, kb) {
                        (i, ka)
                    } else {
                        (j, kb)
                    });
                }
            }
        }
    }
    if dropped.is_empty() {
        return;
    }
    for (i, line) in lines.iter_mut().enumerate() {
        let mut k = 0;
        line.glyphs.retain(|_| {
            k += 1;
            !dropped.contains(&(i, k - 1))
        });
        // Spaces left at an end of the line.
        while line.glyphs.last().is_some_and(|g| !inked(g)) {
            line.glyphs.pop();
        }
        let lead = line.glyphs.iter().take_while(|g| !inked(g)).count();
        line.glyphs.drain(..lead);
    }
    lines.retain(|l| !l.glyphs.is_empty());
}

/// Paints over the recognised characters, a pixel beyond their ink, with
/// the background: white on paper, grey on a shaded band, so that no hole is
/// left for detection to take for a box. The background is the lightest of
/// three guesses, each the median of pixels near the character: the ring
/// around it, a strip above the line, one below. Each can be wrong, and then
/// darker: the ring holds the neighbours' ink and halo, a strip a ruling; a
/// box filled too dark would have edges detection takes for rulings.
/// Gives which pixels it painted.
fn erase_text(pixels: &mut image::GrayImage, lines: &[Line]) -> Vec<bool> {
    let (w, h) = (pixels.width() as i64, pixels.height() as i64);
    let mut erased = vec![false; (w * h) as usize];
    for line in lines {
        let y0 = (line.y0 as i64 - 1).max(0);
        let y1 = (line.y1.ceil() as i64 + 1).min(h);
        for g in line.glyphs.iter().filter(|g| g.c != ' ') {
            let x0 = (g.x0 as i64 - 1).max(0);
            let x1 = (g.x1.ceil() as i64 + 1).min(w);
            let at = |x: i64, y: i64| {
                ((0..w).contains(&x) && (0..h).contains(&y))
                    .then(|| pixels.get_pixel(x as u32, y as u32).0[0])
            };
            let ring = (x0 - 1..=x1)
                .flat_map(|x| [(x, y0 - 1), (x, y1)])
                .chain((y0..y1).flat_map(|y| [(x0 - 1, y), (x1, y)]));
            let above = (y0 - ERASE_OFFSET - ERASE_STRIP..y0 - ERASE_OFFSET)
                .flat_map(|y| (x0..x1).map(move |x| (x, y)));
            let below = (y1 + ERASE_OFFSET..y1 + ERASE_OFFSET + ERASE_STRIP)
                .flat_map(|y| (x0..x1).map(move |x| (x, y)));
            let median = |points: &mut dyn Iterator<Item = (i64, i64)>| {
                let mut v: Vec<u8> = points.filter_map(|(x, y)| at(x, y)).collect();
                v.sort_unstable();
                v.get(v.len() / 2).copied()
            };
            let fill = [
                median(&mut ring.into_iter()),
                median(&mut above.into_iter()),
                median(&mut below.into_iter()),
            ]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or(255);
            for y in y0..y1 {
                for x in x0..x1 {
                    pixels.put_pixel(x as u32, y as u32, image::Luma([fill]));
                    erased[(y * w + x) as usize] = true;
                }
            }
        }
    }
    erased
}

/// Joins again the pieces of a ruling that `erase_text` cut where text
/// touched it (a character's box reaches over a cell border or onto the rule
/// under it): along a row or down a column, runs of ink (darker than
/// `ink_threshold`) with gaps between them that are all erased pixels make
/// a chain, and its gaps are filled when it holds a run at least `min_run`
/// long and twice that of ink in all. A rule under a line of words is cut
/// at every word and left only in pieces as short as the spaces; the
/// remains of a letter are a few pixels in all.
fn heal_lines(pixels: &mut image::GrayImage, erased: &[bool], min_run: usize, ink_threshold: u8) {
    let (w, h) = (pixels.width() as usize, pixels.height() as usize);
    let ink = |v: u8| v < ink_threshold;
    // One line of pixels: `at(i)` is its i-th pixel's index in the image.
    let heal = |n: usize, at: &dyn Fn(usize) -> usize, px: &mut [u8]| {
        // The runs (start, end) of the chain so far.
        let mut chain: Vec<(usize, usize)> = Vec::new();
        let close = |chain: &mut Vec<(usize, usize)>, px: &mut [u8]| {
            let longest = chain.iter().map(|(a, b)| b - a).max().unwrap_or(0);
            let total: usize = chain.iter().map(|(a, b)| b - a).sum();
            if chain.len() >= 2 && longest >= min_run && total >= 2 * min_run {
                for pair in chain.windows(2) {
                    let (end, start) = (pair[0].1, pair[1].0);
                    let fill = px[at(end - 1)].max(px[at(start)]);
                    for k in end..start {
                        px[at(k)] = fill;
                    }
                }
            }
            chain.clear();
        };
        let mut i = 0;
        while i < n {
            if !ink(px[at(i)]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < n && ink(px[at(i)]) {
                i += 1;
            }
            let joined = chain
                .last()
                .is_some_and(|&(_, end)| (end..start).all(|k| erased[at(k)]));
            if !joined {
                close(&mut chain, px);
            }
            chain.push((start, i));
        }
        close(&mut chain, px);
    };
    let px = pixels.as_mut();
    for y in 0..h {
        heal(w, &|x| y * w + x, px);
    }
    for x in 0..w {
        heal(h, &|y| y * w + x, px);
    }
}

/// `erase_text` samples strips this many pixels tall, this far off the line.
const ERASE_STRIP: i64 = 2;
const ERASE_OFFSET: i64 = 3;

/// Lines in pixels to characters in page points. A character spans the
/// line's height; its size is what a font of that line height would have.
fn synthetic_chars(
    lines: &[Line],
    image: &PageImage,
    first_line: u32,
) -> (Vec<TextChar>, Vec<f32>) {
    let mut chars = Vec::new();
    let mut confidence = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let size = (line.y1 - line.y0) / image.scale / LINE_HEIGHT_EM;
        for g in &line.glyphs {
            let (x0, y0) = image.to_points(g.x0, line.y0);
            let (x1, y1) = image.to_points(g.x1, line.y1);
            chars.push(TextChar {
                c: g.c,
                bbox: Rect::new(x0, y0, x1, y1),
                line: first_line + i as u32,
                size,
            });
            confidence.push(g.conf);
        }
    }
    (chars, confidence)
}

/// A line's ink is about this many ems tall: from 0.72 (capitals and digits)
/// to 0.95 (ascenders and descenders, Chinese).
const LINE_HEIGHT_EM: f32 = 0.8;

/// The glyphs of one recognised line: characters placed by the step they
/// were read at (`steps` over `x0..x1`), fitted to the line's ink (see
/// `fit_to_ink`; `em` in pixels), then tidied.
fn glyphs_of(
    decoded: &[ctc::Decoded],
    alternatives: &[Option<usize>],
    symbols: &[String],
    (steps, x0, x1): (usize, f32, f32),
    columns: &[Column],
    em: f32,
) -> Vec<Glyph> {
    let mut glyphs = Vec::new();
    let spans = ctc::spans(decoded, steps, x0, x1);
    for ((d, (a, b)), alt) in decoded.iter().zip(spans).zip(alternatives) {
        let Some(symbol) = symbols.get(d.class) else {
            continue;
        };
        let alt = alt
            .and_then(|k| symbols.get(k))
            .and_then(|s| s.chars().next());
        // A symbol of several characters shares the span out evenly.
        let n = symbol.chars().count().max(1) as f32;
        for (k, c) in symbol.chars().enumerate() {
            let w = (b - a) / n;
            glyphs.push(Glyph {
                c,
                x0: a + w * k as f32,
                x1: a + w * (k as f32 + 1.0),
                conf: d.prob,
                alt,
            });
        }
    }
    fit_to_ink(&mut glyphs, columns, x0);
    snap_spaces(&mut glyphs, columns, x0);
    close_gaps(&mut glyphs, em, columns, x0);
    text::tidy(&mut glyphs);
    glyphs
}

/// What a column of a line's image holds between the line's top and bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    Blank,
    Ink,
    /// A vertical ruling crossing the line: never part of a character.
    Ruling,
}

/// Narrows each glyph to the inked columns inside it (`columns[i]` is column
/// `origin + i`): the steps only say roughly where a character was read, and
/// spans reaching halfway to the neighbours would close the gap between a
/// number and the text of the next column when they share a detected line.
/// A glyph whose span crosses a ruling keeps the side with more ink.
fn fit_to_ink(glyphs: &mut [Glyph], columns: &[Column], origin: f32) {
    for g in glyphs.iter_mut().filter(|g| g.c != ' ') {
        let from = (g.x0 - origin).floor().max(0.0) as usize;
        let to = ((g.x1 - origin).ceil().max(0.0) as usize).min(columns.len());
        if from >= to {
            continue;
        }
        let best = columns[from..to]
            .split(|&c| c == Column::Ruling)
            .scan(from, |start, part| {
                let here = *start;
                *start += part.len() + 1;
                Some((here, part))
            })
            .max_by_key(|(here, part)| {
                let ink = part.iter().filter(|&&c| c == Column::Ink).count();
                (ink, std::cmp::Reverse(*here))
            });
        let Some((start, part)) = best else { continue };
        let inked = |i: &usize| part[*i] == Column::Ink;
        if let Some(first) = (0..part.len()).find(inked) {
            let last = (0..part.len()).rev().find(inked).unwrap_or(first);
            g.x0 = origin + (start + first) as f32;
            g.x1 = origin + (start + last) as f32 + 1.0;
        }
    }
}

/// Each space read between two characters becomes the widest blank run of
/// columns between their middles, and the characters reach to it: the steps
/// place characters only roughly, and a light or thin typeface is inked
/// mostly in its stems, so the characters next to a space, narrowed to the
/// ink in their steps, would leave a gap wider than the space, as wide as
/// one between columns. Not across a ruling.
fn snap_spaces(glyphs: &mut [Glyph], columns: &[Column], origin: f32) {
    let col = |x: f32| ((x - origin).max(0.0) as usize).min(columns.len());
    for i in 1..glyphs.len().saturating_sub(1) {
        let (a, sp, b) = (glyphs[i - 1], glyphs[i], glyphs[i + 1]);
        if sp.c != ' ' || a.c == ' ' || b.c == ' ' {
            continue;
        }
        let (from, to) = (col((a.x0 + a.x1) / 2.0), col((b.x0 + b.x1) / 2.0));
        if from >= to || columns[from..to].contains(&Column::Ruling) {
            continue;
        }
        let mut best: Option<(usize, usize)> = None;
        let mut start = None;
        // The columns from `from`, and one past `to` that ends any run.
        let cols = columns[from..to].iter().chain([&Column::Ink]);
        for (k, &c) in (from..).zip(cols) {
            match (c == Column::Blank, start) {
                (true, None) => start = Some(k),
                (false, Some(s)) => {
                    if best.is_none_or(|(b0, b1)| k - s > b1 - b0) {
                        best = Some((s, k));
                    }
                    start = None;
                }
                _ => {}
            }
        }
        if let Some((b0, b1)) = best {
            let (x0, x1) = (origin + b0 as f32, origin + b1 as f32);
            glyphs[i - 1].x1 = x0;
            glyphs[i] = Glyph { x0, x1, ..sp };
            glyphs[i + 1].x0 = x1;
        }
    }
}

/// Within a word (characters read without a space between them), ink-tight
/// boxes leave gaps as wide as a letter's side bearings, and wider beside
/// commas, points and Chinese characters, which would split the word for
/// detection: such a gap, narrower than `MAX_LETTER_GAP_EM` of `em`, is
/// shared out between its two characters. A space read between two
/// characters, a ruling or a wider gap stays.
fn close_gaps(glyphs: &mut [Glyph], em: f32, columns: &[Column], origin: f32) {
    let ruled = |a: f32, b: f32| {
        let from = (a - origin).max(0.0) as usize;
        let to = ((b - origin).max(0.0) as usize + 1).min(columns.len());
        (from..to).any(|i| columns[i] == Column::Ruling)
    };
    for i in 1..glyphs.len() {
        let (a, b) = (glyphs[i - 1], glyphs[i]);
        let gap = b.x0 - a.x1;
        if a.c != ' '
            && b.c != ' '
            && gap > 0.0
            && gap < MAX_LETTER_GAP_EM * em
            && !ruled(a.x1, b.x0)
        {
            let mid = (a.x1 + b.x0) / 2.0;
            glyphs[i - 1].x1 = mid;
            glyphs[i].x0 = mid;
        }
    }
}

/// See `close_gaps`.
const MAX_LETTER_GAP_EM: f32 = 0.6;

#[cfg(test)]
mod tests {
    use super::*;

    /// A row of ink 100 pixels long at y = 5 (grey 120), cut where `cut`
    /// was erased; a short piece of ink (a letter's remains) at y = 15
    /// either side of an erased gap.
    fn cut_line(cut: std::ops::Range<u32>) -> (image::GrayImage, Vec<bool>) {
        let mut img = image::GrayImage::from_pixel(120, 20, image::Luma([255]));
        let mut erased = vec![false; 120 * 20];
        for x in 10..110 {
            if cut.contains(&x) {
                erased[5 * 120 + x as usize] = true;
            } else {
                img.put_pixel(x, 5, image::Luma([120]));
            }
        }
        for x in 40..48 {
            if (43..45).contains(&x) {
                erased[15 * 120 + x as usize] = true;
            } else {
                img.put_pixel(x, 15, image::Luma([60]));
            }
        }
        (img, erased)
    }

    #[test]
    fn a_ruling_cut_by_erased_text_is_joined_again() {
        let (mut img, erased) = cut_line(50..70);
        heal_lines(&mut img, &erased, 10, 180);
        assert!((10..110).all(|x| img.get_pixel(x, 5).0[0] == 120));
        // The letter's remains are shorter than a piece of ruling.
        assert!((43..45).all(|x| img.get_pixel(x, 15).0[0] == 255));
    }

    #[test]
    fn a_gap_that_was_not_erased_stays() {
        let (mut img, mut erased) = cut_line(50..70);
        erased[5 * 120 + 60] = false;
        heal_lines(&mut img, &erased, 10, 180);
        assert_eq!(img.get_pixel(60, 5).0[0], 255);
    }

    #[test]
    fn a_rule_under_a_line_of_words_is_joined_from_its_pieces() {
        // A rule from x = 10 to 110 at y = 5, erased under three words
        // (20-40, 45-70, 75-100): a short piece at its start, pieces as
        // short as the spaces between the words, a long one at its end.
        let mut img = image::GrayImage::from_pixel(120, 20, image::Luma([255]));
        let mut erased = vec![false; 120 * 20];
        for x in 10..110 {
            let word = (20..40).contains(&x) || (45..70).contains(&x) || (75..100).contains(&x);
            if word {
                erased[5 * 120 + x as usize] = true;
            } else {
                img.put_pixel(x, 5, image::Luma([120]));
            }
        }
        heal_lines(&mut img, &erased, 10, 180);
        assert!((10..110).all(|x| img.get_pixel(x, 5).0[0] == 120));
    }

    fn line(y0: f32, y1: f32, text: &str, x0: f32, step: f32) -> Line {
        Line {
            y0,
            y1,
            glyphs: (text.chars().enumerate())
                .map(|(k, c)| glyph(c, x0 + k as f32 * step, x0 + (k + 1) as f32 * step - 1.0))
                .collect(),
        }
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        (lines.iter())
            .map(|l| l.glyphs.iter().map(|g| g.c).collect())
            .collect()
    }

    #[test]
    fn a_character_read_in_two_cells_stays_in_the_one_it_belongs_to() {
        // "12.49" ends at x = 50; the next cell's box reached back over its
        // "9" and read "9 ab" (the "9" at 40-49, "ab" from 70).
        let mut next = line(10.0, 30.0, "9", 40.0, 10.0);
        next.glyphs.push(glyph(' ', 50.0, 70.0));
        next.glyphs.extend(line(0.0, 0.0, "ab", 70.0, 10.0).glyphs);
        let mut lines = vec![line(10.0, 30.0, "12.49", 0.0, 10.0), next];
        // A line in the next row, under the "9", keeps its own.
        lines.push(line(40.0, 60.0, "7", 40.0, 10.0));
        drop_double_reads(&mut lines);
        assert_eq!(texts(&lines), ["12.49", "ab", "7"]);
        // A line that is nothing but the character read twice goes.
        let mut lines = vec![
            line(10.0, 30.0, "12.49", 0.0, 10.0),
            line(11.0, 29.0, "9", 41.0, 10.0),
        ];
        drop_double_reads(&mut lines);
        assert_eq!(texts(&lines), ["12.49"]);
    }

    fn glyph(c: char, x0: f32, x1: f32) -> Glyph {
        Glyph {
            c,
            x0,
            x1,
            conf: 1.0,
            alt: None,
        }
    }

    #[test]
    fn glyphs_shrink_to_their_ink_and_keep_the_gap_between_columns() {
        // Ink at columns 102-105 ("8") and 130-139 ("化"), none between.
        let mut columns = vec![Column::Blank; 50];
        for i in (2..6).chain(30..40) {
            columns[i] = Column::Ink;
        }
        let mut g = vec![glyph('8', 100.0, 118.0), glyph('化', 118.0, 142.0)];
        fit_to_ink(&mut g, &columns, 100.0);
        assert_eq!((g[0].x0, g[0].x1), (102.0, 106.0));
        assert_eq!((g[1].x0, g[1].x1), (130.0, 140.0));
    }

    #[test]
    fn gaps_inside_a_word_close_and_spaces_and_column_gaps_stay() {
        // "90,4" tight to their ink, a space, "ab", a wide gap, "化".
        let mut g = vec![
            glyph('9', 0.0, 4.0),
            glyph('0', 5.0, 9.0),
            glyph(',', 12.0, 13.0),
            glyph('4', 14.0, 18.0),
            glyph(' ', 18.0, 22.0),
            glyph('a', 23.0, 27.0),
            glyph('b', 28.0, 32.0),
            glyph('化', 45.0, 55.0),
        ];
        close_gaps(&mut g, 10.0, &[], 0.0);
        let edges: Vec<(f32, f32)> = g.iter().map(|g| (g.x0, g.x1)).collect();
        assert_eq!(
            edges,
            vec![
                (0.0, 4.5),
                (4.5, 10.5),
                (10.5, 13.5),
                (13.5, 18.0),
                (18.0, 22.0),
                (23.0, 27.5),
                (27.5, 32.0),
                (45.0, 55.0),
            ]
        );
    }

    #[test]
    fn a_glyph_never_reaches_over_a_ruling_nor_does_a_gap_close_over_one() {
        // "%" inked at 2-5, a ruling at 8, "4" inked at 11-14: read without
        // a space between, their spans meeting at 9.
        let mut columns = vec![Column::Blank; 20];
        for i in (2..6).chain(11..15) {
            columns[i] = Column::Ink;
        }
        columns[8] = Column::Ruling;
        let mut g = vec![glyph('%', 0.0, 9.0), glyph('4', 9.0, 16.0)];
        // The first glyph's span holds a stray inked column past the ruling.
        columns[7] = Column::Blank;
        fit_to_ink(&mut g, &columns, 0.0);
        assert_eq!((g[0].x0, g[0].x1), (2.0, 6.0));
        assert_eq!((g[1].x0, g[1].x1), (11.0, 15.0));
        close_gaps(&mut g, 20.0, &columns, 0.0);
        assert_eq!(
            (g[0].x1, g[1].x0),
            (6.0, 11.0),
            "the ruling keeps them apart"
        );
        // A span reaching over a ruling to a little ink keeps the side with more.
        let mut h = vec![glyph('a', 0.0, 14.0)];
        fit_to_ink(&mut h, &columns, 0.0);
        assert_eq!((h[0].x0, h[0].x1), (2.0, 6.0));
    }

    #[test]
    fn a_space_takes_the_blank_between_its_words() {
        // "ab cd": stems inked at 0-1, 4-5 | 14-15, 18-19; the steps put the
        // space at 9-11 and narrowed "b" and "c" to their stems.
        let mut columns = vec![Column::Blank; 20];
        for i in [0, 1, 4, 5, 7, 14, 15, 18, 19] {
            columns[i] = Column::Ink;
        }
        let mut g = vec![
            glyph('a', 0.0, 2.0),
            glyph('b', 4.0, 6.0),
            glyph(' ', 9.0, 11.0),
            glyph('c', 14.0, 16.0),
            glyph('d', 18.0, 20.0),
        ];
        snap_spaces(&mut g, &columns, 0.0);
        let edges: Vec<(f32, f32)> = g.iter().map(|g| (g.x0, g.x1)).collect();
        assert_eq!(
            edges,
            vec![
                (0.0, 2.0),
                (4.0, 8.0),
                (8.0, 14.0),
                (14.0, 16.0),
                (18.0, 20.0)
            ]
        );
        // Across a ruling, nothing moves.
        columns[10] = Column::Ruling;
        let before = g.clone();
        snap_spaces(&mut g, &columns, 0.0);
        assert_eq!(g, before);
    }

    #[test]
    fn a_glyph_without_ink_keeps_its_span() {
        let columns = vec![Column::Blank; 10];
        let mut g = vec![glyph('.', 2.0, 5.0), glyph(' ', 5.0, 8.0)];
        fit_to_ink(&mut g, &columns, 0.0);
        assert_eq!((g[0].x0, g[0].x1), (2.0, 5.0));
        assert_eq!((g[1].x0, g[1].x1), (5.0, 8.0));
    }
}
