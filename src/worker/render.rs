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

use std::cell::RefCell;
use std::rc::Rc;

use image::GrayImage;
use mupdf::{Colorspace, Device, Document, Matrix, Page, Pixmap};

use crate::error::Error;
use crate::table::Rect;

/// A rendered page: one byte of grey per pixel, 0 black, 255 white.
pub struct PageImage {
    pub pixels: GrayImage,
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
    let mut doc = Document::open(text).map_err(damaged)?;
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

/// Renders a page in grey, `scale` pixels per point.
pub fn render_page(page: &Page, scale: f32, showing: Showing) -> Result<PageImage, mupdf::Error> {
    let ctm = Matrix::new_scale(scale, scale);
    let grey = Colorspace::device_gray();
    let pixmap = match showing {
        Showing::Everything => page.to_pixmap(&ctm, &grey, false, false)?,
        Showing::Graphics => {
            // As MuPDF's own `to_pixmap` does, with the text left out on
            // the way to the draw device.
            let mut pixmap =
                Pixmap::new_with_rect(&grey, page.bounds()?.transform(&ctm).round(), false)?;
            pixmap.clear_with(255)?;
            let failure = Rc::new(RefCell::new(None));
            let device = Device::from_native(graphics::WithoutText {
                target: Device::from_pixmap(&pixmap)?,
                failure: Rc::clone(&failure),
            })?;
            page.run_contents(&device, &ctm)?;
            drop(device); // closes the draw device: the pixmap is complete
            if let Some(e) = failure.take() {
                return Err(e);
            }
            pixmap
        }
    };
    let (width, height) = (pixmap.width(), pixmap.height());
    let stride = pixmap.stride() as usize;
    let n = pixmap.n() as usize;
    let samples = pixmap.samples();
    let (w, h) = (width as usize, height as usize);
    let mut raw = Vec::with_capacity(w * h);
    for y in 0..h {
        let line = &samples[y * stride..];
        if n == 1 {
            // Grey without alpha, as asked: a row is a copy.
            raw.extend_from_slice(&line[..w]);
        } else {
            raw.extend(line.chunks_exact(n).take(w).map(|px| px[0]));
        }
    }
    let pixels = GrayImage::from_raw(width, height, raw).expect("width x height samples");
    Ok(PageImage {
        pixels,
        scale,
        origin: (pixmap.x() as f32 / scale, pixmap.y() as f32 / scale),
    })
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

    /// A one-page PDF (200 x 100 points) drawing `content`.
    fn page_of(content: &str) -> Page {
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R \
             /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>"
                .to_owned(),
            format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len() + 1),
        ];
        let mut pdf = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (i, body) in objects.iter().enumerate() {
            offsets.push(pdf.len());
            pdf.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
        }
        let xref = pdf.len();
        pdf.extend(b"xref\n0 5\n0000000000 65535 f \n");
        for o in offsets {
            pdf.extend(format!("{o:010} 00000 n \n").as_bytes());
        }
        pdf.extend(
            format!("trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
        );
        let doc = Document::from_bytes(&pdf, "application/pdf").unwrap();
        doc.load_page(0).unwrap()
    }

    /// The darkest pixel of a page-point rectangle (y from the top).
    fn darkest(image: &PageImage, x0: f32, y0: f32, x1: f32, y1: f32) -> u8 {
        let (px0, py0) = image.to_pixels(x0, y0);
        let (px1, py1) = image.to_pixels(x1, y1);
        let mut min = 255;
        for y in py0 as u32..py1 as u32 {
            for x in px0 as u32..px1 as u32 {
                min = min.min(image.pixels.get_pixel(x, y)[0]);
            }
        }
        min
    }

    #[test]
    fn detection_sees_the_lines_and_boxes_of_a_page_but_not_its_text() {
        // A rule across the page near its top, a grey box, and a word in
        // big letters under them.
        let page = page_of(
            "0 g 10 88 180 1 re f 0.5 g 150 10 30 30 re f \
             BT 0 g /F1 40 Tf 10 20 Td (Hello) Tj ET",
        );
        let graphics = render_page(&page, 2.0, Showing::Graphics).unwrap();
        let everything = render_page(&page, 2.0, Showing::Everything).unwrap();
        assert_eq!(graphics.pixels.dimensions(), (400, 200));
        assert_eq!(graphics.pixels.dimensions(), everything.pixels.dimensions());
        for image in [&graphics, &everything] {
            assert!(darkest(image, 20.0, 11.0, 150.0, 12.0) < 64, "the rule");
            let grey = darkest(image, 155.0, 65.0, 175.0, 85.0);
            assert!((100..160).contains(&grey), "the box: {grey}");
        }
        // The word: ink in one, paper in the other.
        assert!(darkest(&everything, 10.0, 50.0, 120.0, 80.0) < 64);
        assert_eq!(darkest(&graphics, 10.0, 50.0, 120.0, 80.0), 255);
    }
}
