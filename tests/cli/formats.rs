//! Output formats and streams (issue 13): every format holds the tables the
//! workbook holds, JSON matches its schema, `-` reads and writes the
//! standard streams, and an output name that says no format is refused.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

use super::*;

/// Samples with spans, typed cells, no rulings, a table over pages, and a
/// table with a title and notes.
const SAMPLES: [&str; 5] = [
    "ruled-spans",
    "typed-cells",
    "unruled",
    "continued-plain",
    "titled",
];

fn convert(pdf: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![pdf.to_str().unwrap(), "-o", out.to_str().unwrap(), "-q"];
    args.extend_from_slice(extra);
    run(&args, &[])
}

/// CSV and TSV read back cell for cell equal the workbook's table sheets:
/// the same text, or the text of the number or date the workbook holds.
#[test]
fn issue_13_csv_and_tsv_read_back_equal_the_xlsx_grid() {
    for name in SAMPLES {
        let dir = scratch();
        let pdf = sample(&format!("{name}.pdf"));
        let (o, xlsx) = convert_per_table(&format!("{name}.pdf"), dir.path(), &[]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        let book = table_sheets(&xlsx);
        assert!(!book.is_empty(), "{name}: tables");
        let o = convert(&pdf, &dir.path().join("t.csv"), &[]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        let o = convert(&pdf, &dir.path().join("t.tsv"), &[]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        for (sheet, grid) in &book {
            let read = |ext: &str| {
                let path = dir.path().join(format!("t-{sheet}.{ext}"));
                std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{name}: {}: {e}", path.display()))
            };
            let csv = parse_csv(&read("csv"));
            assert_holds(grid, &csv, &format!("{name} {sheet}.csv"));
            let tsv: Vec<Vec<String>> = read("tsv")
                .lines()
                .map(|l| l.split('\t').map(str::to_owned).collect())
                .collect();
            let flat: Vec<Vec<String>> = csv
                .iter()
                .map(|r| r.iter().map(|t| t.replace('\n', " ")).collect())
                .collect();
            assert_eq!(tsv, flat, "{name} {sheet}.tsv");
        }
        let files = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                let name = e.as_ref().unwrap().file_name();
                name.to_string_lossy().ends_with(".csv")
            })
            .count();
        assert_eq!(files, book.len(), "{name}: a CSV file per table, no more");
    }
}

/// The JSON document, to a file or standard output, matches
/// pipeline/output.schema.json and holds the same cells as the CSV files.
#[test]
fn issue_13_json_matches_its_schema_and_the_csv() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("pipeline/output.schema.json")).unwrap(),
    )
    .unwrap();
    for name in SAMPLES {
        let dir = scratch();
        let pdf = sample(&format!("{name}.pdf"));
        let o = run(
            &[pdf.to_str().unwrap(), "-o", "-", "--format", "json", "-q"],
            &[],
        );
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        let doc: Value = serde_json::from_slice(&o.stdout).expect("one JSON document");
        let errors = validate(&schema, &doc, "$");
        assert!(errors.is_empty(), "{name}: {errors:#?}");
        let o = convert(&pdf, &dir.path().join("t.json"), &[]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        let file: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.path().join("t.json")).unwrap())
                .unwrap();
        assert_eq!(file, doc, "{name}: the file and the stream agree");
        let o = convert(&pdf, &dir.path().join("t.csv"), &[]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        for table in doc["tables"].as_array().unwrap() {
            let table_name = table["name"].as_str().unwrap();
            let csv = std::fs::read_to_string(dir.path().join(format!("t-{table_name}.csv")));
            let cells: Vec<Vec<String>> = serde_json::from_value(table["cells"].clone()).unwrap();
            assert_eq!(parse_csv(&csv.unwrap()), cells, "{name} {table_name}");
            assert_eq!(table["rows"].as_u64(), Some(cells.len() as u64));
        }
    }
    let doc: Value = serde_json::from_slice(
        &run(
            &[
                sample("continued-plain.pdf").to_str().unwrap(),
                "-o",
                "-",
                "--format",
                "json",
                "-q",
            ],
            &[],
        )
        .stdout,
    )
    .unwrap();
    let tables = doc["tables"].as_array().unwrap();
    assert!(
        tables
            .iter()
            .any(|t| t["last_page"].as_u64() > t["page"].as_u64()),
        "a table over pages is one table: {tables:?}"
    );
}

/// The JSON Schema keywords pipeline/output.schema.json uses, checked as
/// the 2020-12 draft defines them; a keyword it does not know fails, so the
/// schema cannot grow a rule this check would silently skip.
fn validate(schema: &Value, value: &Value, at: &str) -> Vec<String> {
    let mut errors = Vec::new();
    let Some(rules) = schema.as_object() else {
        return vec![format!("{at}: a schema must be an object")];
    };
    for (key, rule) in rules {
        match key.as_str() {
            "$schema" | "$id" | "title" | "description" => {}
            "type" => {
                let types: Vec<&str> = match rule {
                    Value::String(t) => vec![t.as_str()],
                    Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
                    _ => vec![],
                };
                let fits = types.iter().any(|t| match *t {
                    "object" => value.is_object(),
                    "array" => value.is_array(),
                    "string" => value.is_string(),
                    "number" => value.is_number(),
                    "integer" => value.is_u64() || value.is_i64(),
                    "null" => value.is_null(),
                    "boolean" => value.is_boolean(),
                    _ => false,
                });
                if !fits {
                    errors.push(format!("{at}: {value} is not of type {rule}"));
                }
            }
            "enum" => {
                if !rule.as_array().unwrap().contains(value) {
                    errors.push(format!("{at}: {value} is not one of {rule}"));
                }
            }
            "minimum" | "maximum" => {
                if let Some(v) = value.as_f64() {
                    let bound = rule.as_f64().unwrap();
                    if (key == "minimum" && v < bound) || (key == "maximum" && v > bound) {
                        errors.push(format!("{at}: {v} is past the {key} {bound}"));
                    }
                }
            }
            "minItems" | "maxItems" => {
                if let Some(items) = value.as_array() {
                    let bound = rule.as_u64().unwrap() as usize;
                    if (key == "minItems" && items.len() < bound)
                        || (key == "maxItems" && items.len() > bound)
                    {
                        errors.push(format!("{at}: {} items, {key} is {bound}", items.len()));
                    }
                }
            }
            "required" => {
                if let Some(object) = value.as_object() {
                    for field in rule.as_array().unwrap() {
                        if !object.contains_key(field.as_str().unwrap()) {
                            errors.push(format!("{at}: {field} is missing"));
                        }
                    }
                }
            }
            "properties" => {
                if let Some(object) = value.as_object() {
                    for (field, sub) in rule.as_object().unwrap() {
                        if let Some(v) = object.get(field) {
                            errors.extend(validate(sub, v, &format!("{at}.{field}")));
                        }
                    }
                }
            }
            "additionalProperties" => {
                let known = schema["properties"].as_object();
                if let (Some(object), Some(false)) = (value.as_object(), rule.as_bool()) {
                    for field in object.keys() {
                        if !known.is_some_and(|k| k.contains_key(field)) {
                            errors.push(format!("{at}: {field} is not in the schema"));
                        }
                    }
                }
            }
            "items" => {
                if let Some(items) = value.as_array() {
                    for (i, item) in items.iter().enumerate() {
                        errors.extend(validate(rule, item, &format!("{at}[{i}]")));
                    }
                }
            }
            other => errors.push(format!("{at}: the check does not know the keyword {other}")),
        }
    }
    errors
}

/// Markdown: a file per table, a header row and its separator, `|` escaped.
#[test]
fn issue_13_markdown_has_a_table_per_file() {
    let dir = scratch();
    let o = convert(&sample("ruled-spans.pdf"), &dir.path().join("t.md"), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let csv_o = convert(&sample("ruled-spans.pdf"), &dir.path().join("t.csv"), &[]);
    assert!(csv_o.status.success());
    let text = std::fs::read_to_string(dir.path().join("t-p1-t1.md")).unwrap();
    let csv = parse_csv(&std::fs::read_to_string(dir.path().join("t-p1-t1.csv")).unwrap());
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), csv.len() + 1, "rows and the separator");
    assert_eq!(lines[0], format!("| {} |", csv[0].join(" | ")));
    assert!(lines[1].starts_with("| --- |"));
}

/// `-` reads the PDF from standard input; `-o -` writes to standard output,
/// a workbook too (into a pipe), and the result is what files would hold.
#[test]
fn issue_13_standard_input_and_output() {
    let dir = scratch();
    let pdf = sample("ruled-spans.pdf");
    let mut child = Command::new(bin())
        .args(["-", "-o", "-", "--format", "csv", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&std::fs::read(&pdf).unwrap())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let streamed = String::from_utf8(o.stdout).unwrap();
    let o = convert(&pdf, &dir.path().join("t.csv"), &[]);
    assert!(o.status.success());
    let files: Vec<String> = ["p1-t1", "p2-t1", "p2-t2"]
        .iter()
        .map(|t| std::fs::read_to_string(dir.path().join(format!("t-{t}.csv"))).unwrap())
        .collect();
    assert_eq!(
        streamed,
        files.join("\r\n"),
        "tables streamed in order, a blank line between"
    );

    let piped = dir.path().join("piped.xlsx");
    let (o, file) = convert_per_table("ruled-spans.pdf", dir.path(), &[]);
    assert!(o.status.success());
    let o = run(
        &[pdf.to_str().unwrap(), "-o", "-", "-q", "--sheet-per-table"],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::write(&piped, &o.stdout).unwrap();
    assert_eq!(sheets(&piped), sheets(&file), "the same workbook");
}

/// An output name that says no format, a format that contradicts it, and
/// `-` where it cannot be are usage errors that write nothing.
#[test]
fn issue_13_an_output_that_names_no_format_is_refused() {
    let dir = scratch();
    let pdf = sample("ruled-simple.pdf");
    let pdf = pdf.to_str().unwrap();
    let d = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    for args in [
        vec![pdf, "-o", &d("out.docx")],
        vec![pdf, "-o", &d("out")],
        vec![pdf, "-o", &d("out.csv"), "--format", "json"],
        vec![pdf, pdf, "-o", "-"],
        vec!["-", pdf, "-o", &d("x/")],
        vec![pdf, pdf, "-o", &d("both.csv")],
    ] {
        let o = run(&args, &[]);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert_eq!(stderr(&o).lines().count(), 1, "{args:?}: {}", stderr(&o));
    }
    let o = run(&[pdf, "--format", "yaml"], &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    // --format decides where -o has no extension.
    let o = run(&[pdf, "-o", &d("out"), "--format", "tsv", "-q"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(dir.path().join("out-p1-t1.tsv").exists());
}

/// A batch writes each document in the format asked for, mirroring paths.
#[test]
fn issue_13_a_batch_writes_every_document_in_the_chosen_format() {
    let dir = scratch();
    let input = dir.path().join("in");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    std::fs::copy(sample("ruled-simple.pdf"), input.join("a.pdf")).unwrap();
    std::fs::copy(sample("unruled.pdf"), input.join("sub/b.pdf")).unwrap();
    let out = dir.path().join("out");
    let o = run(
        &[
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--format",
            "json",
            "-q",
        ],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    for doc in ["a.json", "sub/b.json"] {
        let text = std::fs::read_to_string(out.join(doc)).unwrap();
        let doc: Value = serde_json::from_str(&text).unwrap();
        assert!(!doc["tables"].as_array().unwrap().is_empty());
    }
    // A file per table: --skip-existing knows a document done by its tables.
    let csv = dir.path().join("csv");
    let batch = |extra: &[&str]| {
        let mut args = vec![
            input.to_str().unwrap(),
            "-o",
            csv.to_str().unwrap(),
            "--format",
            "csv",
        ];
        args.extend_from_slice(extra);
        run(&args, &[])
    };
    let o = batch(&[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(csv.join("a-p1-t1.csv").exists() && csv.join("sub/b-p1-t1.csv").exists());
    std::fs::remove_file(csv.join("sub/b-p1-t1.csv")).unwrap();
    std::fs::remove_file(csv.join("sub/b-p1-t2.csv")).unwrap();
    let o = batch(&["--skip-existing"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("1 converted, 1 skipped"),
        "{}",
        stderr(&o)
    );
    assert!(csv.join("sub/b-p1-t1.csv").exists());
}

/// `--min-confidence` leaves out the tables detection is less sure of and
/// lists them as dropped: in the Index, in JSON, and on stderr.
#[test]
fn issue_13_min_confidence_drops_tables_and_lists_them() {
    let dir = scratch();
    let pdf = sample("unruled.pdf");
    let all = run(
        &[pdf.to_str().unwrap(), "-o", "-", "--format", "json", "-q"],
        &[],
    );
    let all: Value = serde_json::from_slice(&all.stdout).unwrap();
    let confidences: Vec<f64> = all["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["confidence"].as_f64().unwrap())
        .collect();
    let min = confidences.iter().cloned().fold(f64::MAX, f64::min);
    let max = confidences.iter().cloned().fold(0.0, f64::max);
    assert!(min < max, "the sample has tables of different confidence");
    let cut = format!("{}", (min + max) / 2.0);
    let out = dir.path().join("t.xlsx");
    let o = run(
        &[
            pdf.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--min-confidence",
            &cut,
        ],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("dropped"), "{}", stderr(&o));
    let index = &sheets(&out)[0].1;
    let dropped: Vec<&Vec<String>> = index
        .iter()
        .filter(|r| r[0].ends_with(": dropped"))
        .collect();
    let kept = confidences
        .iter()
        .filter(|&&c| c >= (min + max) / 2.0)
        .count();
    assert_eq!(dropped.len(), confidences.len() - kept, "{index:?}");
    assert_eq!(index.len() - 1 - dropped.len(), kept, "{index:?}");
    let o = run(
        &[
            pdf.to_str().unwrap(),
            "-o",
            "-",
            "--format",
            "json",
            "-q",
            "--min-confidence",
            &cut,
        ],
        &[],
    );
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["tables"].as_array().unwrap().len(), kept);
    assert_eq!(
        doc["dropped"].as_array().unwrap().len(),
        confidences.len() - kept
    );
    let o = run(&[pdf.to_str().unwrap(), "--min-confidence", "2"], &[]);
    assert_eq!(o.status.code(), Some(2));
}

/// Usage errors a new user meets say what to do: a folder that is not
/// there, a setting of the wrong type (named by key and file).
#[test]
fn issue_13_errors_name_what_is_wrong() {
    let dir = scratch();
    let pdf = sample("ruled-simple.pdf");
    let missing = format!("{}/", dir.path().join("missing").display());
    let o = run(&[pdf.to_str().unwrap(), "-o", &missing], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no such folder"), "{}", stderr(&o));
    assert!(!dir.path().join("missing").exists());
    let settings = dir.path().join("s.toml");
    std::fs::write(&settings, "[render]\ndpi = \"high\"\n").unwrap();
    let o = run(
        &[
            pdf.to_str().unwrap(),
            "--config",
            settings.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("s.toml") && err.contains("render.dpi") && err.contains("expected a number"),
        "{err}"
    );
}

/// The library's one call, made from this test program (which has no
/// `__worker`): its workers are the tables2xlsx binary, found beside it.
#[test]
fn issue_13_the_library_converts_with_the_binary_as_its_workers() {
    let dir = scratch();
    let out = dir.path().join("lib.csv");
    let config = tables2xlsx::config::Config::default();
    let summary =
        tables2xlsx::convert_pdf(&sample("ruled-spans.pdf"), &out, &config).expect("converted");
    assert!(summary.failed.is_empty(), "{:?}", summary.failed);
    assert_eq!((summary.tables, summary.pages), (3, 2));
    let csv = parse_csv(&std::fs::read_to_string(dir.path().join("lib-p1-t1.csv")).unwrap());
    assert_eq!(csv[0][0], "Region");
    let bad = tables2xlsx::convert_pdf(
        &sample("ruled-spans.pdf"),
        &dir.path().join("x.doc"),
        &config,
    );
    assert!(bad.is_err());
}
