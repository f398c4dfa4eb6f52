//! Fix-ups of a recognised line before its characters are placed: what the
//! recognition model reads in a way a born-digital page would not show.
//!
//! Takes a line's glyphs left to right; gives them with spaces that do not
//! belong dropped and misread number grouping repaired. Only characters
//! change or go, never move: each keeps the position it was read at.

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

/// A zero read as the letter O, as many typefaces draw both alike: in a
/// number (`1O0`, `2O.5`: a word of digits, O and separators, with more
/// digits than O; `O2` may be oxygen) and alone on its line, as a table's
/// cell "0" is: the model reads the lone figure one way or the other from
/// one crop to the next.
fn zero_o(glyphs: &mut [Glyph]) {
    let is_o = |c: char| c == 'O' || c == 'o';
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
