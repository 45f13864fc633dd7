//! Key spaces: the names (ASCII case folded) that providers and models claim, over the names
//! of the base catalog, and which names a model may take at all (`shadowing`).

use super::holder::{Desc, Holder};
use super::records::KeyRec;
use crate::escape::Esc;
use crate::grammar::{first_separator, is_fine_tune_prefixed};
use crate::key::{fold, folded, with_folded, MatchKind, MAX_INPUT_LEN};
use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::HashMap;

/// A catalog that documents are validated on top of (the compiled one, for run-time
/// overlays). Keys are given ASCII-lowercased.
pub trait Base {
    /// How many providers it has.
    fn provider_count(&self) -> usize;
    /// How many models it has.
    fn model_count(&self) -> usize;
    /// The provider holding a key: its index, which of its names the key is, and its id.
    fn provider_key(&self, key: &str) -> Option<(usize, MatchKind, String)>;
    /// The model holding a key: its index, which of its names the key is, and its id.
    fn model_key(&self, key: &str) -> Option<(usize, MatchKind, String)>;
    /// The index of the provider that defines base model `index`.
    fn model_provider(&self, index: usize) -> Option<usize>;
    /// The id of base provider `index`.
    fn provider_id(&self, index: usize) -> Option<String>;
    /// The environment variable that holds base provider `index`'s API key, if it names one.
    fn provider_key_env(&self, index: usize) -> Option<String> {
        let _ = index;
        None
    }
    /// Whether some base model key begins with `key` and `:`, and with `key` and `/`.
    fn model_prefix(&self, key: &str) -> (bool, bool) {
        let _ = key;
        (false, false)
    }
    /// Whether base provider `provider` offers base model `model`.
    fn offers(&self, provider: usize, model: usize) -> bool {
        let _ = (provider, model);
        false
    }
    /// Whether `name` denotes a served name of base model `model`
    /// ([`served_name_in`](crate::grammar::served_name_in): the name itself, or behind a
    /// vendor prefix).
    fn serves_as(&self, model: usize, name: &str) -> bool {
        let _ = (model, name);
        false
    }
}

/// The empty base.
pub(super) struct NoBase;

impl Base for NoBase {
    fn provider_count(&self) -> usize {
        0
    }
    fn model_count(&self) -> usize {
        0
    }
    fn provider_key(&self, _: &str) -> Option<(usize, MatchKind, String)> {
        None
    }
    fn model_key(&self, _: &str) -> Option<(usize, MatchKind, String)> {
        None
    }
    fn model_provider(&self, _: usize) -> Option<usize> {
        None
    }
    fn provider_id(&self, _: usize) -> Option<String> {
        None
    }
}

/// Base entries the caller allows documents to replace or take names from, by id (ASCII
/// case ignored). Without leave, any collision with a base name is an error.
///
/// `providers` and `models` cover the caller's own documents. Documents read from elsewhere
/// (`imported`: an import's, by position) get only the leave given with them, never the
/// caller's, whatever documents are added or dropped around them
/// ([`Overrides::import`], [`Overrides::retain_documents`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Overrides {
    /// Base provider ids.
    pub providers: Vec<String>,
    /// Base model ids.
    pub models: Vec<String>,
    /// Documents read from elsewhere, each group with the only leave it has.
    pub imported: Vec<ImportedLeave>,
}

/// The documents of one import (by position) and the only leave they have (see
/// [`Overrides`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportedLeave {
    /// The positions of its documents.
    pub documents: Vec<usize>,
    /// Base provider ids.
    pub providers: Vec<String>,
    /// Base model ids.
    pub models: Vec<String>,
}

impl Overrides {
    /// Marks the documents at `documents` as read from elsewhere, with only the leave
    /// `providers` and `models` give.
    pub fn import(
        &mut self,
        documents: std::ops::Range<usize>,
        providers: Vec<String>,
        models: Vec<String>,
    ) {
        if !documents.is_empty() {
            self.imported.push(ImportedLeave {
                documents: documents.collect(),
                providers,
                models,
            });
        }
    }

    /// Follows the documents when only those whose `keep` entry is true stay, in order:
    /// imported documents keep their leave at their new positions.
    pub fn retain_documents(&mut self, keep: &[bool]) {
        let mut new_position = Vec::with_capacity(keep.len());
        let mut next = 0;
        for &k in keep {
            new_position.push(k.then_some(next));
            next += usize::from(k);
        }
        for group in &mut self.imported {
            group.documents = group
                .documents
                .iter()
                .filter_map(|&d| new_position.get(d).copied().flatten())
                .collect();
        }
        self.imported.retain(|g| !g.documents.is_empty());
    }
}

/// The leave of each of `count` documents, as the validator reads it: [`Overrides`] with
/// each document's group found once.
pub(super) struct Leave<'o> {
    overrides: &'o Overrides,
    /// Per document: 0 for the caller's own, `k` for `overrides.imported[k - 1]`.
    group: Vec<u32>,
}

impl<'o> Leave<'o> {
    pub(super) fn new(overrides: &'o Overrides, count: usize) -> Leave<'o> {
        let mut group = vec![0u32; count];
        for (k, g) in overrides.imported.iter().enumerate() {
            for &d in &g.documents {
                if let Some(slot) = group.get_mut(d) {
                    *slot = u32::try_from(k + 1).unwrap_or(u32::MAX);
                }
            }
        }
        Leave { overrides, group }
    }

    /// The provider and model ids document `doc` has leave for.
    fn lists(&self, doc: usize) -> (&'o [String], &'o [String]) {
        let o = self.overrides;
        match self.group.get(doc).copied().unwrap_or(0) {
            0 => (&o.providers, &o.models),
            k => o
                .imported
                .get(k as usize - 1)
                .map_or((&[][..], &[][..]), |g| (&g.providers[..], &g.models[..])),
        }
    }

    /// Whether document `doc` may replace base provider `id` or take its names.
    pub(super) fn provider(&self, id: &str, doc: usize) -> bool {
        self.lists(doc).0.iter().any(|p| p.eq_ignore_ascii_case(id))
    }
    /// Whether document `doc` may take the names of base model `id`.
    pub(super) fn model(&self, id: &str, doc: usize) -> bool {
        self.lists(doc).1.iter().any(|m| m.eq_ignore_ascii_case(id))
    }
    /// Whether document `doc` may add a provider named `name` although model names begin
    /// with it.
    pub(super) fn prefix(&self, name: &str, doc: usize) -> bool {
        self.provider(name, doc) || self.model(name, doc)
    }
}

/// Which namespace a [`KeySpace`] covers.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Space {
    Providers,
    Models,
}

/// A set of folded keys, each held by one entry, over the base's keys: the keys and the
/// entries' descriptions borrow from the documents (`'a`), the base and the caller's leave
/// are `'b`'s.
pub(super) struct KeySpace<'a, 'b> {
    space: Space,
    base: &'b dyn Base,
    leave: &'b Leave<'b>,
    /// Each key claimed, with its position in `holders`: the map's entries stay small.
    map: HashMap<Cow<'a, str>, usize>,
    /// The entries that hold the keys, in the order they were claimed.
    holders: Vec<Holder<'a>>,
}

/// Why a key could not be claimed: another entry holds it (its description).
pub(super) struct Clash(pub(super) String);

impl<'a, 'b> KeySpace<'a, 'b> {
    pub(super) fn new(space: Space, base: &'b dyn Base, leave: &'b Leave<'b>) -> KeySpace<'a, 'b> {
        KeySpace {
            space,
            base,
            leave,
            map: HashMap::new(),
            holders: Vec::new(),
        }
    }

    /// Room for `n` more keys.
    pub(super) fn reserve(&mut self, n: usize) {
        self.map.reserve(n);
        self.holders.reserve(n);
    }

    pub(super) fn base_key(&self, key: &str) -> Option<(usize, MatchKind, String)> {
        base_key(self.space, self.base, key)
    }

    /// Claims `name` for entry `index`. A name a base entry holds is taken over only with
    /// the caller's leave for that entry; a name the same entry already holds in the base is
    /// not claimed again.
    pub(super) fn claim(
        &mut self,
        name: &'a str,
        index: usize,
        kind: MatchKind,
        desc: Desc<'a>,
    ) -> Result<(), Clash> {
        self.claim_folded(folded(name), index, kind, desc)
    }

    /// [`claim`](KeySpace::claim) for a name already folded.
    pub(super) fn claim_folded(
        &mut self,
        key: Cow<'a, str>,
        index: usize,
        kind: MatchKind,
        desc: Desc<'a>,
    ) -> Result<(), Clash> {
        let (space, base, leave) = (self.space, self.base, self.leave);
        let slot = match self.map.entry(key) {
            Entry::Occupied(held) => return Err(Clash(self.holders[*held.get()].desc.to_string())),
            Entry::Vacant(slot) => slot,
        };
        let mut overrides = false;
        if let Some((holder, holder_kind, id)) = base_key(space, base, slot.key()) {
            if holder == index {
                return Ok(());
            }
            let allowed = match space {
                Space::Providers => leave.provider(&id, desc.doc()),
                Space::Models => leave.model(&id, desc.doc()),
            };
            if !allowed {
                let what = if space == Space::Providers {
                    "provider"
                } else {
                    "model"
                };
                return Err(Clash(format!(
                    "the {} of built-in {what} `{id}` (allow an override of `{id}` to replace it)",
                    role(holder_kind)
                )));
            }
            overrides = true;
        }
        slot.insert(self.holders.len());
        self.holders.push(Holder {
            index,
            kind,
            overrides,
            desc,
        });
        Ok(())
    }

    /// The entry a name denotes here or in the base: index and kind.
    pub(super) fn get(&self, name: &str) -> Option<(usize, MatchKind)> {
        let find = |key: &str| self.get_folded(key);
        // Folded on the stack when it can be.
        if name.len() <= MAX_INPUT_LEN {
            with_folded(name, find)
        } else {
            find(&fold(name))
        }
    }

    /// [`get`](KeySpace::get) for a name already folded.
    pub(super) fn get_folded(&self, key: &str) -> Option<(usize, MatchKind)> {
        match self.map.get(key) {
            Some(&at) => Some((self.holders[at].index, self.holders[at].kind)),
            None => self.base_key(key).map(|(i, k, _)| (i, k)),
        }
    }

    /// The keys claimed, sorted by entry and key, in a vector with room for `room` more
    /// (the caller's to append: grown later, it would be copied whole). Keys are unique: the
    /// order is total, whatever the map's.
    pub(super) fn into_keys(self, remap: impl Fn(usize) -> usize, room: usize) -> Vec<KeyRec<'a>> {
        // The keys in the order they were claimed (the one pass in the map's order), then
        // with their holders.
        let names = in_claim_order(self.map, self.holders.len());
        let mut keys: Vec<KeyRec<'a>> = Vec::with_capacity(names.len() + room);
        keys.extend(names.into_iter().zip(&self.holders).map(|(key, h)| KeyRec {
            key,
            index: remap(h.index),
            kind: h.kind,
            overrides: h.overrides,
            scope: None,
        }));
        match by_entry(&keys) {
            // Already by entry (as the models' own names are claimed).
            Some(places) if places.iter().enumerate().all(|(i, &at)| i == at) => {}
            Some(places) => {
                let mut placed = Vec::with_capacity(keys.capacity());
                placed.resize(keys.len(), unset());
                for (k, at) in keys.into_iter().zip(places) {
                    placed[at] = k;
                }
                keys = placed;
            }
            None => keys.sort_unstable_by_key(|k| k.index),
        }
        // Then each entry's few keys by key.
        for entry in keys.chunk_by_mut(|a, b| a.index == b.index) {
            entry.sort_unstable_by(|a, b| a.key.cmp(&b.key));
        }
        keys
    }
}

/// The keys of `map`, each at the position it maps to (`0..len`, each once).
fn in_claim_order<K>(map: HashMap<K, usize>, len: usize) -> Vec<K>
where
    K: Default,
{
    let mut keys: Vec<K> = std::iter::repeat_with(K::default).take(len).collect();
    for (key, at) in map {
        keys[at] = key;
    }
    keys
}

/// Where each of `keys` goes when they are sorted by entry (stably): entries are numbered
/// densely (the base's, then the documents'), so the places are counted, not compared.
/// `None` when the indexes spread far wider than there are keys.
fn by_entry(keys: &[KeyRec<'_>]) -> Option<Vec<usize>> {
    let low = keys.iter().map(|k| k.index).min()?;
    let high = keys.iter().map(|k| k.index).max()?;
    let span = high - low + 1;
    if span > 2 * keys.len() + 64 {
        return None;
    }
    // Where each entry's keys begin: after the keys of the entries before it.
    let mut next = vec![0usize; span + 1];
    for k in keys {
        next[k.index - low + 1] += 1;
    }
    for i in 1..next.len() {
        next[i] += next[i - 1];
    }
    Some(
        keys.iter()
            .map(|k| {
                let place = next[k.index - low];
                next[k.index - low] += 1;
                place
            })
            .collect(),
    )
}

/// A key to be overwritten: what a list of keys placed by position is filled with first.
fn unset<'a>() -> KeyRec<'a> {
    KeyRec {
        key: Cow::Borrowed(""),
        index: 0,
        kind: MatchKind::Id,
        overrides: false,
        scope: None,
    }
}

/// The base entry holding folded `key` in `space`: its index, which of its names the key is,
/// and its id.
fn base_key(space: Space, base: &dyn Base, key: &str) -> Option<(usize, MatchKind, String)> {
    match space {
        Space::Providers => base.provider_key(key),
        Space::Models => base.model_key(key),
    }
}

pub(super) fn role(kind: MatchKind) -> &'static str {
    match kind {
        MatchKind::Id => "id",
        MatchKind::UpstreamId => "upstream id",
        MatchKind::Alias | MatchKind::PassThrough | MatchKind::FineTune => "alias",
        MatchKind::ServedName => "served name",
    }
}

/// Whether a model name may be a key of the whole catalog.
pub(super) enum Shadow {
    /// It may.
    Clear,
    /// It is reachable only through this provider (`provider:name`).
    Scoped(usize),
    /// It is refused, for this reason.
    Refused(String),
}

/// Whether model name `name`, a name served by provider `home`, would shadow another
/// provider's `provider:model` or `provider/model` strings.
///
/// The whole string is matched before any prefix, so a model named `openai:x` would capture
/// `openai:x` from OpenAI. A name whose part before the first `:` names another provider is
/// therefore always refused. Vendor-prefixed names (`openai/gpt-oss-120b`, served by Groq)
/// are normal in the built-in data and are keys of the whole catalog. On top of a base
/// (run-time catalogs), a name with a `/` whose part before the first `/` is not a name of
/// `home` itself (`google/gemma-3-27b-it`, `meta-llama/Llama-3.3-70B-Instruct` at a vLLM
/// provider) is scoped to `home`: `vllm:google/gemma-3-27b-it` reaches it, while the bare
/// string keeps its meaning (here `google`'s pass-through). So such names never collide with
/// another provider's, whatever order the providers are added in. On top of a base, a name
/// that begins with `ft:` (ASCII case ignored) is refused too: the whole string would be
/// matched before the fine-tune rule and capture OpenAI fine-tune ids.
pub(super) fn shadowing(
    name: &str,
    home: usize,
    pkeys: &KeySpace<'_, '_>,
    base: &dyn Base,
) -> Shadow {
    if base.provider_count() > 0 && is_fine_tune_prefixed(name) {
        return Shadow::Refused(format!(
            "`{}` begins with `ft:`, which begins OpenAI fine-tune ids (`ft:<base>:<organization>:<suffix>:<id>`), so it would capture them",
            Esc(name)
        ));
    }
    if let Some(prefix) = before(name, b':') {
        if let Some((owner, _)) = pkeys.get(prefix) {
            if owner != home {
                return Shadow::Refused(format!(
                    "`{}` begins with provider name `{}:`, so it would capture strings addressed to that provider",
                    Esc(name),
                    Esc(prefix)
                ));
            }
        }
    }
    if base.provider_count() > 0 {
        if let Some(prefix) = before(name, b'/') {
            if pkeys.get(prefix).is_none_or(|(owner, _)| owner != home) {
                return Shadow::Scoped(home);
            }
        }
    }
    Shadow::Clear
}

/// The part of `name` before its first `sep` (an ASCII byte), if it holds one.
#[inline]
pub(super) fn before(name: &str, sep: u8) -> Option<&str> {
    let at = name.bytes().position(|b| b == sep)?;
    name.get(..at)
}

/// Why offer upstream id `name` of provider `offering` is refused, if it begins with a name
/// of `offering` itself and a separator (`acme:fast` or `acme/fast` offered by `acme`): the
/// whole string is a name of the offered model, which resolves at the model's home, so it
/// would send strings addressed to `offering` (`acme:fast`) to another provider.
pub(super) fn own_prefix_problem(
    name: &str,
    offering: usize,
    pkeys: &KeySpace<'_, '_>,
) -> Option<String> {
    let at = first_separator(name.as_bytes())?;
    let (owner, _) = pkeys.get(&name[..at])?;
    (owner == offering).then(|| {
        format!(
            "`{}` begins with the offering provider's own name `{}` and a separator, so it would send strings addressed to that provider to the model's home provider",
            Esc(name),
            Esc(&name[..at + 1])
        )
    })
}

/// Model keys reachable only through one provider, each folded and unique within its
/// provider, with the order they were claimed in.
#[derive(Default)]
pub(super) struct ScopedKeys<'a> {
    /// Each key claimed, by provider, with its position in `holders`.
    map: HashMap<(usize, Cow<'a, str>), usize>,
    /// The entries that hold the keys, in the order they were claimed.
    holders: Vec<Holder<'a>>,
}

impl<'a> ScopedKeys<'a> {
    /// Room for `n` more keys.
    pub(super) fn reserve(&mut self, n: usize) {
        self.map.reserve(n);
        self.holders.reserve(n);
    }

    /// Claims folded `key`, reachable through provider `scope`, for entry `index`.
    pub(super) fn claim_folded(
        &mut self,
        scope: usize,
        key: Cow<'a, str>,
        index: usize,
        kind: MatchKind,
        desc: Desc<'a>,
    ) -> Result<(), Clash> {
        match self.map.entry((scope, key)) {
            Entry::Occupied(held) => Err(Clash(self.holders[*held.get()].desc.to_string())),
            Entry::Vacant(slot) => {
                slot.insert(self.holders.len());
                self.holders.push(Holder {
                    index,
                    kind,
                    overrides: false,
                    desc,
                });
                Ok(())
            }
        }
    }

    /// Claims `name`, reachable through provider `scope`, for entry `index`.
    pub(super) fn claim(
        &mut self,
        scope: usize,
        name: &'a str,
        index: usize,
        kind: MatchKind,
        desc: Desc<'a>,
    ) -> Result<(), Clash> {
        self.claim_folded(scope, folded(name), index, kind, desc)
    }

    /// The keys claimed, in no order: each with its scope, its holder and the position of
    /// its claim (the order they were claimed in).
    pub(super) fn claims(&self) -> impl Iterator<Item = (usize, &str, usize, &Holder<'a>)> {
        self.map
            .iter()
            .map(|((scope, key), &at)| (*scope, &**key, at, &self.holders[at]))
    }

    /// Marks the key claimed `at`th ([`claims`](ScopedKeys::claims)) as taking a base
    /// model's name with the caller's leave.
    pub(super) fn overrides(&mut self, at: usize) {
        if let Some(h) = self.holders.get_mut(at) {
            h.overrides = true;
        }
    }

    /// The keys claimed, in the order they were claimed.
    pub(super) fn into_keys(self, remap: impl Fn(usize) -> usize) -> Vec<KeyRec<'a>> {
        in_claim_order(self.map, self.holders.len())
            .into_iter()
            .zip(&self.holders)
            .map(|((scope, key), h)| KeyRec {
                key,
                index: remap(h.index),
                kind: h.kind,
                overrides: h.overrides,
                scope: Some(scope),
            })
            .collect()
    }
}
