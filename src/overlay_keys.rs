//! [`OverlayKeys`]: the names a run-time catalog adds, in its own tables ([`NameIndex`]),
//! and what tells a lookup that a name the compiled tables found needs no second look.
//!
//! An overlay name equal to a compiled one exists only with the caller's leave to override
//! (the validator refuses any other), so a compiled hit is the answer unless the overlay
//! takes a name of that very model or provider: one bit says so. Names of the whole catalog
//! that hold a separator (`meta-llama/...`) make the overlay's prefix table worth a probe
//! for `provider/model` inputs; without any, it is skipped.

use crate::bits::Bits;
use crate::builtin;
use crate::data::grammar::first_separator;
use crate::data::key::{fold, MatchKind};
use crate::data::validate::KeyRec;
use crate::model::Model;
use crate::name_index::{NameIndex, GLOBAL};
use crate::overlay::Hit;
use std::collections::HashMap;

/// What the prefix table holds for a name: the provider it names, if any, and whether some
/// overlay model name of the whole catalog begins with it and `:`, and with it and `/`.
#[derive(Clone, Copy, Default)]
pub(crate) struct PrefixHit {
    pub(crate) provider: Option<Hit>,
    pub(crate) before: (bool, bool),
}

/// The overlay's names and the bits that let lookups skip them.
#[derive(Default)]
pub(crate) struct OverlayKeys {
    /// Model names: of the whole catalog ([`GLOBAL`]) and scoped to one provider.
    models: NameIndex<Hit>,
    /// Provider names, and the part before the first separator of each model name of the
    /// whole catalog.
    prefixes: NameIndex<PrefixHit>,
    /// Compiled models some of whose names the overlay takes.
    taken_models: Bits,
    /// Compiled providers some of whose names another provider takes.
    taken_providers: Bits,
    /// Compiled models whose hits the overlay changes: a name taken, or the home provider
    /// replaced. A compiled hit on any other model is the answer as it is.
    touched_models: Bits,
    /// Compiled providers whose hits the overlay changes: a name taken, the provider
    /// replaced, or a name of it that begins a model name of the whole catalog before a
    /// separator (the prefix table then has an entry under it).
    touched_providers: Bits,
    /// Providers (catalog index) with names scoped to them.
    scoped: Bits,
    /// Whether some model name of the whole catalog holds a `:` or `/`.
    separators: bool,
}

impl OverlayKeys {
    /// The tables of validated keys `model_keys` and `provider_keys` (folded), for overlay
    /// `models` (model `i` of them has catalog index `model_base + i`), with `replaced` the
    /// compiled providers the overlay replaces.
    pub(crate) fn new(
        model_keys: Vec<KeyRec>,
        provider_keys: Vec<KeyRec>,
        models: &[Model],
        model_base: usize,
        replaced: &Bits,
    ) -> OverlayKeys {
        // Each served name's position among its model's, to find what a hit sends.
        let mut served: Vec<(u32, String, u32)> = models
            .iter()
            .flat_map(|m| {
                let index = m.index;
                m.served_names()
                    .enumerate()
                    .map(move |(k, s)| (index, fold(s.id()), k as u32))
            })
            .collect();
        served.sort_unstable();
        let position = |index: usize, key: &str| {
            let index = u32::try_from(index).ok()?;
            served
                .binary_search_by(|(i, k, _)| (*i, k.as_str()).cmp(&(index, key)))
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
        let mut prefixes: HashMap<String, PrefixHit> = HashMap::new();
        let mut model_entries = Vec::with_capacity(model_keys.len());
        for k in model_keys {
            let h = hit(&k);
            if k.overrides {
                if let Some((m, _)) = builtin::model_key(&k.key) {
                    keys.taken_models.insert(m.index);
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
                        keys.separators = true;
                        let e = prefixes.entry(k.key[..at].to_owned()).or_default();
                        match k.key.as_bytes()[at] {
                            b':' => e.before.0 = true,
                            _ => e.before.1 = true,
                        }
                    }
                    GLOBAL
                }
            };
            model_entries.push((k.key, scope, h));
        }
        for k in provider_keys {
            if k.overrides {
                if let Some((p, _)) = builtin::provider_key(&k.key) {
                    keys.taken_providers.insert(p.index);
                }
            }
            let h = hit(&k);
            prefixes.entry(k.key).or_default().provider = Some(h);
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
        for name in prefixes.keys() {
            if let Some((p, _)) = builtin::provider_key(name) {
                keys.touched_providers.insert(p.index);
            }
        }
        keys.models = NameIndex::new(model_entries);
        keys.prefixes = NameIndex::new(prefixes.into_iter().map(|(k, e)| (k, GLOBAL, e)));
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

    /// The model a name scoped to provider `p` denotes, if `p` has such names.
    #[inline]
    pub(crate) fn scoped(&self, p: u32, name: &str) -> Option<Hit> {
        if !self.scoped.contains(p) {
            return None;
        }
        self.models.get(name, p).copied()
    }

    /// What the prefix table holds for `name`.
    #[inline]
    pub(crate) fn prefix(&self, name: &str) -> Option<&PrefixHit> {
        self.prefixes.get(name, GLOBAL)
    }

    /// The provider a name denotes, among the overlay's names.
    #[inline]
    pub(crate) fn provider(&self, name: &str) -> Option<Hit> {
        self.prefix(name).and_then(|e| e.provider)
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

    /// Whether some model name of the whole catalog holds a separator.
    #[inline(always)]
    pub(crate) fn separators(&self) -> bool {
        self.separators
    }
}
