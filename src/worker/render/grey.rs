//! Colours of lines and fills turned to the grey MuPDF's colour management
//! gives them, without its colour links. With ICC on, the first colour of a
//! kind a process draws makes MuPDF build a link (lcms samples the whole
//! conversion into a table): about 3 ms for RGB to grey, 20 ms for CMYK to
//! grey, paid again by every worker of every run, longer than rendering a
//! page. ICC stays on: its grey is how light a colour looks (cyan is pale,
//! as on paper, not the mid grey of a sum of channels), and detection is
//! set on that. So the common colours are turned to grey here, as ICC
//! would, and drawn as grey; anything else is left to MuPDF.

use mupdf::{ColorParams, Colorspace, RenderingIntent};

/// Grid points per ink of [`CMYK_GREY`].
const CMYK_STEPS: usize = 17;

/// MuPDF's grey for DeviceCMYK colours (relative colorimetric with black
/// point compensation, the PDF default) at every point of a 17-step grid
/// per ink, cyan slowest: `(((c * 17 + m) * 17 + y) * 17 + k)`, as bytes.
/// Written by `cmyk_grey_table_is_mupdfs` (see there); between grid points
/// it is interpolated, within a grey level of MuPDF's own answer (two near
/// black).
static CMYK_GREY: &[u8; CMYK_STEPS.pow(4)] = include_bytes!("cmyk-grey.bin");

/// The grey (0 black to 1 white) a draw device would paint `color` of `cs`
/// in, when it is a colour this module knows how to turn; `None` leaves the
/// colour to MuPDF.
pub fn grey_of(cs: &Colorspace, color: &[f32], params: ColorParams) -> Option<f32> {
    if cs.is_device_gray() {
        return color.first().copied();
    }
    if is_srgb(cs) {
        let [r, g, b] = color.get(..3)?.try_into().ok()?;
        return Some(srgb_grey(r, g, b));
    }
    if cs.is_device_cmyk() && is_pdf_default(params) {
        let [c, m, y, k] = color.get(..4)?.try_into().ok()?;
        return Some(cmyk_grey([c, m, y, k]));
    }
    None
}

/// Whether a group or mask drawn in `cs` may be drawn in grey instead: a
/// colour space whose colours this module turns, so that what is drawn in
/// it needs no link either.
pub fn is_turned(cs: &Colorspace) -> bool {
    cs.is_device_gray() || is_srgb(cs) || cs.is_device_cmyk()
}

/// DeviceRGB, and the sRGB profile documents embed (what DeviceRGB is in
/// MuPDF). Other RGB profiles (Apple's gamma 1.8) are MuPDF's to convert.
fn is_srgb(cs: &Colorspace) -> bool {
    cs.n() == 3 && (cs.is_device() && cs.is_rgb() || cs.name().contains("sRGB IEC61966-2.1"))
}

fn is_pdf_default(params: ColorParams) -> bool {
    matches!(
        params.rendering_intent(),
        RenderingIntent::RelativeColorimetric
    ) && params.bp()
}

/// sRGB to the sRGB-curved grey MuPDF draws in: the colour's luminance
/// under D50 (ICC's white), encoded by the sRGB curve.
fn srgb_grey(r: f32, g: f32, b: f32) -> f32 {
    fn linear(v: f32) -> f32 {
        let v = v.clamp(0.0, 1.0);
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    }
    let y = 0.2225 * linear(r) + 0.7169 * linear(g) + 0.0606 * linear(b);
    let y = y.clamp(0.0, 1.0);
    if y <= 0.003_130_8 {
        12.92 * y
    } else {
        1.055 * y.powf(1.0 / 2.4) - 0.055
    }
}

/// [`CMYK_GREY`] between its grid points: linear along each ink.
fn cmyk_grey(inks: [f32; 4]) -> f32 {
    let last = (CMYK_STEPS - 1) as f32;
    let mut base = [0usize; 4];
    let mut frac = [0f32; 4];
    for (i, &v) in inks.iter().enumerate() {
        let at = v.clamp(0.0, 1.0) * last;
        let cell = (at as usize).min(CMYK_STEPS - 2);
        base[i] = cell;
        frac[i] = at - cell as f32;
    }
    let mut grey = 0.0;
    for corner in 0..16usize {
        let mut weight = 1.0;
        let mut index = 0;
        for ink in 0..4 {
            let up = corner >> (3 - ink) & 1;
            weight *= if up == 1 { frac[ink] } else { 1.0 - frac[ink] };
            index = index * CMYK_STEPS + base[ink] + up;
        }
        if weight > 0.0 {
            grey += weight * f32::from(CMYK_GREY[index]);
        }
    }
    grey / 255.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mupdfs(cs: &Colorspace, color: &[f32]) -> f32 {
        let params = ColorParams::new(RenderingIntent::RelativeColorimetric, true, false, false);
        cs.convert_color(color, &Colorspace::device_gray(), None, params)
            .expect("MuPDF converts the colour")[0]
    }

    /// The draw device truncates a colour to a byte, as here.
    fn byte(grey: f32) -> i32 {
        (grey * 255.0) as i32
    }

    #[test]
    fn rgb_greys_are_mupdfs_within_a_level() {
        let rgb = Colorspace::device_rgb();
        let steps = [0.0, 0.1, 0.2, 0.35, 0.5, 0.65, 0.8, 0.85, 0.9, 0.95, 1.0];
        for &r in &steps {
            for &g in &steps {
                for &b in &steps {
                    let ours = byte(srgb_grey(r, g, b));
                    let theirs = byte(mupdfs(&rgb, &[r, g, b]));
                    assert!(
                        (ours - theirs).abs() <= 1,
                        "{r} {g} {b}: {ours} vs {theirs}"
                    );
                }
            }
        }
        // Cyan looks pale (about 228 of 255), not the mid grey (178) of
        // MuPDF's sum of channels without ICC.
        assert!(byte(srgb_grey(0.0, 1.0, 1.0)) > 220);
    }

    /// The table is MuPDF's answer at each grid point. When a new MuPDF
    /// changes its CMYK profile this fails; rewrite the table with
    /// `T2X_WRITE_CMYK_GREY=1 cargo test cmyk_grey_table_is_mupdfs`.
    #[test]
    fn cmyk_grey_table_is_mupdfs() {
        let cmyk = Colorspace::device_cmyk();
        let last = (CMYK_STEPS - 1) as f32;
        let mut table = Vec::with_capacity(CMYK_GREY.len());
        for index in 0..CMYK_GREY.len() {
            let mut inks = [0f32; 4];
            let mut rest = index;
            for ink in (0..4).rev() {
                inks[ink] = (rest % CMYK_STEPS) as f32 / last;
                rest /= CMYK_STEPS;
            }
            table.push((mupdfs(&cmyk, &inks) * 255.0).round() as u8);
        }
        if std::env::var_os("T2X_WRITE_CMYK_GREY").is_some() {
            let path = concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/src/worker/render/cmyk-grey.bin"
            );
            std::fs::write(path, &table).expect("table written");
        }
        assert!(
            table == CMYK_GREY[..],
            "MuPDF's CMYK greys changed: rewrite the table"
        );
    }

    #[test]
    fn cmyk_greys_between_grid_points_are_mupdfs_within_a_level_or_two() {
        let cmyk = Colorspace::device_cmyk();
        // A fixed scatter of colours off the grid, pure inks among them.
        let mut seed = 7u32;
        let mut next = || {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (seed >> 8) as f32 / (1u32 << 24) as f32
        };
        for n in 0..2000 {
            let mut inks = [next(), next(), next(), next()];
            if n % 4 == 0 {
                inks[n % 3] = 0.0;
            }
            let ours = byte(cmyk_grey(inks));
            let theirs = byte(mupdfs(&cmyk, &inks));
            // Near black (the darkest tenth) the grids part by two levels.
            let allowed = if theirs < 26 { 2 } else { 1 };
            assert!(
                (ours - theirs).abs() <= allowed,
                "{inks:?}: {ours} vs {theirs}"
            );
        }
        // Black ink alone is not quite black in a printer's profile.
        assert!((20..45).contains(&byte(cmyk_grey([0.0, 0.0, 0.0, 1.0]))));
    }
}
