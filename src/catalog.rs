//! [`Catalog`]: the built-in catalog, optionally with an overlay of custom providers, models,
//! offers and aliases built and validated at run time, and every question asked of it; and
//! [`CatalogBuilder`], which builds one.

use crate::builtin::{self, Builtin};
use crate::custom_provider::CustomProvider;
use crate::data::key::fold;
use crate::data::schema::DataFile;
use crate::data::validate::{DataError, Overrides, Validated};
use crate::document_store::{DocumentStore, Documents};
use crate::documents::{document_name, parse_documents};
use crate::error::ResolveError;
use crate::model::Model;
use crate::offer::Offer;
use crate::overlay::{self, Overlay, BUILTIN_PROVIDERS};
use crate::policy::RoutePolicy;
use crate::provider::Provider;
use crate::query::Query;
use crate::resolution::Resolution;
use crate::resolve::resolve_in;
use crate::resolver::Resolver;
use crate::route::{self, Route, RouteError, RoutePlan};
use crate::tables::Tables;
use crate::tables_view::Overlaid;
use crate::view::View;
use std::fmt;
use std::sync::Arc;

/// A catalog: the built-in one, optionally with an overlay added at run time.
///
/// `Catalog` is the crate's API: resolution, lookups, queries and routing are its methods, and
/// the crate's free functions ([`resolve_model`](crate::resolve_model), [`route`](crate::route),
/// ...) are the same methods of [`Catalog::builtin`], with the same return types.
/// [`Catalog::builder`] adds custom providers, models of built-in providers, offers and
/// aliases, validated by the same validator the build uses; the result is immutable and
/// cheap to clone (one `Arc`).
///
/// ```
/// use model_catalog::{Catalog, CustomProvider};
///
/// let catalog = Catalog::builder()
///     .provider(
///         CustomProvider::new("internal-vllm", "Internal vLLM")
///             .base_url("http://vllm.internal:8000/v1")
///             .model("llama-3", "meta-llama/Meta-Llama-3-8B-Instruct"),
///     )
///     .build()
///     .unwrap();
/// let r = catalog.resolve_model("internal-vllm:llama-3").unwrap();
/// assert_eq!(r.upstream_id, "meta-llama/Meta-Llama-3-8B-Instruct");
/// // The built-in catalog is all still there.
/// assert_eq!(catalog.resolve_model("gpt-4o").unwrap().provider.id(), "openai");
/// ```
#[derive(Clone, Default)]
pub struct Catalog {
    overlay: Option<Arc<Overlay>>,
}

/// The built-in catalog, [`Catalog::builtin`].
static BUILTIN: Catalog = Catalog { overlay: None };

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
            // Counted without typing documents kept as JSON text.
            .field(
                "overlay_documents",
                &self.overlay.as_ref().map_or(0, |o| o.docs.len()),
            )
            .finish()
    }
}

impl Catalog {
    /// The catalog of validated documents `docs`.
    fn with(
        v: Validated<'_>,
        docs: DocumentStore,
        overrides: Overrides,
    ) -> Result<Catalog, CatalogError> {
        match Overlay::new(v, docs, overrides) {
            Ok(o) => Ok(Catalog {
                overlay: Some(Arc::new(o)),
            }),
            Err(e) => Err(CatalogError { errors: vec![e] }),
        }
    }

    /// The built-in catalog. Free: no allocation, no parsing, no start-up work.
    ///
    /// Its data is compiled in with the `builtin` feature (on by default). Without it, this
    /// is an empty catalog: no provider, no model; [`Catalog::builder`] builds on it all the
    /// same.
    ///
    /// ```
    /// let c = model_catalog::Catalog::builtin();
    /// assert_eq!(c.resolve_model("gpt-4o").unwrap().provider.id(), "openai");
    /// assert!(c.is_builtin());
    /// ```
    pub const fn builtin() -> &'static Catalog {
        &BUILTIN
    }

    /// A builder for a catalog on top of the built-in one.
    pub fn builder() -> CatalogBuilder {
        CatalogBuilder::default()
    }

    /// A builder holding this catalog's overlay, to build a changed copy. This catalog is
    /// never modified.
    ///
    /// The builder shares the catalog's documents; for documents kept as JSON text
    /// ([`Catalog::documents`]), they are read first. It keeps the leave the catalog was built
    /// with ([`CatalogBuilder::allow_override`]), which covers the documents added to the
    /// builder too: a builder is its caller's. Documents that imports read
    /// (`formats::import_documents` and the other importers) get none of it, now or in any
    /// catalog built from this one: they may replace or take only what their own import's
    /// options allowed, whatever documents are added or dropped
    /// ([`CatalogBuilder::retain`]) around them. Leave is kept with documents: a catalog
    /// built from none is the built-in catalog, and its builder has no leave.
    pub fn to_builder(&self) -> CatalogBuilder {
        match &self.overlay {
            // The builder is the caller's: its leave covers what is added to it; documents
            // read from elsewhere keep only their own.
            Some(o) => CatalogBuilder {
                docs: o.docs.typed().clone(),
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
    ///
    /// A catalog made by `formats::import_documents` keeps the documents it imported as
    /// their JSON text, about a third of their size typed: the first call (or
    /// [`to_builder`](Catalog::to_builder), or `formats::export_documents`) reads them
    /// again as the import did, named `name[i]` in an array, once, and keeps them; every
    /// call, from any thread, returns the same documents in the same order.
    pub fn documents(&self) -> &[(String, DataFile)] {
        self.overlay
            .as_ref()
            .map_or(&[], |o| o.docs.typed().as_slice())
    }

    /// This catalog's tables.
    fn tables(&self) -> Tables<'_> {
        Tables(self.overlay.as_deref())
    }

    /// Resolves a model string with the model-string grammar: from what a user wrote to
    /// provider, model and upstream id.
    ///
    /// In order of precedence:
    /// 1. Longer than [`MAX_INPUT_LEN`](crate::MAX_INPUT_LEN) bytes as given (surrounding
    ///    whitespace included): [`ResolveError::TooLong`], decided from the length alone before
    ///    any other work, so it costs the same for a 1 MiB input as for 257 bytes. Then trim ASCII
    ///    whitespace; nothing left: [`ResolveError::Empty`].
    /// 2. The whole string is a model id, upstream id, alias or served name.
    /// 3. `provider:model` (also written `provider::model`), split at the first `:`, where
    ///    `provider` is a provider id or alias.
    /// 4. `provider/model`, split at the first `/`, likewise.
    /// 5. `ft:<base>:<organization>:<suffix>:<id>` (with or without `openai:` before it): an
    ///    OpenAI fine-tune id, resolved to OpenAI and sent as written with `ft:` in lower case.
    /// 6. Otherwise [`ResolveError::UnknownProvider`] if there is a `:`, else
    ///    [`ResolveError::UnknownModel`].
    ///
    /// With a provider named (3, 4), a model the provider serves resolves to it (through its
    /// [offer](crate::Offer) when it is not the model's home provider); a model only other
    /// providers serve is [`ResolveError::ModelNotOffered`], unless the provider is an
    /// aggregator or lists no models; anything else is passed through unchanged (case kept),
    /// provided it is a printable ASCII name. A served name (a dated snapshot) belongs to its
    /// home provider: named at another provider, it is passed through as typed (aggregators) or
    /// not offered, never silently replaced by the model's current version. A model part that is
    /// empty or starts with `:` or `/` (`openai:`, `openai:/gpt-4o`, `groq:::x`) is
    /// [`ResolveError::Malformed`]: it is never sent upstream.
    ///
    /// [`Resolution`]: crate::Resolution
    /// [`ResolveError::TooLong`]: crate::ResolveError::TooLong
    /// [`ResolveError::Empty`]: crate::ResolveError::Empty
    /// [`ResolveError::UnknownProvider`]: crate::ResolveError::UnknownProvider
    /// [`ResolveError::UnknownModel`]: crate::ResolveError::UnknownModel
    /// [`ResolveError::ModelNotOffered`]: crate::ResolveError::ModelNotOffered
    /// [`ResolveError::Malformed`]: crate::ResolveError::Malformed
    pub fn resolve_model<'c: 'i, 'i>(
        &'c self,
        input: &'i str,
    ) -> Result<Resolution<'c, 'i>, ResolveError> {
        match &self.overlay {
            None => resolve_in(Builtin, input),
            Some(o) => resolve_in(Overlaid(o), input),
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
            Some(o) => resolver.resolve_in(Overlaid(o), input),
        }
    }

    /// The model a name (id, upstream id, alias or served name) denotes, ASCII case ignored.
    ///
    /// This is rule 2 of the grammar alone: no `provider:` prefix is interpreted.
    ///
    /// ```
    /// let c = model_catalog::Catalog::builtin();
    /// let m = c.lookup_model("meta-llama/llama-3.3-70b-versatile").unwrap();
    /// assert_eq!(m.id(), "llama-3.3-70b-versatile");
    /// assert!(c.lookup_model("openai:gpt-4o").is_none());
    /// ```
    pub fn lookup_model(&self, name: &str) -> Option<&Model> {
        let name = name.trim_ascii();
        match &self.overlay {
            None => Builtin.model_key(name).map(|h| h.model),
            Some(o) => Overlaid(o).model_key(name).map(|h| h.model),
        }
    }

    /// The provider a name (id or alias) denotes, ASCII case ignored.
    ///
    /// ```
    /// let c = model_catalog::Catalog::builtin();
    /// assert_eq!(c.lookup_provider("Inference_Net").unwrap().id(), "inference-net");
    /// assert!(c.lookup_provider("azure").is_none());
    /// ```
    pub fn lookup_provider(&self, name: &str) -> Option<&Provider> {
        let name = name.trim_ascii();
        match &self.overlay {
            None => Builtin.provider_key(name).map(|h| h.provider),
            Some(o) => Overlaid(o).provider_key(name).map(|h| h.provider),
        }
    }

    /// Every provider: the built-in ones (replacements in their place), then the overlay's.
    ///
    /// ```
    /// let c = model_catalog::Catalog::builtin();
    /// assert!(c.providers().any(|p| p.id() == "openrouter"));
    /// ```
    pub fn providers(&self) -> impl ExactSizeIterator<Item = &Provider> + Clone {
        let t = self.tables();
        (0..t.provider_count()).map(move |i| t.provider_at(i))
    }

    /// The providers the overlay defines, replacements of built-in providers included, in
    /// catalog order.
    pub fn custom_providers(&self) -> impl Iterator<Item = &Provider> + Clone {
        self.providers()
            .filter(|p| p.index >= BUILTIN_PROVIDERS || self.tables().replaced(p))
    }

    /// Whether `provider` is one of the built-in providers, unreplaced, in this catalog.
    /// `false` for a provider of another catalog that this one does not hold (see
    /// [`Catalog::provider_of`]).
    pub fn is_builtin_provider(&self, provider: &Provider) -> bool {
        let t = self.tables();
        t.own_provider(provider)
            .is_some_and(|p| p.index < BUILTIN_PROVIDERS && !t.replaced(p))
    }

    /// Every model: the built-in ones, then the overlay's.
    ///
    /// ```
    /// let c = model_catalog::Catalog::builtin();
    /// assert!(c.models().filter(|m| m.provider_id() == "anthropic").count() >= 9);
    /// ```
    pub fn models(&self) -> impl ExactSizeIterator<Item = &Model> + Clone {
        let t = self.tables();
        (0..t.model_count()).map(move |i| t.model_at(i))
    }

    /// The models a provider (named by id or alias) serves: its own, then those of other
    /// providers it offers. `None` if no provider has that name. A provider the catalog lists
    /// no model for passes every model string through.
    ///
    /// ```
    /// let c = model_catalog::Catalog::builtin();
    /// let groq: Vec<_> = c.models_of("groqcloud").unwrap().iter().map(|m| m.id()).collect();
    /// assert!(groq.contains(&"gpt-oss-120b"));
    /// assert!(c.models_of("azure").is_none());
    /// ```
    pub fn models_of(&self, provider: &str) -> Option<Vec<&Model>> {
        let p = self.lookup_provider(provider)?;
        let t = self.tables();
        let mut out = t.own_models(p);
        out.extend(
            t.provider_offers(p)
                .into_iter()
                .map(|o| t.model_at(o.model_index)),
        );
        Some(out)
    }

    /// What `provider` serves, as [`Catalog::models_of`] lists it: its own models, then its
    /// offers of other providers' models, each with the model it serves. Each list is read from the provider's own range, so
    /// the cost is that of what the provider serves, however many providers offer a model.
    #[cfg(feature = "formats")]
    pub(crate) fn served_by(&self, provider: &Provider) -> (Vec<&Model>, Vec<(&Offer, &Model)>) {
        let t = self.tables();
        let offers = t.provider_offers(provider);
        let offers = offers.into_iter().map(|o| (o, t.model_at(o.model_index)));
        (t.own_models(provider), offers.collect())
    }

    /// The offers of a model: the providers other than its home provider that serve it,
    /// each with its upstream id and prices. Empty for a model this catalog does not hold
    /// (see [`Catalog::provider_of`]).
    ///
    /// ```
    /// let c = model_catalog::Catalog::builtin();
    /// let m = c.lookup_model("gpt-5.2").unwrap();
    /// let offers: Vec<_> = c.offers_of(m).iter().map(|o| (o.provider_id(), o.upstream_id())).collect();
    /// assert!(offers.contains(&("nano-gpt", "openai/gpt-5.2")));
    /// ```
    pub fn offers_of(&self, model: &Model) -> Vec<&Offer> {
        let t = self.tables();
        t.own_model(model).map_or_else(Vec::new, |m| t.offers_of(m))
    }

    /// The provider making offer `offer`; `None` for an offer this catalog does not hold
    /// (see [`Catalog::provider_of`]).
    ///
    /// ```
    /// let c = model_catalog::Catalog::builtin();
    /// let offers = c.offers_of(c.lookup_model("gpt-5.2").unwrap());
    /// let o = offers.iter().find(|o| o.upstream_id() == "openai/gpt-5.2").unwrap();
    /// assert_eq!(c.provider_of_offer(o).unwrap().id(), "nano-gpt");
    /// assert_eq!(c.model_of_offer(o).unwrap().id(), "gpt-5.2");
    /// ```
    pub fn provider_of_offer(&self, offer: &Offer) -> Option<&Provider> {
        let t = self.tables();
        t.own_offer(offer).map(|o| t.provider_at(o.provider_index))
    }

    /// The model offer `offer` serves; `None` for an offer this catalog does not hold.
    pub fn model_of_offer(&self, offer: &Offer) -> Option<&Model> {
        let t = self.tables();
        t.own_offer(offer).map(|o| t.model_at(o.model_index))
    }

    /// The provider that defines `model`, in this catalog.
    ///
    /// `None` for a model this catalog does not hold: a handle of another run-time catalog
    /// (one loaded before a swap, another tenant's, one built from the same documents) is
    /// not read as a position here, which would name some other provider, even where this
    /// catalog names a model and provider alike; look the name up here again. The built-in
    /// models are every catalog's; a run-time catalog's are its own and its clones'.
    ///
    /// ```
    /// use model_catalog::{Catalog, CustomProvider};
    /// let a = Catalog::builder()
    ///     .provider(CustomProvider::new("tenant-a", "A").base_url("https://a.example/v1").model("a-model", "a-model"))
    ///     .build()
    ///     .unwrap();
    /// let b = Catalog::builder()
    ///     .provider(CustomProvider::new("tenant-b", "B").base_url("https://b.example/v1").model("b-model", "b-model"))
    ///     .build()
    ///     .unwrap();
    /// let m = a.lookup_model("a-model").unwrap();
    /// assert_eq!(a.provider_of(m).unwrap().id(), "tenant-a");
    /// assert!(b.provider_of(m).is_none());
    /// assert!(Catalog::builtin().provider_of(m).is_none());
    /// let gpt = model_catalog::lookup_model("gpt-4o").unwrap();
    /// assert_eq!(b.provider_of(gpt).unwrap().id(), "openai");
    /// ```
    pub fn provider_of(&self, model: &Model) -> Option<&Provider> {
        let t = self.tables();
        t.own_model(model)
            .map(|m| t.provider_at(m.provider_index()))
    }

    /// The models that pass `query`'s filters, in its order.
    ///
    /// ```
    /// use model_catalog::{Capability, Catalog, Query};
    /// let found = Catalog::builtin().query(&Query::new().capability(Capability::Reasoning));
    /// assert!(!found.is_empty());
    /// ```
    pub fn query(&self, query: &Query) -> Vec<&Model> {
        query.run_in(self.tables())
    }

    /// The cheapest model passing `query`'s filters: by the query's sort when it is a price
    /// sort, else by input plus output price (a 1 : 1 blend). Models without the prices
    /// compared are not candidates.
    pub fn cheapest(&self, query: &Query) -> Option<&Model> {
        query.cheapest_in(self.tables())
    }

    /// The ordered fallback chain of routes for `model` under `policy`: never empty.
    ///
    /// Errors: [`RouteError::Resolve`] when `model` does not resolve, [`RouteError::NoRoute`]
    /// (with one reason per candidate) when the policy rejects every candidate.
    ///
    /// A model is often served by several providers: its home provider (the one whose document
    /// defines it) and the providers that [offer](crate::Offer) it. [`Catalog::route`] turns a
    /// model string into an ordered list of [`Route`]s, the first to try first, filtered and
    /// ordered by a [`RoutePolicy`]:
    ///
    /// ```
    /// use model_catalog::{route, RoutePolicy, RouteSort};
    ///
    /// // `gpt-oss-120b` is defined by Groq and offered by NanoGPT and OpenRouter.
    /// let chain = route("gpt-oss-120b", &RoutePolicy::new()).unwrap();
    /// assert_eq!(chain[0].provider.id(), "groq");
    /// assert!(chain.iter().any(|r| r.provider.id() == "openrouter"));
    ///
    /// // Cheapest first (3 input tokens per output token), at most two routes.
    /// let policy = RoutePolicy::new()
    ///     .sort(RouteSort::Price { input: 3, output: 1 })
    ///     .max_routes(2);
    /// let chain = route("gpt-oss-120b", &policy).unwrap();
    /// assert_eq!(chain.len(), 2);
    /// assert_eq!(chain[0].upstream_id, "openai/gpt-oss-120b");
    /// ```
    ///
    /// # Candidates
    ///
    /// The input is resolved with the catalog's grammar ([`Catalog::resolve_model`]); a resolution error is returned as
    /// [`RouteError::Resolve`]. Then:
    ///
    /// - A catalog model named without a provider (`gpt-oss-120b`, an alias, or an upstream id
    ///   such as `openai/gpt-oss-120b`) has as candidates its home provider, then every provider
    ///   offering it, in the order of [`Catalog::offers_of`] (the catalog order).
    /// - A served name named without a provider (a dated snapshot: `claude-sonnet-4-5-20250929`)
    ///   has as candidates the provider that serves it at home, then every provider whose
    ///   offer of the model is sent as that snapshot (NanoGPT's `claude-sonnet-4-5-20250929`,
    ///   its `openai/o3-pro-2025-06-10`), with the prices that apply to the snapshot there.
    /// - An explicit provider prefix (`openrouter:gpt-oss-120b`, `groq/gpt-oss-120b`) restricts
    ///   the candidates to that provider: the caller asked for it. The policy still applies, so
    ///   the chain has one route or the call fails with [`RouteError::NoRoute`].
    /// - A pass-through (a model string the catalog does not know, sent to a named provider as
    ///   is, such as `openrouter:meta-llama/Llama-3.3-70B-Instruct`) has exactly one candidate:
    ///   the named provider, with the input's model string as the upstream id, no catalog model
    ///   and no known prices or capabilities.
    ///
    /// # Rules
    ///
    /// Each candidate is checked against the policy's rules in this order; the first rule that
    /// fails removes it, and that rule is the [`RejectReason`](crate::RejectReason) reported for it:
    ///
    /// 1. the deny list ([`RejectReason::Denied`](crate::RejectReason::Denied));
    /// 2. the allow list ([`RejectReason::NotAllowed`](crate::RejectReason::NotAllowed));
    /// 3. the keys held ([`RejectReason::NoKey`](crate::RejectReason::NoKey));
    /// 4. the required capabilities, in the order required
    ///    ([`RejectReason::CapabilityMissing`](crate::RejectReason::CapabilityMissing), [`RejectReason::CapabilityUnknown`](crate::RejectReason::CapabilityUnknown));
    /// 5. the required API surface, then the required parameters in the order required
    ///    ([`RejectReason::SurfaceMissing`](crate::RejectReason::SurfaceMissing), [`RejectReason::ParamUnsupported`](crate::RejectReason::ParamUnsupported),
    ///    [`RejectReason::ParamUnknown`](crate::RejectReason::ParamUnknown));
    /// 6. the maximum input price, then the maximum output price
    ///    ([`RejectReason::OverMaxPrice`](crate::RejectReason::OverMaxPrice), [`RejectReason::PriceUnknown`](crate::RejectReason::PriceUnknown));
    /// 7. the day judged ([`RoutePolicy::active_on`](crate::RoutePolicy::active_on)): the
    ///    route retired that day ([`RejectReason::Retired`](crate::RejectReason::Retired)).
    ///
    /// Every fact a rule needs must be known: an unknown capability, parameter or price fails
    /// the rule with its own reason rather than passing it. The candidates left are ordered
    /// (preference, then [`RouteSort`](crate::RouteSort)) and cut to the maximum chain length
    /// ([`RejectReason::Truncated`](crate::RejectReason::Truncated)).
    ///
    /// ```
    /// use model_catalog::{Catalog, CustomProvider, RoutePolicy};
    ///
    /// // A custom provider offering a built-in model adds a route.
    /// let catalog = Catalog::builder()
    ///     .provider(
    ///         CustomProvider::new("internal-vllm", "Internal vLLM")
    ///             .key_required(false)
    ///             .offer("gpt-oss-120b", "openai/gpt-oss-120b"),
    ///     )
    ///     .build()
    ///     .unwrap();
    /// let chain = catalog.route("gpt-oss-120b", &RoutePolicy::new().key("groq")).unwrap();
    /// let ids: Vec<_> = chain.iter().map(|r| r.provider.id()).collect();
    /// assert_eq!(ids, ["groq", "internal-vllm"]); // the aggregators need keys not held
    /// ```
    pub fn route(&self, model: &str, policy: &RoutePolicy) -> Result<Vec<Route<'_>>, RouteError> {
        self.route_plan(model, policy).map(|p| p.routes)
    }

    /// [`route`](Catalog::route), also returning the candidates left out of a non-empty
    /// chain and why.
    ///
    /// ```
    /// use model_catalog::{Catalog, RejectReason, RoutePolicy};
    ///
    /// let plan = Catalog::builtin()
    ///     .route_plan("gpt-oss-120b", &RoutePolicy::new().deny("nano-gpt").max_routes(1))
    ///     .unwrap();
    /// assert_eq!(plan.routes.len(), 1);
    /// let why: Vec<_> = plan.rejected.iter().map(|r| (r.provider.as_str(), &r.reason)).collect();
    /// assert_eq!(why[0], ("nano-gpt", &RejectReason::Denied));
    /// assert!(why[1..].iter().all(|(_, r)| **r == RejectReason::Truncated));
    /// ```
    pub fn route_plan(
        &self,
        model: &str,
        policy: &RoutePolicy,
    ) -> Result<RoutePlan<'_>, RouteError> {
        let r = self.resolve_model(model)?;
        route::plan(self.tables(), model, &r, policy)
    }

    /// The provider names in `policy` that denote no provider of this catalog, in the
    /// order: preferred, allowed, denied, keys held, then the keys of the
    /// [`RouteSort::Latency`](crate::RouteSort::Latency) or
    /// [`RouteSort::ErrorRate`](crate::RouteSort::ErrorRate) figures (sorted). Empty when
    /// every name is known. Routing ignores such names; call this once when loading a
    /// policy to catch typos.
    ///
    /// ```
    /// use model_catalog::{Catalog, RoutePolicy};
    /// let p = RoutePolicy::new().deny("open-router").deny("openrouterr");
    /// assert_eq!(Catalog::builtin().unknown_providers(&p), ["openrouterr"]);
    /// ```
    pub fn unknown_providers<'p>(&self, policy: &'p RoutePolicy) -> Vec<&'p str> {
        policy.unknown_in(self.tables())
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
#[must_use = "a builder does nothing until it is built"]
pub struct CatalogBuilder {
    /// Shared with the catalogs built from it until either changes them.
    docs: Documents,
    overrides: Overrides,
}

impl CatalogBuilder {
    /// Adds a document; `name` identifies it in errors and in [`Catalog::documents`] (a name
    /// of more than 256 characters is cut to its first 256 and `...`).
    pub fn document(mut self, name: &str, doc: DataFile) -> CatalogBuilder {
        Arc::make_mut(&mut self.docs).push((document_name(name).into_owned(), doc));
        self
    }

    /// The builder, with its next `count` documents marked as read from elsewhere (an
    /// import's): they get only the leave `ids` give (as
    /// [`allow_override`](CatalogBuilder::allow_override) would), never the caller's,
    /// whatever is added or dropped around them later ([`Overrides::import`]).
    #[cfg(feature = "formats")]
    pub(crate) fn next_imported(mut self, count: usize, ids: &[String]) -> CatalogBuilder {
        let (mut providers, mut models) = (Vec::new(), Vec::new());
        for id in ids {
            if is_builtin_provider(id) {
                providers.push(id.clone());
            } else {
                models.push(id.clone());
            }
        }
        let at = self.docs.len();
        self.overrides.import(at..at + count, providers, models);
        self
    }

    /// Adds named documents, all at once.
    #[cfg(feature = "formats")]
    pub(crate) fn documents(mut self, docs: Vec<(String, DataFile)>) -> CatalogBuilder {
        Arc::make_mut(&mut self.docs).extend(docs);
        self
    }

    /// Adds the documents in `json`: one document object or an array of them, named `name`
    /// or `name[i]` (`name` cut as [`document`](CatalogBuilder::document) cuts it). On a
    /// parse error nothing is added and the error names the JSON path.
    pub fn json(mut self, name: &str, json: &str) -> Result<CatalogBuilder, CatalogError> {
        let docs = parse_documents(&document_name(name), json)
            .map_err(|e| CatalogError { errors: vec![e] })?;
        Arc::make_mut(&mut self.docs).extend(docs);
        Ok(self)
    }

    /// Adds a custom provider.
    pub fn provider(mut self, provider: CustomProvider) -> CatalogBuilder {
        let id = provider.doc.provider.as_ref().map_or("", |p| &p.id);
        // The document's name repeats in every error about it: a huge id is cut.
        let name = format!("custom provider `{}`", document_name(id));
        Arc::make_mut(&mut self.docs).push((name, provider.doc));
        self
    }

    /// Keeps only the documents for which `keep(name, document)` is true (to replace an
    /// earlier import, for instance).
    pub fn retain(mut self, mut keep: impl FnMut(&str, &DataFile) -> bool) -> CatalogBuilder {
        let kept: Vec<bool> = self
            .docs
            .iter()
            .map(|(name, doc)| keep(name, doc))
            .collect();
        let mut at = 0;
        Arc::make_mut(&mut self.docs).retain(|_| {
            at += 1;
            kept[at - 1]
        });
        // Documents read from elsewhere keep only their own leave where they now stand.
        self.overrides.retain_documents(&kept);
        self
    }

    /// Allows the documents to replace the built-in provider or model with id `id`, or take
    /// its names; also allows a new provider whose name catalog model names begin with
    /// (those names keep resolving to their models), and a provider to name provider `id`'s
    /// API key variable (`api_key_env`: a gateway would send that provider's key to it),
    /// `id` built in or added. Without this, a collision with any built-in name, or a key
    /// variable another provider names, is an error.
    pub fn allow_override(mut self, id: &str) -> CatalogBuilder {
        if is_builtin_provider(id) {
            self.overrides.providers.push(id.to_owned());
        } else {
            self.overrides.models.push(id.to_owned());
        }
        self
    }

    /// Validates everything and builds the catalog. The catalog shares the builder's
    /// documents (they are not copied).
    pub fn build(&self) -> Result<Catalog, CatalogError> {
        match validated(&self.docs, &self.overrides)? {
            Some(v) => {
                let docs = DocumentStore::Typed(self.docs.clone());
                Catalog::with(v, docs, self.overrides.clone())
            }
            None => Ok(Catalog::default()),
        }
    }

    /// [`build`](CatalogBuilder::build), keeping the documents and the overrides rather than
    /// copying them.
    #[cfg(feature = "formats")]
    pub(crate) fn into_catalog(self) -> Result<Catalog, CatalogError> {
        let CatalogBuilder { docs, overrides } = self;
        match validated(&docs, &overrides)? {
            // The validated records borrow from the documents, which the catalog shares.
            Some(v) => Catalog::with(v, DocumentStore::Typed(docs.clone()), overrides),
            None => Ok(Catalog::default()),
        }
    }

    /// [`build`](CatalogBuilder::build) with `docs` added, which
    /// [`read_documents`](crate::documents::read_documents) read from `json` under `name`:
    /// the catalog keeps the text instead of `docs` (about a third of their size) and reads
    /// it again when its documents are first asked for.
    #[cfg(feature = "formats")]
    pub(crate) fn import_json(
        self,
        name: &str,
        json: &str,
        docs: Vec<(String, DataFile)>,
    ) -> Result<Catalog, CatalogError> {
        if docs.is_empty() {
            return self.into_catalog();
        }
        let count = docs.len();
        let all = crate::document_store::followed_by(&self.docs, docs);
        let v =
            overlay::validate(&all, &self.overrides).map_err(|errors| CatalogError { errors })?;
        let docs = DocumentStore::imported(self.docs, name, json, count);
        // `all` is dropped once the overlay is made from what validation borrowed of it: the
        // catalog keeps the base's documents (shared, not copied) and the text.
        Catalog::with(v, docs, self.overrides)
    }
}

/// Whether `id` is a built-in provider's id (ASCII case ignored): leave for it is leave for a
/// provider, else for a model.
fn is_builtin_provider(id: &str) -> bool {
    builtin::provider_key(&fold(id)).is_some_and(|(p, _)| p.id().eq_ignore_ascii_case(id))
}

/// Documents `docs` validated with `overrides`, `None` when there are none.
fn validated<'a>(
    docs: &'a [(String, DataFile)],
    overrides: &Overrides,
) -> Result<Option<Validated<'a>>, CatalogError> {
    if docs.is_empty() {
        return Ok(None);
    }
    overlay::validate(docs, overrides)
        .map(Some)
        .map_err(|errors| CatalogError { errors })
}
