//! tables2xlsx: the tables of PDF reports into Excel workbooks.
//!
//! The pipeline, one module per stage:
//! `render` (MuPDF page images, `turn`ed upright when printed sideways) →
//! `detect` (table regions and cell grids) → `pool` of `worker` processes
//! speaking `protocol` → `extract` (cell text) → `reorder` → `stitch`
//! (tables that continue over pages) → `write` (the workbook). `run`
//! coordinates one conversion, `batch` many (found by `inputs`, reported by
//! `report`) on one pool; `cli`, `config`, `progress` and `error` are the
//! plumbing around them.

pub mod batch;
pub mod cli;
pub mod config;
pub mod detect;
pub mod error;
pub mod excel;
pub mod extract;
pub mod inputs;
mod numbers;
pub mod ocr;
pub mod pool;
pub mod progress;
pub mod protocol;
pub mod render;
pub mod reorder;
pub mod report;
pub mod run;
pub mod stitch;
pub mod table;
pub mod turn;
pub mod worker;
pub mod write;
