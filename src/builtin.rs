//! The compiled catalog as the grammar sees it: its tables (decoded by `compiled` and the
//! public types' modules from what build.rs writes) and lookups in them.

use crate::compiled::{text_at, PREFIX_MARKS};
use crate::data::compiled::{Slot, SlotBytes};
use crate::data::folded_hash::{is_marked, mark_of};
use crate::data::grammar::first_separator;
use crate::data::key::MatchKind;
use crate::lookup::{MODEL_KEYS, PREFIX_KEYS};
use crate::names::{NameKind, NameLists};
use crate::suggest::Source;
use crate::view::{Listed, ModelHit, ProviderHit, Serving, View};
use std::sync::OnceLock;

pub(crate) use crate::compiled::SOURCES;
pub(crate) use crate::model::{Model, MODELS};
pub(crate) use crate::offer::{Offer, OFFERS};
pub(crate) use crate::provider::{Provider, PROVIDERS};

/// The model a name (id, upstream id, alias or served name) denotes, ASCII case ignored.
#[inline]
pub(crate) fn model_key(name: &str) -> Option<(&'static Model, MatchKind)> {
    let slot = MODEL_KEYS.get(name)?;
    Some((MODELS.get(slot.index() as usize)?, slot.kind()))
}

/// Whether some model key begins with `name` and `:`, and with `name` and `/`.
pub(crate) fn model_prefix(name: &str) -> (bool, bool) {
    PREFIX_KEYS.get_short(name).map_or((false, false), |slot| {
        (
            slot.before() & Slot::BEFORE_COLON != 0,
            slot.before() & Slot::BEFORE_SLASH != 0,
        )
    })
}

/// The provider a name (id or alias) denotes, ASCII case ignored.
#[inline]
pub(crate) fn provider_key(name: &str) -> Option<(&'static Provider, MatchKind)> {
    provider_hit(name).map(|h| (h.provider, h.matched))
}

/// The provider a name denotes, with what the grammar needs to know of the name.
#[inline]
fn provider_hit(name: &str) -> Option<ProviderHit<'static>> {
    slot_provider(PREFIX_KEYS.get_short(name)?)
}

/// Whether some compiled model key may begin as a string whose prefix mark is `mark`
/// (`folded_hash::mark_of`).
#[inline(always)]
pub(crate) fn marked(mark: u64) -> bool {
    is_marked(&PREFIX_MARKS, mark)
}

/// The prefix slot of `name`, a provider name or a part of model keys before a separator.
#[inline(always)]
pub(crate) fn prefix_slot(name: &str) -> Option<SlotBytes<'static>> {
    PREFIX_KEYS.get_short(name)
}

/// The provider a prefix slot names, if it names one.
#[inline]
pub(crate) fn slot_provider(slot: SlotBytes<'static>) -> Option<ProviderHit<'static>> {
    Some(ProviderHit {
        provider: PROVIDERS.get(slot.index() as usize)?,
        matched: slot.kind(),
        replaced: false,
        overlay_first: false,
    })
}

#[cfg(all(test, feature = "builtin"))]
mod long_keys {
    use crate::compiled::bytes_at;
    use crate::data::compiled::{u32_in, SlotBytes, NONE};
    use crate::lookup::{MODEL_KEYS, PREFIX_KEYS};

    /// Keys longer than 32 bytes are compared beyond their slot's words: in any ASCII case
    /// they find their slot, and a change to a byte of the middle (which the words leave
    /// out) fails the comparison of the middle and does not find it.
    #[test]
    fn keys_longer_than_32_bytes_compare_their_middle() {
        let mut seen = 0;
        for table in [&MODEL_KEYS, &PREFIX_KEYS] {
            for at in 0..table.long.len() / 4 {
                let start = u32_in(table.long, at).expect("a long key's start");
                let slot = SlotBytes::nth(table.slots, at).expect("a slot per long key's start");
                let len = slot.len() as usize;
                if start == NONE {
                    // Only keys longer than 32 bytes are found by their slot's position.
                    assert!(len <= 32, "slot {at}");
                    continue;
                }
                assert!(len > 32, "slot {at}");
                let key = std::str::from_utf8(bytes_at(start, len)).expect("a key");
                seen += 1;
                let upper = key.to_ascii_uppercase();
                let found = table.get(&upper).expect(key);
                assert!(std::ptr::eq(found.bytes(), slot.bytes()), "{key}");
                assert!(table.middle_matches(&upper, at), "{key}");
                for i in 16..key.len() - 16 {
                    let mut bent = key.as_bytes().to_vec();
                    bent[i] = if bent[i] == b'#' { b'%' } else { b'#' };
                    let bent = String::from_utf8(bent).expect("ASCII");
                    // Its words are the key's: only the middle tells them apart.
                    assert!(!table.middle_matches(&bent, at), "{bent}");
                    assert!(
                        !table
                            .get(&bent)
                            .is_some_and(|s| std::ptr::eq(s.bytes(), slot.bytes())),
                        "{bent}"
                    );
                }
            }
        }
        // The built-in catalog has such keys, so the test above ran.
        assert!(seen > 0);
    }
}

#[cfg(all(test, feature = "builtin"))]
mod prefix_marks {
    use super::{marked, MODELS};
    use crate::data::folded_hash::mark_of;
    use crate::data::grammar::first_separator;

    /// Every model name that holds a separator is marked by its part before the first one,
    /// in any ASCII case: `provider/model` strings that are model names are looked up whole.
    #[test]
    fn every_model_name_with_a_separator_is_marked() {
        let mut seen = 0;
        for m in &MODELS {
            let names = [m.id(), m.upstream_id()]
                .into_iter()
                .chain(m.aliases())
                .chain(m.served_names().map(|s| s.id()));
            for name in names {
                let Some(at) = first_separator(name.as_bytes()) else {
                    continue;
                };
                for spelled in [name, &name.to_ascii_uppercase()] {
                    assert!(marked(mark_of(spelled.as_bytes(), at)), "{name}");
                }
                seen += 1;
            }
        }
        // The built-in catalog has such names (`meta-llama/...`), so the test above ran.
        assert!(seen > 0);
    }
}

#[cfg(all(test, feature = "builtin"))]
mod golden {
    /// The compiled catalog is exactly what the shared generator makes of `data/` today:
    /// nothing was edited by hand, and generation is deterministic.
    #[test]
    fn generated_catalog_matches_a_fresh_generation() {
        // The directory the build read (see `model_catalog_build::run`).
        let dir = model_catalog_build::DataDir {
            path: env!("MODEL_CATALOG_BUILT_FROM").into(),
            shown: "data".to_owned(),
        };
        let fresh = model_catalog_build::tables(&dir).expect("tables generate");
        let built = (
            include_str!(concat!(env!("OUT_DIR"), "/catalog.rs")),
            include_str!(concat!(env!("OUT_DIR"), "/catalog.str")),
            &include_bytes!(concat!(env!("OUT_DIR"), "/catalog.bin"))[..],
        );
        assert!(fresh.rust == built.0, "generated Rust differs");
        assert!(fresh.strings == built.1, "generated string table differs");
        assert!(fresh.blob == built.2, "generated records differ");
    }
}

/// Whether `p` serves `m`: `Some(None)` as its home provider, `Some(Some(offer))` through
/// an offer, `None` not at all.
#[inline]
pub(crate) fn offer_of(p: &Provider, m: &'static Model) -> Option<Option<&'static Offer>> {
    if m.provider_index() == p.index {
        return Some(None);
    }
    m.builtin_offers()
        .iter()
        .filter_map(|&i| OFFERS.get(i as usize))
        .find(|o| o.provider_index == p.index)
        .map(Some)
}

/// The compiled catalog's names, for suggestions, gathered on first use.
pub(crate) fn name_lists() -> &'static NameLists {
    static NAMES: OnceLock<NameLists> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut lists = NameLists::default();
        for m in MODELS.iter() {
            lists.models.add_model(m);
        }
        for p in PROVIDERS.iter() {
            lists.providers.add_provider(p);
        }
        lists
    })
}

/// The names of `m` that are model ids (its id, upstream id and served names; not its
/// aliases, which are only other spellings), for near misses.
pub(crate) fn model_names_for_near_miss<'m>(m: &'m Model, f: &mut dyn FnMut(&'m str)) {
    f(m.id());
    if m.upstream_id() != m.id() {
        f(m.upstream_id());
    }
    m.served_names().for_each(|s| f(s.id()));
}

/// What a model slot tells the grammar, without reading the model's record.
#[inline(always)]
pub(crate) fn model_hit(slot: SlotBytes<'static>) -> Option<ModelHit<'static>> {
    Some(ModelHit {
        model: MODELS.get(slot.index() as usize)?,
        matched: slot.kind(),
        key_override: false,
        upstream: text_at(slot.upstream_at(), slot.upstream_len()),
        home: PROVIDERS.get(slot.home() as usize)?,
        home_replaced: false,
    })
}

/// The compiled catalog as the grammar sees it.
#[derive(Clone, Copy)]
pub(crate) struct Builtin;

impl View<'static> for Builtin {
    /// The compiled tables always answer.
    type Pending = std::convert::Infallible;

    // Always inlined: out of line, the model probe of `provider:model` paid a call and
    // returned its hit through memory.
    #[inline(always)]
    fn model_key(self, name: &str) -> Option<ModelHit<'static>> {
        MODEL_KEYS.get(name).and_then(model_hit)
    }

    // Always inlined, for the same reason: the whole-name path is the most common one. The
    // input is hashed first, whether it holds a separator or not, and that hash serves the
    // lookup either way: the probe's loads then do not wait for the search for the
    // separator, whose branches depend on where it is. (Separators found from the words as
    // they were hashed cost more than this search, which most often stops in the first
    // word: resolving the full catalog's ids took 36 to 37 ns a call that way, against 32.)
    #[inline(always)]
    fn whole(self, input: &str) -> Result<Option<ModelHit<'static>>, usize> {
        let scan = MODEL_KEYS.scan(input);
        let Some(at) = first_separator(input.as_bytes()) else {
            return Ok(MODEL_KEYS.get_scanned(input, &scan).and_then(model_hit));
        };
        if !marked(mark_of(input.as_bytes(), at)) {
            return Err(at);
        }
        let hit = MODEL_KEYS.get_scanned(input, &scan).and_then(model_hit);
        hit.map(Some).ok_or(at)
    }

    #[inline]
    fn provider_key(self, name: &str) -> Option<ProviderHit<'static>> {
        provider_hit(name)
    }

    // Always inlined: out of line (as the grammar grew), `provider:model` paid a call.
    #[inline(always)]
    fn prefix(self, name: &str) -> Option<ProviderHit<'static>> {
        prefix_slot(name).and_then(slot_provider)
    }

    fn pending_key_at(
        self,
        _: &ProviderHit<'static>,
        _: &str,
        pending: Self::Pending,
    ) -> Option<ModelHit<'static>> {
        match pending {}
    }

    #[inline]
    fn lists_models(self, p: &'static Provider) -> bool {
        p.lists_models()
    }

    #[inline]
    fn serves(self, p: &'static Provider, hit: &ModelHit<'static>) -> Option<Serving<'static>> {
        if hit.home.index == p.index {
            return Some(Serving {
                upstream: hit.upstream,
                offer: None,
            });
        }
        let offer = offer_of(p, hit.model)??;
        Some(Serving {
            upstream: offer.upstream_id(),
            offer: Some(offer),
        })
    }

    fn names_served_by(self, p: &'static Provider, f: &mut dyn FnMut(&'static str)) {
        for m in &MODELS[p.model_range()] {
            model_names_for_near_miss(m, f);
        }
        for o in &OFFERS[p.offer_range()] {
            f(o.upstream_id());
        }
    }

    fn offered_by(
        self,
        m: &'static Model,
        served: Option<&str>,
        limit: usize,
    ) -> (Vec<&'static Provider>, usize) {
        let mut out = Listed::new(limit);
        if let Some(home) = PROVIDERS.get(m.provider_index() as usize) {
            out.push(home);
        }
        // The compiled catalog's offers of a model are few (its own data).
        for o in builtin_offers_as(m, served) {
            if let Some(p) = PROVIDERS.get(o.provider_index as usize) {
                out.push(p);
            }
        }
        out.done()
    }

    fn names(self, _: NameKind, _: &str) -> Source {
        Source::builtin(name_lists)
    }
}

/// The compiled offers of `m`, those sent under `served` where it is given (ASCII case
/// ignored).
pub(crate) fn builtin_offers_as<'a>(
    m: &'a Model,
    served: Option<&'a str>,
) -> impl Iterator<Item = &'static Offer> + 'a {
    m.builtin_offers()
        .iter()
        .filter_map(|&i| OFFERS.get(i as usize))
        .filter(move |o| served.is_none_or(|s| o.upstream_id().eq_ignore_ascii_case(s)))
}
