//! Text the catalog holds: [`Text`], owned by a run-time catalog, [`Names`], a list of
//! names of either catalog, and [`InputText`], an error's copy of a model string, kept inline
//! when short.

use crate::data::words::{short, word};
use crate::model_tables::Source;
use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

/// Text owned by a run-time catalog or borrowed from the compiled one.
pub(crate) type Text = Cow<'static, str>;

/// A list of names (aliases, tags, parameters): string numbers of the compiled catalog, or
/// a run-time catalog's own.
#[derive(Clone)]
pub(crate) enum Names<'a> {
    /// String numbers of the compiled catalog's string table or a run-time catalog's model
    /// tables.
    Numbers(Source<'a>, std::slice::Iter<'a, u32>),
    /// A run-time catalog's.
    Custom(std::slice::Iter<'a, Text>),
}

impl<'a> Iterator for Names<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        match self {
            Names::Numbers(src, ids) => ids.next().map(|&id| src.text(id)),
            Names::Custom(names) => names.next().map(|n| &**n),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = match self {
            Names::Numbers(_, ids) => ids.len(),
            Names::Custom(names) => names.len(),
        };
        (n, Some(n))
    }
}

impl ExactSizeIterator for Names<'_> {}

/// A model string as an error keeps it: up to [`INLINE`](InputText::INLINE) bytes are
/// stored in the value itself, so that an `unknown_model` or `unknown_provider` error for
/// such an input allocates nothing; longer strings are shared (`Arc<str>`). Dereferences
/// to `str`.
#[derive(Clone)]
pub(crate) struct InputText(Repr);

#[derive(Clone)]
enum Repr {
    Inline {
        len: u8,
        bytes: [u8; InputText::INLINE],
    },
    Shared(Arc<str>),
}

impl InputText {
    /// The longest string kept inline, in bytes.
    pub(crate) const INLINE: usize = 46;

    /// A copy of `s`.
    #[inline(always)]
    pub(crate) fn new(s: &str) -> InputText {
        match u8::try_from(s.len()) {
            Ok(len) if s.len() <= InputText::INLINE => InputText(Repr::Inline {
                len,
                bytes: inline_bytes(s.as_bytes()),
            }),
            _ => InputText(Repr::Shared(Arc::from(s))),
        }
    }

    /// The text.
    pub(crate) fn as_str(&self) -> &str {
        match &self.0 {
            // The bytes were copied from a `str` whole, so they are UTF-8: the `Err` arm is
            // never taken.
            Repr::Inline { len, bytes } => {
                std::str::from_utf8(bytes.get(..usize::from(*len)).unwrap_or_default())
                    .unwrap_or_default()
            }
            Repr::Shared(s) => s,
        }
    }
}

/// `b`, at most [`InputText::INLINE`] bytes long, zero-padded to that length.
///
/// Built from words at fixed offsets, without a copy of a variable length: the words stay in
/// registers and are stored straight into the error. A `memcpy` went through a stack
/// temporary, and reading the error back right after (returning and dropping it) stalled on
/// the narrow stores that had just written it: a miss cost about 5 ns more.
#[inline(always)]
fn inline_bytes(b: &[u8]) -> [u8; InputText::INLINE] {
    let n = b.len();
    // The eight bytes that end at `n`, as if read from `n - 8` (zero below the start).
    let last = match n.checked_sub(8) {
        Some(at) => word(&b[at..]),
        None => short(b) << ((8 * (8 - n)) & 63),
    };
    let mut bytes = [0u8; InputText::INLINE];
    for start in (0..InputText::INLINE).step_by(8) {
        let w = if start + 8 <= n {
            word(&b[start..start + 8])
        } else if start < n {
            // The bytes from `start` are the top `n - start` of `last`.
            last >> (8 * (start + 8 - n))
        } else {
            0
        };
        let end = (start + 8).min(InputText::INLINE);
        bytes[start..end].copy_from_slice(&w.to_le_bytes()[..end - start]);
    }
    bytes
}

impl std::ops::Deref for InputText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for InputText {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for InputText {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for InputText {
    fn from(s: &str) -> InputText {
        InputText::new(s)
    }
}

impl From<InputText> for String {
    fn from(t: InputText) -> String {
        t.as_str().to_owned()
    }
}

impl fmt::Display for InputText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for InputText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq for InputText {
    fn eq(&self, other: &InputText) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for InputText {}

impl PartialEq<str> for InputText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for InputText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for InputText {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl std::hash::Hash for InputText {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialOrd for InputText {
    fn partial_cmp(&self, other: &InputText) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for InputText {
    fn cmp(&self, other: &InputText) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::{InputText, Repr};

    /// Every length kept inline, and the first ones shared, give the text back exactly, ASCII
    /// or not.
    #[test]
    fn input_text_keeps_every_length() {
        let ascii: String = (0..60u8).map(|i| char::from(b'!' + i)).collect();
        let mixed: String = "aé€𝄞".repeat(6);
        for text in [&ascii, &mixed] {
            for n in (0..=text.len()).filter(|&n| text.is_char_boundary(n)) {
                let t = InputText::new(&text[..n]);
                assert_eq!(t.as_str(), &text[..n]);
                let inline = matches!(t.0, Repr::Inline { .. });
                assert_eq!(inline, n <= InputText::INLINE, "{n}");
                if let Repr::Inline { bytes, .. } = t.0 {
                    assert!(bytes[n..].iter().all(|&b| b == 0), "{n}");
                }
            }
        }
    }
}
