//! The compiled catalog's data, decoded while the crate compiles: the string table, the
//! `u32` list, the distinct pricings and prices, the models' extra records and the key
//! tables, as `static` arrays without pointers (see `model_catalog_shared::compiled` for the
//! format build.rs writes). The public types read their built-in facts from here, and keep their
//! own `static` tables, decoded the same way ([`records!`]). The key tables' slots and where
//! long keys begin are copied as bytes and read in place.
//!
//! Nothing here runs at start-up or on first use: every array is evaluated by the compiler
//! from the blob `include_bytes!` gives it.

use crate::data::compiled::{
    read_pricing, read_u16s, read_u32s, read_u64s, section, section_bytes, string_at, ExtraRecord,
    Section, TableRecord, SLOT_SIZE,
};
use crate::data::price::Pricing;

#[allow(clippy::all, clippy::pedantic)]
mod generated {
    use crate::data::date::Date;

    /// A date the build checked is valid (unused by a catalog without `sources.json`).
    #[allow(dead_code)]
    const fn date(y: u16, m: u8, d: u8) -> Date {
        match Date::from_ymd(y, m, d) {
            Some(d) => d,
            None => panic!("invalid date in generated tables"),
        }
    }

    include!(concat!(env!("OUT_DIR"), "/catalog.rs"));
}

pub(crate) use generated::SOURCES;

/// The records, as build.rs wrote them. Only constant evaluation reads it: it is not in the
/// binary.
pub(crate) const BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalog.bin"));

/// The string table: every string of the catalog once, each behind its header
/// ([`string_at`]). A `static`, not a
/// `const`: each code unit using a `const` would hold a copy of the table.
static STRINGS: &str = include_str!(concat!(env!("OUT_DIR"), "/catalog.str"));

/// How many records section `s` holds.
pub(crate) const fn count(s: Section) -> usize {
    section(BLOB, s).1
}

/// Section `$s` decoded into `[$t; $n]`: each `$r` record read from the blob as `$rec`,
/// made into a `$t` by `$make`, the array first filled with `$empty`. For `static`
/// initializers: const evaluation, no code at run time.
macro_rules! records {
    ($t:ty, $n:expr, $empty:expr, $s:expr, |$rec:ident: $r:ty| $make:expr) => {{
        #[allow(forgetting_copy_types)]
        const fn read() -> [$t; $n] {
            let (at, n) = crate::data::compiled::section(crate::compiled::BLOB, $s);
            assert!(n == $n);
            let mut out = [const { $empty }; $n];
            let mut i = 0;
            while i < $n {
                let $rec = <$r>::read(crate::compiled::BLOB, at + <$r>::SIZE * i);
                // The value replaced is `$empty`: nothing to drop.
                std::mem::forget(std::mem::replace(&mut out[i], $make));
                i += 1;
            }
            out
        }
        read()
    }};
}
pub(crate) use records;

/// The `u32` list: string numbers of aliases, tags and parameters, and offer indexes.
static LIST: [u32; count(Section::Lists)] = read_u32s(BLOB, Section::Lists);

/// The distinct pricings, each a run of units that number its prices in [`PRICES`].
static PRICINGS: [u16; count(Section::Pricings)] = read_u16s(BLOB, Section::Pricings);

/// The distinct prices, in picodollars per token.
static PRICES: [u64; count(Section::Prices)] = read_u64s(BLOB, Section::Prices);

/// What few models have.
pub(crate) static EXTRAS: [ExtraRecord; count(Section::Extras)] = records!(
    ExtraRecord,
    count(Section::Extras),
    ExtraRecord::EMPTY,
    Section::Extras,
    |r: ExtraRecord| r
);

/// String `id` of the table (where its header begins), or `None` for
/// [`NONE`](crate::data::compiled::NONE), which is past the table's end.
#[inline]
pub(crate) fn opt_text(id: u32) -> Option<&'static str> {
    let (at, len) = string_at(STRINGS.as_bytes(), id as usize)?;
    STRINGS.get(at..at + len)
}

/// String `id` of the table (empty for [`NONE`]).
#[inline]
pub(crate) fn text(id: u32) -> &'static str {
    opt_text(id).unwrap_or_default()
}

/// `len` bytes of the string table from `at`: an upstream id a slot gives.
#[inline(always)]
pub(crate) fn text_at(at: u32, len: u16) -> &'static str {
    let at = at as usize;
    STRINGS.get(at..at + len as usize).unwrap_or_default()
}

/// `len` bytes of the string table from `at` (none if out of range): a long key's.
#[inline]
pub(crate) fn bytes_at(at: u32, len: usize) -> &'static [u8] {
    let at = at as usize;
    STRINGS
        .as_bytes()
        .get(at..at.saturating_add(len))
        .unwrap_or_default()
}

/// `len` entries of the list from `at` (none for [`NONE`]).
#[inline]
pub(crate) fn list(at: u32, len: usize) -> &'static [u32] {
    let at = at as usize;
    LIST.get(at..at.saturating_add(len)).unwrap_or_default()
}

/// Pricing `id` (where its run begins), or the empty one.
#[inline]
pub(crate) fn pricing(id: u32) -> Pricing {
    read_pricing(&PRICINGS, &PRICES, id as usize).unwrap_or_default()
}

/// A `static` aligned to a cache line.
#[repr(C, align(64))]
pub(crate) struct Aligned<T>(pub(crate) T);

/// The model-key table's seed and size.
pub(crate) const MODEL_TABLE: TableRecord =
    TableRecord::read(BLOB, section(BLOB, Section::ModelTable).0);
/// Its pilots.
pub(crate) static MODEL_PILOTS: [u16; count(Section::ModelPilots)] =
    read_u16s(BLOB, Section::ModelPilots);
/// Its slots, read in place ([`SlotBytes`](crate::data::compiled::SlotBytes)).
pub(crate) static MODEL_SLOTS: Aligned<[u8; SLOT_SIZE * count(Section::ModelSlots)]> =
    Aligned(section_bytes(BLOB, Section::ModelSlots, SLOT_SIZE));
/// Per slot, where its key begins in the string table if longer than 32 bytes (`u32`s read
/// in place).
pub(crate) static MODEL_LONG: [u8; 4 * count(Section::ModelLong)] =
    section_bytes(BLOB, Section::ModelLong, 4);

/// The prefix table's seed and size.
pub(crate) const PREFIX_TABLE: TableRecord =
    TableRecord::read(BLOB, section(BLOB, Section::PrefixTable).0);
/// Its pilots.
pub(crate) static PREFIX_PILOTS: [u16; count(Section::PrefixPilots)] =
    read_u16s(BLOB, Section::PrefixPilots);
/// Its slots, read in place.
pub(crate) static PREFIX_SLOTS: Aligned<[u8; SLOT_SIZE * count(Section::PrefixSlots)]> =
    Aligned(section_bytes(BLOB, Section::PrefixSlots, SLOT_SIZE));
/// Per slot, where its key begins in the string table if longer than 32 bytes (`u32`s read
/// in place).
pub(crate) static PREFIX_LONG: [u8; 4 * count(Section::PrefixLong)] =
    section_bytes(BLOB, Section::PrefixLong, 4);

/// The marks of the parts of model keys before their first separator
/// (`model_catalog_shared::folded_hash::mark`).
pub(crate) static PREFIX_MARKS: [u32; count(Section::PrefixMarks)] =
    read_u32s(BLOB, Section::PrefixMarks);
