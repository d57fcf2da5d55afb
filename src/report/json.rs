//! The JSON rendering: the report serialized as is, pretty-printed, with a final newline.
//! Nothing in the report depends on time or hash-map order, so the same input gives the same
//! bytes.

use super::AuditReport;

/// The report as JSON text.
pub fn render(report: &AuditReport) -> String {
    let mut text = serde_json::to_string_pretty(report)
        .unwrap_or_else(|e| format!("{{\"error\": \"cannot serialize the report: {e}\"}}"));
    text.push('\n');
    text
}
