//! The long ink runs of a page image, along its rows and down its columns,
//! found on bits instead of bytes: a page of 2 million pixels is 30,000
//! words, so each pass costs about what reading the image once costs.
//!
//! A run is a stretch of ink pixels (darker than a threshold) in which
//! single missing pixels (anti-aliasing) are bridged; anything wider ends
//! it. Runs come out as (line, start, end) — the row or column, the first
//! pixel and one past the last — sorted by line, then start, which is what
//! a scan line by scan line would give.

use crate::worker::render::Grey;

/// One bit of ink per pixel, row by row, each row in whole words (bits
/// past the width are zero).
pub struct InkBits {
    width: u32,
    height: u32,
    words: usize,
    bits: Vec<u64>,
}

impl InkBits {
    /// The pixels of `img` darker than `threshold`.
    pub fn new(img: &Grey, threshold: u8) -> InkBits {
        let [bits] = InkBits::each(img, [threshold]);
        bits
    }

    /// The pixels of `img` darker than each of `thresholds`, packed in one
    /// pass: a row is packed for every threshold while it is in the cache,
    /// so the image is read from memory once, not once a threshold.
    pub fn each<const N: usize>(img: &Grey, thresholds: [u8; N]) -> [InkBits; N] {
        let (width, height) = img.dimensions();
        let words = (width as usize).div_ceil(64);
        let mut all: [Vec<u64>; N] = std::array::from_fn(|_| vec![0u64; words * height as usize]);
        for (y, row) in img.as_raw().chunks_exact(width.max(1) as usize).enumerate() {
            let mut outs = all
                .each_mut()
                .map(|bits| &mut bits[y * words..(y + 1) * words]);
            pack_row_each(row, &thresholds, &mut outs);
        }
        all.map(|bits| InkBits {
            width,
            height,
            words,
            bits,
        })
    }

    /// These ink bits (of `img`) and lines thinner than a pixel that fall
    /// across two rows (or columns) of pixels: each half is then too faint
    /// to be ink alone. Two faint pixels side by side (darker than `faint`,
    /// not ink) with paper beyond both (pixels not darker than `faint`) are
    /// such a line; the first of the two is marked. A tint as faint
    /// everywhere has no paper beside it.
    pub fn with_split_lines(self, img: &Grey, faint: u8) -> InkBits {
        let mut ink = self;
        let not_paper = InkBits::new(img, faint).bits;
        let faint_bits: Vec<u64> = (not_paper.iter().zip(&ink.bits))
            .map(|(f, i)| f & !i)
            .collect();
        let paper_bits: Vec<u64> = not_paper.iter().map(|b| !b).collect();
        let (words, height) = (ink.words, ink.height as usize);
        // Rows past the page are paper, and hold nothing faint.
        let faint_row = |y: usize| faint_bits.get(y * words..(y + 1) * words);
        let paper_row =
            |y: Option<usize>| y.and_then(|y| paper_bits.get(y * words..(y + 1) * words));
        for y in 0..height {
            let (f0, f1) = (faint_row(y).expect("y < height"), faint_row(y + 1));
            let (above, below) = (paper_row(y.checked_sub(1)), paper_row(Some(y + 2)));
            let p0 = paper_row(Some(y)).expect("y < height");
            for k in 0..words {
                let f = f0[k];
                if f == 0 {
                    continue;
                }
                // Across the row: this pixel and the one below.
                let down = f
                    & f1.map_or(0, |r| r[k])
                    & above.map_or(!0, |r| r[k])
                    & below.map_or(!0, |r| r[k]);
                // Along the row: this pixel and the one to its right, bits
                // of the neighbouring words shifted in.
                let next_f = f0.get(k + 1).copied().unwrap_or(0);
                let (prev_p, next_p) = (
                    if k > 0 { p0[k - 1] } else { !0 },
                    p0.get(k + 1).copied().unwrap_or(!0),
                );
                let right = (f >> 1) | (next_f << 63);
                let left_paper = (p0[k] << 1) | (prev_p >> 63);
                let paper_after = (p0[k] >> 2) | (next_p << 62);
                let across = f & right & left_paper & paper_after;
                ink.bits[y * words + k] |= down | across;
            }
        }
        ink
    }

    /// Row `y`'s bits, in whole words.
    pub fn row(&self, y: usize) -> &[u64] {
        &self.bits[y * self.words..(y + 1) * self.words]
    }

    /// Runs of at least `min_len` pixels along the rows.
    pub fn row_runs(&self, min_len: u32) -> Vec<(u32, u32, u32)> {
        let mut runs = Vec::new();
        let mut bridged = vec![0u64; self.words];
        // A run of 15 pixels or more holds 8 that are a whole byte of a word:
        // a row without such a byte (one that only the page's column lines
        // cross) has no run to look for.
        let whole_byte = |w: u64| {
            let v = !w; // a zero byte of v is a full byte of w
            v.wrapping_sub(0x0101_0101_0101_0101) & !v & 0x8080_8080_8080_8080 != 0
        };
        for y in 0..self.height as usize {
            let row = self.row(y);
            if row.iter().all(|&w| w == 0) {
                continue;
            }
            let mut any_byte = false;
            for (k, out) in bridged.iter_mut().enumerate() {
                let w = row[k];
                let before = (w << 1) | if k > 0 { row[k - 1] >> 63 } else { 0 };
                let after = (w >> 1) | row.get(k + 1).map_or(0, |n| n << 63);
                *out = w | (before & after);
                any_byte |= whole_byte(*out);
            }
            if min_len >= 15 && !any_byte {
                continue;
            }
            for (start, end) in ones(&bridged, self.width) {
                if end - start >= min_len {
                    runs.push((y as u32, start, end));
                }
            }
        }
        runs
    }

    /// Runs of at least `min_len` pixels down the columns.
    pub fn column_runs(&self, min_len: u32) -> Vec<(u32, u32, u32)> {
        let (h, words) = (self.height as usize, self.words);
        if h == 0 || min_len == 0 {
            return Vec::new();
        }
        // One pass down the page, a word of columns at a time: a run starts
        // where a column's bit turns on and ends where it turns off, so the
        // work is the words plus the edges. A drawn page's image holds no
        // text, so its edges are few: lines and fills. (Eroding first, to
        // follow only the columns that hold a long run, cost several passes
        // over the page to save edges there are few of.)
        let mut started = vec![0u32; words * 64];
        let mut previous = vec![0u64; words];
        let mut now = vec![0u64; words];
        let mut runs = Vec::new();
        for y in 0..=h {
            // A pixel is in a run when it is ink, or a single gap between
            // ink above and below; past the last row, every run ends.
            if y == h {
                now.fill(0);
            } else if y == 0 || y + 1 == h {
                now.copy_from_slice(self.row(y));
            } else {
                let (above, below) = (self.row(y - 1), self.row(y + 1));
                for (((n, &r), &a), &b) in now.iter_mut().zip(self.row(y)).zip(above).zip(below) {
                    *n = r | (a & b);
                }
            }
            if now == previous {
                continue; // most rows: no edge
            }
            for (k, (&on, before)) in now.iter().zip(previous.iter_mut()).enumerate() {
                let mut changed = on ^ *before;
                *before = on;
                while changed != 0 {
                    let bit = changed.trailing_zeros() as usize;
                    changed &= changed - 1;
                    let x = k * 64 + bit;
                    if on >> bit & 1 == 1 {
                        started[x] = y as u32;
                    } else if y as u32 - started[x] >= min_len {
                        runs.push((x as u32, started[x], y as u32));
                    }
                }
            }
        }
        runs.sort_unstable();
        runs
    }
}

/// The bits of word `k` that lie in the bit positions [a, b).
pub fn span_mask(k: usize, a: u32, b: u32) -> u64 {
    let at = k as u32 * 64;
    let lo = a.saturating_sub(at).min(64);
    let hi = b.saturating_sub(at).min(64);
    match hi > lo {
        true => (!0u64 >> (64 - (hi - lo))) << lo,
        false => 0,
    }
}

/// Sets the bit positions [a, b) of `row` (a < b).
pub fn set_bits(row: &mut [u64], a: u32, b: u32) {
    let (first, last) = ((a / 64) as usize, ((b - 1) / 64) as usize);
    for (k, word) in row.iter_mut().enumerate().take(last + 1).skip(first) {
        *word |= span_mask(k, a, b);
    }
}

/// `row` packed for each of `thresholds` into `outs`, which hold zeros:
/// 64 pixels of paper (255, lighter than any threshold), most of a drawn
/// page, are one test for all thresholds and left as they are.
fn pack_row_each(row: &[u8], thresholds: &[u8], outs: &mut [&mut [u64]]) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2, checked just above.
        unsafe { pack_row_each_avx2(row, thresholds, outs) };
        return;
    }
    for (out, &threshold) in outs.iter_mut().zip(thresholds) {
        pack_row(row, threshold, out);
    }
}

/// `pack_row_each` thirty-two bytes at a time, with a pixel darker than a
/// threshold t exactly where min(v, t - 1) == v.
///
/// # Safety
/// The CPU must have AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn pack_row_each_avx2(row: &[u8], thresholds: &[u8], outs: &mut [&mut [u64]]) {
    use std::arch::x86_64::{
        __m256i, _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_min_epu8, _mm256_movemask_epi8,
        _mm256_set1_epi8,
    };
    let whole = row.len() / 64;
    let rest = row.len() % 64;
    if whole == 0 {
        for (out, &threshold) in outs.iter_mut().zip(thresholds) {
            pack_rest(row, threshold, out, 0);
        }
        return;
    }
    // The pixels short of a word at the row's end are the top bits of the
    // row's last 64 (which overlap the word before): read those, shift.
    let last = (rest > 0).then_some((whole, row.len() - 64, 64 - rest));
    let words = (0..whole).map(|k| (k, k * 64, 0)).chain(last);
    // SAFETY: each load reads 64 bytes from `at`, and at + 64 <= row.len().
    unsafe {
        let paper = _mm256_set1_epi8(-1);
        for (k, at, shift) in words {
            let at = row.as_ptr().add(at) as *const __m256i;
            let (lo, hi) = (_mm256_loadu_si256(at), _mm256_loadu_si256(at.add(1)));
            let lightest = _mm256_cmpeq_epi8(_mm256_min_epu8(lo, hi), paper);
            if _mm256_movemask_epi8(lightest) == -1 {
                continue;
            }
            for (out, &threshold) in outs.iter_mut().zip(thresholds) {
                if threshold == 0 {
                    continue; // nothing is darker than black
                }
                let limit = _mm256_set1_epi8((threshold - 1) as i8);
                let dark_lo = _mm256_cmpeq_epi8(_mm256_min_epu8(lo, limit), lo);
                let dark_hi = _mm256_cmpeq_epi8(_mm256_min_epu8(hi, limit), hi);
                let dark = u64::from(_mm256_movemask_epi8(dark_lo) as u32)
                    | u64::from(_mm256_movemask_epi8(dark_hi) as u32) << 32;
                out[k] = dark >> shift;
            }
        }
    }
}

/// The bits of `row` darker than `threshold`, 64 pixels a word (where
/// the CPU has no AVX2 for `pack_row_each`).
fn pack_row(row: &[u8], threshold: u8, out: &mut [u64]) {
    let whole = row.len() / 64;
    #[cfg(target_arch = "x86_64")]
    if threshold > 0 {
        use std::arch::x86_64::{
            __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8,
            _mm_set1_epi8,
        };
        // v < t exactly when min(v, t - 1) == v, sixteen bytes at a time.
        // SAFETY: SSE2 is part of every x86_64 CPU; the loads read 16 bytes
        // from within `row` (4 × 16 = 64 per whole word).
        unsafe {
            let limit = _mm_set1_epi8((threshold - 1) as i8);
            for (k, word) in out.iter_mut().take(whole).enumerate() {
                let mut w = 0u64;
                for i in 0..4 {
                    let at = row.as_ptr().add(k * 64 + i * 16) as *const __m128i;
                    let v = _mm_loadu_si128(at);
                    let dark = _mm_cmpeq_epi8(_mm_min_epu8(v, limit), v);
                    w |= u64::from(_mm_movemask_epi8(dark) as u16) << (i * 16);
                }
                *word = w;
            }
            pack_rest(row, threshold, out, whole);
            return;
        }
    }
    pack_rest(row, threshold, out, 0);
}

/// `pack_row` from word `from` on, a pixel at a time.
fn pack_rest(row: &[u8], threshold: u8, out: &mut [u64], from: usize) {
    for (k, word) in out.iter_mut().enumerate().skip(from) {
        let chunk = &row[k * 64..((k + 1) * 64).min(row.len())];
        let mut w = 0u64;
        for (i, &v) in chunk.iter().enumerate() {
            w |= u64::from(v < threshold) << i;
        }
        *word = w;
    }
}

/// The stretches of set bits in `words` (of which `width` bits count), as
/// (start, end) bit positions, in order.
fn ones(words: &[u64], width: u32) -> impl Iterator<Item = (u32, u32)> + '_ {
    let width = width as usize;
    let bit = move |x: usize| words[x / 64] >> (x % 64) & 1 == 1;
    // The next position at or after `x` whose bit is `set`, or `width`.
    let next = move |mut x: usize, set: bool| {
        while x < width {
            let word = if set { words[x / 64] } else { !words[x / 64] };
            let rest = word >> (x % 64);
            if rest != 0 {
                return (x + rest.trailing_zeros() as usize).min(width);
            }
            x = (x / 64 + 1) * 64;
        }
        width
    };
    let mut x = 0usize;
    std::iter::from_fn(move || {
        let start = next(x, true);
        if start >= width {
            return None;
        }
        debug_assert!(bit(start));
        let end = next(start, false);
        x = end;
        Some((start as u32, end as u32))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::worker::render::grey;
    use image::{GrayImage, Luma};
    use proptest::prelude::*;

    /// The long runs of one line of a mask, as a plain scan finds them.
    fn scan_line(line: &[bool], min_len: u32) -> Vec<(u32, u32)> {
        let (mut runs, mut x, n) = (Vec::new(), 0, line.len());
        while x < n {
            if !line[x] {
                x += 1;
                continue;
            }
            let start = x;
            let mut end = x + 1;
            loop {
                while end < n && line[end] {
                    end += 1;
                }
                if end + 1 < n && line[end + 1] {
                    end += 1; // a single missing pixel is bridged
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

    proptest! {
        /// Any image, lines drawn over its speckle: the bit scans give
        /// exactly what a pixel-by-pixel scan of every row and of every
        /// column gives.
        #[test]
        fn bit_scans_equal_pixel_scans(
            (w, h, mut pixels) in (1u32..150, 1u32..60).prop_flat_map(|(w, h)| {
                (Just(w), Just(h), proptest::collection::vec(prop_oneof![
                    6 => Just(255u8), 3 => Just(0u8), 1 => any::<u8>()], (w * h) as usize))
            }),
            lines in proptest::collection::vec((any::<bool>(), 0u32..150, 0u32..150, 1u32..80), 0..6),
            min_len in 1u32..40,
            threshold in prop_oneof![Just(180u8), Just(240u8), any::<u8>()],
        ) {
            for (across, at, from, len) in lines {
                for i in from..from + len {
                    let (x, y) = if across { (i, at) } else { (at, i) };
                    if x < w && y < h {
                        pixels[(y * w + x) as usize] = 0;
                    }
                }
            }
            let img = grey(GrayImage::from_raw(w, h, pixels).unwrap());
            let bits = InkBits::new(&img, threshold);
            let ink = |x: u32, y: u32| img.get_pixel(x, y).0[0] < threshold;
            let mut rows = Vec::new();
            for y in 0..h {
                let line: Vec<bool> = (0..w).map(|x| ink(x, y)).collect();
                rows.extend(scan_line(&line, min_len).into_iter().map(|(a, b)| (y, a, b)));
            }
            prop_assert_eq!(bits.row_runs(min_len), rows);
            let mut columns = Vec::new();
            for x in 0..w {
                let line: Vec<bool> = (0..h).map(|y| ink(x, y)).collect();
                columns.extend(scan_line(&line, min_len).into_iter().map(|(a, b)| (x, a, b)));
            }
            prop_assert_eq!(bits.column_runs(min_len), columns);
        }

        /// Packed in one pass for several thresholds (paper skipped, the
        /// row's tail read overlapped), each pixel's bit is whether it is
        /// darker than the threshold, and bits past the width are clear;
        /// packed without AVX2, the same.
        #[test]
        fn one_pass_packs_each_threshold_pixel_for_pixel(
            (w, h, pixels) in (1u32..200, 1u32..12).prop_flat_map(|(w, h)| {
                (Just(w), Just(h), proptest::collection::vec(prop_oneof![
                    4 => Just(255u8), 1 => any::<u8>()], (w * h) as usize))
            }),
            thresholds in proptest::array::uniform3(any::<u8>()),
        ) {
            let img = grey(GrayImage::from_raw(w, h, pixels).unwrap());
            for (bits, threshold) in InkBits::each(&img, thresholds).iter().zip(thresholds) {
                for y in 0..h as usize {
                    let mut plain = vec![0u64; bits.words];
                    let row = &img.as_raw()[y * w as usize..][..w as usize];
                    pack_row(row, threshold, &mut plain);
                    prop_assert_eq!(bits.row(y), &plain[..]);
                    for (k, &word) in bits.row(y).iter().enumerate() {
                        for i in 0..64 {
                            let x = k * 64 + i;
                            let dark = x < w as usize && row[x] < threshold;
                            prop_assert_eq!(word >> i & 1 == 1, dark, "x {} y {}", x, y);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_line_across_word_boundaries_is_one_run() {
        let mut img = grey(GrayImage::from_pixel(200, 3, Luma([255])));
        for x in 10..190 {
            if x != 100 {
                img.put_pixel(x, 1, Luma([0])); // one missing pixel is bridged
            }
        }
        let bits = InkBits::new(&img, 128);
        assert_eq!(bits.row_runs(20), vec![(1, 10, 190)]);
        assert!(bits.column_runs(2).is_empty());
    }
}
