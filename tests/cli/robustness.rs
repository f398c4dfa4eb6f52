//! Issue 9: hostile and broken input, and workers that misbehave, in single
//! conversions and batches alike: every failure is named, nothing else is
//! lost or misplaced, no worker outlives the run, memory and time stay
//! bounded.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::*;

/// A folder of copies of samples: (file name in the folder, sample).
fn folder_of(dir: &Path, files: &[(&str, &str)]) -> PathBuf {
    let folder = dir.join("in");
    std::fs::create_dir_all(&folder).unwrap();
    for (name, pdf) in files {
        std::fs::copy(sample(pdf), folder.join(name)).unwrap();
    }
    folder
}

/// Runs a batch of `folder` into `dir/out` with `--sheet-per-table` and a
/// report; gives the output, the output folder and the report's lines.
fn batch(
    dir: &Path,
    folder: &Path,
    env: &[(&str, &str)],
) -> (
    std::process::Output,
    PathBuf,
    BTreeMap<String, (String, Value)>,
) {
    let out = dir.join("out");
    let report = dir.join("report.jsonl");
    let o = run(
        &[
            folder.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--sheet-per-table",
            "--report",
            report.to_str().unwrap(),
            "--workers",
            "2",
        ],
        env,
    );
    (o, out, report_lines(&report))
}

#[test]
fn issue_9_worker_faults_in_a_batch_lose_only_their_table() {
    let files = [
        ("a.pdf", "ruled-spans.pdf"),
        ("b.pdf", "ruled-spans.pdf"),
        ("c.pdf", "typed-cells.pdf"),
    ];
    // A table that always crashes its worker, in one document of three.
    let dir = scratch();
    let folder = folder_of(dir.path(), &files);
    let env = [("TABLES2XLSX_TEST_FAULT", "crash@2.0,pdf=b.pdf")];
    let (o, out, report) = batch(dir.path(), &folder, &env);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("b.pdf: page 2 table 1: worker"), "{err}");
    assert!(
        err.contains("SIGABRT") && err.contains("injected fault"),
        "{err}"
    );
    let mut want = clean_run("ruled-spans.pdf");
    assert_eq!(sheet_map(&out.join("a.xlsx")), want);
    want.remove("p2-t1");
    assert_eq!(
        sheet_map(&out.join("b.xlsx")),
        want,
        "all but the lost table"
    );
    assert_eq!(sheet_map(&out.join("c.xlsx")), clean_run("typed-cells.pdf"));
    let status: Vec<&str> = report.values().map(|(s, _)| s.as_str()).collect();
    assert_eq!(status, ["ok", "failed", "ok"], "{report:?}");

    // Faults that another try gets past: every table of every document.
    for (action, place) in [
        ("crash", "1.0"),
        ("garbage", "2.1"),
        ("exit", "2"),
        ("crash", "0"),
    ] {
        let dir = scratch();
        let folder = folder_of(dir.path(), &files);
        let marker = dir.path().join("fired");
        let spec = format!("{action}@{place},pdf=b.pdf,once={}", marker.display());
        let (o, out, report) = batch(dir.path(), &folder, &[("TABLES2XLSX_TEST_FAULT", &spec)]);
        let err = stderr(&o);
        assert!(marker.exists(), "{spec}: the fault fired");
        assert_eq!(o.status.code(), Some(0), "{spec}: {err}");
        assert!(
            err.contains("b.pdf: ") && err.contains("trying it again"),
            "{spec}: {err}"
        );
        for (name, pdf) in files {
            let workbook = out.join(name.replace(".pdf", ".xlsx"));
            assert_eq!(sheet_map(&workbook), clean_run(pdf), "{spec}: {name}");
        }
        assert_eq!(report.len(), 3);
    }
}

/// A PDF that brings MuPDF down when it is opened costs one worker, and
/// its document: never the parent, never the other documents.
#[test]
fn issue_9_a_pdf_that_crashes_mupdf_on_open_fails_alone() {
    let dir = scratch();
    let folder = folder_of(
        dir.path(),
        &[
            ("bad.pdf", "ruled-simple.pdf"),
            ("good.pdf", "ruled-spans.pdf"),
        ],
    );
    let env = [("TABLES2XLSX_TEST_FAULT", "crash@0,pdf=bad.pdf")];
    let (o, out, report) = batch(dir.path(), &folder, &env);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("bad.pdf: cannot be opened: worker"), "{err}");
    assert!(!out.join("bad.xlsx").exists());
    assert_eq!(
        sheet_map(&out.join("good.xlsx")),
        clean_run("ruled-spans.pdf")
    );
    let (status, line) = &report[&folder.join("bad.pdf").display().to_string()];
    assert_eq!(status, "failed", "{line}");
}

#[test]
fn issue_9_a_worker_out_of_memory_fails_its_page_not_the_machine() {
    let dir = scratch();
    let env = [
        ("TABLES2XLSX_TEST_FAULT", "oom@1"),
        ("TABLES2XLSX_POOL_WORKER_MEMORY_MB", "400"),
    ];
    let (o, out) = convert_per_table("ruled-spans.pdf", dir.path(), &env);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("page 1: worker")
            && err.contains("ran out of memory: over its limit of 400 MiB"),
        "{err}"
    );
    assert!(!err.contains("trying it again"), "not retried: {err}");
    let names: Vec<String> = sheets(&out).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, vec!["Index", "p2-t1", "p2-t2"]);
}

/// A minimal PDF of one page with the given media box and content stream,
/// its cross-reference table right.
fn one_page_pdf(media_box: &str, content: &str) -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [{media_box}] /Contents 4 0 R \
             /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>"
        ),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len() + 1
        ),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        pdf.extend(format!("{o:010} 00000 n \n").as_bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

#[test]
fn issue_9_a_page_miles_wide_is_read_at_a_lower_resolution() {
    let dir = scratch();
    let pdf = dir.path().join("poster.pdf");
    // 200 inches square, the largest page PDF allows: 829 million pixels
    // at 144 dpi.
    let text = "BT /F1 600 Tf 1000 7000 Td (Poster) Tj ET";
    std::fs::write(&pdf, one_page_pdf("0 0 14400 14400", text)).unwrap();
    let out = dir.path().join("poster.xlsx");
    let o = run(&[pdf.to_str().unwrap(), "-o", out.to_str().unwrap()], &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        err.contains("poster.pdf: page 1: the page is 14400 x 14400 points")
            && err.contains("read at 32 dpi"),
        "{err}"
    );
    assert!(out.exists());
}

#[test]
fn issue_11_a_page_whose_marked_content_aborts_a_worker_is_drawn_plainly_on_its_retry() {
    // A ruled 3 x 2 table whose words carry an ActualText that claims
    // UTF-8 (its byte order mark) and is not: the text-free drawing
    // detection asks for passes it through code that aborts on it.
    let mut content = String::from("/Span << /ActualText <EFBBBFFF41> >> BDC\n");
    for y in [500, 520, 540, 560] {
        content.push_str(&format!("100 {y} m 400 {y} l S\n"));
    }
    for x in [100, 250, 400] {
        content.push_str(&format!("{x} 500 m {x} 560 l S\n"));
    }
    for (row, y) in [(0, 545), (1, 525), (2, 505)] {
        for (col, x) in [(0, 110), (1, 260)] {
            content.push_str(&format!("BT /F1 10 Tf {x} {y} Td (r{row}c{col}) Tj ET\n"));
        }
    }
    content.push_str("EMC");
    let dir = scratch();
    let pdf = dir.path().join("marked.pdf");
    std::fs::write(&pdf, one_page_pdf("0 0 612 792", &content)).unwrap();
    let out = dir.path().join("marked.xlsx");
    let o = run(
        &[
            pdf.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--sheet-per-table",
        ],
        &[],
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        err.contains("marked.pdf: page 1") && err.contains("trying it again"),
        "{err}"
    );
    let tables: Vec<Vec<Vec<String>>> = sheets(&out).into_iter().skip(1).map(|(_, t)| t).collect();
    let want = [["r0c0", "r0c1"], ["r1c0", "r1c1"], ["r2c0", "r2c1"]];
    assert_eq!(
        tables,
        vec![want.map(|r| r.map(String::from).to_vec()).to_vec()]
    );
}

/// Worker processes of `parent`, from /proc.
pub(super) fn children(parent: u32) -> Vec<u32> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        let Some(rest) = stat.rfind(')').map(|i| &stat[i + 2..]) else {
            continue;
        };
        let fields: Vec<&str> = rest.split(' ').collect();
        if fields.get(1) == Some(&parent.to_string().as_str()) {
            found.push(pid);
        }
    }
    found
}

/// Whether `pid` is still a live process (a zombie is not).
fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| s.rfind(')').map(|i| s[i + 2..].starts_with(|c| c != 'Z')))
        .unwrap_or(false)
}

/// A batch of long documents, started in the background (with a fault, if any).
fn long_batch(dir: &Path, copies: usize, fault: Option<&str>) -> (Child, PathBuf) {
    let files: Vec<(String, &str)> = (0..copies)
        .map(|n| (format!("r{n:02}.pdf"), "ruled-long.pdf"))
        .collect();
    let named: Vec<(&str, &str)> = files.iter().map(|(n, p)| (n.as_str(), *p)).collect();
    let folder = folder_of(dir, &named);
    let out = dir.join("out");
    let mut command = Command::new(bin());
    command
        .args([
            folder.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--sheet-per-table",
            "--workers",
            "2",
            "-q",
        ])
        .env_remove("TABLES2XLSX_TEST_FAULT")
        .stderr(Stdio::piped());
    if let Some(fault) = fault {
        command.env("TABLES2XLSX_TEST_FAULT", fault);
    }
    (command.spawn().unwrap(), out)
}

/// Waits until `parent` has `n` workers (or ends).
fn wait_for_workers(parent: &mut Child, n: usize) -> Vec<u32> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let workers = children(parent.id());
        if workers.len() >= n {
            return workers;
        }
        assert!(parent.try_wait().unwrap().is_none(), "the run ended early");
        assert!(Instant::now() < deadline, "no workers started");
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn issue_9_a_worker_killed_from_outside_loses_and_misplaces_no_table() {
    let dir = scratch();
    let copies = 20;
    let (mut parent, out) = long_batch(dir.path(), copies, None);
    wait_for_workers(&mut parent, 2);
    std::thread::sleep(Duration::from_millis(50));
    // A worker may end between being listed and being killed (the pool
    // retires idle ones): kill whichever is alive, while the run goes on.
    let killed = loop {
        assert!(parent.try_wait().unwrap().is_none(), "the run ended first");
        let Some(&worker) = children(parent.id()).iter().find(|&&w| alive(w)) else {
            continue;
        };
        // SAFETY: kill(2) on a process this test found as the run's worker.
        if unsafe { libc::kill(worker as libc::pid_t, libc::SIGKILL) } == 0 {
            break worker;
        }
    };
    let o = parent.wait_with_output().unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "worker {killed} killed: {err}");
    let want = clean_run("ruled-long.pdf");
    for n in 0..copies {
        let workbook = out.join(format!("r{n:02}.xlsx"));
        assert_eq!(
            sheet_map(&workbook),
            want,
            "r{n:02}: every table, in its place"
        );
    }
}

#[test]
fn issue_9_no_worker_outlives_its_parent() {
    let dir = scratch();
    // Every document's page 5 hangs its worker: a worker that only noticed
    // its parent gone when it next read a job would live on.
    let (mut parent, _) = long_batch(dir.path(), 6, Some("hang@5"));
    let workers = wait_for_workers(&mut parent, 2);
    std::thread::sleep(Duration::from_secs(2));
    parent.kill().unwrap(); // SIGKILL: the parent cannot clean up
    parent.wait().unwrap();
    let deadline = Instant::now() + Duration::from_secs(5);
    while workers.iter().any(|&w| alive(w)) {
        assert!(
            Instant::now() < deadline,
            "workers {workers:?} outlived their parent"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn issue_9_a_single_conversion_interrupted_says_so_and_leaves_nothing() {
    let dir = scratch();
    let pdf = dir.path().join("long.pdf");
    std::fs::copy(sample("ruled-long.pdf"), &pdf).unwrap();
    let out = dir.path().join("long.xlsx");
    let mut child = Command::new(bin())
        .args([
            pdf.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--workers",
            "1",
        ])
        .env_remove("TABLES2XLSX_TEST_FAULT")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_for_workers(&mut child, 1);
    // SAFETY: kill(2) on our own child, not yet reaped.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
    let o = child.wait_with_output().unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(130), "{err}");
    assert!(err.contains("interrupted"), "{err}");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["long.pdf"], "no workbook, no temporary file");
}

#[test]
fn a_temporary_folder_that_cannot_be_written_is_named_and_leaves_no_workbook() {
    // The writer keeps the one sheet in a temporary file (flat memory):
    // where the folder for it is missing, the error says which folder,
    // nothing is half written, and no panic shows. A sheet per table holds
    // a small table in memory and needs no such file.
    let dir = scratch();
    let out = dir.path().join("out.xlsx");
    let missing = dir.path().join("no-such-folder");
    let pdf = sample("ruled-simple.pdf");
    let env = [("TMPDIR", missing.to_str().unwrap())];
    let o = run(&[pdf.to_str().unwrap(), "-o", out.to_str().unwrap()], &env);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("temporary folder for sheets") && err.contains("no-such-folder"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert!(!out.exists(), "no workbook");
    let args = [
        pdf.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--sheet-per-table",
    ];
    let o = run(&args, &env);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(out.exists());
}
