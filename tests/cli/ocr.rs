//! Issue 10: scanned pages (images without a text layer) are read by OCR,
//! Chinese and English, page by page in a mixed document; with OCR off a
//! scanned page is named once on stderr and in the index.

use super::*;

/// The index sheet's rows, as text.
fn index_rows(path: &Path) -> Vec<Vec<String>> {
    sheets(path)
        .into_iter()
        .find(|(name, _)| name == "Index")
        .expect("an index sheet")
        .1
}

/// Cells of `got` that do not hold what the sample shows; the grid's shape
/// must match exactly.
fn misread(got: &[Vec<Data>], want: &[Vec<String>], what: &str) -> Vec<String> {
    assert_eq!(got.len(), want.len(), "{what}: rows");
    let mut out = Vec::new();
    for (r, (g, w)) in got.iter().zip(want).enumerate() {
        assert_eq!(g.len(), w.len(), "{what}: columns of row {r}");
        for (c, (g, w)) in g.iter().zip(w).enumerate() {
            if !holds(g, w) {
                out.push(format!("({r}, {c}) {g:?} for {w:?}"));
            }
        }
    }
    out
}

#[test]
fn issue_10_scanned_pages_are_read_by_ocr_into_their_grids() {
    for name in [
        "scanned-zh",
        "scanned-mixed",
        "scanned-quotes",
        "scanned-band",
        // Issue 12: a financial statement's double rules under its totals
        // are no chart under a table; a long section label between the
        // header and the rows keeps the header in the table.
        "scanned-statements",
    ] {
        let dir = scratch();
        let (o, out) = convert_per_table(&format!("{name}.pdf"), dir.path(), &[]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        let want = expected(&format!("{name}.json"));
        let got = table_sheets(&out);
        assert_eq!(got.len(), want.len(), "{name}: one sheet per table");
        for ((sheet, grid), (_, cells)) in got.iter().zip(&want) {
            // Near-exact: the shape exactly, and at most one cell misread
            // (OCR is a model; these pages read exactly when this was written).
            let wrong = misread(grid, cells, &format!("{name}: sheet {sheet}"));
            assert!(wrong.len() <= 1, "{name}: sheet {sheet}: misread {wrong:?}");
        }
        // The index says which tables OCR read, and how sure it was.
        let index = index_rows(&out);
        for (row, (page, _)) in index.iter().skip(1).zip(&want) {
            let note = &row[7];
            let scanned = name != "scanned-mixed" || *page >= 2;
            assert_eq!(
                note.contains("read by OCR from a scanned page, confidence 0.")
                    || note.contains("read by OCR from a scanned page, confidence 1.00"),
                scanned,
                "{name}: page {page}: note {note:?}"
            );
        }
    }
}

#[test]
fn issue_12_a_page_whose_glyphs_have_no_characters_is_read_by_ocr() {
    // Every glyph in a font that gives no character for it: the text layer
    // reads as nothing (or as stray codes), the page as a reader sees it.
    let dir = scratch();
    let (o, out) = convert_per_table("unnamed-glyphs.pdf", dir.path(), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("no character in its text layer") && stderr(&o).contains("read by OCR"),
        "{}",
        stderr(&o)
    );
    let got = table_sheets(&out);
    let want = expected("unnamed-glyphs.json");
    assert_eq!(got.len(), want.len(), "one sheet per table");
    for ((sheet, grid), (_, cells)) in got.iter().zip(&want) {
        let wrong = misread(grid, cells, &format!("sheet {sheet}"));
        assert!(wrong.len() <= 1, "sheet {sheet}: misread {wrong:?}");
    }
}

#[test]
fn issue_12_a_scans_quotes_come_out_as_printed_typeset_or_straight() {
    // Page 1 prints “ ” and ’, page 2 inch marks ("): the model reads both
    // as straight quotes, but sees the typeset marks on page 1 only.
    let dir = scratch();
    let (o, out) = convert_per_table("scanned-quotes.pdf", dir.path(), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let got = table_sheets(&out);
    let want = expected("scanned-quotes.json");
    assert_eq!(got.len(), want.len());
    let mut quoted = 0;
    for ((sheet, grid), (_, cells)) in got.iter().zip(&want) {
        for (g, w) in grid.iter().flatten().zip(cells.iter().flatten()) {
            if w.contains(['"', '“', '”', '’']) {
                assert_eq!(text_of(g), *w, "sheet {sheet}");
                quoted += 1;
            }
        }
    }
    assert_eq!(quoted, 8, "the cells with quotes");
}

#[test]
fn issue_10_with_ocr_off_a_scanned_page_gets_one_warning_and_an_index_line() {
    let dir = scratch();
    let out = dir.path().join("mixed.xlsx");
    let o = run(
        &[
            sample("scanned-mixed.pdf").to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--sheet-per-table",
            "--ocr",
            "off",
        ],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    let warned: Vec<&str> = err.lines().filter(|l| l.contains("not read")).collect();
    // One warning a scanned page (pages 2 and 3), naming file and page.
    assert_eq!(warned.len(), 2, "one warning a page: {err}");
    for (warning, page) in warned.iter().zip(["page 2", "page 3"]) {
        assert!(
            warning.contains("scanned-mixed.pdf") && warning.contains(page),
            "the warning names file and page: {warning}"
        );
    }
    // The born-digital page is read as ever; the scanned ones are listed.
    let got = table_sheets(&out);
    assert_eq!(got.len(), 1);
    assert_holds(&got[0].1, &expected("scanned-mixed.json")[0].1, "page 1");
    let index = index_rows(&out);
    for page in ["Page 2", "Page 3"] {
        let line = index
            .iter()
            .find(|r| r[0].starts_with(page))
            .expect("the index lists the page not read");
        assert!(line[7].contains("OCR is off"), "{line:?}");
    }

    // The same from the settings, and a born-digital page never warns.
    let o = run(
        &[
            sample("ruled-simple.pdf").to_str().unwrap(),
            "-o",
            dir.path().join("simple.xlsx").to_str().unwrap(),
        ],
        &[("TABLES2XLSX_OCR_MODE", "off")],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("not read"), "{}", stderr(&o));
}
