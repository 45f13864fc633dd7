//! A catalog with an overlay as the grammar sees it ([`Overlaid`], a [`View`]): the compiled
//! tables probed first, as the free functions probe them, and the overlay's own only when
//! they can change the answer.
//!
//! A name the compiled tables find is the answer unless the overlay takes a name of that
//! model or provider (with leave to override), replaces its (home) provider, or holds model
//! names that begin with that provider's name: one bit per compiled model, and one byte
//! of flags per compiled provider, tell ([`OverlayKeys`](crate::overlay_keys::OverlayKeys)),
//! and only then does the lookup go on, out of line. Only names they do not find, or
//! that the overlay takes, are looked up in the overlay's tables, hashed under their own
//! seed. So built-in names cost about what they cost the free functions, and custom names
//! one more pass and probe.

use crate::builtin::{self, Builtin, OFFERS};
use crate::data::compiled::SlotBytes;
use crate::data::folded_hash::mark_of;
use crate::data::grammar::first_separator;
use crate::data::key::MatchKind;
use crate::lookup::MODEL_KEYS;
use crate::model::Model;
use crate::names::NameKind;
use crate::offer::Offer;
use crate::overlay::{Hit, Overlay, BUILTIN_MODELS, BUILTIN_PROVIDERS};
use crate::overlay_keys::{COMPILED, OWN, TOUCHED};
use crate::provider::Provider;
use crate::suggest::Source;
use crate::tables::Tables;
use crate::view::{Listed, ModelHit, ProviderHit, Serving, View};
use std::sync::Arc;

/// What a model name denotes in a catalog with an overlay, before the hit is made: 16
/// bytes, so that the paths that find it (the common one inline, the others out of line)
/// join in registers. Joined as [`ModelHit`]s, the hit of the common path was stored to
/// the stack field by field and read back whole, which waited for the stores
/// (store-to-load forwarding fails on such reads).
#[derive(Clone, Copy)]
enum Key {
    /// A compiled model's key (its home provider may be replaced).
    Builtin(SlotBytes<'static>),
    /// An overlay key.
    Overlay(Hit),
}

/// What a model part's lookup after a provider's name leaves for the overlay
/// (`View::compiled_key_at`).
#[derive(Clone, Copy)]
pub(crate) enum Pending {
    /// The provider's model names are looked up in the overlay first
    /// ([`ProviderHit::overlay_first`]).
    OverlayFirst,
    /// The compiled tables' slot for the name (if they found one), which the overlay may
    /// change.
    Compiled(Option<SlotBytes<'static>>),
}

/// A catalog with an overlay, as the grammar sees it: [`Tables`] known to hold one, so that
/// no lookup tests for it again (run-time catalogs resolve through this; queries, routes and
/// policies find provider names through it or [`Builtin`], [`Tables::provider_key`]).
#[derive(Clone, Copy)]
pub(crate) struct Overlaid<'c>(pub(crate) &'c Overlay);

impl<'c> Overlaid<'c> {
    /// The catalog's tables.
    #[inline(always)]
    fn tables(self) -> Tables<'c> {
        Tables(Some(self.0))
    }

    /// A compiled model's hit in this catalog: its home provider is the overlay's
    /// replacement where there is one.
    #[inline(always)]
    fn builtin_hit(self, hit: ModelHit<'static>) -> ModelHit<'c> {
        if !self.0.replaces(hit.home.index) {
            return hit;
        }
        let home = self.tables().provider_at(hit.home.index);
        ModelHit {
            home,
            home_replaced: true,
            ..hit
        }
    }

    /// The hit for an overlay key. Always inlined, for the reason [`Key`] gives.
    #[inline(always)]
    fn overlay_hit(self, h: Hit) -> ModelHit<'c> {
        let t = self.tables();
        let m = t.model_at(h.index);
        let upstream = match h.kind {
            MatchKind::ServedName => served_upstream(m, h.served),
            _ => m.upstream_id(),
        };
        let home = t.provider_at(m.provider_index());
        ModelHit {
            model: m,
            matched: h.kind,
            key_override: h.overrides,
            upstream,
            home,
            home_replaced: t.replaced(home),
        }
    }

    /// The hit a key makes.
    #[inline(always)]
    fn key_hit(self, key: Key) -> Option<ModelHit<'c>> {
        match key {
            Key::Builtin(s) => builtin::model_hit(s).map(|h| self.builtin_hit(h)),
            Key::Overlay(h) => Some(self.overlay_hit(h)),
        }
    }

    /// [`View::whole`] for an input that holds a separator, the first at `at`: hashed for
    /// the compiled tables only where they may hold it.
    ///
    /// One load for both bitmaps' marks. Where only the compiled one has it, the overlay
    /// holds no such name of the whole catalog (each of its own is marked): its names are
    /// not looked up.
    #[inline(always)]
    fn separated_model_key(self, input: &str, at: usize) -> Option<ModelHit<'c>> {
        let o = self.0;
        let marks = o.keys.marked(mark_of(input.as_bytes(), at));
        if marks == 0 {
            return None;
        }
        let slot = if marks & COMPILED != 0 {
            MODEL_KEYS.get(input)
        } else {
            None
        };
        if let Some(s) = slot {
            match builtin::model_hit(s) {
                Some(h) if !o.keys.touches_model(s.index()) => return Some(h),
                _ => {}
            }
        }
        let key = if marks & OWN != 0 {
            Self::overlay_model(o, input, slot)?
        } else {
            // A compiled model the overlay touches, under a name the overlay cannot hold.
            Key::Builtin(slot?)
        };
        self.key_hit(key)
    }

    /// The answer for `name` when the compiled tables alone give it, given their slot for
    /// it: the slot's hit where the overlay leaves its model; else `None`, and the overlay
    /// is looked at ([`Overlaid::overlay_model`]).
    #[inline(always)]
    fn compiled_answer(
        o: &Overlay,
        name: &str,
        slot: Option<SlotBytes<'static>>,
    ) -> Option<Option<ModelHit<'static>>> {
        match slot {
            // The hit is made before the bit is read: its test of the index bounds the
            // bit's word as well.
            Some(s) => match builtin::model_hit(s) {
                Some(h) if !o.keys.touches_model(s.index()) => Some(Some(h)),
                _ => None,
            },
            // No overlay name has this length: nothing to look up (pass-throughs and
            // misses, in an overlay of few names).
            None if !o.keys.may_name_model(name) => Some(None),
            None => None,
        }
    }

    /// The hit for `name`, given the compiled tables' slot for it: the slot's own unless
    /// the overlay may change it (tested inline), else the overlay's key out of line.
    #[inline(always)]
    fn with_overlay(self, name: &str, slot: Option<SlotBytes<'static>>) -> Option<ModelHit<'c>> {
        if let Some(answer) = Self::compiled_answer(self.0, name, slot) {
            return answer;
        }
        self.key_hit(Self::overlay_model(self.0, name, slot)?)
    }

    /// The key `name` denotes, the overlay's names looked up first.
    #[inline(never)]
    fn overlay_first(o: &'c Overlay, name: &str) -> Option<Key> {
        if let Some(h) = o.keys.model(name) {
            return Some(Key::Overlay(h));
        }
        MODEL_KEYS.get(name).map(Key::Builtin)
    }

    /// The overlay's key for `name`, else the compiled tables' slot (if they found one) as
    /// the overlay changes it.
    #[inline(never)]
    fn overlay_model(o: &'c Overlay, name: &str, slot: Option<SlotBytes<'static>>) -> Option<Key> {
        if let Some(s) = slot.filter(|s| !o.keys.takes_model(s.index())) {
            return Some(Key::Builtin(s));
        }
        match o.keys.model(name) {
            Some(h) => Some(Key::Overlay(h)),
            None => slot.map(Key::Builtin),
        }
    }

    /// The key `name` denotes when provider `p` is named and its model part is looked up in
    /// the overlay first ([`ProviderHit::overlay_first`]).
    #[inline(never)]
    fn provider_model(o: &'c Overlay, p: u32, name: &str) -> Option<Key> {
        if let Some(h) = o.keys.scoped(p, name) {
            return Some(Key::Overlay(h));
        }
        // A run-time provider's models are most often the overlay's: looked up there
        // first. A name of the overlay's is its answer whatever the compiled tables
        // hold (an overlay name equal to a compiled one exists only with leave to
        // override, and marks that compiled model as taken).
        if p >= BUILTIN_PROVIDERS {
            return Self::overlay_first(o, name);
        }
        let slot = MODEL_KEYS.get(name);
        match slot {
            Some(s) if !o.keys.touches_model(s.index()) => Some(Key::Builtin(s)),
            None if !o.keys.may_name_model(name) => None,
            _ => Self::overlay_model(o, name, slot),
        }
    }

    /// Whether the model part after provider `index`'s name is looked up in the overlay
    /// first: a run-time provider's, or a provider's with names scoped to it.
    #[inline]
    fn overlay_first_for(self, index: u32) -> bool {
        index >= BUILTIN_PROVIDERS || self.0.keys.has_scoped(index)
    }

    /// A compiled provider's hit in this catalog: the overlay's replacement where there is
    /// one.
    #[inline(always)]
    fn builtin_provider(self, hit: ProviderHit<'static>) -> ProviderHit<'c> {
        let index = hit.provider.index;
        let overlay_first = self.overlay_first_for(index);
        if !self.0.replaces(index) {
            return ProviderHit {
                overlay_first,
                ..hit
            };
        }
        ProviderHit {
            provider: self.tables().provider_at(index),
            matched: hit.matched,
            replaced: true,
            overlay_first,
        }
    }

    /// The hit for an overlay provider key.
    fn overlay_provider(self, h: Hit) -> ProviderHit<'c> {
        let provider = self.tables().provider_at(h.index);
        ProviderHit {
            provider,
            matched: h.kind,
            replaced: h.overrides || self.tables().replaced(provider),
            overlay_first: self.overlay_first_for(h.index),
        }
    }

    /// The provider `name` denotes when the compiled tables found `found` and the overlay
    /// may change it.
    #[inline(never)]
    fn overlay_provider_key(
        self,
        name: &str,
        found: Option<ProviderHit<'static>>,
    ) -> Option<ProviderHit<'c>> {
        let o = self.0;
        match found {
            Some(h) if !o.keys.takes_provider(h.provider.index) => Some(self.builtin_provider(h)),
            _ => match o.keys.provider(name) {
                Some(h) => Some(self.overlay_provider(h)),
                None => found.map(|h| self.builtin_provider(h)),
            },
        }
    }
}

impl<'c> Tables<'c> {
    /// The offer by which `p` serves `m`, if there is one.
    fn offer_by(self, p: &Provider, m: &Model) -> Option<&'c Offer> {
        if m.index() < BUILTIN_MODELS {
            let found = m
                .builtin_offers()
                .iter()
                .filter_map(|&i| OFFERS.get(i as usize))
                .find(|o| o.provider_index == p.index);
            if found.is_some() {
                return found;
            }
        }
        self.0?.offer_of_model_by(m.index(), p.index)
    }
}

/// The upstream id a served name of `m` (its `k`th) sends: the model's own where there is
/// no such served name.
#[inline(never)]
fn served_upstream(m: &Model, k: u32) -> &str {
    match m.served_list().get(k as usize) {
        Some(s) => s.id(),
        None => m.upstream_id(),
    }
}

impl<'c> View<'c> for Overlaid<'c> {
    type Pending = Pending;

    // Always inlined, as the compiled tables' own (see `Builtin`). The compiled probe comes
    // first, before the overlay is looked at: made after the overlay's pointer was loaded,
    // custom names' mixed workload took 1 ns more (33.1 to 33.7 ns against 32.0 to 32.1,
    // `overlay/custom/mixed`). `whole` likewise.
    #[inline(always)]
    fn model_key(self, name: &str) -> Option<ModelHit<'c>> {
        let slot = MODEL_KEYS.get(name);
        self.with_overlay(name, slot)
    }

    #[inline(always)]
    fn whole(self, input: &str) -> Result<Option<ModelHit<'c>>, usize> {
        let Some(at) = first_separator(input.as_bytes()) else {
            return Ok(self.model_key(input));
        };
        self.separated_model_key(input, at).map(Some).ok_or(at)
    }

    #[inline]
    fn provider_key(self, name: &str) -> Option<ProviderHit<'c>> {
        // The same lookup as `prefix`, not always inlined where it is not on the hot path.
        self.prefix(name)
    }

    // Always inlined, as the compiled tables' own. The overlay's flags are read on the slot,
    // before the hit is made: made first and then passed on, it went through memory. What
    // they tell of the model part goes on with the hit (`overlay_first`), not tested again.
    #[inline(always)]
    fn prefix(self, name: &str) -> Option<ProviderHit<'c>> {
        let slot = builtin::prefix_slot(name);
        if let Some(s) = slot {
            // A compiled provider's name (not only a part of model keys) the overlay leaves:
            // its flags are then `SCOPED` or none.
            let flags = self.0.keys.compiled_provider(s.index());
            if flags & TOUCHED == 0 {
                return builtin::slot_provider(s).map(|h| ProviderHit {
                    overlay_first: flags != 0,
                    ..h
                });
            }
        }
        self.overlay_provider_key(name, slot.and_then(builtin::slot_provider))
    }

    // The provider's hit tells whether to look in the overlay first; the common case, a
    // compiled provider without scoped names, probes the compiled tables inline.
    #[inline(always)]
    fn compiled_key_at(
        self,
        p: &ProviderHit<'c>,
        name: &str,
    ) -> Result<Option<ModelHit<'c>>, Pending> {
        if p.overlay_first {
            return Err(Pending::OverlayFirst);
        }
        let slot = MODEL_KEYS.get(name);
        Self::compiled_answer(self.0, name, slot).ok_or(Pending::Compiled(slot))
    }

    #[inline(always)]
    fn pending_key_at(
        self,
        p: &ProviderHit<'c>,
        name: &str,
        pending: Pending,
    ) -> Option<ModelHit<'c>> {
        let key = match pending {
            Pending::OverlayFirst => Self::provider_model(self.0, p.provider.index, name)?,
            Pending::Compiled(slot) => Self::overlay_model(self.0, name, slot)?,
        };
        self.key_hit(key)
    }

    #[inline]
    fn serves(self, p: &'c Provider, hit: &ModelHit<'c>) -> Option<Serving<'c>> {
        // The home provider's index, from the hit: the model's record is not read.
        if hit.home.index == p.index {
            return Some(Serving {
                upstream: hit.upstream,
                offer: None,
            });
        }
        let offer = self.tables().offer_by(p, hit.model)?;
        Some(Serving {
            upstream: offer.upstream_id(),
            offer: Some(offer),
        })
    }

    fn names_served_by(self, p: &'c Provider, f: &mut dyn FnMut(&'c str)) {
        let t = self.tables();
        for m in t.own_models(p) {
            builtin::model_names_for_near_miss(m, f);
        }
        for o in t.provider_offers(p) {
            f(o.upstream_id());
        }
    }

    #[inline]
    fn lists_models(self, p: &'c Provider) -> bool {
        p.lists_models() || self.0.lists(p.index)
    }

    fn offered_by(
        self,
        m: &'c Model,
        served: Option<&str>,
        limit: usize,
    ) -> (Vec<&'c Provider>, usize) {
        let (t, o) = (self.tables(), self.0);
        let mut out = Listed::new(limit);
        out.push(t.provider_at(m.provider_index()));
        if m.index() < BUILTIN_MODELS {
            for offer in builtin::builtin_offers_as(m, served) {
                out.push(t.provider_at(offer.provider_index));
            }
        }
        // The overlay's: counted, or found by halving, then only as many read as are listed.
        let list = match served {
            None => o.model_offers(m.index()),
            Some(name) => o.offers_of_model_as(m.index(), name),
        };
        out.extend(list.len(), |k| {
            t.provider_at(o.offers[list[k] as usize].provider_index)
        });
        out.done()
    }

    /// The overlay's list of names, made on the first miss and shared by every error that
    /// may suggest one of them: an error keeps those names, not the catalog.
    fn names(self, kind: NameKind, name: &str) -> Source {
        let o = self.0;
        Source::for_name(
            builtin::name_lists,
            o.names.get_or_init(|| Arc::new(o.name_lists())),
            kind,
            name,
        )
    }
}

/// Queries, routes and policies find a provider's name through the catalog's tables;
/// resolution goes through [`Builtin`] or [`Overlaid`].
impl<'c> Tables<'c> {
    /// The provider a name (id or alias) denotes, ASCII case ignored.
    #[inline]
    pub(crate) fn provider_key(self, name: &str) -> Option<ProviderHit<'c>> {
        match self.0 {
            None => Builtin.provider_key(name),
            Some(o) => Overlaid(o).provider_key(name),
        }
    }
}
