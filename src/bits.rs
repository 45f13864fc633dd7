//! [`Bits`]: a set of small indexes (providers, models) as a bitset, for membership tests
//! in one load and for filters combined a word at a time.

/// A set of indexes below a length fixed when it is made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Bits {
    words: Vec<u64>,
    len: usize,
}

impl Bits {
    /// The empty set of indexes below `len`.
    pub(crate) fn new(len: usize) -> Bits {
        Bits {
            words: vec![0; len.div_ceil(64)],
            len,
        }
    }

    /// Every index below `len`.
    pub(crate) fn all(len: usize) -> Bits {
        let mut b = Bits {
            words: vec![u64::MAX; len.div_ceil(64)],
            len,
        };
        if len % 64 != 0 {
            if let Some(last) = b.words.last_mut() {
                *last = (1u64 << (len % 64)) - 1;
            }
        }
        b
    }

    /// Adds `i` (ignored beyond the length).
    pub(crate) fn insert(&mut self, i: u32) {
        if i as usize >= self.len {
            return;
        }
        if let Some(w) = self.words.get_mut(i as usize / 64) {
            *w |= 1 << (i % 64);
        }
    }

    /// Adds every index of `range` (clipped to the length).
    pub(crate) fn insert_range(&mut self, range: std::ops::Range<u32>) {
        for i in range {
            self.insert(i);
        }
    }

    /// Whether `i` is in the set.
    #[inline(always)]
    pub(crate) fn contains(&self, i: u32) -> bool {
        self.words
            .get(i as usize / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    /// Whether the set is empty.
    #[cfg(test)]
    pub(crate) fn is_empty(&self) -> bool {
        self.words.iter().all(|&w| w == 0)
    }

    /// Keeps the indexes also in `other`.
    pub(crate) fn and(&mut self, other: &Bits) {
        for (w, o) in self.words.iter_mut().zip(&other.words) {
            *w &= o;
        }
        let n = other.words.len().min(self.words.len());
        self.words[n..].fill(0);
    }

    /// Keeps the indexes for which `keep` holds.
    pub(crate) fn retain(&mut self, mut keep: impl FnMut(u32) -> bool) {
        for (k, w) in self.words.iter_mut().enumerate() {
            let mut rest = *w;
            while rest != 0 {
                let bit = rest.trailing_zeros();
                rest &= rest - 1;
                if !keep(k as u32 * 64 + bit) {
                    *w &= !(1 << bit);
                }
            }
        }
    }

    /// How many indexes the set holds.
    pub(crate) fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// The indexes, in increasing order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.words.iter().enumerate().flat_map(|(k, &w)| {
            let mut w = w;
            std::iter::from_fn(move || {
                if w == 0 {
                    return None;
                }
                let bit = w.trailing_zeros();
                w &= w - 1;
                Some(k as u32 * 64 + bit)
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Bits;

    #[test]
    fn sets_of_indexes() {
        let mut b = Bits::new(130);
        for i in [0, 63, 64, 129, 130, 4000] {
            b.insert(i);
        }
        // 130 and 4000 are beyond the length.
        assert_eq!(b.iter().collect::<Vec<_>>(), [0, 63, 64, 129]);
        assert!(b.contains(64) && !b.contains(65) && !b.contains(130));
        assert_eq!(b.count(), 4);
        let all = Bits::all(130);
        assert_eq!(all.count(), 130);
        assert!(all.contains(129) && !all.contains(130));
        let mut some = Bits::all(130);
        some.and(&b);
        assert_eq!(some, b);
        let mut r = Bits::new(10);
        r.insert_range(3..6);
        assert_eq!(r.iter().collect::<Vec<_>>(), [3, 4, 5]);
        r.retain(|i| i != 4);
        assert_eq!(r.iter().collect::<Vec<_>>(), [3, 5]);
        let mut big = Bits::all(200);
        big.retain(|i| i % 70 == 0);
        assert_eq!(big.iter().collect::<Vec<_>>(), [0, 70, 140]);
        assert!(Bits::new(0).is_empty() && !r.is_empty());
    }
}
