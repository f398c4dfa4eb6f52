//! A table's caption (inside a worker): the title printed right above it
//! and the notes right below (`Table 3. Exports by country`, `Source: ...`),
//! from the page's text layer.
//!
//! Text lines are rows of characters on one baseline. A title is the block
//! of one or two rows ending within two line heights above the table, set
//! apart from text further up; a longer block is a paragraph. Notes are the
//! rows from within two line heights below the table that start like a note
//! (`Source`, `Note`, `Abbreviations`, `注`, `*`, `1)`, `a)`), one note a
//! row, up to the first row that does not. A row with a gap wider than a few
//! characters is a row of columns, which is a table's, never a caption.

use std::collections::BTreeMap;

use crate::table::{Caption, Rect};
use crate::worker::extract::{collapse_spaces, TextChar};

/// How far a caption may lie from the table, in its line heights.
const MAX_GAP_LINES: f32 = 2.0;
/// How far apart rows of one title or of the notes may lie, in line heights.
const MAX_LEADING_LINES: f32 = 1.0;
/// A title has at most this many rows, and one more that gives the
/// table's unit (`[In thousands]`, `单位：万元`); a longer block is a
/// paragraph.
pub(crate) const MAX_TITLE_ROWS: usize = 2;
/// A gap between pieces of a row wider than this many font sizes parts columns.
const MAX_WORD_GAP: f32 = 2.0;
/// Words a note starts with, compared without case (a note explaining
/// the table's abbreviations is as common as one naming its source).
const NOTE_WORDS: [&str; 10] = [
    "source",
    "sources",
    "note",
    "notes",
    "abbreviation",
    "abbreviations",
    "注",
    "说明",
    "资料来源",
    "数据来源",
];
/// Marks a footnote starts with.
const NOTE_MARKS: [char; 4] = ['*', '†', '‡', '§'];

/// One row of text: its box, its text and its font size.
#[derive(Debug)]
struct TextRow {
    bbox: Rect,
    text: String,
    size: f32,
    /// Its pieces are parted by a gap too wide for a sentence.
    columns: bool,
}

/// The caption of the table at `bbox` on a page of `chars`.
pub fn caption(chars: &[TextChar], bbox: Rect) -> Caption {
    let rows = text_rows(chars, bbox);
    let above: Vec<&TextRow> = rows.iter().filter(|r| r.bbox.y1 <= bbox.y0 + 1.0).collect();
    let below: Vec<&TextRow> = rows.iter().filter(|r| r.bbox.y0 >= bbox.y1 - 1.0).collect();
    Caption {
        title: title(&above, bbox.y0),
        notes: notes(&below, bbox.y1),
    }
}

/// The title from the rows above the table, nearest last.
fn title(above: &[&TextRow], top: f32) -> Option<String> {
    let mut block: Vec<&TextRow> = Vec::new();
    let mut edge = top;
    for row in above.iter().rev() {
        let limit = if block.is_empty() {
            MAX_GAP_LINES
        } else {
            MAX_LEADING_LINES
        };
        if edge - row.bbox.y1 > limit * row.bbox.height().max(row.size) {
            break;
        }
        block.push(row);
        edge = row.bbox.y0;
        let units = block.iter().filter(|r| is_unit_line(&r.text)).count();
        if block.len() > MAX_TITLE_ROWS + units.min(1) {
            return None;
        }
    }
    if block.is_empty() || block.iter().any(|r| r.columns) {
        return None;
    }
    let text: Vec<&str> = block.iter().rev().map(|r| r.text.as_str()).collect();
    Some(text.join(" "))
}

/// The notes from the rows below the table, nearest first.
fn notes(below: &[&TextRow], bottom: f32) -> Vec<String> {
    let mut notes = Vec::new();
    let mut edge = bottom;
    for row in below {
        let limit = if notes.is_empty() {
            MAX_GAP_LINES
        } else {
            MAX_LEADING_LINES
        };
        if row.bbox.y0 - edge > limit * row.bbox.height().max(row.size)
            || row.columns
            || !is_note(&row.text)
        {
            break;
        }
        notes.push(row.text.clone());
        edge = row.bbox.y1;
    }
    notes
}

/// Whether a line gives a table's unit: wholly in brackets or parentheses
/// (`[In thousands]`, `(Percent)`, `（万元）`), or `Unit: ...`, `单位：...`.
pub(crate) fn is_unit_line(text: &str) -> bool {
    let text = text.trim();
    let enclosed = [('[', ']'), ('(', ')'), ('（', '）'), ('【', '】')]
        .iter()
        .any(|&(open, close)| {
            text.strip_prefix(open)
                .and_then(|t| t.strip_suffix(close))
                .is_some_and(|inner| !inner.contains([open, close]))
        });
    let word: String = text.chars().take_while(|c| c.is_alphabetic()).collect();
    let named = UNIT_WORDS.contains(&word.to_lowercase().as_str())
        && text[word.len()..].trim_start().starts_with([':', '：']);
    enclosed || named
}

/// Words a unit line starts with, before a colon (compared without case).
const UNIT_WORDS: [&str; 3] = ["unit", "units", "单位"];

/// Whether a line starts like a note: `Source: ...`, `Note 2 ...`, `* ...`,
/// `1) ...`, `a) ...`.
pub(crate) fn is_note(text: &str) -> bool {
    let word: String = text.chars().take_while(|c| c.is_alphabetic()).collect();
    let after = text[word.len()..].chars().next();
    if NOTE_WORDS.contains(&word.to_lowercase().as_str())
        && after.is_none_or(|c| !c.is_alphanumeric())
    {
        return true;
    }
    if text.starts_with(NOTE_MARKS) {
        return true;
    }
    // `1)`, `12)`, `a)`, `(a)`: a number or one letter, then a parenthesis.
    let text = text.strip_prefix('(').unwrap_or(text);
    let mark: String = text.chars().take_while(|c| c.is_alphanumeric()).collect();
    let numbered = !mark.is_empty() && mark.chars().all(|c| c.is_ascii_digit());
    let lettered = mark.chars().count() == 1;
    (numbered || lettered) && text[mark.len()..].starts_with(')')
}

/// The rows of text overlapping the table's columns and outside it, top to
/// bottom: the structured-text lines whose middles lie within each other's
/// height are one row, their pieces left to right.
fn text_rows(chars: &[TextChar], table: Rect) -> Vec<TextRow> {
    let mut lines: BTreeMap<u32, Vec<&TextChar>> = BTreeMap::new();
    for ch in chars {
        lines.entry(ch.line).or_default().push(ch);
    }
    // Each line: its box (of its glyphs), its text, its font size.
    let mut pieces: Vec<(Rect, String, f32)> = Vec::new();
    for line in lines.values() {
        let glyphs: Vec<&&TextChar> = line.iter().filter(|c| !c.c.is_whitespace()).collect();
        let Some(first) = glyphs.first() else {
            continue;
        };
        let bbox = glyphs.iter().fold(first.bbox, |r, c| r.union(&c.bbox));
        let outside = bbox.y1 <= table.y0 + 1.0 || bbox.y0 >= table.y1 - 1.0;
        let overlaps = bbox.x1 > table.x0 && bbox.x0 < table.x1;
        if !outside || !overlaps {
            continue;
        }
        // Control characters (a stray BEL in some PDFs) show as nothing.
        let text: String = line
            .iter()
            .map(|c| if c.c.is_control() { ' ' } else { c.c })
            .collect();
        let size = glyphs.iter().map(|c| c.size).fold(0.0, f32::max);
        pieces.push((bbox, collapse_spaces(&text), size));
    }
    pieces.sort_by(|a, b| (a.0.y0 + a.0.y1).total_cmp(&(b.0.y0 + b.0.y1)));
    let mut rows: Vec<Vec<(Rect, String, f32)>> = Vec::new();
    for piece in pieces {
        let mid = (piece.0.y0 + piece.0.y1) / 2.0;
        match rows.last_mut() {
            Some(row) if row.iter().any(|p| mid >= p.0.y0 && mid <= p.0.y1) => row.push(piece),
            _ => rows.push(vec![piece]),
        }
    }
    rows.into_iter()
        .map(|mut row| {
            row.sort_by(|a, b| a.0.x0.total_cmp(&b.0.x0));
            let size = row.iter().map(|p| p.2).fold(0.0, f32::max);
            let columns = row
                .windows(2)
                .any(|w| w[1].0.x0 - w[0].0.x1 > MAX_WORD_GAP * size);
            let bbox = row.iter().skip(1).fold(row[0].0, |r, p| r.union(&p.0));
            let text: Vec<&str> = row.iter().map(|p| p.1.as_str()).collect();
            TextRow {
                bbox,
                text: text.join(" "),
                size,
                columns,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::worker::extract::tests::word;

    /// A table from y 100 to 200, x 50 to 400.
    const TABLE: Rect = Rect {
        x0: 50.0,
        y0: 100.0,
        x1: 400.0,
        y1: 200.0,
    };

    #[test]
    fn title_above_and_notes_below_are_read() {
        let mut chars = word("Some paragraph text far above.", 50.0, 40.0, 0);
        chars.extend(word("Table 3. Exports by country", 50.0, 90.0, 1));
        chars.extend(word("Cell", 60.0, 120.0, 2));
        chars.extend(word("Source: Eurostat.", 50.0, 215.0, 3));
        chars.extend(word("* provisional", 50.0, 228.0, 4));
        chars.extend(word("Body text goes on here.", 50.0, 241.0, 5));
        let caption = caption(&chars, TABLE);
        assert_eq!(
            caption.title.as_deref(),
            Some("Table 3. Exports by country")
        );
        assert_eq!(caption.notes, ["Source: Eurostat.", "* provisional"]);
    }

    #[test]
    fn a_title_may_take_a_third_row_that_gives_the_unit() {
        let mut chars = word("Table 17. Employment by industry,", 50.0, 64.0, 0);
        chars.extend(word("2019 to 2023", 50.0, 77.0, 1));
        chars.extend(word("[In thousands]", 50.0, 90.0, 2));
        chars.extend(word("Cell", 60.0, 120.0, 3));
        assert_eq!(
            caption(&chars, TABLE).title.as_deref(),
            Some("Table 17. Employment by industry, 2019 to 2023 [In thousands]")
        );
        // Three rows of which none gives the unit are a paragraph's.
        chars.retain(|c| c.line != 2);
        chars.extend(word("in the regions", 50.0, 90.0, 2));
        assert_eq!(caption(&chars, TABLE).title, None);
        for unit in [
            "(Percent)",
            "[In thousands]",
            "（万元）",
            "单位：万元",
            "Units: tonnes",
        ] {
            assert!(is_unit_line(unit), "{unit}");
        }
        for text in [
            "(a) and (b)",
            "Percent",
            "Unit trusts and funds",
            "[1] See notes",
        ] {
            assert!(!is_unit_line(text), "{text}");
        }
    }

    #[test]
    fn control_characters_are_left_out() {
        let chars = word("Table 1.\u{7}Costs", 50.0, 90.0, 0);
        assert_eq!(
            caption(&chars, TABLE).title.as_deref(),
            Some("Table 1. Costs")
        );
    }

    #[test]
    fn a_title_may_take_two_rows_a_paragraph_is_no_title() {
        let mut chars = word("Table 3. Exports", 50.0, 77.0, 0);
        chars.extend(word("by country", 50.0, 90.0, 1));
        let two = caption(&chars, TABLE);
        assert_eq!(two.title.as_deref(), Some("Table 3. Exports by country"));
        let mut chars = word("A paragraph that", 50.0, 64.0, 0);
        chars.extend(word("runs on for", 50.0, 77.0, 1));
        chars.extend(word("three rows.", 50.0, 90.0, 2));
        assert_eq!(caption(&chars, TABLE), Caption::default());
    }

    #[test]
    fn distant_text_and_rows_of_columns_are_no_caption() {
        let mut chars = word("Far above", 50.0, 50.0, 0);
        chars.extend(word("Far below", 50.0, 260.0, 1));
        assert_eq!(caption(&chars, TABLE), Caption::default());
        let mut chars = word("2019", 50.0, 90.0, 0);
        chars.extend(word("2020", 200.0, 90.0, 1));
        chars.extend(word("Total", 50.0, 212.0, 2));
        assert_eq!(caption(&chars, TABLE), Caption::default());
    }

    #[test]
    fn notes_start_like_notes() {
        for note in [
            "Source: x",
            "NOTES. x",
            "Note 1: x",
            "* x",
            "1) x",
            "12) x",
            "a) x",
            "(b) x",
            "Abbreviations: CI = confidence interval.",
            "注：x",
            "资料来源：x",
        ] {
            assert!(is_note(note), "{note}");
        }
        for text in [
            "Sourced from",
            "Total",
            "2019",
            "abc) x",
            "(a x",
            "说明书",
            "注册资本",
        ] {
            assert!(!is_note(text), "{text}");
        }
    }
}
