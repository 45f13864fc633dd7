//! OpenAI-compatible `/v1/models` (seed 003), basic and detailed: import and export.

use crate::abilities::Abilities;
use crate::data::json::Seg;
use crate::data::key::provider_name_problem;
use crate::data::validate::{DataError, DataErrorKind};
use crate::formats::import::{
    check_model_name, clip, finish, invalid, limits, listed_inputs, mtok_price, parse, At,
    Importer, Listed, Listing,
};
use crate::formats::{served, to_json, ExportError, ImportError, ImportOptions, TargetProvider};
use crate::schema::{DataFile, DistillationPolicyEntry, ModelEntry, OfferEntry};
use crate::{Capability, Catalog, CatalogError, Model, Price, Pricing, ServedName};
use serde::{Deserialize, Serialize};

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
    let mut out = Pricing::new();
    out.input = mtok_price(OPENAI_DOC, &At::Field(&pricing, "prompt"), p.prompt)?;
    out.output = mtok_price(OPENAI_DOC, &At::Field(&pricing, "completion"), p.completion)?;
    Ok(out)
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
    let input_modalities = listed_inputs(None, cap(|c| c.vision), cap(|c| c.pdf_upload));
    let name = m
        .name
        .as_deref()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or(&m.id);
    let mut entry = ModelEntry::new(m.id.clone(), name);
    entry.description = m.description.clone().filter(|d| !d.is_empty());
    entry.vendor = m.owned_by.as_ref().map(|v| v.to_ascii_lowercase());
    entry.category = m.category.clone();
    entry.context_window = context_window;
    entry.max_output_tokens = max_output_tokens;
    entry.input_modalities = input_modalities;
    let flags = &mut entry.capabilities;
    flags.tools = cap(|c| c.tool_calling);
    flags.parallel_tools = cap(|c| c.parallel_tool_calls);
    flags.reasoning = cap(|c| c.reasoning);
    flags.structured_output = cap(|c| c.structured_output);
    entry.pricing = pricing;
    entry.distillation_policy = m.distillation_policy.as_ref().map(|d| {
        let mut policy = DistillationPolicyEntry::default();
        policy.status.clone_from(&d.status);
        policy.label.clone_from(&d.label);
        policy.basis.clone_from(&d.basis);
        policy.source_url.clone_from(&d.source_url);
        policy.note.clone_from(&d.note);
        policy
    });
    Ok(entry)
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
/// Each id is mapped as the [module documentation](crate::formats) describes. An offer carries the
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
        // The id is copied for every listed model before the catalog is validated: a bad
        // one (a huge one, say) is refused first.
        TargetProvider::New(entry) => match provider_name_problem(&entry.id) {
            Some(reason) => {
                return Err(ImportError::Catalog(CatalogError {
                    errors: vec![DataError {
                        file: OPENAI_DOC.to_owned(),
                        entry: format!("provider `{}`", clip(&entry.id)),
                        kind: DataErrorKind::InvalidName {
                            field: "id",
                            name: clip(&entry.id),
                            reason,
                        },
                    }],
                }))
            }
            None => (entry.id.clone(), DataFile::defining((**entry).clone())),
        },
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
            (p.id().to_owned(), DataFile::extending(p.id()))
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
            Listed::Offer(model) => {
                let mut offer = OfferEntry::new(model, m.id.clone());
                offer.pricing = pricing;
                offer.context_window = entry.context_window;
                offer.max_output_tokens = entry.max_output_tokens;
                let caps = m.capabilities.as_ref();
                offer.input_modalities = importer.offer_inputs(
                    &offer.model,
                    caps.and_then(|c| c.vision),
                    caps.and_then(|c| c.pdf_upload),
                );
                // Whether a model reasons is its own, whoever lists it.
                offer.capabilities = entry.capabilities;
                offer.capabilities.reasoning = None;
                doc.offers.push(offer);
            }
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
    /// The served name an offer's id names (`openai/gpt-4o-2024-05-13`), whose limits
    /// apply there, as resolution gives them.
    served: Option<&'c ServedName>,
    /// An offer's own context window and output limit, which come first.
    limits: (Option<u32>, Option<u32>),
    /// The capabilities and modalities there.
    abilities: Abilities,
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
                pricing: m.pricing(),
                served: None,
                limits: (None, None),
                abilities: m.abilities(),
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
                    served: if s.own {
                        None
                    } else {
                        s.model.served_as(s.upstream)
                    },
                    limits: s.limits,
                    abilities: s.abilities,
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
/// `description`, `context_length` (the context window; the list has no field for a prompt
/// limit below it, [`Model::max_input_tokens`], which an import of it does not learn),
/// `max_output_tokens`,
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
            let limits = crate::offer::limits_through(e.limits, e.served, m);
            let known = |c: Capability| e.abilities.support(c).known();
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
                context_length: limits.0,
                max_output_tokens: limits.1,
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
