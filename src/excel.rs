//! Excel's limits, in one place: how many rows and columns a sheet holds, how
//! long a cell's text and a sheet's name may be, and which characters the
//! file format cannot carry.

/// Rows in a worksheet.
pub const MAX_ROWS: u32 = 1_048_576;
/// Columns in a worksheet.
pub const MAX_COLS: u16 = 16_384;
/// Characters in one cell.
pub const MAX_CELL_CHARS: usize = 32_767;
/// Characters in a sheet name.
pub const MAX_SHEET_NAME_CHARS: usize = 31;

/// Cell text as Excel can hold it: characters that XML 1.0 cannot carry
/// (control characters other than tab and newline) removed, and cut to
/// [`MAX_CELL_CHARS`].
pub fn cell_text(text: &str) -> String {
    text.chars()
        .filter(|&c| !is_xml_illegal(c))
        .take(MAX_CELL_CHARS)
        .collect()
}

fn is_xml_illegal(c: char) -> bool {
    // Surrogates cannot occur in a Rust `char`.
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// A valid sheet name made from `wanted`: no `[]:*?/\`, not blank, no leading
/// or trailing apostrophe, at most [`MAX_SHEET_NAME_CHARS`] characters, and
/// different from every name in `taken` (compared as Excel does, ignoring
/// case), by a numbered suffix when needed.
pub fn sheet_name(wanted: &str, taken: &[String]) -> String {
    // Control characters (tab, line breaks too) have no place in a tab label.
    let cleaned: String = wanted
        .chars()
        .filter(|c| !c.is_control() && !is_xml_illegal(*c))
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .collect();
    // Trimmed as one set, so "' 'x" loses both apostrophes and the space.
    let edge = |c: char| c.is_whitespace() || c == '\'';
    let cleaned = cleaned.trim_matches(edge);
    let base = if cleaned.is_empty() { "Sheet" } else { cleaned };
    let clash = |name: &str| {
        taken
            .iter()
            .any(|t| t.to_lowercase() == name.to_lowercase())
    };
    let mut n = 1;
    loop {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!(" ({n})")
        };
        let room = MAX_SHEET_NAME_CHARS - suffix.chars().count();
        let cut: String = base.chars().take(room).collect();
        let cut = cut.trim_end_matches(edge);
        let name = if cut.is_empty() { "Sheet" } else { cut }.to_owned() + &suffix;
        if !clash(&name) {
            return name;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn cell_text_drops_what_xml_cannot_carry() {
        assert_eq!(cell_text("a\u{1}b\tc\nd"), "ab\tc\nd");
        assert_eq!(
            cell_text(&"x".repeat(40_000)).chars().count(),
            MAX_CELL_CHARS
        );
    }

    #[test]
    fn sheet_names_follow_excel_rules() {
        assert_eq!(sheet_name("p3-t2", &[]), "p3-t2");
        assert_eq!(sheet_name("a/b:c", &[]), "a_b_c");
        assert_eq!(sheet_name("  ", &[]), "Sheet");
        assert_eq!(sheet_name("'\r'0", &[]), "0", "found by the property below");
        assert_eq!(sheet_name("P3-T2", &["p3-t2".to_owned()]), "P3-T2 (2)");
    }

    proptest! {
        #[test]
        fn any_name_becomes_a_valid_unique_one(names in proptest::collection::vec(".{0,40}", 1..20)) {
            let mut taken: Vec<String> = Vec::new();
            for wanted in names {
                let name = sheet_name(&wanted, &taken);
                prop_assert!(!name.is_empty() && name.chars().count() <= MAX_SHEET_NAME_CHARS);
                prop_assert!(!name.chars().any(|c| "[]:*?/\\".contains(c)));
                prop_assert!(!name.starts_with('\'') && !name.ends_with('\''));
                prop_assert!(!taken.iter().any(|t| t.to_lowercase() == name.to_lowercase()));
                taken.push(name);
            }
        }
    }
}
