//! What validation produces: the catalog's providers, models, offers and keys, indexed in
//! the combined space of the base and the documents.

use crate::key::MatchKind;
use crate::schema::{ModelEntry, OfferEntry, ProviderEntry};
use std::ops::Range;

/// A validated catalog, ready to be compiled into tables or used as an overlay.
///
/// Indexes are in the combined space of the base the documents were validated over
/// (empty for the built-in data): base providers are `0..provider_base`, new providers
/// follow; likewise models.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Validated {
    /// How many providers the base has; new providers' indexes start here.
    pub provider_base: usize,
    /// How many models the base has; new models' indexes start here.
    pub model_base: usize,
    /// Providers in document order (overrides of base providers included).
    pub providers: Vec<ProviderRec>,
    /// Models grouped by provider, in provider-index order, each provider's in document
    /// order. `models[i]` has index `model_base + i`.
    pub models: Vec<ModelRec>,
    /// Offers grouped by provider likewise.
    pub offers: Vec<OfferRec>,
    /// Every model key (folded) the documents define: ids, upstream ids and aliases.
    pub model_keys: Vec<KeyRec>,
    /// Every provider key (folded) the documents define: ids and aliases.
    pub provider_keys: Vec<KeyRec>,
}

/// A validated provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderRec {
    /// The document that defines it.
    pub file: String,
    /// Its index in the combined space: a base provider's when it overrides one.
    pub index: usize,
    /// Whether it replaces a base provider (with the caller's leave).
    pub overrides: bool,
    /// Its entry.
    pub entry: ProviderEntry,
    /// Its models, as positions in [`Validated::models`].
    pub models: Range<usize>,
    /// Its offers, as positions in [`Validated::offers`].
    pub offers: Range<usize>,
}

/// A validated offer: a provider serving a model another provider defines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferRec {
    /// The document that declares it.
    pub file: String,
    /// Index of the offering provider (combined space).
    pub provider: usize,
    /// Index of the model (combined space).
    pub model: usize,
    /// Its entry.
    pub entry: OfferEntry,
}

/// A validated model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelRec {
    /// The document that defines it.
    pub file: String,
    /// Index of its provider (combined space).
    pub provider: usize,
    /// Its entry.
    pub entry: ModelEntry,
    /// The upstream id (the entry's, or else its id).
    pub upstream_id: String,
    /// Its aliases: the entry's own, then those declared apart from it.
    pub aliases: Vec<String>,
}

/// A key in one of the lookup maps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyRec {
    /// The name, ASCII-lowercased.
    pub key: String,
    /// Index of the entry it names (combined space).
    pub index: usize,
    /// Which of the entry's names it is.
    pub kind: MatchKind,
    /// Whether it takes the name from a base entry (with the caller's leave).
    pub overrides: bool,
    /// For a name reachable only through one provider (a run-time model name that begins
    /// with another provider's name and `/`): that provider's index.
    pub scope: Option<usize>,
}
