//! Routing (`model_catalog::route`): fallback chains of providers for a model, under each rule
//! of a `RoutePolicy`.
//!
//! Expected chains are computed independently from the catalog's own data: the candidates of a
//! model are its home provider (`Catalog::provider_of`) then the providers of
//! `Catalog::offers_of`, with the offer's upstream id and `Offer::pricing`. Where a test names
//! specific providers, the fact it relies on was checked in `data/providers/*.json` and is
//! cited in a comment.

use model_catalog::schema::DataFile;
use model_catalog::{
    lookup_model, lookup_provider, ApiFormat, Capability, Catalog, CustomProvider, Model, Offer,
    Price, PriceKind, Pricing, Provider, ResolveError, Support, Surface,
};
use model_catalog::{route, route_plan, RejectReason, Route, RouteError, RoutePolicy, RouteSort};
use std::collections::HashMap;

static BUILTIN: &Catalog = Catalog::builtin();

fn model(id: &str) -> &'static Model {
    lookup_model(id).unwrap_or_else(|| panic!("model `{id}` is not in the catalog"))
}

fn provider(id: &str) -> &'static Provider {
    lookup_provider(id).unwrap_or_else(|| panic!("provider `{id}` is not in the catalog"))
}

fn usd(s: &str) -> Price {
    s.parse()
        .unwrap_or_else(|e| panic!("bad price literal {s}: {e}"))
}

fn ids<'a>(chain: &'a [Route<'_>]) -> Vec<&'a str> {
    chain.iter().map(|r| r.provider.id()).collect()
}

/// The (provider, reason) pairs of a failed routing; panics on success or a resolution error.
fn rejections(r: Result<Vec<Route<'_>>, RouteError>) -> Vec<(String, RejectReason)> {
    match r {
        Err(e @ RouteError::NoRoute { .. }) => e
            .rejected()
            .iter()
            .map(|x| (x.provider.clone(), x.reason.clone()))
            .collect(),
        other => panic!("expected no route, got {other:?}"),
    }
}

/// One candidate as the oracle sees it.
#[derive(Debug, Clone, PartialEq)]
struct Cand<'c> {
    provider: &'c Provider,
    upstream_id: String,
    pricing: Pricing,
    offer: bool,
}

/// The candidates of catalog model `m` in catalog order: home provider, then the offers.
fn candidates<'c>(c: &'c Catalog, m: &'c Model) -> Vec<Cand<'c>> {
    let mut v = vec![Cand {
        provider: c.provider_of(m).expect("the catalog's own model"),
        upstream_id: m.upstream_id().to_owned(),
        pricing: m.pricing(),
        offer: false,
    }];
    for o in c.offers_of(m) {
        v.push(Cand {
            provider: c
                .lookup_provider(o.provider_id())
                .expect("an offer's provider is in the catalog"),
            upstream_id: o.upstream_id().to_owned(),
            pricing: o.pricing(m),
            offer: true,
        });
    }
    v
}

fn cand_ids<'c>(cands: &[Cand<'c>]) -> Vec<&'c str> {
    cands.iter().map(|c| c.provider.id()).collect()
}

/// Whether the caller must bring a key for built-in provider `p`, from the data documents:
/// every provider requires one (`key_required: true`) except OpenAI and Anthropic, whose
/// documents say `key_required: false` and `gateway_credentials: true` (the gateway
/// supplies the credentials, README of the seed's Model Catalog).
fn needs_key(p: &Provider) -> bool {
    !["openai", "anthropic"].contains(&p.id())
}

fn build(providers: Vec<CustomProvider>) -> Catalog {
    let mut b = Catalog::builder();
    for p in providers {
        b = b.provider(p);
    }
    b.build().expect("test catalog builds")
}

fn build_json(docs: &[&str]) -> Catalog {
    let mut b = Catalog::builder();
    for (i, d) in docs.iter().enumerate() {
        let doc: DataFile = serde_json::from_str(d).expect("test document parses");
        b = b.document(&format!("doc{i}"), doc);
    }
    b.build().expect("test catalog builds")
}

/// A custom provider needing no key that offers `gpt-oss-120b`.
fn keyless(id: &str) -> CustomProvider {
    CustomProvider::new(id, id)
        .key_required(false)
        .offer("gpt-oss-120b", &format!("{id}/gpt-oss-120b"))
}

// ---------------------------------------------------------------------------------------------
// Candidates and the default policy
// ---------------------------------------------------------------------------------------------

#[test]
fn gpt_oss_120b_is_offered_by_nano_gpt_and_openrouter() {
    // data/providers/groq.json defines gpt-oss-120b (upstream `openai/gpt-oss-120b`);
    // nano-gpt.json and openrouter.json list it under `offers`.
    let m = model("gpt-oss-120b");
    assert_eq!(BUILTIN.provider_of(m).map(|p| p.id()), Some("groq"));
    let offered: Vec<&str> = BUILTIN
        .offers_of(m)
        .into_iter()
        .map(|o| o.provider_id())
        .collect();
    assert!(offered.contains(&"nano-gpt"), "{offered:?}");
    assert!(offered.contains(&"openrouter"), "{offered:?}");

    let chain = route("gpt-oss-120b", &RoutePolicy::new()).unwrap();
    assert_eq!(ids(&chain), cand_ids(&candidates(BUILTIN, m)));
    assert_eq!(chain[0].provider.id(), "groq");
    assert!(chain[0].offer.is_none());
    assert!(chain[1..].iter().all(|r| r.offer.is_some()));
}

#[test]
fn default_chain_is_home_then_offers_for_every_model() {
    for m in BUILTIN.models() {
        let plan =
            route_plan(m.id(), &RoutePolicy::new()).unwrap_or_else(|e| panic!("{}: {e}", m.id()));
        assert!(plan.rejected.is_empty(), "{}: {:?}", m.id(), plan.rejected);
        let want = candidates(BUILTIN, m);
        assert_eq!(plan.routes.len(), want.len(), "{}", m.id());
        for (r, c) in plan.routes.iter().zip(&want) {
            let what = format!("{} via {}", m.id(), c.provider.id());
            assert_eq!(r.provider.id(), c.provider.id(), "{what}");
            assert_eq!(r.model.map(Model::id), Some(m.id()), "{what}");
            assert_eq!(r.upstream_id, c.upstream_id, "{what}");
            assert_eq!(r.pricing, c.pricing, "{what}");
            assert_eq!(r.offer.is_some(), c.offer, "{what}");
            assert_eq!(r.base_url, c.provider.base_url(), "{what}");
            assert_eq!(r.caller_key_required, needs_key(c.provider), "{what}");
            // No surface asked for: the provider's first recorded one.
            assert_eq!(r.surface, c.provider.api_surfaces().first(), "{what}");
        }
    }
}

/// A chain as (provider id, upstream id) pairs, or the error kind.
type Chain = Result<Vec<(&'static str, &'static str)>, &'static str>;

#[test]
fn the_free_functions_route_over_the_builtin_catalog() {
    let policy = RoutePolicy::new().prefer("openrouter").max_routes(2);
    // From the data documents: groq defines gpt-oss-120b, which openrouter offers as
    // `openai/gpt-oss-120b`; groq defines kimi-k2, which openrouter offers as
    // `moonshotai/kimi-k2` (data/providers/openrouter.json). openrouter is preferred, and the
    // chain is cut at two.
    let expected: [(&str, Chain); 5] = [
        (
            "gpt-oss-120b",
            Ok(vec![
                ("openrouter", "openai/gpt-oss-120b"),
                ("groq", "openai/gpt-oss-120b"),
            ]),
        ),
        (
            "kimi-k2",
            // OpenRouter's September release (models.dev kimi-k2-0905.toml), as Groq's.
            Ok(vec![
                ("openrouter", "moonshotai/kimi-k2-0905"),
                ("groq", "moonshotai/kimi-k2-instruct-0905"),
            ]),
        ),
        ("openrouter:x/y", Ok(vec![("openrouter", "x/y")])),
        ("gpt-4-o", Err("unknown_model")),
        ("", Err("empty")),
    ];
    for (input, want) in expected {
        let got = route(input, &policy);
        let got_ids = got
            .as_ref()
            .map(|chain| {
                chain
                    .iter()
                    .map(|r| (r.provider.id(), &*r.upstream_id))
                    .collect::<Vec<_>>()
            })
            .map_err(RouteError::kind);
        assert_eq!(got_ids, want, "{input}");
    }
    for input in ["gpt-oss-120b", "kimi-k2", "openrouter:x/y", "gpt-4-o", ""] {
        assert_eq!(
            route(input, &policy),
            Catalog::builtin().route(input, &policy),
            "{input}"
        );
        assert_eq!(
            route_plan(input, &policy).map(|p| p.routes),
            route(input, &policy),
            "{input}"
        );
    }
}

#[test]
fn routes_do_not_borrow_the_input() {
    fn owned_routes(input: String) -> Vec<Route<'static>> {
        route(&input, &RoutePolicy::new()).unwrap()
    }
    let pass = owned_routes("openrouter:vendor/made-up-model".to_owned());
    assert_eq!(pass[0].upstream_id, "vendor/made-up-model");
    let known = owned_routes(" gpt-oss-120b ".to_owned());
    assert_eq!(known[0].model.map(Model::id), Some("gpt-oss-120b"));
}

// ---------------------------------------------------------------------------------------------
// Preference, allow and deny lists
// ---------------------------------------------------------------------------------------------

/// The oracle for `prefer`: the preferred providers that are candidates, in the order
/// preferred (first mention counts), then the other candidates in catalog order.
fn preferred<'a>(cands: &[&'a str], prefer: &[&str]) -> Vec<&'a str> {
    let prefer: Vec<&str> = prefer
        .iter()
        .filter_map(|p| lookup_provider(p).map(Provider::id))
        .collect();
    let mut out: Vec<&'a str> = Vec::new();
    for p in &prefer {
        if let Some(c) = cands.iter().find(|c| *c == p) {
            if !out.contains(c) {
                out.push(c);
            }
        }
    }
    out.extend(cands.iter().filter(|c| !prefer.contains(c)));
    out
}

#[test]
fn prefer_puts_providers_first_in_the_order_given() {
    let m = model("gpt-oss-120b");
    let all = candidates(BUILTIN, m);
    let cands = cand_ids(&all);
    let lists: [&[&str]; 6] = [
        &["openrouter"],
        // `open-router` is an alias of openrouter (data/providers/openrouter.json).
        &["open-router"],
        &["openrouter", "nano-gpt"],
        &["nano-gpt", "groqcloud", "openrouter"],
        // Not candidates, unknown, repeated: no effect beyond the rest.
        &["openai", "no-such-provider", "openrouter", "OPENROUTER"],
        &[],
    ];
    for list in lists {
        let mut policy = RoutePolicy::new();
        for p in list {
            policy = policy.prefer(p);
        }
        let chain = route("gpt-oss-120b", &policy).unwrap();
        assert_eq!(ids(&chain), preferred(&cands, list), "{list:?}");
    }
    let chain = route("gpt-oss-120b", &RoutePolicy::new().prefer("open-router")).unwrap();
    assert_eq!(chain[0].provider.id(), "openrouter");
    assert_eq!(chain[1].provider.id(), "groq");
}

#[test]
fn allow_keeps_only_listed_providers_in_catalog_order() {
    let m = model("gpt-oss-120b");
    let cands = cand_ids(&candidates(BUILTIN, m));
    // `groqcloud` is an alias of groq (data/providers/groq.json).
    let policy = RoutePolicy::new().allow("nano-gpt").allow("groqcloud");
    let plan = route_plan("gpt-oss-120b", &policy).unwrap();
    let want: Vec<&str> = cands
        .iter()
        .copied()
        .filter(|p| *p == "groq" || *p == "nano-gpt")
        .collect();
    assert_eq!(ids(&plan.routes), want);
    let rejected: Vec<(&str, &RejectReason)> = plan
        .rejected
        .iter()
        .map(|r| (r.provider.as_str(), &r.reason))
        .collect();
    let want_rejected: Vec<(&str, &RejectReason)> = cands
        .iter()
        .copied()
        .filter(|p| !want.contains(p))
        .map(|p| (p, &RejectReason::NotAllowed))
        .collect();
    assert_eq!(rejected, want_rejected);
    assert!(rejected.iter().any(|(p, _)| *p == "openrouter"));

    // An allow list naming no candidate rejects them all.
    let got = rejections(route("gpt-oss-120b", &RoutePolicy::new().allow("openai")));
    assert_eq!(
        got,
        cands
            .iter()
            .map(|p| (p.to_string(), RejectReason::NotAllowed))
            .collect::<Vec<_>>()
    );
}

#[test]
fn deny_removes_providers_and_wins_over_allow() {
    let m = model("gpt-oss-120b");
    let cands = cand_ids(&candidates(BUILTIN, m));
    let plan = route_plan("gpt-oss-120b", &RoutePolicy::new().deny("open-router")).unwrap();
    let want: Vec<&str> = cands
        .iter()
        .copied()
        .filter(|p| *p != "openrouter")
        .collect();
    assert_eq!(ids(&plan.routes), want);
    assert_eq!(plan.rejected.len(), 1);
    assert_eq!(plan.rejected[0].provider, "openrouter");
    assert_eq!(plan.rejected[0].reason, RejectReason::Denied);

    let policy = RoutePolicy::new().allow("groq").deny("groq");
    let got = rejections(route("groq:gpt-oss-120b", &policy));
    assert_eq!(got, [("groq".to_owned(), RejectReason::Denied)]);
}

#[test]
fn unknown_provider_names_are_reported_by_the_policy() {
    let mut figures = HashMap::new();
    figures.insert("zzz-unknown".to_owned(), 1.0);
    figures.insert("groq".to_owned(), 2.0);
    figures.insert("aaa-unknown".to_owned(), 3.0);
    let policy = RoutePolicy::new()
        .prefer("open-router")
        .prefer("nope-1")
        .allow("nope-2")
        .allow("groqcloud")
        .deny("nope-3")
        .key("nope-4")
        .key("openai")
        .sort(RouteSort::Latency(figures));
    assert_eq!(
        BUILTIN.unknown_providers(&policy),
        [
            "nope-1",
            "nope-2",
            "nope-3",
            "nope-4",
            "aaa-unknown",
            "zzz-unknown"
        ]
    );
    assert!(BUILTIN
        .unknown_providers(&RoutePolicy::new().deny("groq"))
        .is_empty());
    // A custom provider is known to the catalog that defines it only.
    let c = build(vec![keyless("internal-vllm")]);
    let p = RoutePolicy::new().prefer("internal-vllm");
    assert!(c.unknown_providers(&p).is_empty());
    assert_eq!(BUILTIN.unknown_providers(&p), ["internal-vllm"]);
}

// ---------------------------------------------------------------------------------------------
// Keys held
// ---------------------------------------------------------------------------------------------

#[test]
fn keys_not_set_keep_every_provider_and_say_which_need_one() {
    let chain = route("gpt-oss-120b", &RoutePolicy::new()).unwrap();
    assert_eq!(
        chain.len(),
        candidates(BUILTIN, model("gpt-oss-120b")).len()
    );
    for r in &chain {
        assert_eq!(
            r.caller_key_required,
            needs_key(r.provider),
            "{}",
            r.provider.id()
        );
    }
    // groq, nano-gpt and openrouter all have `key_required: true` and no gateway credentials.
    assert!(chain.iter().all(|r| r.caller_key_required));
}

#[test]
fn keys_set_skip_providers_needing_a_key_not_held() {
    let m = model("gpt-oss-120b");
    let cands = candidates(BUILTIN, m);
    // The key is named by alias (`groqcloud`, data/providers/groq.json).
    let plan = route_plan("gpt-oss-120b", &RoutePolicy::new().key("groqcloud")).unwrap();
    let want: Vec<&str> = cands
        .iter()
        .filter(|c| c.provider.id() == "groq" || !needs_key(c.provider))
        .map(|c| c.provider.id())
        .collect();
    assert_eq!(ids(&plan.routes), want);
    let want_rejected: Vec<(&str, RejectReason)> = cands
        .iter()
        .filter(|c| !want.contains(&c.provider.id()))
        .map(|c| (c.provider.id(), RejectReason::NoKey))
        .collect();
    let got: Vec<(&str, RejectReason)> = plan
        .rejected
        .iter()
        .map(|r| (r.provider.as_str(), r.reason.clone()))
        .collect();
    assert_eq!(got, want_rejected);
    // nano-gpt and openrouter need a key (`key_required: true`, no gateway credentials).
    assert!(got.contains(&("nano-gpt", RejectReason::NoKey)));
    assert!(got.contains(&("openrouter", RejectReason::NoKey)));

    // An empty set of keys: nothing that needs one remains.
    let got = rejections(route(
        "gpt-oss-120b",
        &RoutePolicy::new().keys(Vec::<String>::new()),
    ));
    assert_eq!(got.len(), cands.len());
    assert!(got.iter().all(|(_, r)| *r == RejectReason::NoKey));

    // Keys for several providers, given at once and one by one, add up.
    let policy = RoutePolicy::new().keys(["nano-gpt"]).key("openrouter");
    let chain = route("gpt-oss-120b", &policy).unwrap();
    assert_eq!(ids(&chain), ["nano-gpt", "openrouter"]);
}

#[test]
fn gateway_credentials_never_need_a_key() {
    // data/providers/openai.json and anthropic.json: `key_required: false`,
    // `gateway_credentials: true`; nano-gpt offers claude-opus-4-6 and needs a key.
    for id in ["openai", "anthropic"] {
        assert!(provider(id).gateway_credentials(), "{id}");
        assert!(!needs_key(provider(id)), "{id}");
    }
    let no_keys = RoutePolicy::new().keys(Vec::<&str>::new());
    let chain = route("gpt-4o", &no_keys).unwrap();
    assert_eq!(ids(&chain), ["openai"]);
    assert!(!chain[0].caller_key_required);

    let plan = route_plan("claude-opus-4-6", &no_keys).unwrap();
    assert_eq!(ids(&plan.routes), ["anthropic"]);
    assert!(!plan.routes[0].caller_key_required);
    let rejected: Vec<(&str, &RejectReason)> = plan
        .rejected
        .iter()
        .map(|r| (r.provider.as_str(), &r.reason))
        .collect();
    assert!(
        rejected.contains(&("nano-gpt", &RejectReason::NoKey)),
        "{rejected:?}"
    );

    // A provider that requires a key but whose credentials the gateway supplies needs none
    // from the caller; one that requires no key needs none either.
    let c = build_json(&[
        r#"{"provider": {"id": "gw", "name": "GW", "key_required": true, "gateway_credentials": true},
            "offers": [{"model": "gpt-oss-120b", "upstream_id": "gw/gpt-oss-120b"}]}"#,
    ]);
    let mut b = c.to_builder();
    b = b.provider(keyless("free-vllm"));
    let c = b.build().unwrap();
    let chain = c.route("gpt-oss-120b", &no_keys).unwrap();
    assert_eq!(ids(&chain), ["gw", "free-vllm"]);
    assert!(chain.iter().all(|r| !r.caller_key_required));
}

// ---------------------------------------------------------------------------------------------
// Capabilities
// ---------------------------------------------------------------------------------------------

#[test]
fn capabilities_must_be_known_to_be_supported() {
    // Known yes: gpt-oss-120b calls tools (data/providers/groq.json `tools: true`).
    let m = model("gpt-oss-120b");
    assert_eq!(m.capability(Capability::Tools), Support::Yes);
    let chain = route(
        "gpt-oss-120b",
        &RoutePolicy::new().capability(Capability::Tools),
    )
    .unwrap();
    assert_eq!(chain.len(), candidates(BUILTIN, m).len());

    // Known no: llama-guard-4-12b does not (groq.json `tools: false`); openrouter offers it.
    let guard = model("llama-guard-4-12b");
    assert_eq!(guard.capability(Capability::Tools), Support::No);
    let got = rejections(route(
        "llama-guard-4-12b",
        &RoutePolicy::new().capability(Capability::Tools),
    ));
    let want: Vec<(String, RejectReason)> = cand_ids(&candidates(BUILTIN, guard))
        .into_iter()
        .map(|p| {
            (
                p.to_owned(),
                RejectReason::CapabilityMissing(Capability::Tools),
            )
        })
        .collect();
    assert_eq!(got, want);
    assert!(got.iter().any(|(p, _)| p == "openrouter"));
}

#[test]
fn unknown_capabilities_fail_with_their_own_reason() {
    // Every offered model and every capability, judged at each provider that serves it (an
    // offer's own flags and modalities where recorded, else the model's): Yes passes, No
    // and Unknown fail distinctly.
    let mut unknown_seen = false;
    for m in BUILTIN.models() {
        let cands = candidates(BUILTIN, m);
        if cands.len() < 2 {
            continue;
        }
        let offers: Vec<&Offer> = BUILTIN.offers_of(m);
        for &c in Capability::ALL {
            let support = |provider: &str| {
                offers
                    .iter()
                    .find(|o| o.provider_id() == provider)
                    .map_or_else(|| m.capability(c), |o| o.capability(m, c))
            };
            let expected: Vec<&str> = cand_ids(&cands)
                .into_iter()
                .filter(|&p| support(p) == Support::Yes)
                .collect();
            let got = BUILTIN.route(m.id(), &RoutePolicy::new().capability(c));
            if !expected.is_empty() {
                assert_eq!(ids(&got.unwrap()), expected, "{} {c}", m.id());
                continue;
            }
            let got = rejections(got);
            assert_eq!(got.len(), cands.len(), "{} {c}", m.id());
            for (provider, reason) in &got {
                let want = match support(provider) {
                    Support::No => RejectReason::CapabilityMissing(c),
                    Support::Unknown => {
                        unknown_seen = true;
                        RejectReason::CapabilityUnknown(c)
                    }
                    Support::Yes => unreachable!("{provider} supports {c}"),
                };
                assert_eq!(*reason, want, "{} {c} at {provider}", m.id());
            }
        }
    }
    assert!(
        unknown_seen,
        "no offered model has an unknown capability to test"
    );

    // Several capabilities: the first one that fails, in the order required, is reported.
    // kimi-k2: tools true, reasoning false (groq.json); parallel_tools not recorded.
    let k = model("kimi-k2");
    assert_eq!(k.capability(Capability::ParallelTools), Support::Unknown);
    let policy = RoutePolicy::new()
        .capability(Capability::Tools)
        .capability(Capability::ParallelTools)
        .capability(Capability::Reasoning);
    let got = rejections(route("kimi-k2", &policy));
    assert!(got
        .iter()
        .all(|(_, r)| *r == RejectReason::CapabilityUnknown(Capability::ParallelTools)));
}

// ---------------------------------------------------------------------------------------------
// API surfaces and parameters
// ---------------------------------------------------------------------------------------------

/// What the parameter rule should say about `p` for `(surface, param)`.
fn param_oracle(p: &Provider, s: Surface, param: &str) -> Option<RejectReason> {
    match p.surface(s) {
        None => Some(RejectReason::SurfaceMissing(s)),
        Some(x) => match x.accepts(param) {
            Support::Yes => None,
            Support::No => Some(RejectReason::ParamUnsupported {
                surface: s,
                param: param.to_owned(),
            }),
            Support::Unknown => Some(RejectReason::ParamUnknown {
                surface: s,
                param: param.to_owned(),
            }),
        },
    }
}

#[test]
fn params_must_be_known_to_be_accepted() {
    let cases = [
        ("gpt-oss-120b", Surface::ChatCompletions, "reasoning_effort"),
        ("gpt-oss-120b", Surface::ChatCompletions, "thinking"),
        ("gpt-oss-120b", Surface::Responses, "input"),
        ("gpt-5.2", Surface::Responses, "reasoning"),
        ("gpt-5.2", Surface::ChatCompletions, "tools"),
        ("claude-opus-4-6", Surface::Messages, "thinking"),
        ("claude-opus-4-6", Surface::Messages, "reasoning_effort"),
    ];
    for (id, s, param) in cases {
        let m = model(id);
        let cands = candidates(BUILTIN, m);
        let policy = RoutePolicy::new().param(s, param);
        let want_pass: Vec<&str> = cands
            .iter()
            .filter(|c| param_oracle(c.provider, s, param).is_none())
            .map(|c| c.provider.id())
            .collect();
        let want_rejected: Vec<(String, RejectReason)> = cands
            .iter()
            .filter_map(|c| {
                Some((
                    c.provider.id().to_owned(),
                    param_oracle(c.provider, s, param)?,
                ))
            })
            .collect();
        match route_plan(id, &policy) {
            Ok(plan) => {
                assert_eq!(ids(&plan.routes), want_pass, "{id} {s}:{param}");
                for r in &plan.routes {
                    assert_eq!(r.surface, r.provider.surface(s), "{id} {s}:{param}");
                    assert!(r.surface.is_some());
                }
                let got: Vec<(String, RejectReason)> = plan
                    .rejected
                    .into_iter()
                    .map(|r| (r.provider, r.reason))
                    .collect();
                assert_eq!(got, want_rejected, "{id} {s}:{param}");
            }
            Err(e) => {
                assert!(want_pass.is_empty(), "{id} {s}:{param}: {e}");
                assert_eq!(rejections(Err(e)), want_rejected, "{id} {s}:{param}");
            }
        }
    }

    // Facts from data/providers/groq.json: its chat-completions surface lists
    // `reasoning_effort` but not `thinking`; nano-gpt.json and openrouter.json record no
    // parameters for theirs.
    let policy = RoutePolicy::new().param(Surface::ChatCompletions, "reasoning_effort");
    assert_eq!(ids(&route("gpt-oss-120b", &policy).unwrap()), ["groq"]);
    let got = rejections(route(
        "gpt-oss-120b",
        &RoutePolicy::new().param(Surface::ChatCompletions, "thinking"),
    ));
    let unsupported = RejectReason::ParamUnsupported {
        surface: Surface::ChatCompletions,
        param: "thinking".to_owned(),
    };
    let unknown = RejectReason::ParamUnknown {
        surface: Surface::ChatCompletions,
        param: "thinking".to_owned(),
    };
    assert!(got.contains(&("groq".to_owned(), unsupported)), "{got:?}");
    assert!(
        got.contains(&("nano-gpt".to_owned(), unknown.clone())),
        "{got:?}"
    );
    assert!(got.contains(&("openrouter".to_owned(), unknown)), "{got:?}");
    // openai.json has a responses surface; nano-gpt.json only chat-completions.
    let plan = route_plan(
        "gpt-5.2",
        &RoutePolicy::new().param(Surface::Responses, "reasoning"),
    )
    .unwrap();
    assert_eq!(ids(&plan.routes), ["openai"]);
    assert_eq!(
        plan.routes[0].surface.unwrap().surface(),
        Some(Surface::Responses)
    );
    assert!(plan.rejected.iter().any(|r| r.provider == "nano-gpt"
        && r.reason == RejectReason::SurfaceMissing(Surface::Responses)));
}

#[test]
fn params_yes_no_unknown_and_missing_surface_on_custom_providers() {
    let chat = Some(Surface::ChatCompletions);
    let c = build(vec![
        keyless("p-yes").surface(
            ApiFormat::Openai,
            chat,
            Some(&["model", "messages", "tools"]),
        ),
        keyless("p-no").surface(ApiFormat::Openai, chat, Some(&["model", "messages"])),
        keyless("p-unknown").surface(ApiFormat::Openai, chat, None),
        keyless("p-none"),
        // An OpenAI-format surface whose endpoint is not recorded is not chat-completions.
        keyless("p-unnamed").surface(ApiFormat::Openai, None, Some(&["tools"])),
    ]);
    let mut policy = RoutePolicy::new().param(Surface::ChatCompletions, "tools");
    for p in ["p-yes", "p-no", "p-unknown", "p-none", "p-unnamed"] {
        policy = policy.allow(p);
    }
    let plan = c.route_plan("gpt-oss-120b", &policy).unwrap();
    assert_eq!(ids(&plan.routes), ["p-yes"]);
    let yes = c.lookup_provider("p-yes").unwrap();
    assert_eq!(
        plan.routes[0].surface,
        yes.surface(Surface::ChatCompletions)
    );
    let got: Vec<(&str, &RejectReason)> = plan
        .rejected
        .iter()
        .filter(|r| r.provider.starts_with("p-"))
        .map(|r| (r.provider.as_str(), &r.reason))
        .collect();
    let tools = || "tools".to_owned();
    assert_eq!(
        got,
        [
            (
                "p-no",
                &RejectReason::ParamUnsupported {
                    surface: Surface::ChatCompletions,
                    param: tools()
                }
            ),
            (
                "p-unknown",
                &RejectReason::ParamUnknown {
                    surface: Surface::ChatCompletions,
                    param: tools()
                }
            ),
            (
                "p-none",
                &RejectReason::SurfaceMissing(Surface::ChatCompletions)
            ),
            (
                "p-unnamed",
                &RejectReason::SurfaceMissing(Surface::ChatCompletions)
            ),
        ]
    );
    // Every built-in candidate is off the allow list.
    assert!(plan
        .rejected
        .iter()
        .filter(|r| !r.provider.starts_with("p-"))
        .all(|r| r.reason == RejectReason::NotAllowed));

    // Without a requirement the surface is the provider's first; none when it records none.
    let chain = c.route("gpt-oss-120b", &RoutePolicy::new()).unwrap();
    let none = chain.iter().find(|r| r.provider.id() == "p-none").unwrap();
    assert!(none.surface.is_none());
    let unnamed = chain
        .iter()
        .find(|r| r.provider.id() == "p-unnamed")
        .unwrap();
    assert_eq!(unnamed.surface.unwrap().format(), ApiFormat::Openai);
    assert_eq!(unnamed.surface.unwrap().surface(), None);
}

#[test]
fn a_required_surface_is_the_route_surface() {
    // anthropic.json has a messages surface; nano-gpt.json only chat-completions.
    let plan = route_plan(
        "claude-opus-4-6",
        &RoutePolicy::new().surface(Surface::Messages),
    )
    .unwrap();
    assert_eq!(ids(&plan.routes), ["anthropic"]);
    let s = plan.routes[0].surface.unwrap();
    assert_eq!(
        (s.format(), s.surface()),
        (ApiFormat::Anthropic, Some(Surface::Messages))
    );
    assert_eq!(plan.rejected[0].provider, "nano-gpt");
    assert_eq!(
        plan.rejected[0].reason,
        RejectReason::SurfaceMissing(Surface::Messages)
    );

    // openai.json lists chat-completions first, then responses: asking for responses picks
    // it, asking for nothing picks the first.
    let openai = provider("openai");
    let plain = route("gpt-4o", &RoutePolicy::new()).unwrap();
    assert_eq!(plain[0].surface, openai.api_surfaces().first());
    let responses = route("gpt-4o", &RoutePolicy::new().surface(Surface::Responses)).unwrap();
    assert_eq!(responses[0].surface, openai.surface(Surface::Responses));
    assert_ne!(plain[0].surface, responses[0].surface);
    // The surface asked for wins over that of the parameters.
    let both = RoutePolicy::new()
        .surface(Surface::Responses)
        .param(Surface::ChatCompletions, "tools");
    let chain = route("gpt-4o", &both).unwrap();
    assert_eq!(chain[0].surface, openai.surface(Surface::Responses));
}

// ---------------------------------------------------------------------------------------------
// Prices
// ---------------------------------------------------------------------------------------------

/// The oracle for a price cap on one side.
fn cap_oracle(price: Option<Price>, max: Price, kind: PriceKind) -> Option<RejectReason> {
    match price {
        None => Some(RejectReason::PriceUnknown(kind)),
        Some(p) if p > max => Some(RejectReason::OverMaxPrice {
            kind,
            price: p,
            max,
        }),
        Some(_) => None,
    }
}

#[test]
fn max_prices_apply_to_each_routes_own_prices() {
    for id in [
        "gpt-oss-120b",
        "llama-4-maverick-17b-128e-instruct",
        "kimi-k2",
        "qwen3-32b",
        "gpt-5.2",
    ] {
        let m = model(id);
        let cands = candidates(BUILTIN, m);
        let mut caps: Vec<Price> = cands
            .iter()
            .flat_map(|c| [c.pricing.input, c.pricing.output])
            .flatten()
            .collect();
        caps.push(Price::ZERO);
        for max in caps {
            for kind in [PriceKind::Input, PriceKind::Output] {
                let policy = match kind {
                    PriceKind::Input => RoutePolicy::new().max_input_price(max),
                    _ => RoutePolicy::new().max_output_price(max),
                };
                let side = |p: &Pricing| match kind {
                    PriceKind::Input => p.input,
                    _ => p.output,
                };
                let want: Vec<(&str, Option<RejectReason>)> = cands
                    .iter()
                    .map(|c| (c.provider.id(), cap_oracle(side(&c.pricing), max, kind)))
                    .collect();
                let what = format!("{id} max {kind} {max}");
                match route_plan(id, &policy) {
                    Ok(plan) => {
                        let pass: Vec<&str> = want
                            .iter()
                            .filter(|(_, r)| r.is_none())
                            .map(|(p, _)| *p)
                            .collect();
                        assert_eq!(ids(&plan.routes), pass, "{what}");
                        let got: Vec<(&str, Option<RejectReason>)> = plan
                            .rejected
                            .iter()
                            .map(|r| (r.provider.as_str(), Some(r.reason.clone())))
                            .collect();
                        let rejected: Vec<_> =
                            want.iter().filter(|(_, r)| r.is_some()).cloned().collect();
                        assert_eq!(got, rejected, "{what}");
                    }
                    Err(e) => {
                        assert!(want.iter().all(|(_, r)| r.is_some()), "{what}: {e}");
                        let got: Vec<(String, Option<RejectReason>)> = rejections(Err(e))
                            .into_iter()
                            .map(|(p, r)| (p, Some(r)))
                            .collect();
                        let want: Vec<(String, Option<RejectReason>)> =
                            want.into_iter().map(|(p, r)| (p.to_owned(), r)).collect();
                        assert_eq!(got, want, "{what}");
                    }
                }
            }
        }
    }
}

#[test]
fn unknown_prices_fail_a_cap_with_their_own_reason() {
    // kimi-k2: groq.json records no price (its `notes` say why); nano-gpt.json offers it at
    // 0.4 / 2.0.
    let k = model("kimi-k2");
    assert_eq!(k.pricing().input, None);
    let plan = route_plan("kimi-k2", &RoutePolicy::new().max_input_price(usd("1000"))).unwrap();
    assert!(ids(&plan.routes).contains(&"nano-gpt"));
    assert!(plan
        .rejected
        .iter()
        .any(|r| r.provider == "groq" && r.reason == RejectReason::PriceUnknown(PriceKind::Input)));
    // Both caps: the input cap is checked first.
    let both = RoutePolicy::new()
        .max_input_price(usd("1000"))
        .max_output_price(usd("0"));
    let got = rejections(route("kimi-k2", &both));
    assert!(got.contains(&(
        "groq".to_owned(),
        RejectReason::PriceUnknown(PriceKind::Input)
    )));
    assert!(got.iter().any(|(p, r)| p == "nano-gpt"
        && matches!(
            r,
            RejectReason::OverMaxPrice {
                kind: PriceKind::Output,
                ..
            }
        )));
}

#[test]
fn an_offer_without_its_own_prices_uses_the_models() {
    // `CustomProvider::offer` records no prices.
    let c = build(vec![keyless("internal-vllm")]);
    let m = c.lookup_model("gpt-oss-120b").unwrap();
    let chain = c
        .route("internal-vllm:gpt-oss-120b", &RoutePolicy::new())
        .unwrap();
    assert_eq!(ids(&chain), ["internal-vllm"]);
    assert_eq!(chain[0].pricing, m.pricing());
    assert!(chain[0].offer.unwrap().own_pricing().is_empty());
    assert_eq!(chain[0].upstream_id, "internal-vllm/gpt-oss-120b");
    // A cap equal to that price keeps it (at most, not under).
    let at = m.pricing().input.unwrap();
    let chain = c
        .route(
            "internal-vllm:gpt-oss-120b",
            &RoutePolicy::new().max_input_price(at),
        )
        .unwrap();
    assert_eq!(chain.len(), 1);
}

// ---------------------------------------------------------------------------------------------
// Sorting
// ---------------------------------------------------------------------------------------------

/// The blended key of the price sort, or `None` when a price with a non-zero weight is unknown.
fn blend(p: &Pricing, wi: u32, wo: u32) -> Option<u128> {
    let part = |price: Option<Price>, w: u32| {
        if w == 0 {
            Some(0)
        } else {
            price.map(|x| u128::from(x.picos_per_token()) * u128::from(w))
        }
    };
    Some(part(p.input, wi)? + part(p.output, wo)?)
}

/// Candidate ids ordered by `key` ascending, `None` last, ties by position (so the oracle does
/// not rely on sort stability).
fn sorted_by<K: Ord + Copy>(
    cands: &[Cand<'_>],
    key: impl Fn(&Cand<'_>) -> Option<K>,
) -> Vec<String> {
    let mut v: Vec<(usize, &Cand<'_>)> = cands.iter().enumerate().collect();
    v.sort_by(|(ia, a), (ib, b)| {
        let (ka, kb) = (key(a), key(b));
        (ka.is_none(), ka, *ia).cmp(&(kb.is_none(), kb, *ib))
    });
    v.into_iter()
        .map(|(_, c)| c.provider.id().to_owned())
        .collect()
}

#[test]
fn price_sort_orders_every_offered_model_exactly() {
    let mut unknown_last_seen = false;
    for m in BUILTIN.models() {
        let cands = candidates(BUILTIN, m);
        if cands.len() < 2 {
            continue;
        }
        for (wi, wo) in [(1, 1), (3, 1), (1, 3), (1, 0), (0, 1), (0, 0)] {
            let policy = RoutePolicy::new().sort(RouteSort::Price {
                input: wi,
                output: wo,
            });
            let chain = route(m.id(), &policy).unwrap();
            let want = sorted_by(&cands, |c| blend(&c.pricing, wi, wo));
            assert_eq!(ids(&chain), want, "{} {wi}:{wo}", m.id());
            if cands.iter().any(|c| blend(&c.pricing, wi, wo).is_none())
                && cands.iter().any(|c| blend(&c.pricing, wi, wo).is_some())
            {
                unknown_last_seen = true;
                let last = chain.last().unwrap();
                assert_eq!(blend(&last.pricing, wi, wo), None, "{}", m.id());
            }
        }
    }
    assert!(
        unknown_last_seen,
        "no offered model lacks a price on some route"
    );

    // gpt-oss-120b per data/providers/*.json: groq 0.15/0.6, nano-gpt 0.05/0.25,
    // openrouter 0.03/0.15, vertex 0.09/0.36 (models.dev
    // providers/google-vertex/models/openai/gpt-oss-120b-maas.toml [cost]): cheapest first is
    // openrouter, nano-gpt, vertex, groq.
    let chain = route(
        "gpt-oss-120b",
        &RoutePolicy::new().sort(RouteSort::Price {
            input: 1,
            output: 1,
        }),
    )
    .unwrap();
    assert_eq!(ids(&chain), ["openrouter", "nano-gpt", "vertex", "groq"]);
}

#[test]
fn price_sort_compares_exactly_and_keeps_ties_in_order() {
    // 0.2 + 0.93 and 0.13 + 1.0 are both exactly 1.13, but not in binary floating point.
    // (The premise of this test: a float comparison would order float-b first.)
    let f = |s: &str| s.parse::<f64>().unwrap();
    assert!(f("0.2") + f("0.93") > f("0.13") + f("1.0"));
    let doc = |id: &str, input: &str, output: &str| {
        format!(
            r#"{{"provider": {{"id": "{id}", "name": "{id}", "key_required": false}},
                "offers": [{{"model": "gpt-oss-120b", "upstream_id": "{id}/gpt-oss-120b",
                             "pricing": {{"input": {input}, "output": {output}}}}}]}}"#
        )
    };
    let a = doc("float-a", "0.2", "0.93");
    let b = doc("float-b", "0.13", "1.0");
    let sort = RoutePolicy::new()
        .allow("float-a")
        .allow("float-b")
        .sort(RouteSort::Price {
            input: 1,
            output: 1,
        });
    for (docs, want) in [
        ([a.as_str(), b.as_str()], ["float-a", "float-b"]),
        ([b.as_str(), a.as_str()], ["float-b", "float-a"]),
    ] {
        let c = build_json(&docs);
        let m = c.lookup_model("gpt-oss-120b").unwrap();
        // The tie keeps catalog order, whichever it is.
        let order: Vec<&str> = c
            .offers_of(m)
            .into_iter()
            .map(|o| o.provider_id())
            .filter(|p| p.starts_with("float-"))
            .collect();
        assert_eq!(order, want);
        assert_eq!(ids(&c.route("gpt-oss-120b", &sort).unwrap()), want);
        // Preference breaks the tie the other way.
        let preferred = sort.clone().prefer(want[1]);
        assert_eq!(
            ids(&c.route("gpt-oss-120b", &preferred).unwrap()),
            [want[1], want[0]]
        );
    }
    // One picodollar per token apart is enough to order them.
    let c = build_json(&[
        &doc("float-a", "0.200001", "0.93"),
        &doc("float-b", "0.13", "1.0"),
    ]);
    assert_eq!(
        ids(&c.route("gpt-oss-120b", &sort).unwrap()),
        ["float-b", "float-a"]
    );
}

#[test]
fn latency_and_error_rate_sorts_put_missing_figures_last_and_keep_ties() {
    let m = model("gpt-oss-120b");
    let cands = candidates(BUILTIN, m);
    let figure_sets: Vec<Vec<(&str, f64)>> = vec![
        vec![("openrouter", 50.0), ("groq", 50.0)],
        vec![("nano-gpt", 10.0)],
        vec![("openrouter", 1.0), ("nano-gpt", 2.0), ("groq", 3.0)],
        vec![("groq", 0.5), ("openrouter", 0.25), ("nano-gpt", 0.5)],
        vec![],
        vec![("no-such-provider", 1.0), ("openrouter", 9.0)],
    ];
    for figures in &figure_sets {
        let map: HashMap<String, f64> = figures.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        // Integer milli-units make an exact `Ord` key for the oracle.
        let fig = |c: &Cand<'_>| {
            figures
                .iter()
                .find(|(k, _)| *k == c.provider.id())
                .map(|(_, v)| (*v * 1000.0) as i64)
        };
        let want = sorted_by(&cands, fig);
        for sort in [
            RouteSort::Latency(map.clone()),
            RouteSort::ErrorRate(map.clone()),
        ] {
            let chain = route("gpt-oss-120b", &RoutePolicy::new().sort(sort.clone())).unwrap();
            assert_eq!(ids(&chain), want, "{sort:?}");
        }
    }
    // Facts: groq is the home provider, so it leads a tie in catalog order; nano-gpt and
    // vertex (which offers it as `openai/gpt-oss-120b-maas`) have no figure and come last.
    let map: HashMap<String, f64> = [("openrouter".to_owned(), 50.0), ("groq".to_owned(), 50.0)]
        .into_iter()
        .collect();
    let chain = route(
        "gpt-oss-120b",
        &RoutePolicy::new().sort(RouteSort::Latency(map.clone())),
    )
    .unwrap();
    assert_eq!(ids(&chain), ["groq", "openrouter", "nano-gpt", "vertex"]);
    // A preference breaks the tie.
    let policy = RoutePolicy::new()
        .prefer("openrouter")
        .sort(RouteSort::ErrorRate(map));
    assert_eq!(
        ids(&route("gpt-oss-120b", &policy).unwrap()),
        ["openrouter", "groq", "nano-gpt", "vertex"]
    );
}

#[test]
fn figures_are_keyed_by_id_or_alias_and_nan_counts_as_none() {
    let mut map = HashMap::new();
    // `open-router` and `groqcloud` are aliases (openrouter.json, groq.json).
    map.insert("open-router".to_owned(), 5.0);
    map.insert("groqcloud".to_owned(), 1.0);
    map.insert("nano-gpt".to_owned(), f64::NAN);
    let chain = route(
        "gpt-oss-120b",
        &RoutePolicy::new().sort(RouteSort::Latency(map)),
    )
    .unwrap();
    // vertex has no figure either.
    assert_eq!(ids(&chain), ["groq", "openrouter", "nano-gpt", "vertex"]);

    // Several keys naming one provider: the largest figure counts.
    let mut map = HashMap::new();
    map.insert("groq".to_owned(), 1.0);
    map.insert("GroqCloud".to_owned(), 100.0);
    map.insert("openrouter".to_owned(), 50.0);
    map.insert("nano-gpt".to_owned(), f64::INFINITY);
    let chain = route(
        "gpt-oss-120b",
        &RoutePolicy::new().sort(RouteSort::ErrorRate(map)),
    )
    .unwrap();
    assert_eq!(ids(&chain), ["openrouter", "groq", "nano-gpt", "vertex"]);
}

// ---------------------------------------------------------------------------------------------
// Chain length
// ---------------------------------------------------------------------------------------------

#[test]
fn max_routes_cuts_the_chain_after_sorting() {
    let m = model("gpt-oss-120b");
    let full = ids(&route("gpt-oss-120b", &RoutePolicy::new()).unwrap())
        .into_iter()
        .map(str::to_owned)
        .collect::<Vec<_>>();
    assert!(full.len() >= 3);
    for n in 1..=full.len() + 1 {
        let plan = route_plan("gpt-oss-120b", &RoutePolicy::new().max_routes(n)).unwrap();
        let keep = n.min(full.len());
        assert_eq!(ids(&plan.routes), full[..keep].to_vec(), "max {n}");
        let truncated: Vec<(&str, &RejectReason)> = plan
            .rejected
            .iter()
            .map(|r| (r.provider.as_str(), &r.reason))
            .collect();
        let want: Vec<(&str, &RejectReason)> = full[keep..]
            .iter()
            .map(|p| (p.as_str(), &RejectReason::Truncated))
            .collect();
        assert_eq!(truncated, want, "max {n}");
    }
    // 0 counts as 1.
    assert_eq!(
        route("gpt-oss-120b", &RoutePolicy::new().max_routes(0))
            .unwrap()
            .len(),
        1
    );
    // Cut after the sort: the cheapest survive.
    let cands = candidates(BUILTIN, m);
    let cheapest = sorted_by(&cands, |c| blend(&c.pricing, 1, 1));
    let policy = RoutePolicy::new()
        .sort(RouteSort::Price {
            input: 1,
            output: 1,
        })
        .max_routes(2);
    assert_eq!(
        ids(&route("gpt-oss-120b", &policy).unwrap()),
        cheapest[..2].to_vec()
    );
    // Rule rejections come first, then the truncated routes in chain order.
    let plan = route_plan(
        "gpt-oss-120b",
        &RoutePolicy::new().deny("groq").max_routes(1),
    )
    .unwrap();
    let reasons: Vec<&RejectReason> = plan.rejected.iter().map(|r| &r.reason).collect();
    assert_eq!(reasons[0], &RejectReason::Denied);
    assert!(reasons[1..].iter().all(|r| **r == RejectReason::Truncated));
}

// ---------------------------------------------------------------------------------------------
// The empty chain
// ---------------------------------------------------------------------------------------------

#[test]
fn an_empty_chain_lists_one_reason_per_candidate() {
    let m = model("gpt-oss-120b");
    let cands = cand_ids(&candidates(BUILTIN, m));
    let mut policy = RoutePolicy::new();
    for p in &cands {
        policy = policy.deny(p);
    }
    let err = route("  gpt-oss-120b ", &policy).unwrap_err();
    assert_eq!(err.kind(), "no_route");
    match &err {
        RouteError::NoRoute {
            input,
            model,
            rejected,
            more,
        } => {
            assert_eq!(*more, 0);
            assert_eq!(input, "gpt-oss-120b");
            assert_eq!(model.as_deref(), Some("gpt-oss-120b"));
            let got: Vec<&str> = rejected.iter().map(|r| r.provider.as_str()).collect();
            assert_eq!(got, cands);
            assert!(rejected.iter().all(|r| r.reason == RejectReason::Denied));
        }
        other => panic!("{other:?}"),
    }
    let msg = err.to_string();
    for p in &cands {
        assert!(msg.contains(&format!("`{p}`: on the deny list")), "{msg}");
    }

    // Mixed reasons, in preference order. Facts: groq, nano-gpt, openrouter and vertex need
    // keys (groq.json, nano-gpt.json, openrouter.json, vertex.json), and are the candidates
    // (vertex offers the model as models.dev's `openai/gpt-oss-120b-maas`).
    assert_eq!(cands, ["groq", "nano-gpt", "openrouter", "vertex"]);
    let policy = RoutePolicy::new()
        .prefer("openrouter")
        .deny("groq")
        .allow("groq")
        .allow("openrouter")
        .keys(Vec::<&str>::new());
    let err = route("gpt-oss-120b", &policy).unwrap_err();
    assert_eq!(
        err.to_string(),
        "no provider can serve `gpt-oss-120b` under the routing policy: \
         `openrouter`: needs the caller's provider key, and none is held; \
         `groq`: on the deny list; \
         `nano-gpt`: not on the allow list; \
         `vertex`: not on the allow list"
    );
}

#[test]
fn reasons_have_stable_kinds_and_readable_messages() {
    let reasons = [
        (RejectReason::Denied, "denied", "on the deny list"),
        (RejectReason::NotAllowed, "not_allowed", "not on the allow list"),
        (
            RejectReason::NoKey,
            "no_key",
            "needs the caller's provider key, and none is held",
        ),
        (
            RejectReason::CapabilityMissing(Capability::Vision),
            "capability_missing",
            "the model does not support `vision`",
        ),
        (
            RejectReason::CapabilityUnknown(Capability::Tools),
            "capability_unknown",
            "not known whether the model supports `tools`",
        ),
        (
            RejectReason::SurfaceMissing(Surface::Responses),
            "surface_missing",
            "has no `responses` API surface",
        ),
        (
            RejectReason::ParamUnsupported {
                surface: Surface::ChatCompletions,
                param: "thinking".to_owned(),
            },
            "param_unsupported",
            "its `chat-completions` surface does not accept `thinking`",
        ),
        (
            RejectReason::ParamUnknown {
                surface: Surface::Messages,
                param: "x\ny".to_owned(),
            },
            "param_unknown",
            "not known whether its `messages` surface accepts `x\\u{a}y` (its parameters are not recorded)",
        ),
        (
            RejectReason::OverMaxPrice {
                kind: PriceKind::Output,
                price: usd("0.6"),
                max: usd("0.25"),
            },
            "over_max_price",
            "output price 0.6 USD/Mtok is over the maximum 0.25 USD/Mtok",
        ),
        (
            RejectReason::PriceUnknown(PriceKind::Input),
            "price_unknown",
            "input price unknown, so the maximum cannot be checked",
        ),
        (
            RejectReason::Truncated,
            "truncated",
            "beyond the maximum chain length",
        ),
    ];
    for (r, kind, msg) in reasons {
        assert_eq!(r.kind(), kind);
        assert_eq!(r.to_string(), msg);
    }
}

// ---------------------------------------------------------------------------------------------
// Explicit providers, pass-throughs, resolution errors
// ---------------------------------------------------------------------------------------------

#[test]
fn an_explicit_provider_restricts_the_chain() {
    let m = model("gpt-oss-120b");
    for cand in candidates(BUILTIN, m) {
        let p = cand.provider.id();
        for input in [format!("{p}:gpt-oss-120b"), format!("{p}/gpt-oss-120b")] {
            // Even a preference for, or a price sort favouring, another provider adds nothing.
            let policy =
                RoutePolicy::new()
                    .prefer("openrouter")
                    .prefer("groq")
                    .sort(RouteSort::Price {
                        input: 1,
                        output: 1,
                    });
            let chain = route(&input, &policy).unwrap();
            assert_eq!(ids(&chain), [p], "{input}");
            assert_eq!(chain[0].upstream_id, cand.upstream_id, "{input}");
            assert_eq!(chain[0].pricing, cand.pricing, "{input}");
            assert_eq!(chain[0].offer.is_some(), cand.offer, "{input}");
            assert_eq!(chain[0].model.map(Model::id), Some("gpt-oss-120b"));
            // Denying it leaves nothing.
            let got = rejections(route(&input, &RoutePolicy::new().deny(p)));
            assert_eq!(got, [(p.to_owned(), RejectReason::Denied)], "{input}");
        }
    }
    // An offer's upstream id alone is a model name, not a provider prefix: the full chain.
    // (`openai/gpt-oss-120b` is the offers' upstream id in nano-gpt.json and openrouter.json.)
    let chain = route("openai/gpt-oss-120b", &RoutePolicy::new()).unwrap();
    assert_eq!(ids(&chain), cand_ids(&candidates(BUILTIN, m)));
}

#[test]
fn a_pass_through_has_exactly_one_route() {
    let input = "openrouter:meta-llama/Llama-3.3-70B-Instruct";
    let plan = route_plan(input, &RoutePolicy::new()).unwrap();
    assert!(plan.rejected.is_empty());
    assert_eq!(plan.routes.len(), 1);
    let r = &plan.routes[0];
    assert_eq!(r.provider.id(), "openrouter");
    assert!(r.model.is_none() && r.offer.is_none());
    assert_eq!(r.upstream_id, "meta-llama/Llama-3.3-70B-Instruct");
    assert!(r.pricing.is_empty());
    assert_eq!(r.base_url, provider("openrouter").base_url());
    assert_eq!(r.caller_key_required, needs_key(provider("openrouter")));

    // Nothing is known of the model: capabilities and prices are unknown.
    let got = rejections(route(
        input,
        &RoutePolicy::new().capability(Capability::Tools),
    ));
    assert_eq!(
        got,
        [(
            "openrouter".to_owned(),
            RejectReason::CapabilityUnknown(Capability::Tools)
        )]
    );
    let got = rejections(route(
        input,
        &RoutePolicy::new().max_output_price(usd("100")),
    ));
    assert_eq!(
        got,
        [(
            "openrouter".to_owned(),
            RejectReason::PriceUnknown(PriceKind::Output)
        )]
    );
    // A sort has nothing to reorder, and a preference adds no provider.
    let chain = route(
        input,
        &RoutePolicy::new().prefer("groq").sort(RouteSort::Price {
            input: 1,
            output: 1,
        }),
    )
    .unwrap();
    assert_eq!(ids(&chain), ["openrouter"]);

    // A custom provider listing no models passes everything through.
    let c = build(vec![
        CustomProvider::new("internal", "Internal").key_required(false)
    ]);
    let chain = c
        .route("internal:any/Model-Name", &RoutePolicy::new())
        .unwrap();
    assert_eq!(ids(&chain), ["internal"]);
    assert_eq!(chain[0].upstream_id, "any/Model-Name");
    assert!(!chain[0].caller_key_required);
}

#[test]
fn resolution_errors_come_back_inside_route_error() {
    let policy = RoutePolicy::new();
    let cases: [(&str, &str); 5] = [
        ("gpt-4-o", "unknown_model"),
        ("", "empty"),
        ("foo:gpt-4o", "unknown_provider"),
        ("openai:llama-3.3-70b", "model_not_offered"),
        ("groq:gpt-oss-120b\u{7}", "unknown_model"),
    ];
    for (input, kind) in cases {
        let err = route(input, &policy).unwrap_err();
        let inner = BUILTIN.resolve_model(input).unwrap_err();
        assert_eq!(err.kind(), kind, "{input:?}");
        assert_eq!(err.to_string(), inner.to_string(), "{input:?}");
        assert!(err.rejected().is_empty());
        assert_eq!(err, RouteError::Resolve(inner));
    }
    let long = "x".repeat(model_catalog::MAX_INPUT_LEN + 1);
    assert!(matches!(
        route(&long, &policy),
        Err(RouteError::Resolve(ResolveError::TooLong { .. }))
    ));
}

// ---------------------------------------------------------------------------------------------
// Custom providers
// ---------------------------------------------------------------------------------------------

#[test]
fn custom_offers_of_builtin_models_add_routes() {
    let c = build(vec![
        keyless("internal-vllm").base_url("http://vllm.internal:8000/v1"),
        CustomProvider::new("paid-proxy", "Paid proxy").offer("gpt-oss-120b", "oss-120b"),
    ]);
    let m = c.lookup_model("gpt-oss-120b").unwrap();
    let want = candidates(&c, m);
    let builtin = cand_ids(&candidates(BUILTIN, model("gpt-oss-120b")))
        .into_iter()
        .map(str::to_owned)
        .collect::<Vec<_>>();
    // The built-in candidates, then the custom offers in document order.
    let mut expected = builtin.clone();
    expected.extend(["internal-vllm".to_owned(), "paid-proxy".to_owned()]);
    assert_eq!(cand_ids(&want), expected);

    let chain = c.route("gpt-oss-120b", &RoutePolicy::new()).unwrap();
    assert_eq!(ids(&chain), expected);
    let vllm = &chain[builtin.len()];
    assert_eq!(vllm.upstream_id, "internal-vllm/gpt-oss-120b");
    assert_eq!(vllm.base_url, Some("http://vllm.internal:8000/v1"));
    assert!(!vllm.caller_key_required);
    assert!(chain[builtin.len() + 1].caller_key_required); // CustomProvider requires a key by default

    // With keys for groq only, the keyless custom provider is the fallback.
    let chain = c
        .route("gpt-oss-120b", &RoutePolicy::new().key("groq"))
        .unwrap();
    assert_eq!(ids(&chain), ["groq", "internal-vllm"]);
    // The built-in catalog does not know it.
    assert!(!ids(&route("gpt-oss-120b", &RoutePolicy::new()).unwrap()).contains(&"internal-vllm"));
}

#[test]
fn custom_models_route_to_their_provider_and_offers() {
    let c = build(vec![
        CustomProvider::new("home", "Home")
            .key_required(false)
            .model("my-model", "vendor/My-Model"),
        CustomProvider::new("mirror", "Mirror").offer("my-model", "mirror/my-model"),
    ]);
    let chain = c.route("my-model", &RoutePolicy::new()).unwrap();
    assert_eq!(ids(&chain), ["home", "mirror"]);
    assert_eq!(chain[0].upstream_id, "vendor/My-Model");
    assert_eq!(chain[1].upstream_id, "mirror/my-model");
    assert!(chain[0].surface.is_none()); // no surface recorded
    let chain = c
        .route("my-model", &RoutePolicy::new().prefer("mirror"))
        .unwrap();
    assert_eq!(ids(&chain), ["mirror", "home"]);
    let chain = c.route("mirror:my-model", &RoutePolicy::new()).unwrap();
    assert_eq!(ids(&chain), ["mirror"]);
}

/// A candidate that fails several rules is reported under the first of them, in the order
/// the module documentation gives (deny, allow, keys, capabilities in the order required,
/// surface and parameters, input then output price).
#[test]
fn a_candidate_failing_two_rules_is_reported_under_the_first() {
    let c = build_json(&[
        r#"{"provider": {"id": "zq-home", "name": "Z", "key_required": true,
            "api_surfaces": [{"format": "openai", "surface": "chat-completions", "supported_params": ["model"]}]},
        "models": [{"id": "zq-m", "name": "M", "capabilities": {"tools": false, "reasoning": false},
            "pricing": {"input": 5, "output": 10}}]}"#,
    ]);
    let cheap = usd("1");
    let held = || RoutePolicy::new().key("zq-home");
    let cases: Vec<(&str, RoutePolicy, RejectReason)> = vec![
        (
            "denied and not allowed",
            RoutePolicy::new().deny("zq-home").allow("openai"),
            RejectReason::Denied,
        ),
        (
            "not allowed and no key",
            RoutePolicy::new().allow("openai").keys(Vec::<&str>::new()),
            RejectReason::NotAllowed,
        ),
        (
            "no key and a missing capability",
            RoutePolicy::new()
                .keys(Vec::<&str>::new())
                .capability(Capability::Tools),
            RejectReason::NoKey,
        ),
        (
            "a missing capability and a missing surface",
            held()
                .capability(Capability::Tools)
                .surface(Surface::Messages),
            RejectReason::CapabilityMissing(Capability::Tools),
        ),
        (
            "a missing capability and a price cap",
            held().capability(Capability::Tools).max_input_price(cheap),
            RejectReason::CapabilityMissing(Capability::Tools),
        ),
        (
            "two missing capabilities, tools first",
            held()
                .capability(Capability::Tools)
                .capability(Capability::Reasoning),
            RejectReason::CapabilityMissing(Capability::Tools),
        ),
        (
            "two missing capabilities, reasoning first",
            held()
                .capability(Capability::Reasoning)
                .capability(Capability::Tools),
            RejectReason::CapabilityMissing(Capability::Reasoning),
        ),
        (
            "a missing surface and a price cap",
            held().surface(Surface::Messages).max_input_price(cheap),
            RejectReason::SurfaceMissing(Surface::Messages),
        ),
        (
            "an unsupported parameter and a price cap",
            held()
                .param(Surface::ChatCompletions, "tools")
                .max_output_price(cheap),
            RejectReason::ParamUnsupported {
                surface: Surface::ChatCompletions,
                param: "tools".into(),
            },
        ),
        (
            "both prices over their caps",
            held().max_output_price(cheap).max_input_price(cheap),
            RejectReason::OverMaxPrice {
                kind: PriceKind::Input,
                price: usd("5"),
                max: cheap,
            },
        ),
    ];
    for (what, policy, reason) in cases {
        let got = rejections(c.route("zq-m", &policy));
        assert_eq!(got, [("zq-home".to_owned(), reason)], "{what}");
    }
}

/// A `no_route` error lists at most `MAX_REJECTIONS` rejections and counts the others: one
/// tenant's document of many providers offering a popular model does not make every failed
/// route of it, and the message logged for it, grow with them.
#[test]
fn no_route_lists_a_bounded_number_of_rejections() {
    use model_catalog::MAX_REJECTIONS;
    let mut b = Catalog::builder();
    for i in 0..40 {
        let id = format!("t{i:02}");
        b = b.provider(CustomProvider::new(&id, &id).offer("gpt-4o", &format!("{id}-4o")));
    }
    let c = b.build().unwrap();
    let m = c.lookup_model("gpt-4o").unwrap();
    // The candidates: the home, then every offering provider.
    let candidates = 1 + c.offers_of(m).len();
    assert!(candidates >= 41);
    let policy = RoutePolicy::new().allow("openai").deny("openai");
    let e = c.route("gpt-4o", &policy).unwrap_err();
    match &e {
        RouteError::NoRoute { rejected, more, .. } => {
            assert_eq!(MAX_REJECTIONS, 16);
            assert_eq!(rejected.len(), MAX_REJECTIONS);
            assert_eq!(*more, candidates - MAX_REJECTIONS);
            assert_eq!(rejected[0].provider, "openai");
            assert_eq!(rejected[0].reason, RejectReason::Denied);
        }
        other => panic!("{other:?}"),
    }
    let text = e.to_string();
    assert!(
        text.ends_with(&format!("; and {} more", candidates - MAX_REJECTIONS)),
        "{text}"
    );
    assert_eq!(
        text.matches("not on the allow list").count(),
        MAX_REJECTIONS - 1
    );
    // Fewer candidates than the bound: every one, nothing more.
    let e = route("gpt-oss-120b", &policy).unwrap_err();
    match e {
        RouteError::NoRoute { rejected, more, .. } => {
            assert_eq!(
                rejected.len(),
                1 + BUILTIN.offers_of(model("gpt-oss-120b")).len()
            );
            assert_eq!(more, 0);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn active_on_leaves_out_routes_retired_that_day() {
    let day = |s: &str| -> model_catalog::Date { s.parse().unwrap() };
    // LiteLLM 1.110.2: `vertex_ai/openai/gpt-oss-20b-maas` has "deprecation_date":
    // "2026-10-21"; Groq's `groq/openai/gpt-oss-20b` none.
    let live = RoutePolicy::new().active_on(day("2026-11-29"));
    let plan = route_plan("gpt-oss-20b", &live).unwrap();
    assert!(ids(&plan.routes).contains(&"groq"));
    assert!(!ids(&plan.routes).contains(&"vertex"));
    assert!(plan.rejected.iter().any(|r| r.provider == "vertex"
        && r.reason
            == RejectReason::Retired {
                since: day("2026-10-21")
            }));
    // The day before, Vertex is still a route.
    let before = RoutePolicy::new().active_on(day("2026-10-20"));
    assert!(ids(&route("gpt-oss-20b", &before).unwrap()).contains(&"vertex"));
    // Seed 000: GPT-3.5 Turbo retires 2026-09-28, at every provider that serves it.
    match route("gpt-3.5-turbo", &live).unwrap_err() {
        RouteError::NoRoute { rejected, .. } => {
            assert!(!rejected.is_empty());
            for r in &rejected {
                assert_eq!(
                    r.reason,
                    RejectReason::Retired {
                        since: day("2026-09-28")
                    },
                    "{}",
                    r.provider
                );
            }
            assert_eq!(rejected[0].reason.kind(), "retired");
            assert_eq!(rejected[0].reason.to_string(), "retired on 2026-09-28");
        }
        other => panic!("{other:?}"),
    }
    // Without the rule, lifecycle does not decide routes.
    assert!(route("gpt-3.5-turbo", &RoutePolicy::new()).is_ok());
}

/// A fine-tune is of its base snapshot: routes to it end when the snapshot retires, as its
/// resolution does (`refuse_retired`, `lifecycle_on`).
#[test]
fn a_fine_tune_of_a_retired_snapshot_is_not_routed_with_active_on() {
    let day = |s: &str| -> model_catalog::Date { s.parse().unwrap() };
    // LiteLLM 1.110.2: "gpt-4o-2024-05-13" has "deprecation_date": "2026-10-23".
    let ft = "ft:gpt-4o-2024-05-13:acme:bot:abc123";
    for input in [ft.to_owned(), format!("openai:{ft}")] {
        let after = RoutePolicy::new().active_on(day("2026-11-01"));
        match route(&input, &after).unwrap_err() {
            RouteError::NoRoute { rejected, .. } => {
                assert_eq!(rejected.len(), 1, "{input}");
                assert_eq!(rejected[0].provider, "openai");
                let since = day("2026-10-23");
                assert_eq!(rejected[0].reason, RejectReason::Retired { since });
            }
            other => panic!("{input}: {other:?}"),
        }
        let before = RoutePolicy::new().active_on(day("2026-10-22"));
        let chain = route(&input, &before).unwrap();
        assert_eq!(ids(&chain), ["openai"], "{input}");
        assert_eq!(chain[0].upstream_id, ft);
    }
}

/// A dated snapshot named alone is routed to every provider that serves it: its home, and
/// each provider whose offer of the model, resolved as `provider:offer id`, is that
/// snapshot, with the same upstream id and prices as that resolution.
#[test]
fn a_snapshot_routes_to_every_provider_that_serves_it() {
    let mut with_fallbacks = 0;
    for m in model_catalog::models() {
        for s in m.served_names() {
            let chain = route(s.id(), &RoutePolicy::new()).unwrap();
            assert_eq!(chain[0].provider.id(), m.provider_id(), "{}", s.id());
            // The offers that serve the snapshot, as resolution says, each as resolved.
            let mut want: Vec<(String, String, Pricing)> = Vec::new();
            for o in BUILTIN.offers_of(m) {
                let input = format!("{}:{}", o.provider_id(), o.upstream_id());
                let r = model_catalog::resolve_model(&input).unwrap();
                if r.served_name().is_some_and(|x| x.id() == s.id()) {
                    let upstream = r.upstream_id.to_string();
                    want.push((o.provider_id().to_owned(), upstream, r.pricing()));
                }
            }
            let mut got: Vec<(String, String, Pricing)> = chain[1..]
                .iter()
                .map(|r| {
                    (
                        r.provider.id().to_owned(),
                        r.upstream_id.to_string(),
                        r.pricing,
                    )
                })
                .collect();
            got.sort_by(|a, b| a.0.cmp(&b.0));
            want.sort_by(|a, b| a.0.cmp(&b.0));
            assert_eq!(got, want, "{}", s.id());
            with_fallbacks += usize::from(chain.len() > 1);
        }
    }
    // NanoGPT serves `claude-sonnet-4-5-20250929` under that very id (models.dev
    // providers/nano-gpt/models/claude-sonnet-4-5-20250929.toml), and `o3-pro-2025-06-10` as
    // `openai/o3-pro-2025-06-10`.
    assert!(with_fallbacks >= 2);
    for (snapshot, upstream) in [
        ("claude-sonnet-4-5-20250929", "claude-sonnet-4-5-20250929"),
        ("o3-pro-2025-06-10", "openai/o3-pro-2025-06-10"),
    ] {
        let chain = route(snapshot, &RoutePolicy::new()).unwrap();
        let nano = chain
            .iter()
            .find(|r| r.provider.id() == "nano-gpt")
            .unwrap_or_else(|| panic!("{snapshot}: {:?}", ids(&chain)));
        assert_eq!(nano.upstream_id, upstream);
    }
}
