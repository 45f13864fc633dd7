//! The scoped pass: a name reachable only through one provider may not be a model name of
//! the whole catalog that denotes another model the provider serves.

use super::check::{described, named};
use super::holder::Desc;
use super::{Declared, NewProvider, Pass, ProviderIds};
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
    let offers = Offers::of(pass);
    let ids = pass.provider_ids();
    let serves = |scope: usize, model: usize| {
        pass.home(model) == Some(scope)
            || pass.base.offers(scope, model)
            || offers.pairs.contains(&(scope, model))
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
        if scope >= pass.provider_base && !offers.offering.contains(&scope) {
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
                .is_some_and(|(i, _, id)| i == other && pass.leave.model(&id, holder.desc.doc()));
        if leave {
            overriding.push(at);
        } else {
            refused.push((at, scope, key, holder.desc.clone(), holder.kind));
        }
    }
    // Reported in the order the names were claimed (document order), then those of names
    // several providers declare.
    refused.sort_unstable_by_key(|r| r.0);
    let mut errors: Vec<_> = refused
        .into_iter()
        .map(|(_, scope, key, desc, kind)| {
            let provider = ids.id(scope);
            let why = format!(
                "`{}` is a name of another model this provider serves, so it would change what `{}:{}` resolves to",
                Esc(key),
                Esc(&provider),
                Esc(key)
            );
            (desc, kind, key.to_owned(), why)
        })
        .collect();
    errors.extend(
        several(pass, &offers, &ids)
            .into_iter()
            .map(|(d, why)| (d.desc.clone(), d.kind, d.name.to_owned(), why)),
    );
    for (desc, kind, key, why) in errors {
        let (file, entry, field) = place(&desc, kind, &key);
        pass.check.invalid(file, &entry, field, why);
    }
    for (file, entry, field, why) in vendors(pass, &offers, &ids) {
        pass.check.invalid(file, &entry, field, why);
    }
    for at in overriding {
        pass.scoped.overrides(at);
    }
}

/// The documents' offers, as the checks below look them up.
struct Offers {
    /// (provider, model) of each offer.
    pairs: HashSet<(usize, usize)>,
    /// The providers that make one.
    offering: HashSet<usize>,
    /// The first provider (in document order) that offers each offered model.
    first: HashMap<usize, usize>,
}

impl Offers {
    fn of(pass: &Pass<'_, '_>) -> Offers {
        let mut offers = Offers {
            pairs: HashSet::with_capacity(pass.offers.len()),
            offering: HashSet::new(),
            first: HashMap::new(),
        };
        for o in &pass.offers {
            offers.pairs.insert((o.provider, o.model));
            offers.offering.insert(o.provider);
            offers.first.entry(o.model).or_insert(o.provider);
        }
        offers
    }
}

/// The declarations to refuse among those of names several providers' models declare
/// (`Pass::several`), each with why: one of a name that another declaring model, which a
/// provider offers, also has. Declared by that model's provider alone, the name is one of
/// the whole catalog, and `offerer:name` reaches the offer; a second declaration makes the
/// name scoped to each declaring provider (so that neither takes it from the other), and
/// `offerer:name` would no longer reach the offer, or would reach the offerer's own model
/// of that name. Linear: each declaration is looked at once, each model's offers once a
/// group.
fn several<'p, 'a>(
    pass: &'p Pass<'a, '_>,
    offers: &Offers,
    ids: &ProviderIds<'a, '_>,
) -> Vec<(&'p Declared<'a>, String)> {
    if pass.several.is_empty() {
        return Vec::new();
    }
    let model_id = |i: usize| {
        i.checked_sub(pass.model_base)
            .and_then(|i| pass.models.get(i))
            .map_or("", |m| m.entry.id.as_str())
    };
    // In document order: each group's first declaration's model, then the name.
    let mut groups: Vec<&Vec<Declared<'a>>> = pass.several.iter().collect();
    groups.sort_by_key(|g| g.first().map(|d| (d.index, d.name)));
    let mut out = Vec::new();
    for group in groups {
        // The group's offered models: two are enough to refuse every declaration.
        let mut offered: Vec<(usize, usize)> = Vec::new();
        for d in group {
            if let Some(&p) = offers.first.get(&d.index) {
                if !offered.iter().any(|&(m, _)| m == d.index) {
                    offered.push((d.index, p));
                    if offered.len() == 2 {
                        break;
                    }
                }
            }
        }
        for d in group {
            let Some(&(model, by)) = offered.iter().find(|&&(m, _)| m != d.index) else {
                continue;
            };
            let by = ids.id(by);
            let why = format!(
                "`{}` is also a name of model `{}`, which provider `{}` offers: declared by a second provider, it would no longer be a name of the whole catalog, and `{}:{}` would no longer reach that offer",
                Esc(d.name),
                Esc(model_id(model)),
                Esc(&by),
                Esc(&by),
                Esc(d.name)
            );
            out.push((d, why));
        }
    }
    out
}

/// The providers the documents add (or replace, for the names they add) whose id or alias
/// is the part before the `/` of a model name in the documents (`acme` where `px`'s model
/// `x1` is also `acme/x`) of a model that a provider offers, unless the caller allows it.
/// Without such a provider the name may be one of the whole catalog, and `offerer:acme/x`
/// reaches the offer; with it the name is scoped to its own provider (the provider's name
/// wins the bare string), and `offerer:acme/x` would no longer reach the offer, whatever
/// order the documents come in. Each with where to report it and why.
fn vendors<'a>(
    pass: &Pass<'a, '_>,
    offers: &Offers,
    ids: &ProviderIds<'a, '_>,
) -> Vec<(&'a str, String, &'static str, String)> {
    let mut out = Vec::new();
    // The providers the documents add or replace, by index.
    let added: HashMap<usize, &NewProvider<'a>> =
        pass.providers.iter().map(|np| (np.index, np)).collect();
    if added.is_empty() || offers.first.is_empty() {
        return out;
    }
    let mut claims: Vec<_> = pass
        .scoped
        .claims()
        .filter(|(_, _, _, h)| matches!(h.desc, Desc::Model { .. }))
        .filter_map(|(scope, key, at, h)| {
            let by = *offers.first.get(&h.index)?;
            let vendor = key.split_once('/')?.0;
            let (p, kind) = pass.pkeys.get(vendor)?;
            let new = *added.get(&p)?;
            // A name of the base's provider (one a replacement keeps) named it already.
            let fresh = pass.pkeys.base_key(vendor).is_none();
            // The leave of the document that adds the provider decides (an import's is only
            // its own options').
            let allowed = pass.leave.prefix(vendor, new.doc);
            (fresh && p != scope && !allowed).then_some((at, p, kind, new, key, h, by))
        })
        .collect();
    // Reported in the order the names were claimed (document order), once a provider name.
    claims.sort_unstable_by_key(|c| c.0);
    let mut seen: HashSet<(usize, MatchKind)> = HashSet::new();
    for (_, p, kind, new, key, h, by) in claims {
        if !seen.insert((p, kind)) {
            continue;
        }
        let name = key.split_once('/').map_or(key, |(v, _)| v);
        let model = match &h.desc {
            Desc::Model { id, .. } => named(id),
            _ => Cow::Borrowed(""),
        };
        let offering = ids.id(by);
        let why = format!(
            "`{}` is also the part before the `/` of `{}`, a name of model `{}`, which provider `{}` offers: so named, this provider would take that name's strings, and `{}:{}` would no longer reach the offer; allow an override of `{}` to register it anyway",
            Esc(name),
            Esc(key),
            Esc(&model),
            Esc(&offering),
            Esc(&offering),
            Esc(key),
            Esc(name)
        );
        let field = if kind == MatchKind::Id { "id" } else { "alias" };
        out.push((
            new.file,
            described("provider", &new.entry.id).to_string(),
            field,
            why,
        ));
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
        Desc::Provider { id, file, .. } => (file, described("provider", id).to_string(), "id"),
    }
}
