//! The one number parser: what a cell's text means to a spreadsheet. It takes
//! the text a PDF shows and gives a [`Typed`] value: a number with an Excel
//! number format that shows it exactly as the PDF does, an ISO date, or text.
//!
//! Invariants: a number is only ever given with a format that reproduces the
//! shown text character for character (thousand separators, decimals,
//! sign style, percent, currency); anything that cannot be reproduced, or
//! that is not clearly a number (codes with leading zeros, ranges, footnote
//! marks, more digits than a double holds), stays text. Whether a comma is a
//! decimal mark is never guessed from one cell: [`MarkEvidence`] collects it
//! over the cells of a document, and neither is the order of a date's day
//! and month (`02/03/2024`): [`MarkEvidence`] counts dates that read only
//! day first (`31/03/2024`).

/// What a cell's text is, for the workbook.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Typed {
    /// A number, and the Excel number format that shows it as the PDF did.
    Number { value: f64, format: String },
    /// A calendar date, and the format that shows it as written
    /// (`yyyy-mm-dd`, `dd.mm.yyyy`, `d/m/yyyy` ...).
    Date {
        year: u16,
        month: u8,
        day: u8,
        format: String,
    },
    /// Anything else: written as the text it is.
    Text,
}

/// The number format of ISO dates: the form they came in.
pub(crate) const DATE_FORMAT: &str = "yyyy-mm-dd";

/// Characters that group digits by thousands besides the comma and the
/// point: the space, the no-break space and the thin spaces typesetters use.
const GROUP_SPACES: &[char] = &[' ', '\u{A0}', '\u{202F}', '\u{2009}'];

/// Which character separates the decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum DecimalMark {
    /// `1,234.56`
    #[default]
    Point,
    /// `1.234,56`
    Comma,
}

/// Evidence, over the cells seen so far, of which decimal mark a document
/// uses: cells that are numbers under one mark only. `1,234` reads either
/// way and counts for neither; `1.234,56` or `12,5` only with a comma.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct MarkEvidence {
    point_only: usize,
    comma_only: usize,
    /// Dates that read only day first (`31/03/2024`), only month first (`03/31/2024`).
    day_first: usize,
    month_first: usize,
    /// The mark the user said the document uses (`--decimal-comma`).
    told: Option<DecimalMark>,
}

impl MarkEvidence {
    /// Evidence that gives `mark` whatever the cells say: the user knows.
    pub(crate) fn told(mark: DecimalMark) -> MarkEvidence {
        MarkEvidence {
            told: Some(mark),
            ..MarkEvidence::default()
        }
    }

    pub(crate) fn add(&mut self, text: &str) {
        // Only a text with a point or a comma can read one way and not the
        // other (and most cells are words: two parses each would be most of
        // the writer's typing time).
        if text.contains(['.', ',']) {
            let point = reads_as_number(text, DecimalMark::Point);
            let comma = reads_as_number(text, DecimalMark::Comma);
            match (point, comma) {
                (true, false) => self.point_only += 1,
                (false, true) => self.comma_only += 1,
                _ => {}
            }
        }
        if let Some(date) = numeric_date(text) {
            match (date.first > 12, date.second > 12) {
                (true, false) => self.day_first += 1,
                (false, true) => self.month_first += 1,
                _ => {}
            }
        }
    }

    /// Whether a date such as `02/03/2024` is read day first: the document
    /// has dates that read only day first and none only month first.
    pub(crate) fn day_first(&self) -> bool {
        self.day_first > 0 && self.month_first == 0
    }

    /// Comma only when the cells clearly say so: more than one number that
    /// reads only with a decimal comma, and none that reads only with a
    /// point. Otherwise the point, which leaves comma numbers as text rather
    /// than reading them as wrong values.
    pub(crate) fn mark(&self) -> DecimalMark {
        if let Some(mark) = self.told {
            mark
        } else if self.comma_only >= 2 && self.point_only == 0 {
            DecimalMark::Comma
        } else {
            DecimalMark::Point
        }
    }
}

/// The longest text looked at as a number; longer is never one.
const MAX_NUMBER_CHARS: usize = 40;
/// Significant digits a double holds exactly; more would change the value.
const MAX_SIGNIFICANT_DIGITS: usize = 15;
/// Signs that may stand before or after an amount.
pub const CURRENCY: &[char] = &['$', '€', '£', '¥', '₹', '₩', '₽', '₺', '₪', '₫', '฿'];

/// Reads a cell's text as a number, a date or text; a day-first date only
/// when it cannot be read month first (`31/03/2024`).
#[cfg(test)]
pub(crate) fn parse(text: &str, mark: DecimalMark) -> Typed {
    parse_with(text, mark, false)
}

/// [`parse`], with `day_first` saying that the document writes its dates
/// day first, so `02/03/2024` is the 2nd of March.
pub(crate) fn parse_with(text: &str, mark: DecimalMark, day_first: bool) -> Typed {
    if !may_be_typed(text) {
        return Typed::Text;
    }
    if let Some(date) = iso_date(text).or_else(|| day_first_date(text, day_first)) {
        return date;
    }
    number(text, mark).unwrap_or(Typed::Text)
}

/// Whether [`parse`] reads `text` as a number, without the number format
/// it would make: the writer asks this of every cell twice, once for each
/// decimal mark.
fn reads_as_number(text: &str, mark: DecimalMark) -> bool {
    may_be_typed(text)
        && iso_date(text).is_none()
        && numeric_date(text).is_none_or(|d| !d.reads_day_first(false))
        && number_parts(text, mark).is_some()
}

/// Every number and date has a digit (most text cells have none), no
/// space around it, and a length a number may have.
fn may_be_typed(text: &str) -> bool {
    text.len() <= MAX_NUMBER_CHARS
        && text.trim() == text
        && text.bytes().any(|b| b.is_ascii_digit())
}

/// A date written with numbers only, as its parts come.
struct NumericDate {
    /// The first and second numbers: day and month, or month and day.
    first: u16,
    second: u16,
    year: u16,
    sep: char,
    /// How many digits the first and second numbers were written with.
    first_len: usize,
    second_len: usize,
}

impl NumericDate {
    /// Whether it is a real day read day first: only so (its day past 12),
    /// or any, given `day_first`.
    fn reads_day_first(&self, day_first: bool) -> bool {
        (self.first > 12 || day_first) && is_real_day(self.year, self.second, self.first)
    }
}

/// `dd.mm.yyyy`, `dd/mm/yyyy` or `dd-mm-yyyy` (day and month of one or two
/// digits).
fn numeric_date(text: &str) -> Option<NumericDate> {
    let sep = text.chars().find(|c| matches!(c, '.' | '/' | '-'))?;
    let parts: Vec<&str> = text.split(sep).collect();
    let [a, b, y] = parts[..] else { return None };
    let num = |s: &str, lens: std::ops::RangeInclusive<usize>| {
        (lens.contains(&s.len()) && s.bytes().all(|c| c.is_ascii_digit()))
            .then(|| s.parse::<u16>().ok())
            .flatten()
    };
    Some(NumericDate {
        first: num(a, 1..=2)?,
        second: num(b, 1..=2)?,
        year: num(y, 4..=4)?,
        sep,
        first_len: a.len(),
        second_len: b.len(),
    })
}

/// A day-first date: one that can only be read so (its day past 12), or
/// any, given `day_first`; a real day from 1900 on.
fn day_first_date(text: &str, day_first: bool) -> Option<Typed> {
    let NumericDate {
        first: day,
        second: month,
        year,
        sep,
        first_len: day_len,
        second_len: month_len,
    } = numeric_date(text).filter(|d| d.reads_day_first(day_first))?;
    // The separator quoted: a plain `/` shows the reader's locale separator.
    let format = format!(
        "{}\\{sep}{}\\{sep}yyyy",
        "d".repeat(day_len),
        "m".repeat(month_len)
    );
    Some(Typed::Date {
        year,
        month: month as u8,
        day: day as u8,
        format,
    })
}

fn is_real_day(year: u16, month: u16, day: u16) -> bool {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    year >= 1900 && (1..=days).contains(&day)
}

/// `yyyy-mm-dd`, a real day from 1900 on (Excel's calendar starts there).
fn iso_date(text: &str) -> Option<Typed> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |s: &str| {
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse::<u16>().ok())
            .flatten()
    };
    let (year, month, day) = (
        digits(&text[..4])?,
        digits(&text[5..7])?,
        digits(&text[8..])?,
    );
    is_real_day(year, month, day).then(|| Typed::Date {
        year,
        month: month as u8,
        day: day as u8,
        format: DATE_FORMAT.to_owned(),
    })
}

/// The shown sign of a number.
#[derive(Clone, Copy, PartialEq)]
enum Sign {
    None,
    Plus,
    Minus(char),
    Parens,
}

fn number(text: &str, mark: DecimalMark) -> Option<Typed> {
    let NumberParts {
        sign,
        prefix,
        suffix,
        percent,
        core,
    } = number_parts(text, mark)?;
    let magnitude: f64 = match percent {
        true => format!("{}e-2", core.plain).parse().ok()?,
        false => core.plain.parse().ok()?,
    };
    let negative = matches!(sign, Sign::Minus(_) | Sign::Parens);
    let value = if negative && magnitude != 0.0 {
        -magnitude
    } else {
        magnitude
    };

    let pattern = core.pattern();
    let pct = if percent { "%" } else { "" };
    let positive = format!("{}{pattern}{pct}{}", literal(&prefix), literal(&suffix));
    let format = match sign {
        // "-0.0%" or "(0.00)", a small negative rounded: zero, its sign a
        // literal of its own format, since no section shows a negative zero.
        Sign::Minus(c) if magnitude == 0.0 => format!("{}{positive}", literal(&c.to_string())),
        Sign::Parens if magnitude == 0.0 => format!("\"(\"{positive}\")\""),
        Sign::None => positive,
        Sign::Plus => format!("\"+\"{positive}"),
        // Excel shows a negative with the first section and a plain "-"; an
        // own section keeps any other minus and a sign before the currency.
        Sign::Minus('-') if prefix.is_empty() => positive,
        Sign::Minus(c) => format!("{positive};{}{positive}", literal(&c.to_string())),
        Sign::Parens => format!("{positive};({positive})"),
    };
    Some(Typed::Number { value, format })
}

/// A number's parts as written: ( sign currency space CORE percent space
/// currency ).
struct NumberParts {
    sign: Sign,
    prefix: String,
    suffix: String,
    percent: bool,
    core: Core,
}

/// The parts of `text` when it is a number with decimal `mark`.
fn number_parts(text: &str, mark: DecimalMark) -> Option<NumberParts> {
    // Peel the wrapping parts off in the order they are written.
    let mut rest = text;
    let mut sign = Sign::None;
    if let Some(inner) = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        rest = inner;
        sign = Sign::Parens;
    }
    if sign == Sign::None {
        // (A typesetter's minus, or the en dash set for one.)
        if let Some(c @ ('-' | '−' | '–' | '+')) = rest.chars().next() {
            rest = &rest[c.len_utf8()..];
            sign = if c == '+' { Sign::Plus } else { Sign::Minus(c) };
        }
    }
    let mut prefix = String::new();
    if let Some(c) = rest.chars().next().filter(|c| CURRENCY.contains(c)) {
        rest = &rest[c.len_utf8()..];
        prefix.push(c);
        if let Some(r) = rest.strip_prefix(' ') {
            rest = r;
            prefix.push(' ');
        }
    }
    let mut suffix = String::new();
    let mut percent = false;
    if let Some(r) = rest.strip_suffix('%') {
        rest = r;
        percent = true;
    } else if prefix.is_empty() {
        if let Some(c) = rest.chars().last().filter(|c| CURRENCY.contains(c)) {
            rest = &rest[..rest.len() - c.len_utf8()];
            suffix.push(c);
            if let Some(r) = rest.strip_suffix(' ') {
                rest = r;
                suffix.insert(0, ' ');
            }
        }
    }
    let core = Core::read(rest, mark)?;
    Some(NumberParts {
        sign,
        prefix,
        suffix,
        percent,
        core,
    })
}

/// A literal part of a number format, quoted so no character in it is read
/// as a format code.
fn literal(text: &str) -> String {
    if text.is_empty() {
        String::new()
    } else {
        format!("\"{text}\"")
    }
}

/// The digits of a number as shown: grouped or not, and how many decimals.
struct Core {
    /// The digits with a `.` decimal point and no separators, for parsing.
    plain: String,
    /// How the digits are grouped: not, by the mark's group separator
    /// (shown in the reader's locale), or by a space, which a format must
    /// give literally: the lengths of the groups and the space.
    grouping: Grouping,
    decimals: usize,
}

/// Whether a number format of this module groups thousands with a space.
/// Called for every number a table holds, so it allocates nothing.
pub fn groups_with_spaces(format: &str) -> bool {
    format.match_indices('"').any(|(i, _)| {
        let mut next = format[i + 1..].chars();
        matches!(
            (next.next(), next.next(), next.next()),
            (Some(space), Some('"'), Some('0')) if GROUP_SPACES.contains(&space)
        )
    })
}

enum Grouping {
    None,
    Mark,
    Space(char, Vec<usize>),
}

impl Core {
    fn read(text: &str, mark: DecimalMark) -> Option<Core> {
        let (group, point) = match mark {
            DecimalMark::Point => (',', '.'),
            DecimalMark::Comma => ('.', ','),
        };
        let (int, frac) = match text.split_once(point) {
            Some((i, f)) => (i, Some(f)),
            None => (text, None),
        };
        if let Some(f) = frac {
            if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
        }
        // One kind of separator in a number: a comma (or point) or a space.
        let space = int.chars().find(|c| GROUP_SPACES.contains(c));
        let group = match space {
            Some(_) if int.contains(group) => return None,
            Some(space) => space,
            None => group,
        };
        let groups: Vec<&str> = int.split(group).collect();
        let grouped = groups.len() > 1;
        let first = groups[0];
        if first.is_empty() || !first.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if grouped
            && (first.len() > 3
                || first.starts_with('0')
                || groups[1..]
                    .iter()
                    .any(|g| g.len() != 3 || !g.bytes().all(|b| b.is_ascii_digit())))
        {
            return None;
        }
        // A leading zero is a code ("007"), not a number; "0" and "0.5" are.
        if first.len() > 1 && first.starts_with('0') {
            return None;
        }
        let frac = frac.unwrap_or("");
        let mut plain = String::with_capacity(int.len() + frac.len() + 1);
        groups.iter().for_each(|g| plain.push_str(g));
        if !frac.is_empty() {
            plain.push('.');
            plain.push_str(frac);
        }
        // The digits from the first to the last that is not a zero.
        let d = plain.as_bytes();
        let nonzero = |b: &u8| *b != b'0' && *b != b'.';
        let significant = match (d.iter().position(nonzero), d.iter().rposition(nonzero)) {
            (Some(first), Some(last)) => d[first..=last].iter().filter(|&&b| b != b'.').count(),
            _ => 0,
        };
        if significant > MAX_SIGNIFICANT_DIGITS {
            return None;
        }
        let grouping = match space {
            _ if !grouped => Grouping::None,
            Some(space) => Grouping::Space(space, groups.iter().map(|g| g.len()).collect()),
            None => Grouping::Mark,
        };
        Some(Core {
            plain,
            grouping,
            decimals: frac.len(),
        })
    }

    /// The digit part of an Excel number format that shows these digits:
    /// `0`, `#,##0`, `0.00`, `#,##0.000` ...
    fn pattern(&self) -> String {
        // Spaces are literals between as many digits as were shown (the
        // format is the cell's own, so it fits its value): `00" "000`.
        let spaced;
        let int = match &self.grouping {
            Grouping::None => "0",
            Grouping::Mark => "#,##0",
            Grouping::Space(space, lengths) => {
                let groups: Vec<String> = lengths.iter().map(|&n| "0".repeat(n)).collect();
                spaced = groups.join(&format!("\"{space}\""));
                &spaced
            }
        };
        if self.decimals == 0 {
            int.to_owned()
        } else {
            format!("{int}.{}", "0".repeat(self.decimals))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_quick_question_is_answered_as_parse_would() {
        let texts = [
            "1,234.5",
            "1.234,5",
            "1,234",
            "1.234",
            "12,5",
            "0.5",
            "(1,234.00)",
            "-0.0%",
            "12.5%",
            "$1,234.50",
            "1 234,5",
            "31.03.2024",
            "03.31.2024",
            "02.03.2024",
            "2024-03-31",
            "12.345.678",
            "007",
            "1,23",
            "€ 12,50",
            "+3.1",
            "n.a.",
            "1.2.3",
            "29.02.2023",
        ];
        for text in texts {
            for mark in [DecimalMark::Point, DecimalMark::Comma] {
                let parsed = matches!(parse(text, mark), Typed::Number { .. });
                assert_eq!(reads_as_number(text, mark), parsed, "{text} {mark:?}");
            }
        }
    }

    /// What a spreadsheet shows for `value` under `format`, for the formats
    /// this module writes: sections by `;`, quoted literals, `%`, `#,##0`
    /// grouping with `,`, decimals from the pattern. The same simplified
    /// rendering the accuracy bench applies.
    fn render(value: f64, format: &str) -> String {
        // A per-cell grouping by a space (`00" "000`) shows what `#,##0`
        // would, with the space for the comma.
        if let Some(&space) = GROUP_SPACES
            .iter()
            .find(|s| format.contains(&format!("\"{s}\"0")))
        {
            let grouped = format.replace(&format!("\"{space}\""), ",");
            let int_end = grouped.find(['.', ';']).unwrap_or(grouped.len());
            let comma_format = format!("#,##0{}", &grouped[int_end..]);
            return render(value, &comma_format).replace(',', &space.to_string());
        }
        let sections: Vec<&str> = format.split(';').collect();
        let (mut section, mut v) = (sections[0], value);
        if v < 0.0 && sections.len() > 1 {
            section = sections[1];
            v = -v;
        }
        let lit: String =
            section
                .split('"')
                .enumerate()
                .fold(String::new(), |mut out, (i, part)| {
                    if i % 2 == 1 {
                        out.extend(part.chars().map(|c| {
                            if c == '0' || c == '#' {
                                '\u{0}'
                            } else {
                                c
                            }
                        }));
                    } else {
                        out.push_str(part);
                    }
                    out
                });
        if lit.contains('%') {
            v *= 100.0;
        }
        let start = lit.find(['#', '0']).expect("a digit placeholder");
        let end = lit[start..]
            .find(|c: char| !"#0,.".contains(c))
            .map_or(lit.len(), |e| start + e);
        let pattern = &lit[start..end];
        let (int_pat, decimals) = match pattern.split_once('.') {
            Some((i, d)) => (i, d.len()),
            None => (pattern, 0),
        };
        let mut body = format!("{v:.decimals$}");
        if int_pat.contains(',') {
            let (neg, digits) = match body.strip_prefix('-') {
                Some(d) => ("-", d.to_owned()),
                None => ("", body.clone()),
            };
            let (int, frac) = match digits.split_once('.') {
                Some((i, f)) => (i.to_owned(), format!(".{f}")),
                None => (digits.clone(), String::new()),
            };
            let mut grouped = String::new();
            for (i, c) in int.chars().enumerate() {
                if i > 0 && (int.len() - i) % 3 == 0 {
                    grouped.push(',');
                }
                grouped.push(c);
            }
            body = format!("{neg}{grouped}{frac}");
        }
        format!("{}{body}{}", &lit[..start], &lit[end..])
    }

    fn number_of(text: &str) -> (f64, String) {
        match parse(text, DecimalMark::Point) {
            Typed::Number { value, format } => (value, format),
            other => panic!("{text:?} is {other:?}, not a number"),
        }
    }

    #[test]
    fn shown_numbers_become_values_with_formats_that_show_them_again() {
        for (text, value, format) in [
            ("1,234,567", 1234567.0, "#,##0"),
            ("-12", -12.0, "0"),
            ("(1,234.00)", -1234.0, "#,##0.00;(#,##0.00)"),
            ("12.5%", 0.125, "0.0%"),
            ("-29.6%", -0.296, "0.0%"),
            ("1.50", 1.5, "0.00"),
            ("0", 0.0, "0"),
            ("$1,234.50", 1234.5, "\"$\"#,##0.00"),
            ("-$5", -5.0, "\"$\"0;\"-\"\"$\"0"),
            ("12 €", 12.0, "0\" €\""),
            ("+5", 5.0, "\"+\"0"),
            ("−7", -7.0, "0;\"−\"0"),
            ("–12.5", -12.5, "0.0;\"–\"0.0"),
            ("-0.0%", 0.0, "\"-\"0.0%"),
            ("(0.00)", 0.0, "\"(\"0.00\")\""),
        ] {
            let (v, f) = number_of(text);
            assert!((v - value).abs() < 1e-12, "{text}: {v}");
            assert_eq!(f, format, "{text}");
            assert_eq!(render(v, &f), text, "{text} shows again");
        }
    }

    #[test]
    fn what_is_not_clearly_a_number_stays_text() {
        for text in [
            "007",
            "0,123",
            "10-20",
            "2024 Q1",
            "FY2024",
            "12*",
            "1 234,567",
            "12 34",
            "1234 567",
            "01 234",
            "1,23",
            "1,2345",
            ".5",
            "5.",
            "-",
            "()",
            "(5",
            "1e5",
            "inf",
            "NaN",
            "12.5.1",
            "10.11.2019",
            "11/13/2019",
            "31.02.2019",
            "31/03/24",
            "+-5",
            "--5",
            "(-5)",
            "1234567890123456",
            " 5",
            "5\n6",
            "B7-64971",
            "$",
            "%",
            "",
        ] {
            assert_eq!(parse(text, DecimalMark::Point), Typed::Text, "{text:?}");
        }
    }

    #[test]
    fn iso_dates_are_dates_and_other_forms_text() {
        assert_eq!(
            parse("2024-03-31", DecimalMark::Point),
            Typed::Date {
                year: 2024,
                month: 3,
                day: 31,
                format: DATE_FORMAT.into()
            }
        );
        assert_eq!(
            parse("2024-02-29", DecimalMark::Point),
            Typed::Date {
                year: 2024,
                month: 2,
                day: 29,
                format: DATE_FORMAT.into()
            }
        );
        for text in [
            "2023-02-29",
            "2024-13-01",
            "2024-04-31",
            "1899-12-31",
            "2024-3-31",
            "03.04.2024",
        ] {
            assert_eq!(parse(text, DecimalMark::Point), Typed::Text, "{text}");
        }
    }

    #[test]
    fn day_first_dates_are_dates_shown_as_written_and_ambiguous_ones_need_evidence() {
        let date = |text: &str, day_first| match parse_with(text, DecimalMark::Point, day_first) {
            Typed::Date {
                year,
                month,
                day,
                format,
            } => Some((year, month, day, format)),
            _ => None,
        };
        assert_eq!(
            date("21.02.2022", false),
            Some((2022, 2, 21, "dd\\.mm\\.yyyy".into()))
        );
        assert_eq!(
            date("31/3/2024", false),
            Some((2024, 3, 31, "dd\\/m\\/yyyy".into()))
        );
        assert_eq!(date("02/03/2024", false), None, "ambiguous: text");
        assert_eq!(
            date("02/03/2024", true),
            Some((2024, 3, 2, "dd\\/mm\\/yyyy".into()))
        );
        let mut evidence = MarkEvidence::default();
        evidence.add("02/03/2024");
        assert!(!evidence.day_first(), "one ambiguous date says nothing");
        evidence.add("21/03/2024");
        assert!(evidence.day_first());
        evidence.add("03/21/2024");
        assert!(!evidence.day_first(), "a month-first date contradicts");
    }

    #[test]
    fn formats_grouping_with_spaces_are_told_apart() {
        for format in ["000\" \"000", "0\"\u{A0}\"000.0", "\"(\"0\" \"000\")\""] {
            assert!(groups_with_spaces(format), "{format}");
        }
        for format in ["#,##0", "0.00", "\"$ \"0", "0\" €\"", "\"-\"0"] {
            assert!(!groups_with_spaces(format), "{format}");
        }
    }

    #[test]
    fn numbers_grouped_with_spaces_are_numbers_shown_with_their_spaces() {
        for (text, value, format) in [
            ("100 000", 100000.0, "000\" \"000"),
            ("3\u{A0}001", 3001.0, "0\"\u{A0}\"000"),
            (
                "1\u{202F}234\u{202F}567.5",
                1234567.5,
                "0\"\u{202F}\"000\"\u{202F}\"000.0",
            ),
            ("-12 500", -12500.0, "00\" \"000"),
        ] {
            let (v, f) = number_of(text);
            assert_eq!(v, value, "{text}");
            assert_eq!(f, format, "{text}");
            assert_eq!(render(v, &f), text, "{text} shows again");
        }
        assert_eq!(
            parse("1 234,5", DecimalMark::Comma),
            Typed::Number {
                value: 1234.5,
                format: "0\" \"000.0".into()
            }
        );
    }

    #[test]
    fn told_a_decimal_comma_reads_every_comma_so() {
        let mut evidence = MarkEvidence::told(DecimalMark::Comma);
        evidence.add("3.75");
        assert_eq!(evidence.mark(), DecimalMark::Comma);
    }

    #[test]
    fn decimal_comma_only_on_clear_evidence() {
        let mut evidence = MarkEvidence::default();
        for text in ["1.234", "Total", "1.234,56"] {
            evidence.add(text);
        }
        assert_eq!(evidence.mark(), DecimalMark::Point, "one cell is not clear");
        evidence.add("12,5");
        assert_eq!(evidence.mark(), DecimalMark::Comma);
        assert_eq!(
            parse("1.234,56", DecimalMark::Comma),
            Typed::Number {
                value: 1234.56,
                format: "#,##0.00".into()
            }
        );
        evidence.add("3.75");
        assert_eq!(
            evidence.mark(),
            DecimalMark::Point,
            "a point decimal contradicts"
        );
        assert_eq!(parse("1.234,56", DecimalMark::Point), Typed::Text);
    }

    /// A number as a PDF might show it, built from its parts.
    fn shown_number() -> impl Strategy<Value = String> {
        (
            0u64..1_000_000_000_000,
            prop_oneof![Just(None), (0u32..1000, 1usize..4).prop_map(Some)],
            any::<bool>(),
            0..5u8,
            prop_oneof![Just(""), Just("%"), Just("$"), Just("€ "), Just(" €")],
        )
            .prop_map(|(int, frac, grouped, sign, extra)| {
                let mut digits = int.to_string();
                if grouped {
                    let mut g = String::new();
                    for (i, c) in digits.chars().enumerate() {
                        if i > 0 && (digits.len() - i) % 3 == 0 {
                            g.push(',');
                        }
                        g.push(c);
                    }
                    digits = g;
                }
                if let Some((f, n)) = frac {
                    digits = format!("{digits}.{:0n$}", f % 10u32.pow(n as u32));
                }
                let body = match extra {
                    "%" => format!("{digits}%"),
                    " €" => format!("{digits} €"),
                    prefix => format!("{prefix}{digits}"),
                };
                match sign {
                    1 => format!("-{body}"),
                    2 => format!("({body})"),
                    3 => format!("+{body}"),
                    _ => body,
                }
            })
    }

    proptest! {
        #[test]
        fn any_shown_number_round_trips_through_its_format(text in shown_number()) {
            match parse(&text, DecimalMark::Point) {
                Typed::Number { value, format } => {
                    prop_assert_eq!(render(value, &format), text.clone());
                    let digits: String = text.chars().filter(|c| c.is_ascii_digit() || *c == '.').collect();
                    let mut want: f64 = digits.parse().unwrap();
                    if text.contains('%') { want /= 100.0; }
                    if text.starts_with('-') || text.starts_with('(') { want = -want; }
                    prop_assert!((value - want).abs() <= want.abs() * 1e-15);
                }
                other => prop_assert!(false, "{text:?} gave {other:?}"),
            }
        }

        #[test]
        fn codes_ranges_and_marked_numbers_stay_text(
            a in 0u32..100_000,
            b in 0u32..100_000,
            mark in prop_oneof![Just("*"), Just("a"), Just(" (1)"), Just("¹"), Just("-"), Just("/")],
        ) {
            for text in [format!("0{a}"), format!("{a}-{b}"), format!("{a}{mark}"), format!("{a}{mark}{b}")] {
                prop_assert_eq!(parse(&text, DecimalMark::Point), Typed::Text, "{:?}", text);
            }
        }

        #[test]
        fn parse_never_panics(text in ".{0,50}") {
            for mark in [DecimalMark::Point, DecimalMark::Comma] {
                if let Typed::Number { value, format } = parse(&text, mark) {
                    prop_assert!(value.is_finite() && !format.is_empty());
                }
            }
        }
    }
}
