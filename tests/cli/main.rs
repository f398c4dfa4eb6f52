//! The one integration-test binary: runs the real `tables2xlsx` executable in
//! a scratch folder and reads the workbooks back with calamine, comparing cell
//! values (never bytes) with the grids stored beside the samples.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use calamine::{open_workbook, Data, Reader, Xlsx};
use serde_json::Value;

mod formats;
mod fuzz;
mod ocr;
mod robustness;
mod safety;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_tables2xlsx")
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sample(name: &str) -> PathBuf {
    repo().join("samples").join(name)
}

/// Runs the binary with `args` (and extra environment), with a clean fault hook.
fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(bin());
    cmd.args(args).env_remove("TABLES2XLSX_TEST_FAULT");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("the binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The expected tables of a sample: (page, cells).
fn expected(name: &str) -> Vec<(u64, Vec<Vec<String>>)> {
    let text = std::fs::read_to_string(sample(name)).unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    json["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let cells = t["cells"]
                .as_array()
                .unwrap()
                .iter()
                .map(|row| {
                    row.as_array()
                        .unwrap()
                        .iter()
                        .map(|c| c.as_str().unwrap().to_owned())
                        .collect()
                })
                .collect();
            (t["page"].as_u64().unwrap(), cells)
        })
        .collect()
}

/// Every sheet of a workbook as a grid of text from A1, in sheet order.
fn sheets(path: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    let mut book: Xlsx<_> = open_workbook(path).expect("a readable xlsx");
    let names = book.sheet_names().to_owned();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let mut grid: Vec<Vec<String>> = Vec::new();
            if let Some((r0, c0)) = range.start() {
                let (h, w) = range.get_size();
                grid = vec![vec![String::new(); c0 as usize + w]; r0 as usize + h];
                for (r, c, value) in range.used_cells() {
                    grid[r0 as usize + r][c0 as usize + c] = text_of(value);
                }
            }
            (name, grid)
        })
        .collect()
}

/// The sheets that hold tables: all but the index.
fn table_sheets(path: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut book: Xlsx<_> = open_workbook(path).expect("a readable xlsx");
    let names = book.sheet_names().to_owned();
    assert_eq!(
        names.first().map(String::as_str),
        Some("Index"),
        "the index comes first"
    );
    names
        .into_iter()
        .skip(1)
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let mut grid: Vec<Vec<Data>> = Vec::new();
            if let Some((r0, c0)) = range.start() {
                let (h, w) = range.get_size();
                grid = vec![vec![Data::Empty; c0 as usize + w]; r0 as usize + h];
                for (r, c, value) in range.used_cells() {
                    grid[r0 as usize + r][c0 as usize + c] = value.clone();
                }
            }
            (name, grid)
        })
        .collect()
}

/// The value a shown number stands for, read independently of the program:
/// separators and `$` dropped, `(x)` and `-x` negative, `%` a hundredth.
fn shown_value(text: &str) -> Option<f64> {
    let negative = text.starts_with('-') || text.starts_with('(');
    let digits: String = text
        .chars()
        .filter(|c| !"$,()%+- \u{A0}\u{202F}\u{2009}".contains(*c))
        .collect();
    let mut v: f64 = digits.parse().ok()?;
    if text.ends_with('%') {
        v /= 100.0;
    }
    Some(if negative { -v } else { v })
}

/// Excel's day number of an ISO date (1900 date system), or of a day-first
/// one (`31/03/2024`, `21.02.2022`).
fn excel_day(iso: &str) -> Option<f64> {
    let sep = ['-', '/', '.'].into_iter().find(|&c| iso.contains(c))?;
    let parts: Vec<i64> = iso
        .split(sep)
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let [y, m, d] = match (sep, &parts[..]) {
        ('-', &[y, m, d]) => [y, m, d],
        (_, &[d, m, y]) => [y, m, d],
        _ => return None,
    };
    // Days from civil (Howard Hinnant), then the offset of 1899-12-30.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some((era * 146_097 + doe - 719_468 + 25_569) as f64)
}

/// True when a cell read back holds what the PDF shows as `text`: the same
/// text, or a number or date of the value the text stands for.
fn holds(got: &Data, text: &str) -> bool {
    match got {
        Data::Empty => text.is_empty(),
        Data::String(s) => s == text,
        Data::Float(v) => shown_value(text).is_some_and(|want| (v - want).abs() < 1e-9),
        Data::Int(v) => shown_value(text) == Some(*v as f64),
        Data::DateTime(d) => excel_day(text) == Some(d.as_f64()),
        _ => false,
    }
}

fn assert_holds(got: &[Vec<Data>], want: &[Vec<String>], what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: rows");
    for (r, (g, w)) in got.iter().zip(want).enumerate() {
        assert_eq!(g.len(), w.len(), "{what}: columns of row {r}");
        for (c, (g, w)) in g.iter().zip(w).enumerate() {
            assert!(
                holds(g, w),
                "{what}: cell ({r}, {c}) is {g:?}, the PDF shows {w:?}"
            );
        }
    }
}

fn text_of(value: &Data) -> String {
    match value {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn merged_ranges(path: &Path, sheet: &str) -> Vec<(u32, u32, u32, u32)> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    book.load_merged_regions().unwrap();
    let mut out: Vec<_> = book
        .merged_regions_by_sheet(sheet)
        .iter()
        .map(|(_, _, d)| (d.start.0, d.start.1, d.end.0, d.end.1))
        .collect();
    out.sort();
    out
}

fn scratch() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn convert_per_table(pdf: &str, dir: &Path, env: &[(&str, &str)]) -> (Output, PathBuf) {
    let out = dir.join("out.xlsx");
    let o = run(
        &[
            sample(pdf).to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--sheet-per-table",
        ],
        env,
    );
    (o, out)
}

#[test]
fn samples_sheet_per_table_match_their_expected_grids() {
    for name in [
        "ruled-simple",
        "ruled-spans",
        "ruled-long",
        "typed-cells",
        // Superscripts and subscripts read in their Unicode forms: a
        // footnote mark never runs into its figure (`1,234¹`, not 12341).
        "shifted-marks",
        "unruled",
        // Issue 6: tables over pages come as one, header once; two tables
        // on consecutive pages stay two; landscape pages read upright.
        "continued-header",
        "continued-plain",
        "continued-apart",
        // Issue 12: a table under a section heading of its own stays apart
        // from the one before the page break; a running head is no heading;
        // a section heading across a ruled table in its last row stays in it.
        "continued-sections",
        "rotated",
        // Issue 12: labels of charts that line up like columns (bar values
        // over axis ticks, year labels under a plot, tick values and a
        // legend either side of a plot's frame) are not tables.
        "charts",
        // Issue 12: right-aligned numbers a word space from left-aligned
        // text are two columns, also where they end past their heading and
        // a long code nearly touches the dates after it; a printout's rows
        // with only their label, under headings centred on a grey band,
        // keep the header in the table; a heading begun left of its column
        // leaves the gap under it a column gap, and a group heading spans
        // its two titles where its word space falls between them; a
        // printout's widest figure run up to its label parts from it, and
        // so do Chinese names run up to the English words beside them, and
        // a status set left from the widest of the codes centred before it;
        // the first row under a header parts like the rows below it (a
        // typewriter's figures a space before dates, Chinese names run up
        // to codes), but not at another table's gap above the header; codes
        // of one word run up 0.6 em to the next column in two rows running,
        // in a font whose letters differ in width, part there; and in a
        // printout whose every column runs up to the next, a code parts
        // from the status centred after it; a first row whose label runs
        // up close to a short entry, under headings centred over their
        // columns, keeps the table whole from its header down; a typed
        // journal's last row, the widest of every column and so a space
        // apart, parts like the rows above; headings of one word a column
        // typed a wide space apart part at those spaces; amounts set a
        // space before comments as long as a paragraph's lines are a
        // column of their own, and the comments a table's; in a table of
        // one share a row, two Chinese cells run together above the first
        // row of two figures are two cells, no heading over the row below;
        // figures set right 0.73 em before dates, every title run into the
        // next, part from the dates; a heading centred over entries set left,
        // beginning just past the shorter ones' end, parts no column.
        "narrow-gap",
        // Issue 12: dot leaders are neither columns nor cell text, also
        // where the font gives no character for their dot.
        "leaders",
        // Issue 12, class 3: paragraphs beside a table's title, its lines
        // on their baselines, and a bulleted list under its heading are no
        // tables; the ruled table under the title is one. A paragraph
        // between two tables whose last line's words start, by chance,
        // where the upper table's columns do is a row of neither. A report
        // typed in Courier, its paragraphs justified with stretched spaces
        // that line up down the page, holds only the small table between.
        // Listings of SQL in Courier on a manual's page, keywords down the
        // left and arguments lined up after them, boxed or not, are no
        // tables; the table above them is one. A sentence in smaller type
        // between two tables from one margin parts them; so does a short
        // sentence in their type under the upper's bottom rule.
        "beside-prose",
        // Issue 12: text drawn glyph by glyph, letter-spaced, reads as words.
        "letters",
        // Issue 12: column lines drawn on over a filled header row part the
        // rows below it, and the header too; light grey gridlines and header
        // fills, too light to be ink: a group heading spans its columns, a
        // fill hiding gridlines of its own grey is a row of its own; header
        // bands a mid grey, darker than ink, under black gridlines: the rule
        // under a group heading parts it from the titles below; a boxed
        // header over a body ruled only across, its band behind the stub
        // and the group headings, white under those: the header is the two
        // rows its rules draw, the stub's headings spanning both, each
        // group heading over its two columns.
        "filled-header",
        // Issue 12, class 7: Chinese in a font the file names but does not
        // embed (a predefined encoding) reads as its characters.
        "cjk-unembedded",
        // Issue 12, class 6: a grid drawn as filled cells, dark and light,
        // with gutters of paper between them and no lines; one of cells
        // the faintest grey beside a narrow stub of labels set sideways,
        // a list in a cell beside one label; amounts a row apart in a
        // column whose fills of one shade meet with no gutter, a row each.
        "filled-cells",
        // Issue 12: column titles wrapped over lines, each to its own
        // depth, over the rule under the header are one header row; a
        // group heading over its columns, a rule under it, stays a row; a
        // title wrapped in a column of text set left, its first line by
        // chance centred over the figures, is no heading over them; nor is
        // one centred on its column.
        "wrapped-header",
        // Issue 12: Hebrew and Arabic cells in reading order: words and
        // numbers of a mixed line, ligatures, marks after their letter.
        "rtl",
        // Issue 12: ideographs whose edge strokes touch the cell borders
        // make no columns or rows of their own.
        "cjk-strokes",
        // Issue 12: cells of a booktabs table wrapped over several lines,
        // top- or middle-aligned, stay in their row, the first row's too
        // when its lines above the figures reach further right than they;
        // a header centred over a tall cell whose first line, set midway,
        // stands under it and left of it stays the first row; a code set
        // midway between the two lines of its row's comment, on no line
        // with another cell, keeps its row and the header above it; rows
        // set close under headings centred over remarks set midway keep
        // each remark whole, and a last row's remark is no heading; a code
        // run up to its row's one-line notes among wrapped rows parts from
        // them, the rows below with cells there telling the column; cells
        // set midway between two lines of a last heading or of a first
        // row's notes, on no line of theirs, keep the header and that row;
        // items of many words, their terms set midway, rows set 0.65 em
        // further apart than their leaded lines, are a table's rows; the
        // lines of two wrapped cells under their row's other cells, set
        // midway, stay in the table; a row run together under a cell of
        // six lines parts like the rows above; a last title wrapped over
        // two lines, centred on its column, heads it; a code alone tight
        // over the bottom rule is the last row.
        "wrapped-booktabs",
        // Issue 12: indented sub-rows with their own figures, under a
        // heading with none, are rows of their own; a listing's payment
        // whose description runs on to a line of its own, every line as
        // far apart, is one row. A header over the figures only, its stub
        // head empty, heads the groups of rows under it, their labels
        // between; the title and unit centred over it are no rows. A long
        // label wrapped in a table set solid is one row with its figures,
        // on its first line or its last. A group label merged down rows and
        // set midway over them keeps the first, blank beside it.
        "stubs",
        // Issue 12: item / description tables whose cells are wrapped
        // sentences (booktabs or unruled, two or three columns; items of
        // eight lines with a rule under each; codes beside remarks set in
        // the middle of rows parted by space, under a header set midway,
        // also three quarters of an em apart, also remarks of many lines
        // beside a code alone on its line; two columns of comments whose
        // last lines are full, in rows parted by space) are tables, each
        // item one row; two newspaper columns of running text are not.
        "prose-cells",
        // Issue 12: page text in two columns (headings, numbered paragraphs,
        // bullets) lines up across the gutter a line a row: no table, and a
        // table set just above it is the table alone; a table inside one
        // page column, level with the other's lines, is read in its column;
        // three page columns whose gutters are narrower than the word spaces
        // of justified lines are no table.
        "page-columns",
        // Issue 12: tables side by side, each ruled under its own rows
        // (none across both), are two tables, not one with both's rows; a
        // summary page's panels, each a heading on a rule over a small
        // table, a narrow gutter apart with rows in step, a table each.
        "side-by-side",
        // Issue 12: a financial statement's short rules under each year's
        // figures over its subtotals (English, a group's and a company's
        // years, Chinese) part no tables side by side: one table, all its
        // years. Column titles wrapped to their own depths, set solid over
        // a line of units, are one header row, the units another. Section
        // labels longer than a short label, left of the figures, keep the
        // header above them in the table.
        "statements",
        // Issue 12: a report's tables: a caption set a size up tight over
        // the header's band, or over the top rule of a table ruled row by
        // row, is no row; the top line of the deepest column title is the
        // header's; `$` set far left of its figures is theirs, not a
        // column; a rule over the total is no rule under the header. A
        // table in one column of a page in two is read apart from the
        // running text beside it, rules under its rows or not, however
        // long its labels.
        "report-tables",
        // Issue 12: column titles set sideways over narrow columns, their
        // feet on the stub heading's line, ruled or not, are the header.
        "sideways-titles",
        // Issue 12: flags set a space after some figures (`5.5 p`), lined
        // up in some columns, are their figures', no columns of their own.
        "flags",
        // Issue 12: labels set sideways beside groups of rows, ruled apart
        // or not, one longer than its group, are a column of their own,
        // each label one cell over its group's rows.
        "sideways-row-labels",
        // Issue 12: columns of figures set 0.37 em apart (twelve years in
        // 7 pt) are columns; numbers whose digit groups stand a figure
        // space apart, lined up down their columns, are one number a cell.
        "dense-figures",
        // Issue 12: a stub's group labels set at the middle of their groups
        // span them, each row of figures its own row; groups a wide blank
        // apart, a rule across each blank or none, are one table.
        "centred-groups",
        // Issue 12: a year and its quarter or month a word space apart
        // (`2023 Q1`) is one label, no figure beside a text.
        "periods",
        // Issue 12: a description set little more than a word space after
        // its date is a column of its own, its lines wrapped closer than
        // the rows one cell; a first row with a blank, its other cells a
        // code, a date and figures, or under titles on a band, is a row,
        // no title's second line; titles of two words centred over their
        // columns, closer than a column gap, are each their column's.
        "close-cells",
        // Issue 12: a table ruled by its columns only, a year over each
        // pair, the stub's head on the years' line: the head is the first
        // row's, with or without a rule along the table's top.
        "column-rules",
        // Issue 12: numbers counting a pleading's lines down its margin are
        // no column; a table's own row numbers stay; a report's name set
        // sideways in the margin beside a table's rows leaves them be.
        "numbered-lines",
        // Issue 12: a rule under every row of wrapped cells set as close as
        // their lines parts rows, also where a narrow column's word or two
        // a line take in a Chinese term; rules between groups of rows do
        // not; two columns of sentences side by side, a rule under every
        // row, are a table, not page text in columns; a comment of a few
        // words wrapping its last onto a line of its own is one row.
        "ruled-rows",
        // Issue 12: headers centred over their columns make none of their
        // own, however far from the column's text; a word reaching towards
        // the next column is not cut; a typewriter font's word space parts
        // no columns, also where no two words of letters show it (dates
        // set a space apart beside codes and figures); hairline grey
        // gridlines are rulings; a heading set in the gap where long labels
        // run on is the labels' column's.
        "column-gaps",
        // Issue 12: cells set midway whose lines interleave with the row's,
        // a label-only row in a loosely set table (two running, one wider
        // than the labels above; two under headings centred over their
        // columns, and the last after another) and a group heading under
        // the top rule stay in their table; so do last rows holding one
        // cell: two labels under bands of shading, the first wider than
        // most of the table, a code centred as the codes above, a cost
        // alone over a booktabs bottom rule, orders alone under a row
        // without its label. Key figures set a blank line apart, two
        // between groups of rows under their labels, are one table, with
        // the year between rules over them and the labels under it. A
        // blank row inside a booktabs table's rules parts no table.
        "loose-rows",
        // Issue 12, class 8: a column's longest entry nearly touching the
        // next, amounts blank on the first rows beside text, one header pair
        // the only words side by side; the gridline along a light header band.
        "near-columns",
        // Issue 12, class 8 under headers centred over their columns: a
        // figure set right less than a column gap before a code or a date
        // set left, a long label beside an empty cell; wrapped comments set
        // midway under a rule per row, a label a word space before shares.
        "close-columns",
        // Issue 12, class 3, where a table ends: a title set large just
        // above is no row, a last row holding only its label is one, a
        // running foot set small under the bottom rule is neither row nor
        // column; a narrower table set inside a wide one's columns, a
        // sentence between, is a table of its own, also where one of its
        // headings is by chance centred where one of the wide table's is;
        // a running foot beside a narrow table on light bands, as large as
        // its text, is no row; two booktabs tables of other widths, a
        // sentence between, are two tables; a title set large over a top
        // rule with a year tight under it is no row; a sentence set larger
        // than the tables between a wide banded one and a narrower booktabs
        // one, all flush left, parts them.
        "table-edges",
        // Issue 12, class 8 in a typewriter font: a row whose fields fill
        // their columns, one blank apart as its words are, is a row of its
        // table, parted like the rows above; a note under the table whose
        // words fall on the columns' grid is none. A long label a word
        // space before its figure in a proportional font.
        "touching-cells",
        // Issue 12: tables ruled in part (a ruled header over unruled rows,
        // column lines without row lines, boxes around groups of columns,
        // boxes around pairs of figure columns, boxes around columns of
        // prose entries a blank line apart) take their columns from the
        // lines drawn and their rows from the text; a stub of labels left
        // unruled beside a body ruled cell by cell takes the body's rows; a
        // frame's body without row rules, opening on labels of groups of
        // rows, is read whole under its drawn header; a source note right
        // under the bottom rule, as large as the table's text but running
        // out past the rule, is no row. A header boxed apart just above a
        // grid, no column lines in the box, is the grid's first row, and
        // so are years set tight over a grid, each over its two columns.
        // Records set solid in a frame without row rules, a label wrapped
        // under each, are a row each; rows set evenly in a frame, a label
        // wrapped under a hanging indent beside a value's next line in
        // lower case, are a row each too.
        "partial-rules",
        // Issue 12: a ruled table whose rules meet cells shaded in rows one
        // under another (one patch of ink) keeps a row per line of figures.
        "shaded-cells",
        // Issue 12: a rule under a group heading parts it from its columns'
        // headings, however close the two lines, and long enough to run
        // over its columns' boundaries; a group heading boxed over its
        // columns spans them, the stub's heading boxed beside it both
        // header rows. A heading alone on its row, centred over the
        // figures, spans them, even where it starts past the first column's
        // figures; one opening the header beside the stub's heading, no rule
        // under it, is a row of its own over the columns' titles. A title
        // wrapped over both lines of a header of group headings, no rule
        // between the lines, lines down the groups' sides, spans both. A
        // statistical abstract's table set solid: group rules over figures
        // far right of the stub span them, an indented label wrapped in the
        // room its indent leaves is one row, a section heading over a single
        // row is a row of its own, smaller notes under it none. Titles
        // wrapped to their own depths with no rule under them are one row, a
        // unit centred over the figures' cells spans them, and a title set a
        // size up under a table is the next one's, not a row.
        "group-rules",
        // Issue 12: a table drawn into the ruled boxes of a form, its frame
        // the boxes' sides, is the table alone, not the form.
        "form",
        // Issue 12: results set without rulings in a box, under a report's
        // particulars that line up with their columns: the box says where
        // the results start. A title in faked bold is read once. Two boxed
        // tables stacked close, their columns lined up where shared, under
        // a title running out past the upper box: each box its own table.
        "framed",
        // Issue 12: titles set tight over booktabs tables' top rules, one
        // over every column, one over the first, are no rows.
        "titled",
    ] {
        let dir = scratch();
        let (o, out) = convert_per_table(&format!("{name}.pdf"), dir.path(), &[]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        let want = expected(&format!("{name}.json"));
        let got = table_sheets(&out);
        assert_eq!(got.len(), want.len(), "{name}: one sheet per table");
        let mut per_page: BTreeMap<u64, u32> = BTreeMap::new();
        for ((sheet, grid), (page, cells)) in got.iter().zip(&want) {
            let n = per_page.entry(*page).or_default();
            *n += 1;
            assert_eq!(
                sheet,
                &format!("p{page}-t{n}"),
                "{name}: sheets named by page and order"
            );
            assert_holds(grid, cells, &format!("{name}: sheet {sheet}"));
        }
    }
}

/// Issue 3: tables without a full grid of lines come from the layout of the
/// text (their grids are checked with the other samples); the index says what
/// each was found by, and --debug-dir draws what was detected on each page.
#[test]
fn issue_3_evidence_in_the_index_and_debug_pictures() {
    let dir = scratch();
    let out = dir.path().join("unruled.xlsx");
    let pictures = dir.path().join("pictures");
    let o = run(
        &[
            sample("unruled.pdf").to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--sheet-per-table",
            "--debug-dir",
            pictures.to_str().unwrap(),
        ],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let index = sheets(&out)
        .into_iter()
        .find(|(name, _)| name == "Index")
        .expect("an Index sheet")
        .1;
    let text: Vec<String> = index.into_iter().flatten().collect();
    assert!(
        text.iter().any(|t| t == "partially ruled"),
        "the booktabs table: {text:?}"
    );
    assert!(
        text.iter().any(|t| t == "text layout"),
        "the borderless table: {text:?}"
    );
    let picture = std::fs::read(pictures.join("unruled-p001.png")).expect("a picture of page 1");
    assert_eq!(&picture[..8], b"\x89PNG\r\n\x1a\n", "a PNG file");
    assert_eq!(
        std::fs::read_dir(&pictures).unwrap().count(),
        1,
        "one picture per page"
    );
}

/// Issue 4: numbers are numbers, ISO dates dates, and everything that is not
/// clearly one of them stays text exactly as shown, never a formula.
#[test]
fn issue_4_cells_are_typed_as_what_they_show() {
    let dir = scratch();
    let (o, out) = convert_per_table("typed-cells.pdf", dir.path(), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let got = &table_sheets(&out)[0].1;
    let number = |v: f64| Data::Float(v);
    let text = |s: &str| Data::String(s.to_owned());
    let want_types = [
        (1, 1, number(1_234_567.0)),
        (1, 2, number(0.125)),
        (1, 4, text("007")),
        (2, 1, number(-1234.0)),
        (2, 2, number(-0.008)),
        (2, 3, number(excel_day("2024-03-31").unwrap())),
        (2, 4, text("10-20")),
        (3, 0, text("=SUM(A1:A3)")),
        (3, 1, number(1250.5)),
        (3, 2, number(5.0)),
        (3, 4, text("+44 20 7946")),
        (4, 0, text("-minus")),
        (4, 1, number(1.5)),
        (4, 2, number(-12.0)),
        (4, 3, text("Q1 2024")),
        (4, 4, text("12*")),
        (5, 0, text("@home")),
        // Grouped with spaces: text by default (see below).
        (5, 1, text("1 234 567")),
        (5, 2, number(0.0)),
        (6, 0, text("+plus")),
        (6, 1, number(-5.25)),
        (6, 2, number(-3.0)),
        (6, 3, text("2023-02-29")),
        (6, 4, text("1.2.3")),
    ];
    for (r, c, want) in want_types {
        match (&got[r][c], &want) {
            (Data::DateTime(g), Data::Float(w)) => assert_eq!(g.as_f64(), *w, "({r}, {c})"),
            (Data::Float(g), Data::Float(w)) => {
                assert!((g - w).abs() < 1e-12, "({r}, {c}): {g} is not {w}")
            }
            (g, w) => assert_eq!(g, w, "({r}, {c})"),
        }
    }
    for (r, c, iso) in [(1, 3, "2024-03-31"), (3, 3, "2023-12-01")] {
        match &got[r][c] {
            Data::DateTime(d) => {
                assert_eq!(Some(d.as_f64()), excel_day(iso), "({r}, {c})");
            }
            other => panic!("({r}, {c}) should be the date {iso}, is {other:?}"),
        }
    }
    // No cell was written as a formula.
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    let formulas = book.worksheet_formula("p1-t1").unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no formulas"
    );

    // Asked for, a number grouped with spaces is a number whose own format
    // shows the spaces.
    let (o, out) = convert_per_table(
        "typed-cells.pdf",
        dir.path(),
        &[("TABLES2XLSX_OUTPUT_SPACE_GROUPED_NUMBERS", "true")],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(table_sheets(&out)[0].1[5][1], number(1_234_567.0));
}

#[test]
fn a_document_that_clearly_uses_a_decimal_comma_keeps_its_text_or_gets_numbers() {
    let dir = scratch();
    let (o, out) = convert_per_table("decimal-comma.pdf", dir.path(), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let want = expected("decimal-comma.json");
    let shown: Vec<Vec<String>> = table_sheets(&out)[0]
        .1
        .iter()
        .map(|r| r.iter().map(text_of).collect())
        .collect();
    assert_eq!(
        shown, want[0].1,
        "by default, text as shown (1,200 is not read as 1200)"
    );
    assert!(table_sheets(&out)[0]
        .1
        .iter()
        .flatten()
        .all(|d| matches!(d, Data::String(_))));

    let (o, out) = convert_per_table(
        "decimal-comma.pdf",
        dir.path(),
        &[("TABLES2XLSX_OUTPUT_DECIMAL_COMMA_NUMBERS", "true")],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let got = &table_sheets(&out)[0].1;
    let values: Vec<Vec<Data>> = got[1..].iter().map(|r| r[1..].to_vec()).collect();
    let f = Data::Float;
    assert_eq!(
        values,
        vec![
            vec![f(1234.56), f(0.125), f(1200.0)],
            vec![f(987.1), f(0.08), f(75.0)],
            vec![f(-2500.0), f(0.003), f(1002.0)],
        ]
    );
}

#[test]
fn samples_one_sheet_stack_tables_under_captions_with_a_blank_row_between() {
    let dir = scratch();
    let out = dir.path().join("spans.xlsx");
    let o = run(
        &[
            sample("ruled-spans.pdf").to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let got = table_sheets(&out);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "Tables");
    let width = got[0].1[0].len();
    let mut want: Vec<Vec<String>> = Vec::new();
    let mut per_page: BTreeMap<u64, u32> = BTreeMap::new();
    for (i, (page, cells)) in expected("ruled-spans.json").into_iter().enumerate() {
        if i > 0 {
            want.push(vec![String::new(); width]);
        }
        let n = per_page.entry(page).or_default();
        *n += 1;
        let mut caption = vec![String::new(); width];
        caption[0] = format!("Page {page}, table {n}");
        want.push(caption);
        want.extend(cells.into_iter().map(|mut r| {
            r.resize(width, String::new());
            r
        }));
    }
    assert_holds(&got[0].1, &want, "Tables");
    // The index says where each table starts: at its caption.
    let index = &sheets(&out)[0].1;
    let starts: Vec<&str> = index[1..].iter().map(|r| r[2].as_str()).collect();
    assert_eq!(starts, vec!["Tables!A1", "Tables!A9", "Tables!A14"]);
}

/// Issue 12, class 7: the strokes of ideographs set against a cell border
/// are no rulings; the grid around them is still found as ruled, not left
/// to the text layout (which loses what only lines show: spans, wraps).
#[test]
fn issue_12_chinese_text_against_cell_borders_leaves_the_grid_ruled() {
    let dir = scratch();
    let (o, out) = convert_per_table("cjk-strokes.pdf", dir.path(), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let index = &sheets(&out)[0].1;
    assert_eq!(index.len(), 2, "one table: {index:?}");
    assert_eq!(index[1][5], "ruled", "{index:?}");
}

#[test]
fn the_index_sheet_lists_every_table_with_page_size_and_evidence() {
    let dir = scratch();
    let (o, out) = convert_per_table("ruled-spans.pdf", dir.path(), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let all = sheets(&out);
    assert_eq!(all[0].0, "Index");
    let index = &all[0].1;
    assert_eq!(
        index[0][..7],
        [
            "Table",
            "Page",
            "Sheet",
            "Rows",
            "Columns",
            "Found by",
            "Confidence"
        ]
    );
    let rows: Vec<Vec<&str>> = index[1..]
        .iter()
        .map(|r| r[..6].iter().map(String::as_str).collect())
        .collect();
    assert_eq!(
        rows,
        vec![
            vec!["Page 1, table 1", "1", "p1-t1", "6", "5", "ruled"],
            vec!["Page 2, table 1", "2", "p2-t1", "3", "3", "ruled"],
            vec!["Page 2, table 2", "2", "p2-t2", "4", "2", "ruled"],
        ]
    );
    for row in &index[1..] {
        let confidence: f64 = row[6].parse().unwrap();
        assert!((0.0..=1.0).contains(&confidence), "{row:?}");
    }
    // Each link points at its sheet.
    let rels = zip_text(&out, "xl/worksheets/sheet1.xml");
    for sheet in ["p1-t1", "p2-t1", "p2-t2"] {
        assert!(
            rels.contains(&format!("location=\"'{sheet}'!A1\"")),
            "a link to {sheet}"
        );
    }
}

/// Issue 13: the title printed above a table and the notes below it are kept:
/// in the one-sheet caption (still one row, right above the table), in the
/// Index, and in the text formats.
#[test]
fn issue_13_a_tables_title_and_notes_are_kept() {
    let dir = scratch();
    let pdf = sample("titled.pdf");
    let out = dir.path().join("titled.xlsx");
    let o = run(&[pdf.to_str().unwrap(), "-o", out.to_str().unwrap()], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let all = sheets(&out);
    let tables = &all[1].1;
    assert_eq!(tables[0][0], "Page 1, table 1: Table 3. Exports by country");
    assert_eq!(tables[1][..3], ["Country", "2024", "2025"]);
    let index = &all[0].1;
    assert_eq!(index[0][7..9], ["Note", "Title"]);
    assert_eq!(
        index[1][7..9],
        [
            "Source: National statistics offices, 2025.; * Provisional figures.",
            "Table 3. Exports by country"
        ]
    );
    // Issue 12: titles set tight over a booktabs table's top rule are
    // titles, not rows.
    assert_eq!(
        index[2][8],
        "Table A-7. Pupils per teacher in public and private schools, by level of school \
         and region of the country: 2019 to 2023"
    );
    assert_eq!(index[3][8], "Table A-8. Assumptions");
    // With a third line giving the unit; and centred over the table.
    assert_eq!(
        index[4][8],
        "Table 17. Employment by industry and region of the country, 2019 to 2023 \
         [In thousands]"
    );
    assert_eq!(
        index[5][8],
        "Table 18. Hours worked per week by age group and sex"
    );
    // The same, set tight over the headers of tables with no rules.
    assert_eq!(index[6][8], index[4][8]);
    assert_eq!(index[7][8], index[5][8]);
    // Issue 12: a line explaining an abbreviation under a table's bottom
    // rule, set as large as its rows, is a note, as a footnote under it is.
    let beside_text = sample("page-columns.pdf");
    let notes = dir.path().join("notes.xlsx");
    let o = run(
        &[beside_text.to_str().unwrap(), "-o", notes.to_str().unwrap()],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        sheets(&notes)[0].1[2][7],
        "Abbreviation: CI = confidence interval of the rate.; * Per 100,000 people."
    );
    let o = run(
        &[pdf.to_str().unwrap(), "-o", "-", "--format", "json", "-q"],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let table = &doc["tables"][0];
    assert_eq!(table["title"], "Table 3. Exports by country");
    assert_eq!(
        table["notes"],
        serde_json::json!([
            "Source: National statistics offices, 2025.",
            "* Provisional figures."
        ])
    );
    let md = dir.path().join("t.md");
    let o = run(
        &[pdf.to_str().unwrap(), "-o", md.to_str().unwrap(), "-q"],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(dir.path().join("t-p1-t1.md")).unwrap();
    assert!(
        text.starts_with("## Table 3. Exports by country\n\n| Country |"),
        "{text}"
    );
}

/// Issue 6: the index, the one-sheet caption and the report say which pages
/// a stitched table covers; with stitching off each page keeps its part.
#[test]
fn issue_6_a_table_over_pages_is_named_with_its_pages_and_stitching_can_be_off() {
    let dir = scratch();
    let (o, out) = convert_per_table("continued-plain.pdf", dir.path(), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("page 1 table 1 continues over pages 1-3"),
        "the report says so: {}",
        stderr(&o)
    );
    let all = sheets(&out);
    let index = &all[0].1;
    assert_eq!(index.len(), 2, "one table: {index:?}");
    assert_eq!(index[1][..4], ["Page 1, table 1", "1-3", "p1-t1", "86"]);

    let one_sheet = dir.path().join("one.xlsx");
    let pdf = sample("continued-header.pdf");
    let o = run(
        &[pdf.to_str().unwrap(), "-o", one_sheet.to_str().unwrap()],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let tables = &sheets(&one_sheet)[1].1;
    assert_eq!(tables[0][0], "Pages 1-2, table 1");
    let headers = tables.iter().filter(|r| r[0] == "Entry").count();
    assert_eq!(headers, 1, "the repeated header is dropped");

    let apart = dir.path().join("apart.xlsx");
    let o = run(
        &[
            pdf.to_str().unwrap(),
            "-o",
            apart.to_str().unwrap(),
            "--sheet-per-table",
        ],
        &[("TABLES2XLSX_OUTPUT_STITCH_CONTINUED_TABLES", "false")],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let names: Vec<String> = sheets(&apart).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["Index", "p1-t1", "p2-t1"]);
}

#[test]
fn header_rows_are_bold_and_frozen_on_a_table_sheet() {
    let dir = scratch();
    let (o, out) = convert_per_table("ruled-spans.pdf", dir.path(), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    // sheet2 is p1-t1, whose header is two rows (a rowspan from the top).
    let sheet = zip_text(&out, "xl/worksheets/sheet2.xml");
    assert!(sheet.contains("ySplit=\"2\""), "two header rows frozen");
    let styles = zip_text(&out, "xl/styles.xml");
    let bold = |cell: &str| {
        let at = sheet
            .find(&format!("r=\"{cell}\""))
            .expect("the cell is written");
        let tag = &sheet[at..at + sheet[at..].find('>').unwrap()];
        let style: usize = tag
            .split("s=\"")
            .nth(1)
            .map_or(0, |s| s[..s.find('"').unwrap()].parse().unwrap());
        let xfs = &styles[styles.find("<cellXfs").unwrap()..];
        let xf = xfs.split("<xf ").nth(style + 1).unwrap();
        let font: usize = xf
            .split("fontId=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let fonts = &styles[styles.find("<fonts").unwrap()..];
        fonts
            .split("<font>")
            .nth(font + 1)
            .unwrap()
            .split("</font>")
            .next()
            .unwrap()
            .contains("<b/>")
    };
    assert!(bold("A1") && bold("E2"), "header cells are bold");
    assert!(!bold("A3") && !bold("B3"), "body cells are not");
}

/// A file inside the xlsx (a zip) as text.
fn zip_text(path: &Path, member: &str) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    archive
        .by_name(member)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn spanning_cells_are_merged_ranges() {
    let dir = scratch();
    let (o, out) = convert_per_table("ruled-spans.pdf", dir.path(), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    // (first row, first col, last row, last col), 0-based, from the sample's spans.
    let want: Vec<(u32, u32, u32, u32)> = {
        let json: Value =
            serde_json::from_str(&std::fs::read_to_string(sample("ruled-spans.json")).unwrap())
                .unwrap();
        let mut v: Vec<_> = json["tables"][0]["spans"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                let s: Vec<u32> = s
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_u64().unwrap() as u32)
                    .collect();
                (s[0], s[1], s[0] + s[2] - 1, s[1] + s[3] - 1)
            })
            .collect();
        v.sort();
        v
    };
    assert!(!want.is_empty());
    assert_eq!(merged_ranges(&out, "p1-t1"), want);
}

#[test]
fn pages_option_and_config_file_are_honoured() {
    let dir = scratch();
    let config = dir.path().join("settings.toml");
    std::fs::write(&config, "[output]\nsheet_per_table = true\n").unwrap();
    let out = dir.path().join("p2.xlsx");
    let o = run(
        &[
            sample("ruled-spans.pdf").to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--pages",
            "2",
            "--config",
            config.to_str().unwrap(),
            "--workers",
            "1",
        ],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let names: Vec<String> = sheets(&out).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, vec!["Index", "p2-t1", "p2-t2"]);
}

// ---------------------------------------------------------------------------
// The pool under faults (the hook is read by debug builds only)
// ---------------------------------------------------------------------------

/// Table text per sheet name (the index left out, since it lists what a
/// faulty run lost), for comparing a faulty run with a clean one.
fn sheet_map(path: &Path) -> BTreeMap<String, Vec<Vec<String>>> {
    sheets(path)
        .into_iter()
        .filter(|(n, _)| n != "Index")
        .collect()
}

fn clean_run(pdf: &str) -> BTreeMap<String, Vec<Vec<String>>> {
    let dir = scratch();
    let (o, out) = convert_per_table(pdf, dir.path(), &[]);
    assert!(o.status.success());
    sheet_map(&out)
}

#[test]
fn a_worker_that_always_crashes_on_one_table_loses_only_that_table() {
    let dir = scratch();
    let (o, out) = convert_per_table(
        "ruled-spans.pdf",
        dir.path(),
        &[("TABLES2XLSX_TEST_FAULT", "crash@2.0")],
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("page 2 table 1"),
        "the report names the table: {err}"
    );
    assert!(
        err.contains("signal 6 (SIGABRT)"),
        "the report says how it died: {err}"
    );
    assert!(
        err.contains("injected fault"),
        "the report quotes the worker's stderr: {err}"
    );
    assert!(
        err.contains("trying it again") && err.contains("second try; giving up"),
        "{err}"
    );
    let mut want = clean_run("ruled-spans.pdf");
    want.remove("p2-t1");
    assert_eq!(
        sheet_map(&out),
        want,
        "every other table is there, in its place"
    );
}

#[test]
fn a_crash_once_is_retried_on_a_fresh_worker() {
    let dir = scratch();
    let marker = dir.path().join("fired");
    let spec = format!("crash@1.0,once={}", marker.display());
    let (o, out) = convert_per_table(
        "ruled-spans.pdf",
        dir.path(),
        &[("TABLES2XLSX_TEST_FAULT", &spec)],
    );
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(marker.exists(), "the fault fired");
    assert!(
        err.contains("page 1 table 1") && err.contains("trying it again"),
        "{err}"
    );
    assert_eq!(sheet_map(&out), clean_run("ruled-spans.pdf"));
}

#[test]
fn issue_11_a_worker_lost_with_a_job_waiting_in_its_pipe_loses_only_its_own_page() {
    // One worker, so it is sent each next job while it runs one; the
    // worker dies on page 6 with the next job waiting.
    let dir = scratch();
    let env = [
        ("TABLES2XLSX_TEST_FAULT", "crash@6"),
        ("TABLES2XLSX_POOL_WORKERS", "1"),
    ];
    let (o, out) = convert_per_table("ruled-long.pdf", dir.path(), &env);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("page 6") && err.contains("second try; giving up"),
        "{err}"
    );
    assert!(!err.contains("page 7"), "{err}");
    let mut want = clean_run("ruled-long.pdf");
    assert_eq!(want.len(), 12);
    want.remove("p6-t1");
    assert_eq!(
        sheet_map(&out),
        want,
        "every other page's table, in its place"
    );
}

#[test]
fn garbage_and_exit_are_each_reported_and_recovered() {
    for (action, place, expect) in [
        ("garbage", "2.1", "not a protocol message"),
        ("exit", "2", "exited with status 3"),
        ("panic", "1.0", "injected panic"),
    ] {
        let dir = scratch();
        let marker = dir.path().join("fired");
        let spec = format!("{action}@{place},once={}", marker.display());
        let env = [("TABLES2XLSX_TEST_FAULT", spec.as_str())];
        let (o, out) = convert_per_table("ruled-spans.pdf", dir.path(), &env);
        let err = stderr(&o);
        assert!(marker.exists(), "{action}: the fault fired");
        assert!(err.contains(expect), "{action}: {err}");
        if action == "panic" {
            // A panic is the job's failure, answered by a worker that goes on.
            assert_eq!(o.status.code(), Some(1), "{action}: {err}");
            assert!(err.contains("page 1 table 1: internal error"), "{err}");
            assert!(!err.contains("stack backtrace"), "{err}");
            continue;
        }
        assert!(o.status.success(), "{action}: {err}");
        assert_eq!(sheet_map(&out), clean_run("ruled-spans.pdf"), "{action}");
    }
}

/// Issue 9: a job stuck on the CPU (a damaged page in a loop) or blocked
/// is stopped by its limit and fails at once, not retried: the rest of the
/// document is written.
#[test]
fn issue_9_a_stuck_page_is_stopped_and_the_rest_written() {
    let cpu_limit = [
        ("TABLES2XLSX_POOL_MIN_JOB_SECS", "1.5"),
        ("TABLES2XLSX_POOL_SLOW_JOB_FACTOR", "2"),
    ];
    let wall_limit = [("TABLES2XLSX_POOL_JOB_TIMEOUT_SECS", "2")];
    for (action, limit, expect) in [
        ("spin", &cpu_limit[..], "of CPU time"),
        ("hang", &wall_limit[..], "timed out after 2s"),
    ] {
        let dir = scratch();
        let spec = format!("{action}@1");
        let mut env = vec![("TABLES2XLSX_TEST_FAULT", spec.as_str())];
        env.extend_from_slice(limit);
        let (o, out) = convert_per_table("ruled-spans.pdf", dir.path(), &env);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{action}: {err}");
        assert!(err.contains("ruled-spans.pdf: page 1:"), "{action}: {err}");
        assert!(err.contains(expect), "{action}: {err}");
        assert!(!err.contains("trying it again"), "not retried: {err}");
        let names: Vec<String> = sheets(&out).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, vec!["Index", "p2-t1", "p2-t2"], "{action}");
    }
}

#[test]
fn a_page_whose_detection_always_fails_is_named_and_the_rest_written() {
    let dir = scratch();
    let (o, out) = convert_per_table(
        "ruled-spans.pdf",
        dir.path(),
        &[("TABLES2XLSX_TEST_FAULT", "exit@1")],
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("ruled-spans.pdf: page 1:"), "{err}");
    let names: Vec<String> = sheets(&out).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, vec!["Index", "p2-t1", "p2-t2"]);
}

// ---------------------------------------------------------------------------
// The worker protocol, replayed from pipeline/transcripts
// ---------------------------------------------------------------------------

/// Lines `> {json}` are sent to a fresh worker; lines `< {json}` are what it
/// must answer, compared as JSON values (the pid of `ready` is not compared).
/// `UPDATE_TRANSCRIPTS=1` rewrites the answers from the current worker.
#[test]
fn golden_transcripts_replay_against_a_real_worker() {
    let dir = repo().join("pipeline").join("transcripts");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "jsonl") {
            replay(&path);
            count += 1;
        }
    }
    assert!(count > 0, "no transcripts in {}", dir.display());
}

fn replay(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap();
    let sent: Vec<&str> = text.lines().filter_map(|l| l.strip_prefix("> ")).collect();
    let expected: Vec<Value> = text
        .lines()
        .filter_map(|l| l.strip_prefix("< "))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut child = Command::new(bin())
        .arg("__worker")
        .current_dir(repo())
        .env_remove("TABLES2XLSX_TEST_FAULT")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    {
        let mut stdin = child.stdin.take().unwrap();
        for line in &sent {
            writeln!(stdin, "{line}").unwrap();
        }
    }
    let got: Vec<Value> = BufReader::new(child.stdout.take().unwrap())
        .lines()
        .map(|l| {
            let mut v: Value = serde_json::from_str(&l.unwrap()).expect("every answer is JSON");
            if v["type"] == "ready" {
                v["data"]["pid"] = Value::from(0);
                v["data"]["version"] = Value::from("*");
            }
            v
        })
        .collect();
    assert!(child.wait().unwrap().success());
    if std::env::var_os("UPDATE_TRANSCRIPTS").is_some() {
        let mut out = String::new();
        for line in text.lines().filter(|l| !l.starts_with("< ")) {
            out.push_str(line);
            out.push('\n');
        }
        for v in &got {
            out.push_str(&format!("< {}\n", serde_json::to_string(v).unwrap()));
        }
        std::fs::write(path, out).unwrap();
        return;
    }
    assert_eq!(got, expected, "{}", path.display());
}

/// The stage table of pipeline/README.md names modules that exist.
#[test]
fn pipeline_readme_names_real_modules() {
    let readme = std::fs::read_to_string(repo().join("pipeline/README.md")).unwrap();
    let mut n = 0;
    for module in readme.split('`').filter(|s| s.starts_with("src/")) {
        assert!(
            repo().join(module).exists(),
            "pipeline/README.md names {module}, which does not exist"
        );
        n += 1;
    }
    assert!(n >= 6, "the stage table lists the stage modules");
}

// ---------------------------------------------------------------------------
// Bad input and usage
// ---------------------------------------------------------------------------

#[test]
fn bad_input_gets_one_line_naming_the_file_and_no_workbook() {
    let dir = scratch();
    let not_pdf = dir.path().join("notes.pdf");
    std::fs::write(&not_pdf, "this is not a PDF at all").unwrap();
    // Cut off after its header: nothing MuPDF's repair can recover.
    let truncated = dir.path().join("truncated.pdf");
    let bytes = std::fs::read(sample("ruled-simple.pdf")).unwrap();
    std::fs::write(&truncated, &bytes[..16]).unwrap();
    for input in [dir.path().join("missing.pdf"), not_pdf, truncated] {
        let out = dir.path().join("out.xlsx");
        let o = run(
            &[input.to_str().unwrap(), "-o", out.to_str().unwrap(), "-q"],
            &[],
        );
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{}: {err}", input.display());
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(
            err.contains(input.to_str().unwrap()),
            "names the file: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
        assert!(
            !out.exists(),
            "no workbook for a file that could not be read"
        );
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary files left: {leftovers:?}"
    );
}

#[test]
fn usage_errors_exit_2() {
    let dir = scratch();
    let out = dir.path().join("o.xlsx");
    let pdf = sample("ruled-simple.pdf");
    for args in [
        vec![
            pdf.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--pages",
            "9",
        ],
        vec![pdf.to_str().unwrap(), "--workers", "17"],
        vec![pdf.to_str().unwrap(), "--pages", "x"],
        vec!["--no-such-flag"],
    ] {
        let o = run(&args, &[]);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
    }
    let o = run(
        &[pdf.to_str().unwrap(), "-o", out.to_str().unwrap()],
        &[("TABLES2XLSX_RENDER_DPI", "lots")],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let help = run(&["--help"], &[]);
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("Exit codes"));
}

// ---------------------------------------------------------------------------
// A real spreadsheet program opens the workbooks (issue 4)
// ---------------------------------------------------------------------------

/// LibreOffice converts each table sheet to CSV "as shown": every cell must
/// read exactly as the PDF shows it, so numbers, dates and their formats are
/// proved by a program that renders them. Without `soffice` the test fails,
/// unless TABLES2XLSX_TEST_SKIP_LIBREOFFICE=1 says to skip it (.ci/run installs it).
#[test]
fn libreoffice_opens_the_workbooks_and_shows_what_the_pdf_shows() {
    if std::env::var_os("TABLES2XLSX_TEST_SKIP_LIBREOFFICE").is_some_and(|v| v == "1") {
        return;
    }
    let found = Command::new("soffice")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    assert!(
        found.is_ok_and(|s| s.success()),
        "soffice (LibreOffice) is needed: apt-get install libreoffice-calc-nogui, \
         or set TABLES2XLSX_TEST_SKIP_LIBREOFFICE=1"
    );
    for name in ["typed-cells", "ruled-spans"] {
        let dir = scratch();
        let (o, out) = convert_per_table(&format!("{name}.pdf"), dir.path(), &[]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        let csv_dir = dir.path().join("csv");
        // A profile of its own, so parallel or concurrent runs do not clash;
        // the 12th filter token (-1) writes every sheet as NAME-SHEET.csv.
        let profile = format!(
            "-env:UserInstallation=file://{}",
            dir.path().join("lo").display()
        );
        let status = Command::new("soffice")
            .args([
                profile.as_str(),
                "--headless",
                "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
                "--outdir",
                csv_dir.to_str().unwrap(),
                out.to_str().unwrap(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("soffice runs");
        assert!(status.success(), "{name}: soffice failed");
        let mut per_page: BTreeMap<u64, u32> = BTreeMap::new();
        for (page, cells) in expected(&format!("{name}.json")) {
            let n = per_page.entry(page).or_default();
            *n += 1;
            let csv = csv_dir.join(format!("out-p{page}-t{n}.csv"));
            let text = std::fs::read_to_string(&csv)
                .unwrap_or_else(|e| panic!("{name}: {}: {e}", csv.display()));
            assert_eq!(
                parse_csv(&text),
                cells,
                "{name}: p{page}-t{n} as LibreOffice shows it"
            );
        }
        let index = parse_csv(&std::fs::read_to_string(csv_dir.join("out-Index.csv")).unwrap());
        assert_eq!(
            index.len(),
            1 + per_page.values().sum::<u32>() as usize,
            "{name}: index rows"
        );
    }
}

/// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

// ---------------------------------------------------------------------------
// Batch conversion of report archives (issue 5)
// ---------------------------------------------------------------------------

/// A zip archive holding `entries` (name, bytes).
fn write_zip(path: &Path, entries: &[(&str, Vec<u8>)]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, bytes) in entries {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

/// The report's lines: path → (status, the whole line).
fn report_lines(path: &Path) -> BTreeMap<String, (String, Value)> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|line| {
            let v: Value = serde_json::from_str(line).unwrap();
            let status = v["status"].as_str().unwrap().to_owned();
            (v["path"].as_str().unwrap().to_owned(), (status, v))
        })
        .collect()
}

/// Every file under `dir`, relative, with its modification time.
fn tree(dir: &Path) -> BTreeMap<PathBuf, std::time::SystemTime> {
    let mut found = BTreeMap::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() {
                stack.push(e.path());
            } else {
                let rel = e.path().strip_prefix(dir).unwrap().to_owned();
                found.insert(rel, e.metadata().unwrap().modified().unwrap());
            }
        }
    }
    found
}

#[test]
fn issue_5_a_folder_and_a_zip_with_broken_pdfs_convert_the_good_ones_and_name_the_rest() {
    let dir = scratch();
    let tree_in = dir.path().join("reports");
    std::fs::create_dir_all(tree_in.join("2023/q1")).unwrap();
    std::fs::copy(sample("ruled-simple.pdf"), tree_in.join("simple.pdf")).unwrap();
    std::fs::copy(sample("ruled-spans.pdf"), tree_in.join("2023/q1/spans.pdf")).unwrap();
    std::fs::write(tree_in.join("2023/garbage.pdf"), "not a PDF at all").unwrap();
    let bytes = std::fs::read(sample("ruled-long.pdf")).unwrap();
    std::fs::write(tree_in.join("2023/q1/truncated.pdf"), &bytes[..16]).unwrap();
    let zip = dir.path().join("archive.zip");
    write_zip(
        &zip,
        &[
            (
                "x/typed.pdf",
                std::fs::read(sample("typed-cells.pdf")).unwrap(),
            ),
            ("x/broken.pdf", b"%PDF-1.7 and then nothing".to_vec()),
            (
                "../../escape.pdf",
                std::fs::read(sample("ruled-simple.pdf")).unwrap(),
            ),
            ("notes.txt", b"not a PDF, reported as skipped".to_vec()),
        ],
    );
    let out = dir.path().join("out");
    let report = dir.path().join("report.jsonl");
    let o = run(
        &[
            tree_in.to_str().unwrap(),
            zip.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--sheet-per-table",
            "--report",
            report.to_str().unwrap(),
            "--workers",
            "2",
        ],
        &[],
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");

    // Every good PDF has its workbook, mirroring its path, holding what a
    // single conversion of it holds.
    for (workbook, pdf) in [
        ("simple.xlsx", "ruled-simple.pdf"),
        ("2023/q1/spans.xlsx", "ruled-spans.pdf"),
        ("archive/x/typed.xlsx", "typed-cells.pdf"),
    ] {
        let path = out.join(workbook);
        assert!(path.exists(), "{workbook} written: {err}");
        assert_eq!(sheet_map(&path), clean_run(pdf), "{workbook}");
    }
    // Nothing else: no workbook for a broken file, no temporary files, no
    // unpacked archive left, nothing written outside the output folder.
    let written: Vec<PathBuf> = tree(&out).into_keys().collect();
    assert_eq!(written.len(), 3, "{written:?}");
    assert!(!dir.path().join("escape.xlsx").exists());

    let lines = report_lines(&report);
    assert_eq!(
        lines.len(),
        8,
        "one line per PDF, and the archive's other entry: {lines:?}"
    );
    let status = |suffix: &str| {
        let (path, (status, line)) = lines
            .iter()
            .find(|(p, _)| p.ends_with(suffix))
            .unwrap_or_else(|| panic!("{suffix} in the report: {lines:?}"));
        (path.clone(), status.clone(), line.clone())
    };
    for broken in [
        "garbage.pdf",
        "truncated.pdf",
        "x/broken.pdf",
        "../../escape.pdf",
    ] {
        let (path, status, line) = status(broken);
        assert_eq!(status, "failed", "{line}");
        assert!(
            line["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{line}"
        );
        assert!(err.contains(&path), "stderr names {path}: {err}");
    }
    let (_, s, line) = status("spans.pdf");
    assert_eq!(s, "ok");
    assert_eq!(line["pages"], 2);
    assert_eq!(line["tables"], expected("ruled-spans.json").len());
    assert!(line["seconds"].as_f64().is_some());

    // Resuming: nothing left to write, so nothing is written.
    let before = tree(&out);
    let report2 = dir.path().join("report2.jsonl");
    let o = run(
        &[
            tree_in.to_str().unwrap(),
            zip.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--skip-existing",
            "--report",
            report2.to_str().unwrap(),
            "-q",
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(1), "the broken ones still fail");
    assert_eq!(
        tree(&out),
        before,
        "a second run with --skip-existing writes nothing"
    );
    let skipped = report_lines(&report2)
        .values()
        .filter(|(s, _)| s == "skipped")
        .count();
    assert_eq!(skipped, 3 + 1, "the three workbooks, and notes.txt");
}

#[test]
fn issue_5_two_shards_together_cover_the_inputs_exactly_once() {
    let dir = scratch();
    let inputs = dir.path().join("in");
    for sub in ["a", "b/c"] {
        std::fs::create_dir_all(inputs.join(sub)).unwrap();
        for n in 0..5 {
            std::fs::copy(
                sample("ruled-simple.pdf"),
                inputs.join(sub).join(format!("r{n}.pdf")),
            )
            .unwrap();
        }
    }
    let mut seen: Vec<String> = Vec::new();
    for k in 1..=2 {
        let out = dir.path().join(format!("out{k}"));
        let report = dir.path().join(format!("r{k}.jsonl"));
        let shard = format!("{k}/2");
        let o = run(
            &[
                inputs.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
                "--shard",
                &shard,
                "--report",
                report.to_str().unwrap(),
                "-q",
            ],
            &[],
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let lines = report_lines(&report);
        assert!(
            !lines.is_empty() && lines.len() < 10,
            "shard {k}: {lines:?}"
        );
        assert!(lines.values().all(|(s, _)| s == "ok"));
        assert_eq!(tree(&out).len(), lines.len());
        seen.extend(lines.into_keys());
    }
    seen.sort();
    let before = seen.len();
    seen.dedup();
    assert_eq!(before, seen.len(), "no PDF in both shards");
    assert_eq!(seen.len(), 10, "every PDF in one shard: {seen:?}");
}

#[test]
fn issue_5_batch_usage_errors_exit_2() {
    let dir = scratch();
    let folder = repo().join("samples");
    let out = dir.path().join("out");
    for args in [
        vec![folder.to_str().unwrap()],
        vec![
            folder.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--shard",
            "3/2",
        ],
        vec![
            folder.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--shard",
            "0/2",
        ],
    ] {
        let o = run(&args, &[]);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
    }
    assert!(!out.exists());
}

#[test]
fn issue_5_an_interrupted_batch_leaves_no_partial_workbook_and_resumes() {
    let dir = scratch();
    let inputs = dir.path().join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    let mut entries = Vec::new();
    for n in 0..6 {
        std::fs::copy(
            sample("ruled-long.pdf"),
            inputs.join(format!("r{n:02}.pdf")),
        )
        .unwrap();
        entries.push((
            format!("z{n:02}.pdf"),
            std::fs::read(sample("ruled-long.pdf")).unwrap(),
        ));
    }
    let zip = dir.path().join("more.zip");
    let named: Vec<(&str, Vec<u8>)> = entries
        .iter()
        .map(|(n, b)| (n.as_str(), b.clone()))
        .collect();
    write_zip(&zip, &named);
    let out = dir.path().join("out");
    let report = dir.path().join("report.jsonl");
    let mut child = Command::new(bin())
        .args([
            inputs.to_str().unwrap(),
            zip.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--workers",
            "1",
            "--report",
            report.to_str().unwrap(),
            "-q",
        ])
        .env_remove("TABLES2XLSX_TEST_FAULT")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Interrupt once the first document is done, with most still to do.
    while std::fs::read_to_string(&report).map_or(true, |r| r.is_empty()) {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the batch ran to its end"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // SAFETY: kill(2) on our own child, not yet reaped.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    let left = tree(&out);
    let hidden: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().starts_with('.'))
        .collect();
    assert!(hidden.is_empty(), "no unpacking folder left: {hidden:?}");
    assert!(left.len() < 12, "interrupted before the end: {left:?}");
    for path in left.keys() {
        let name = path.to_string_lossy();
        assert!(
            name.ends_with(".xlsx"),
            "nothing but workbooks left: {name}"
        );
        assert!(!sheet_map(&out.join(path)).is_empty(), "{name} is complete");
    }
    let done = report_lines(&report);
    assert!(done.values().all(|(s, _)| s == "ok"), "{done:?}");

    let o = run(
        &[
            inputs.to_str().unwrap(),
            zip.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--skip-existing",
            "-q",
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(tree(&out).len(), 12, "the resumed batch did the rest");
}
