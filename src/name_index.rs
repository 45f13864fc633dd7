//! [`NameIndex`]: a run-time catalog's own table of names, looked up as the compiled tables
//! are: one pass of the crate's folded hash over the name (ASCII case folded as it reads),
//! one slot, one comparison of lengths and words. Its keys are kept in one arena.
//!
//! Keys come from untrusted documents, so the table resists names chosen to collide:
//!
//! - each table hashes under its own seed, drawn at random when it is built, so which names
//!   collide cannot be known in advance;
//! - names longer than 32 bytes also hash their middle under that seed (the folded hash
//!   hashes it without one, so middles can be made to collide whatever the seed);
//! - slots are probed linearly at a load of at most one half, and a build whose longest
//!   probe passes [`LONGEST_PROBE`] draws a new seed (a few times at most: the table stays
//!   correct whatever happens, only slower).
//!
//! A name may be entered once per scope: [`GLOBAL`] for names of the whole catalog, or a
//! provider's index for names reachable only through that provider.

use crate::data::folded_hash::{self, Scan};
use crate::data::key::{eq_folded, lower8};
use crate::data::words::word;
use std::hash::{BuildHasher, RandomState};

/// The scope of names of the whole catalog.
pub(crate) const GLOBAL: u32 = u32::MAX;

/// A build whose longest probe is longer than this draws a new seed.
const LONGEST_PROBE: usize = 64;

/// How many seeds a build tries before keeping the last table.
const SEEDS: usize = 4;

/// Odd multiplier (the golden ratio, 2^64 / phi).
const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// The 128-bit product of `x` and `y`, its halves xored.
#[inline(always)]
fn fold_mul(x: u64, y: u64) -> u64 {
    let p = u128::from(x) * u128::from(y);
    (p as u64) ^ ((p >> 64) as u64)
}

/// One key: its words and length (compared first, as the compiled tables do), its scope,
/// where its folded bytes are in the arena, and its value.
struct Entry<V> {
    words: [u64; 4],
    len: u32,
    scope: u32,
    start: u32,
    value: V,
}

/// A table of folded names, each with a scope and a value.
pub(crate) struct NameIndex<V> {
    seed: u64,
    /// `(tag << 32) | (entry + 1)`, 0 when empty; the tag is the high half of the hash.
    slots: Box<[u64]>,
    entries: Vec<Entry<V>>,
    /// Every key's folded bytes, end to end.
    arena: String,
    /// The lengths of the keys: bit `n` for length `n` below 63, bit 63 for every longer
    /// one. A name of another length is not looked up.
    lengths: u64,
}

/// A name length's bit in [`NameIndex::lengths`].
#[inline(always)]
fn length_bit(n: usize) -> u64 {
    1 << n.min(63)
}

impl<V> Default for NameIndex<V> {
    fn default() -> NameIndex<V> {
        NameIndex {
            seed: 0,
            slots: Box::new([]),
            entries: Vec::new(),
            arena: String::new(),
            lengths: 0,
        }
    }
}

/// A seed no one can know in advance: std's randomly keyed hasher, fresh for each call.
fn random_seed() -> u64 {
    RandomState::new().hash_one(0x5EED_u64)
}

/// The hash of the bytes of a name longer than 32 bytes that its words leave out (16 to
/// `n - 16`), ASCII case ignored, under `seed`.
#[inline(never)]
fn middle(bytes: &[u8], seed: u64) -> u64 {
    let end = bytes.len().saturating_sub(16);
    let mut acc = seed;
    let mut i = 16;
    while i < end {
        let at = i.min(end - 8);
        acc = fold_mul(acc ^ lower8(word(&bytes[at..at + 8])), K);
        i += 8;
    }
    acc
}

impl<V> NameIndex<V> {
    /// A table of `keys`: (folded name, scope, value), each (name, scope) at most once.
    /// Names longer than [`MAX_INPUT_LEN`](crate::data::key::MAX_INPUT_LEN) are left out (no
    /// lookup could reach them).
    pub(crate) fn new<S: AsRef<str>>(keys: impl IntoIterator<Item = (S, u32, V)>) -> NameIndex<V> {
        // The keys (a vector, from the callers: collected in place) are counted first, so
        // that the entries and the arena are allocated once, at their size: grown by
        // doubling, they took twice the memory, fresh pages each time.
        let keys: Vec<(S, u32, V)> = keys.into_iter().collect();
        let kept = |name: &str| !name.is_empty() && name.len() <= crate::data::key::MAX_INPUT_LEN;
        let bytes = keys
            .iter()
            .map(|(name, _, _)| name.as_ref())
            .filter(|name| kept(name))
            .map(str::len)
            .sum();
        let mut arena = String::with_capacity(bytes);
        let mut entries = Vec::with_capacity(keys.len());
        let mut lengths = 0;
        for (name, scope, value) in keys {
            let name = name.as_ref();
            let (Ok(len), Ok(start)) = (u32::try_from(name.len()), u32::try_from(arena.len()))
            else {
                continue;
            };
            if !kept(name) {
                continue;
            }
            arena.push_str(name);
            lengths |= length_bit(name.len());
            entries.push(Entry {
                words: [0; 4],
                len,
                scope,
                start,
                value,
            });
        }
        entries.shrink_to_fit();
        arena.shrink_to_fit();
        let mut table = NameIndex {
            seed: 0,
            slots: Box::new([]),
            entries,
            arena,
            lengths,
        };
        for _ in 0..SEEDS {
            if table.fill(random_seed()) <= LONGEST_PROBE {
                break;
            }
        }
        table.keep_long_keys_only();
        table
    }

    /// Drops from the arena the keys of up to 32 bytes, which their words hold whole: once
    /// the slots are filled, only longer keys are read again (their middles).
    fn keep_long_keys_only(&mut self) {
        let bytes = self
            .entries
            .iter()
            .filter(|e| e.len > 32)
            .map(|e| e.len as usize)
            .sum();
        let mut long = String::with_capacity(bytes);
        for e in &mut self.entries {
            if e.len > 32 {
                let key = self
                    .arena
                    .get(e.start as usize..(e.start + e.len) as usize)
                    .unwrap_or_default();
                // Shorter than the arena it comes from, which `u32` numbered.
                e.start = long.len() as u32;
                long.push_str(key);
            }
        }
        self.arena = long;
    }

    /// Whether some key has the length of `name` (else [`get`](NameIndex::get) finds
    /// nothing, in any scope): one test, no hashing.
    #[inline(always)]
    pub(crate) fn may_hold(&self, name: &str) -> bool {
        self.lengths & length_bit(name.len()) != 0
    }

    /// How many keys it holds.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Fills the slots under `seed`; returns the longest probe.
    fn fill(&mut self, seed: u64) -> usize {
        self.seed = seed;
        let size = (self.entries.len() * 2).next_power_of_two().max(8);
        let mut slots = vec![0u64; size].into_boxed_slice();
        let mask = size - 1;
        let mut longest = 0;
        for k in 0..self.entries.len() {
            let e = &self.entries[k];
            let key = &self.arena.as_bytes()[e.start as usize..][..e.len as usize];
            let scan = folded_hash::scan(key, seed);
            let h = self.hash(key, e.scope, &scan);
            let mut at = h as usize & mask;
            let mut probe = 0;
            while slots[at] != 0 {
                at = (at + 1) & mask;
                probe += 1;
            }
            longest = longest.max(probe);
            slots[at] = (h >> 32 << 32) | (k as u64 + 1);
            self.entries[k].words = scan.words;
        }
        self.slots = slots;
        longest
    }

    /// The hash of `name` (whose scan is `scan`) in `scope`.
    #[inline(always)]
    fn hash(&self, name: &[u8], scope: u32, scan: &Scan) -> u64 {
        let mut h = scan.hash;
        if scope != GLOBAL {
            h ^= fold_mul(u64::from(scope) ^ self.seed, K);
        }
        if name.len() > 32 {
            h ^= middle(name, self.seed);
        }
        h
    }

    /// The value of `name` (any ASCII case) in `scope`.
    #[inline]
    pub(crate) fn get(&self, name: &str, scope: u32) -> Option<&V> {
        let bytes = name.as_bytes();
        let n = bytes.len();
        // No key of this length (an empty table has none of any length).
        if self.lengths & length_bit(n) == 0 || n == 0 {
            return None;
        }
        let scan = folded_hash::scan(bytes, self.seed);
        let h = self.hash(bytes, scope, &scan);
        let mask = self.slots.len() - 1;
        let tag = h >> 32 << 32;
        let mut at = h as usize & mask;
        loop {
            let s = *self.slots.get(at)?;
            if s == 0 {
                return None;
            }
            if s >> 32 << 32 == tag {
                let e = self.entries.get((s as u32 as usize).wrapping_sub(1))?;
                if folded_hash::matches(n, &scan, e.len as usize, &e.words)
                    && e.scope == scope
                    && (n <= 32 || self.middle_matches(bytes, e))
                {
                    return Some(&e.value);
                }
            }
            at = (at + 1) & mask;
        }
    }

    /// Whether `name`, longer than 32 bytes and of `e`'s length, agrees with `e`'s key in
    /// the bytes its words leave out.
    #[cold]
    fn middle_matches(&self, name: &[u8], e: &Entry<V>) -> bool {
        let n = name.len();
        let key = self
            .arena
            .as_bytes()
            .get(e.start as usize..e.start as usize + n)
            .unwrap_or_default();
        key.len() == n && eq_folded(&name[16..n - 16], &key[16..n - 16])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(names: &[&str]) -> NameIndex<usize> {
        NameIndex::new(
            names
                .iter()
                .enumerate()
                .map(|(i, n)| (n.to_ascii_lowercase(), GLOBAL, i)),
        )
    }

    #[test]
    fn names_are_found_in_any_ascii_case_and_nothing_else_is() {
        let long = "a-model-name-that-is-kept-much-longer-than-thirty-two-bytes";
        let t = table(&["gpt-4o", "x", long, "meta-llama/llama-3.3-70b"]);
        assert_eq!(t.get("GPT-4O", GLOBAL), Some(&0));
        assert_eq!(t.get("x", GLOBAL), Some(&1));
        assert_eq!(t.get(&long.to_ascii_uppercase(), GLOBAL), Some(&2));
        assert_eq!(t.get("Meta-Llama/Llama-3.3-70B", GLOBAL), Some(&3));
        assert_eq!(t.get("gpt-4o ", GLOBAL), None);
        assert_eq!(t.get("gpt-4", GLOBAL), None);
        assert_eq!(t.get("", GLOBAL), None);
        // Not Unicode folding: KELVIN SIGN is not k, and a Cyrillic o is not o.
        assert_eq!(t.get("gpt-4\u{43e}", GLOBAL), None);
        let kelvin = long.replacen('k', "\u{212A}", 1);
        assert_ne!(kelvin, long);
        assert_eq!(t.get(&kelvin, GLOBAL), None);
        // A change in the middle of a long name, which its words leave out.
        let bent = long.replacen("than", "thon", 1);
        assert_eq!(bent.len(), long.len());
        assert_eq!(t.get(&bent, GLOBAL), None);
        // Scoped lookups do not see global names.
        assert_eq!(t.get("gpt-4o", 3), None);
        // Lengths no key has, below and beyond the last bit of the length set.
        assert_eq!(t.get("gpt-4o-", GLOBAL), None);
        assert_eq!(t.get(&"x".repeat(300), GLOBAL), None);
        // Keys of 63 bytes and more share one bit of the length set.
        let (a, b) = ("m".repeat(63), "n".repeat(100));
        let t = table(&[&a, &b]);
        assert_eq!(t.get(&a.to_ascii_uppercase(), GLOBAL), Some(&0));
        assert_eq!(t.get(&b, GLOBAL), Some(&1));
        assert_eq!(t.get(&"n".repeat(99), GLOBAL), None);
    }

    /// A key of every length from 17 to 80 bytes is found in any case, and a name that
    /// differs from it in one byte, wherever, is not: in its words or in its middle.
    #[test]
    fn a_byte_anywhere_in_a_long_name_tells_it_apart() {
        let keys: Vec<String> = (17..=80)
            .map(|n| {
                (0..n)
                    .map(|i| char::from(b'a' + (i * 7 % 26) as u8))
                    .collect()
            })
            .collect();
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let t = table(&refs);
        for (k, key) in keys.iter().enumerate() {
            assert_eq!(t.get(&key.to_ascii_uppercase(), GLOBAL), Some(&k), "{key}");
            for at in 0..key.len() {
                let mut bent = key.clone().into_bytes();
                bent[at] = b'#';
                let bent = String::from_utf8(bent).expect("ASCII");
                assert_eq!(t.get(&bent, GLOBAL), None, "{bent}");
            }
        }
    }

    #[test]
    fn scopes_keep_one_name_apart() {
        let t = NameIndex::new([
            ("google/gemma".to_owned(), 7, "seven"),
            ("google/gemma".to_owned(), 9, "nine"),
            ("google/gemma".to_owned(), GLOBAL, "global"),
        ]);
        assert_eq!(t.get("Google/Gemma", 7), Some(&"seven"));
        assert_eq!(t.get("google/gemma", 9), Some(&"nine"));
        assert_eq!(t.get("google/gemma", GLOBAL), Some(&"global"));
        assert_eq!(t.get("google/gemma", 8), None);
        assert_eq!(t.len(), 3);
    }

    #[test]
    fn an_empty_table_finds_nothing() {
        let t: NameIndex<u8> = NameIndex::new(Vec::<(String, u32, u8)>::new());
        assert_eq!(t.get("gpt-4o", GLOBAL), None);
        assert_eq!(NameIndex::<u8>::default().get("a", GLOBAL), None);
    }

    /// Long names that share their first and last 16 bytes and whose middles the folded
    /// hash hashes alike whatever its seed: the second word of the middle cancels the
    /// difference the first makes (names of 72 bytes, whose middle the folded hash takes a
    /// word at a time). Under the compiled tables' hash they all collide; here each is
    /// found.
    #[test]
    fn names_made_to_collide_in_the_folded_hash_are_found() {
        // The folded hash's middle past 64 bytes: from a fixed start, each word xored in and
        // multiplied.
        const S4: u64 = 0x082E_FA98_EC4E_6C89;
        let step = |acc: u64, w: u64| fold_mul(acc ^ w, K);
        let ok = |w: u64| {
            w.to_le_bytes()
                .iter()
                .all(|b| (b'!'..=b'~').contains(b) && !b.is_ascii_uppercase())
        };
        let alphabet: Vec<u8> = (b'!'..=b'~').filter(|b| !b.is_ascii_uppercase()).collect();
        let w1_of = |mut k: usize| {
            let mut w = [b'a'; 8];
            for b in &mut w {
                *b = alphabet[k % alphabet.len()];
                k /= alphabet.len();
            }
            u64::from_le_bytes(w)
        };
        let cancel = step(S4, w1_of(0)) ^ u64::from_le_bytes(*b"mmmmmmmm");
        let (head, tail) = ("h".repeat(16), "t".repeat(16));
        let mut names = Vec::new();
        let mut k = 0;
        while names.len() < 100 {
            let w1 = w1_of(k);
            let w2 = cancel ^ step(S4, w1);
            k += 1;
            if ok(w2) {
                let mid: Vec<u8> = w1
                    .to_le_bytes()
                    .into_iter()
                    .chain(w2.to_le_bytes())
                    .collect();
                // The same 24 bytes after the two words keep the hashes equal.
                names.push(format!(
                    "{head}{}{}{tail}",
                    String::from_utf8(mid).expect("ASCII"),
                    "f".repeat(24)
                ));
            }
        }
        // The folded hash gives them one value under any seed.
        for seed in [0, 1, 0xDEAD_BEEF] {
            let h = folded_hash::hash(names[0].as_bytes(), seed);
            assert!(names
                .iter()
                .all(|n| folded_hash::hash(n.as_bytes(), seed) == h));
        }
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let t = table(&refs);
        for (i, n) in names.iter().enumerate() {
            assert_eq!(t.get(&n.to_ascii_uppercase(), GLOBAL), Some(&i), "{n}");
        }
        // Under the table's own seed they spread: no probe is longer than the bound.
        let mut longest = 0;
        let mask = t.slots.len() - 1;
        for (i, n) in names.iter().enumerate() {
            let scan = folded_hash::scan(n.as_bytes(), t.seed);
            let mut at = t.hash(n.as_bytes(), GLOBAL, &scan) as usize & mask;
            let mut probe = 0;
            while t.slots[at] & 0xFFFF_FFFF != 0 && t.get(n, GLOBAL).is_some() {
                // Entry `i` holds name `i`: keys are entered in the order given.
                if (t.slots[at] as u32 - 1) as usize == i {
                    break;
                }
                at = (at + 1) & mask;
                probe += 1;
            }
            longest = longest.max(probe);
        }
        assert!(longest <= LONGEST_PROBE, "{longest}");
    }
}
