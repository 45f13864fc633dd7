//! The models pass: each model's names (id, upstream id, aliases, served names) in the key
//! spaces, and its own fields. A vendor-prefixed name only one provider declares becomes a
//! name of the whole catalog too.

use super::check::{described, named};
use super::error::DataErrorKind;
use super::fields::check_model_fields;
use super::holder::Desc;
use super::keys::{before, shadowing, Shadow};
use super::records::ModelRec;
use super::{Declared, Pass};
use crate::key::{fold, folded, with_folded, MatchKind, MAX_INPUT_LEN};
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::iter;

/// A vendor-prefixed model name that may become a name of the whole catalog: the first claim
/// of it (in document order) that would make it one, and whether another provider declares
/// it too.
struct SharedName<'a> {
    scope: usize,
    first: Declared<'a>,
    several: bool,
    /// The later claims, kept for the scoped pass where another provider declares it too.
    others: Vec<Declared<'a>>,
}

/// A name that compares and hashes as its key (the name folded), without being folded.
struct Folded<'a>(&'a str);

impl PartialEq for Folded<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(other.0)
    }
}

impl Eq for Folded<'_> {}

impl Hash for Folded<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // Folded on the stack when it can be.
        if self.0.len() <= MAX_INPUT_LEN {
            with_folded(self.0, |key| key.hash(state));
        } else {
            fold(self.0).hash(state);
        }
    }
}

/// Claims the names of the models the documents define and checks their fields; settles
/// which provider each document's models belong to.
pub(super) fn pass<'a>(pass: &mut Pass<'a, '_>) {
    let (files, base) = (pass.files, pass.base);
    let mut shared: HashMap<Folded<'a>, SharedName<'a>> = HashMap::with_capacity(pass.scoped_names);
    for (doc_index, (file, doc)) in files.iter().enumerate() {
        let provider = match (&doc.provider, &doc.extends) {
            (Some(_), _) => pass.doc_provider[doc_index],
            (None, Some(ext)) => {
                let found = pass.pkeys.get(ext).map(|(i, _)| i);
                if found.is_none() {
                    pass.check.push(
                        file,
                        "document",
                        DataErrorKind::UnknownProvider {
                            provider: named(ext).into_owned(),
                        },
                    );
                }
                found
            }
            (None, None) => {
                if !doc.models.is_empty() || !doc.offers.is_empty() {
                    pass.check.invalid(
                        file,
                        "document",
                        "provider",
                        "models and offers need a provider: give `provider` or `extends`",
                    );
                }
                None
            }
        };
        pass.doc_provider[doc_index] = provider;
        for m in &doc.models {
            let entry = described("model", &m.id);
            check_model_fields(&mut pass.check, file, &entry, m);
            let index = pass.model_base + pass.models.len();
            let upstream = m.upstream_id.as_deref().unwrap_or(&m.id);
            let names = iter::once((MatchKind::Id, m.id.as_str()))
                .chain(
                    (!upstream.eq_ignore_ascii_case(&m.id))
                        .then_some((MatchKind::UpstreamId, upstream)),
                )
                .chain(m.aliases.iter().map(|a| (MatchKind::Alias, a.as_str())))
                .chain(
                    m.served_names
                        .iter()
                        .map(|s| (MatchKind::ServedName, s.id.as_str())),
                );
            for (kind, name) in names {
                let field = match kind {
                    MatchKind::Id => "id",
                    MatchKind::UpstreamId => "upstream_id",
                    MatchKind::ServedName => "served_names",
                    _ => "alias",
                };
                if !pass.check.name(file, &entry, field, name, false) {
                    continue;
                }
                let desc = Desc::Model {
                    kind,
                    id: &m.id,
                    file,
                    doc: doc_index,
                };
                let claimed = match provider.map(|h| shadowing(name, h, &pass.pkeys, base)) {
                    Some(Shadow::Refused(why)) => {
                        pass.check.invalid(file, &entry, field, why);
                        continue;
                    }
                    Some(Shadow::Scoped(scope)) => {
                        // A vendor-prefixed name no provider and no base entry has may
                        // also be a name of the whole catalog, if only this provider
                        // declares it (decided once every model is read).
                        let key = folded(name);
                        let vendor = before(name, b'/').unwrap_or("");
                        if pass.pkeys.get(vendor).is_none() && pass.mkeys.base_key(&key).is_none() {
                            let declared = Declared {
                                name,
                                index,
                                kind,
                                desc: desc.clone(),
                            };
                            match shared.entry(Folded(name)) {
                                Entry::Occupied(mut held) => {
                                    let held = held.get_mut();
                                    held.several |= held.scope != scope;
                                    held.others.push(declared);
                                }
                                Entry::Vacant(slot) => {
                                    slot.insert(SharedName {
                                        scope,
                                        first: declared,
                                        several: false,
                                        others: Vec::new(),
                                    });
                                }
                            }
                        }
                        pass.scoped.claim_folded(scope, key, index, kind, desc)
                    }
                    _ => pass.mkeys.claim(name, index, kind, desc),
                };
                if let Err(clash) = claimed {
                    pass.check.duplicate(file, &entry, name, kind, clash);
                }
            }
            if !m.redundant_aliases.is_empty() {
                let mut own: Vec<&str> = vec![&m.id, upstream];
                own.extend(m.aliases.iter().map(String::as_str));
                own.extend(m.served_names.iter().map(|s| s.id.as_str()));
                pass.check
                    .redundant(file, &entry, &m.redundant_aliases, &own);
            }
            pass.models.push(ModelRec {
                file,
                provider: provider.unwrap_or(usize::MAX),
                entry: m,
                upstream_id: upstream,
                aliases_apart: Vec::new(),
            });
        }
    }

    // Vendor-prefixed names declared by one provider only are names of the whole catalog
    // too; declared by several, they stay reachable through each provider only. Each key's
    // claims are kept in document order: the first is the one that takes the name. The
    // names are distinct keys, so the order they are claimed in changes nothing.
    for (Folded(name), held) in shared {
        let first = held.first;
        if !held.several {
            // Within one provider a repeat is already reported by the scoped claim.
            let _ = pass.mkeys.claim(name, first.index, first.kind, first.desc);
            continue;
        }
        // Kept for the scoped pass, which checks that no declaring provider serves
        // another's model (`scoped::several`).
        let mut declared = vec![first];
        declared.extend(held.others);
        for d in declared.iter().filter(|d| d.kind == MatchKind::Id) {
            pass.several_ids
                .entry(fold(d.name))
                .and_modify(|held| {
                    if *held != Some(d.index) {
                        *held = None;
                    }
                })
                .or_insert(Some(d.index));
        }
        pass.several.push(declared);
    }
}
