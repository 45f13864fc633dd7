//! [`Query`]: filter and sort the catalog's models.

use crate::data::capability::{Capability, Support};

use crate::data::date::Date;

use crate::data::modality::{Modalities, Modality};

use crate::data::price::Price;

use crate::lifecycle::Lifecycle;

use crate::model::Model;
use std::cmp::Ordering;
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
    /// ASCII case ignored; counts under keys that differ only in case are added together.
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
            && at_most(m.pricing().input, self.max_input_price)
            && at_most(m.pricing().output, self.max_output_price)
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
        self.run_over(crate::builtin::MODELS.iter())
    }

    /// Runs the query over `models` (given in catalog order).
    pub(crate) fn run_over<'a>(
        &self,
        models: impl IntoIterator<Item = &'a Model>,
    ) -> Vec<&'a Model> {
        let mut found: Vec<&Model> = models.into_iter().filter(|m| self.matches(m)).collect();
        sort_models(&mut found, &self.sort);
        found
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
        self.cheapest_over(crate::builtin::MODELS.iter())
    }

    /// [`cheapest`](Query::cheapest) over `models`.
    pub(crate) fn cheapest_over<'a>(
        &self,
        models: impl IntoIterator<Item = &'a Model>,
    ) -> Option<&'a Model> {
        let sort = match self.sort {
            Sort::InputPrice | Sort::OutputPrice | Sort::Blended { .. } => self.sort.clone(),
            _ => Sort::Blended {
                input: 1,
                output: 1,
            },
        };
        let mut found: Vec<&Model> = models
            .into_iter()
            .filter(|m| self.matches(m) && sort_key(m, &sort).is_some())
            .collect();
        sort_models(&mut found, &sort);
        found.first().copied()
    }
}

/// What a model is sorted by (smaller first); `None` when unknown.
fn sort_key(m: &Model, sort: &Sort) -> Option<u128> {
    let p = m.pricing();
    match sort {
        Sort::Catalog | Sort::Usage(_) => Some(0),
        Sort::InputPrice => p.input.map(|x| u128::from(x.picos_per_token())),
        Sort::OutputPrice => p.output.map(|x| u128::from(x.picos_per_token())),
        // The weighted sum; dividing by the total weight would not change the order.
        Sort::Blended { input, output } => Some(
            u128::from(p.input?.picos_per_token()) * u128::from(*input)
                + u128::from(p.output?.picos_per_token()) * u128::from(*output),
        ),
        Sort::ContextWindow => m.context_window().map(|c| u128::from(u32::MAX - c)),
    }
}

fn sort_models(found: &mut [&Model], sort: &Sort) {
    match sort {
        Sort::Catalog => {}
        Sort::Usage(counts) => {
            let counts: HashMap<String, u64> = counts
                .iter()
                .map(|(k, v)| (k.to_ascii_lowercase(), *v))
                .collect();
            let count = |m: &Model| counts.get(&m.id().to_ascii_lowercase()).copied();
            // Stable: ties keep catalog order.
            found.sort_by(|a, b| match (count(a), count(b)) {
                (Some(x), Some(y)) => y.cmp(&x),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            });
        }
        _ => found.sort_by_key(|m| (sort_key(m, sort).is_none(), sort_key(m, sort))),
    }
}
