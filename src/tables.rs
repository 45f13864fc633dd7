//! [`Tables`]: a catalog's providers, models and offers, the compiled ones with a run-time
//! overlay's, read by catalog index; and the catalog as the grammar sees it.

use crate::builtin::{self, MODELS, OFFERS, PROVIDERS};
use crate::data::key::with_folded;
use crate::data::key::MatchKind;
use crate::model::Model;
use crate::offer::Offer;
use crate::overlay::{Hit, Overlay, BUILTIN_MODELS, BUILTIN_PROVIDERS};
use crate::provider::Provider;
use crate::suggest::Source;
use crate::view::{ModelHit, ProviderHit, Serving, View};
use std::sync::Arc;

/// A catalog's tables: the compiled ones, and a run-time overlay's where there is one.
#[derive(Clone, Copy)]
pub(crate) struct Tables<'c>(pub(crate) Option<&'c Overlay>);

impl<'c> Tables<'c> {
    /// The provider with catalog index `i`.
    pub(crate) fn provider_at(self, i: u32) -> &'c Provider {
        match self.0 {
            Some(o) if i >= BUILTIN_PROVIDERS => &o.providers[(i - BUILTIN_PROVIDERS) as usize],
            Some(o) => o.replaced.get(&i).unwrap_or(&PROVIDERS[i as usize]),
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
        p.index < BUILTIN_PROVIDERS && self.0.is_some_and(|o| o.replaced.contains_key(&p.index))
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
        if let Some(own) = self.0.and_then(|o| o.models_by_provider.get(&p.index)) {
            out.extend(own.iter().map(|&i| self.model_at(i)));
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
            if let Some(list) = o.offers_by_provider.get(&p.index) {
                out.extend(list.iter().map(|&i| &o.offers[i as usize]));
            }
        }
        out
    }

    /// The offers of `model`: the providers other than its own that serve it.
    pub(crate) fn offers_of(self, model: &Model) -> Vec<&'c Offer> {
        let mut out: Vec<&'c Offer> = Vec::new();
        if model.index < BUILTIN_MODELS {
            out.extend(
                model
                    .builtin_offers()
                    .iter()
                    .filter_map(|&i| OFFERS.get(i as usize)),
            );
        }
        if let Some(o) = self.0 {
            if let Some(list) = o.offers_by_model.get(&model.index) {
                out.extend(list.iter().map(|&i| &o.offers[i as usize]));
            }
        }
        out
    }

    /// The hit for model `m` matched as `matched`, sending `upstream`.
    fn hit(
        self,
        m: &'c Model,
        matched: MatchKind,
        key_override: bool,
        upstream: &'c str,
    ) -> ModelHit<'c> {
        let home = self.provider_at(m.provider_index);
        ModelHit {
            model: m,
            matched,
            key_override,
            upstream,
            home,
            home_replaced: self.replaced(home),
        }
    }

    /// The hit for an overlay key.
    fn overlay_hit(self, h: Hit) -> ModelHit<'c> {
        let m = self.model_at(h.index);
        let upstream = match m.served_list().get(h.served as usize) {
            Some(s) if h.kind == MatchKind::ServedName => s.id(),
            _ => m.upstream_id(),
        };
        self.hit(m, h.kind, h.overrides, upstream)
    }
}

impl<'c> View<'c> for Tables<'c> {
    fn model_key(self, name: &str) -> Option<ModelHit<'c>> {
        if let Some(o) = self.0 {
            if let Some(h) = with_folded(name, |k| o.model_keys.get(k).copied()) {
                return Some(self.overlay_hit(h));
            }
        }
        builtin::model_key_upstream(name).map(|(m, k, up)| self.hit(m, k, false, up))
    }

    fn model_key_at(self, p: &'c Provider, name: &str) -> Option<ModelHit<'c>> {
        let scoped = self.0.and_then(|o| {
            let keys = o.scoped_keys.get(&p.index)?;
            with_folded(name, |k| keys.get(k).copied())
        });
        match scoped {
            Some(h) => Some(self.overlay_hit(h)),
            None => self.model_key(name),
        }
    }

    fn provider_key(self, name: &str) -> Option<ProviderHit<'c>> {
        let hit = |p: &'c Provider, matched, overrides: bool| ProviderHit {
            provider: p,
            matched,
            replaced: overrides || self.replaced(p),
        };
        if let Some(o) = self.0 {
            if let Some(h) = with_folded(name, |k| o.provider_keys.get(k).copied()) {
                return Some(hit(self.provider_at(h.index), h.kind, h.overrides));
            }
        }
        builtin::provider_key(name).map(|(p, k)| hit(self.provider_at(p.index), k, false))
    }

    fn serves(self, p: &'c Provider, hit: &ModelHit<'c>) -> Option<Serving<'c>> {
        let m = hit.model;
        if m.provider_index == p.index {
            return Some(Serving {
                upstream: hit.upstream,
                offer: None,
            });
        }
        let offer = self
            .offers_of(m)
            .into_iter()
            .find(|o| o.provider_index == p.index)?;
        Some(Serving {
            upstream: offer.upstream_id(),
            offer: Some(offer),
        })
    }

    fn names_served_by(self, p: &'c Provider, f: &mut dyn FnMut(&'c str)) {
        for m in self.own_models(p) {
            builtin::model_names_for_near_miss(m, f);
        }
        for o in self.provider_offers(p) {
            f(o.upstream_id());
        }
    }

    fn lists_models(self, p: &'c Provider) -> bool {
        p.lists_models()
            || self.0.is_some_and(|o| {
                o.models_by_provider.contains_key(&p.index)
                    || o.offers_by_provider.contains_key(&p.index)
            })
    }

    fn offered_by(self, m: &'c Model) -> Vec<String> {
        let mut ids = vec![self.provider_at(m.provider_index).id().to_owned()];
        ids.extend(
            self.offers_of(m)
                .into_iter()
                .map(|o| o.provider_id().to_owned()),
        );
        ids
    }

    /// The overlay's list of names, made on the first miss and shared by every error: an
    /// error keeps those names, not the catalog.
    fn names(self) -> Source {
        match self.0 {
            Some(o) => Source::with_overlay(
                builtin::name_lists,
                o.names.get_or_init(|| Arc::new(o.name_lists())).clone(),
            ),
            None => Source::builtin(builtin::name_lists),
        }
    }
}
