//! "Did you mean" suggestions by edit distance, computed only when asked for, in bounded
//! time.

use crate::data::escape::Esc;
use crate::model::Model;
use crate::provider::Provider;
use crate::text::InputText;
use std::fmt;
use std::sync::{Arc, OnceLock};

/// At most this many suggestions are made.
pub const MAX_SUGGESTIONS: usize = 3;

/// The most work one search for suggestions does, in character pairs compared (about two
/// million: a few milliseconds). A search stops there, whatever is left of the catalog.
const WORK_BUDGET: usize = 1 << 21;

/// What kind of name was not found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameKind {
    Model,
    Provider,
}

/// The names of one length (in bytes: catalog names are ASCII), in catalog order, stored
/// ASCII-lowercased end to end so that a search reads them in one sweep and compares bytes
/// as they are: name `k` is `folded[k * len..(k + 1) * len]`, with its rank in catalog
/// order and the catalog index of the provider it names (for provider names). The few
/// names not spelled in lowercase keep their spelling apart.
#[derive(Default)]
struct Bucket {
    folded: Vec<u8>,
    ranks: Vec<u64>,
    owners: Vec<u32>,
    /// (position, spelling) of the names whose spelling is not their folded form.
    spelled: Vec<(usize, Box<str>)>,
}

impl Bucket {
    /// Name `k` as the catalog spells it.
    fn spelling(&self, len: usize, k: usize) -> String {
        match self.spelled.binary_search_by_key(&k, |(at, _)| *at) {
            Ok(i) => self.spelled[i].1.to_string(),
            Err(_) => {
                let b = self.folded.get(k * len..(k + 1) * len).unwrap_or_default();
                String::from_utf8_lossy(b).into_owned()
            }
        }
    }
}

/// Names of one kind, grouped by length.
#[derive(Default)]
pub(crate) struct Names {
    by_len: Vec<Bucket>,
}

impl Names {
    fn push(&mut self, rank: u64, owner: u32, name: &str) {
        let n = name.len();
        if self.by_len.len() <= n {
            self.by_len.resize_with(n + 1, Bucket::default);
        }
        let b = &mut self.by_len[n];
        if name.bytes().any(|c| c.is_ascii_uppercase()) {
            b.spelled.push((b.ranks.len(), name.into()));
        }
        b.folded
            .extend(name.bytes().map(|c| c.to_ascii_lowercase()));
        b.ranks.push(rank);
        b.owners.push(owner);
    }

    /// The bucket of the names `len` bytes long, if any.
    fn bucket(&self, len: usize) -> Option<&Bucket> {
        self.by_len.get(len).filter(|_| len > 0)
    }

    /// A model's names, ranked by its catalog index: its id, its upstream id where that is
    /// spelled differently, its aliases, its served names.
    pub(crate) fn add_model(&mut self, m: &Model) {
        let rank = u64::from(m.index) << 32;
        self.push(rank, 0, &m.id);
        if m.upstream_id != m.id {
            self.push(rank | 1, 0, &m.upstream_id);
        }
        for (k, a) in m.aliases.iter().enumerate() {
            self.push(rank | slot(2 + k), 0, a);
        }
        let after = 2 + m.aliases.len();
        for (k, s) in m.served_names.iter().enumerate() {
            self.push(rank | slot(after + k), 0, &s.id);
        }
    }

    /// A provider's names, ranked by its catalog index: its id, then its aliases.
    pub(crate) fn add_provider(&mut self, p: &Provider) {
        let rank = u64::from(p.index) << 32;
        self.push(rank, p.index, &p.id);
        for (k, a) in p.aliases.iter().enumerate() {
            self.push(rank | slot(1 + k), p.index, a);
        }
    }
}

/// A name's place among its entry's names, in the low half of a rank.
fn slot(k: usize) -> u64 {
    u64::try_from(k).map_or(u64::from(u32::MAX), |k| k.min(u64::from(u32::MAX)))
}

/// The names suggestions are drawn from: for the compiled catalog, all of its names; for a
/// run-time catalog, what its overlay adds (new models, new and replacing providers) and
/// which compiled providers it replaces. Shared by every error of a catalog, and all such an
/// error keeps of it: not the catalog itself.
#[derive(Default)]
pub(crate) struct NameLists {
    pub(crate) models: Names,
    pub(crate) providers: Names,
    /// Catalog indexes of the compiled providers that are replaced, sorted: their compiled
    /// names give way to the replacement's.
    pub(crate) replaced: Vec<u32>,
}

impl NameLists {
    fn of(&self, kind: NameKind) -> &Names {
        match kind {
            NameKind::Model => &self.models,
            NameKind::Provider => &self.providers,
        }
    }
}

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
/// inputs up to [`InputText::INLINE`] bytes: making one then allocates nothing. An error of
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
    let mut max = (n / 4).clamp(1, 3);
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
    'search: for delta in 0..=3 {
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
                let folded = bucket.folded.chunks_exact(len);
                let entries = bucket.ranks.iter().zip(&bucket.owners).zip(folded);
                for (at, ((&rank, owner), name)) in entries.enumerate() {
                    if *skip_replaced && replaced.binary_search(owner).is_ok() {
                        continue;
                    }
                    if work >= WORK_BUDGET {
                        break 'search;
                    }
                    let Some(d) = near(&q, bits.as_ref(), name, max, &mut rows, &mut work) else {
                        continue;
                    };
                    let found = Found {
                        d,
                        rank,
                        name,
                        bucket,
                        at,
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

/// The rows of the distance table, kept between comparisons.
#[derive(Default)]
struct Rows {
    prev2: Vec<usize>,
    prev: Vec<usize>,
    cur: Vec<usize>,
}

/// Optimal-string-alignment distance between `a` and `b` if it is at most `max`, characters
/// compared exactly (fold case first where case should not count).
///
/// Costs at most `len * (2 * max + 1)` steps, and nothing beyond a common prefix and suffix
/// for strings that differ in the middle. For callers elsewhere in the crate (such as
/// checks for near misses), besides the suggestions.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    osa(a, b, max, |x, y| x == y, &mut Rows::default(), &mut 0)
}

/// Optimal-string-alignment distance (insertions, deletions, substitutions and swaps of
/// adjacent characters) between `a` and `b`, characters compared with `eq`, if it is at most
/// `max`. Adds the work done to `work`.
fn osa<A: Copy, B: Copy>(
    a: &[A],
    b: &[B],
    max: usize,
    eq: impl Fn(A, B) -> bool + Copy,
    rows: &mut Rows,
    work: &mut usize,
) -> Option<usize> {
    let (_, a, b) = trim(a, b, eq, work);
    match settled(a.len(), b.len(), max) {
        Some(answer) => answer,
        None => band(a, b, max, eq, rows, work),
    }
}

/// `a` and `b` without their common prefix and suffix, which cost no edit, and the length
/// of the prefix. Adds the characters compared to `work`.
fn trim<'a, 'b, A: Copy, B: Copy>(
    a: &'a [A],
    b: &'b [B],
    eq: impl Fn(A, B) -> bool,
    work: &mut usize,
) -> (usize, &'a [A], &'b [B]) {
    let prefix = a.iter().zip(b).take_while(|(x, y)| eq(**x, **y)).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| eq(**x, **y))
        .count();
    *work += 1 + prefix + suffix;
    (prefix, &a[..a.len() - suffix], &b[..b.len() - suffix])
}

/// The answer for trimmed strings of these lengths when it needs no table: too different in
/// length, or one of them empty.
fn settled(a: usize, b: usize, max: usize) -> Option<Option<usize>> {
    if a.abs_diff(b) > max {
        return Some(None);
    }
    if a == 0 || b == 0 {
        let d = a.max(b);
        return Some((d <= max).then_some(d));
    }
    None
}

/// The positions of each byte in a name not found of at most 64 bytes (bit `i` of
/// `PositionBits[c]` is set when byte `i` is `c`), for [`bit_parallel`].
type PositionBits = [u64; 256];

/// The distance between the folded name not found `q` and a folded catalog name, if at most
/// `max`: [`osa`], computed 64 cells at a time when `q` has its position bits.
fn near(
    q: &[u8],
    bits: Option<&PositionBits>,
    name: &[u8],
    max: usize,
    rows: &mut Rows,
    work: &mut usize,
) -> Option<usize> {
    let (prefix, a, b) = trim(q, name, |x, y| x == y, work);
    if let Some(answer) = settled(a.len(), b.len(), max) {
        return answer;
    }
    match bits {
        Some(bits) => {
            *work += b.len();
            bit_parallel(bits, prefix, a.len(), b, max)
        }
        None => band(a, b, max, |x, y| x == y, rows, work),
    }
}

/// The optimal-string-alignment distance between `q[shift..shift + m]` (given by the
/// position bits of `q`, at most 64 bytes) and `b`, if at most `max`: Hyyrö's bit-vector
/// algorithm with transpositions (2003), one column of the table per step, as RapidFuzz
/// computes it (`osa_hyrroe2003`). Bits above `m` are never read into those below, so the
/// rest of `q` shifted in above does no harm.
fn bit_parallel(
    bits: &PositionBits,
    shift: usize,
    m: usize,
    b: &[u8],
    max: usize,
) -> Option<usize> {
    let high = 1u64 << (m - 1);
    let (mut vp, mut vn, mut d0, mut pm_before) = (u64::MAX, 0u64, 0u64, 0u64);
    let mut dist = m;
    for (j, &y) in b.iter().enumerate() {
        let pm = bits[usize::from(y)] >> shift;
        let swap = ((!d0 & pm) << 1) & pm_before;
        d0 = (((pm & vp).wrapping_add(vp)) ^ vp) | pm | vn | swap;
        let hp = vn | !(d0 | vp);
        let hn = d0 & vp;
        if hp & high != 0 {
            dist += 1;
        } else if hn & high != 0 {
            dist -= 1;
        }
        let hp = (hp << 1) | 1;
        let hn = hn << 1;
        vp = hn | !(d0 | hp);
        vn = hp & d0;
        pm_before = pm;
        // Each character left can bring the distance down by one at most.
        if dist > max + (b.len() - j - 1) {
            return None;
        }
    }
    (dist <= max).then_some(dist)
}

/// A table cell costs this much work: a few times a character compared.
const CELL_WORK: usize = 4;

/// [`osa`] on trimmed, non-empty strings within `max` of each other in length, with the
/// table: only the band of cells within `max` of the diagonal is computed (the others are
/// more than `max` away), and the computation stops when a whole row is beyond `max`. So
/// it costs at most `len * (2 * max + 1)` cells.
fn band<A: Copy, B: Copy>(
    a: &[A],
    b: &[B],
    max: usize,
    eq: impl Fn(A, B) -> bool,
    rows: &mut Rows,
    work: &mut usize,
) -> Option<usize> {
    // Only cells within `max` of the diagonal are kept, row by row: cell (i, j) of the
    // table is `row[j + max - i + 1]`. Those beyond are more than `max` away, and so are all
    // cells `far` stands for; the first and last places of a row always hold `far`.
    let far = max + 1;
    let band = 2 * max + 1;
    let Rows { prev2, prev, cur } = rows;
    for r in [&mut *prev2, &mut *prev, &mut *cur] {
        r.clear();
        r.resize(band + 2, far);
    }
    // Row 0: cell (0, j) is j.
    for j in 0..=max.min(b.len()) {
        prev[j + max + 1] = j;
    }
    for i in 1..=a.len() {
        // The cells of this row inside the table: j from 1 to len(b), within the band.
        let first = (max + 1).saturating_sub(i);
        let last = (b.len() + max - i).min(band - 1);
        // Column 0 (j = 0) holds i, where it is inside the band.
        let column = if i <= max { i } else { far };
        if first > 0 {
            cur[first] = column;
        }
        let mut row_min = column;
        let x = a[i - 1];
        for k in first..=last {
            let j = i + k - max;
            let y = b[j - 1];
            // Up is (i - 1, j), one place right in the row before; left is (i, j - 1).
            let mut v = (prev[k + 2] + 1)
                .min(cur[k] + 1)
                .min(prev[k + 1] + usize::from(!eq(x, y)));
            if i > 1 && j > 1 && eq(x, b[j - 2]) && eq(a[i - 2], y) {
                v = v.min(prev2[k + 1] + 1);
            }
            let v = v.min(far);
            cur[k + 1] = v;
            row_min = row_min.min(v);
        }
        *work += (last + 1 - first) * CELL_WORK;
        // Every later cell is at least this row's minimum (a swap reaches back two rows, but
        // a row is at most one more than the one before).
        if row_min > max {
            return None;
        }
        std::mem::swap(prev2, prev);
        std::mem::swap(prev, cur);
    }
    // Cell (len(a), len(b)).
    let d = prev[b.len() + max - a.len() + 1];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(d("ab", "ba"), Some(1));
        assert_eq!(d("abc", "ca"), Some(3)); // OSA: no edit of a swapped pair
    }

    /// The optimal-string-alignment distance by its definition: the whole table, no band,
    /// no skipped prefix or suffix, no early stop.
    fn reference(a: &[u8], b: &[u8]) -> usize {
        let mut t = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in t.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in t[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut v = (t[i - 1][j] + 1)
                    .min(t[i][j - 1] + 1)
                    .min(t[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(t[i - 2][j - 2] + 1);
                }
                t[i][j] = v;
            }
        }
        t[a.len()][b.len()]
    }

    /// Every pair of strings of up to five characters from a three-letter alphabet, at
    /// every bound: the banded, trimmed, early-stopping computation gives the definition's
    /// distance whenever it is within the bound, and nothing otherwise.
    #[test]
    fn the_fast_distance_is_the_definition() {
        let mut strings: Vec<Vec<u8>> = vec![Vec::new()];
        for len in 1..=5 {
            let mut more = Vec::new();
            for s in strings.iter().filter(|s| s.len() == len - 1) {
                for c in [b'a', b'b', b'c'] {
                    let mut t = s.clone();
                    t.push(c);
                    more.push(t);
                }
            }
            strings.extend(more);
        }
        let mut rows = Rows::default();
        for a in &strings {
            let bits = position_bits(a);
            for b in &strings {
                let want = reference(a, b);
                for max in 0..=3 {
                    let expected = (want <= max).then_some(want);
                    let got = osa(a, b, max, |x, y| x == y, &mut rows, &mut 0);
                    assert_eq!(got, expected, "table: {a:?} {b:?} {max}");
                    let got = near(a, bits.as_ref(), b, max, &mut rows, &mut 0);
                    assert_eq!(got, expected, "bits: {a:?} {b:?} {max}");
                }
            }
        }
    }

    fn position_bits(q: &[u8]) -> Option<PositionBits> {
        (1..=64).contains(&q.len()).then(|| {
            let mut bits: PositionBits = [0; 256];
            for (i, &c) in q.iter().enumerate() {
                bits[usize::from(c)] |= 1 << i;
            }
            bits
        })
    }

    /// Longer strings, up to 64 bytes and beyond, made from each other by a few random
    /// edits: both ways of computing agree with the definition.
    #[test]
    fn long_distances_are_the_definition() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let mut rows = Rows::default();
        for _ in 0..5_000 {
            let len = 1 + next(70) as usize;
            let a: Vec<u8> = (0..len).map(|_| b'a' + next(4) as u8).collect();
            let mut b = a.clone();
            for _ in 0..next(5) {
                let at = next(b.len() as u64 + 1) as usize;
                match next(4) {
                    0 if at < b.len() => {
                        b.remove(at);
                    }
                    1 => b.insert(at, b'a' + next(4) as u8),
                    2 if at < b.len() => b[at] = b'a' + next(4) as u8,
                    _ if at + 1 < b.len() => b.swap(at, at + 1),
                    _ => {}
                }
            }
            let want = reference(&a, &b);
            let bits = position_bits(&a);
            for max in 0..=3 {
                let expected = (want <= max).then_some(want);
                assert_eq!(osa(&a, &b, max, |x, y| x == y, &mut rows, &mut 0), expected);
                assert_eq!(
                    near(&a, bits.as_ref(), &b, max, &mut rows, &mut 0),
                    expected
                );
            }
        }
    }

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
