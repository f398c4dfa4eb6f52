//! Stage 2, detect: from a rendered page (and its text layer, to tell a table
//! from an empty drawing) to the page's tables, each with a region and a cell
//! grid, in reading order: top to bottom, then left to right.
//!
//! Ruled tables come from the page image: long strokes (`rulings`) that meet
//! form a grid (`grid`); a missing line between two cells makes them one
//! spanning cell. The text outside them is then read for tables laid out by
//! alignment (`layout`), with horizontal rules and shaded bands as help.

pub mod grid;
pub mod layout;
mod listing;
pub mod overlay;
pub mod rulings;
mod scan;
mod shading;
mod sideways;

use crate::config::DetectConfig;
use crate::table::{Evidence, Rect, TableRegion};
use crate::worker::caption;
use crate::worker::extract::{is_cjk, leader_marks, slot, TextChar};
use crate::worker::render::PageImage;
use scan::InkBits;

/// The share of column borders a grid needs drawn to count as ruled.
const MIN_COLUMN_BORDERS: f32 = 0.5;

/// A table's ink is text, rules and shaded bands; more of anything else than
/// this share of its area (bars, curves, markers) makes it a chart. Charts
/// are drawn in light colours too, so any visible tint counts here.
const MAX_GRAPHIC_INK: f32 = 0.05;
const VISIBLE_INK: u8 = 245;

/// A shaded cell is at least this wide and high (points), and the edges of
/// cells shaded in one column meet within this.
const MIN_TINT_WIDTH: f32 = 4.0;
const MIN_TINT_HEIGHT: f32 = 4.0;
const TINT_EDGE_TOLERANCE: f32 = 1.5;
/// A line this thick (points) drawn over a tint leaves it one tint.
const MAX_LINE_ACROSS_TINT: f32 = 2.0;

/// A layout table with more vertical strokes than this inside it, away from
/// its column boundaries, is a chart or diagram: the ends of bars, tick
/// marks, boxes of a flow chart. A table's vertical lines separate columns.
/// Only on drawn pages: on a scan, short strokes are as often grain and what
/// erasing the read text left (scanned-eu lost 0.05 F1 to this test).
const MAX_STRAY_VERTICALS: usize = 2;

/// The share of a ruled grid's cells that must hold text.
const MIN_RULED_FILL: f32 = 0.3;

/// What detection found on a page: its tables in reading order, and the
/// rulings they were built from (for the debug picture).
pub struct Detection {
    pub tables: Vec<TableRegion>,
    pub rulings: rulings::Rulings,
}

/// What a page's image is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    /// Drawn by the PDF: text and lines where they were put.
    Drawn,
    /// A scan (its text read by OCR, or an invisible OCR layer over it):
    /// grainy, and where OCR's text was erased, specks and stems are left
    /// that are not strokes anyone drew.
    Scanned,
}

/// The tables of one page, in reading order.
pub fn detect_tables(
    page: &PageImage,
    chars: &[TextChar],
    surface: Surface,
    cfg: &DetectConfig,
) -> Detection {
    let mut rulings = rulings::find_rulings(page, cfg, surface == Surface::Drawn);
    drop_rulings_through_text(&mut rulings, chars);
    // The pixels any visible tint makes ink, packed once a page has a
    // table to check.
    let visible = std::cell::OnceCell::new();
    let visible = || visible.get_or_init(|| InkBits::new(&page.pixels, VISIBLE_INK));
    let all_chars: Vec<&TextChar> = chars.iter().collect();
    let tone_step = match surface {
        Surface::Drawn => shading::DRAWN_TONE_STEP,
        Surface::Scanned => shading::SCANNED_TONE_STEP,
    };
    let separates = |first: &Rect, second: &Rect| text_separates(chars, first, second);
    let tables: Vec<TableRegion> = grid::ruled_tables(
        &rulings,
        cfg.line_merge_tolerance,
        cfg.min_rows,
        cfg.min_cols,
        match surface {
            Surface::Drawn => grid::LineEnds::Boundaries,
            Surface::Scanned => grid::LineEnds::FrameOnly,
        },
        &separates,
    )
    .into_iter()
    // Columns mostly without lines between them are not ruled: a frame or
    // row rules around columns set by alignment, which `layout` reads.
    .filter(|t| t.column_borders >= MIN_COLUMN_BORDERS)
    // A grid whose cells are mostly empty (or all) is a chart's gridlines or a form.
    .filter(|t| filled_share(&t.grid, chars) >= MIN_RULED_FILL)
    // On a scan, the frame and gridlines of a chart whose labels OCR read
    // make a grid as full of text as a table's; its cells hold the bars
    // and curves besides. (A drawn page keeps its test as it was.)
    .filter(|t| {
        surface == Surface::Drawn
            || cells_graphic_share(page, visible(), &t.grid, &all_chars, &rulings, tone_step)
                < MAX_GRAPHIC_INK
    })
    .map(|t| TableRegion {
        confidence: 0.6 + 0.4 * t.border_coverage(),
        bbox: t.bbox,
        grid: t.grid,
        evidence: Evidence::Ruled,
    })
    .collect();
    // Cells holding columns or rows of their own: the lines drawn are only
    // part of the structure; `layout` reads the rest from the text. Where
    // it finds no table (cells of prose) the grid drawn stays, unless lines
    // inside its cells (a chart's bars and ticks) or a label or two a cell
    // (a diagram's boxes) say it is none. (Set apart before grids inside
    // others go: a frame's grid must not take a table ruled within it.)
    let (under_segmented, mut tables): (Vec<TableRegion>, Vec<TableRegion>) =
        tables.into_iter().partition(|t| {
            let inside: Vec<&TextChar> = chars
                .iter()
                .filter(|c| t.bbox.contains(c.cx(), c.cy()))
                .collect();
            layout::under_segmented(&inside, &t.grid)
        });
    drop_nested(&mut tables);

    // The rest of the text, and the rules outside ruled tables, for layout tables.
    let outside = |x: f32, y: f32| !tables.iter().any(|t| t.bbox.contains(x, y));
    let free_chars: Vec<&TextChar> = chars.iter().filter(|c| outside(c.cx(), c.cy())).collect();
    // Dot leaders join a label to its value; without them the gap between
    // the two is what it is, a column gap.
    let leaders = leader_marks(free_chars.iter().copied());
    let free_chars: Vec<&TextChar> = (free_chars.iter().zip(leaders))
        .filter(|(_, leader)| !leader)
        .map(|(c, _)| *c)
        .collect();
    // Numbers down the margin of a transcript or a pleading count the
    // page's lines; beside the text they would be a column.
    let numbering = line_numbers(&free_chars);
    let free_chars: Vec<&TextChar> = (free_chars.iter().zip(numbering))
        .filter(|(_, number)| !number)
        .map(|(c, _)| *c)
        .collect();
    let free_rules: Vec<rulings::Ruling> = rulings
        .horizontal
        .iter()
        .filter(|r| outside((r.start + r.end) / 2.0, r.pos))
        .copied()
        .collect();
    // Column lines for layout, only on drawn pages: on a scan, short
    // vertical strokes are as often grain or what erased text left.
    let free_verticals: Vec<rulings::Ruling> = match surface {
        Surface::Drawn => (rulings.vertical.iter())
            .filter(|r| outside(r.pos, (r.start + r.end) / 2.0))
            .copied()
            .collect(),
        Surface::Scanned => Vec::new(),
    };
    let from_layout = layout::layout_tables(&free_chars, &free_rules, &free_verticals);
    let mut from_layout = read_apart_above_boxes(
        from_layout,
        &rulings,
        &free_chars,
        &free_rules,
        &free_verticals,
    );
    for table in &mut from_layout {
        snap_columns_to_rules(table, &free_chars, &free_verticals);
    }
    let ruled: Vec<Rect> = tables.iter().map(|t| t.bbox).collect();
    tables.extend(from_layout.into_iter().filter(|t| {
        graphic_ink_share(page, visible(), &t.bbox, &free_chars, &rulings, tone_step)
            < MAX_GRAPHIC_INK
            && !hugs_a_graphic(page, visible(), t, &ruled, &free_chars, &rulings, tone_step)
            && !straddles_a_frame(t, &rulings)
            && (surface == Surface::Scanned
                || stray_verticals(t, &rulings, &all_chars) <= MAX_STRAY_VERTICALS)
    }));
    // A frame whose body the text reads across all its columns: the frame
    // is the table, its body in the text's rows.
    for frame in &under_segmented {
        let inside_frame = |t: &TableRegion| {
            t.evidence != Evidence::Ruled
                && frame
                    .bbox
                    .contains((t.bbox.x0 + t.bbox.x1) / 2.0, (t.bbox.y0 + t.bbox.y1) / 2.0)
        };
        let within: Vec<usize> = (0..tables.len())
            .filter(|&i| inside_frame(&tables[i]))
            .collect();
        let texts: Vec<&TableRegion> = within.iter().map(|&i| &tables[i]).collect();
        if let Some(table) = frame_rows_from_text(frame, &texts, &table_chars(frame, chars)) {
            // The frame's grid holds them all now.
            for &i in within.iter().rev() {
                tables.remove(i);
            }
            tables.push(table);
        }
    }
    let unread: Vec<TableRegion> = (under_segmented.into_iter())
        .filter(|grid| {
            !tables.iter().any(|t| {
                let (x, y) = ((t.bbox.x0 + t.bbox.x1) / 2.0, (t.bbox.y0 + t.bbox.y1) / 2.0);
                grid.bbox.contains(x, y)
            })
        })
        .filter(|t| {
            off_grid_rulings(t, &rulings) <= MAX_STRAY_VERTICALS
                && words_per_cell(&t.grid, chars) >= MIN_PROSE_WORDS
        })
        .map(|mut grid| {
            let inside = table_chars(&grid, chars);
            split_rows_at_blank_lines(&mut grid, &inside);
            split_rows_at_lines_of_figures(&mut grid, &inside);
            grid
        })
        .collect();
    tables.extend(unread);
    reach_up_to_top_rules(&mut tables, chars, &rulings.horizontal);
    take_boxed_headers(&mut tables, chars, &rulings.horizontal);
    take_headings_over_grids(&mut tables, chars);
    // Which tables are listings of program code (see `listing`).
    let mut listings = Vec::with_capacity(tables.len());
    let sideways = sideways::SidewaysText::of_page(&all_chars);
    for table in &mut tables {
        // Found once for the passes below (again when a title goes).
        let mut inside = table_chars(table, chars);
        if table.evidence != Evidence::Ruled {
            // A header band's edges stand for the rules a booktabs table
            // draws (none found on a scan, whose tones vary too much; a
            // dark band's edges are rulings already).
            let ruled = |e: &rulings::Ruling| {
                (rulings.horizontal.iter()).any(|r| (r.pos - e.pos).abs() <= RULE_AT)
            };
            let edges: Vec<rulings::Ruling> = match surface {
                Surface::Drawn => band_edges(table, &inside, page),
                Surface::Scanned => Vec::new(),
            };
            let edges: Vec<rulings::Ruling> = edges.into_iter().filter(|e| !ruled(e)).collect();
            let with_edges;
            let across = if edges.is_empty() {
                &rulings.horizontal
            } else {
                with_edges = [&rulings.horizontal[..], &edges[..]].concat();
                &with_edges
            };
            if drop_title_over_top_rule(table, &inside, across, cfg.min_rows) {
                inside = table_chars(table, chars);
            }
            drop_notes_below(table, &inside, chars, cfg.min_rows);
            // On a scan a short stroke is as often what erased text left.
            if surface == Surface::Drawn {
                // (Its first row only: a header read with the row under it.)
                split_rows_at_fill_edges(table, &inside, page, 1);
                join_cells_in_boxed_headers(table, &rulings);
                split_rows_at_short_rules(table, &inside, &rulings.horizontal);
                // (Rows stay as they are from here: their text's extents
                // are found once.)
                let extent = row_text_extents(&table.grid, &inside);
                span_over_short_rules(table, &inside, &extent, &rulings.horizontal);
                span_between_column_rules(table, &inside, &extent, &rulings.vertical);
                span_down_drawn_boxes(table, &inside, &extent, &rulings);
            }
        } else {
            if surface == Surface::Drawn {
                split_rows_at_fill_edges(table, &inside, page, usize::MAX);
            }
            part_open_spans(table, &inside, &rulings.horizontal);
            split_stacked_rows(table, &inside);
            split_rows_at_full_lines(table, &inside);
        }
        table.grid.drop_unused_boundaries();
        drop_empty_lines(&mut table.grid, &inside);
        // (A ruled table's lines give such labels their cells.)
        if let (Some(text), false) = (&sideways, table.evidence == Evidence::Ruled) {
            sideways::set_row_labels_apart(table, text, &rulings.horizontal);
        }
        let outside = chars
            .iter()
            .filter(|c| !table.bbox.contains(c.cx(), c.cy()));
        listings.push(listing::a_code_listing(&inside, outside));
    }
    end_above_the_next(&mut tables);
    // A grid every cell of which spans a whole row or column (a box with a
    // stray line end in it) is too few rows or columns: no table. Nor is
    // a listing of program code, however its lines align.
    let mut listings = listings.into_iter();
    tables.retain(|t| {
        let listing = listings.next().unwrap_or(false);
        t.grid.row_count() >= cfg.min_rows && t.grid.col_count() >= cfg.min_cols && !listing
    });
    sort_reading_order(&mut tables);
    Detection { tables, rulings }
}

/// Moves a layout table's column boundary onto a column rule drawn beside
/// it, where the text of the rows from the rule's top down stays in its
/// columns and none of it runs across the rule: a group's column headings
/// boxed apart under the group's heading, the figures of the first column
/// set well short of the rule. Text above the rule may be cut only where
/// boxed over both columns: the group's heading (which is what put the
/// boundary off the rule), one heading over the two.
fn snap_columns_to_rules(
    table: &mut TableRegion,
    chars: &[&TextChar],
    verticals: &[rulings::Ruling],
) {
    let b = table.bbox;
    let inside: Vec<&TextChar> = (chars.iter().copied())
        .filter(|c| b.contains(c.cx(), c.cy()))
        .collect();
    let cols = &mut table.grid.cols;
    for k in 1..cols.len().saturating_sub(1) {
        let (left, here, right) = (cols[k - 1], cols[k], cols[k + 1]);
        let onto = (verticals.iter())
            .filter(|v| v.pos > left + COLUMN_RULE_OFF && v.pos < right - COLUMN_RULE_OFF)
            .filter(|v| (v.pos - here).abs() > COLUMN_RULE_OFF)
            .filter(|v| v.start >= b.y0 - 1.0 && v.end <= b.y1 + 1.0)
            .filter(|v| {
                let (lo, hi) = (here.min(v.pos), here.max(v.pos));
                // Text above the rule it cuts or moves is a heading boxed
                // over both columns: rules through its line either side.
                let boxed = |c: &TextChar| {
                    let through = |r: &&rulings::Ruling| r.start < c.cy() && r.end > c.cy();
                    (verticals.iter().filter(through))
                        .any(|r| r.pos <= c.bbox.x0 && r.pos > left - COLUMN_RULE_OFF)
                        && (verticals.iter().filter(through))
                            .any(|r| r.pos >= c.bbox.x1 && r.pos < right + COLUMN_RULE_OFF)
                };
                inside.iter().all(|c| {
                    let moved = c.cx() > lo && c.cx() < hi;
                    let across = c.bbox.x0 < v.pos && c.bbox.x1 > v.pos;
                    if c.cy() <= v.start {
                        !(moved || across) || boxed(c)
                    } else {
                        // (Across it only along it: under it, a cell's
                        // text may run over where it ends.)
                        let along = c.cy() < v.end;
                        !(moved || across && along)
                    }
                })
            })
            .map(|v| v.pos)
            .min_by(|a, c| (a - here).abs().total_cmp(&(c - here).abs()));
        if let Some(x) = onto {
            cols[k] = x;
        }
    }
}

/// Layout tables that begin above a box holding most of them, read again
/// above the box and from its top down, apart (see `boxed_below_its_top`);
/// each part read again so, box by box up a stack of boxed tables.
fn read_apart_above_boxes(
    tables: Vec<TableRegion>,
    rulings: &rulings::Rulings,
    chars: &[&TextChar],
    rules: &[rulings::Ruling],
    verticals: &[rulings::Ruling],
) -> Vec<TableRegion> {
    if tables.is_empty() {
        return tables;
    }
    let boxes = frames(rulings);
    if boxes.is_empty() {
        return tables;
    }
    let mut out = Vec::new();
    // Taken in their order, each table's parts read next. (Each part holds
    // fewer characters than its table: a table is read apart only with a
    // line above the box and text in it.)
    let mut todo: Vec<TableRegion> = tables.into_iter().rev().collect();
    while let Some(table) = todo.pop() {
        let Some(top) = boxed_below_its_top(&table, &boxes, chars) else {
            out.push(table);
            continue;
        };
        for above in [true, false] {
            let side = |y: f32| (y < top) == above;
            let part: Vec<&TextChar> = (chars.iter().copied())
                .filter(|c| table.bbox.contains(c.cx(), c.cy()) && side(c.cy()))
                .collect();
            // The box's top edge bounds both parts.
            let part_rules: Vec<rulings::Ruling> = (rules.iter())
                .filter(|r| side(r.pos) || (r.pos - top).abs() <= FRAME_SLACK)
                .copied()
                .collect();
            let part_verticals: Vec<rulings::Ruling> = (verticals.iter())
                .filter(|r| side((r.start + r.end) / 2.0))
                .copied()
                .collect();
            todo.extend(layout::layout_tables(&part, &part_rules, &part_verticals));
        }
    }
    out
}

/// The boxes drawn on a page: two vertical rulings of one height and two
/// horizontal ones joining their ends, at least `MIN_FRAME` points each
/// way. (A ruled table's grid is one too, but its text is gone from the
/// layout's by then.)
fn frames(rulings: &rulings::Rulings) -> Vec<Rect> {
    let tall: Vec<&rulings::Ruling> = (rulings.vertical.iter())
        .filter(|r| r.length() >= MIN_FRAME)
        .collect();
    // Horizontal rulings by height, to find those at a corner at once.
    let mut across: Vec<&rulings::Ruling> = rulings.horizontal.iter().collect();
    across.sort_by(|a, b| a.pos.total_cmp(&b.pos));
    let edge = |y: f32, x0: f32, x1: f32| {
        let from = across.partition_point(|h| h.pos < y - FRAME_SLACK);
        (across[from..].iter())
            .take_while(|h| h.pos <= y + FRAME_SLACK)
            .any(|h| h.start <= x0 + FRAME_SLACK && h.end >= x1 - FRAME_SLACK)
    };
    let mut found = Vec::new();
    for (i, a) in tall.iter().enumerate() {
        for b in &tall[i + 1..] {
            let (l, r) = if a.pos < b.pos { (a, b) } else { (b, a) };
            let frame = Rect::new(l.pos, l.start.min(r.start), r.pos, l.end.max(r.end));
            if frame.width() >= MIN_FRAME
                && (l.start - r.start).abs() <= FRAME_SLACK
                && (l.end - r.end).abs() <= FRAME_SLACK
                && edge(frame.y0, frame.x0, frame.x1)
                && edge(frame.y1, frame.x0, frame.x1)
            {
                found.push(frame);
            }
        }
    }
    found
}

/// A frame is at least this many points wide and tall: three lines of text.
const MIN_FRAME: f32 = 36.0;
/// How far, in points, a frame's corner may be open (a stroke's end, a
/// rounded corner) and a table reach past its side and still be as wide.
const FRAME_SLACK: f32 = 4.0;

/// The top of a box drawn round a layout table's rows, as wide as the
/// table's text beside it, when the table begins above the box with lines
/// that are not a header (at most three, each within the box's sides and
/// filling at least half the columns): the lines above (a report's
/// particulars, a heading, a title running out past the box to the date at
/// the page's edge, another boxed table stacked above) lined up with the
/// table's columns, but the box says where the table starts. Boxes (not
/// one inside another) hold most of the table, and this one more rows than
/// a header. A header over a boxed body stays; a box at the table's top (a
/// header band) or round a few of its rows says nothing.
fn boxed_below_its_top(table: &TableRegion, boxes: &[Rect], chars: &[&TextChar]) -> Option<f32> {
    let t = table.bbox;
    let cols = &table.grid.cols;
    let within: Vec<&TextChar> = (chars.iter().copied())
        .filter(|c| t.contains(c.cx(), c.cy()))
        .collect();
    let inside_sides =
        |f: &Rect, (x0, x1): (f32, f32)| x0 >= f.x0 - FRAME_SLACK && x1 <= f.x1 + FRAME_SLACK;
    // The table's text beside a box, on its rows.
    let beside = |f: &Rect| -> Vec<&TextChar> {
        (within.iter().copied())
            .filter(|c| c.cy() > f.y0 && c.cy() < f.y1)
            .collect()
    };
    // Boxes as wide as the text beside them, with that text.
    let held: Vec<(&Rect, Vec<&TextChar>)> = (boxes.iter())
        .map(|f| (f, beside(f)))
        .filter(|(f, text)| !text.is_empty() && inside_sides(f, across(text)))
        .collect();
    let outermost: Vec<&(&Rect, Vec<&TextChar>)> = (held.iter())
        .filter(|(f, _)| !held.iter().any(|(g, _)| g != f && g.holds(f, FRAME_SLACK)))
        .collect();
    let outer_boxes: Vec<&Rect> = outermost.iter().map(|(f, _)| *f).collect();
    if covered(&outer_boxes, t.y0, t.y1) < MOST_OF_A_TABLE * t.height() {
        return None;
    }
    let a_header = |f: &Rect| {
        // The columns each text line above the box's top reaches.
        let above =
            (within.iter().copied()).filter(|c| c.cy() < f.y0 && slot(cols, c.cx()).is_some());
        let lines = baselines(above);
        lines.len() <= MAX_HEADER_LINES
            && lines.iter().all(|line| {
                let mut filled: Vec<usize> =
                    line.iter().filter_map(|c| slot(cols, c.cx())).collect();
                filled.sort_unstable();
                filled.dedup();
                inside_sides(f, across(line)) && 2 * filled.len() >= cols.len() - 1
            })
    };
    (outermost.iter())
        .filter(|(f, _)| t.y0 < f.y0 - FRAME_SLACK && f.y0 + FRAME_SLACK < t.y1)
        .filter(|(_, text)| baselines(text.iter().copied()).len() > MAX_HEADER_LINES)
        .filter(|(f, _)| !a_header(f))
        .map(|(f, _)| f.y0)
        .max_by(f32::total_cmp)
}

/// How much of `y0..y1` the boxes' heights cover together.
fn covered(boxes: &[&Rect], y0: f32, y1: f32) -> f32 {
    let mut spans: Vec<(f32, f32)> = (boxes.iter())
        .map(|f| (f.y0.max(y0), f.y1.min(y1)))
        .filter(|(a, b)| a < b)
        .collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut total, mut reach) = (0.0, y0);
    for (a, b) in spans {
        total += (b - a.max(reach)).max(0.0);
        reach = reach.max(b);
    }
    total
}

/// Left and right of characters' boxes.
fn across(chars: &[&TextChar]) -> (f32, f32) {
    (chars.iter()).fold((f32::INFINITY, f32::NEG_INFINITY), |(l, r), c| {
        (l.min(c.bbox.x0), r.max(c.bbox.x1))
    })
}

/// Characters grouped into lines: those on one baseline, give or take half
/// their size, in the order their lines first appear.
fn baselines<'a>(chars: impl Iterator<Item = &'a TextChar>) -> Vec<Vec<&'a TextChar>> {
    let mut lines: Vec<(f32, Vec<&TextChar>)> = Vec::new();
    for c in chars {
        match (lines.iter_mut()).find(|(y, _)| (y - c.cy()).abs() <= 0.5 * c.size) {
            Some((_, line)) => line.push(c),
            None => lines.push((c.cy(), vec![c])),
        }
    }
    lines.into_iter().map(|(_, line)| line).collect()
}

/// See `boxed_below_its_top`: the most lines a header over a boxed body has.
const MAX_HEADER_LINES: usize = 3;

/// See `boxed_below_its_top`: the share of a table's height a box holds.
const MOST_OF_A_TABLE: f32 = 0.5;

/// The characters of a table (spaces aside): those whose centre lies in it.
fn table_chars<'a>(table: &TableRegion, chars: &'a [TextChar]) -> Vec<&'a TextChar> {
    (chars.iter())
        .filter(|c| !c.c.is_whitespace() && table.bbox.contains(c.cx(), c.cy()))
        .collect()
}

/// Tables read from the text whose top rule stands above their first line,
/// a heading between (booktabs' group heading, `2023` over the columns of
/// that year, a short rule under it): the table reaches up to the rule, a
/// row per heading line. Only headings over the table's later columns,
/// inside its width, and no more than `MAX_HEADING_LINES`: a caption or a
/// title starts at the left or has no rule of its own under it, and a rule
/// as wide as the table may also close the text above.
fn reach_up_to_top_rules(
    tables: &mut [TableRegion],
    chars: &[TextChar],
    rules: &[rulings::Ruling],
) {
    let boxes: Vec<Rect> = tables.iter().map(|t| t.bbox).collect();
    for (i, table) in tables.iter_mut().enumerate() {
        let (b, grid) = (table.bbox, &table.grid);
        if table.evidence == Evidence::Ruled || grid.col_count() < 2 || grid.row_count() < 2 {
            continue;
        }
        let size = table_chars(table, chars)
            .iter()
            .map(|c| c.size)
            .fold(0.0, f32::max);
        let slack = size;
        // The nearest rule above as wide as the table.
        let Some(top) = (rules.iter())
            .filter(|r| (r.start - b.x0).abs() <= slack && (r.end - b.x1).abs() <= slack)
            .filter(|r| r.pos < b.y0 - 1.0 && r.pos >= b.y0 - HEADING_REACH_EM * size)
            .map(|r| r.pos)
            .max_by(f32::total_cmp)
        else {
            continue;
        };
        let band: Vec<&TextChar> = (chars.iter())
            .filter(|c| !c.c.is_whitespace() && c.cy() > top && c.cy() < b.y0)
            .collect();
        let heading_over_columns = band.iter().all(|c| {
            c.bbox.x0 >= grid.cols[1] - 1.0 && c.bbox.x1 <= b.x1 + 1.0 && c.bbox.y0 >= top - 1.0
        });
        let taken = !reaching_up(&boxes, i, top).is_empty();
        if band.is_empty() || !heading_over_columns || taken {
            continue;
        }
        // The heading's lines, top to bottom, as (top, bottom).
        let mut lines: Vec<(f32, f32)> = (baselines(band.iter().copied()).iter())
            .map(|line| extent(line))
            .collect();
        lines.sort_by(|a, b| a.0.total_cmp(&b.0));
        // A short rule under the heading, over the columns it heads
        // (booktabs' `\cmidrule`): a title over the table has none.
        let (hx0, hx1) = across(&band);
        let last_bottom = lines.last().map_or(top, |l| l.1);
        let underlined = rules.iter().any(|r| {
            r.pos >= last_bottom - 1.0
                && r.pos <= b.y0 + 1.0
                && r.length() < FULL_RULE * b.width()
                && r.start <= hx0
                && r.end >= hx1
        });
        if lines.len() > MAX_HEADING_LINES || !underlined {
            continue;
        }
        let mut tops = vec![top];
        tops.extend(lines.windows(2).map(|w| (w[0].1 + w[1].0) / 2.0));
        table.grid.add_rows_above(&tops, (last_bottom + b.y0) / 2.0);
        table.bbox.y0 = top;
    }
}

/// Ruled tables whose header is drawn in a box of its own just above the
/// grid, no column lines inside it: the box is the table's first row (and
/// a table read from the text inside the box goes). Only a box as wide as
/// the grid, its lower rule within `BOX_GAP_EM` of the grid's top, no
/// taller than `MAX_BOXED_HEADER_EM` (a few lines), each word in it inside
/// one of the grid's columns, half of them holding one at least (a title
/// or a note runs across them).
fn take_boxed_headers(
    tables: &mut Vec<TableRegion>,
    chars: &[TextChar],
    rules: &[rulings::Ruling],
) {
    let boxes: Vec<Rect> = tables.iter().map(|t| t.bbox).collect();
    let mut boxed = Vec::new();
    for (i, table) in tables.iter().enumerate() {
        let (b, grid) = (table.bbox, &table.grid);
        if table.evidence != Evidence::Ruled || grid.col_count() < 3 || grid.row_count() < 2 {
            continue;
        }
        let size = layout::median(table_chars(table, chars).iter().map(|c| c.size).collect());
        let as_wide =
            |r: &&rulings::Ruling| (r.start - b.x0).abs() <= size && (r.end - b.x1).abs() <= size;
        let nearest_above = |y: f32| {
            (rules.iter().filter(as_wide))
                .filter(move |r| r.pos < y - 1.0)
                .max_by(|p, q| p.pos.total_cmp(&q.pos))
        };
        let Some(bottom) = nearest_above(b.y0).filter(|r| r.pos >= b.y0 - BOX_GAP_EM * size) else {
            continue;
        };
        let Some(top) = nearest_above(bottom.pos) else {
            continue;
        };
        let band: Vec<&TextChar> = (chars.iter())
            .filter(|c| !c.c.is_whitespace() && c.cy() > top.pos && c.cy() < bottom.pos)
            .collect();
        // Tables reaching into the box: one read from its text alone goes.
        let reaching = reaching_up(&boxes, i, top.pos);
        let inside_the_box = reaching.iter().all(|&k| {
            let o = &tables[k];
            o.evidence != Evidence::Ruled
                && o.bbox.y0 >= top.pos - 1.0
                && o.bbox.y1 <= bottom.pos + 1.0
        });
        let inner = &grid.cols[1..grid.cols.len() - 1];
        let column = |x: f32| inner.iter().take_while(|&&c| c < x).count();
        let words: Vec<Rect> = (baselines(band.iter().copied()).iter())
            .flat_map(|line| pieces(line, WORD_SPACE_EM))
            .collect();
        let in_one_column = (words.iter()).all(|w| {
            w.x0 >= b.x0 - 1.0 && w.x1 <= b.x1 + 1.0 && column(w.x0 + 0.5) == column(w.x1 - 0.5)
        });
        let mut headed: Vec<usize> = words.iter().map(|w| column(w.x0 + 0.5)).collect();
        headed.sort_unstable();
        headed.dedup();
        if !band.is_empty()
            && inside_the_box
            && in_one_column
            && bottom.pos - top.pos <= MAX_BOXED_HEADER_EM * size
            && 2 * headed.len() >= grid.col_count()
        {
            boxed.push((i, top.pos, bottom.pos, reaching));
        }
    }
    let mut gone = Vec::new();
    for (i, top, bottom, reaching) in boxed {
        tables[i].grid.add_rows_above(&[top], bottom);
        tables[i].bbox.y0 = top;
        gone.extend(reaching);
    }
    gone.sort_unstable();
    gone.dedup();
    for k in gone.into_iter().rev() {
        tables.remove(k);
    }
}

/// Ruled tables with a line of headings set tight over the grid, outside
/// it (years over pairs of columns): the line is the table's first row,
/// each heading over the columns it reaches into. Only two headings or
/// more, each clear of the grid's first column (a title starts there, or
/// is one phrase), none two reaching into one column, no more than
/// `HEADING_GAP_EM` above the grid.
fn take_headings_over_grids(tables: &mut [TableRegion], chars: &[TextChar]) {
    let boxes: Vec<Rect> = tables.iter().map(|t| t.bbox).collect();
    for (i, table) in tables.iter_mut().enumerate() {
        let (b, grid) = (table.bbox, &table.grid);
        if table.evidence != Evidence::Ruled || grid.col_count() < 3 || grid.row_count() < 2 {
            continue;
        }
        let size = layout::median(table_chars(table, chars).iter().map(|c| c.size).collect());
        let above: Vec<&TextChar> = (chars.iter())
            .filter(|c| !c.c.is_whitespace() && c.cy() < b.y0 && c.cy() > b.y0 - 3.0 * size)
            .collect();
        let Some(line) = (baselines(above.iter().copied()).into_iter())
            .max_by(|p, q| extent(p).1.total_cmp(&extent(q).1))
        else {
            continue;
        };
        let (top, bottom) = extent(&line);
        let taken = !reaching_up(&boxes, i, top).is_empty();
        let headings = pieces(&line, PHRASE_GAP_EM);
        // The columns each heading reaches into, first and last.
        let spans: Vec<(usize, usize)> = (headings.iter())
            .filter_map(|w| {
                let mut touched = (0..grid.col_count())
                    .filter(|&c| w.x0 < grid.cols[c + 1] - 0.5 && w.x1 > grid.cols[c] + 0.5);
                let first = touched.next()?;
                Some((first, touched.next_back().unwrap_or(first)))
            })
            .collect();
        let apart = spans.windows(2).all(|w| w[0].1 < w[1].0);
        if taken
            || b.y0 - bottom > HEADING_GAP_EM * size
            || headings.len() < 2
            || spans.len() != headings.len()
            || !apart
            || (headings.iter()).any(|w| w.x0 < grid.cols[1] || w.x1 > b.x1 + 1.0)
        {
            continue;
        }
        table.grid.add_rows_above(&[top - 0.5], b.y0);
        table.bbox.y0 = top - 0.5;
        let inside = table_chars(table, chars);
        let wide = (spans.into_iter())
            .filter(|&(a, z)| z > a)
            .map(|(a, z)| (0, a, z));
        span_header_cells(table, &inside, wide.collect());
    }
}

/// See `take_headings_over_grids`: how far (em) over a grid its headings
/// may end.
const HEADING_GAP_EM: f32 = 0.8;

/// See `take_boxed_headers`: how far (em) above a grid a header's box may
/// end, and how tall (em) it may be.
const BOX_GAP_EM: f32 = 2.0;
const MAX_BOXED_HEADER_EM: f32 = 6.0;

/// The boxes of the pieces of one line of `glyphs`: glyphs no further
/// apart than `gap_em` (a word's letters, a phrase's words).
fn pieces(line: &[&TextChar], gap_em: f32) -> Vec<Rect> {
    let mut sorted = line.to_vec();
    sorted.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
    let mut pieces: Vec<Rect> = Vec::new();
    for c in sorted {
        match pieces.last_mut() {
            Some(p) if c.bbox.x0 - p.x1 <= gap_em * c.size => *p = p.union(&c.bbox),
            _ => pieces.push(c.bbox),
        }
    }
    pieces
}

/// The tables but the `i`th of `boxes` that stand between `top` and the
/// top of that one, over some of its columns.
fn reaching_up(boxes: &[Rect], i: usize, top: f32) -> Vec<usize> {
    let b = boxes[i];
    (0..boxes.len())
        .filter(|&k| {
            let o = &boxes[k];
            k != i && o.x0 < b.x1 && b.x0 < o.x1 && o.y1 > top && o.y0 < b.y0
        })
        .collect()
}

/// See `reach_up_to_top_rules`: how far (em) above a table its top rule
/// may stand, and how many heading lines it may hold.
const HEADING_REACH_EM: f32 = 5.0;
const MAX_HEADING_LINES: usize = 2;
/// See `reach_up_to_top_rules`: a rule under a heading spans less than
/// this share of the table's width.
const FULL_RULE: f32 = 0.9;

/// Widens a header cell of a table read from the text over the columns a
/// short rule under it covers (booktabs' `\cmidrule` under a group
/// heading): `Q4` centred over four columns is one cell over the four, not
/// the cell of the column its few letters fall in. Only where the row has
/// no other text over those columns.
fn span_over_short_rules(
    table: &mut TableRegion,
    inside: &[&TextChar],
    extent: &[(f32, f32)],
    rules: &[rulings::Ruling],
) {
    let grid = &table.grid;
    let nc = grid.col_count();
    // (Found when a rule under some of the rows asks: most tables have none.)
    let middles = std::cell::OnceCell::new();
    let middle = |c: usize| middles.get_or_init(|| column_middles(grid, inside))[c];
    let mut spans = Vec::new();
    for r in 0..grid.row_count().saturating_sub(1) {
        let (below_text, above_next) = (extent[r].1, extent[r + 1].0);
        let under =
            (rules.iter()).filter(|h| h.pos >= below_text - 1.0 && h.pos <= above_next + 1.0);
        for rule in under {
            let covered: Vec<usize> = (0..nc)
                .filter(|&c| middle(c) >= rule.start && middle(c) <= rule.end)
                .collect();
            if let (Some(&c0), Some(&c1)) = (covered.first(), covered.last()) {
                if covered.len() >= 2 && covered.len() < nc {
                    spans.push((r, c0, c1));
                }
            }
        }
    }
    span_header_cells(table, inside, spans);
}

/// The middle of each column's letters and digits (of its cells one column
/// wide; a dot leader runs on into the next column's slot), where
/// a rule under a group heading must reach to cover the column: a column
/// of figures set right stands far from the middle of its grid column,
/// whose boundary with the stub lies midway across the wide gap before it.
/// The grid column's middle where the column holds no such text.
fn column_middles(grid: &crate::table::Grid, inside: &[&TextChar]) -> Vec<f32> {
    let (owner, nc) = (grid.cell_at_positions(), grid.col_count());
    let mut extent = vec![(f32::INFINITY, f32::NEG_INFINITY); nc];
    for c in inside.iter().filter(|c| c.c.is_alphanumeric()) {
        if let (Some(r), Some(col)) = (slot(&grid.rows, c.cy()), slot(&grid.cols, c.cx())) {
            if (grid.cells.get(owner[r * nc + col])).is_some_and(|k| k.colspan == 1) {
                extent[col] = (extent[col].0.min(c.bbox.x0), extent[col].1.max(c.bbox.x1));
            }
        }
    }
    (extent.iter().enumerate())
        .map(|(c, &(x0, x1))| {
            if x0 <= x1 {
                (x0 + x1) / 2.0
            } else {
                (grid.cols[c] + grid.cols[c + 1]) / 2.0
            }
        })
        .collect()
}

/// Widens a header cell of a table read from the text over the columns
/// between two column rules drawn down through its row, when rules down
/// the columns between start under it: a group heading boxed over its
/// columns (`2005` over Number, Margin of error, Percent). Only where the
/// row has no other text over those columns. Under it is under its
/// letters there, whose glyphs' boxes may reach over the box's rule, and
/// whatever a heading beside it does (a stub's, set lower).
fn span_between_column_rules(
    table: &mut TableRegion,
    inside: &[&TextChar],
    extent: &[(f32, f32)],
    verticals: &[rulings::Ruling],
) {
    let grid = &table.grid;
    let nc = grid.col_count();
    let at = |x: f32, v: &rulings::Ruling| (v.pos - x).abs() <= COLUMN_RULE_OFF;
    let through = |x: f32, top: f32, bottom: f32| column_rule_through(verticals, x, top, bottom);
    // Per row and column, the bottom of its letters (a glyph's box reaches
    // on down by the font's descent, over a rule drawn close under them),
    // and per row the top of its letters (a glyph's box reaches up over a
    // rule drawn close over them).
    let mut letters_bottom = vec![f32::NEG_INFINITY; grid.row_count() * nc];
    let mut letters_top = vec![f32::INFINITY; grid.row_count()];
    for c in inside {
        if let (Some(r), Some(col)) = (slot(&grid.rows, c.cy()), slot(&grid.cols, c.cx())) {
            let (top, bottom) = line_core((c.bbox.y0, c.bbox.y1));
            let letters = &mut letters_bottom[r * nc + col];
            *letters = letters.max(bottom);
            letters_top[r] = letters_top[r].min(top);
        }
    }
    let mut spans = Vec::new();
    for r in 0..grid.row_count().saturating_sub(1) {
        let ((top, bottom), next_top) = (extent[r], extent[r + 1].0.max(letters_top[r + 1]));
        if top > bottom || next_top < bottom {
            continue;
        }
        // (Under the letters over the columns the rule parts.)
        let from_under = |x: f32, (c0, c1): (usize, usize)| {
            let under = (c0..=c1)
                .map(|c| letters_bottom[r * nc + c])
                .fold(f32::NEG_INFINITY, f32::max);
            let under = if under.is_finite() {
                under.min(bottom)
            } else {
                bottom
            };
            (verticals.iter())
                .any(|v| at(x, v) && v.start >= under - 1.0 && v.start <= next_top + 1.0)
        };
        // The row's column boundaries drawn through it, and its edges.
        let edges: Vec<usize> = (0..=nc)
            .filter(|&c| c == 0 || c == nc || through(grid.cols[c], top, bottom))
            .collect();
        for pair in edges.windows(2) {
            let (c0, c1) = (pair[0], pair[1] - 1);
            if c1 > c0 && (c0 + 1..=c1).any(|c| from_under(grid.cols[c], (c0, c1))) {
                spans.push((r, c0, c1));
            }
        }
    }
    span_header_cells(table, inside, spans);
}

/// Lengthens a header cell of a table read from the text down over the
/// row under it where a box drawn around the two holds them: column rules
/// down both its sides through both rows, and a rule between the rows that
/// parts the columns beside it but not it (the stub's heading, boxed
/// beside group headings over their columns' headings), or with no rule
/// between the rows at all where they are a header's first two lines and
/// some of their columns are not boxed apart. Where one of the two holds
/// text, or both do and neither row holds a digit: a column's title
/// wrapped over both header rows (`Total` over `population`); rows of a
/// body with figures beside their labels stay apart.
fn span_down_drawn_boxes(
    table: &mut TableRegion,
    inside: &[&TextChar],
    extent: &[(f32, f32)],
    rulings: &rulings::Rulings,
) {
    let grid = &table.grid;
    let (nr, nc) = (grid.row_count(), grid.col_count());
    let owner = grid.cell_at_positions();
    // Found when first needed: most tables have no box to look into.
    let mut filled: Option<Vec<bool>> = None;
    let mut figures: Option<Vec<bool>> = None;
    let middle = |c: usize| (grid.cols[c] + grid.cols[c + 1]) / 2.0;
    let mut merged = grid.clone();
    // Cells lengthened over the row under them, which is then taken.
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for r in 0..nr.saturating_sub(1) {
        let ((top, bottom), (next_top, next_bottom)) = (extent[r], extent[r + 1]);
        if top > bottom || next_top > next_bottom {
            continue;
        }
        let between: Vec<&rulings::Ruling> = (rulings.horizontal.iter())
            .filter(|h| h.pos >= bottom - 1.0 && h.pos <= next_top + 1.0)
            .collect();
        let ruled = |c: usize| {
            between
                .iter()
                .any(|h| h.start <= middle(c) && h.end >= middle(c))
        };
        if (0..nc).all(ruled) {
            continue;
        }
        // A side at the table's edge needs no rule: no column beside it to
        // part it from.
        let drawn = |c: usize| {
            c == 0
                || c == nc
                || column_rule_through(&rulings.vertical, grid.cols[c], top, next_bottom)
        };
        // No rule between the rows at all: only a header's two lines, the
        // table's first, over a rule across it, where a column boundary
        // not drawn down them (a group's columns) shows that the lines
        // part group headings from their columns' headings.
        if !(0..nc).any(ruled) {
            if r > 0 {
                continue;
            }
            let below = match extent.get(r + 2) {
                Some(&(y, _)) if y.is_finite() => y,
                _ => grid.rows[(r + 2).min(nr)],
            };
            let closed = (rulings.horizontal.iter()).any(|h| {
                h.pos >= (next_top + next_bottom) / 2.0
                    && h.pos <= below + 1.0
                    && (0..nc).all(|c| h.start <= middle(c) && h.end >= middle(c))
            });
            if !closed || (1..nc).all(drawn) {
                continue;
            }
        }
        let filled = filled.get_or_insert_with(|| filled_cells(grid, inside));
        let figures = figures.get_or_insert_with(|| rows_with_digits(grid, inside));
        let titles = !figures[r] && !figures[r + 1];
        for c in (0..nc).filter(|&c| !ruled(c)) {
            let (a, b) = (owner[r * nc + c], owner[(r + 1) * nc + c]);
            let single = |i: usize| (grid.cells[i].rowspan, grid.cells[i].colspan) == (1, 1);
            if !taken.contains(&(r, c))
                && single(a)
                && single(b)
                && (filled[a] != filled[b] || filled[a] && titles)
                && drawn(c)
                && drawn(c + 1)
            {
                merged.cells.retain(|cell| {
                    !(cell.col as usize == c
                        && (cell.row as usize == r || cell.row as usize == r + 1))
                });
                merged.cells.push(crate::table::Cell {
                    row: r as u32,
                    col: c as u32,
                    rowspan: 2,
                    colspan: 1,
                });
                taken.push((r + 1, c));
            }
        }
    }
    if merged.is_consistent() {
        table.grid = merged;
    }
}

/// Which of a grid's cells hold some of `inside`.
fn filled_cells(grid: &crate::table::Grid, inside: &[&TextChar]) -> Vec<bool> {
    let (nc, owner) = (grid.col_count(), grid.cell_at_positions());
    let mut filled = vec![false; grid.cells.len()];
    for c in inside {
        if let (Some(r), Some(col)) = (slot(&grid.rows, c.cy()), slot(&grid.cols, c.cx())) {
            filled[owner[r * nc + col]] = true;
        }
    }
    filled
}

/// Which of a grid's rows hold a digit in some of `inside`.
fn rows_with_digits(grid: &crate::table::Grid, inside: &[&TextChar]) -> Vec<bool> {
    let mut digits = vec![false; grid.row_count()];
    for c in inside.iter().filter(|c| c.c.is_ascii_digit()) {
        if let (Some(r), Some(_)) = (slot(&grid.rows, c.cy()), slot(&grid.cols, c.cx())) {
            digits[r] = true;
        }
    }
    digits
}

/// Whether a column rule at `x` (within `COLUMN_RULE_OFF`) runs down
/// from `top` to `bottom` at least.
fn column_rule_through(verticals: &[rulings::Ruling], x: f32, top: f32, bottom: f32) -> bool {
    (verticals.iter())
        .any(|v| (v.pos - x).abs() <= COLUMN_RULE_OFF && v.start <= top && v.end >= bottom)
}

/// How far (points) a column rule may stand from the boundary it draws.
const COLUMN_RULE_OFF: f32 = 3.0;

/// Each row's text: the top and bottom of its characters' letters, the
/// middle of their boxes (`LINE_CORE`; set tight, a line's glyph boxes
/// reach up over a rule under the line above); `INFINITY`, `NEG_INFINITY`
/// in a row without. Those of a cell spanning rows are no one row's (a
/// stub's heading beside a group heading and the headings under it).
fn row_text_extents(grid: &crate::table::Grid, inside: &[&TextChar]) -> Vec<(f32, f32)> {
    let owner = grid.cell_at_positions();
    let nc = grid.col_count();
    let mut extent = vec![(f32::INFINITY, f32::NEG_INFINITY); grid.row_count()];
    for c in inside {
        if let (Some(r), Some(col)) = (slot(&grid.rows, c.cy()), slot(&grid.cols, c.cx())) {
            let spans_rows = (grid.cells.get(owner[r * nc + col])).is_some_and(|k| k.rowspan > 1);
            if !spans_rows {
                let (top, bottom) = line_core((c.bbox.y0, c.bbox.y1));
                extent[r] = (extent[r].0.min(top), extent[r].1.max(bottom));
            }
        }
    }
    extent
}

/// Merges each (row, first column, last column) of `spans` into one cell
/// holding its text, where the row's cells over those columns hold one
/// text (a cell's, or one phrase cut by a boundary) and reach no further.
fn span_header_cells(
    table: &mut TableRegion,
    inside: &[&TextChar],
    spans: Vec<(usize, usize, usize)>,
) {
    if spans.is_empty() {
        return;
    }
    let grid = &table.grid;
    let nc = grid.col_count();
    let (owner, filled) = (grid.cell_at_positions(), filled_cells(grid, inside));
    let mut merges = Vec::new();
    for (r, c0, c1) in spans {
        // The row's cells over those columns: of this row only, none
        // reaching past them, one holding text.
        let mut cells: Vec<usize> = (c0..=c1).map(|c| owner[r * nc + c]).collect();
        cells.dedup();
        let within = cells.iter().all(|&i| {
            let cell = &grid.cells[i];
            cell.row as usize == r
                && cell.rowspan == 1
                && cell.col as usize >= c0
                && (cell.col + cell.colspan) as usize <= c1 + 1
        });
        let (x0, x1) = (grid.cols[c0], grid.cols[c1 + 1]);
        let one_text = cells.iter().filter(|&&i| filled[i]).count() == 1
            || one_phrase(
                inside
                    .iter()
                    .filter(|c| slot(&grid.rows, c.cy()) == Some(r) && c.cx() > x0 && c.cx() < x1),
            );
        if within && one_text {
            merges.push((r as u32, c0 as u32, c1 as u32));
        }
    }
    let mut merged = table.grid.clone();
    for (r, c0, c1) in merges {
        merged
            .cells
            .retain(|c| !(c.row == r && c.col >= c0 && c.col <= c1));
        merged.cells.push(crate::table::Cell {
            row: r,
            col: c0,
            rowspan: 1,
            colspan: c1 - c0 + 1,
        });
    }
    // Rules that overlap (one drawn twice, half a column apart) leave the
    // grid as it was.
    if merged.is_consistent() {
        table.grid = merged;
    }
}

/// Whether characters (of one row) read as one phrase: no gap between two
/// of them wider than `PHRASE_GAP_EM` (a word space is about a quarter em).
/// A label centred over columns is cut by their boundary into two cells
/// that each hold part of it.
fn one_phrase<'a>(chars: impl Iterator<Item = &'a &'a TextChar>) -> bool {
    let mut spans: Vec<(f32, f32, f32)> = (chars.filter(|c| !c.c.is_whitespace()))
        .map(|c| (c.bbox.x0, c.bbox.x1, c.size))
        .collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut reach = f32::NEG_INFINITY;
    for (i, &(x0, x1, size)) in spans.iter().enumerate() {
        if i > 0 && x0 - reach > PHRASE_GAP_EM * size {
            return false;
        }
        reach = reach.max(x1);
    }
    !spans.is_empty()
}

/// See `one_phrase`.
const PHRASE_GAP_EM: f32 = 0.6;

/// Parts a table's rows where a fill's edge runs across the table between
/// two lines of text: a header set on a light fill that covers the gridline
/// under it (a spreadsheet printed with a shaded header row), so no ruling
/// parts the header from the first row; or, in a table read from its text's
/// layout, titles on a band over a first row that reads as their second
/// line (no figure in one of its cells). Of the `top_rows` rows from the
/// top only. A row whose lines are all
/// on one background (a wrapped cell, a shaded row) stays whole. The edge
/// is looked for between the lines' letters, not their glyph boxes: set
/// tight, the next line's box reaches up over the fill's edge.
fn split_rows_at_fill_edges(
    table: &mut TableRegion,
    inside: &[&TextChar],
    page: &PageImage,
    top_rows: usize,
) {
    let mut cuts = Vec::new();
    // (The lines of those rows only are found.)
    let end = table.grid.rows.get(top_rows).copied();
    let near_the_top: Vec<&TextChar>;
    let inside = match end {
        Some(end) => {
            near_the_top = inside.iter().copied().filter(|c| c.cy() < end).collect();
            &near_the_top[..]
        }
        None => inside,
    };
    for (r, lines) in lines_of_rows(&table.grid, inside).iter().enumerate() {
        for pair in lines.windows(2) {
            let (above, below) = (line_core(pair[0]).1, line_core(pair[1]).0);
            if let Some(y) = fill_edge(page, table.bbox.x0, table.bbox.x1, above, below) {
                cuts.push((r as u32, y));
                break;
            }
        }
    }
    // From the bottom, so the rows above keep their numbers.
    for &(r, y) in cuts.iter().rev() {
        table.grid.split_row(r, y);
    }
}

/// The edges of a fill across a table between its first lines (a title
/// over a header set on a band, the band's foot under the header), each as
/// a rule across the table: the band parts title, header and body as a
/// booktabs table's rules do. None where the first line is no title.
fn band_edges(table: &TableRegion, inside: &[&TextChar], page: &PageImage) -> Vec<rulings::Ruling> {
    // Only under a first line of one phrase from the table's left or
    // centred over it, as a title is set (the pixels are looked at for no
    // other table).
    let (x0, x1) = (table.bbox.x0, table.bbox.x1);
    let Some(top) = inside.iter().min_by(|a, b| a.cy().total_cmp(&b.cy())) else {
        return Vec::new();
    };
    let first: Vec<&TextChar> = (inside.iter().copied())
        .filter(|c| c.line == top.line)
        .collect();
    let (a, b) = across(&first);
    let title = pieces(&first, PHRASE_GAP_EM).len() == 1
        && (a <= x0 + top.size || ((a + b) / 2.0 - (x0 + x1) / 2.0).abs() <= top.size);
    if !title {
        return Vec::new();
    }
    // (The lines of the table's top only: a title's and a header's.)
    let reach = top.cy() + TOP_LINES_EM * top.size;
    let near_the_top = inside.iter().copied().filter(|c| c.cy() < reach);
    let mut lines: Vec<(f32, f32)> = (baselines(near_the_top).iter())
        .map(|l| extent(l))
        .collect();
    lines.sort_by(|a, b| a.0.total_cmp(&b.0));
    (lines.windows(2))
        .take(caption::MAX_TITLE_ROWS + MAX_HEADER_LINES)
        .filter_map(|pair| fill_edge(page, x0, x1, line_core(pair[0]).1, line_core(pair[1]).0))
        .map(|y| rulings::Ruling::new(y, x0, x1))
        .collect()
}

/// See `band_edges`: how far (em) under the first line's middle its title's
/// and header's lines are looked for.
const TOP_LINES_EM: f32 = 12.0;

/// Rulings inside a table that are none of its grid's lines: a chart's
/// ticks, gridlines and bars.
fn off_grid_rulings(table: &TableRegion, rulings: &rulings::Rulings) -> usize {
    let (b, grid) = (&table.bbox, &table.grid);
    let on = |at: f32, lines: &[f32]| lines.iter().any(|&l| (l - at).abs() <= OFF_GRID);
    let horizontal = (rulings.horizontal.iter())
        .filter(|r| b.contains((r.start + r.end) / 2.0, r.pos) && !on(r.pos, &grid.rows));
    let vertical = (rulings.vertical.iter())
        .filter(|r| b.contains(r.pos, (r.start + r.end) / 2.0) && !on(r.pos, &grid.cols));
    horizontal.count() + vertical.count()
}

/// The words a grid's filled cells hold, on average.
fn words_per_cell(grid: &crate::table::Grid, chars: &[TextChar]) -> f32 {
    let owner = grid.cell_at_positions();
    let nc = grid.col_count();
    let mut words = vec![0usize; grid.cells.len()];
    let mut last: Option<&TextChar> = None;
    for c in chars {
        let starts_a_word = !c.c.is_whitespace()
            && last.is_none_or(|l| {
                l.c.is_whitespace()
                    || l.line != c.line
                    || c.bbox.x0 - l.bbox.x1 > WORD_SPACE_EM * c.size
                    || c.bbox.x0 < l.bbox.x0
                    || (c.cy() - l.cy()).abs() > 0.5 * c.size
            });
        if let (true, Some(r), Some(col)) = (
            starts_a_word,
            slot(&grid.rows, c.cy()),
            slot(&grid.cols, c.cx()),
        ) {
            words[owner[r * nc + col]] += 1;
        }
        last = Some(c);
    }
    let filled = words.iter().filter(|&&n| n > 0).count();
    words.iter().sum::<usize>() as f32 / filled.max(1) as f32
}

/// Words a grid's cells hold on average to be cells of prose (a diagram's
/// boxes hold a label or two).
const MIN_PROSE_WORDS: f32 = 4.0;

/// How far (pt) a ruling may lie from a grid line and be it (a fill's
/// edge beside the line it covers).
const OFF_GRID: f32 = 4.0;

/// Joins the cells of a layout table's header read from the lines of text
/// where no rule parts them, when the header is boxed: the band from the
/// table's top rule to the next rule across it, a column rule down all
/// through it. Headings set at heights of their own (a group heading
/// beside a stub's heading of two lines, its columns' headings beside the
/// second) are the header's rows only where drawn apart. A cell joins the
/// one under it in its column when no rule runs between them over it, the
/// two are as wide, and no column rule starts between them (a heading
/// over columns drawn apart under it, with no rule across, stays its own
/// cell). (A band of more rows than a header has, or one down to the
/// table's foot, is a frame around a body; the bands under the header are
/// the body's.)
fn join_cells_in_boxed_headers(table: &mut TableRegion, rulings: &rulings::Rulings) {
    let (b, grid) = (table.bbox, &table.grid);
    let slack = 0.05 * b.width();
    let mut across: Vec<f32> = (rulings.horizontal.iter())
        .filter(|h| h.start <= b.x0 + slack && h.end >= b.x1 - slack)
        .filter(|h| h.pos >= b.y0 - RULE_AT && h.pos <= b.y1 + RULE_AT)
        .map(|h| h.pos)
        .collect();
    across.sort_by(f32::total_cmp);
    // The header: the band from the table's top rule to the next.
    let (nr, nc) = (grid.row_count(), grid.col_count());
    let Some(&top) = across.first() else {
        return;
    };
    let Some(&bottom) = across.iter().find(|&&a| a > top + RULE_AT) else {
        return;
    };
    let inner: Vec<usize> = (1..nr)
        .filter(|&k| grid.rows[k] > top + RULE_AT && grid.rows[k] < bottom - RULE_AT)
        .collect();
    let boxed = (rulings.vertical.iter()).any(|v| {
        v.pos > b.x0 + COLUMN_RULE_OFF
            && v.pos < b.x1 - COLUMN_RULE_OFF
            && v.start <= top + RULE_AT
            && v.end >= bottom - RULE_AT
    });
    // (A band down to the table's foot is a frame around it all.)
    let body_under = bottom < grid.rows[nr] - RULE_AT;
    if top > grid.rows[0] + RULE_AT
        || !body_under
        || !boxed
        || inner.is_empty()
        || inner.len() >= MAX_BOXED_HEADER_ROWS
    {
        return;
    }
    let owner = grid.cell_at_positions();
    if owner.contains(&usize::MAX) {
        return;
    }
    let mut sets = grid::DisjointSets::new(nr * nc);
    for (i, &o) in owner.iter().enumerate() {
        sets.union(
            i,
            (grid.cells[o].row as usize) * nc + grid.cells[o].col as usize,
        );
    }
    let mut joined = false;
    for &k in &inner {
        let (from, to) = (grid.rows[k - 1], grid.rows[k + 1]);
        for c in 0..nc {
            let (x0, x1) = (grid.cols[c], grid.cols[c + 1]);
            let (upper, lower) = (
                &grid.cells[owner[(k - 1) * nc + c]],
                &grid.cells[owner[k * nc + c]],
            );
            let ruled_between = (rulings.horizontal.iter()).any(|h| {
                h.pos > from + RULE_AT && h.pos < to - RULE_AT && h.start < x1 && h.end > x0
            });
            let starts_between = (rulings.vertical.iter()).any(|v| {
                v.pos > x0 - COLUMN_RULE_OFF
                    && v.pos < x1 + COLUMN_RULE_OFF
                    && v.start > from + RULE_AT
                    && v.start < to - RULE_AT
            });
            if (upper.col, upper.colspan) == (lower.col, lower.colspan)
                && !ruled_between
                && !starts_between
            {
                sets.union((k - 1) * nc + c, k * nc + c);
                joined = true;
            }
        }
    }
    if !joined {
        return;
    }
    let grid = &mut table.grid;
    grid.cells = grid::cells_from_sets(&mut sets, nr, nc);
    for &k in inner.iter().rev() {
        if grid.cells.iter().all(|c| c.row as usize != k) {
            grid.remove_row(k as u32, false);
        }
    }
}

/// See `join_cells_in_boxed_headers`: how far (pt) a rule may lie from a
/// row boundary and be it, and the most rows a boxed header is read in.
const RULE_AT: f32 = 1.5;
const MAX_BOXED_HEADER_ROWS: usize = 5;

/// Parts a layout table's row where a rule drawn under some of its columns
/// runs between two of its lines: a group heading over the rule, the
/// headings of the group's columns under it. Cells of the other columns
/// (a stub's heading set beside both lines) span the two rows.
fn split_rows_at_short_rules(
    table: &mut TableRegion,
    inside: &[&TextChar],
    rules: &[rulings::Ruling],
) {
    let grid = &table.grid;
    let nc = grid.col_count();
    // (Found when a rule under some of the rows asks: most tables have none.)
    let middles = std::cell::OnceCell::new();
    let middle = |c: usize| middles.get_or_init(|| column_middles(grid, inside))[c];
    let mut cuts: Vec<(u32, f32, Vec<bool>)> = Vec::new();
    for r in 0..grid.row_count() {
        let (top, bottom) = (grid.rows[r], grid.rows[r + 1]);
        let parting = (rules.iter().map(|h| h.pos))
            .filter(|&y| y > top && y < bottom)
            .find_map(|y| {
                // The rules at that height, and the columns they run over.
                let at: Vec<&rulings::Ruling> =
                    rules.iter().filter(|h| (h.pos - y).abs() <= 1.0).collect();
                let covered: Vec<bool> = (0..nc)
                    .map(|c| {
                        at.iter()
                            .any(|h| middle(c) >= h.start && middle(c) <= h.end)
                    })
                    .collect();
                if covered.iter().filter(|&&c| c).count() < 2 {
                    return None;
                }
                // Over those columns, letters above the rule and below it, none
                // through it. Glyph boxes reach as far as the font's tallest
                // letters go, as often into the next line: a letter's middle
                // half says where its line is.
                let over: Vec<(f32, f32)> = (inside.iter())
                    .filter(|c| c.cy() > top && c.cy() < bottom)
                    .filter(|c| slot(&grid.cols, c.cx()).is_some_and(|col| covered[col]))
                    .map(|c| line_core((c.bbox.y0, c.bbox.y1)))
                    .collect();
                let above = over.iter().any(|&(_, b)| b < y);
                let below = over.iter().any(|&(t, _)| t > y);
                (above && below && over.iter().all(|&(t, b)| b < y || t > y))
                    .then_some((y, covered))
            });
        if let Some((y, covered)) = parting {
            cuts.push((r as u32, y, covered));
        }
    }
    // From the bottom, so the rows above keep their numbers.
    for (r, y, covered) in cuts.into_iter().rev() {
        let rows_before = table.grid.row_count();
        table.grid.split_row(r, y);
        if table.grid.row_count() == rows_before {
            continue;
        }
        let single = |c: &crate::table::Cell, row: u32, col: usize| {
            c.row == row && c.col as usize == col && c.rowspan == 1 && c.colspan == 1
        };
        for col in (0..nc).filter(|&c| !covered[c]) {
            let cells = &mut table.grid.cells;
            if let (Some(upper), Some(lower)) = (
                cells.iter().position(|c| single(c, r, col)),
                cells.iter().position(|c| single(c, r + 1, col)),
            ) {
                cells[upper].rowspan = 2;
                cells.remove(lower);
            }
        }
        part_spans_under_a_rule(&mut table.grid, r + 1, inside);
    }
}

/// Parts the cells of row `r` spanning columns into single cells where no
/// letter of the row runs across a boundary between them: a row parted at
/// a rule under a group heading takes the heading's span into both parts,
/// and under the rule the group's columns each have a heading of their own.
fn part_spans_under_a_rule(grid: &mut crate::table::Grid, r: u32, inside: &[&TextChar]) {
    let (top, bottom) = (grid.rows[r as usize], grid.rows[r as usize + 1]);
    let crossed = |x: f32| {
        (inside.iter()).any(|c| c.cy() > top && c.cy() < bottom && c.bbox.x0 < x && c.bbox.x1 > x)
    };
    let spanning: Vec<usize> = (grid.cells.iter().enumerate())
        .filter(|(_, c)| c.row == r && c.rowspan == 1 && c.colspan > 1)
        .filter(|(_, c)| !(c.col + 1..c.col + c.colspan).any(|b| crossed(grid.cols[b as usize])))
        .map(|(i, _)| i)
        .collect();
    for i in spanning.into_iter().rev() {
        let cell = grid.cells.remove(i);
        (grid.cells).extend(
            (cell.col..cell.col + cell.colspan).map(|col| crate::table::Cell {
                col,
                colspan: 1,
                ..cell
            }),
        );
    }
}

/// The share of a glyph box's height, each side of its middle, its letter
/// fills (a glyph box is as tall as the font's ascent and descent).
const LINE_CORE: f32 = 0.25;

/// The top and bottom of a line's letters, from its glyph boxes' (see
/// `LINE_CORE`).
fn line_core((top, bottom): (f32, f32)) -> (f32, f32) {
    let (middle, half) = ((top + bottom) / 2.0, LINE_CORE * (bottom - top));
    (middle - half, middle + half)
}

/// Parts a ruled table's rows where a blank line runs across all of its
/// columns: entries of prose set a line apart in a frame ruled around
/// groups of rows, not between them.
fn split_rows_at_blank_lines(table: &mut TableRegion, inside: &[&TextChar]) {
    let mut sizes: Vec<f32> = inside.iter().map(|c| c.size).collect();
    sizes.sort_by(f32::total_cmp);
    let Some(&size) = sizes.get(sizes.len() / 2) else {
        return;
    };
    let mut cuts = Vec::new();
    for (r, lines) in lines_of_rows(&table.grid, inside).iter().enumerate() {
        for pair in lines.windows(2) {
            let (above, below) = (pair[0].1, pair[1].0);
            if below - above >= BLANK_LINE_EM * size {
                cuts.push((r as u32, (above + below) / 2.0));
            }
        }
    }
    // From the bottom, so the rows above (and the cuts above in a row) keep
    // their numbers.
    for &(r, y) in cuts.iter().rev() {
        table.grid.split_row(r, y);
    }
}

/// Parts a ruled table's rows before each line that holds a label in the
/// first column and nothing but figures in the others, under a line with
/// text in two columns at least: rows of values the grid's rules do not
/// part (a frame around groups of rows). A wrapped cell's next line has no
/// label, or words beside it.
fn split_rows_at_lines_of_figures(table: &mut TableRegion, inside: &[&TextChar]) {
    let grid = &table.grid;
    let columns_of = |line: &[&TextChar]| line_columns(grid, line, false);
    let mut cuts = Vec::new();
    for (r, lines) in text_lines_of_rows(grid, inside).iter().enumerate() {
        for pair in lines.windows(2) {
            let ((above, _), (below, figures)) = (columns_of(&pair[0]), columns_of(&pair[1]));
            let count = |f: &[bool]| f.iter().filter(|&&t| t).count();
            if below[0] && figures && count(&below) >= 2 && count(&above) >= 2 {
                cuts.push((r as u32, (extent(&pair[0]).1 + extent(&pair[1]).0) / 2.0));
            }
        }
    }
    // From the bottom, so the rows above (and the cuts above in a row) keep
    // their numbers.
    for &(r, y) in cuts.iter().rev() {
        table.grid.split_row(r, y);
    }
}

/// Parts a ruled table's rows before each line (below a row's first)
/// that has text in every cell the row has text in, three at least,
/// figures in half of them beside the first, when another line of the row
/// does too (`full_lines`): records set a line each in a frame drawn
/// without rules between them, a label's wrapped line (its column alone)
/// staying with its record. A line alone in the first column set out left
/// of the record's label is a group's heading, a row of its own; a record
/// whose label opens in lower case has its figures on the label's last
/// line, and its row starts where the label does.
fn split_rows_at_full_lines(table: &mut TableRegion, inside: &[&TextChar]) {
    let grid = &table.grid;
    // Most grids hold a line a row: nothing to part, nothing to look at.
    let mut extents = vec![(f32::INFINITY, f32::NEG_INFINITY, 0.0f32); grid.row_count()];
    for c in inside.iter().filter(|c| !c.c.is_whitespace()) {
        if let Some(r) = slot(&grid.rows, c.cy()) {
            let (top, bottom, size) = &mut extents[r];
            (*top, *bottom, *size) = (top.min(c.bbox.y0), bottom.max(c.bbox.y1), size.max(c.size));
        }
    }
    if !(extents.iter()).any(|&(top, bottom, size)| bottom - top > TWO_LINES_EM * size) {
        return;
    }
    let (nc, owner) = (grid.col_count(), grid.cell_at_positions());
    let mut cuts = Vec::new();
    for (r, lines) in text_lines_of_rows(grid, inside).iter().enumerate() {
        if lines.len() < 2 {
            continue;
        }
        // Each column's cell in this row, by the cell's first column.
        let owners: Vec<usize> = (0..nc)
            .map(|c| (grid.cells.get(owner[r * nc + c])).map_or(c, |cell| cell.col as usize))
            .collect();
        let Some(full) = full_lines(grid, &owners, lines) else {
            continue;
        };
        // Where a line's text in the first column starts.
        let stub_start = |line: &[&TextChar]| {
            (line.iter())
                .filter(|c| slot(&grid.cols, c.cx()) == Some(0))
                .map(|c| c.bbox.x0)
                .fold(f32::INFINITY, f32::min)
        };
        let alone = |k: usize| {
            let (filled, _) = line_columns(grid, &lines[k], false);
            filled[0] && filled.iter().skip(1).all(|&f| !f)
        };
        let starts_lower = |k: usize| {
            (lines[k].iter())
                .filter(|c| slot(&grid.cols, c.cx()) == Some(0) && !c.c.is_whitespace())
                .min_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0))
                .is_some_and(|c| c.c.is_lowercase())
        };
        // The line the current row starts at, and the one its record's
        // label starts at (none before the first record).
        let (mut start, mut label) = (0, full[0].then_some(0));
        for k in 1..lines.len() {
            // A line in the first column alone set out left of its
            // record's label is a heading over the records below (a
            // group's), not the label's wrapped line.
            let heading = alone(k)
                && label.is_some_and(|l| {
                    stub_start(&lines[k]) < stub_start(&lines[l]) - OUTDENT_EM * lines[k][0].size
                });
            // Where the row of line k starts: at k, or (none) where the
            // current row does.
            let mut at = Some(k);
            if full[k] && starts_lower(k) {
                // The record's label began above, its figures on its last
                // line: its row starts where the label does, at the line
                // alone over lines alone in lower case.
                let mut j = k - 1;
                while j > start && alone(j) && starts_lower(j) {
                    j -= 1;
                }
                if alone(j) {
                    at = (j > start).then_some(j);
                }
            }
            if full[k] || heading {
                if let Some(at) = at {
                    cuts.push((
                        r as u32,
                        (extent(&lines[at - 1]).1 + extent(&lines[at]).0) / 2.0,
                    ));
                    start = at;
                }
                label = full[k].then_some(start);
            }
        }
    }
    for &(r, y) in cuts.iter().rev() {
        table.grid.split_row(r, y);
    }
}

/// Which of a row's `lines` have text in every cell the row has text in
/// (`owners`: each column's cell, by its first column), three at least,
/// and figures in half of those beside the first (a record's values; a
/// heading wrapped over lines has words, some with a digit: `1 Year:`
/// over a date); `None` unless two do.
fn full_lines(
    grid: &crate::table::Grid,
    owners: &[usize],
    lines: &[Vec<&TextChar>],
) -> Option<Vec<bool>> {
    // Text by the row's cells (a cell spanning columns is one).
    let texts: Vec<Vec<String>> = (lines.iter())
        .map(|l| {
            let mut by_cell = vec![String::new(); grid.col_count()];
            for (c, text) in column_texts(grid, l).into_iter().enumerate() {
                by_cell[owners[c]].push_str(&text);
            }
            by_cell
        })
        .collect();
    let used: Vec<bool> = (0..grid.col_count())
        .map(|c| texts.iter().any(|t| !t[c].trim().is_empty()))
        .collect();
    if used.iter().filter(|&&u| u).count() < MIN_FULL_LINE_COLUMNS {
        return None;
    }
    let beside = used.iter().skip(1).filter(|&&u| u).count();
    let full: Vec<bool> = (texts.iter())
        .map(|t| {
            // (A value is more digits than letters: `FY 2010` or `Up to
            // $3,790`, not `1 Year:`.)
            let figures = (t.iter().skip(1))
                .filter(|text| {
                    let digits = text.chars().filter(|c| c.is_ascii_digit()).count();
                    digits > 0 && digits >= text.chars().filter(|c| c.is_alphabetic()).count()
                })
                .count();
            (t.iter().zip(&used)).all(|(text, &u)| !u || !text.trim().is_empty())
                && 2 * figures >= beside
        })
        .collect();
    (full.iter().filter(|&&f| f).count() >= 2).then_some(full)
}

/// See `full_lines`: the fewest cells a record fills.
const MIN_FULL_LINE_COLUMNS: usize = 3;
/// See `split_rows_at_full_lines`: a heading starts at least this many
/// ems left of the record's label above it.
const OUTDENT_EM: f32 = 0.5;
/// See `split_rows_at_full_lines`: a row whose text stands taller than
/// this many ems holds two lines or more.
const TWO_LINES_EM: f32 = 1.5;

/// A line's text in each column of `grid`.
fn column_texts(grid: &crate::table::Grid, line: &[&TextChar]) -> Vec<String> {
    let mut texts = vec![String::new(); grid.col_count()];
    for c in line {
        if let Some(col) = slot(&grid.cols, c.cx()) {
            texts[col].push(c.c);
        }
    }
    texts
}

/// A line's columns with text, and whether beyond the first it holds
/// figures and dashes only (with `no_value`, or a mark of none: `NA`).
fn line_columns(
    grid: &crate::table::Grid,
    line: &[&TextChar],
    no_value: bool,
) -> (Vec<bool>, bool) {
    let texts = column_texts(grid, line);
    let figures = texts.iter().skip(1).all(|t| {
        let t = t.trim();
        t.chars()
            .all(|c| c.is_ascii_digit() || ",.%()-–—".contains(c))
            || no_value && NO_VALUE.contains(&t.to_lowercase().replace(' ', "").as_str())
    });
    (
        texts.iter().map(|t| !t.trim().is_empty()).collect(),
        figures,
    )
}

/// Marks a table prints for a value it does not have, lower case.
const NO_VALUE: &[&str] = &[
    "na", "n/a", "n.a.", "n.a", "nd", "n.d.", "x", "*", "...", "…",
];

/// Parts a ruled table's row (below its first) that stacks three lines or
/// more each of which is a row: a label in the first column and in the
/// others figures or marks of no value, on every line. The row rules
/// between them were lost (drawn against shaded cells, the line and the
/// fills one box of ink). A wrapped label's next line stands alone in the
/// first column, and a value's second line (a range under it) has no
/// label; two lines may be both (a wrapped label over a range).
fn split_stacked_rows(table: &mut TableRegion, inside: &[&TextChar]) {
    let grid = &table.grid;
    let mut cuts = Vec::new();
    for (r, lines) in text_lines_of_rows(grid, inside).iter().enumerate().skip(1) {
        let rows = lines.len() >= layout::MIN_STACKED_FIGURES
            && lines.iter().all(|line| {
                let (filled, figures) = line_columns(grid, line, true);
                filled[0] && figures && filled.iter().filter(|&&f| f).count() >= 2
            });
        if rows {
            for pair in lines.windows(2) {
                cuts.push((r as u32, (extent(&pair[0]).1 + extent(&pair[1]).0) / 2.0));
            }
        }
    }
    for &(r, y) in cuts.iter().rev() {
        table.grid.split_row(r, y);
    }
}

/// The grid of a frame drawn around a table whose body has no rules
/// between its rows, when the tables read from the text inside the body
/// have the frame's columns: the header rows as drawn, the body parted
/// where the text's rows part, and at each line of text above or below
/// them (labels of groups of rows, a line to themselves, which a text
/// table leaves out as it would a title). Text tables in rows of the
/// frame none of those reach (its ruled header, read as a table of its
/// own) leave those rows as drawn; none with the frame's columns, no grid.
fn frame_rows_from_text(
    frame: &TableRegion,
    texts: &[&TableRegion],
    inside: &[&TextChar],
) -> Option<TableRegion> {
    let rows = &frame.grid.rows;
    // The frame's rows a text table's text lies in.
    let reach = |t: &TableRegion| {
        let (first, last) = (inside.iter())
            .filter(|c| t.bbox.contains(c.cx(), c.cy()))
            .filter_map(|c| slot(rows, c.cy()))
            .fold((usize::MAX, 0), |(a, b), r| (a.min(r), b.max(r)));
        first..=last
    };
    // Each text table with the frame's rows it reaches, found once.
    type Reach = std::ops::RangeInclusive<usize>;
    type Reaching<'a> = Vec<(&'a TableRegion, Reach)>;
    let (body, others): (Reaching, Reaching) = (texts.iter())
        .map(|&t| (t, reach(t)))
        .partition(|(t, _)| same_columns(&frame.grid.cols, t, inside));
    let apart = |a: &Reach, b: &Reach| a.end() < b.start() || b.end() < a.start();
    if body.is_empty() || !(others.iter()).all(|(_, o)| body.iter().all(|(_, b)| apart(o, b))) {
        return None;
    }
    let reached = |r: usize| body.iter().any(|(_, b)| b.contains(&r));
    let mut grid = frame.grid.clone();
    // A column rule drawn only through the header: the text's columns part
    // the body's cells across it too, those of rows holding lines to part
    // (a heading over columns, a line of its own, keeps its span).
    let lines: Vec<usize> = (text_lines_of_rows(&frame.grid, inside).iter())
        .map(|l| l.len())
        .collect();
    let body_rows = |cell: &crate::table::Cell| {
        let rows = cell.row as usize..(cell.row + cell.rowspan) as usize;
        rows.clone().all(reached) && rows.map(|r| lines[r]).sum::<usize>() >= 2
    };
    part_across_columns(&mut grid, inside, body_rows);
    let mut cuts: Vec<f32> = (body.iter())
        .flat_map(|(t, _)| t.grid.rows.iter().copied())
        .collect();
    // The lines above and below the text tables in the body's rows (those
    // they reach into), a row each.
    let outside: Vec<&TextChar> = (inside.iter().copied())
        .filter(|c| !(body.iter()).any(|(t, _)| c.cy() >= t.bbox.y0 && c.cy() <= t.bbox.y1))
        .filter(|c| slot(rows, c.cy()).is_some_and(reached))
        .collect();
    let cols = &frame.grid.cols;
    let whole = crate::table::Grid::uniform(rows.clone(), vec![cols[0], cols[cols.len() - 1]]);
    for lines in text_lines_of_rows(&whole, &outside) {
        cuts.extend(
            lines
                .windows(2)
                .map(|pair| (extent(&pair[0]).1 + extent(&pair[1]).0) / 2.0),
        );
    }
    cuts.sort_by(f32::total_cmp);
    // From the bottom, so the rows above keep their numbers; a cut on a
    // drawn rule (the frame's own) parts nothing, nor one that would part
    // off a strip without text (a text table's edge a little inside the
    // frame: the sliver would take the top of a cell spanning it, a label
    // beside the header's first line, and leave that line a row below).
    let holds_text = |a: f32, b: f32| inside.iter().any(|c| c.cy() > a && c.cy() < b);
    for &y in cuts.iter().rev() {
        if let Some(r) = slot(&grid.rows, y) {
            let (top, bottom) = (grid.rows[r], grid.rows[r + 1]);
            let near_rule = (top - y).abs() < 1.0 || (bottom - y).abs() < 1.0;
            if !near_rule && holds_text(top, y) && holds_text(y, bottom) {
                grid.split_row(r as u32, y);
            }
        }
    }
    Some(TableRegion {
        grid,
        evidence: Evidence::PartiallyRuled,
        ..frame.clone()
    })
}

/// Parts each cell of `grid` spanning columns that `parts` picks, where
/// text lies in two of its columns or more, into a cell a column.
fn part_across_columns(
    grid: &mut crate::table::Grid,
    inside: &[&TextChar],
    parts: impl Fn(&crate::table::Cell) -> bool,
) {
    let texts_in = |cell: &crate::table::Cell, k: usize| {
        let rect = grid.cell_rect(cell);
        let (x0, x1) = (grid.cols[k], grid.cols[k + 1]);
        (inside.iter()).any(|c| {
            !c.c.is_whitespace() && c.cx() > x0 && c.cx() < x1 && rect.contains(c.cx(), c.cy())
        })
    };
    let (parted, kept): (Vec<crate::table::Cell>, Vec<crate::table::Cell>) =
        grid.cells.iter().partition(|&cell| {
            let cols = cell.col as usize..(cell.col + cell.colspan) as usize;
            cell.colspan > 1 && parts(cell) && cols.filter(|&k| texts_in(cell, k)).count() >= 2
        });
    let singles = parted.iter().flat_map(|cell| {
        (cell.row..cell.row + cell.rowspan).flat_map(move |row| {
            (cell.col..cell.col + cell.colspan).map(move |col| crate::table::Cell {
                row,
                col,
                rowspan: 1,
                colspan: 1,
            })
        })
    });
    grid.cells = kept.iter().copied().chain(singles).collect();
}

/// True when a table read from the text has the columns `cols` of a frame
/// drawn around it: as many, and its text in the frame's column of the
/// same number, but for a stray glyph or two (its boundaries stand
/// where its text's gaps are, maybe well off the frame's lines).
fn same_columns(cols: &[f32], text: &TableRegion, inside: &[&TextChar]) -> bool {
    let text_cols = &text.grid.cols;
    if cols.len() != text_cols.len() {
        return false;
    }
    let (mut glyphs, mut off) = (0usize, 0usize);
    for c in inside
        .iter()
        .filter(|c| !c.c.is_whitespace() && text.bbox.contains(c.cx(), c.cy()))
    {
        glyphs += 1;
        if slot(cols, c.cx()) != slot(text_cols, c.cx()) {
            off += 1;
        }
    }
    glyphs > 0 && off as f32 <= MAX_OFF_COLUMN_SHARE * glyphs as f32
}

/// See `same_columns`: the share of a text table's glyphs that may lie in
/// another column of the frame than their own.
const MAX_OFF_COLUMN_SHARE: f32 = 0.02;

/// Parts a ruled table's cell spanning rows into a cell a row where no
/// rule closes it above or below (its column is left unruled beside a
/// ruled body: a stub of labels outside the grid's rules), or where its
/// rows' texts are values (a word with a digit) a blank line apart (set a
/// row apart in a column whose cells' rules are missing, fills of one
/// shade meeting), and each row it spans holds its own text, inside the
/// row, beside text in the row's other cells. A heading boxed down several
/// rows is closed top and bottom, and one label does not fill every row;
/// a long one wrapped over the rows beside it is no value, however far
/// apart its lines stand.
fn part_open_spans(table: &mut TableRegion, inside: &[&TextChar], horizontal: &[rulings::Ruling]) {
    let grid = &table.grid;
    // Most grids span no rows: nothing to read their text for.
    if !grid.cells.iter().any(|c| c.rowspan >= 2) {
        return;
    }
    let (nc, owner) = (grid.col_count(), grid.cell_at_positions());
    // Per (row, cell): the text's extent and largest size, and the text;
    // per row: the cells with text.
    let mut extent = std::collections::HashMap::<(usize, usize), (f32, f32, f32)>::new();
    let mut text = std::collections::HashMap::<(usize, usize), String>::new();
    let mut cells_of_row = vec![Vec::new(); grid.row_count()];
    for c in inside {
        if let (Some(r), Some(col)) = (slot(&grid.rows, c.cy()), slot(&grid.cols, c.cx())) {
            let cell = owner[r * nc + col];
            let slack = OPEN_SPAN_SLACK_EM * c.size;
            let e = extent
                .entry((r, cell))
                .or_insert((f32::INFINITY, f32::NEG_INFINITY, 0.0));
            *e = (
                e.0.min(c.bbox.y0 + slack),
                e.1.max(c.bbox.y1 - slack),
                e.2.max(c.size),
            );
            text.entry((r, cell)).or_default().push(c.c);
            if !cells_of_row[r].contains(&cell) {
                cells_of_row[r].push(cell);
            }
        }
    }
    let ruled_along = |y: f32, x0: f32, x1: f32| {
        (horizontal.iter()).any(|h| {
            (h.pos - y).abs() <= COLUMN_RULE_OFF
                && h.end.min(x1) - h.start.max(x0) >= MOST_OF_A_SIDE * (x1 - x0)
        })
    };
    let a_value = |r: usize, i: usize| {
        text.get(&(r, i)).is_some_and(|t| {
            let t = t.trim();
            !t.contains(char::is_whitespace) && t.chars().any(|c| c.is_ascii_digit())
        })
    };
    // (The extents are shrunk by the slack at both ends.)
    let values_set_apart = |i: usize, rows: std::ops::Range<usize>| {
        rows.clone().all(|r| a_value(r, i))
            && (rows.clone().zip(rows.skip(1))).all(|(r, next)| {
                match (extent.get(&(r, i)), extent.get(&(next, i))) {
                    (Some(&(_, bottom, a)), Some(&(top, _, b))) => {
                        let slack = OPEN_SPAN_SLACK_EM * (a + b);
                        top - bottom - slack >= BLANK_LINE_EM * a.max(b)
                    }
                    _ => false,
                }
            })
    };
    let open: Vec<usize> = (grid.cells.iter().enumerate())
        .filter(|(i, cell)| {
            let rect = grid.cell_rect(cell);
            let rows = cell.row as usize..(cell.row + cell.rowspan) as usize;
            cell.rowspan >= 2
                && (!(ruled_along(rect.y0, rect.x0, rect.x1)
                    && ruled_along(rect.y1, rect.x0, rect.x1))
                    || values_set_apart(*i, rows.clone()))
                && rows.clone().all(|r| {
                    let own = extent.get(&(r, *i));
                    own.is_some_and(|&(top, bottom, _)| {
                        top >= grid.rows[r] && bottom <= grid.rows[r + 1]
                    }) && cells_of_row[r].iter().any(|other| other != i)
                })
        })
        .map(|(i, _)| i)
        .collect();
    if open.is_empty() {
        return;
    }
    for i in open {
        let cell = table.grid.cells[i];
        table.grid.cells[i].rowspan = 1;
        (table.grid.cells).extend((1..cell.rowspan).map(|k| crate::table::Cell {
            row: cell.row + k,
            rowspan: 1,
            ..cell
        }));
    }
    table.grid.cells.sort_by_key(|c| (c.row, c.col));
}

/// See `part_open_spans`: how far (em) a character's box may reach past its
/// row (a glyph's box has room above and below its ink).
const OPEN_SPAN_SLACK_EM: f32 = 0.25;

/// See `part_open_spans`: the share of a cell's side a rule along it covers.
const MOST_OF_A_SIDE: f32 = 0.8;

/// A gap between lines at least this many em is a blank line (the lines
/// of one paragraph are a fraction of an em apart).
const BLANK_LINE_EM: f32 = 0.7;

/// The lines of text of each row of a grid, top to bottom: (top, bottom)
/// of the characters on them, across all the row's cells.
fn lines_of_rows(grid: &crate::table::Grid, inside: &[&TextChar]) -> Vec<Vec<(f32, f32)>> {
    (text_lines_of_rows(grid, inside).iter())
        .map(|lines| lines.iter().map(|line| extent(line)).collect())
        .collect()
}

/// The characters of each row of a grid, line by line top to bottom: a
/// character whose middle lies above the bottom of the line so far is on it.
fn text_lines_of_rows<'a>(
    grid: &crate::table::Grid,
    inside: &[&'a TextChar],
) -> Vec<Vec<Vec<&'a TextChar>>> {
    let mut by_row: Vec<Vec<&TextChar>> = vec![Vec::new(); grid.row_count()];
    for &c in inside {
        if let Some(r) = slot(&grid.rows, c.cy()) {
            by_row[r].push(c);
        }
    }
    (by_row.into_iter())
        .map(|mut in_row| {
            in_row.sort_by(|a, b| a.cy().total_cmp(&b.cy()));
            // Each line with the bottom of its characters so far.
            let mut lines: Vec<(Vec<&TextChar>, f32)> = Vec::new();
            for c in in_row {
                match lines.last_mut() {
                    Some((line, bottom)) if c.cy() < *bottom => {
                        line.push(c);
                        *bottom = bottom.max(c.bbox.y1);
                    }
                    _ => lines.push((vec![c], c.bbox.y1)),
                }
            }
            lines.into_iter().map(|(line, _)| line).collect()
        })
        .collect()
}

/// Top and bottom of a line's characters.
fn extent(line: &[&TextChar]) -> (f32, f32) {
    (line.iter()).fold((f32::INFINITY, f32::NEG_INFINITY), |(t, b), c| {
        (t.min(c.bbox.y0), b.max(c.bbox.y1))
    })
}

/// Where, between `y0` and `y1` (points) across `x0..x1`, the background
/// changes tone along a whole pixel row: the rows on either side each of one
/// tone nearly throughout (a gridline down a column aside), the two tones
/// apart by more than a fill's step.
fn fill_edge(page: &PageImage, x0: f32, x1: f32, y0: f32, y1: f32) -> Option<f32> {
    let (px0, py0) = page.to_pixels(x0, y0);
    let (px1, py1) = page.to_pixels(x1, y1);
    let (w, h) = page.pixels.dimensions();
    let (px0, px1) = (
        (px0.max(0.0) as u32 + 2).min(w),
        (px1.max(0.0) as u32).saturating_sub(2).min(w),
    );
    let (py0, py1) = (
        (py0.max(0.0).ceil() as u32).min(h),
        (py1.max(0.0) as u32).min(h),
    );
    if px1 <= px0 + 8 || py1 <= py0 + 1 {
        return None;
    }
    // A pixel row's tone when nearly all of it is one tone (its median,
    // from a histogram of the row: no sort).
    let raw = page.pixels.as_raw();
    let tone = |y: u32| {
        let mut counts = [0usize; 256];
        let start = (y * w) as usize;
        for &v in &raw[start + px0 as usize..start + px1 as usize] {
            counts[v as usize] += 1;
        }
        let len = (px1 - px0) as usize;
        let mut seen = 0;
        let median = (0..256).find(|&v| {
            seen += counts[v];
            2 * seen > len
        })?;
        let step = shading::DRAWN_TONE_STEP as usize;
        let alike: usize = counts[median.saturating_sub(step)..=(median + step).min(255)]
            .iter()
            .sum();
        (alike * 20 >= len * 19).then_some(median as u8)
    };
    let tones: Vec<Option<u8>> = (py0..py1).map(tone).collect();
    // One tone above, another below: not a seam where two fills of one
    // tone meet (a pixel row lighter where both cover part of it).
    let ends = (
        tones.iter().flatten().next(),
        tones.iter().flatten().next_back(),
    );
    if !matches!(ends, (Some(a), Some(b)) if a.abs_diff(*b) > shading::DRAWN_TONE_STEP) {
        return None;
    }
    (0..tones.len() - 1).find_map(|i| match (tones[i], tones[i + 1]) {
        (Some(a), Some(b)) if a.abs_diff(b) > shading::DRAWN_TONE_STEP => {
            Some(page.to_points(0.0, (py0 + i as u32 + 1) as f32).1)
        }
        _ => None,
    })
}

/// Takes out a table's columns and rows that hold no character of their
/// own (of `inside`, the table's): the gap between two rules drawn close
/// together, a spacer column of a printed spreadsheet, a row a form leaves
/// blank, the column a wide header cell reaches into and nothing else does.
/// Where cells spanning the line have text in it, its extent goes to their
/// side, so no text changes cell; where cells from both sides do, it stays.
fn drop_empty_lines(grid: &mut crate::table::Grid, inside: &[&TextChar]) {
    // Each character's row, column and cell (by index); again after a
    // line is taken out.
    let placed = |grid: &crate::table::Grid| -> Vec<(usize, usize, usize)> {
        let owner = grid.cell_at_positions();
        (inside.iter())
            .filter_map(|c| {
                let (r, col) = (slot(&grid.rows, c.cy())?, slot(&grid.cols, c.cx())?);
                Some((r, col, owner[r * grid.col_count() + col]))
            })
            .collect()
    };
    // For the starts and spans of the cells with text in line k: None to
    // keep it, else whether its extent goes onward (to the next line).
    let verdict = |cells: Vec<(u32, u32)>, k: u32| -> Option<bool> {
        if cells.iter().any(|&(_, span)| span == 1) {
            return None; // text of its own
        }
        let from_before = cells.iter().filter(|&&(start, _)| start < k).count();
        match (from_before, cells.len() - from_before) {
            (_, 0) => Some(false),
            (0, _) => Some(true),
            _ => None,
        }
    };
    let mut placement = placed(grid);
    for k in (0..grid.col_count()).rev() {
        let cells = (placement.iter())
            .filter(|&&(_, c, _)| c == k)
            .map(|&(_, _, i)| (grid.cells[i].col, grid.cells[i].colspan))
            .collect();
        if let Some(onward) = verdict(cells, k as u32) {
            grid.remove_column(k as u32, onward);
            placement = placed(grid);
        }
    }
    for k in (0..grid.row_count()).rev() {
        let cells = (placement.iter())
            .filter(|&&(r, _, _)| r == k)
            .map(|&(_, _, i)| (grid.cells[i].row, grid.cells[i].rowspan))
            .collect();
        if let Some(onward) = verdict(cells, k as u32) {
            if centred_over_a_span_with(grid, k, inside) {
                continue;
            }
            grid.remove_row(k as u32, onward);
            placement = placed(grid);
        }
    }
}

/// Whether row `k`, blank, is drawn as cells of its own beside one cell
/// spanning it and other rows, whose text is set midway over all of them,
/// nearer that middle than the middle of the rows without `k`: a label
/// merged down a group of rows whose first (or last) is blank beside it is
/// the group's, blank row and all. (Rows of a grid whose columns are ruled
/// apart each its own way, cells spanning in most, are no such group.)
fn centred_over_a_span_with(grid: &crate::table::Grid, k: usize, inside: &[&TextChar]) -> bool {
    let (spanning, own): (Vec<&crate::table::Cell>, Vec<&crate::table::Cell>) = (grid.cells.iter())
        .filter(|c| (c.row as usize..(c.row + c.rowspan) as usize).contains(&k))
        .partition(|c| c.rowspan >= 2);
    let ([cell], false) = (&spanning[..], own.is_empty()) else {
        return false;
    };
    let rect = grid.cell_rect(cell);
    let (top, bottom) = (inside.iter())
        .filter(|c| rect.contains(c.cx(), c.cy()))
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(t, b), c| {
            (t.min(c.bbox.y0), b.max(c.bbox.y1))
        });
    if top > bottom {
        return false;
    }
    let middle = (top + bottom) / 2.0;
    // The span without row k: it loses its first or its last row.
    let (y0, y1) = (rect.y0, rect.y1);
    let without = if k == cell.row as usize {
        (grid.rows[k + 1] + y1) / 2.0
    } else if k + 1 == (cell.row + cell.rowspan) as usize {
        (y0 + grid.rows[k]) / 2.0
    } else {
        return false; // (a row inside the span leaves its middle)
    };
    (middle - (y0 + y1) / 2.0).abs() < (middle - without).abs()
}

/// Ends a table read from the text layout above its first row that is a
/// note (`Source: ...`, `Note 2 ...`, `* ...`) in one cell: the notes, and
/// what follows them (a heading, the next paragraph), are the caption's
/// and the page's, not rows. `inside` holds the table's characters, `chars`
/// the page's (a note's line is read whole). A table keeps at least
/// `min_rows` rows.
fn drop_notes_below(
    table: &mut TableRegion,
    inside: &[&TextChar],
    chars: &[TextChar],
    min_rows: usize,
) {
    let grid = &table.grid;
    let owner = grid.cell_at_positions();
    // Each row's characters, with the cell holding each.
    let mut rows: Vec<Vec<(&TextChar, usize)>> = vec![Vec::new(); grid.row_count()];
    for &c in inside {
        if let (Some(r), Some(col)) = (slot(&grid.rows, c.cy()), slot(&grid.cols, c.cx())) {
            rows[r].push((c, owner[r * grid.col_count() + col]));
        }
    }
    let in_one_cell = |row: &[(&TextChar, usize)]| row.windows(2).all(|w| w[0].1 == w[1].1);
    let starts_a_note = |row: &[(&TextChar, usize)]| {
        let Some(&(first, _)) = row
            .iter()
            .min_by(|a, b| a.0.bbox.y0.total_cmp(&b.0.bbox.y0))
        else {
            return false;
        };
        let mut line: Vec<&TextChar> = (chars.iter())
            .filter(|c| c.line == first.line && table.bbox.contains(c.cx(), c.cy()))
            .collect();
        line.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
        let text: String = line.iter().map(|c| c.c).collect();
        caption::is_note(text.trim_start())
    };
    let note_row = (min_rows.max(1)..grid.row_count())
        .find(|&r| in_one_cell(&rows[r]) && starts_a_note(&rows[r]));
    let Some(r) = note_row else {
        return;
    };
    let top = table.grid.rows[r];
    table.grid.end_at(r, top);
    table.bbox.y1 = top;
}

/// Takes a title set tight over a table read from the text off its top:
/// its lines stand above a rule across the table, under which the table's
/// header stands closed by a second rule across it (the top rule and the
/// header's rule of a booktabs table). A title is one or two lines, and
/// one more giving the unit (`caption::is_unit_line`); the first starts at
/// the table's left, or each is centred over it; none has a piece starting
/// past the first column (a header's line over the top rule names later
/// columns, each apart); the body is not ruled row by row, or the title is
/// set larger than the table (`TITLE_OVER_ROWS`). True when the
/// table lost its top rows; the caption reads the title.
fn drop_title_over_top_rule(
    table: &mut TableRegion,
    inside: &[&TextChar],
    horizontal: &[rulings::Ruling],
    min_rows: usize,
) -> bool {
    if inside.is_empty() {
        return false;
    }
    let em = layout::median(inside.iter().map(|c| c.size).collect());
    let (x0, x1) = across(inside);
    let mut across_table: Vec<&rulings::Ruling> = (horizontal.iter())
        .filter(|r| r.start <= x0 + em && r.end >= x1 - em)
        .filter(|r| r.pos > table.bbox.y0 && r.pos < table.bbox.y1)
        .collect();
    across_table.sort_by(|a, b| a.pos.total_cmp(&b.pos));
    let [top_rule, header_rule] = match across_table.as_slice() {
        [a, b, ..] => [*a, *b],
        _ => return false,
    };
    let mut lines = baselines(inside.iter().copied());
    lines.sort_by(|a, b| extent(a).0.total_cmp(&extent(b).0));
    // Each line's characters left to right, for its text and its gaps.
    for line in &mut lines {
        line.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
    }
    // (By their middles: a line set tight under the rule, its letters'
    // boxes taller than their ink, may reach over it.)
    let above: Vec<&Vec<&TextChar>> = (lines.iter())
        .filter(|l| {
            let (top, bottom) = extent(l);
            (top + bottom) / 2.0 < top_rule.pos
        })
        .collect();
    let header = (lines.iter())
        .filter(|l| {
            let (top, bottom) = extent(l);
            top >= top_rule.pos - 1.0 && bottom <= header_rule.pos + 1.0
        })
        .count();
    let title_apart = above.iter().all(|l| extent(l).1 <= top_rule.pos + 1.0);
    // The body's first two lines have no rule across between them: in a
    // table ruled row by row, a label alone over the first rule is a row.
    let body: Vec<(f32, f32)> = (lines.iter())
        .map(|l| extent(l))
        .filter(|&(top, _)| top > header_rule.pos)
        .collect();
    // (Unless set larger than the table: a caption, not a row.)
    let set_larger = (above.iter().flat_map(|l| l.iter())).all(|c| c.size > TITLE_OVER_ROWS * em);
    let ruled_rows = !set_larger
        && match body.as_slice() {
            [first, second, ..] => {
                (across_table.iter()).any(|r| r.pos > first.1 && r.pos < second.0)
            }
            _ => true,
        };
    let unit_line =
        (above.iter()).any(|l| caption::is_unit_line(&l.iter().map(|c| c.c).collect::<String>()));
    if ruled_rows
        || above.is_empty()
        || above.len() > caption::MAX_TITLE_ROWS + usize::from(unit_line)
        || !title_apart
        || header == 0
        || header > MAX_HEADER_LINES
    {
        return false;
    }
    let first_column_end = table.grid.cols.get(1).copied().unwrap_or(x1);
    let a_title_line = |line: &Vec<&TextChar>| {
        (line.windows(2))
            .filter(|w| w[1].bbox.x0 - w[0].bbox.x1 > em)
            .all(|w| w[1].bbox.x0 < first_column_end)
    };
    let starts_left = above[0].iter().any(|c| c.bbox.x0 <= x0 + em);
    let centred = |line: &&Vec<&TextChar>| {
        let (a, b) = across(line);
        ((a + b) / 2.0 - (x0 + x1) / 2.0).abs() <= em
    };
    let placed = starts_left || above.iter().all(centred);
    if !placed || !above.iter().all(|l| a_title_line(l)) {
        return false;
    }
    // The title's rows: those over the rule, which parts them from the rest.
    let grid = &mut table.grid;
    let k = (0..grid.row_count())
        .take_while(|&r| (grid.rows[r] + grid.rows[r + 1]) / 2.0 < top_rule.pos)
        .count();
    if k == 0 || grid.row_count() - k < min_rows || (grid.rows[k] - top_rule.pos).abs() > em {
        return false;
    }
    for _ in 0..k {
        grid.remove_row(0, true);
    }
    grid.rows[0] = top_rule.pos;
    table.bbox.y0 = top_rule.pos;
    true
}

/// See `drop_title_over_top_rule`: how much larger than the table's median
/// size a title over a table ruled row by row is set.
const TITLE_OVER_ROWS: f32 = 1.1;

/// Which of `chars` number the page's lines: at least `MIN_NUMBERED_LINES`
/// whole numbers, each one more than the one above, lined up on one edge at
/// an even pitch, some of them on lines that hold nothing else (a blank
/// line is numbered too; a table's row numbers stand beside their rows).
fn line_numbers(chars: &[&TextChar]) -> Vec<bool> {
    // Numbers standing alone: runs of digits on one line, apart from the
    // characters beside them.
    struct Number {
        value: u32,
        members: std::ops::Range<usize>,
        bbox: Rect,
    }
    let mut numbers: Vec<Number> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let mut end = i;
        while end < chars.len() && chars[end].c.is_ascii_digit() && chars[end].line == chars[i].line
        {
            end += 1;
        }
        if end == i {
            i += 1;
            continue;
        }
        let apart = |k: usize| {
            chars
                .get(k)
                .is_none_or(|c| c.c.is_whitespace() || c.line != chars[i].line)
        };
        let text: String = chars[i..end].iter().map(|c| c.c).collect();
        if end - i <= 4 && (i == 0 || apart(i - 1)) && apart(end) {
            let bbox = (chars[i + 1..end].iter()).fold(chars[i].bbox, |b, c| b.union(&c.bbox));
            let value = text.parse().expect("ASCII digits");
            numbers.push(Number {
                value,
                members: i..end,
                bbox,
            });
        }
        i = end;
    }
    let mut marks = vec![false; chars.len()];
    // Lined up on their right edges (or left), top to bottom.
    for edge in [|b: &Rect| b.x1, |b: &Rect| b.x0] {
        let mut order: Vec<&Number> = numbers.iter().collect();
        order.sort_by(|a, b| edge(&a.bbox).total_cmp(&edge(&b.bbox)));
        for group in order.chunk_by(|a, b| edge(&b.bbox) - edge(&a.bbox) <= NUMBER_ALIGN) {
            let mut column: Vec<&&Number> = group.iter().collect();
            column.sort_by(|a, b| a.bbox.y0.total_cmp(&b.bbox.y0));
            for run in column.chunk_by(|a, b| b.value == a.value + 1) {
                if run.len() < MIN_NUMBERED_LINES {
                    continue;
                }
                let pitches: Vec<f32> = run
                    .windows(2)
                    .map(|p| p[1].bbox.y0 - p[0].bbox.y0)
                    .collect();
                let mut sorted = pitches.clone();
                sorted.sort_by(f32::total_cmp);
                let pitch = sorted[sorted.len() / 2];
                let even = pitches
                    .iter()
                    .all(|p| (p - pitch).abs() <= PITCH_SLACK * pitch);
                let alone = |n: &Number| {
                    let (y, h) = ((n.bbox.y0 + n.bbox.y1) / 2.0, n.bbox.height());
                    !(chars.iter().enumerate()).any(|(k, c)| {
                        !n.members.contains(&k)
                            && !c.c.is_whitespace()
                            && (c.cy() - y).abs() < 0.5 * h
                    })
                };
                if even && run.iter().filter(|n| alone(n)).count() >= MIN_BLANK_NUMBERED {
                    for n in run {
                        marks[n.members.clone()].iter_mut().for_each(|m| *m = true);
                    }
                }
            }
        }
    }
    marks
}

/// Line numbering: this many numbered lines at least, the numbers' edges
/// within `NUMBER_ALIGN` points, pitches within `PITCH_SLACK` of the usual
/// one, and at least `MIN_BLANK_NUMBERED` numbers with nothing beside them.
const MIN_NUMBERED_LINES: usize = 10;
const NUMBER_ALIGN: f32 = 2.0;
const PITCH_SLACK: f32 = 0.15;
const MIN_BLANK_NUMBERED: usize = 2;

/// Drops "rulings" that run through text: the tops of letters, the stems of
/// tall or CJK glyphs that touch a cell border, a strike-through. Lines of a
/// table run between characters, not through them.
fn drop_rulings_through_text(rulings: &mut rulings::Rulings, chars: &[TextChar]) {
    let glyphs: Vec<&TextChar> = chars.iter().filter(|c| !c.c.is_whitespace()).collect();
    // A horizontal line crosses a glyph between a quarter and three quarters
    // of its height; a vertical one inside a fifth of its width on each side.
    let across_h = |c: &Rect| (c.y0, c.y1, 0.25);
    let along_h = |c: &Rect| (c.x0, c.x1);
    let across_v = |c: &Rect| (c.x0, c.x1, 0.2);
    let along_v = |c: &Rect| (c.y0, c.y1);
    // Strokes run together along a run of ideographs; across text, only
    // within a glyph: a line's box can hold the border between two cells.
    let words = word_boxes(&glyphs);
    let glyph_boxes: Vec<(Rect, f32)> = glyphs.iter().map(|c| (c.bbox, c.size)).collect();
    rulings.horizontal.retain(|r| {
        !runs_through(r, &glyphs, across_h, along_h)
            && !inside_a_word(r, &words, |c| (c.y0, c.y1, c.x0, c.x1))
    });
    let joints = word_joints(&glyphs);
    let joints: Vec<&TextChar> = joints.iter().collect();
    let joint_v = |c: &Rect| (c.x0, c.x1, 0.0);
    rulings.vertical.retain(|r| {
        !runs_through(r, &glyphs, across_v, along_v)
            && !runs_through(r, &joints, joint_v, along_v)
            && !inside_a_word(r, &glyph_boxes, |c| (c.x0, c.x1, c.y0, c.y1))
    });
}

/// True when a ruling lies within a word's (or a glyph's) box, give or
/// take a stroke width across, and along the gap to a cell border the
/// stroke touches and runs into: strokes of its glyphs, such as the edge
/// strokes of ideographs (丨 in 圳, 一 atop 市, run together over a word),
/// which `runs_through` leaves alone because they stand at the glyphs'
/// edges. `extent` gives a box across the ruling, then along it.
fn inside_a_word(
    r: &rulings::Ruling,
    words: &[(Rect, f32)],
    extent: impl Fn(&Rect) -> (f32, f32, f32, f32),
) -> bool {
    words.iter().any(|(bbox, size)| {
        let (a0, a1, b0, b1) = extent(bbox);
        let (across, along) = (STROKE_ACROSS_EM * size, STROKE_ALONG_EM * size);
        r.pos >= a0 - across && r.pos <= a1 + across && r.start >= b0 - along && r.end <= b1 + along
    })
}

/// How far, in em, a glyph's stroke may stand outside its box: across it,
/// and along it (where it has run into a line).
const STROKE_ACROSS_EM: f32 = 0.12;
const STROKE_ALONG_EM: f32 = 0.3;

/// The boxes of the runs of ideographs of a page (of one line, less than a
/// word space apart), with their font size: square glyphs set edge to edge,
/// whose strokes run together. (Latin letters are too small to make a
/// stroke as long as a ruling, and a line of Latin text set tight can run
/// over a cell border.)
fn word_boxes(glyphs: &[&TextChar]) -> Vec<(Rect, f32)> {
    let mut words: Vec<(Rect, f32, u32)> = Vec::new();
    for c in glyphs.iter().filter(|c| is_cjk(c.c)) {
        match words.last_mut() {
            Some((b, size, line))
                if *line == c.line
                    && c.bbox.x0 >= b.x0
                    && c.bbox.x0 - b.x1 < WORD_SPACE_EM * c.size.max(*size) =>
            {
                *b = b.union(&c.bbox);
                *size = size.max(c.size);
            }
            _ => words.push((c.bbox, c.size, c.line)),
        }
    }
    words.into_iter().map(|(b, size, _)| (b, size)).collect()
}

/// Glyphs closer than this many em are of one word.
const WORD_SPACE_EM: f32 = 0.15;

/// Where two characters of one word meet (touching, on one line): the edge
/// zones of both that `runs_through` leaves out of each glyph. A line in one
/// runs through the word. Text set over a faint gridline (a spreadsheet's
/// cell overflowing into the next) may have the line fall exactly between
/// two letters whose boxes are tight to their ink, as OCR gives them.
fn word_joints(glyphs: &[&TextChar]) -> Vec<TextChar> {
    glyphs
        .windows(2)
        .filter(|p| {
            let (a, b) = (&p[0].bbox, &p[1].bbox);
            p[0].line == p[1].line
                && b.x0 >= a.x0
                && b.x0 - a.x1 <= JOINT_GAP * p[0].size.max(p[1].size)
        })
        .map(|p| {
            let (a, b) = (&p[0].bbox, &p[1].bbox);
            let x0 = a.x1 - 0.2 * a.width();
            let x1 = b.x0 + 0.2 * b.width();
            TextChar {
                c: p[0].c,
                bbox: Rect::new(x0, a.y0.min(b.y0), x1, a.y1.max(b.y1)),
                line: p[0].line,
                size: p[0].size,
            }
        })
        .collect()
}

/// Characters this far apart, in em, or closer touch (see `word_joints`).
const JOINT_GAP: f32 = 0.02;

/// True when glyphs cover 30 % or more of the ruling's length with the ruling
/// inside them. `across` gives a glyph's extent across the ruling and the
/// share of it at each edge that does not count; `along` its extent along.
fn runs_through(
    r: &rulings::Ruling,
    glyphs: &[&TextChar],
    across: impl Fn(&Rect) -> (f32, f32, f32),
    along: impl Fn(&Rect) -> (f32, f32),
) -> bool {
    let through: f32 = glyphs
        .iter()
        .filter_map(|c| {
            let (a0, a1, margin) = across(&c.bbox);
            let (b0, b1) = along(&c.bbox);
            let inner = (a1 - a0) * margin;
            let inside = r.pos > a0 + inner && r.pos < a1 - inner && b1 > r.start && b0 < r.end;
            inside.then(|| b1.min(r.end) - b0.max(r.start))
        })
        .sum();
    through >= 0.3 * r.length()
}

/// The share of a region's area inked by something other than text, rulings
/// and bands across its whole width (a dark header row, shading): what a
/// chart has and a table does not. `ink` holds the page's pixels darker than
/// `VISIBLE_INK`; the work is done on its bits, a word of 64 pixels at a time.
fn graphic_ink_share(
    page: &PageImage,
    ink: &InkBits,
    region: &Rect,
    chars: &[&TextChar],
    rulings: &rulings::Rulings,
    tone_step: u8,
) -> f32 {
    let (w, h) = page.pixels.dimensions();
    let (px0, py0) = page.to_pixels(region.x0, region.y0);
    let (px1, py1) = page.to_pixels(region.x1, region.y1);
    let clamp = |v: f32, hi: u32| (v.max(0.0) as u32).min(hi);
    let (x0, y0, x1, y1) = (
        clamp(px0, w),
        clamp(py0, h),
        clamp(px1.ceil(), w),
        clamp(py1.ceil(), h),
    );
    if x1 <= x0 || y1 <= y0 {
        return 0.0;
    }
    let (rw, rh) = ((x1 - x0) as usize, (y1 - y0) as usize);
    // Explained pixels as bits, per region row the words from the one x0 is in.
    let first = (x0 / 64) as usize;
    let words = (x1 as usize - 1) / 64 + 1 - first;
    let base = first as u32 * 64;
    let mut explained = vec![0u64; rh * words];
    // A box in page points, grown by `grow` pixels, as the pixels of the
    // region it covers: columns [xa, xb), rows [ya, yb).
    let pixels = |ax: f32, ay: f32, bx: f32, by: f32, grow: f32| {
        let (ax, ay) = page.to_pixels(ax, ay);
        let (bx, by) = page.to_pixels(bx, by);
        let xa = ((ax - grow).max(x0 as f32) as u32).min(x1);
        let xb = ((bx + grow).ceil().max(0.0) as u32).min(x1);
        let ya = ((ay - grow).max(y0 as f32) as u32).min(y1);
        let yb = ((by + grow).ceil().max(0.0) as u32).min(y1);
        (xa < xb && ya < yb).then_some((xa, xb, ya, yb))
    };
    let mut mark = |(xa, xb, ya, yb): (u32, u32, u32, u32)| {
        let (a, b) = (xa - base, xb - base);
        let (ka, kb) = ((a / 64) as usize, ((b - 1) / 64) as usize);
        if ka == kb {
            // Most boxes (a glyph's) lie within one word: one mask for all rows.
            let mask = scan::span_mask(ka, a, b);
            for y in ya..yb {
                explained[(y - y0) as usize * words + ka] |= mask;
            }
        } else {
            for y in ya..yb {
                scan::set_bits(&mut explained[(y - y0) as usize * words..][..words], a, b);
            }
        }
    };
    // The letters of a word, grown, overlap on the same rows: each run of
    // them is marked once, as the one box they cover.
    let mut run: Option<(u32, u32, u32, u32)> = None;
    for (xa, xb, ya, yb) in chars
        .iter()
        .filter_map(|c| pixels(c.bbox.x0, c.bbox.y0, c.bbox.x1, c.bbox.y1, 1.5))
    {
        match run.as_mut() {
            Some(r) if (r.2, r.3) == (ya, yb) && xa <= r.1 && xb >= r.0 => {
                (r.0, r.1) = (r.0.min(xa), r.1.max(xb));
            }
            _ => {
                if let Some(done) = run.replace((xa, xb, ya, yb)) {
                    mark(done);
                }
            }
        }
    }
    if let Some(done) = run {
        mark(done);
    }
    for r in &rulings.horizontal {
        if let Some(b) = pixels(r.start, r.pos, r.end, r.pos, 3.0) {
            mark(b);
        }
    }
    for r in &rulings.vertical {
        if let Some(b) = pixels(r.pos, r.start, r.pos, r.end, 3.0) {
            mark(b);
        }
    }
    let unexplained_share = |explained: &[u64]| {
        let mut unexplained = 0usize;
        for y in y0..y1 {
            let row = &ink.row(y as usize)[first..first + words];
            let done = &explained[(y - y0) as usize * words..][..words];
            let (mut inked, mut left) = (0u32, 0u32);
            for (k, (&bits, &known)) in row.iter().zip(done).enumerate() {
                let bits = bits & scan::span_mask(k, x0 - base, x1 - base);
                inked += bits.count_ones();
                left += (bits & !known).count_ones();
            }
            if inked as f32 >= 0.8 * rw as f32 {
                continue; // a band across the table
            }
            unexplained += left as usize;
        }
        unexplained as f32 / (rw * rh) as f32
    };
    let share = unexplained_share(&explained);
    if share < MAX_GRAPHIC_INK {
        return share;
    }
    // Shaded cells explain their tint; a chart's bars do not (see `shading`).
    let px = |points: f32| (points * page.scale).round().max(1.0) as u32;
    let tints = {
        let known = |x: u32, y: u32| {
            let p = x - base;
            explained[(y - y0) as usize * words + (p / 64) as usize] >> (p % 64) & 1 == 1
        };
        let sizes = (
            px(MIN_TINT_WIDTH),
            px(MIN_TINT_HEIGHT),
            px(MAX_LINE_ACROSS_TINT),
        );
        shading::tints(
            &page.pixels,
            (x0, y0, x1, y1),
            VISIBLE_INK,
            sizes,
            tone_step,
            known,
        )
    };
    let in_columns = shading::in_columns(&tints, px(TINT_EDGE_TOLERANCE));
    for (t, _) in tints.iter().zip(in_columns).filter(|(_, c)| *c) {
        for y in t.y0..t.y1 {
            let row = &mut explained[(y - y0) as usize * words..][..words];
            scan::set_bits(row, t.x0 - base, t.x1 - base);
        }
    }
    unexplained_share(&explained)
}

/// The median height of a grid's rows: the scale for what is near a table.
fn median_row_height(grid: &crate::table::Grid) -> f32 {
    let mut heights: Vec<f32> = grid.rows.windows(2).map(|w| w[1] - w[0]).collect();
    heights.sort_by(f32::total_cmp);
    heights.get(heights.len() / 2).copied().unwrap_or(0.0)
}

/// `graphic_ink_share` of a grid, cell by cell (weighted by area): a cell
/// shaded all across is shading, as a band across a whole table is; a
/// shaded column is no graphic.
fn cells_graphic_share(
    page: &PageImage,
    ink: &InkBits,
    grid: &crate::table::Grid,
    chars: &[&TextChar],
    rulings: &rulings::Rulings,
    tone_step: u8,
) -> f32 {
    let (mut graphic, mut area) = (0.0, 0.0);
    for cell in &grid.cells {
        let r = grid.cell_rect(cell);
        let a = r.width() * r.height();
        graphic += a * graphic_ink_share(page, ink, &r, chars, rulings, tone_step);
        area += a;
    }
    if area > 0.0 {
        graphic / area
    } else {
        0.0
    }
}

/// True when a band one and a half rows high right above or below a layout
/// table is inked like a chart: the table is the axis labels or the legend
/// of a plot drawn against it. A table keeps its distance from figures (a
/// caption, a paragraph between). Only long lines explain ink here: a
/// plot's slanted lines break up into short "rulings". So do rules under
/// one column each, half its width or more (a statement's double rules
/// under each total), but not a box's sides.
fn hugs_a_graphic(
    page: &PageImage,
    ink: &InkBits,
    table: &TableRegion,
    others: &[Rect],
    chars: &[&TextChar],
    rulings: &rulings::Rulings,
    tone_step: u8,
) -> bool {
    let b = &table.bbox;
    let h = 1.5 * median_row_height(&table.grid);
    let lines = rulings::Rulings {
        horizontal: (rulings.horizontal.iter())
            .filter(|r| {
                r.length() >= 0.6 * b.width()
                    || (under_a_column(r, &table.grid.cols) && !a_box_side(r, &rulings.vertical))
            })
            .copied()
            .collect(),
        vertical: (rulings.vertical.iter())
            .filter(|r| r.length() >= h)
            .copied()
            .collect(),
    };
    // The bands stop at a table found next to this one: its ink is its own.
    let beside: Vec<&Rect> = others
        .iter()
        .filter(|o| o.x0 < b.x1 && o.x1 > b.x0)
        .collect();
    let top = (beside.iter())
        .filter(|o| o.y1 <= b.y0 + 1.0)
        .fold(b.y0 - h, |y, o| y.max(o.y1));
    let bottom = (beside.iter())
        .filter(|o| o.y0 >= b.y1 - 1.0)
        .fold(b.y1 + h, |y, o| y.min(o.y0));
    [
        Rect::new(b.x0, top, b.x1, b.y0),
        Rect::new(b.x0, b.y1, b.x1, bottom),
    ]
    .iter()
    .filter(|band| band.height() >= 1.0)
    .any(|band| graphic_ink_share(page, ink, band, chars, &lines, tone_step) >= MAX_GRAPHIC_INK)
}

/// Whether a vertical line meets the horizontal rule `r` at one of its
/// ends: `r` is a side of a box (a diagram's), not a rule.
fn a_box_side(r: &rulings::Ruling, verticals: &[rulings::Ruling]) -> bool {
    let near = |a: f32, b: f32| (a - b).abs() <= BOX_CORNER;
    (verticals.iter()).any(|v| {
        (near(v.pos, r.start) || near(v.pos, r.end))
            && v.start <= r.pos + BOX_CORNER
            && v.end >= r.pos - BOX_CORNER
    })
}

/// How far (points) a box's sides may stand from meeting at a corner.
const BOX_CORNER: f32 = 2.0;

/// Whether the horizontal rule `r` lies under one column of the
/// boundaries `cols`, half its width long at least.
fn under_a_column(r: &rulings::Ruling, cols: &[f32]) -> bool {
    (cols.windows(2)).any(|c| {
        let tol = 0.1 * (c[1] - c[0]);
        r.start >= c[0] - tol && r.end <= c[1] + tol && r.length() >= 0.5 * (c[1] - c[0])
    })
}

/// True when a vertical line runs down through a layout table whose
/// columns are mostly not drawn, away from its edges and its column
/// boundaries, and on past it above or below by a few rows: the side of a
/// frame or a plot the "table" reaches across, as a chart's axis labels
/// and its legend beside the plot do, or two figures' legends side by side
/// (a frame's side may fall on a column boundary by chance); or when a
/// line from far above stops inside it, as a plot's axes do over
/// its lowest tick values and a legend. A piece of a bigger ruled table
/// has lines down most of its columns.
fn straddles_a_frame(table: &TableRegion, rulings: &rulings::Rulings) -> bool {
    let (b, cols) = (&table.bbox, &table.grid.cols);
    let row = median_row_height(&table.grid);
    let beyond = FRAME_BEYOND_ROWS * row;
    let through: Vec<&rulings::Ruling> = (rulings.vertical.iter())
        .filter(|r| {
            // Down the whole table, give or take half a row at either end
            // (a plot's top at the middle of its first tick value).
            r.pos > b.x0 + row
                && r.pos < b.x1 - row
                && r.start <= b.y0 + 0.5 * row
                && r.end >= b.y1 - 0.5 * row
        })
        .collect();
    let inner = inner_boundaries(cols);
    let drawn = |x: f32| through.iter().any(|r| (x - r.pos).abs() <= 0.5 * row);
    let on_a_column = |r: &&rulings::Ruling| inner.iter().any(|&x| (x - r.pos).abs() <= 0.5 * row);
    // A line from far above that stops a row or more inside the table is
    // none of its column rules, wherever it falls: a plot's axis over the
    // tick labels and legend under it. (Lines starting inside and running
    // on down are a ruled table's, under the title over its columns.)
    let stops_inside = |r: &rulings::Ruling| {
        r.start < b.y0 - beyond && (row..=b.height() - row).contains(&(r.end - b.y0))
    };
    2 * inner.iter().filter(|&&x| drawn(x)).count() < inner.len()
        && ((through.iter())
            .filter(|r| !on_a_column(r))
            .any(|r| (b.y0 - r.start).max(r.end - b.y1) > beyond)
            || (rulings.vertical.iter())
                .filter(|r| r.pos > b.x0 + row && r.pos < b.x1 - row)
                .any(stops_inside))
}

/// A grid's column boundaries without its left and right edges.
fn inner_boundaries(cols: &[f32]) -> &[f32] {
    &cols[1..cols.len().saturating_sub(1).max(1)]
}

/// See `straddles_a_frame`: a frame's side reaches on more than this many
/// rows past the table.
const FRAME_BEYOND_ROWS: f32 = 2.0;

/// Vertical strokes inside a table, away from its left and right edges and
/// from every column boundary of its grid, each alone at its position: the
/// end of a bar, a tick, the side of a diagram's box. Strokes that line up
/// with others down the table are the borders of a form's boxes or a line
/// after a column set by alignment, which a table may have.
fn stray_verticals(table: &TableRegion, rulings: &rulings::Rulings, chars: &[&TextChar]) -> usize {
    let (b, cols) = (&table.bbox, &table.grid.cols);
    let row = median_row_height(&table.grid);
    let inner = inner_boundaries(cols);
    let within: Vec<&rulings::Ruling> = rulings
        .vertical
        .iter()
        .filter(|r| r.pos > b.x0 + row && r.pos < b.x1 - row && r.start < b.y1 && r.end > b.y0)
        .collect();
    within
        .iter()
        .filter(|r| {
            inner.iter().all(|&x| (x - r.pos).abs() > 0.5 * row)
                && !cuts_a_word(r, chars)
                && r.length() < (0.5 * b.height()).min(2.5 * row)
                && within
                    .iter()
                    .filter(|o| (o.pos - r.pos).abs() <= 1.5)
                    .count()
                    == 1
        })
        .count()
}

/// True when a vertical stroke cuts through a word: through a letter or
/// between two letters of it, across their middle. A drawn line keeps clear
/// of words; what cuts them is a large letter's stem, or a tinted band seen
/// between the light letters printed on it.
fn cuts_a_word(r: &rulings::Ruling, chars: &[&TextChar]) -> bool {
    let across = |c: &TextChar| r.start < c.cy() && r.end > c.cy();
    let through = chars
        .iter()
        .any(|c| !c.c.is_whitespace() && across(c) && r.pos > c.bbox.x0 && r.pos < c.bbox.x1);
    through
        || chars.windows(2).any(|w| {
            let (a, b) = (w[0], w[1]);
            a.line == b.line
                && !a.c.is_whitespace()
                && !b.c.is_whitespace()
                && b.bbox.x0 - a.bbox.x1 < 0.3 * a.size
                && r.pos >= a.cx()
                && r.pos <= b.cx()
                && across(a)
        })
}

/// True when both cells hold text, none of it runs across the boundary, and
/// the texts keep clear of each other: two cells whose separating line was
/// not drawn (or on a scan, too little of it). Side by side, a word space
/// apart at least: a heading over two columns runs across; the glyphs of
/// one word split by a stray stroke touch. One above the other (`second`
/// starts where `first` ends), lines a tenth of their size apart: two rows
/// of a column, not one cell's lines about a broken rule's piece.
fn text_separates(chars: &[TextChar], first: &Rect, second: &Rect) -> bool {
    let stacked = second.y0 >= first.y1;
    // A box's extent across the boundary and along it; a glyph's centre
    // likewise (across, along).
    let across = |r: &Rect| if stacked { (r.y0, r.y1) } else { (r.x0, r.x1) };
    let along = |r: &Rect| if stacked { (r.x0, r.x1) } else { (r.y0, r.y1) };
    let centre = |c: &TextChar| {
        if stacked {
            (c.cy(), c.cx())
        } else {
            (c.cx(), c.cy())
        }
    };
    let boundary = across(first).1;
    let (from, to) = (across(first).0, across(second).1);
    let (side0, side1) = along(first);
    let (mut first_end, mut second_start) = (f32::NEG_INFINITY, f32::INFINITY);
    let mut second_first = ' ';
    let mut size: f32 = 0.0;
    for c in chars.iter().filter(|c| !c.c.is_whitespace()) {
        let (at, beside) = centre(c);
        if beside <= side0 || beside >= side1 {
            continue;
        }
        let (g0, g1) = across(&c.bbox);
        if at > from && at < to && g0 < boundary - 0.5 && g1 > boundary + 0.5 {
            return false;
        }
        if first.contains(c.cx(), c.cy()) {
            first_end = first_end.max(g1);
            size = size.max(c.size);
        } else if second.contains(c.cx(), c.cy()) {
            if g0 < second_start {
                second_first = c.c;
            }
            second_start = second_start.min(g0);
            size = size.max(c.size);
        }
    }
    let apart = if stacked {
        LINES_APART_EM
    } else {
        WORDS_APART_EM
    };
    // A heading over both whose word space falls where the line would run
    // (`number of | franchisors`): the two pieces meet at the boundary, the
    // second going on in lower case.
    let one_phrase = !stacked
        && second_first.is_lowercase()
        && boundary - first_end < ACROSS_A_BOUNDARY_EM * size
        && second_start - boundary < ACROSS_A_BOUNDARY_EM * size;
    first_end.is_finite()
        && second_start.is_finite()
        && second_start - first_end >= apart * size
        && !one_phrase
}

/// How near, in em, the pieces of a phrase each stand to a boundary that
/// its word space happens to fall on.
const ACROSS_A_BOUNDARY_EM: f32 = 0.4;

/// How far apart, in em, the text of two cells keeps them apart: side by
/// side (a word space), one above the other (lines set closer than a
/// paragraph's are still apart).
const WORDS_APART_EM: f32 = 0.25;
const LINES_APART_EM: f32 = 0.1;

/// The share of a grid's cells with text in them.
fn filled_share(grid: &crate::table::Grid, chars: &[TextChar]) -> f32 {
    let owner = grid.cell_at_positions();
    let nc = grid.col_count();
    let mut filled = vec![false; grid.cells.len()];
    for c in chars.iter().filter(|c| !c.c.is_whitespace()) {
        if let (Some(r), Some(col)) = (slot(&grid.rows, c.cy()), slot(&grid.cols, c.cx())) {
            filled[owner[r * nc + col]] = true;
        }
    }
    filled.iter().filter(|&&f| f).count() as f32 / grid.cells.len().max(1) as f32
}

/// A table drawn inside a cell of another is part of that cell's content.
fn drop_nested(tables: &mut Vec<TableRegion>) {
    let snapshot = tables.clone();
    tables.retain(|a| {
        !snapshot
            .iter()
            .any(|b| a != b && b.bbox.holds(&a.bbox, 1.0))
    });
}

/// Ends a table at the top of another that it runs into below: the rows
/// of the first that lie in the second are the second's (read by the
/// first as lines of text, cells stacked), and a row is in one table only.
/// A row of the first reaching over the second's top keeps what lies
/// above it. A table left with fewer than two rows stays as it was.
fn end_above_the_next(tables: &mut [TableRegion]) {
    for i in 0..tables.len() {
        for j in 0..tables.len() {
            let (a, b) = (tables[i].bbox, tables[j].bbox);
            let across = a.x1.min(b.x1) - a.x0.max(b.x0) > 0.5 * a.width().min(b.width());
            if i == j || !across || !(a.y0 < b.y0 && b.y0 < a.y1) {
                continue;
            }
            let grid = &mut tables[i].grid;
            // The rows that start above the second table's top (give or
            // take a tolerance: its top rule may be a row's bottom).
            let kept = grid.rows.iter().take_while(|&&y| y < b.y0 - 2.0).count();
            if kept < 2 || kept >= grid.row_count() {
                continue;
            }
            grid.end_at(kept, b.y0);
            tables[i].bbox.y1 = grid.rows[kept];
        }
    }
}

/// Top to bottom; tables side by side (overlapping vertically) left to right.
fn sort_reading_order(tables: &mut [TableRegion]) {
    tables.sort_by(|a, b| a.bbox.y0.total_cmp(&b.bbox.y0));
    // Bubble neighbours that sit side by side into left-to-right order; a
    // plain comparator on "overlaps" would not be a total order.
    for _ in 0..tables.len() {
        for i in 1..tables.len() {
            let (a, b) = (&tables[i - 1].bbox, &tables[i].bbox);
            let side_by_side = a.y1.min(b.y1) > a.y0.max(b.y0);
            if side_by_side && b.x1 <= a.x0 {
                tables.swap(i - 1, i);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::worker::extract::Boundaries;
    use proptest::prelude::*;
    use rulings::Ruling;

    fn layout_table(rows: Vec<f32>, cols: Vec<f32>) -> TableRegion {
        let bbox = Rect::new(
            cols[0],
            rows[0],
            *cols.last().unwrap(),
            *rows.last().unwrap(),
        );
        TableRegion {
            bbox,
            grid: crate::table::Grid::uniform(rows, cols),
            evidence: Evidence::PartiallyRuled,
            confidence: 0.5,
        }
    }

    #[test]
    fn a_box_round_most_of_a_table_says_where_it_starts_unless_a_header_is_above() {
        use crate::worker::extract::tests::word;
        // A box from (50, 100) to (350, 300); a layout table from 60 down,
        // three columns.
        let rulings = rulings::Rulings {
            horizontal: vec![
                Ruling::new(100.0, 50.0, 350.0),
                Ruling::new(300.0, 50.0, 350.0),
            ],
            vertical: vec![
                Ruling::new(50.0, 100.0, 300.0),
                Ruling::new(350.0, 100.0, 300.0),
            ],
        };
        let boxes = frames(&rulings);
        assert_eq!(boxes, vec![Rect::new(50.0, 100.0, 350.0, 300.0)]);
        let table = layout_table(
            vec![60.0, 80.0, 100.0, 200.0, 300.0],
            vec![50.0, 150.0, 250.0, 350.0],
        );
        // In the box, a body of five lines across the columns.
        let body: Vec<TextChar> = (0..5)
            .flat_map(|i| {
                let y = 120.0 + 30.0 * i as f32;
                let mut line = word("Oak", 55.0, y, 10 + i);
                line.extend(word("12", 155.0, y, 10 + i));
                line.extend(word("3.4", 255.0, y, 10 + i));
                line
            })
            .collect();
        let with_body = |above: &[TextChar]| -> Vec<TextChar> {
            above.iter().chain(body.iter()).cloned().collect()
        };
        // Above the box, a report's particulars: label and value.
        let mut particulars = word("Site:", 55.0, 70.0, 0);
        particulars.extend(word("Bird", 155.0, 70.0, 0));
        particulars.extend(word("Soil:", 55.0, 90.0, 1));
        let chars = with_body(&particulars);
        let chars: Vec<&TextChar> = chars.iter().collect();
        assert_eq!(boxed_below_its_top(&table, &boxes, &chars), Some(100.0));
        // Above it, a header: every column named.
        let mut header = word("Code", 55.0, 90.0, 0);
        header.extend(word("Name", 155.0, 90.0, 1));
        header.extend(word("Qty", 255.0, 90.0, 2));
        let chars = with_body(&header);
        let chars: Vec<&TextChar> = chars.iter().collect();
        assert_eq!(boxed_below_its_top(&table, &boxes, &chars), None);
        // A title over every column, running out past the box's side to a
        // date at the page's edge (the table reaching out with it), is none.
        let mut title = word("Monthly flight operations data", 55.0, 90.0, 0);
        title.extend(word("Dec-2015", 400.0, 90.0, 0));
        let wide = layout_table(
            vec![60.0, 80.0, 100.0, 200.0, 300.0],
            vec![50.0, 150.0, 250.0, 350.0, 450.0],
        );
        let chars = with_body(&title);
        let chars: Vec<&TextChar> = chars.iter().collect();
        assert_eq!(boxed_below_its_top(&wide, &boxes, &chars), Some(100.0));
        // A box round the table's top rows only (a header band) says nothing.
        let band = [Rect::new(50.0, 100.0, 350.0, 140.0)];
        let chars = with_body(&particulars);
        let chars: Vec<&TextChar> = chars.iter().collect();
        assert_eq!(boxed_below_its_top(&table, &band, &chars), None);
        // Nor one round the body's last two lines, nor one round the column
        // of names (not as wide as the text beside it).
        let few = [Rect::new(50.0, 200.0, 350.0, 300.0)];
        assert_eq!(boxed_below_its_top(&table, &few, &chars), None);
        let column = [Rect::new(150.0, 100.0, 250.0, 300.0)];
        assert_eq!(boxed_below_its_top(&table, &column, &chars), None);
    }

    /// A booktabs table of three columns (x 50, 150, 250, 350; its text from
    /// x 52 to 338): its top rule at 60, a header line at 70 over a rule at
    /// 78, lines at 90, 105, 120 over the bottom rule at 126; its structured
    /// text lines numbered from `first_line`.
    fn booktabs_under_a_title(first_line: u32) -> ([Ruling; 3], Vec<TextChar>) {
        use crate::worker::extract::tests::word;
        let rules = [
            Ruling::new(60.0, 50.0, 350.0),
            Ruling::new(78.0, 50.0, 350.0),
            Ruling::new(126.0, 50.0, 350.0),
        ];
        let mut body = word("Item", 52.0, 70.0, first_line);
        body.extend(word("2024", 200.0, 70.0, first_line));
        body.extend(word("2025", 300.0, 70.0, first_line));
        for (i, y) in [90.0, 105.0, 120.0].into_iter().enumerate() {
            let line = first_line + 1 + i as u32;
            body.extend(word("Oak", 52.0, y, line));
            body.extend(word("12", 220.0, y, line));
            body.extend(word("3.4", 320.0, y, line));
        }
        (rules, body)
    }

    #[test]
    fn a_title_tight_over_a_top_rule_is_no_row() {
        use crate::worker::extract::tests::word;
        // A title's line at 50, over the table's top rule.
        let (rules, body) = booktabs_under_a_title(1);
        let rows = vec![44.0, 60.0, 78.0, 97.0, 112.0, 126.0];
        let cols = vec![50.0, 150.0, 250.0, 350.0];
        let read = |top_line: &[TextChar], rules: &[Ruling]| {
            let chars: Vec<TextChar> = top_line.iter().chain(&body).cloned().collect();
            let inside: Vec<&TextChar> = chars.iter().collect();
            let mut table = layout_table(rows.clone(), cols.clone());
            let dropped = drop_title_over_top_rule(&mut table, &inside, rules, 2);
            (dropped, table.grid.rows[0], table.grid.row_count())
        };
        // A title from the table's left, running over the columns.
        let title = word("Table 1. Trees by kind and year", 52.0, 50.0, 0);
        assert_eq!(read(&title, &rules), (true, 60.0, 4));
        // A header's line naming later columns stays.
        let mut groups = word("Kind", 52.0, 50.0, 0);
        groups.extend(word("Years", 230.0, 50.0, 0));
        assert_eq!(read(&groups, &rules), (false, 44.0, 5));
        // So does a line under which no header is closed by a second rule.
        assert_eq!(read(&title, &rules[..1]), (false, 44.0, 5));
        // And a label alone over the first rule of a table ruled row by row.
        let mut every_row = rules.to_vec();
        every_row.extend([
            Ruling::new(94.5, 50.0, 350.0),
            Ruling::new(109.5, 50.0, 350.0),
        ]);
        assert_eq!(read(&title, &every_row), (false, 44.0, 5));
        // Unless set larger than the table: a caption, not a row.
        let mut large = title.clone();
        for c in &mut large {
            c.size = 12.0;
        }
        assert_eq!(read(&large, &every_row), (true, 60.0, 4));
    }

    #[test]
    fn a_header_band_parts_a_title_over_it_as_rules_would() {
        use crate::worker::extract::tests::word;
        // One pixel a point. The booktabs table of `booktabs_under_a_title`
        // drawn with no rules: its header (Item 2024 2025, at 70) set on a
        // grey band 60-78 across it, a title at 50 tight over the band.
        let mut pixels = image::GrayImage::from_pixel(400, 140, image::Luma([255]));
        for y in 60..78 {
            for x in 50..350 {
                pixels.put_pixel(x, y, image::Luma([215]));
            }
        }
        let page = PageImage {
            pixels: crate::worker::render::grey(pixels),
            scale: 1.0,
            origin: (0.0, 0.0),
        };
        let (_, body) = booktabs_under_a_title(1);
        let mut chars = word("Table 1. Trees by kind and year", 52.0, 50.0, 0);
        chars.extend(body);
        let inside: Vec<&TextChar> = chars.iter().collect();
        let mut table = layout_table(
            vec![44.0, 60.0, 78.0, 97.0, 112.0, 126.0],
            vec![50.0, 150.0, 250.0, 350.0],
        );
        let edges = band_edges(&table, &inside, &page);
        let at: Vec<f32> = edges.iter().map(|e| e.pos).collect();
        assert_eq!(at, vec![60.0, 78.0]);
        assert!(drop_title_over_top_rule(&mut table, &inside, &edges, 2));
        assert_eq!(table.grid.rows[0], 60.0);
        // On white, no edges: the title stays.
        let blank = PageImage {
            pixels: crate::worker::render::grey(image::GrayImage::from_pixel(
                400,
                140,
                image::Luma([255]),
            )),
            scale: 1.0,
            origin: (0.0, 0.0),
        };
        assert!(band_edges(&table, &inside, &blank).is_empty());
    }

    #[test]
    fn a_title_giving_its_unit_on_a_third_line_or_centred_over_the_table_is_no_row() {
        use crate::worker::extract::tests::word;
        // A title's lines at 22, 36, 50, over the table's top rule; the
        // table's text has its middle at x 195.
        let (rules, body) = booktabs_under_a_title(3);
        let rows = vec![12.0, 26.0, 40.0, 60.0, 78.0, 97.0, 112.0, 126.0];
        let cols = vec![50.0, 150.0, 250.0, 350.0];
        let read = |title: &[(&str, f32)]| {
            let mut chars = body.clone();
            for (line, &(text, x)) in title.iter().enumerate() {
                chars.extend(word(text, x, 22.0 + 14.0 * line as f32, line as u32));
            }
            let inside: Vec<&TextChar> = chars.iter().collect();
            let mut table = layout_table(rows.clone(), cols.clone());
            let dropped = drop_title_over_top_rule(&mut table, &inside, &rules, 2);
            (dropped, table.grid.rows[0], table.grid.row_count())
        };
        // Two lines of title and a third giving the unit.
        let unit = [
            ("Table 1. Trees by kind", 52.0),
            ("and year", 52.0),
            ("[In thousands]", 52.0),
        ];
        assert_eq!(read(&unit), (true, 60.0, 4));
        // Three lines of which none gives the unit are a paragraph's.
        let three = [
            ("Table 1. Trees by kind", 52.0),
            ("and year", 52.0),
            ("in the region", 52.0),
        ];
        assert_eq!(read(&three), (false, 12.0, 7));
        // Lines centred over the table, not starting at its left.
        let centred = [("", 0.0), ("Trees by kind", 156.0), ("and year", 171.0)];
        assert_eq!(read(&centred), (true, 60.0, 4));
        // Lines neither from the left nor centred are no title.
        let off = [("", 0.0), ("Trees by kind", 100.0), ("and year", 171.0)];
        assert_eq!(read(&off), (false, 12.0, 7));
    }

    #[test]
    fn a_stack_of_boxed_tables_read_as_one_is_read_apart_box_by_box() {
        use crate::worker::extract::tests::word;
        // Two boxes one above the other, (50, 100)-(350, 250) and
        // (50, 260)-(350, 410), five lines of figures in each, under a title.
        let boxes = [
            Rect::new(50.0, 100.0, 350.0, 250.0),
            Rect::new(50.0, 260.0, 350.0, 410.0),
        ];
        let mut chars = word("Table 4", 55.0, 80.0, 0);
        for (b, top) in [(0, 115.0), (1, 275.0)] {
            for i in 0..5 {
                let (y, line) = (top + 25.0 * i as f32, 1 + 10 * b + i);
                chars.extend(word("Oak", 55.0, y, line));
                chars.extend(word("12", 155.0, y, line));
                chars.extend(word("3.4", 255.0, y, line));
            }
        }
        let chars: Vec<&TextChar> = chars.iter().collect();
        // Each box holds less than half the table, both together most.
        let table = layout_table(vec![70.0, 100.0, 410.0], vec![50.0, 150.0, 250.0, 350.0]);
        assert_eq!(boxed_below_its_top(&table, &boxes, &chars), Some(260.0));
        assert_eq!(boxed_below_its_top(&table, &boxes[1..], &chars), None);
        // Read apart there, the part above is read apart at its box's top.
        let upper = layout_table(vec![70.0, 100.0, 250.0], vec![50.0, 150.0, 250.0, 350.0]);
        let upper_chars: Vec<&TextChar> =
            chars.iter().copied().filter(|c| c.cy() < 260.0).collect();
        assert_eq!(
            boxed_below_its_top(&upper, &boxes, &upper_chars),
            Some(100.0)
        );
    }

    #[test]
    fn a_header_fill_over_its_gridline_parts_the_row_at_its_edge() {
        // One pixel a point; a ruled table 10-90 wide whose first grid row
        // (10-40) holds a header line on a light fill (10-25) and a body
        // line on white below; the second row is all white. A gridline
        // runs down x = 50 through both.
        let mut pixels = image::GrayImage::from_pixel(100, 70, image::Luma([255]));
        for y in 10..25 {
            for x in 10..90 {
                pixels.put_pixel(x, y, image::Luma([235]));
            }
        }
        for y in 10..70 {
            pixels.put_pixel(50, y, image::Luma([0]));
        }
        let page = PageImage {
            pixels: crate::worker::render::grey(pixels),
            scale: 1.0,
            origin: (0.0, 0.0),
        };
        let mut table = layout_table(vec![10.0, 40.0, 70.0], vec![10.0, 50.0, 90.0]);
        let mut chars = crate::worker::extract::tests::word("Code", 12.0, 20.0, 0);
        chars.extend(crate::worker::extract::tests::word("A-1", 12.0, 35.0, 1));
        // The second row's two lines are one wrapped cell on one background.
        chars.extend(crate::worker::extract::tests::word("long", 12.0, 52.0, 2));
        chars.extend(crate::worker::extract::tests::word("text", 12.0, 64.0, 3));
        let inside: Vec<&TextChar> = chars.iter().collect();
        split_rows_at_fill_edges(&mut table, &inside, &page, usize::MAX);
        assert_eq!(table.grid.rows, vec![10.0, 25.0, 40.0, 70.0]);
        assert!(table.grid.is_consistent());
    }

    #[test]
    fn titles_on_a_band_over_a_first_row_with_a_blank_are_a_row_of_their_own() {
        use crate::worker::extract::tests::word;
        // One pixel a point; no rules. Titles on a light band (28-44)
        // across the table, rows on white 12 pt apart; the first row's
        // quantity blank, so its figure alone reads as a title's second
        // line under `Amount`, set as close as the rows.
        let mut pixels = image::GrayImage::from_pixel(400, 160, image::Luma([255]));
        for y in 28..44 {
            for x in 15..300 {
                pixels.put_pixel(x, y, image::Luma([230]));
            }
        }
        let page = PageImage {
            pixels: crate::worker::render::grey(pixels),
            scale: 1.0,
            origin: (0.0, 0.0),
        };
        let rows = [
            ["Region", "Quantity", "Amount"],
            ["Store", "", "(1,297.41)"],
            ["Label", "1,135", "4.12"],
            ["Carrier", "9,467", "4,208.32"],
            ["Freight", "-5", "199.72"],
            ["Retail", "82", "304.94"],
        ];
        let mut chars = Vec::new();
        for (k, row) in rows.iter().enumerate() {
            let y = 40.0 + 12.0 * k as f32;
            let line = 3 * k as u32;
            chars.extend(word(row[0], 20.0, y, line));
            for (c, right) in [(1, 170.0), (2, 280.0)] {
                let x = right - 6.0 * row[c].chars().count() as f32;
                chars.extend(word(row[c], x, y, line + c as u32));
            }
        }
        let grid = the_one_table(&page, &chars).grid;
        assert_eq!((grid.row_count(), grid.col_count()), (6, 3), "{grid:?}");
    }

    /// The one table `detect_tables` finds on a drawn page.
    fn the_one_table(page: &PageImage, chars: &[TextChar]) -> TableRegion {
        let found = detect_tables(
            page,
            chars,
            Surface::Drawn,
            &crate::config::Config::default().detect,
        );
        assert_eq!(found.tables.len(), 1, "{:?}", found.tables);
        found.tables.into_iter().next().expect("one table")
    }

    #[test]
    fn a_stub_head_beside_spanners_in_a_frame_ruled_by_columns_stays_in_the_first_row() {
        use crate::worker::extract::tests::word;
        // One pixel a point. A table (20-320 x 10-130) ruled by columns,
        // no rule along its top: its sides, the stub's rule and the
        // groups' run from 10, the rules inside a group from the short
        // rule under its year (27); the header's rule at 44, one at the
        // foot; none between the body's rows. `Industry` stands on the
        // years' line, beside them, its top 4 below the rules' ends.
        let mut pixels = image::GrayImage::from_pixel(400, 160, image::Luma([255]));
        let mut ink = |x: u32, y: u32| pixels.put_pixel(x, y, image::Luma([0]));
        for x in 20..=320 {
            for y in [44, 130] {
                ink(x, y);
            }
        }
        for x in (102..=208).chain(212..=318) {
            ink(x, 27);
        }
        for y in 10..=130 {
            for x in [20, 100, 210, 320] {
                ink(x, y);
            }
            if y >= 27 {
                ink(155, y);
                ink(265, y);
            }
        }
        let page = PageImage {
            pixels: crate::worker::render::grey(pixels),
            scale: 1.0,
            origin: (0.0, 0.0),
        };
        let mut chars = word("Industry", 24.0, 22.0, 0);
        chars.extend(word("2015", 143.0, 22.0, 1));
        chars.extend(word("2016", 253.0, 22.0, 2));
        let right = [153.0, 208.0, 263.0, 318.0];
        let set_right = |text: &str, right: f32, y: f32, line: u32| {
            word(text, right - 6.0 * text.chars().count() as f32, y, line)
        };
        for (c, title) in ["Male", "Total", "Male", "Total"].iter().enumerate() {
            chars.extend(set_right(title, right[c], 39.0, 3 + c as u32));
        }
        let labels = ["Mining", "Trade", "Transport", "Finance", "Health", "Other"];
        for (k, label) in labels.iter().enumerate() {
            let y = 58.0 + 12.0 * k as f32;
            let line = 10 + 5 * k as u32;
            chars.extend(word(label, 24.0, y, line));
            for (c, &r) in right.iter().enumerate() {
                let figure = format!("{}.{}", 10 + k * 7 + c, c);
                chars.extend(set_right(&figure, r, y, line + 1 + c as u32));
            }
        }
        let grid = the_one_table(&page, &chars).grid;
        // Two header rows (the years', the titles') and six of figures:
        // no sliver of a row between the frame's top and the first line.
        assert_eq!((grid.row_count(), grid.col_count()), (8, 5), "{grid:?}");
    }

    #[test]
    fn a_heading_under_the_top_rule_is_the_tables_first_row() {
        use crate::worker::extract::tests::word;
        // A table read from its text, 40-100, four columns 50 wide; its
        // top rule at 10, `2024` at 25 over the last three columns with a
        // short rule under it at 30.
        let table = || {
            let mut t = layout_table(
                vec![40.0, 60.0, 80.0, 100.0],
                vec![0.0, 50.0, 100.0, 150.0, 200.0],
            );
            t.evidence = Evidence::TextLayout;
            t
        };
        let mut chars = Vec::new();
        for (k, x) in [5.0, 55.0, 105.0, 155.0].into_iter().enumerate() {
            for (r, y) in [50.0, 70.0, 90.0].into_iter().enumerate() {
                chars.extend(word("12", x, y, (1 + 4 * r + k) as u32));
            }
        }
        let top = Ruling::new(10.0, 0.0, 200.0);
        let under = Ruling::new(30.0, 55.0, 195.0);
        let mut heading = chars.clone();
        heading.extend(word("2024", 110.0, 25.0, 0));
        let mut tables = vec![table()];
        reach_up_to_top_rules(&mut tables, &heading, &[top, under]);
        let grid = &tables[0].grid;
        assert_eq!(tables[0].bbox.y0, 10.0);
        assert_eq!(grid.row_count(), 4, "{grid:?}");
        assert!(grid.rows[1] > 27.0 && grid.rows[1] < 40.0, "{grid:?}");
        assert!(grid.is_consistent());

        // Without the short rule, or from the left edge (a caption), the
        // table stays as it was.
        let mut tables = vec![table()];
        reach_up_to_top_rules(&mut tables, &heading, &[top]);
        assert_eq!(tables[0].grid.row_count(), 3);
        let mut caption = chars.clone();
        caption.extend(word("Table 3 Orders", 5.0, 25.0, 0));
        let mut tables = vec![table()];
        reach_up_to_top_rules(&mut tables, &caption, &[top, Ruling::new(30.0, 0.0, 150.0)]);
        assert_eq!(tables[0].grid.row_count(), 3);
    }

    #[test]
    fn a_group_heading_spans_the_columns_its_short_rule_covers() {
        use crate::worker::extract::tests::word;
        // Four columns 50 wide; `Q4` over the last three, a rule under it
        // from 50 to 200; figures below; a rule across the whole table
        // under the figures spans nothing.
        let mut table = layout_table(
            vec![0.0, 20.0, 40.0, 60.0],
            vec![0.0, 50.0, 100.0, 150.0, 200.0],
        );
        let mut chars = word("Q4", 110.0, 12.0, 0);
        for (k, x) in [5.0, 55.0, 105.0, 155.0].into_iter().enumerate() {
            chars.extend(word("12", x, 32.0, 1 + k as u32));
            chars.extend(word("34", x, 52.0, 5 + k as u32));
        }
        let inside: Vec<&TextChar> = chars.iter().collect();
        let rules = [
            Ruling::new(17.0, 50.0, 200.0),
            Ruling::new(37.0, 0.0, 200.0),
        ];
        let extent = row_text_extents(&table.grid, &inside);
        span_over_short_rules(&mut table, &inside, &extent, &rules);
        let mut first: Vec<_> = (table.grid.cells.iter())
            .filter(|c| c.row == 0)
            .copied()
            .collect();
        first.sort_by_key(|c| c.col);
        let cell = |col, colspan| crate::table::Cell {
            row: 0,
            col,
            rowspan: 1,
            colspan,
        };
        assert_eq!(first, vec![cell(0, 1), cell(1, 3)]);
        assert!(table
            .grid
            .cells
            .iter()
            .filter(|c| c.row > 0)
            .all(|c| c.colspan == 1));
        assert!(table.grid.is_consistent());

        // `Actual` centred over two columns is cut by their boundary into
        // two cells: one phrase still, so one cell. Two labels a column
        // gap apart over one rule are two.
        let top_row = |label_chars: Vec<TextChar>| {
            let mut table = layout_table(
                vec![0.0, 20.0, 40.0, 60.0],
                vec![0.0, 50.0, 100.0, 150.0, 200.0],
            );
            let mut chars = label_chars;
            for (k, x) in [5.0, 55.0, 105.0, 155.0].into_iter().enumerate() {
                chars.extend(word("12", x, 32.0, 1 + k as u32));
            }
            let inside: Vec<&TextChar> = chars.iter().collect();
            let extent = row_text_extents(&table.grid, &inside);
            span_over_short_rules(
                &mut table,
                &inside,
                &extent,
                &[Ruling::new(17.0, 50.0, 150.0)],
            );
            let mut first: Vec<_> = (table.grid.cells.iter())
                .filter(|c| c.row == 0)
                .map(|c| (c.col, c.colspan))
                .collect();
            first.sort();
            first
        };
        assert_eq!(
            top_row(word("Actual", 82.0, 12.0, 0)),
            vec![(0, 1), (1, 2), (3, 1)]
        );
        let mut two = word("Q1", 60.0, 12.0, 0);
        two.extend(word("Q2", 110.0, 12.0, 0));
        assert_eq!(top_row(two), vec![(0, 1), (1, 1), (2, 1), (3, 1)]);
    }

    #[test]
    fn a_table_running_into_the_next_ends_at_its_top() {
        // Rows every 10 pt down to 60; the next table starts at 45, inside
        // the row from 40 to 50. One beside them is left alone.
        let mut tables = vec![
            layout_table(
                vec![0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0],
                vec![0.0, 50.0, 100.0],
            ),
            layout_table(vec![45.0, 55.0, 65.0], vec![10.0, 60.0, 90.0]),
            layout_table(vec![0.0, 10.0, 20.0, 30.0], vec![200.0, 250.0, 300.0]),
        ];
        end_above_the_next(&mut tables);
        assert_eq!(tables[0].grid.rows, vec![0.0, 10.0, 20.0, 30.0, 40.0, 45.0]);
        assert_eq!(tables[0].bbox.y1, 45.0);
        assert!(tables[0].grid.is_consistent());
        assert_eq!(tables[1].grid.rows, vec![45.0, 55.0, 65.0]);
        assert_eq!(tables[2].grid.rows, vec![0.0, 10.0, 20.0, 30.0]);
    }

    #[test]
    fn a_table_across_the_side_of_a_plot_is_no_table() {
        // Axis values left of a plot (x 50-80) and its legend right of it
        // (x 310-380), in rows 12 pt apart; the plot's sides at x = 80 and
        // 300 run from the table's top 150 pt down.
        let table = layout_table(vec![100.0, 112.0, 124.0, 136.0], vec![50.0, 180.0, 380.0]);
        let plot = |x: f32| rulings::Rulings {
            horizontal: vec![Ruling::new(100.0, 80.0, 300.0)],
            vertical: vec![
                Ruling::new(80.0, 100.0, 250.0),
                Ruling::new(x, 100.0, 250.0),
            ],
        };
        assert!(straddles_a_frame(&table, &plot(300.0)));
        // Lines no longer than the table are its own.
        let mut short = plot(300.0);
        for r in &mut short.vertical {
            r.end = 136.0;
        }
        assert!(!straddles_a_frame(&table, &short));
        // A piece of a bigger table ruled down its columns keeps its place.
        let mut ruled = plot(300.0);
        ruled.vertical.push(Ruling::new(181.0, 20.0, 400.0));
        assert!(!straddles_a_frame(&table, &ruled));
        // Two framed figures side by side, their legends read as one table:
        // one frame's side falls on a column boundary, the next one's not.
        let legends = layout_table(
            vec![100.0, 112.0, 124.0],
            vec![50.0, 120.0, 200.0, 270.0, 340.0],
        );
        let frames = rulings::Rulings {
            horizontal: vec![],
            vertical: vec![
                Ruling::new(198.0, 20.0, 130.0),
                Ruling::new(212.0, 20.0, 130.0),
            ],
        };
        assert!(straddles_a_frame(&legends, &frames));
        // A frame whose sides are the table's edges is no crossing.
        let mut around = plot(379.0);
        around.vertical[0].pos = 51.0;
        assert!(!straddles_a_frame(&table, &around));
    }

    #[test]
    fn a_plot_whose_axes_stop_inside_a_table_is_no_table() {
        // The lowest tick values, a legend and the year labels under a plot
        // in rows 12 pt apart from 100 down to 148; the plot's two axes come
        // down from 20 and stop at 124, on the table's column boundaries.
        let table = layout_table(
            vec![100.0, 112.0, 124.0, 136.0, 148.0],
            vec![50.0, 80.0, 180.0, 300.0, 340.0],
        );
        let axes = |end: f32| rulings::Rulings {
            horizontal: vec![],
            vertical: vec![Ruling::new(80.0, 20.0, end), Ruling::new(300.0, 20.0, end)],
        };
        assert!(straddles_a_frame(&table, &axes(124.0)));
        // Stopping within a row of the table's edge, they end above it.
        assert!(!straddles_a_frame(&table, &axes(106.0)));
        // Down the whole table on its column boundaries, they are its rules.
        assert!(!straddles_a_frame(&table, &axes(148.0)));
    }

    /// `graphic_ink_share` as first written, a pixel at a time: the oracle.
    fn graphic_ink_share_by_pixels(
        page: &PageImage,
        region: &Rect,
        chars: &[&TextChar],
        rulings: &rulings::Rulings,
        threshold: u8,
    ) -> f32 {
        let (w, h) = page.pixels.dimensions();
        let (px0, py0) = page.to_pixels(region.x0, region.y0);
        let (px1, py1) = page.to_pixels(region.x1, region.y1);
        let clamp = |v: f32, hi: u32| (v.max(0.0) as u32).min(hi);
        let (x0, y0, x1, y1) = (
            clamp(px0, w),
            clamp(py0, h),
            clamp(px1.ceil(), w),
            clamp(py1.ceil(), h),
        );
        if x1 <= x0 || y1 <= y0 {
            return 0.0;
        }
        let (rw, rh) = ((x1 - x0) as usize, (y1 - y0) as usize);
        let mut explained = vec![false; rw * rh];
        let mut mark = |ax: f32, ay: f32, bx: f32, by: f32, grow: f32| {
            let (ax, ay) = page.to_pixels(ax, ay);
            let (bx, by) = page.to_pixels(bx, by);
            let xa = ((ax - grow).max(x0 as f32) as u32).min(x1);
            let xb = ((bx + grow).ceil().max(0.0) as u32).min(x1);
            let ya = ((ay - grow).max(y0 as f32) as u32).min(y1);
            let yb = ((by + grow).ceil().max(0.0) as u32).min(y1);
            for y in ya..yb {
                for x in xa..xb {
                    explained[(y - y0) as usize * rw + (x - x0) as usize] = true;
                }
            }
        };
        for c in chars {
            mark(c.bbox.x0, c.bbox.y0, c.bbox.x1, c.bbox.y1, 1.5);
        }
        for r in &rulings.horizontal {
            mark(r.start, r.pos, r.end, r.pos, 3.0);
        }
        for r in &rulings.vertical {
            mark(r.pos, r.start, r.pos, r.end, 3.0);
        }
        let pixels = page.pixels.as_raw();
        let mut unexplained = 0usize;
        for y in y0..y1 {
            let row = &pixels[(y * w) as usize..((y + 1) * w) as usize];
            let ink_in_row = row[x0 as usize..x1 as usize]
                .iter()
                .filter(|&&v| v < threshold)
                .count();
            if ink_in_row as f32 >= 0.8 * rw as f32 {
                continue; // a band across the table
            }
            for x in x0..x1 {
                if row[x as usize] < threshold
                    && !explained[(y - y0) as usize * rw + (x - x0) as usize]
                {
                    unexplained += 1;
                }
            }
        }
        unexplained as f32 / (rw * rh) as f32
    }

    proptest::proptest! {
        /// Any image, region, text and rulings: the share counted on bits is
        /// the share counted pixel by pixel.
        #[test]
        fn graphic_ink_share_on_bits_equals_pixels(
            (w, h, pixels) in (1u32..200, 1u32..60).prop_flat_map(|(w, h)| {
                (Just(w), Just(h), proptest::collection::vec(prop_oneof![
                    6 => Just(255u8), 3 => Just(0u8), 1 => any::<u8>()], (w * h) as usize))
            }),
            scale in prop_oneof![Just(1.0f32), Just(2.0833)],
            region in (-10.0f32..120.0, -10.0f32..40.0, 0.0f32..200.0, 0.0f32..60.0),
            boxes in proptest::collection::vec(
                (-5.0f32..110.0, -5.0f32..40.0, 0.0f32..30.0, 0.0f32..12.0), 0..12),
            lines in proptest::collection::vec((-5.0f32..60.0, -5.0f32..110.0, 0.0f32..100.0), 0..6),
        ) {
            let page = PageImage {
                pixels: crate::worker::render::grey(image::GrayImage::from_raw(w, h, pixels).unwrap()),
                scale,
                origin: (3.0, -2.0),
            };
            let (rx, ry, rw, rh) = region;
            let region = Rect::new(rx, ry, rx + rw, ry + rh);
            let chars: Vec<TextChar> = boxes
                .iter()
                .map(|&(x, y, bw, bh)| TextChar {
                    c: 'x',
                    bbox: Rect::new(x, y, x + bw, y + bh),
                    line: 0,
                    size: 10.0,
                })
                .collect();
            let chars: Vec<&TextChar> = chars.iter().collect();
            let half = lines.len() / 2;
            let rulings = rulings::Rulings {
                horizontal: (lines[..half].iter())
                    .map(|&(p, s, l)| Ruling::new(p, s, s + l))
                    .collect(),
                vertical: (lines[half..].iter())
                    .map(|&(p, s, l)| Ruling::new(s, p, p + l))
                    .collect(),
            };
            let ink = InkBits::new(&page.pixels, VISIBLE_INK);
            proptest::prop_assert_eq!(
                graphic_ink_share(&page, &ink, &region, &chars, &rulings, shading::DRAWN_TONE_STEP),
                graphic_ink_share_by_pixels(&page, &region, &chars, &rulings, VISIBLE_INK)
            );
        }
    }

    fn word(text: &str, x: f32, y: f32) -> Vec<TextChar> {
        text.chars()
            .enumerate()
            .map(|(i, c)| TextChar {
                c,
                bbox: Rect::new(x + 5.0 * i as f32, y, x + 5.0 * (i + 1) as f32, y + 10.0),
                line: 0,
                size: 10.0,
            })
            .collect()
    }

    #[test]
    fn a_rule_under_a_group_heading_parts_it_from_its_columns_headings() {
        // One header row read from the text: a group heading over columns
        // 1 and 2, a rule under it, their headings below, the stub's
        // heading beside the lower line.
        let mut chars = word("Deaths", 80.0, 95.0);
        for (text, x) in [
            ("State", 5.0),
            ("no.", 60.0),
            ("rate", 110.0),
            ("cases", 155.0),
        ] {
            chars.extend(word(text, x, 112.0));
        }
        let mut table = layout_table(vec![90.0, 125.0], vec![0.0, 50.0, 100.0, 150.0, 200.0]);
        // The heading runs over the boundary between its columns: the
        // layout's cell spans the two.
        table.grid.cells.retain(|c| c.col != 2);
        table.grid.cells[1].colspan = 2;
        let inside: Vec<&TextChar> = chars.iter().collect();
        split_rows_at_short_rules(
            &mut table,
            &inside,
            &[rulings::Ruling::new(108.5, 55.0, 145.0)],
        );
        assert_eq!(table.grid.rows, vec![90.0, 108.5, 125.0]);
        assert!(table.grid.is_consistent());
        // Above the rule the heading keeps its span; under it each column
        // has its own heading.
        let wide: Vec<(u32, u32)> = (table.grid.cells.iter())
            .filter(|c| c.colspan > 1)
            .map(|c| (c.row, c.col))
            .collect();
        assert_eq!(wide, vec![(0, 1)]);
        // The stub's and the last column's cells span both rows.
        let spans: Vec<(u32, u32, u32)> = (table.grid.cells.iter())
            .filter(|c| c.rowspan == 2)
            .map(|c| (c.row, c.col, c.rowspan))
            .collect();
        assert_eq!(spans, vec![(0, 0, 2), (0, 3, 2)]);
        let extent = row_text_extents(&table.grid, &inside);
        span_over_short_rules(
            &mut table,
            &inside,
            &extent,
            &[rulings::Ruling::new(108.5, 55.0, 145.0)],
        );
        assert!(table
            .grid
            .cells
            .iter()
            .any(|c| (c.row, c.col, c.colspan) == (0, 1, 2)));
    }

    #[test]
    fn a_group_rule_covers_figures_set_right_far_from_the_stub_between_lines_set_tight() {
        // One header row read from the text over a wide stub: `North`
        // centred over three columns of figures set right to 195, 245 and
        // 295, the boundary with the stub midway across the gap at 100; a
        // rule under it from 170 to 298, set so tight that the glyph boxes
        // of the years under it reach up over it (their letters do not).
        // A dot leader runs from the label on into the first column's slot.
        let mut chars = word("North", 222.5, 1.0);
        chars.extend(word("Region", 5.0, 9.0));
        for (text, x) in [("2018", 175.0), ("2019", 225.0), ("2020", 275.0)] {
            chars.extend(word(text, x, 9.0));
        }
        chars.extend(word("East", 5.0, 33.0));
        chars.extend(word(&".".repeat(28), 30.0, 33.0));
        for x in [185.0, 235.0, 285.0] {
            chars.extend(word("12", x, 33.0));
        }
        let mut table = layout_table(vec![0.0, 30.0, 48.0], vec![0.0, 100.0, 200.0, 250.0, 300.0]);
        let inside: Vec<&TextChar> = chars.iter().collect();
        let rules = [rulings::Ruling::new(11.0, 170.0, 298.0)];
        split_rows_at_short_rules(&mut table, &inside, &rules);
        assert_eq!(table.grid.rows, vec![0.0, 11.0, 30.0, 48.0]);
        // The rule covers the first column of figures, whose grid middle
        // (150) it leaves out: only the stub's heading spans both rows.
        let tall: Vec<(u32, u32)> = (table.grid.cells.iter())
            .filter(|c| c.rowspan == 2)
            .map(|c| (c.row, c.col))
            .collect();
        assert_eq!(tall, vec![(0, 0)], "{:?}", table.grid);
        let extent = row_text_extents(&table.grid, &inside);
        span_over_short_rules(&mut table, &inside, &extent, &rules);
        let heading = (table.grid.cells.iter()).find(|c| c.row == 0 && c.col == 1);
        assert_eq!(heading.map(|c| c.colspan), Some(3), "{:?}", table.grid);
        assert!(table.grid.is_consistent());
    }

    #[test]
    fn a_boxed_header_is_read_in_the_cells_its_rules_draw() {
        // A header boxed between rules across the table at 90 and 125, the
        // stub's side drawn all down it; read from the text in four rows:
        // a group heading, a stub heading's first line, under a rule at 108
        // over the group's columns its second line, then the group's
        // column headings, drawn apart by a rule from 108 down. Two body
        // rows under it, no rule between them.
        let rulings = rulings::Rulings {
            horizontal: vec![
                rulings::Ruling::new(90.0, 0.0, 150.0),
                rulings::Ruling::new(108.0, 50.0, 150.0),
                rulings::Ruling::new(125.0, 0.0, 150.0),
                rulings::Ruling::new(155.0, 0.0, 150.0),
            ],
            vertical: vec![
                rulings::Ruling::new(50.0, 90.0, 125.0),
                rulings::Ruling::new(100.0, 108.0, 125.0),
            ],
        };
        let header = |rulings: &rulings::Rulings| {
            let rows = vec![90.0, 99.0, 108.0, 116.0, 125.0, 140.0, 155.0];
            let mut table = layout_table(rows, vec![0.0, 50.0, 100.0, 150.0]);
            join_cells_in_boxed_headers(&mut table, rulings);
            assert!(table.grid.is_consistent());
            table.grid
        };
        // Two header rows, parted at the rule; the stub's heading spans
        // both; the body's rows stay.
        let grid = header(&rulings);
        assert_eq!(grid.rows, vec![90.0, 108.0, 125.0, 140.0, 155.0]);
        let tall: Vec<(u32, u32, u32)> = (grid.cells.iter())
            .filter(|c| c.rowspan > 1)
            .map(|c| (c.row, c.col, c.rowspan))
            .collect();
        assert_eq!(tall, vec![(0, 0, 2)]);
        // A header no column rule runs down all through is left as the
        // text has it (a booktabs header's lines).
        let open = rulings::Rulings {
            vertical: vec![rulings::Ruling::new(100.0, 108.0, 125.0)],
            ..rulings
        };
        assert_eq!(header(&open).rows.len(), 7);
    }

    #[test]
    fn a_column_boundary_moves_onto_the_rule_boxing_a_groups_columns_apart() {
        // A group heading centred over two columns, boxed by rules at 50
        // and 150 through its line; under it a rule at 95 parts the
        // columns' headings. The counts are set well short of the rule, so
        // the text's boundary (80) is off it.
        let mut chars = word("2024", 88.0, 92.0);
        chars.extend(word("N", 60.0, 112.0));
        chars.extend(word("Share", 110.0, 112.0));
        chars.extend(word("12", 62.0, 128.0));
        chars.extend(word("0.4", 115.0, 128.0));
        let inside: Vec<&TextChar> = chars.iter().collect();
        let part = rulings::Ruling::new(95.0, 108.0, 125.0);
        let sides = [
            rulings::Ruling::new(50.0, 90.0, 140.0),
            rulings::Ruling::new(150.0, 90.0, 140.0),
        ];
        let snapped = |inside: &[&TextChar], rules: &[rulings::Ruling]| {
            let rows = vec![90.0, 108.0, 125.0, 140.0];
            let mut table = layout_table(rows, vec![0.0, 50.0, 80.0, 150.0]);
            snap_columns_to_rules(&mut table, inside, rules);
            table.grid.cols
        };
        let boxed = [part, sides[0], sides[1]];
        assert_eq!(snapped(&inside, &boxed), vec![0.0, 50.0, 95.0, 150.0]);
        // Not boxed, the heading over the two stays whole: no move.
        assert_eq!(snapped(&inside, &[part]), vec![0.0, 50.0, 80.0, 150.0]);
        // Nor where a count lies between the boundary and the rule.
        chars.extend(word("1234", 70.0, 132.0));
        let inside: Vec<&TextChar> = chars.iter().collect();
        assert_eq!(snapped(&inside, &boxed), vec![0.0, 50.0, 80.0, 150.0]);
    }

    #[test]
    fn lines_of_a_label_and_figures_in_one_ruled_band_are_rows() {
        // A band between rules: a label and two figures a line, then a
        // label wrapped over two lines beside words.
        let mut chars = Vec::new();
        for (k, (label, a, b)) in [
            ("Weather", "41", "15"),
            ("Crew", "77", "(50)"),
            ("Late", "1,199", "9.6"),
        ]
        .into_iter()
        .enumerate()
        {
            let y = 100.0 + 12.0 * k as f32;
            chars.extend(word(label, 5.0, y));
            chars.extend(word(a, 60.0, y));
            chars.extend(word(b, 110.0, y));
        }
        chars.extend(word("Books and", 5.0, 150.0));
        chars.extend(word("paper and pens", 60.0, 150.0));
        chars.extend(word("supplies", 5.0, 162.0));
        chars.extend(word("bought in bulk", 60.0, 162.0));
        let mut table = layout_table(vec![95.0, 140.0, 175.0], vec![0.0, 55.0, 105.0, 160.0]);
        let inside: Vec<&TextChar> = chars.iter().collect();
        split_rows_at_lines_of_figures(&mut table, &inside);
        assert_eq!(table.grid.row_count(), 4, "{:?}", table.grid.rows);
        assert!(table.grid.rows[1] > 110.0 && table.grid.rows[1] < 112.0);
        assert!(table.grid.rows[2] > 122.0 && table.grid.rows[2] < 124.0);
    }

    #[test]
    fn a_heading_boxed_over_its_columns_spans_them() {
        // Rows from 100, 12 pt apart: `Group` over three columns (50-200),
        // their headings, then a row with a figure in the last column
        // only. Column rules down the group's sides from the top, down the
        // columns between from the rule under the group's heading.
        let mut chars = Vec::new();
        chars.extend(word("Group", 110.0, 101.0));
        for (x, text) in [(55.0, "one"), (105.0, "two"), (155.0, "six")] {
            chars.extend(word(text, x, 113.0));
        }
        chars.extend(word("Total", 5.0, 125.0));
        chars.extend(word("12", 160.0, 125.0));
        let inside: Vec<&TextChar> = chars.iter().collect();
        let table = || {
            layout_table(
                vec![100.0, 112.0, 124.0, 136.0],
                vec![0.0, 50.0, 100.0, 150.0, 200.0],
            )
        };
        let side = |x: f32| Ruling::new(x, 95.0, 140.0);
        let under = |x: f32| Ruling::new(x, 112.0, 140.0);
        let boxed = [side(50.0), under(100.0), under(150.0), side(200.0)];
        // The spans (row, column, columns) the rules give the text.
        let spans = |inside: &[&TextChar], lines: &[Ruling]| {
            let mut t = table();
            let extent = row_text_extents(&t.grid, inside);
            span_between_column_rules(&mut t, inside, &extent, lines);
            (t.grid.cells.iter())
                .filter(|c| c.colspan > 1)
                .map(|c| (c.row, c.col, c.colspan))
                .collect::<Vec<_>>()
        };
        assert_eq!(spans(&inside, &boxed), vec![(0, 1, 3)]);
        // Lines down the columns from the top are no box of the heading's;
        // a line after the stub alone spans nothing either.
        for lines in [
            vec![side(50.0), side(100.0), side(150.0), side(200.0)],
            vec![side(50.0)],
        ] {
            assert!(spans(&inside, &lines).is_empty(), "{lines:?}");
        }

        // The box's bottom rule drawn close under the heading's letters,
        // through its glyphs' boxes (which reach down by the font's
        // descent), the stub's heading set lower beside it: it spans still.
        let mut chars = Vec::new();
        chars.extend(word("Group", 110.0, 104.0));
        chars.extend(word("Item", 5.0, 105.0));
        for (x, text) in [(55.0, "one"), (105.0, "two"), (155.0, "six")] {
            chars.extend(word(text, x, 116.0));
        }
        let inside: Vec<&TextChar> = chars.iter().collect();
        assert_eq!(spans(&inside, &boxed), vec![(0, 1, 3)]);
    }

    #[test]
    fn a_title_wrapped_over_a_header_of_group_headings_spans_both_its_lines() {
        // Rows from 100, 12 pt apart: the stub's heading `Item`, `Group`
        // over columns 1-2 (`one`, `two`) and `Total` over `all` in the
        // last column, no rule between the two lines; a rule across the
        // table over it and under the header; rows of figures below.
        // Column rules after the stub and before the last column only.
        let header = |second: [&str; 3]| {
            let mut chars = Vec::new();
            for (x, text) in [(5.0, "Item"), (55.0, "Group"), (155.0, "Total")] {
                chars.extend(word(text, x, 101.0));
            }
            for (x, text) in [(55.0, second[0]), (105.0, second[1]), (155.0, second[2])] {
                chars.extend(word(text, x, 113.0));
            }
            for (y, label) in [(125.0, "A"), (137.0, "B")] {
                chars.extend(word(label, 5.0, y));
                for x in [60.0, 110.0, 160.0] {
                    chars.extend(word("7", x, y));
                }
            }
            chars
        };
        let across = |y: f32| Ruling::new(y, 0.0, 200.0);
        let column = |x: f32| Ruling::new(x, 95.0, 150.0);
        let spans = |chars: &[TextChar], horizontal: Vec<Ruling>, vertical: Vec<Ruling>| {
            let inside: Vec<&TextChar> = chars.iter().collect();
            let mut table = layout_table(
                vec![100.0, 112.0, 124.0, 136.0, 148.0],
                vec![0.0, 50.0, 100.0, 150.0, 200.0],
            );
            let extent = row_text_extents(&table.grid, &inside);
            let rulings = rulings::Rulings {
                horizontal,
                vertical,
            };
            span_down_drawn_boxes(&mut table, &inside, &extent, &rulings);
            let mut spans: Vec<(u32, u32)> = (table.grid.cells.iter())
                .filter(|c| c.rowspan > 1)
                .map(|c| (c.row, c.col))
                .collect();
            spans.sort();
            spans
        };
        let rules = || vec![across(100.0), across(124.0)];
        let columns = || vec![column(50.0), column(150.0)];
        let titles = header(["one", "two", "all"]);
        // The stub's heading and the wrapped title each span both lines;
        // the group's columns, not boxed apart, keep them.
        assert_eq!(spans(&titles, rules(), columns()), vec![(0, 0), (0, 3)]);
        // Years under the group are figures: only the stub's heading,
        // alone in its box, spans.
        let years = header(["2010", "2011", "all"]);
        assert_eq!(spans(&years, rules(), columns()), vec![(0, 0)]);
        // No rule under the two lines, or every column boxed apart: they
        // are no header of group headings.
        assert_eq!(spans(&titles, vec![across(100.0)], columns()), vec![]);
        let boxed = vec![column(50.0), column(100.0), column(150.0)];
        assert_eq!(spans(&titles, rules(), boxed), vec![]);
    }

    #[test]
    fn a_ruled_row_stacking_rows_of_figures_is_parted() {
        // Rules at 95, 108, 150 and 180: the second row stacks three lines
        // of a label and figures or NA, 12 pt apart; the third a wrapped
        // label beside a figure and a range under it, which two lines of
        // rows would look like too: it stays one row.
        let mut chars = Vec::new();
        chars.extend(word("Measure", 5.0, 100.0));
        chars.extend(word("2019", 60.0, 100.0));
        for (k, (label, a, b)) in [
            ("Naming", "0.14", "NA"),
            ("Drawing", "0.35", "0.16"),
            ("Scale", "n/a", "0.2"),
        ]
        .into_iter()
        .enumerate()
        {
            let y = 113.0 + 12.0 * k as f32;
            chars.extend(word(label, 5.0, y));
            chars.extend(word(a, 60.0, y));
            chars.extend(word(b, 110.0, y));
        }
        chars.extend(word("Reading of", 5.0, 155.0));
        chars.extend(word("12.5", 60.0, 155.0));
        chars.extend(word("words", 5.0, 167.0));
        chars.extend(word("(10-15)", 60.0, 167.0));
        let mut table = layout_table(
            vec![95.0, 108.0, 150.0, 180.0],
            vec![0.0, 55.0, 105.0, 160.0],
        );
        let inside: Vec<&TextChar> = chars.iter().collect();
        split_stacked_rows(&mut table, &inside);
        assert_eq!(table.grid.row_count(), 5, "{:?}", table.grid.rows);
        assert_eq!(table.grid.rows[4..], [150.0, 180.0]);
        assert!(table.grid.rows[2] > 120.0 && table.grid.rows[2] < 125.0);
        assert!(table.grid.rows[3] > 132.0 && table.grid.rows[3] < 137.0);
        assert!(table.grid.is_consistent());
    }

    /// A layout table ruled at `rows`, columns 55 apart from 0 to 220,
    /// after `split_rows_at_full_lines` read `chars` in it.
    fn parted_at_full_lines(chars: &[TextChar], rows: Vec<f32>) -> TableRegion {
        let mut table = layout_table(rows, vec![0.0, 55.0, 110.0, 165.0, 220.0]);
        let inside: Vec<&TextChar> = chars.iter().collect();
        split_rows_at_full_lines(&mut table, &inside);
        table
    }

    #[test]
    fn a_heading_set_out_left_of_the_records_in_a_framed_row_is_a_row_of_its_own() {
        // A frame ruled at 95, 108 and 170: under the header, records set
        // solid (a line every 10 pt) with their labels set in to 15, one
        // wrapped onto a line at its indent; a group's heading at 5, a
        // line of its own between them.
        let mut chars = word("Item", 5.0, 97.0);
        let lines: [(&str, f32, &[&str]); 5] = [
            ("Recreation", 15.0, &["40.0", "41.5", "42.3"]),
            ("and sport", 15.0, &[]),
            ("Services", 5.0, &[]),
            ("Health", 15.0, &["8.9", "9.4", "9.9"]),
            ("Education", 15.0, &["31.1", "32.1", "33.0"]),
        ];
        for (k, (label, x, figures)) in lines.into_iter().enumerate() {
            let y = 110.0 + 10.0 * k as f32;
            chars.extend(word(label, x, y));
            for (c, figure) in figures.iter().enumerate() {
                chars.extend(word(figure, 60.0 + 55.0 * c as f32, y));
            }
        }
        let table = parted_at_full_lines(&chars, vec![95.0, 108.0, 170.0]);
        // The header; the wrapped record; the heading; two records.
        assert_eq!(table.grid.row_count(), 5, "{:?}", table.grid.rows);
        assert_eq!(table.grid.rows[2], 130.0);
        assert!(table.grid.is_consistent());
    }

    #[test]
    fn records_with_their_figures_on_their_labels_last_line_start_where_the_label_does() {
        // A frame ruled at 95, 108 and 170: under the header, records set
        // solid (a line every 10 pt), each label's figures on its last
        // line, its other lines in lower case.
        let mut chars = word("Item", 5.0, 97.0);
        let lines: [(&str, &[&str]); 6] = [
            ("Recreation", &[]),
            ("and sport", &["40.0", "41.5", "42.3"]),
            ("Health", &["8.9", "9.4", "9.9"]),
            ("Public", &[]),
            ("care and", &[]),
            ("training", &["31.1", "32.1", "33.0"]),
        ];
        for (k, (label, figures)) in lines.into_iter().enumerate() {
            let y = 110.0 + 10.0 * k as f32;
            chars.extend(word(label, 5.0, y));
            for (c, figure) in figures.iter().enumerate() {
                chars.extend(word(figure, 60.0 + 55.0 * c as f32, y));
            }
        }
        let table = parted_at_full_lines(&chars, vec![95.0, 108.0, 170.0]);
        assert_eq!(table.grid.rows, vec![95.0, 108.0, 130.0, 140.0, 170.0]);
        assert!(table.grid.is_consistent());
    }

    #[test]
    fn records_a_line_each_in_a_framed_row_are_parted_their_wrapped_lines_kept() {
        // A frame ruled at 95, 108 and 152: under the header, two records
        // set solid (a line every 10 pt), each with its label and first
        // cost wrapped onto a line of their own.
        let mut chars = Vec::new();
        for (k, label) in ["Action", "Labor", "Parts", "Total"]
            .into_iter()
            .enumerate()
        {
            chars.extend(word(label, 5.0 + 55.0 * k as f32, 100.0));
        }
        let records = [
            (
                ["Wiring", "79 hours", "$3,790", "$10,505"],
                ["change", "at $85"],
            ),
            (["Sensor", "40 hours", "$0", "$3,400"], ["test", "at $85"]),
        ];
        for (k, (first, wrapped)) in records.iter().enumerate() {
            let y = 110.0 + 20.0 * k as f32;
            for (c, cell) in first.iter().enumerate() {
                chars.extend(word(cell, 5.0 + 55.0 * c as f32, y));
            }
            for (c, cell) in wrapped.iter().enumerate() {
                chars.extend(word(cell, 5.0 + 55.0 * c as f32, y + 10.0));
            }
        }
        let table = parted_at_full_lines(&chars, vec![95.0, 108.0, 152.0]);
        assert_eq!(table.grid.row_count(), 3, "{:?}", table.grid.rows);
        assert_eq!(table.grid.rows[2], 130.0);
        assert!(table.grid.is_consistent());

        // Headings wrapped line for line, a figure in one of them on two
        // lines: no figures in most of them.
        let mut chars = Vec::new();
        let headings = [
            ["World", "sales", "($ bn)"],
            ["Sales in", "the EU", "(bn)"],
            ["Markets", "of the 5", "(NACE 3)"],
        ];
        for (k, lines) in headings.into_iter().enumerate() {
            for (i, line) in lines.into_iter().enumerate() {
                chars.extend(word(line, 60.0 + 55.0 * k as f32, 100.0 + 10.0 * i as f32));
            }
        }
        let table = parted_at_full_lines(&chars, vec![95.0, 132.0, 150.0]);
        assert_eq!(table.grid.row_count(), 2);

        // Titles of two lines, a digit in most of the first ones and in
        // every date under them: words, no values, on the first line.
        let mut chars = Vec::new();
        for (k, (title, date)) in [
            ("Launch:", "May 2009"),
            ("1 Year:", "May 2010"),
            ("FY 2011", "Sep 2011"),
        ]
        .into_iter()
        .enumerate()
        {
            chars.extend(word(title, 60.0 + 55.0 * k as f32, 100.0));
            chars.extend(word(date, 60.0 + 55.0 * k as f32, 112.0));
        }
        let table = parted_at_full_lines(&chars, vec![95.0, 125.0, 150.0]);
        assert_eq!(table.grid.row_count(), 2);
    }

    #[test]
    fn a_stub_left_unruled_beside_a_ruled_body_takes_its_rows() {
        // Rows at 100, 115, 130, 145, 160; the stub (0..55) one cell down
        // the four rows, a label a row beside the figures, as the rules of
        // the body (55..160) stop at the stub.
        let mut chars = Vec::new();
        for (k, label) in ["Rent", "Travel", "Fees", "Total"].into_iter().enumerate() {
            let y = 102.0 + 15.0 * k as f32;
            chars.extend(word(label, 5.0, y));
            chars.extend(word("1,200", 60.0, y));
        }
        let stub_over_rows = |table: &mut TableRegion| {
            table.grid.cells.retain(|c| c.col != 0 || c.row == 0);
            table.grid.cells[0].rowspan = 4;
        };
        let body_rules: Vec<Ruling> = [100.0, 115.0, 130.0, 145.0, 160.0]
            .into_iter()
            .map(|y| Ruling::new(y, 55.0, 160.0))
            .collect();
        let inside: Vec<&TextChar> = chars.iter().collect();
        let rows = vec![100.0, 115.0, 130.0, 145.0, 160.0];
        let cols = vec![0.0, 55.0, 160.0];
        let mut table = layout_table(rows.clone(), cols.clone());
        stub_over_rows(&mut table);
        part_open_spans(&mut table, &inside, &body_rules);
        assert_eq!(
            table.grid,
            crate::table::Grid::uniform(rows.clone(), cols.clone())
        );

        // Closed above and below (a box down the rows): one cell it stays.
        let mut boxed = body_rules.clone();
        boxed.push(Ruling::new(100.0, 0.0, 55.0));
        boxed.push(Ruling::new(160.0, 0.0, 55.0));
        let mut table = layout_table(rows.clone(), cols.clone());
        stub_over_rows(&mut table);
        let spanned = table.grid.clone();
        part_open_spans(&mut table, &inside, &boxed);
        assert_eq!(table.grid, spanned);

        // One label beside the rows (a heading spanning them) stays too.
        let one: Vec<&TextChar> = (chars.iter())
            .filter(|c| c.bbox.x0 >= 55.0 || c.bbox.y0 < 110.0)
            .collect();
        let mut table = layout_table(rows, cols);
        stub_over_rows(&mut table);
        part_open_spans(&mut table, &one, &body_rules);
        assert_eq!(table.grid, spanned);
    }

    #[test]
    fn values_a_row_apart_in_a_box_down_the_rows_take_their_rows() {
        // Rows at 100, 125, 150, 175, each ruled across the labels (0..55);
        // the amounts' column (55..160) one box down all three, closed top
        // and bottom (its cells' fills of one shade met, no rule between),
        // an amount in it level with each label, a blank line apart.
        let mut chars = Vec::new();
        for (k, label) in ["Rent", "Travel", "Fees"].into_iter().enumerate() {
            let y = 107.0 + 25.0 * k as f32;
            chars.extend(word(label, 5.0, y));
            chars.extend(word("$1.2M", 60.0, y));
        }
        let rows = vec![100.0, 125.0, 150.0, 175.0];
        let cols = vec![0.0, 55.0, 160.0];
        let mut rules: Vec<Ruling> = rows.iter().map(|&y| Ruling::new(y, 0.0, 55.0)).collect();
        rules.extend([
            Ruling::new(100.0, 55.0, 160.0),
            Ruling::new(175.0, 55.0, 160.0),
        ]);
        let mut table = layout_table(rows.clone(), cols.clone());
        table.grid.cells.retain(|c| c.col != 1 || c.row == 0);
        table.grid.cells[1].rowspan = 3;
        let inside: Vec<&TextChar> = chars.iter().collect();
        part_open_spans(&mut table, &inside, &rules);
        assert_eq!(table.grid, crate::table::Grid::uniform(rows, cols));
    }

    #[test]
    fn a_frame_takes_its_body_rows_from_the_text_read_inside_it() {
        // A frame: a header row (80..100) over a body without row rules
        // (100..160), columns at 0, 60, 120. In the body a group label on
        // a line of its own, then three rows of a label and a figure, which
        // the text table inside reads (110..160, its column boundary off
        // the drawn one, midway between the texts).
        let mut chars = word("Group", 5.0, 85.0);
        chars.extend(word("Share", 65.0, 85.0));
        chars.extend(word("All children:", 5.0, 101.0));
        for (k, label) in ["North", "South", "Total"].into_iter().enumerate() {
            let y = 113.0 + 15.0 * k as f32;
            chars.extend(word(label, 5.0, y));
            chars.extend(word("85.1", 90.0, y));
        }
        let inside: Vec<&TextChar> = chars.iter().collect();
        let mut frame = layout_table(vec![80.0, 100.0, 160.0], vec![0.0, 60.0, 120.0]);
        frame.evidence = Evidence::Ruled;
        let text = layout_table(vec![110.0, 126.0, 141.0, 160.0], vec![0.0, 70.0, 120.0]);
        let table = frame_rows_from_text(&frame, &[&text], &inside).unwrap();
        assert_eq!(table.grid.cols, frame.grid.cols);
        assert_eq!(
            table.grid.rows,
            vec![80.0, 100.0, 110.0, 126.0, 141.0, 160.0]
        );
        assert!(table.grid.is_consistent());

        // A text table of other columns is not the frame's body.
        let text = layout_table(
            vec![110.0, 126.0, 141.0, 160.0],
            vec![0.0, 40.0, 80.0, 120.0],
        );
        assert!(frame_rows_from_text(&frame, &[&text], &inside).is_none());
    }

    #[test]
    fn a_frame_takes_its_body_from_the_text_under_a_header_read_apart() {
        // A frame: a header row (80..100) over a body without row rules
        // (100..160), columns at 0, 60, 130, 200, the line at 130 drawn
        // through the header only. The header is read as a table of its
        // own (its columns elsewhere); the body's text table sets its
        // boundaries midway between the texts, well off the drawn lines.
        let mut chars = word("Name", 5.0, 85.0);
        chars.extend(word("Purpose", 65.0, 85.0));
        chars.extend(word("Sum", 140.0, 85.0));
        for (k, (name, sum)) in [("Ana", "12.5"), ("Ben", "8.0"), ("Chen", "1.25")]
            .into_iter()
            .enumerate()
        {
            let y = 105.0 + 15.0 * k as f32;
            chars.extend(word(name, 5.0, y));
            chars.extend(word("Trip", 65.0, y));
            chars.extend(word(sum, 175.0, y));
        }
        let inside: Vec<&TextChar> = chars.iter().collect();
        let cols = vec![0.0, 60.0, 130.0, 200.0];
        let mut frame = layout_table(vec![80.0, 100.0, 160.0], cols.clone());
        frame.evidence = Evidence::Ruled;
        frame.grid.cells.retain(|c| c.row == 0 || c.col == 0);
        frame.grid.cells.push(crate::table::Cell {
            row: 1,
            col: 1,
            rowspan: 1,
            colspan: 2,
        });
        let header = layout_table(vec![80.0, 100.0], vec![0.0, 40.0, 120.0, 200.0]);
        let body = layout_table(
            vec![100.5, 118.0, 133.0, 160.0],
            vec![0.0, 35.0, 120.0, 200.0],
        );
        let table = frame_rows_from_text(&frame, &[&header, &body], &inside).unwrap();
        assert_eq!(table.grid.cols, cols);
        assert_eq!(table.grid.rows, vec![80.0, 100.0, 118.0, 133.0, 160.0]);
        // The body's sums in a column of their own, as the header's.
        assert_eq!(table.grid.cells.len(), 4 * 3);
        assert!(table.grid.is_consistent());

        // A text table reaching into the header's row with other columns
        // leaves the frame as drawn.
        let across = layout_table(vec![80.0, 100.0, 160.0], vec![0.0, 80.0, 150.0, 200.0]);
        assert!(frame_rows_from_text(&frame, &[&across, &body], &inside).is_none());
    }

    #[test]
    fn entries_of_prose_a_blank_line_apart_are_rows_of_their_own() {
        // One band between rules: two entries of two lines each, 12 pt a
        // line, a blank line between them; the second column's lines beside
        // the first's.
        let mut chars = Vec::new();
        for (k, y) in [100.0, 112.0, 136.0, 148.0].into_iter().enumerate() {
            chars.extend(word(["Camping", "", "Fishing", ""][k], 10.0, y));
            chars.extend(word("anyone staying", 60.0, y));
        }
        let mut table = layout_table(vec![95.0, 165.0], vec![5.0, 55.0, 150.0]);
        let inside: Vec<&TextChar> = chars.iter().collect();
        assert!(words_per_cell(&table.grid, &chars) >= 4.0);
        split_rows_at_blank_lines(&mut table, &inside);
        assert_eq!(table.grid.rows.len(), 3, "{:?}", table.grid.rows);
        assert!(table.grid.rows[1] > 122.0 && table.grid.rows[1] < 136.0);
    }

    #[test]
    fn columns_and_rows_without_text_are_taken_out() {
        // Three columns, the middle one a 4-point gap between two rules;
        // three rows, the middle one left blank.
        let mut table = layout_table(vec![0.0, 20.0, 40.0, 60.0], vec![0.0, 50.0, 54.0, 104.0]);
        let mut chars = Vec::new();
        for (text, x, y) in [("ab", 5.0, 5.0), ("12", 60.0, 5.0), ("cd", 5.0, 45.0)] {
            chars.extend(word(text, x, y));
        }
        chars.extend(word(" ", 51.0, 45.0)); // a space is no text
        let inside = table_chars(&table, &chars);
        drop_empty_lines(&mut table.grid, &inside);
        assert_eq!(table.grid.cols, vec![0.0, 54.0, 104.0]);
        assert_eq!(table.grid.rows, vec![0.0, 40.0, 60.0]);
        assert!(table.grid.is_consistent());
        assert_eq!(
            crate::worker::extract::cell_texts(&chars, &table.grid, Boundaries::of(table.evidence)),
            vec![vec!["ab", "12"], vec!["cd", ""]]
        );
    }

    #[test]
    fn a_blank_row_under_a_label_merged_down_it_and_set_midway_stays() {
        // Rows 20 pt tall; a label merged down rows 1 to 3 (y 20-80), set
        // midway over the three (its line 45-55), beside figures in rows 2
        // and 3 only: row 1 is the label's, blank beside it. The same with
        // the label set midway over rows 2 and 3 (55-65): row 1 goes.
        for (label_y, rows) in [(45.0, 4), (55.0, 3)] {
            let mut table = layout_table(vec![0.0, 20.0, 40.0, 60.0, 80.0], vec![0.0, 50.0, 100.0]);
            table.grid.cells.retain(|c| c.col != 0 || c.row == 0);
            table.grid.cells.push(crate::table::Cell {
                row: 1,
                col: 0,
                rowspan: 3,
                colspan: 1,
            });
            let mut chars = Vec::new();
            for (text, x, y) in [("ab", 5.0, 5.0), ("12", 60.0, 5.0), ("cd", 5.0, label_y)] {
                chars.extend(word(text, x, y));
            }
            chars.extend(word("34", 60.0, 45.0));
            chars.extend(word("56", 60.0, 65.0));
            let inside = table_chars(&table, &chars);
            drop_empty_lines(&mut table.grid, &inside);
            assert_eq!(
                table.grid.row_count(),
                rows,
                "label at {label_y}: {:?}",
                table.grid
            );
            assert!(table.grid.is_consistent());
        }
    }

    #[test]
    fn a_column_only_a_wide_cell_reaches_into_goes_to_its_side() {
        // Columns 0-50, 50-100, 100-150: a header over the last two whose
        // text runs into the last, which holds nothing else; in the last
        // row a label over the first two.
        let mut table = layout_table(vec![0.0, 20.0, 40.0, 60.0], vec![0.0, 50.0, 100.0, 150.0]);
        let cell = |row, col, colspan| crate::table::Cell {
            row,
            col,
            rowspan: 1,
            colspan,
        };
        table.grid.cells = vec![
            cell(0, 0, 1),
            cell(0, 1, 2),
            cell(1, 0, 1),
            cell(1, 1, 1),
            cell(1, 2, 1),
            cell(2, 0, 2),
            cell(2, 2, 1),
        ];
        let mut chars = Vec::new();
        for (text, x, y) in [
            ("Fraction lost", 55.0, 5.0),
            ("Kept", 5.0, 25.0),
            ("0.17", 55.0, 25.0),
            ("Total of all", 5.0, 45.0),
        ] {
            chars.extend(word(text, x, y));
        }
        let texts = |t: &TableRegion| {
            crate::worker::extract::cell_texts(&chars, &t.grid, Boundaries::of(t.evidence))
        };
        let before = texts(&table);
        let inside = table_chars(&table, &chars);
        drop_empty_lines(&mut table.grid, &inside);
        assert!(table.grid.is_consistent());
        assert_eq!(table.grid.col_count(), 2);
        assert_eq!(texts(&table)[0], vec!["", "Fraction lost"]);
        let filled = |rows: Vec<Vec<String>>| -> Vec<String> {
            rows.concat()
                .into_iter()
                .filter(|t| !t.is_empty())
                .collect()
        };
        assert_eq!(
            filled(texts(&table)),
            filled(before),
            "no text changed cell"
        );
    }

    #[test]
    fn a_note_under_a_layout_table_and_what_follows_are_no_rows() {
        // Rows 20 high: a header, two rows of figures, a source note across
        // the first column, a heading.
        let bounds = vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0];
        let mut table = layout_table(bounds, vec![0.0, 100.0, 200.0]);
        let mut chars = Vec::new();
        let lines = [
            ("Region", 5.0, 5.0),
            ("Sales", 105.0, 5.0),
            ("North", 5.0, 25.0),
            ("12", 105.0, 25.0),
            ("South", 5.0, 45.0),
            ("7", 105.0, 45.0),
            ("Source: survey", 5.0, 65.0),
            ("3.1 Method", 5.0, 85.0),
        ];
        for (line, (text, x, y)) in lines.into_iter().enumerate() {
            chars.extend(word(text, x, y).into_iter().map(|c| TextChar {
                line: line as u32,
                ..c
            }));
        }
        let mut noted = table.clone();
        drop_notes_below(&mut noted, &table_chars(&table, &chars), &chars, 2);
        assert_eq!(noted.grid.rows, vec![0.0, 20.0, 40.0, 60.0]);
        assert_eq!(noted.bbox.y1, 60.0);
        assert!(noted.grid.is_consistent());
        // A row that starts like a note but has figures in another column
        // is a row (a footnote mark on a row label).
        chars.extend(
            word("9", 105.0, 65.0)
                .into_iter()
                .map(|c| TextChar { line: 99, ..c }),
        );
        let inside = table_chars(&table, &chars);
        drop_notes_below(&mut table, &inside, &chars, 2);
        assert_eq!(table.grid.row_count(), 5);
    }

    #[test]
    fn numbers_counting_a_pages_lines_are_told_from_a_tables_row_numbers() {
        // Twelve lines numbered 1-12 down the margin, right-aligned, 20 apart;
        // text beside all but lines 4 and 9.
        let page = |blank: &[u32]| {
            let mut chars = Vec::new();
            for n in 1..=12u32 {
                let label = n.to_string();
                let y = 20.0 * n as f32;
                let x = 30.0 - 5.0 * label.len() as f32;
                chars.extend(
                    word(&label, x, y)
                        .into_iter()
                        .map(|c| TextChar { line: 2 * n, ..c }),
                );
                if !blank.contains(&n) {
                    let text = word("text of the line", 50.0, y);
                    chars.extend(text.into_iter().map(|c| TextChar {
                        line: 2 * n + 1,
                        ..c
                    }));
                }
            }
            chars
        };
        let digits = |chars: &[TextChar], marks: &[bool]| {
            (chars.iter().zip(marks))
                .filter(|(c, _)| c.c.is_ascii_digit())
                .all(|(_, &m)| m)
        };
        let numbered = page(&[4, 9]);
        let refs: Vec<&TextChar> = numbered.iter().collect();
        let marks = line_numbers(&refs);
        assert!(digits(&numbered, &marks));
        assert!(numbered
            .iter()
            .zip(&marks)
            .all(|(c, &m)| !m || c.c.is_ascii_digit()));

        // Every number beside a row of its own: a table's numbered rows.
        let rows = page(&[]);
        let refs: Vec<&TextChar> = rows.iter().collect();
        assert!(!line_numbers(&refs).contains(&true));
    }

    #[test]
    fn strokes_of_ideographs_are_no_rulings_lines_past_them_are() {
        // Four ideographs 5 wide from x = 10, 10 high from y = 10.
        let chars = word("营业收入", 10.0, 10.0);
        let mut rulings = rulings::Rulings {
            horizontal: vec![
                Ruling::new(10.5, 9.0, 30.5),  // their top strokes, run together
                Ruling::new(10.5, 0.0, 200.0), // a line along their tops
            ],
            vertical: vec![
                Ruling::new(14.8, 10.0, 20.0), // the edge stroke of the first
                Ruling::new(14.8, 0.0, 40.0),  // a column line past it
            ],
        };
        drop_rulings_through_text(&mut rulings, &chars);
        assert_eq!(rulings.horizontal, vec![Ruling::new(10.5, 0.0, 200.0)]);
        assert_eq!(rulings.vertical, vec![Ruling::new(14.8, 0.0, 40.0)]);
    }

    #[test]
    fn text_keeps_cells_apart_only_with_clear_space_between() {
        let (left, right) = (
            Rect::new(0.0, 0.0, 100.0, 20.0),
            Rect::new(100.0, 0.0, 200.0, 20.0),
        );
        let mut apart = word("Label", 5.0, 5.0);
        apart.extend(word("Count", 104.0, 5.0));
        assert!(text_separates(&apart, &left, &right));
        // A heading across the boundary joins the cells.
        assert!(!text_separates(
            &word("Revenue 2024", 70.0, 5.0),
            &left,
            &right
        ));
        // Glyphs that touch at the boundary are one word.
        assert!(!text_separates(&word("名称名称", 80.0, 5.0), &left, &right));
        // Text on one side only says nothing.
        assert!(!text_separates(&word("Label", 5.0, 5.0), &left, &right));
        // A heading over both whose word space falls on the boundary, its
        // words 3 pt either side, goes on in lower case: one phrase.
        let mut phrase = word("number of", 52.0, 5.0);
        phrase.extend(word("franchisors", 103.0, 5.0));
        assert!(!text_separates(&phrase, &left, &right));
        // Two titles meeting there are two cells' (`Total` a title of its own).
        let mut titles = word("Share of", 52.0, 5.0);
        titles.extend(word("Total", 103.0, 5.0));
        assert!(text_separates(&titles, &left, &right));
    }

    #[test]
    fn lines_keep_cells_apart_only_above_and_below_the_boundary() {
        let (above, below) = (
            Rect::new(0.0, 0.0, 100.0, 20.0),
            Rect::new(0.0, 20.0, 100.0, 40.0),
        );
        // Glyphs 10 pt tall, from 4 and from 24: 10 pt apart.
        let mut apart = word("kg/year", 5.0, 4.0);
        apart.extend(word("12", 5.0, 24.0));
        assert!(text_separates(&apart, &above, &below));
        // A line across the boundary is one cell's.
        let mut across = word("Label", 5.0, 15.0);
        across.extend(word("12", 50.0, 28.0));
        assert!(!text_separates(&across, &above, &below));
        // Text on one side only says nothing.
        assert!(!text_separates(&word("12", 5.0, 24.0), &above, &below));
    }
}
