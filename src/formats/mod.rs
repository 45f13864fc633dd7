//! Import and export of the seeds' wire formats.
//!
//! Available with the `formats` feature (on by default).
//!
//! | format | import | export |
//! |---|---|---|
//! | ngrok `AIGatewayProviderList` (`GET /providers`, seed 004) | [`import_ngrok`] | [`export_ngrok`], [`export_ngrok_pages`] |
//! | OpenAI-compatible `/v1/models`, basic and detailed (seed 003) | [`import_openai_models`] | [`export_openai_models`], [`export_openai_models_detailed`] |
//! | inference-api `GET /models` (seed 002) | [`import_inference_api`] | [`export_inference_api`] |
//! | the crate's own documents (`data/README.md`) | [`import_documents`] | [`export_documents`] |
//!
//! # Imports
//!
//! Every import reads untrusted JSON text and returns a **new** [`Catalog`] built on top of a
//! base catalog (typically [`Catalog::builtin`] or the one a service currently holds), or an
//! [`ImportError`] naming the document and the JSON path of the first problem. The base is
//! never modified, and no partial catalog is ever returned: the documents an import produces
//! are validated together with the base's overlay by the same validator as
//! [`CatalogBuilder::build`](crate::CatalogBuilder::build), and any problem there is
//! [`ImportError::Catalog`].
//!
//! Every import reads its JSON with one reader that, beyond serde_json's own checks, refuses
//! a key given twice in one object (serde_json would keep the last one), a price whose text
//! is not exactly the number it reads as, and input beyond the documented limits
//! ([`MAX_DOCUMENT_BYTES`] of JSON, for ngrok all pages together; [`MAX_ITEMS`] items per
//! array or members per object), before any of it is imported. An import costs time linear
//! in the size of its input (`benches/import.rs` measures it). Error messages are one line
//! of printable ASCII: whatever they quote from the input is escaped.
//!
//! Listed model ids are mapped the same way in every format. For a listed id at provider `P`:
//!
//! 1. if the id names a model of the base catalog (its id, upstream id or an alias, ASCII
//!    case ignored, as [`Catalog::lookup_model`]) that `P` already serves (its home provider,
//!    or an offer), the import adds nothing for it: the base's facts stand;
//! 2. else if it names a catalog model, or a model an earlier entry of the same import
//!    defined, it becomes an **offer** of that model by `P`, with the listed id as the
//!    upstream id (and the listed prices, where the format has prices) — unless
//!    [`ImportOptions::allow_override`] names that built-in model, in which case a new model
//!    takes the name over;
//! 3. otherwise it becomes a **new model** of `P` whose id is the listed id.
//!
//! Listing one new id twice for one provider, or two names of one model as offers by one
//! provider, is an [`ImportError::Invalid`] naming both places.
//!
//! ```
//! use model_catalog::formats::{import_openai_models, ImportOptions, TargetProvider};
//! use model_catalog::Catalog;
//!
//! let json = r#"{"object": "list", "data": [
//!     {"id": "llama-3-8b", "object": "model", "created": 1704067200, "owned_by": "meta"},
//!     {"id": "gpt-4o", "object": "model", "created": 1704067200, "owned_by": "openai"}
//! ]}"#;
//! let base = Catalog::builtin();
//! let target = TargetProvider::new("my-proxy", "My proxy");
//! let c = import_openai_models(&base, json, &target, &ImportOptions::new()).unwrap();
//! // A new model of the new provider:
//! let r = c.resolve_model("llama-3-8b").unwrap();
//! assert_eq!((r.provider.id(), &*r.upstream_id), ("my-proxy", "llama-3-8b"));
//! // A built-in model, now also offered by the new provider:
//! let r = c.resolve_model("my-proxy:gpt-4o").unwrap();
//! assert_eq!((r.provider.id(), r.model.unwrap().id()), ("my-proxy", "gpt-4o"));
//! assert_eq!(c.resolve_model("gpt-4o").unwrap().provider.id(), "openai");
//! ```
//!
//! # Exports
//!
//! Exports serialize with serde into compact JSON. The output depends only on the catalog
//! and the options: the same catalog gives byte-identical output. Lists follow catalog order
//! (ngrok pages follow resource ids, as that API does). Unknown facts are left out, never
//! invented.

mod documents;
mod import;
mod inference_api;
mod ngrok;
mod openai;

pub use crate::data::json::{MAX_DOCUMENT_BYTES, MAX_ITEMS};
pub use documents::{export_documents, import_documents};
pub use inference_api::{export_inference_api, import_inference_api};
pub use ngrok::{
    export_ngrok, export_ngrok_pages, import_ngrok, NgrokExportOptions, NGROK_PROVIDERS_URI,
};
pub use openai::{export_openai_models, export_openai_models_detailed, import_openai_models};

use crate::abilities::Abilities;
use crate::data::escape::Esc;
use crate::schema::ProviderEntry;
use crate::{Catalog, CatalogError, Markup, Model, Pricing, Provider};
use serde::Serialize;

/// Why an import failed. Nothing is imported.
///
/// Every variant but [`Catalog`](ImportError::Catalog) names the input document (such as
/// `ngrok page 2` or `/v1/models`) and, except for syntax errors, the JSON path of the bad
/// value, in the form `aiGatewayProviders[2].supportedApiSurfaces[0].format` (`.` is the
/// whole document).
///
/// The message ([`Display`](std::fmt::Display)) is one line of printable ASCII, safe to
/// log: names, values, keys and paths from the input are quoted with control and non-ASCII
/// characters escaped (`\u{a}`, `\u{1b}`). The fields hold the text as found (cut to a
/// bounded length).
///
/// ```
/// use model_catalog::formats::{import_ngrok, ImportOptions};
/// use model_catalog::Catalog;
///
/// let e = import_ngrok(Catalog::builtin(), &[r#"{"uri": "x"}"#], &ImportOptions::new()).unwrap_err();
/// assert_eq!(e.kind(), "field");
/// assert_eq!(e.path(), Some("."));
/// assert_eq!(e.to_string(), "ngrok page 1: at `.`: missing field `aiGatewayProviders`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The text is not JSON: serde_json cannot read it (nesting past its recursion limit of 128, a
    /// number out of range such as `1e309` and a lone surrogate such as `"\ud800"`
    /// included).
    #[error(
        "{}: not valid JSON at line {line}, column {column}: {}",
        Esc(document),
        Esc(message)
    )]
    Syntax {
        /// The input document.
        document: String,
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A value has the wrong type, a required field is missing, or a field is unknown where
    /// the format forbids unknown fields.
    #[error("{}: at `{}`: {}", Esc(document), Esc(path), Esc(message))]
    Field {
        /// The input document.
        document: String,
        /// JSON path to the value (or to the object missing a field).
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A value has the right type but is not acceptable: a negative, too large or too
    /// precise price, a number whose text is not exactly the value it reads as
    /// (`0.10000000000000001`), a zero limit, an unknown API format or surface, an unusable
    /// name, text or URL, a key given twice in one object, a duplicate, a broken page chain.
    #[error("{}: at `{}`: {}", Esc(document), Esc(path), Esc(message))]
    Invalid {
        /// The input document.
        document: String,
        /// JSON path to the value.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// The input is beyond a documented limit and was refused before any of it was
    /// imported: longer than [`MAX_DOCUMENT_BYTES`] (for [`import_ngrok`], all pages
    /// together), or an array or object with more than [`MAX_ITEMS`] entries (`path` is
    /// that array or object).
    #[error("{}: at `{}`: {}", Esc(document), Esc(path), Esc(message))]
    TooLarge {
        /// The input document.
        document: String,
        /// JSON path to the array or object, or `.` for the whole document.
        path: String,
        /// Which limit.
        message: String,
    },
    /// The imported entries do not form a valid catalog with the base: a name collides with
    /// a built-in one (the error names both), an unknown provider, and so on.
    #[error(transparent)]
    Catalog(#[from] CatalogError),
}

impl ImportError {
    /// A short machine-readable name: `syntax`, `field`, `invalid`, `too_large` or
    /// `catalog`.
    pub fn kind(&self) -> &'static str {
        match self {
            ImportError::Syntax { .. } => "syntax",
            ImportError::Field { .. } => "field",
            ImportError::Invalid { .. } => "invalid",
            ImportError::TooLarge { .. } => "too_large",
            ImportError::Catalog(_) => "catalog",
        }
    }

    /// The JSON path of the bad value, for field, invalid-value and too-large errors.
    pub fn path(&self) -> Option<&str> {
        match self {
            ImportError::Field { path, .. }
            | ImportError::Invalid { path, .. }
            | ImportError::TooLarge { path, .. } => Some(path),
            _ => None,
        }
    }

    /// The input document the error is in, where it is in one.
    pub fn document(&self) -> Option<&str> {
        match self {
            ImportError::Syntax { document, .. }
            | ImportError::Field { document, .. }
            | ImportError::Invalid { document, .. }
            | ImportError::TooLarge { document, .. } => Some(document),
            ImportError::Catalog(_) => None,
        }
    }
}

/// Why an export failed. The message quotes names with control and non-ASCII characters
/// escaped, as [`ImportError`]'s does.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// No provider has this name.
    #[error("unknown provider `{}`", Esc(.0))]
    UnknownProvider(String),
    /// The page size is outside 1 to 100.
    #[error("limit {0} is out of range: it must be 1 to 100")]
    Limit(u32),
    /// A timestamp option is not an RFC 3339 date-time.
    #[error("`{}` is not an RFC 3339 date-time such as 2026-01-31T12:00:00Z", Esc(.0))]
    Timestamp(String),
    /// Two providers would be listed under one resource id.
    #[error(
        "providers `{}` and `{}` both have resource id `{}`",
        Esc(first),
        Esc(second),
        Esc(id)
    )]
    DuplicateResourceId {
        /// The resource id.
        id: String,
        /// One provider's id.
        first: String,
        /// The other's.
        second: String,
    },
    /// A provider cannot be written as an ngrok resource that [`import_ngrok`] reads back:
    /// the field at `path` (within the provider's resource, such as `createdBy.uri` or
    /// `models[2].modelId`) would not be valid there. The names [`export_ngrok`] derives
    /// never cause it with the default options. A control-plane record that ngrok's format
    /// cannot hold (one given in a document, whose fields need only be printable text) does,
    /// and so does an option that makes a field invalid (an id prefix or list URI holding a
    /// space, a user reference longer than 256 bytes).
    #[error(
        "provider `{}` cannot be exported to ngrok: at `{}`: {}",
        Esc(provider),
        Esc(path),
        Esc(message)
    )]
    Unrepresentable {
        /// The provider's id.
        provider: String,
        /// The JSON path of the field, within the provider's resource.
        path: String,
        /// Why the import would refuse it.
        message: String,
    },
    /// A price times the markup does not fit.
    #[error("the price of model `{0}` overflows with this markup")]
    PriceOverflow(String),
    /// A price times the markup needs more significant digits than a JSON number holds
    /// exactly: written, it would be rounded (prices are never rounded).
    #[error(
        "the price of model `{}` with this markup is {} per 1k tokens, which no JSON number holds exactly",
        Esc(.0),
        .1
    )]
    InexactPrice(String, String),
    /// Serialization failed (not expected for any catalog).
    #[error("cannot serialize: {0}")]
    Json(String),
}

/// The markup of the inference-api `/models` prices: 1.4x ("Includes the platform's 1.4x
/// margin", seed 002).
pub const INFERENCE_API_MARKUP: Markup = match Markup::from_ratio(14, 10) {
    Some(m) => m,
    None => Markup::NONE,
};

/// How an import treats what it adds.
///
/// ```
/// use model_catalog::formats::ImportOptions;
/// let o = ImportOptions::new().key_required(false).allow_override("openai");
/// assert!(!o.is_key_required());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOptions {
    key_required: bool,
    overrides: Vec<String>,
    markup: Markup,
}

impl Default for ImportOptions {
    fn default() -> ImportOptions {
        ImportOptions::new()
    }
}

impl ImportOptions {
    /// Imported ngrok providers require a provider key; no override; markup 1.4.
    pub fn new() -> ImportOptions {
        ImportOptions {
            key_required: true,
            overrides: Vec::new(),
            markup: INFERENCE_API_MARKUP,
        }
    }

    /// Whether providers created by [`import_ngrok`] require the caller's provider key
    /// (default `true`: the Model Catalog seed says custom providers always require one when
    /// the upstream needs authentication). The ngrok format does not carry this fact.
    pub fn key_required(mut self, required: bool) -> ImportOptions {
        self.key_required = required;
        self
    }

    /// Whether imported ngrok providers require a provider key.
    pub fn is_key_required(&self) -> bool {
        self.key_required
    }

    /// Allows the import to replace the built-in provider or model `id`, or take its names,
    /// as [`CatalogBuilder::allow_override`](crate::CatalogBuilder::allow_override). A
    /// listed model id naming an overridden built-in model becomes a new model taking the
    /// name, not an offer.
    pub fn allow_override(mut self, id: &str) -> ImportOptions {
        self.overrides.push(id.to_owned());
        self
    }

    /// The overrides allowed.
    pub fn overrides(&self) -> &[String] {
        &self.overrides
    }

    /// The markup included in inference-api `/models` prices (default
    /// [`INFERENCE_API_MARKUP`], 1.4).
    pub fn markup(mut self, markup: Markup) -> ImportOptions {
        self.markup = markup;
        self
    }

    /// The markup removed from inference-api prices.
    pub fn inference_api_markup(&self) -> Markup {
        self.markup
    }

    fn overridden(&self, id: &str) -> bool {
        self.overrides.iter().any(|o| o.eq_ignore_ascii_case(id))
    }
}

/// The provider the models of a `/v1/models` list belong to (the format does not say).
///
/// ```
/// use model_catalog::formats::TargetProvider;
/// use model_catalog::schema::ProviderEntry;
///
/// let nano = TargetProvider::existing("nano-gpt");
/// let mut entry = ProviderEntry::new("my-router", "My router");
/// entry.base_url = Some("https://router.example/v1".into());
/// entry.key_required = true;
/// entry.aggregator = true;
/// let mine = TargetProvider::New(Box::new(entry));
/// # let _ = (nano, mine);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetProvider {
    /// A new custom provider, described in full. Its id must not collide with a provider
    /// name of the base catalog (unless overridden).
    New(Box<ProviderEntry>),
    /// A provider of the base catalog, by id or alias: the import extends it (an `extends`
    /// document).
    Existing(String),
}

impl TargetProvider {
    /// A new provider with this id and name that requires a provider key and is not an
    /// aggregator; set other fields through [`TargetProvider::New`].
    pub fn new(id: &str, name: &str) -> TargetProvider {
        let mut entry = ProviderEntry::new(id, name);
        entry.key_required = true;
        TargetProvider::New(Box::new(entry))
    }

    /// A provider of the base catalog, by id or alias.
    pub fn existing(name: &str) -> TargetProvider {
        TargetProvider::Existing(name.to_owned())
    }
}

// What the exports share.

/// A model a provider serves: its own, or another provider's through an offer.
struct Served<'c> {
    model: &'c Model,
    /// The id the provider's API expects.
    upstream: &'c str,
    /// The provider's own prices for it.
    pricing: Pricing,
    /// An offer's own context window and output limit (none for a provider's own model).
    limits: (Option<u32>, Option<u32>),
    /// The capabilities and modalities that apply there (an offer's over the model's).
    abilities: Abilities,
    /// Whether the model is the provider's own.
    own: bool,
}

/// What `p` serves, in [`Catalog::models_of`] order: its own models, then its offers. Read
/// from the provider's own lists: looking each offered model's offers up again would cost,
/// for a model that n providers offer, n for each of them (n squared for an export).
fn served<'c>(catalog: &'c Catalog, p: &'c Provider) -> Vec<Served<'c>> {
    let (own, offers) = catalog.served_by(p);
    let mut out = Vec::with_capacity(own.len() + offers.len());
    out.extend(own.into_iter().map(|m| Served {
        model: m,
        upstream: m.upstream_id(),
        pricing: m.pricing(),
        limits: (None, None),
        abilities: m.abilities(),
        own: true,
    }));
    out.extend(offers.into_iter().map(|(o, model)| Served {
        model,
        upstream: o.upstream_id(),
        pricing: o.own_pricing(),
        limits: (o.context_window(), o.max_output_tokens()),
        abilities: o.abilities(model),
        own: false,
    }));
    out
}

fn to_json<T: Serialize>(value: &T) -> Result<String, ExportError> {
    serde_json::to_string(value).map_err(|e| ExportError::Json(e.to_string()))
}
