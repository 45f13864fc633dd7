//! Reading untrusted JSON text: serde_json's parser, plus the checks it does not make.
//!
//! [`check`] reads a document once, in time linear in its size, building nothing, and
//! refuses, with the JSON path of the offending value:
//!
//! - a document longer than [`MAX_DOCUMENT_BYTES`], before reading any of it;
//! - an array with more than [`MAX_ITEMS`] items or an object with more than [`MAX_ITEMS`]
//!   members, as soon as the count is passed;
//! - a key given twice in one object (serde_json keeps the last one silently);
//! - where the caller asks for it, a number whose text is not exactly the value it reads as
//!   (`0.10000000000000001` reads as the float 0.1, `999999999999.999999` as 1e12): a
//!   number is never changed silently.
//!
//! Everything serde_json refuses is [`Problem::Syntax`], nesting past its recursion limit
//! (128: at most 127 arrays or objects inside one another), numbers out of range (`1e309`)
//! and lone surrogates (`"\ud800"`) included.
//!
//! A document that passes can then be deserialized straight from its text into its types
//! (serde_json reads it exactly as [`check`] did); [`read`] gives it as a
//! [`serde_json::Value`], for the paths of errors. [`surely_passes`] spares the second
//! reading: one scan of text that serde_json reads whole into types shows, in most cases,
//! that [`check`] would pass it.

mod scan;

pub use scan::surely_passes;

use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::fmt;

/// The longest JSON text read, in bytes (32 MiB). For imports of several documents (ngrok
/// pages) it bounds their total.
pub const MAX_DOCUMENT_BYTES: usize = 32 << 20;

/// The most items an array, or members an object, may hold (100,000).
pub const MAX_ITEMS: usize = 100_000;

/// A step of a JSON path (keys borrowed from the text while it is read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg<'a> {
    /// An object member.
    Key(Cow<'a, str>),
    /// An array item.
    Index(usize),
}

impl Seg<'_> {
    /// The same step, owning its key.
    #[must_use]
    /// Its key is cut to [`QUOTED`] characters: an owned path is kept for an error.
    pub fn into_owned(self) -> Seg<'static> {
        match self {
            Seg::Key(k) => Seg::Key(Cow::Owned(clip(&k, QUOTED))),
            Seg::Index(i) => Seg::Index(i),
        }
    }

    /// Whether this is the member `key`.
    #[must_use]
    pub fn is_key(&self, key: &str) -> bool {
        matches!(self, Seg::Key(k) if k == key)
    }
}

/// A JSON path, written as serde_path_to_error writes one: `models[3].pricing.input`, or
/// `.` for the whole document. Keys longer than [`QUOTED`] characters are cut there.
pub struct PathText<'a, 'b>(pub &'a [Seg<'b>]);

impl fmt::Display for PathText<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str(".");
        }
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if i == 0 => f.write_str(&clip(k, QUOTED))?,
                Seg::Key(k) => write!(f, ".{}", clip(k, QUOTED))?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// The most characters of a document's own text (a key, a value) that an error quotes:
/// more are cut, and `...` added.
pub const QUOTED: usize = 80;

/// The most characters of a message about a document (serde's, which quotes the document's
/// text) that an error keeps.
pub const MESSAGE: usize = 2_000;

/// The path of a serde_path_to_error error, written as it writes one, with keys cut to
/// [`QUOTED`] characters (an unknown key is a step of the path).
#[must_use]
pub fn serde_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut segs = Vec::new();
    for seg in path.iter() {
        segs.push(match seg {
            Segment::Seq { index } => Seg::Index(*index),
            Segment::Map { key } => Seg::Key(Cow::Borrowed(key.as_str())),
            Segment::Enum { variant } => Seg::Key(Cow::Borrowed(variant.as_str())),
            Segment::Unknown => Seg::Key(Cow::Borrowed("?")),
        });
    }
    PathText(&segs).to_string()
}

/// A message that quotes a document's text (serde's `unknown field `…``, `invalid type:
/// string "…"`), bounded whatever the document: each run of text between two quotes (`` ` ``
/// or `"`) longer than [`QUOTED`] characters is cut there, and the whole after [`MESSAGE`]
/// characters, each cut marked `...`.
#[must_use]
pub fn serde_message(message: &str) -> String {
    let mut out = String::new();
    let (mut run, mut total) = (0, 0);
    for c in message.chars() {
        if total == MESSAGE {
            out.push_str("...");
            break;
        }
        if c == '`' || c == '"' {
            run = 0;
        } else {
            run += 1;
            if run == QUOTED + 1 {
                out.push_str("...");
            }
            if run > QUOTED {
                continue;
            }
        }
        out.push(c);
        total += 1;
    }
    out
}

/// Why a JSON text was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Not JSON, as serde_json judges it.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// serde_json's message, without the position.
        message: String,
    },
    /// Longer than [`MAX_DOCUMENT_BYTES`].
    TooLarge {
        /// The length in bytes.
        len: usize,
    },
    /// An array or object with more than [`MAX_ITEMS`] entries.
    TooManyItems {
        /// The path of the array or object.
        path: Vec<Seg<'static>>,
    },
    /// A key appears twice in one object.
    DuplicateKey {
        /// The path of the second member with that key.
        path: Vec<Seg<'static>>,
    },
    /// A number whose text is not exactly the value it reads as.
    InexactNumber {
        /// Its path.
        path: Vec<Seg<'static>>,
        /// Its text (at most 40 characters of it).
        text: String,
        /// The value it reads as, printed.
        reads_as: String,
    },
}

impl Problem {
    /// The JSON path of the value at fault (the whole document for syntax and size).
    #[must_use]
    pub fn path(&self) -> &[Seg<'static>] {
        match self {
            Problem::Syntax { .. } | Problem::TooLarge { .. } => &[],
            Problem::TooManyItems { path }
            | Problem::DuplicateKey { path }
            | Problem::InexactNumber { path, .. } => path,
        }
    }

    /// What is wrong, without the path (and, for syntax errors, without the position).
    #[must_use]
    pub fn message(&self) -> String {
        match self {
            Problem::Syntax { message, .. } => message.clone(),
            Problem::TooLarge { len } => format!(
                "the document is {len} bytes long; at most {MAX_DOCUMENT_BYTES} are read"
            ),
            Problem::TooManyItems { .. } => {
                format!("holds more than {MAX_ITEMS} entries, the most that is read")
            }
            Problem::DuplicateKey { path } => match path.last() {
                Some(Seg::Key(k)) => format!("key `{k}` appears twice in one object"),
                _ => "a key appears twice in one object".to_owned(),
            },
            Problem::InexactNumber { text, reads_as, .. } => format!(
                "the number {text} cannot be read exactly (it would be read as {reads_as}); write it with fewer digits"
            ),
        }
    }
}

/// Which numbers must read exactly as written: those for whose path this is true.
pub type ExactAt<'a> = &'a dyn Fn(&[Seg<'_>]) -> bool;

/// Every number must read exactly as written.
#[must_use]
pub fn everywhere(_: &[Seg<'_>]) -> bool {
    true
}

/// Checks `text` as one JSON document; see the module documentation.
pub fn check(text: &str, exact: ExactAt<'_>) -> Result<(), Problem> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(Problem::TooLarge { len: text.len() });
    }
    let reader = Reader {
        text,
        lexed: Cell::new(0),
        path: RefCell::new(Vec::new()),
        problem: RefCell::new(None),
        exact,
    };
    let mut de = serde_json::Deserializer::from_str(text);
    let checked = Probe(&reader).deserialize(&mut de).and_then(|()| de.end());
    checked.map_err(|e| match reader.problem.into_inner() {
        Some(p) => p,
        None => {
            let message = e.to_string();
            let suffix = format!(" at line {} column {}", e.line(), e.column());
            Problem::Syntax {
                line: e.line(),
                column: e.column(),
                message: message.strip_suffix(&suffix).unwrap_or(&message).to_owned(),
            }
        }
    })
}

/// Reads `text` as one JSON value, with the checks of [`check`].
pub fn read(text: &str, exact: ExactAt<'_>) -> Result<Value, Problem> {
    check(text, exact)?;
    serde_json::from_str(text).map_err(|e| Problem::Syntax {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}

struct Reader<'t> {
    text: &'t str,
    /// Where the search for the next number's text resumes: always outside a string.
    lexed: Cell<usize>,
    path: RefCell<Vec<Seg<'t>>>,
    problem: RefCell<Option<Problem>>,
    exact: ExactAt<'t>,
}

impl<'t> Reader<'t> {
    fn fail<E: serde::de::Error>(&self, problem: Problem) -> E {
        *self.problem.borrow_mut() = Some(problem);
        E::custom("refused")
    }

    /// The path read so far, owned.
    fn here(&self) -> Vec<Seg<'static>> {
        self.path
            .borrow()
            .iter()
            .cloned()
            .map(Seg::into_owned)
            .collect()
    }

    /// The text of the next number in the document. serde_json hands numbers over in
    /// document order, one per number token, so the n-th call gives the n-th number.
    fn next_number(&self) -> &'t str {
        let text = self.text;
        let b = text.as_bytes();
        let mut i = self.lexed.get();
        let mut in_string = false;
        while let Some(&c) = b.get(i) {
            if in_string {
                match c {
                    b'\\' => i += 2,
                    b'"' => {
                        in_string = false;
                        i += 1;
                    }
                    _ => i += 1,
                }
                continue;
            }
            match c {
                b'"' => in_string = true,
                b'-' | b'0'..=b'9' => {
                    let start = i;
                    while b.get(i).is_some_and(|c| {
                        matches!(c, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
                    }) {
                        i += 1;
                    }
                    self.lexed.set(i);
                    return text.get(start..i).unwrap_or_default();
                }
                _ => {}
            }
            i += 1;
        }
        self.lexed.set(i);
        ""
    }
}

/// Reads one value, building nothing.
#[derive(Clone, Copy)]
struct Probe<'r, 't>(&'r Reader<'t>);

impl<'t> DeserializeSeed<'t> for Probe<'_, 't> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'t>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'t> Visitor<'t> for Probe<'_, 't> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        self.0.next_number();
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        self.0.next_number();
        Ok(())
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<(), E> {
        let text = self.0.next_number();
        let exact = !(self.0.exact)(&self.0.path.borrow()) || same_decimal(text, v);
        if exact {
            return Ok(());
        }
        Err(self.0.fail(Problem::InexactNumber {
            path: self.0.here(),
            text: clip(text, 40),
            reads_as: shown(v),
        }))
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'t>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut n = 0;
        loop {
            self.0.path.borrow_mut().push(Seg::Index(n));
            let item = seq.next_element_seed(self)?;
            self.0.path.borrow_mut().pop();
            if item.is_none() {
                return Ok(());
            }
            n += 1;
            if n > MAX_ITEMS {
                return Err(self.0.fail(Problem::TooManyItems {
                    path: self.0.here(),
                }));
            }
        }
    }

    fn visit_map<A: MapAccess<'t>>(self, mut map: A) -> Result<(), A::Error> {
        // The keys seen: a short list while the object is small, a set beyond.
        let mut few: Vec<Cow<'t, str>> = Vec::new();
        let mut many: HashSet<Cow<'t, str>> = HashSet::new();
        let mut n = 0;
        while let Some(key) = map.next_key_seed(KeySeed)? {
            n += 1;
            if n > MAX_ITEMS {
                return Err(self.0.fail(Problem::TooManyItems {
                    path: self.0.here(),
                }));
            }
            let twice = if n <= 16 {
                let twice = few.contains(&key);
                few.push(key.clone());
                twice
            } else {
                if many.is_empty() {
                    many.extend(few.drain(..));
                }
                !many.insert(key.clone())
            };
            self.0.path.borrow_mut().push(Seg::Key(key));
            if twice {
                return Err(self.0.fail(Problem::DuplicateKey {
                    path: self.0.here(),
                }));
            }
            map.next_value_seed(self)?;
            self.0.path.borrow_mut().pop();
        }
        Ok(())
    }
}

/// A key, borrowed from the text unless it holds an escape.
struct KeySeed;

impl<'t> DeserializeSeed<'t> for KeySeed {
    type Value = Cow<'t, str>;
    fn deserialize<D: serde::Deserializer<'t>>(self, d: D) -> Result<Cow<'t, str>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'t> Visitor<'t> for KeySeed {
    type Value = Cow<'t, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E>(self, v: &'t str) -> Result<Cow<'t, str>, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Cow<'t, str>, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
}

/// At most `n` characters of `s`, then `...` if cut.
fn clip(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if out.len() < s.len() {
        out.push_str("...");
    }
    out
}

/// A float as it prints, or in exponent form when that is long.
fn shown(x: f64) -> String {
    let plain = format!("{x}");
    if plain.len() > 24 {
        format!("{x:e}")
    } else {
        plain
    }
}

/// A decimal number as (negative, significant digits, exponent): the value is
/// `0.d1d2d3... x 10^exponent`, with no leading or trailing zero digit; zero has no digits.
/// `None` if `s` is not a JSON number.
fn decimal(s: &str) -> Option<(bool, Vec<u8>, i64)> {
    let (negative, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(at) => (&s[..at], Some(&s[at + 1..])),
        None => (s, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if int.is_empty() || !(int.bytes().chain(frac.bytes())).all(|b| b.is_ascii_digit()) {
        return None;
    }
    // A saturated exponent is far outside any float's range either way.
    let mut exp: i64 = 0;
    if let Some(e) = exponent {
        let (sign, digits) = match e.as_bytes().first() {
            Some(b'-') => (-1, &e[1..]),
            Some(b'+') => (1, &e[1..]),
            _ => (1, e),
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        for d in digits.bytes() {
            exp = exp.saturating_mul(10).saturating_add(i64::from(d - b'0'));
        }
        exp = exp.saturating_mul(sign);
    }
    let mut digits: Vec<u8> = int.bytes().chain(frac.bytes()).collect();
    // The point sits after the integer digits.
    let mut point = i64::try_from(int.len()).unwrap_or(i64::MAX);
    let lead = digits.iter().take_while(|&&d| d == b'0').count();
    digits.drain(..lead);
    point = point.saturating_sub(i64::try_from(lead).unwrap_or(i64::MAX));
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits.is_empty() {
        return Some((false, digits, 0));
    }
    Some((negative, digits, point.saturating_add(exp)))
}

/// Whether the decimal number `text` is exactly the float `v` (as Rust prints it: the
/// shortest decimal that reads back as `v`).
fn same_decimal(text: &str, v: f64) -> bool {
    match (decimal(text), decimal(&format!("{v}"))) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(p: &Problem) -> String {
        PathText(p.path()).to_string()
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let text = r#"{"a": [1, -2, 2.5, "x\"1", true, null, {"b": 0.1}], "c": 1e2}"#;
        let v = read(text, &everywhere).unwrap();
        assert_eq!(v, serde_json::from_str::<Value>(text).unwrap());
    }

    #[test]
    fn duplicate_keys_are_refused_with_their_path() {
        let e = read(r#"{"id": "safe-name", "id": "evil-name"}"#, &everywhere).unwrap_err();
        assert!(matches!(e, Problem::DuplicateKey { .. }), "{e:?}");
        assert_eq!(path(&e), "id");
        assert_eq!(e.message(), "key `id` appears twice in one object");
        let e = read(
            r#"{"a": [{}, {"x": 1, "y": {"z": 1, "z": 2}}]}"#,
            &everywhere,
        )
        .unwrap_err();
        assert_eq!(path(&e), "a[1].y.z");
        // The same key in different objects is fine; escapes are decoded first.
        assert!(read(r#"[{"a": 1}, {"a": 2}]"#, &everywhere).is_ok());
        let e = read(r#"{"a": 1, "\u0061": 2}"#, &everywhere).unwrap_err();
        assert_eq!(path(&e), "a");
    }

    #[test]
    fn numbers_must_read_exactly() {
        for ok in [
            "0",
            "-0",
            "0.0",
            "0.1",
            "2.5",
            "1e2",
            "1E-6",
            "0.000001",
            "123456789012",
            "1.5e-7",
            "-3.25",
            "0.30000000000000004",
            "9007199254740993",
            "1e-12",
        ] {
            assert!(read(ok, &everywhere).is_ok(), "{ok}");
        }
        for (bad, reads_as) in [
            ("0.10000000000000001", "0.1"),
            ("999999999999.999999", "1000000000000"),
            ("1.00000000000000000001", "1"),
            ("1e-400", "0"),
        ] {
            match read(bad, &everywhere) {
                Err(Problem::InexactNumber {
                    text, reads_as: r, ..
                }) => {
                    assert_eq!((text.as_str(), r.as_str()), (bad, reads_as))
                }
                other => panic!("{bad}: {other:?}"),
            }
        }
        // Only where asked.
        let only_b = |p: &[Seg<'_>]| p.last().is_some_and(|s| s.is_key("b"));
        assert!(read(r#"{"a": 0.10000000000000001}"#, &only_b).is_ok());
        let e = read(
            r#"{"a": 0.10000000000000001, "b": [0.1, 0.10000000000000001]}"#,
            &|p: &[Seg<'_>]| p.first().is_some_and(|s| s.is_key("b")),
        )
        .unwrap_err();
        assert_eq!(path(&e), "b[1]");
        // Numbers inside strings and keys are not numbers.
        let e = read(
            r#"{"1.5": "2.5 \" 3", "x": [true, 0.10000000000000001]}"#,
            &everywhere,
        )
        .unwrap_err();
        assert_eq!(path(&e), "x[1]");
    }

    #[test]
    fn what_serde_json_refuses_is_syntax() {
        let deep = format!("{}{}", "[".repeat(129), "]".repeat(129));
        for text in [&deep[..], "1e309", r#""\ud800""#, "{", "[1,]", "nul", "1 2"] {
            match read(text, &everywhere) {
                Err(Problem::Syntax { line, column, .. }) => assert!(line >= 1 && column >= 1),
                other => panic!("{text:?}: {other:?}"),
            }
        }
        let ok = format!("{}{}", "[".repeat(127), "]".repeat(127));
        assert!(read(&ok, &everywhere).is_ok());
    }

    #[test]
    fn lists_and_objects_are_bounded() {
        let at_limit = format!("[{}0]", "0,".repeat(MAX_ITEMS - 1));
        assert!(read(&at_limit, &everywhere).is_ok());
        let over = format!("{{\"a\": [{}0]}}", "0,".repeat(MAX_ITEMS));
        let e = read(&over, &everywhere).unwrap_err();
        assert!(matches!(e, Problem::TooManyItems { .. }), "{e:?}");
        assert_eq!(path(&e), "a");
        let members: Vec<String> = (0..=MAX_ITEMS).map(|i| format!("\"k{i}\": 0")).collect();
        let e = read(&format!("{{{}}}", members.join(",")), &everywhere).unwrap_err();
        assert!(matches!(e, Problem::TooManyItems { .. }), "{e:?}");
        let big = " ".repeat(MAX_DOCUMENT_BYTES + 1);
        assert_eq!(
            read(&big, &everywhere),
            Err(Problem::TooLarge {
                len: MAX_DOCUMENT_BYTES + 1
            })
        );
    }
}
