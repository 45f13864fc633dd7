//! The validator: parses data documents and checks a set of them forms a consistent catalog.
//!
//! model-catalog's build runs it over `data/` and refuses to build on any error; run-time
//! overlays run the same code. Every error names the document and the entry.
//!
//! A validation is one pass per kind of entry, in this order, each claiming the names of its
//! entries in the key spaces (module `keys`) and collecting every error found (`check`):
//! providers, models, aliases declared apart, offers, names scoped to a provider (`scoped`,
//! once every name is claimed) and successors. The entries' own fields
//! are checked on the way (`fields`). Only then, when nothing was wrong, are models and
//! offers grouped by provider into a [`Validated`] catalog.

mod aliases;
mod check;
mod error;
mod fields;
mod holder;
mod keys;
mod models;
mod offers;
mod parse;
mod providers;
mod records;
mod scoped;
mod successors;
#[cfg(test)]
mod tests;

pub use error::{DataError, DataErrorKind};
pub use keys::{Base, ImportedLeave, Overrides};
pub use parse::{from_value, parse_file, read_error};
pub use records::{KeyRec, ModelRec, OfferRec, ProviderRec, Validated};

use crate::grammar::served_name_in;
use crate::key::MatchKind;
use crate::schema::{DataFile, ProviderEntry};
use check::Check;
use keys::{KeySpace, Leave, NoBase, ScopedKeys, Space};
use std::borrow::Cow;
use std::collections::HashMap;

/// Validates a set of documents as one whole catalog.
///
/// Returns every error found, in document order, or the catalog, which borrows from
/// `files`.
pub fn validate(files: &[(String, DataFile)]) -> Result<Validated<'_>, Vec<DataError>> {
    validate_over(&NoBase, &Overrides::default(), files)
}

/// Validates documents on top of `base`: names must not collide with the base's (ASCII case
/// ignored) unless `overrides` allows it for the base entry that holds them; `extends`,
/// alias targets, offers and successors may name base entries.
///
/// Returns every error found, in document order, or the catalog, which borrows from
/// `files`.
pub fn validate_over<'a>(
    base: &dyn Base,
    overrides: &Overrides,
    files: &'a [(String, DataFile)],
) -> Result<Validated<'a>, Vec<DataError>> {
    let leave = Leave::new(overrides, files.len());
    let mut pass = Pass {
        files,
        base,
        leave: &leave,
        check: Check { errors: Vec::new() },
        provider_base: base.provider_count(),
        model_base: base.model_count(),
        doc_provider: vec![None; files.len()],
        pkeys: KeySpace::new(Space::Providers, base, &leave),
        mkeys: KeySpace::new(Space::Models, base, &leave),
        scoped: ScopedKeys::default(),
        providers: Vec::new(),
        models: Vec::with_capacity(files.iter().map(|(_, d)| d.models.len()).sum()),
        offers: Vec::new(),
        base_aliases: Vec::new(),
        scoped_names: 0,
        several: Vec::new(),
        several_ids: HashMap::new(),
    };
    // Room for every model's id, upstream id, aliases and served names.
    let (models, model_names) =
        files
            .iter()
            .flat_map(|(_, d)| &d.models)
            .fold((0, 0), |(models, names), m| {
                let others = usize::from(m.upstream_id.is_some()) + m.aliases.len();
                (models + 1, names + 1 + others + m.served_names.len())
            });
    pass.mkeys.reserve(model_names);
    // On top of a base, names with a `/` may be scoped to a provider: room for as many as
    // there are names besides the models' ids (counted, not read: reading every name here
    // would cost more than growing the tables).
    if base.provider_count() > 0 {
        pass.scoped_names = model_names - models;
        pass.scoped.reserve(pass.scoped_names);
    }
    providers::pass(&mut pass);
    models::pass(&mut pass);
    aliases::pass(&mut pass);
    offers::pass(&mut pass);
    scoped::pass(&mut pass);
    successors::pass(&mut pass);
    if !pass.check.errors.is_empty() {
        return Err(pass.check.errors);
    }
    Ok(pass.finish())
}

/// The most aliases a model may have (its own and those declared apart together), and the
/// most served names: the catalog's records count each in 16 bits.
pub const MAX_NAMES_PER_MODEL: usize = u16::MAX as usize;

/// Why a model with `n` aliases or served names is refused.
fn too_many_names(n: usize) -> String {
    format!("holds {n} names, more than the {MAX_NAMES_PER_MODEL} a model may have")
}

/// A model's declaration of a name scoped to its provider.
struct Declared<'a> {
    name: &'a str,
    index: usize,
    kind: MatchKind,
    desc: holder::Desc<'a>,
}

/// Provider ids by catalog index: the documents' providers', else the base's, for errors.
struct ProviderIds<'a, 'b> {
    ids: HashMap<usize, &'a str>,
    base: &'b dyn Base,
}

impl<'a> ProviderIds<'a, '_> {
    /// The id of provider `index`.
    fn id(&self, index: usize) -> Cow<'a, str> {
        match self.ids.get(&index) {
            Some(id) => Cow::Borrowed(*id),
            None => Cow::Owned(self.base.provider_id(index).unwrap_or_default()),
        }
    }
}

/// A provider a document defines, before its models and offers are grouped.
struct NewProvider<'a> {
    file: &'a str,
    /// The position of that document.
    doc: usize,
    index: usize,
    overrides: bool,
    entry: &'a ProviderEntry,
}

/// What the passes of one validation share: the documents and the base, the errors found,
/// the names claimed, and the entries read so far.
struct Pass<'a, 'b> {
    files: &'a [(String, DataFile)],
    base: &'b dyn Base,
    /// The caller's leave, per document.
    leave: &'b Leave<'b>,
    check: Check,
    /// How many providers the base has; new providers' indexes start here.
    provider_base: usize,
    /// How many models the base has; new models' indexes start here.
    model_base: usize,
    /// The provider each document's models and offers belong to (combined space).
    doc_provider: Vec<Option<usize>>,
    /// Provider names.
    pkeys: KeySpace<'a, 'b>,
    /// Model names of the whole catalog.
    mkeys: KeySpace<'a, 'b>,
    /// Model names reachable only through one provider.
    scoped: ScopedKeys<'a>,
    providers: Vec<NewProvider<'a>>,
    /// Models in document order: model `model_base + i` is `models[i]` until [`finish`]
    /// regroups them by provider.
    ///
    /// [`finish`]: Pass::finish
    models: Vec<ModelRec<'a>>,
    offers: Vec<OfferRec<'a>>,
    /// Aliases declared apart for models of the base: (model index, alias).
    base_aliases: Vec<(usize, &'a str)>,
    /// On top of a base, how many of the models' names may be scoped to a provider, at most
    /// (0 without a base).
    scoped_names: usize,
    /// The vendor-prefixed names that several providers' models declare (each scoped to
    /// its provider, none a name of the whole catalog): each name's declarations.
    several: Vec<Vec<Declared<'a>>>,
    /// The model ids among those names, folded: the model each denotes (`None` where two
    /// models have it), so that offers, aliases and successors still name it by id.
    several_ids: HashMap<String, Option<usize>>,
}

impl<'a, 'b> Pass<'a, 'b> {
    /// The ids of the providers, once the providers pass has run.
    fn provider_ids(&self) -> ProviderIds<'a, 'b> {
        ProviderIds {
            ids: self
                .providers
                .iter()
                .map(|p| (p.index, p.entry.id.as_str()))
                .collect(),
            base: self.base,
        }
    }

    /// The model a target id names, here or in the base.
    fn model_id(&self, id: &str) -> Option<usize> {
        self.mkeys
            .get(id)
            .filter(|(_, k)| *k == MatchKind::Id)
            .map(|(i, _)| i)
            .or_else(|| *self.several_ids.get(&crate::key::fold(id))?)
    }

    /// Whether `name` is a served name of model `index` (defined here or in the base) behind
    /// a vendor prefix: its part after the last `/` is one, ASCII case ignored.
    fn served_behind_prefix(&self, index: usize, name: &str) -> bool {
        if !name.contains('/') {
            return false;
        }
        match index.checked_sub(self.model_base) {
            Some(i) => self.models.get(i).is_some_and(|m| {
                served_name_in(name, m.entry.served_names.iter().map(|s| s.id.as_str())).is_some()
            }),
            None => self.base.serves_as(index, name),
        }
    }

    /// The home provider of a model, here or in the base.
    fn home(&self, index: usize) -> Option<usize> {
        index
            .checked_sub(self.model_base)
            .and_then(|i| self.models.get(i))
            .map(|m| m.provider)
            .or_else(|| self.base.model_provider(index))
    }

    /// The validated catalog: models grouped by provider index (document order within each
    /// provider), offers likewise, and every key with the models' new indexes.
    fn finish(self) -> Validated<'a> {
        let Pass {
            provider_base,
            model_base,
            providers,
            mut models,
            mut offers,
            mkeys,
            scoped,
            pkeys,
            base_aliases,
            ..
        } = self;
        let mut order: Vec<usize> = (0..models.len()).collect();
        order.sort_by_key(|&i| models[i].provider);
        let mut new_index = vec![0; models.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        let remap = |i: usize| {
            if i < model_base {
                i
            } else {
                model_base + new_index[i - model_base]
            }
        };
        // The same stable sort as `order`'s, moving the records only when they are not in
        // provider order already.
        if !models.is_sorted_by_key(|m| m.provider) {
            models.sort_by_key(|m| m.provider);
        }
        for o in &mut offers {
            o.model = remap(o.model);
        }
        offers.sort_by_key(|o| o.provider);
        let providers = providers
            .into_iter()
            .map(|p| ProviderRec {
                models: models.partition_point(|m| m.provider < p.index)
                    ..models.partition_point(|m| m.provider <= p.index),
                offers: offers.partition_point(|o| o.provider < p.index)
                    ..offers.partition_point(|o| o.provider <= p.index),
                file: p.file,
                index: p.index,
                overrides: p.overrides,
                entry: p.entry,
            })
            .collect();
        Validated {
            provider_base,
            model_base,
            providers,
            models,
            offers,
            model_keys: {
                let scoped = scoped.into_keys(remap);
                let mut keys = mkeys.into_keys(remap, scoped.len());
                keys.extend(scoped);
                keys
            },
            provider_keys: pkeys.into_keys(|i| i, 0),
            base_aliases,
        }
    }
}
