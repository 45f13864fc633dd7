//! The catalog's data format: one JSON document per provider (see `data/README.md`).
//!
//! The same types read `data/` at build time and overlay documents at run time. Every object
//! refuses unknown fields.

use super::capability::Flags;
use super::date::Date;
use super::modality::Modality;
use super::price::Pricing;
use super::surface::{ControlPlane, SurfaceEntry};
use serde::{Deserialize, Serialize};

fn is_false(b: &bool) -> bool {
    !*b
}

/// One data document: either a provider with its models (`provider`), or models, offers and
/// aliases added to a provider defined elsewhere (`extends`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
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
    /// Models defined by other providers that this provider also serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offers: Vec<OfferEntry>,
    /// Extra model aliases, each naming its target model by id (any provider's).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<AliasEntry>,
}

/// A provider: an API endpoint that serves models.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
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
    /// The API surfaces it accepts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub api_surfaces: Vec<SurfaceEntry>,
    /// The environment variable that conventionally holds the provider's API key
    /// (`OPENAI_API_KEY`), where a source gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_key_env: Option<String>,
    /// Free-form metadata (a custom provider's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<String>,
    /// The provider's control-plane resource, for providers imported from a gateway.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub control_plane: Option<ControlPlane>,
}

/// A model as one provider serves it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ModelEntry {
    /// The catalog id, unique across the catalog.
    pub id: String,
    /// The id the provider's API expects, when it differs from `id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upstream_id: Option<String>,
    /// Display name.
    pub name: String,
    /// A short description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Who made the model (`openai`, `meta`), as a lowercase id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<String>,
    /// The model family (`gpt`, `claude-opus`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// A category such as `flagship`, `mini`, `reasoning`, `coding`, `moderation`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Context window in tokens (input and output together), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context_window: Option<u32>,
    /// Most tokens a prompt may hold, where the provider limits it below the context window
    /// (OpenAI's GPT-5.2: 272,000 of a 400,000-token window).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_input_tokens: Option<u32>,
    /// Most tokens one response may hold, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_output_tokens: Option<u32>,
    /// The kinds of input the model takes, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_modalities: Option<Vec<Modality>>,
    /// The kinds of output the model produces, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_modalities: Option<Vec<Modality>>,
    /// Capability flags; absent ones are unknown.
    #[serde(default, skip_serializing_if = "Flags::is_empty")]
    pub capabilities: Flags,
    /// Prices in USD per million tokens; absent ones are unknown.
    #[serde(default, skip_serializing_if = "Pricing::is_empty")]
    pub pricing: Pricing,
    /// Prices of the provider's fine-tunes of this model, where they are published.
    #[serde(default, skip_serializing_if = "Pricing::is_empty")]
    pub fine_tune_pricing: Pricing,
    /// Whether the weights are published, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_weights: Option<bool>,
    /// First release.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release_date: Option<Date>,
    /// Training-data cutoff, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub knowledge_cutoff: Option<String>,
    /// Whether the provider has deprecated the model.
    #[serde(default, skip_serializing_if = "is_false")]
    pub deprecated: bool,
    /// The day the provider stops serving the model (requires `deprecated`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retires: Option<Date>,
    /// The id of the model that replaces it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub successor: Option<String>,
    /// Other spellings of the model's name, and pointers a reference names for it
    /// (`claude-opus-latest`): a resolution through one sends the model's upstream id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Names the provider itself serves as model ids and that resolve to this model (dated
    /// snapshots, ids such as `chatgpt-4o-latest`, variants): a resolution through one sends that name,
    /// in its catalog spelling, and reports its own facts where it has them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub served_names: Vec<ServedNameEntry>,
    /// Spellings a source lists as aliases that are already a key of this model (its id,
    /// upstream id, an alias or a served name) when compared ASCII-case-insensitively. They
    /// add no key.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub redundant_aliases: Vec<String>,
    /// Free-form tags, such as a subscription tier.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Whether outputs may be used for distillation or training, where a source records it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distillation_policy: Option<DistillationPolicyEntry>,
    /// Where the facts come from.
    #[serde(default, skip_serializing_if = "Sources::is_empty")]
    pub sources: Sources,
    /// Notes on the data, such as why a fact is missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// A name the provider serves as a model id of its own that resolves to a catalog model
/// (`gpt-4o-2024-05-13` of `gpt-4o`), with the facts that differ from the model's. A fact
/// left out is the model's.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ServedNameEntry {
    /// The name, as the provider spells it; it is sent upstream as written here.
    pub id: String,
    /// Context window in tokens, where it differs from the model's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context_window: Option<u32>,
    /// Most tokens one response may hold, where it differs from the model's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_output_tokens: Option<u32>,
    /// Prices, field by field where they differ from the model's.
    #[serde(default, skip_serializing_if = "Pricing::is_empty")]
    pub pricing: Pricing,
    /// Prices of the provider's fine-tunes of this snapshot, where published.
    #[serde(default, skip_serializing_if = "Pricing::is_empty")]
    pub fine_tune_pricing: Pricing,
    /// First release.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release_date: Option<Date>,
    /// Whether the provider has deprecated this name (the model may still be active).
    #[serde(default, skip_serializing_if = "is_false")]
    pub deprecated: bool,
    /// The day the provider stops serving this name (requires `deprecated`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retires: Option<Date>,
    /// Where the facts come from.
    #[serde(default, skip_serializing_if = "Sources::is_empty")]
    pub sources: Sources,
    /// Notes on the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// A model defined by another provider that this provider also serves.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct OfferEntry {
    /// The model's catalog id.
    pub model: String,
    /// The id this provider's API expects for it.
    pub upstream_id: String,
    /// This provider's context window for it in tokens, where known (a provider may serve a
    /// model with a shorter or longer one than the model's own provider).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context_window: Option<u32>,
    /// Most tokens one response may hold at this provider, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_output_tokens: Option<u32>,
    /// What this provider's references say it takes for the model, where known (a
    /// provider may serve a model with fewer or more kinds of input than its own provider).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_modalities: Option<Vec<Modality>>,
    /// What it produces at this provider, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_modalities: Option<Vec<Modality>>,
    /// Capability flags at this provider; absent ones are the model's (OpenRouter serves
    /// `qwen3-coder-plus` with tool calling, NanoGPT without). `reasoning` is the model's
    /// own, whoever serves it, and is refused here.
    #[serde(default, skip_serializing_if = "Flags::is_empty")]
    pub capabilities: Flags,
    /// This provider's prices, where they differ from the model's.
    #[serde(default, skip_serializing_if = "Pricing::is_empty")]
    pub pricing: Pricing,
    /// Whether this provider has deprecated the model (its own provider may still serve it).
    #[serde(default, skip_serializing_if = "is_false")]
    pub deprecated: bool,
    /// The day this provider stops serving the model (requires `deprecated`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retires: Option<Date>,
    /// Where the facts come from.
    #[serde(default, skip_serializing_if = "Sources::is_empty")]
    pub sources: Sources,
}

/// Whether a model's outputs may be used for distillation or training (the NanoGPT
/// `distillationPolicy` object), as a document records it. Informational, not legal advice.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DistillationPolicyEntry {
    /// For example `allowed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// A human-readable label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// For example `permissive-open-weights`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// The license or terms the policy rests on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    /// A short explanation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Where a catalog directory's data comes from: `sources.json` beside `providers/`, written
/// by the refresh tool.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DataSources {
    /// The models.dev snapshot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub models_dev: Option<ModelsDevSnapshot>,
    /// The LiteLLM price list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub litellm: Option<LiteLlmSnapshot>,
}

/// A models.dev snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ModelsDevSnapshot {
    /// The commit.
    pub revision: String,
    /// The day of the snapshot.
    pub date: Date,
}

/// A LiteLLM price list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LiteLlmSnapshot {
    /// The LiteLLM release it ships with.
    pub version: String,
    /// The day of the release's list.
    pub date: Date,
}

/// Where an entry's facts come from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Sources {
    /// The source document that lists the entry; its facts win over the references.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<String>,
    /// The models.dev file, as `<commit>:<path>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub models_dev: Option<String>,
    /// The LiteLLM price-list key, as `<version>:<key>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub litellm: Option<String>,
}

impl Sources {
    /// Whether no source is recorded.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == Sources::default()
    }
}

/// An alias declared apart from its model.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AliasEntry {
    /// The alias.
    pub alias: String,
    /// The id of the model it names.
    pub target: String,
}

impl DataFile {
    /// A document that defines `provider` (add its models, offers and aliases to the lists).
    #[must_use]
    pub fn defining(provider: ProviderEntry) -> DataFile {
        DataFile {
            provider: Some(provider),
            ..DataFile::default()
        }
    }

    /// A document that adds models, offers and aliases to the provider `id` defined
    /// elsewhere.
    #[must_use]
    pub fn extending(id: impl Into<String>) -> DataFile {
        DataFile {
            extends: Some(id.into()),
            ..DataFile::default()
        }
    }
}

impl ProviderEntry {
    /// The provider `id`, displayed as `name`, that requires no key; every other fact
    /// unknown or absent until set.
    #[must_use]
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> ProviderEntry {
        ProviderEntry {
            id: id.into(),
            name: name.into(),
            ..ProviderEntry::default()
        }
    }
}

impl ModelEntry {
    /// The model `id`, displayed as `name`; every other fact unknown or absent until set.
    #[must_use]
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> ModelEntry {
        ModelEntry {
            id: id.into(),
            name: name.into(),
            ..ModelEntry::default()
        }
    }
}

impl ServedNameEntry {
    /// The served name `id`, with the facts of its model until set.
    #[must_use]
    pub fn new(id: impl Into<String>) -> ServedNameEntry {
        ServedNameEntry {
            id: id.into(),
            ..ServedNameEntry::default()
        }
    }
}

impl OfferEntry {
    /// An offer of the model `model` (its catalog id) under the upstream id `upstream_id`, at
    /// the model's prices until set.
    #[must_use]
    pub fn new(model: impl Into<String>, upstream_id: impl Into<String>) -> OfferEntry {
        OfferEntry {
            model: model.into(),
            upstream_id: upstream_id.into(),
            ..OfferEntry::default()
        }
    }
}

impl AliasEntry {
    /// The alias `alias` of the model whose id is `target`.
    #[must_use]
    pub fn new(alias: impl Into<String>, target: impl Into<String>) -> AliasEntry {
        AliasEntry {
            alias: alias.into(),
            target: target.into(),
        }
    }
}

impl ModelsDevSnapshot {
    /// The models.dev snapshot of commit `revision`, of day `date`.
    #[must_use]
    pub fn new(revision: impl Into<String>, date: Date) -> ModelsDevSnapshot {
        ModelsDevSnapshot {
            revision: revision.into(),
            date,
        }
    }
}

impl LiteLlmSnapshot {
    /// The LiteLLM price list of release `version`, of day `date`.
    #[must_use]
    pub fn new(version: impl Into<String>, date: Date) -> LiteLlmSnapshot {
        LiteLlmSnapshot {
            version: version.into(),
            date,
        }
    }
}
