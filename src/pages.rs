//! Page selections: what `--pages 1-3,7,9-` asks for, and the pages of one
//! document it comes to once the document's page count is known.
//!
//! Selections are kept as ranges, never as lists of every page: a user may
//! type `1-4294967295`, and a damaged PDF may claim billions of pages, so
//! nothing here allocates in proportion to a page number.

use std::fmt;

/// Page ranges as the user gave them: each (first, last), `last` None for
/// "to the end". Pages count from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageSelection(Vec<(u32, Option<u32>)>);

impl PageSelection {
    /// Parses `1-3,7,5-`.
    pub fn parse(s: &str) -> Result<PageSelection, String> {
        let number = |t: &str| -> Result<u32, String> {
            match t.trim().parse::<u32>() {
                Ok(0) | Err(_) => Err(format!("{t:?} is not a page number (pages count from 1)")),
                Ok(n) => Ok(n),
            }
        };
        let mut ranges = Vec::new();
        for part in s.split(',') {
            let range = match part.split_once('-') {
                Some((a, b)) if b.trim().is_empty() => (number(a)?, None),
                Some((a, b)) => {
                    let (a, b) = (number(a)?, number(b)?);
                    if b < a {
                        return Err(format!("{part:?} runs backwards"));
                    }
                    (a, Some(b))
                }
                None => {
                    let n = number(part)?;
                    (n, Some(n))
                }
            };
            ranges.push(range);
        }
        Ok(PageSelection(ranges))
    }

    /// The selected pages of a document of `count` pages, or the first
    /// selected page past its end.
    pub fn resolve(&self, count: u32) -> Result<PageRanges, NoSuchPage> {
        let mut ranges = Vec::with_capacity(self.0.len());
        for &(first, last) in &self.0 {
            if first > count {
                return Err(NoSuchPage { page: first, count });
            }
            match last {
                Some(last) if last > count => {
                    return Err(NoSuchPage {
                        page: count + 1,
                        count,
                    })
                }
                Some(last) => ranges.push((first, last)),
                None => ranges.push((first, count)),
            }
        }
        Ok(PageRanges::from_ranges(ranges))
    }
}

/// A selected page that the document does not have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoSuchPage {
    pub page: u32,
    pub count: u32,
}

impl fmt::Display for NoSuchPage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "there is no page {}; the document has {} page{}",
            self.page,
            self.count,
            if self.count == 1 { "" } else { "s" }
        )
    }
}

/// The pages of one document to convert: ascending, disjoint, non-empty
/// ranges (first, last), both ends included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRanges(Vec<(u32, u32)>);

impl PageRanges {
    /// Every page of a document of `count` pages.
    pub fn all(count: u32) -> PageRanges {
        PageRanges::from_ranges(if count == 0 { vec![] } else { vec![(1, count)] })
    }

    /// Sorted and merged: overlapping or touching ranges become one.
    fn from_ranges(mut ranges: Vec<(u32, u32)>) -> PageRanges {
        ranges.sort_unstable();
        let mut merged: Vec<(u32, u32)> = Vec::with_capacity(ranges.len());
        for (a, b) in ranges {
            match merged.last_mut() {
                Some(last) if a <= last.1.saturating_add(1) => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        PageRanges(merged)
    }

    /// How many pages.
    pub fn len(&self) -> u64 {
        self.0.iter().map(|&(a, b)| u64::from(b - a) + 1).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn first(&self) -> Option<u32> {
        self.0.first().map(|r| r.0)
    }

    /// The selected page after `page`.
    pub fn after(&self, page: u32) -> Option<u32> {
        let next = page.checked_add(1)?;
        self.0
            .iter()
            .find(|&&(_, b)| b >= next)
            .map(|&(a, _)| a.max(next))
    }

    /// The selected pages from `from` to `to`, as users read them: "5",
    /// "5-9", or "5-9, 12-20" when the selection has holes there.
    pub fn label(&self, from: u32, to: u32) -> String {
        self.0
            .iter()
            .filter(|&&(a, b)| b >= from && a <= to)
            .map(|&(a, b)| {
                let (a, b) = (a.max(from), b.min(to));
                if a == b {
                    a.to_string()
                } else {
                    format!("{a}-{b}")
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Every selected page, in order.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.iter().flat_map(|&(a, b)| a..=b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn selections_parse_and_resolve() {
        let s = PageSelection::parse("1-3,7,5-").unwrap();
        let pages = s.resolve(8).unwrap();
        assert_eq!(pages.iter().collect::<Vec<_>>(), vec![1, 2, 3, 5, 6, 7, 8]);
        assert_eq!(pages.len(), 7);
        assert_eq!(
            PageSelection::parse("2").unwrap().resolve(1),
            Err(NoSuchPage { page: 2, count: 1 })
        );
        assert_eq!(
            PageSelection::parse("1-5").unwrap().resolve(3),
            Err(NoSuchPage { page: 4, count: 3 })
        );
        assert!(PageSelection::parse("0").is_err());
        assert!(PageSelection::parse("3-1").is_err());
        assert!(PageSelection::parse("a").is_err());
    }

    #[test]
    fn a_huge_selection_is_a_range_not_a_list() {
        let s = PageSelection::parse("1-4294967295").unwrap();
        assert_eq!(
            s.resolve(1).unwrap_err().to_string(),
            "there is no page 2; the document has 1 page"
        );
        let all = PageRanges::all(u32::MAX);
        assert_eq!(all.len(), u64::from(u32::MAX));
        assert_eq!(all.after(u32::MAX), None);
        assert_eq!(all.after(41), Some(42));
    }

    #[test]
    fn labels_say_which_pages_a_stretch_covers() {
        let pages = PageSelection::parse("1-3,7-9").unwrap().resolve(9).unwrap();
        assert_eq!(pages.label(2, 8), "2-3, 7-8");
        assert_eq!(pages.label(7, 7), "7");
    }

    proptest! {
        #[test]
        fn after_walks_exactly_the_selected_pages(
            ranges in proptest::collection::vec((1u32..60, 0u32..8), 1..6),
        ) {
            let text: Vec<String> = ranges.iter().map(|(a, n)| format!("{a}-{}", a + n)).collect();
            let pages = PageSelection::parse(&text.join(",")).unwrap().resolve(80).unwrap();
            let mut walked = Vec::new();
            let mut page = pages.first();
            while let Some(p) = page {
                walked.push(p);
                page = pages.after(p);
            }
            let listed: Vec<u32> = pages.iter().collect();
            prop_assert_eq!(&walked, &listed);
            prop_assert_eq!(walked.len() as u64, pages.len());
            let mut want: Vec<u32> = ranges.iter().flat_map(|&(a, n)| a..=a + n).collect();
            want.sort_unstable();
            want.dedup();
            prop_assert_eq!(walked, want);
        }
    }
}
