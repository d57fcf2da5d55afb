//! Web and email addresses in course text: they name places, not content.

/// Top-level domains a web address in a course description ends with.
const DOMAINS: &[&str] = &[
    "org", "com", "net", "edu", "gov", "us", "info", "io", "ca", "uk", "mx", "es", "co", "au",
];

/// The text with web and email addresses blanked out: they name places, not content
/// (`https://example.org/infant-mental-health` teaches nothing). Text without one is
/// borrowed.
pub fn without_links(text: &str) -> std::borrow::Cow<'_, str> {
    let might = text.contains("://")
        || text.contains('@')
        || text.match_indices('.').any(|(i, _)| {
            let after = &text[i + 1..];
            let word = after
                .split(|c: char| !c.is_ascii_alphanumeric())
                .next()
                .unwrap_or("");
            DOMAINS.iter().any(|d| d.eq_ignore_ascii_case(word))
        });
    if !might {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                if is_link(&text[s..i]) {
                    out.push_str(&text[last..s]);
                    out.push(' ');
                    last = i;
                }
                start = None;
            }
            _ => {}
        }
    }
    if last == 0 {
        return std::borrow::Cow::Borrowed(text);
    }
    out.push_str(&text[last..]);
    std::borrow::Cow::Owned(out)
}

/// Whether a run of text without spaces is a web or email address.
fn is_link(chunk: &str) -> bool {
    let chunk = chunk.trim_start_matches(['(', '<', '[', '"', '\'']);
    let lower = chunk.to_ascii_lowercase();
    if ["http://", "https://", "ftp://", "www."]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return true;
    }
    let host = lower
        .split('/')
        .next()
        .unwrap_or("")
        .trim_end_matches(['.', ',', ';', ':', ')', '>', ']', '"', '\'', '!', '?']);
    let host = host.rsplit('@').next().unwrap_or(host);
    let mut labels = host.split('.');
    let Some(tld) = host.rsplit('.').next() else {
        return false;
    };
    let named = labels
        .next()
        .is_some_and(|l| l.len() >= 2 && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    host.contains('.') && named && DOMAINS.contains(&tld)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_and_email_addresses_are_not_read() {
        for (text, kept) in [
            (
                "Budgets. Details at https://example.org/infant-mental-health-series today.",
                "Budgets. Details at   today.",
            ),
            ("Email rsc.training@infant-mental-health.org.", "Email  "),
            ("See www.reflective-supervision.com/fall", "See  "),
            ("Register: aimh.org/rsc (free)", "Register:   (free)"),
        ] {
            assert_eq!(without_links(text), kept, "{text}");
        }
        for text in [
            "Attachment, e.g. secure base; Ph.D. faculty; U.S. policy; 3.5 hours.",
            "Parents of infants. Co-regulation and the org chart.",
        ] {
            assert_eq!(without_links(text), text);
        }
    }
}
