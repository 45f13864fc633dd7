//! An offline catalog of AI model providers and models, compiled into the binary.
//!
//! A service that takes model names from its users asks, without any network and without
//! allocating: which provider, which upstream model id, which endpoint?
//!
//! ```
//! use model_catalog::resolve_model;
//!
//! let r = resolve_model("GPT-4o-2024-08-06").unwrap();
//! assert_eq!(r.provider.id(), "openai");
//! assert_eq!(r.provider.base_url(), Some("https://api.openai.com/v1/"));
//! assert_eq!(r.model.unwrap().id(), "gpt-4o");
//! // A dated snapshot is a name OpenAI serves: it is what is sent.
//! assert_eq!(r.upstream_id, "gpt-4o-2024-08-06");
//!
//! // An alias is another spelling: the model's id is sent.
//! assert_eq!(resolve_model("GPT-5 mini").unwrap().upstream_id, "gpt-5-mini");
//!
//! // Provider-qualified names, provider aliases, upstream ids:
//! let r = resolve_model("groq:openai/gpt-oss-20b").unwrap();
//! assert_eq!((r.provider.id(), &*r.upstream_id), ("groq", "openai/gpt-oss-20b"));
//!
//! // Unknown models behind a known provider are passed through unchanged:
//! let r = resolve_model("openrouter:meta-llama/Llama-3.3-70B-Instruct").unwrap();
//! assert!(r.model.is_none());
//! assert_eq!(r.upstream_id, "meta-llama/Llama-3.3-70B-Instruct");
//!
//! // Errors say what went wrong and suggest close names:
//! let e = resolve_model("gpt-4-o").unwrap_err();
//! assert_eq!(e.kind(), "unknown_model");
//! assert_eq!(e.to_string(), "unknown model `gpt-4-o`; did you mean `gpt-4o`?");
//! ```
//!
//! The catalog is built from the JSON documents in `data/` (one per provider) by the build
//! script, which validates them and generates static tables and perfect-hash maps: nothing
//! is parsed or initialised at start-up. See [`resolve`](mod@resolve) for the grammar of model
//! strings. Names match ASCII-case-insensitively and never by Unicode case folding.

#![warn(missing_docs)]
#![forbid(unsafe_code)]

mod builtin;
mod catalog;
mod error;
pub mod formats;
mod info;
mod lifecycle;
mod lookup;
mod model;
mod offer;
mod provider;
mod query;
mod request;
mod resolution;
pub mod resolve;
mod resolver;
pub mod route;
mod served;
mod suggest;

// The data model, validator, name rules, hash, prices and costs are shared with the build
// (`model-catalog-shared`); they keep their paths here (`crate::data::...`).
use model_catalog_shared as data;
use model_catalog_shared::{cost, usage};

pub use catalog::{
    Catalog, CatalogBuilder, CatalogError, CatalogGuard, CustomProvider, SharedCatalog,
};
pub use cost::{Cost, CostError, Markup, MarkupError, PriceKind, PriceSource, Usd};
/// The data format: the documents of `data/` and of run-time overlays (see `data/README.md`),
/// and the errors a document can have.
pub mod schema {
    pub use crate::data::capability::Flags;
    pub use crate::data::schema::{
        AliasEntry, DataFile, DataSources, DistillationPolicyEntry, LiteLlmSnapshot, ModelEntry,
        ModelsDevSnapshot, OfferEntry, ProviderEntry, ServedNameEntry, Sources,
    };
    pub use crate::data::surface::{ControlPlane, ResourceRef, SurfaceEntry};
    pub use crate::data::validate::{DataError, DataErrorKind};
}

pub use data::capability::{Capability, Support, UnknownCapability};
pub use data::date::{Date, DateError};
pub use data::key::{MatchKind, MAX_INPUT_LEN};
pub use data::modality::{Modalities, Modality, UnknownModality};
pub use data::price::{LongContextPricing, Price, PriceError, Pricing};
pub use data::surface::{ApiFormat, Surface, UnknownSurface};
pub use error::{InputText, ResolveError};
pub use info::{catalog_info, CatalogInfo, DATA_AS_OF};
pub use lifecycle::Lifecycle;
pub use model::{DistillationPolicy, Model};
pub use offer::Offer;
pub use provider::{ApiSurface, Provider};
pub use query::{Query, Sort};
pub use request::{Request, Violation};
pub use resolution::{Prefix, Resolution, Separator};
pub use resolver::{PassThrough, Resolver};
pub use route::{
    route, route_plan, RejectReason, Rejection, Route, RouteError, RoutePlan, RoutePolicy,
    RouteSort,
};
pub use served::ServedName;
pub use suggest::{Suggestions, MAX_SUGGESTIONS};
pub use usage::{Usage, UsageError};

use builtin::{Builtin, MODELS, OFFERS, PROVIDERS};

/// Resolves a model string against the built-in catalog.
///
/// See [`resolve`](mod@resolve) for the grammar. A successful resolution allocates nothing:
/// it borrows the catalog and, for a pass-through, the input.
///
/// ```
/// use model_catalog::{resolve_model, ResolveError};
///
/// assert_eq!(resolve_model("openai:gpt-4o").unwrap().model.unwrap().name(), "GPT-4o");
/// assert_eq!(resolve_model("anthropic/claude-opus-4-5").unwrap().provider.id(), "anthropic");
/// assert!(matches!(resolve_model("   "), Err(ResolveError::Empty)));
/// assert!(matches!(resolve_model("foo:gpt-4o"), Err(ResolveError::UnknownProvider { .. })));
/// ```
pub fn resolve_model(input: &str) -> Result<Resolution<'static, '_>, ResolveError> {
    resolve::resolve_in(Builtin, input)
}

/// The model a name denotes: its id, upstream id or an alias, ASCII case ignored.
///
/// This is rule 2 of the grammar alone: no `provider:` prefix is interpreted.
///
/// ```
/// let m = model_catalog::lookup_model("meta-llama/llama-3.3-70b-versatile").unwrap();
/// assert_eq!(m.id(), "llama-3.3-70b-versatile");
/// assert!(model_catalog::lookup_model("openai:gpt-4o").is_none());
/// ```
pub fn lookup_model(name: &str) -> Option<&'static Model> {
    builtin::model_key(name.trim_ascii()).map(|(m, _)| m)
}

/// The provider a name denotes: its id or an alias, ASCII case ignored.
///
/// ```
/// assert_eq!(model_catalog::lookup_provider("Inference_Net").unwrap().id(), "inference-net");
/// assert!(model_catalog::lookup_provider("azure").is_none());
/// ```
pub fn lookup_provider(name: &str) -> Option<&'static Provider> {
    builtin::provider_key(name.trim_ascii()).map(|(p, _)| p)
}

/// Every built-in provider, in catalog order (by data file name).
///
/// ```
/// assert!(model_catalog::providers().any(|p| p.id() == "openrouter"));
/// ```
pub fn providers() -> std::slice::Iter<'static, Provider> {
    PROVIDERS.iter()
}

/// Every built-in model, in catalog order (grouped by provider).
///
/// ```
/// let n = model_catalog::models().filter(|m| m.provider_id() == "anthropic").count();
/// assert!(n >= 9);
/// ```
pub fn models() -> std::slice::Iter<'static, Model> {
    MODELS.iter()
}

/// The models a provider (named by id or alias) serves, or `None` if no provider has that
/// name: those it defines, then those of other providers it offers. A provider the catalog
/// lists no model for passes every model string through.
///
/// ```
/// let groq: Vec<_> = model_catalog::models_of("groqcloud").unwrap().map(|m| m.id()).collect();
/// assert!(groq.contains(&"gpt-oss-120b"));
/// let openrouter: Vec<_> = model_catalog::models_of("openrouter").unwrap().map(|m| m.id()).collect();
/// assert!(openrouter.contains(&"gpt-oss-120b")); // offered on Groq's behalf
/// assert!(model_catalog::models_of("azure").is_none());
/// ```
pub fn models_of(provider: &str) -> Option<impl Iterator<Item = &'static Model> + Clone> {
    lookup_provider(provider).map(|p| {
        let offered = OFFERS[p.offer_range()]
            .iter()
            .map(|o| &MODELS[o.model_index as usize]);
        MODELS[p.model_range()].iter().chain(offered)
    })
}

/// The offers of a model: the providers other than its home provider that serve it, each
/// with its upstream id and prices.
///
/// ```
/// let m = model_catalog::lookup_model("gpt-5.2").unwrap();
/// let offers: Vec<_> = model_catalog::offers_of(m).map(|o| (o.provider_id(), o.upstream_id())).collect();
/// assert!(offers.contains(&("nano-gpt", "openai/gpt-5.2")));
/// ```
pub fn offers_of(model: &'static Model) -> impl ExactSizeIterator<Item = &'static Offer> + Clone {
    model.offers.iter().map(|&i| &OFFERS[i as usize])
}

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// SECURITY.md's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../SECURITY.md")]
struct SecurityDoctests;
