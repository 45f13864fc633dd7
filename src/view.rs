//! A catalog as the grammar sees it: the [`View`] both the compiled catalog and run-time
//! catalogs implement, and the hits a lookup returns.

use crate::data::key::MatchKind;
use crate::model::Model;
use crate::names::NameKind;
use crate::offer::Offer;
use crate::provider::Provider;
use crate::suggest::Source;

/// Providers listed up to a limit, the others counted ([`View::offered_by`]).
pub(crate) struct Listed<'c> {
    pub(crate) providers: Vec<&'c Provider>,
    pub(crate) more: usize,
    limit: usize,
}

impl<'c> Listed<'c> {
    /// An empty list of at most `limit` providers.
    pub(crate) fn new(limit: usize) -> Listed<'c> {
        Listed {
            providers: Vec::new(),
            more: 0,
            limit,
        }
    }

    /// Lists `p`, or counts it once the list is full.
    pub(crate) fn push(&mut self, p: &'c Provider) {
        if self.providers.len() < self.limit {
            self.providers.push(p);
        } else {
            self.more += 1;
        }
    }

    /// Lists as many of `n` providers, given by `at`, as there is room for, and counts the
    /// rest without reading them.
    pub(crate) fn extend(&mut self, n: usize, at: impl Fn(usize) -> &'c Provider) {
        let room = self.limit.saturating_sub(self.providers.len()).min(n);
        self.providers.extend((0..room).map(at));
        self.more += n - room;
    }

    /// The list and the count.
    pub(crate) fn done(self) -> (Vec<&'c Provider>, usize) {
        (self.providers, self.more)
    }
}

/// A provider a name denotes, as the grammar needs it.
#[derive(Clone, Copy)]
pub(crate) struct ProviderHit<'c> {
    pub(crate) provider: &'c Provider,
    /// Whether the name is the provider's id or an alias.
    pub(crate) matched: MatchKind,
    /// Whether a run-time override of a built-in provider is involved.
    pub(crate) replaced: bool,
    /// Whether a model part after this name is looked up in the overlay first: names are
    /// scoped to the provider, or it is a run-time provider. Known where the provider was
    /// found, so that the model step does not test it again.
    pub(crate) overlay_first: bool,
}

/// A model a name denotes, with what a resolution returns for it.
#[derive(Clone, Copy)]
pub(crate) struct ModelHit<'c> {
    pub(crate) model: &'c Model,
    /// Which of the model's names it is.
    pub(crate) matched: MatchKind,
    /// Whether the name was taken from a built-in model by a run-time override.
    pub(crate) key_override: bool,
    /// The model's upstream id (at its home provider).
    pub(crate) upstream: &'c str,
    /// The model's home provider.
    pub(crate) home: &'c Provider,
    /// Whether the home provider replaces a built-in one.
    pub(crate) home_replaced: bool,
}

/// How a provider serves a model: the upstream id and, for a provider other than the model's
/// home, the offer.
#[derive(Clone, Copy)]
pub(crate) struct Serving<'c> {
    pub(crate) upstream: &'c str,
    pub(crate) offer: Option<&'c Offer>,
}

/// A catalog as the grammar sees it.
pub(crate) trait View<'c>: Copy {
    /// What [`compiled_key_at`](View::compiled_key_at) leaves to look up where the compiled
    /// tables alone do not answer.
    type Pending: Copy;

    /// The model a name denotes (ASCII case ignored).
    fn model_key(self, name: &str) -> Option<ModelHit<'c>>;
    /// The model the whole input denotes (ASCII case ignored): `Ok` of what
    /// [`model_key`](View::model_key) finds where it holds no `:` or `/`. Where it holds
    /// one, the first at `at`: `Ok(Some(hit))` if it is a model key, else `Err(at)`. Such an
    /// input is looked up only where some model key may begin as it does (a test of one bit
    /// per table, which may answer `true` for nothing, never `false` for a key).
    fn whole(self, input: &str) -> Result<Option<ModelHit<'c>>, usize>;
    /// The provider a name denotes (ASCII case ignored).
    fn provider_key(self, name: &str) -> Option<ProviderHit<'c>>;
    /// The provider `name`, the part of an input before its first separator, denotes: what
    /// [`provider_key`](View::provider_key) finds, on the path of `provider:model`.
    fn prefix(self, name: &str) -> Option<ProviderHit<'c>>;

    /// The model a name denotes when the provider of `p` is named: a name scoped to it (a
    /// run-time model name that begins with another provider's name), else
    /// [`model_key`](View::model_key).
    #[inline(always)]
    fn model_key_at(self, p: &ProviderHit<'c>, name: &str) -> Option<ModelHit<'c>> {
        match self.compiled_key_at(p, name) {
            Ok(hit) => hit,
            Err(pending) => self.pending_key_at(p, name, pending),
        }
    }
    /// [`model_key_at`](View::model_key_at) where the compiled tables alone answer (a hit
    /// of theirs, no flag set), else what is left to look up
    /// ([`pending_key_at`](View::pending_key_at)).
    #[inline(always)]
    fn compiled_key_at(
        self,
        p: &ProviderHit<'c>,
        name: &str,
    ) -> Result<Option<ModelHit<'c>>, Self::Pending> {
        let _ = p;
        Ok(self.model_key(name))
    }
    /// [`model_key_at`](View::model_key_at) from what
    /// [`compiled_key_at`](View::compiled_key_at) left.
    fn pending_key_at(
        self,
        p: &ProviderHit<'c>,
        name: &str,
        pending: Self::Pending,
    ) -> Option<ModelHit<'c>>;
    /// How `p` serves the model of `hit`, if it does.
    fn serves(self, p: &'c Provider, hit: &ModelHit<'c>) -> Option<Serving<'c>>;
    /// Every catalog name of the models `p` serves (its own models' names and the upstream
    /// ids of its offers), for near misses of a pass-through.
    fn names_served_by(self, p: &'c Provider, f: &mut dyn FnMut(&'c str));
    /// Whether `p` lists any model, its own or offered.
    fn lists_models(self, p: &'c Provider) -> bool;
    /// The providers that serve `m`, its home first, then those that offer it (for a served
    /// name `served`, those whose offer is sent under that name), in catalog order: the first
    /// `limit`, and how many more there are. Its cost does not grow with the number of
    /// providers that offer `m` in a run-time catalog (a count, or a search by halving).
    fn offered_by(
        self,
        m: &'c Model,
        served: Option<&str>,
        limit: usize,
    ) -> (Vec<&'c Provider>, usize);
    /// Where suggestions for `name`, of `kind`, come from.
    fn names(self, kind: NameKind, name: &str) -> Source;
}
