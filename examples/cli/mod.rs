//! Command-line helpers the examples share. Each example uses a part of them.
#![allow(dead_code)]

/// At most the first 40 characters of a value given on the command line, to name it in a
/// message (as the library's own parse errors do).
pub fn shown(s: &str) -> String {
    s.chars().take(40).collect()
}

/// `s` with control characters (newlines included) escaped, so that a message naming a
/// value given on the command line stays on one line.
pub fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The value, or `-` when there is none (a table cell).
pub fn or_dash<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(|| "-".to_owned(), |v| v.to_string())
}
