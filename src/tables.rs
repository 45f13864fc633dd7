//! [`Tables`]: a catalog's providers, models and offers, the compiled ones with a run-time
//! overlay's, read by catalog index (the catalog as the grammar sees it is in
//! `tables_view`).

use crate::builtin::{MODELS, OFFERS, PROVIDERS};
use crate::model::Model;
use crate::offer::Offer;
use crate::overlay::{Overlay, BUILTIN_MODELS, BUILTIN_PROVIDERS};
use crate::provider::Provider;

/// A catalog's tables: the compiled ones, and a run-time overlay's where there is one.
#[derive(Clone, Copy)]
pub(crate) struct Tables<'c>(pub(crate) Option<&'c Overlay>);

impl<'c> Tables<'c> {
    /// The provider with catalog index `i`.
    pub(crate) fn provider_at(self, i: u32) -> &'c Provider {
        match self.0 {
            Some(o) if i >= BUILTIN_PROVIDERS => &o.providers[(i - BUILTIN_PROVIDERS) as usize],
            Some(o) => o.replacement(i).unwrap_or(&PROVIDERS[i as usize]),
            None => &PROVIDERS[i as usize],
        }
    }

    /// The model with catalog index `i`.
    pub(crate) fn model_at(self, i: u32) -> &'c Model {
        match self.0 {
            Some(o) if i >= BUILTIN_MODELS => &o.models[(i - BUILTIN_MODELS) as usize],
            _ => &MODELS[i as usize],
        }
    }

    /// Whether `p` replaces a built-in provider.
    pub(crate) fn replaced(self, p: &Provider) -> bool {
        p.index < BUILTIN_PROVIDERS && self.0.is_some_and(|o| o.replaces(p.index))
    }

    /// How many providers there are.
    pub(crate) fn provider_count(self) -> u32 {
        BUILTIN_PROVIDERS + self.0.map_or(0, |o| o.providers.len() as u32)
    }

    /// How many models there are.
    pub(crate) fn model_count(self) -> u32 {
        BUILTIN_MODELS + self.0.map_or(0, |o| o.models.len() as u32)
    }

    /// The models `p` defines: built-in ones, then the overlay's.
    pub(crate) fn own_models(self, p: &Provider) -> Vec<&'c Model> {
        let mut out: Vec<&'c Model> = Vec::new();
        if p.index < BUILTIN_PROVIDERS {
            let b = &PROVIDERS[p.index as usize];
            out.extend(MODELS[b.model_range()].iter());
        }
        if let Some(o) = self.0 {
            out.extend(o.models_of(p.index));
        }
        out
    }

    /// The offers `p` makes: built-in ones, then the overlay's.
    pub(crate) fn provider_offers(self, p: &Provider) -> Vec<&'c Offer> {
        let mut out: Vec<&'c Offer> = Vec::new();
        if p.index < BUILTIN_PROVIDERS {
            out.extend(OFFERS[PROVIDERS[p.index as usize].offer_range()].iter());
        }
        if let Some(o) = self.0 {
            out.extend(o.offers_by(p.index));
        }
        out
    }

    /// Whether a handle made by the build `build` (`None`: the compiled catalog, which every
    /// catalog holds) is one of this catalog's: a handle of another catalog, another
    /// tenant's or one built before a swap, may name its entries alike at the same place.
    fn holds(self, build: Option<u64>) -> bool {
        build.is_none_or(|b| self.0.is_some_and(|o| o.build == b))
    }

    /// This catalog's model that `m` denotes, if `m` is one of its own (or a clone of one) or
    /// a compiled model.
    pub(crate) fn own_model(self, m: &Model) -> Option<&'c Model> {
        let i = m.index();
        (self.holds(m.build()) && i < self.model_count()).then(|| self.model_at(i))
    }

    /// This catalog's provider that `p` denotes, likewise (a compiled provider's handle
    /// denotes its replacement in a catalog that replaces it).
    pub(crate) fn own_provider(self, p: &Provider) -> Option<&'c Provider> {
        let i = p.index;
        (self.holds(p.build()) && i < self.provider_count()).then(|| self.provider_at(i))
    }

    /// This catalog's offer that `o` denotes, likewise: its provider's offer of its model,
    /// among the compiled offers or the overlay's as `o` is one of them (a provider offers
    /// a model once in each).
    pub(crate) fn own_offer(self, o: &Offer) -> Option<&'c Offer> {
        let (provider, model) = (o.provider_index, o.model_index);
        if !self.holds(o.build()) || model >= self.model_count() {
            return None;
        }
        match o.build() {
            None => self
                .model_at(model)
                .builtin_offers()
                .iter()
                .filter_map(|&i| OFFERS.get(i as usize))
                .find(|h| h.provider_index == provider),
            // Found by halving: a model thousands of providers offer costs no more.
            Some(_) => self.0?.offer_of_model_by(model, provider),
        }
    }

    /// The offers of `model`: the providers other than its own that serve it.
    pub(crate) fn offers_of(self, model: &Model) -> Vec<&'c Offer> {
        let mut out: Vec<&'c Offer> = Vec::new();
        if model.index() < BUILTIN_MODELS {
            out.extend(
                model
                    .builtin_offers()
                    .iter()
                    .filter_map(|&i| OFFERS.get(i as usize)),
            );
        }
        if let Some(o) = self.0 {
            out.extend(o.offers_of_model(model.index()));
        }
        out
    }
}
