//! Stage 1, render (inside a worker): opens a PDF with MuPDF and draws one
//! page as a greyscale image at the configured resolution.
//!
//! A MuPDF `Document` is not `Send`: it lives and dies in the worker that
//! opened it; the parent never opens a PDF. The image keeps the mapping back
//! to page points, so detection can report regions in the coordinates of
//! the text layer. Its size is bounded (`render.max_megapixels`): a page too
//! large for the resolution asked is drawn at the resolution that fits.

use std::path::Path;

mod graphics;
mod grey;

use std::cell::RefCell;
use std::rc::Rc;

use image::{GrayImage, ImageBuffer, Luma};
use mupdf::{
    Colorspace, Device, DisplayList, Document, Matrix, Page, Pixmap, TextPage, TextPageFlags,
};

use crate::error::Error;
use crate::table::Rect;

/// A grey image whose samples may be MuPDF's own (see `Samples`).
pub type Grey = ImageBuffer<Luma<u8>, Samples>;

/// The samples of a page image: the pixmap MuPDF drew them in, one byte a
/// pixel, row after row (a copy of two megabytes a page was a tenth of a
/// worker's time); or samples of our own (a page turned, an image made).
pub enum Samples {
    Drawn(Pixmap),
    Owned(Vec<u8>),
}

impl std::ops::Deref for Samples {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Samples::Drawn(pixmap) => pixmap.samples(),
            Samples::Owned(samples) => samples,
        }
    }
}

impl std::ops::DerefMut for Samples {
    fn deref_mut(&mut self) -> &mut [u8] {
        match self {
            Samples::Drawn(pixmap) => pixmap.samples_mut(),
            Samples::Owned(samples) => samples,
        }
    }
}

/// `image` as a [`Grey`], its samples moved, not copied.
pub fn grey(image: GrayImage) -> Grey {
    let (width, height) = image.dimensions();
    Grey::from_raw(width, height, Samples::Owned(image.into_raw()))
        .expect("the image's own samples")
}

/// `image` with samples of its own, to change or to hand to the image
/// crates' operations (OCR's): moved when they are, copied from MuPDF's
/// pixmap when not.
pub fn owned(image: Grey) -> GrayImage {
    let (width, height) = image.dimensions();
    let samples = match image.into_raw() {
        Samples::Owned(samples) => samples,
        drawn => drawn.to_vec(),
    };
    GrayImage::from_raw(width, height, samples).expect("the image's own samples")
}

/// A rendered page: one byte of grey per pixel, 0 black, 255 white.
pub struct PageImage {
    pub pixels: Grey,
    /// Pixels per point.
    pub scale: f32,
    /// The page point at pixel (0, 0): MuPDF pages need not start at the origin.
    pub origin: (f32, f32),
}

impl PageImage {
    /// Page points of a pixel position.
    pub fn to_points(&self, x: f32, y: f32) -> (f32, f32) {
        (
            x / self.scale + self.origin.0,
            y / self.scale + self.origin.1,
        )
    }

    /// Pixel position of a page point.
    pub fn to_pixels(&self, x: f32, y: f32) -> (f32, f32) {
        (
            (x - self.origin.0) * self.scale,
            (y - self.origin.1) * self.scale,
        )
    }
}

/// How far into a file its `%PDF-` header may start (Acrobat's rule; some
/// producers put junk before it).
const HEADER_WINDOW: usize = 1024;

/// A PDF up to this size is read into memory whole when opened.
const READ_WHOLE_BYTES: u64 = 32 << 20;

/// Opens a PDF, authenticating with `password` when it is encrypted.
pub fn open_document(path: &Path, password: Option<&str>) -> Result<Document, Error> {
    let fail = |message: &str| Error::Open {
        path: path.to_owned(),
        message: message.to_owned(),
    };
    let text = path
        .to_str()
        .ok_or_else(|| fail("the path is not valid UTF-8"))?;
    check_header(path).map_err(|m| fail(&m))?;
    let damaged = |e: mupdf::Error| fail(&format!("cannot open as PDF: {}", mupdf_message(&e)));
    // MuPDF reads a file a few kilobytes at a time, seeking for each
    // object: hundreds of system calls for a document of a page. One read
    // of the whole file instead, up to a size that costs a worker little.
    let mut doc = match std::fs::metadata(path) {
        Ok(meta) if meta.len() <= READ_WHOLE_BYTES => {
            let bytes = std::fs::read(path).map_err(|e| fail(&crate::error::io_reason(&e)))?;
            Document::from_bytes(&bytes, "application/pdf").map_err(damaged)?
        }
        _ => Document::open(text).map_err(damaged)?,
    };
    if !doc.is_pdf() {
        return Err(fail("not a PDF file"));
    }
    let needs_password = doc.needs_password().map_err(damaged)?;
    if needs_password {
        let Some(password) = password else {
            return Err(Error::Encrypted {
                path: path.to_owned(),
            });
        };
        if !doc.authenticate(password).unwrap_or(false) {
            return Err(Error::WrongPassword {
                path: path.to_owned(),
            });
        }
    }
    Ok(doc)
}

/// Whether `path` is a file that starts like a PDF; the reason if not, in
/// words a user can act on (MuPDF's own say "no objects found").
fn check_header(path: &Path) -> Result<(), String> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        _ => crate::error::io_reason(&e),
    })?;
    if meta.is_dir() {
        return Err("is a folder, not a PDF".to_owned());
    }
    if !meta.is_file() {
        return Err("not a regular file (a device or a pipe), not a PDF".to_owned());
    }
    if meta.len() == 0 {
        return Err("not a PDF: the file is empty".to_owned());
    }
    let mut head = Vec::with_capacity(HEADER_WINDOW);
    std::fs::File::open(path)
        .and_then(|f| f.take(HEADER_WINDOW as u64).read_to_end(&mut head))
        .map_err(|e| crate::error::io_reason(&e))?;
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err("not a PDF (it does not start with %PDF-)".to_owned());
    }
    Ok(())
}

/// The number of pages, or an error naming the file.
pub fn page_count(doc: &Document, path: &Path) -> Result<u32, Error> {
    let n = doc.page_count().map_err(|e| Error::Open {
        path: path.to_owned(),
        message: format!("cannot open as PDF: {}", mupdf_message(&e)),
    })?;
    Ok(n.max(0) as u32)
}

/// Loads a page by its 1-based number.
pub fn load_page(doc: &Document, path: &Path, page: u32) -> Result<Page, Error> {
    doc.load_page(page as i32 - 1).map_err(|e| Error::Page {
        path: path.to_owned(),
        page,
        message: mupdf_message(&e),
    })
}

/// The page's bounds in page points.
pub fn page_bounds(page: &Page) -> Result<Rect, mupdf::Error> {
    let b = page.bounds()?;
    Ok(Rect::new(b.x0, b.y0, b.x1, b.y1))
}

/// The scale (pixels per point) to render a page of `bounds` at: `dpi`, or
/// less when that would take more than `max_megapixels`; `None` for a page
/// without a usable size.
pub fn render_scale(bounds: Rect, dpi: f32, max_megapixels: f32) -> Option<f32> {
    let (w, h) = (f64::from(bounds.width()), f64::from(bounds.height()));
    if !(w.is_finite() && h.is_finite() && w >= 1.0 && h >= 1.0) {
        return None;
    }
    let wanted = f64::from(dpi) / 72.0;
    let fitting = (f64::from(max_megapixels) * 1e6 / (w * h)).sqrt();
    Some(wanted.min(fitting) as f32)
}

/// What a page image shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Showing {
    /// The page as a reader sees it (annotations aside): for OCR and for
    /// the pictures of `--debug-dir`.
    Everything,
    /// Its lines, fills and pictures, not its text: what detection reads
    /// on a page whose text comes from the text layer.
    Graphics,
}

/// The narrowest a line is drawn for detection, in pixels.
const MIN_LINE_PIXELS: f32 = 1.0;

/// Renders a page in grey, `scale` pixels per point.
pub fn render_page(page: &Page, scale: f32, showing: Showing) -> Result<PageImage, mupdf::Error> {
    let pixmap = match showing {
        Showing::Everything => {
            let ctm = Matrix::new_scale(scale, scale);
            page.to_pixmap(&ctm, &Colorspace::device_gray(), false, false)?
        }
        Showing::Graphics => draw_graphics(page, scale, None)?,
    };
    Ok(page_image(pixmap, scale))
}

/// Renders a page as detection sees it (`Showing::Graphics`) and reads its
/// text on the same run: working out the page's content stream (fonts,
/// glyph placement) is most of the cost of each, and was done twice.
/// The text is what `page.to_text_page` reads: the page's contents, as
/// drawn (not its annotations).
pub fn render_with_text(page: &Page, scale: f32) -> Result<(PageImage, TextPage), mupdf::Error> {
    // An empty text page over the page's box, to be written by the run.
    let text = DisplayList::new(page.bounds()?)?.to_text_page(TextPageFlags::empty())?;
    let sink = graphics::TextSink {
        device: Device::from_text_page(&text, TextPageFlags::empty())?,
        points_per_pixel: 1.0 / scale,
    };
    let pixmap = draw_graphics(page, scale, Some(sink))?;
    Ok((page_image(pixmap, scale), text))
}

/// The page's contents without their text, as MuPDF's own `to_pixmap`
/// draws them, the text handed to `text` instead when given.
fn draw_graphics(
    page: &Page,
    scale: f32,
    text: Option<graphics::TextSink>,
) -> Result<Pixmap, mupdf::Error> {
    let ctm = Matrix::new_scale(scale, scale);
    let grey = Colorspace::device_gray();
    let mut pixmap = Pixmap::new_with_rect(&grey, page.bounds()?.transform(&ctm).round(), false)?;
    pixmap.clear_with(255)?;
    let failure = Rc::new(RefCell::new(None));
    // Lines drawn a pixel wide at least: a hairline (a spreadsheet's 0.2 pt
    // grey gridline) then shows its own grey over a pixel's width wherever
    // it falls, not a faint smear over two rows that the ruling scan may or
    // may not see. The draw device takes the setting when it is made.
    let mut context = mupdf::Context::get();
    let min_width = context.graphics_min_line_width();
    context.set_graphics_min_line_width(MIN_LINE_PIXELS);
    let target = Device::from_pixmap(&pixmap);
    context.set_graphics_min_line_width(min_width);
    let target = target?;
    let device = Device::from_native(graphics::WithoutText {
        target,
        page_pixels: pixmap.width() as f32 * pixmap.height() as f32,
        text,
        failure: Rc::clone(&failure),
        groups: Vec::new(),
    })?;
    page.run_contents(&device, &ctm)?;
    drop(device); // closes the devices: the pixmap and the text are complete
    if let Some(e) = failure.take() {
        return Err(e);
    }
    Ok(pixmap)
}

/// The grey samples of `pixmap`, rendered at `scale`, as a page image.
fn page_image(pixmap: Pixmap, scale: f32) -> PageImage {
    let (width, height) = (pixmap.width(), pixmap.height());
    let origin = (pixmap.x() as f32 / scale, pixmap.y() as f32 / scale);
    let (w, h) = (width as usize, height as usize);
    let samples = match (pixmap.n(), pixmap.stride() as usize) {
        // Grey without alpha, as asked: rows end to end, the pixmap as it is.
        (1, stride) if stride == w => Samples::Drawn(pixmap),
        (n, stride) => {
            let n = n as usize;
            let samples = pixmap.samples();
            let mut raw = Vec::with_capacity(w * h);
            for y in 0..h {
                let line = &samples[y * stride..];
                raw.extend(line.chunks_exact(n).take(w).map(|px| px[0]));
            }
            Samples::Owned(raw)
        }
    };
    PageImage {
        pixels: Grey::from_raw(width, height, samples).expect("width x height samples"),
        scale,
        origin,
    }
}

/// MuPDF's message without its "MuPDF error, code: …" wrapper.
pub fn mupdf_message(e: &mupdf::Error) -> String {
    match e {
        mupdf::Error::MuPdf(inner) => inner.message.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::worker::detect::rulings::find_rulings;
    use crate::worker::extract::{self, page_chars};

    /// The darkest pixel of a page-point rectangle.
    fn darkest(image: &PageImage, r: Rect) -> u8 {
        let (x0, y0) = image.to_pixels(r.x0, r.y0);
        let (x1, y1) = image.to_pixels(r.x1, r.y1);
        let mut min = 255;
        for y in y0.max(0.0) as u32..(y1 as u32).min(image.pixels.height()) {
            for x in x0.max(0.0) as u32..(x1 as u32).min(image.pixels.width()) {
                min = min.min(image.pixels.get_pixel(x, y)[0]);
            }
        }
        min
    }

    /// The first page of the `ruled-simple` sample (its document stays
    /// open with it: a page keeps its document alive).
    fn ruled_simple_page() -> Page {
        let path = Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/samples/ruled-simple.pdf"
        ));
        let doc = open_document(path, None).unwrap();
        load_page(&doc, path, 1).unwrap()
    }

    #[test]
    fn detection_sees_the_rulings_of_a_page_but_not_its_text() {
        let page = ruled_simple_page();
        let graphics = render_page(&page, 2.0, Showing::Graphics).unwrap();
        let everything = render_page(&page, 2.0, Showing::Everything).unwrap();
        assert_eq!(graphics.pixels.dimensions(), everything.pixels.dimensions());
        // Every glyph's middle: ink when the page is drawn whole, paper
        // when only its graphics are.
        let glyphs: Vec<Rect> = (page_chars(&page).unwrap().chars.iter())
            .filter(|c| c.c.is_alphanumeric())
            .map(|c| {
                let (w, h) = (c.bbox.width() / 4.0, c.bbox.height() / 4.0);
                Rect::new(c.bbox.x0 + w, c.bbox.y0 + h, c.bbox.x1 - w, c.bbox.y1 - h)
            })
            .collect();
        assert!(glyphs.len() > 20);
        let inked = |image: &PageImage| glyphs.iter().filter(|&&g| darkest(image, g) < 128).count();
        assert!(
            inked(&everything) * 10 >= glyphs.len() * 9,
            "{} of {}",
            inked(&everything),
            glyphs.len()
        );
        assert_eq!(inked(&graphics), 0);
        // The grid's rulings are there, and drawn alike in both.
        let rulings = find_rulings(&graphics, &Config::default().detect, true);
        assert!(rulings.horizontal.len() >= 4 && rulings.vertical.len() >= 3);
        for r in &rulings.horizontal {
            let middle = Rect::new(
                (r.start + r.end) / 2.0,
                r.pos - 1.0,
                (r.start + r.end) / 2.0 + 1.0,
                r.pos + 1.0,
            );
            assert_eq!(darkest(&graphics, middle), darkest(&everything, middle));
            assert!(darkest(&graphics, middle) < 128);
        }
    }

    /// A one-page PDF of `content` on a 200 x 100 pt page, its objects
    /// where its cross-reference table says.
    fn pdf_of(content: &str, page_extra: &str) -> Vec<u8> {
        let objects = [
            "<</Type/Catalog/Pages 2 0 R>>".to_owned(),
            "<</Type/Pages/Kids[3 0 R]/Count 1>>".to_owned(),
            format!("<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]/Contents 4 0 R{page_extra}>>"),
            format!(
                "<</Length {}>>\nstream\n{content}\nendstream",
                content.len() + 1
            ),
        ];
        let mut pdf = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (i, object) in objects.iter().enumerate() {
            offsets.push(pdf.len());
            pdf.extend(format!("{} 0 obj\n{object}\nendobj\n", i + 1).bytes());
        }
        let xref = pdf.len();
        pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
        for offset in offsets {
            pdf.extend(format!("{offset:010} 00000 n \n").bytes());
        }
        let trailer = format!("trailer\n<</Size {}/Root 1 0 R>>\n", objects.len() + 1);
        pdf.extend(format!("{trailer}startxref\n{xref}\n%%EOF\n").bytes());
        pdf
    }

    #[test]
    fn a_page_image_is_the_pixmap_drawn_not_a_copy() {
        let page = ruled_simple_page();
        for scale in [1.0, 1.37, 2.0] {
            let pixmap = draw_graphics(&page, scale, None).unwrap();
            let copy = pixmap.samples().to_vec();
            let (width, height) = (pixmap.width(), pixmap.height());
            let image = page_image(pixmap, scale);
            assert!(matches!(image.pixels.as_raw(), Samples::Drawn(_)));
            assert_eq!(image.pixels.dimensions(), (width, height));
            assert_eq!(image.pixels.as_raw().len(), (width * height) as usize);
            assert!(image.pixels.as_raw()[..] == copy[..]);
            // Owned, the samples are the same.
            assert!(owned(image.pixels).into_raw() == copy);
        }
    }

    #[test]
    fn one_run_reads_the_text_mupdf_reads_apart() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");
        let mut pdfs: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        pdfs.retain(|p| p.extension().is_some_and(|e| e == "pdf"));
        pdfs.sort();
        let mut compared = 0;
        for path in &pdfs {
            let Ok(doc) = open_document(path, None) else {
                continue;
            };
            for number in 1..=page_count(&doc, path).unwrap().min(3) {
                let page = load_page(&doc, path, number).unwrap();
                let apart = page_chars(&page).unwrap();
                let (_, text) = render_with_text(&page, 2.0).unwrap();
                let one_run = extract::chars_of(&text);
                assert_eq!(apart.chars.len(), one_run.chars.len(), "{path:?} p{number}");
                assert_eq!((apart.turn, apart.visible), (one_run.turn, one_run.visible));
                for (a, b) in apart.chars.iter().zip(&one_run.chars) {
                    let near = |x: f32, y: f32| (x - y).abs() < 1e-3;
                    assert!(
                        a.c == b.c
                            && a.line == b.line
                            && near(a.size, b.size)
                            && near(a.bbox.x0, b.bbox.x0)
                            && near(a.bbox.y0, b.bbox.y0)
                            && near(a.bbox.x1, b.bbox.x1)
                            && near(a.bbox.y1, b.bbox.y1),
                        "{path:?} p{number}: {a:?} vs {b:?}"
                    );
                }
                compared += apart.chars.len();
            }
        }
        assert!(compared > 10_000, "{compared} characters compared");
    }

    #[test]
    fn colours_turned_to_grey_are_the_greys_mupdf_draws() {
        // Squares of sRGB cyan, a light CMYK tint, CMYK black, a DeviceGray
        // and a pale RGB, then a CMYK line; on a page blended in RGB, as
        // office programs write them, and on a plain one.
        let content = "0 1 1 rg 5 50 20 20 re f 0.2 0.1 0 0.05 k 30 50 20 20 re f \
                       0 0 0 1 k 55 50 20 20 re f 0.6 g 80 50 20 20 re f \
                       0.9 0.95 0.8 rg 105 50 20 20 re f 0.3 0.6 0 0.2 K 6 w 5 20 m 195 20 l S";
        let squares = [5.0, 30.0, 55.0, 80.0, 105.0];
        for extra in ["/Group<</S/Transparency/CS/DeviceRGB>>", ""] {
            let bytes = pdf_of(content, extra);
            let doc = Document::from_bytes(&bytes, "application/pdf").unwrap();
            let page = doc.load_page(0).unwrap();
            let ours = render_page(&page, 1.0, Showing::Graphics).unwrap();
            // MuPDF's own drawing of the page, colours converted by it.
            let mupdfs = render_page(&page, 1.0, Showing::Everything).unwrap();
            let grey_at = |image: &PageImage, x: f32, y: f32| {
                let (px, py) = image.to_pixels(x, 100.0 - y);
                i32::from(image.pixels.get_pixel(px as u32, py as u32)[0])
            };
            let mut points: Vec<(f32, f32)> = squares.iter().map(|&x| (x + 10.0, 60.0)).collect();
            points.push((100.0, 20.0));
            for (x, y) in points {
                let (a, b) = (grey_at(&ours, x, y), grey_at(&mupdfs, x, y));
                assert!(
                    (a - b).abs() <= 1,
                    "{extra:?} at {x},{y}: {a} vs MuPDF's {b}"
                );
                assert!(b < 250, "nothing drawn at {x},{y}");
            }
        }
    }

    /// Pixels of `r` (page points) that are neither paper nor ink: what
    /// smoothing a picture of black and white leaves.
    fn mid_greys(image: &PageImage, r: Rect) -> usize {
        let (x0, y0) = image.to_pixels(r.x0, r.y0);
        let (x1, y1) = image.to_pixels(r.x1, r.y1);
        let mut n = 0;
        for y in y0 as u32..y1 as u32 {
            for x in x0 as u32..x1 as u32 {
                n += usize::from((40..216).contains(&image.pixels.get_pixel(x, y)[0]));
            }
        }
        n
    }

    #[test]
    fn a_small_picture_is_painted_by_its_nearest_pixels_a_page_sized_one_smoothed() {
        // Pictures of a black and white checkerboard, a sample a square,
        // drawn at three quarters of their size: smoothed, they turn grey.
        let checkerboard = |w: usize, h: usize| -> String {
            let hex: String = (0..w * h)
                .map(|i| {
                    if (i % w + i / w).is_multiple_of(2) {
                        "00"
                    } else {
                        "FF"
                    }
                })
                .collect();
            format!("BI /W {w} /H {h} /BPC 8 /CS /G /F /AHx ID {hex}> EI")
        };
        let small = pdf_of(
            &format!("q 60 0 0 60 20 20 cm {} Q", checkerboard(80, 80)),
            "",
        );
        let large = pdf_of(
            &format!("q 180 0 0 90 10 5 cm {} Q", checkerboard(240, 120)),
            "",
        );
        let drawn = |pdf: &[u8]| {
            let doc = Document::from_bytes(pdf, "application/pdf").unwrap();
            render_page(&doc.load_page(0).unwrap(), 1.0, Showing::Graphics).unwrap()
        };
        // Page points, y down: inside each picture, clear of its edges.
        let inside_small = Rect::new(25.0, 25.0, 75.0, 75.0);
        let inside_large = Rect::new(15.0, 10.0, 185.0, 90.0);
        let (small, large) = (drawn(&small), drawn(&large));
        assert!(
            darkest(&small, inside_small) < 40,
            "the small picture is drawn"
        );
        assert_eq!(mid_greys(&small, inside_small), 0);
        assert!(mid_greys(&large, inside_large) > 1000);
    }

    #[test]
    fn hairline_gridlines_are_rulings_wherever_they_fall() {
        // A spreadsheet printout: 0.2 pt gridlines of 0.85 grey, 13.85 pt
        // apart, so that they fall at every offset within a pixel row.
        let path = Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/samples/column-gaps.pdf"
        ));
        let doc = open_document(path, None).unwrap();
        let page = load_page(&doc, path, 2).unwrap();
        let graphics = render_page(&page, 2.0, Showing::Graphics).unwrap();
        let rulings = find_rulings(&graphics, &Config::default().detect, true);
        let (top, step, rows) = (76.6, 13.85, 15);
        let width = 6.0 * 72.0;
        let missing: Vec<usize> = (0..=rows)
            .filter(|&k| {
                let y = top + step * k as f32;
                !(rulings.horizontal.iter())
                    .any(|r| (r.pos - y).abs() < 1.0 && r.end - r.start > 0.9 * width)
            })
            .collect();
        assert!(missing.is_empty(), "gridlines {missing:?} not found");
    }
}
