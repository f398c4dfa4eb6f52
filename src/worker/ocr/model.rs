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

static DET_MODEL: &[u8] = include_bytes!("models/PP-OCRv6_det_small.onnx");
static REC_MODEL: &[u8] = include_bytes!("models/PP-OCRv6_rec_small.onnx");

/// Detection runs on the page scaled so that its short side is this long
/// (PaddleOCR's `limit_side_len`): about 90 dpi for A4, as accurate as the
/// full render for body text and a third of the time and memory.
const DET_SHORT_SIDE: f32 = 736.0;
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
        Ok(Engine { det, rec, symbols })
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
        for (i, b) in boxes.iter().enumerate() {
            if b.y1 - b.y0 < MIN_LINE_HEIGHT {
                continue;
            }
            // What reading the line costs: its width at the model's height.
            width += REC_HEIGHT as f32 * (b.x1 - b.x0) / (b.y1 - b.y0);
            if let Some(line) = self.recognize(image, b)? {
                sum += line.glyphs.iter().map(|g| g.conf).sum::<f32>();
                count += line.glyphs.len();
                lines.push(line);
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

    /// Reads one line box of `image`.
    fn recognize(&self, image: &GrayImage, b: &db::TextBox) -> Result<Option<Line>, String> {
        let x0 = b.x0.floor().max(0.0) as u32;
        let y0 = b.y0.floor().max(0.0) as u32;
        let x1 = (b.x1.ceil() as u32).min(image.width());
        let y1 = (b.y1.ceil() as u32).min(image.height());
        if x1 <= x0 + 1 || y1 <= y0 + 1 {
            return Ok(None);
        }
        let mut crop = imageops::crop_imm(image, x0, y0, x1 - x0, y1 - y0).to_image();
        light_on_dark_inverted(&mut crop);
        let width =
            ((REC_HEIGHT as f32 * crop.width() as f32 / crop.height() as f32).ceil() as u32).max(1);
        let scaled = imageops::resize(&crop, width, REC_HEIGHT, FilterType::Triangle);
        let padded_width = width.max(REC_MIN_WIDTH);
        let mut input = GrayImage::from_pixel(padded_width, REC_HEIGHT, image::Luma([255]));
        imageops::replace(&mut input, &scaled, 0, 0);
        let out = self.run(&self.rec, &input)?;
        let shape = out.shape().to_vec();
        let (steps, classes) = (shape[shape.len() - 2], shape[shape.len() - 1]);
        let probs = out.to_vec();
        let decoded = ctc::decode(&probs, classes);
        let ink = Ink::of(&crop);
        let (band0, band1) = ink.band().unwrap_or((0, crop.height()));
        let columns = ink.columns(band0, band1);
        // The steps cover the padded width; the line is the unpadded part.
        let px_per_step = (x1 - x0) as f32 * padded_width as f32 / width as f32 / steps as f32;
        let em = (band1 - band0) as f32 / super::LINE_HEIGHT_EM;
        let glyphs = glyphs_of(
            &decoded,
            &self.symbols,
            (steps, x0 as f32, x0 as f32 + px_per_step * steps as f32),
            &columns,
            em,
        );
        Ok((!glyphs.is_empty()).then_some(Line {
            y0: (y0 + band0) as f32,
            y1: (y0 + band1) as f32,
            glyphs,
        }))
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

/// A crop whose median grey is below this has a dark background.
const DARK_BACKGROUND: u8 = 110;

/// The ink of a line crop, without rulings: columns inked nearly all the
/// way down are a vertical ruling, rows inked nearly all the way across a
/// horizontal one; neither is text.
struct Ink<'a> {
    crop: &'a GrayImage,
    level: u8,
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
        Ink {
            crop,
            level,
            ruled_col,
            ruled_row,
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
