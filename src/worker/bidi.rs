//! Right-to-left text (Arabic, Hebrew) in reading order.
//!
//! A PDF draws a line as it looks, left to right, whatever the script.
//! MuPDF turns each run of right-to-left letters back into reading order,
//! but leaves the runs themselves (words, numbers, Latin) in the order they
//! stand on the page, drops spaces between them, and puts the letters of a
//! ligature (lam-alef, a glyph for two or three letters) the wrong way round.
//! So a line with right-to-left letters is read again from where its
//! glyphs stand: glyphs with their marks and ligature letters as clusters,
//! clusters left to right, then the Unicode bidi algorithm's reordering,
//! which is its own inverse on such lines, turns the visual order into the
//! reading order. Numbers keep their digit order; marks stay after their
//! letter.

use unicode_bidi::{bidi_class, BidiClass, Level, ParagraphBidiInfo};

/// One character of a line as MuPDF gives it: its left and right edges.
#[derive(Debug, Clone, Copy)]
pub struct Placed {
    pub c: char,
    pub x0: f32,
    pub x1: f32,
}

impl Placed {
    /// A glyph with no advance: a combining mark, or the second and later
    /// letters of a ligature, which MuPDF puts at the glyph's right edge.
    fn zero_width(&self) -> bool {
        self.x1 - self.x0 < ZERO_WIDTH
    }
}

/// Narrower than this many points is no advance at all.
const ZERO_WIDTH: f32 = 0.05;
/// A ligature's later letters sit this close to its right edge.
const LIGATURE_EDGE: f32 = 0.5;
/// A gap of this many em between two glyphs is a word space.
const WORD_GAP_EM: f32 = 0.2;

fn is_rtl(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
}

/// Right-to-left letters, and Arabic-Indic digits, which MuPDF reverses
/// as it does letters: a line with one needs `reading_order`.
pub fn reversed_by_mupdf(c: char) -> bool {
    // No character before Hebrew is one (asked of every character read).
    c >= '\u{590}' && matches!(bidi_class(c), BidiClass::R | BidiClass::AL | BidiClass::AN)
}

/// The text of one line (characters in MuPDF's order, `size` its font size)
/// in reading order, or None when it has no right-to-left letters or
/// digits: such a line reads as MuPDF gives it.
pub fn reading_order(chars: &[Placed], size: f32) -> Option<String> {
    if !chars.iter().any(|p| reversed_by_mupdf(p.c)) || !runs_along_x(chars) {
        return None;
    }
    let chars = ligatures_in_order(chars);
    let mut clusters = clusters(&chars);
    clusters.sort_by(|a, b| a.center().total_cmp(&b.center()));
    let clusters = with_word_spaces(clusters, size);

    // The line runs right to left when most of its letters do.
    let strong = |rtl: bool| {
        clusters
            .iter()
            .filter(|k| match bidi_class(k.chars[0]) {
                BidiClass::R | BidiClass::AL => rtl,
                BidiClass::L => !rtl,
                _ => false,
            })
            .count()
    };
    let level = if strong(true) >= strong(false) {
        Level::rtl()
    } else {
        Level::ltr()
    };
    let bases: String = clusters.iter().map(|k| k.chars[0]).collect();
    let info = ParagraphBidiInfo::new(&bases, Some(level));
    let levels: Vec<Level> = bases.char_indices().map(|(i, _)| info.levels[i]).collect();
    let mut text = String::new();
    for i in ParagraphBidiInfo::reorder_visual(&levels) {
        let cluster = &clusters[i];
        let rtl = levels[i].is_rtl();
        text.extend(
            cluster
                .chars
                .iter()
                .map(|&c| if rtl { mirrored(c) } else { c }),
        );
    }
    Some(text)
}

/// True when the glyphs stand side by side along the page's x axis, not
/// stacked (text set vertically, in a column header, has them all at one
/// x): only then does x give their visual order.
fn runs_along_x(chars: &[Placed]) -> bool {
    let widths: f32 = chars.iter().map(|p| p.x1 - p.x0).sum();
    let x0 = chars.iter().map(|p| p.x0).fold(f32::INFINITY, f32::min);
    let x1 = chars.iter().map(|p| p.x1).fold(f32::NEG_INFINITY, f32::max);
    x1 - x0 >= 0.5 * widths
}

/// MuPDF reverses every right-to-left letter it is given, the letters of
/// one ligature glyph too: their first comes last, with the glyph's width,
/// after the others, which have none and stand at its right edge. Put back
/// in the order the glyph has them: first, then the rest.
fn ligatures_in_order(chars: &[Placed]) -> Vec<Placed> {
    let later_letter = |p: &Placed| p.zero_width() && is_rtl(p.c);
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        while i < chars.len() && later_letter(&chars[i]) {
            i += 1;
        }
        let first = chars.get(i).filter(|f| {
            i > start
                && is_rtl(f.c)
                && !f.zero_width()
                && (chars[start..i].iter()).all(|p| (p.x0 - f.x1).abs() <= LIGATURE_EDGE)
        });
        match first {
            Some(&f) => {
                out.push(f);
                out.extend(chars[start..i].iter().rev());
                i += 1;
            }
            None if i > start => out.extend_from_slice(&chars[start..i]),
            None => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    out
}

/// A glyph on the page and the characters it stands for: a letter, then
/// its marks or the rest of its ligature.
struct Cluster {
    chars: Vec<char>,
    x0: f32,
    x1: f32,
}

impl Cluster {
    fn center(&self) -> f32 {
        (self.x0 + self.x1) / 2.0
    }
}

/// Characters with no advance join the glyph before them.
fn clusters(chars: &[Placed]) -> Vec<Cluster> {
    let mut out: Vec<Cluster> = Vec::new();
    for p in chars {
        match out.last_mut() {
            Some(k) if p.zero_width() && !p.c.is_whitespace() => k.chars.push(p.c),
            _ => out.push(Cluster {
                chars: vec![p.c],
                x0: p.x0,
                x1: p.x1,
            }),
        }
    }
    out
}

/// Clusters left to right, with a space where two glyphs stand a word gap
/// apart and none was drawn; runs of spaces become one.
fn with_word_spaces(clusters: Vec<Cluster>, size: f32) -> Vec<Cluster> {
    let space = |x0: f32, x1: f32| Cluster {
        chars: vec![' '],
        x0,
        x1,
    };
    let mut out: Vec<Cluster> = Vec::with_capacity(clusters.len());
    for k in clusters {
        let blank = k.chars[0].is_whitespace();
        if let Some(prev) = out.last() {
            let prev_blank = prev.chars[0].is_whitespace();
            if blank && prev_blank {
                continue;
            }
            if !blank && !prev_blank && k.x0 - prev.x1 > WORD_GAP_EM * size {
                out.push(space(prev.x1, k.x0));
            }
        } else if blank {
            continue;
        }
        out.push(k);
    }
    if out.last().is_some_and(|k| k.chars[0].is_whitespace()) {
        out.pop();
    }
    out
}

/// A bracket in right-to-left text is drawn facing the other way: the
/// glyph seen as `(` closes. Read back, it is the one it stands for.
fn mirrored(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `visual` laid left to right, 6 pt a glyph, as MuPDF hands it over:
    /// each run of right-to-left letters reversed, spaces kept.
    fn as_mupdf_gives(visual: &str) -> Vec<Placed> {
        let placed: Vec<Placed> = visual
            .chars()
            .enumerate()
            .map(|(i, c)| Placed {
                c,
                x0: 6.0 * i as f32,
                x1: 6.0 * (i + 1) as f32,
            })
            .collect();
        let mut out = Vec::new();
        let mut run = Vec::new();
        for p in placed {
            if reversed_by_mupdf(p.c) {
                run.push(p);
            } else {
                out.extend(run.drain(..).rev());
                out.push(p);
            }
        }
        out.extend(run.drain(..).rev());
        out
    }

    fn read(visual: &str) -> Option<String> {
        reading_order(&as_mupdf_gives(visual), 10.0)
    }

    #[test]
    fn left_to_right_lines_are_left_alone() {
        assert_eq!(read("Total 1,250.75"), None);
    }

    #[test]
    fn words_and_numbers_of_a_right_to_left_line_come_in_reading_order() {
        // Reading order: "מחיר 20 רק", drawn as it looks.
        assert_eq!(read("קר 20 ריחמ").as_deref(), Some("מחיר 20 רק"));
        // A number keeps its digits, a negative its sign; brackets face back.
        assert_eq!(read("(1,250) םוכס").as_deref(), Some("סכום (1,250)"));
        // Mostly Latin: a Latin line with a right-to-left word in it.
        assert_eq!(read("Total 5 רעס").as_deref(), Some("Total 5 סער"));
        assert_eq!(read("Name םש here").as_deref(), Some("Name שם here"));
        // Arabic-Indic digits read left to right, as they stand.
        assert_eq!(read("١٢٣").as_deref(), Some("١٢٣"));
    }

    #[test]
    fn a_space_goes_where_glyphs_stand_a_word_apart() {
        let mut chars = as_mupdf_gives("ריחמ");
        chars.extend(as_mupdf_gives("20").into_iter().map(|p| Placed {
            x0: p.x0 - 20.0,
            x1: p.x1 - 20.0,
            ..p
        }));
        assert_eq!(reading_order(&chars, 10.0).as_deref(), Some("מחיר 20"));
    }

    #[test]
    fn stacked_glyphs_are_left_in_mupdfs_order() {
        let p = |c| Placed {
            c,
            x0: 0.0,
            x1: 8.0,
        };
        assert_eq!(reading_order(&[p('ש'), p('ל'), p('ם')], 10.0), None);
    }

    #[test]
    fn ligature_letters_and_marks_follow_their_first_letter() {
        // "الم": alef, then a lam-meem ligature glyph at 0..5 whose meem MuPDF
        // gives first, with no width, at the glyph's right edge.
        let p = |c, x0, x1| Placed { c, x0, x1 };
        let chars = [p('ا', 5.0, 8.0), p('م', 5.0, 5.0), p('ل', 0.0, 5.0)];
        assert_eq!(reading_order(&chars, 10.0).as_deref(), Some("الم"));
        // Shin with its dot and qamats stays one letter, marks after it.
        let chars = [
            p('ש', 6.0, 12.0),
            p('\u{5c1}', 6.0, 6.0),
            p('\u{5b8}', 6.0, 6.0),
        ];
        let chars = [&chars[..], &[p('ל', 0.0, 6.0)]].concat();
        assert_eq!(
            reading_order(&chars, 10.0).as_deref(),
            Some("\u{5e9}\u{5c1}\u{5b8}\u{5dc}")
        );
    }
}
