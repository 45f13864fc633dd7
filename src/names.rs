//! The names suggestions are drawn from, grouped by length and stored folded for a search
//! that reads them in one sweep.

use crate::model::Model;
use crate::provider::Provider;

/// The names of one length (in bytes: catalog names are ASCII), in catalog order, stored
/// ASCII-lowercased end to end so that a search reads them in one sweep and compares bytes
/// as they are: name `k` is `folded[k * len..(k + 1) * len]`, with the set of characters
/// it holds ([`char_set`]), its rank in catalog order and the catalog index of the provider
/// it names (for provider names). The few names not spelled in lowercase keep their
/// spelling apart.
#[derive(Default)]
pub(crate) struct Bucket {
    pub(crate) folded: Vec<u8>,
    pub(crate) sets: Vec<u64>,
    pub(crate) ranks: Vec<u64>,
    pub(crate) owners: Vec<u32>,
    /// (position, spelling) of the names whose spelling is not their folded form.
    pub(crate) spelled: Vec<(usize, Box<str>)>,
}

impl Bucket {
    /// Name `k` as the catalog spells it.
    pub(crate) fn spelling(&self, len: usize, k: usize) -> String {
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
    pub(crate) by_len: Vec<Bucket>,
    /// Bit `n` (of word `n / 64`) set where some name is `n` bytes long.
    lengths: Vec<u64>,
}

impl Names {
    pub(crate) fn push(&mut self, rank: u64, owner: u32, name: &str) {
        let n = name.len();
        if self.by_len.len() <= n {
            self.by_len.resize_with(n + 1, Bucket::default);
        }
        if self.lengths.len() <= n / 64 {
            self.lengths.resize(n / 64 + 1, 0);
        }
        self.lengths[n / 64] |= 1 << (n % 64);
        let b = &mut self.by_len[n];
        if name.bytes().any(|c| c.is_ascii_uppercase()) {
            b.spelled.push((b.ranks.len(), name.into()));
        }
        let start = b.folded.len();
        b.folded
            .extend(name.bytes().map(|c| c.to_ascii_lowercase()));
        b.sets.push(char_set(&b.folded[start..]));
        b.ranks.push(rank);
        b.owners.push(owner);
    }

    /// Whether some name is from `n - radius` to `n + radius` bytes long (and not empty): a
    /// search that reads only names of those lengths finds none here otherwise.
    #[inline]
    pub(crate) fn any_near(&self, n: usize, radius: usize) -> bool {
        let (low, high) = (n.saturating_sub(radius).max(1), n.saturating_add(radius));
        // At most two words: `radius` is far below 64.
        [low / 64, high / 64].iter().any(|&w| {
            let word = self.lengths.get(w).copied().unwrap_or(0);
            let from = if w == low / 64 { low % 64 } else { 0 };
            let to = if w == high / 64 { high % 64 } else { 63 };
            let mask = (u64::MAX >> (63 - to)) & (u64::MAX << from);
            word & mask != 0
        })
    }

    /// The bucket of the names `len` bytes long, if any.
    pub(crate) fn bucket(&self, len: usize) -> Option<&Bucket> {
        self.by_len.get(len).filter(|_| len > 0)
    }

    /// A model's names, ranked by its catalog index: its id, its upstream id where that is
    /// spelled differently, its aliases, its served names.
    pub(crate) fn add_model(&mut self, m: &Model) {
        let rank = u64::from(m.index()) << 32;
        self.push(rank, 0, m.id());
        if m.upstream_id() != m.id() {
            self.push(rank | 1, 0, m.upstream_id());
        }
        for (k, a) in m.aliases().enumerate() {
            self.push(rank | slot(2 + k), 0, a);
        }
        let after = 2 + m.aliases().len();
        for (k, s) in m.served_names().enumerate() {
            self.push(rank | slot(after + k), 0, s.id());
        }
    }

    /// The `k`th alias a run-time catalog declares apart for compiled model `index`: ranked
    /// with that model's names, after its compiled ones (whose places are below 2^31).
    pub(crate) fn add_alias_apart(&mut self, index: u32, k: usize, alias: &str) {
        let rank = u64::from(index) << 32;
        self.push(rank | slot((1 << 31) + k), 0, alias);
    }

    /// A provider's names, ranked by its catalog index: its id, then its aliases.
    pub(crate) fn add_provider(&mut self, p: &Provider) {
        let rank = u64::from(p.index) << 32;
        self.push(rank, p.index, p.id());
        for (k, a) in p.aliases().enumerate() {
            self.push(rank | slot(1 + k), p.index, a);
        }
    }
}

/// The set of characters in `folded` (ASCII-lowercased bytes), one bit per letter, digit
/// and common punctuation, the rarer bytes sharing the other bits.
///
/// A name within `d` edits (insertions, deletions, substitutions, swaps) of another lacks
/// at most `d` of the other's characters, and holds at most `d` it lacks: each edit removes
/// at most one character and brings at most one. Bits shared by several characters only
/// hide differences, so comparing sets never rules out a name within `d`: it rules out, in
/// two instructions, most names that are not.
pub(crate) fn char_set(folded: &[u8]) -> u64 {
    folded.iter().fold(0, |set, &c| {
        let bit = match c {
            b'a'..=b'z' => c - b'a',
            b'0'..=b'9' => 26 + c - b'0',
            b'-' => 36,
            b'.' => 37,
            b'/' => 38,
            b'_' => 39,
            b':' => 40,
            b' ' => 41,
            _ => 42 + c % 22,
        };
        set | 1 << bit
    })
}

/// Whether names with character sets `a` and `b` may be within `d` edits of each other.
#[inline(always)]
pub(crate) fn sets_within(a: u64, b: u64, d: usize) -> bool {
    (a & !b).count_ones() as usize <= d && (b & !a).count_ones() as usize <= d
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
    pub(crate) fn of(&self, kind: NameKind) -> &Names {
        match kind {
            NameKind::Model => &self.models,
            NameKind::Provider => &self.providers,
        }
    }
}

/// What kind of name was not found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameKind {
    Model,
    Provider,
}
