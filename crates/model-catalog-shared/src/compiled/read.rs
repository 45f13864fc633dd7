//! Reading the blob in const context: little-endian numbers at byte offsets, the section
//! table, and whole sections decoded into arrays or copied as bytes; and [`u32_in`], which
//! reads such a copy at run time.
//!
//! Every const function here indexes the blob directly: out of bounds, it fails the const
//! evaluation (the compilation of a program that embeds a malformed blob), not a program.
//! [`u32_in`] answers `None` out of bounds.

use super::Section;

// The readers below shift bytes into place rather than call `from_le_bytes`: constant
// evaluation runs every step and every call of a decoder, and this takes fewer of them.

/// The `u16` at byte `at` of `b`.
#[must_use]
pub const fn u16_at(b: &[u8], at: usize) -> u16 {
    read_le!(u16, b, at)
}

/// The `u32` at byte `at` of `b`.
#[must_use]
pub const fn u32_at(b: &[u8], at: usize) -> u32 {
    read_le!(u32, b, at)
}

/// The `u64` at byte `at` of `b`.
#[must_use]
pub const fn u64_at(b: &[u8], at: usize) -> u64 {
    read_le!(u64, b, at)
}

/// Where section `s` of blob `b` begins and how many records it holds.
#[must_use]
pub const fn section(b: &[u8], s: Section) -> (usize, usize) {
    assert!(u32_at(b, 0) == super::MAGIC, "not a compiled catalog");
    let at = 4 + 8 * s as usize;
    (u32_at(b, at) as usize, u32_at(b, at + 4) as usize)
}

/// Section `s` of `b` as `N` `u32`s.
#[must_use]
pub const fn read_u32s<const N: usize>(b: &[u8], s: Section) -> [u32; N] {
    let (at, count) = section(b, s);
    assert!(count == N);
    let mut out = [0; N];
    let mut i = 0;
    while i < N {
        out[i] = u32_at(b, at + 4 * i);
        i += 1;
    }
    out
}

/// Section `s` of `b` as `N` `u64`s.
#[must_use]
pub const fn read_u64s<const N: usize>(b: &[u8], s: Section) -> [u64; N] {
    let (at, count) = section(b, s);
    assert!(count == N);
    let mut out = [0; N];
    let mut i = 0;
    while i < N {
        out[i] = u64_at(b, at + 8 * i);
        i += 1;
    }
    out
}

/// Section `s` of `b` as `N` `u16`s: pilots, pricings' units.
#[must_use]
pub const fn read_u16s<const N: usize>(b: &[u8], s: Section) -> [u16; N] {
    let (at, count) = section(b, s);
    assert!(count == N);
    let mut out = [0; N];
    let mut i = 0;
    while i < N {
        out[i] = u16_at(b, at + 2 * i);
        i += 1;
    }
    out
}

/// Section `s` of `b` as its `N` bytes, records of `size` bytes each, copied whole: for the
/// tables the library reads in place ([`SlotBytes`](super::SlotBytes), [`u32_in`]) rather
/// than decodes. Constant evaluation copies the bytes in one step, where a decoder takes
/// several per field.
#[must_use]
pub const fn section_bytes<const N: usize>(b: &[u8], s: Section, size: usize) -> [u8; N] {
    let (at, count) = section(b, s);
    assert!(count * size == N);
    match b.split_at(at).1.first_chunk::<N>() {
        Some(bytes) => *bytes,
        None => panic!("a section runs past the end of the blob"),
    }
}

/// `u32` number `i` of `table`, `u32`s end to end as [`section_bytes`] copies them.
#[inline(always)]
#[must_use]
pub fn u32_in(table: &[u8], i: usize) -> Option<u32> {
    // As `SlotBytes::nth` finds a slot: one comparison against a known table.
    let chunk = table.chunks_exact(4).nth(i)?;
    chunk.try_into().ok().map(u32::from_le_bytes)
}
