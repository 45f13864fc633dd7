//! Import and export of the seeds' wire formats.
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

use crate::data::capability::Flags;
use crate::data::escape::Esc;
use crate::data::json::{self, PathText, Problem, Seg};
use crate::data::key::{
    base_url_problem, fold, model_name_problem, provider_name_problem, text_problem, token_problem,
};
use crate::data::validate::{DataError, DataErrorKind};
use crate::schema::{
    ControlPlane, DataFile, DistillationPolicy, ModelEntry, OfferEntry, ProviderEntry, ResourceRef,
    SurfaceEntry,
};
use crate::{
    ApiFormat, Capability, Catalog, CatalogError, Date, Markup, Modality, Model, Price, Pricing,
    Provider, Surface, Usd,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::fmt::Write as _;

pub use crate::data::json::{MAX_DOCUMENT_BYTES, MAX_ITEMS};

// ---------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------

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
    /// A price times the markup does not fit.
    #[error("the price of model `{0}` overflows with this markup")]
    PriceOverflow(String),
    /// Serialization failed (not expected for any catalog).
    #[error("cannot serialize: {0}")]
    Json(String),
}

fn invalid<P: fmt::Display + ?Sized>(
    document: &str,
    path: &P,
    message: impl Into<String>,
) -> ImportError {
    ImportError::Invalid {
        document: document.to_owned(),
        path: path.to_string(),
        message: message.into(),
    }
}

/// A JSON path, written out only when a message needs it (an import of a large document
/// checks many values and refuses at most one).
#[derive(Clone, Copy)]
enum At<'a> {
    /// A path given whole (`data[3]`).
    Whole(&'a str),
    /// A member of an object.
    Field(&'a At<'a>, &'a str),
    /// An item of an array.
    Item(&'a At<'a>, usize),
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            At::Whole(s) => f.write_str(s),
            At::Field(parent, field) => write!(f, "{parent}.{field}"),
            At::Item(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

/// At most 80 characters of untrusted text, for messages.
fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(80).collect();
    if out.len() < s.len() {
        out.push_str("...");
    }
    out
}

/// The error for input `document` that [`json::check`] refused with `problem`, at `path`.
fn read_error(document: &str, path: &[Seg<'_>], problem: &Problem) -> ImportError {
    let path = PathText(path).to_string();
    match problem {
        Problem::Syntax {
            line,
            column,
            message,
        } => ImportError::Syntax {
            document: document.to_owned(),
            line: *line,
            column: *column,
            message: message.clone(),
        },
        Problem::TooLarge { .. } | Problem::TooManyItems { .. } => ImportError::TooLarge {
            document: document.to_owned(),
            path,
            message: problem.message(),
        },
        Problem::DuplicateKey { .. } | Problem::InexactNumber { .. } => ImportError::Invalid {
            document: document.to_owned(),
            path,
            message: problem.message(),
        },
    }
}

/// Parses `text` as JSON checked with [`json::check`] (numbers at paths for which `exact`
/// holds must read exactly as written), then as `T`, naming the path of a type error.
fn parse<T: DeserializeOwned>(
    document: &str,
    text: &str,
    exact: json::ExactAt<'_>,
) -> Result<T, ImportError> {
    json::check(text, exact).map_err(|p| read_error(document, p.path(), &p))?;
    // Straight from the text into `T`, without tracking the path, which costs a copy of
    // every key; only a document that does not fit `T` is read again to find the path of
    // its error.
    if let Ok(t) = serde_json::from_str(text) {
        return Ok(t);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        ImportError::Field {
            document: document.to_owned(),
            path,
            message: without_position(e.into_inner()),
        }
    })
}

/// serde_json's message without the position it appends (the path says where).
fn without_position(e: serde_json::Error) -> String {
    let message = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    message.strip_suffix(&suffix).unwrap_or(&message).to_owned()
}

/// An optional field that, when present, must not be `null`.
fn present<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

// ---------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------

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
/// let mine = TargetProvider::New(Box::new(ProviderEntry {
///     id: "my-router".into(),
///     name: "My router".into(),
///     base_url: Some("https://router.example/v1".into()),
///     key_required: true,
///     aggregator: true,
///     ..Default::default()
/// }));
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
        TargetProvider::New(Box::new(ProviderEntry {
            id: id.to_owned(),
            name: name.to_owned(),
            key_required: true,
            ..Default::default()
        }))
    }

    /// A provider of the base catalog, by id or alias.
    pub fn existing(name: &str) -> TargetProvider {
        TargetProvider::Existing(name.to_owned())
    }
}

// ---------------------------------------------------------------------------------------
// Listed models: belongs, offer or new
// ---------------------------------------------------------------------------------------

enum Listed {
    /// The provider already serves the model: nothing to add.
    Belongs,
    /// An offer of the model with this id.
    Offer(String),
    /// A new model.
    New,
}

/// Where a listed model id is: the document, and the item of its list (ngrok: the model of
/// a provider). Written out only when a message names it.
#[derive(Clone, Copy)]
struct Listing<'d> {
    document: &'d str,
    /// The array (`data`, `models`, `aiGatewayProviders`) and the item's index in it.
    list: &'d str,
    index: usize,
    /// For ngrok, the index in the provider's `models`.
    model: Option<usize>,
}

impl Listing<'_> {
    /// The document and path, as a message names a place.
    fn here(&self) -> String {
        format!("{}, `{self}`", self.document)
    }
}

/// The JSON path of the listed id.
impl fmt::Display for Listing<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.model {
            Some(j) => write!(f, "{}[{}].models[{j}].modelId", self.list, self.index),
            None => write!(f, "{}[{}].id", self.list, self.index),
        }
    }
}

/// The state of one import: what it has defined and offered so far.
struct Importer<'a, 'd> {
    base: &'a Catalog,
    options: &'a ImportOptions,
    /// New models: folded id -> (id, provider id, where listed).
    defined: HashMap<String, (String, String, Listing<'d>)>,
    /// Offers: (folded provider id, folded model id) -> where listed.
    offered: HashMap<(String, String), Listing<'d>>,
}

impl<'a, 'd> Importer<'a, 'd> {
    fn new(base: &'a Catalog, options: &'a ImportOptions) -> Importer<'a, 'd> {
        Importer {
            base,
            options,
            defined: HashMap::new(),
            offered: HashMap::new(),
        }
    }

    /// What model id `name`, listed at `at` for provider `provider`, becomes.
    fn classify(
        &mut self,
        at: Listing<'d>,
        provider: &str,
        name: &str,
    ) -> Result<Listed, ImportError> {
        let key = fold(name);
        if let Some((id, owner, first)) = self.defined.get(&key) {
            if owner.eq_ignore_ascii_case(provider) {
                return Err(invalid(
                    at.document,
                    &at,
                    format!(
                        "model `{}` is listed twice for provider `{provider}` (first at {})",
                        clip(name),
                        first.here()
                    ),
                ));
            }
            let id = id.clone();
            return self.offer(at, provider, &id);
        }
        if let Some(m) = self.base.lookup_model(name) {
            let home = self.base.provider_of(m).id();
            let serves = home.eq_ignore_ascii_case(provider)
                || self
                    .base
                    .offers_of(m)
                    .iter()
                    .any(|o| o.provider_id().eq_ignore_ascii_case(provider));
            if serves {
                return Ok(Listed::Belongs);
            }
            if !self.options.overridden(m.id()) {
                let id = m.id().to_owned();
                return self.offer(at, provider, &id);
            }
        }
        self.defined
            .insert(key, (name.to_owned(), provider.to_owned(), at));
        Ok(Listed::New)
    }

    fn offer(
        &mut self,
        at: Listing<'d>,
        provider: &str,
        model: &str,
    ) -> Result<Listed, ImportError> {
        let key = (fold(provider), fold(model));
        if let Some(first) = self.offered.get(&key) {
            return Err(invalid(
                at.document,
                &at,
                format!(
                    "names model `{model}`, which provider `{provider}` already serves as listed at {}",
                    first.here()
                ),
            ));
        }
        self.offered.insert(key, at);
        Ok(Listed::Offer(model.to_owned()))
    }
}

/// Builds the catalog: the base's overlay plus `docs`, validated as one.
fn finish(
    base: &Catalog,
    options: &ImportOptions,
    docs: Vec<(String, DataFile)>,
) -> Result<Catalog, ImportError> {
    if docs.is_empty() {
        return Ok(base.clone());
    }
    let mut b = base.to_builder();
    for o in &options.overrides {
        b = b.allow_override(o);
    }
    b.documents(docs)
        .into_catalog()
        .map_err(ImportError::Catalog)
}

fn check_model_name<P: fmt::Display + ?Sized>(
    document: &str,
    path: &P,
    name: &str,
) -> Result<(), ImportError> {
    match model_name_problem(name) {
        Some(why) => Err(invalid(document, path, format!("`{}` {why}", clip(name)))),
        None => Ok(()),
    }
}

/// Refuses text that is not printable ([`text_problem`]).
fn check_text<P: fmt::Display + ?Sized>(
    document: &str,
    path: &P,
    text: &str,
) -> Result<(), ImportError> {
    match text_problem(text) {
        Some(why) => Err(invalid(document, path, format!("`{}` {why}", clip(text)))),
        None => Ok(()),
    }
}

/// Refuses an identifier that is not 1 to 256 bytes of printable ASCII without space
/// ([`token_problem`]).
fn check_token<P: fmt::Display + ?Sized>(
    document: &str,
    path: &P,
    token: &str,
) -> Result<(), ImportError> {
    match token_problem(token) {
        Some(why) => Err(invalid(document, path, format!("`{}` {why}", clip(token)))),
        None => Ok(()),
    }
}

/// A number for a message: as it prints, or in exponent form when that is long.
fn shown(x: f64) -> String {
    let plain = format!("{x}");
    if plain.len() > 24 {
        format!("{x:e}")
    } else {
        plain
    }
}

/// Refuses a price that is not a finite, non-negative number.
fn non_negative(document: &str, path: &At<'_>, x: f64) -> Result<(), ImportError> {
    if !x.is_finite() {
        return Err(invalid(document, path, "the price is not a finite number"));
    }
    if x < 0.0 {
        return Err(invalid(
            document,
            path,
            format!("the price {} is negative", shown(x)),
        ));
    }
    Ok(())
}

/// A price in USD per million tokens, exactly as the float prints (at most six decimals).
fn mtok_price(document: &str, path: &At<'_>, x: Option<f64>) -> Result<Option<Price>, ImportError> {
    let Some(x) = x else { return Ok(None) };
    non_negative(document, path, x)?;
    if x == 0.0 {
        return Ok(Some(Price::ZERO));
    }
    Price::from_usd_per_mtok(x).map(Some).ok_or_else(|| {
        let why = if x >= 1e12 {
            "is too large"
        } else {
            "has more than six decimal places (finer than a micro-dollar per million tokens)"
        };
        invalid(document, path, format!("the price {} {why}", shown(x)))
    })
}

/// A non-negative amount of USD given as a float, exactly as it prints, to the picodollar.
fn usd_amount(document: &str, path: &At<'_>, x: f64) -> Result<Usd, ImportError> {
    non_negative(document, path, x)?;
    if x == 0.0 {
        return Ok(Usd::ZERO);
    }
    // Rust prints the shortest decimal that reads back as the same float, never in
    // exponent form.
    let text = format!("{x}");
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    if frac.len() > 12 {
        return Err(invalid(
            document,
            path,
            format!(
                "the price {} has more than twelve decimal places (finer than a picodollar)",
                shown(x)
            ),
        ));
    }
    let too_large = || {
        invalid(
            document,
            path,
            format!("the price {} is too large", shown(x)),
        )
    };
    let whole: u128 = int.parse().map_err(|_| too_large())?;
    let fraction: u128 = if frac.is_empty() {
        0
    } else {
        let digits: u128 = frac.parse().map_err(|_| too_large())?;
        digits * 10u128.pow(12 - frac.len() as u32)
    };
    whole
        .checked_mul(1_000_000_000_000)
        .and_then(|w| w.checked_add(fraction))
        .map(Usd::from_picos)
        .ok_or_else(too_large)
}

fn limit(
    document: &str,
    path: &At<'_>,
    v: Option<u32>,
    what: &str,
) -> Result<Option<u32>, ImportError> {
    if v == Some(0) {
        return Err(invalid(
            document,
            path,
            format!("{what} must be at least 1 (leave it out or null when unknown)"),
        ));
    }
    Ok(v)
}

/// The context window (read from the field named `context.0`) and `max_output_tokens` of
/// the entry at `at`: each at least 1 when given, and the output limit within the context.
fn limits(
    document: &str,
    at: &At<'_>,
    context: (&str, Option<u32>),
    max_output_tokens: Option<u32>,
) -> Result<(Option<u32>, Option<u32>), ImportError> {
    let (field, context_window) = context;
    let context_window = limit(document, &At::Field(at, field), context_window, field)?;
    let out_path = At::Field(at, "max_output_tokens");
    let max_output_tokens = limit(document, &out_path, max_output_tokens, "max_output_tokens")?;
    if let (Some(out), Some(ctx)) = (max_output_tokens, context_window) {
        if out > ctx {
            return Err(invalid(
                document,
                &out_path,
                format!("{out} is above {field} {ctx}"),
            ));
        }
    }
    Ok((context_window, max_output_tokens))
}

// ---------------------------------------------------------------------------------------
// ngrok AIGatewayProviderList
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct NgList {
    ai_gateway_providers: Vec<NgProvider>,
    uri: String,
    #[serde(default)]
    next_page_uri: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct NgProvider {
    id: String,
    uri: String,
    provider_id: String,
    name: String,
    base_url: String,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    metadata: Option<String>,
    created_at: String,
    updated_at: String,
    created_by: ResourceRef,
    last_updated_by: ResourceRef,
    #[serde(default)]
    supported_api_surfaces: Vec<NgSurface>,
    #[serde(default)]
    models: Vec<NgModel>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct NgSurface {
    format: String,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    surface: Option<String>,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    supported_params: Option<Vec<NgParam>>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct NgParam {
    name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct NgModel {
    id: String,
    model_id: String,
}

/// An RFC 3339 date-time (`2026-01-31T12:00:00Z`, `2026-01-31T12:00:00.5+01:00`).
fn is_rfc3339(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r)
            .is_some_and(|x| !x.is_empty() && x.iter().all(u8::is_ascii_digit))
    };
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    let num = |r: std::ops::Range<usize>| {
        b.get(r)
            .map(|x| x.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
            .unwrap_or(u32::MAX)
    };
    if !(digits(0..4)
        && at(4, b'-')
        && digits(5..7)
        && at(7, b'-')
        && digits(8..10)
        && matches!(b.get(10), Some(b'T' | b't'))
        && digits(11..13)
        && at(13, b':')
        && digits(14..16)
        && at(16, b':')
        && digits(17..19))
    {
        return false;
    }
    if s.get(..10).and_then(|d| d.parse::<Date>().ok()).is_none()
        || num(11..13) > 23
        || num(14..16) > 59
        || num(17..19) > 60
    {
        return false;
    }
    let mut i = 19;
    if at(i, b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    match b.get(i..) {
        Some([b'Z' | b'z']) => true,
        Some([b'+' | b'-', ..]) if b.len() == i + 6 => {
            digits(i + 1..i + 3)
                && at(i + 3, b':')
                && digits(i + 4..i + 6)
                && num(i + 1..i + 3) <= 23
                && num(i + 4..i + 6) <= 59
        }
        _ => false,
    }
}

fn api_format(s: &str) -> Option<ApiFormat> {
    [ApiFormat::Openai, ApiFormat::Anthropic]
        .into_iter()
        .find(|f| f.as_str() == s)
}

/// Imports ngrok `AIGatewayProviderList` pages (seed 004, `GET /providers`): one page, or
/// every page of a listing in order.
///
/// Each `AIGatewayProvider` becomes a custom provider: `providerId` is its id (the address
/// segment in `internal-vllm:llama-3`), `name`, `baseUrl` (an empty string is read as no
/// URL), `metadata`, `supportedApiSurfaces` (`format` must be `openai` or `anthropic`,
/// `surface` one of `chat-completions`, `responses`, `messages`; parameter names are
/// printable ASCII, each once), and its `models`, each `modelId` mapped as the
/// [module documentation](self) describes (the model's `name` is its `modelId`). The resource
/// fields (`id`, `uri`, `createdAt`, `updatedAt`, `createdBy`, `lastUpdatedBy`) are kept in
/// the provider's [`control_plane`](crate::Provider::control_plane) so [`export_ngrok`]
/// reproduces them; a model's own resource `id` is checked but not kept. Whether the
/// provider requires a key is [`ImportOptions::key_required`] (default yes). A provider
/// that lists no models passes every model string through.
///
/// The schema is enforced as written: `additionalProperties: false` (an unknown field is
/// [`ImportError::Field`]), every required field, `null` only for `nextPageUri`, and
/// `createdAt`/`updatedAt` as RFC 3339 date-times. Beyond the schema, so that nothing
/// imported can forge a log line or a request: the resource ids and URIs (`id`, `uri`,
/// `createdBy` and `lastUpdatedBy`, each model's `id`) must be 1 to 256 bytes of printable
/// ASCII without space; `name` and `metadata` printable text (no control character, line
/// or paragraph separator or bidirectional formatting character); a non-empty `baseUrl` an
/// absolute `http` or `https`
/// URL of printable ASCII without whitespace. Each is [`ImportError::Invalid`] at its path.
///
/// A `providerId` already in the base catalog is a collision like any other, so to refresh
/// the providers from ngrok, import the new listing onto the catalog the previous import was
/// built on, not onto its result.
///
/// **Several pages.** The schema says only that `nextPageUri` is the "URI of the next page
/// of results, or null if there is no next page", and a list's `uri` need not be the URI it
/// was fetched from, so the chain check is: every page but the last has a non-null
/// `nextPageUri`, the last has `null` (else a page is missing), and no two pages give the
/// same `nextPageUri` (a page repeated). A `providerId` (ASCII case ignored) or a resource
/// `id` appearing twice, on one page or across pages, is an error.
///
/// ```
/// use model_catalog::formats::{import_ngrok, ImportOptions};
/// use model_catalog::Catalog;
///
/// let page = r#"{
///   "aiGatewayProviders": [{
///     "id": "aigp_2abc", "uri": "https://api.ngrok.ai/providers/aigp_2abc",
///     "providerId": "internal-vllm", "name": "Internal vLLM",
///     "baseUrl": "http://vllm.internal:8000/v1",
///     "createdAt": "2026-01-05T10:00:00Z", "updatedAt": "2026-01-06T10:00:00Z",
///     "createdBy": {"id": "usr_1", "uri": "https://api.ngrok.com/users/usr_1"},
///     "lastUpdatedBy": {"id": "usr_1", "uri": "https://api.ngrok.com/users/usr_1"},
///     "supportedApiSurfaces": [{"format": "openai", "surface": "chat-completions"}],
///     "models": [{"id": "aigpm_1", "modelId": "llama-3"}]
///   }],
///   "uri": "https://api.ngrok.ai/providers",
///   "nextPageUri": null
/// }"#;
/// let c = import_ngrok(Catalog::builtin(), &[page], &ImportOptions::new()).unwrap();
/// let r = c.resolve_model("internal-vllm:llama-3").unwrap();
/// assert_eq!(r.model.unwrap().id(), "llama-3");
/// assert!(r.provider.caller_key_required());
/// assert_eq!(r.provider.control_plane().unwrap().id, "aigp_2abc");
/// ```
pub fn import_ngrok<S: AsRef<str>>(
    base: &Catalog,
    pages: &[S],
    options: &ImportOptions,
) -> Result<Catalog, ImportError> {
    let total = pages
        .iter()
        .fold(0usize, |n, p| n.saturating_add(p.as_ref().len()));
    if total > MAX_DOCUMENT_BYTES {
        return Err(ImportError::TooLarge {
            document: "ngrok pages".to_owned(),
            path: ".".to_owned(),
            message: format!(
                "the pages are {total} bytes long together; at most {MAX_DOCUMENT_BYTES} are read"
            ),
        });
    }
    let mut parsed = Vec::with_capacity(pages.len());
    for (n, text) in pages.iter().enumerate() {
        let document = format!("ngrok page {}", n + 1);
        let list: NgList = parse(&document, text.as_ref(), &json::everywhere)?;
        parsed.push((document, list));
    }
    // The page chain.
    let last = parsed.len().saturating_sub(1);
    let mut next_uris: HashMap<&str, &str> = HashMap::new();
    for (n, (document, list)) in parsed.iter().enumerate() {
        match (&list.next_page_uri, n == last) {
            (Some(next), true) => {
                return Err(invalid(
                    document,
                    "nextPageUri",
                    format!(
                    "names a next page (`{}`), but no page follows: give every page of the listing",
                    clip(next)
                ),
                ))
            }
            (None, false) => {
                return Err(invalid(
                    document,
                    "nextPageUri",
                    format!(
                        "is null, which marks the last page, but {} more page(s) follow",
                        last - n
                    ),
                ))
            }
            (Some(next), false) => {
                if let Some(first) = next_uris.insert(next, document) {
                    return Err(invalid(
                        document,
                        "nextPageUri",
                        format!(
                            "`{}` is also the next page of {first}: a page is given twice",
                            clip(next)
                        ),
                    ));
                }
            }
            (None, true) => {}
        }
    }
    let (names, lists): (Vec<String>, Vec<NgList>) = parsed.into_iter().unzip();
    let mut importer = Importer::new(base, options);
    // Where each provider id and resource id was first listed: (page, index).
    let mut provider_ids: HashMap<String, (usize, usize)> = HashMap::new();
    let mut resource_ids: HashMap<String, (usize, usize)> = HashMap::new();
    let place = |(n, i): (usize, usize)| format!("{}, `aiGatewayProviders[{i}]`", names[n]);
    let mut docs = Vec::new();
    for (n, list) in lists.into_iter().enumerate() {
        let document = names[n].as_str();
        let providers = At::Whole("aiGatewayProviders");
        for (i, p) in list.ai_gateway_providers.into_iter().enumerate() {
            let at = At::Item(&providers, i);
            let path = |field| At::Field(&at, field);
            if let Some(why) = provider_name_problem(&p.provider_id) {
                return Err(invalid(
                    document,
                    &path("providerId"),
                    format!("`{}` {why}", clip(&p.provider_id)),
                ));
            }
            if let Some(first) = provider_ids.insert(fold(&p.provider_id), (n, i)) {
                return Err(invalid(
                    document,
                    &path("providerId"),
                    format!(
                        "provider `{}` is listed twice (first at {})",
                        clip(&p.provider_id),
                        place(first)
                    ),
                ));
            }
            let tokens = [
                ("id", &p.id),
                ("uri", &p.uri),
                ("createdBy.id", &p.created_by.id),
                ("createdBy.uri", &p.created_by.uri),
                ("lastUpdatedBy.id", &p.last_updated_by.id),
                ("lastUpdatedBy.uri", &p.last_updated_by.uri),
            ];
            for (field, value) in tokens {
                check_token(document, &path(field), value)?;
            }
            if let Some(first) = resource_ids.insert(p.id.clone(), (n, i)) {
                return Err(invalid(
                    document,
                    &path("id"),
                    format!(
                        "resource id `{}` is listed twice (first at {})",
                        clip(&p.id),
                        place(first)
                    ),
                ));
            }
            if p.name.trim().is_empty() {
                return Err(invalid(document, &path("name"), "the name is empty"));
            }
            check_text(document, &path("name"), &p.name)?;
            if let Some(m) = &p.metadata {
                check_text(document, &path("metadata"), m)?;
            }
            if !p.base_url.is_empty() {
                if let Some(why) = base_url_problem(&p.base_url) {
                    return Err(invalid(
                        document,
                        &path("baseUrl"),
                        format!("`{}` {why}", clip(&p.base_url)),
                    ));
                }
            }
            for (field, value) in [("createdAt", &p.created_at), ("updatedAt", &p.updated_at)] {
                if !is_rfc3339(value) {
                    return Err(invalid(
                        document,
                        &path(field),
                        format!("`{}` is not an RFC 3339 date-time", clip(value)),
                    ));
                }
            }
            let surfaces = path("supportedApiSurfaces");
            let mut api_surfaces = Vec::with_capacity(p.supported_api_surfaces.len());
            for (j, s) in p.supported_api_surfaces.into_iter().enumerate() {
                let sp = At::Item(&surfaces, j);
                let format = api_format(&s.format).ok_or_else(|| {
                    invalid(
                        document,
                        &At::Field(&sp, "format"),
                        format!(
                            "unknown API format `{}` (expected openai or anthropic)",
                            clip(&s.format)
                        ),
                    )
                })?;
                let surface = match &s.surface {
                    None => None,
                    Some(name) => Some(name.parse::<Surface>().map_err(|e| {
                        invalid(document, &At::Field(&sp, "surface"), e.to_string())
                    })?),
                };
                let mut params: Option<Vec<String>> = None;
                if let Some(list) = s.supported_params {
                    let listed = At::Field(&sp, "supportedParams");
                    let mut seen: HashSet<&str> = HashSet::with_capacity(list.len());
                    for (k, param) in list.iter().enumerate() {
                        let item = At::Item(&listed, k);
                        let pp = At::Field(&item, "name");
                        let name = &param.name;
                        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_graphic()) {
                            return Err(invalid(
                                document,
                                &pp,
                                format!("`{}` is not a parameter name", clip(name)),
                            ));
                        }
                        if !seen.insert(name) {
                            return Err(invalid(
                                document,
                                &pp,
                                format!("parameter `{}` is listed twice", clip(name)),
                            ));
                        }
                    }
                    drop(seen);
                    params = Some(list.into_iter().map(|p| p.name).collect());
                }
                api_surfaces.push(SurfaceEntry {
                    format,
                    surface,
                    supported_params: params,
                });
            }
            let mut doc = DataFile::default();
            let models = path("models");
            for (j, m) in p.models.into_iter().enumerate() {
                check_token(document, &At::Field(&At::Item(&models, j), "id"), &m.id)?;
                let listing = Listing {
                    document,
                    list: "aiGatewayProviders",
                    index: i,
                    model: Some(j),
                };
                check_model_name(document, &listing, &m.model_id)?;
                match importer.classify(listing, &p.provider_id, &m.model_id)? {
                    Listed::Belongs => {}
                    Listed::Offer(model) => doc.offers.push(OfferEntry {
                        model,
                        upstream_id: m.model_id,
                        ..Default::default()
                    }),
                    Listed::New => doc.models.push(ModelEntry {
                        id: m.model_id.clone(),
                        name: m.model_id,
                        ..Default::default()
                    }),
                }
            }
            doc.provider = Some(ProviderEntry {
                base_url: (!p.base_url.is_empty()).then_some(p.base_url),
                id: p.provider_id,
                name: p.name,
                key_required: options.key_required,
                api_surfaces,
                metadata: p.metadata,
                control_plane: Some(ControlPlane {
                    id: p.id,
                    uri: p.uri,
                    created_at: p.created_at,
                    updated_at: p.updated_at,
                    created_by: p.created_by,
                    last_updated_by: p.last_updated_by,
                }),
                ..Default::default()
            });
            docs.push((format!("{document}, `aiGatewayProviders[{i}]`"), doc));
        }
    }
    finish(base, options, docs)
}

/// What [`export_ngrok`] writes for the fields the catalog does not hold, and which page.
///
/// Providers imported with [`import_ngrok`] keep their resource fields. For the others the
/// required fields are derived, never invented:
///
/// - `id`: the id prefix (default `aigp_`) followed by the `providerId`: a stable name for
///   this export, not an id ngrok assigned;
/// - `uri`: the list URI (default `https://api.ngrok.ai/providers`, the seed's server and
///   path), a `/`, and the resource id, percent-encoded;
/// - `createdAt`, `createdBy`, `updatedAt`, `lastUpdatedBy`: the values given here;
/// - `baseUrl`: the provider's base URL, or an empty string when it has none;
/// - each model's `id`: `providerId:modelId`, the model string that addresses it.
///
/// ```
/// use model_catalog::formats::NgrokExport;
/// use model_catalog::schema::ResourceRef;
///
/// let me = ResourceRef { id: "usr_1".into(), uri: "https://api.ngrok.com/users/usr_1".into() };
/// let options = NgrokExport::new("2026-01-01T00:00:00Z", me).limit(20);
/// # let _ = options;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NgrokExport {
    list_uri: String,
    id_prefix: String,
    limit: u32,
    before_id: Option<String>,
    created_at: String,
    updated_at: String,
    created_by: ResourceRef,
    last_updated_by: ResourceRef,
}

/// The list resource of seed 004: its server and path.
pub const NGROK_PROVIDERS_URI: &str = "https://api.ngrok.ai/providers";

impl NgrokExport {
    /// Options stamping providers that have no control-plane record as created (and last
    /// updated) at `created_at` (RFC 3339) by `created_by`; first page, 100 per page.
    pub fn new(created_at: &str, created_by: ResourceRef) -> NgrokExport {
        NgrokExport {
            list_uri: NGROK_PROVIDERS_URI.to_owned(),
            id_prefix: "aigp_".to_owned(),
            limit: 100,
            before_id: None,
            created_at: created_at.to_owned(),
            updated_at: created_at.to_owned(),
            last_updated_by: created_by.clone(),
            created_by,
        }
    }

    /// Sets the last update (default: the creation) of providers without a control-plane
    /// record.
    pub fn updated(mut self, updated_at: &str, updated_by: ResourceRef) -> NgrokExport {
        self.updated_at = updated_at.to_owned();
        self.last_updated_by = updated_by;
        self
    }

    /// Sets the list resource URI (default [`NGROK_PROVIDERS_URI`]).
    pub fn list_uri(mut self, uri: &str) -> NgrokExport {
        self.list_uri = uri.to_owned();
        self
    }

    /// Sets the prefix of derived resource ids (default `aigp_`).
    pub fn id_prefix(mut self, prefix: &str) -> NgrokExport {
        self.id_prefix = prefix.to_owned();
        self
    }

    /// Sets the page size, 1 to 100 (default 100); [`export_ngrok`] refuses others.
    pub fn limit(mut self, limit: u32) -> NgrokExport {
        self.limit = limit;
        self
    }

    /// Starts the page after resource id `id`: "Returns items before this resource
    /// identifier in descending ID order".
    pub fn before_id(mut self, id: &str) -> NgrokExport {
        self.before_id = Some(id.to_owned());
        self
    }

    /// The URI of the page listing items before `before` (the first page when `None`):
    /// the list URI with `beforeId` and, when not 100, `limit` as query parameters.
    fn page_uri(&self, before: Option<&str>) -> String {
        let mut uri = self.list_uri.clone();
        let mut sep = if uri.contains('?') { '&' } else { '?' };
        if let Some(b) = before {
            let _ = write!(uri, "{sep}beforeId={}", encode(b));
            sep = '&';
        }
        if self.limit != 100 {
            let _ = write!(uri, "{sep}limit={}", self.limit);
        }
        uri
    }
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// A model a provider serves: its own (`offer` is `None`) or another provider's.
struct Served<'c> {
    model: &'c Model,
    /// The id the provider's API expects.
    upstream: &'c str,
    /// The provider's own prices for it.
    pricing: Pricing,
    own: bool,
}

fn served<'c>(catalog: &'c Catalog, p: &'c Provider) -> Vec<Served<'c>> {
    let Some(models) = catalog.models_of(p.id()) else {
        return Vec::new();
    };
    models
        .into_iter()
        .filter_map(|m| {
            if m.provider_index == p.index {
                return Some(Served {
                    model: m,
                    upstream: m.upstream_id(),
                    pricing: *m.pricing(),
                    own: true,
                });
            }
            catalog
                .offers_of(m)
                .into_iter()
                .find(|o| o.provider_index == p.index)
                .map(|o| Served {
                    model: m,
                    upstream: o.upstream_id(),
                    pricing: *o.own_pricing(),
                    own: false,
                })
        })
        .collect()
}

fn to_json<T: Serialize>(value: &T) -> Result<String, ExportError> {
    serde_json::to_string(value).map_err(|e| ExportError::Json(e.to_string()))
}

/// Every custom provider as an ngrok resource, by resource id descending.
fn ngrok_entries(catalog: &Catalog, options: &NgrokExport) -> Result<Vec<NgProvider>, ExportError> {
    for t in [&options.created_at, &options.updated_at] {
        if !is_rfc3339(t) {
            return Err(ExportError::Timestamp(clip(t)));
        }
    }
    let list_uri = options.list_uri.trim_end_matches('/');
    let mut out = Vec::new();
    for p in catalog.custom_providers() {
        let cp = match p.control_plane() {
            Some(cp) => cp.clone(),
            None => {
                let id = format!("{}{}", options.id_prefix, p.id());
                ControlPlane {
                    uri: format!("{list_uri}/{}", encode(&id)),
                    id,
                    created_at: options.created_at.clone(),
                    updated_at: options.updated_at.clone(),
                    created_by: options.created_by.clone(),
                    last_updated_by: options.last_updated_by.clone(),
                }
            }
        };
        let models = served(catalog, p)
            .into_iter()
            .map(|s| {
                let model_id = if s.own { s.model.id() } else { s.upstream };
                NgModel {
                    id: format!("{}:{model_id}", p.id()),
                    model_id: model_id.to_owned(),
                }
            })
            .collect();
        let surfaces = p
            .api_surfaces()
            .iter()
            .map(|s| NgSurface {
                format: s.format().as_str().to_owned(),
                surface: s.surface().map(|x| x.as_str().to_owned()),
                supported_params: s.supported_params().map(|ps| {
                    ps.map(|name| NgParam {
                        name: name.to_owned(),
                    })
                    .collect()
                }),
            })
            .collect();
        out.push(NgProvider {
            id: cp.id,
            uri: cp.uri,
            provider_id: p.id().to_owned(),
            name: p.name().to_owned(),
            base_url: p.base_url().unwrap_or_default().to_owned(),
            metadata: p.metadata().map(str::to_owned),
            created_at: cp.created_at,
            updated_at: cp.updated_at,
            created_by: cp.created_by,
            last_updated_by: cp.last_updated_by,
            supported_api_surfaces: surfaces,
            models,
        });
    }
    out.sort_by(|a, b| b.id.cmp(&a.id));
    for w in out.windows(2) {
        if let [a, b] = w {
            if a.id == b.id {
                return Err(ExportError::DuplicateResourceId {
                    id: a.id.clone(),
                    first: a.provider_id.clone(),
                    second: b.provider_id.clone(),
                });
            }
        }
    }
    Ok(out)
}

/// The page of `entries` (sorted by id descending) before `before`.
fn ngrok_page(entries: &[NgProvider], options: &NgrokExport, before: Option<&str>) -> NgList {
    let start = before.map_or(0, |b| entries.partition_point(|e| e.id.as_str() >= b));
    let rest = entries.get(start..).unwrap_or_default();
    let take = rest.len().min(options.limit as usize);
    let page = rest.get(..take).unwrap_or_default();
    let next_page_uri = match (rest.len() > take, page.last()) {
        (true, Some(last)) => Some(options.page_uri(Some(&last.id))),
        _ => None,
    };
    NgList {
        ai_gateway_providers: page.to_vec(),
        uri: options.page_uri(before),
        next_page_uri,
    }
}

/// Exports one page of the catalog's custom providers
/// ([`Catalog::custom_providers`]) as an ngrok `AIGatewayProviderList`.
///
/// Providers are ordered by resource id, descending (byte order); the page starts after
/// [`NgrokExport::before_id`] and holds at most [`NgrokExport::limit`] providers (1 to 100,
/// else [`ExportError::Limit`]). `nextPageUri` is the URI of the following page when more
/// providers remain, else `null`; the list `uri` is this page's URI built the same way, so
/// each page's `nextPageUri` equals the next page's `uri`. See [`NgrokExport`] for the
/// fields derived for providers not imported from ngrok.
///
/// Each provider's `models` lists its own models (`modelId` = the model id) and the models
/// of other providers it offers (`modelId` = its upstream id for them), so that
/// [`import_ngrok`] gives back the same resolutions. Not representable in this format, and
/// so lost on a round trip: provider and model aliases, whether a key is required, whether
/// the provider is an aggregator, a model's upstream id where it differs from its id, model
/// facts (prices, limits, capabilities).
///
/// ```
/// use model_catalog::formats::{export_ngrok, NgrokExport};
/// use model_catalog::schema::ResourceRef;
/// use model_catalog::{Catalog, CustomProvider};
///
/// let mut b = Catalog::builder();
/// b = b.provider(CustomProvider::new("internal-vllm", "Internal vLLM").model("llama-3", "llama-3"));
/// let c = b.build().unwrap();
/// let me = ResourceRef { id: "usr_1".into(), uri: "https://api.ngrok.com/users/usr_1".into() };
/// let json = export_ngrok(&c, &NgrokExport::new("2026-01-01T00:00:00Z", me)).unwrap();
/// assert!(json.starts_with(r#"{"aiGatewayProviders":[{"id":"aigp_internal-vllm","uri":"https://api.ngrok.ai/providers/aigp_internal-vllm","providerId":"internal-vllm""#));
/// assert!(json.ends_with(r#""uri":"https://api.ngrok.ai/providers","nextPageUri":null}"#));
/// ```
pub fn export_ngrok(catalog: &Catalog, options: &NgrokExport) -> Result<String, ExportError> {
    if !(1..=100).contains(&options.limit) {
        return Err(ExportError::Limit(options.limit));
    }
    let entries = ngrok_entries(catalog, options)?;
    to_json(&ngrok_page(&entries, options, options.before_id.as_deref()))
}

/// Exports every page from [`NgrokExport::before_id`] on (from the first page when unset),
/// as [`export_ngrok`] would give them one by one following `nextPageUri`. There is always
/// at least one page (possibly empty).
pub fn export_ngrok_pages(
    catalog: &Catalog,
    options: &NgrokExport,
) -> Result<Vec<String>, ExportError> {
    if !(1..=100).contains(&options.limit) {
        return Err(ExportError::Limit(options.limit));
    }
    let entries = ngrok_entries(catalog, options)?;
    let mut pages = Vec::new();
    let mut before = options.before_id.clone();
    loop {
        let page = ngrok_page(&entries, options, before.as_deref());
        let next = page
            .next_page_uri
            .as_ref()
            .and_then(|_| page.ai_gateway_providers.last())
            .map(|p| p.id.clone());
        pages.push(to_json(&page)?);
        match next {
            Some(id) => before = Some(id),
            None => return Ok(pages),
        }
    }
}

// ---------------------------------------------------------------------------------------
// OpenAI-compatible /v1/models
// ---------------------------------------------------------------------------------------

#[derive(Deserialize)]
struct OaList {
    #[serde(default)]
    object: Option<String>,
    data: Vec<OaModel>,
}

#[derive(Deserialize)]
struct OaModel {
    id: String,
    #[serde(default)]
    object: Option<String>,
    #[serde(default)]
    owned_by: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    context_length: Option<u32>,
    #[serde(default)]
    max_output_tokens: Option<u32>,
    #[serde(default)]
    capabilities: Option<OaCapabilities>,
    #[serde(default)]
    pricing: Option<OaPricing>,
    #[serde(default)]
    category: Option<String>,
    #[serde(default, rename = "distillationPolicy")]
    distillation_policy: Option<OaDistillation>,
}

#[derive(Deserialize)]
struct OaCapabilities {
    #[serde(default)]
    vision: Option<bool>,
    #[serde(default)]
    reasoning: Option<bool>,
    #[serde(default)]
    tool_calling: Option<bool>,
    #[serde(default)]
    parallel_tool_calls: Option<bool>,
    #[serde(default)]
    structured_output: Option<bool>,
    #[serde(default)]
    pdf_upload: Option<bool>,
}

#[derive(Deserialize)]
struct OaPricing {
    #[serde(default)]
    prompt: Option<f64>,
    #[serde(default)]
    completion: Option<f64>,
    #[serde(default)]
    currency: Option<String>,
    #[serde(default)]
    unit: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct OaDistillation {
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    label: Option<String>,
    #[serde(default)]
    basis: Option<String>,
    #[serde(default)]
    source_url: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

const OPENAI_DOC: &str = "/v1/models";

/// Whether a JSON path is a price of a `/v1/models` entry: the numbers that must read
/// exactly as written (the format's other numbers are integers or ignored).
fn oa_price_path(path: &[Seg<'_>]) -> bool {
    matches!(
        path,
        [data, Seg::Index(_), pricing, field]
            if data.is_key("data")
                && pricing.is_key("pricing")
                && (field.is_key("prompt") || field.is_key("completion"))
    )
}

/// The prices of a `/v1/models` entry.
fn oa_pricing(at: &At<'_>, p: &Option<OaPricing>) -> Result<Pricing, ImportError> {
    let pricing = At::Field(at, "pricing");
    let Some(p) = p else {
        return Ok(Pricing::default());
    };
    if let Some(c) = &p.currency {
        if !c.eq_ignore_ascii_case("USD") {
            return Err(invalid(
                OPENAI_DOC,
                &At::Field(&pricing, "currency"),
                format!(
                    "currency `{}` is not USD: the catalog holds USD prices only",
                    clip(c)
                ),
            ));
        }
    }
    if let Some(u) = &p.unit {
        if !u.eq_ignore_ascii_case("per_million_tokens") {
            return Err(invalid(
                OPENAI_DOC,
                &At::Field(&pricing, "unit"),
                format!("unit `{}` is not per_million_tokens", clip(u)),
            ));
        }
    }
    Ok(Pricing {
        input: mtok_price(OPENAI_DOC, &At::Field(&pricing, "prompt"), p.prompt)?,
        output: mtok_price(OPENAI_DOC, &At::Field(&pricing, "completion"), p.completion)?,
        ..Pricing::default()
    })
}

/// The model entry a `/v1/models` entry describes (checked even when not used).
fn oa_model_entry(at: &At<'_>, m: &OaModel, pricing: Pricing) -> Result<ModelEntry, ImportError> {
    for (field, value) in [("owned_by", &m.owned_by), ("category", &m.category)] {
        if let Some(v) = value {
            check_model_name(OPENAI_DOC, &At::Field(at, field), v)?;
        }
    }
    let (context_window, max_output_tokens) = limits(
        OPENAI_DOC,
        at,
        ("context_length", m.context_length),
        m.max_output_tokens,
    )?;
    let caps = m.capabilities.as_ref();
    let cap = |f: fn(&OaCapabilities) -> Option<bool>| caps.and_then(f);
    let vision = cap(|c| c.vision);
    let pdf = cap(|c| c.pdf_upload);
    let input_modalities = (vision.is_some() || pdf.is_some()).then(|| {
        let mut list = vec![Modality::Text];
        if vision == Some(true) {
            list.push(Modality::Image);
        }
        if pdf == Some(true) {
            list.push(Modality::File);
        }
        list
    });
    let name = m
        .name
        .as_deref()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or(&m.id);
    Ok(ModelEntry {
        id: m.id.clone(),
        name: name.to_owned(),
        description: m.description.clone().filter(|d| !d.is_empty()),
        vendor: m.owned_by.as_ref().map(|v| v.to_ascii_lowercase()),
        category: m.category.clone(),
        context_window,
        max_output_tokens,
        input_modalities,
        capabilities: Flags {
            tools: cap(|c| c.tool_calling),
            parallel_tools: cap(|c| c.parallel_tool_calls),
            reasoning: cap(|c| c.reasoning),
            structured_output: cap(|c| c.structured_output),
        },
        pricing,
        distillation_policy: m.distillation_policy.as_ref().map(|d| DistillationPolicy {
            status: d.status.clone(),
            label: d.label.clone(),
            basis: d.basis.clone(),
            source_url: d.source_url.clone(),
            note: d.note.clone(),
        }),
        ..Default::default()
    })
}

/// Imports an OpenAI-compatible `/v1/models` list, basic or detailed (seed 003), as the
/// models of `provider`.
///
/// The list is `{"object": "list", "data": [...]}`; each entry needs an `id`. `object`, where
/// given, must be `list` (top level) or `model` (entries). The seed says "Fields are subject
/// to change", so unknown fields are ignored (and so are `created`, which NanoGPT documents
/// as the response's creation time, `icon_url` and `cost_estimate`); known fields must have
/// their documented types (`null` reads as unknown).
///
/// Each id is mapped as the [module documentation](self) describes. An offer carries the
/// listed prices. A new model takes: `name` (else the id), `description`, `owned_by` as its
/// vendor (ASCII-lowercased), `context_length` as its context window, `max_output_tokens`,
/// `category`, `distillationPolicy`, the capability flags `tool_calling`,
/// `parallel_tool_calls`, `reasoning` and `structured_output`, and when `vision` or
/// `pdf_upload` is given, input modalities text, plus image if `vision`, plus file if
/// `pdf_upload`. Prices (`pricing.prompt`, `pricing.completion`) are USD per million tokens,
/// converted exactly ([`Price::from_usd_per_mtok`]); a negative price, one finer than six
/// decimal places, or one whose JSON text is not exactly the number it reads as
/// (`0.10000000000000001`, which a float holds as 0.1) is [`ImportError::Invalid`], never
/// rounded, as are a currency other than `USD`, a unit
/// other than `per_million_tokens`, a zero limit, and `max_output_tokens` above
/// `context_length`.
///
/// With [`TargetProvider::New`] the provider is created with the listed models; with
/// [`TargetProvider::Existing`] the models are added to that provider (an `extends`
/// document), and ids it already serves add nothing.
pub fn import_openai_models(
    base: &Catalog,
    json: &str,
    provider: &TargetProvider,
    options: &ImportOptions,
) -> Result<Catalog, ImportError> {
    let list: OaList = parse(OPENAI_DOC, json, &oa_price_path)?;
    if let Some(o) = &list.object {
        if o != "list" {
            return Err(invalid(
                OPENAI_DOC,
                "object",
                format!("object `{}` is not `list`", clip(o)),
            ));
        }
    }
    let (provider_id, mut doc) = match provider {
        TargetProvider::New(entry) => (
            entry.id.clone(),
            DataFile {
                provider: Some((**entry).clone()),
                ..Default::default()
            },
        ),
        TargetProvider::Existing(name) => {
            let Some(p) = base.lookup_provider(name) else {
                return Err(ImportError::Catalog(CatalogError {
                    errors: vec![DataError {
                        file: OPENAI_DOC.to_owned(),
                        entry: "document".to_owned(),
                        kind: DataErrorKind::UnknownProvider {
                            provider: clip(name),
                        },
                    }],
                }));
            };
            (
                p.id().to_owned(),
                DataFile {
                    extends: Some(p.id().to_owned()),
                    ..Default::default()
                },
            )
        }
    };
    let mut importer = Importer::new(base, options);
    for (i, m) in list.data.iter().enumerate() {
        let list = At::Whole("data");
        let at = At::Item(&list, i);
        if let Some(o) = &m.object {
            if o != "model" {
                return Err(invalid(
                    OPENAI_DOC,
                    &At::Field(&at, "object"),
                    format!("object `{}` is not `model`", clip(o)),
                ));
            }
        }
        let listing = Listing {
            document: OPENAI_DOC,
            list: "data",
            index: i,
            model: None,
        };
        check_model_name(OPENAI_DOC, &listing, &m.id)?;
        let pricing = oa_pricing(&at, &m.pricing)?;
        let entry = oa_model_entry(&at, m, pricing)?;
        match importer.classify(listing, &provider_id, &m.id)? {
            Listed::Belongs => {}
            Listed::Offer(model) => doc.offers.push(OfferEntry {
                model,
                upstream_id: m.id.clone(),
                pricing,
                ..Default::default()
            }),
            Listed::New => doc.models.push(entry),
        }
    }
    let docs = if doc.provider.is_none() && doc.models.is_empty() && doc.offers.is_empty() {
        Vec::new()
    } else {
        vec![(OPENAI_DOC.to_owned(), doc)]
    };
    finish(base, options, docs)
}

#[derive(Serialize)]
struct OaListOut<T> {
    object: &'static str,
    data: Vec<T>,
}

#[derive(Serialize)]
struct OaBasicOut<'a> {
    id: &'a str,
    object: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    created: Option<i64>,
    owned_by: &'a str,
}

#[derive(Serialize)]
struct OaDetailedOut<'a> {
    id: &'a str,
    object: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    created: Option<i64>,
    owned_by: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    context_length: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_output_tokens: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    capabilities: Option<CapabilitiesOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pricing: Option<PricingOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<&'a str>,
    #[serde(rename = "distillationPolicy", skip_serializing_if = "Option::is_none")]
    distillation_policy: Option<DistillationOut<'a>>,
}

#[derive(Serialize, PartialEq, Default)]
struct CapabilitiesOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    vision: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reasoning: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tool_calling: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    parallel_tool_calls: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    structured_output: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pdf_upload: Option<bool>,
}

#[derive(Serialize)]
struct PricingOut {
    prompt: Price,
    completion: Price,
    currency: &'static str,
    unit: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DistillationOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    basis: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

/// One model as a list entry: the id to list, the prices there.
struct Entry<'c> {
    model: &'c Model,
    id: &'c str,
    pricing: Pricing,
}

/// The models to list: every model of the catalog (by model id, with the model's prices),
/// or those `provider` serves (by the id its API expects, with its own prices there).
fn entries<'c>(
    catalog: &'c Catalog,
    provider: Option<&str>,
) -> Result<Vec<Entry<'c>>, ExportError> {
    match provider {
        None => Ok(catalog
            .models()
            .map(|m| Entry {
                model: m,
                id: m.id(),
                pricing: *m.pricing(),
            })
            .collect()),
        Some(name) => {
            let p = catalog
                .lookup_provider(name)
                .ok_or_else(|| ExportError::UnknownProvider(clip(name)))?;
            Ok(served(catalog, p)
                .into_iter()
                .map(|s| Entry {
                    model: s.model,
                    id: s.upstream,
                    pricing: s.pricing,
                })
                .collect())
        }
    }
}

fn created(m: &Model) -> Option<i64> {
    m.release_date().map(|d| d.days_since_epoch() * 86_400)
}

fn owned_by(m: &Model) -> &str {
    m.vendor().unwrap_or(m.provider_id())
}

/// Exports models as an OpenAI-compatible `/v1/models` list (basic mode):
/// `{"object":"list","data":[{"id","object":"model","created","owned_by"}]}`.
///
/// With `provider` `None`, every model of the catalog in catalog order, listed by model id.
/// With a provider (id or alias), the models it serves, its own then those it offers, each
/// listed by the id its API expects (the upstream id); an unknown provider is
/// [`ExportError::UnknownProvider`].
///
/// `owned_by` is the model's vendor, else its home provider's id. `created` is the model's
/// release date as Unix seconds at 00:00 UTC; when the release date is unknown the field is
/// left out rather than invented.
///
/// ```
/// use model_catalog::formats::export_openai_models;
/// use model_catalog::Catalog;
///
/// let json = export_openai_models(Catalog::builtin(), Some("groq")).unwrap();
/// assert!(json.starts_with(r#"{"object":"list","data":[{"id":"#));
/// assert!(json.contains(r#""id":"meta-llama/llama-3.3-70b-versatile","object":"model""#));
/// ```
pub fn export_openai_models(
    catalog: &Catalog,
    provider: Option<&str>,
) -> Result<String, ExportError> {
    let data = entries(catalog, provider)?
        .into_iter()
        .map(|e| OaBasicOut {
            id: e.id,
            object: "model",
            created: created(e.model),
            owned_by: owned_by(e.model),
        })
        .collect();
    to_json(&OaListOut {
        object: "list",
        data,
    })
}

/// Exports models as a detailed `/v1/models` list (seed 003's detailed mode); which models,
/// and the basic fields, as [`export_openai_models`].
///
/// Filled from what the catalog knows, leaving out what it does not: `name`,
/// `description`, `context_length` (the context window), `max_output_tokens`,
/// `capabilities` (only the flags known: `vision`, `reasoning`, `tool_calling`,
/// `parallel_tool_calls`, `structured_output`, `pdf_upload`; left out when none is),
/// `pricing` (only when both input and output prices are known, as
/// `{"prompt","completion","currency":"USD","unit":"per_million_tokens"}`; for a
/// provider's list, its own prices, so an offer without recorded prices has none),
/// `category` and `distillationPolicy`. Never `icon_url` or `cost_estimate`: the catalog has
/// no such facts.
pub fn export_openai_models_detailed(
    catalog: &Catalog,
    provider: Option<&str>,
) -> Result<String, ExportError> {
    let data = entries(catalog, provider)?
        .into_iter()
        .map(|e| {
            let m = e.model;
            let known = |c: Capability| m.capability(c).known();
            let caps = CapabilitiesOut {
                vision: known(Capability::Vision),
                reasoning: known(Capability::Reasoning),
                tool_calling: known(Capability::Tools),
                parallel_tool_calls: known(Capability::ParallelTools),
                structured_output: known(Capability::StructuredOutput),
                pdf_upload: known(Capability::Pdf),
            };
            let pricing = match (e.pricing.input, e.pricing.output) {
                (Some(prompt), Some(completion)) => Some(PricingOut {
                    prompt,
                    completion,
                    currency: "USD",
                    unit: "per_million_tokens",
                }),
                _ => None,
            };
            OaDetailedOut {
                id: e.id,
                object: "model",
                created: created(m),
                owned_by: owned_by(m),
                name: m.name(),
                description: m.description(),
                context_length: m.context_window(),
                max_output_tokens: m.max_output_tokens(),
                capabilities: (caps != CapabilitiesOut::default()).then_some(caps),
                pricing,
                category: m.category(),
                distillation_policy: m.distillation_policy().map(|d| DistillationOut {
                    status: d.status(),
                    label: d.label(),
                    basis: d.basis(),
                    source_url: d.source_url(),
                    note: d.note(),
                }),
            }
        })
        .collect();
    to_json(&OaListOut {
        object: "list",
        data,
    })
}

// ---------------------------------------------------------------------------------------
// inference-api /models
// ---------------------------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IaList {
    #[serde(default, deserialize_with = "present")]
    models: Option<Vec<IaModel>>,
    #[serde(default, deserialize_with = "present")]
    data: Option<Vec<IaModel>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IaModel {
    id: String,
    name: String,
    provider: String,
    #[serde(default)]
    context_window: Option<u32>,
    #[serde(default)]
    max_output_tokens: Option<u32>,
    #[serde(default)]
    cost_per_1k_input: Option<f64>,
    #[serde(default)]
    cost_per_1k_output: Option<f64>,
    #[serde(default)]
    supports_tools: Option<bool>,
    #[serde(default)]
    supports_vision: Option<bool>,
}

const INFERENCE_DOC: &str = "inference-api /models";

/// A per-1k-token credit price with the markup removed, exactly: a price that is not a
/// whole number of micro-dollars per million tokens once the markup is removed is refused,
/// never rounded.
fn per_1k_price(
    path: &At<'_>,
    x: Option<f64>,
    markup: Markup,
) -> Result<Option<Price>, ImportError> {
    let Some(x) = x else { return Ok(None) };
    let credits = usd_amount(INFERENCE_DOC, path, x)?;
    let too_large = || {
        invalid(
            INFERENCE_DOC,
            path,
            format!("the price {} is too large", shown(x)),
        )
    };
    // Picodollars per token = credits (picodollars per 1,000 tokens) * den / (num * 1000).
    let (num, den) = markup.ratio();
    let scaled = credits
        .picos()
        .checked_mul(u128::from(den))
        .ok_or_else(too_large)?;
    let divisor = u128::from(num) * 1000;
    if scaled % divisor != 0 {
        let rounded = Price::from_per_1k_tokens(credits, markup)
            .map_or_else(|| "a price too large".to_owned(), |p| p.to_string());
        return Err(invalid(
            INFERENCE_DOC,
            path,
            format!(
                "the price {} per 1,000 tokens less the markup {markup} is not a whole number of micro-dollars per million tokens (it would be rounded to {rounded}); prices are never rounded",
                shown(x)
            ),
        ));
    }
    u64::try_from(scaled / divisor)
        .map(|picos| Some(Price::from_picos_per_token(picos)))
        .map_err(|_| too_large())
}

/// Imports an inference-api `GET /models` response (seed 002).
///
/// The seed says only that the response is "a JSON object containing an array of model
/// objects" without naming the key, so the array is accepted under `models` or `data` (one
/// of them). The seed's field table is taken as complete: unknown fields are
/// [`ImportError::Field`]. Each model object needs `id`, `name` and `provider`;
/// `context_window`, `max_output_tokens`, `cost_per_1k_input`, `cost_per_1k_output`,
/// `supports_tools` and `supports_vision` may be left out or `null` when unknown.
///
/// `provider` must name a provider of the base catalog (the seed's four, `openai`,
/// `anthropic`, `vertex` and `openrouter`, are built in); otherwise
/// [`ImportError::Invalid`]. Each id is mapped as the [module documentation](self)
/// describes; new models are added to their provider (`extends` documents, one per
/// provider in order of first appearance) with the name, limits, `supports_tools` as the
/// tools flag and, when `supports_vision` is known, input modalities text (plus image).
///
/// Prices are credits per 1,000 tokens including [`ImportOptions::markup`] (default 1.4x).
/// Each is read exactly as its JSON text is written (a text that a float cannot hold
/// exactly, such as `0.10000000000000001`, finer than a picodollar, negative or too large
/// is [`ImportError::Invalid`]), and converted back to USD per million tokens by removing
/// the markup, exactly: a price that is not then a whole number of micro-dollars per
/// million tokens (`1e-12` or `0.001` credits at 1.4x) is [`ImportError::Invalid`], never
/// rounded (so `0.0035` at 1.4x is exactly 2.5).
///
/// ```
/// use model_catalog::formats::{import_inference_api, ImportOptions};
/// use model_catalog::Catalog;
///
/// let json = r#"{"models": [{"id": "llama-4-maverick", "name": "Llama 4 Maverick",
///     "provider": "openrouter", "cost_per_1k_input": 0.00028, "cost_per_1k_output": 0.00084}]}"#;
/// let c = import_inference_api(Catalog::builtin(), json, &ImportOptions::new()).unwrap();
/// let m = c.lookup_model("llama-4-maverick").unwrap();
/// assert_eq!(m.provider_id(), "openrouter");
/// assert_eq!(m.pricing().input.unwrap().to_string(), "0.2"); // 0.00028 / 1.4 * 1000
/// ```
pub fn import_inference_api(
    base: &Catalog,
    json: &str,
    options: &ImportOptions,
) -> Result<Catalog, ImportError> {
    let list: IaList = parse(INFERENCE_DOC, json, &json::everywhere)?;
    let (key, items) = match (list.models, list.data) {
        (Some(m), None) => ("models", m),
        (None, Some(d)) => ("data", d),
        (Some(_), Some(_)) => {
            return Err(invalid(
                INFERENCE_DOC,
                ".",
                "both `models` and `data` are given; give the model array under one of them",
            ))
        }
        (None, None) => {
            return Err(ImportError::Field {
                document: INFERENCE_DOC.to_owned(),
                path: ".".to_owned(),
                message: "missing field `models` (or `data`)".to_owned(),
            })
        }
    };
    let mut importer = Importer::new(base, options);
    let mut groups: Vec<(String, DataFile)> = Vec::new();
    // Group positions by provider id: one lookup per model.
    let mut group_of: HashMap<String, usize> = HashMap::new();
    for (i, m) in items.iter().enumerate() {
        let list = At::Whole(key);
        let at = At::Item(&list, i);
        let path = |field| At::Field(&at, field);
        let listing = Listing {
            document: INFERENCE_DOC,
            list: key,
            index: i,
            model: None,
        };
        check_model_name(INFERENCE_DOC, &listing, &m.id)?;
        if m.name.trim().is_empty() {
            return Err(invalid(INFERENCE_DOC, &path("name"), "the name is empty"));
        }
        let Some(p) = base.lookup_provider(&m.provider) else {
            return Err(invalid(
                INFERENCE_DOC,
                &path("provider"),
                format!(
                    "unknown provider `{}` (the seed names openai, anthropic, vertex and openrouter)",
                    clip(&m.provider)
                ),
            ));
        };
        let (context_window, max_output_tokens) = limits(
            INFERENCE_DOC,
            &at,
            ("context_window", m.context_window),
            m.max_output_tokens,
        )?;
        let pricing = Pricing {
            input: per_1k_price(
                &path("cost_per_1k_input"),
                m.cost_per_1k_input,
                options.markup,
            )?,
            output: per_1k_price(
                &path("cost_per_1k_output"),
                m.cost_per_1k_output,
                options.markup,
            )?,
            ..Pricing::default()
        };
        let provider_id = p.id().to_owned();
        let listed = importer.classify(listing, &provider_id, &m.id)?;
        let g = *group_of.entry(provider_id.clone()).or_insert_with(|| {
            groups.push((
                provider_id.clone(),
                DataFile {
                    extends: Some(provider_id.clone()),
                    ..Default::default()
                },
            ));
            groups.len() - 1
        });
        let doc = &mut groups[g].1;
        match listed {
            Listed::Belongs => {}
            Listed::Offer(model) => doc.offers.push(OfferEntry {
                model,
                upstream_id: m.id.clone(),
                pricing,
                ..Default::default()
            }),
            Listed::New => doc.models.push(ModelEntry {
                id: m.id.clone(),
                name: m.name.clone(),
                context_window,
                max_output_tokens,
                input_modalities: m.supports_vision.map(|v| {
                    if v {
                        vec![Modality::Text, Modality::Image]
                    } else {
                        vec![Modality::Text]
                    }
                }),
                capabilities: Flags {
                    tools: m.supports_tools,
                    ..Flags::default()
                },
                pricing,
                ..Default::default()
            }),
        }
    }
    let docs = groups
        .into_iter()
        .filter(|(_, d)| !d.models.is_empty() || !d.offers.is_empty())
        .map(|(p, d)| (format!("{INFERENCE_DOC} (provider `{p}`)"), d))
        .collect();
    finish(base, options, docs)
}

#[derive(Serialize)]
struct IaListOut<'a> {
    models: Vec<IaModelOut<'a>>,
}

#[derive(Serialize)]
struct IaModelOut<'a> {
    id: &'a str,
    name: &'a str,
    provider: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    context_window: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_output_tokens: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cost_per_1k_input: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cost_per_1k_output: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    supports_tools: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    supports_vision: Option<bool>,
}

/// Per-1k credits as a JSON number: the float nearest the exact decimal.
fn credits(m: &Model, price: Option<Price>, markup: Markup) -> Result<Option<f64>, ExportError> {
    let Some(p) = price else { return Ok(None) };
    let usd = p
        .per_1k_tokens(markup)
        .ok_or_else(|| ExportError::PriceOverflow(m.id().to_owned()))?;
    Ok(Some(
        usd.to_string().parse().unwrap_or_else(|_| usd.as_f64()),
    ))
}

/// Exports every model of the catalog, in catalog order, in the inference-api `/models`
/// shape (seed 002), wrapped as `{"models":[...]}`.
///
/// `provider` is the model's home provider id (any catalog provider, not only the seed's
/// four). `cost_per_1k_input` and `cost_per_1k_output` are [`Price::per_1k_tokens`] with
/// `markup` (the platform's is [`INFERENCE_API_MARKUP`], 1.4): exact to the picodollar,
/// then written as a JSON number, i.e. the float nearest that decimal, which serde_json
/// prints as the shortest decimal reading back as the same float (so `0.0035` prints as
/// `0.0035`; any amount of up to 15 significant digits prints exactly). Unknown values
/// (limits, prices, `supports_tools`, `supports_vision`) are left out.
///
/// ```
/// use model_catalog::formats::{export_inference_api, INFERENCE_API_MARKUP};
/// use model_catalog::Catalog;
///
/// let json = export_inference_api(Catalog::builtin(), INFERENCE_API_MARKUP).unwrap();
/// // gpt-4o: $2.50 / $10 per million tokens, times 1.4, per 1k tokens.
/// assert!(json.contains(r#""id":"gpt-4o","name":"GPT-4o","provider":"openai","context_window":128000,"max_output_tokens":16384,"cost_per_1k_input":0.0035,"cost_per_1k_output":0.014,"#));
/// ```
pub fn export_inference_api(catalog: &Catalog, markup: Markup) -> Result<String, ExportError> {
    let mut models = Vec::with_capacity(catalog.models().len());
    for m in catalog.models() {
        models.push(IaModelOut {
            id: m.id(),
            name: m.name(),
            provider: m.provider_id(),
            context_window: m.context_window(),
            max_output_tokens: m.max_output_tokens(),
            cost_per_1k_input: credits(m, m.pricing().input, markup)?,
            cost_per_1k_output: credits(m, m.pricing().output, markup)?,
            supports_tools: m.capability(Capability::Tools).known(),
            supports_vision: m.capability(Capability::Vision).known(),
        });
    }
    to_json(&IaListOut { models })
}

// ---------------------------------------------------------------------------------------
// The crate's own documents
// ---------------------------------------------------------------------------------------

/// Imports the crate's own data documents (`data/README.md`): one document object or an
/// array of them, as [`CatalogBuilder::json`](crate::CatalogBuilder::json), for a service
/// that loads a JSON file of extra providers and models at start-up. `name` names the input
/// in errors (array items are `name[i]`).
///
/// JSON that serde_json cannot read is [`ImportError::Syntax`] (nesting past its recursion
/// limit, `1e309` and lone surrogates included); a key given twice in one object or a
/// number whose text is not exactly the value it reads as is [`ImportError::Invalid`], and
/// input beyond [`MAX_DOCUMENT_BYTES`] or [`MAX_ITEMS`] is [`ImportError::TooLarge`], each
/// with the item's name as the document and the path within it; a document that does not
/// match the schema is [`ImportError::Field`], likewise; validation problems are
/// [`ImportError::Catalog`]. To allow overrides of built-in entries, use
/// [`CatalogBuilder`](crate::CatalogBuilder) directly.
///
/// ```
/// use model_catalog::formats::import_documents;
/// use model_catalog::Catalog;
///
/// let json = r#"[{"provider": {"id": "internal", "name": "Internal", "key_required": false},
///                 "models": [{"id": "m1", "name": "M1"}]}]"#;
/// let c = import_documents(Catalog::builtin(), "extra.json", json).unwrap();
/// assert_eq!(c.resolve_model("m1").unwrap().provider.id(), "internal");
///
/// let e = import_documents(Catalog::builtin(), "extra.json", r#"[{"models": [{"id": 5}]}]"#).unwrap_err();
/// assert_eq!((e.document(), e.path()), (Some("extra.json[0]"), Some("models[0].id")));
/// ```
pub fn import_documents(base: &Catalog, name: &str, json: &str) -> Result<Catalog, ImportError> {
    json::check(json, &json::everywhere).map_err(|p| {
        let (document, path) = crate::documents::document_at(name, p.path());
        read_error(&document, path, &p)
    })?;
    let docs = crate::documents::documents_in(name, json).map_err(|e| match e {
        DataError {
            file,
            kind: DataErrorKind::Field { path, message },
            ..
        } => ImportError::Field {
            document: file,
            path,
            message,
        },
        other => ImportError::Catalog(CatalogError {
            errors: vec![other],
        }),
    })?;
    base.to_builder()
        .documents(docs)
        .into_catalog()
        .map_err(ImportError::Catalog)
}

/// Exports the documents of a catalog's overlay ([`Catalog::documents`]) as a JSON array,
/// which [`import_documents`] reads back on top of the built-in catalog. Document names
/// are not part of the format, and neither are the overrides the catalog was built with:
/// a catalog that overrides built-in entries needs the same overrides again to load.
pub fn export_documents(catalog: &Catalog) -> Result<String, ExportError> {
    let docs: Vec<&DataFile> = catalog.documents().iter().map(|(_, d)| d).collect();
    to_json(&docs)
}
