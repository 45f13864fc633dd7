//! How results are written as JSON (serde `Serialize`, with the `serde` feature, on by
//! default): one stable shape per type, documented on the type, and owned forms
//! ([`ResolutionRecord`], [`RouteRecord`]) for handlers that cannot return a borrowed result.
//!
//! Conventions: unknown facts are `null`, never left out, so every object of a type has the
//! same keys (but for a set of prices, `{"input": 2.5, "output": 10}`, which lists the
//! prices it knows, as data documents do); names are their lowercase strings
//! (`"served_name"`, `"chat-completions"`); capability support is `true`, `false` or
//! `null`; prices are JSON numbers of USD per million tokens whose text is exact (see
//! [`Price`](crate::Price)); amounts of money are exact decimal strings (see
//! [`Usd`](crate::Usd)); dates are `"YYYY-MM-DD"`.

use crate::data::capability::{Capability, Support};
use crate::data::date::Date;
use crate::data::key::MatchKind;
use crate::data::modality::Modalities;
use crate::data::price::Pricing;
use crate::distillation::DistillationPolicy;
use crate::error::ResolveError;
use crate::info::CatalogInfo;
use crate::lifecycle::Lifecycle;
use crate::model::Model;
use crate::offer::Offer;
use crate::provider::{ApiSurface, Provider};
use crate::request::Violation;
use crate::resolution::{Prefix, Resolution, Separator};
use crate::route::{RejectReason, Rejection, Route, RouteError, RoutePlan};
use crate::served::ServedName;
use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};
use std::collections::BTreeMap;

impl Serialize for Separator {
    /// `":"` or `"/"`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(match self {
            Separator::Colon => ":",
            Separator::Slash => "/",
        })
    }
}

impl Serialize for Prefix {
    /// `{"separator": ":" | "/", "matched": "id" | "alias"}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Prefix", 2)?;
        st.serialize_field("separator", &self.separator)?;
        st.serialize_field("matched", &self.matched)?;
        st.end()
    }
}

impl Serialize for Lifecycle {
    /// `{"state": "active"}`, `{"state": "deprecated", "retires": "2027-01-14" | null}` or
    /// `{"state": "retired", "since": "2026-10-23"}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("state", self.as_str())?;
        match self {
            Lifecycle::Active => {}
            Lifecycle::Deprecated { retires } => m.serialize_entry("retires", retires)?,
            Lifecycle::Retired { since } => m.serialize_entry("since", since)?,
        }
        m.end()
    }
}

/// The eight capabilities of a model as `{"tools": true, "vision": null, ...}`.
struct Capabilities<'a>(&'a Model);

impl Serialize for Capabilities<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(Capability::ALL.len()))?;
        for &c in Capability::ALL {
            m.serialize_entry(c.as_str(), &self.0.capability(c))?;
        }
        m.end()
    }
}

/// Prices, `null` when none is known.
fn pricing(p: Pricing) -> Option<Pricing> {
    (!p.is_empty()).then_some(p)
}

impl Serialize for Model {
    /// `{"id", "upstream_id", "name", "provider", "description", "vendor", "family",
    /// "category", "context_window", "max_input_tokens", "max_output_tokens", "input_modalities",
    /// "output_modalities", "capabilities": {eight flags}, "pricing", "fine_tune_pricing",
    /// "open_weights", "release_date", "knowledge_cutoff", "deprecated", "retires",
    /// "successor", "aliases", "served_names", "tags", "distillation_policy", "notes"}`.
    ///
    /// ```
    /// let m = model_catalog::lookup_model("gpt-4o").unwrap();
    /// let v = serde_json::to_value(m).unwrap();
    /// assert_eq!(v["id"], "gpt-4o");
    /// assert_eq!(v["capabilities"]["tools"], true);
    /// assert_eq!(v["pricing"]["input"], 2.5);
    /// ```
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Model", 27)?;
        st.serialize_field("id", self.id())?;
        st.serialize_field("upstream_id", self.upstream_id())?;
        st.serialize_field("name", self.name())?;
        st.serialize_field("provider", self.provider_id())?;
        st.serialize_field("description", &self.description())?;
        st.serialize_field("vendor", &self.vendor())?;
        st.serialize_field("family", &self.family())?;
        st.serialize_field("category", &self.category())?;
        st.serialize_field("context_window", &self.context_window())?;
        st.serialize_field("max_input_tokens", &self.max_input_tokens())?;
        st.serialize_field("max_output_tokens", &self.max_output_tokens())?;
        st.serialize_field("input_modalities", &self.input_modalities())?;
        st.serialize_field("output_modalities", &self.output_modalities())?;
        st.serialize_field("capabilities", &Capabilities(self))?;
        st.serialize_field("pricing", &pricing(self.pricing()))?;
        st.serialize_field("fine_tune_pricing", &pricing(self.fine_tune_pricing()))?;
        st.serialize_field("open_weights", &self.open_weights())?;
        st.serialize_field("release_date", &self.release_date())?;
        st.serialize_field("knowledge_cutoff", &self.knowledge_cutoff())?;
        st.serialize_field("deprecated", &self.is_deprecated())?;
        st.serialize_field("retires", &self.retires())?;
        st.serialize_field("successor", &self.successor())?;
        st.serialize_field("aliases", &self.aliases().collect::<Vec<_>>())?;
        st.serialize_field("served_names", &self.served_names().collect::<Vec<_>>())?;
        st.serialize_field("tags", &self.tags().collect::<Vec<_>>())?;
        st.serialize_field("distillation_policy", &self.distillation_policy())?;
        st.serialize_field("notes", &self.notes())?;
        st.end()
    }
}

impl Serialize for ServedName {
    /// `{"id", "context_window", "max_output_tokens", "pricing", "fine_tune_pricing",
    /// "release_date", "deprecated", "retires"}`: its own facts, `null` where it has none
    /// apart from its model's.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("ServedName", 8)?;
        st.serialize_field("id", self.id())?;
        st.serialize_field("context_window", &self.context_window())?;
        st.serialize_field("max_output_tokens", &self.max_output_tokens())?;
        st.serialize_field("pricing", &pricing(self.pricing()))?;
        st.serialize_field("fine_tune_pricing", &pricing(self.fine_tune_pricing()))?;
        st.serialize_field("release_date", &self.release_date())?;
        st.serialize_field("deprecated", &self.is_deprecated())?;
        st.serialize_field("retires", &self.retires())?;
        st.end()
    }
}

impl Serialize for DistillationPolicy {
    /// `{"status", "label", "basis", "source_url", "note"}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("DistillationPolicy", 5)?;
        st.serialize_field("status", &self.status())?;
        st.serialize_field("label", &self.label())?;
        st.serialize_field("basis", &self.basis())?;
        st.serialize_field("source_url", &self.source_url())?;
        st.serialize_field("note", &self.note())?;
        st.end()
    }
}

impl Serialize for ApiSurface {
    /// `{"format": "openai" | "anthropic", "surface": "chat-completions" | ... | null,
    /// "supported_params": [...] | null}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("ApiSurface", 3)?;
        st.serialize_field("format", &self.format())?;
        st.serialize_field("surface", &self.surface())?;
        st.serialize_field(
            "supported_params",
            &self.supported_params().map(|p| p.collect::<Vec<_>>()),
        )?;
        st.end()
    }
}

impl Serialize for Provider {
    /// `{"id", "name", "aliases", "description", "base_url", "website", "docs",
    /// "caller_key_required", "gateway_credentials", "aggregator", "api_key_env",
    /// "api_surfaces", "metadata"}`.
    ///
    /// ```
    /// let p = model_catalog::lookup_provider("groq").unwrap();
    /// let v = serde_json::to_value(p).unwrap();
    /// assert_eq!(v["base_url"], "https://api.groq.com/openai/v1");
    /// assert_eq!(v["api_key_env"], "GROQ_API_KEY");
    /// ```
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Provider", 13)?;
        st.serialize_field("id", self.id())?;
        st.serialize_field("name", self.name())?;
        st.serialize_field("aliases", &self.aliases().collect::<Vec<_>>())?;
        st.serialize_field("description", &self.description())?;
        st.serialize_field("base_url", &self.base_url())?;
        st.serialize_field("website", &self.website())?;
        st.serialize_field("docs", &self.docs())?;
        st.serialize_field("caller_key_required", &self.caller_key_required())?;
        st.serialize_field("gateway_credentials", &self.gateway_credentials())?;
        st.serialize_field("aggregator", &self.is_aggregator())?;
        st.serialize_field("api_key_env", &self.api_key_env())?;
        st.serialize_field("api_surfaces", self.api_surfaces())?;
        st.serialize_field("metadata", &self.metadata())?;
        st.end()
    }
}

impl Serialize for Offer {
    /// `{"provider", "upstream_id", "context_window", "max_output_tokens",
    /// "input_modalities", "output_modalities", "flags", "pricing", "deprecated",
    /// "retires"}`: the offering provider's id, its id for the model, its own limits and
    /// modalities (`null` where not recorded), its own capability flags (`{"tools": true}`:
    /// those recorded, as an offer's `capabilities` in a document; a model's
    /// `capabilities` are the eight that apply), its own prices (`null` when it has none)
    /// and its own lifecycle there (`retires` as `YYYY-MM-DD` or `null`).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Offer", 10)?;
        st.serialize_field("provider", self.provider_id())?;
        st.serialize_field("upstream_id", self.upstream_id())?;
        st.serialize_field("context_window", &self.context_window())?;
        st.serialize_field("max_output_tokens", &self.max_output_tokens())?;
        st.serialize_field("input_modalities", &self.own_input_modalities())?;
        st.serialize_field("output_modalities", &self.own_output_modalities())?;
        st.serialize_field("flags", &self.own_flags())?;
        st.serialize_field("pricing", &pricing(self.own_pricing()))?;
        st.serialize_field("deprecated", &self.is_deprecated())?;
        st.serialize_field("retires", &self.retires())?;
        st.end()
    }
}

/// A [`Resolution`] as owned data, for a handler that cannot return a result borrowing its
/// catalog or input (a run-time catalog behind a guard, an input from a request body), and
/// the JSON shape of a resolution.
///
/// JSON: `{"provider", "model", "upstream_id", "matched", "matched_name", "served_name",
/// "fine_tune", "prefix", "overrides_builtin", "near_miss", "offer", "base_url",
/// "caller_key_required", "api_key_env", "pricing", "context_window", "max_input_tokens",
/// "max_output_tokens", "input_modalities", "output_modalities", "capabilities",
/// "retires"}`: `provider` and `model` are ids (`model` `null` for a pass-through), `offer`
/// the offering provider's id when another provider serves the model, `pricing` the
/// serving provider's prices ([`Resolution::pricing`]), `capabilities` the eight that
/// apply where it is served, as a model's JSON gives them ([`Resolution::capability`]).
///
/// ```
/// let r = model_catalog::resolve_model("openrouter:gpt-oss-120b").unwrap();
/// let v = serde_json::to_value(&r).unwrap();
/// assert_eq!(v["provider"], "openrouter");
/// assert_eq!(v["model"], "gpt-oss-120b");
/// assert_eq!(v["offer"], "openrouter");
/// assert_eq!(v["pricing"]["input"], 0.03);
/// let owned = model_catalog::ResolutionRecord::from(&r);
/// assert_eq!(serde_json::to_value(&owned).unwrap(), v);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct ResolutionRecord {
    /// The provider's id.
    pub provider: String,
    /// The model's id; `None` for a pass-through.
    pub model: Option<String>,
    /// The model id sent upstream.
    pub upstream_id: String,
    /// How the model part matched.
    pub matched: MatchKind,
    /// The name that matched, as the catalog spells it.
    pub matched_name: String,
    /// The served name the input named, if any.
    pub served_name: Option<String>,
    /// Whether the input is an OpenAI fine-tune id.
    pub fine_tune: bool,
    /// How the provider was named, if it was.
    pub prefix: Option<Prefix>,
    /// Whether a run-time override of a built-in name decided the answer.
    pub overrides_builtin: bool,
    /// A catalog model id close to a passed-through name (from a `Resolver`).
    pub near_miss: Option<String>,
    /// The offering provider's id, when another provider than the model's own serves it.
    pub offer: Option<String>,
    /// The provider's API base URL.
    pub base_url: Option<String>,
    /// Whether the caller must bring its own key.
    pub caller_key_required: bool,
    /// The environment variable that conventionally holds the provider's key.
    pub api_key_env: Option<String>,
    /// The serving provider's prices.
    pub pricing: Pricing,
    /// The context window of what is served.
    pub context_window: Option<u32>,
    /// The prompt limit of what is served, where it is below the context window.
    pub max_input_tokens: Option<u32>,
    /// The output limit of what is served.
    pub max_output_tokens: Option<u32>,
    /// The kinds of input what is served takes, where known.
    pub input_modalities: Option<Modalities>,
    /// The kinds of output it produces, where known.
    pub output_modalities: Option<Modalities>,
    /// Every capability with its support where it is served.
    pub capabilities: BTreeMap<Capability, Support>,
    /// The earliest announced retirement of what is served.
    pub retires: Option<Date>,
}

impl<'c: 'i, 'i> From<&Resolution<'c, 'i>> for ResolutionRecord {
    fn from(r: &Resolution<'c, 'i>) -> ResolutionRecord {
        let text = |s: Option<&str>| s.map(str::to_owned);
        ResolutionRecord {
            provider: r.provider.id().to_owned(),
            model: r.model.map(|m| m.id().to_owned()),
            upstream_id: r.upstream_id.to_string(),
            matched: r.matched,
            matched_name: r.matched_name().to_owned(),
            served_name: r.served_name().map(|s| s.id().to_owned()),
            fine_tune: r.is_fine_tune(),
            prefix: r.prefix,
            overrides_builtin: r.overrides_builtin,
            near_miss: text(r.near_miss),
            offer: r.offer.map(|o| o.provider_id().to_owned()),
            base_url: text(r.provider.base_url()),
            caller_key_required: r.caller_key_required(),
            api_key_env: text(r.provider.api_key_env()),
            pricing: r.pricing(),
            context_window: r.context_window(),
            max_input_tokens: r.max_input_tokens(),
            max_output_tokens: r.max_output_tokens(),
            input_modalities: r.input_modalities(),
            output_modalities: r.output_modalities(),
            capabilities: r.capabilities().collect(),
            retires: r.retires(),
        }
    }
}

impl<'c: 'i, 'i> Serialize for Resolution<'c, 'i> {
    /// The shape of [`ResolutionRecord`].
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ResolutionRecord::from(self).serialize(s)
    }
}

/// A [`Route`] as owned data, and the JSON shape of a route: `{"provider", "model",
/// "offer", "upstream_id", "base_url", "surface", "caller_key_required", "pricing"}`, with
/// ids for the provider and model, `offer` `true` when the route goes through an offer, and
/// `surface` the API surface object or `null`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct RouteRecord {
    /// The provider's id.
    pub provider: String,
    /// The model's id; `None` for a pass-through.
    pub model: Option<String>,
    /// Whether the route goes through the provider's offer of another provider's model.
    pub offer: bool,
    /// The model id to send.
    pub upstream_id: String,
    /// The provider's API base URL.
    pub base_url: Option<String>,
    /// The API surface to call.
    pub surface: Option<ApiSurface>,
    /// Whether the caller must bring its own key.
    pub caller_key_required: bool,
    /// The prices on this route.
    pub pricing: Pricing,
}

impl From<&Route<'_>> for RouteRecord {
    fn from(r: &Route<'_>) -> RouteRecord {
        RouteRecord {
            provider: r.provider.id().to_owned(),
            model: r.model.map(|m| m.id().to_owned()),
            offer: r.offer.is_some(),
            upstream_id: r.upstream_id.to_string(),
            base_url: r.base_url.map(str::to_owned),
            surface: r.surface.cloned(),
            caller_key_required: r.caller_key_required,
            pricing: r.pricing,
        }
    }
}

impl Serialize for Route<'_> {
    /// The shape of [`RouteRecord`].
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        RouteRecord::from(self).serialize(s)
    }
}

impl Serialize for RoutePlan<'_> {
    /// `{"routes": [route, ...], "rejected": [rejection, ...]}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("RoutePlan", 2)?;
        st.serialize_field("routes", &self.routes)?;
        st.serialize_field("rejected", &self.rejected)?;
        st.end()
    }
}

impl Serialize for RejectReason {
    /// `{"kind", "message"}` and the reason's own fields (`capability`, `surface`, `param`,
    /// `price`, `max`, `since`) where it has them.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("kind", self.kind())?;
        match self {
            RejectReason::CapabilityMissing(c) | RejectReason::CapabilityUnknown(c) => {
                m.serialize_entry("capability", c)?;
            }
            RejectReason::SurfaceMissing(surface) => m.serialize_entry("surface", surface)?,
            RejectReason::ParamUnsupported { surface, param }
            | RejectReason::ParamUnknown { surface, param } => {
                m.serialize_entry("surface", surface)?;
                m.serialize_entry("param", param)?;
            }
            RejectReason::OverMaxPrice { kind, price, max } => {
                m.serialize_entry("price_kind", kind)?;
                m.serialize_entry("price", price)?;
                m.serialize_entry("max", max)?;
            }
            RejectReason::PriceUnknown(kind) => m.serialize_entry("price_kind", kind)?,
            RejectReason::Retired { since } => m.serialize_entry("since", since)?,
            _ => {}
        }
        m.serialize_entry("message", &self.to_string())?;
        m.end()
    }
}

impl Serialize for Rejection {
    /// `{"provider", "reason": {...}}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Rejection", 2)?;
        st.serialize_field("provider", &self.provider)?;
        st.serialize_field("reason", &self.reason)?;
        st.end()
    }
}

impl Serialize for ResolveError {
    /// `{"kind", "message", "http_status", "input", "suggestions"}`: the stable kind, the
    /// escaped message, the HTTP status a gateway answers with, the trimmed input (`null`
    /// for `empty` and `too_long`), and the close names (empty when the kind has none).
    ///
    /// ```
    /// let e = model_catalog::resolve_model("gpt-4-o").unwrap_err();
    /// let v = serde_json::to_value(&e).unwrap();
    /// assert_eq!((v["kind"].as_str(), v["http_status"].as_u64()), (Some("unknown_model"), Some(404)));
    /// assert_eq!(v["suggestions"][0], "gpt-4o");
    /// ```
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("ResolveError", 5)?;
        st.serialize_field("kind", self.kind())?;
        st.serialize_field("message", &self.to_string())?;
        st.serialize_field("http_status", &self.http_status())?;
        st.serialize_field("input", &self.input())?;
        st.serialize_field("suggestions", self.suggestions().unwrap_or(&[]))?;
        st.end()
    }
}

impl Serialize for RouteError {
    /// A resolution error's shape ([`ResolveError`]), or `{"kind": "no_route", "message",
    /// "input", "model", "rejected": [...], "more"}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            RouteError::Resolve(e) => e.serialize(s),
            RouteError::NoRoute {
                input,
                model,
                rejected,
                more,
            } => {
                let mut st = s.serialize_struct("RouteError", 6)?;
                st.serialize_field("kind", self.kind())?;
                st.serialize_field("message", &self.to_string())?;
                st.serialize_field("input", input)?;
                st.serialize_field("model", model)?;
                st.serialize_field("rejected", rejected)?;
                st.serialize_field("more", more)?;
                st.end()
            }
        }
    }
}

impl Serialize for Violation {
    /// `{"kind", "message"}` (`exceeds_context`, `exceeds_input_limit`,
    /// `exceeds_output_cap`, `modality_unsupported`, `modality_unknown`,
    /// `capability_missing`, `capability_unknown`).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let kind = match self {
            Violation::ExceedsContext { .. } => "exceeds_context",
            Violation::ExceedsInputLimit { .. } => "exceeds_input_limit",
            Violation::ExceedsOutputCap { .. } => "exceeds_output_cap",
            Violation::ModalityUnsupported(_) => "modality_unsupported",
            Violation::ModalityUnknown(_) => "modality_unknown",
            Violation::CapabilityMissing(_) => "capability_missing",
            Violation::CapabilityUnknown(_) => "capability_unknown",
        };
        let mut st = s.serialize_struct("Violation", 2)?;
        st.serialize_field("kind", kind)?;
        st.serialize_field("message", &self.to_string())?;
        st.end()
    }
}

impl Serialize for CatalogInfo {
    /// `{"as_of", "models_dev": {"revision", "date"} | null, "litellm": {"version", "date"}
    /// | null, "providers", "models", "offers", "served_names"}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let snapshot = |label: &'static str, v: Option<(&'static str, Date)>| {
            v.map(|(l, d)| BTreeMap::from([(label, l.to_owned()), ("date", d.to_string())]))
        };
        let mut st = s.serialize_struct("CatalogInfo", 7)?;
        st.serialize_field("as_of", &self.as_of)?;
        st.serialize_field("models_dev", &snapshot("revision", self.models_dev))?;
        st.serialize_field("litellm", &snapshot("version", self.litellm))?;
        st.serialize_field("providers", &self.providers)?;
        st.serialize_field("models", &self.models)?;
        st.serialize_field("offers", &self.offers)?;
        st.serialize_field("served_names", &self.served_names)?;
        st.end()
    }
}
