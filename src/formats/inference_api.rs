//! inference-api `GET /models` (seed 002): import and export.

use crate::data::json;
use crate::formats::import::{
    check_model_name, clip, finish, invalid, limits, listed_inputs, parse, present, shown,
    usd_amount, At, Importer, Listed, Listing,
};
use crate::formats::{to_json, ExportError, ImportError, ImportOptions};
use crate::schema::{DataFile, ModelEntry, OfferEntry};
use crate::{Capability, Catalog, Markup, Model, Price, Pricing};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

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
        .ok()
        .and_then(Price::checked_from_picos_per_token)
        .map(Some)
        .ok_or_else(too_large)
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
/// [`ImportError::Invalid`]. Each id is mapped as the [module documentation](crate::formats)
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
        let mut pricing = Pricing::new();
        pricing.input = per_1k_price(
            &path("cost_per_1k_input"),
            m.cost_per_1k_input,
            options.markup,
        )?;
        pricing.output = per_1k_price(
            &path("cost_per_1k_output"),
            m.cost_per_1k_output,
            options.markup,
        )?;
        let provider_id = p.id().to_owned();
        let listed = importer.classify(listing, &provider_id, &m.id)?;
        let g = *group_of.entry(provider_id.clone()).or_insert_with(|| {
            groups.push((
                provider_id.clone(),
                DataFile::extending(provider_id.clone()),
            ));
            groups.len() - 1
        });
        let doc = &mut groups[g].1;
        match listed {
            Listed::Belongs => {}
            Listed::Offer(model) => {
                let mut offer = OfferEntry::new(model, m.id.clone());
                offer.pricing = pricing;
                offer.context_window = context_window;
                offer.max_output_tokens = max_output_tokens;
                offer.input_modalities =
                    importer.offer_inputs(&offer.model, m.supports_vision, None);
                offer.capabilities.tools = m.supports_tools;
                doc.offers.push(offer);
            }
            Listed::New => {
                let mut entry = ModelEntry::new(m.id.clone(), m.name.clone());
                entry.context_window = context_window;
                entry.max_output_tokens = max_output_tokens;
                entry.input_modalities = listed_inputs(None, m.supports_vision, None);
                entry.capabilities.tools = m.supports_tools;
                entry.pricing = pricing;
                doc.models.push(entry);
            }
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

/// Per-1k credits as a JSON number, which must be the exact decimal: the float that reads
/// back as it, or an error rather than a rounded number.
fn credits(m: &Model, price: Option<Price>, markup: Markup) -> Result<Option<f64>, ExportError> {
    let Some(p) = price else { return Ok(None) };
    let usd = p
        .per_1k_tokens(markup)
        .ok_or_else(|| ExportError::PriceOverflow(m.id().to_owned()))?;
    let exact = usd.to_string();
    // Rust prints a float as the shortest decimal that reads back as it, never in exponent
    // form: the same text means the float is exactly this decimal.
    match exact.parse::<f64>() {
        Ok(f) if f.to_string() == exact => Ok(Some(f)),
        _ => Err(ExportError::InexactPrice(m.id().to_owned(), exact)),
    }
}

/// Exports every model of the catalog, in catalog order, in the inference-api `/models`
/// shape (seed 002), wrapped as `{"models":[...]}`.
///
/// `provider` is the model's home provider id (any catalog provider, not only the seed's
/// four). `cost_per_1k_input` and `cost_per_1k_output` are [`Price::per_1k_tokens`] with
/// `markup` (the platform's is [`INFERENCE_API_MARKUP`](crate::formats::INFERENCE_API_MARKUP), 1.4): exact to the picodollar,
/// then written as a JSON number that serde_json prints as exactly that decimal (`0.0035`;
/// any amount of up to 15 significant digits). An amount that needs more digits than a
/// float holds is [`ExportError::InexactPrice`], never rounded. (A markup whose product
/// with a price is not a whole number of picodollars, such as 1.333333333, is rounded to
/// the picodollar there; [`import_inference_api`] with that markup then refuses the amount,
/// which no longer divides back to whole micro-dollars per million tokens.) Unknown values
/// (limits, prices, `supports_tools`, `supports_vision`) are left out; the format has no
/// field for a prompt limit below the context window ([`Model::max_input_tokens`](crate::Model::max_input_tokens)).
///
/// `id` is the catalog id, the name the platform's clients send. The format has no field
/// for the id a provider's API expects: imported into a catalog that does not hold the
/// model, an entry becomes a model whose upstream id is its `id` (Groq's `gpt-oss-120b`,
/// which Groq serves as `openai/gpt-oss-120b`). Import a listing onto a catalog that holds
/// its models to keep their upstream ids.
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
