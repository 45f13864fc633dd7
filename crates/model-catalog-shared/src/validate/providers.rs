//! The providers pass: each provider's id and aliases, its own fields, and whether it
//! replaces a base provider.

use super::check::{described, named};
use super::holder::Desc;
use super::{NewProvider, Pass};
use crate::escape::Esc;
use crate::grammar::FINE_TUNE_PREFIX;
use crate::key::{fold, with_folded, MatchKind};
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

/// Claims the names of the providers the documents define and checks their fields.
pub(super) fn pass(pass: &mut Pass<'_, '_>) {
    let (files, base, leave) = (pass.files, pass.base, pass.leave);
    // How many new providers (not replacements) there are so far, and which base providers
    // are replaced: kept as they go, so that each provider costs the same.
    let mut new_providers = 0;
    let mut replaced: HashSet<usize> = HashSet::new();
    // Which provider each API key variable belongs to (ASCII case ignored, as some systems
    // read variables): the base's, then the documents' in order.
    let mut key_envs: HashMap<String, (usize, String)> = (0..pass.provider_base)
        .filter_map(|i| Some((fold(&base.provider_key_env(i)?), (i, base.provider_id(i)?))))
        .collect();
    for (doc_index, (file, doc)) in files.iter().enumerate() {
        let Some(p) = &doc.provider else { continue };
        let entry = described("provider", &p.id);
        if doc.extends.is_some() {
            pass.check.invalid(
                file,
                &entry,
                "extends",
                "a document has either `provider` or `extends`, not both",
            );
        }
        if !pass.check.name(file, &entry, "id", &p.id, true) {
            continue;
        }
        // A base provider's id names it: replacing it needs leave.
        let mut index = pass.provider_base + new_providers;
        let mut replaces = false;
        // The id passed `check.name`: no longer than a name, folded on the stack.
        if let Some((held, MatchKind::Id, id)) = with_folded(&p.id, |k| base.provider_key(k)) {
            if leave.provider(&id, doc_index) {
                if !replaced.insert(held) {
                    pass.check.invalid(
                        file,
                        &entry,
                        "id",
                        format!("built-in provider `{id}` is replaced twice"),
                    );
                    continue;
                }
                index = held;
                replaces = true;
            }
        }
        let desc = |kind| Desc::Provider {
            kind,
            id: &p.id,
            file,
            doc: doc_index,
        };
        let names = std::iter::once((MatchKind::Id, &p.id))
            .chain(p.aliases.iter().map(|a| (MatchKind::Alias, a)));
        for (kind, name) in names {
            let field = if kind == MatchKind::Id { "id" } else { "alias" };
            if kind == MatchKind::Alias && !pass.check.name(file, &entry, field, name, true) {
                continue;
            }
            if name.eq_ignore_ascii_case(FINE_TUNE_PREFIX) {
                pass.check.invalid(
                    file,
                    &entry,
                    field,
                    "`ft` is reserved: `ft:` begins OpenAI fine-tune ids, which resolve to OpenAI",
                );
                continue;
            }
            if let Err(clash) = pass.pkeys.claim(name, index, kind, desc(kind)) {
                pass.check.duplicate(file, &entry, name, kind, clash);
                continue;
            }
            // A new provider name that base model names begin with would make
            // `name/...` strings ambiguous: the model names would keep winning.
            // A name that passed `check.name`, folded on the stack.
            let (colon, slash) = with_folded(name, |k| base.model_prefix(k));
            if !replaces && (colon || slash) && !leave.prefix(name, doc_index) {
                pass.check.invalid(
                    file,
                    &entry,
                    field,
                    format!(
                        "model names of the catalog begin with `{}{}`, and would keep resolving to their models; allow an override of `{}` to register it anyway",
                        Esc(name),
                        if colon { ":" } else { "/" },
                        Esc(name)
                    ),
                );
            }
        }
        if !p.redundant_aliases.is_empty() {
            let mut own: Vec<&str> = vec![&p.id];
            own.extend(p.aliases.iter().map(String::as_str));
            pass.check
                .redundant(file, &entry, &p.redundant_aliases, &own);
        }
        super::fields::check_provider_fields(&mut pass.check, file, &entry, p);
        if let Some(var) = &p.api_key_env {
            match key_envs.entry(fold(var)) {
                Entry::Vacant(slot) => {
                    slot.insert((index, p.id.clone()));
                }
                // A gateway that reads the variable would send that provider's key to this
                // one's base URL.
                Entry::Occupied(held) => {
                    let (holder, id) = held.get();
                    // Leave for a provider the documents add is recorded among the models'.
                    let allowed = leave.provider(id, doc_index) || leave.model(id, doc_index);
                    if *holder != index && !allowed {
                        pass.check.invalid(
                            file,
                            &entry,
                            "api_key_env",
                            format!(
                                "`{}` holds the API key of provider `{}`, which would be sent to this provider; allow an override of `{}` to use it anyway",
                                Esc(&named(var)),
                                Esc(id),
                                Esc(id)
                            ),
                        );
                    }
                }
            }
        }
        if !replaces {
            new_providers += 1;
        }
        pass.doc_provider[doc_index] = Some(index);
        pass.providers.push(NewProvider {
            file,
            doc: doc_index,
            index,
            overrides: replaces,
            entry: p,
        });
    }
}
