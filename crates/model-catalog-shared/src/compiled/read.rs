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

/// Defines `$name`: section `s` of `b` as `N` numbers of type `$t`, `$size` bytes each,
/// read by `$read`. One loop for every width: const functions cannot be generic over the
/// reader.
macro_rules! read_numbers {
    ($(#[$m:meta])* $name:ident: $t:ty, $size:expr, $read:ident) => {
        $(#[$m])*
        #[must_use]
        pub const fn $name<const N: usize>(b: &[u8], s: Section) -> [$t; N] {
            let (at, count) = section(b, s);
            assert!(count == N);
            let mut out = [0; N];
            let mut i = 0;
            while i < N {
                out[i] = $read(b, at + $size * i);
                i += 1;
            }
            out
        }
    };
}

read_numbers!(
    /// Section `s` of `b` as `N` `u16`s: pilots, pricings' units.
    read_u16s: u16, 2, u16_at
);
read_numbers!(
    /// Section `s` of `b` as `N` `u32`s.
    read_u32s: u32, 4, u32_at
);
read_numbers!(
    /// Section `s` of `b` as `N` `u64`s.
    read_u64s: u64, 8, u64_at
);

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
