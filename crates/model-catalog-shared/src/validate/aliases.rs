//! The aliases pass: aliases declared apart from their models, each naming its target model
//! by id.

use super::check::{described, named};
use super::error::DataErrorKind;
use super::holder::Desc;
use super::keys::{shadowing, Shadow};
use super::{too_many_names, Pass, MAX_NAMES_PER_MODEL};
use crate::key::MatchKind;

/// Claims the aliases the documents declare apart from their models.
pub(super) fn pass(pass: &mut Pass<'_, '_>) {
    let (files, base) = (pass.files, pass.base);
    for (doc_index, (file, doc)) in files.iter().enumerate() {
        for a in &doc.aliases {
            let entry = described("alias", &a.alias);
            if !pass.check.name(file, &entry, "alias", &a.alias, false) {
                continue;
            }
            let Some(target) = pass.model_id(&a.target) else {
                pass.check.push(
                    file,
                    &entry,
                    DataErrorKind::DanglingAlias {
                        alias: named(&a.alias).into_owned(),
                        target: named(&a.target).into_owned(),
                    },
                );
                continue;
            };
            let target_home = pass.home(target);
            let desc = Desc::Alias {
                target: &a.target,
                file,
                doc: doc_index,
            };
            let claimed = match target_home.map(|h| shadowing(&a.alias, h, &pass.pkeys, base)) {
                Some(Shadow::Refused(why)) => {
                    pass.check.invalid(file, &entry, "alias", why);
                    continue;
                }
                Some(Shadow::Scoped(scope)) => {
                    pass.scoped
                        .claim(scope, &a.alias, target, MatchKind::Alias, desc)
                }
                _ => pass.mkeys.claim(&a.alias, target, MatchKind::Alias, desc),
            };
            match claimed {
                Ok(()) => {
                    if target < pass.model_base {
                        pass.base_aliases.push((target, &a.alias));
                    } else if let Some(m) = target
                        .checked_sub(pass.model_base)
                        .and_then(|i| pass.models.get_mut(i))
                    {
                        if m.alias_count() >= MAX_NAMES_PER_MODEL {
                            let n = m.alias_count() + 1;
                            pass.check.invalid(file, &entry, "alias", too_many_names(n));
                        } else {
                            m.aliases_apart.push(&a.alias);
                        }
                    }
                }
                Err(clash) => pass
                    .check
                    .duplicate(file, &entry, &a.alias, MatchKind::Alias, clash),
            }
        }
    }
}
