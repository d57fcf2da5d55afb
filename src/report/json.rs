//! The JSON form of every report: serialized as is, pretty-printed, with a final newline.
//! Nothing in a report depends on time or hash-map order, so the same input gives the same
//! bytes.

use serde::Serialize;
use std::io::Write;

/// Writes `report` as pretty JSON and a final newline.
pub fn write(report: &(impl Serialize + ?Sized), out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    out.write_all(b"\n")
}
