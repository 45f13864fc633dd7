//! Edit distances for suggestions and near misses: optimal string alignment (insertions,
//! deletions, substitutions and swaps of adjacent characters), bounded, with a bit-parallel
//! path for short queries.

/// The rows of the distance table, kept between comparisons.
#[derive(Default)]
pub(crate) struct Rows {
    prev2: Vec<usize>,
    pub(crate) prev: Vec<usize>,
    pub(crate) cur: Vec<usize>,
}

/// Optimal-string-alignment distance between `a` and `b` if it is at most `max`, characters
/// compared exactly (fold case first where case should not count).
///
/// Costs at most `len * (2 * max + 1)` steps, and nothing beyond a common prefix and suffix
/// for strings that differ in the middle. For callers elsewhere in the crate (such as
/// checks for near misses), besides the suggestions.
pub(crate) fn distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    osa(a, b, max, |x, y| x == y, &mut Rows::default(), &mut 0)
}

/// Optimal-string-alignment distance (insertions, deletions, substitutions and swaps of
/// adjacent characters) between `a` and `b`, characters compared with `eq`, if it is at most
/// `max`. Adds the work done to `work`.
pub(crate) fn osa<A: Copy, B: Copy>(
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
pub(crate) fn trim<'a, 'b, A: Copy, B: Copy>(
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
pub(crate) fn settled(a: usize, b: usize, max: usize) -> Option<Option<usize>> {
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
pub(crate) type PositionBits = [u64; 256];

/// The distance between the folded name not found `q` and a folded catalog name, if at most
/// `max`: [`osa`], computed 64 cells at a time when `q` has its position bits.
pub(crate) fn near(
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
pub(crate) fn bit_parallel(
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
pub(crate) const CELL_WORK: usize = 4;

/// [`osa`] on trimmed, non-empty strings within `max` of each other in length, with the
/// table: only the band of cells within `max` of the diagonal is computed (the others are
/// more than `max` away), and the computation stops when a whole row is beyond `max`. So
/// it costs at most `len * (2 * max + 1)` cells.
pub(crate) fn band<A: Copy, B: Copy>(
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
}
