//! Byte strings read as little-endian words: whole, in halves, or zero-padded, with a few
//! loads and no byte loop or `memcpy` call. The perfect hash reads names this way, the name
//! rules check them this way, and errors copy inputs this way.

/// Eight bytes as a little-endian word (0 for a slice of another length, which callers rule
/// out).
#[inline(always)]
pub fn word(b: &[u8]) -> u64 {
    <[u8; 8]>::try_from(b).map_or(0, u64::from_le_bytes)
}

/// The four bytes at `at` as a little-endian word (0 past the end, which callers rule out).
#[inline(always)]
#[must_use]
pub fn half(b: &[u8], at: usize) -> u64 {
    b.get(at..at + 4)
        .and_then(|c| <[u8; 4]>::try_from(c).ok())
        .map_or(0, |c| u64::from(u32::from_le_bytes(c)))
}

/// Up to eight bytes as a zero-padded little-endian word, read with at most two small loads
/// instead of a byte loop or a `memcpy` call.
#[inline(always)]
#[must_use]
pub fn short(b: &[u8]) -> u64 {
    let n = b.len();
    match n {
        8 => word(b),
        4..=7 => half(b, 0) | half(b, n - 4) << ((n - 4) * 8),
        1..=3 => {
            u64::from(b[0])
                | u64::from(b[n / 2]) << (n / 2 * 8)
                | u64::from(b[n - 1]) << ((n - 1) * 8)
        }
        _ => 0,
    }
}

/// The high bit of each byte of a word.
pub const HIGH: u64 = 0x8080_8080_8080_8080;

/// Marks, in the high bit of each byte, the bytes of `w` equal to `byte`. A borrow can only
/// add marks above a byte that really matches, so the lowest mark is exact.
#[inline(always)]
#[must_use]
pub fn marks(w: u64, byte: u8) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let x = w ^ (ONES * u64::from(byte));
    x.wrapping_sub(ONES) & !x & HIGH
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_reads_up_to_eight_bytes_exactly() {
        for n in 0..=8 {
            let b: Vec<u8> = (1..=n as u8).collect();
            let mut want = [0u8; 8];
            want[..n].copy_from_slice(&b);
            assert_eq!(short(&b), u64::from_le_bytes(want), "{n}");
        }
    }
}
