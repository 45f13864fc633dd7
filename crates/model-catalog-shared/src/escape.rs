//! Text echoed from untrusted input into messages, escaped so that it cannot forge log
//! lines or terminal output.

use std::fmt;

/// Writes a string with control and non-ASCII characters escaped (`\u{a}`, `\u{1b}`,
/// `\u{212a}`), printable ASCII as is.
pub struct Esc<'a>(pub &'a str);

impl fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            if c.is_ascii() && !c.is_ascii_control() {
                fmt::Write::write_char(f, c)?;
            } else {
                write!(f, "{}", c.escape_unicode())?;
            }
        }
        Ok(())
    }
}
