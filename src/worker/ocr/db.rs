//! Text boxes from the detection model's probability map (DB, "differentiable
//! binarisation"): every pixel holds the probability that it lies in the core
//! of a text line, so lines are the connected regions above a threshold,
//! grown back to the full line by the margin the model was trained to shrink
//! them by.
//!
//! Takes the map (row-major, `width` × `height`, in the model's input
//! resolution); gives axis-aligned boxes in that resolution, top to bottom.
//! The page was deskewed before, so boxes need not be rotated rectangles.

/// A pixel with this probability or more is part of a text core.
const CORE_THRESHOLD: f32 = 0.3;
/// A region whose mean probability is lower is noise (grain, a stain).
const BOX_THRESHOLD: f32 = 0.5;
/// The model shrank each training box by `area · (1 − 0.4²) / perimeter`;
/// growing by `area · 1.6 / perimeter` gives the whole line with a little
/// margin (PaddleOCR's `unclip_ratio`).
const UNCLIP_RATIO: f32 = 1.6;
/// Regions thinner than this (pixels of the map) are specks.
const MIN_CORE_SIDE: usize = 3;

/// A box in map pixels: `x0..x1` × `y0..y1`, and its mean core probability.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TextBox {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
    pub score: f32,
}

/// The text boxes of a probability map, top to bottom, then left to right
/// (by the tops of their cores).
pub(crate) fn boxes(prob: &[f32], width: usize, height: usize) -> Vec<TextBox> {
    assert_eq!(prob.len(), width * height, "the map is width × height");
    let bitmap = dilate(&threshold(prob), width, height);
    let mut cores = components(&bitmap, width, height);
    // Reading order by the cores: the grown boxes' tops depend on their widths.
    cores.sort_by_key(|&(x0, y0, _, _)| (y0, x0));
    cores
        .into_iter()
        .filter_map(|(x0, y0, x1, y1)| {
            // x1, y1 inclusive.
            let (w, h) = (x1 + 1 - x0, y1 + 1 - y0);
            if w.min(h) < MIN_CORE_SIDE {
                return None;
            }
            let score = mean_in(prob, width, x0, y0, x1, y1);
            if score < BOX_THRESHOLD {
                return None;
            }
            let (w, h) = (w as f32, h as f32);
            let d = w * h * UNCLIP_RATIO / (2.0 * (w + h));
            let b = TextBox {
                x0: (x0 as f32 - d).max(0.0),
                y0: (y0 as f32 - d).max(0.0),
                x1: (x1 as f32 + 1.0 + d).min(width as f32),
                y1: (y1 as f32 + 1.0 + d).min(height as f32),
                score,
            };
            // Grown, a real line is at least this tall and wide.
            (b.x1 - b.x0 >= (MIN_CORE_SIDE + 2) as f32 && b.y1 - b.y0 >= (MIN_CORE_SIDE + 2) as f32)
                .then_some(b)
        })
        .collect()
}

fn threshold(prob: &[f32]) -> Vec<bool> {
    prob.iter().map(|&p| p > CORE_THRESHOLD).collect()
}

/// Dilation by a 2×2 square (a pixel is set when it or its right, lower or
/// lower-right neighbour is): closes one-pixel cracks inside a line's core.
fn dilate(bits: &[bool], width: usize, height: usize) -> Vec<bool> {
    let mut out = bits.to_vec();
    for y in 0..height {
        for x in 0..width {
            if bits[y * width + x] {
                continue;
            }
            let right = x + 1 < width && bits[y * width + x + 1];
            let below = y + 1 < height && bits[(y + 1) * width + x];
            let diag = x + 1 < width && y + 1 < height && bits[(y + 1) * width + x + 1];
            out[y * width + x] = right || below || diag;
        }
    }
    out
}

/// Bounding boxes (inclusive) of the 8-connected regions of set pixels.
fn components(bits: &[bool], width: usize, height: usize) -> Vec<(usize, usize, usize, usize)> {
    let mut seen = vec![false; bits.len()];
    let mut out = Vec::new();
    let mut stack = Vec::new();
    for start in 0..bits.len() {
        if !bits[start] || seen[start] {
            continue;
        }
        seen[start] = true;
        stack.push(start);
        let (mut x0, mut y0, mut x1, mut y1) = (usize::MAX, usize::MAX, 0, 0);
        while let Some(i) = stack.pop() {
            let (x, y) = (i % width, i / width);
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
            for ny in y.saturating_sub(1)..=(y + 1).min(height - 1) {
                for nx in x.saturating_sub(1)..=(x + 1).min(width - 1) {
                    let j = ny * width + nx;
                    if bits[j] && !seen[j] {
                        seen[j] = true;
                        stack.push(j);
                    }
                }
            }
        }
        out.push((x0, y0, x1, y1));
    }
    out
}

fn mean_in(prob: &[f32], width: usize, x0: usize, y0: usize, x1: usize, y1: usize) -> f32 {
    let mut sum = 0.0;
    for y in y0..=y1 {
        sum += prob[y * width + x0..=y * width + x1].iter().sum::<f32>();
    }
    sum / ((x1 + 1 - x0) * (y1 + 1 - y0)) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A map of `w` × `h` with rectangles (x0, y0, x1, y1 exclusive) set to `p`.
    fn map(w: usize, h: usize, rects: &[(usize, usize, usize, usize, f32)]) -> Vec<f32> {
        let mut m = vec![0.0; w * h];
        for &(x0, y0, x1, y1, p) in rects {
            for y in y0..y1 {
                for x in x0..x1 {
                    m[y * w + x] = p;
                }
            }
        }
        m
    }

    #[test]
    fn a_line_core_is_grown_by_the_unclip_margin() {
        let m = map(60, 20, &[(10, 8, 30, 12, 0.9)]);
        let b = boxes(&m, 60, 20);
        assert_eq!(b.len(), 1);
        // Dilation makes the core 21 × 5 (x 9..30, y 7..12); d = 105 · 1.6 / 52.
        let d = 21.0 * 5.0 * 1.6 / 52.0;
        assert!((b[0].x0 - (9.0 - d)).abs() < 1e-4, "{:?}", b[0]);
        assert!((b[0].x1 - (30.0 + d)).abs() < 1e-4, "{:?}", b[0]);
        assert!((b[0].y0 - (7.0 - d)).abs() < 1e-4, "{:?}", b[0]);
        assert!((b[0].y1 - (12.0 + d)).abs() < 1e-4, "{:?}", b[0]);
        assert!(b[0].score > 0.6 && b[0].score < 0.9);
    }

    #[test]
    fn separate_cores_are_separate_boxes_in_reading_order() {
        let m = map(
            80,
            30,
            &[
                (40, 5, 70, 10, 0.8),
                (4, 5, 30, 10, 0.8),
                (4, 20, 30, 25, 0.8),
            ],
        );
        let b = boxes(&m, 80, 30);
        assert_eq!(b.len(), 3);
        assert!(b[0].x0 < 4.0 && b[1].x0 > 30.0, "{b:?}");
        assert!(b[2].y0 > 15.0);
    }

    #[test]
    fn a_one_pixel_crack_is_closed_and_diagonal_pixels_connect() {
        // Two halves of one line, one empty column between them.
        let m = map(40, 12, &[(5, 4, 15, 8, 0.9), (16, 4, 25, 8, 0.9)]);
        assert_eq!(boxes(&m, 40, 12).len(), 1);
        // A two-pixel gap stays a gap.
        let m = map(40, 12, &[(5, 4, 15, 8, 0.9), (17, 4, 25, 8, 0.9)]);
        assert_eq!(boxes(&m, 40, 12).len(), 2);
    }

    #[test]
    fn specks_and_faint_regions_are_dropped() {
        let m = map(
            40,
            40,
            &[
                (5, 5, 7, 30, 0.9),     // 2 wide, 3 dilated: kept only if ≥ 3 both ways
                (20, 5, 21, 6, 0.9),    // a speck
                (10, 32, 35, 38, 0.35), // above the core threshold, weak on average
            ],
        );
        let b = boxes(&m, 40, 40);
        assert_eq!(b.len(), 1, "{b:?}");
        assert!(b[0].x0 < 5.0 && b[0].y1 > 29.0);
    }

    #[test]
    fn boxes_stay_inside_the_map() {
        let m = map(20, 10, &[(0, 0, 20, 6, 0.95)]);
        let b = boxes(&m, 20, 10);
        assert_eq!(b.len(), 1);
        assert_eq!((b[0].x0, b[0].y0, b[0].x1), (0.0, 0.0, 20.0));
        assert!(b[0].y1 <= 10.0);
    }
}
