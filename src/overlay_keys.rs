//! [`OverlayKeys`]: the names a run-time catalog adds, in its own tables ([`NameIndex`]),
//! and what tells a lookup that a name the compiled tables found needs no second look.
//!
//! An overlay name equal to a compiled one exists only with the caller's leave to override
//! (the validator refuses any other), so a compiled hit is the answer unless the overlay
//! takes a name of that very model or provider: one bit says so. Names of the whole catalog
//! that hold a separator (`meta-llama/...`) are marked by the part before it, so that a
//! `provider/model` input looks itself up whole only when it may be one.

use crate::bits::Bits;
use crate::builtin;
use crate::data::folded_hash::{is_marked, mark, mark_words};
use crate::data::grammar::first_separator;
use crate::data::key::{folded, MatchKind};
use crate::data::validate::KeyRec;
use crate::model::Model;
use crate::name_index::{NameIndex, GLOBAL};
use crate::overlay::Hit;
use std::borrow::Cow;

/// The overlay's names and the bits that let lookups skip them.
#[derive(Default)]
pub(crate) struct OverlayKeys {
    /// Model names: of the whole catalog ([`GLOBAL`]) and scoped to one provider.
    models: NameIndex<Hit>,
    /// Provider names.
    providers: NameIndex<Hit>,
    /// The marks of the parts of model names of the whole catalog before their first
    /// separator (`model_catalog_shared::folded_hash::mark`).
    marks: Vec<u32>,
    /// Compiled models some of whose names the overlay takes.
    taken_models: Bits,
    /// Compiled providers some of whose names another provider takes.
    taken_providers: Bits,
    /// Compiled models whose hits the overlay changes: a name taken, or the home provider
    /// replaced. A compiled hit on any other model is the answer as it is.
    touched_models: Bits,
    /// Compiled providers whose hits the overlay changes: a name taken, or the provider
    /// replaced.
    touched_providers: Bits,
    /// Providers (catalog index) with names scoped to them.
    scoped: Bits,
}

impl OverlayKeys {
    /// The tables of validated keys `model_keys` and `provider_keys` (folded), for overlay
    /// `models` (model `i` of them has catalog index `model_base + i`), with `replaced` the
    /// compiled providers the overlay replaces.
    pub(crate) fn new(
        model_keys: Vec<KeyRec<'_>>,
        provider_keys: Vec<KeyRec<'_>>,
        models: &[Model],
        model_base: usize,
        replaced: &Bits,
    ) -> OverlayKeys {
        // Each served name's position among its model's, to find what a hit sends.
        let mut served: Vec<(u32, Cow<'_, str>, u32)> = models
            .iter()
            .flat_map(|m| {
                let index = m.index();
                m.served_names()
                    .enumerate()
                    .map(move |(k, s)| (index, folded(s.id()), k as u32))
            })
            .collect();
        served.sort_unstable();
        let position = |index: usize, key: &str| {
            let index = u32::try_from(index).ok()?;
            served
                .binary_search_by(|(i, k, _)| (*i, &**k).cmp(&(index, key)))
                .ok()
                .map(|at| served[at].2)
        };
        let hit = |k: &KeyRec| Hit {
            index: k.index as u32,
            kind: k.kind,
            overrides: k.overrides,
            served: match k.kind {
                MatchKind::ServedName if k.index >= model_base => {
                    position(k.index, &k.key).unwrap_or(u32::MAX)
                }
                _ => u32::MAX,
            },
        };
        let mut keys = OverlayKeys {
            taken_models: Bits::new(builtin::MODELS.len()),
            taken_providers: Bits::new(builtin::PROVIDERS.len()),
            ..OverlayKeys::default()
        };
        let mut scopes = Vec::new();
        // Global model names with a separator: their entry and where the first is.
        let mut separated = Vec::new();
        let mut model_entries = Vec::with_capacity(model_keys.len());
        for k in model_keys {
            let h = hit(&k);
            if k.overrides {
                if let Some((m, _)) = builtin::model_key(&k.key) {
                    keys.taken_models.insert(m.index());
                }
            }
            let scope = match k.scope {
                Some(p) => {
                    let p = u32::try_from(p).unwrap_or(GLOBAL - 1);
                    scopes.push(p);
                    p
                }
                None => {
                    if let Some(at) = first_separator(k.key.as_bytes()) {
                        separated.push((model_entries.len(), at));
                    }
                    GLOBAL
                }
            };
            model_entries.push((k.key, scope, h));
        }
        let mut provider_entries = Vec::with_capacity(provider_keys.len());
        for k in provider_keys {
            if k.overrides {
                if let Some((p, _)) = builtin::provider_key(&k.key) {
                    keys.taken_providers.insert(p.index);
                }
            }
            let h = hit(&k);
            provider_entries.push((k.key, GLOBAL, h));
        }
        keys.marks = vec![0; mark_words(separated.len())];
        for (entry, at) in separated {
            mark(&mut keys.marks, model_entries[entry].0.as_bytes(), at);
        }
        keys.scoped = Bits::new(scopes.iter().max().map_or(0, |&p| p as usize + 1));
        for p in scopes {
            keys.scoped.insert(p);
        }
        keys.touched_models = keys.taken_models.clone();
        keys.touched_providers = keys.taken_providers.clone();
        for p in builtin::PROVIDERS
            .iter()
            .filter(|p| replaced.contains(p.index))
        {
            let (first, end) = p.model_span();
            keys.touched_providers.insert(p.index);
            keys.touched_models.insert_range(first..end);
        }
        keys.models = NameIndex::new(model_entries);
        keys.providers = NameIndex::new(provider_entries);
        keys
    }

    /// The model a name of the whole catalog denotes, among the overlay's names.
    #[inline]
    pub(crate) fn model(&self, name: &str) -> Option<Hit> {
        self.models.get(name, GLOBAL).copied()
    }

    /// Whether some model name of the overlay has the length of `name` (else it names no
    /// model of the overlay, in any scope).
    #[inline(always)]
    pub(crate) fn may_name_model(&self, name: &str) -> bool {
        self.models.may_hold(name)
    }

    /// The model a name scoped to provider `p` denotes, if `p` has such names (tested
    /// inline: most providers have none).
    #[inline(always)]
    pub(crate) fn scoped(&self, p: u32, name: &str) -> Option<Hit> {
        if !self.scoped.contains(p) {
            return None;
        }
        self.scoped_model(p, name)
    }

    /// The model a name scoped to provider `p` denotes.
    #[inline(never)]
    fn scoped_model(&self, p: u32, name: &str) -> Option<Hit> {
        self.models.get(name, p).copied()
    }

    /// Whether some model name of the whole catalog may begin as a string whose prefix mark
    /// is `mark` (`folded_hash::mark_of`; never `false` where one does).
    #[inline(always)]
    pub(crate) fn marked(&self, mark: u64) -> bool {
        is_marked(&self.marks, mark)
    }

    /// The provider a name denotes, among the overlay's names.
    #[inline]
    pub(crate) fn provider(&self, name: &str) -> Option<Hit> {
        self.providers.get(name, GLOBAL).copied()
    }

    /// Whether the overlay takes a name of compiled model `index`.
    #[inline(always)]
    pub(crate) fn takes_model(&self, index: u32) -> bool {
        self.taken_models.contains(index)
    }

    /// Whether another provider takes a name of compiled provider `index`.
    #[inline(always)]
    pub(crate) fn takes_provider(&self, index: u32) -> bool {
        self.taken_providers.contains(index)
    }

    /// Whether the overlay changes the hits of compiled model `index` (see
    /// [`OverlayKeys::touched_models`]).
    #[inline(always)]
    pub(crate) fn touches_model(&self, index: u32) -> bool {
        self.touched_models.contains(index)
    }

    /// Whether the overlay changes the hits of compiled provider `index`, as a name or as a
    /// prefix (see [`OverlayKeys::touched_providers`]).
    #[inline(always)]
    pub(crate) fn touches_provider(&self, index: u32) -> bool {
        self.touched_providers.contains(index)
    }
}
