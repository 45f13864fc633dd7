//! A proof, from one scan of the text and without parsing it again, that [`check`] would
//! pass JSON that serde_json reads whole into types: documents read into the schema need
//! not be read twice.
//!
//! [`check`] refuses what serde_json accepts but a catalog must not: too much, a key given
//! twice, a number that does not read exactly. Of those, serde_json's own reading of the
//! text shows nothing; the scan looks for each in the bytes:
//!
//! - the length, and the entries of every array and object, against the limits;
//! - the keys of every object, compared as written (a key with an escape is left to
//!   [`check`], which compares keys decoded);
//! - every number. An integer of up to 18 digits is read as an integer, which is always
//!   exact. Any other number of at most 15 digits whose value is the digits times a power of
//!   ten from 10^-22 to 10^22 is exact too: serde_json reads it as its nearest float (the
//!   digits and the power of ten are exact floats, and one multiplication or division
//!   rounds once), and a decimal of at most 15 significant digits is the shortest that
//!   reads back as its nearest float (15 digits always survive a round trip through a
//!   double), which is what [`check`] compares it with. Any other number is left to
//!   [`check`].
//!
//! The scan keeps at most [`DEPTH`] arrays and objects open and [`KEYS`] keys of each:
//! deeper or wider text is left to [`check`] too.
//!
//! Whatever is left to [`check`] makes the answer `false`, which only means "run
//! [`check`]".
//!
//! [`check`]: super::check

use super::{MAX_DOCUMENT_BYTES, MAX_ITEMS};
use crate::words::{marks, short, word};

/// The most keys of one object compared here; an object with more is left to `check`.
const KEYS: usize = 32;

/// The most arrays and objects open at once followed here (serde_json reads at most 127
/// inside one another); deeper text is left to `check`, so that the scan's memory stays
/// bounded.
const DEPTH: usize = 128;

/// Whether [`check`](super::check) with [`everywhere`](super::everywhere) certainly passes
/// `text`, provided serde_json reads `text` whole (into types that read every value and
/// refuse unknown fields, as the schema's do). For any other text the answer means nothing,
/// but it still comes without a panic and in time linear in the text's length.
#[must_use]
pub fn surely_passes(text: &str) -> bool {
    if text.len() > MAX_DOCUMENT_BYTES {
        return false;
    }
    let b = text.as_bytes();
    let mut open: Vec<Open> = Vec::new();
    // The keys of the objects open, outermost first, as written, each with its print.
    let mut keys: Vec<(u64, &[u8])> = Vec::new();
    // Whether the next string is a key.
    let mut key_next = false;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match c {
            b'"' => {
                let (end, escaped) = string_end(b, i + 1);
                if key_next {
                    key_next = false;
                    let Some(object) = open.last_mut() else {
                        return false;
                    };
                    let key = b.get(i + 1..end - 1).unwrap_or_default();
                    let key = (print(key), key);
                    let siblings = keys.get(object.keys..).unwrap_or_default();
                    object.entries += 1;
                    if escaped
                        || object.entries > MAX_ITEMS
                        || siblings.len() >= KEYS
                        || siblings.contains(&key)
                    {
                        return false;
                    }
                    keys.push(key);
                } else if !item(&mut open) {
                    return false;
                }
                i = end;
            }
            b'{' | b'[' => {
                if open.len() >= DEPTH || !item(&mut open) {
                    return false;
                }
                open.push(Open {
                    object: c == b'{',
                    entries: 0,
                    keys: keys.len(),
                });
                key_next = c == b'{';
                i += 1;
            }
            b'}' | b']' => {
                if let Some(closed) = open.pop() {
                    keys.truncate(closed.keys);
                }
                key_next = false;
                i += 1;
            }
            b',' => {
                key_next = open.last().is_some_and(|o| o.object);
                i += 1;
            }
            b'-' | b'0'..=b'9' => {
                let start = i;
                while matches!(
                    b.get(i),
                    Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
                ) {
                    i += 1;
                }
                if !item(&mut open) || !surely_exact(&b[start..i]) {
                    return false;
                }
            }
            b't' | b'f' | b'n' => {
                if !item(&mut open) {
                    return false;
                }
                while b.get(i).is_some_and(u8::is_ascii_lowercase) {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    true
}

/// An array or object open at the point of the scan.
struct Open {
    object: bool,
    /// Its items or members so far.
    entries: usize,
    /// Where its keys start in the list of keys.
    keys: usize,
}

/// A key's length and first eight bytes in one word: keys with different prints differ, and
/// tell so with one comparison.
fn print(key: &[u8]) -> u64 {
    short(key.get(..8).unwrap_or(key)) ^ (key.len() as u64).rotate_right(8)
}

/// Counts a value as an item of the array it is in, if it is in one; false past the limit.
fn item(open: &mut [Open]) -> bool {
    match open.last_mut() {
        Some(array) if !array.object => {
            array.entries += 1;
            array.entries <= MAX_ITEMS
        }
        _ => true,
    }
}

/// Where the string whose text begins at `i` ends (just past its closing quote, or the end
/// of `b`), and whether it holds an escape. Eight bytes at a time to the next quote or
/// backslash.
fn string_end(b: &[u8], mut i: usize) -> (usize, bool) {
    let mut escaped = false;
    loop {
        while let Some(chunk) = b.get(i..i + 8) {
            let w = word(chunk);
            let found = marks(w, b'"') | marks(w, b'\\');
            if found != 0 {
                i += (found.trailing_zeros() / 8) as usize;
                break;
            }
            i += 8;
        }
        match b.get(i) {
            Some(b'"') => return (i + 1, escaped),
            Some(b'\\') => {
                escaped = true;
                i += 2;
            }
            Some(_) => i += 1,
            None => return (b.len(), escaped),
        }
    }
}

/// Whether a JSON number certainly reads exactly as written (see the module documentation):
/// an integer of up to 18 digits, or at most 15 digits times a power of ten from 10^-22 to
/// 10^22.
fn surely_exact(number: &[u8]) -> bool {
    let number = number.strip_prefix(b"-").unwrap_or(number);
    let (int, rest) = number.split_at(digits(number));
    let (frac, rest) = match rest.strip_prefix(b".") {
        Some(after) => match after.split_at(digits(after)) {
            ([], _) => return false,
            split => split,
        },
        None => (&[][..], rest),
    };
    if int.is_empty() {
        return false;
    }
    let exponent = match rest {
        [] if frac.is_empty() => return int.len() <= 18,
        [] => 0,
        [b'e' | b'E', exponent @ ..] => {
            let (negative, magnitude) = match exponent {
                [b'-', m @ ..] => (true, m),
                [b'+', m @ ..] => (false, m),
                m => (false, m),
            };
            if magnitude.is_empty() || magnitude.len() > 3 || digits(magnitude) < magnitude.len() {
                return false;
            }
            let value = magnitude
                .iter()
                .fold(0i64, |v, d| v * 10 + i64::from(d - b'0'));
            if negative {
                -value
            } else {
                value
            }
        }
        _ => return false,
    };
    let power = exponent - frac.len() as i64;
    int.len() + frac.len() <= 15 && (-22..=22).contains(&power)
}

/// How many ASCII digits `b` begins with.
fn digits(b: &[u8]) -> usize {
    b.iter().take_while(|d| d.is_ascii_digit()).count()
}

#[cfg(test)]
mod tests {
    use super::super::{check, everywhere};
    use super::*;

    #[test]
    fn numbers_surely_exact_are_exact() {
        for n in [
            "0",
            "-0",
            "7",
            "123456789012345678",
            "-123456789012345678",
            "2.5",
            "0.05",
            "-0.0",
            "3.17",
            "999999999999999",
            "0.00000000000001",
            "1e22",
            "1.5E-7",
            "12.50e+3",
            "0.30000000000001",
            "123456789012345e7",
            "1e-22",
        ] {
            assert!(surely_exact(n.as_bytes()), "{n}");
            assert_eq!(check(n, &everywhere), Ok(()), "{n}");
        }
    }

    /// Numbers of up to 15 random digits, a point anywhere and an exponent, in the range
    /// the scan is sure of: `check` finds each exact.
    #[test]
    fn random_numbers_surely_exact_are_exact() {
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        for _ in 0..20_000 {
            let len = 1 + next(15) as usize;
            let mut digits: Vec<u8> = (0..len).map(|_| b'0' + next(10) as u8).collect();
            if len > 1 && digits[0] == b'0' {
                digits[0] = b'1' + next(9) as u8;
            }
            let point = next(len as u64) as usize;
            let mut n = String::new();
            if next(2) == 0 {
                n.push('-');
            }
            let int = match point {
                0 if next(2) == 0 => {
                    // `0.` and the digits, after up to 5 more zeros.
                    n.push_str("0.");
                    n.extend(std::iter::repeat_n('0', next(6) as usize));
                    0
                }
                0 => len,
                _ => point,
            };
            n.push_str(std::str::from_utf8(&digits[..int]).unwrap());
            if int < len {
                if int > 0 {
                    n.push('.');
                }
                n.push_str(std::str::from_utf8(&digits[int..]).unwrap());
            }
            if next(2) == 0 {
                n.push_str(&format!("e{}", next(45) as i64 - 22));
            }
            if surely_exact(n.as_bytes()) {
                assert_eq!(check(&n, &everywhere), Ok(()), "{n}");
            }
        }
    }

    #[test]
    fn other_numbers_are_left_to_check() {
        for n in [
            "1234567890123456789",
            "0.10000000000000001",
            "0.1000000000000000",
            "0.000000000000001",
            "1e23",
            "1e-23",
            "1.5e1000",
            "1e",
            "1.",
            ".5",
            "-",
            "1.2.3",
            "1e5e5",
            "--1",
        ] {
            assert!(!surely_exact(n.as_bytes()), "{n}");
        }
        // Left to check although exact.
        assert_eq!(check("0.30000000000000004", &everywhere), Ok(()));
        assert!(!surely_exact(b"0.30000000000000004"));
    }

    #[test]
    fn what_check_refuses_is_never_sure() {
        let many = format!("[{}0]", "0,".repeat(MAX_ITEMS));
        let members: Vec<String> = (0..=MAX_ITEMS).map(|i| format!("\"k{i}\": 0")).collect();
        let wide = format!("{{{}}}", members.join(","));
        let long = format!("[{}]", " ".repeat(MAX_DOCUMENT_BYTES));
        let deep = format!("{}{}", "[".repeat(129), "]".repeat(129));
        for text in [
            r#"{"id": "a", "id": "b"}"#,
            r#"{"a": 1, "\u0061": 2}"#,
            r#"{"a": [{"x": 1, "y": {"z": 1, "z": 2}}]}"#,
            r#"{"a": 0.10000000000000001}"#,
            r#"[1, 2, 999999999999.999999]"#,
            &many,
            &wide,
            &long,
            &deep,
        ] {
            assert!(check(text, &everywhere).is_err(), "{text:.80}");
            assert!(!surely_passes(text), "{text:.80}");
        }
    }

    /// A document with a piece inserted at every position: whenever serde_json reads the
    /// result whole into the schema and the scan is sure, `check` passes it.
    #[test]
    fn sure_of_documents_read_whole_only_when_check_passes() {
        let doc = r#"{"provider": {"id": "p", "name": "P", "key_required": true},
            "models": [{"id": "m", "name": "M \"x\"", "tags": ["a"], "context_window": 8,
                        "pricing": {"input": 2.5, "output": 10}}]}"#;
        let pieces = [
            "0.10000000000000001",
            "123456789012345678901",
            "1e23",
            "-0",
            r#""id": "q", "#,
            r#""name": "N", "#,
            r#""tags": ["a", "a"], "#,
            r#""cache_read": 0.10000000000000001, "#,
            r#""input": 0.5, "#,
            "9",
            "\\",
        ];
        let mut refused = 0;
        for piece in pieces {
            for at in (0..=doc.len()).filter(|&at| doc.is_char_boundary(at)) {
                let text = format!("{}{piece}{}", &doc[..at], &doc[at..]);
                let whole = serde_json::from_str::<crate::schema::DataFile>(&text).is_ok();
                let checked = check(&text, &everywhere).is_ok();
                if whole && surely_passes(&text) {
                    assert!(checked, "{text}");
                }
                refused += usize::from(whole && !checked);
            }
        }
        // Some of them serde_json reads whole but `check` refuses: the scan was not sure.
        assert!(refused > 0);
    }

    #[test]
    fn plain_documents_are_sure() {
        let at_limit = format!("[{}0]", "0,".repeat(MAX_ITEMS - 1));
        for text in [
            r#"{"provider": {"id": "p", "key_required": true, "aliases": ["q"]},
                "models": [{"id": "m", "pricing": {"input": 2.5, "output": 10},
                            "name": "a \"quoted\" name: {x} [y], 1.5e999"}]}"#,
            r#"[{"a": 1}, {"a": 2}, {"b": {"a": 3}, "a": [true, false, null]}]"#,
            "[]",
            &at_limit,
            &format!("{}{}", "[".repeat(127), "]".repeat(127)),
        ] {
            assert_eq!(check(text, &everywhere), Ok(()), "{text:.80}");
            assert!(surely_passes(text), "{text:.80}");
        }
    }
}
