//! [`Query`]: filter and sort the catalog's models.

use crate::bits::Bits;
use crate::data::capability::{Capability, Support};
use crate::data::date::Date;
use crate::data::modality::{Modalities, Modality};
use crate::data::price::Price;
use crate::lifecycle::Lifecycle;
use crate::model::Model;
use crate::provider::Provider;
use crate::query_index::{model_ranges, QueryIndex};
use crate::tables::Tables;
use std::cmp::Reverse;
use std::collections::HashMap;

/// How to order a query's results. Models lacking the value sorted on come last; ties keep
/// catalog order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Sort {
    /// Catalog order.
    #[default]
    Catalog,
    /// Input price, cheapest first.
    InputPrice,
    /// Output price, cheapest first.
    OutputPrice,
    /// A blend of input and output prices weighted `input : output` (for example 3 : 1 for
    /// three input tokens per output token), cheapest first. Compared exactly.
    Blended {
        /// Weight of the input price.
        input: u32,
        /// Weight of the output price.
        output: u32,
    },
    /// Context window, largest first.
    ContextWindow,
    /// By caller-supplied usage counts, highest first (NanoGPT's `sort=mostused` and
    /// `sort=favorites`). Models without a count follow, in catalog order. Keys are model ids,
    /// ASCII case ignored; counts under keys that differ only in case are added together
    /// (saturating at `u64::MAX`).
    Usage(HashMap<String, u64>),
}

/// A filter and sort over the catalog's models.
///
/// Every filter keeps only models where the fact is known and passes: a capability filter
/// keeps models where it is known to be supported, a price cap keeps models with a known
/// price at or under it.
///
/// ```
/// use model_catalog::{Capability, Modality, Query, Sort};
///
/// // Which models take an image and call tools with 200k context, cheapest input first?
/// let found = Query::new()
///     .capability(Capability::Tools)
///     .input_modality(Modality::Image)
///     .min_context(200_000)
///     .sort(Sort::InputPrice)
///     .run();
/// assert!(!found.is_empty());
/// // Cheapest first; models without an input price would come last.
/// let prices: Vec<_> = found.iter().map_while(|m| m.pricing().input).collect();
/// assert!(prices.windows(2).all(|w| w[0] <= w[1]));
/// ```
#[derive(Debug, Clone, Default)]
#[must_use = "a query does nothing until it is run"]
pub struct Query {
    capabilities: Vec<Capability>,
    input_modalities: Modalities,
    output_modalities: Modalities,
    min_context: Option<u32>,
    min_output: Option<u32>,
    max_input_price: Option<Price>,
    max_output_price: Option<Price>,
    providers: Vec<String>,
    vendors: Vec<String>,
    tags: Vec<String>,
    active_on: Option<Date>,
    served_on: Option<Date>,
    sort: Sort,
}

impl Query {
    /// A query that keeps every model, in catalog order.
    pub fn new() -> Query {
        Query::default()
    }

    /// Keep models known to support `c`. Repeatable: all must hold.
    pub fn capability(mut self, c: Capability) -> Query {
        self.capabilities.push(c);
        self
    }

    /// Keep models known to take `m` as input. Repeatable.
    pub fn input_modality(mut self, m: Modality) -> Query {
        self.input_modalities = self.input_modalities.with(m);
        self
    }

    /// Keep models known to produce `m`. Repeatable.
    pub fn output_modality(mut self, m: Modality) -> Query {
        self.output_modalities = self.output_modalities.with(m);
        self
    }

    /// Keep models with a context window of at least `tokens`.
    pub fn min_context(mut self, tokens: u32) -> Query {
        self.min_context = Some(tokens);
        self
    }

    /// Keep models whose output limit is at least `tokens`.
    pub fn min_output_tokens(mut self, tokens: u32) -> Query {
        self.min_output = Some(tokens);
        self
    }

    /// Keep models whose input price is at most `p`.
    pub fn max_input_price(mut self, p: Price) -> Query {
        self.max_input_price = Some(p);
        self
    }

    /// Keep models whose output price is at most `p`.
    pub fn max_output_price(mut self, p: Price) -> Query {
        self.max_output_price = Some(p);
        self
    }

    /// Keep models defined by provider `id`: the provider's canonical id (not an alias),
    /// ASCII case ignored, matched against [`Model::provider_id`], so models a provider only
    /// offers for others are not included (see [`models_of`](crate::models_of) for those).
    /// Repeatable: any may match.
    pub fn provider(mut self, id: &str) -> Query {
        self.providers.push(id.to_ascii_lowercase());
        self
    }

    /// Keep models made by `vendor` (`openai`, `meta`). Repeatable: any may match.
    pub fn vendor(mut self, vendor: &str) -> Query {
        self.vendors.push(vendor.to_ascii_lowercase());
        self
    }

    /// Keep models carrying `tag`. Repeatable: all must hold.
    pub fn tag(mut self, tag: &str) -> Query {
        self.tags.push(tag.to_owned());
        self
    }

    /// Keep models that are [`Lifecycle::Active`] on `date`: neither deprecated nor retired.
    pub fn active_on(mut self, date: Date) -> Query {
        self.active_on = Some(date);
        self
    }

    /// Keep models still served on `date`: active, or deprecated but not yet retired.
    pub fn served_on(mut self, date: Date) -> Query {
        self.served_on = Some(date);
        self
    }

    /// Order the results.
    pub fn sort(mut self, sort: Sort) -> Query {
        self.sort = sort;
        self
    }

    /// Whether `m` passes every filter.
    pub fn matches(&self, m: &Model) -> bool {
        let known_all = |have: Option<Modalities>, want: Modalities| {
            want.is_empty() || have.is_some_and(|h| h.contains_all(want))
        };
        let at_least = |have: Option<u32>, want: Option<u32>| {
            want.is_none_or(|w| have.is_some_and(|h| h >= w))
        };
        let at_most = |have: Option<Price>, cap: Option<Price>| {
            cap.is_none_or(|c| have.is_some_and(|h| h <= c))
        };
        self.capabilities
            .iter()
            .all(|&c| m.capability(c) == Support::Yes)
            && known_all(m.input_modalities(), self.input_modalities)
            && known_all(m.output_modalities(), self.output_modalities)
            && at_least(m.context_window(), self.min_context)
            && at_least(m.max_output_tokens(), self.min_output)
            && ((self.max_input_price.is_none() && self.max_output_price.is_none()) || {
                let prices = m.pricing();
                at_most(prices.input, self.max_input_price)
                    && at_most(prices.output, self.max_output_price)
            })
            && (self.providers.is_empty()
                || self
                    .providers
                    .iter()
                    .any(|p| p.eq_ignore_ascii_case(m.provider_id())))
            && (self.vendors.is_empty()
                || m.vendor()
                    .is_some_and(|v| self.vendors.iter().any(|x| x.eq_ignore_ascii_case(v))))
            && self.tags.iter().all(|t| m.has_tag(t))
            && self
                .active_on
                .is_none_or(|d| m.lifecycle_on(d) == Lifecycle::Active)
            && self.served_on.is_none_or(|d| m.lifecycle_on(d).is_served())
    }

    /// [`Catalog::query`](crate::Catalog::query) of the built-in catalog.
    pub fn run(&self) -> Vec<&'static Model> {
        self.run_in(Tables(None))
    }

    /// Runs the query over the catalog of `t`, through its [`QueryIndex`]: the filters
    /// the index answers with bitsets (providers, capabilities, modalities, tags) leave the
    /// candidates; the others read one column each for those; the price and context orders
    /// are kept sorted.
    pub(crate) fn run_in<'c>(&self, t: Tables<'c>) -> Vec<&'c Model> {
        let ix = QueryIndex::of(t);
        let found = self.candidates(t, ix);
        let order = match &self.sort {
            Sort::Catalog => found.iter().collect(),
            Sort::InputPrice => sorted(&found, &ix.by_input, |i| ix.input[i as usize]),
            Sort::OutputPrice => sorted(&found, &ix.by_output, |i| ix.output[i as usize]),
            Sort::ContextWindow => sorted(&found, &ix.by_context, |i| {
                ix.context[i as usize].map(|c| u32::MAX - c)
            }),
            Sort::Blended { input, output } => {
                sorted(&found, &[], |i| blended(ix, i, *input, *output))
            }
            Sort::Usage(counts) => by_usage(&found, ix, counts),
        };
        order.into_iter().map(|i| t.model_at(i)).collect()
    }

    /// [`Catalog::cheapest`](crate::Catalog::cheapest) of the built-in catalog: by the
    /// query's sort when it is a price sort, else by input plus output price (a 1 : 1
    /// blend). Models without the prices compared are not candidates.
    ///
    /// ```
    /// use model_catalog::{Capability, Query};
    /// let m = Query::new().capability(Capability::Reasoning).cheapest().unwrap();
    /// assert!(m.pricing().input.is_some());
    /// ```
    pub fn cheapest(&self) -> Option<&'static Model> {
        self.cheapest_in(Tables(None))
    }

    /// [`cheapest`](Query::cheapest) in the catalog of `t`: the least (price, catalog
    /// index) among the candidates.
    pub(crate) fn cheapest_in<'c>(&self, t: Tables<'c>) -> Option<&'c Model> {
        let ix = QueryIndex::of(t);
        let found = self.candidates(t, ix);
        let least = |key: &dyn Fn(u32) -> Option<u128>| {
            found.iter().filter_map(|i| key(i).map(|k| (k, i))).min()
        };
        let best = match self.sort {
            Sort::InputPrice => least(&|i| ix.input[i as usize].map(picos)),
            Sort::OutputPrice => least(&|i| ix.output[i as usize].map(picos)),
            Sort::Blended { input, output } => least(&|i| blended(ix, i, input, output)),
            _ => least(&|i| blended(ix, i, 1, 1)),
        };
        best.map(|(_, i)| t.model_at(i))
    }

    /// The models that pass every filter, as a set of catalog indexes.
    fn candidates(&self, t: Tables<'_>, ix: &QueryIndex) -> Bits {
        let n = ix.len();
        let mut found = if self.providers.is_empty() {
            Bits::all(n)
        } else {
            let mut b = Bits::new(n);
            for p in self
                .providers
                .iter()
                .filter_map(|id| provider_with_id(t, id))
            {
                for range in model_ranges(t, p) {
                    b.insert_range(range);
                }
            }
            b
        };
        // A capability or modality the index does not know leaves nothing.
        let keep = |found: &mut Bits, set: Option<&Bits>| match set {
            Some(b) => found.and(b),
            None => found.retain(|_| false),
        };
        for &c in &self.capabilities {
            keep(&mut found, ix.capability(c));
        }
        for &m in Modality::ALL {
            for (wanted, output) in [
                (self.input_modalities, false),
                (self.output_modalities, true),
            ] {
                if wanted.contains(m) {
                    keep(&mut found, ix.modality(m, output));
                }
            }
        }
        for tag in &self.tags {
            let mut tagged = Bits::new(n);
            for &i in ix.tagged(tag) {
                tagged.insert(i);
            }
            found.and(&tagged);
        }
        if !self.vendors.is_empty() {
            let codes: Vec<u32> = self
                .vendors
                .iter()
                .filter_map(|v| ix.vendor_code(v))
                .collect();
            found.retain(|i| codes.contains(&ix.vendor[i as usize]));
        }
        let at_least = |have: Option<u32>, want: u32| have.is_some_and(|h| h >= want);
        let at_most = |have: Option<Price>, cap: Price| have.is_some_and(|h| h <= cap);
        if let Some(w) = self.min_context {
            found.retain(|i| at_least(ix.context[i as usize], w));
        }
        if let Some(w) = self.min_output {
            found.retain(|i| at_least(ix.max_output[i as usize], w));
        }
        if let Some(c) = self.max_input_price {
            found.retain(|i| at_most(ix.input[i as usize], c));
        }
        if let Some(c) = self.max_output_price {
            found.retain(|i| at_most(ix.output[i as usize], c));
        }
        if let Some(d) = self.active_on {
            found.retain(|i| ix.lifecycle_on(i, d) == Lifecycle::Active);
        }
        if let Some(d) = self.served_on {
            found.retain(|i| ix.lifecycle_on(i, d).is_served());
        }
        found
    }
}

/// The provider whose canonical id is `id`, ASCII case ignored.
fn provider_with_id<'c>(t: Tables<'c>, id: &str) -> Option<&'c Provider> {
    match t.provider_key(id) {
        Some(h) if h.provider.id().eq_ignore_ascii_case(id) => Some(h.provider),
        // Not found, or an alias that another provider's id spells: look at every id.
        _ => (0..t.provider_count())
            .map(|i| t.provider_at(i))
            .find(|p| p.id().eq_ignore_ascii_case(id)),
    }
}

fn picos(p: Price) -> u128 {
    u128::from(p.picos_per_token())
}

/// Model `i`'s blend of input and output prices weighted `input : output`, if it has both.
fn blended(ix: &QueryIndex, i: u32, input: u32, output: u32) -> Option<u128> {
    let (a, b) = (ix.input[i as usize]?, ix.output[i as usize]?);
    Some(picos(a) * u128::from(input) + picos(b) * u128::from(output))
}

/// The indexes of `found` by `key` ascending (ties in catalog order), then those without a
/// key in catalog order. `order` is every model with a key, in that order: walked when most
/// models are candidates; a few candidates are sorted instead.
fn sorted<K: Ord>(found: &Bits, order: &[u32], key: impl Fn(u32) -> Option<K>) -> Vec<u32> {
    let count = found.count();
    let mut out = Vec::with_capacity(count);
    if order.is_empty() || count * 16 < order.len() {
        let mut keyed: Vec<(K, u32)> = found
            .iter()
            .filter_map(|i| key(i).map(|k| (k, i)))
            .collect();
        keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        out.extend(keyed.into_iter().map(|(_, i)| i));
    } else {
        out.extend(order.iter().copied().filter(|&i| found.contains(i)));
    }
    out.extend(found.iter().filter(|&i| key(i).is_none()));
    out
}

/// The indexes of `found` by usage count, highest first (counts under ids that differ
/// only in ASCII case added together; ties in catalog order), then those without a count
/// in catalog order.
fn by_usage(found: &Bits, ix: &QueryIndex, counts: &HashMap<String, u64>) -> Vec<u32> {
    let mut ranked: HashMap<u32, u64> = HashMap::new();
    for (id, &n) in counts {
        for &i in ix.models_with_id(id).iter().filter(|&&i| found.contains(i)) {
            let c = ranked.entry(i).or_default();
            *c = c.saturating_add(n);
        }
    }
    let mut first: Vec<(Reverse<u64>, u32)> =
        ranked.iter().map(|(&i, &n)| (Reverse(n), i)).collect();
    first.sort_unstable();
    let mut out: Vec<u32> = first.into_iter().map(|(_, i)| i).collect();
    out.extend(found.iter().filter(|i| !ranked.contains_key(i)));
    out
}
