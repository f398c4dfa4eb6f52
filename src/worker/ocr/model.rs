//! The two PaddleOCR models on `rten`: detection (page → probability that a
//! pixel is text) and recognition (line image → per-step class probabilities).
//!
//! The models are built into the binary (`models/`, see its SOURCE) and
//! loaded from there without a copy; a worker loads them once, on its first
//! scanned page. Each model run is single-threaded when the process has
//! `RTEN_NUM_THREADS=1`, as the pool gives its workers.

use image::imageops::{self, FilterType};
use image::GrayImage;
use rten::{Model, ModelOptions};
use rten_tensor::prelude::*;
use rten_tensor::{NdTensor, Tensor};

use super::{ctc, db, glyphs_of, Column, Line};
use crate::worker::extract::{is_cjk, is_ideograph};

static DET_MODEL: &[u8] = include_bytes!("models/PP-OCRv6_det_small.onnx");
static REC_MODEL: &[u8] = include_bytes!("models/PP-OCRv6_rec_small.onnx");

/// Detection runs on the page scaled so that its short side is this long
/// (PaddleOCR's `limit_side_len`): about 144 dpi for A4, the default render.
/// At 90 dpi (736) body text is found as well, but a lone "1" or "-" in a
/// table cell is a speck the model passes over (scanned-eu F1 0.754 → 0.787
/// at this size, for 1.4 times the time per page and some 165 MB more per
/// worker: `benches/ocr.sh`).
const DET_SHORT_SIDE: f32 = 1184.0;
/// And its long side no longer than this, for very long pages.
const DET_MAX_SIDE: f32 = 2400.0;
/// The recognition model reads lines scaled to this height.
const REC_HEIGHT: u32 = 48;
/// Lines shorter than this (after scaling) are padded with white: a single
/// digit gives the model too few steps to read it in.
const REC_MIN_WIDTH: u32 = 96;
/// Once `NOISE_MIN_LINES` lines, or lines `NOISE_MIN_WIDTH` pixels long in
/// all at the model's height (some ten lines of prose), have been read, the
/// mean confidence so far must stay above `NOISE_CONFIDENCE`; a clean scan
/// reads above 0.9, a poor one above 0.8.
const NOISE_MIN_LINES: usize = 40;
const NOISE_MIN_WIDTH: f32 = 20_000.0;
const NOISE_CONFIDENCE: f32 = 0.7;
/// More text lines than a page of the densest table holds.
const MAX_LINES: usize = 2500;
/// Boxes lower than this (pixels of the page image) hold no readable text.
const MIN_LINE_HEIGHT: f32 = 5.0;

/// The loaded models and the recognition model's alphabet.
pub struct Engine {
    det: Model,
    rec: Model,
    /// Class index → text; 0 is the CTC blank (""), the last a space.
    symbols: Vec<String>,
    /// The classes of double and single quotes.
    quotes: Vec<ctc::Quotes>,
    /// Which classes are one ideograph, and which one letter, figure or
    /// sign of another script.
    ideographs: Vec<bool>,
    others: Vec<bool>,
}

impl Engine {
    /// The models built into the binary.
    pub fn load() -> Result<Engine, String> {
        let options = ModelOptions::with_all_ops();
        let det = options
            .load_static_slice(DET_MODEL)
            .map_err(|e| format!("cannot load the OCR detection model: {e}"))?;
        let rec = options
            .load_static_slice(REC_MODEL)
            .map_err(|e| format!("cannot load the OCR recognition model: {e}"))?;
        let dictionary = rec
            .metadata()
            .get("character")
            .ok_or("the OCR recognition model has no character list")?;
        let mut symbols = vec![String::new()];
        symbols.extend(dictionary.lines().map(str::to_owned));
        symbols.push(" ".to_owned());
        let class = |s: &str| symbols.iter().position(|x| x == s);
        let quotes = [("\"", "“", "”"), ("'", "‘", "’")]
            .into_iter()
            .filter_map(|(straight, open, close)| {
                Some(ctc::Quotes {
                    straight: class(straight)?,
                    open: class(open)?,
                    close: class(close)?,
                })
            })
            .collect();
        let single = |s: &String| {
            let mut chars = s.chars();
            chars
                .next()
                .filter(|c| chars.next().is_none() && !c.is_whitespace())
        };
        let ideographs = symbols
            .iter()
            .map(|s| single(s).is_some_and(is_ideograph))
            .collect();
        let others = (symbols.iter())
            .map(|s| single(s).is_some_and(|c| !is_cjk(c)))
            .collect();
        Ok(Engine {
            det,
            rec,
            symbols,
            quotes,
            ideographs,
            others,
        })
    }

    /// The text lines of a (straight) page image, top to bottom.
    pub(crate) fn lines(&self, image: &GrayImage) -> Result<Vec<Line>, String> {
        let boxes = self.detect(image)?;
        // Each line costs a recognition run; a page of noise would take minutes.
        if boxes.len() > MAX_LINES {
            return Err(format!(
                "OCR found {} text lines, more than a page holds ({MAX_LINES}): \
                 the scan is noise, not text",
                boxes.len()
            ));
        }
        let mut lines: Vec<Line> = Vec::new();
        let (mut sum, mut count, mut width) = (0.0f32, 0usize, 0.0f32);
        let line_height = median_height(&boxes);
        let mut typeset_quotes = false;
        for (i, b) in boxes.iter().enumerate() {
            if b.y1 - b.y0 < MIN_LINE_HEIGHT {
                continue;
            }
            // What reading the line costs: its width at the model's height.
            width += REC_HEIGHT as f32 * (b.x1 - b.x0) / (b.y1 - b.y0);
            if let Some((line, typeset)) = self.recognize(image, &as_tall_as(b, line_height))? {
                sum += line.glyphs.iter().map(|g| g.conf).sum::<f32>();
                count += line.glyphs.len();
                lines.push(line);
                typeset_quotes |= typeset;
            }
            // A damaged scan (streaks, noise) reads as hundreds of lines of
            // nonsense, slowly: stop once it is plain the model is guessing.
            let checked = i + 1 >= NOISE_MIN_LINES || width >= NOISE_MIN_WIDTH;
            if checked && count > 0 && sum / (count as f32) < NOISE_CONFIDENCE {
                return Err(format!(
                    "OCR read only guesses (mean confidence {:.2} over {} lines): \
                     the scan is damaged or not text",
                    sum / count as f32,
                    i + 1
                ));
            }
        }
        // A page sets its quotes one way: a line's quote read as typeset
        // makes the page's straight ones typeset too (a closing quote may
        // show it less than the opening one a line above).
        if typeset_quotes {
            for line in &mut lines {
                super::text::typeset_quotes(&mut line.glyphs);
            }
        }
        latin_for_lone_ideographs(&mut lines);
        Ok(lines)
    }

    /// Line boxes in pixels of `image`.
    fn detect(&self, image: &GrayImage) -> Result<Vec<db::TextBox>, String> {
        let (w, h) = (image.width() as f32, image.height() as f32);
        let scale = (DET_SHORT_SIDE / w.min(h)).min(DET_MAX_SIDE / w.max(h));
        let side = |v: f32| ((v * scale / 32.0).round().max(1.0) * 32.0) as u32;
        let (dw, dh) = (side(w), side(h));
        let small = imageops::resize(image, dw, dh, FilterType::Triangle);
        let prob = self.run(&self.det, &small)?;
        let shape = prob.shape().to_vec();
        let (mh, mw) = (shape[shape.len() - 2], shape[shape.len() - 1]);
        let data = prob.to_vec();
        let (sx, sy) = (w / mw as f32, h / mh as f32);
        Ok(db::boxes(&data, mw, mh)
            .into_iter()
            .map(|b| db::TextBox {
                x0: b.x0 * sx,
                y0: b.y0 * sy,
                x1: b.x1 * sx,
                y1: b.y1 * sy,
                score: b.score,
            })
            .collect())
    }

    /// Reads one line box of `image`; says too whether its quotes read as
    /// typeset ones.
    fn recognize(
        &self,
        image: &GrayImage,
        b: &db::TextBox,
    ) -> Result<Option<(Line, bool)>, String> {
        let x0 = b.x0.floor().max(0.0) as u32;
        let y0 = b.y0.floor().max(0.0) as u32;
        let x1 = (b.x1.ceil() as u32).min(image.width());
        let y1 = (b.y1.ceil() as u32).min(image.height());
        if x1 <= x0 + 1 || y1 <= y0 + 1 {
            return Ok(None);
        }
        let mut crop = imageops::crop_imm(image, x0, y0, x1 - x0, y1 - y0).to_image();
        light_on_dark_inverted(&mut crop);
        let ink = Ink::of(&crop);
        let width =
            ((REC_HEIGHT as f32 * crop.width() as f32 / crop.height() as f32).ceil() as u32).max(1);
        let scaled = imageops::resize(
            &ink.without_rulings(),
            width,
            REC_HEIGHT,
            FilterType::Triangle,
        );
        let padded_width = width.max(REC_MIN_WIDTH);
        let mut input = GrayImage::from_pixel(padded_width, REC_HEIGHT, image::Luma([255]));
        imageops::replace(&mut input, &scaled, 0, 0);
        let out = self.run(&self.rec, &input)?;
        let shape = out.shape().to_vec();
        let (steps, classes) = (shape[shape.len() - 2], shape[shape.len() - 1]);
        let probs = out.to_vec();
        let decoded = ctc::decode(&probs, classes);
        let opens_before = |class: usize| {
            let mut symbol = self.symbols.get(class).into_iter().flat_map(|s| s.chars());
            match (symbol.next(), symbol.next()) {
                (Some(c), None) => super::text::OPENS_A_QUOTE.contains(&c),
                _ => false,
            }
        };
        let typeset_quotes =
            ctc::shows_typeset_quotes(&decoded, &probs, classes, &self.quotes, &opens_before);
        // Only a lone ideograph may be replaced (`latin_for_lone_ideographs`):
        // a Chinese line's, beside others, are not looked at again.
        let ideograph = |i: usize| {
            (decoded.get(i)).is_some_and(|d| self.ideographs.get(d.class).copied().unwrap_or(false))
        };
        let other = |c: usize| self.others.get(c).copied().unwrap_or(false);
        let alternatives: Vec<Option<usize>> = (0..decoded.len())
            .map(|i| {
                let lone = ideograph(i) && !(i > 0 && ideograph(i - 1)) && !ideograph(i + 1);
                lone.then(|| ctc::likeliest_other(&decoded[i], &probs, classes, other))
                    .flatten()
            })
            .collect();
        let (band0, band1) = ink.band().unwrap_or((0, crop.height()));
        let columns = ink.columns(band0, band1);
        // The steps cover the padded width; the line is the unpadded part.
        let px_per_step = (x1 - x0) as f32 * padded_width as f32 / width as f32 / steps as f32;
        let em = (band1 - band0) as f32 / super::LINE_HEIGHT_EM;
        let glyphs = glyphs_of(
            &decoded,
            &alternatives,
            &self.symbols,
            (steps, x0 as f32, x0 as f32 + px_per_step * steps as f32),
            &columns,
            em,
        );
        let line = Line {
            y0: (y0 + band0) as f32,
            y1: (y0 + band1) as f32,
            glyphs,
        };
        Ok((!line.glyphs.is_empty()).then_some((line, typeset_quotes)))
    }

    /// Runs a model on a grey image given as three equal channels scaled to -1..1.
    fn run(&self, model: &Model, image: &GrayImage) -> Result<Tensor<f32>, String> {
        let (w, h) = (image.width() as usize, image.height() as usize);
        let plane: Vec<f32> = image
            .as_raw()
            .iter()
            .map(|&p| p as f32 / 127.5 - 1.0)
            .collect();
        let mut data = Vec::with_capacity(3 * plane.len());
        for _ in 0..3 {
            data.extend_from_slice(&plane);
        }
        let input = NdTensor::from_data([1, 3, h, w], data);
        let out = model
            .run_one(input.view().into(), None)
            .map_err(|e| format!("OCR model failed: {e}"))?;
        out.try_into()
            .map_err(|e| format!("OCR model gave an unexpected output: {e:?}"))
    }
}

/// A page with ideographs fewer than this share of its characters is in
/// another script: ideographs on it are the model's misreadings.
const FOREIGN_IDEOGRAPHS: f32 = 0.02;

/// On a page in a script of letters (the recognition model reads Chinese
/// and English alike), an ideograph standing alone, no ideograph beside it,
/// is a figure or a letter the model misread (a lone `1` in a column of
/// figures read `工`): it becomes the likeliest letter, figure or sign
/// read there. On a Chinese page, one-character cells (`男`, `女`) stay.
fn latin_for_lone_ideographs(lines: &mut [Line]) {
    let glyphs = lines.iter().flat_map(|l| &l.glyphs);
    let all = glyphs.clone().count();
    let cjk = glyphs.filter(|g| is_cjk(g.c)).count();
    if cjk as f32 >= FOREIGN_IDEOGRAPHS * all as f32 {
        return;
    }
    for line in lines {
        let g = &mut line.glyphs;
        for i in 0..g.len() {
            let beside = |j: Option<usize>| j.and_then(|j| g.get(j)).is_some_and(|n| is_cjk(n.c));
            if let Some(alt) = g[i].alt {
                if is_ideograph(g[i].c) && !beside(i.checked_sub(1)) && !beside(Some(i + 1)) {
                    g[i].c = alt;
                }
            }
        }
    }
}

/// The median height of the boxes tall enough to read.
fn median_height(boxes: &[db::TextBox]) -> f32 {
    let mut heights: Vec<f32> = (boxes.iter())
        .map(|b| b.y1 - b.y0)
        .filter(|&h| h >= MIN_LINE_HEIGHT)
        .collect();
    heights.sort_by(f32::total_cmp);
    heights.get(heights.len() / 2).copied().unwrap_or(0.0)
}

/// The box grown about its middle to `height`, when it is much lower: the
/// detection model boxes a lone "-" or "." tight around its ink, and scaled
/// to the recognition model's height, alone in its crop, a blurred dash is
/// a thick bar that reads as "=" or "二". In a crop as tall as a line of
/// text it has the size it has among letters. A box of digits, a little
/// lower than a line with ascenders and descenders, keeps its height: so
/// grown, "0" reads as "O".
fn as_tall_as(b: &db::TextBox, height: f32) -> db::TextBox {
    if b.y1 - b.y0 >= SHORT_BOX * height {
        return *b;
    }
    let grow = (height - (b.y1 - b.y0)) / 2.0;
    db::TextBox {
        y0: (b.y0 - grow).max(0.0),
        y1: b.y1 + grow,
        ..*b
    }
}

/// See `as_tall_as`: a box lower than this share of a line is a mark.
const SHORT_BOX: f32 = 0.7;

/// A pixel darker than this is ink, for a line's vertical extent and where
/// its characters are: at least (black print), and up to `LIGHT_INK` for a
/// line printed lighter, halfway between its darkest grey and its paper.
/// A light grey typeface, blurred by the scan, is darker than 140 only in
/// its stems; characters narrowed to their stems open gaps inside words as
/// wide as the gaps between columns.
const INK: u8 = 140;
const LIGHT_INK: u8 = 190;

/// Light text on a dark band (a table's header row) turned into dark text on
/// light: otherwise every column of the band reads as a ruling, which cuts
/// the line's characters apart, and their cells with them.
fn light_on_dark_inverted(crop: &mut GrayImage) {
    let mut levels: Vec<u8> = crop.as_raw().clone();
    let mid = levels.len() / 2;
    let (_, &mut median, _) = levels.select_nth_unstable(mid);
    if median < DARK_BACKGROUND {
        imageops::invert(crop);
    }
}

/// A row of a line's crop this many grey levels darker than its paper,
/// nearly all across, is a ruling, not text (see `Ink::without_rulings`).
const RULING_CONTRAST: u32 = 25;

/// A crop whose median grey is below this has a dark background.
const DARK_BACKGROUND: u8 = 110;

/// The ink of a line crop, without rulings: columns inked nearly all the
/// way down are a vertical ruling, rows inked nearly all the way across a
/// horizontal one; neither is text.
struct Ink<'a> {
    crop: &'a GrayImage,
    level: u8,
    paper: u8,
    /// Rows darker than the paper nearly all across, and columns nearly
    /// all down, however light.
    rule_row: Vec<bool>,
    rule_col: Vec<bool>,
    ruled_col: Vec<bool>,
    ruled_row: Vec<bool>,
}

impl<'a> Ink<'a> {
    fn of(crop: &'a GrayImage) -> Self {
        let (w, h) = crop.dimensions();
        let mut greys = crop.as_raw().clone();
        greys.sort_unstable();
        let darkest = greys[greys.len() / 100] as u32;
        let paper = greys[greys.len() / 2] as u32;
        let level = (((darkest + paper) / 2) as u8).clamp(INK, LIGHT_INK);
        let ink = |x: u32, y: u32| crop.get_pixel(x, y).0[0] < level;
        let ruled_col = (0..w)
            .map(|x| (0..h).filter(|&y| ink(x, y)).count() as f32 > 0.8 * h as f32)
            .collect();
        let ruled_row = (0..h)
            .map(|y| (0..w).filter(|&x| ink(x, y)).count() as f32 > 0.8 * w as f32)
            .collect();
        // A ruling lighter than `level` (a grey cell border) still shows as
        // a line to the model: rows darker than the paper nearly all across,
        // columns nearly all down. (A crop is taller than the ink of its
        // characters, by the detection model's margin or `as_tall_as`.)
        let faint = |x: u32, y: u32| (crop.get_pixel(x, y).0[0] as u32) + RULING_CONTRAST < paper;
        // A row ruling runs on past the crop's ends: the middle of a line of
        // blurred letters can be as dark nearly all across, but the
        // detection model's margin beside it is paper. (No letter is that
        // tall: a column needs no such test, and a crop may reach past the
        // end of a column ruling, above a table.)
        let reaches = |y: u32, xs: std::ops::Range<u32>| xs.into_iter().any(|x| faint(x, y));
        let rule_row = (0..h)
            .map(|y| {
                reaches(y, 0..2.min(w))
                    && reaches(y, w.saturating_sub(2)..w)
                    && (0..w).filter(|&x| faint(x, y)).count() as f32 > 0.8 * w as f32
            })
            .collect();
        let rule_col = (0..w)
            .map(|x| (0..h).filter(|&y| faint(x, y)).count() as f32 > 0.8 * h as f32)
            .collect();
        Ink {
            crop,
            level,
            paper: paper as u8,
            rule_row,
            rule_col,
            ruled_col,
            ruled_row,
        }
    }

    /// The crop with its rulings painted over with its paper, for the
    /// recognition model: a cell's border above a lone "-" reads as "=",
    /// one beside a number as a "1" or "|".
    /// A crop that is nothing but such a line (a dash filling its box)
    /// stays as it is.
    fn without_rulings(&self) -> GrayImage {
        let mut clean = self.crop.clone();
        for (x, y, p) in clean.enumerate_pixels_mut() {
            if self.rule_col[x as usize] || self.rule_row[y as usize] {
                p.0[0] = p.0[0].max(self.paper);
            }
        }
        if clean.pixels().any(|p| p.0[0] < self.level) {
            clean
        } else {
            self.crop.clone()
        }
    }

    fn at(&self, x: u32, y: u32) -> bool {
        !self.ruled_col[x as usize]
            && !self.ruled_row[y as usize]
            && self.crop.get_pixel(x, y).0[0] < self.level
    }

    /// The rows (from, to exclusive) that hold the line's ink: the band of
    /// inked rows around the middle. The detector's box has a margin, often
    /// reaching into the lines above and below or onto a ruling; a
    /// character box as tall as that would make lines overlap.
    fn band(&self) -> Option<(u32, u32)> {
        let (w, h) = self.crop.dimensions();
        // Grain leaves stray dark pixels; a row of the line has a few at least.
        let min_ink = (w / 100).max(2) as usize;
        let inked: Vec<bool> = (0..h)
            .map(|y| (0..w).filter(|&x| self.at(x, y)).count() >= min_ink)
            .collect();
        let mid = h / 2;
        // The inked row nearest the middle.
        let start = (0..h)
            .flat_map(|d| [mid.checked_sub(d), Some(mid + d)])
            .flatten()
            .find(|&y| y < h && inked[y as usize])?;
        let mut top = start;
        while top > 0 && inked[top as usize - 1] {
            top -= 1;
        }
        let mut bottom = start + 1;
        while bottom < h && inked[bottom as usize] {
            bottom += 1;
        }
        Some((top, bottom))
    }

    /// What each column holds between rows `y0` and `y1`.
    fn columns(&self, y0: u32, y1: u32) -> Vec<Column> {
        (0..self.crop.width())
            .map(|x| {
                if self.ruled_col[x as usize] {
                    Column::Ruling
                } else if (y0..y1).any(|y| self.at(x, y)) {
                    Column::Ink
                } else {
                    Column::Blank
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::Luma;

    /// A line of `text`, each character with `alt` as its alternative.
    fn line_of(text: &str, alt: Option<char>) -> Line {
        let glyphs = (text.chars().enumerate())
            .map(|(i, c)| super::super::text::Glyph {
                c,
                x0: i as f32,
                x1: i as f32 + 1.0,
                conf: 0.9,
                alt,
            })
            .collect();
        Line {
            y0: 0.0,
            y1: 10.0,
            glyphs,
        }
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        (lines.iter())
            .map(|l| l.glyphs.iter().map(|g| g.c).collect())
            .collect()
    }

    #[test]
    fn a_lone_ideograph_on_a_page_of_letters_is_the_likeliest_letter_or_figure() {
        let mut lines = vec![
            line_of("Chlorfenvinphos 0.05 mg per kilogram of dry weight", None),
            line_of("工", Some('1')),
            line_of("Toxaphene 0.10 mg per kilogram of dry weight", None),
        ];
        latin_for_lone_ideographs(&mut lines);
        assert_eq!(texts(&lines)[1], "1");
    }

    #[test]
    fn ideographs_of_a_chinese_page_or_side_by_side_stay() {
        let mut chinese = vec![line_of("性别 人数 合计", None), line_of("男", Some('1'))];
        latin_for_lone_ideographs(&mut chinese);
        assert_eq!(texts(&chinese)[1], "男");
        let text = "A long English line of running text that goes on and on for a while";
        let mut name = vec![
            line_of(text, None),
            line_of(text, None),
            line_of("王伟", Some('x')),
        ];
        latin_for_lone_ideographs(&mut name);
        assert_eq!(texts(&name)[2], "王伟");
    }

    fn text_box(y0: f32, y1: f32) -> db::TextBox {
        db::TextBox {
            x0: 10.0,
            y0,
            x1: 30.0,
            y1,
            score: 0.9,
        }
    }

    #[test]
    fn a_box_lower_than_a_line_is_read_as_tall_as_one() {
        let lines = [
            text_box(0.0, 20.0),
            text_box(30.0, 52.0),
            text_box(60.0, 64.0), // a dash
            text_box(70.0, 91.0),
        ];
        let height = median_height(&lines);
        assert_eq!(height, 21.0);
        let dash = as_tall_as(&lines[2], height);
        assert_eq!(
            (dash.y0, dash.y1, dash.x0, dash.x1),
            (51.5, 72.5, 10.0, 30.0)
        );
        // A line as tall or a little lower keeps its box; none reaches
        // above the page.
        assert_eq!(as_tall_as(&lines[1], height), lines[1]);
        assert_eq!(as_tall_as(&text_box(0.0, 16.0), height).y1, 16.0);
        assert_eq!(as_tall_as(&text_box(2.0, 6.0), height).y0, 0.0);
    }

    #[test]
    fn the_middle_of_blurred_letters_is_no_ruling() {
        // Letters blurred into one grey band (x 3-56, y 8-12) nearly all
        // across the crop, the detection model's margin of paper either side.
        let crop = GrayImage::from_fn(60, 20, |x, y| {
            Luma([if (3..57).contains(&x) && (8..13).contains(&y) {
                150
            } else {
                250
            }])
        });
        assert_eq!(Ink::of(&crop).without_rulings(), crop);
    }

    #[test]
    fn rulings_leave_the_crop_and_the_text_stays() {
        // A dash (x 8-16, y 10-12) between a light grey cell border at the
        // top (y = 1, 185) and a darker one at the bottom (y = 20, 120), a
        // column line at x = 0; paper 250.
        let crop = GrayImage::from_fn(24, 22, |x, y| {
            Luma([match (x, y) {
                (0, _) => 60,
                (_, 1) => 185,
                (_, 20) => 120,
                (8..=16, 10..=12) => 70,
                _ => 250,
            }])
        });
        let clean = Ink::of(&crop).without_rulings();
        assert!(
            (1..24).all(|x| clean.get_pixel(x, 1).0[0] == 250),
            "light border"
        );
        assert!(
            (1..24).all(|x| clean.get_pixel(x, 20).0[0] == 250),
            "dark border"
        );
        assert!(
            (0..22).all(|y| clean.get_pixel(0, y).0[0] == 250),
            "column line"
        );
        assert!(
            (8..=16).all(|x| clean.get_pixel(x, 11).0[0] == 70),
            "the dash"
        );
    }
}
