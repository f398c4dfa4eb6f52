//! Greedy CTC decoding of the recognition model's output, and where on the
//! line each decoded character sits.
//!
//! Takes the per-step class probabilities of one text line (`steps` × `classes`,
//! class 0 the CTC blank); gives the characters' classes in order, each with
//! the run of steps it was read at and its probability. A step covers an equal
//! share of the line's width, so the run's centre says where the character is:
//! that is what lets one box that straddles two cells give each cell its own
//! characters.

/// A decoded character: its class, the first and last step of the run of
/// steps that read it, and its probability (the best in the run).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Decoded {
    pub class: usize,
    pub first: usize,
    pub last: usize,
    pub prob: f32,
}

/// Best class per step; a run of one class is one character; blanks separate
/// runs and are dropped (so a doubled letter needs a blank between).
pub(crate) fn decode(probs: &[f32], classes: usize) -> Vec<Decoded> {
    assert!(classes > 0 && probs.len().is_multiple_of(classes));
    let mut out: Vec<Decoded> = Vec::new();
    let mut prev = 0;
    for (t, row) in probs.chunks_exact(classes).enumerate() {
        let (best, &p) = row
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
            .expect("classes > 0");
        if best != 0 {
            match out.last_mut() {
                Some(d) if best == prev => {
                    d.last = t;
                    d.prob = d.prob.max(p);
                }
                _ => out.push(Decoded {
                    class: best,
                    first: t,
                    last: t,
                    prob: p,
                }),
            }
        }
        prev = best;
    }
    out
}

/// The likeliest class but the blank, of those `allowed`, over the steps
/// `d` was read at (the best probability of each over them).
pub(crate) fn likeliest_other(
    d: &Decoded,
    probs: &[f32],
    classes: usize,
    allowed: impl Fn(usize) -> bool,
) -> Option<usize> {
    (1..classes)
        .filter(|&c| allowed(c))
        .map(|c| {
            let p = (d.first..=d.last)
                .map(|t| probs[t * classes + c])
                .fold(0.0, f32::max);
            (c, p)
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(c, _)| c)
}

/// The classes of one kind of quotation mark: the typewriter's and the
/// typesetter's opening and closing ones (`"`, `“`, `”`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Quotes {
    pub straight: usize,
    pub open: usize,
    pub close: usize,
}

/// How likely, at least, the model must find the typeset quote a place
/// calls for (opening after a space, closing after a letter) where it reads
/// a straight one, for the print to show typeset ones. Measured on scans at
/// 150 and 200 dpi: 0.07 to 0.45 for the likeliest of a page printed with
/// `“ ”`, below 0.007 for every one of a page printed with `"` (where the
/// model may still see an opening mark after a figure, `22"`).
const TYPESET_QUOTE_EVIDENCE: f32 = 0.02;

/// Whether the quotes of a line read as `decoded` are typeset ones (`“`,
/// `’`): the model reads most of them as straight (its training text has
/// few), but keeps some probability on the typeset mark that it leaves at
/// nothing for a typewriter's; or it reads one as typeset outright.
/// `opens_before` says which classes an opening quote follows (a space, a
/// bracket).
pub(crate) fn shows_typeset_quotes(
    decoded: &[Decoded],
    probs: &[f32],
    classes: usize,
    kinds: &[Quotes],
    opens_before: &dyn Fn(usize) -> bool,
) -> bool {
    kinds.iter().any(|q| {
        (0..decoded.len()).any(|i| {
            let d = &decoded[i];
            let opening = i == 0 || opens_before(decoded[i - 1].class);
            let typeset = if opening { q.open } else { q.close };
            let likeliest = (d.first..=d.last)
                .map(|t| probs[t * classes + typeset])
                .fold(0.0, f32::max);
            d.class == q.open
                || d.class == q.close
                || (d.class == q.straight && likeliest >= TYPESET_QUOTE_EVIDENCE)
        })
    })
}

/// The horizontal extent, within `x0..x1`, of each of `decoded` read from a
/// line cut into `steps` equal steps: each character reaches halfway to its
/// neighbours' centres; the first and the last reach as far from their
/// centre outwards as inwards (not to the line's ends, which carry margin).
pub(crate) fn spans(decoded: &[Decoded], steps: usize, x0: f32, x1: f32) -> Vec<(f32, f32)> {
    let step = (x1 - x0) / steps.max(1) as f32;
    let centres: Vec<f32> = decoded
        .iter()
        .map(|d| x0 + (d.first + d.last + 1) as f32 / 2.0 * step)
        .collect();
    let n = centres.len();
    (0..n)
        .map(|i| {
            let left = (i > 0).then(|| (centres[i - 1] + centres[i]) / 2.0);
            let right = (i + 1 < n).then(|| (centres[i] + centres[i + 1]) / 2.0);
            // A lone character: a square-ish glyph about the step it was read at.
            let lone = 1.5 * step;
            let (l, r) = match (left, right) {
                (Some(l), Some(r)) => (l, r),
                (None, Some(r)) => (centres[i] - (r - centres[i]), r),
                (Some(l), None) => (l, centres[i] + (centres[i] - l)),
                (None, None) => (centres[i] - lone, centres[i] + lone),
            };
            (l.max(x0), r.min(x1))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One-hot steps over 4 classes (0 blank) with probability `p`.
    fn steps(classes: &[usize], p: f32) -> Vec<f32> {
        let mut out = Vec::new();
        for &c in classes {
            let mut row = vec![(1.0 - p) / 3.0; 4];
            row[c] = p;
            out.extend(row);
        }
        out
    }

    #[test]
    fn repeats_collapse_and_blanks_separate() {
        let d = decode(&steps(&[0, 1, 1, 0, 1, 2, 2, 2, 0, 3], 0.9), 4);
        let classes: Vec<usize> = d.iter().map(|d| d.class).collect();
        assert_eq!(classes, vec![1, 1, 2, 3]);
        assert_eq!((d[0].first, d[0].last), (1, 2));
        assert_eq!((d[2].first, d[2].last), (5, 7));
        assert!((d[3].prob - 0.9).abs() < 1e-6);
    }

    #[test]
    fn quotes_read_straight_are_typeset_where_the_model_sees_the_mark_their_place_calls_for() {
        // Classes: 0 blank, 1 a letter, 2 `"`, 3 `“`, 4 `”`, 5 a space.
        let quotes = [Quotes {
            straight: 2,
            open: 3,
            close: 4,
        }];
        let opens_before = |class: usize| class == 5;
        // Steps reading `class`, each giving `open` and `close` to the marks.
        let line = |steps: &[(usize, f32, f32)]| {
            let mut probs = Vec::new();
            for &(class, open, close) in steps {
                let mut row = [0.0f32; 6];
                (row[3], row[4]) = (open, close);
                row[class] = 1.0 - open - close;
                probs.extend(row);
            }
            probs
        };
        let shows = |steps: &[(usize, f32, f32)]| {
            let probs = line(steps);
            shows_typeset_quotes(&decode(&probs, 6), &probs, 6, &quotes, &opens_before)
        };
        // ` "a` with `“` at 0.1: a typeset page.
        assert!(shows(&[
            (5, 0.0, 0.0),
            (0, 0.0, 0.0),
            (2, 0.1, 0.0),
            (1, 0.0, 0.0)
        ]));
        // `a"` with `”` at 0.05: typeset.
        assert!(shows(&[(1, 0.0, 0.0), (2, 0.0, 0.05), (0, 0.0, 0.0)]));
        // After a letter or figure (`22"`), `“` at 0.1 but `”` at 0.005: an
        // inch mark, straight.
        assert!(!shows(&[(1, 0.0, 0.0), (2, 0.1, 0.005), (0, 0.0, 0.0)]));
        // ` "a` with nothing on either mark: straight.
        assert!(!shows(&[(5, 0.0, 0.0), (2, 0.001, 0.001), (1, 0.0, 0.0)]));
        // A mark read typeset outright.
        assert!(shows(&[
            (5, 0.0, 0.0),
            (0, 0.0, 0.0),
            (3, 0.0, 0.0),
            (1, 0.0, 0.0)
        ]));
    }

    #[test]
    fn an_all_blank_line_reads_nothing() {
        assert!(decode(&steps(&[0, 0, 0], 0.8), 4).is_empty());
        assert!(decode(&[], 4).is_empty());
    }

    #[test]
    fn a_run_keeps_its_best_probability() {
        let mut p = steps(&[2, 2], 0.6);
        p[4 + 2] = 0.95;
        let d = decode(&p, 4);
        assert_eq!(d.len(), 1);
        assert!((d[0].prob - 0.95).abs() < 1e-6);
    }

    #[test]
    fn characters_sit_at_their_steps() {
        // 10 steps over 0..100: characters read at steps 1, 4-5 and 8.
        let d = decode(&steps(&[0, 1, 0, 0, 2, 2, 0, 0, 3, 0], 0.9), 4);
        let s = spans(&d, 10, 0.0, 100.0);
        assert_eq!(s.len(), 3);
        // Centres 15, 50, 85: borders halfway, 32.5 and 67.5.
        assert!((s[0].1 - 32.5).abs() < 1e-4 && (s[1].0 - 32.5).abs() < 1e-4);
        assert!((s[1].1 - 67.5).abs() < 1e-4 && (s[2].0 - 67.5).abs() < 1e-4);
        // The outer ones mirror their inner half: 15 ± 17.5, clamped to the line.
        assert!((s[0].0 - 0.0).abs() < 1e-4);
        assert!((s[2].1 - 100.0).abs() < 1e-4);
        // Two cells split at 40 keep the first character apart from the rest.
        let left: Vec<_> = s.iter().filter(|(a, b)| (a + b) / 2.0 < 40.0).collect();
        assert_eq!(left.len(), 1);
    }

    #[test]
    fn a_lone_character_is_about_a_step_wide() {
        let d = decode(&steps(&[0, 0, 0, 1, 0, 0, 0, 0], 0.9), 4);
        let s = spans(&d, 8, 0.0, 80.0);
        assert_eq!(s.len(), 1);
        assert!((s[0].0 - 20.0).abs() < 1e-4 && (s[0].1 - 50.0).abs() < 1e-4);
    }
}
