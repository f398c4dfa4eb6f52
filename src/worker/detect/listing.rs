//! Program code is no table. A listing in a manual (SQL, a shell session)
//! sets keywords down the left and their arguments lined up after them,
//! often in a box, so both the ruled and the layout reading find columns
//! in it. It gives itself away twice: it is set in a font of fixed pitch
//! among the page's proportional text, and its lines end as code's do
//! (`user_name,`, `ENABLE;`, `{`), hold comments (`/* ... */`) or name
//! things as code does (`HR_SCHEMA.EMPLOYEES`). A typewriter page (all of
//! it fixed pitch) or a computer printout among a report's text (its
//! lines end in figures) keeps its tables.

use super::layout::PITCH_TOLERANCE;
use crate::worker::extract::{is_cjk, TextChar};

/// A line of fewer letters tells nothing of its font.
const MIN_LETTERS: usize = 4;
/// Most of a listing's lines are set in fixed pitch...
const MIN_FIXED_SHARE: f32 = 0.6;
/// ...and this share of those read as code (see `reads_as_code`).
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
    // (A line's characters come one after another in the page's text.)
    let lines = inside.chunk_by(|a, b| a.line == b.line);
    let pitches = lines.clone().filter_map(fixed_pitch);
    let (judged, fixed) = pitches.fold((0, 0), |(n, f), fixed| (n + 1, f + fixed as usize));
    if judged == 0 || (fixed as f32) < MIN_FIXED_SHARE * judged as f32 {
        return false;
    }
    let code = (lines.filter(|l| fixed_pitch(l) == Some(true)))
        .filter(|l| reads_as_code(l))
        .count();
    if (code as f32) < MIN_CODE_SHARE * fixed as f32 {
        return false;
    }
    let outside: Vec<&TextChar> = outside.collect();
    let page = (outside.chunk_by(|a, b| a.line == b.line)).filter_map(fixed_pitch);
    let (judged, fixed) = page.fold((0, 0), |(n, f), fixed| (n + 1, f + fixed as usize));
    let proportional = judged - fixed;
    proportional >= MIN_PAGE_PROPORTIONAL_LINES
        && proportional as f32 >= MIN_PAGE_PROPORTIONAL_SHARE * judged as f32
}

/// Whether a line's letters share one width, to within the layout's
/// `PITCH_TOLERANCE` (their boxes are their advances); `None` for a line
/// of too few letters to tell.
fn fixed_pitch(line: &[&TextChar]) -> Option<bool> {
    let (count, lo, hi) = (line.iter())
        .filter(|c| c.c.is_alphabetic() && !is_cjk(c.c))
        .map(|c| c.bbox.width())
        .fold((0, f32::INFINITY, 0f32), |(n, lo, hi), w| {
            (n + 1, lo.min(w), hi.max(w))
        });
    (count >= MIN_LETTERS).then_some(hi - lo <= PITCH_TOLERANCE * hi)
}

/// Whether a line ends as a line of code does (a list's comma, a
/// statement's semicolon, a brace or an open parenthesis), holds a
/// comment, or names something as code does, words joined by underscores
/// (`HR_SCHEMA.EMPLOYEES`, `user_name`).
fn reads_as_code(line: &[&TextChar]) -> bool {
    let text: String = line.iter().map(|c| c.c).collect();
    let joined =
        |w: &[&TextChar]| w[0].c.is_alphanumeric() && w[1].c == '_' && w[2].c.is_alphanumeric();
    text.trim_end().ends_with([',', ';', '{', '}', '('])
        || ["/*", "*/", "//"].iter().any(|mark| text.contains(mark))
        || line.windows(3).any(joined)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::Rect;

    /// `lines` one under another, 12 pt apart from baseline `top`, from
    /// x = 20, structured-text lines `first`, `first + 1`..., each
    /// character `advance(c)` wide, 10 pt type.
    fn set(lines: &[&str], top: f32, first: u32, advance: impl Fn(char) -> f32) -> Vec<TextChar> {
        let mut chars = Vec::new();
        for (k, s) in lines.iter().enumerate() {
            let (y, mut x) = (top + 12.0 * k as f32, 20.0);
            for c in s.chars() {
                let w = advance(c);
                chars.push(TextChar {
                    c,
                    bbox: Rect::new(x, y - 8.0, x + w, y + 2.0),
                    line: first + k as u32,
                    size: 10.0,
                });
                x += w;
            }
        }
        chars
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

    /// Three lines of running text in proportional type under the table.
    fn page_text() -> Vec<TextChar> {
        let lines = [
            "To find who may manage the rules, run the query below.",
            "It lists every user with the function and how it was granted.",
            "The results come back sorted by the name of the user.",
        ];
        set(&lines, 300.0, 100, proportional)
    }

    /// Whether `rows`, set as a table's text (each character
    /// `advance(c)` wide), read as a listing among `page`'s text.
    fn listing(rows: &[&str], advance: impl Fn(char) -> f32, page: &[TextChar]) -> bool {
        let inside = set(rows, 40.0, 0, advance);
        let refs: Vec<&TextChar> = inside.iter().collect();
        a_code_listing(&refs, page.iter())
    }

    #[test]
    fn a_query_set_in_fixed_pitch_among_proportional_text_is_code() {
        let query = [
            "SELECT     function_id,",
            "           user_name,",
            "           usage,",
            "           user_type",
            "FROM       function_usage",
            "ORDER BY   user_name;",
        ];
        let page = page_text();
        assert!(listing(&query, fixed, &page));
        // On a typewriter page, all of it in one fixed-pitch font, the
        // same lines stay a table.
        let typed: Vec<TextChar> = (page.iter())
            .map(|c| TextChar {
                bbox: Rect::new(c.bbox.x0, c.bbox.y0, c.bbox.x0 + 6.0, c.bbox.y1),
                ..*c
            })
            .collect();
        assert!(!listing(&query, fixed, &typed));
    }

    #[test]
    fn a_printout_in_fixed_pitch_or_a_table_of_lists_is_no_code() {
        let page = page_text();
        // A computer printout set in Courier among the report's text: its
        // lines end in figures.
        let printout = [
            "REGION     TOTAL   SHARE",
            "North      1,204   41.2",
            "South        988   33.8",
        ];
        assert!(!listing(&printout, fixed, &page));
        // A table whose cells list words, each wrapped line ending in a
        // comma, set in the page's own proportional type.
        let lists = [
            "Rasp     Curves,",
            "         hollows,",
            "Saw      Wood, boards,",
        ];
        assert!(!listing(&lists, proportional, &page));
    }
}
