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

/// Odd multiplier for mixing seeds and slots (the golden ratio, 2^64 / phi).
const K: u64 = 0x9E37_79B9_7F4A_7C15;

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

/// Marks, in the high bit of each byte, the bytes of `w` equal to `byte`. A borrow can only
/// add marks above a byte that really matches, so the lowest mark is exact.
#[inline(always)]
fn marks(w: u64, byte: u8) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let x = w ^ (ONES * u64::from(byte));
    x.wrapping_sub(ONES) & !x & HIGH
}

/// The position of the first `:` or `/` in `w`, a word of bytes.
#[inline(always)]
fn separator_in(w: u64) -> Option<usize> {
    let m = marks(w, b':') | marks(w, b'/');
    if m == 0 {
        None
    } else {
        Some(m.trailing_zeros() as usize / 8)
    }
}

/// The position of the first `:` or `/` in `bytes`, eight bytes at a time, stopping at the
/// first word that holds one. Up to 16 bytes, two words and no loop.
#[inline]
pub fn first_separator(bytes: &[u8]) -> Option<usize> {
    let n = bytes.len();
    if n <= 8 {
        return separator_in(short(bytes));
    }
    let mut i = 0;
    while i + 8 < n {
        if let Some(at) = separator_in(word(&bytes[i..i + 8])) {
            return Some(i + at);
        }
        i += 8;
    }
    // The last eight bytes, overlapping words already read (which held no separator).
    separator_in(word(&bytes[n - 8..])).map(|at| n - 8 + at)
}

/// What hashing a name gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scan {
    /// The hash, ASCII case ignored, under the seed given.
    pub hash: u64,
    /// The last two words the hash read, ASCII-lowercased: for a name of up to 16 bytes,
    /// the whole name (bytes 0..8 and the last 8; below 9 bytes, the name zero-padded and
    /// 0). A slot keeps its key's words, so that most comparisons are two word compares.
    pub words: (u64, u64),
}

/// Hashes `bytes` under `seed` with ASCII case ignored; when `STOP`, gives up at the first
/// `:` or `/` instead and returns its position, having hashed nothing beyond its word.
///
/// A name of up to 16 bytes (nearly every model name) is read as two words, loaded
/// independently (the second overlapping the first when shorter than 16 bytes; zero below
/// 9 bytes), and hashed with one [`fold_mul`]: a short dependent chain. Longer names are
/// read 16 bytes at a time, the last chunk overlapping, one `fold_mul` per chunk.
#[inline(always)]
fn walk<const STOP: bool>(bytes: &[u8], seed: u64) -> Result<Scan, usize> {
    // The first separator in word `w` (at byte `at`), when stopping at separators. Words are
    // read in order and a word overlapping earlier ones only repeats bytes without one, so
    // the first found is the first of the name.
    let stop = |w: u64, at: usize| {
        if STOP {
            if let Some(i) = separator_in(w) {
                return Err(at + i);
            }
        }
        Ok(())
    };
    let n = bytes.len();
    let s1 = seed ^ S1;
    let s2 = seed.wrapping_mul(K) ^ S2 ^ n as u64;
    let (acc, a, b) = if n <= 8 {
        let w = short(bytes);
        stop(w, 0)?;
        (s1, lower8(w), 0)
    } else if n <= 16 {
        let (a, b) = (word(&bytes[..8]), word(&bytes[n - 8..]));
        stop(a, 0)?;
        stop(b, n - 8)?;
        (s1, lower8(a), lower8(b))
    } else {
        let mut acc = s1;
        let mut i = 0;
        while i + 16 < n {
            let (a, b) = (word(&bytes[i..i + 8]), word(&bytes[i + 8..i + 16]));
            stop(a, i)?;
            stop(b, i + 8)?;
            acc = fold_mul(lower8(a) ^ acc, lower8(b) ^ S3);
            i += 16;
        }
        // Overlaps the previous chunk.
        let (a, b) = (word(&bytes[n - 16..n - 8]), word(&bytes[n - 8..]));
        stop(a, n - 16)?;
        stop(b, n - 8)?;
        (acc, lower8(a), lower8(b))
    };
    Ok(Scan {
        hash: fold_mul(a ^ acc, b ^ s2),
        words: (a, b),
    })
}

/// The [`Scan`] of `bytes` under `seed`.
#[inline]
pub fn scan(bytes: &[u8], seed: u64) -> Scan {
    match walk::<false>(bytes, seed) {
        Ok(scan) => scan,
        // Not stopping at separators, the walk always hashes.
        Err(_) => Scan {
            hash: 0,
            words: (0, 0),
        },
    }
}

/// The [`Scan`] of `bytes` under `seed` if they hold no `:` or `/`, else the position of the
/// first: one pass, which hashes nothing past the word with the separator.
#[inline]
pub fn scan_unless_separator(bytes: &[u8], seed: u64) -> Result<Scan, usize> {
    walk::<true>(bytes, seed)
}

/// The hash of `bytes` with ASCII case ignored, under `seed`.
#[inline]
pub fn hash(bytes: &[u8], seed: u64) -> u64 {
    scan(bytes, seed).hash
}

/// Whether a name whose [`Scan`] is `scan` equals `key` (ASCII-lowercased, with words
/// `key_words`), ASCII case ignored.
///
/// Equal words cover a name's last 16 bytes (all of it up to 16 bytes); only what lies
/// before them is compared byte for byte.
#[inline]
pub fn matches(name: &[u8], scan: &Scan, key: &[u8], key_words: (u64, u64)) -> bool {
    let n = name.len();
    n == key.len()
        && scan.words == key_words
        && (n <= 16 || eq_folded(&name[..n - 16], &key[..n - 16]))
}

/// Whether `query`, in any ASCII case, equals `key`, which is ASCII-lowercased.
///
/// Kept out of line: lookups call it only for names longer than 16 bytes, and inlined it
/// would make every lookup save and restore more registers.
#[inline(never)]
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

/// The bucket of hash `h` among `buckets`, a power of two: bits 32 and up of the hash.
#[inline(always)]
pub fn bucket(h: u64, buckets: usize) -> usize {
    ((h >> 32) as usize) & buckets.wrapping_sub(1)
}

/// The slot of hash `h` with its bucket's `pilot`, among `slots`, a power of two: the low
/// bits of the hash, xored with the pilot.
///
/// No multiply between loading the pilot and loading the slot: a probe's dependent chain is
/// short. Xoring moves a bucket's keys together, so keys of one bucket must differ in their
/// low bits; [`solve`] picks a seed under which they do.
#[inline(always)]
pub fn slot(h: u64, pilot: u16, slots: usize) -> usize {
    ((h ^ u64::from(pilot)) as usize) & slots.wrapping_sub(1)
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
/// keys always give the same solution. Buckets and slots are powers of two: 2 to 4 keys per
/// bucket on average, load factor between 0.425 and 0.85.
///
/// Returns `None` only if no seed among the first thousand works, which for distinct keys
/// does not happen in practice.
#[cfg_attr(not(test), allow(dead_code))]
pub fn solve(keys: &[&str]) -> Option<Solution> {
    let n = keys.len();
    let buckets = n.div_ceil(4).max(1).next_power_of_two();
    let mut slots = n.max(1).next_power_of_two();
    if n * 20 > slots * 17 {
        slots *= 2;
    }
    'seeds: for seed in 0..1000u64 {
        let hashes: Vec<u64> = keys.iter().map(|k| hash(k.as_bytes(), seed)).collect();
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); buckets];
        for (i, &h) in hashes.iter().enumerate() {
            members[bucket(h, buckets)].push(i);
        }
        // Keys of one bucket that share their slot bits share a slot under every pilot.
        for m in &members {
            for (j, &a) in m.iter().enumerate() {
                if m[..j]
                    .iter()
                    .any(|&b| slot(hashes[a], 0, slots) == slot(hashes[b], 0, slots))
                {
                    continue 'seeds;
                }
            }
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
            let pilots_to_try = u16::try_from(slots - 1).unwrap_or(u16::MAX);
            let placed = (0..=pilots_to_try).find(|&pilot| {
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
            let words = scan(key, 0).words;
            assert!(eq_folded(&upper, key), "{n}");
            assert!(matches(&upper, &scan(&upper, 1), key, words), "{n}");
            assert_eq!(hash(&upper, 1), hash(key, 1), "{n}");
            for at in 0..n {
                let mut other = upper.clone();
                other[at] = b'#';
                assert!(!eq_folded(&other, key), "{n} {at}");
                assert!(!matches(&other, &scan(&other, 1), key, words), "{n} {at}");
            }
            // A prefix or an extension never matches, even where words agree.
            if n > 0 {
                let shorter = &upper[..n - 1];
                assert!(!matches(shorter, &scan(shorter, 1), key, words), "{n}");
            }
            let mut longer = upper.clone();
            longer.push(0);
            assert!(!matches(&longer, &scan(&longer, 1), key, words), "{n}");
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
    fn first_separator_is_the_first_of_either() {
        let first = |s: &str| s.find([':', '/']);
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
        // One pass stops where `first_separator` finds one, and hashes like `scan` if not.
        let agree = |b: &[u8]| {
            let want = match first_separator(b) {
                Some(at) => Err(at),
                None => Ok(scan(b, 9)),
            };
            assert_eq!(
                scan_unless_separator(b, 9),
                want,
                "{:?}",
                String::from_utf8_lossy(b)
            );
        };
        for s in &cases {
            assert_eq!(first_separator(s.as_bytes()), first(s), "{s:?}");
            agree(s.as_bytes());
        }
        // Every position in strings of every length up to 40, alone and before another.
        for n in 1..40 {
            assert_eq!(first_separator(&vec![b'a'; n]), None, "{n}");
            agree(&vec![b'A'; n]);
            for at in 0..n {
                for (sep, other) in [(b':', b'/'), (b'/', b':')] {
                    let mut b = vec![b'a'; n];
                    b[at] = sep;
                    assert_eq!(first_separator(&b), Some(at), "{n} {at}");
                    agree(&b);
                    for later in at + 1..n {
                        let mut c = b.clone();
                        c[later] = other;
                        assert_eq!(first_separator(&c), Some(at), "{n} {at} {later}");
                        agree(&c);
                    }
                }
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
