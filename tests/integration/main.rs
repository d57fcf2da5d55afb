//! Integration tests: the `crosswalk` binary and library end to end, by topic.

mod common;
mod fixtures;
mod frameworks;
mod readers;
