//! A MuPDF device that hands a page's drawing to another device, all but
//! its text: what detection looks at on a drawn page is the lines, boxes,
//! fills and pictures; the text it reads from the text layer. Drawing the
//! glyphs took as long as everything else on a page of figures, and their
//! strokes are the false rulings detection then had to argue away. The
//! text goes to a structured text device instead, when one is given: the
//! text layer read on the same run of the page's contents.
//!
//! Text that clips (a picture shown through the letters of a word) still
//! clips: the clip is passed on, only painted text is left out. The mupdf
//! crate gives no way to pass on render flags and default colour spaces;
//! with the text passed on too, every page of `wild/` came out the same as
//! MuPDF's own drawing.

use std::cell::RefCell;
use std::num::NonZero;
use std::rc::Rc;

use super::grey;
use mupdf::device::Metatext;
use mupdf::{
    BlendMode, ColorParams, Colorspace, Device, Function, Image, Matrix, NativeDevice, Path, Rect,
    Shade, StrokeState, Text,
};

/// Passes every call but `fill_text` and `stroke_text` on to `target`,
/// and the page's text to `text` when it is read on the same run. MuPDF's
/// device calls return nothing, so the first error a device raised is kept
/// in `failure` for the caller to report after the run.
pub struct WithoutText {
    pub target: Device,
    /// The area of the target's pixmap, in pixels.
    pub page_pixels: f32,
    pub text: Option<TextSink>,
    pub failure: Rc<RefCell<Option<mupdf::Error>>>,
    /// For each group begun and not yet ended, whether the target was told
    /// of it (see `begin_group`).
    pub groups: Vec<bool>,
}

/// A structured text device reading the page's text while it is drawn,
/// and the points per pixel of the drawing (MuPDF reads a page's text in
/// points).
pub struct TextSink {
    pub device: Device,
    pub points_per_pixel: f32,
}

impl TextSink {
    /// `ctm` as the text device would have it on a run of its own.
    fn ctm(&self, ctm: Matrix) -> Matrix {
        let k = self.points_per_pixel;
        Matrix::new(
            ctm.a * k,
            ctm.b * k,
            ctm.c * k,
            ctm.d * k,
            ctm.e * k,
            ctm.f * k,
        )
    }
}

impl WithoutText {
    fn keep<T>(&self, result: Result<T, mupdf::Error>) -> Option<T> {
        result
            .map_err(|e| {
                self.failure.borrow_mut().get_or_insert(e);
            })
            .ok()
    }

    /// Sets how the target paints the picture placed by `ctm` (the unit
    /// square to pixels): a scan, or most of the page, smoothed as MuPDF
    /// draws it, its lines and letters kept whatever the scale; a smaller
    /// one (a photo, a logo, a chart) by the nearest of its pixels. Detection
    /// needs no more of those than where their ink is, and smoothing them
    /// was a quarter of the drawing time of a page of the ICDAR corpus.
    fn paint_images_for(&self, ctm: &Matrix) {
        let placed = Rect::new(0.0, 0.0, 1.0, 1.0).transform(ctm);
        let share = placed.width() * placed.height() / self.page_pixels;
        set_smooth_images(&self.target, share >= SMOOTH_IMAGE_SHARE);
    }

    /// Hands a call to the text device, if there is one. Its colours it
    /// converts to RGB, which we never read, without ICC: with it, each
    /// new kind of colour would build a colour link (see `grey`).
    fn to_text(&self, call: impl FnOnce(&TextSink) -> Result<(), mupdf::Error>) {
        let Some(sink) = &self.text else { return };
        let mut context = mupdf::Context::get();
        context.disable_icc();
        let r = call(sink);
        context.enable_icc();
        self.keep(r);
    }
}

/// A picture placed over at least this share of the page is smoothed
/// when drawn smaller than it is (see `paint_images_for`).
const SMOOTH_IMAGE_SHARE: f32 = 0.5;

/// Sets MuPDF's `FZ_DONT_INTERPOLATE_IMAGES` hint of a draw device off
/// (`smooth`) or on. The mupdf crate has no call for a device's hints, so
/// this reads the device's pointer out of the crate's `Device`: two
/// pointers, the `fz_device` and a display list that is null for a device
/// drawing into a pixmap. Where that is not what it finds (another version
/// of the crate), the device is left as it is: drawn as MuPDF draws,
/// smoothed, only slower.
fn set_smooth_images(device: &Device, smooth: bool) {
    type Raw = *mut mupdf_sys::fz_device;
    if std::mem::size_of::<Device>() != 2 * std::mem::size_of::<Raw>() {
        return;
    }
    // SAFETY: `Device` is two pointers wide (checked above), so it reads as
    // two pointer values; they are only dereferenced below when exactly one
    // of them is null, the draw device's, which `device` keeps alive.
    let words: [Raw; 2] = unsafe { std::mem::transmute_copy(device) };
    let raw = match words {
        [d, list] | [list, d] if list.is_null() && !d.is_null() => d,
        _ => return,
    };
    let hint = mupdf_sys::FZ_DONT_INTERPOLATE_IMAGES as i32;
    // SAFETY: `raw` is the live draw device behind `device` (above); its
    // hints are a plain field MuPDF reads on each picture it paints.
    unsafe {
        match smooth {
            true => (*raw).hints &= !hint,
            false => (*raw).hints |= hint,
        }
    }
}

/// `color` of `cs` as the grey MuPDF would paint it, when it is a colour
/// [`grey`] turns; else as it is.
fn as_grey<T>(
    cs: &Colorspace,
    color: &[f32],
    cp: ColorParams,
    draw: impl FnOnce(&Colorspace, &[f32]) -> T,
) -> T {
    match grey::grey_of(cs, color, cp) {
        Some(g) => draw(&Colorspace::device_gray(), &[g]),
        None => draw(cs, color),
    }
}

// Each method is the target's own call; `scissor` is MuPDF's hint of the
// clip's extent, which a draw device works out again itself.
impl NativeDevice for WithoutText {
    fn fill_text(
        &mut self,
        text: &Text,
        ctm: Matrix,
        cs: &Colorspace,
        color: &[f32],
        alpha: f32,
        cp: ColorParams,
    ) {
        self.to_text(|t| (t.device).fill_text(text, &t.ctm(ctm), cs, color, alpha, cp));
    }

    fn stroke_text(
        &mut self,
        text: &Text,
        stroke: &StrokeState,
        ctm: Matrix,
        cs: &Colorspace,
        color: &[f32],
        alpha: f32,
        cp: ColorParams,
    ) {
        self.to_text(|t| {
            let ctm = t.ctm(ctm);
            (t.device).stroke_text(text, stroke, &ctm, cs, color, alpha, cp)
        });
    }

    fn fill_path(
        &mut self,
        path: &Path,
        even_odd: bool,
        ctm: Matrix,
        cs: &Colorspace,
        color: &[f32],
        alpha: f32,
        cp: ColorParams,
    ) {
        let r = as_grey(cs, color, cp, |cs, color| {
            (self.target).fill_path(path, even_odd, &ctm, cs, color, alpha, cp)
        });
        self.keep(r);
    }

    fn stroke_path(
        &mut self,
        path: &Path,
        stroke: &StrokeState,
        ctm: Matrix,
        cs: &Colorspace,
        color: &[f32],
        alpha: f32,
        cp: ColorParams,
    ) {
        let r = as_grey(cs, color, cp, |cs, color| {
            (self.target).stroke_path(path, stroke, &ctm, cs, color, alpha, cp)
        });
        self.keep(r);
    }

    fn clip_path(&mut self, path: &Path, even_odd: bool, ctm: Matrix, _scissor: Rect) {
        let r = self.target.clip_path(path, even_odd, &ctm);
        self.keep(r);
    }

    fn clip_stroke_path(&mut self, path: &Path, stroke: &StrokeState, ctm: Matrix, _: Rect) {
        let r = self.target.clip_stroke_path(path, stroke, &ctm);
        self.keep(r);
    }

    fn clip_text(&mut self, text: &Text, ctm: Matrix, _scissor: Rect) {
        let r = self.target.clip_text(text, &ctm);
        self.keep(r);
        self.to_text(|t| t.device.clip_text(text, &t.ctm(ctm)));
    }

    fn clip_stroke_text(&mut self, text: &Text, stroke: &StrokeState, ctm: Matrix, _: Rect) {
        let r = self.target.clip_stroke_text(text, stroke, &ctm);
        self.keep(r);
        self.to_text(|t| t.device.clip_stroke_text(text, stroke, &t.ctm(ctm)));
    }

    fn ignore_text(&mut self, text: &Text, ctm: Matrix) {
        let r = self.target.ignore_text(text, &ctm);
        self.keep(r);
        self.to_text(|t| t.device.ignore_text(text, &t.ctm(ctm)));
    }

    // Shades and pictures the text device takes for the extent of the
    // replacement text (ActualText) they stand under.
    fn fill_shade(&mut self, shade: &Shade, ctm: Matrix, alpha: f32, cp: ColorParams) {
        let r = self.target.fill_shade(shade, &ctm, alpha, cp);
        self.keep(r);
        self.to_text(|t| t.device.fill_shade(shade, &t.ctm(ctm), alpha, cp));
    }

    fn fill_image(&mut self, image: &Image, ctm: Matrix, alpha: f32, cp: ColorParams) {
        // Images turned grey without ICC: its colour link for an image's
        // colours costs a worker milliseconds to build and each pixel a
        // table lookup, for a photo or a logo; a scan in colour keeps its
        // lines, and OCR its letters, either way (on the bench, one OCR
        // title of 144 wild documents read a character differently).
        let mut context = mupdf::Context::get();
        context.disable_icc();
        self.paint_images_for(&ctm);
        let r = self.target.fill_image(image, &ctm, alpha, cp);
        context.enable_icc();
        self.keep(r);
        self.to_text(|t| t.device.fill_image(image, &t.ctm(ctm), alpha, cp));
    }

    fn begin_metatext(&mut self, meta: Metatext, text: &str) {
        self.to_text(|t| t.device.begin_metatext(meta, text));
    }

    fn end_metatext(&mut self) {
        self.to_text(|t| t.device.end_metatext());
    }

    fn fill_image_mask(
        &mut self,
        image: &Image,
        ctm: Matrix,
        cs: &Colorspace,
        color: &[f32],
        alpha: f32,
        cp: ColorParams,
    ) {
        self.paint_images_for(&ctm);
        let r = as_grey(cs, color, cp, |cs, color| {
            (self.target).fill_image_mask(image, &ctm, cs, color, alpha, cp)
        });
        self.keep(r);
        self.to_text(|t| (t.device).fill_image_mask(image, &t.ctm(ctm), cs, color, alpha, cp));
    }

    fn clip_image_mask(&mut self, image: &Image, ctm: Matrix, _scissor: Rect) {
        self.paint_images_for(&ctm);
        let r = self.target.clip_image_mask(image, &ctm);
        self.keep(r);
    }

    fn pop_clip(&mut self) {
        let r = self.target.pop_clip();
        self.keep(r);
    }

    fn begin_mask(
        &mut self,
        area: Rect,
        luminosity: bool,
        cs: &Colorspace,
        bc: &[f32],
        cp: ColorParams,
    ) {
        let r = self.target.begin_mask(area, luminosity, cs, bc, cp);
        self.keep(r);
    }

    fn end_mask(&mut self, transfer: &Function) {
        let r = self.target.end_mask(Some(transfer));
        self.keep(r);
    }

    fn begin_group(
        &mut self,
        area: Rect,
        cs: &Colorspace,
        isolated: bool,
        knockout: bool,
        blend: BlendMode,
        alpha: f32,
    ) {
        // An opaque group blended normally looks the same drawn straight
        // onto the page (painting over is associative), and compositing a
        // page-sized group cost a quarter of the drawing of a page exported
        // from an office suite, which wraps every page in one.
        let composited = alpha < 1.0 || blend != BlendMode::Normal || knockout;
        self.groups.push(composited);
        if !composited {
            return;
        }
        // A group blended in colours turned to grey is blended in grey:
        // drawn in RGB it would need links into RGB and back.
        let grey = Colorspace::device_gray();
        let cs = if grey::is_turned(cs) { &grey } else { cs };
        let r = (self.target).begin_group(area, cs, isolated, knockout, blend, alpha);
        self.keep(r);
    }

    fn end_group(&mut self) {
        if self.groups.pop() == Some(false) {
            return;
        }
        let r = self.target.end_group();
        self.keep(r);
    }

    /// The target's answer matters: when it has the tile cached already,
    /// MuPDF skips the tile's contents and must be told so.
    fn begin_tile(
        &mut self,
        area: Rect,
        view: Rect,
        x_step: f32,
        y_step: f32,
        ctm: Matrix,
        id: Option<NonZero<i32>>,
        doc_id: Option<NonZero<i32>>,
    ) -> Option<NonZero<i32>> {
        let r = (self.target).begin_tile(area, view, x_step, y_step, &ctm, id, doc_id);
        self.keep(r).flatten()
    }

    fn end_tile(&mut self) {
        let r = self.target.end_tile();
        self.keep(r);
    }
}
