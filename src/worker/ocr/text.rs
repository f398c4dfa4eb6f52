//! Fix-ups of a recognised line before its characters are placed: what the
//! recognition model reads in a way a born-digital page would not show.
//!
//! Takes a line's glyphs left to right; gives them with spaces that do not
//! belong dropped and misread number grouping repaired. Only characters
//! change or go, never move: each keeps the position it was read at. Once
//! a table's cells are read, figures misread as letters in a column of
//! figures are mended (`figures_read_as_letters`).

use crate::numbers::{self, DecimalMark, Typed};
use crate::worker::extract::is_cjk;

/// One recognised character of a line: where it was read (pixels of the page
/// image) and how sure the model was.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Glyph {
    pub c: char,
    pub x0: f32,
    pub x1: f32,
    pub conf: f32,
    /// Where an ideograph was read: the likeliest letter or figure there
    /// instead (see `Engine::lines`).
    pub alt: Option<char>,
}

/// Applies every fix-up of this module.
pub(crate) fn tidy(glyphs: &mut Vec<Glyph>) {
    drop_spaces_by_cjk(glyphs);
    repair_grouping(glyphs);
    capital_i(glyphs);
    zero_o(glyphs);
}

/// What an opening quote follows, where a closing one follows a letter.
pub(crate) const OPENS_A_QUOTE: [char; 4] = [' ', '(', '[', '/'];

/// Straight quotes made typeset ones, on a page whose print shows those
/// (`ctc::shows_typeset_quotes`): opening after a space, a bracket or at
/// the line's start, closing elsewhere (an apostrophe, `’`, too).
pub(crate) fn typeset_quotes(glyphs: &mut [Glyph]) {
    for i in 0..glyphs.len() {
        let opening = i == 0 || OPENS_A_QUOTE.contains(&glyphs[i - 1].c);
        glyphs[i].c = match (glyphs[i].c, opening) {
            ('"', true) => '“',
            ('"', false) => '”',
            ('\'', true) => '‘',
            ('\'', false) => '’',
            (c, _) => c,
        };
    }
}

/// The letter O, upper or lower case, which many typefaces draw as a zero.
fn is_o(c: char) -> bool {
    c == 'O' || c == 'o'
}

/// A zero read as the letter O, as many typefaces draw both alike: in a
/// number (`1O0`, `2O.5`: a word of digits, O and separators, with more
/// digits than O; `O2` may be oxygen) and alone on its line, as a table's
/// cell "0" is: the model reads the lone figure one way or the other from
/// one crop to the next.
fn zero_o(glyphs: &mut [Glyph]) {
    let in_number = |c: char| c.is_ascii_digit() || is_o(c) || c == '.' || c == ',';
    let inked: Vec<usize> = (0..glyphs.len()).filter(|&i| glyphs[i].c != ' ').collect();
    if let [only] = inked[..] {
        if is_o(glyphs[only].c) {
            glyphs[only].c = '0';
        }
        return;
    }
    let mut i = 0;
    while i < glyphs.len() {
        if !in_number(glyphs[i].c) {
            i += 1;
            continue;
        }
        let start = i;
        while i < glyphs.len() && in_number(glyphs[i].c) {
            i += 1;
        }
        // A whole word: not the start or end of one ("Oslo", "No.").
        let alone = (start == 0 || !glyphs[start - 1].c.is_alphanumeric())
            && (i == glyphs.len() || !glyphs[i].c.is_alphanumeric());
        let word = &mut glyphs[start..i];
        let digits = word.iter().filter(|g| g.c.is_ascii_digit()).count();
        if alone && digits > word.iter().filter(|g| is_o(g.c)).count() {
            for g in word.iter_mut().filter(|g| is_o(g.c)) {
                g.c = '0';
            }
        }
    }
}

/// Figures the model read as the letters they look like (`1` as `I` or
/// `l`, `0` as `O`), in a column of figures of a table read from a scan,
/// where the fix-ups of a line (`zero_o`, `capital_i`) cannot tell them
/// from words: a cell that reads as a number once those letters are
/// figures is that number. A column is of figures when three cells or more
/// below its first read as numbers, more than are so mended, and words
/// stand in a quarter of its cells at most; cells without a letter or
/// figure (a dash) count for neither.
pub(crate) fn figures_read_as_letters(rows: &mut [Vec<String>]) {
    let nc = rows.first().map_or(0, Vec::len);
    for c in 0..nc {
        let (mut figures, mut words) = (0, 0);
        let mended: Vec<Option<String>> = (rows.iter().skip(1))
            .map(|row| {
                let text = row[c].trim();
                let mended = letters_as_figure(text);
                if is_number(text) {
                    figures += 1;
                } else if mended.is_none() && text.chars().any(char::is_alphanumeric) {
                    words += 1;
                }
                mended
            })
            .collect();
        let misread = mended.iter().flatten().count();
        if figures < MIN_FIGURES || misread >= figures || 4 * words > figures + misread + words {
            continue;
        }
        for (row, mended) in rows.iter_mut().skip(1).zip(mended) {
            if let Some(figure) = mended {
                row[c] = figure;
            }
        }
    }
}

/// See `figures_read_as_letters`.
const MIN_FIGURES: usize = 3;

/// Whether the workbook types `text` as a number, its decimal mark either.
fn is_number(text: &str) -> bool {
    [DecimalMark::Point, DecimalMark::Comma]
        .into_iter()
        .any(|mark| matches!(numbers::parse_with(text, mark, false), Typed::Number { .. }))
}

/// `text` with the letters read for `1` and `0` made figures, where it
/// has one and so reads as a number.
fn letters_as_figure(text: &str) -> Option<String> {
    let figure = |c: char| match c {
        'I' | 'l' => '1',
        c if is_o(c) => '0',
        c => c,
    };
    let read: String = text.chars().map(figure).collect();
    (read != text && is_number(&read)).then_some(read)
}

/// A capital I read as a lower-case l, as sans-serif typefaces draw both
/// alike: `ltem`, `lnvestment`, `lD`. A word starting with `l` and then a
/// capital, or a consonant no English word has after an initial l (not l, y)
/// in a lower-case word of four letters or more, starts with I. Short words
/// stay (`lbs`, `ltd`, `ln`).
fn capital_i(glyphs: &mut [Glyph]) {
    for i in 0..glyphs.len() {
        let starts_word = i == 0 || !glyphs[i - 1].c.is_alphanumeric();
        if glyphs[i].c != 'l' || !starts_word {
            continue;
        }
        let word: Vec<char> = glyphs[i + 1..]
            .iter()
            .map(|g| g.c)
            .take_while(|c| c.is_alphanumeric())
            .collect();
        let Some(&next) = word.first() else { continue };
        let lower_word = word.len() >= 3 && word.iter().all(|c| c.is_ascii_lowercase());
        let no_l_before = !"aeiouly".contains(next);
        if next.is_ascii_uppercase() || (lower_word && no_l_before) {
            glyphs[i].c = 'I';
        }
    }
}

/// Chinese and Japanese set no spaces between characters, nor between a
/// character and the Latin text or number next to it in a table cell; a
/// space the model reads there is a wider gap of the typeface. Leading and
/// trailing spaces go too, and runs of spaces become one.
fn drop_spaces_by_cjk(glyphs: &mut Vec<Glyph>) {
    let keep: Vec<bool> = (0..glyphs.len())
        .map(|i| {
            if glyphs[i].c != ' ' {
                return true;
            }
            let prev = glyphs[..i].iter().rev().find(|g| g.c != ' ');
            let next = glyphs[i + 1..].iter().find(|g| g.c != ' ');
            let doubled = i > 0 && glyphs[i - 1].c == ' ';
            match (prev, next) {
                (Some(p), Some(n)) => !doubled && !is_cjk(p.c) && !is_cjk(n.c),
                _ => false,
            }
        })
        .collect();
    let mut k = keep.iter();
    glyphs.retain(|_| *k.next().expect("one flag per glyph"));
}

/// A grouping comma read as a point: `474.043.75` can only be `474,043.75`.
/// A number whose last separator is a point before 1-2 decimals, with
/// 3-digit groups before it of which at least one is set off by a point too,
/// gets commas between its groups. `1.234.567` (European grouping) and
/// `1.234,56` stay as read.
fn repair_grouping(glyphs: &mut [Glyph]) {
    let mut start = 0;
    while start < glyphs.len() {
        let end = glyphs[start..]
            .iter()
            .position(|g| g.c == ' ')
            .map_or(glyphs.len(), |p| start + p);
        repair_token(&mut glyphs[start..end]);
        start = end + 1;
    }
}

fn repair_token(token: &mut [Glyph]) {
    // The run of digits and separators, after any sign, bracket or currency.
    let Some(first) = token.iter().position(|g| g.c.is_ascii_digit()) else {
        return;
    };
    let len = token[first..]
        .iter()
        .position(|g| !(g.c.is_ascii_digit() || g.c == '.' || g.c == ','))
        .unwrap_or(token.len() - first);
    let core = &mut token[first..first + len];
    let text: String = core.iter().map(|g| g.c).collect();
    let groups: Vec<&str> = text.split(['.', ',']).collect();
    let seps: Vec<usize> = core
        .iter()
        .enumerate()
        .filter(|(_, g)| g.c == '.' || g.c == ',')
        .map(|(i, _)| i)
        .collect();
    let fits = groups.len() >= 3
        && (1..=3).contains(&groups[0].len())
        && groups[1..groups.len() - 1].iter().all(|g| g.len() == 3)
        && (1..=2).contains(&groups[groups.len() - 1].len())
        && core[*seps.last().expect("3 groups")].c == '.'
        && seps[..seps.len() - 1].iter().any(|&i| core[i].c == '.');
    if fits {
        for &i in &seps[..seps.len() - 1] {
            core[i].c = ',';
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_ocr_read_for_figures_in_a_column_of_figures_are_figures() {
        let table = |cells: &[[&str; 3]]| -> Vec<Vec<String>> {
            (cells.iter())
                .map(|row| row.iter().map(|s| s.to_string()).collect())
                .collect()
        };
        let mut rows = table(&[
            ["Substance", "to air", "to land"],
            ["Aldrin", "1", "1"],
            ["DDT", "I", "1O"],
            ["Isodrin", "-", "1"],
            ["Mirex", "1", "1"],
            ["Lindane", "1", "O"],
        ]);
        figures_read_as_letters(&mut rows);
        let column = |c: usize| rows.iter().map(|r| r[c].clone()).collect::<Vec<_>>();
        assert_eq!(column(1), ["to air", "1", "1", "-", "1", "1"]);
        assert_eq!(column(2), ["to land", "1", "10", "1", "1", "0"]);
        // (One `l` among figures reads `1` too.)
        let mut one = table(&[
            ["A", "B", "C"],
            ["x", "1", "2"],
            ["y", "l", "3"],
            ["z", "4", "5"],
            ["w", "6", "7"],
        ]);
        figures_read_as_letters(&mut one);
        assert_eq!(one[2][1], "1");
        // The names stay, and so do letters in a column of words and codes.
        assert_eq!(
            column(0)[1..],
            ["Aldrin", "DDT", "Isodrin", "Mirex", "Lindane"]
        );
        let mut codes = table(&[
            ["Class", "Grade", "Count"],
            ["A1", "I", "12"],
            ["B2", "II", "7"],
            ["C3", "O", "4"],
            ["D4", "IV", "9"],
        ]);
        let before = codes.clone();
        figures_read_as_letters(&mut codes);
        assert_eq!(codes, before);
    }

    fn glyphs(s: &str) -> Vec<Glyph> {
        s.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                c,
                x0: i as f32,
                x1: i as f32 + 1.0,
                conf: 0.9,
                alt: None,
            })
            .collect()
    }

    fn tidied(s: &str) -> String {
        let mut g = glyphs(s);
        tidy(&mut g);
        g.iter().map(|g| g.c).collect()
    }

    #[test]
    fn spaces_next_to_chinese_go_and_between_words_stay() {
        assert_eq!(tidied("营业 收入"), "营业收入");
        assert_eq!(tidied("附注 五、31"), "附注五、31");
        assert_eq!(tidied("Net  profit margin "), "Net profit margin");
        assert_eq!(tidied(" 1,234"), "1,234");
    }

    #[test]
    fn straight_quotes_open_after_a_space_or_a_bracket_and_close_after_a_letter() {
        let mut g = glyphs("\"Fast\" (\"slow\") driver's 'own'");
        typeset_quotes(&mut g);
        let text: String = g.iter().map(|g| g.c).collect();
        assert_eq!(text, "“Fast” (“slow”) driver’s ‘own’");
    }

    #[test]
    fn the_glyphs_that_stay_keep_their_places() {
        let mut g = glyphs("营 业");
        tidy(&mut g);
        assert_eq!(g.len(), 2);
        assert_eq!((g[0].x0, g[1].x0), (0.0, 2.0));
    }

    #[test]
    fn grouping_points_become_commas() {
        assert_eq!(tidied("474.043.75"), "474,043.75");
        assert_eq!(tidied("(1.234,567.8)"), "(1,234,567.8)");
        assert_eq!(tidied("-12.345.678.90 EUR"), "-12,345,678.90 EUR");
        assert_eq!(
            tidied("total 1.234.56 and 9.999.99"),
            "total 1,234.56 and 9,999.99"
        );
    }

    #[test]
    fn a_capital_i_read_as_l_is_set_right() {
        assert_eq!(tidied("ltem"), "Item");
        assert_eq!(tidied("(lncome tax)"), "(Income tax)");
        assert_eq!(tidied("lD"), "ID");
        for s in [
            "lbs",
            "ltd",
            "ln",
            "label",
            "lyric",
            "llama",
            "all items",
            "Total",
        ] {
            assert_eq!(tidied(s), s);
        }
    }

    #[test]
    fn a_zero_read_as_o_is_set_right_in_numbers_and_alone() {
        assert_eq!(tidied("O"), "0");
        assert_eq!(tidied(" o "), "0");
        assert_eq!(tidied("1O0 and 2O.5"), "100 and 20.5");
        for s in ["Oslo", "No. 5", "O2 levels", "CO 2", "to 10", "O O"] {
            assert_eq!(tidied(s), s);
        }
    }

    #[test]
    fn numbers_that_may_be_right_stay() {
        for s in [
            "474,043.75",
            "1.234.567",
            "1.234,56",
            "3.14",
            "12.345",
            "1.2.3",
            "v1.234.5678",
            "2024.01.15",
        ] {
            assert_eq!(tidied(s), s);
        }
    }
}
