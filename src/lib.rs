//! tables2xlsx: the tables of PDF reports into Excel workbooks.
//!
//! The pipeline: `render` (MuPDF page images, `turn`ed upright when printed
//! sideways) → `detect` (table regions and cell grids) → `pool` of worker
//! processes speaking `protocol` → `extract` (cell text) → `reorder` →
//! `stitch` (tables that continue over pages) → `write` (the workbook).
//!
//! The process boundary is the layout: everything under [`worker`] runs in
//! the worker processes (this binary started as `__worker`), the only ones
//! that open a PDF; the rest runs in the parent. [`coordinator`] drives one
//! or many documents (found by [`inputs`], pages chosen by [`pages`],
//! reported by [`report`]) on one [`pool`]; [`cli`], [`config`],
//! [`progress`] and [`error`] are the plumbing around them. [`protocol`] and
//! [`table`] are what both sides share.

// Shared by the parent and the workers.
pub mod config;
pub mod error;
pub mod protocol;
pub mod table;

// The parent.
pub mod archive;
pub mod cli;
pub mod coordinator;
pub mod excel;
pub mod export;
pub mod inputs;
mod numbers;
pub mod pages;
pub mod pool;
pub mod progress;
pub mod reorder;
pub mod report;
pub mod stitch;
pub mod write;

// The worker processes.
pub mod worker;
