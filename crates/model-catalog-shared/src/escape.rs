//! Text echoed from untrusted input into messages, escaped so that it cannot forge log
//! lines or terminal output.

use crate::key::printable_ascii;
use std::fmt;

/// Writes a string with control and non-ASCII characters escaped (`\u{a}`, `\u{1b}`,
/// `\u{212a}`), printable ASCII ([`printable_ascii`]) as is.
pub struct Esc<'a>(pub &'a str);

impl fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if printable_ascii(self.0.as_bytes()) {
            return f.write_str(self.0);
        }
        for c in self.0.chars() {
            let mut utf8 = [0; 4];
            let c_utf8 = c.encode_utf8(&mut utf8);
            if printable_ascii(c_utf8.as_bytes()) {
                f.write_str(c_utf8)?;
            } else {
                write!(f, "{}", c.escape_unicode())?;
            }
        }
        Ok(())
    }
}
