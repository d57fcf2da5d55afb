//! Integration tests: the `crosswalk` binary and library end to end, by topic.

mod allocation;
mod audit_cli;
mod common;
mod crosswalks;
mod eval;
mod fixtures;
mod frameworks;
mod hostile;
mod matching;
mod program;
mod properties;
mod readers;
mod readme;
mod review;
mod rules;
mod seeds;
mod transcript;
