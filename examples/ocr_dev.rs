use std::path::Path;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let pdf = Path::new(&args[1]);
    let page_no: u32 = args.get(2).map_or(1, |s| s.parse().unwrap());
    let dpi: f32 = args.get(3).map_or(144.0, |s| s.parse().unwrap());
    let doc = tables2xlsx::render::open_document(pdf, None).unwrap();
    let page = tables2xlsx::render::load_page(&doc, pdf, page_no).unwrap();
    let img = tables2xlsx::render::render_page(&page, dpi).unwrap();
    img.pixels.save("/tmp/ocr_raw.png").unwrap();
    let t0 = std::time::Instant::now();
    let engine = tables2xlsx::ocr::Engine::load().unwrap();
    eprintln!("load {:?}", t0.elapsed());
    let t0 = std::time::Instant::now();
    let sp = tables2xlsx::ocr::read_page(&engine, img, 0).unwrap();
    eprintln!("read {:?} skew {}", t0.elapsed(), sp.skew);
    let mut line = u32::MAX;
    let mut s = String::new();
    for (c, conf) in sp.chars.iter().zip(&sp.confidence) {
        if c.line != line {
            if !s.is_empty() {
                println!("{s}");
            }
            line = c.line;
            s = format!(
                "[{:6.1} {:6.1} {:6.1} {:4.1}] ",
                c.bbox.x0, c.bbox.y0, c.bbox.y1, c.size
            );
        }
        s.push(c.c);
        if std::env::var("DETAIL").is_ok() {
            s.push_str(&format!("({:.1}-{:.1})", c.bbox.x0, c.bbox.x1));
        }
        if *conf < 0.8 {
            s.push_str(&format!("<{conf:.2}>"));
        }
    }
    println!("{s}");
    sp.image.pixels.save("/tmp/ocr_dev.png").unwrap();
    let cfg = tables2xlsx::config::Config::default().detect;
    let r = tables2xlsx::detect::rulings::find_rulings(&sp.image, &cfg);
    eprintln!("rulings h {} v {}", r.horizontal.len(), r.vertical.len());
    for v in r.vertical.iter() {
        eprintln!("v {:.1} {:.1}-{:.1}", v.pos, v.start, v.end);
    }
    for h in r.horizontal.iter() {
        let near: String = sp
            .chars
            .iter()
            .filter(|c| {
                c.bbox.x1 > h.start
                    && c.bbox.x0 < h.end
                    && c.bbox.y0 - 3.0 < h.pos
                    && c.bbox.y1 + 3.0 > h.pos
            })
            .map(|c| format!("{}[{:.1}-{:.1}]", c.c, c.bbox.y0, c.bbox.y1))
            .collect();
        eprintln!("h {:.1} {:.1}-{:.1}: {}", h.pos, h.start, h.end, near);
    }
}
#[allow(dead_code)]
fn _x() {}
