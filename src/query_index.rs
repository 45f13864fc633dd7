//! [`QueryIndex`]: what a [`Query`](crate::Query) reads instead of every model record:
//! bitsets of capabilities and modalities, the models of each tag, columns of limits,
//! prices, vendors and lifecycles, and the models in order of price and of context window.
//!
//! A catalog's index is made the first time it is queried (the built-in catalog's once per
//! process), in time linear in the catalog's size and then `n log n` for the orders; a
//! query then costs in proportion to the models its bitsets leave, and a provider's models
//! are one range (or two: built-in and the overlay's).

use crate::bits::Bits;
use crate::builtin::PROVIDERS;
use crate::data::capability::{Capability, Support};
use crate::data::date::Date;
use crate::data::key::fold;
use crate::data::modality::Modality;
use crate::data::price::Price;
use crate::lifecycle::Lifecycle;
use crate::name_index::{NameIndex, GLOBAL};
use crate::overlay::BUILTIN_PROVIDERS;
use crate::provider::Provider;
use crate::tables::Tables;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// A catalog's query index; model `i` is the model with catalog index `i`.
pub(crate) struct QueryIndex {
    len: usize,
    /// Per capability (in [`Capability::ALL`] order): the models known to support it.
    caps: Vec<Bits>,
    /// Per modality (in [`Modality::ALL`] order): the models known to take it as input.
    inputs: Vec<Bits>,
    /// Likewise, to produce it.
    outputs: Vec<Bits>,
    pub(crate) context: Vec<Option<u32>>,
    pub(crate) max_output: Vec<Option<u32>>,
    pub(crate) input: Vec<Option<Price>>,
    pub(crate) output: Vec<Option<Price>>,
    /// Each model's vendor, as a code of `vendors` (`u32::MAX` when unknown).
    pub(crate) vendor: Vec<u32>,
    /// Vendors, ASCII-lowercased, and their codes.
    vendors: HashMap<String, u32>,
    /// Each tag's models, in catalog order.
    tags: HashMap<String, Vec<u32>>,
    /// Each model's deprecation and retirement.
    lifecycle: Vec<(bool, Option<Date>)>,
    /// The models with an input price, cheapest first (ties in catalog order).
    pub(crate) by_input: Vec<u32>,
    /// Likewise by output price.
    pub(crate) by_output: Vec<u32>,
    /// The models with a context window, largest first (ties in catalog order).
    pub(crate) by_context: Vec<u32>,
    /// Model ids (folded), for usage counts keyed by id: each id's run of `id_models`
    /// (several providers may define models of one id).
    ids: NameIndex<(u32, u32)>,
    /// The models of each id, by id then catalog order.
    id_models: Vec<u32>,
}

impl QueryIndex {
    /// The index of the catalog of `t`.
    pub(crate) fn of(t: Tables<'_>) -> &QueryIndex {
        static BUILTIN: OnceLock<QueryIndex> = OnceLock::new();
        match t.0 {
            None => BUILTIN.get_or_init(|| QueryIndex::new(t)),
            Some(o) => o.query.get_or_init(|| QueryIndex::new(t)),
        }
    }

    fn new(t: Tables<'_>) -> QueryIndex {
        let len = t.model_count() as usize;
        let bits = |n: usize| (0..n).map(|_| Bits::new(len)).collect::<Vec<_>>();
        let mut ix = QueryIndex {
            len,
            caps: bits(Capability::ALL.len()),
            inputs: bits(Modality::ALL.len()),
            outputs: bits(Modality::ALL.len()),
            context: Vec::with_capacity(len),
            max_output: Vec::with_capacity(len),
            input: Vec::with_capacity(len),
            output: Vec::with_capacity(len),
            vendor: Vec::with_capacity(len),
            vendors: HashMap::new(),
            tags: HashMap::new(),
            lifecycle: Vec::with_capacity(len),
            by_input: Vec::new(),
            by_output: Vec::new(),
            by_context: Vec::new(),
            ids: NameIndex::default(),
            id_models: Vec::new(),
        };
        let mut ids = Vec::with_capacity(len);
        for i in 0..len as u32 {
            let m = t.model_at(i);
            for (k, &c) in Capability::ALL.iter().enumerate() {
                if m.capability(c) == Support::Yes {
                    ix.caps[k].insert(i);
                }
            }
            for (k, &modality) in Modality::ALL.iter().enumerate() {
                if m.input_modalities().is_some_and(|s| s.contains(modality)) {
                    ix.inputs[k].insert(i);
                }
                if m.output_modalities().is_some_and(|s| s.contains(modality)) {
                    ix.outputs[k].insert(i);
                }
            }
            ix.context.push(m.context_window());
            ix.max_output.push(m.max_output_tokens());
            let prices = m.pricing();
            ix.input.push(prices.input);
            ix.output.push(prices.output);
            let code = match m.vendor() {
                Some(v) => {
                    let next = ix.vendors.len() as u32;
                    *ix.vendors.entry(fold(v)).or_insert(next)
                }
                None => u32::MAX,
            };
            ix.vendor.push(code);
            for tag in m.tags() {
                let list = ix.tags.entry(tag.to_owned()).or_default();
                // A tag listed twice on one model counts once.
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
            ix.lifecycle.push((m.is_deprecated(), m.retires()));
            ids.push((fold(m.id()), i));
        }
        ix.by_input = order(&ix.input, |p| p);
        ix.by_output = order(&ix.output, |p| p);
        ix.by_context = order(&ix.context, |c| u32::MAX - c);
        ids.sort_unstable();
        let mut runs = Vec::new();
        let mut ids = ids.into_iter().peekable();
        while let Some((id, i)) = ids.next() {
            let start = ix.id_models.len() as u32;
            ix.id_models.push(i);
            while let Some((_, j)) = ids.next_if(|(next, _)| *next == id) {
                ix.id_models.push(j);
            }
            runs.push((id, GLOBAL, (start, ix.id_models.len() as u32)));
        }
        ix.ids = NameIndex::new(runs);
        ix
    }

    /// How many models the catalog has.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The models known to support `c` (none for a capability this index does not know).
    pub(crate) fn capability(&self, c: Capability) -> Option<&Bits> {
        let k = Capability::ALL.iter().position(|&x| x == c)?;
        self.caps.get(k)
    }

    /// The models known to take `m` as input (`output`: to produce it).
    pub(crate) fn modality(&self, m: Modality, output: bool) -> Option<&Bits> {
        let k = Modality::ALL.iter().position(|&x| x == m)?;
        if output {
            self.outputs.get(k)
        } else {
            self.inputs.get(k)
        }
    }

    /// The code of vendor `v` (ASCII case ignored), if some model has it.
    pub(crate) fn vendor_code(&self, v: &str) -> Option<u32> {
        self.vendors.get(&fold(v)).copied()
    }

    /// The models carrying `tag`.
    pub(crate) fn tagged(&self, tag: &str) -> &[u32] {
        self.tags.get(tag).map_or(&[], Vec::as_slice)
    }

    /// The lifecycle of model `i` on `date`.
    pub(crate) fn lifecycle_on(&self, i: u32, date: Date) -> Lifecycle {
        let (deprecated, retires) = self.lifecycle[i as usize];
        Lifecycle::of(deprecated, retires, date)
    }

    /// The models whose id is `id` (ASCII case ignored), in catalog order.
    pub(crate) fn models_with_id(&self, id: &str) -> &[u32] {
        self.ids
            .get(id, GLOBAL)
            .and_then(|&(start, end)| self.id_models.get(start as usize..end as usize))
            .unwrap_or_default()
    }
}

/// The indexes of the models whose `column` value is known, by `key` of it ascending, ties
/// in catalog order.
fn order<T: Copy, K: Ord>(column: &[Option<T>], key: impl Fn(T) -> K) -> Vec<u32> {
    let mut known: Vec<(K, u32)> = column
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (key(v), i as u32)))
        .collect();
    known.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    known.into_iter().map(|(_, i)| i).collect()
}

/// The catalog indexes of the models provider `p` defines: its compiled range, and the
/// overlay's.
pub(crate) fn model_ranges(t: Tables<'_>, p: &Provider) -> [Range<u32>; 2] {
    let compiled = if p.index < BUILTIN_PROVIDERS {
        let (start, end) = PROVIDERS[p.index as usize].model_span();
        start..end
    } else {
        0..0
    };
    let added = t.0.map_or(0..0, |o| {
        let own = o.models_of(p.index);
        match (own.first(), own.last()) {
            (Some(a), Some(b)) => a.index()..b.index() + 1,
            _ => 0..0,
        }
    });
    [compiled, added]
}
