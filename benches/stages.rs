//! Where a page's time goes, stage by stage, in-process (no workers, no
//! pipes), and the floor: MuPDF rendering every page once at the detection
//! resolution and extracting its text once, spread over the cores (each
//! from the page, drawn as detection sees it and whole; and as detection
//! does it, both on one run).
//!
//! Usage: `cargo bench --bench stages -- [--threads N] PDF...`
//! Prints per stage the CPU milliseconds per page (median over pages and
//! mean), then the floor's wall time with N threads (default: the cores).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use tables2xlsx::config::Config;
use tables2xlsx::worker::render::Showing;
use tables2xlsx::worker::{detect, extract, frame, render};

/// Stage names in pipeline order.
const STAGES: [&str; 6] = [
    "open page",
    "render + text",
    "rulings",
    "detect (rest)",
    "frame",
    "extract",
];

fn main() {
    let mut args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let mut threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if let Some(i) = args.iter().position(|a| a == "--threads") {
        threads = args[i + 1].parse().expect("--threads N");
        args.drain(i..=i + 1);
    }
    let pdfs: Vec<PathBuf> = args.into_iter().map(PathBuf::from).collect();
    assert!(!pdfs.is_empty(), "usage: stages [--threads N] PDF...");
    let config = Config::default();
    // As a worker does: a page's images reuse freed memory.
    tables2xlsx::worker::keep_freed_memory();

    let mut times: Vec<[Duration; 6]> = Vec::new();
    for pdf in &pdfs {
        let doc = render::open_document(pdf, None).expect("the PDF opens");
        let count = render::page_count(&doc, pdf).unwrap();
        for number in 1..=count {
            let mut t = [Duration::ZERO; 6];
            let clock = Instant::now();
            let page = render::load_page(&doc, pdf, number).unwrap();
            t[0] = clock.elapsed();
            let bounds = render::page_bounds(&page).unwrap();
            let scale = render::render_scale(bounds, config.render.dpi, 40.0).unwrap();
            let clock = Instant::now();
            // As a worker reads a page for detection (see `Reading`).
            let (image, text) = render::render_with_text(&page, scale).unwrap();
            let chars = extract::chars_of(&text).chars;
            t[1] = clock.elapsed();
            let clock = Instant::now();
            let _ = detect::rulings::find_rulings(&image, &config.detect, true);
            t[2] = clock.elapsed();
            let clock = Instant::now();
            let found =
                detect::detect_tables(&image, &chars, detect::Surface::Drawn, &config.detect);
            t[3] = clock.elapsed().saturating_sub(t[2]);
            let clock = Instant::now();
            let _ = frame::page_frame(bounds, &found.tables, &chars);
            t[4] = clock.elapsed();
            let clock = Instant::now();
            for table in &found.tables {
                let boundaries = extract::Boundaries::of(table.evidence);
                let _ = extract::cell_texts(&chars, &table.grid, boundaries);
            }
            t[5] = clock.elapsed();
            times.push(t);
        }
    }
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("{} pages; CPU ms per page, one thread:", times.len());
    println!("{:>16} {:>8} {:>8}", "stage", "median", "mean");
    let mut total = 0.0;
    for (s, name) in STAGES.iter().enumerate() {
        let mut v: Vec<f64> = times.iter().map(|t| ms(t[s])).collect();
        v.sort_by(f64::total_cmp);
        let mean = v.iter().sum::<f64>() / v.len() as f64;
        total += mean;
        println!("{name:>16} {:>8.3} {mean:>8.3}", v[v.len() / 2]);
    }
    println!("{:>16} {:>8} {total:>8.3}", "all", "");

    // The floor: render + text of every page, pages dealt out to threads;
    // the page drawn as detection has it (no text), and whole for
    // comparison, each and its text from the page; and both on one run.
    for floor in [Floor::Graphics, Floor::Everything, Floor::OneRun] {
        let clock = Instant::now();
        std::thread::scope(|scope| {
            for k in 0..threads {
                let pdfs = &pdfs;
                let dpi = config.render.dpi;
                scope.spawn(move || {
                    let mut n = 0usize;
                    for pdf in pdfs {
                        let doc = render::open_document(pdf, None).unwrap();
                        let count = render::page_count(&doc, pdf).unwrap();
                        for number in 1..=count {
                            n += 1;
                            if n % threads != k {
                                continue;
                            }
                            let page = render::load_page(&doc, pdf, number).unwrap();
                            let bounds = render::page_bounds(&page).unwrap();
                            let scale = render::render_scale(bounds, dpi, 40.0).unwrap();
                            match floor {
                                Floor::Graphics | Floor::Everything => {
                                    let showing = match floor {
                                        Floor::Graphics => Showing::Graphics,
                                        _ => Showing::Everything,
                                    };
                                    let _ = render::render_page(&page, scale, showing).unwrap();
                                    let _ = extract::page_chars(&page).unwrap();
                                }
                                Floor::OneRun => {
                                    let _ = render::render_with_text(&page, scale).unwrap();
                                }
                            }
                        }
                    }
                });
            }
        });
        println!(
            "floor ({floor:?}: render + text of every page, {threads} threads): {:.1} ms wall",
            ms(clock.elapsed())
        );
    }
}

/// How the floor renders a page and reads its text.
#[derive(Debug, Clone, Copy)]
enum Floor {
    /// As detection sees the page (no text), and the text read apart.
    Graphics,
    /// The page drawn whole, and the text read apart.
    Everything,
    /// As detection sees it, the text read on the same run.
    OneRun,
}
