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
//! is parsed or initialised at start-up. [`Catalog`] is the API: its methods resolve, look up,
//! query and route; the free functions here are the same methods of [`Catalog::builtin`].
//! See [`Catalog::resolve_model`] for the grammar of model strings. Names match ASCII-case-insensitively and never by Unicode case folding.
//!
//! # Cargo features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `builtin` | yes | the compiled catalog data (`data/`, or the directory `MODEL_CATALOG_DATA_DIR` names at build time); without it [`Catalog::builtin`] is an empty catalog, and catalogs are built at run time with [`CatalogBuilder`] |
//! | `formats` | yes | the `formats` module: import and export of wire formats (OpenAI-compatible `/v1/models`, ngrok, inference-api, the crate's own documents) |
//! | `shared` | yes | `SharedCatalog` and `CatalogGuard`, a catalog swapped atomically while readers run (the `arc-swap` dependency) |
//! | `serde` | yes | `serde::Serialize` on the results and errors of the API |
//! | `cli` | no | the `model-catalog` command-line tool (`cargo install model-catalog --features cli`); turns on `serde` and `formats`; the module `cli` is its implementation (`resolve`, `query`, `route`, `models`, `validate`, `completions`) |
//!
//! A service that only resolves names can depend on
//! `model-catalog = { version = "0.1", default-features = false, features = ["builtin"] }`:
//! it compiles the tables and the API over them, and none of the optional dependencies.
//! The tests, examples and benchmarks need the default features.

#![forbid(unsafe_code)]
// The compiled catalog's `static` arrays (`compiled` and the public types' modules) are
// decoded from the blob build.rs writes by constant evaluation, which for a large catalog
// runs long by design. The lint, denied by default, stopped the build of a 17,822-model
// catalog (`large-catalog --copies 2`) before the decoders took fewer steps; CI
// type-checks one of 35,434 models, which evaluates its tables.
#![allow(long_running_const_eval)]
#![cfg_attr(docsrs, feature(doc_cfg))]
// Without the compiled data the built-in catalog's sizes are 0, and comparisons with them
// always false.
#![cfg_attr(not(feature = "builtin"), allow(clippy::absurd_extreme_comparisons))]

mod abilities;
mod bits;
mod builtin;
mod catalog;
#[cfg(feature = "cli")]
pub mod cli;
mod compiled;
mod custom_provider;
mod distance;
mod distillation;
mod document_store;
mod documents;
mod error;
#[cfg(feature = "formats")]
#[cfg_attr(docsrs, doc(cfg(feature = "formats")))]
pub mod formats;
mod info;
mod lifecycle;
mod lookup;
mod model;
mod model_tables;
mod name_index;
mod names;
mod offer;
mod overlay;
mod overlay_keys;
mod policy;
mod price_layers;
mod provider;
mod query;
mod query_index;
mod request;
mod resolution;
mod resolve;
mod resolver;
mod route;
#[cfg(feature = "serde")]
mod serialize;
mod served;
#[cfg(feature = "shared")]
mod shared;
mod suggest;
mod tables;
mod tables_view;
mod text;
mod view;

// The data model, validator, name rules, hash, prices and costs are shared with the build
// (`model-catalog-shared`); they keep their paths here (`crate::data::...`).
use model_catalog_shared as data;
use model_catalog_shared::{cost, usage};

/// The data format: the documents of `data/` and of run-time overlays (see `data/README.md`),
/// and the errors a document can have.
pub mod schema {
    pub use crate::data::capability::Flags;
    pub use crate::data::schema::{
        AliasEntry, DataFile, DataSources, DistillationPolicyEntry, LiteLlmSnapshot, ModelEntry,
        ModelsDevSnapshot, OfferEntry, ProviderEntry, ServedNameEntry, Sources,
    };
    pub use crate::data::surface::{ControlPlane, ResourceRef, SurfaceEntry};
    pub use crate::data::validate::{DataError, DataErrorKind, MAX_NAMES_PER_MODEL};
}

pub use catalog::{Catalog, CatalogBuilder, CatalogError};
pub use cost::{Cost, CostError, Markup, MarkupError, PriceKind, PriceSource, Usd};
pub use custom_provider::CustomProvider;
pub use data::capability::{Capability, Support, UnknownCapability};
pub use data::date::{Date, DateError};
pub use data::key::{MatchKind, MAX_INPUT_LEN};
pub use data::modality::{Modalities, Modality, UnknownModality};
pub use data::price::{LongContextPricing, Price, PriceError, Pricing};
pub use data::surface::{ApiFormat, Surface, UnknownSurface};
pub use distillation::DistillationPolicy;
pub use error::{ResolveError, MAX_OFFERED_BY};
pub use info::{catalog_info, CatalogInfo, DATA_AS_OF};
pub use lifecycle::Lifecycle;
pub use model::Model;
pub use offer::Offer;
pub use policy::{RoutePolicy, RouteSort};
pub use provider::{ApiSurface, Provider};
pub use query::{Query, Sort};
pub use request::{Request, Violation};
pub use resolution::{Prefix, Resolution, Separator};
pub use resolver::{PassThrough, Resolver};
pub use route::{RejectReason, Rejection, Route, RouteError, RoutePlan, MAX_REJECTIONS};
#[cfg(feature = "serde")]
pub use serialize::{ResolutionRecord, RouteRecord};
pub use served::ServedName;
#[cfg(feature = "shared")]
pub use shared::{CatalogGuard, SharedCatalog};
pub use suggest::{Suggestions, MAX_SUGGESTIONS};
pub use usage::{Usage, UsageError};

/// [`Catalog::resolve_model`] of the built-in catalog. A successful resolution allocates
/// nothing: it borrows the catalog and, for a pass-through, the input.
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
    Catalog::builtin().resolve_model(input)
}

/// [`Catalog::lookup_model`] of the built-in catalog.
pub fn lookup_model(name: &str) -> Option<&'static Model> {
    Catalog::builtin().lookup_model(name)
}

/// [`Catalog::lookup_provider`] of the built-in catalog.
pub fn lookup_provider(name: &str) -> Option<&'static Provider> {
    Catalog::builtin().lookup_provider(name)
}

/// [`Catalog::providers`] of the built-in catalog, in catalog order (by data file name).
pub fn providers() -> impl ExactSizeIterator<Item = &'static Provider> + Clone {
    Catalog::builtin().providers()
}

/// [`Catalog::models`] of the built-in catalog, in catalog order (grouped by provider).
pub fn models() -> impl ExactSizeIterator<Item = &'static Model> + Clone {
    Catalog::builtin().models()
}

/// [`Catalog::models_of`] of the built-in catalog.
pub fn models_of(provider: &str) -> Option<Vec<&'static Model>> {
    Catalog::builtin().models_of(provider)
}

/// [`Catalog::offers_of`] of the built-in catalog.
pub fn offers_of(model: &Model) -> Vec<&'static Offer> {
    Catalog::builtin().offers_of(model)
}

/// [`Catalog::route`] of the built-in catalog.
///
/// ```
/// use model_catalog::{route, RoutePolicy};
/// let chain = route("openrouter:meta-llama/Llama-3.3-70B-Instruct", &RoutePolicy::new()).unwrap();
/// assert_eq!(chain.len(), 1); // a pass-through: the named provider only
/// assert!(chain[0].model.is_none());
/// assert_eq!(chain[0].upstream_id, "meta-llama/Llama-3.3-70B-Instruct");
/// ```
pub fn route(model: &str, policy: &RoutePolicy) -> Result<Vec<Route<'static>>, RouteError> {
    Catalog::builtin().route(model, policy)
}

/// [`Catalog::route_plan`] of the built-in catalog.
pub fn route_plan(model: &str, policy: &RoutePolicy) -> Result<RoutePlan<'static>, RouteError> {
    Catalog::builtin().route_plan(model, policy)
}

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// SECURITY.md's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../SECURITY.md")]
struct SecurityDoctests;
