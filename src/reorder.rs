//! The reorder buffer between the pool and the writer: tables arrive in
//! whatever order workers finish; they leave in table-index order (page, then
//! position on the page). How many tables a page has is known only once the
//! page is detected, so the buffer tracks pages as well as tables.
//!
//! Invariant: `pop` returns each table of each page exactly once, in index
//! order, and never returns a table before all earlier ones have come (or been
//! given up on).

use std::collections::{BTreeMap, HashMap};

use crate::pages::PageRanges;
use crate::table::TableIndex;

pub struct ReorderBuffer<T> {
    /// The pages of the document to convert, in document order.
    pages: PageRanges,
    /// Tables per page, for the pages detected and not yet released.
    counts: HashMap<u32, u32>,
    /// The page being released (`None` once all are), and the next table on it.
    current: Option<u32>,
    next_ordinal: u32,
    /// Pages released completely.
    released: u64,
    /// Arrived tables waiting for earlier ones; `None` marks a table given up on.
    waiting: BTreeMap<TableIndex, Option<T>>,
}

impl<T> ReorderBuffer<T> {
    pub fn new(pages: PageRanges) -> Self {
        ReorderBuffer {
            current: pages.first(),
            pages,
            counts: HashMap::new(),
            next_ordinal: 0,
            released: 0,
            waiting: BTreeMap::new(),
        }
    }

    /// Detection found `count` tables on `page` (0 when the page failed).
    pub fn page_detected(&mut self, page: u32, count: u32) {
        self.counts.insert(page, count);
    }

    /// A table arrived (`Some`) or was given up on (`None`).
    pub fn insert(&mut self, index: TableIndex, table: Option<T>) {
        self.waiting.insert(index, table);
    }

    /// The next table in index order, if it has arrived. `Some((index, None))`
    /// for a table that was given up on, so the caller can account for it.
    pub fn pop(&mut self) -> Option<(TableIndex, Option<T>)> {
        loop {
            let page = self.current?;
            let count = *self.counts.get(&page)?;
            if self.next_ordinal >= count {
                self.counts.remove(&page);
                self.current = self.pages.after(page);
                self.next_ordinal = 0;
                self.released += 1;
                continue;
            }
            let index = TableIndex {
                page,
                ordinal: self.next_ordinal,
            };
            let table = self.waiting.remove(&index)?;
            self.next_ordinal += 1;
            return Some((index, table));
        }
    }

    /// How many pages have been released completely.
    pub fn pages_released(&self) -> u64 {
        // The current page counts as released once all its tables are out.
        let current_done = self.current.is_some_and(|page| {
            self.counts
                .get(&page)
                .is_some_and(|&c| self.next_ordinal >= c)
        });
        self.released + u64::from(current_done)
    }

    /// Tables held back waiting for an earlier one.
    pub fn held(&self) -> usize {
        self.waiting.len()
    }

    /// Every page released.
    pub fn is_done(&self) -> bool {
        self.pages_released() >= self.pages.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::PageSelection;
    use proptest::prelude::*;

    /// An event: a page's detection (page, count) or a table's arrival.
    #[derive(Debug, Clone)]
    enum Arrival {
        Page(u32, u32),
        Table(TableIndex, bool),
    }

    /// Pages 1, 3, 5 ...: pages of a run need not be consecutive.
    fn pages(n: usize) -> PageRanges {
        if n == 0 {
            return PageRanges::all(0);
        }
        let list: Vec<String> = (0..n).map(|i| (i * 2 + 1).to_string()).collect();
        PageSelection::parse(&list.join(","))
            .unwrap()
            .resolve(2 * n as u32)
            .unwrap()
    }

    fn arrivals(counts: &[u32]) -> Vec<Arrival> {
        let mut out = Vec::new();
        for (i, &n) in counts.iter().enumerate() {
            let page = i as u32 * 2 + 1; // pages need not be consecutive
            out.push(Arrival::Page(page, n));
            for ordinal in 0..n {
                out.push(Arrival::Table(
                    TableIndex { page, ordinal },
                    ordinal % 3 != 2,
                ));
            }
        }
        out
    }

    proptest! {
        #[test]
        fn any_arrival_order_gives_index_order(
            counts in proptest::collection::vec(0u32..5, 0..12),
            seed in any::<u64>(),
        ) {
            let mut events = arrivals(&counts);
            // Shuffle, but a table never arrives before its page is detected.
            let mut state = seed | 1;
            for i in (1..events.len()).rev() {
                state ^= state << 13; state ^= state >> 7; state ^= state << 17;
                let j = (state % (i as u64 + 1)) as usize;
                events.swap(i, j);
            }
            let mut ordered: Vec<Arrival> = Vec::new();
            let mut pending: Vec<Arrival> = Vec::new();
            let mut detected = std::collections::HashSet::new();
            for e in events {
                match &e {
                    Arrival::Page(p, _) => { detected.insert(*p); ordered.push(e);
                        let (ready, rest): (Vec<_>, Vec<_>) = pending.into_iter().partition(|a| matches!(a, Arrival::Table(i, _) if detected.contains(&i.page)));
                        ordered.extend(ready); pending = rest; }
                    Arrival::Table(i, _) if detected.contains(&i.page) => ordered.push(e),
                    Arrival::Table(..) => pending.push(e),
                }
            }
            let mut buffer = ReorderBuffer::new(pages(counts.len()));
            let mut out = Vec::new();
            for e in ordered {
                match e {
                    Arrival::Page(p, n) => buffer.page_detected(p, n),
                    Arrival::Table(i, ok) => buffer.insert(i, ok.then_some(i)),
                }
                while let Some((index, table)) = buffer.pop() {
                    if let Some(t) = table { prop_assert_eq!(t, index); }
                    out.push(index);
                }
            }
            let expected: Vec<TableIndex> = counts.iter().enumerate()
                .flat_map(|(i, &n)| (0..n).map(move |o| TableIndex { page: i as u32 * 2 + 1, ordinal: o }))
                .collect();
            prop_assert_eq!(out, expected);
            prop_assert!(buffer.is_done());
            prop_assert_eq!(buffer.held(), 0);
        }
    }

    #[test]
    fn waits_for_the_earlier_page() {
        let mut b = ReorderBuffer::new(PageRanges::all(2));
        b.page_detected(2, 1);
        b.insert(
            TableIndex {
                page: 2,
                ordinal: 0,
            },
            Some("late"),
        );
        assert!(b.pop().is_none(), "page 1 is not detected yet");
        assert_eq!(b.pages_released(), 0);
        b.page_detected(1, 0);
        assert_eq!(b.pop().map(|(_, t)| t), Some(Some("late")));
        assert!(b.is_done());
    }
}
