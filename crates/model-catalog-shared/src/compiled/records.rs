//! The blob's fixed-width records: each a struct of little-endian integers, written by the
//! build ([`write`](ModelRecord::write)) and read back in const context
//! ([`read`](ModelRecord::read)) in field order, with what its numbers mean.

use super::NONE;
use crate::capability::Flags;
use crate::date::Date;
use crate::modality::Modality;
use crate::schema::{ModelEntry, OfferEntry, ServedNameEntry};
use crate::surface::{ApiFormat, Surface};

/// The size of a `u8`, `u16`, `u32` or `u64`, as a literal: in a decoder run by constant
/// evaluation, `size_of` would be a call per field.
macro_rules! size_le {
    (u8) => {
        1
    };
    (u16) => {
        2
    };
    (u32) => {
        4
    };
    (u64) => {
        8
    };
}

/// A record type: public integer fields, written and read in the order given.
macro_rules! record {
    ($(#[$m:meta])* $name:ident { $($(#[$fm:meta])* $f:ident: $t:ident,)* }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        pub struct $name {
            $($(#[$fm])* pub $f: $t,)*
        }

        impl $name {
            /// Its size in the blob, in bytes.
            pub const SIZE: usize = 0 $(+ std::mem::size_of::<$t>())*;

            /// All zero.
            pub const EMPTY: $name = $name { $($f: 0,)* };

            /// The record at byte `at` of `b`.
            #[must_use]
            pub const fn read(b: &[u8], at: usize) -> $name {
                let mut _at = at;
                $(
                    let $f = read_le!($t, b, _at);
                    _at += size_le!($t);
                )*
                $name { $($f,)* }
            }

            /// Appends the record to `out`.
            pub fn write(&self, out: &mut Vec<u8>) {
                $(out.extend_from_slice(&self.$f.to_le_bytes());)*
            }
        }
    };
}

record! {
    /// A model: what resolutions, queries and costs read. Strings are string numbers
    /// ([`NONE`] for none); `list_at` is a position in the `u32` list, where the string
    /// numbers of its `aliases_len` aliases begin, followed by the indexes of its
    /// `offers_len` offers. What few models have (served names, fine-tune prices,
    /// descriptions) is in its [`ExtraRecord`].
    ModelRecord {
        /// Its index in the model table.
        index: u32,
        /// Its home provider's index.
        provider: u32,
        /// Its id.
        id: u32,
        /// Its upstream id.
        upstream_id: u32,
        /// Its display name.
        name: u32,
        /// Its vendor.
        vendor: u32,
        /// Its family.
        family: u32,
        /// The index of its [`ExtraRecord`], or [`NONE`].
        extra: u32,
        /// Its context window, if [`ModelRecord::CONTEXT`] is set.
        context_window: u32,
        /// Its output limit, if [`ModelRecord::MAX_OUTPUT`] is set.
        max_output_tokens: u32,
        /// Its prices: a pricing's number (in the compiled catalog, where its run begins).
        pricing: u32,
        /// Its release date ([`date_to_u32`]).
        release_date: u32,
        /// Its retirement date ([`date_to_u32`]).
        retires: u32,
        /// Where its aliases, then its offers, begin in the list.
        list_at: u32,
        /// How many aliases.
        aliases_len: u16,
        /// How many offers.
        offers_len: u16,
        /// Its capability flags ([`flags_to_u8`]).
        flags: u8,
        /// Its input modalities' bits, if [`ModelRecord::INPUT_MODALITIES`] is set.
        input_modalities: u8,
        /// Its output modalities' bits, if [`ModelRecord::OUTPUT_MODALITIES`] is set.
        output_modalities: u8,
        /// Which facts are known, and the boolean ones.
        bits: u8,
    }
}

impl ModelRecord {
    /// `bits`: the context window is known.
    pub const CONTEXT: u8 = 1;
    /// `bits`: the output limit is known.
    pub const MAX_OUTPUT: u8 = 2;
    /// `bits`: the input modalities are known.
    pub const INPUT_MODALITIES: u8 = 4;
    /// `bits`: the output modalities are known.
    pub const OUTPUT_MODALITIES: u8 = 8;
    /// `bits`: whether the weights are open is known.
    pub const OPEN_WEIGHTS_KNOWN: u8 = 16;
    /// `bits`: the weights are open.
    pub const OPEN_WEIGHTS: u8 = 32;
    /// `bits`: the model is deprecated.
    pub const DEPRECATED: u8 = 64;

    /// The record of the facts of `e` that are numbers: limits, dates, capability flags,
    /// modalities and the `bits` that say which are known. Its strings, lists, positions and
    /// prices are left for the writer of the tables to fill (string numbers [`NONE`], the
    /// rest 0). The compiled catalog and run-time catalogs make their records from it.
    #[must_use]
    pub fn facts(e: &ModelEntry) -> ModelRecord {
        let (has_in, input_modalities) = modality_bits(e.input_modalities.as_ref());
        let (has_out, output_modalities) = modality_bits(e.output_modalities.as_ref());
        let mut bits = 0;
        for (set, bit) in [
            (e.context_window.is_some(), ModelRecord::CONTEXT),
            (e.max_output_tokens.is_some(), ModelRecord::MAX_OUTPUT),
            (has_in, ModelRecord::INPUT_MODALITIES),
            (has_out, ModelRecord::OUTPUT_MODALITIES),
            (e.open_weights.is_some(), ModelRecord::OPEN_WEIGHTS_KNOWN),
            (e.open_weights == Some(true), ModelRecord::OPEN_WEIGHTS),
            (e.deprecated, ModelRecord::DEPRECATED),
        ] {
            if set {
                bits |= bit;
            }
        }
        ModelRecord {
            id: NONE,
            upstream_id: NONE,
            name: NONE,
            vendor: NONE,
            family: NONE,
            extra: NONE,
            context_window: e.context_window.unwrap_or(0),
            max_output_tokens: e.max_output_tokens.unwrap_or(0),
            release_date: date_to_u32(e.release_date),
            retires: date_to_u32(e.retires),
            flags: flags_to_u8(&e.capabilities),
            input_modalities,
            output_modalities,
            bits,
            ..ModelRecord::EMPTY
        }
    }
}

record! {
    /// What few models have: strings (string numbers, [`NONE`] for none), fine-tune prices
    /// (a pricing index, or [`NONE`]), served names (a range of the served-name table), a
    /// distillation policy (an index, or [`NONE`]), tags (string numbers in the list) and a
    /// prompt limit.
    ExtraRecord {
        /// Description.
        description: u32,
        /// Category.
        category: u32,
        /// Knowledge cutoff.
        knowledge_cutoff: u32,
        /// Successor's id.
        successor: u32,
        /// Notes.
        notes: u32,
        /// Distillation policy.
        distillation: u32,
        /// Fine-tune prices.
        fine_tune_pricing: u32,
        /// Where its served names begin in the served-name table.
        served_at: u32,
        /// How many served names.
        served_len: u32,
        /// Where the tags begin in the list.
        tags_at: u32,
        /// How many tags.
        tags_len: u32,
        /// Its prompt limit, 0 where it has none below its context window.
        max_input_tokens: u32,
    }
}

impl ExtraRecord {
    /// Whether `e` has anything an extra record holds (a description, category, knowledge
    /// cutoff, successor, notes, fine-tune prices, served names, a distillation policy,
    /// tags or a prompt limit): a model without has none.
    #[must_use]
    pub fn needed(e: &ModelEntry) -> bool {
        e.description.is_some()
            || e.category.is_some()
            || e.knowledge_cutoff.is_some()
            || e.successor.is_some()
            || e.notes.is_some()
            || !e.fine_tune_pricing.is_empty()
            || !e.served_names.is_empty()
            || e.distillation_policy.is_some()
            || !e.tags.is_empty()
            || e.max_input_tokens.is_some()
    }
}

record! {
    /// A provider. Strings are string numbers ([`NONE`] for none).
    ProviderRecord {
        /// Its index in the provider table.
        index: u32,
        /// Id.
        id: u32,
        /// Display name.
        name: u32,
        /// Description.
        description: u32,
        /// API base URL.
        base_url: u32,
        /// Website.
        website: u32,
        /// Documentation.
        docs: u32,
        /// API key variable.
        api_key_env: u32,
        /// Metadata.
        metadata: u32,
        /// Where its aliases begin in the list.
        aliases_at: u32,
        /// Where its surfaces begin in the surface table.
        surfaces_at: u32,
        /// Its models: first index.
        models_start: u32,
        /// Its models: index past the last.
        models_end: u32,
        /// Its offers: first index.
        offers_start: u32,
        /// Its offers: index past the last.
        offers_end: u32,
        /// How many aliases.
        aliases_len: u16,
        /// How many surfaces.
        surfaces_len: u16,
        /// [`ProviderRecord::KEY_REQUIRED`], [`ProviderRecord::GATEWAY_CREDENTIALS`],
        /// [`ProviderRecord::AGGREGATOR`].
        bits: u32,
    }
}

impl ProviderRecord {
    /// `bits`: a key is required.
    pub const KEY_REQUIRED: u32 = 1;
    /// `bits`: the gateway supplies credentials.
    pub const GATEWAY_CREDENTIALS: u32 = 2;
    /// `bits`: an aggregator.
    pub const AGGREGATOR: u32 = 4;
}

record! {
    /// An offer: indexes of its provider, its model and its pricing, its upstream id's
    /// string number, and the provider's own limits for it.
    OfferRecord {
        /// The offering provider.
        provider: u32,
        /// The model offered.
        model: u32,
        /// The upstream id.
        upstream_id: u32,
        /// Its own prices.
        pricing: u32,
        /// Its own context window, 0 where unknown (a known limit is at least 1).
        context_window: u32,
        /// Its own output limit, 0 where unknown.
        max_output_tokens: u32,
        /// Its own retirement date ([`date_to_u32`]).
        retires: u32,
        /// [`OfferRecord::DEPRECATED`], which modalities are known, and from bit 8 its own
        /// capability flags ([`flags_to_u8`]), input and output modalities, a byte each.
        bits: u32,
    }
}

impl OfferRecord {
    /// `bits`: the offering provider has deprecated the model.
    pub const DEPRECATED: u32 = 1;
    /// `bits`: its input modalities are known (bits 16 to 23).
    pub const INPUT_MODALITIES: u32 = 2;
    /// `bits`: its output modalities are known (bits 24 to 31).
    pub const OUTPUT_MODALITIES: u32 = 4;

    /// The `bits` of offer `e`: its lifecycle flag, capability flags and modalities.
    #[must_use]
    pub fn bits_of(e: &OfferEntry) -> u32 {
        let (has_in, input) = modality_bits(e.input_modalities.as_ref());
        let (has_out, output) = modality_bits(e.output_modalities.as_ref());
        let mut bits = u32::from(flags_to_u8(&e.capabilities)) << 8
            | u32::from(input) << 16
            | u32::from(output) << 24;
        for (set, bit) in [
            (e.deprecated, OfferRecord::DEPRECATED),
            (has_in, OfferRecord::INPUT_MODALITIES),
            (has_out, OfferRecord::OUTPUT_MODALITIES),
        ] {
            if set {
                bits |= bit;
            }
        }
        bits
    }

    /// The capability flags that `bits` ([`bits_of`](OfferRecord::bits_of)) hold.
    #[must_use]
    pub const fn flags_in(bits: u32) -> Flags {
        flags_from_u8((bits >> 8) as u8)
    }

    /// The input modalities' bits that `bits` hold, where known.
    #[must_use]
    pub const fn input_modalities_in(bits: u32) -> Option<u8> {
        if bits & OfferRecord::INPUT_MODALITIES != 0 {
            Some((bits >> 16) as u8)
        } else {
            None
        }
    }

    /// The output modalities' bits that `bits` hold, where known.
    #[must_use]
    pub const fn output_modalities_in(bits: u32) -> Option<u8> {
        if bits & OfferRecord::OUTPUT_MODALITIES != 0 {
            Some((bits >> 24) as u8)
        } else {
            None
        }
    }
}

/// Whether a list of modalities is known, and its bits.
fn modality_bits(list: Option<&Vec<Modality>>) -> (bool, u8) {
    match list {
        Some(list) => (true, list.iter().fold(0u8, |acc, m| acc | 1 << *m as u8)),
        None => (false, 0),
    }
}

record! {
    /// A served name.
    ServedRecord {
        /// Its id (string number).
        id: u32,
        /// Its context window, if [`ServedRecord::CONTEXT`] is set.
        context_window: u32,
        /// Its output limit, if [`ServedRecord::MAX_OUTPUT`] is set.
        max_output_tokens: u32,
        /// Its prices (pricing index).
        pricing: u32,
        /// Its fine-tune prices (pricing index).
        fine_tune_pricing: u32,
        /// Release date ([`date_to_u32`]).
        release_date: u32,
        /// Retirement date ([`date_to_u32`]).
        retires: u32,
        /// Which facts are known, and whether it is deprecated.
        bits: u32,
    }
}

impl ServedRecord {
    /// `bits`: the context window is known.
    pub const CONTEXT: u32 = 1;
    /// `bits`: the output limit is known.
    pub const MAX_OUTPUT: u32 = 2;
    /// `bits`: deprecated.
    pub const DEPRECATED: u32 = 4;

    /// The record of the facts of `s` that are numbers: limits, dates and the `bits`. Its id
    /// and prices are left for the writer of the tables ([`NONE`] and 0).
    #[must_use]
    pub fn facts(s: &ServedNameEntry) -> ServedRecord {
        let mut bits = 0;
        for (set, bit) in [
            (s.context_window.is_some(), ServedRecord::CONTEXT),
            (s.max_output_tokens.is_some(), ServedRecord::MAX_OUTPUT),
            (s.deprecated, ServedRecord::DEPRECATED),
        ] {
            if set {
                bits |= bit;
            }
        }
        ServedRecord {
            id: NONE,
            context_window: s.context_window.unwrap_or(0),
            max_output_tokens: s.max_output_tokens.unwrap_or(0),
            release_date: date_to_u32(s.release_date),
            retires: date_to_u32(s.retires),
            bits,
            ..ServedRecord::EMPTY
        }
    }
}

record! {
    /// An API surface: parameters (string numbers in the list; `params_at` [`NONE`] when
    /// unknown), format and endpoint ([`SurfaceRecord::NO_SURFACE`] when unknown).
    SurfaceRecord {
        /// Where the parameters begin in the list, or [`NONE`].
        params_at: u32,
        /// How many parameters.
        params_len: u32,
        /// The format ([`SurfaceRecord::format_to_u32`]).
        format: u32,
        /// The endpoint ([`SurfaceRecord::surface_to_u32`]).
        surface: u32,
    }
}

impl SurfaceRecord {
    /// `surface`: none given.
    pub const NO_SURFACE: u32 = NONE;

    /// The number of a format.
    #[must_use]
    pub const fn format_to_u32(f: ApiFormat) -> u32 {
        match f {
            ApiFormat::Openai => 0,
            ApiFormat::Anthropic => 1,
        }
    }

    /// The format of this record.
    #[must_use]
    pub const fn api_format(&self) -> ApiFormat {
        match self.format {
            1 => ApiFormat::Anthropic,
            _ => ApiFormat::Openai,
        }
    }

    /// The number of an endpoint.
    #[must_use]
    pub const fn surface_to_u32(s: Option<Surface>) -> u32 {
        match s {
            Some(Surface::ChatCompletions) => 0,
            Some(Surface::Responses) => 1,
            Some(Surface::Messages) => 2,
            None => NONE,
        }
    }

    /// The endpoint of this record.
    #[must_use]
    pub const fn api_surface(&self) -> Option<Surface> {
        match self.surface {
            0 => Some(Surface::ChatCompletions),
            1 => Some(Surface::Responses),
            2 => Some(Surface::Messages),
            _ => None,
        }
    }
}

record! {
    /// A distillation policy: string numbers ([`NONE`] for none).
    DistillationRecord {
        /// Status.
        status: u32,
        /// Label.
        label: u32,
        /// Basis.
        basis: u32,
        /// Source URL.
        source_url: u32,
        /// Note.
        note: u32,
    }
}

record! {
    /// A key table's seed, slot count and bucket (pilot) count.
    TableRecord {
        /// The hash seed.
        seed: u64,
        /// How many slots.
        slots: u32,
        /// How many buckets.
        buckets: u32,
    }
}

/// A date as a number: `year << 16 | month << 8 | day`; 0 for none.
#[must_use]
pub const fn date_to_u32(d: Option<Date>) -> u32 {
    match d {
        Some(d) => (d.year() as u32) << 16 | (d.month() as u32) << 8 | d.day() as u32,
        None => 0,
    }
}

/// The date [`date_to_u32`] made `n` of (`None` for 0 or an impossible day).
#[must_use]
pub const fn date_from_u32(n: u32) -> Option<Date> {
    if n == 0 {
        return None;
    }
    Date::from_ymd((n >> 16) as u16, (n >> 8) as u8, n as u8)
}

/// Capability flags as a byte: two bits each (tools, parallel tools, reasoning, structured
/// output), 0 unknown, 1 no, 2 yes.
#[must_use]
pub const fn flags_to_u8(f: &Flags) -> u8 {
    const fn two(k: Option<bool>) -> u8 {
        match k {
            None => 0,
            Some(false) => 1,
            Some(true) => 2,
        }
    }
    two(f.tools)
        | two(f.parallel_tools) << 2
        | two(f.reasoning) << 4
        | two(f.structured_output) << 6
}

/// The flags [`flags_to_u8`] made `b` of.
#[must_use]
pub const fn flags_from_u8(b: u8) -> Flags {
    const fn known(b: u8, at: u8) -> Option<bool> {
        match (b >> at) & 3 {
            1 => Some(false),
            2 => Some(true),
            _ => None,
        }
    }
    Flags {
        tools: known(b, 0),
        parallel_tools: known(b, 2),
        reasoning: known(b, 4),
        structured_output: known(b, 6),
    }
}
