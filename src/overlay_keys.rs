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
use crate::compiled::PREFIX_MARKS;
use crate::data::folded_hash::{mark, mark_words};
use crate::data::grammar::first_separator;
use crate::data::key::{folded, MatchKind};
use crate::data::validate::KeyRec;
use crate::model::Model;
use crate::name_index::{NameIndex, GLOBAL};
use crate::overlay::Hit;
use std::borrow::Cow;

/// How many words [`OverlayKeys::touched_models`] has: one bit per compiled model.
const MODEL_WORDS: usize = builtin::MODELS.len().div_ceil(64);

/// In [`OverlayKeys::compiled_provider`]: the overlay changes the provider's hits (a name
/// taken, or the provider replaced).
pub(crate) const TOUCHED: u8 = 1;
/// In [`OverlayKeys::compiled_provider`]: some model names are scoped to the provider.
pub(crate) const SCOPED: u8 = 2;

/// The overlay's names and the bits that let lookups skip them.
///
/// What the hot paths test is held in the overlay itself, in arrays of fixed length, not
/// behind a pointer: a test is one load from the overlay, and its bound a constant.
pub(crate) struct OverlayKeys {
    /// Model names: of the whole catalog ([`GLOBAL`]) and scoped to one provider.
    models: NameIndex<Hit>,
    /// Provider names.
    providers: NameIndex<Hit>,
    /// The marks of the parts of model names before their first separator, the compiled
    /// tables' and the overlay's (of its names of the whole catalog) together.
    marks: Marks,
    /// Compiled models some of whose names the overlay takes.
    taken_models: Bits,
    /// Compiled providers some of whose names another provider takes.
    taken_providers: Bits,
    /// Compiled models whose hits the overlay changes: a name taken, or the home provider
    /// replaced. A compiled hit on any other model is the answer as it is.
    touched_models: [u64; MODEL_WORDS],
    /// Per compiled provider, what the overlay changes of it: [`TOUCHED`] and [`SCOPED`],
    /// read in one load where two bitsets took two each.
    compiled_providers: [u8; builtin::PROVIDERS.len()],
    /// Providers (catalog index) with names scoped to them.
    scoped: Bits,
}

/// The marks of the compiled tables (`PREFIX_MARKS`) and of the overlay in one bitmap, so
/// that a `provider/model` input reads both in one load, and tests both in one where
/// neither is set: word `w` holds positions `32w..32w + 32`, each as two bits, the compiled
/// tables' then the overlay's. Both are at the size of the larger: a position is the mark's
/// top bits (`folded_hash::mark_bit`), so a bitmap read at twice its size is the same
/// bitmap, each bit twice.
struct Marks {
    words: Box<[u64]>,
    /// The mark's bits below a position.
    shift: u32,
}

impl Marks {
    /// The compiled tables' marks and the overlay's, for the parts before the separator
    /// of `keys` (key and where its first separator is).
    fn new<'k>(keys: impl ExactSizeIterator<Item = (&'k str, usize)>) -> Marks {
        let compiled: &[u32] = &PREFIX_MARKS;
        let len = compiled.len().max(mark_words(keys.len()));
        let mut own = vec![0u32; len];
        for (key, at) in keys {
            mark(&mut own, key.as_bytes(), at);
        }
        // Each compiled bit `i` is bits `i << scale..(i + 1) << scale` here.
        let scale = (len / compiled.len().max(1)).trailing_zeros();
        let compiled_bit = |i: usize| {
            let i = i >> scale;
            compiled
                .get(i / 32)
                .is_some_and(|w| w & (1 << (i % 32)) != 0)
        };
        let words = own
            .iter()
            .enumerate()
            .map(|(w, &own)| {
                let low = match scale {
                    0 => compiled.get(w).copied().unwrap_or(0),
                    // A compiled bit fills whole words.
                    5.. => 0u32.wrapping_sub(u32::from(compiled_bit(32 * w))),
                    _ => (0..32).fold(0, |low, b| low | u32::from(compiled_bit(32 * w + b)) << b),
                };
                spread(low) | spread(own) << 1
            })
            .collect();
        Marks {
            words,
            shift: 64 - (len * 32).trailing_zeros().min(63),
        }
    }

    /// Whether some compiled model key ([`COMPILED`] set), and some model name of the
    /// overlay's ([`OWN`] set), may begin as a string whose prefix mark is `mark`.
    #[inline(always)]
    fn get(&self, mark: u64) -> u64 {
        let p = (mark >> self.shift) as usize;
        self.words
            .get(p / 32)
            .map_or(0, |w| w >> (2 * (p % 32)) & (COMPILED | OWN))
    }
}

/// In [`OverlayKeys::marked`]: some compiled model key may begin so.
pub(crate) const COMPILED: u64 = 1;
/// In [`OverlayKeys::marked`]: some model name of the overlay's may begin so.
pub(crate) const OWN: u64 = 2;

/// The bits of `x` at the even positions of a word: bit `i` at `2i`.
fn spread(x: u32) -> u64 {
    let mut x = u64::from(x);
    x = (x | x << 16) & 0x0000_ffff_0000_ffff;
    x = (x | x << 8) & 0x00ff_00ff_00ff_00ff;
    x = (x | x << 4) & 0x0f0f_0f0f_0f0f_0f0f;
    x = (x | x << 2) & 0x3333_3333_3333_3333;
    (x | x << 1) & 0x5555_5555_5555_5555
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
        let mut taken_models = Bits::new(builtin::MODELS.len());
        let mut taken_providers = Bits::new(builtin::PROVIDERS.len());
        let mut scopes = Vec::new();
        // Global model names with a separator: their entry and where the first is.
        let mut separated = Vec::new();
        let mut model_entries = Vec::with_capacity(model_keys.len());
        for k in model_keys {
            let h = hit(&k);
            if k.overrides {
                if let Some((m, _)) = builtin::model_key(&k.key) {
                    taken_models.insert(m.index());
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
                    taken_providers.insert(p.index);
                }
            }
            let h = hit(&k);
            provider_entries.push((k.key, GLOBAL, h));
        }
        let marks = Marks::new(
            separated
                .iter()
                .map(|&(entry, at)| (&*model_entries[entry].0, at)),
        );
        let mut scoped = Bits::new(scopes.iter().max().map_or(0, |&p| p as usize + 1));
        for p in scopes {
            scoped.insert(p);
        }
        let mut touched_models = [0u64; MODEL_WORDS];
        let mut touch = |i: u32| {
            if let Some(w) = touched_models.get_mut(i as usize / 64) {
                *w |= 1 << (i % 64);
            }
        };
        taken_models.iter().for_each(&mut touch);
        let mut compiled_providers = [0u8; builtin::PROVIDERS.len()];
        for (p, flags) in builtin::PROVIDERS.iter().zip(&mut compiled_providers) {
            if taken_providers.contains(p.index) || replaced.contains(p.index) {
                *flags |= TOUCHED;
            }
            if scoped.contains(p.index) {
                *flags |= SCOPED;
            }
            if replaced.contains(p.index) {
                let (first, end) = p.model_span();
                (first..end).for_each(&mut touch);
            }
        }
        OverlayKeys {
            models: NameIndex::new(model_entries),
            providers: NameIndex::new(provider_entries),
            marks,
            taken_models,
            taken_providers,
            touched_models,
            compiled_providers,
            scoped,
        }
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

    /// Whether some model names are scoped to provider `p`.
    #[inline]
    pub(crate) fn has_scoped(&self, p: u32) -> bool {
        self.scoped.contains(p)
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

    /// Whether some compiled model key ([`COMPILED`] set), and some model name of the
    /// overlay's of the whole catalog ([`OWN`] set), may begin as a string whose prefix mark
    /// is `mark` (`folded_hash::mark_of`; never unset where one does).
    #[inline(always)]
    pub(crate) fn marked(&self, mark: u64) -> u64 {
        self.marks.get(mark)
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
        self.touched_models
            .get(index as usize / 64)
            .is_some_and(|w| w & (1 << (index % 64)) != 0)
    }

    /// What the overlay changes of compiled provider `index`, as a name or as a prefix
    /// ([`TOUCHED`], [`SCOPED`]): [`TOUCHED`] for any other index (a prefix slot that names
    /// no provider), so that one test sends both the rare way.
    #[inline(always)]
    pub(crate) fn compiled_provider(&self, index: u32) -> u8 {
        self.compiled_providers
            .get(index as usize)
            .copied()
            .unwrap_or(TOUCHED)
    }
}

#[cfg(test)]
mod tests {
    use super::{spread, Marks, COMPILED, OWN};
    use crate::compiled::PREFIX_MARKS;
    use crate::data::folded_hash::{is_marked, mark, mark_of, mark_words};

    /// Marks that spread over every bit of a mark, whatever its size.
    fn marks(n: u64) -> impl Iterator<Item = u64> {
        (0..n).map(|i| i.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ i.rotate_left(29))
    }

    /// The combined bitmap answers as the compiled tables' bitmap for every mark, and for the
    /// overlay's names as a bitmap of their own: marked for each of them, and otherwise only
    /// where a bitmap of their own size would be (never more often), at any number of names
    /// (fewer than the compiled parts, as many, many more).
    #[test]
    fn one_bitmap_answers_as_both() {
        for n in [0, 1, 3, 100, 5_000] {
            let keys: Vec<String> = (0..n).map(|i| format!("Part-{i}/model-{i}")).collect();
            let at = |k: &str| k.find('/').unwrap_or(0);
            let m = Marks::new(keys.iter().map(|k| (k.as_str(), at(k))));
            let mut own = vec![0; mark_words(n)];
            for k in &keys {
                mark(&mut own, k.as_bytes(), at(k));
                let got = m.get(mark_of(k.as_bytes(), at(k)));
                assert!(got & OWN != 0, "{k}");
            }
            for mark in marks(100_000) {
                let got = m.get(mark);
                assert_eq!(got & COMPILED != 0, is_marked(&PREFIX_MARKS, mark), "{n}");
                assert!(got & OWN == 0 || is_marked(&own, mark), "{n}");
            }
        }
    }

    #[test]
    fn spread_puts_bit_i_at_2i() {
        for i in 0..32 {
            assert_eq!(spread(1 << i), 1 << (2 * i));
        }
        assert_eq!(spread(u32::MAX), 0x5555_5555_5555_5555);
    }
}
