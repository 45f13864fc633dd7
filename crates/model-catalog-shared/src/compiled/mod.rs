//! The compiled catalog's binary form: what model-catalog's build writes and the library reads
//! in place.
//!
//! The build writes two files: a string table (UTF-8 text, every string of the catalog once,
//! each behind a header that holds its length ([`push_string`], [`string_at`]), included
//! with `include_str!`) and a blob of fixed-width little-endian records (included with
//! `include_bytes!`). The library decodes the blob's records into typed `static` arrays while
//! it compiles (const evaluation, no code per record), so nothing is decoded at start-up and
//! the arrays hold no pointers: a string is its number in the string table (where its header
//! begins), a list a range of the blob's `u32` list, a record of another table its index,
//! a pricing where its run of `u16` units begins (read on each call: see `pricing.rs`).
//! The key tables' slots and where long keys begin are not decoded: their sections are
//! copied whole ([`section_bytes`]) and read in place ([`SlotBytes`], [`u32_in`]), since
//! constant evaluation takes a step per field decoded (the model-key slots
//! took 1.45 s of the 4.3 s the full catalog's tables took to type-check). The cost of compiling a catalog grows with its bytes, not with Rust source.
//!
//! The blob begins with a header: [`MAGIC`], then one `(offset, count)` pair of `u32`s per
//! [`Section`], each section an array of `count` records of its type:
//!
//! | section | records |
//! |---|---|
//! | [`Section::Lists`] | `u32`: string numbers of aliases, tags and parameters, offer indexes |
//! | [`Section::Prices`] | `u64`: the distinct prices, in picodollars per token |
//! | [`Section::Pricings`] | `u16` units: each distinct pricing as a run that numbers its prices ([`write_pricing`], [`read_pricing`]) |
//! | [`Section::Providers`] | [`ProviderRecord`] |
//! | [`Section::Models`] | [`ModelRecord`] |
//! | [`Section::Extras`] | [`ExtraRecord`]: what few models have |
//! | [`Section::Offers`] | [`OfferRecord`] |
//! | [`Section::Served`] | [`ServedRecord`] |
//! | [`Section::Surfaces`] | [`SurfaceRecord`] |
//! | [`Section::Distillations`] | [`DistillationRecord`] |
//! | [`Section::ModelTable`], [`Section::PrefixTable`] | one [`TableRecord`]: seed, slot count |
//! | [`Section::ModelPilots`], [`Section::PrefixPilots`] | `u16` pilots |
//! | [`Section::ModelSlots`], [`Section::PrefixSlots`] | [`SLOT_SIZE`]-byte [`Slot`]s |
//! | [`Section::ModelLong`], [`Section::PrefixLong`] | `u32` per slot: where the slot's key (ASCII-lowercased) begins in the string table, if it is longer than 32 bytes; [`NONE`] otherwise |
//! | [`Section::PrefixMarks`] | `u32` words of a bitmap ([`mark_words`](crate::folded_hash::mark_words) of them): for each part of a model key before its first `:` or `/`, with that separator, the bit [`mark`](crate::folded_hash::mark) sets |
//!
//! Decoding runs at compile time: a malformed blob fails the library's compilation, never a
//! program (for the sections copied as bytes, a section of the wrong size; their readers
//! answer `None` out of bounds). The golden test of model-catalog regenerates both files and compares.

/// Reads a `u8`, `u16`, `u32` or `u64` at a byte offset, little-endian: the bytes shifted
/// into place where the value is read. The readers `u16_at` and the like are this, and the
/// record decoders (`records.rs`) expand it in place of calling them: constant evaluation
/// runs every call, and the compiled catalog's models are decoded field by field (a call per
/// field took about a third of that time).
macro_rules! read_le {
    (u8, $b:expr, $at:expr) => {
        $b[$at]
    };
    (u16, $b:expr, $at:expr) => {
        $b[$at] as u16 | ($b[$at + 1] as u16) << 8
    };
    (u32, $b:expr, $at:expr) => {
        $b[$at] as u32
            | ($b[$at + 1] as u32) << 8
            | ($b[$at + 2] as u32) << 16
            | ($b[$at + 3] as u32) << 24
    };
    (u64, $b:expr, $at:expr) => {
        $b[$at] as u64
            | ($b[$at + 1] as u64) << 8
            | ($b[$at + 2] as u64) << 16
            | ($b[$at + 3] as u64) << 24
            | ($b[$at + 4] as u64) << 32
            | ($b[$at + 5] as u64) << 40
            | ($b[$at + 6] as u64) << 48
            | ($b[$at + 7] as u64) << 56
    };
}

mod pricing;
mod read;
mod records;
mod slot;
mod strings;

pub use pricing::{read_pricing, write_pricing};
pub use read::{
    read_u16s, read_u32s, read_u64s, section, section_bytes, u16_at, u32_at, u32_in, u64_at,
};
pub use records::{
    date_from_u32, date_to_u32, flags_from_u8, flags_to_u8, DistillationRecord, ExtraRecord,
    ModelRecord, OfferRecord, ProviderRecord, ServedRecord, SurfaceRecord, TableRecord,
};
pub use slot::{Slot, SlotBytes, SLOT_SIZE};
pub use strings::{push_string, string_at, MAX_STRING_LEN};

/// The blob's first four bytes: `MCB` and the format's version, changed with any record or section.
pub const MAGIC: u32 = u32::from_le_bytes(*b"MCB7");

/// "None": a string number, record index or list position that is absent.
pub const NONE: u32 = u32::MAX;

/// The sections of the blob, in the order of the header's `(offset, count)` pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Section {
    /// The `u32` list.
    Lists,
    /// The distinct prices.
    Prices,
    /// The distinct pricings.
    Pricings,
    /// Providers.
    Providers,
    /// Models.
    Models,
    /// What few models have.
    Extras,
    /// Offers.
    Offers,
    /// Served names.
    Served,
    /// API surfaces.
    Surfaces,
    /// Distillation policies.
    Distillations,
    /// The model-key table's seed and size.
    ModelTable,
    /// Its pilots.
    ModelPilots,
    /// Its slots.
    ModelSlots,
    /// Per slot, where its key begins in the string table if longer than 32 bytes.
    ModelLong,
    /// The prefix table's seed and size.
    PrefixTable,
    /// Its pilots.
    PrefixPilots,
    /// Its slots.
    PrefixSlots,
    /// Per slot, where its key begins in the string table if longer than 32 bytes.
    PrefixLong,
    /// The marks of the parts of model keys before their first separator.
    PrefixMarks,
}

impl Section {
    /// How many sections there are.
    pub const COUNT: usize = 19;
}

/// Writes a blob: its header, then each section's bytes, in [`Section`] order.
///
/// `sections[s]` is `(count, bytes)` for section `s`.
#[must_use]
pub fn write_blob(sections: &[(usize, Vec<u8>); Section::COUNT]) -> Vec<u8> {
    let header = 4 + 8 * Section::COUNT;
    let mut out = Vec::with_capacity(header + sections.iter().map(|s| s.1.len()).sum::<usize>());
    out.extend_from_slice(&MAGIC.to_le_bytes());
    let mut at = header;
    for (count, bytes) in sections {
        // Offsets and counts fit in `u32`: the build refuses catalogs whose blob would not.
        out.extend_from_slice(&(at as u32).to_le_bytes());
        out.extend_from_slice(&(*count as u32).to_le_bytes());
        at += bytes.len();
    }
    for (_, bytes) in sections {
        out.extend_from_slice(bytes);
    }
    out
}

#[cfg(test)]
mod tests;
