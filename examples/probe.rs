fn main() {
    let path = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let page_no: u32 = std::env::args().nth(2).map_or(1, |s| s.parse().unwrap());
    let cfg = tables2xlsx::config::Config::default();
    let doc = tables2xlsx::render::open_document(&path, None).unwrap();
    let page = tables2xlsx::render::load_page(&doc, &path, page_no).unwrap();
    let img = tables2xlsx::render::render_page(&page, cfg.render.dpi).unwrap();
    let r = tables2xlsx::detect::rulings::find_rulings(&img, &cfg.detect);
    for h in &r.horizontal { println!("H y={:.1} x={:.1}..{:.1}", h.pos, h.start, h.end); }
    for v in &r.vertical { println!("V x={:.1} y={:.1}..{:.1}", v.pos, v.start, v.end); }
}
