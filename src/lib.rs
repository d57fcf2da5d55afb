//! crosswalk maps training catalogs onto Infant Mental Health endorsement competency
//! frameworks and reports the gaps.
//!
//! The pipeline, one module per stage:
//!
//! ```text
//! catalog (read, sniff format by bytes) -> normalize (hours, credits, dates)
//!   -> matcher (text, index, fuzzy, bucket) -> coverage (petgraph)
//!   -> allocate (max-flow) -> report (workbook, json, terminal)
//! ```
//!
//! Only `catalog` and `report` do I/O; the stages between are pure and carry source
//! references and skipped rows along.

pub mod allocate;
pub mod audit;
pub mod batch;
pub mod catalog;
pub mod coverage;
pub mod crosswalk;
pub mod error;
pub mod eval;
pub mod framework;
pub mod matcher;
pub mod normalize;
pub mod output;
pub mod profile;
pub mod program;
pub mod report;
pub mod review;
pub mod rsclog;
pub mod source;
pub mod text;
pub mod transcript;
