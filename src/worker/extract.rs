//! Stage 4, extract (inside a worker): the text of each cell of a table, from
//! the page's text layer (MuPDF structured text).
//!
//! Characters go to the cell that holds their centre, a word's letters to
//! the one that holds the word's, text running on past the table's edge to
//! the cell it runs from. Within a cell, pieces of
//! text on one baseline form a line (left to right); lines are joined with a
//! newline, top to bottom; a line with right-to-left letters is read in
//! its reading order (`bidi`). Rows come out in grid order: `rows[r][c]` is the
//! text of the cell whose top-left position is (r, c), "" where a span covers.

use mupdf::{Page, TextCharFlags, TextPage, TextPageFlags};

use crate::table::{Evidence, Grid, Rect};
use crate::worker::bidi::{reading_order, reversed_by_mupdf, Placed};
use crate::worker::turn::{Runs, Turn};

/// One character of the text layer, in page points.
#[derive(Debug, Clone, PartialEq)]
pub struct TextChar {
    pub c: char,
    pub bbox: Rect,
    /// Which structured-text line the character came from; characters of one
    /// line share a baseline.
    pub line: u32,
    pub size: f32,
}

impl TextChar {
    pub fn cx(&self) -> f32 {
        (self.bbox.x0 + self.bbox.x1) / 2.0
    }

    pub fn cy(&self) -> f32 {
        (self.bbox.y0 + self.bbox.y1) / 2.0
    }
}

/// A page's text layer.
pub struct PageText {
    /// Every character, in MuPDF's reading order.
    pub chars: Vec<TextChar>,
    /// The way most of them run (a page printed sideways runs up or down).
    pub turn: Turn,
    /// How many of them are glyphs that show: filled or stroked, not the
    /// invisible text a scanner's OCR lays over its page image.
    pub visible: usize,
}

/// The page's text layer.
pub fn page_chars(page: &Page) -> Result<PageText, mupdf::Error> {
    let text = without_icc(|| page.to_text_page(TextPageFlags::empty()))?;
    Ok(chars_of(&text))
}

/// The characters of a page's structured text.
pub fn chars_of(text: &TextPage) -> PageText {
    let mut chars = Vec::new();
    let mut runs = Runs::default();
    let mut line_id = 0u32;
    let mut visible = 0;
    for block in text.blocks() {
        for line in block.lines() {
            for ch in line.chars() {
                let Some(c) = ch.char() else { continue };
                let q = ch.quad();
                if !c.is_whitespace() {
                    runs.add(q.ur.x - q.ul.x, q.ur.y - q.ul.y);
                    if ch
                        .flags()
                        .intersects(TextCharFlags::FILLED | TextCharFlags::STROKED)
                    {
                        visible += 1;
                    }
                }
                let xs = [q.ul.x, q.ur.x, q.ll.x, q.lr.x];
                let ys = [q.ul.y, q.ur.y, q.ll.y, q.lr.y];
                let bbox = Rect::new(
                    xs.iter().copied().fold(f32::INFINITY, f32::min),
                    ys.iter().copied().fold(f32::INFINITY, f32::min),
                    xs.iter().copied().fold(f32::NEG_INFINITY, f32::max),
                    ys.iter().copied().fold(f32::NEG_INFINITY, f32::max),
                );
                chars.push(TextChar {
                    c,
                    bbox,
                    line: line_id,
                    size: ch.size(),
                });
            }
            line_id += 1;
        }
    }
    drop_overprinted(&mut chars);
    PageText {
        chars,
        turn: runs.turn(),
        visible,
    }
}

/// How far apart, in ems, two draws of one character may be and still be
/// one letter printed over itself (fake bold is drawn a fiftieth of an em
/// off). The next letter of a word is a quarter of an em on at least.
const OVERPRINT: f32 = 0.05;

/// Drops characters that a page draws again over themselves, a fraction of
/// a point off: bold faked by printing a word two or four times, a shadow
/// under a heading. The text layer holds every draw, so a cell would read
/// `股票代码股票代码` and the copies beside each other look like a column.
/// A copy is a run of such characters (or a line's only one): text that
/// merely runs into other text (an overlong cell over the next column's
/// figures) matches a letter here and there, never a run.
fn drop_overprinted(chars: &mut Vec<TextChar>) {
    let glyphs: Vec<usize> = (0..chars.len())
        .filter(|&i| !chars[i].c.is_whitespace())
        .collect();
    // The glyphs by kind and height on the page: a copy of one follows it
    // closely in this order.
    let mut order = glyphs.clone();
    order.sort_unstable_by(|&i, &j| {
        let (a, b) = (&chars[i], &chars[j]);
        a.c.cmp(&b.c).then(a.bbox.y0.total_cmp(&b.bbox.y0))
    });
    let mut copy = vec![false; chars.len()];
    for (k, &i) in order.iter().enumerate() {
        let a = &chars[i];
        let tolerance = OVERPRINT * a.size;
        for &j in &order[k + 1..] {
            let b = &chars[j];
            if b.c != a.c || b.bbox.y0 - a.bbox.y0 > tolerance {
                break;
            }
            if (b.bbox.x0 - a.bbox.x0).abs() <= tolerance && (b.size - a.size).abs() <= tolerance {
                // The later draw is the copy.
                copy[i.max(j)] = true;
            }
        }
    }
    if !copy.contains(&true) {
        return;
    }
    fill_holes_of_copies(chars, &glyphs, &mut copy);
    // A copy goes when a glyph beside it on its line (the structured
    // text's lines run in order) is a copy too, or it is its line's only one.
    let mut drop = vec![false; chars.len()];
    for (k, &i) in glyphs.iter().enumerate() {
        let line = chars[i].line;
        let before = k
            .checked_sub(1)
            .map(|p| glyphs[p])
            .filter(|&p| chars[p].line == line);
        let after = glyphs
            .get(k + 1)
            .copied()
            .filter(|&n| chars[n].line == line);
        let neighbour_copied = before.is_some_and(|p| copy[p]) || after.is_some_and(|n| copy[n]);
        drop[i] = copy[i] && (neighbour_copied || (before.is_none() && after.is_none()));
    }
    let mut drop = drop.into_iter();
    chars.retain(|_| !drop.next().expect("one flag per character"));
}

/// A page may draw its text twice with a glyph of one draw a space in the
/// other (`1 9` under `1.9`): a glyph the later draw has between copied
/// ones, where the earlier draw has a space, fills that space, and the
/// later draw is a copy through it; only where that makes the later draw's
/// whole line a copy (a draw missing glyphs here and there is no copy of
/// the text, nor the text of it). (Where the later draw has the space, the
/// earlier one's glyph already stands.)
fn fill_holes_of_copies(chars: &mut [TextChar], glyphs: &[usize], copy: &mut [bool]) {
    // The spaces by where they stand, in cells of a point: a glyph's hole
    // is in its cell or one beside it.
    let mut spaces: std::collections::HashMap<(i32, i32), Vec<usize>> =
        std::collections::HashMap::new();
    let cell_of = |r: &Rect| (r.x0.floor() as i32, r.y0.floor() as i32);
    for (i, c) in chars
        .iter()
        .enumerate()
        .filter(|(_, c)| c.c.is_whitespace())
    {
        spaces.entry(cell_of(&c.bbox)).or_default().push(i);
    }
    // Per structured-text line: its glyphs not copied, and the holes found
    // for them.
    let mut lines: std::collections::BTreeMap<u32, (usize, Vec<(usize, usize)>)> =
        std::collections::BTreeMap::new();
    for (k, &i) in glyphs.iter().enumerate() {
        if copy[i] {
            continue;
        }
        let line = chars[i].line;
        let entry = lines.entry(line).or_default();
        entry.0 += 1;
        let copied = |n: Option<&usize>| n.is_some_and(|&n| chars[n].line == line && copy[n]);
        if !(k > 0 && copied(glyphs.get(k - 1)) && copied(glyphs.get(k + 1))) {
            continue;
        }
        let g = &chars[i];
        let tolerance = OVERPRINT * g.size;
        let (x, y) = cell_of(&g.bbox);
        let mut near = (x - 1..=x + 1)
            .flat_map(|x| (y - 1..=y + 1).map(move |y| (x, y)))
            .filter_map(|cell| spaces.get(&cell))
            // However many a hostile page stacks on one spot.
            .flat_map(|cell| cell.iter().take(MAX_SPACES_A_SPOT).copied());
        let hole = near.find(|&w| {
            let s = &chars[w];
            w < i
                && s.line != line
                && (s.bbox.x0 - g.bbox.x0).abs() <= tolerance
                && (s.bbox.y0 - g.bbox.y0).abs() <= tolerance
        });
        if let Some(w) = hole {
            entry.1.push((i, w));
        }
    }
    for (uncopied, holes) in lines.into_values() {
        if holes.len() == uncopied {
            for (i, w) in holes {
                chars[w].c = chars[i].c;
                chars[w].bbox = chars[i].bbox;
                copy[i] = true;
            }
        }
    }
}

/// The spaces looked at on one spot of the page for a hole.
const MAX_SPACES_A_SPOT: usize = 8;

/// Runs `f` with MuPDF's ICC colour management off. The structured text
/// device converts every span's colour to RGB, which we never read; with
/// ICC on, the first conversion builds a colour link that costs a fresh
/// worker about as much as rendering a page. (Rendering keeps ICC: its grey
/// levels are what detection is set on; see `render/grey.rs` for how it
/// avoids the links.) The switch is the thread's
/// context's; workers are single-threaded.
fn without_icc<T>(f: impl FnOnce() -> T) -> T {
    struct Restore(mupdf::Context);
    impl Drop for Restore {
        fn drop(&mut self) {
            self.0.enable_icc();
        }
    }
    let mut context = mupdf::Context::get();
    context.disable_icc();
    let _restore = Restore(context);
    f()
}

/// Characters a dot leader is made of (`Revenue ........ 12.3`).
const LEADER: [char; 4] = ['.', '·', '…', '_'];
/// A run of at least this many of them is a leader, not punctuation.
const MIN_LEADER: usize = 4;

/// A leader may be drawn in a glyph the text layer cannot name (a font's
/// own dot, with no Unicode for it): a run of at least this many such
/// glyphs, as wide as each other and each no wider than `MAX_DOT_EM`, is
/// one. Figures or letters that cannot be named are wider, or differ.
const MIN_UNNAMED_LEADER: usize = 8;
const MAX_DOT_EM: f32 = 0.4;

/// Whether `c` stands for a glyph the text layer has no character for:
/// MuPDF gives U+FFFD, or the font's code where that is a control code.
pub(crate) fn unnamed(c: char) -> bool {
    c == '\u{FFFD}' || (c.is_control() && !c.is_whitespace())
}

/// Which of `chars` (in reading order) belong to a dot leader: a run on one
/// line of four or more leader characters, spaces between them allowed, or
/// of glyphs that cannot be named drawn like dots (see
/// `MIN_UNNAMED_LEADER`). A leader guides the eye from a label to its
/// value; it is neither text of the cell nor a column.
pub(crate) fn leader_marks<'a>(chars: impl IntoIterator<Item = &'a TextChar>) -> Vec<bool> {
    let chars: Vec<&TextChar> = chars.into_iter().collect();
    let mut marks = vec![false; chars.len()];
    let dot = |c: char| LEADER.contains(&c) || unnamed(c);
    let mut i = 0;
    while i < chars.len() {
        if !dot(chars[i].c) {
            i += 1;
            continue;
        }
        let (start, mut end, mut count) = (i, i, 0);
        let mut widths = Vec::new();
        while end < chars.len()
            && chars[end].line == chars[start].line
            && (dot(chars[end].c) || chars[end].c.is_whitespace())
        {
            match chars[end].c {
                '…' => count += 3,
                c if LEADER.contains(&c) => count += 1,
                c if unnamed(c) => widths.push(chars[end].bbox.width() / chars[end].size),
                _ => {}
            }
            end += 1;
        }
        // Spaces after the last dot stay: they part the label from the value.
        let mut last = end;
        while chars[last - 1].c.is_whitespace() {
            last -= 1;
        }
        if count >= MIN_LEADER || drawn_like_dots(&widths) {
            marks[start..last].iter_mut().for_each(|m| *m = true);
        }
        i = end.max(i + 1);
    }
    marks
}

/// Whether glyphs of these widths (em), that cannot be named, are a
/// leader's dots: many, narrow, and all but one (the leader's first may be
/// another glyph) as wide as the middle one.
fn drawn_like_dots(widths: &[f32]) -> bool {
    let mut sorted = widths.to_vec();
    sorted.sort_by(f32::total_cmp);
    let Some(&middle) = sorted.get(sorted.len() / 2) else {
        return false;
    };
    let others = (widths.iter())
        .filter(|&&w| (w - middle).abs() > 0.15 * middle)
        .count();
    widths.len() >= MIN_UNNAMED_LEADER && middle > 0.0 && middle <= MAX_DOT_EM && others <= 1
}

/// Where a grid's column boundaries stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Boundaries {
    /// On lines drawn on the page: text past one is the next cell's (or text
    /// cut off at the line and run into it).
    Drawn,
    /// In the gaps between columns of text: a word across one was cut.
    Placed,
}

impl Boundaries {
    /// Those of a table found from `evidence`.
    pub fn of(evidence: Evidence) -> Boundaries {
        match evidence {
            Evidence::Ruled => Boundaries::Drawn,
            Evidence::PartiallyRuled | Evidence::TextLayout => Boundaries::Placed,
        }
    }
}

/// The text of every cell of `grid`, row by row (see the module docs).
pub fn cell_texts(chars: &[TextChar], grid: &Grid, boundaries: Boundaries) -> Vec<Vec<String>> {
    let (nr, nc) = (grid.row_count(), grid.col_count());
    let mut per_cell: Vec<Vec<&TextChar>> = vec![Vec::new(); grid.cells.len()];
    for (ch, cell) in chars.iter().zip(char_cells(chars, grid, boundaries)) {
        if let Some(cell) = cell {
            per_cell[cell].push(ch);
        }
    }
    let mut rows = vec![vec![String::new(); nc]; nr];
    for (cell, chars) in grid.cells.iter().zip(&per_cell) {
        rows[cell.row as usize][cell.col as usize] = assemble(chars);
    }
    rows
}

/// For every cell of `grid`, row by row as `cell_texts`, the lowest of
/// `values` (one per character of `chars`) among the characters in it; 1
/// for a cell without characters.
pub fn cell_minimum(
    chars: &[TextChar],
    values: &[f32],
    grid: &Grid,
    boundaries: Boundaries,
) -> Vec<Vec<f32>> {
    let (nr, nc) = (grid.row_count(), grid.col_count());
    let mut per_cell = vec![1.0f32; grid.cells.len()];
    let cells = char_cells(chars, grid, boundaries);
    for ((ch, &v), cell) in chars.iter().zip(values).zip(cells) {
        if let (Some(cell), false) = (cell, ch.c.is_whitespace()) {
            let m = &mut per_cell[cell];
            *m = m.min(v);
        }
    }
    let mut rows = vec![vec![1.0; nc]; nr];
    for (cell, m) in grid.cells.iter().zip(per_cell) {
        rows[cell.row as usize][cell.col as usize] = m;
    }
    rows
}

/// The cell (an index into `grid.cells`) of each character, None for a dot
/// leader's or one outside the grid (but for text running on past its
/// edges, `run_on_past_the_edges`): the one that holds its centre, except
/// that between boundaries placed in gaps a word mostly in one cell goes
/// there whole. A boundary set in a narrow gap between columns may run
/// through the last word of a cell that reaches past its column; text cut
/// off at a cell's edge and run into the next cell's (`Elizab2165`) is two
/// words, about as much on either side or letters on one and figures on
/// the other.
fn char_cells(chars: &[TextChar], grid: &Grid, boundaries: Boundaries) -> Vec<Option<usize>> {
    let nc = grid.col_count();
    let owner = grid.cell_at_positions();
    let leaders = leader_marks(chars);
    let column = |ch: &TextChar| slot(&grid.cols, ch.cx());
    // Letters or figures; punctuation is neither (a figure's commas and
    // point are of it).
    let kind = |ch: &TextChar| match (ch.c.is_alphabetic(), ch.c.is_numeric()) {
        (true, _) => Some(true),
        (_, true) => Some(false),
        _ => None,
    };
    // Letters of one word: one line, no space or leader between, boxes touching.
    let joined = |i: usize| {
        let (a, b) = (&chars[i - 1], &chars[i]);
        let gap = (b.bbox.x0 - a.bbox.x1).max(a.bbox.x0 - b.bbox.x1);
        a.line == b.line
            && !(a.c.is_whitespace() || b.c.is_whitespace() || leaders[i - 1] || leaders[i])
            && gap < WORD_GAP_EM * a.size.max(b.size)
    };
    let mut cells = Vec::with_capacity(chars.len());
    let mut start = 0;
    while start < chars.len() {
        // (At drawn lines each letter stays where it stands.)
        let mut end = start + 1;
        while boundaries == Boundaries::Placed && end < chars.len() && joined(end) {
            end += 1;
        }
        let word = &chars[start..end];
        let mut counts: Vec<(Option<usize>, usize)> = Vec::new();
        for c in word.iter().map(column) {
            match counts.iter_mut().find(|(k, _)| *k == c) {
                Some((_, n)) => *n += 1,
                None => counts.push((c, 1)),
            }
        }
        let most = counts.iter().max_by_key(|(_, n)| *n).copied();
        // Letters running into figures where the cells part are two texts.
        let two_texts = (word.windows(2)).any(|p| {
            let (a, b) = (kind(&p[0]), kind(&p[1]));
            column(&p[0]) != column(&p[1]) && a.is_some() && b.is_some() && a != b
        });
        let whole = most.filter(|&(c, n)| {
            c.is_some() && !two_texts && n * WHOLE_WORD_SHARE.1 >= word.len() * WHOLE_WORD_SHARE.0
        });
        for (i, ch) in word.iter().enumerate() {
            let c = whole.map_or_else(|| column(ch), |(c, _)| c);
            cells.push(match (slot(&grid.rows, ch.cy()), c, leaders[start + i]) {
                (Some(r), Some(c), false) => Some(owner[r * nc + c]),
                _ => None,
            });
        }
        start = end;
    }
    run_on_past_the_edges(chars, grid, &leaders, &mut cells);
    keep_sideways_lines_whole(chars, grid, &owner, &mut cells);
    cells
}

/// Whether a structured-text line's glyphs run up or down the page rather
/// than along it (a label set sideways).
pub fn runs_sideways<C: std::borrow::Borrow<TextChar>>(line: &[C]) -> bool {
    let mut glyphs = line.iter().map(C::borrow).filter(|c| !c.c.is_whitespace());
    let (Some(first), Some(last)) = (glyphs.next(), glyphs.next_back()) else {
        return false;
    };
    let (dx, dy) = (last.cx() - first.cx(), last.cy() - first.cy());
    dy.abs() > dx.abs() && dy.abs() > first.size
}

/// Gives each line set sideways whole to the cell holding its middle: a
/// label running up beside a group of rows, longer than the group is
/// tall, reaches past the rows of its cell (and may past the table's
/// last), and glyph by glyph it would leave its ends in the rows beside
/// (`P` / `ublic secto` / `r`).
fn keep_sideways_lines_whole(
    chars: &[TextChar],
    grid: &Grid,
    owner: &[usize],
    cells: &mut [Option<usize>],
) {
    let nc = grid.col_count();
    let mut start = 0;
    for line in chars.chunk_by(|a, b| a.line == b.line) {
        let range = start..start + line.len();
        start = range.end;
        // (Each glyph over or under the one before: a line's text, not
        // words of several lines that share its number. Looked at only
        // for lines that run sideways: this pass reads every line of the
        // page for every table, and allocates nothing for the rest.)
        let stacked = || {
            let shown: Vec<&TextChar> = line.iter().filter(|c| !c.c.is_whitespace()).collect();
            (shown.windows(2))
                .all(|p| (p[1].cy() - p[0].cy()).abs() > (p[1].cx() - p[0].cx()).abs())
        };
        if !(runs_sideways(line) && stacked()) {
            continue;
        }
        let (y0, y1) = (line.iter()).fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), c| {
            (a.min(c.bbox.y0), b.max(c.bbox.y1))
        });
        let x = line.iter().map(|c| c.cx()).sum::<f32>() / line.len() as f32;
        let cell = match (slot(&grid.rows, (y0 + y1) / 2.0), slot(&grid.cols, x)) {
            (Some(r), Some(c)) => owner[r * nc + c],
            _ => continue,
        };
        cells[range].fill(Some(cell));
    }
}

/// Letters further apart than this many em are not of one run of text.
const RUN_ON_EM: f32 = 0.5;

/// Gives text that runs on past the grid's first or last column, on its
/// line without a break, to the cell it runs from: no cell lies beyond to
/// take it, and a word cut at the table's edge (`afférentes et ef`) loses
/// text. An edge drawn or placed through a line of text stands too close.
fn run_on_past_the_edges(
    chars: &[TextChar],
    grid: &Grid,
    leaders: &[bool],
    cells: &mut [Option<usize>],
) {
    let (Some(&left), Some(&right)) = (grid.cols.first(), grid.cols.last()) else {
        return;
    };
    let runs_on = |a: &TextChar, b: &TextChar| {
        a.line == b.line
            && a.cx() < b.cx()
            && b.bbox.x0 - a.bbox.x1 < RUN_ON_EM * a.size.max(b.size)
    };
    for i in 1..chars.len() {
        if cells[i].is_none()
            && !leaders[i]
            && chars[i].cx() >= right
            && runs_on(&chars[i - 1], &chars[i])
        {
            cells[i] = cells[i - 1];
        }
    }
    for i in (0..chars.len().saturating_sub(1)).rev() {
        if cells[i].is_none()
            && !leaders[i]
            && chars[i].cx() < left
            && runs_on(&chars[i], &chars[i + 1])
        {
            cells[i] = cells[i + 1];
        }
    }
}

/// Letters closer than this many em are of one word.
const WORD_GAP_EM: f32 = 0.15;
/// A word with at least this share (numerator, denominator) of its letters
/// in one cell goes there whole.
pub(crate) const WHOLE_WORD_SHARE: (usize, usize) = (2, 3);

/// The index of the interval of `bounds` (ascending) that holds `v`.
pub(crate) fn slot(bounds: &[f32], v: f32) -> Option<usize> {
    let i = bounds.partition_point(|&b| b <= v);
    (i > 0 && i < bounds.len()).then(|| i - 1)
}

/// A run of characters of one structured-text line inside one cell.
struct Piece {
    text: String,
    /// Its characters with their left and right edges, spaces too (for
    /// right-to-left text, read again from where its glyphs stand).
    placed: Vec<Placed>,
    /// Its glyphs (no spaces) with their left and right edges.
    glyphs: Vec<(char, f32, f32)>,
    x0: f32,
    cy: f32,
    size: f32,
}

/// The pieces of one line of a cell, left to right, as text: a space
/// between pieces. A line drawn glyph by glyph or letter-spaced (all of its
/// words one glyph long, three or more) is read from its glyphs instead:
/// only gaps wider than the spacing of its letters are word spaces
/// (`T O T A L  A S S E T S` reads `TOTAL ASSETS`).
fn join_pieces(line: &[Piece]) -> String {
    let texts: Vec<String> = line.iter().map(|p| collapse_spaces(&p.text)).collect();
    let tokens: Vec<&str> = texts.iter().flat_map(|t| t.split(' ')).collect();
    let single = tokens.iter().filter(|t| t.chars().count() == 1).count();
    if single < 3 || single < tokens.len() {
        return texts.join(" ");
    }
    let mut glyphs: Vec<(char, f32, f32)> = line.iter().flat_map(|p| p.glyphs.clone()).collect();
    glyphs.sort_by(|a, b| a.1.total_cmp(&b.1));
    let size = line.iter().map(|p| p.size).fold(0.0, f32::max);
    let gaps: Vec<f32> = glyphs.windows(2).map(|w| w[1].1 - w[0].2).collect();
    let letter_gap = gaps.iter().copied().fold(f32::INFINITY, f32::min);
    if letter_gap >= 0.2 * size {
        return texts.join(" "); // word spaces between all of them: `1 2 3`
    }
    let mut out = String::new();
    for (k, &(c, _, _)) in glyphs.iter().enumerate() {
        if k > 0 && gaps[k - 1] > letter_gap + 0.2 * size {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// The text of one cell from its characters (in reading order).
fn assemble(chars: &[&TextChar]) -> String {
    let shifted = shifted_forms(chars);
    let mut pieces: Vec<Piece> = Vec::new();
    let mut current_line = None;
    for (i, ch) in chars.iter().enumerate() {
        let c = shifted.as_ref().map_or(ch.c, |s| s[i]);
        if current_line != Some(ch.line) {
            current_line = Some(ch.line);
            pieces.push(Piece {
                text: String::new(),
                placed: Vec::new(),
                glyphs: Vec::new(),
                x0: ch.bbox.x0,
                cy: ch.cy(),
                size: ch.size,
            });
        }
        let piece = pieces.last_mut().expect("a piece was just pushed");
        piece.text.push(c);
        piece.placed.push(Placed {
            c,
            x0: ch.bbox.x0,
            x1: ch.bbox.x1,
        });
        piece.x0 = piece.x0.min(ch.bbox.x0);
        if !c.is_whitespace() {
            piece.glyphs.push((c, ch.bbox.x0, ch.bbox.x1));
        }
        piece.size = piece.size.max(ch.size);
    }
    pieces.retain(|p| !p.text.trim().is_empty());
    pieces.sort_by(|a, b| a.cy.total_cmp(&b.cy));

    // Pieces whose centres lie within half a line of each other are one line.
    let mut lines: Vec<Vec<Piece>> = Vec::new();
    for piece in pieces {
        match lines.last_mut() {
            Some(line) if (piece.cy - line[0].cy).abs() < 0.5 * piece.size.max(line[0].size) => {
                line.push(piece)
            }
            _ => lines.push(vec![piece]),
        }
    }
    let lines: Vec<(String, f32)> = lines
        .into_iter()
        .map(|mut line| {
            line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            // Most lines have no right-to-left text: no copy of their glyphs.
            let rtl = line.iter().any(|p| p.text.chars().any(reversed_by_mupdf));
            let reordered = rtl.then(|| {
                let placed: Vec<Placed> = line.iter().flat_map(|p| p.placed.clone()).collect();
                let size = line.iter().map(|p| p.size).fold(0.0, f32::max);
                reading_order(&placed, size)
            });
            let text = reordered.flatten().unwrap_or_else(|| join_pieces(&line));
            let x0 = line.iter().map(|p| p.x0).fold(f32::INFINITY, f32::min);
            let x1 = (line.iter().flat_map(|p| &p.glyphs)).fold(x0, |x, g| x.max(g.2));
            (text, x1 - x0)
        })
        .collect();
    join_lines(&lines)
}

/// Each of `chars` as a reader reads it: a run of characters set smaller
/// than the rest of their line and raised above it (or lowered below it)
/// in their superscript (subscript) forms, where Unicode has one for each
/// of the run's characters: a footnote mark after a figure reads `24.91²`,
/// never `24.912`, and an exponent or a formula's index keeps its place
/// (`m²`, `H₂O`), and so does a letter marking a note (`Revenueᵃ`). An
/// English ordinal's raised `nd` after its figure stays as it is (`2nd`).
/// Lines set sideways (their letters one above the next) are left alone.
/// `None` when every character stays as it is.
fn shifted_forms(chars: &[&TextChar]) -> Option<Vec<char>> {
    // Most cells are set in one size: nothing in them is shifted.
    let (smallest, largest) = (chars.iter())
        .filter(|c| !c.c.is_whitespace())
        .fold((f32::INFINITY, 0.0f32), |(a, b), c| {
            (a.min(c.size), b.max(c.size))
        });
    if smallest > SHIFTED_SIZE * largest {
        return None;
    }
    let lines = main_text_of_lines(chars);
    let shift = |ch: &TextChar| -> Option<Shift> {
        let line = lines.iter().find(|l| l.id == ch.line)?;
        if ch.c.is_whitespace() || ch.size > SHIFTED_SIZE * line.size || line.sideways() {
            return None;
        }
        // (Smaller text on the line's baseline stands a little lower than
        // its middle, and no higher at its bottom.)
        if ch.bbox.y1 <= line.bottom - SHIFT_EM * line.size {
            Some(Shift::Raised)
        } else if ch.cy() >= (line.top + line.bottom) / 2.0 + SHIFT_EM * line.size {
            Some(Shift::Lowered)
        } else {
            None
        }
    };
    let shifts: Vec<Option<Shift>> = chars.iter().map(|ch| shift(ch)).collect();
    let mut out: Vec<char> = chars.iter().map(|ch| ch.c).collect();
    let mut start = 0;
    while start < chars.len() {
        let mut end = start + 1;
        while end < chars.len()
            && shifts[end] == shifts[start]
            && chars[end].line == chars[start].line
        {
            end += 1;
        }
        if let Some(shift) = shifts[start] {
            let form = match shift {
                Shift::Raised => superscript,
                Shift::Lowered => subscript,
            };
            let forms: Option<Vec<char>> = chars[start..end].iter().map(|ch| form(ch.c)).collect();
            let ordinal = start > 0
                && chars[start - 1].c.is_ascii_digit()
                && ORDINAL_SUFFIXES.contains(&String::from_iter(&out[start..end]).as_str());
            if let Some(forms) = forms.filter(|_| !ordinal) {
                out[start..end].copy_from_slice(&forms);
            }
        }
        start = end;
    }
    Some(out)
}

/// Raised after a figure, these are an ordinal's ending, read as letters.
const ORDINAL_SUFFIXES: [&str; 4] = ["st", "nd", "rd", "th"];

/// Where a character set small stands against its line.
#[derive(Clone, Copy, PartialEq)]
enum Shift {
    Raised,
    Lowered,
}

/// Of one structured-text line: its largest size, the top and bottom of
/// its characters set that large and how far their middles spread across
/// and down.
struct MainText {
    id: u32,
    size: f32,
    top: f32,
    bottom: f32,
    across: (f32, f32),
    down: (f32, f32),
}

impl MainText {
    /// Letters one above the next: a line set sideways.
    fn sideways(&self) -> bool {
        self.down.1 - self.down.0 > self.across.1 - self.across.0
    }
}

/// The `MainText` of each structured-text line among `chars`.
fn main_text_of_lines(chars: &[&TextChar]) -> Vec<MainText> {
    let mut lines: Vec<MainText> = Vec::new();
    for ch in chars.iter().filter(|c| !c.c.is_whitespace()) {
        let fresh = MainText {
            id: ch.line,
            size: ch.size,
            top: ch.bbox.y0,
            bottom: ch.bbox.y1,
            across: (ch.cx(), ch.cx()),
            down: (ch.cy(), ch.cy()),
        };
        match lines.iter_mut().find(|l| l.id == ch.line) {
            Some(l) if ch.size > l.size => *l = fresh,
            Some(l) if ch.size == l.size => {
                l.top = l.top.min(ch.bbox.y0);
                l.bottom = l.bottom.max(ch.bbox.y1);
                l.across = (l.across.0.min(ch.cx()), l.across.1.max(ch.cx()));
                l.down = (l.down.0.min(ch.cy()), l.down.1.max(ch.cy()));
            }
            Some(_) => {}
            None => lines.push(fresh),
        }
    }
    lines
}

/// See `shifted_forms`: a superscript or subscript is set this share of
/// its line's size or smaller; a superscript's bottom stands this many of
/// the line's ems above the line's bottom, a subscript's middle as far
/// below the line's middle.
const SHIFTED_SIZE: f32 = 0.8;
const SHIFT_EM: f32 = 0.25;

fn superscript(c: char) -> Option<char> {
    Some(match c {
        '0' => '⁰',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4' => '⁴',
        '5' => '⁵',
        '6' => '⁶',
        '7' => '⁷',
        '8' => '⁸',
        '9' => '⁹',
        '+' => '⁺',
        '-' | '−' => '⁻',
        '=' => '⁼',
        '(' => '⁽',
        ')' => '⁾',
        // Unicode's modifier letters: every small letter but `q` has one.
        'a' => 'ᵃ',
        'b' => 'ᵇ',
        'c' => 'ᶜ',
        'd' => 'ᵈ',
        'e' => 'ᵉ',
        'f' => 'ᶠ',
        'g' => 'ᵍ',
        'h' => 'ʰ',
        'i' => 'ⁱ',
        'j' => 'ʲ',
        'k' => 'ᵏ',
        'l' => 'ˡ',
        'm' => 'ᵐ',
        'n' => 'ⁿ',
        'o' => 'ᵒ',
        'p' => 'ᵖ',
        'r' => 'ʳ',
        's' => 'ˢ',
        't' => 'ᵗ',
        'u' => 'ᵘ',
        'v' => 'ᵛ',
        'w' => 'ʷ',
        'x' => 'ˣ',
        'y' => 'ʸ',
        'z' => 'ᶻ',
        _ => return None,
    })
}

fn subscript(c: char) -> Option<char> {
    Some(match c {
        '0' => '₀',
        '1' => '₁',
        '2' => '₂',
        '3' => '₃',
        '4' => '₄',
        '5' => '₅',
        '6' => '₆',
        '7' => '₇',
        '8' => '₈',
        '9' => '₉',
        '+' => '₊',
        '-' | '−' => '₋',
        '=' => '₌',
        '(' => '₍',
        ')' => '₎',
        _ => return None,
    })
}

/// A cell's lines (text and width) joined with newlines, except where
/// Chinese or Japanese text wrapped: a line that ends in an ideograph and
/// fills the cell's width, before one that starts with an ideograph, is
/// one sentence broken where the cell ended, not two lines. (Latin text
/// keeps its newline, which a reader treats as the space it replaced.)
fn join_lines(lines: &[(String, f32)]) -> String {
    let widest = lines.iter().map(|l| l.1).fold(0.0, f32::max);
    let mut out = String::new();
    for (k, (text, _)) in lines.iter().enumerate() {
        if k > 0 {
            let (before, width) = &lines[k - 1];
            let soft_wrap = before.chars().last().is_some_and(is_cjk)
                && text.chars().next().is_some_and(is_cjk)
                && *width >= FULL_LINE * widest;
            if !soft_wrap {
                out.push('\n');
            }
        }
        out.push_str(text);
    }
    out
}

/// A line this share of a cell's widest line wide or wider fills the cell.
const FULL_LINE: f32 = 0.85;

/// Han ideographs, kana, CJK punctuation and full-width forms.
pub(crate) fn is_cjk(c: char) -> bool {
    is_ideograph(c)
        || matches!(c as u32,
            0x3000..=0x30FF      // CJK punctuation, hiragana, katakana
            | 0xFF00..=0xFFEF) // full-width forms
}

/// Han ideographs.
pub(crate) fn is_ideograph(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF      // extension A
        | 0x4E00..=0x9FFF    // unified ideographs
        | 0xF900..=0xFAFF    // compatibility ideographs
        | 0x20000..=0x3134F) // extensions B-G
}

/// `s` trimmed, with runs of whitespace made one space.
pub(crate) fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::table::Cell;

    /// Characters of `text` laid left to right from (x, baseline y), 6 pt wide.
    pub(crate) fn word(text: &str, x: f32, y: f32, line: u32) -> Vec<TextChar> {
        text.chars()
            .enumerate()
            .map(|(i, c)| TextChar {
                c,
                bbox: Rect::new(
                    x + 6.0 * i as f32,
                    y - 8.0,
                    x + 6.0 * (i + 1) as f32,
                    y + 2.0,
                ),
                line,
                size: 10.0,
            })
            .collect()
    }

    /// `text` running up the page from its foot at (x, y): a glyph every
    /// 6 pt, each 10 pt across.
    pub(crate) fn sideways(text: &str, x: f32, y: f32, line: u32) -> Vec<TextChar> {
        text.chars()
            .enumerate()
            .map(|(i, c)| TextChar {
                c,
                bbox: Rect::new(x, y - 6.0 * (i + 1) as f32, x + 10.0, y - 6.0 * i as f32),
                line,
                size: 10.0,
            })
            .collect()
    }

    #[test]
    fn a_line_set_sideways_is_the_text_of_the_cell_at_its_middle() {
        // A label running up from 114 to 42 beside two rows 60-80 and
        // 80-100, over the header 40-60 and past the table's foot: its
        // middle, 78, in the group's cell (rows 1-2 of the first column).
        let mut chars = sideways("Female heads", 10.0, 114.0, 0);
        chars.extend(word("Health", 40.0, 76.0, 1));
        let mut grid = Grid::uniform(vec![40.0, 60.0, 80.0, 100.0], vec![0.0, 30.0, 100.0]);
        grid.cells.retain(|c| !(c.col == 0 && c.row == 2));
        (grid.cells.iter_mut())
            .filter(|c| c.col == 0 && c.row == 1)
            .for_each(|c| c.rowspan = 2);
        let rows = cell_texts(&chars, &grid, Boundaries::Placed);
        assert_eq!(rows[0][0], "");
        assert_eq!(rows[1][0], "Female heads");
        assert_eq!(rows[1][1], "Health");
    }

    /// `text` set smaller (4 pt wide boxes at 0.6 the size) from x, its
    /// bottom `rise` above the line's (negative: lower).
    fn small(text: &str, x: f32, y: f32, rise: f32, line: u32) -> Vec<TextChar> {
        text.chars()
            .enumerate()
            .map(|(i, c)| TextChar {
                c,
                bbox: Rect::new(
                    x + 4.0 * i as f32,
                    y - 4.8 - rise,
                    x + 4.0 * (i + 1) as f32,
                    y + 1.2 - rise,
                ),
                line,
                size: 6.0,
            })
            .collect()
    }

    #[test]
    fn a_superscript_or_subscript_is_read_in_its_unicode_form() {
        // A footnote mark raised after a figure, a subscript lowered in a
        // formula, an ordinal's letters raised, and a unit set smaller on
        // the line's baseline.
        let mut chars = word("1,234", 10.0, 20.0, 0);
        chars.extend(small("1", 40.0, 20.0, 4.0, 0));
        assert_eq!(assemble(&chars.iter().collect::<Vec<_>>()), "1,234¹");
        let mut chars = word("H", 10.0, 20.0, 0);
        chars.extend(small("2", 16.0, 20.0, -2.5, 0));
        chars.extend(word("O", 20.0, 20.0, 0));
        assert_eq!(assemble(&chars.iter().collect::<Vec<_>>()), "H₂O");
        // A letter marking a note takes its modifier form; an ordinal's
        // letters raised after its figure stay letters, and so does a run
        // with a letter that has no such form.
        let mut chars = word("Revenue", 10.0, 20.0, 0);
        chars.extend(small("a", 50.0, 20.0, 4.0, 0));
        assert_eq!(assemble(&chars.iter().collect::<Vec<_>>()), "Revenueᵃ");
        let mut chars = word("2", 10.0, 20.0, 0);
        chars.extend(small("nd", 16.0, 20.0, 4.0, 0));
        assert_eq!(assemble(&chars.iter().collect::<Vec<_>>()), "2nd");
        let mut chars = word("Area", 10.0, 20.0, 0);
        chars.extend(small("q", 40.0, 20.0, 4.0, 0));
        assert_eq!(assemble(&chars.iter().collect::<Vec<_>>()), "Areaq");
        let mut chars = word("Output", 10.0, 20.0, 0);
        chars.extend(small(" (t, 2024)", 46.0, 20.0, 0.0, 0));
        assert_eq!(
            assemble(&chars.iter().collect::<Vec<_>>()),
            "Output (t, 2024)"
        );
    }

    #[test]
    fn a_word_printed_over_itself_is_read_once() {
        // Bold faked by drawing the word four times a quarter point apart,
        // then the same letters again a word further on.
        let mut chars = word("Total", 10.0, 20.0, 0);
        for (dx, dy) in [(0.25, 0.0), (0.0, 0.25), (0.25, 0.25)] {
            chars.extend(word("Total", 10.0 + dx, 20.0 + dy, 1));
        }
        chars.extend(word("Total", 50.0, 20.0, 2));
        // Letters repeated inside a word stay: they are an advance apart.
        chars.extend(word("ll..", 10.0, 40.0, 3));
        // A figure running into the next cell's matches one letter there.
        chars.extend(word("2604", 10.0, 60.0, 4));
        chars.extend(word("x4", 22.2, 60.0, 5)); // its 4 on the figures 4
        drop_overprinted(&mut chars);
        let text: String = chars.iter().map(|c| c.c).collect();
        assert_eq!(text, "TotalTotalll..2604x4");
    }

    #[test]
    fn text_drawn_twice_with_a_space_for_a_glyph_in_one_draw_is_read_once_whole() {
        // A row drawn twice over itself: first with a space where the
        // second has the point ("1 9", "1.9"), then, further on, the
        // second with a space where the first has the hyphen.
        let mut chars = word("1 9", 10.0, 20.0, 0);
        chars.extend(word("1.9", 10.0, 20.0, 1));
        chars.extend(word("K2-19", 60.0, 20.0, 2));
        chars.extend(word("K2 19", 60.0, 20.0, 3));
        drop_overprinted(&mut chars);
        let text: String = (chars.iter().map(|c| c.c))
            .filter(|c| !c.is_whitespace())
            .collect();
        assert_eq!(text, "1.9K2-19");
    }

    #[test]
    fn dot_leaders_are_marked_and_punctuation_is_not() {
        let chars = word("Net . . . . 12.3 etc... end.", 0.0, 10.0, 0);
        let marks = leader_marks(&chars);
        let marked: String = chars
            .iter()
            .zip(&marks)
            .map(|(c, &m)| if m { '#' } else { c.c })
            .collect();
        assert_eq!(marked, "Net ####### 12.3 etc... end.");
    }

    #[test]
    fn a_leader_of_glyphs_that_cannot_be_named_is_marked() {
        // Glyphs drawn `width` apart and as wide, after a label: dots of a
        // font with no Unicode for them (one a control code), or figures
        // and ideographs that cannot be named either.
        let run = |widths: &[f32]| {
            let mut chars = word("Net ", 0.0, 10.0, 0);
            let mut x = 24.0;
            for (i, &w) in widths.iter().enumerate() {
                let c = if i == 0 { '\u{8}' } else { '\u{FFFD}' };
                chars.push(TextChar {
                    c,
                    bbox: Rect::new(x, 2.0, x + w, 12.0),
                    line: 0,
                    size: 10.0,
                });
                x += w;
            }
            chars.extend(word(" 12.3", x, 10.0, 0));
            let marks = leader_marks(&chars);
            (chars.iter().zip(&marks))
                .map(|(c, &m)| {
                    if m {
                        '#'
                    } else if unnamed(c.c) {
                        '?'
                    } else {
                        c.c
                    }
                })
                .collect::<String>()
        };
        assert_eq!(run(&[2.5; 12]), "Net ############ 12.3");
        assert_eq!(
            run(&[1.0, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5]),
            "Net ######### 12.3"
        );
        // Too few, figures (as wide as each other but wider), ideographs,
        // letters of many widths: kept, to be seen.
        assert_eq!(run(&[2.5; 5]), "Net ????? 12.3");
        assert_eq!(run(&[5.0; 9]), "Net ????????? 12.3");
        assert_eq!(run(&[10.0; 9]), "Net ????????? 12.3");
        assert_eq!(
            run(&[2.5, 5.0, 3.0, 6.0, 2.5, 5.0, 3.0, 6.0, 4.0]),
            "Net ????????? 12.3"
        );
    }

    #[test]
    fn a_word_across_a_boundary_goes_whole_to_one_cell() {
        // "terminal" runs from 94 to 142 over the boundary at 130, six of
        // its eight letters left of it; "Closing" starts left of it, five of
        // its seven letters right of it.
        let grid = Grid::uniform(vec![0.0, 20.0], vec![0.0, 130.0, 200.0]);
        let read = |chars: &[TextChar], boundaries: Boundaries| {
            cell_texts(chars, &grid, boundaries).remove(0)
        };
        let mut chars = word("Closed deposit terminal", 4.0, 14.0, 0);
        chars.extend(word("-12", 160.0, 14.0, 0));
        assert_eq!(
            read(&chars, Boundaries::Placed),
            ["Closed deposit terminal", "-12"]
        );
        // At a drawn line, text past it is the next cell's.
        assert_eq!(
            read(&chars, Boundaries::Drawn),
            ["Closed deposit termin", "al-12"]
        );
        let chars = word("Net Closing", 94.0, 14.0, 1);
        assert_eq!(read(&chars, Boundaries::Placed), ["Net", "Closing"]);
        // Text cut off at a cell's edge and run into the next cell's: as
        // much on either side, or letters meeting figures at the boundary,
        // each letter where it stands.
        let chars = word("Elizab2165", 94.0, 14.0, 2);
        assert_eq!(read(&chars, Boundaries::Placed), ["Elizab", "2165"]);
        let chars = word("Patricia812", 82.0, 14.0, 3);
        assert_eq!(read(&chars, Boundaries::Placed), ["Patricia", "812"]);
        // A figure whose first digit stands left of the boundary, its
        // comma right of it: a figure's punctuation is of it, no letter
        // meeting a figure.
        let mut chars = word("1,725", 90.0, 14.0, 4);
        chars.extend(word("2,200,684", 126.0, 14.0, 4));
        assert_eq!(read(&chars, Boundaries::Placed), ["1,725", "2,200,684"]);
    }

    #[test]
    fn text_running_on_past_the_tables_edges_stays_in_its_cell() {
        // Lines that start in the last column and run on over the table's
        // right edge at 200, one over its left edge at 0; then a page
        // number on the first line, far past the edge.
        let grid = Grid::uniform(vec![0.0, 20.0, 40.0], vec![0.0, 100.0, 200.0]);
        for boundaries in [Boundaries::Drawn, Boundaries::Placed] {
            let mut chars = word("Lesion of the nerves", 110.0, 14.0, 0);
            chars.extend(word("169", 400.0, 14.0, 0));
            chars.extend(word("(a) North", -26.0, 34.0, 1));
            chars.extend(word("12", 150.0, 34.0, 1));
            assert_eq!(
                cell_texts(&chars, &grid, boundaries),
                vec![vec!["", "Lesion of the nerves"], vec!["(a) North", "12"]],
                "{boundaries:?}"
            );
        }
    }

    #[test]
    fn characters_land_in_their_cells() {
        let grid = Grid::uniform(vec![0.0, 20.0, 40.0], vec![0.0, 100.0, 200.0]);
        let mut chars = word("Region", 4.0, 14.0, 0);
        chars.extend(word("1,234", 150.0, 14.0, 0)); // same structured line, next cell
        chars.extend(word("North", 4.0, 34.0, 1));
        chars.extend(word("far away", 400.0, 34.0, 1));
        let rows = cell_texts(&chars, &grid, Boundaries::Placed);
        assert_eq!(rows, vec![vec!["Region", "1,234"], vec!["North", ""]]);
    }

    #[test]
    fn wrapped_lines_join_with_a_newline_and_pieces_of_one_line_with_a_space() {
        let grid = Grid::uniform(vec![0.0, 50.0], vec![0.0, 200.0]);
        let mut chars = word("second", 4.0, 34.0, 2);
        chars.extend(word("first", 4.0, 14.0, 0));
        chars.extend(word("half", 60.0, 14.5, 1));
        assert_eq!(
            cell_texts(&chars, &grid, Boundaries::Placed),
            vec![vec!["first half\nsecond"]]
        );
    }

    #[test]
    fn wrapped_chinese_joins_without_a_break_short_lines_keep_theirs() {
        let line = |t: &str, w: f32| (t.to_string(), w);
        let sentence = [line("按照合同约定分期", 80.0), line("付款", 20.0)];
        assert_eq!(join_lines(&sentence), "按照合同约定分期付款");
        let list = [line("北京", 20.0), line("上海分公司", 50.0)];
        assert_eq!(join_lines(&list), "北京\n上海分公司");
        let latin = [line("Delivered in two", 80.0), line("batches", 40.0)];
        assert_eq!(join_lines(&latin), "Delivered in two\nbatches");
    }

    #[test]
    fn a_cell_gets_the_lowest_confidence_of_its_characters() {
        let grid = Grid::uniform(vec![0.0, 20.0, 40.0], vec![0.0, 100.0, 200.0]);
        let mut chars = word("ab", 4.0, 14.0, 0);
        chars.extend(word("c d", 104.0, 34.0, 1));
        let values = [0.9, 0.6, 0.95, 0.1, 0.7]; // the space's 0.1 does not count
        let m = cell_minimum(&chars, &values, &grid, Boundaries::Placed);
        assert_eq!(m, vec![vec![0.6, 1.0], vec![1.0, 0.7]]);
    }

    #[test]
    fn a_spanning_cell_keeps_its_text_top_left() {
        let mut grid = Grid::uniform(vec![0.0, 20.0, 40.0], vec![0.0, 100.0, 200.0]);
        grid.cells = vec![
            Cell {
                row: 0,
                col: 0,
                rowspan: 1,
                colspan: 2,
            },
            Cell {
                row: 1,
                col: 0,
                rowspan: 1,
                colspan: 1,
            },
            Cell {
                row: 1,
                col: 1,
                rowspan: 1,
                colspan: 1,
            },
        ];
        let chars = word("Header", 80.0, 14.0, 0);
        assert_eq!(
            cell_texts(&chars, &grid, Boundaries::Placed),
            vec![vec!["Header", ""], vec!["", ""]]
        );
    }
}
