//! What a run-time catalog adds to the compiled one: the [`Overlay`] built from validated
//! documents, and the compiled catalog as the validator's base.

use crate::bits::Bits;
use crate::builtin::{self, MODELS, PROVIDERS};
use crate::data::compiled::OfferRecord;
use crate::data::key::{fold, MatchKind};
use crate::data::schema::DataFile;
use crate::data::validate::{self, Base, DataError, Overrides, Validated};
use crate::document_store::DocumentStore;
use crate::model::Model;
use crate::model_tables::ModelTables;
use crate::names::NameLists;
use crate::offer::{Offer, OfferData};
use crate::overlay_keys::OverlayKeys;
use crate::provider::{ApiSurface, Provider, ProviderData};
use crate::query_index::QueryIndex;
use crate::text::Text;
use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// `a` against `b`, byte by byte with ASCII case ignored.
fn cmp_folded(a: &str, b: &str) -> Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

/// What a run-time catalog adds to the compiled one. Indexes are in the combined space:
/// built-in providers and models first, the overlay's after them.
pub(crate) struct Overlay {
    /// A number of its own among the overlays of the process: the models, offers and
    /// providers it makes carry it, so that a catalog knows its own handles from another's
    /// (another tenant's may name theirs alike).
    pub(crate) build: u64,
    /// The documents the overlay was built from.
    pub(crate) docs: DocumentStore,
    pub(crate) overrides: Overrides,
    /// New providers, in index order.
    pub(crate) providers: Vec<Provider>,
    /// Replacements of compiled providers, in index order.
    replaced: Vec<Provider>,
    /// The indexes of the compiled providers replaced.
    replaced_bits: Bits,
    /// Models, grouped by provider in index order: a provider's are one range.
    pub(crate) models: Vec<Model>,
    /// Offers, grouped by provider likewise.
    pub(crate) offers: Vec<Offer>,
    /// Positions in `offers`, by model index (then position).
    offers_by_model: Vec<u32>,
    /// The same positions by model index, then upstream id (ASCII case ignored), then
    /// position: the offers of a model sent under one name are found by halving.
    offers_by_upstream: Vec<u32>,
    /// The names the overlay adds.
    pub(crate) keys: OverlayKeys,
    /// Aliases the documents declare apart for compiled models, as written, with the
    /// model's index: for suggestions (the compiled models' own lists do not hold them).
    builtin_aliases: Vec<(u32, Box<str>)>,
    /// Providers (catalog index) that list a model here, their own or offered.
    listing: Bits,
    /// Per provider (catalog index): where its models start in `models`, and its offers in
    /// `offers`; provider `p`'s are from its start to provider `p + 1`'s.
    starts: Vec<(u32, u32)>,
    /// The names suggestions are drawn from, made on first use.
    pub(crate) names: OnceLock<Arc<NameLists>>,
    /// What queries read, made on first use.
    pub(crate) query: OnceLock<QueryIndex>,
}

#[derive(Clone, Copy)]
pub(crate) struct Hit {
    pub(crate) index: u32,
    pub(crate) kind: MatchKind,
    pub(crate) overrides: bool,
    /// For a served name: its position among its model's served names.
    pub(crate) served: u32,
}

pub(crate) const BUILTIN_PROVIDERS: u32 = PROVIDERS.len() as u32;
pub(crate) const BUILTIN_MODELS: u32 = MODELS.len() as u32;

/// The compiled catalog as a validation base.
struct BuiltinBase;

impl Base for BuiltinBase {
    fn provider_count(&self) -> usize {
        PROVIDERS.len()
    }
    fn model_count(&self) -> usize {
        MODELS.len()
    }
    fn provider_key(&self, key: &str) -> Option<(usize, MatchKind, String)> {
        builtin::provider_key(key).map(|(p, k)| (p.index as usize, k, p.id().to_owned()))
    }
    fn model_key(&self, key: &str) -> Option<(usize, MatchKind, String)> {
        builtin::model_key(key).map(|(m, k)| (m.index() as usize, k, m.id().to_owned()))
    }
    fn model_prefix(&self, key: &str) -> (bool, bool) {
        builtin::model_prefix(key)
    }
    fn model_provider(&self, index: usize) -> Option<usize> {
        MODELS.get(index).map(|m| m.provider_index() as usize)
    }
    fn provider_id(&self, index: usize) -> Option<String> {
        PROVIDERS.get(index).map(|p| p.id().to_owned())
    }
    fn provider_key_env(&self, index: usize) -> Option<String> {
        PROVIDERS
            .get(index)
            .and_then(Provider::api_key_env)
            .map(str::to_owned)
    }
    fn offers(&self, provider: usize, model: usize) -> bool {
        match (PROVIDERS.get(provider), MODELS.get(model)) {
            (Some(p), Some(m)) => builtin::offer_of(p, m).is_some_and(|o| o.is_some()),
            _ => false,
        }
    }
    fn serves_as(&self, model: usize, name: &str) -> bool {
        MODELS
            .get(model)
            .is_some_and(|m| m.served_as(name).is_some())
    }
}

/// Validates documents on top of the compiled catalog, as run-time catalogs do.
pub(crate) fn validate<'a>(
    docs: &'a [(String, DataFile)],
    overrides: &Overrides,
) -> Result<Validated<'a>, Vec<DataError>> {
    validate::validate_over(&BuiltinBase, overrides, docs)
}

/// A copy of `items`, as a run-time catalog owns them.
fn owned_list(items: &[String]) -> Cow<'static, [Text]> {
    Cow::Owned(items.iter().map(|s| Cow::Owned(s.clone())).collect())
}

/// A copy of `s`, as a run-time catalog owns it.
fn owned(s: &Option<String>) -> Option<Text> {
    s.clone().map(Cow::Owned)
}

/// The next overlay's [`Overlay::build`].
static NEXT_BUILD: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Overlay {
    /// The overlay of validated documents `v`, which are `docs` validated with `overrides`;
    /// an error if its models' strings pass what the tables number. What the overlay keeps
    /// of the documents is copied from them.
    pub(crate) fn new(
        v: Validated<'_>,
        docs: DocumentStore,
        overrides: Overrides,
    ) -> Result<Overlay, DataError> {
        // Relaxed: the number only has to be unique, not ordered with anything.
        let build = NEXT_BUILD.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let Validated {
            model_base,
            providers: provider_recs,
            models: model_recs,
            offers: offer_recs,
            model_keys,
            provider_keys,
            base_aliases,
            ..
        } = v;
        let base_models = model_base as u32;
        let mut ids: HashMap<usize, &str> = HashMap::with_capacity(provider_recs.len());
        for p in &provider_recs {
            ids.insert(p.index, &p.entry.id);
        }
        let provider_id = |index: usize| -> &str {
            ids.get(&index)
                .copied()
                .or_else(|| PROVIDERS.get(index).map(|p| p.id()))
                .unwrap_or_default()
        };
        let mut providers = Vec::new();
        let mut replaced = Vec::new();
        let mut replaced_bits = Bits::new(PROVIDERS.len());
        for rec in provider_recs {
            let e = rec.entry;
            let base = rec.overrides.then(|| &PROVIDERS[rec.index]);
            let mut aliases: Vec<String> = base
                .map(|b| b.aliases().map(str::to_owned).collect())
                .unwrap_or_default();
            let mut seen: HashSet<String> = aliases.iter().map(|a| fold(a)).collect();
            for a in &e.aliases {
                if seen.insert(fold(a)) {
                    aliases.push(a.clone());
                }
            }
            let data = ProviderData {
                build,
                id: Cow::Owned(e.id.clone()),
                name: Cow::Owned(e.name.clone()),
                aliases: Cow::Owned(aliases.into_iter().map(Cow::Owned).collect()),
                description: owned(&e.description),
                base_url: owned(&e.base_url),
                website: owned(&e.website),
                docs: owned(&e.docs),
                key_required: e.key_required,
                gateway_credentials: e.gateway_credentials,
                aggregator: e.aggregator,
                models: match base {
                    Some(b) => b.model_span(),
                    None => (
                        (base_models + rec.models.start as u32),
                        (base_models + rec.models.end as u32),
                    ),
                },
                offers: base.map_or((0, 0), Provider::offer_span),
                api_surfaces: Cow::Owned(
                    e.api_surfaces
                        .iter()
                        .map(|s| {
                            ApiSurface::custom(
                                s.format,
                                s.surface,
                                s.supported_params.as_deref().map(owned_list),
                            )
                        })
                        .collect(),
                ),
                api_key_env: owned(&e.api_key_env).or_else(|| {
                    base.and_then(|b| b.api_key_env().map(|k| Cow::Owned(k.to_owned())))
                }),
                metadata: owned(&e.metadata),
                control_plane: e.control_plane.clone().map(Box::new),
            };
            let p = Provider::custom(rec.index as u32, data);
            if rec.overrides {
                replaced_bits.insert(p.index);
                replaced.push(p);
            } else {
                providers.push(p);
            }
        }
        // New providers come in index order; the validator numbered them in document order.
        providers.sort_by_key(|p| p.index);
        replaced.sort_by_key(|p| p.index);
        let provider_count = PROVIDERS.len() + providers.len();
        let mut listing = Bits::new(provider_count);
        for m in &model_recs {
            listing.insert(m.provider as u32);
        }
        let (tables, records) = ModelTables::build(build, &model_recs, base_models, provider_id)?;
        let tables = Arc::new(tables);
        let models: Vec<Model> = records
            .into_iter()
            .map(|r| Model::custom(r, tables.clone()))
            .collect();
        let mut offers: Vec<Offer> = Vec::with_capacity(offer_recs.len());
        offers.extend(offer_recs.iter().map(|o| {
            listing.insert(o.provider as u32);
            let model = match (o.model as u32).checked_sub(BUILTIN_MODELS) {
                Some(i) => &models[i as usize],
                None => &MODELS[o.model],
            };
            let data = OfferData {
                build,
                provider: Cow::Owned(provider_id(o.provider).to_owned()),
                model: Cow::Owned(model.id().to_owned()),
                upstream_id: Cow::Owned(o.entry.upstream_id.clone()),
                pricing: o.entry.pricing,
                context_window: o.entry.context_window,
                max_output_tokens: o.entry.max_output_tokens,
                bits: OfferRecord::bits_of(o.entry),
                retires: o.entry.retires,
            };
            Offer::custom(o.provider as u32, o.model as u32, data)
        }));
        let starts = starts(provider_count, &models, &offers);
        let mut offers_by_model: Vec<u32> = (0..offers.len() as u32).collect();
        offers_by_model.sort_by_key(|&i| offers[i as usize].model_index);
        let mut offers_by_upstream = offers_by_model.clone();
        offers_by_upstream.sort_by(|&a, &b| {
            let (a, b) = (&offers[a as usize], &offers[b as usize]);
            a.model_index
                .cmp(&b.model_index)
                .then_with(|| cmp_folded(a.upstream_id(), b.upstream_id()))
        });
        let keys = OverlayKeys::new(
            model_keys,
            provider_keys,
            &models,
            model_base,
            &replaced_bits,
        );
        Ok(Overlay {
            build,
            docs,
            overrides,
            providers,
            replaced,
            replaced_bits,
            models,
            offers,
            offers_by_model,
            offers_by_upstream,
            keys,
            builtin_aliases: base_aliases
                .into_iter()
                .map(|(i, a)| (i as u32, a.into()))
                .collect(),
            listing,
            starts,
            names: OnceLock::new(),
            query: OnceLock::new(),
        })
    }

    /// The replacement of compiled provider `index`, if the overlay replaces it.
    #[inline]
    pub(crate) fn replacement(&self, index: u32) -> Option<&Provider> {
        if !self.replaced_bits.contains(index) {
            return None;
        }
        self.replaced
            .binary_search_by_key(&index, |p| p.index)
            .ok()
            .map(|at| &self.replaced[at])
    }

    /// Whether the overlay replaces compiled provider `index`.
    #[inline(always)]
    pub(crate) fn replaces(&self, index: u32) -> bool {
        self.replaced_bits.contains(index)
    }

    /// Where provider `index`'s models and offers are: (models, offers).
    fn ranges(&self, index: u32) -> (Range<usize>, Range<usize>) {
        let at = |i: usize| self.starts.get(i).copied();
        match (at(index as usize), at(index as usize + 1)) {
            (Some((m, o)), Some((m2, o2))) => (m as usize..m2 as usize, o as usize..o2 as usize),
            _ => (0..0, 0..0),
        }
    }

    /// The overlay's models of provider `index` (a range: models are grouped by provider).
    pub(crate) fn models_of(&self, index: u32) -> &[Model] {
        self.models.get(self.ranges(index).0).unwrap_or_default()
    }

    /// The overlay's offers by provider `index` (a range likewise).
    pub(crate) fn offers_by(&self, index: u32) -> &[Offer] {
        self.offers.get(self.ranges(index).1).unwrap_or_default()
    }

    /// The overlay's offers of model `index`, as positions in `offers`: in provider order,
    /// as `offers` is grouped by provider and a provider offers a model once.
    pub(crate) fn model_offers(&self, index: u32) -> &[u32] {
        let at = |i: &u32| self.offers[*i as usize].model_index;
        let start = self.offers_by_model.partition_point(|i| at(i) < index);
        let end = self.offers_by_model.partition_point(|i| at(i) <= index);
        &self.offers_by_model[start..end]
    }

    /// The overlay's offers of model `index` sent under `name` (ASCII case ignored), by
    /// halving: as many steps for a model that thousands of providers offer as the logarithm
    /// of their number.
    pub(crate) fn offers_of_model_as(&self, index: u32, name: &str) -> &[u32] {
        let offer = |i: &u32| &self.offers[*i as usize];
        let list = &self.offers_by_upstream;
        // Each offer against (`index`, `name`): before, at, or after it.
        let at = |i: &u32| {
            let o = offer(i);
            (o.model_index, cmp_folded(o.upstream_id(), name))
        };
        let start = list.partition_point(|i| at(i) < (index, Ordering::Equal));
        let end = list.partition_point(|i| at(i) <= (index, Ordering::Equal));
        list.get(start..end).unwrap_or_default()
    }

    /// The overlay's offers of model `index`.
    pub(crate) fn offers_of_model(&self, index: u32) -> impl Iterator<Item = &Offer> + '_ {
        self.model_offers(index)
            .iter()
            .map(|&i| &self.offers[i as usize])
    }

    /// The overlay's offer of model `index` by provider `provider`, found by halving: a
    /// model that thousands of providers offer costs a request no more than one that few do.
    pub(crate) fn offer_of_model_by(&self, index: u32, provider: u32) -> Option<&Offer> {
        let list = self.model_offers(index);
        let at = list
            .binary_search_by_key(&provider, |&i| self.offers[i as usize].provider_index)
            .ok()?;
        self.offers.get(*list.get(at)? as usize)
    }

    /// Whether provider `index` lists a model in the overlay, its own or offered.
    #[inline]
    pub(crate) fn lists(&self, index: u32) -> bool {
        self.listing.contains(index)
    }

    /// What the overlay adds to the compiled catalog's names: its own models' names, its
    /// providers' (new ones and replacements), and which compiled providers are replaced.
    pub(crate) fn name_lists(&self) -> NameLists {
        let mut lists = NameLists::default();
        for m in &self.models {
            lists.models.add_model(m);
        }
        for (k, (index, alias)) in self.builtin_aliases.iter().enumerate() {
            lists.models.add_alias_apart(*index, k, alias);
        }
        for p in self.providers.iter().chain(&self.replaced) {
            lists.providers.add_provider(p);
        }
        lists.replaced = self.replaced.iter().map(|p| p.index).collect();
        lists
    }
}

/// Where each provider's models start in `models` and its offers in `offers` (both grouped
/// by provider index), for providers `0..providers`, and one more entry for the end.
fn starts(providers: usize, models: &[Model], offers: &[Offer]) -> Vec<(u32, u32)> {
    let mut out = Vec::with_capacity(providers + 1);
    let (mut m, mut o) = (0, 0);
    for p in 0..=providers as u32 {
        while models.get(m).is_some_and(|x| x.provider_index() < p) {
            m += 1;
        }
        while offers.get(o).is_some_and(|x| x.provider_index < p) {
            o += 1;
        }
        out.push((m as u32, o as u32));
    }
    out
}
