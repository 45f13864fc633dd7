//! [`Catalog`]: the built-in catalog plus an overlay of custom providers, models, offers and
//! aliases, built and validated at run time; [`SharedCatalog`]: a handle to swap catalogs
//! atomically while other threads resolve.

use crate::builtin::{self, Builtin, MODELS, OFFERS, PROVIDERS};
use crate::data::key::with_folded;
use crate::data::key::{fold, MatchKind};
use crate::data::schema::{DataFile, ModelEntry};
use crate::data::validate::{self, Base, DataError, ModelRec, Overrides, Validated};
use crate::model::{DistillationPolicy, Text};
use crate::provider::ApiSurface;
use crate::resolve::{resolve_in, ModelHit, ProviderHit, Serving, View};
use crate::suggest::{NameLists, Source};
use crate::{
    Modalities, Model, Offer, Provider, Query, Resolution, ResolveError, Resolver, ServedName,
};
use arc_swap::ArcSwapOption;
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, OnceLock};

/// A catalog: the built-in one, optionally with an overlay added at run time.
///
/// [`Catalog::builtin`] costs nothing. [`Catalog::builder`] adds custom providers, models of
/// built-in providers, offers and aliases, validated by the same validator the build uses;
/// the result is immutable and cheap to clone (one `Arc`). Resolution, lookups and queries
/// work as the crate's free functions do.
///
/// ```
/// use model_catalog::{Catalog, CustomProvider};
///
/// let mut b = Catalog::builder();
/// b.provider(
///     CustomProvider::new("internal-vllm", "Internal vLLM")
///         .base_url("http://vllm.internal:8000/v1")
///         .model("llama-3", "meta-llama/Meta-Llama-3-8B-Instruct"),
/// );
/// let catalog = b.build().unwrap();
/// let r = catalog.resolve_model("internal-vllm:llama-3").unwrap();
/// assert_eq!(r.upstream_id, "meta-llama/Meta-Llama-3-8B-Instruct");
/// // The built-in catalog is all still there.
/// assert_eq!(catalog.resolve_model("gpt-4o").unwrap().provider.id(), "openai");
/// ```
#[derive(Clone, Default)]
pub struct Catalog {
    overlay: Option<Arc<Overlay>>,
}

/// What a run-time catalog adds to the compiled one. Indexes are in the combined space:
/// built-in providers and models first, the overlay's after them.
struct Overlay {
    docs: Vec<(String, DataFile)>,
    overrides: Overrides,
    providers: Vec<Provider>,
    replaced: HashMap<u32, Provider>,
    models: Vec<Model>,
    offers: Vec<Offer>,
    model_keys: HashMap<Box<str>, Hit>,
    /// Model keys reachable only through one provider (by provider index).
    scoped_keys: HashMap<u32, HashMap<Box<str>, Hit>>,
    provider_keys: HashMap<Box<str>, Hit>,
    models_by_provider: HashMap<u32, Vec<u32>>,
    offers_by_provider: HashMap<u32, Vec<u32>>,
    offers_by_model: HashMap<u32, Vec<u32>>,
    /// The names suggestions are drawn from, made on first use.
    names: OnceLock<Arc<NameLists>>,
}

#[derive(Clone, Copy)]
struct Hit {
    index: u32,
    kind: MatchKind,
    overrides: bool,
    /// For a served name: its position among its model's served names.
    served: u32,
}

/// A catalog failed to build: every problem found, each naming the document and entry.
/// Nothing is applied.
///
/// The message is one line of printable ASCII, safe to log: one problem as
/// [`DataError`] shows it, or several as `3 problems: [1] ...; [2] ...; [3] ...`, with names
/// and values from the documents escaped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", List(errors))]
pub struct CatalogError {
    /// The problems, in document order.
    pub errors: Vec<DataError>,
}

struct List<'a>(&'a [DataError]);

impl fmt::Display for List<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            [one] => write!(f, "{one}"),
            many => {
                write!(f, "{} problems: ", many.len())?;
                for (i, e) in many.iter().enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "[{}] {e}", i + 1)?;
                }
                Ok(())
            }
        }
    }
}

impl fmt::Debug for Catalog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Catalog")
            .field("providers", &self.providers().len())
            .field("models", &self.models().len())
            .field("overlay_documents", &self.documents().len())
            .finish()
    }
}

const BUILTIN_PROVIDERS: u32 = PROVIDERS.len() as u32;
const BUILTIN_MODELS: u32 = MODELS.len() as u32;

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

impl Catalog {
    /// The catalog of validated documents `docs`.
    fn with(v: Validated, docs: Vec<(String, DataFile)>, overrides: Overrides) -> Catalog {
        Catalog {
            overlay: Some(Arc::new(Overlay::new(v, docs, overrides))),
        }
    }

    /// The built-in catalog. Free: no allocation, no parsing.
    pub const fn builtin() -> Catalog {
        Catalog { overlay: None }
    }

    /// A builder for a catalog on top of the built-in one.
    pub fn builder() -> CatalogBuilder {
        CatalogBuilder::default()
    }

    /// A builder holding this catalog's overlay, to build a changed copy. This catalog is
    /// never modified.
    pub fn to_builder(&self) -> CatalogBuilder {
        match &self.overlay {
            Some(o) => CatalogBuilder {
                docs: o.docs.clone(),
                overrides: o.overrides.clone(),
            },
            None => CatalogBuilder::default(),
        }
    }

    /// Whether this is the built-in catalog with nothing added.
    pub fn is_builtin(&self) -> bool {
        self.overlay.is_none()
    }

    /// The documents of the overlay, as given to the builder.
    pub fn documents(&self) -> &[(String, DataFile)] {
        self.overlay.as_ref().map_or(&[], |o| &o.docs)
    }

    fn view(&self) -> CatalogView<'_> {
        CatalogView(self)
    }

    /// Resolves a model string; see [`resolve`](mod@crate::resolve) for the grammar.
    pub fn resolve_model<'c: 'i, 'i>(
        &'c self,
        input: &'i str,
    ) -> Result<Resolution<'c, 'i>, ResolveError> {
        match &self.overlay {
            None => resolve_in(Builtin, input),
            Some(_) => resolve_in(self.view(), input),
        }
    }

    /// Resolves a model string with the options of `resolver`.
    pub fn resolve_with<'c: 'i, 'i>(
        &'c self,
        resolver: &Resolver,
        input: &'i str,
    ) -> Result<Resolution<'c, 'i>, ResolveError> {
        match &self.overlay {
            None => resolver.resolve_in(Builtin, input),
            Some(_) => resolver.resolve_in(self.view(), input),
        }
    }

    /// The model a name (id, upstream id or alias) denotes, ASCII case ignored.
    pub fn lookup_model(&self, name: &str) -> Option<&Model> {
        self.view().model_key(name.trim_ascii()).map(|h| h.model)
    }

    /// The provider a name (id or alias) denotes, ASCII case ignored.
    pub fn lookup_provider(&self, name: &str) -> Option<&Provider> {
        self.view()
            .provider_key(name.trim_ascii())
            .map(|h| h.provider)
    }

    /// The provider with catalog index `i`.
    fn provider_at(&self, i: u32) -> &Provider {
        match &self.overlay {
            Some(o) if i >= BUILTIN_PROVIDERS => &o.providers[(i - BUILTIN_PROVIDERS) as usize],
            Some(o) => o.replaced.get(&i).unwrap_or(&PROVIDERS[i as usize]),
            None => &PROVIDERS[i as usize],
        }
    }

    /// The model with catalog index `i`.
    fn model_at(&self, i: u32) -> &Model {
        match &self.overlay {
            Some(o) if i >= BUILTIN_MODELS => &o.models[(i - BUILTIN_MODELS) as usize],
            _ => &MODELS[i as usize],
        }
    }

    /// Whether `p` replaces a built-in provider.
    fn replaced(&self, p: &Provider) -> bool {
        p.index < BUILTIN_PROVIDERS
            && self
                .overlay
                .as_ref()
                .is_some_and(|o| o.replaced.contains_key(&p.index))
    }

    /// Every provider: the built-in ones (replacements in their place), then the overlay's.
    pub fn providers(&self) -> impl ExactSizeIterator<Item = &Provider> + Clone {
        let n = BUILTIN_PROVIDERS
            + self
                .overlay
                .as_ref()
                .map_or(0, |o| o.providers.len() as u32);
        (0..n).map(move |i| self.provider_at(i))
    }

    /// The providers the overlay defines, replacements of built-in providers included, in
    /// catalog order.
    pub fn custom_providers(&self) -> impl Iterator<Item = &Provider> + Clone {
        self.providers()
            .filter(|p| p.index >= BUILTIN_PROVIDERS || self.replaced(p))
    }

    /// Whether `provider` is one of the built-in providers, unreplaced.
    pub fn is_builtin_provider(&self, provider: &Provider) -> bool {
        provider.index < BUILTIN_PROVIDERS && !self.replaced(provider)
    }

    /// Every model: the built-in ones, then the overlay's.
    pub fn models(&self) -> impl ExactSizeIterator<Item = &Model> + Clone {
        let n = BUILTIN_MODELS + self.overlay.as_ref().map_or(0, |o| o.models.len() as u32);
        (0..n).map(move |i| self.model_at(i))
    }

    /// The models a provider (named by id or alias) serves: its own, then those of other
    /// providers it offers. `None` if no provider has that name.
    pub fn models_of(&self, provider: &str) -> Option<Vec<&Model>> {
        let p = self.lookup_provider(provider)?;
        let mut out = self.own_models(p);
        for o in self.provider_offers(p) {
            out.push(self.model_at(o.model_index));
        }
        Some(out)
    }

    /// The models `p` defines: built-in ones, then the overlay's.
    fn own_models(&self, p: &Provider) -> Vec<&Model> {
        let mut out: Vec<&Model> = Vec::new();
        if p.index < BUILTIN_PROVIDERS {
            let b = &PROVIDERS[p.index as usize];
            out.extend(MODELS[b.model_range()].iter());
        }
        let overlay = self.overlay.as_deref();
        if let Some(own) = overlay.and_then(|o| o.models_by_provider.get(&p.index)) {
            out.extend(own.iter().map(|&i| self.model_at(i)));
        }
        out
    }

    /// The offers a provider makes: built-in ones, then the overlay's.
    fn provider_offers(&self, p: &Provider) -> Vec<&Offer> {
        let mut out: Vec<&Offer> = Vec::new();
        if p.index < BUILTIN_PROVIDERS {
            out.extend(OFFERS[PROVIDERS[p.index as usize].offer_range()].iter());
        }
        if let Some(o) = &self.overlay {
            if let Some(list) = o.offers_by_provider.get(&p.index) {
                out.extend(list.iter().map(|&i| &o.offers[i as usize]));
            }
        }
        out
    }

    /// The offers of a model: the providers other than its own that serve it.
    pub fn offers_of(&self, model: &Model) -> Vec<&Offer> {
        let mut out: Vec<&Offer> = Vec::new();
        if model.index < BUILTIN_MODELS {
            out.extend(model.offers.iter().map(|&i| &OFFERS[i as usize]));
        }
        if let Some(o) = &self.overlay {
            if let Some(list) = o.offers_by_model.get(&model.index) {
                out.extend(list.iter().map(|&i| &o.offers[i as usize]));
            }
        }
        out
    }

    /// The provider making offer `offer`.
    pub fn provider_of_offer(&self, offer: &Offer) -> &Provider {
        self.provider_at(offer.provider_index)
    }

    /// The model offer `offer` serves.
    pub fn model_of_offer(&self, offer: &Offer) -> &Model {
        self.model_at(offer.model_index)
    }

    /// The provider that defines `model`.
    pub fn provider_of(&self, model: &Model) -> &Provider {
        self.provider_at(model.provider_index)
    }

    /// Runs a query over this catalog's models.
    pub fn query(&self, query: &Query) -> Vec<&Model> {
        query.run_over(self.models())
    }

    /// The cheapest model passing a query's filters; see [`Query::cheapest`].
    pub fn cheapest(&self, query: &Query) -> Option<&Model> {
        query.cheapest_over(self.models())
    }
}

/// A catalog with an overlay, as the grammar sees it.
#[derive(Clone, Copy)]
struct CatalogView<'c>(&'c Catalog);

impl<'c> CatalogView<'c> {
    /// The hit for model `m` matched as `matched`, sending `upstream`.
    fn hit(
        self,
        m: &'c Model,
        matched: MatchKind,
        key_override: bool,
        upstream: &'c str,
    ) -> ModelHit<'c> {
        let home = self.0.provider_at(m.provider_index);
        ModelHit {
            model: m,
            matched,
            key_override,
            upstream,
            home,
            home_replaced: self.0.replaced(home),
        }
    }

    /// The hit for an overlay key.
    fn overlay_hit(self, h: Hit) -> ModelHit<'c> {
        let m = self.0.model_at(h.index);
        let upstream = match m.served_names.get(h.served as usize) {
            Some(s) if h.kind == MatchKind::ServedName => &*s.id,
            _ => m.upstream_id(),
        };
        self.hit(m, h.kind, h.overrides, upstream)
    }
}

impl<'c> View<'c> for CatalogView<'c> {
    fn model_key(self, name: &str) -> Option<ModelHit<'c>> {
        if let Some(o) = &self.0.overlay {
            if let Some(h) = with_folded(name, |k| o.model_keys.get(k).copied()) {
                return Some(self.overlay_hit(h));
            }
        }
        builtin::model_key_upstream(name).map(|(m, k, up)| self.hit(m, k, false, up))
    }

    fn model_key_at(self, p: &'c Provider, name: &str) -> Option<ModelHit<'c>> {
        let scoped = self.0.overlay.as_ref().and_then(|o| {
            let keys = o.scoped_keys.get(&p.index)?;
            with_folded(name, |k| keys.get(k).copied())
        });
        match scoped {
            Some(h) => Some(self.overlay_hit(h)),
            None => self.model_key(name),
        }
    }

    fn provider_key(self, name: &str) -> Option<ProviderHit<'c>> {
        let c = self.0;
        let hit = |p: &'c Provider, matched, overrides: bool| ProviderHit {
            provider: p,
            matched,
            replaced: overrides || c.replaced(p),
        };
        if let Some(o) = &c.overlay {
            if let Some(h) = with_folded(name, |k| o.provider_keys.get(k).copied()) {
                return Some(hit(c.provider_at(h.index), h.kind, h.overrides));
            }
        }
        builtin::provider_key(name).map(|(p, k)| hit(c.provider_at(p.index), k, false))
    }

    fn serves(self, p: &'c Provider, hit: &ModelHit<'c>) -> Option<Serving<'c>> {
        let m = hit.model;
        if m.provider_index == p.index {
            return Some(Serving {
                upstream: hit.upstream,
                offer: None,
            });
        }
        let offer = self
            .0
            .offers_of(m)
            .into_iter()
            .find(|o| o.provider_index == p.index)?;
        Some(Serving {
            upstream: offer.upstream_id(),
            offer: Some(offer),
        })
    }

    fn names_served_by(self, p: &'c Provider, f: &mut dyn FnMut(&'c str)) {
        for m in self.0.own_models(p) {
            builtin::model_names_for_near_miss(m, f);
        }
        for o in self.0.provider_offers(p) {
            f(o.upstream_id());
        }
    }

    fn lists_models(self, p: &'c Provider) -> bool {
        p.lists_models()
            || self.0.overlay.as_ref().is_some_and(|o| {
                o.models_by_provider.contains_key(&p.index)
                    || o.offers_by_provider.contains_key(&p.index)
            })
    }

    fn offered_by(self, m: &'c Model) -> Vec<String> {
        let mut ids = vec![self.0.provider_at(m.provider_index).id().to_owned()];
        ids.extend(
            self.0
                .offers_of(m)
                .into_iter()
                .map(|o| o.provider_id().to_owned()),
        );
        ids
    }

    /// The overlay's list of names, made on the first miss and shared by every error: an
    /// error keeps those names, not the catalog.
    fn names(self) -> Source {
        match &self.0.overlay {
            Some(o) => Source::Shared(o.names.get_or_init(|| Arc::new(o.name_lists())).clone()),
            None => Source::Builtin,
        }
    }
}

/// Builds a [`Catalog`] on top of the built-in one from data documents (the format of
/// `data/`, see `data/README.md`) and [`CustomProvider`]s.
///
/// Nothing is validated until [`build`](CatalogBuilder::build), which checks everything as
/// one whole catalog with the validator the build script uses, and either returns a new
/// catalog or every problem found. A name that collides with a built-in one (ASCII case
/// ignored) is refused, naming both, unless [`allow_override`](CatalogBuilder::allow_override)
/// names that built-in entry; then the new entry takes the name, and resolutions through it
/// say so ([`Resolution::overrides_builtin`]).
#[derive(Debug, Clone, Default)]
pub struct CatalogBuilder {
    docs: Vec<(String, DataFile)>,
    overrides: Overrides,
}

impl CatalogBuilder {
    /// Adds a document; `name` identifies it in errors.
    pub fn document(&mut self, name: &str, doc: DataFile) -> &mut Self {
        self.docs.push((name.to_owned(), doc));
        self
    }

    /// Adds named documents, all at once.
    pub(crate) fn documents(&mut self, docs: Vec<(String, DataFile)>) -> &mut Self {
        self.docs.extend(docs);
        self
    }

    /// Adds the documents in `json`: one document object or an array of them. On a parse
    /// error nothing is added and the error names the JSON path.
    pub fn json(&mut self, name: &str, json: &str) -> Result<&mut Self, CatalogError> {
        let docs = parse_documents(name, json)?;
        self.docs.extend(docs);
        Ok(self)
    }

    /// Adds a custom provider.
    pub fn provider(&mut self, provider: CustomProvider) -> &mut Self {
        let id = provider.doc.provider.as_ref().map_or("", |p| &p.id);
        // The document's name repeats in every error about it: a huge id is cut.
        let shown: String = id.chars().take(crate::MAX_INPUT_LEN).collect();
        let cut = if shown.len() < id.len() { "..." } else { "" };
        let name = format!("custom provider `{shown}{cut}`");
        self.docs.push((name, provider.doc));
        self
    }

    /// Keeps only the documents for which `keep(name, document)` is true (to replace an
    /// earlier import, for instance).
    pub fn retain(&mut self, mut keep: impl FnMut(&str, &DataFile) -> bool) -> &mut Self {
        self.docs.retain(|(name, doc)| keep(name, doc));
        self
    }

    /// Allows the documents to replace the built-in provider or model with id `id`, or take
    /// its names. Without this, a collision with any built-in name is an error.
    pub fn allow_override(&mut self, id: &str) -> &mut Self {
        if builtin::provider_key(&fold(id)).is_some_and(|(p, _)| p.id().eq_ignore_ascii_case(id)) {
            self.overrides.providers.push(id.to_owned());
        } else {
            self.overrides.models.push(id.to_owned());
        }
        self
    }

    /// Validates everything and builds the catalog.
    pub fn build(&self) -> Result<Catalog, CatalogError> {
        self.validated()
            .map(|v| v.map(|v| Catalog::with(v, self.docs.clone(), self.overrides.clone())))
            .map(Option::unwrap_or_default)
    }

    /// [`build`](CatalogBuilder::build), keeping the documents rather than copying them.
    pub(crate) fn into_catalog(self) -> Result<Catalog, CatalogError> {
        self.validated()
            .map(|v| v.map(|v| Catalog::with(v, self.docs, self.overrides)))
            .map(Option::unwrap_or_default)
    }

    /// The validated documents, `None` when there are none.
    fn validated(&self) -> Result<Option<Validated>, CatalogError> {
        if self.docs.is_empty() {
            return Ok(None);
        }
        validate::validate_over(&BuiltinBase, &self.overrides, &self.docs)
            .map(Some)
            .map_err(|errors| CatalogError { errors })
    }
}

/// Parses one document or an array of them.
pub(crate) fn parse_documents(
    name: &str,
    json: &str,
) -> Result<Vec<(String, DataFile)>, CatalogError> {
    let value = crate::data::json::read(json, &crate::data::json::everywhere).map_err(|p| {
        let (document, path) = document_at(name, p.path());
        CatalogError {
            errors: vec![validate::read_error(&document, path, &p)],
        }
    })?;
    documents_in(name, json, value).map_err(|e| CatalogError { errors: vec![e] })
}

/// The documents in `value`, which is `json` as [`crate::data::json::read`] read it: one
/// document object, or an array of them named `name[i]`.
pub(crate) fn documents_in(
    name: &str,
    json: &str,
    value: serde_json::Value,
) -> Result<Vec<(String, DataFile)>, DataError> {
    // The JSON again, to name the path of an error (read without error the first time).
    let again =
        || crate::data::json::read(json, &crate::data::json::everywhere).unwrap_or_default();
    match value {
        serde_json::Value::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(i, item)| {
                let label = item_name(name, i);
                let item_again = || again().get_mut(i).map(serde_json::Value::take);
                validate::from_owned_value(&label, item, || item_again().unwrap_or_default())
                    .map(|d| (label, d))
            })
            .collect(),
        one => validate::from_owned_value(name, one, again).map(|d| vec![(name.to_owned(), d)]),
    }
}

/// `name[i]`, the name of item `i` of an array of documents (built without the formatting
/// machinery: every item of a large array gets one).
fn item_name(name: &str, i: usize) -> String {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = i;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut out = String::with_capacity(name.len() + 2 + digits.len() - at);
    out.push_str(name);
    out.push('[');
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
    out.push(']');
    out
}

/// The document a JSON path of input `name` points into, and the path within it: inside an
/// array of documents, item `i` is document `name[i]`.
pub(crate) fn document_at<'p>(
    name: &str,
    path: &'p [crate::data::json::Seg],
) -> (String, &'p [crate::data::json::Seg]) {
    match path.split_first() {
        Some((crate::data::json::Seg::Index(i), rest)) => (format!("{name}[{i}]"), rest),
        _ => (name.to_owned(), path),
    }
}

fn modalities(list: &Option<Vec<crate::Modality>>) -> Option<Modalities> {
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
    Model {
        id: Cow::Owned(e.id),
        upstream_id: Cow::Owned(upstream_id),
        name: Cow::Owned(e.name),
        provider: Cow::Owned(provider_id),
        provider_index: provider as u32,
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
                .map(|s| ServedName {
                    id: Cow::Owned(s.id),
                    context_window: s.context_window,
                    max_output_tokens: s.max_output_tokens,
                    pricing: s.pricing,
                    fine_tune_pricing: s.fine_tune_pricing,
                    release_date: s.release_date,
                    deprecated: s.deprecated,
                    retires: s.retires,
                })
                .collect(),
        ),
        fine_tune_pricing: e.fine_tune_pricing,
        tags: owned_list(e.tags),
        distillation: e.distillation_policy.map(|d| DistillationPolicy {
            status: d.status.map(Cow::Owned),
            label: d.label.map(Cow::Owned),
            basis: d.basis.map(Cow::Owned),
            source_url: d.source_url.map(Cow::Owned),
            note: d.note.map(Cow::Owned),
        }),
        notes: e.notes.map(Cow::Owned),
        offers: Cow::Borrowed(&[]),
        index,
    }
}

fn owned_list(items: Vec<String>) -> Cow<'static, [Text]> {
    Cow::Owned(items.into_iter().map(Cow::Owned).collect())
}

impl Overlay {
    fn new(v: Validated, docs: Vec<(String, DataFile)>, overrides: Overrides) -> Overlay {
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
            let p = Provider {
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
                    Some(b) => b.models,
                    None => (
                        (base_models + rec.models.start as u32),
                        (base_models + rec.models.end as u32),
                    ),
                },
                offers: base.map_or((0, 0), |b| b.offers),
                api_surfaces: Cow::Owned(
                    e.api_surfaces
                        .into_iter()
                        .map(|s| ApiSurface {
                            format: s.format,
                            surface: s.surface,
                            params: s.supported_params.map(owned_list),
                        })
                        .collect(),
                ),
                api_key_env: e
                    .api_key_env
                    .map(Cow::Owned)
                    .or_else(|| base.and_then(|b| b.api_key_env.clone())),
                metadata: e.metadata.map(Cow::Owned),
                control_plane: e.control_plane.map(Box::new),
                index: rec.index as u32,
            };
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
            .map(|o| Offer {
                provider: Cow::Owned(provider_id(o.provider)),
                provider_index: o.provider as u32,
                model_index: o.model as u32,
                upstream_id: Cow::Owned(o.entry.upstream_id),
                pricing: o.entry.pricing,
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
                .and_then(|m| m.served_names.iter().position(|s| fold(&s.id) == k.key))
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
    fn name_lists(&self) -> NameLists {
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

/// A custom provider, built in code: the programmatic form of a provider document.
///
/// ```
/// use model_catalog::{ApiFormat, CustomProvider, Surface};
///
/// let p = CustomProvider::new("internal-vllm", "Internal vLLM")
///     .alias("vllm")
///     .base_url("http://vllm.internal:8000/v1")
///     .key_required(false)
///     .surface(ApiFormat::Openai, Some(Surface::ChatCompletions), Some(&["model", "messages", "temperature"]))
///     .model("llama-3", "meta-llama/Meta-Llama-3-8B-Instruct")
///     .model("qwen-coder", "Qwen/Qwen2.5-Coder-32B-Instruct");
/// let doc = p.into_document();
/// assert_eq!(doc.models.len(), 2);
/// ```
#[derive(Debug, Clone)]
pub struct CustomProvider {
    doc: DataFile,
}

impl CustomProvider {
    /// A provider with this id (the address segment, as in `internal-vllm:llama-3`) and
    /// display name. It requires a provider key unless told otherwise, lists no models (so
    /// passes every model string through) until given some, and takes no API surface until
    /// given one.
    pub fn new(id: &str, name: &str) -> CustomProvider {
        let mut provider = crate::data::schema::ProviderEntry::new(id, name);
        provider.key_required = true;
        CustomProvider {
            doc: DataFile::defining(provider),
        }
    }

    fn entry(&mut self) -> &mut crate::data::schema::ProviderEntry {
        self.doc.provider.get_or_insert_with(Default::default)
    }

    /// Adds an alias.
    pub fn alias(mut self, alias: &str) -> CustomProvider {
        self.entry().aliases.push(alias.to_owned());
        self
    }

    /// Sets the API base URL.
    pub fn base_url(mut self, url: &str) -> CustomProvider {
        self.entry().base_url = Some(url.to_owned());
        self
    }

    /// Sets whether callers must supply a provider key.
    pub fn key_required(mut self, required: bool) -> CustomProvider {
        self.entry().key_required = required;
        self
    }

    /// Sets whether the gateway supplies upstream credentials itself (then callers never
    /// need a key for it).
    pub fn gateway_credentials(mut self, supplied: bool) -> CustomProvider {
        self.entry().gateway_credentials = supplied;
        self
    }

    /// Sets free-form metadata.
    pub fn metadata(mut self, metadata: &str) -> CustomProvider {
        self.entry().metadata = Some(metadata.to_owned());
        self
    }

    /// Adds an API surface, with the top-level parameters it accepts where known.
    pub fn surface(
        mut self,
        format: crate::ApiFormat,
        surface: Option<crate::Surface>,
        params: Option<&[&str]>,
    ) -> CustomProvider {
        self.entry().api_surfaces.push({
            let mut s = crate::data::surface::SurfaceEntry::new(format);
            s.surface = surface;
            s.supported_params = params.map(|p| p.iter().map(|s| s.to_string()).collect());
            s
        });
        self
    }

    /// Adds a model with its catalog id and the id the provider's API expects.
    pub fn model(mut self, id: &str, upstream_id: &str) -> CustomProvider {
        let mut m = ModelEntry::new(id, id);
        m.upstream_id = (upstream_id != id).then(|| upstream_id.to_owned());
        self.doc.models.push(m);
        self
    }

    /// Adds a model described in full.
    pub fn model_entry(mut self, entry: ModelEntry) -> CustomProvider {
        self.doc.models.push(entry);
        self
    }

    /// Serves a model another provider defines (built-in or custom), under `upstream_id`.
    pub fn offer(mut self, model: &str, upstream_id: &str) -> CustomProvider {
        self.doc
            .offers
            .push(crate::data::schema::OfferEntry::new(model, upstream_id));
        self
    }

    /// Serves a model another provider defines under `upstream_id`, at this provider's own
    /// prices.
    pub fn offer_with_pricing(
        mut self,
        model: &str,
        upstream_id: &str,
        pricing: crate::Pricing,
    ) -> CustomProvider {
        let mut offer = crate::data::schema::OfferEntry::new(model, upstream_id);
        offer.pricing = pricing;
        self.doc.offers.push(offer);
        self
    }

    /// The data document.
    pub fn into_document(self) -> DataFile {
        self.doc
    }
}

/// A handle to the current catalog that a service keeps in a `static` or its state. Readers
/// [`load`](SharedCatalog::load) without locks; a writer replaces the whole catalog
/// atomically, so every reader sees one whole catalog, old or new (built on `arc-swap`).
///
/// ```
/// use model_catalog::{Catalog, CustomProvider, SharedCatalog};
///
/// static CATALOG: SharedCatalog = SharedCatalog::builtin();
///
/// assert!(CATALOG.load().resolve_model("internal:x").is_err());
/// let mut b = CATALOG.load().to_builder();
/// b.provider(CustomProvider::new("internal", "Internal"));
/// CATALOG.store(b.build().unwrap());
/// assert_eq!(CATALOG.load().resolve_model("internal:x").unwrap().upstream_id, "x");
/// ```
pub struct SharedCatalog {
    current: ArcSwapOption<Catalog>,
}

/// The built-in catalog, for guards of a shared handle that holds nothing else.
static BUILTIN: Catalog = Catalog::builtin();

/// A catalog loaded from a [`SharedCatalog`]; derefs to [`Catalog`]. Holding it keeps that
/// catalog alive; it does not block writers.
pub struct CatalogGuard {
    guard: arc_swap::Guard<Option<Arc<Catalog>>>,
}

impl std::ops::Deref for CatalogGuard {
    type Target = Catalog;
    fn deref(&self) -> &Catalog {
        match &*self.guard {
            Some(c) => c,
            None => &BUILTIN,
        }
    }
}

impl SharedCatalog {
    /// A handle holding the built-in catalog; usable in a `static`.
    pub const fn builtin() -> SharedCatalog {
        SharedCatalog {
            current: ArcSwapOption::const_empty(),
        }
    }

    /// A handle holding `catalog`.
    pub fn new(catalog: Catalog) -> SharedCatalog {
        let s = SharedCatalog::builtin();
        s.store(catalog);
        s
    }

    /// The current catalog. Lock-free.
    pub fn load(&self) -> CatalogGuard {
        CatalogGuard {
            guard: self.current.load(),
        }
    }

    /// Replaces the catalog. Readers holding a guard keep the old one until they drop it.
    pub fn store(&self, catalog: Catalog) {
        self.current.store(if catalog.is_builtin() {
            None
        } else {
            Some(Arc::new(catalog))
        });
    }

    /// Builds a new catalog from the current one with `change` and stores it, unless `change`
    /// fails, in which case nothing changes. If another writer stores a catalog meanwhile,
    /// `change` runs again on that one, so no update is lost.
    pub fn update<E>(
        &self,
        mut change: impl FnMut(&Catalog) -> Result<Catalog, E>,
    ) -> Result<(), E> {
        loop {
            let current = self.current.load_full();
            let base: &Catalog = current.as_deref().unwrap_or(&BUILTIN);
            let next = change(base)?;
            let next = if next.is_builtin() {
                None
            } else {
                Some(Arc::new(next))
            };
            let prev = self.current.compare_and_swap(&current, next);
            let same = match (&*prev, &current) {
                (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            };
            if same {
                return Ok(());
            }
        }
    }
}

impl Default for SharedCatalog {
    fn default() -> SharedCatalog {
        SharedCatalog::builtin()
    }
}

impl fmt::Debug for SharedCatalog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("SharedCatalog").field(&*self.load()).finish()
    }
}
