//! "Did you mean" suggestions by edit distance, computed only when asked for, in bounded
//! time.

use crate::data::escape::Esc;
use crate::distance::{near, PositionBits, Rows};
use crate::names::{char_set, sets_within, Bucket, NameKind, NameLists};
use crate::text::InputText;
use std::fmt;
use std::sync::{Arc, OnceLock};

/// At most this many suggestions are made.
pub const MAX_SUGGESTIONS: usize = 3;

/// The most edits a suggestion is away from the name not found; names longer or shorter by
/// more are never read.
pub(crate) const MAX_EDITS: usize = 3;

/// The most work one search for suggestions does, in character pairs compared (about two
/// million: a few milliseconds). A search stops there, whatever is left of the catalog.
const WORK_BUDGET: usize = 1 << 21;

/// Where suggestions come from: the compiled catalog's names (gathered on first use by the
/// function given, so that making an error costs no search), and a run-time catalog's
/// overlay names where there are some.
#[derive(Clone)]
pub(crate) struct Source {
    builtin: fn() -> &'static NameLists,
    overlay: Option<Arc<NameLists>>,
}

impl Source {
    /// The compiled catalog's names, from `builtin`.
    pub(crate) fn builtin(builtin: fn() -> &'static NameLists) -> Source {
        Source {
            builtin,
            overlay: None,
        }
    }

    /// The compiled catalog's names and a run-time overlay's.
    pub(crate) fn with_overlay(
        builtin: fn() -> &'static NameLists,
        overlay: Arc<NameLists>,
    ) -> Source {
        Source {
            builtin,
            overlay: Some(overlay),
        }
    }

    /// The names a search for `name`, of `kind`, reads in a catalog with an overlay: the
    /// overlay's are left out, and no share of them is taken, where the search would read
    /// none of them. That is when the overlay replaces no compiled provider (whose names it
    /// would skip) and holds no name of that kind whose length is within [`MAX_EDITS`] of
    /// `name`'s (in characters, as the search counts them). The suggestions are the same
    /// either way; a miss beside a small overlay then costs no count of a shared list.
    pub(crate) fn for_name(
        builtin: fn() -> &'static NameLists,
        overlay: &Arc<NameLists>,
        kind: NameKind,
        name: &str,
    ) -> Source {
        let chars = if name.is_ascii() {
            name.len()
        } else {
            name.chars().count()
        };
        if overlay.replaced.is_empty() && !overlay.of(kind).any_near(chars, MAX_EDITS) {
            return Source::builtin(builtin);
        }
        Source::with_overlay(builtin, Arc::clone(overlay))
    }
}

/// Catalog names close to a name that did not match: up to [`MAX_SUGGESTIONS`], closest
/// first, ties in catalog order.
///
/// The work is done the first time they are read (or the error is displayed), not when
/// the error is made, so a failed lookup on a hot path costs no search. Distances count
/// characters inserted, deleted, substituted or swapped (adjacent), ASCII case ignored; a
/// name is suggested when at most `clamp(len / 4, 1, 3)` edits away. Each name is given
/// once, however many entries spell it (ASCII case ignored).
///
/// The search is bounded: it looks only at names whose length is within that many edits of
/// the name not found, those of the same length first, and stops after comparing about two
/// million pairs of characters, so rendering any error costs at most a few milliseconds,
/// even on a catalog of tens of thousands of names. Only a catalog with more names that
/// close in length than that work covers (such as 50,000 names of 200 characters) can make
/// it stop early; then the suggestions are the closest of the names it reached.
///
/// It holds the error's copy of the input ([`input`](Suggestions::input)), kept inline for
/// inputs up to 46 bytes: making one then allocates nothing. An error of
/// a run-time catalog shares that catalog's list of names (not the catalog: dropping the
/// catalog frees it while the error lives on).
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
            .get_or_init(|| closest(self.name(), self.kind, &self.source).into_boxed_slice())
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

/// The names closest to `query`: see [`Suggestions`].
fn closest(query: &str, kind: NameKind, source: &Source) -> Vec<String> {
    // Catalog names are ASCII: the query is compared byte by byte, ASCII-lowercased, each
    // non-ASCII character one byte that equals no name's byte.
    let q: Vec<u8> = query
        .chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_ascii_lowercase() as u8
            } else {
                0x80
            }
        })
        .collect();
    let n = q.len();
    let q_set = char_set(&q);
    let mut max = (n / 4).clamp(1, MAX_EDITS);
    let bits = (1..=64).contains(&n).then(|| {
        let mut bits: PositionBits = [0; 256];
        for (i, &c) in q.iter().enumerate() {
            bits[usize::from(c)] |= 1 << i;
        }
        bits
    });
    let builtin = (source.builtin)();
    let (overlay, replaced) = match &source.overlay {
        None => (None, &[][..]),
        Some(lists) => (Some(lists.of(kind)), &lists.replaced[..]),
    };
    let sets = [
        Some((builtin.of(kind), kind == NameKind::Provider)),
        overlay.map(|o| (o, false)),
    ];
    let mut best: Vec<Found<'_>> = Vec::with_capacity(MAX_SUGGESTIONS + 1);
    let mut rows = Rows::default();
    let mut work = 0;
    'search: for delta in 0..=MAX_EDITS {
        // A name more edits away in length than the threshold is farther than it.
        if delta > max {
            break;
        }
        let lengths = [n.checked_sub(delta), (delta > 0).then_some(n + delta)];
        for len in lengths.into_iter().flatten() {
            for (names, skip_replaced) in sets.iter().flatten() {
                let Some(bucket) = names.bucket(len) else {
                    continue;
                };
                // Most names are ruled out by the characters they hold, at the cost of one
                // unit of work each: the sets are scanned on their own, and only a name that
                // passes is read.
                let mut at = 0;
                while at < bucket.sets.len() {
                    let left = WORK_BUDGET.saturating_sub(work);
                    if left == 0 {
                        break 'search;
                    }
                    let end = bucket.sets.len().min(at.saturating_add(left));
                    let scan = bucket.sets.get(at..end).unwrap_or_default();
                    let Some(k) = scan.iter().position(|&set| sets_within(q_set, set, max)) else {
                        work += end - at;
                        at = end;
                        continue;
                    };
                    work += k + 1;
                    at += k + 1;
                    let i = at - 1;
                    let (Some(&rank), Some(owner), Some(name)) = (
                        bucket.ranks.get(i),
                        bucket.owners.get(i),
                        bucket.folded.get(i * len..(i + 1) * len),
                    ) else {
                        continue;
                    };
                    if *skip_replaced && replaced.binary_search(owner).is_ok() {
                        continue;
                    }
                    let Some(d) = near(&q, bits.as_ref(), name, max, &mut rows, &mut work) else {
                        continue;
                    };
                    let found = Found {
                        d,
                        rank,
                        name,
                        bucket,
                        at: i,
                    };
                    offer(&mut best, found);
                    // With three names found, only as close or closer ones can enter.
                    if best.len() == MAX_SUGGESTIONS {
                        max = max.min(best[MAX_SUGGESTIONS - 1].d);
                    }
                }
            }
        }
    }
    best.into_iter()
        .map(|f| f.bucket.spelling(f.name.len(), f.at))
        .collect()
}

/// A name within the threshold: its distance, its rank, its folded bytes, and where to find
/// its spelling.
struct Found<'n> {
    d: usize,
    rank: u64,
    name: &'n [u8],
    bucket: &'n Bucket,
    at: usize,
}

/// Keeps the [`MAX_SUGGESTIONS`] best names by (distance, rank), each name once (ASCII case
/// ignored), at its best rank.
fn offer<'n>(best: &mut Vec<Found<'n>>, found: Found<'n>) {
    let key = |f: &Found<'_>| (f.d, f.rank);
    if best.len() == MAX_SUGGESTIONS && key(&found) > key(&best[MAX_SUGGESTIONS - 1]) {
        // Behind the three kept (and so behind any spelling of it among them).
        return;
    }
    if let Some(i) = best.iter().position(|f| f.name == found.name) {
        // The same name spelled twice is as far: keep its first place in catalog order.
        if found.rank < best[i].rank {
            best[i] = found;
        }
    } else {
        best.push(found);
    }
    best.sort_unstable_by_key(key);
    best.truncate(MAX_SUGGESTIONS);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lists(models: &[String]) -> Source {
        let mut lists = NameLists::default();
        for (i, name) in models.iter().enumerate() {
            lists.models.push((i as u64 + 1_000_000) << 32, 0, name);
        }
        Source::with_overlay(empty, Arc::new(lists))
    }

    /// No compiled names, for searches over the lists a test makes.
    fn empty() -> &'static NameLists {
        static EMPTY: std::sync::OnceLock<NameLists> = std::sync::OnceLock::new();
        EMPTY.get_or_init(NameLists::default)
    }

    /// The suggestions for an unknown model `query` in `source`.
    fn search(query: &str, source: &Source) -> Vec<String> {
        closest(query, NameKind::Model, source)
    }

    /// 46,656 names `modelname-XYZ`, every one 3 edits from `modelname-!!!`: all of them
    /// are compared (well within the work bound, once the common prefix is skipped), and the
    /// first three in catalog order are suggested.
    #[test]
    fn many_names_equally_close() {
        let chars: Vec<char> = ('0'..='9').chain('a'..='z').collect();
        let mut names = Vec::new();
        for x in &chars {
            for y in &chars {
                for z in &chars {
                    names.push(format!("modelname-{x}{y}{z}"));
                }
            }
        }
        assert_eq!(names.len(), 46_656);
        // The last name is one edit away: found, although it comes last.
        let source = lists(&names);
        assert_eq!(
            search("modelname-!!!", &source),
            ["modelname-000", "modelname-001", "modelname-002"]
        );
        assert_eq!(
            search("modelname-zz!", &source),
            ["modelname-zz0", "modelname-zz1", "modelname-zz2"]
        );
        assert_eq!(search("modelname-zzz!", &source)[0], "modelname-zzz");
    }

    /// Names that share nothing at either end with the query and are all as long as it
    /// cost their whole band; the search stops at its bound and suggests from what it
    /// reached, closest first.
    #[test]
    fn the_search_stops_at_its_bound() {
        let names: Vec<String> = (0..50_000)
            .map(|i| format!("{}{i:05}{}", "q".repeat(100), "r".repeat(95)))
            .collect();
        let query = format!("x{}{}x", "q".repeat(104), "r".repeat(94));
        assert_eq!(query.len(), names[0].len());
        let found = search(&query, &lists(&names));
        // Each name is more than three edits away: nothing, in bounded time.
        assert!(found.is_empty(), "{found:?}");
        let near = format!("x{}00001{}", "q".repeat(99), "r".repeat(95));
        assert_eq!(search(&near, &lists(&names))[0], names[1]);
    }
}
