//! The string table: every string of the compiled catalog once, each behind a header that
//! holds its length, so that a string's number is where its header begins and no table of
//! ends is needed.
//!
//! A header is one to three bytes below `0x80`: the table stays UTF-8 (it is included with
//! `include_str!`) and every string begins and ends on a character boundary. A length below
//! 64 is one byte, itself; below 4,096, `0x40 | len >> 7` and the low 7 bits; else
//! `0x60 | len >> 14` and two 7-bit groups.

/// The longest string the table holds: its length fits a header of three bytes.
pub const MAX_STRING_LEN: usize = (1 << 19) - 1;

/// Appends `s` behind its header to the string table `table`, and returns its number (where
/// the header begins); `None`, leaving `table` as it was, if `s` is longer than
/// [`MAX_STRING_LEN`].
pub fn push_string(table: &mut String, s: &str) -> Option<usize> {
    let n = s.len();
    let at = table.len();
    // Each byte is below 0x80: an ASCII character.
    let byte = |b: usize| char::from(b as u8);
    if n < 0x40 {
        table.push(byte(n));
    } else if n < 1 << 12 {
        table.push(byte(0x40 | n >> 7));
        table.push(byte(n & 0x7F));
    } else if n <= MAX_STRING_LEN {
        table.push(byte(0x60 | n >> 14));
        table.push(byte(n >> 7 & 0x7F));
        table.push(byte(n & 0x7F));
    } else {
        return None;
    }
    table.push_str(s);
    Some(at)
}

/// Where string number `n` of `table` begins and how many bytes it has, from its header;
/// `None` if the header runs past the table's end. (The caller slices the table, which
/// checks the string's end.)
#[inline(always)]
#[must_use]
pub fn string_at(table: &[u8], n: usize) -> Option<(usize, usize)> {
    let b0 = usize::from(*table.get(n)?);
    if b0 < 0x40 {
        return Some((n + 1, b0));
    }
    let b1 = usize::from(*table.get(n + 1)?);
    if b0 < 0x60 {
        return Some((n + 2, (b0 & 0x1F) << 7 | b1));
    }
    let b2 = usize::from(*table.get(n + 2)?);
    Some((n + 3, (b0 & 0x1F) << 14 | b1 << 7 | b2))
}
