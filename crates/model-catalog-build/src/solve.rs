//! The solver of the catalog's perfect hash: for a set of names, the seed and the pilots
//! under which each name has a slot of its own (see `model_catalog_shared::folded_hash` for the hash
//! and the table layout lookups use).

use model_catalog_shared::folded_hash::{bucket, hash, slot, slot_mask};

/// A solved table: the seed, a pilot per bucket, and for each slot the index of the key in
/// the input (or `None` for an empty slot).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Solution {
    /// The hash seed.
    pub seed: u64,
    /// One pilot per bucket.
    pub pilots: Vec<u16>,
    /// One entry per slot: the index of the key placed there.
    pub slots: Vec<Option<usize>>,
}

/// An odd multiplier that scrambles the order in which pilots are tried.
const SCRAMBLE: u64 = 0x9E37_79B9;

/// Largest table of a power-of-two size: beyond it, tables are sized to their keys.
pub const POWER_OF_TWO_UP_TO: usize = 4096;

/// How many slots a table of `n` keys has: up to [`POWER_OF_TWO_UP_TO`] slots, a power of
/// two with a load factor between 0.425 and 0.85 (lookups wrap nothing around); beyond, 3%
/// more slots than keys, so that a large table is not up to twice the size of its keys.
#[must_use]
pub fn slot_count(n: usize) -> usize {
    let mut slots = n.max(1).next_power_of_two();
    if n * 20 > slots * 17 {
        slots *= 2;
    }
    if slots <= POWER_OF_TWO_UP_TO {
        slots
    } else {
        n + n / 32
    }
}

/// Finds a perfect hash for `keys` (ASCII-lowercased and distinct): deterministic, the same
/// keys always give the same solution. Buckets are a power of two, 2 to 4 keys each on
/// average; slots as [`slot_count`] says.
///
/// Returns `None` only if no seed among the first thousand works, which for distinct keys
/// does not happen in practice.
#[must_use]
pub fn solve(keys: &[&str]) -> Option<Solution> {
    let n = keys.len();
    let buckets = n.div_ceil(4).max(1).next_power_of_two();
    let slots = slot_count(n);
    let mask = slot_mask(slots) as u64;
    'seeds: for seed in 0..1000u64 {
        let hashes: Vec<u64> = keys.iter().map(|k| hash(k.as_bytes(), seed)).collect();
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); buckets];
        for (i, &h) in hashes.iter().enumerate() {
            members[bucket(h, buckets)].push(i);
        }
        // Keys of one bucket that share their slot bits share a slot under every pilot.
        for m in &members {
            for (j, &a) in m.iter().enumerate() {
                if m[..j].iter().any(|&b| (hashes[a] ^ hashes[b]) & mask == 0) {
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
            let pilots_to_try = u16::try_from(mask).unwrap_or(u16::MAX);
            // Pilots in a scrambled order (a bijection of the range): trying small pilots
            // first keeps every key near its hash, and a table whose size is not a power of
            // two is then left with free slots no bucket of two can reach.
            let spread = |k: u16| ((u64::from(k) * SCRAMBLE) & u64::from(pilots_to_try)) as u16;
            let placed = (0..=pilots_to_try).map(spread).find(|&pilot| {
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
    fn slot_counts() {
        // Powers of two up to 4,096 slots, load 0.425 to 0.85; then 3% over the keys.
        assert_eq!(slot_count(0), 1);
        assert_eq!(slot_count(84), 128);
        assert_eq!(slot_count(109), 256);
        assert_eq!(slot_count(3_481), 4096);
        assert_eq!(slot_count(3_482), 3_590);
        assert_eq!(slot_count(18_370), 18_944);
    }

    #[test]
    fn solve_places_every_key_once() {
        for n in [0, 1, 5, 3000, 5000, 20_000, 100_000] {
            solves(n);
        }
    }

    fn solves(n: usize) {
        let keys: Vec<String> = (0..n).map(|i| format!("model-{i}")).collect();
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let s = solve(&refs).expect("solvable");
        assert_eq!(solve(&refs), Some(s.clone()), "deterministic");
        for (i, k) in refs.iter().enumerate() {
            let h = hash(k.to_ascii_uppercase().as_bytes(), s.seed);
            let at = slot(h, s.pilots[bucket(h, s.pilots.len())], s.slots.len());
            assert_eq!(s.slots[at], Some(i), "{k}");
        }
        assert_eq!(s.slots.iter().flatten().count(), keys.len());
        assert_eq!(s.slots.len(), slot_count(n));
    }
}
