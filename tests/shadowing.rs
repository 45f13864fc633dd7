//! No capture between providers (SECURITY.md section 4): a run-time name never takes strings
//! addressed to another provider, built in or custom, whatever order they are added in.

use model_catalog::{Catalog, CatalogBuilder, CustomProvider, ResolveError};

/// Where `input` goes in `c`: (provider id, model id, upstream id), or the error kind.
fn goes(c: &Catalog, input: &str) -> Result<(String, Option<String>, String), String> {
    c.resolve_model(input)
        .map(|r| {
            (
                r.provider.id().to_owned(),
                r.model.map(|m| m.id().to_owned()),
                r.upstream_id.to_string(),
            )
        })
        .map_err(|e| e.kind().to_owned())
}

fn pass(provider: &str, upstream: &str) -> Result<(String, Option<String>, String), String> {
    Ok((provider.to_owned(), None, upstream.to_owned()))
}

/// `model` served by `provider` under `upstream`, as [`goes`] gives it.
fn served(
    provider: &str,
    model: &str,
    upstream: &str,
) -> Result<(String, Option<String>, String), String> {
    Ok((
        provider.to_owned(),
        Some(model.to_owned()),
        upstream.to_owned(),
    ))
}

/// The builder with the JSON documents `docs` added in this order (`d0.json`, `d1.json`, ...).
fn documents(docs: &[&str]) -> CatalogBuilder {
    docs.iter()
        .enumerate()
        .fold(Catalog::builder(), |b, (i, doc)| {
            b.json(&format!("d{i}.json"), doc).unwrap()
        })
}

/// The builder with `providers` added in this order.
fn with(providers: &[CustomProvider]) -> CatalogBuilder {
    let mut b = Catalog::builder();
    for p in providers {
        b = b.provider(p.clone());
    }
    b
}

#[test]
fn a_custom_name_never_captures_another_custom_providers_strings() {
    let acme = CustomProvider::new("acme", "Acme");
    let evil = CustomProvider::new("evil", "Evil")
        .model("acme/secret-model", "acme/secret-model")
        .offer("gpt-4o", "acme/gpt-4o-fast");
    // In both orders: `acme/...` strings go to Acme; Evil's names are Evil's only.
    for order in [[acme.clone(), evil.clone()], [evil.clone(), acme.clone()]] {
        let c = with(&order).build().unwrap();
        assert_eq!(goes(&c, "acme/secret-model"), pass("acme", "secret-model"));
        assert_eq!(goes(&c, "acme/gpt-4o-fast"), pass("acme", "gpt-4o-fast"));
        assert_eq!(
            goes(&c, "evil:acme/secret-model"),
            served("evil", "acme/secret-model", "acme/secret-model")
        );
        assert_eq!(
            goes(&c, "evil/acme/gpt-4o-fast"),
            served("evil", "gpt-4o", "acme/gpt-4o-fast")
        );
    }
    // Through an alias document too.
    let mut b = with(std::slice::from_ref(&acme));
    b = b
        .json(
            "aliases.json",
            r#"{"aliases": [{"alias": "acme/cheap", "target": "gpt-4o-mini"}]}"#,
        )
        .unwrap();
    let c = b.build().unwrap();
    assert_eq!(goes(&c, "acme/cheap"), pass("acme", "cheap"));
}

#[test]
fn an_imported_listing_cannot_capture_another_providers_strings_across_pages() {
    // Two pages of an ngrok listing (seed 004's shape, tests/fixtures/seed004_page.json): the
    // second page's provider names a model after the first page's provider.
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/seed004_page.json")).unwrap();
    let provider = |id: &str, model: Option<&str>| {
        let mut p = fixture["aiGatewayProviders"][0].clone();
        p["id"] = format!("aigp_{id}").into();
        p["uri"] = format!("https://api.ngrok.ai/providers/aigp_{id}").into();
        p["providerId"] = id.into();
        p["models"] = match model {
            Some(m) => serde_json::json!([{"id": format!("aigpm_{id}1"), "modelId": m}]),
            None => serde_json::json!([]),
        };
        p
    };
    let page = |p: serde_json::Value, next: Option<&str>| {
        let mut list = fixture.clone();
        list["aiGatewayProviders"] = serde_json::json!([p]);
        list["nextPageUri"] = next.into();
        list.to_string()
    };
    let first = page(
        provider("acme", None),
        Some("https://api.ngrok.ai/providers?beforeId=aigp_acme"),
    );
    let second = page(provider("evil", Some("acme/secret-model")), None);
    let options = model_catalog::formats::ImportOptions::new();
    // In both orders of the listing.
    let reversed = [
        page(
            provider("evil", Some("acme/secret-model")),
            Some("https://api.ngrok.ai/providers?beforeId=aigp_evil"),
        ),
        page(provider("acme", None), None),
    ];
    for pages in [[first.clone(), second.clone()], reversed] {
        let c = model_catalog::formats::import_ngrok(Catalog::builtin(), &pages, &options)
            .expect("the listing imports");
        assert_eq!(goes(&c, "acme/secret-model"), pass("acme", "secret-model"));
        assert_eq!(
            goes(&c, "evil:acme/secret-model"),
            served("evil", "acme/secret-model", "acme/secret-model")
        );
    }
}

#[test]
fn a_new_provider_name_that_catalog_names_begin_with_is_refused_unless_allowed() {
    // NanoGPT's ids (seed 003) begin with `x-ai/`, `qwen/`, `meta-llama/`, `moonshotai/`,
    // `z-ai/`, `nousresearch/`; `claude-opus-4-6:thinking` begins with `claude-opus-4-6:`.
    for name in [
        "x-ai",
        "qwen",
        "meta-llama",
        "moonshotai",
        "z-ai",
        "nousresearch",
        "claude-opus-4-6",
    ] {
        let err = with(&[CustomProvider::new(name, "Mine")])
            .build()
            .expect_err(name);
        let msg = err.to_string();
        assert!(msg.contains(name) && msg.contains("begin with"), "{msg}");
        // An alias is checked the same way.
        let err = with(&[CustomProvider::new("mine", "Mine").alias(name)])
            .build()
            .expect_err(name);
        assert!(err.to_string().contains("begin with"), "{err}");
    }
    // With leave, the provider is registered and the catalog's model names keep winning.
    let mut b = with(&[CustomProvider::new("x-ai", "xAI direct")]);
    b = b.allow_override("x-ai");
    let c = b.build().unwrap();
    let r = c.resolve_model("x-ai/grok-4.3").unwrap();
    assert_eq!(r.provider.id(), "nano-gpt");
    assert_eq!(goes(&c, "x-ai/grok-9"), pass("x-ai", "grok-9"));
    let mut b = with(&[CustomProvider::new("claude-opus-4-6", "Odd")]);
    b = b.allow_override("claude-opus-4-6");
    let c = b.build().unwrap();
    assert_eq!(
        c.resolve_model("claude-opus-4-6:thinking")
            .unwrap()
            .provider
            .id(),
        "nano-gpt"
    );
    // A name no catalog model begins with is fine.
    assert!(with(&[CustomProvider::new("acme", "Acme")]).build().is_ok());
}

#[test]
fn leave_to_override_a_provider_does_not_let_another_capture_its_strings() {
    let mut b = with(&[CustomProvider::new("mine", "Mine").model("openai/gpt-9", "openai/gpt-9")]);
    b = b.allow_override("openai");
    let c = b.build().unwrap();
    let r = c.resolve_model("openai/gpt-9").unwrap();
    assert_eq!((r.provider.id(), &*r.upstream_id), ("openai", "gpt-9"));
    assert!(r.is_pass_through());
    assert!(!r.overrides_builtin);
    let r = c.resolve_model("mine:openai/gpt-9").unwrap();
    assert_eq!((r.provider.id(), &*r.upstream_id), ("mine", "openai/gpt-9"));
    assert!(!r.overrides_builtin);
    // Replacing OpenAI itself, its own `openai/` names are its own, and say so.
    let mut b = Catalog::builder();
    b = b
        .provider(CustomProvider::new("openai", "My OpenAI proxy").model("openai/gpt-9", "gpt-9"))
        .allow_override("openai");
    let c = b.build().unwrap();
    let r = c.resolve_model("openai/gpt-9").unwrap();
    assert_eq!((r.provider.id(), &*r.upstream_id), ("openai", "gpt-9"));
    assert!(r.overrides_builtin);
}

#[test]
fn an_offer_id_beginning_with_its_own_providers_name_stays_with_that_provider() {
    // `acme` serves OpenAI's gpt-4o under ids that begin with its own name: strings addressed
    // to `acme` stay with it, never going to OpenAI as `gpt-4o`.
    let acme = CustomProvider::new("acme", "Acme")
        .offer("gpt-4o", "acme:gpt-4o-fast")
        .offer("gpt-4o-mini", "acme/mini");
    let c = with(&[acme]).build().unwrap();
    assert_eq!(goes(&c, "acme:gpt-4o-fast"), pass("acme", "gpt-4o-fast"));
    assert_eq!(goes(&c, "acme/mini"), pass("acme", "mini"));
    // Named through the provider, each is the offer, sent as the offer's id.
    assert_eq!(
        goes(&c, "acme:acme:gpt-4o-fast"),
        served("acme", "gpt-4o", "acme:gpt-4o-fast")
    );
    assert_eq!(
        goes(&c, "ACME/acme/mini"),
        served("acme", "gpt-4o-mini", "acme/mini")
    );
}

#[test]
fn a_custom_offer_id_never_decides_strings_addressed_to_other_providers() {
    // Evil offers OpenAI's gpt-4o-mini under a name other providers would pass through: a
    // string addressed to OpenRouter or OpenAI keeps its meaning, in every pass-through
    // policy, and only Evil's own strings reach the offer.
    let evil = CustomProvider::new("evil", "Evil").offer("gpt-4o-mini", "Llama-3.3-70B-Instruct");
    let c = with(&[evil]).build().unwrap();
    assert_eq!(
        goes(&c, "openrouter:Llama-3.3-70B-Instruct"),
        pass("openrouter", "Llama-3.3-70B-Instruct")
    );
    assert_eq!(
        goes(&c, "openai:Llama-3.3-70B-Instruct"),
        pass("openai", "Llama-3.3-70B-Instruct")
    );
    let never = model_catalog::Resolver::new().pass_through(model_catalog::PassThrough::Never);
    assert_eq!(
        c.resolve_with(&never, "openai:Llama-3.3-70B-Instruct")
            .unwrap_err()
            .kind(),
        "pass_through_refused"
    );
    assert_eq!(
        goes(&c, "Llama-3.3-70B-Instruct").unwrap_err(),
        "unknown_model"
    );
    assert_eq!(
        goes(&c, "evil:llama-3.3-70b-instruct"),
        served("evil", "gpt-4o-mini", "Llama-3.3-70B-Instruct")
    );
}

#[test]
fn no_run_time_name_captures_openai_fine_tune_ids() {
    // A fine-tune id goes to OpenAI as written (README, rule 5), whatever a run-time catalog
    // adds: a provider or alias named `ft`, or a model name, alias or offer id beginning with
    // `ft:` in any case, is refused.
    let ft = "ft:gpt-4o-mini-2024-07-18:acme:support-bot:9a8b7c6d";
    let refused = [
        CustomProvider::new("ft", "X"),
        CustomProvider::new("FT", "X"),
        CustomProvider::new("evil", "E").alias("Ft"),
        CustomProvider::new("evil", "E").model(ft, "stolen"),
        CustomProvider::new("evil", "E").model("FT:gpt-4o", "stolen"),
        CustomProvider::new("evil", "E").offer("gpt-4o-mini", ft),
    ];
    for (i, p) in refused.into_iter().enumerate() {
        assert!(with(&[p]).build().is_err(), "case {i} was accepted");
    }
    // An alias document too.
    let b = with(&[CustomProvider::new("evil", "E").model("m", "m")])
        .json(
            "aliases.json",
            r#"{"aliases": [{"alias": "fT:gpt-4o:a:b:c", "target": "m"}]}"#,
        )
        .unwrap();
    assert!(b.build().is_err());
    let c = with(&[CustomProvider::new("evil", "E").model("m", "m")])
        .build()
        .unwrap();
    let r = c.resolve_model(ft).unwrap();
    assert_eq!((r.provider.id(), &*r.upstream_id), ("openai", ft));
}

#[test]
fn model_names_no_string_can_reach_are_refused() {
    // The grammar reads `:y` and `/z` as an empty provider name: such names are refused
    // instead of being accepted and never resolving.
    for name in [":y", "/z", "::x"] {
        let b = with(&[CustomProvider::new("acme", "A").model(name, "up")]);
        assert!(b.build().is_err(), "{name:?} was accepted");
        let b = with(&[CustomProvider::new("acme", "A").offer("gpt-4o", name)]);
        assert!(b.build().is_err(), "offer {name:?} was accepted");
        let alias = format!(r#"{{"aliases": [{{"alias": "{name}", "target": "gpt-4o"}}]}}"#);
        let b = Catalog::builder().json("aliases.json", &alias).unwrap();
        assert!(b.build().is_err(), "alias {name:?} was accepted");
    }
}

#[test]
fn an_offer_id_never_changes_what_its_providers_strings_resolve_to() {
    // Built-in meanings (seed and references): OpenRouter serves gpt-4o as `openai/gpt-4o`;
    // `gpt-4o` is OpenAI's; Groq's `llama-3.3-70b-versatile` is sent as
    // `meta-llama/llama-3.3-70b-versatile`; NanoGPT serves Claude Haiku 4.5 as
    // `claude-haiku-4-5-20251001`. A document may not offer another model under one of those
    // names at that provider.
    let refused = [
        r#"{"extends": "openrouter", "offers": [{"model": "claude-haiku-4-5", "upstream_id": "openai/gpt-4o"}]}"#,
        r#"{"extends": "openai", "offers": [{"model": "claude-haiku-4-5", "upstream_id": "GPT-4o"}]}"#,
        r#"{"extends": "groq", "offers": [{"model": "gpt-4o", "upstream_id": "llama-3.3-70b-versatile"}]}"#,
        r#"{"extends": "nano-gpt", "offers": [{"model": "o3-pro", "upstream_id": "claude-haiku-4-5-20251001"}]}"#,
        // Nor offer again, under another id, a model the provider already offers.
        r#"{"extends": "openrouter", "offers": [{"model": "claude-haiku-4-5", "upstream_id": "my-haiku"}]}"#,
    ];
    for (i, doc) in refused.iter().enumerate() {
        let b = Catalog::builder().json("untrusted.json", doc).unwrap();
        assert!(b.build().is_err(), "case {i} was accepted");
    }
    // A new provider: not under the name of its own model, nor of a model it also offers,
    // in either order.
    let refused = [
        CustomProvider::new("evil", "E")
            .model("m", "m")
            .offer("gpt-4o-mini", "M"),
        CustomProvider::new("evil", "E")
            .offer("gpt-4o-mini", "gpt-4o")
            .offer("gpt-4o", "x"),
        CustomProvider::new("evil", "E")
            .offer("gpt-4o", "x")
            .offer("gpt-4o-mini", "gpt-4o"),
    ];
    for (i, p) in refused.into_iter().enumerate() {
        assert!(
            with(&[p]).build().is_err(),
            "provider case {i} was accepted"
        );
    }
    // Nor under a name of another model the provider does not serve (seed: Claude Opus 4.6
    // and Claude Sonnet 4.6 are Anthropic's, `claude-sonnet-4-6-20260217` an alias of the
    // latter; OpenAI serves neither, OpenRouter is an aggregator): `openai:claude-sonnet-4-6`
    // is `model_not_offered` and `openrouter:claude-sonnet-4-6-20260217` names Sonnet, and
    // neither may become another model at that provider's prices.
    assert!(matches!(
        Catalog::builtin().resolve_model("openai:claude-sonnet-4-6"),
        Err(ResolveError::ModelNotOffered { .. })
    ));
    let refused = [
        r#"{"extends": "openai", "offers": [{"model": "claude-opus-4-6", "upstream_id": "claude-sonnet-4-6"}]}"#,
        r#"[{"provider": {"id": "acme", "name": "Acme", "key_required": false}, "models": [{"id": "acme-1", "name": "Acme 1"}]},
            {"extends": "openrouter", "offers": [{"model": "acme-1", "upstream_id": "Claude-Sonnet-4-6-20260217", "pricing": {"input": 0, "output": 0}}]}]"#,
    ];
    for doc in refused {
        let text = documents(&[doc]).build().unwrap_err().to_string();
        assert!(text.contains("upstream_id"), "{text}");
        assert!(text.contains("another model"), "{text}");
    }
    let local = CustomProvider::new("local", "Local").offer("gpt-4o-mini", "claude-sonnet-4-6");
    assert!(with(&[local]).build().is_err());
    // The built-in answers stand beside an offer under a new id.
    let c = Catalog::builder()
        .json(
            "ok.json",
            r#"{"extends": "openrouter", "offers": [{"model": "medlm-large", "upstream_id": "my-medlm"}]}"#,
        )
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(
        goes(&c, "openrouter:openai/gpt-4o"),
        served("openrouter", "gpt-4o", "openai/gpt-4o")
    );
    assert_eq!(
        goes(&c, "openrouter:my-medlm"),
        served("openrouter", "medlm-large", "my-medlm")
    );
}

#[test]
fn a_name_scoped_to_a_provider_never_takes_another_models_name() {
    // Built-in meanings (seed and references): OpenRouter serves gpt-4o as `openai/gpt-4o`,
    // Groq serves gpt-oss-120b as `openai/gpt-oss-120b`. A document that extends them may
    // not give a model of its own one of those names, as its id, upstream id, alias,
    // served name or an alias declared apart: such a name is reachable only through the
    // provider, and would take `openrouter:openai/gpt-4o` from GPT-4o, which OpenRouter
    // serves, at its own prices.
    let model = |names: &str| {
        format!(
            r#"{{"extends": "openrouter", "models": [{{"id": "cheap", "name": "Cheap", {names} "pricing": {{"input": 0.01, "output": 0.01}}}}]}}"#
        )
    };
    let refused = [
        model(r#""upstream_id": "OpenAI/GPT-4o","#),
        model(r#""aliases": ["openai/gpt-4o"],"#),
        model(r#""served_names": [{"id": "openai/gpt-4o"}],"#),
        r#"{"extends": "openrouter", "models": [{"id": "openai/gpt-4o", "name": "Cheap"}]}"#
            .to_owned(),
        format!(
            r#"[{}, {{"aliases": [{{"alias": "openai/gpt-4o", "target": "cheap"}}]}}]"#,
            model("")
        ),
        r#"{"extends": "groq", "models": [{"id": "cheap", "name": "Cheap", "upstream_id": "openai/gpt-oss-120b"}]}"#
            .to_owned(),
    ];
    for (i, doc) in refused.iter().enumerate() {
        let text = documents(&[doc]).build().unwrap_err().to_string();
        assert!(text.contains("another model"), "case {i}: {text}");
    }
    // The same for a custom provider's model, in either order: Acme's `acme/x` is a name of
    // the whole catalog, Evil offers it (as `x-fast`), so `evil:acme/x` is that offer, and
    // Evil's own model sent upstream as `acme/x` would take it.
    let acme = CustomProvider::new("acme", "Acme").model("acme/x", "acme/x");
    let evil = CustomProvider::new("evil", "Evil")
        .model("e1", "acme/x")
        .offer("acme/x", "x-fast");
    for order in [[acme.clone(), evil.clone()], [evil.clone(), acme.clone()]] {
        let text = with(&order).build().unwrap_err().to_string();
        assert!(text.contains("another model"), "{text}");
    }
    // Also where the name's part before the `/` names no provider, and the name is one of
    // the whole catalog because only one provider declares it: P2 offers P1's `acme/x`, and
    // an alias of P2's own model declared apart would take `p2:acme/x`.
    let trusted = r#"[
      {"provider": {"id": "p1", "name": "P1", "key_required": false},
       "models": [{"id": "acme/x", "name": "X"}]},
      {"provider": {"id": "p2", "name": "P2", "key_required": false},
       "models": [{"id": "p2-own", "name": "Own"}],
       "offers": [{"model": "acme/x", "upstream_id": "x-at-p2"}]}]"#;
    let c = documents(&[trusted]).build().unwrap();
    assert_eq!(goes(&c, "p2:acme/x"), served("p2", "acme/x", "x-at-p2"));
    let hostile = r#"{"aliases": [{"alias": "acme/x", "target": "p2-own"}]}"#;
    let text = documents(&[trusted, hostile])
        .build()
        .unwrap_err()
        .to_string();
    assert!(text.contains("another model"), "{text}");
    // A provider that does not serve the model may name a model of its own so (as a vLLM
    // provider serves `google/gemma-3-27b-it`): `evil:acme/x` was `model_not_offered`.
    let evil = CustomProvider::new("evil", "Evil").model("e1", "acme/x");
    let c = with(&[acme.clone(), evil.clone()]).build().unwrap();
    assert_eq!(goes(&c, "evil:acme/x"), served("evil", "e1", "acme/x"));
    assert_eq!(goes(&c, "acme/x"), served("acme", "acme/x", "acme/x"));
    // A scoped name that is no other model's stays the provider's own.
    let c = documents(&[&model(r#""upstream_id": "acme/cheap-1","#)])
        .build()
        .unwrap();
    assert_eq!(
        goes(&c, "openrouter:acme/cheap-1"),
        served("openrouter", "cheap", "acme/cheap-1")
    );
    assert_eq!(
        goes(&c, "openrouter:openai/gpt-4o"),
        served("openrouter", "gpt-4o", "openai/gpt-4o")
    );
    // With leave to override GPT-4o, the name is taken, and the answer says so.
    let c = documents(&[&model(r#""upstream_id": "openai/gpt-4o","#)])
        .allow_override("gpt-4o")
        .build()
        .unwrap();
    let r = c.resolve_model("openrouter:openai/gpt-4o").unwrap();
    assert_eq!(r.model.map(|m| m.id()), Some("cheap"));
    assert!(r.overrides_builtin);
}

#[test]
fn a_second_declaration_never_takes_a_name_from_an_offer() {
    // `acme/x` names no provider. Declared by P1's model alone it is a name of the whole
    // catalog, and P2 offers that model: `p2:acme/x` is P2's offer of it. A second
    // declaration would make the name scoped to each declaring provider: `p2:acme/x` would
    // no longer reach the offer, or would reach P2's own model of that name. So no other
    // provider's model may declare it, whoever that provider is and in any order.
    let p1 = r#"{"provider": {"id": "p1", "name": "P1", "key_required": false},
                 "models": [{"id": "x1", "name": "X", "aliases": ["acme/x"]}]}"#;
    let p2 = r#"{"provider": {"id": "p2", "name": "P2", "key_required": false},
                 "models": [{"id": "p2-own", "name": "Own"}],
                 "offers": [{"model": "x1", "upstream_id": "x-at-p2"}]}"#;
    let c = documents(&[p1, p2]).build().unwrap();
    assert_eq!(goes(&c, "p2:acme/x"), served("p2", "x1", "x-at-p2"));
    let p3 = r#"{"provider": {"id": "p3", "name": "P3", "key_required": false},
                 "models": [{"id": "x3", "name": "X3", "aliases": ["acme/x"]}]}"#;
    let or_offer =
        r#"{"extends": "openrouter", "offers": [{"model": "x1", "upstream_id": "x-at-or"}]}"#;
    let cases = [
        // A bystander's model.
        [p2, p3],
        // The offering provider's own model, by an alias or an upstream id.
        [
            p2,
            r#"{"extends": "p2", "models": [{"id": "p2-two", "name": "Two", "aliases": ["acme/x"]}]}"#,
        ],
        [
            or_offer,
            r#"{"extends": "openrouter", "models": [{"id": "or-two", "name": "Two", "upstream_id": "ACME/X"}]}"#,
        ],
    ];
    for [offers, last] in cases {
        for order in [[p1, offers, last], [last, offers, p1], [offers, last, p1]] {
            let text = documents(&order).build().unwrap_err().to_string();
            assert!(text.contains("would no longer reach that offer"), "{text}");
        }
    }
    // Two providers whose models nobody offers may both declare it: each reaches its own
    // model, and the bare name neither.
    let c = documents(&[p1, p3]).build().unwrap();
    assert_eq!(goes(&c, "p1:acme/x"), served("p1", "x1", "x1"));
    assert_eq!(goes(&c, "p3:acme/x"), served("p3", "x3", "x3"));
    assert_eq!(goes(&c, "acme/x"), Err("unknown_model".to_owned()));
    // An offer names its model by id, also when that id is declared by two providers (the
    // second is then refused for the offer's sake, not the offer for want of the id).
    let a = CustomProvider::new("vllm-a", "A").model("acme-lab/custom-7b", "acme-lab/custom-7b");
    let b = CustomProvider::new("vllm-b", "B").model("custom-b", "acme-lab/custom-7b");
    let gw = CustomProvider::new("gw", "GW").offer("acme-lab/custom-7b", "a-7b");
    let c = with(&[a.clone(), gw.clone()]).build().unwrap();
    assert_eq!(
        goes(&c, "gw:acme-lab/custom-7b"),
        served("gw", "acme-lab/custom-7b", "a-7b")
    );
    let text = with(&[a, b, gw]).build().unwrap_err().to_string();
    assert!(text.contains("custom provider `vllm-b`"), "{text}");
    assert!(text.contains("would no longer reach that offer"), "{text}");
    assert!(!text.contains("not a model id"), "{text}");
    // 70 providers declare a name; the last one also offers the first one's model.
    let declaring = |n: usize, offer: bool| {
        let docs: Vec<String> = (0..n)
            .map(|i| {
                let offers = if offer && i == n - 1 {
                    r#", "offers": [{"model": "m0", "upstream_id": "m0-here"}]"#
                } else {
                    ""
                };
                format!(
                    r#"{{"provider": {{"id": "q{i}", "name": "Q", "key_required": false}},
                        "models": [{{"id": "m{i}", "name": "M", "aliases": ["acme/big"]}}]{offers}}}"#
                )
            })
            .collect();
        documents(&[&format!("[{}]", docs.join(","))]).build()
    };
    assert!(declaring(70, false).is_ok());
    let e = declaring(70, true).unwrap_err();
    // Every declaration but m0's own.
    assert_eq!(e.errors.len(), 69);
    assert!(e.to_string().contains("`q69:acme/big`"), "{e}");
}

#[test]
fn a_provider_named_like_a_vendor_never_takes_a_name_from_an_offer() {
    // PX's model `x1` is also `acme/x`, a name of the whole catalog (no provider is named
    // `acme`), and PZ offers it: `pz:acme/x` is PZ's offer. A provider named `acme` (id or
    // alias) would win the bare `acme/...` strings, `acme/x` would be scoped to PX, and
    // `pz:acme/x` would no longer reach the offer: refused unless allowed, in any order.
    let px = r#"{"provider": {"id": "px", "name": "X", "key_required": false},
                 "models": [{"id": "x1", "name": "X1", "aliases": ["acme/x"]}]}"#;
    let pz = r#"{"provider": {"id": "pz", "name": "Z", "key_required": false},
                 "offers": [{"model": "x1", "upstream_id": "x1-at-z"}]}"#;
    let by_id = r#"{"provider": {"id": "acme", "name": "Acme", "key_required": false}}"#;
    let by_alias = r#"{"provider": {"id": "acme-co", "name": "Acme", "key_required": false, "aliases": ["ACME"]}}"#;
    let c = documents(&[px, pz]).build().unwrap();
    assert_eq!(goes(&c, "pz:acme/x"), served("pz", "x1", "x1-at-z"));
    assert_eq!(goes(&c, "acme/x"), served("px", "x1", "x1"));
    for acme in [by_id, by_alias] {
        for order in [[px, pz, acme], [acme, px, pz], [pz, acme, px]] {
            let text = documents(&order).build().unwrap_err().to_string();
            assert!(text.contains("would no longer reach the offer"), "{text}");
        }
    }
    // Nor may a replacement of a built-in provider add such an alias, with leave to replace
    // that provider only.
    let text = documents(&[px, pz])
        .provider(CustomProvider::new("groq", "My Groq").alias("acme"))
        .allow_override("groq")
        .build()
        .unwrap_err()
        .to_string();
    assert!(text.contains("would no longer reach the offer"), "{text}");
    // With leave, the provider is registered and takes the bare strings.
    let c = documents(&[px, pz, by_id])
        .allow_override("acme")
        .build()
        .unwrap();
    assert_eq!(goes(&c, "acme/x"), pass("acme", "x"));
    // Without an offer of the model, the provider's name wins, as for any custom provider.
    let c = documents(&[px, by_id]).build().unwrap();
    assert_eq!(goes(&c, "acme/x"), pass("acme", "x"));
    assert_eq!(goes(&c, "px:acme/x"), served("px", "x1", "x1"));
}

/// A gateway sends a provider the key its `api_key_env` variable holds (as the gateway
/// example does): a document may not name another provider's variable, or that provider's
/// key would go to the document's base URL. OpenAI's variable is `OPENAI_API_KEY`
/// (models.dev providers/openai/provider.toml `env`).
#[test]
fn a_provider_never_names_another_providers_key_variable() {
    let evil = |var: &str| {
        format!(
            r#"{{"provider": {{"id": "evil", "name": "Evil", "key_required": true,
                 "base_url": "https://evil.example/v1", "api_key_env": "{var}"}}}}"#
        )
    };
    for var in ["OPENAI_API_KEY", "openai_api_key"] {
        let e = documents(&[&evil(var)]).build().unwrap_err();
        assert_eq!(e.errors.len(), 1, "{e}");
        let message = e.errors[0].to_string();
        assert!(message.contains("api_key_env"), "{message}");
        assert!(message.contains("`openai`"), "{message}");
    }
    // With leave it is taken; another variable needs none.
    let c = documents(&[&evil("OPENAI_API_KEY")])
        .allow_override("openai")
        .build()
        .unwrap();
    let p = c.lookup_provider("evil").unwrap();
    assert_eq!(p.api_key_env(), Some("OPENAI_API_KEY"));
    assert!(documents(&[&evil("EVIL_API_KEY")]).build().is_ok());
    // A provider that replaces a built-in one keeps its variable.
    let groq = r#"{"provider": {"id": "groq", "name": "Groq proxy", "key_required": true,
                   "base_url": "https://proxy.example/v1", "api_key_env": "GROQ_API_KEY"}}"#;
    assert!(documents(&[groq]).allow_override("groq").build().is_ok());
    // Between documents the first provider to name a variable keeps it.
    let first = r#"{"provider": {"id": "first", "name": "First", "key_required": true,
                    "api_key_env": "SHARED_KEY"}}"#;
    let second = r#"{"provider": {"id": "second", "name": "Second", "key_required": true,
                     "base_url": "https://second.example/v1", "api_key_env": "Shared_Key"}}"#;
    let e = documents(&[first, second]).build().unwrap_err();
    assert_eq!(e.errors.len(), 1, "{e}");
    assert_eq!(e.errors[0].file, "d1.json");
    assert!(e.errors[0].to_string().contains("`first`"), "{e}");
    assert!(documents(&[first, second])
        .allow_override("first")
        .build()
        .is_ok());
    // Only a variable's name as shells write it: a gateway that trims or splits what it
    // reads would take these for OpenAI's.
    for var in [
        " OPENAI_API_KEY",
        "OPENAI_API_KEY ",
        "OPENAI_API_KEY=x",
        "OPENAI_API_KEY\u{200b}",
        "",
        "1KEY",
    ] {
        let e = documents(&[&evil(var)]).build().unwrap_err();
        assert!(e.to_string().contains("api_key_env"), "{var:?}: {e}");
    }
}
