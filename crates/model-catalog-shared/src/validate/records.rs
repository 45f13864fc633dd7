//! What validation produces: the catalog's providers, models, offers and keys, indexed in
//! the combined space of the base and the documents. Records borrow from the documents they
//! were validated from: nothing of them is copied.

use crate::key::MatchKind;
use crate::schema::{ModelEntry, OfferEntry, ProviderEntry};
use std::borrow::Cow;
use std::ops::Range;

/// A validated catalog, ready to be compiled into tables or used as an overlay. It borrows
/// the documents it was validated from (`'a`).
///
/// Indexes are in the combined space of the base the documents were validated over
/// (empty for the built-in data): base providers are `0..provider_base`, new providers
/// follow; likewise models.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Validated<'a> {
    /// How many providers the base has; new providers' indexes start here.
    pub provider_base: usize,
    /// How many models the base has; new models' indexes start here.
    pub model_base: usize,
    /// Providers in document order (overrides of base providers included).
    pub providers: Vec<ProviderRec<'a>>,
    /// Models grouped by provider, in provider-index order, each provider's in document
    /// order. `models[i]` has index `model_base + i`.
    pub models: Vec<ModelRec<'a>>,
    /// Offers grouped by provider likewise.
    pub offers: Vec<OfferRec<'a>>,
    /// Every model key (folded) the documents define: ids, upstream ids and aliases.
    pub model_keys: Vec<KeyRec<'a>>,
    /// Every provider key (folded) the documents define: ids and aliases.
    pub provider_keys: Vec<KeyRec<'a>>,
    /// The aliases the documents declare apart for models of the base, as written, with
    /// the model's index, in document order. (Those of new models are in their
    /// [`ModelRec::aliases_apart`].)
    pub base_aliases: Vec<(usize, &'a str)>,
}

/// A validated provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderRec<'a> {
    /// The document that defines it.
    pub file: &'a str,
    /// Its index in the combined space: a base provider's when it overrides one.
    pub index: usize,
    /// Whether it replaces a base provider (with the caller's leave).
    pub overrides: bool,
    /// Its entry.
    pub entry: &'a ProviderEntry,
    /// Its models, as positions in [`Validated::models`].
    pub models: Range<usize>,
    /// Its offers, as positions in [`Validated::offers`].
    pub offers: Range<usize>,
}

/// A validated offer: a provider serving a model another provider defines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferRec<'a> {
    /// The document that declares it.
    pub file: &'a str,
    /// Index of the offering provider (combined space).
    pub provider: usize,
    /// Index of the model (combined space).
    pub model: usize,
    /// Its entry.
    pub entry: &'a OfferEntry,
}

/// A validated model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelRec<'a> {
    /// The document that defines it.
    pub file: &'a str,
    /// Index of its provider (combined space).
    pub provider: usize,
    /// Its entry.
    pub entry: &'a ModelEntry,
    /// The upstream id (the entry's, or else its id).
    pub upstream_id: &'a str,
    /// The aliases declared apart from it (in alias documents), in document order: its
    /// aliases are the entry's own, then these (see [`ModelRec::aliases`]).
    pub aliases_apart: Vec<&'a str>,
}

impl<'a> ModelRec<'a> {
    /// Its aliases: the entry's own, then those declared apart from it.
    pub fn aliases(&self) -> impl Iterator<Item = &'a str> + Clone + '_ {
        let own: &'a [String] = &self.entry.aliases;
        own.iter()
            .map(String::as_str)
            .chain(self.aliases_apart.iter().copied())
    }

    /// How many aliases it has: the entry's own and those declared apart.
    #[must_use]
    pub fn alias_count(&self) -> usize {
        self.entry.aliases.len() + self.aliases_apart.len()
    }
}

/// A key in one of the lookup maps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyRec<'a> {
    /// The name, ASCII-lowercased: borrowed from the document when it was already.
    pub key: Cow<'a, str>,
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
