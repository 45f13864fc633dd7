//! The solver of the catalog's perfect hash: for a set of names, the seed and the pilots
//! under which each name has a slot of its own (see `model_catalog_shared::folded_hash` for the hash
//! and the table layout lookups use).

use model_catalog_shared::folded_hash::{bucket, hash, slot};

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

/// Finds a perfect hash for `keys` (ASCII-lowercased and distinct): deterministic, the same
/// keys always give the same solution. Buckets and slots are powers of two: 2 to 4 keys per
/// bucket on average, load factor between 0.425 and 0.85.
///
/// Returns `None` only if no seed among the first thousand works, which for distinct keys
/// does not happen in practice.
#[must_use]
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
