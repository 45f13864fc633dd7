//! The offers pass: models defined elsewhere that a provider also serves, each with the
//! upstream id the provider expects.

use super::check::{described, named};
use super::error::DataErrorKind;
use super::holder::Desc;
use super::keys::{own_prefix_problem, shadowing, Shadow};
use super::records::OfferRec;
use super::Pass;
use crate::key::MatchKind;
use std::collections::HashSet;

/// Checks the offers of the documents and claims their upstream ids as names of their
/// models.
pub(super) fn pass(pass: &mut Pass<'_, '_>) {
    let (files, base) = (pass.files, pass.base);
    let mut offered: HashSet<(usize, usize)> = HashSet::new();
    let provider_ids = pass.provider_ids();
    for (doc_index, (file, doc)) in files.iter().enumerate() {
        let Some(provider) = pass.doc_provider[doc_index] else {
            continue;
        };
        for o in &doc.offers {
            let entry = described("offer of", &o.model);
            let Some(target) = pass.model_id(&o.model) else {
                pass.check.invalid(
                    file,
                    &entry,
                    "model",
                    format!("`{}` is not a model id in the catalog", named(&o.model)),
                );
                continue;
            };
            if pass.home(target) == Some(provider) {
                pass.check.invalid(file, &entry, "model", "the provider defines this model itself; an offer is for another provider's model");
                continue;
            }
            if offered.contains(&(provider, target)) {
                pass.check
                    .invalid(file, &entry, "model", "offered twice by the same provider");
                continue;
            }
            if base.offers(provider, target) {
                pass.check.invalid(
                    file,
                    &entry,
                    "model",
                    "the provider already offers this model in the catalog this one is built on",
                );
                continue;
            }
            if !pass
                .check
                .name(file, &entry, "upstream_id", &o.upstream_id, false)
            {
                continue;
            }
            // An offer's upstream id is a key of its model; it may repeat one of the model's
            // own names (aggregators often use the vendor's id), never another model's.
            let offering = provider_ids.id(provider);
            let named = pass.mkeys.get(&o.upstream_id).map(|(i, _)| i);
            let repeats_own = named == Some(target);
            // Another model's name: as the offer's id it would change what `provider:name`
            // resolves to, from that model (`openrouter:openai/gpt-4o`, OpenRouter's offer of
            // GPT-4o), its pass-through (an aggregator, or a provider that lists no models)
            // or `model_not_offered`, to the offered model.
            if named.is_some_and(|i| i != target) {
                pass.check.invalid(
                    file,
                    &entry,
                    "upstream_id",
                    format!(
                        "`{}` is a name of another model in the catalog, so it would change what `{}:{}` resolves to",
                        crate::escape::Esc(&o.upstream_id),
                        crate::escape::Esc(&offering),
                        crate::escape::Esc(&o.upstream_id)
                    ),
                );
                continue;
            }
            let desc = Desc::Offer {
                model: &o.model,
                offering,
                file,
                doc: doc_index,
            };
            // The upstream id is the offering provider's: its prefix is judged against it. On
            // top of a base (run-time catalogs), a new name is reachable only through the
            // offering provider: as a name of the whole catalog it would decide strings
            // addressed to every other provider that serves the model (`openrouter:<name>`),
            // and, beginning with the offering provider's own name (`acme/fast` offered by
            // `acme`), strings addressed to that provider. In the compiled data, where offer
            // ids are names of the whole catalog, the latter is refused.
            let shadow = if repeats_own {
                Shadow::Clear
            } else {
                match shadowing(&o.upstream_id, provider, &pass.pkeys, base) {
                    Shadow::Clear if base.provider_count() > 0 => Shadow::Scoped(provider),
                    Shadow::Clear => own_prefix_problem(&o.upstream_id, provider, &pass.pkeys)
                        .map_or(Shadow::Clear, Shadow::Refused),
                    shadow => shadow,
                }
            };
            // An id that is a served name of the model behind a vendor prefix
            // (`openai/o3-pro-2025-06-10`) names that snapshot: alone, it is sent as the
            // served name at the model's home, never replaced by the model's current id.
            let kind = if pass.served_behind_prefix(target, &o.upstream_id) {
                MatchKind::ServedName
            } else {
                MatchKind::UpstreamId
            };
            let claimed = match shadow {
                Shadow::Refused(why) => {
                    pass.check.invalid(file, &entry, "upstream_id", why);
                    continue;
                }
                Shadow::Scoped(scope) => {
                    pass.scoped.claim(scope, &o.upstream_id, target, kind, desc)
                }
                Shadow::Clear if repeats_own => Ok(()),
                Shadow::Clear => pass.mkeys.claim(&o.upstream_id, target, kind, desc),
            };
            if let Err(clash) = claimed {
                pass.check
                    .duplicate(file, &entry, &o.upstream_id, kind, clash);
                continue;
            }
            if let Some(why) = super::fields::sources_problem(&o.sources) {
                pass.check.invalid(file, &entry, "sources", why);
            }
            for (field, list) in [
                ("input_modalities", &o.input_modalities),
                ("output_modalities", &o.output_modalities),
            ] {
                for why in super::fields::modalities_problems(list.as_deref()) {
                    pass.check.invalid(file, &entry, field, why);
                }
            }
            if let Some(why) = super::fields::capability_problem(&o.capabilities) {
                pass.check.invalid(file, &entry, "capabilities", why);
            }
            if o.capabilities.reasoning.is_some() {
                pass.check.invalid(
                    file,
                    &entry,
                    "capabilities",
                    "reasoning is the model's own, whoever serves it: an offer does not state it",
                );
            }
            if let Some(why) = super::fields::pricing_problem(&o.pricing) {
                pass.check.invalid(file, &entry, "pricing", why);
            }
            for (field, limit) in [
                ("context_window", o.context_window),
                ("max_output_tokens", o.max_output_tokens),
            ] {
                if limit == Some(0) {
                    pass.check
                        .invalid(file, &entry, field, "must be at least 1");
                }
            }
            if o.retires.is_some() && !o.deprecated {
                pass.check.invalid(
                    file,
                    &entry,
                    "retires",
                    "a retirement date requires `deprecated: true`",
                );
            }
            if let (Some(output), Some(context)) = (o.max_output_tokens, o.context_window) {
                if output > context {
                    pass.check.push(
                        file,
                        &entry,
                        DataErrorKind::OutputAboveContext { output, context },
                    );
                }
            }
            offered.insert((provider, target));
            pass.offers.push(OfferRec {
                file,
                provider,
                model: target,
                entry: o,
            });
        }
    }
}
