//! The scoped pass: a name reachable only through one provider may not be a model name of
//! the whole catalog that denotes another model the provider serves.

use super::check::{described, named};
use super::holder::Desc;
use super::{Declared, Pass};
use crate::escape::Esc;
use crate::key::MatchKind;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// Refuses every scoped name (reachable as `provider:name` only) that is a name of the
/// whole catalog of another model the provider serves, as its home or through an offer, in
/// the base or in the documents: `provider:name` resolves to that model, and would resolve
/// to the scoped name's instead (a document that extends OpenRouter with a model whose
/// upstream id is `openai/gpt-4o` would take `openrouter:openai/gpt-4o` from OpenRouter's
/// offer of GPT-4o). A provider that does not serve the model may name a model of its own
/// so (a vLLM provider's `google/gemma-3-27b-it`): `provider:name` was not an answer of that
/// model there, only `model_not_offered` or a pass-through. Run once every name and offer is
/// claimed, so that the order of the documents changes nothing. With the caller's leave to
/// override the base model that holds the name, the scoped name takes it, as a name of the
/// whole catalog would, and its answers say so.
pub(super) fn pass(pass: &mut Pass<'_, '_>) {
    let offered: HashSet<(usize, usize)> =
        pass.offers.iter().map(|o| (o.provider, o.model)).collect();
    let offering: HashSet<usize> = pass.offers.iter().map(|o| o.provider).collect();
    let serves = |scope: usize, model: usize| {
        pass.home(model) == Some(scope)
            || pass.base.offers(scope, model)
            || offered.contains(&(scope, model))
    };
    let mut refused = Vec::new();
    let mut overriding = Vec::new();
    for (scope, key, at, holder) in pass.scoped.claims() {
        // An offer's id that names another model was refused by the offers pass, which ran
        // after every name of the whole catalog was claimed.
        if matches!(holder.desc, Desc::Offer { .. }) {
            continue;
        }
        // A provider the documents define serves other models only through their offers:
        // the models it defines hold their names of the whole catalog that hold a `/` as
        // its own (its name before the `/`, which this name does not begin with, or it
        // would not be scoped) or as names scoped to it (this name's scope and key: a
        // clash, reported as one). Without offers, the large table of names is not read.
        if scope >= pass.provider_base && !offering.contains(&scope) {
            continue;
        }
        let Some((other, _)) = pass.mkeys.get_folded(key) else {
            continue;
        };
        if other == holder.index || !serves(scope, other) {
            continue;
        }
        let leave = other < pass.model_base
            && pass
                .mkeys
                .base_key(key)
                .is_some_and(|(i, _, id)| i == other && pass.overrides.model(&id));
        if leave {
            overriding.push(at);
        } else {
            refused.push((at, scope, key, holder.desc.clone(), holder.kind));
        }
    }
    // Reported in the order the names were claimed (document order), then those of names
    // several providers declare.
    refused.sort_unstable_by_key(|r| r.0);
    refused.extend(
        several(pass, &offered)
            .into_iter()
            .map(|d| (usize::MAX, d.scope, d.name, d.desc.clone(), d.kind)),
    );
    let ids: HashMap<usize, &str> = match refused.is_empty() {
        true => HashMap::new(),
        false => pass
            .providers
            .iter()
            .map(|p| (p.index, p.entry.id.as_str()))
            .collect(),
    };
    let errors: Vec<_> = refused
        .into_iter()
        .map(|(_, scope, key, desc, kind)| {
            let provider = match ids.get(&scope) {
                Some(id) => Cow::Borrowed(*id),
                None => Cow::Owned(pass.base.provider_id(scope).unwrap_or_default()),
            };
            let why = format!(
                "`{}` is a name of another model this provider serves, so it would change what `{}:{}` resolves to",
                Esc(key),
                Esc(&provider),
                Esc(key)
            );
            (desc, kind, key.to_owned(), why)
        })
        .collect();
    for (desc, kind, key, why) in errors {
        let (file, entry, field) = place(&desc, kind, &key);
        pass.check.invalid(file, &entry, field, why);
    }
    for at in overriding {
        pass.scoped.overrides(at);
    }
}

/// The declarations to refuse among those of names several providers' models declare
/// (`Pass::several`): one at a provider that offers another declaring model. Declared by
/// that model's provider alone, the name would be one of the whole catalog, and
/// `provider:name` that offer; a second declaration makes the name scoped to each
/// provider (so that neither takes it from the other), and at the offering provider the
/// declaration would take the string from the offer.
///
/// Each declaration's model is compared with the smaller of its group's providers and its
/// model's offering providers: no declaration costs more than either.
fn several<'p, 'a>(
    pass: &'p Pass<'a, '_>,
    offered: &HashSet<(usize, usize)>,
) -> Vec<&'p Declared<'a>> {
    if pass.several.is_empty() {
        return Vec::new();
    }
    let mut offerers: HashMap<usize, Vec<usize>> = HashMap::new();
    for o in &pass.offers {
        offerers.entry(o.model).or_default().push(o.provider);
    }
    // In document order: each group's first declaration's model, then the name.
    let mut groups: Vec<&Vec<Declared<'a>>> = pass.several.iter().collect();
    groups.sort_by_key(|g| g.first().map(|d| (d.index, d.name)));
    let mut out = Vec::new();
    for group in groups {
        let mut refused = vec![false; group.len()];
        // A provider declares a name at most once (a second declaration is a clash).
        let at: HashMap<usize, usize> = group
            .iter()
            .enumerate()
            .map(|(i, d)| (d.scope, i))
            .collect();
        for e in group {
            let by = offerers.get(&e.index).map_or(&[][..], Vec::as_slice);
            if by.len() <= group.len() {
                for p in by {
                    if let Some(&i) = at.get(p) {
                        refused[i] |= group[i].index != e.index;
                    }
                }
            } else {
                for (i, d) in group.iter().enumerate() {
                    refused[i] |= d.index != e.index && offered.contains(&(d.scope, e.index));
                }
            }
        }
        out.extend(
            group
                .iter()
                .zip(refused)
                .filter_map(|(d, no)| no.then_some(d)),
        );
    }
    out
}

/// Where an error about a scoped name is reported: its document, its entry and its field.
fn place<'d>(desc: &Desc<'d>, kind: MatchKind, key: &str) -> (&'d str, String, &'static str) {
    match desc {
        Desc::Model { id, file, .. } => {
            let field = match kind {
                MatchKind::Id => "id",
                MatchKind::UpstreamId => "upstream_id",
                MatchKind::ServedName => "served_names",
                _ => "alias",
            };
            (file, described("model", id).to_string(), field)
        }
        Desc::Alias { file, .. } => (file, described("alias", key).to_string(), "alias"),
        Desc::Offer { model, file, .. } => (
            file,
            described("offer of", model).to_string(),
            "upstream_id",
        ),
        Desc::Provider { id, file, .. } => (file, format!("provider `{}`", named(id)), "id"),
    }
}
