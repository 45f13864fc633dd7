//! The catalog's data format: one JSON document per provider (see `data/README.md`).
//!
//! The same types read `data/` at build time and overlay documents at run time. Every object
//! refuses unknown fields.

use super::date::Date;
use super::modality::Modality;
use serde::{Deserialize, Serialize};

fn is_false(b: &bool) -> bool {
    !*b
}

/// One data document: either a provider with its models (`provider`), or models and aliases
/// added to a provider defined elsewhere (`extends`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataFile {
    /// The provider this document defines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<ProviderEntry>,
    /// The id of a provider defined elsewhere that this document adds models to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<String>,
    /// Models served by the provider.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub models: Vec<ModelEntry>,
    /// Extra model aliases, each naming its target model by id (any provider's).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<AliasEntry>,
}

/// A provider: an API endpoint that serves models.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProviderEntry {
    /// The id, used as the address segment in `provider:model`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Other names for the provider.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Spellings a source lists as aliases that are already the id or an alias here when
    /// compared ASCII-case-insensitively. Kept for completeness; they add no key.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub redundant_aliases: Vec<String>,
    /// A short description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The API base URL, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    /// The provider's website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Documentation for using the provider through the gateway.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub docs: Option<String>,
    /// Whether the caller must supply a provider key.
    pub key_required: bool,
    /// Whether the gateway supplies upstream credentials itself.
    #[serde(default, skip_serializing_if = "is_false")]
    pub gateway_credentials: bool,
    /// Whether the provider serves other vendors' models beyond those listed, so that a model
    /// string it does not list is passed through even when another provider lists it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub aggregator: bool,
}

/// A model as one provider serves it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelEntry {
    /// The catalog id, unique across the catalog.
    pub id: String,
    /// The id the provider's API expects, when it differs from `id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upstream_id: Option<String>,
    /// Display name.
    pub name: String,
    /// Context window in tokens (input and output together).
    pub context_window: u32,
    /// Most tokens one response may hold, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_output_tokens: Option<u32>,
    /// The kinds of input the model takes.
    pub input_modalities: Vec<Modality>,
    /// Whether the provider has deprecated the model.
    #[serde(default, skip_serializing_if = "is_false")]
    pub deprecated: bool,
    /// The day the provider stops serving the model (requires `deprecated`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retires: Option<Date>,
    /// Other names for the model.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Spellings a source lists as aliases that are already a key of this model (its id,
    /// upstream id or an alias) when compared ASCII-case-insensitively. They add no key.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub redundant_aliases: Vec<String>,
}

/// An alias declared apart from its model.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AliasEntry {
    /// The alias.
    pub alias: String,
    /// The id of the model it names.
    pub target: String,
}
