//! Stage 1, render: opens a PDF with MuPDF and draws one page as a greyscale
//! image at the configured resolution.
//!
//! A MuPDF `Document` is not `Send`: it lives and dies in the process (worker
//! or parent) that opened it. The image keeps the mapping back to page points,
//! so detection can report regions in the coordinates of the text layer.

use std::path::Path;

use image::GrayImage;
use mupdf::{Colorspace, Document, Matrix, Page};

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

/// Opens a PDF, authenticating with `password` when it is encrypted.
pub fn open_document(path: &Path, password: Option<&str>) -> Result<Document, Error> {
    let text = path.to_str().ok_or_else(|| Error::Open {
        path: path.to_owned(),
        message: "the path is not valid UTF-8".to_owned(),
    })?;
    if !path.is_file() {
        return Err(Error::Open {
            path: path.to_owned(),
            message: "no such file".to_owned(),
        });
    }
    let mut doc = Document::open(text).map_err(|e| Error::Open {
        path: path.to_owned(),
        message: mupdf_message(&e),
    })?;
    if !doc.is_pdf() {
        return Err(Error::Open {
            path: path.to_owned(),
            message: "not a PDF file".to_owned(),
        });
    }
    let needs_password = doc.needs_password().map_err(|e| Error::Open {
        path: path.to_owned(),
        message: mupdf_message(&e),
    })?;
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

/// The number of pages, or an error naming the file.
pub fn page_count(doc: &Document, path: &Path) -> Result<u32, Error> {
    let n = doc.page_count().map_err(|e| Error::Open {
        path: path.to_owned(),
        message: mupdf_message(&e),
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

/// Renders a page in grey at `dpi`.
pub fn render_page(page: &Page, dpi: f32) -> Result<PageImage, mupdf::Error> {
    let scale = dpi / 72.0;
    let pixmap = page.to_pixmap(
        &Matrix::new_scale(scale, scale),
        &Colorspace::device_gray(),
        false,
        false,
    )?;
    let (width, height) = (pixmap.width(), pixmap.height());
    let stride = pixmap.stride() as usize;
    let n = pixmap.n() as usize;
    let samples = pixmap.samples();
    let mut pixels = GrayImage::new(width, height);
    for (y, row) in pixels.rows_mut().enumerate() {
        let line = &samples[y * stride..];
        for (x, px) in row.enumerate() {
            px.0[0] = line[x * n];
        }
    }
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
