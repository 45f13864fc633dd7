//! The catalog's own perfect hash of names, with ASCII case folded into the hash: the hash
//! and the table layout that model-catalog's build generates (its solver is in
//! `model-catalog-build`) and the library looks names up in. Not the `phf` crate: no key is
//! lowercased before hashing, the hash does it as it reads.
//!
//! Keys are stored ASCII-lowercased. The hash lowercases ASCII letters eight bytes at a time
//! as it reads (no copy of the query, no Unicode tables); any other byte, non-ASCII ones
//! included, is hashed as it is, so `K` (U+212A KELVIN SIGN) never hashes or compares like
//! `k`. A lookup is one hash, one bucket pilot, one slot and one comparison.
//!
//! The layout is hash-and-displace (as in PTHash): keys fall into buckets by the hash's high
//! half; each bucket has a pilot, chosen at build time, that sends its keys to free slots.

use crate::key::{eq_folded, lower8};
use crate::words::{half, short, word};

/// Odd multiplier for mixing seeds and slots (the golden ratio, 2^64 / phi).
const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// The 128-bit product of `x` and `y`, its halves xored: one multiply that mixes every
/// bit of both operands into every bit of the result.
#[inline(always)]
fn fold_mul(x: u64, y: u64) -> u64 {
    let p = u128::from(x) * u128::from(y);
    (p as u64) ^ ((p >> 64) as u64)
}

/// Constants that keep the operands of [`fold_mul`] away from zero (digits of pi).
const S1: u64 = 0x243F_6A88_85A3_08D3;
const S2: u64 = 0x1319_8A2E_0370_7344;
const S3: u64 = 0xA409_3822_299F_31D0;
const S4: u64 = 0x082E_FA98_EC4E_6C89;

/// What hashing a name gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scan {
    /// The hash, ASCII case ignored, under the seed given.
    pub hash: u64,
    /// The name's four words (laid out as the comment below `Scan` tells), ASCII-lowercased.
    /// A slot keeps its key's words, so that comparing a name of up to 32 bytes with a key
    /// is one compare of 32 bytes and of the lengths.
    pub words: [u64; 4],
}

// The words of a name, by length (little-endian, `w(i)` the eight bytes from `i`, `h(i)`
// the four):
// - 0 to 3 bytes: `[z, 0, 0, 0]`, `z` the name zero-padded;
// - 4 to 16 bytes: `[x, y, 0, 0]`, where `x = h(0) | h(o) << 32`,
//   `y = h(n - 4 - o) | h(n - 4) << 32` and `o` is 4 from 8 bytes up, else 0: from 8 bytes
//   up, `x = w(0)` and `y = w(n - 8)`;
// - 17 bytes and more: `[w(0), w(8), w(n - 16), w(n - 8)]`.
// The words hold every byte of a name of up to 32 bytes (overlapping), so equal lengths and
// words mean equal names. Names of 8 to 16 bytes can be read either way; lookups pick the
// order of the tests per call site: provider names are short, model names mostly longer.
//
// Up to 16 bytes the hash is one [`fold_mul`] of the first two words; beyond, the xor of
// that and an independent one of the last two (and of the middle past 32 bytes).

/// The [`Scan`] of a name of up to 16 bytes with (raw) words `x` and `y`.
#[inline(always)]
fn pair(n: usize, (x, y): (u64, u64), seed: u64) -> Scan {
    let (x, y) = (lower8(x), lower8(y));
    Scan {
        hash: fold_mul(x ^ seed ^ S1, y ^ seed.wrapping_mul(K) ^ S2 ^ n as u64),
        words: [x, y, 0, 0],
    }
}

/// The [`Scan`] of a name of more than 16 bytes with (raw) words `w`.
#[inline(always)]
fn quad(bytes: &[u8], w: [u64; 4], seed: u64) -> Scan {
    let n = bytes.len();
    let more = if n > 32 { middle(bytes) } else { 0 };
    let w = [lower8(w[0]), lower8(w[1]), lower8(w[2]), lower8(w[3])];
    Scan {
        hash: fold_mul(
            w[0] ^ seed ^ S1 ^ more,
            w[1] ^ seed.wrapping_mul(K) ^ S2 ^ n as u64,
        ) ^ fold_mul(w[2] ^ seed ^ S3, w[3] ^ seed.rotate_left(32) ^ S4),
        words: w,
    }
}

/// The words `(x, y)` of a name of 4 to 16 bytes: two 8-byte reads from 8 bytes up, else
/// two 4-byte reads, each put in both halves of its word.
#[inline(always)]
fn words_4_16(b: &[u8]) -> (u64, u64) {
    if b.len() >= 8 {
        return words_8_16(b);
    }
    let (x, y) = (half(b, 0), half(b, b.len() - 4));
    (x | x << 32, y | y << 32)
}

/// The words `(x, y)` of a name of 8 to 16 bytes, from two 8-byte reads.
#[inline(always)]
fn words_8_16(b: &[u8]) -> (u64, u64) {
    (word(&b[..8]), word(&b[b.len() - 8..]))
}

/// The words of a name of more than 16 bytes, from four 8-byte reads.
#[inline(always)]
fn words_17_up(b: &[u8]) -> [u64; 4] {
    let n = b.len();
    [
        word(&b[..8]),
        word(&b[8..16]),
        word(&b[n - 16..][..8]),
        word(&b[n - 8..]),
    ]
}

/// The hash of the bytes of a name longer than 32 bytes that its words leave out (16 to
/// `n - 16`), ASCII case ignored.
///
/// Up to 64 bytes (a middle of up to 32 bytes) no loop: the middle's words
/// ([`middle_words`]), read independently, and one [`fold_mul`] per two; beyond, a word at a
/// time ([`middle_loop`]).
#[inline(always)]
fn middle(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    if n > 64 {
        return middle_loop(bytes);
    }
    let [a, b, c, d] = middle_words(bytes);
    let (a, b, c, d) = (lower8(a), lower8(b), lower8(c), lower8(d));
    let first = fold_mul(a ^ S4, b ^ K);
    if n <= 48 {
        return first;
    }
    first ^ fold_mul(c ^ S3, d ^ S1)
}

/// The middle (bytes 16 to `n - 16`) of a name of 33 to 64 bytes as words, overlapping
/// each other or the name's last words: 33 to 48 bytes, `[w(16), w(n - 24), 0, 0]`; 49 to
/// 64, `[w(16), w(24), w(n - 32), w(n - 24)]`. Zeros for other lengths, which callers rule
/// out.
#[inline(always)]
fn middle_words(b: &[u8]) -> [u64; 4] {
    let n = b.len();
    match n {
        33..=48 => [word(&b[16..24]), word(&b[n - 24..n - 16]), 0, 0],
        49..=64 => [
            word(&b[16..24]),
            word(&b[24..32]),
            word(&b[n - 32..n - 24]),
            word(&b[n - 24..n - 16]),
        ],
        _ => [0; 4],
    }
}

/// [`middle`] of a name longer than 64 bytes: a word at a time.
#[inline(never)]
fn middle_loop(bytes: &[u8]) -> u64 {
    let end = bytes.len().saturating_sub(16);
    let mut acc = S4;
    let mut i = 16;
    while i < end {
        // The last read overlaps bytes already hashed, never reaching past `end`.
        let at = i.min(end - 8);
        let w = word(&bytes[at..at + 8]);
        acc = fold_mul(acc ^ lower8(w), K);
        i += 8;
    }
    acc
}

/// Hashes `bytes` under `seed` with ASCII case ignored. `SHORT` puts the test for 4 to 16
/// bytes first.
///
/// No loop up to 64 bytes: the words are read independently and hashed with one
/// [`fold_mul`] (up to 16 bytes) or a few independent ones.
#[inline(always)]
fn walk<const SHORT: bool>(bytes: &[u8], seed: u64) -> Scan {
    let n = bytes.len();
    if SHORT {
        if (4..=16).contains(&n) {
            pair(n, words_4_16(bytes), seed)
        } else if n > 16 {
            quad(bytes, words_17_up(bytes), seed)
        } else {
            pair(n, (short(bytes), 0), seed)
        }
    } else if n > 16 {
        quad(bytes, words_17_up(bytes), seed)
    } else if n >= 8 {
        pair(n, words_8_16(bytes), seed)
    } else if n >= 4 {
        pair(n, words_4_16(bytes), seed)
    } else {
        pair(n, (short(bytes), 0), seed)
    }
}

/// The [`Scan`] of `bytes` under `seed`.
#[inline(always)]
#[must_use]
pub fn scan(bytes: &[u8], seed: u64) -> Scan {
    walk::<false>(bytes, seed)
}

/// [`scan`], testing first for a name of 4 to 16 bytes (for provider names).
#[inline(always)]
#[must_use]
pub fn scan_short(bytes: &[u8], seed: u64) -> Scan {
    walk::<true>(bytes, seed)
}

/// The hash of `bytes` with ASCII case ignored, under `seed`.
#[inline]
#[must_use]
pub fn hash(bytes: &[u8], seed: u64) -> u64 {
    scan(bytes, seed).hash
}

/// Whether `name` and `key` (ASCII-lowercased), longer than 32 bytes, of equal length and
/// equal words ([`matches()`]), agree in the bytes the words leave out (16 to `n - 16`),
/// ASCII case ignored. Up to 64 bytes, independent compares of the middle's words
/// (`middle_words`), in one branch; beyond, a word at a time.
#[inline(always)]
#[must_use]
pub fn middle_eq(name: &[u8], key: &[u8]) -> bool {
    let n = name.len();
    if key.len() != n || n <= 32 {
        return false;
    }
    if n > 64 {
        return eq_folded(&name[16..n - 16], &key[16..n - 16]);
    }
    let ([a, b, c, d], [x, y, z, w]) = (middle_words(name), middle_words(key));
    (lower8(a) ^ x) | (lower8(b) ^ y) | (lower8(c) ^ z) | (lower8(d) ^ w) == 0
}

/// Whether a name of `len` bytes whose [`Scan`] is `scan` has the length and words of a key
/// of `key_len` bytes with words `key_words`. For names of up to 32 bytes, that is whether
/// the name equals the key, ASCII case ignored; longer ones must also agree in their bytes
/// 16 to `len - 16` ([`eq_folded`]).
#[inline(always)]
#[must_use]
pub fn matches(len: usize, scan: &Scan, key_len: usize, key_words: &[u64; 4]) -> bool {
    // Word by word and not short-circuiting: one branch on the whole answer, and no vector
    // load of words just stored one by one (which would stall on store forwarding).
    let [a, b, c, d] = scan.words;
    let [x, y, z, w] = *key_words;
    (len == key_len) & ((a ^ x) | (b ^ y) | (c ^ z) | (d ^ w) == 0)
}

/// The bucket of hash `h` among `buckets`, a power of two: bits 32 and up of the hash.
#[inline(always)]
#[must_use]
pub fn bucket(h: u64, buckets: usize) -> usize {
    ((h >> 32) as usize) & buckets.wrapping_sub(1)
}

/// The slot of hash `h` with its bucket's `pilot`, among `slots`: the low bits of the hash,
/// xored with the pilot, under the mask of the smallest power of two not below `slots`;
/// a value past the last slot wraps around once (it is below twice `slots`).
///
/// No multiply between loading the pilot and loading the slot: a probe's dependent chain is
/// short. Where `slots` is a power of two, known where the table is, the wrap-around
/// compiles to nothing. Xoring moves a bucket's keys together, so keys of one bucket must
/// differ in their low bits; the solver (in `model-catalog-build`) picks a seed under which
/// they do.
#[inline(always)]
#[must_use]
pub fn slot(h: u64, pilot: u16, slots: usize) -> usize {
    let at = ((h ^ u64::from(pilot)) as usize) & slot_mask(slots);
    if at >= slots {
        at - slots
    } else {
        at
    }
}

/// The mask [`slot`] applies for a table of `slots` slots.
#[inline(always)]
#[must_use]
pub const fn slot_mask(slots: usize) -> usize {
    slots.next_power_of_two().wrapping_sub(1)
}

// Prefix marks: a small bitmap that tells whether some model key may begin with a given
// part and separator (`meta-llama/`), so that `provider/model` inputs look up the whole
// string only when it may be a model key, without first probing the prefix table. A set
// bit may be a false alarm (the whole string is then looked up for nothing); a clear bit
// never is.

/// The smallest number of `u32` words of a marks bitmap, once any key is marked.
const MIN_MARK_WORDS: usize = 2;

/// The number of `u32` words of a marks bitmap for `prefixes` distinct parts and separators:
/// a power of two, about 32 bits per part (a clear bit for about 97% of other parts), none
/// for none.
#[must_use]
pub fn mark_words(prefixes: usize) -> usize {
    if prefixes == 0 {
        0
    } else {
        prefixes.next_power_of_two().max(MIN_MARK_WORDS)
    }
}

/// The mark of the part of `name` before its first separator, at `at`, with that
/// separator: from the part's length, the separator and up to its first eight bytes, ASCII
/// case ignored (one load, one multiply). Parts that differ only past their eighth byte
/// share a mark. One mark serves bitmaps of any size ([`is_marked`]).
#[inline(always)]
#[must_use]
pub fn mark_of(name: &[u8], at: usize) -> u64 {
    let first = match name.get(..8) {
        Some(w) => word(w),
        None => short(name),
    };
    let kept = if at >= 8 {
        u64::MAX
    } else {
        (1 << (8 * at)) - 1
    };
    let separator = name.get(at).copied().unwrap_or(0);
    // The length and the separator in the high bytes, where parts of up to six bytes (most
    // provider names) have none of their own.
    let tag = ((at as u64) << 8 | u64::from(separator)) << 48;
    (lower8(first & kept) ^ tag ^ S1).wrapping_mul(K)
}

/// The bit of `mark` among `bits` (a power of two): the mark's high bits, which mix every
/// bit of the product's operands.
#[inline(always)]
fn mark_bit(mark: u64, bits: usize) -> usize {
    (mark >> (64 - bits.trailing_zeros().min(63))) as usize & bits.wrapping_sub(1)
}

/// Marks in `marks` (of [`mark_words`] words) that some key begins as `key` does: its part
/// before the separator at `at`, and that separator.
pub fn mark(marks: &mut [u32], key: &[u8], at: usize) {
    let b = mark_bit(mark_of(key, at), marks.len() * 32);
    if let Some(w) = marks.get_mut(b / 32) {
        *w |= 1 << (b % 32);
    }
}

/// Whether `marks` may hold a key whose [`mark_of`] is `mark`: never `false` when [`mark`]
/// marked one; `false` for an empty bitmap.
#[inline(always)]
#[must_use]
pub fn is_marked(marks: &[u32], mark: u64) -> bool {
    if marks.is_empty() {
        return false;
    }
    let b = mark_bit(mark, marks.len() * 32);
    marks.get(b / 32).is_some_and(|w| w & (1 << (b % 32)) != 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::first_separator;

    /// What a lookup decides: lengths and words, and the middle of longer names.
    fn same(name: &[u8], key: &[u8]) -> bool {
        let n = name.len();
        matches(n, &scan(name, 1), key.len(), &scan(key, 0).words)
            && (n <= 32 || middle_eq(name, key))
    }

    #[test]
    fn eq_folded_at_every_length_and_position() {
        let base: Vec<u8> = (0..70).map(|i| b'a' + (i % 26) as u8).collect();
        for n in 0..=base.len() {
            let key = &base[..n];
            let upper: Vec<u8> = key.to_ascii_uppercase();
            assert!(eq_folded(&upper, key), "{n}");
            assert!(same(&upper, key), "{n}");
            assert_eq!(hash(&upper, 1), hash(key, 1), "{n}");
            for at in 0..n {
                let mut other = upper.clone();
                other[at] = b'#';
                assert!(!eq_folded(&other, key), "{n} {at}");
                assert!(!same(&other, key), "{n} {at}");
                // Up to 32 bytes the words alone tell every byte.
                if n <= 32 {
                    assert_ne!(scan(&other, 1).words, scan(key, 1).words, "{n} {at}");
                }
            }
            // A prefix or an extension never matches, even where words agree.
            if n > 0 {
                let shorter = &upper[..n - 1];
                assert!(!same(shorter, key), "{n}");
            }
            let mut longer = upper.clone();
            longer.push(0);
            assert!(!same(&longer, key), "{n}");
        }
    }

    /// A separator anywhere in a long name is found (the resolver searches for it beside
    /// the hash), and any change to a byte changes the hash: in the words, and in the middle
    /// of a name longer than 32 bytes, read in two or four words up to 64 bytes and a word
    /// at a time beyond.
    #[test]
    fn long_names_find_a_separator_anywhere_and_hash_every_byte() {
        for n in 17..=80 {
            let name: Vec<u8> = (0..n).map(|i| b'a' + (i * 5 % 26) as u8).collect();
            for at in 0..n {
                for sep in [b':', b'/'] {
                    let mut with = name.clone();
                    with[at] = sep;
                    assert_eq!(first_separator(&with), Some(at), "{n} {at}");
                }
                let mut other = name.clone();
                other[at] = b'#';
                assert_ne!(scan(&other, 3).hash, scan(&name, 3).hash, "{n} {at}");
            }
        }
    }

    #[test]
    fn both_reading_orders_agree_at_every_length() {
        for n in 0..=80 {
            let name: Vec<u8> = (0..n).map(|i| b'A' + (i * 7 % 26) as u8).collect();
            for seed in [0, 1, 977] {
                assert_eq!(scan_short(&name, seed), scan(&name, seed), "{n} {seed}");
            }
        }
    }

    #[test]
    fn marks_never_rule_out_a_marked_part_in_any_case() {
        // Parts of every length up to 20, before either separator, with or without more.
        let mut keys = Vec::new();
        for n in 0..=20 {
            for tail in [":", "/", "/x", ":Llama-3.3-70B/instruct"] {
                keys.push(format!("{}{tail}", &"Ab9-".repeat(6)[..n]));
            }
        }
        for count in [1, 3, 100] {
            let mut marks = vec![0; mark_words(count)];
            assert!(marks.len().is_power_of_two() && marks.len() >= MIN_MARK_WORDS);
            for k in &keys {
                let at = first_separator(k.as_bytes()).expect("a separator");
                mark(&mut marks, k.to_ascii_lowercase().as_bytes(), at);
            }
            for k in &keys {
                let at = first_separator(k.as_bytes()).expect("a separator");
                assert!(is_marked(&marks, mark_of(k.as_bytes(), at)), "{k}");
                let upper = k.to_ascii_uppercase();
                assert!(is_marked(&marks, mark_of(upper.as_bytes(), at)), "{k}");
                // What follows the separator does not count.
                let other = format!("{}other", &k[..=at]);
                assert!(is_marked(&marks, mark_of(other.as_bytes(), at)), "{k}");
            }
        }
        // Nothing marked: nothing may begin a key.
        assert!(!is_marked(&[], mark_of(b"openai/gpt-4o", 6)));
        assert_eq!(mark_words(0), 0);
        // The separator and the length count: a part marked with one separator rules out most
        // other forms of it (fixed inputs in a bitmap of 64 bits).
        let mut marks = vec![0; mark_words(1)];
        mark(&mut marks, b"meta-llama/llama-3", 10);
        let others: [(&[u8], usize); 4] = [
            (b"meta-llama:llama-3", 10),
            (b"meta-llam/llama-3", 9),
            (b"meta-llamaa/llama-3", 11),
            (b"meta/llama-3", 4),
        ];
        let clear = others
            .iter()
            .filter(|(k, at)| !is_marked(&marks, mark_of(k, *at)))
            .count();
        assert!(clear >= 3, "{clear}");
        // Not Unicode folding: KELVIN SIGN is no `k`.
        let mut marks = vec![0; 1 << 10];
        mark(&mut marks, b"kimi/k2", 4);
        assert!(is_marked(&marks, mark_of(b"KIMI/K2", 4)));
        assert!(!is_marked(&marks, mark_of("\u{212A}imi/k2".as_bytes(), 6)));
        assert!(!is_marked(&marks, mark_of("\u{212A}im/k2".as_bytes(), 5)));
    }

    #[test]
    fn hash_and_eq_ignore_ascii_case_only() {
        for s in [
            "gpt-4o",
            "GPT-5 mini",
            "meta-llama/llama-3.3-70b-versatile",
            "",
            "abcdefgh",
            "abcdefghi",
        ] {
            let lower = s.to_ascii_lowercase();
            let upper = s.to_ascii_uppercase();
            assert_eq!(hash(upper.as_bytes(), 7), hash(lower.as_bytes(), 7), "{s}");
            assert!(eq_folded(upper.as_bytes(), lower.as_bytes()), "{s}");
        }
        // Lengths and trailing zeros matter.
        assert_ne!(hash(b"ab", 0), hash(b"ab\0", 0));
        assert!(!eq_folded(b"ab", b"ab\0"));
        // Not Unicode folding: KELVIN SIGN is not k, Cyrillic o is not o.
        assert!(!eq_folded("\u{212A}imi".as_bytes(), b"kimi"));
        assert!(!eq_folded("gpt-4\u{43e}".as_bytes(), "gpt-4o".as_bytes()));
        // Only A-Z fold: '@' and '[' stay apart from '`' and '{'.
        assert!(!eq_folded(b"@", b"`"));
        assert!(!eq_folded(b"[", b"{"));
    }
}
