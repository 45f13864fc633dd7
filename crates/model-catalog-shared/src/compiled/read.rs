//! Reading the blob in const context: little-endian numbers at byte offsets, the section
//! table, and whole sections decoded into arrays or copied as bytes; and [`u32_in`], which
//! reads such a copy at run time.
//!
//! Every const function here indexes the blob directly: out of bounds, it fails the const
//! evaluation (the compilation of a program that embeds a malformed blob), not a program.
//! [`u32_in`] answers `None` out of bounds.

use super::Section;
use crate::price::{LongContextPricing, Price, Pricing};

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

/// Section `s` of `b` as `N` pilots.
#[must_use]
pub const fn read_pilots<const N: usize>(b: &[u8], s: Section) -> [u16; N] {
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

/// The size of one encoded [`Pricing`]: a `u16` of which prices are known, two bytes of
/// padding, the long-context threshold (`u32`), then nine `u64` prices (input, output, cache
/// read, cache write, reasoning; the long-context tier's input, output, cache read, cache
/// write), zero where unknown.
pub const PRICING_SIZE: usize = 80;

/// The price at position `k` of the encoded pricing at `at`, if bit `k` says it is known.
const fn price(b: &[u8], at: usize, known: u16, k: usize) -> Option<Price> {
    if known & (1 << k) == 0 {
        return None;
    }
    Some(Price::from_picos_per_token(u64_at(b, at + 8 + 8 * k)))
}

/// The pricing encoded at byte `at` of `b` (see [`PRICING_SIZE`]).
#[must_use]
pub const fn read_pricing(b: &[u8], at: usize) -> Pricing {
    let known = u16_at(b, at);
    let long_context = if known & (1 << 9) != 0 {
        Some(LongContextPricing {
            above: u32_at(b, at + 4),
            input: price(b, at, known, 5),
            output: price(b, at, known, 6),
            cache_read: price(b, at, known, 7),
            cache_write: price(b, at, known, 8),
        })
    } else {
        None
    };
    Pricing {
        input: price(b, at, known, 0),
        output: price(b, at, known, 1),
        cache_read: price(b, at, known, 2),
        cache_write: price(b, at, known, 3),
        reasoning: price(b, at, known, 4),
        long_context,
    }
}

/// Section `s` of `b` as `N` pricings.
#[must_use]
pub const fn read_pricings<const N: usize>(b: &[u8], s: Section) -> [Pricing; N] {
    let (at, count) = section(b, s);
    assert!(count == N);
    let mut out = [Pricing::new(); N];
    let mut i = 0;
    while i < N {
        out[i] = read_pricing(b, at + PRICING_SIZE * i);
        i += 1;
    }
    out
}
