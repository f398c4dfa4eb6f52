//! Rulings: the long straight strokes of a page image.
//!
//! A morphological opening of the ink mask with a 1×L line keeps exactly the
//! runs of at least L ink pixels, so it is computed here as a run-length scan
//! (`scan`: along the rows and down the columns, on bits) instead of an
//! erosion and a dilation. Runs on neighbouring pixel rows that overlap
//! are one stroke; a stroke thicker than a ruling is a filled box, whose edges
//! are kept as rulings instead.

use super::scan::InkBits;
use super::shading::{DRAWN_TONE_STEP, SCANNED_TONE_STEP};
use crate::config::DetectConfig;
use crate::worker::render::{Grey, PageImage};

/// A straight line in page points: at `pos` across, from `start` to `end`
/// along. Horizontal rulings have `pos` = y; vertical ones `pos` = x.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ruling {
    pub pos: f32,
    pub start: f32,
    pub end: f32,
}

impl Ruling {
    pub fn new(pos: f32, start: f32, end: f32) -> Self {
        Ruling { pos, start, end }
    }

    pub fn length(&self) -> f32 {
        self.end - self.start
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rulings {
    pub horizontal: Vec<Ruling>,
    pub vertical: Vec<Ruling>,
}

/// Finds the horizontal and vertical rulings of a page image; `drawn` when
/// it was drawn rather than scanned (see `light_lines`).
pub fn find_rulings(page: &PageImage, cfg: &DetectConfig, drawn: bool) -> Rulings {
    let [ink, plain] = InkBits::each(&page.pixels, [cfg.ink_threshold, LIGHT_LINE_THRESHOLD]);
    let min_len = (cfg.min_line_length * page.scale).round().max(2.0) as u32;
    let max_thick = (cfg.max_line_thickness * page.scale).round().max(1.0) as u32;
    let PageStrokes {
        across,
        boxes,
        in_a_box,
        down,
        column_runs,
    } = page_strokes(&ink, min_len, max_thick, |_| true);
    // A box of a mid grey (a header band printed darker than ink) shows
    // the lines drawn over it, darker than it (on a scan, than its grain):
    // those are its rulings inside. Where a column line shows over such a
    // box, it parts the box's cells only there (not through a group
    // heading over the columns it parts below); where it shows nowhere, it
    // is taken through the box, which hides it.
    let over = line_over_fill(drawn);
    let tone_step = if drawn {
        DRAWN_TONE_STEP
    } else {
        SCANNED_TONE_STEP
    };
    let tints: Vec<(PixelBox, u8)> = (boxes.iter())
        .filter_map(|b| tint_of(&page.pixels, b, tone_step, over).map(|tone| (*b, tone)))
        .collect();
    let tinted: Vec<PixelBox> = tints.iter().map(|&(b, _)| b).collect();
    // The parts of thin strokes down the columns that go on into a box.
    let into_boxes: Vec<Stroke> = (down.iter())
        .flat_map(|&s| into_a_box(s, &column_runs, max_thick))
        .flat_map(|part| {
            let shown = showing_over_fills(&page.pixels, part, &tinted, max_thick, over);
            if shown.is_empty() {
                vec![part]
            } else {
                shown
            }
        })
        .collect();
    // (Whole strokes above: their parts into a box are where their runs
    // were cut, not where a scan's line stops showing.)
    let down = scanned_lines_only(&page.pixels, down, drawn, max_thick, min_len);
    let within =
        |x0: u32, y0: u32, x1: u32, y1: u32| boxes.iter().any(|&b| inside((x0, y0, x1, y1), b));
    let strictly_within = |x0: u32, y0: u32, x1: u32, y1: u32| {
        boxes.iter().any(|&(bx0, by0, bx1, by1)| {
            inside((x0, y0, x1, y1), (bx0, by0, bx1, by1))
                && (x0 > bx0 + 2 || y0 > by0 + 2)
                && (x1 + 2 < bx1 || y1 + 2 < by1)
        })
    };

    let mut rulings = Rulings::default();
    let mut add_h = |pos: f32, start: f32, end: f32| {
        let (x0, y) = page.to_points(start, pos);
        let (x1, _) = page.to_points(end, pos);
        rulings.horizontal.push(Ruling::new(y, x0, x1));
    };
    // Each filled box gives its four edges as rulings.
    for &(x0, y0, x1, y1) in &boxes {
        add_h(y0 as f32, x0 as f32, x1 as f32);
        add_h(y1 as f32, x0 as f32, x1 as f32);
    }
    for (i, s) in across.iter().enumerate() {
        if !stands_out(&page.pixels, s, true, drawn) {
            continue;
        }
        if !in_a_box[i] && !strictly_within(s.start, s.first, s.end, s.last + 1) {
            for (pos, start, end) in s.rulings(max_thick) {
                add_h(pos, start, end);
            }
        }
    }
    let mut add_v = |pos: f32, start: f32, end: f32| {
        let (x, y0) = page.to_points(pos, start);
        let (_, y1) = page.to_points(pos, end);
        rulings.vertical.push(Ruling::new(x, y0, y1));
    };
    for &(x0, y0, x1, y1) in &boxes {
        add_v(x0 as f32, y0 as f32, y1 as f32);
        add_v(x1 as f32, y0 as f32, y1 as f32);
    }
    for s in &down {
        let (x0, y0, x1, y1) = (s.first, s.start, s.last + 1, s.end);
        let part_of_a_box = if s.thickness() > max_thick {
            within(x0, y0, x1, y1)
        } else {
            strictly_within(x0, y0, x1, y1)
        };
        if !part_of_a_box {
            for (pos, start, end) in s.rulings(max_thick) {
                add_v(pos, start, end);
            }
        }
    }
    for s in &into_boxes {
        for (pos, start, end) in s.rulings(max_thick) {
            add_v(pos, start, end);
        }
    }
    for &(b, tone) in &tints {
        // (Darker than the fill itself: between two lines of light text
        // printed on it, the fill shows darker than the letters.)
        let darkest = tone.saturating_sub(over);
        let (rows, columns) =
            lines_over_fill(&page.pixels, b, min_len, max_thick, (over, darkest), true);
        let thin = |s: &&Stroke| s.thickness() <= max_thick;
        for (pos, start, end) in rows.iter().filter(thin).flat_map(|s| s.rulings(max_thick)) {
            add_h(pos, start, end);
        }
        for (pos, start, end) in columns
            .iter()
            .filter(thin)
            .flat_map(|s| s.rulings(max_thick))
        {
            add_v(pos, start, end);
        }
    }
    add_light_lines(page, cfg, plain, &boxes, &tinted, drawn, &mut rulings);
    // (Looked for only where a faint fill is: the pass costs a twentieth
    // of a page's work.)
    if drawn && has_a_faint_fill(&page.pixels) {
        let faint = InkBits::new(&page.pixels, DRAWN_PAPER);
        add_faint_cells(page, cfg, &faint, &mut rulings);
    }
    // Cells filled apart by gutters of paper, on a drawn page (on a scan,
    // grain and shading leave no clean gutter).
    if drawn {
        let gutters = (
            cfg.line_merge_tolerance,
            GUTTER_LINES * cfg.max_line_thickness,
        );
        let fill_depth = cfg.max_line_thickness;
        join_across_gutters(&mut rulings.horizontal, gutters, |a, b| {
            fills_either_side(page, a, b, fill_depth, true)
        });
        join_across_gutters(&mut rulings.vertical, gutters, |a, b| {
            fills_either_side(page, a, b, fill_depth, false)
        });
    }
    rulings
}

/// How many thick lines wide a gutter of paper between filled cells may be.
const GUTTER_LINES: f32 = 1.5;

/// Two parallel rulings that share some length, further apart than the
/// grid's tolerance and at most the widest gutter (`gutters`, points), that
/// `fills_either_side` says are the edges of two filled cells across the
/// gutter between them, are one boundary on the gutter's middle line:
/// otherwise they would not meet the lines across them. (Closer, the grid
/// takes them as one already.)
fn join_across_gutters(
    lines: &mut [Ruling],
    (min_gutter, max_gutter): (f32, f32),
    fills_either_side: impl Fn(&Ruling, &Ruling) -> bool,
) {
    let mut order: Vec<usize> = (0..lines.len()).collect();
    order.sort_by(|&a, &b| lines[a].pos.total_cmp(&lines[b].pos));
    let mut middle: Vec<Option<f32>> = vec![None; lines.len()];
    for (k, &i) in order.iter().enumerate() {
        let a = lines[i];
        for &j in order[k + 1..]
            .iter()
            .take_while(|&&j| lines[j].pos - a.pos <= max_gutter)
        {
            let b = lines[j];
            let shared = a.end.min(b.end) - a.start.max(b.start);
            if b.pos - a.pos > min_gutter && shared > 0.0 && fills_either_side(&a, &b) {
                let mid = (a.pos + b.pos) / 2.0;
                middle[i].get_or_insert(mid);
                middle[j].get_or_insert(mid);
            }
        }
    }
    for (line, mid) in lines.iter_mut().zip(middle) {
        if let Some(mid) = mid {
            line.pos = mid;
        }
    }
}

/// Whether rulings `a` and `b` (`a` first; along the rows when `across`,
/// down the columns otherwise), over the length they share, have paper
/// between them and a fill at least `depth` points deep on their far
/// sides: the edges of two filled cells, not two lines (a double rule, a
/// box's edge beside a table's).
fn fills_either_side(page: &PageImage, a: &Ruling, b: &Ruling, depth: f32, across: bool) -> bool {
    let (from, to) = (a.start.max(b.start), a.end.min(b.end));
    let clear = 1.0 / page.scale;
    let between = paper_share(page, (from, to), (a.pos + clear, b.pos - clear), across);
    between >= MIN_PAPER_BETWEEN
        && paper_share(page, (from, to), (a.pos - depth, a.pos - clear), across)
            <= MAX_PAPER_IN_A_FILL
        && paper_share(page, (from, to), (b.pos + clear, b.pos + depth), across)
            <= MAX_PAPER_IN_A_FILL
}

/// Shares of paper between two cells' edges and inside a fill.
const MIN_PAPER_BETWEEN: f32 = 0.95;
const MAX_PAPER_IN_A_FILL: f32 = 0.1;

/// The share of the pixels within `along` × `span` (points; `span` across
/// the rows when `across`) that are a drawn page's paper: 1 when none are
/// in the image.
fn paper_share(page: &PageImage, along: (f32, f32), span: (f32, f32), across: bool) -> f32 {
    let (x0, y0, x1, y1) = if across {
        (along.0, span.0, along.1, span.1)
    } else {
        (span.0, along.0, span.1, along.1)
    };
    let (px0, py0) = page.to_pixels(x0, y0);
    let (px1, py1) = page.to_pixels(x1, y1);
    let (width, height) = page.pixels.dimensions();
    let clamp = |v: f32, max: u32| (v.round().max(0.0) as u32).min(max);
    let (px0, px1) = (clamp(px0, width), clamp(px1, width));
    let (py0, py1) = (clamp(py0, height), clamp(py1, height));
    let all = (px1.saturating_sub(px0)) * (py1.saturating_sub(py0));
    if all == 0 {
        return 1.0;
    }
    let paper = (py0..py1)
        .flat_map(|y| (px0..px1).map(move |x| (x, y)))
        .filter(|&(x, y)| page.pixels.get_pixel(x, y)[0] >= DRAWN_PAPER)
        .count() as u32;
    paper as f32 / all as f32
}

/// The strokes of an ink mask (see `page_strokes`).
struct PageStrokes {
    /// Along the rows.
    across: Vec<Stroke>,
    /// Filled boxes, as pixel rectangles, from the strokes along the rows,
    /// and which of those strokes went into one.
    boxes: Vec<PixelBox>,
    in_a_box: Vec<bool>,
    /// Down the columns, the parts inside a box cut off, and the runs they
    /// were cut from.
    down: Vec<Stroke>,
    column_runs: Vec<(u32, u32, u32)>,
}

/// The strokes along the rows and down the columns of `ink`, runs at least
/// `min_len` long, and the filled boxes the rows give. Inside a box, the
/// scan down the columns sees pieces of it between the letters of light
/// text printed on it: thin ones look like rulings, thick ones like boxes;
/// neither is. And a column line that runs on out of a box (a filled
/// header over ruled rows) would join the box's columns into one thick
/// stroke with it: column runs are joined with their parts inside a box
/// (those `cut_at` picks) cut off, and the thin strokes this gives get those
/// parts back as strokes of their own.
fn page_strokes(
    ink: &InkBits,
    min_len: u32,
    max_thick: u32,
    cut_at: impl Fn(&PixelBox) -> bool,
) -> PageStrokes {
    let across = strokes(&ink.row_runs(min_len));
    let (boxes, in_a_box) = filled_boxes(&across, max_thick);
    let column_runs = ink.column_runs(min_len);
    let cutting: Vec<PixelBox> = boxes.iter().copied().filter(|b| cut_at(b)).collect();
    let down = strokes(&outside_boxes(&column_runs, &cutting, max_thick, min_len));
    PageStrokes {
        across,
        boxes,
        in_a_box,
        down,
        column_runs,
    }
}

/// Gridlines are often drawn light grey, lighter than ink. Long thin strokes of
/// light ink (`plain`: the pixels darker than `LIGHT_LINE_THRESHOLD`) are
/// taken as rulings too; short ones are left alone, since the edges of
/// anti-aliased letters are light as well.
/// `boxes` are the filled boxes of the dark scan, `tinted` those of them
/// lines show over (see `tint_of`).
fn add_light_lines(
    page: &PageImage,
    cfg: &DetectConfig,
    plain: InkBits,
    boxes: &[PixelBox],
    tinted: &[PixelBox],
    drawn: bool,
    rulings: &mut Rulings,
) {
    let light = light_lines(page, cfg, &plain, boxes, tinted, drawn, rulings);
    // A page drawn with light gridlines: those thinner than a pixel that
    // fall across two rows (or columns) of pixels, each half too faint
    // alone, are found again with both halves. (Looked for only here: the
    // second look costs a pass over the page.)
    let light = if light.gridlines {
        let split = plain.with_split_lines(&page.pixels, SPLIT_HALF);
        light_lines(page, cfg, &split, boxes, tinted, drawn, rulings)
    } else {
        light
    };
    rulings.horizontal.extend(light.rulings.horizontal);
    rulings.vertical.extend(light.rulings.vertical);
}

/// A drawn page's paper is white: a grey short of it is drawn, however
/// faint. Cells filled a grey too faint for light ink, `faint` the pixels
/// short of paper, with gutters of white between them, are a grid; each
/// cell with another across a gutter gives its edges as rulings, as light
/// ones do (`light_lines`). Nothing else of a faint tint is a line: a
/// page's background, zebra stripes, columns of tints side by side are
/// one box here, with no cell beside it.
fn add_faint_cells(page: &PageImage, cfg: &DetectConfig, faint: &InkBits, rulings: &mut Rulings) {
    // As narrow as the shortest ruling: a box is one by its height, and
    // a stub of labels set sideways is a narrow column.
    let min_len = (cfg.min_line_length * page.scale).round().max(2.0) as u32;
    let max_thick = (cfg.max_line_thickness * page.scale).round().max(1.0) as u32;
    let (boxes, _) = filled_boxes(&strokes(&faint.row_runs(min_len)), max_thick);
    for b in boxes
        .iter()
        .filter(|b| boxes.iter().any(|n| beside(b, n, max_thick)) && one_tone(&page.pixels, b))
    {
        let (x0, y0) = page.to_points(b.0 as f32, b.1 as f32);
        let (x1, y1) = page.to_points(b.2 as f32, b.3 as f32);
        for r in [Ruling::new(y0, x0, x1), Ruling::new(y1, x0, x1)] {
            if !known(&rulings.horizontal, &r) {
                rulings.horizontal.push(r);
            }
        }
        for r in [Ruling::new(x0, y0, y1), Ruling::new(x1, y0, y1)] {
            if !known(&rulings.vertical, &r) {
                rulings.vertical.push(r);
            }
        }
    }
}

/// Whether a page image has a fill of a faint tint, lighter than light ink
/// and short of paper: 32 pixels of it, aligned, on each of two rows
/// `FAINT_FILL_STEP` apart (the anti-aliased edge of a line is one row
/// high; a cell, a line of text high, is more than twice the step). Every
/// `FAINT_FILL_STEP`th row is read, and of those only as far as a pixel of
/// another tone in each stretch of 32: paper ends most at their first.
fn has_a_faint_fill(pixels: &Grey) -> bool {
    const STRETCH: usize = 32;
    let width = pixels.width() as usize;
    let faint = |v: &u8| (LIGHT_LINE_THRESHOLD..DRAWN_PAPER).contains(v);
    let mut running = vec![0u32; width / STRETCH];
    let rows = pixels.as_raw().chunks_exact(width.max(1));
    for row in rows.step_by(FAINT_FILL_STEP) {
        for (run, stretch) in running.iter_mut().zip(row.chunks_exact(STRETCH)) {
            *run = if stretch.iter().all(faint) {
                *run + 1
            } else {
                0
            };
            if *run >= 2 {
                return true;
            }
        }
    }
    false
}

/// Rows apart that `has_a_faint_fill` reads.
const FAINT_FILL_STEP: usize = 8;

/// Whether one of `lines` covers `r` already, give or take a point.
fn known(lines: &[Ruling], r: &Ruling) -> bool {
    (lines.iter())
        .any(|l| (l.pos - r.pos).abs() <= 1.0 && l.start <= r.start + 1.0 && l.end >= r.end - 1.0)
}

/// The thin strokes of `light` ink not among `found`, as rulings, and the
/// lines over and along light fills.
fn light_lines(
    page: &PageImage,
    cfg: &DetectConfig,
    light: &InkBits,
    boxes: &[PixelBox],
    tinted: &[PixelBox],
    drawn: bool,
    found: &Rulings,
) -> LightLines {
    let min_len = (LIGHT_LINE_LENGTHS * cfg.min_line_length * page.scale)
        .round()
        .max(2.0) as u32;
    let max_thick = (cfg.max_line_thickness * page.scale).round().max(1.0) as u32;
    // A light fill (a header band) is a box here too; inside it, lines show
    // only as darker than the fill. One as tall as a light line is long has
    // column runs of its own, which a light column line running on out of
    // it would join: such a line is cut from it. One shorter (a row's) lets
    // a column line through, seen all across it: inside, it is kept only
    // where it shows. (Dark boxes, `boxes`, are the first scan's, with the
    // lines over them and their edges.)
    let overlap = |a: &PixelBox, b: &PixelBox| a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3;
    let light_fill = |b: &PixelBox| !boxes.iter().any(|k| overlap(k, b));
    let tall = |b: &PixelBox| b.3 - b.1 >= min_len;
    let mut strokes = page_strokes(light, min_len, max_thick, |b| light_fill(b) && tall(b));
    strokes.down = scanned_lines_only(&page.pixels, strokes.down, drawn, max_thick, min_len);
    let light_fills: Vec<PixelBox> = (strokes.boxes.iter())
        .filter(|b| light_fill(b))
        .copied()
        .collect();
    let over = line_over_fill(drawn);
    // (A tinted dark box, a column line seen through it here too, is one
    // of those fills.)
    let short_fills: Vec<PixelBox> = (light_fills.iter())
        .filter(|b| !tall(b))
        .chain(tinted)
        .copied()
        .collect();
    strokes.down = (strokes.down.iter())
        .flat_map(|&s| showing_over_fills(&page.pixels, s, &short_fills, max_thick, over))
        .collect();
    // A dark box's edges are rulings already; the light scan sees them a
    // pixel or two wider (anti-aliasing, light text printed on the box).
    // (A stroke's box, and whether it lies along the box's top or bottom
    // edge rather than its left or right.)
    let along_a_dark_edge = |(x0, y0, x1, y1): PixelBox, horizontal: bool| {
        boxes.iter().any(|&(bx0, by0, bx1, by1)| {
            inside((x0, y0, x1, y1), (bx0, by0, bx1, by1))
                && if horizontal {
                    y0 <= by0 + max_thick || y1 + max_thick >= by1
                } else {
                    x0 <= bx0 + max_thick || x1 + max_thick >= bx1
                }
        })
    };
    let thin = |s: &&Stroke| s.thickness() <= max_thick;
    let mut across: Vec<(f32, f32, f32)> = (strokes.across.iter())
        .filter(thin)
        .filter(|s| stands_out(&page.pixels, s, true, drawn))
        .filter(|s| !along_a_dark_edge((s.start, s.first, s.end, s.last + 1), true))
        .flat_map(|s| s.rulings(max_thick))
        .collect();
    let mut down: Vec<(f32, f32, f32)> = (strokes.down.iter())
        .filter(thin)
        .filter(|s| !along_a_dark_edge((s.first, s.start, s.last + 1, s.end), false))
        .flat_map(|s| s.rulings(max_thick))
        .collect();
    // Those of the scan itself, before the fills' lines.
    let scanned = (across.len(), down.len());
    let short_len = (cfg.min_line_length * page.scale).round().max(2.0) as u32;
    for b in &light_fills {
        // Column lines that end where the fill begins part the fill from
        // the rows they rule, drawn or not (a gridline the colour of the
        // fill): the edge is a ruling.
        let (x0, y0, x1, y1) = *b;
        let ending_at = |edge: u32| {
            (strokes.down.iter()).any(|s| {
                s.thickness() <= max_thick
                    && s.first >= x0
                    && s.last < x1
                    && (s.start.abs_diff(edge) <= 2 || s.end.abs_diff(edge) <= 2)
            })
        };
        for edge in [y0, y1] {
            if ending_at(edge) {
                across.push((edge as f32, x0 as f32, x1 as f32));
            }
        }
        // Over a band a row high, only a rule along its top or bottom edge,
        // darker than it (the gridline under a header band), and only on a
        // drawn page (on a scan, the paper's own tone makes such bands);
        // column lines through it were seen whole above.
        if !tall(b) {
            if drawn {
                let edge = max_thick + 1;
                for strip in [
                    (x0, y0, x1, y0 + edge),
                    (x0, y1.saturating_sub(edge), x1, y1),
                ] {
                    let (rows, _) = lines_over_fill(
                        &page.pixels,
                        strip,
                        short_len,
                        max_thick,
                        (over, u8::MAX),
                        false,
                    );
                    across.extend(rows.iter().filter(thin).flat_map(|s| s.rulings(max_thick)));
                }
            }
            continue;
        }
        let (rows, columns) = lines_over_fill(
            &page.pixels,
            *b,
            short_len,
            max_thick,
            (over, u8::MAX),
            true,
        );
        across.extend(rows.iter().filter(thin).flat_map(|s| s.rulings(max_thick)));
        down.extend(
            columns
                .iter()
                .filter(thin)
                .flat_map(|s| s.rulings(max_thick)),
        );
    }
    if drawn {
        // On a drawn page (on a scan, grain and light text printed on a
        // fill make neither): a row of paper right across a box of light
        // ink (one that takes in a dark box too: light cells and dark ones,
        // bridged over the white lines between them) is a white gridline
        // between its cells.
        for b in &strokes.boxes {
            let (x0, _, x1, _) = *b;
            let white = white_rows_across(&page.pixels, b);
            across.extend(white.into_iter().map(|y| (y, x0 as f32, x1 as f32)));
        }
        // A grid drawn as filled cells with gutters of paper between them
        // and no lines: a light fill of one tone with another fill, light
        // or dark, beside it in its row or over or under it in its column
        // across a narrow gutter is a cell of it, its edges rulings (a dark
        // box's are already). (Of two tones, it is cells of both stacked
        // without a gutter: their edges are not its own.)
        for &(x0, y0, x1, y1) in light_fills.iter().filter(|b| {
            (light_fills.iter().chain(boxes)).any(|n| beside(b, n, max_thick))
                && one_tone(&page.pixels, b)
        }) {
            let (x0, y0, x1, y1) = (x0 as f32, y0 as f32, x1 as f32, y1 as f32);
            across.extend([(y0, x0, x1), (y1, x0, x1)]);
            down.extend([(x0, y0, y1), (x1, y0, y1)]);
        }
    }
    let mut out = LightLines::default();
    for (k, &(pos, start, end)) in across.iter().enumerate() {
        let (x0, y) = page.to_points(start, pos);
        let (x1, _) = page.to_points(end, pos);
        let r = Ruling::new(y, x0, x1);
        if !known(&found.horizontal, &r) {
            out.rulings.horizontal.push(r);
            out.gridlines |= k < scanned.0;
        }
    }
    for (k, &(pos, start, end)) in down.iter().enumerate() {
        let (x, y0) = page.to_points(pos, start);
        let (_, y1) = page.to_points(pos, end);
        let r = Ruling::new(x, y0, y1);
        if !known(&found.vertical, &r) {
            out.rulings.vertical.push(r);
            out.gridlines |= k < scanned.1;
        }
    }
    out
}

/// What `light_lines` found: its rulings, and whether any are the page's
/// own light gridlines rather than lines over or along a light fill.
#[derive(Default)]
struct LightLines {
    rulings: Rulings,
    gridlines: bool,
}

/// The parts of a vertical stroke that show: inside one of the `fills`,
/// only where it is darker than the fill (gaps up to `max_gap` bridged,
/// where a line crosses it). A border along a fill's side is left whole:
/// the fill is drawn against it.
fn showing_over_fills(
    pixels: &Grey,
    s: Stroke,
    fills: &[PixelBox],
    max_gap: u32,
    over: u8,
) -> Vec<Stroke> {
    let mut shows: Option<Vec<bool>> = None;
    for &(x0, y0, x1, y1) in fills {
        let crossed = s.start.max(y0)..s.end.min(y1);
        if s.first < x0 + max_gap || s.last + max_gap >= x1 || crossed.is_empty() {
            continue;
        }
        let shows = shows.get_or_insert_with(|| vec![true; (s.end - s.start) as usize]);
        for y in crossed {
            shows[(y - s.start) as usize] = darker_than_beside(pixels, &s, y, over);
        }
    }
    let Some(shows) = shows else {
        return vec![s];
    };
    let mut parts = Vec::new();
    let mut run: Option<(u32, u32)> = None;
    for y in (s.start..s.end).filter(|y| shows[(y - s.start) as usize]) {
        run = match run {
            Some((first, last)) if y - last <= max_gap + 1 => Some((first, y)),
            _ => {
                parts.extend(run);
                Some((y, y))
            }
        };
    }
    parts.extend(run);
    (parts.into_iter())
        .map(|(first, last)| Stroke {
            start: first,
            end: last + 1,
            ..s
        })
        .collect()
}

/// Whether a vertical stroke's pixels on row `y` are darker than the fill
/// `FILL_BESIDE` pixels to either side of it.
fn darker_than_beside(pixels: &Grey, s: &Stroke, y: u32, over: u8) -> bool {
    let (width, _) = pixels.dimensions();
    let (Some(left), right) = (s.first.checked_sub(FILL_BESIDE), s.last + FILL_BESIDE) else {
        return false;
    };
    if right >= width {
        return false;
    }
    let value = |x: u32| pixels.get_pixel(x, y)[0];
    let line = (s.first..=s.last).map(value).min().unwrap_or(u8::MAX);
    shows_over(line, value(left), value(right), over)
}

/// Whether a pixel of value `v` is a line's over the fill of values `a` and
/// `b` either side of it: darker than both by `over` (`LINE_OVER_FILL`, on
/// a scan `SCANNED_LINE_OVER_FILL`; paper beside paper is no line, however
/// white).
fn shows_over(v: u8, a: u8, b: u8, over: u8) -> bool {
    a.min(b).saturating_sub(v) >= over
}

/// Whether box `b` stands beside box `n` as two cells of a grid of fills,
/// in a row or a column (see `across_a_gutter`).
fn beside(b: &PixelBox, n: &PixelBox, max_thick: u32) -> bool {
    across_a_gutter(b, n, max_thick, true) || across_a_gutter(b, n, max_thick, false)
}

/// Whether box `b` stands beside box `n` as two cells of a grid of fills,
/// in one row (`in_a_row`) or else in one column: the same two edges along
/// the gutter between them, give or take a line's thickness (`max_thick`
/// pixels), and paper between them, at most one and a half times as wide.
fn across_a_gutter(b: &PixelBox, n: &PixelBox, max_thick: u32, in_a_row: bool) -> bool {
    // The boxes as (start, end) across the gutter and along it.
    let turn = |&(x0, y0, x1, y1): &PixelBox| {
        if in_a_row {
            ((x0, x1), (y0, y1))
        } else {
            ((y0, y1), (x0, x1))
        }
    };
    let ((b0, b1), (b_from, b_to)) = turn(b);
    let ((n0, n1), (n_from, n_to)) = turn(n);
    // Paper between them (none where they overlap).
    let gutter = n0.saturating_sub(b1).max(b0.saturating_sub(n1));
    let level = b_from.abs_diff(n_from) <= max_thick && b_to.abs_diff(n_to) <= max_thick;
    level && (1..=max_thick * 3 / 2).contains(&gutter)
}

/// The rows of paper from one side of a box of a drawn page's image (no
/// text on it) to the other, as the middles of runs of them in pixels; the
/// box's own first and last rows (anti-aliased edges) left out. A box of
/// ink bridges a row of paper a pixel high, so cells filled a white
/// gridline apart are one box.
fn white_rows_across(pixels: &Grey, &(x0, y0, x1, y1): &PixelBox) -> Vec<f32> {
    let (width, height) = pixels.dimensions();
    let (x1, y1) = (
        x1.min(width).saturating_sub(1),
        y1.min(height).saturating_sub(1),
    );
    let paper = |y: u32| (x0 + 1..x1).all(|x| pixels.get_pixel(x, y)[0] >= LIGHT_LINE_THRESHOLD);
    let mut out = Vec::new();
    let mut run: Option<(u32, u32)> = None;
    for y in y0 + 1..y1 {
        if paper(y) {
            run = Some(run.map_or((y, y), |(a, _)| (a, y)));
        } else if let Some((a, b)) = run.take() {
            out.push((a + b + 1) as f32 / 2.0);
        }
    }
    out
}

/// Whether a box of an image (graphics only: no text) is all of one tone,
/// give or take a drawn page's anti-aliasing, but for its edges' pixels.
fn one_tone(pixels: &Grey, &(x0, y0, x1, y1): &PixelBox) -> bool {
    let (x0, y0) = (x0 + 1, y0 + 1);
    let (x1, y1) = (x1.saturating_sub(1), y1.saturating_sub(1));
    if x1 <= x0 || y1 <= y0 {
        return false;
    }
    let tone = pixels.get_pixel((x0 + x1) / 2, (y0 + y1) / 2)[0];
    // Stops at the first pixel past a twentieth of another tone.
    let allowed = ((x1 - x0) * (y1 - y0) / 20) as usize;
    (y0..y1)
        .flat_map(|y| (x0..x1).map(move |x| (x, y)))
        .filter(|&(x, y)| pixels.get_pixel(x, y)[0].abs_diff(tone) > DRAWN_TONE_STEP)
        .nth(allowed)
        .is_none()
}

/// The tone of a filled box of a grey that lines drawn over it can show
/// darker than by `over` (not black), most of it one tone (give or take
/// `step`): a band, not a picture; `None` for any other box. Read on every
/// third pixel of every third row inside its edges. Paper inside it is
/// left out where a band fills its top all across and the fill covers a
/// third of it at least: a band behind a stub's headings and the group
/// headings beside them, white under the group headings (the box takes in
/// both, its stub reaching down). (Shaded cells here and there in a grid
/// make a box with paper along its top.)
fn tint_of(pixels: &Grey, &(x0, y0, x1, y1): &PixelBox, step: u8, over: u8) -> Option<u8> {
    let mut counts = [0u32; 256];
    for y in (y0 + 1..y1.saturating_sub(1)).step_by(3) {
        for x in (x0 + 1..x1.saturating_sub(1)).step_by(3) {
            counts[pixels.get_pixel(x, y)[0] as usize] += 1;
        }
    }
    // A band: its top row filled all across, not paper anywhere.
    let band_on_top = (x0 + 1..x1.saturating_sub(1))
        .step_by(3)
        .all(|x| pixels.get_pixel(x, y0 + 1)[0] < DRAWN_PAPER);
    let paper: u32 = counts[DRAWN_PAPER as usize..].iter().sum();
    let all: u32 = counts.iter().sum();
    if band_on_top && (all - paper) * 3 >= all {
        counts[DRAWN_PAPER as usize..].fill(0);
    }
    let total: u32 = counts.iter().sum();
    let (tone, _) = counts.iter().enumerate().max_by_key(|&(_, n)| *n)?;
    let near: u32 = (counts.iter().enumerate())
        .filter(|&(v, _)| v.abs_diff(tone) <= step as usize)
        .map(|(_, n)| n)
        .sum();
    (total > 0 && tone >= 2 * over as usize && near * 4 >= total * 3).then_some(tone as u8)
}

/// How much darker than a fill a line over it shows: on a scan, more than
/// its grain.
fn line_over_fill(drawn: bool) -> u8 {
    if drawn {
        LINE_OVER_FILL
    } else {
        SCANNED_LINE_OVER_FILL
    }
}

/// Whether a thin stroke (along the rows when `across`) is a line: on a
/// drawn page always; on a scan, where it is darker than the ground on
/// either side of it by `SCANNED_LINE_OVER_FILL` (pieces of a grey band
/// whose grain breaks its runs are strokes too): the medians of its
/// darkest line and of the lines `GROUND_OFFSET` pixels past its sides,
/// read every other pixel. One thicker than the ground's offset either
/// side is taken as it is.
fn stands_out(pixels: &Grey, s: &Stroke, across: bool, drawn: bool) -> bool {
    if drawn {
        return true;
    }
    let (width, height) = pixels.dimensions();
    let (reach, limit) = if across {
        (width, height)
    } else {
        (height, width)
    };
    let median = |line: u32| {
        let mut v: Vec<u8> = (s.start..s.end.min(reach))
            .step_by(2)
            .map(|k| {
                let (x, y) = if across { (k, line) } else { (line, k) };
                pixels.get_pixel(x, y)[0]
            })
            .collect();
        v.sort_unstable();
        v.get(v.len() / 2).copied()
    };
    if s.last + 1 - s.first > 2 * GROUND_OFFSET {
        return true;
    }
    // (Its darkest line: a line a pixel thick can be a stroke two high.)
    let Some(line) = (s.first..=s.last).filter_map(median).min() else {
        return true;
    };
    let before = s.first.checked_sub(GROUND_OFFSET).and_then(median);
    let after = (s.last + GROUND_OFFSET < limit)
        .then(|| median(s.last + GROUND_OFFSET))
        .flatten();
    match before.into_iter().chain(after).max() {
        Some(ground) => ground.saturating_sub(line) >= SCANNED_LINE_OVER_FILL,
        None => true,
    }
}

/// On a scan, the parts of thin strokes down the columns that are lines:
/// darker than the ground beside them by `SCANNED_LINE_OVER_FILL` (gaps up
/// to `max_thick` bridged), `min_len` long at least. A column line runs on
/// into a grey band's grain or a patch of text erased from it, where it is
/// not drawn.
fn scanned_lines_only(
    pixels: &Grey,
    down: Vec<Stroke>,
    drawn: bool,
    max_thick: u32,
    min_len: u32,
) -> Vec<Stroke> {
    if drawn {
        return down;
    }
    let (width, height) = pixels.dimensions();
    let page = [(0, 0, width, height)];
    (down.into_iter())
        .flat_map(|s| {
            if s.thickness() > max_thick {
                return vec![s];
            }
            showing_over_fills(pixels, s, &page, max_thick, SCANNED_LINE_OVER_FILL)
        })
        .filter(|s| s.end - s.start >= min_len)
        .collect()
}

/// How far past a stroke's side `stands_out` reads the ground.
const GROUND_OFFSET: u32 = 3;

/// Whether pixel box `inner` lies in `outer`, give or take two pixels.
fn inside(inner: PixelBox, outer: PixelBox) -> bool {
    let ((x0, y0, x1, y1), (bx0, by0, bx1, by1)) = (inner, outer);
    x0 + 2 >= bx0 && x1 <= bx1 + 2 && y0 + 2 >= by0 && y1 <= by1 + 2
}

/// The strokes of lines drawn over a light fill, `box_` in pixels, along
/// its rows and down its columns: runs at least `min_len` long (gaps up to
/// `max_gap` bridged, where another line crosses) of pixels darker by
/// `LINE_OVER_FILL` than those `FILL_BESIDE` pixels to either side across
/// the run (a border along the fill's edge has paper on one side, fill on
/// the other). Row by row, the columns' runs kept open as it goes; only
/// along the rows unless `down_too`.
fn lines_over_fill(
    pixels: &Grey,
    box_: PixelBox,
    min_len: u32,
    max_gap: u32,
    (over, darkest): (u8, u8),
    down_too: bool,
) -> (Vec<Stroke>, Vec<Stroke>) {
    let (width, height) = pixels.dimensions();
    let (x0, y0) = (box_.0, box_.1);
    let (x1, y1) = (box_.2.min(width), box_.3.min(height));
    let w = width as usize;
    let row = |y: u32| &pixels.as_raw()[y as usize * w..(y as usize + 1) * w];
    // A run going on is (first, last) darker pixel; a darker pixel at `i`
    // goes on with it or, past a wider gap, ends it and starts the next.
    let step =
        |run: Option<(u32, u32)>, i: u32, line: u32, out: &mut Vec<(u32, u32, u32)>| match run {
            Some((first, last)) if i - last <= max_gap + 1 => Some((first, i)),
            _ => {
                end_run(run, line, min_len, out);
                Some((i, i))
            }
        };
    let (mut rows, mut columns) = (Vec::new(), Vec::new());
    let mut open_columns: Vec<Option<(u32, u32)>> = vec![None; x1.saturating_sub(x0) as usize];
    // Which pixels of a row are darker than those above and below, and than
    // those left and right; worked out a row at a time (a loop the compiler
    // vectorises), then walked.
    let from = x0.max(FILL_BESIDE) as usize;
    let to = if down_too {
        (x1.min(width.saturating_sub(FILL_BESIDE)) as usize).max(from)
    } else {
        from
    };
    let mut below_above = vec![0u8; w];
    let mut beside = vec![0u8; w];
    let f = FILL_BESIDE as usize;
    for y in y0..y1 {
        let here = row(y);
        let mut row_run = None;
        if y >= FILL_BESIDE && y + FILL_BESIDE < height {
            let (up, down) = (row(y - FILL_BESIDE), row(y + FILL_BESIDE));
            let span = x0 as usize..x1 as usize;
            mark_showing_over(
                &mut below_above[span.clone()],
                &here[span.clone()],
                &up[span.clone()],
                &down[span],
                (over, darkest),
            );
            for x in marked(&below_above[x0 as usize..x1 as usize]) {
                row_run = step(row_run, x0 + x as u32, y, &mut rows);
            }
        }
        mark_showing_over(
            &mut beside[from..to],
            &here[from..to],
            &here[from - f..to - f],
            &here[from + f..to + f],
            (over, darkest),
        );
        for x in marked(&beside[from..to]) {
            let x = (from + x) as u32;
            let k = (x - x0) as usize;
            open_columns[k] = step(open_columns[k], y, x, &mut columns);
        }
        end_run(row_run, y, min_len, &mut rows);
    }
    for (k, run) in open_columns.into_iter().enumerate() {
        end_run(run, x0 + k as u32, min_len, &mut columns);
    }
    // `strokes` wants them by line, then start.
    columns.sort_unstable();
    (strokes(&rows), strokes(&columns))
}

/// Marks in `mask` the pixels of `line` that show over both `a` and `b`
/// beside them (`shows_over`), and are no lighter than `darkest`: slices
/// of one length, so that the compiler drops the bounds checks (7% fewer
/// instructions in `lines_over_fill` on a page of light-filled tables than
/// indexing the page's rows).
fn mark_showing_over(mask: &mut [u8], line: &[u8], a: &[u8], b: &[u8], (over, darkest): (u8, u8)) {
    let n = mask.len();
    let (line, a, b) = (&line[..n], &a[..n], &b[..n]);
    for i in 0..n {
        mask[i] = u8::from(shows_over(line[i], a[i], b[i], over) && line[i] <= darkest);
    }
}

/// The positions of the non-zero bytes of `mask`, sixteen zeros at a time
/// passed over at once (a fill is mostly no line).
fn marked(mask: &[u8]) -> impl Iterator<Item = usize> + '_ {
    mask.chunks(16).enumerate().flat_map(|(k, chunk)| {
        let none =
            chunk.len() == 16 && u128::from_ne_bytes(chunk.try_into().expect("16 bytes")) == 0;
        let chunk = if none { &[][..] } else { chunk };
        (chunk.iter().enumerate())
            .filter(|(_, &m)| m != 0)
            .map(move |(i, _)| k * 16 + i)
    })
}

/// Keeps a run (first, last) of `line` at least `min_len` long in `out`.
fn end_run(run: Option<(u32, u32)>, line: u32, min_len: u32, out: &mut Vec<(u32, u32, u32)>) {
    if let Some((first, last)) = run.filter(|&(first, last)| last + 1 - first >= min_len) {
        out.push((line, first, last + 1));
    }
}

/// How much darker than the fill beside it a line over a fill is, and how
/// far to either side the fill is looked at.
const LINE_OVER_FILL: u8 = 8;
/// On a scan: a grey fill's grain varies by ±10 (`SCANNED_TONE_STEP` is
/// its step), and lines a few pixels apart bridged make strokes of it.
const SCANNED_LINE_OVER_FILL: u8 = 40;
const FILL_BESIDE: u32 = 2;

/// Column runs (column, start, end) in pixels with their parts inside a
/// filled box cut off, those at least `min_len` long left. A run along a
/// box's left or right edge that goes on past its top or bottom is left
/// whole: it is a border the box is drawn against.
fn outside_boxes(
    runs: &[(u32, u32, u32)],
    boxes: &[PixelBox],
    max_thick: u32,
    min_len: u32,
) -> Vec<(u32, u32, u32)> {
    let mut out = Vec::with_capacity(runs.len());
    for &(x, start, end) in runs {
        let mut pieces = vec![(start, end)];
        for &(bx0, by0, bx1, by1) in boxes {
            let at_an_edge = x <= bx0 + max_thick || x + max_thick >= bx1;
            if x < bx0 || x >= bx1 || (at_an_edge && (start < by0 || end > by1)) {
                continue;
            }
            pieces = pieces
                .into_iter()
                .flat_map(|(s, e)| {
                    if e <= by0 || s >= by1 {
                        vec![(s, e)]
                    } else {
                        vec![(s, by0.max(s)), (by1.min(e), e)]
                    }
                })
                .filter(|&(s, e)| e > s)
                .collect();
        }
        out.extend(
            pieces
                .into_iter()
                .filter(|&(s, e)| e - s >= min_len)
                .map(|(s, e)| (x, s, e)),
        );
    }
    // `strokes` wants them by column, then start.
    out.sort_unstable();
    out
}

/// The parts of the whole runs a thin stroke was cut from (`outside_boxes`)
/// that go on into the box, as strokes of their own: a column line goes on
/// into a filled header, where it parts the header's cells too, unless text
/// runs through it there (a spanning header cell).
fn into_a_box(s: Stroke, runs: &[(u32, u32, u32)], max_thick: u32) -> Vec<Stroke> {
    if s.thickness() > max_thick {
        return Vec::new();
    }
    let (mut start, mut end) = (s.start, s.end);
    let from = runs.partition_point(|r| r.0 < s.first);
    for &(_, a, b) in runs[from..].iter().take_while(|r| r.0 <= s.last) {
        if a < s.end && b > s.start {
            start = start.min(a);
            end = end.max(b);
        }
    }
    let mut out = Vec::new();
    if start < s.start {
        out.push(Stroke {
            start,
            end: s.start,
            ..s
        });
    }
    if end > s.end {
        out.push(Stroke {
            start: s.end,
            end,
            ..s
        });
    }
    out
}

/// Light ink for `add_light_lines`, and how many shortest rulings long such a
/// line must be.
const LIGHT_LINE_THRESHOLD: u8 = 240;
/// A drawn page's paper: white, give or take anti-aliasing.
const DRAWN_PAPER: u8 = 249;
/// Each half of a light line split over two rows of pixels is darker than
/// this (together about as dark as `LIGHT_LINE_THRESHOLD`), and the paper
/// beside it not.
const SPLIT_HALF: u8 = 249;
const LIGHT_LINE_LENGTHS: f32 = 3.0;

/// A rectangle in pixels: (x0, y0, x1, y1), the far edges exclusive.
type PixelBox = (u32, u32, u32, u32);

/// Filled boxes (x0, y0, x1, y1) in pixels, from the strokes along rows: the
/// thick ones, grown by every stroke that touches them from above or below
/// (light text printed on a box splits it into bands and pieces). Also says
/// which strokes went into a box.
fn filled_boxes(strokes: &[Stroke], max_thick: u32) -> (Vec<PixelBox>, Vec<bool>) {
    let mut used = vec![false; strokes.len()];
    let mut boxes: Vec<PixelBox> = Vec::new();
    for (i, s) in strokes.iter().enumerate() {
        if s.thickness() > max_thick && !used[i] {
            used[i] = true;
            boxes.push((s.start, s.first, s.end, s.last + 1));
        }
    }
    // Grow until nothing more touches; each pass only adds, so this ends.
    let mut grew = true;
    while grew {
        grew = false;
        for b in boxes.iter_mut() {
            for (i, s) in strokes.iter().enumerate() {
                let overlap = s.end.min(b.2).saturating_sub(s.start.max(b.0));
                let touches = s.first <= b.3 + 1 && s.last + 2 >= b.1;
                if !used[i] && touches && overlap * 2 >= (s.end - s.start).min(b.2 - b.0) {
                    used[i] = true;
                    *b = (
                        b.0.min(s.start),
                        b.1.min(s.first),
                        b.2.max(s.end),
                        b.3.max(s.last + 1),
                    );
                    grew = true;
                }
            }
        }
        // Boxes that came to touch are one box.
        let mut merged: Vec<PixelBox> = Vec::new();
        for b in boxes.drain(..) {
            match merged
                .iter_mut()
                .find(|m| b.0 < m.2 && b.2 > m.0 && b.1 <= m.3 + 1 && b.3 + 1 >= m.1)
            {
                Some(m) => {
                    *m = (m.0.min(b.0), m.1.min(b.1), m.2.max(b.2), m.3.max(b.3));
                    grew = true;
                }
                None => merged.push(b),
            }
        }
        boxes = merged;
    }
    (boxes, used)
}

/// A group of long runs on consecutive scan lines, in pixels: along the run
/// from `start` to `end` (exclusive), across from `first` to `last` (inclusive).
#[derive(Debug, Clone, Copy)]
struct Stroke {
    start: u32,
    end: u32,
    first: u32,
    last: u32,
}

impl Stroke {
    fn thickness(&self) -> u32 {
        self.last - self.first + 1
    }

    /// The rulings this stroke stands for, as (across, start, end) in pixels:
    /// its centre line, or for a filled box its two long edges.
    fn rulings(&self, max_thickness: u32) -> Vec<(f32, f32, f32)> {
        let (start, end) = (self.start as f32, self.end as f32);
        if self.thickness() <= max_thickness {
            let centre = (self.first + self.last + 1) as f32 / 2.0;
            vec![(centre, start, end)]
        } else {
            vec![
                (self.first as f32, start, end),
                ((self.last + 1) as f32, start, end),
            ]
        }
    }
}

/// Long runs (scan line, start, end), sorted by line then start, grouped
/// into strokes: a run continues the stroke of the scan line before that it
/// overlaps most.
fn strokes(runs: &[(u32, u32, u32)]) -> Vec<Stroke> {
    let mut done = Vec::new();
    let mut open: Vec<Stroke> = Vec::new();
    let mut next_open: Vec<Stroke> = Vec::new();
    let mut i = 0;
    while i < runs.len() {
        let line = runs[i].0;
        // Strokes not continued on the scan line right before this one end.
        if open.first().is_some_and(|s| s.last + 1 != line) {
            done.append(&mut open);
        }
        while i < runs.len() && runs[i].0 == line {
            let (_, start, end) = runs[i];
            i += 1;
            let found = open.iter().position(|s| {
                let overlap = s.end.min(end).saturating_sub(s.start.max(start));
                overlap * 2 >= (s.end - s.start).min(end - start)
            });
            next_open.push(match found {
                Some(k) => {
                    let s = open.swap_remove(k);
                    Stroke {
                        start: s.start.min(start),
                        end: s.end.max(end),
                        first: s.first,
                        last: line,
                    }
                }
                None => Stroke {
                    start,
                    end,
                    first: line,
                    last: line,
                },
            });
        }
        done.append(&mut open);
        std::mem::swap(&mut open, &mut next_open);
    }
    done.append(&mut open);
    done
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::worker::render::grey;
    use image::{GrayImage, Luma};

    fn page_with(draw: impl Fn(&mut GrayImage)) -> PageImage {
        let mut pixels = GrayImage::from_pixel(200, 100, Luma([255]));
        draw(&mut pixels);
        PageImage {
            pixels: grey(pixels),
            scale: 1.0,
            origin: (0.0, 0.0),
        }
    }

    #[test]
    fn a_header_band_with_paper_under_its_group_headings_is_a_tint() {
        // A band a mid grey all across the top of a header, down the whole
        // header beside the stub, white under the group headings: one box
        // of band and paper, the band's tone its tone.
        let band = page_with(|img| {
            for y in 10..90 {
                for x in 10..190 {
                    if y < 50 || x < 60 {
                        img.put_pixel(x, y, Luma([172]));
                    }
                }
            }
        });
        let header = (10, 10, 190, 90);
        assert_eq!(
            tint_of(&band.pixels, &header, DRAWN_TONE_STEP, LINE_OVER_FILL),
            Some(172)
        );
        // Shaded cells here and there in a grid, paper along the box's top
        // beside the first of them, are no band.
        let cells = page_with(|img| {
            for y in 10..90 {
                for x in 10..190 {
                    if x < 60 || (y >= 50 && x >= 120) {
                        img.put_pixel(x, y, Luma([172]));
                    }
                }
            }
        });
        assert_eq!(
            tint_of(&cells.pixels, &header, DRAWN_TONE_STEP, LINE_OVER_FILL),
            None
        );
    }

    #[test]
    fn between_two_lines_of_white_text_on_a_band_no_line_shows() {
        // A band of 172 with two rows of white letters' strokes on it, the
        // band between them a row as long as a line: darker than the white
        // above and below, but no darker than the band.
        let page = page_with(|img| {
            for y in 10..90 {
                for x in 10..190 {
                    let white = (y == 40 || y == 44) && x % 9 != 0;
                    img.put_pixel(x, y, Luma([if white { 255 } else { 172 }]));
                }
            }
        });
        let over = (LINE_OVER_FILL, 172 - LINE_OVER_FILL);
        let (rows, _) = lines_over_fill(&page.pixels, (10, 10, 190, 90), 20, 2, over, true);
        assert!(rows.is_empty(), "{rows:?}");
        // Without the ceiling it would be taken for a rule.
        let loose = (LINE_OVER_FILL, u8::MAX);
        let (rows, _) = lines_over_fill(&page.pixels, (10, 10, 190, 90), 20, 2, loose, true);
        assert!(!rows.is_empty());
    }

    #[test]
    fn a_thin_long_line_is_a_ruling_and_text_is_not() {
        let page = page_with(|img| {
            for x in 10..150 {
                img.put_pixel(x, 20, Luma([0]));
                img.put_pixel(x, 21, Luma([0]));
            }
            // "text": short strokes with gaps of two pixels
            for x in (10..150).step_by(4) {
                img.put_pixel(x, 60, Luma([0]));
                img.put_pixel(x + 1, 60, Luma([0]));
            }
        });
        let r = find_rulings(&page, &Config::default().detect, true);
        assert_eq!(r.horizontal, vec![Ruling::new(21.0, 10.0, 150.0)]);
        assert!(r.vertical.is_empty());
    }

    #[test]
    fn a_gridline_along_a_light_header_band_is_a_ruling_on_a_drawn_page() {
        // A header band (216) 15 pixels high, its bottom row a gridline
        // (200) a little darker than the band, too light to be ink; grey
        // column lines (223) run down through the band (202 over it) and
        // the body.
        let page = page_with(|img| {
            for y in 20..35 {
                for x in 10..190 {
                    img.put_pixel(x, y, Luma([if y == 34 { 200 } else { 216 }]));
                }
            }
            for x in [10, 100, 189] {
                for y in 20..95 {
                    img.put_pixel(x, y, Luma([if y < 35 { 202 } else { 223 }]));
                }
            }
        });
        let band_edge = |r: &Rulings| (r.horizontal.iter()).any(|h| (h.pos - 34.5).abs() <= 1.0);
        let drawn = find_rulings(&page, &Config::default().detect, true);
        assert!(band_edge(&drawn), "{drawn:?}");
        let scanned = find_rulings(&page, &Config::default().detect, false);
        assert!(!band_edge(&scanned), "{scanned:?}");
    }

    #[test]
    fn a_light_line_split_over_two_rows_of_pixels_is_a_ruling_a_faint_tint_is_not() {
        let config = Config::default();
        // A light grey line thinner than a pixel, half in each of two rows
        // and two columns: no pixel of it is dark enough alone. (Looked for
        // on a page with light gridlines.)
        let page = page_with(|img| {
            for x in 10..190 {
                img.put_pixel(x, 20, Luma([243]));
                img.put_pixel(x, 21, Luma([241]));
                // Another gridline of the page, whole in one row.
                img.put_pixel(x, 60, Luma([220]));
            }
            // The vertical one likewise; where the two cross, their ink adds.
            for y in 5..95 {
                for (x, v) in [(100, 242u8), (101, 244)] {
                    let under = img.get_pixel(x, y)[0];
                    img.put_pixel(x, y, Luma([under - (255 - v)]));
                }
            }
        });
        let r = find_rulings(&page, &config.detect, true);
        assert_eq!(r.horizontal.len(), 2, "{r:?}");
        assert!((r.horizontal[0].pos - 20.5).abs() <= 1.0);
        assert_eq!(r.vertical.len(), 1, "{r:?}");
        // A tint as faint, over a whole band, has no paper beside its pixels.
        let page = page_with(|img| {
            for y in 30..70 {
                for x in 10..190 {
                    img.put_pixel(x, y, Luma([243]));
                }
            }
        });
        let r = find_rulings(&page, &config.detect, true);
        assert!(r.horizontal.is_empty() && r.vertical.is_empty(), "{r:?}");
    }

    #[test]
    fn a_dark_box_with_light_text_gives_only_its_four_edges() {
        let page = page_with(|img| {
            for y in 30..60 {
                for x in 20..180 {
                    img.put_pixel(x, y, Luma([40]));
                }
            }
            // Three white "words" across the middle rows of the box.
            for (x0, x1) in [(30, 60), (80, 120), (140, 170)] {
                for y in 38..52 {
                    for x in x0..x1 {
                        img.put_pixel(x, y, Luma([255]));
                    }
                }
            }
        });
        let r = find_rulings(&page, &Config::default().detect, true);
        let ys: Vec<f32> = r.horizontal.iter().map(|l| l.pos).collect();
        let xs: Vec<f32> = r.vertical.iter().map(|l| l.pos).collect();
        assert_eq!(ys, vec![30.0, 60.0], "{r:?}");
        assert_eq!(xs, vec![20.0, 180.0], "{r:?}");
    }

    #[test]
    fn a_filled_box_gives_its_edges() {
        let page = page_with(|img| {
            for y in 30..60 {
                for x in 20..120 {
                    img.put_pixel(x, y, Luma([40]));
                }
            }
        });
        let r = find_rulings(&page, &Config::default().detect, true);
        assert_eq!(
            r.horizontal,
            vec![
                Ruling::new(30.0, 20.0, 120.0),
                Ruling::new(60.0, 20.0, 120.0)
            ]
        );
        assert_eq!(
            r.vertical,
            vec![
                Ruling::new(20.0, 30.0, 60.0),
                Ruling::new(120.0, 30.0, 60.0)
            ]
        );
    }

    /// The distinct positions of some rulings, to the nearest point.
    fn positions(lines: &[Ruling]) -> Vec<i32> {
        let mut at: Vec<i32> = lines.iter().map(|l| l.pos.round() as i32).collect();
        at.sort_unstable();
        at.dedup();
        at
    }

    #[test]
    fn cells_filled_apart_by_gutters_of_paper_give_a_ruling_per_gutter() {
        // Two rows of three cells, a dark, a light and a mid grey column,
        // four pixels of paper between them (wider than the grid's
        // tolerance): the light cells' edges too, each gutter one line.
        let page = page_with(|img| {
            for (x0, tone) in [(10, 60), (64, 220), (118, 150)] {
                for y0 in [10, 44] {
                    for y in y0..y0 + 30 {
                        for x in x0..x0 + 50 {
                            img.put_pixel(x, y, Luma([tone]));
                        }
                    }
                }
            }
        });
        let r = find_rulings(&page, &Config::default().detect, true);
        assert_eq!(positions(&r.vertical), vec![10, 62, 116, 168], "{r:?}");
        assert_eq!(positions(&r.horizontal), vec![10, 42, 74], "{r:?}");
    }

    #[test]
    fn cells_filled_the_faintest_grey_apart_by_gutters_are_a_grid_on_a_drawn_page() {
        // Two rows of three cells a grey of 244, four pixels of paper
        // between them: on a drawn page paper is white, and the gutters are
        // the grid's lines; on a scan such a grey is the paper's grain.
        let cells = |img: &mut GrayImage, tone: u8| {
            for x0 in [10, 64, 118] {
                for y0 in [10, 44] {
                    for y in y0..y0 + 30 {
                        for x in x0..x0 + 50 {
                            img.put_pixel(x, y, Luma([tone]));
                        }
                    }
                }
            }
        };
        let page = page_with(|img| cells(img, 244));
        let r = find_rulings(&page, &Config::default().detect, true);
        assert_eq!(positions(&r.vertical), vec![10, 62, 116, 168], "{r:?}");
        assert_eq!(positions(&r.horizontal), vec![10, 42, 74], "{r:?}");
        let r = find_rulings(&page, &Config::default().detect, false);
        assert!(r.horizontal.is_empty() && r.vertical.is_empty(), "{r:?}");
        // Columns of faint tints side by side, no gutter between them (a
        // table's banded columns): one box, no grid of its own.
        let page = page_with(|img| {
            for y in 10..74 {
                for x in 10..168 {
                    img.put_pixel(x, y, Luma([if (x - 10) / 52 % 2 == 0 { 244 } else { 246 }]));
                }
            }
        });
        let r = find_rulings(&page, &Config::default().detect, true);
        assert!(r.horizontal.is_empty() && r.vertical.is_empty(), "{r:?}");
    }

    #[test]
    fn a_narrow_stub_beside_faint_cells_is_a_column_of_their_grid() {
        // A stub of labels set sideways: light cells 24 pixels wide,
        // shorter than a light line must be long, one above another, each
        // beside a cell of the faintest grey, gutters of paper between.
        let page = page_with(|img| {
            for y0 in [10, 54] {
                for y in y0..y0 + 40 {
                    for x in 10..34 {
                        img.put_pixel(x, y, Luma([235]));
                    }
                    for x in 38..118 {
                        img.put_pixel(x, y, Luma([244]));
                    }
                }
            }
        });
        let r = find_rulings(&page, &Config::default().detect, true);
        assert_eq!(positions(&r.vertical), vec![10, 36, 118], "{r:?}");
        assert_eq!(positions(&r.horizontal), vec![10, 52, 94], "{r:?}");
    }

    #[test]
    fn a_light_fill_of_two_tones_beside_a_cell_gives_no_edges_of_its_own() {
        // Two light cells of other greys stacked without a gutter (their
        // white gridline too thin to see) beside a dark cell: the edges of
        // the one box they make are not theirs.
        let page = page_with(|img| {
            for y in 10..70 {
                for x in 10..60 {
                    img.put_pixel(x, y, Luma([60]));
                }
                for x in 64..114 {
                    img.put_pixel(x, y, Luma([if y < 40 { 225 } else { 200 }]));
                }
            }
        });
        let r = find_rulings(&page, &Config::default().detect, true);
        assert_eq!(positions(&r.vertical), vec![10, 60], "{r:?}");
    }

    #[test]
    fn paper_inside_a_light_fills_box_is_no_line_over_the_fill() {
        // Two light fills (x 10..60 and 72..120) with a gutter of paper 12
        // pixels wide between them: the paper is lighter than everything
        // about it, no line darker than the fill. (White beside white was
        // taken for darker by the line's margin: the gutter's middle came
        // out as a column line, and every pixel of paper was walked as one.)
        let page = page_with(|img| {
            for y in 10..90 {
                for x in (10..60).chain(72..120) {
                    img.put_pixel(x, y, Luma([220]));
                }
            }
        });
        let (rows, columns) = lines_over_fill(
            &page.pixels,
            (10, 10, 120, 90),
            20,
            2,
            (LINE_OVER_FILL, u8::MAX),
            true,
        );
        assert!(
            rows.is_empty() && columns.is_empty(),
            "{rows:?} {columns:?}"
        );
        // A line over the fill still shows.
        let page = page_with(|img| {
            for y in 10..90 {
                for x in 10..120 {
                    img.put_pixel(x, y, Luma([if x == 40 { 150 } else { 220 }]));
                }
            }
        });
        let (_, columns) = lines_over_fill(
            &page.pixels,
            (10, 10, 120, 90),
            20,
            2,
            (LINE_OVER_FILL, u8::MAX),
            true,
        );
        assert_eq!(columns.len(), 1, "{columns:?}");
    }

    #[test]
    fn a_white_gridline_across_a_fill_is_a_ruling_on_a_drawn_page() {
        // Two cells filled a pixel of paper apart, one box to the scan.
        let page = page_with(|img| {
            for y in (30..61).filter(|&y| y != 45) {
                for x in 20..120 {
                    img.put_pixel(x, y, Luma([40]));
                }
            }
        });
        let drawn = find_rulings(&page, &Config::default().detect, true);
        assert_eq!(positions(&drawn.horizontal), vec![30, 46, 61]);
        // On a scan a row of light pixels is as often light text printed
        // on the fill.
        let scanned = find_rulings(&page, &Config::default().detect, false);
        assert_eq!(positions(&scanned.horizontal), vec![30, 61]);
    }

    #[test]
    fn light_lines_over_and_out_of_a_light_fill_are_rulings() {
        // A light header fill (y 10..40) parted by a light line at y 25, a
        // light line along its bottom edge, and a light grey column line
        // from its top down to y 90, all too light to be ink: the fill's
        // columns and rows and the lines were one thick stroke, no ruling.
        let page = page_with(|img| {
            for y in 10..40 {
                for x in 20..180 {
                    img.put_pixel(x, y, Luma([235]));
                }
            }
            for x in 20..180 {
                img.put_pixel(x, 25, Luma([200]));
                img.put_pixel(x, 40, Luma([200]));
            }
            for y in 10..90 {
                img.put_pixel(80, y, Luma([200]));
            }
        });
        let r = find_rulings(&page, &Config::default().detect, true);
        for y in [25.5, 40.5] {
            assert!(
                (r.horizontal.iter()).any(|l| (l.pos - y).abs() < 1.0 && l.length() > 150.0),
                "{y} {r:?}"
            );
        }
        // Down the column: inside the fill and out of it.
        let at_80: Vec<&Ruling> = (r.vertical.iter())
            .filter(|l| (l.pos - 80.5).abs() < 1.0)
            .collect();
        assert!(at_80.iter().any(|l| l.start <= 11.0), "{r:?}");
        assert!(at_80.iter().any(|l| l.end >= 89.0), "{r:?}");
        assert!(r.vertical.len() == at_80.len(), "{r:?}");
    }

    #[test]
    fn a_light_fill_column_lines_end_at_is_parted_from_their_rows() {
        // A light header fill (y 10..30) over column lines of its own grey
        // (drawn under it, or into it unseen), no line along its bottom or
        // top: the inner lines start at its bottom edge, which is a ruling,
        // the side borders at its top, which is one too.
        let page = page_with(|img| {
            for y in 10..30 {
                for x in 20..180 {
                    img.put_pixel(x, y, Luma([216]));
                }
            }
            for y in 30..95 {
                for x in [20, 100, 179] {
                    img.put_pixel(x, y, Luma([216]));
                }
            }
        });
        let r = find_rulings(&page, &Config::default().detect, true);
        let ys: Vec<f32> = r.horizontal.iter().map(|l| l.pos).collect();
        assert_eq!(ys, vec![10.0, 30.0], "{r:?}");
        let starts: Vec<f32> = r.vertical.iter().map(|l| l.start).collect();
        assert_eq!(starts, vec![10.0, 30.0, 10.0], "{r:?}");
    }

    #[test]
    fn a_light_fill_to_the_page_edges_gives_no_rulings() {
        // A tinted page (every pixel light ink). (One a pixel wide is a
        // line; it must only not fail.)
        for (w, h) in [(1, 80), (80, 1)] {
            let page = PageImage {
                pixels: grey(GrayImage::from_pixel(w, h, Luma([235]))),
                scale: 1.0,
                origin: (0.0, 0.0),
            };
            find_rulings(&page, &Config::default().detect, true);
        }
        for (w, h) in [(200, 100), (61, 61)] {
            let page = PageImage {
                pixels: grey(GrayImage::from_pixel(w, h, Luma([235]))),
                scale: 1.0,
                origin: (0.0, 0.0),
            };
            let r = find_rulings(&page, &Config::default().detect, true);
            assert!(
                r.vertical.is_empty() && r.horizontal.is_empty(),
                "{w}x{h}: {r:?}"
            );
        }
    }

    #[test]
    fn a_light_line_under_a_light_band_is_parted_by_it() {
        // A section band (y 40..50, a row's height) filled over a light
        // column line from y 10 to 90: the line does not cross the band.
        let page = page_with(|img| {
            for y in 10..90 {
                img.put_pixel(80, y, Luma([200]));
            }
            for y in 40..50 {
                for x in 20..180 {
                    img.put_pixel(x, y, Luma([213]));
                }
            }
        });
        let r = find_rulings(&page, &Config::default().detect, true);
        let mut parts: Vec<(f32, f32)> = (r.vertical.iter())
            .filter(|l| (l.pos - 80.5).abs() < 1.0)
            .map(|l| (l.start, l.end))
            .collect();
        parts.sort_by(|a, b| a.0.total_cmp(&b.0));
        assert_eq!(parts, vec![(10.0, 40.0), (50.0, 90.0)], "{r:?}");
    }

    #[test]
    fn lines_over_a_mid_grey_band_are_rulings_where_they_show() {
        // A header band of a grey darker than ink (y 10..40): a group
        // heading's row over a black rule at y 25 from x 80 on, a column
        // line at x 80 through the whole band and on down, and one at x 130
        // only from the rule down. The rule is a ruling, and the line at
        // x 130 does not run up through the heading's row.
        let page = page_with(|img| {
            for y in 10..40 {
                for x in 20..180 {
                    img.put_pixel(x, y, Luma([160]));
                }
            }
            for x in 80..180 {
                img.put_pixel(x, 25, Luma([0]));
            }
            for y in 10..90 {
                img.put_pixel(80, y, Luma([0]));
            }
            for y in 25..90 {
                img.put_pixel(130, y, Luma([0]));
            }
        });
        let r = find_rulings(&page, &Config::default().detect, true);
        assert!(
            (r.horizontal.iter())
                .any(|l| (l.pos - 25.5).abs() < 1.0 && l.start <= 81.0 && l.end >= 179.0),
            "{r:?}"
        );
        let at = |x: f32| (r.vertical.iter()).filter(move |l| (l.pos - x).abs() < 1.0);
        assert!(at(80.5).any(|l| l.start <= 11.0), "{r:?}");
        assert!(at(130.5).any(|l| l.end >= 89.0), "{r:?}");
        assert!(at(130.5).all(|l| l.start >= 24.0), "{r:?}");
    }

    /// A scanned header band (y 10..40, x 20..180) a grey darker than ink,
    /// whose grain has specks lighter than ink (two pixels, every five)
    /// along its rows, but along one (y 25) none: that row is a thin stroke
    /// of ink.
    /// A column line at x 130 from y 25 on down the page, and over it a
    /// narrow patch of text erased to the band's tone (x 129..132, y
    /// 12..25), unspecked: its column runs on up through the patch.
    fn scanned_band() -> PageImage {
        page_with(|img| {
            for y in 10..40 {
                for x in 20..180 {
                    let patch = (129..132).contains(&x) && (12..25).contains(&y);
                    let speck = y != 25 && !patch && (x + y) % 5 < 2;
                    img.put_pixel(x, y, Luma([if speck { 190 } else { 160 }]));
                }
            }
            for y in 25..90 {
                img.put_pixel(130, y, Luma([0]));
            }
        })
    }

    #[test]
    fn a_grey_bands_grain_is_no_ruling_on_a_scan() {
        let r = find_rulings(&scanned_band(), &Config::default().detect, false);
        let inside = |l: &&Ruling| l.pos > 12.0 && l.pos < 38.0;
        assert!(r.horizontal.iter().filter(inside).count() == 0, "{r:?}");
    }

    #[test]
    fn a_column_line_on_a_scan_is_a_ruling_where_it_shows() {
        // Its column runs on up through the band, as dark as ink there:
        // not a line there.
        let r = find_rulings(&scanned_band(), &Config::default().detect, false);
        let at_130: Vec<&Ruling> = (r.vertical.iter())
            .filter(|l| (l.pos - 130.5).abs() < 1.0)
            .collect();
        assert!(at_130.iter().any(|l| l.end >= 89.0), "{r:?}");
        assert!(at_130.iter().all(|l| l.start >= 23.0), "{r:?}");
    }

    #[test]
    fn column_lines_running_on_out_of_a_filled_box_are_rulings() {
        // A filled header (y 10..30) over two thin column lines that start
        // inside it and run on down to y 90: whole.
        let page = page_with(|img| {
            for y in 10..30 {
                for x in 20..180 {
                    img.put_pixel(x, y, Luma([120]));
                }
            }
            for y in 10..90 {
                img.put_pixel(80, y, Luma([0]));
                img.put_pixel(130, y, Luma([0]));
            }
        });
        let r = find_rulings(&page, &Config::default().detect, true);
        let xs: Vec<f32> = r.vertical.iter().map(|l| l.pos).collect();
        assert!(
            [80.5, 130.5].iter().all(|&x| {
                r.vertical.contains(&Ruling::new(x, 30.0, 90.0))
                    && r.vertical.contains(&Ruling::new(x, 10.0, 30.0))
            }),
            "{xs:?} {r:?}"
        );
    }
}
