//! The catalog's perfect hash: an ASCII-case-folding hash and the table layout that build.rs
//! generates and the crate looks names up in.
//!
//! Keys are stored ASCII-lowercased. The hash lowercases ASCII letters eight bytes at a time
//! as it reads (no copy of the query, no Unicode tables); any other byte, non-ASCII ones
//! included, is hashed as it is, so `K` (U+212A KELVIN SIGN) never hashes or compares like
//! `k`. A lookup is one hash, one bucket pilot, one slot and one comparison.
//!
//! The layout is hash-and-displace (as in PTHash): keys fall into buckets by the hash's high
//! half; each bucket has a pilot, chosen at build time, that sends its keys to free slots.

/// Multiplier of the hash's rounds (the golden ratio, 2^64 / phi).
const K: u64 = 0x9E37_79B9_7F4A_7C15;
/// Multiplier for pilots.
const P: u64 = 0xD6E8_FEB8_6659_FD93;

const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// ASCII-lowercases the eight bytes of `w` at once: bytes `A`-`Z` gain 0x20; every other
/// byte, including those of multi-byte UTF-8 sequences (high bit set), is unchanged.
#[inline(always)]
pub const fn lower8(w: u64) -> u64 {
    let low = w & LOW7;
    // Per byte, low + 0x3F sets the high bit from 'A' (0x41) up; low + 0x25 from '[' (0x5B)
    // up. Neither sum carries into the next byte (0x7F + 0x3F < 0x100).
    let from_a = low.wrapping_add(0x3F3F_3F3F_3F3F_3F3F);
    let past_z = low.wrapping_add(0x2525_2525_2525_2525);
    let upper = from_a & !past_z & !w & HIGH;
    w | (upper >> 2)
}

/// Eight bytes as a little-endian word.
#[inline(always)]
fn word(b: &[u8]) -> u64 {
    // Only ever called on chunks of exactly eight bytes.
    <[u8; 8]>::try_from(b).map_or(0, u64::from_le_bytes)
}

/// Up to eight bytes as a zero-padded little-endian word, read with at most two small loads
/// instead of a byte loop or a `memcpy` call.
#[inline(always)]
fn short(b: &[u8]) -> u64 {
    let n = b.len();
    match n {
        8 => word(b),
        4..=7 => {
            // Two overlapping 4-byte reads; the overlapped bytes are ORed with themselves.
            let lo = u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
            let hi = u64::from(u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]));
            lo | hi << ((n - 4) * 8)
        }
        1..=3 => {
            u64::from(b[0])
                | u64::from(b[n / 2]) << (n / 2 * 8)
                | u64::from(b[n - 1]) << ((n - 1) * 8)
        }
        _ => 0,
    }
}

/// One round: FxHash's rotate, xor and multiply.
#[inline(always)]
fn round(h: u64, w: u64) -> u64 {
    (h.rotate_left(5) ^ w).wrapping_mul(K)
}

/// Marks, in the high bit of each byte, the bytes of `w` equal to `:` or `/`. A borrow can
/// only add marks after a byte that really matches, so the lowest mark is exact.
#[inline(always)]
fn separator_marks(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let zeros = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    zeros(w ^ (ONES * u64::from(b':'))) | zeros(w ^ (ONES * u64::from(b'/')))
}

/// When `SCAN`, records in `found` the first `:` and `/` of word `w`, which starts at byte
/// `at`, unless found earlier.
#[inline(always)]
fn see<const SCAN: bool>(found: &mut (Option<usize>, Option<usize>), w: u64, at: usize) {
    if SCAN && separator_marks(w) != 0 {
        // Rare: separators are few. Find each exactly in this word; keep the first.
        for (i, b) in w.to_le_bytes().into_iter().enumerate() {
            match b {
                b':' if found.0.is_none() => found.0 = Some(at + i),
                b'/' if found.1.is_none() => found.1 = Some(at + i),
                _ => {}
            }
        }
    }
}

/// Hashes `bytes` under `seed` with ASCII case ignored and, when `SCAN`, also finds the
/// first `:` and the first `/`, in the same pass.
///
/// Words are read eight bytes at a time; the last word of a string longer than eight bytes
/// is its last eight bytes (overlapping the previous word), so no string needs a byte loop.
#[inline(always)]
fn walk<const SCAN: bool>(bytes: &[u8], seed: u64) -> (u64, Option<usize>, Option<usize>) {
    let n = bytes.len();
    let mut h = round(seed, n as u64);
    let mut found: (Option<usize>, Option<usize>) = (None, None);
    if n <= 8 {
        let w = short(bytes);
        see::<SCAN>(&mut found, w, 0);
        h = round(h, lower8(w));
    } else {
        let mut i = 0;
        while i + 8 < n {
            let w = word(&bytes[i..i + 8]);
            see::<SCAN>(&mut found, w, i);
            h = round(h, lower8(w));
            i += 8;
        }
        // Overlaps the previous word; a separator seen again is later than the one kept.
        let w = word(&bytes[n - 8..]);
        see::<SCAN>(&mut found, w, n - 8);
        h = round(h, lower8(w));
    }
    // Spread the low bits into the high half, which picks the bucket.
    ((h ^ (h >> 29)).wrapping_mul(K), found.0, found.1)
}

/// The hash of `bytes` with ASCII case ignored, under `seed`.
#[inline]
pub fn hash(bytes: &[u8], seed: u64) -> u64 {
    walk::<false>(bytes, seed).0
}

/// [`hash`], and the positions of the first `:` and the first `/`, in one pass.
#[inline]
pub fn hash_and_separators(bytes: &[u8], seed: u64) -> (u64, Option<usize>, Option<usize>) {
    walk::<true>(bytes, seed)
}

/// Whether `query`, in any ASCII case, equals `key`, which is ASCII-lowercased.
#[inline]
pub fn eq_folded(query: &[u8], key: &[u8]) -> bool {
    let n = query.len();
    if n != key.len() {
        return false;
    }
    if n <= 8 {
        return lower8(short(query)) == short(key);
    }
    let mut i = 0;
    while i + 8 < n {
        if lower8(word(&query[i..i + 8])) != word(&key[i..i + 8]) {
            return false;
        }
        i += 8;
    }
    lower8(word(&query[n - 8..])) == word(&key[n - 8..])
}

/// `x` scaled into `0..n` (Lemire's multiply-shift), for 32-bit `x`.
#[inline(always)]
fn reduce(x: u64, n: usize) -> usize {
    (((x & 0xFFFF_FFFF) * n as u64) >> 32) as usize
}

/// The bucket of hash `h` among `buckets`.
#[inline(always)]
pub fn bucket(h: u64, buckets: usize) -> usize {
    reduce(h >> 32, buckets)
}

/// The slot of hash `h` with its bucket's `pilot`, among `slots`.
#[inline(always)]
pub fn slot(h: u64, pilot: u16, slots: usize) -> usize {
    let x = (h ^ u64::from(pilot).wrapping_mul(P)).wrapping_mul(K);
    reduce(x >> 32, slots)
}

/// A solved table (used by the code generator only): the seed, a pilot per bucket, and for each slot the index of the key in
/// the input (or `None` for an empty slot).
#[cfg_attr(not(test), allow(dead_code))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Solution {
    /// The hash seed.
    pub seed: u64,
    /// One pilot per bucket.
    pub pilots: Vec<u16>,
    /// One entry per slot: the index of the key placed there.
    pub slots: Vec<Option<usize>>,
}

/// Finds a perfect hash for `keys` (ASCII-lowercased and distinct): deterministic, the same
/// keys always give the same solution. Average bucket size 4, load factor about 0.85.
///
/// Returns `None` only if no seed among the first thousand works, which for distinct keys
/// does not happen in practice.
#[cfg_attr(not(test), allow(dead_code))]
pub fn solve(keys: &[&str]) -> Option<Solution> {
    let n = keys.len();
    let buckets = n.div_ceil(4).max(1);
    let slots = (n + n / 6).max(1);
    'seeds: for seed in 0..1000u64 {
        let hashes: Vec<u64> = keys.iter().map(|k| hash(k.as_bytes(), seed)).collect();
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); buckets];
        for (i, &h) in hashes.iter().enumerate() {
            members[bucket(h, buckets)].push(i);
        }
        // Largest buckets first; ties by bucket number, for determinism.
        let mut order: Vec<usize> = (0..buckets).collect();
        order.sort_by_key(|&b| (std::cmp::Reverse(members[b].len()), b));
        let mut pilots = vec![0u16; buckets];
        let mut taken: Vec<Option<usize>> = vec![None; slots];
        let mut tried: Vec<usize> = Vec::new();
        for b in order {
            if members[b].is_empty() {
                break;
            }
            let placed = (0..=u16::MAX).find(|&pilot| {
                tried.clear();
                for &i in &members[b] {
                    let s = slot(hashes[i], pilot, slots);
                    if taken[s].is_some() || tried.contains(&s) {
                        return false;
                    }
                    tried.push(s);
                }
                true
            });
            let Some(pilot) = placed else { continue 'seeds };
            pilots[b] = pilot;
            for &i in &members[b] {
                taken[slot(hashes[i], pilot, slots)] = Some(i);
            }
        }
        return Some(Solution {
            seed,
            pilots,
            slots: taken,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower8_is_ascii_lowercasing() {
        for b in 0u8..=255 {
            let w = u64::from_le_bytes([b, b'A', b'z', b'@', b'[', 0x80 | b'A', b'Z', 0xC3]);
            let want = u64::from_le_bytes([
                b.to_ascii_lowercase(),
                b'a',
                b'z',
                b'@',
                b'[',
                0x80 | b'A',
                b'z',
                0xC3,
            ]);
            assert_eq!(lower8(w), want, "{b:#x}");
        }
    }

    #[test]
    fn short_reads_up_to_eight_bytes_exactly() {
        for n in 0..=8 {
            let b: Vec<u8> = (1..=n as u8).collect();
            let mut want = [0u8; 8];
            want[..n].copy_from_slice(&b);
            assert_eq!(short(&b), u64::from_le_bytes(want), "{n}");
        }
    }

    #[test]
    fn eq_folded_at_every_length_and_position() {
        let base: Vec<u8> = (0..40).map(|i| b'a' + (i % 26) as u8).collect();
        for n in 0..=base.len() {
            let key = &base[..n];
            let upper: Vec<u8> = key.to_ascii_uppercase();
            assert!(eq_folded(&upper, key), "{n}");
            assert_eq!(hash(&upper, 1), hash(key, 1), "{n}");
            for at in 0..n {
                let mut other = upper.clone();
                other[at] = b'#';
                assert!(!eq_folded(&other, key), "{n} {at}");
            }
        }
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

    #[test]
    fn separators_are_the_first_of_each() {
        let cases = [
            "",
            "a",
            ":",
            "/",
            "a:b/c",
            "a/b:c",
            "abcdefg:",
            "abcdefgh/",
            "abcdefghijklmnop:q/r:s",
            "x".repeat(30).as_str(),
            "gpt-4\u{43e}:/",
        ]
        .map(str::to_owned);
        for s in cases
            .iter()
            .chain([format!("{}:{}/", "y".repeat(17), "z".repeat(9))].iter())
        {
            let (h, colon, slash) = hash_and_separators(s.as_bytes(), 5);
            assert_eq!((colon, slash), (s.find(':'), s.find('/')), "{s:?}");
            assert_eq!(h, hash(s.as_bytes(), 5));
        }
        // Every position in strings of every length up to 40.
        for n in 1..40 {
            for at in 0..n {
                let mut b = vec![b'a'; n];
                b[at] = b':';
                assert_eq!(hash_and_separators(&b, 0).1, Some(at), "{n} {at}");
                b[at] = b'/';
                assert_eq!(hash_and_separators(&b, 0).2, Some(at), "{n} {at}");
            }
        }
    }

    #[test]
    fn solve_places_every_key_once() {
        let keys: Vec<String> = (0..5000).map(|i| format!("model-{i}")).collect();
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let s = solve(&refs).expect("solvable");
        assert_eq!(solve(&refs), Some(s.clone()), "deterministic");
        for (i, k) in refs.iter().enumerate() {
            let h = hash(k.to_ascii_uppercase().as_bytes(), s.seed);
            let at = slot(h, s.pilots[bucket(h, s.pilots.len())], s.slots.len());
            assert_eq!(s.slots[at], Some(i), "{k}");
        }
        assert_eq!(s.slots.iter().flatten().count(), keys.len());
        assert!(solve(&[]).is_some());
    }
}
