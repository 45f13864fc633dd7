//! What a run-time catalog adds to the compiled one: the [`Overlay`] built from validated
//! documents, and the compiled catalog as the validator's base.

use crate::builtin::{self, MODELS, PROVIDERS};
use crate::data::key::{fold, MatchKind};
use crate::data::modality::{Modalities, Modality};
use crate::data::schema::DataFile;
use crate::data::validate::{self, Base, DataError, ModelRec, Overrides, Validated};
use crate::distillation::{DistillationData, DistillationPolicy};
use crate::model::{Model, ModelData};
use crate::names::NameLists;
use crate::offer::{Offer, OfferData};
use crate::provider::{ApiSurface, Provider, ProviderData};
use crate::served::{ServedData, ServedName};
use crate::text::Text;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// What a run-time catalog adds to the compiled one. Indexes are in the combined space:
/// built-in providers and models first, the overlay's after them.
pub(crate) struct Overlay {
    pub(crate) docs: Vec<(String, DataFile)>,
    pub(crate) overrides: Overrides,
    pub(crate) providers: Vec<Provider>,
    pub(crate) replaced: HashMap<u32, Provider>,
    pub(crate) models: Vec<Model>,
    pub(crate) offers: Vec<Offer>,
    pub(crate) model_keys: HashMap<Box<str>, Hit>,
    /// Model keys reachable only through one provider (by provider index).
    pub(crate) scoped_keys: HashMap<u32, HashMap<Box<str>, Hit>>,
    pub(crate) provider_keys: HashMap<Box<str>, Hit>,
    pub(crate) models_by_provider: HashMap<u32, Vec<u32>>,
    pub(crate) offers_by_provider: HashMap<u32, Vec<u32>>,
    pub(crate) offers_by_model: HashMap<u32, Vec<u32>>,
    /// The names suggestions are drawn from, made on first use.
    pub(crate) names: OnceLock<Arc<NameLists>>,
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
        builtin::model_key(key).map(|(m, k)| (m.index as usize, k, m.id().to_owned()))
    }
    fn model_prefix(&self, key: &str) -> (bool, bool) {
        builtin::model_prefix(key)
    }
    fn model_provider(&self, index: usize) -> Option<usize> {
        MODELS.get(index).map(|m| m.provider_index as usize)
    }
    fn provider_id(&self, index: usize) -> Option<String> {
        PROVIDERS.get(index).map(|p| p.id().to_owned())
    }
}

/// Validates documents on top of the compiled catalog, as run-time catalogs do.
pub(crate) fn validate(
    docs: &[(String, DataFile)],
    overrides: &Overrides,
) -> Result<Validated, Vec<DataError>> {
    validate::validate_over(&BuiltinBase, overrides, docs)
}

fn modalities(list: &Option<Vec<Modality>>) -> Option<Modalities> {
    list.as_ref().map(|l| l.iter().copied().collect())
}

/// The model of a validated record, its strings moved rather than copied.
fn model_from(m: ModelRec, provider_id: String, index: u32) -> Model {
    let ModelRec {
        entry: e,
        upstream_id,
        aliases,
        provider,
        ..
    } = m;
    let data = ModelData {
        id: Cow::Owned(e.id),
        upstream_id: Cow::Owned(upstream_id),
        name: Cow::Owned(e.name),
        provider: Cow::Owned(provider_id),
        description: e.description.map(Cow::Owned),
        vendor: e.vendor.map(Cow::Owned),
        family: e.family.map(Cow::Owned),
        category: e.category.map(Cow::Owned),
        context_window: e.context_window,
        max_output_tokens: e.max_output_tokens,
        input_modalities: modalities(&e.input_modalities),
        output_modalities: modalities(&e.output_modalities),
        flags: e.capabilities,
        pricing: e.pricing,
        open_weights: e.open_weights,
        release_date: e.release_date,
        knowledge_cutoff: e.knowledge_cutoff.map(Cow::Owned),
        deprecated: e.deprecated,
        retires: e.retires,
        successor: e.successor.map(Cow::Owned),
        aliases: owned_list(aliases),
        served_names: Cow::Owned(
            e.served_names
                .into_iter()
                .map(|s| {
                    ServedName::custom(ServedData {
                        id: Cow::Owned(s.id),
                        context_window: s.context_window,
                        max_output_tokens: s.max_output_tokens,
                        pricing: s.pricing,
                        fine_tune_pricing: s.fine_tune_pricing,
                        release_date: s.release_date,
                        deprecated: s.deprecated,
                        retires: s.retires,
                    })
                })
                .collect(),
        ),
        fine_tune_pricing: e.fine_tune_pricing,
        tags: owned_list(e.tags),
        distillation: e.distillation_policy.map(|d| {
            DistillationPolicy::custom(DistillationData {
                status: d.status.map(Cow::Owned),
                label: d.label.map(Cow::Owned),
                basis: d.basis.map(Cow::Owned),
                source_url: d.source_url.map(Cow::Owned),
                note: d.note.map(Cow::Owned),
            })
        }),
        notes: e.notes.map(Cow::Owned),
    };
    Model::custom(index, provider as u32, data)
}

fn owned_list(items: Vec<String>) -> Cow<'static, [Text]> {
    Cow::Owned(items.into_iter().map(Cow::Owned).collect())
}

impl Overlay {
    /// The overlay of validated documents `v`, which are `docs` validated with `overrides`.
    pub(crate) fn new(
        v: Validated,
        docs: Vec<(String, DataFile)>,
        overrides: Overrides,
    ) -> Overlay {
        let base_models = v.model_base as u32;
        let mut providers = Vec::new();
        let mut replaced = HashMap::new();
        let mut models_by_provider: HashMap<u32, Vec<u32>> = HashMap::new();
        let mut offers_by_provider: HashMap<u32, Vec<u32>> = HashMap::new();
        let mut offers_by_model: HashMap<u32, Vec<u32>> = HashMap::new();
        for (pos, m) in v.models.iter().enumerate() {
            models_by_provider
                .entry(m.provider as u32)
                .or_default()
                .push(base_models + pos as u32);
        }
        for (pos, o) in v.offers.iter().enumerate() {
            offers_by_provider
                .entry(o.provider as u32)
                .or_default()
                .push(pos as u32);
            offers_by_model
                .entry(o.model as u32)
                .or_default()
                .push(pos as u32);
        }
        let ids: HashMap<usize, String> = v
            .providers
            .iter()
            .map(|p| (p.index, p.entry.id.clone()))
            .collect();
        let provider_id = |index: usize| -> String {
            ids.get(&index)
                .map(String::as_str)
                .or_else(|| PROVIDERS.get(index).map(|p| p.id()))
                .unwrap_or_default()
                .to_owned()
        };
        for rec in v.providers {
            let e = rec.entry;
            let base = rec.overrides.then(|| &PROVIDERS[rec.index]);
            let mut aliases: Vec<String> = base
                .map(|b| b.aliases().map(str::to_owned).collect())
                .unwrap_or_default();
            let mut seen: std::collections::HashSet<String> =
                aliases.iter().map(|a| fold(a)).collect();
            for a in e.aliases {
                if seen.insert(fold(&a)) {
                    aliases.push(a);
                }
            }
            let data = ProviderData {
                id: Cow::Owned(e.id),
                name: Cow::Owned(e.name),
                aliases: owned_list(aliases),
                description: e.description.map(Cow::Owned),
                base_url: e.base_url.map(Cow::Owned),
                website: e.website.map(Cow::Owned),
                docs: e.docs.map(Cow::Owned),
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
                        .into_iter()
                        .map(|s| {
                            ApiSurface::custom(
                                s.format,
                                s.surface,
                                s.supported_params.map(owned_list),
                            )
                        })
                        .collect(),
                ),
                api_key_env: e.api_key_env.map(Cow::Owned).or_else(|| {
                    base.and_then(|b| b.api_key_env().map(|k| Cow::Owned(k.to_owned())))
                }),
                metadata: e.metadata.map(Cow::Owned),
                control_plane: e.control_plane.map(Box::new),
            };
            let p = Provider::custom(rec.index as u32, data);
            if rec.overrides {
                replaced.insert(rec.index as u32, p);
            } else {
                providers.push(p);
            }
        }
        // New providers come in index order; the validator numbered them in document order.
        providers.sort_by_key(|p| p.index);
        let models = v
            .models
            .into_iter()
            .enumerate()
            .map(|(pos, m)| {
                let home = provider_id(m.provider);
                model_from(m, home, base_models + pos as u32)
            })
            .collect();
        let offers = v
            .offers
            .into_iter()
            .map(|o| {
                let data = OfferData {
                    provider: Cow::Owned(provider_id(o.provider)),
                    upstream_id: Cow::Owned(o.entry.upstream_id),
                    pricing: o.entry.pricing,
                };
                Offer::custom(o.provider as u32, o.model as u32, data)
            })
            .collect();
        let models: Vec<Model> = models;
        let hit = |k: &validate::KeyRec| {
            // A served name's position among its (overlay) model's served names.
            let served = k
                .index
                .checked_sub(v.model_base)
                .and_then(|i| models.get(i))
                .filter(|_| k.kind == MatchKind::ServedName)
                .and_then(|m| m.served_names().position(|s| fold(s.id()) == k.key))
                .map_or(u32::MAX, |i| i as u32);
            Hit {
                index: k.index as u32,
                kind: k.kind,
                overrides: k.overrides,
                served,
            }
        };
        let mut model_keys = HashMap::new();
        let mut scoped_keys: HashMap<u32, HashMap<Box<str>, Hit>> = HashMap::new();
        for k in &v.model_keys {
            let key = k.key.clone().into_boxed_str();
            match k.scope {
                Some(p) => {
                    scoped_keys.entry(p as u32).or_default().insert(key, hit(k));
                }
                None => {
                    model_keys.insert(key, hit(k));
                }
            }
        }
        let provider_keys = v
            .provider_keys
            .iter()
            .map(|k| (k.key.clone().into_boxed_str(), hit(k)))
            .collect();
        Overlay {
            model_keys,
            scoped_keys,
            provider_keys,
            docs,
            overrides,
            providers,
            replaced,
            models,
            offers,
            models_by_provider,
            offers_by_provider,
            offers_by_model,
            names: OnceLock::new(),
        }
    }

    /// What the overlay adds to the compiled catalog's names: its own models' names, its
    /// providers' (new ones and replacements), and which compiled providers are replaced.
    pub(crate) fn name_lists(&self) -> NameLists {
        let mut lists = NameLists::default();
        for m in &self.models {
            lists.models.add_model(m);
        }
        for p in self.providers.iter().chain(self.replaced.values()) {
            lists.providers.add_provider(p);
        }
        lists.replaced = self.replaced.keys().copied().collect();
        lists.replaced.sort_unstable();
        lists
    }
}
