//! Program code is no table. A listing in a manual (SQL, a shell session)
//! sets keywords down the left and their arguments lined up after them,
//! often in a box, so both the ruled and the layout reading find columns
//! in it. It gives itself away twice: it is set in a font of fixed pitch
//! among the page's proportional text, and its lines end as code's do
//! (`user_name,`, `ENABLE;`, `{`), hold comments (`/* ... */`) or name
//! things as code does (`HR_SCHEMA.EMPLOYEES`). A
//! typewriter page (all of it fixed pitch) or a computer printout among a
//! report's text (its lines end in figures) keeps its tables.

use std::collections::BTreeMap;

use crate::worker::extract::{is_cjk, TextChar};

/// A line's letters all this close in width (a share of the widest) are
/// set in a font of fixed pitch.
const PITCH_TOLERANCE: f32 = 0.03;
/// A line of fewer letters tells nothing of its font.
const MIN_LETTERS: usize = 4;
/// Most of a listing's lines are set in fixed pitch...
const MIN_FIXED_SHARE: f32 = 0.6;
/// ...and this share of those end as code's lines do or hold a comment.
const MIN_CODE_SHARE: f32 = 0.25;
/// This share of the page's other lines at least, and this many, are set
/// in proportional type (else it is a typewriter page, its tables set in
/// its one font; other listings may fill much of a manual's page).
const MIN_PAGE_PROPORTIONAL_SHARE: f32 = 0.25;
const MIN_PAGE_PROPORTIONAL_LINES: usize = 3;

/// Whether the text of a table, `inside` it, is a listing of program code
/// on a page with text of its own (`outside`) set in proportional type.
pub fn a_code_listing<'a>(
    inside: &[&TextChar],
    outside: impl Iterator<Item = &'a TextChar>,
) -> bool {
    let lines = lines_of(inside.iter().copied());
    let fixed: Vec<&Vec<&TextChar>> = (lines.iter())
        .filter(|l| fixed_pitch(l) == Some(true))
        .collect();
    let judged = lines.iter().filter(|l| fixed_pitch(l).is_some()).count();
    if judged == 0 || (fixed.len() as f32) < MIN_FIXED_SHARE * judged as f32 {
        return false;
    }
    let code = fixed.iter().filter(|l| reads_as_code(l)).count();
    if (code as f32) < MIN_CODE_SHARE * fixed.len() as f32 {
        return false;
    }
    let page: Vec<bool> = (lines_of(outside).iter())
        .filter_map(|l| fixed_pitch(l))
        .collect();
    let proportional = page.iter().filter(|&&f| !f).count();
    proportional >= MIN_PAGE_PROPORTIONAL_LINES
        && proportional as f32 >= MIN_PAGE_PROPORTIONAL_SHARE * page.len() as f32
}

/// Characters by structured-text line, each line left to right.
fn lines_of<'a>(chars: impl Iterator<Item = &'a TextChar>) -> Vec<Vec<&'a TextChar>> {
    let mut lines: BTreeMap<u32, Vec<&TextChar>> = BTreeMap::new();
    for ch in chars {
        lines.entry(ch.line).or_default().push(ch);
    }
    let mut lines: Vec<Vec<&TextChar>> = lines.into_values().collect();
    for line in &mut lines {
        line.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
    }
    lines
}

/// Whether a line's letters share one width (their boxes are their
/// advances); `None` for a line of too few letters to tell.
fn fixed_pitch(line: &[&TextChar]) -> Option<bool> {
    let widths: Vec<f32> = (line.iter())
        .filter(|c| c.c.is_alphabetic() && !is_cjk(c.c))
        .map(|c| c.bbox.width())
        .collect();
    if widths.len() < MIN_LETTERS {
        return None;
    }
    let (lo, hi) =
        (widths.iter()).fold((f32::INFINITY, 0f32), |(lo, hi), &w| (lo.min(w), hi.max(w)));
    Some(hi - lo <= PITCH_TOLERANCE * hi)
}

/// Whether a line ends as a line of code does (a list's comma, a
/// statement's semicolon, a brace or an open parenthesis), holds a
/// comment, or names something as code does, words joined by underscores
/// (`HR_SCHEMA.EMPLOYEES`, `user_name`).
fn reads_as_code(line: &[&TextChar]) -> bool {
    let text: String = line.iter().map(|c| c.c).collect();
    let text = text.trim_end();
    let joined = |w: &[char]| w[0].is_alphanumeric() && w[1] == '_' && w[2].is_alphanumeric();
    text.ends_with([',', ';', '{', '}', '('])
        || ["/*", "*/", "//"].iter().any(|mark| text.contains(mark))
        || text.chars().collect::<Vec<char>>().windows(3).any(joined)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::Rect;

    /// `s` on line `line` at baseline y from x = 20, each character
    /// `advance(c)` wide, 10 pt type.
    fn set(chars: &mut Vec<TextChar>, s: &str, y: f32, line: u32, advance: impl Fn(char) -> f32) {
        let mut x = 20.0;
        for c in s.chars() {
            let w = advance(c);
            chars.push(TextChar {
                c,
                bbox: Rect::new(x, y - 8.0, x + w, y + 2.0),
                line,
                size: 10.0,
            });
            x += w;
        }
    }

    fn fixed(_: char) -> f32 {
        6.0
    }

    /// Helvetica's advances, near enough: narrow, middling and wide letters.
    fn proportional(c: char) -> f32 {
        match c {
            'i' | 'l' | 'j' | 'I' | 't' | 'f' | ' ' => 2.8,
            'm' | 'w' | 'M' | 'W' => 8.3,
            'r' => 3.3,
            _ => 5.6,
        }
    }

    fn page_text(chars: &mut Vec<TextChar>, first_line: u32) {
        for (k, s) in [
            "To find who may manage the rules, run the query below.",
            "It lists every user with the function and how it was granted.",
            "The results come back sorted by the name of the user.",
        ]
        .iter()
        .enumerate()
        {
            set(
                chars,
                s,
                300.0 + 14.0 * k as f32,
                first_line + k as u32,
                proportional,
            );
        }
    }

    #[test]
    fn a_query_set_in_fixed_pitch_among_proportional_text_is_code() {
        let mut inside = Vec::new();
        for (k, s) in [
            "SELECT     function_id,",
            "           user_name,",
            "           usage,",
            "           user_type",
            "FROM       function_usage",
            "ORDER BY   user_name;",
        ]
        .iter()
        .enumerate()
        {
            set(&mut inside, s, 40.0 + 12.0 * k as f32, k as u32, fixed);
        }
        let mut outside = Vec::new();
        page_text(&mut outside, 100);
        let refs: Vec<&TextChar> = inside.iter().collect();
        assert!(a_code_listing(&refs, outside.iter()));
        // On a typewriter page, all of it in one fixed-pitch font, the
        // same lines stay a table.
        let typed: Vec<TextChar> = (outside.iter())
            .map(|c| TextChar {
                bbox: Rect::new(c.bbox.x0, c.bbox.y0, c.bbox.x0 + 6.0, c.bbox.y1),
                ..*c
            })
            .collect();
        assert!(!a_code_listing(&refs, typed.iter()));
    }

    #[test]
    fn a_printout_in_fixed_pitch_or_a_table_of_lists_is_no_code() {
        let mut outside = Vec::new();
        page_text(&mut outside, 100);
        // A computer printout set in Courier among the report's text: its
        // lines end in figures.
        let mut printout = Vec::new();
        for (k, s) in [
            "REGION     TOTAL   SHARE",
            "North      1,204   41.2",
            "South        988   33.8",
        ]
        .iter()
        .enumerate()
        {
            set(&mut printout, s, 40.0 + 12.0 * k as f32, k as u32, fixed);
        }
        let refs: Vec<&TextChar> = printout.iter().collect();
        assert!(!a_code_listing(&refs, outside.iter()));
        // A table whose cells list words, each wrapped line ending in a
        // comma, set in the page's own proportional type.
        let mut lists = Vec::new();
        for (k, s) in [
            "Rasp     Curves,",
            "         hollows,",
            "Saw      Wood, boards,",
        ]
        .iter()
        .enumerate()
        {
            set(
                &mut lists,
                s,
                40.0 + 12.0 * k as f32,
                k as u32,
                proportional,
            );
        }
        let refs: Vec<&TextChar> = lists.iter().collect();
        assert!(!a_code_listing(&refs, outside.iter()));
    }
}
