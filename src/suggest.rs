//! "Did you mean" suggestions by edit distance, computed only when asked for.

use crate::error::{Esc, InputText};
use crate::Model;
use std::fmt;
use std::sync::{Arc, OnceLock};

/// At most this many suggestions are made.
pub const MAX_SUGGESTIONS: usize = 3;

/// What kind of name was not found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameKind {
    Model,
    Provider,
}

/// Where candidate names come from.
pub(crate) trait NameSource: Send + Sync {
    /// Every candidate name of `kind`, in catalog order.
    fn names(&self, kind: NameKind, f: &mut dyn FnMut(&str));
}

/// Every id, upstream id, alias and served name of `models`, in order.
pub(crate) fn model_names<'m>(
    models: impl IntoIterator<Item = &'m Model>,
    f: &mut dyn FnMut(&str),
) {
    for m in models {
        f(m.id());
        if m.upstream_id() != m.id() {
            f(m.upstream_id());
        }
        m.aliases().for_each(&mut *f);
        m.served_names().for_each(|s| f(s.id()));
    }
}

/// Catalog names close to a name that did not match: up to [`MAX_SUGGESTIONS`], closest
/// first, ties in catalog order.
///
/// The work is done the first time they are read (or the error is displayed), not when
/// the error is made, so a failed lookup on a hot path costs no search. Distances count
/// characters inserted, deleted, substituted or swapped (adjacent), ASCII case ignored; a
/// name is suggested when at most `clamp(len / 4, 1, 3)` edits away.
///
/// It holds the error's copy of the input ([`input`](Suggestions::input)), kept inline for
/// inputs up to [`InputText::INLINE`] bytes: making one then allocates nothing.
///
/// ```
/// let err = model_catalog::resolve_model("gpt4o").unwrap_err();
/// let s = err.suggestions().unwrap();
/// assert_eq!(s.first().map(String::as_str), Some("gpt-4o"));
/// ```
#[derive(Clone)]
pub struct Suggestions {
    /// The input; the name not found is `text[start..end]`.
    text: InputText,
    start: u16,
    end: u16,
    kind: NameKind,
    source: Source,
    found: OnceLock<Box<[String]>>,
}

/// The catalog a [`Suggestions`] searches.
#[derive(Clone)]
pub(crate) enum Source {
    /// The compiled catalog (no allocation to refer to it).
    Builtin,
    /// A run-time catalog.
    Shared(Arc<dyn NameSource>),
}

impl Source {
    fn get(&self) -> &dyn NameSource {
        match self {
            Source::Builtin => crate::builtin::names(),
            Source::Shared(s) => &**s,
        }
    }
}

impl Suggestions {
    /// Suggestions for `text[range]`, a name of `kind` that was not found.
    ///
    /// Always inlined: a miss of the whole input builds one on the resolve path, and out of
    /// line it costs a call and a zeroed copy.
    #[inline(always)]
    pub(crate) fn new(
        text: &str,
        range: std::ops::Range<usize>,
        kind: NameKind,
        source: Source,
    ) -> Suggestions {
        // Inputs are at most MAX_INPUT_LEN bytes, so the bounds fit in u16; a range that is
        // not a slice of `text` (or out of that bound) gives an empty name, not a panic.
        let bounds = (u16::try_from(range.start), u16::try_from(range.end));
        let (start, end) = match (text.get(range), bounds) {
            (Some(_), (Ok(start), Ok(end))) => (start, end),
            _ => (0, 0),
        };
        Suggestions {
            text: InputText::new(text),
            start,
            end,
            kind,
            source,
            found: OnceLock::new(),
        }
    }

    /// The whole (trimmed) input the name was part of.
    ///
    /// ```
    /// use model_catalog::{resolve_model, ResolveError};
    ///
    /// let Err(ResolveError::UnknownProvider { suggestions: s }) = resolve_model(" nope:gpt-4o")
    /// else {
    ///     panic!("`nope` is no provider")
    /// };
    /// assert_eq!((s.input(), s.name()), ("nope:gpt-4o", "nope"));
    /// ```
    pub fn input(&self) -> &str {
        &self.text
    }

    /// The name that was not found (a model name or a provider name).
    pub fn name(&self) -> &str {
        self.text
            .get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }

    /// The suggestions, closest first.
    pub fn as_slice(&self) -> &[String] {
        self.found
            .get_or_init(|| closest(self.name(), self.kind, self.source.get()).into_boxed_slice())
    }
}

impl std::ops::Deref for Suggestions {
    type Target = [String];
    fn deref(&self) -> &[String] {
        self.as_slice()
    }
}

impl fmt::Debug for Suggestions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

impl PartialEq for Suggestions {
    fn eq(&self, other: &Suggestions) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for Suggestions {}

/// Formats ``; did you mean `a`, `b` or `c`?`` (nothing when there are none).
pub(crate) struct Hint<'a>(pub &'a [String]);

impl fmt::Display for Hint<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some((last, rest)) = self.0.split_last() else {
            return Ok(());
        };
        f.write_str("; did you mean ")?;
        for (i, s) in rest.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "`{}`", Esc(s))?;
        }
        if !rest.is_empty() {
            f.write_str(" or ")?;
        }
        write!(f, "`{}`?", Esc(last))
    }
}

fn closest(query: &str, kind: NameKind, source: &dyn NameSource) -> Vec<String> {
    let q: Vec<char> = query.chars().map(|c| c.to_ascii_lowercase()).collect();
    let max = (q.len() / 4).clamp(1, 3);
    let mut best: Vec<(usize, usize, String)> = Vec::new();
    let mut order = 0;
    let mut cand: Vec<char> = Vec::new();
    source.names(kind, &mut |name| {
        order += 1;
        cand.clear();
        cand.extend(name.chars().map(|c| c.to_ascii_lowercase()));
        if let Some(d) = distance(&q, &cand, max) {
            if !best.iter().any(|(_, _, s)| s.eq_ignore_ascii_case(name)) {
                best.push((d, order, name.to_owned()));
            }
        }
    });
    best.sort();
    best.into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(_, _, s)| s)
        .collect()
}

/// Optimal-string-alignment distance between `a` and `b` if it is at most `max`.
///
/// Costs O(len(a) * len(b)) only for strings within `max` of each other in length, and
/// stops as soon as a whole row exceeds `max`.
pub(crate) fn distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    let mut prev2 = vec![0usize; width];
    let mut prev: Vec<usize> = (0..width).collect();
    let mut cur = vec![0usize; width];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::distance;

    fn d(a: &str, b: &str) -> Option<usize> {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        distance(&a, &b, 3)
    }

    #[test]
    fn edit_distances() {
        assert_eq!(d("gpt-4o", "gpt-4o"), Some(0));
        assert_eq!(d("gpt4o", "gpt-4o"), Some(1));
        assert_eq!(d("gtp-4o", "gpt-4o"), Some(1)); // swap
        assert_eq!(d("gpt-4\u{43e}", "gpt-4o"), Some(1)); // Cyrillic o substituted
        assert_eq!(d("claude", "gpt-4o"), None);
        assert_eq!(d("", "abc"), Some(3));
        assert_eq!(d("", "abcd"), None);
    }
}
