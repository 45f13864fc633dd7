//! Run-time catalogs: custom providers, extensions of built-in providers, offers, collisions,
//! overrides, all-or-nothing loads, and atomic swaps under concurrent readers.

use model_catalog::schema::{DataErrorKind, DataFile};
use model_catalog::{
    models, resolve_model, Catalog, CatalogError, CustomProvider, MatchKind, Query, ResolveError,
    Resolver, SharedCatalog,
};

mod common;
use common::answer;
use model_catalog_oracle::{Expected, Oracle};

fn vllm() -> CustomProvider {
    CustomProvider::new("internal-vllm", "Internal vLLM")
        .alias("vllm")
        .base_url("http://vllm.internal:8000/v1")
        .key_required(false)
        .model("llama-3", "meta-llama/Meta-Llama-3-8B-Instruct")
        // Not `Qwen/Qwen2.5-Coder-32B-Instruct`: that is the upstream id of a built-in
        // Hyperbolic model (LiteLLM `hyperbolic/Qwen/Qwen2.5-Coder-32B-Instruct`).
        .model("qwen-coder", "Qwen/Qwen2.5-Coder-7B-Instruct")
}

fn build(providers: Vec<CustomProvider>) -> Result<Catalog, CatalogError> {
    let mut b = Catalog::builder();
    for p in providers {
        b = b.provider(p);
    }
    b.build()
}

fn doc(json: &str) -> DataFile {
    serde_json::from_str(json).expect("test document parses")
}

/// A document replacing the built-in `groq` with a proxy (it needs `allow_override("groq")`).
fn groq_proxy() -> DataFile {
    doc(
        r#"{"provider": {"id": "groq", "name": "Groq via proxy", "base_url": "http://proxy.internal/groq/v1", "key_required": true}}"#,
    )
}

/// Each of `inputs` resolves in `c` to the replacement of a built-in provider, whose base URL
/// is `base_url`, and says that an override decided it.
fn sent_to_replacement(c: &Catalog, inputs: &[&str], base_url: &str) {
    for input in inputs {
        let r = c.resolve_model(input).unwrap();
        assert_eq!(r.provider.base_url(), Some(base_url), "{input}");
        assert!(r.overrides_builtin, "{input}");
    }
}

/// The built-in catalog value and the free functions answer as the grammar says: each is
/// compared with the reference resolver of `crates/model-catalog-oracle` (which shares no code
/// with the crate's resolver), and a few answers are spelled out from the data documents.
#[test]
fn the_builtin_catalog_answers_like_the_free_functions() {
    let c = Catalog::builtin();
    assert!(c.is_builtin());
    let oracle = Oracle::new(c);
    let mut inputs: Vec<String> = models().map(|m| m.id().to_owned()).collect();
    inputs.extend(
        [
            "openai:gpt-5-preview",
            "groqcloud:llama-3.3-70b",
            "foo:bar",
            "gpt4o",
            "",
            "openai:llama-3.3-70b",
            "nope/x:y",
        ]
        .map(str::to_owned),
    );
    for input in &inputs {
        let want = oracle.resolve(input);
        assert_eq!(
            Expected::of(&resolve_model(input)),
            want,
            "free function: {input}"
        );
        assert_eq!(
            Expected::of(&c.resolve_model(input)),
            want,
            "catalog value: {input}"
        );
    }
    // Every model id resolves to its own model at its own provider.
    for m in models() {
        let r = c.resolve_model(m.id()).unwrap();
        assert_eq!(
            (r.provider.id(), r.model.map(|m| m.id())),
            (m.provider_id(), Some(m.id()))
        );
    }
    // From data/providers/groq.json: `groqcloud` is groq's alias, `llama-3.3-70b` an alias of
    // `llama-3.3-70b-versatile`, whose upstream id is `meta-llama/llama-3.3-70b-versatile`.
    let r = c.resolve_model("groqcloud:llama-3.3-70b").unwrap();
    assert_eq!(
        (
            r.provider.id(),
            r.model.map(|m| m.id()),
            &*r.upstream_id,
            r.matched
        ),
        (
            "groq",
            Some("llama-3.3-70b-versatile"),
            "meta-llama/llama-3.3-70b-versatile",
            MatchKind::Alias
        )
    );
    let r = c.resolve_model("openai:gpt-5-preview").unwrap();
    assert_eq!(
        (r.provider.id(), r.model, &*r.upstream_id),
        ("openai", None, "gpt-5-preview")
    );
    let kinds: Vec<&str> = ["foo:bar", "gpt4o", "", "openai:llama-3.3-70b", "nope/x:y"]
        .iter()
        .map(|i| c.resolve_model(i).unwrap_err().kind())
        .collect();
    assert_eq!(
        kinds,
        [
            "unknown_provider",
            "unknown_model",
            "empty",
            "model_not_offered",
            "unknown_provider"
        ]
    );
    assert_eq!(c.models().len(), models().len());
    assert_eq!(c.custom_providers().count(), 0);
}

#[test]
fn a_custom_provider_resolves_by_id_alias_and_model() {
    let c = build(vec![vllm()]).unwrap();
    let want = (
        "internal-vllm".to_owned(),
        Some("llama-3".to_owned()),
        "meta-llama/Meta-Llama-3-8B-Instruct".to_owned(),
        false,
    );
    assert_eq!(answer(&c, "internal-vllm:llama-3"), Ok(want.clone()));
    assert_eq!(answer(&c, "VLLM/Llama-3"), Ok(want.clone()));
    assert_eq!(answer(&c, "llama-3"), Ok(want.clone()));
    assert_eq!(answer(&c, "meta-llama/meta-llama-3-8b-instruct"), Ok(want));
    // Unknown models behind it pass through; its models are not another provider's.
    assert_eq!(
        answer(&c, "internal-vllm:mistral-7b"),
        Ok(("internal-vllm".into(), None, "mistral-7b".into(), true))
    );
    assert_eq!(
        answer(&c, "openai:llama-3"),
        Err("model_not_offered".into())
    );
    let p = c.lookup_provider("vllm").unwrap();
    assert_eq!(p.base_url(), Some("http://vllm.internal:8000/v1"));
    assert!(!p.caller_key_required());
    assert_eq!(c.models_of("internal-vllm").unwrap().len(), 2);
    assert_eq!(
        c.custom_providers().map(|p| p.id()).collect::<Vec<_>>(),
        ["internal-vllm"]
    );
    // The built-in catalog is untouched.
    assert!(resolve_model("internal-vllm:llama-3").is_err());
    assert_eq!(answer(&c, "gpt-4o").unwrap().0, "openai");
    // Suggestions come from this catalog.
    match c.resolve_model("lama-3") {
        Err(e @ ResolveError::UnknownModel { .. }) => {
            assert!(e.suggestions().unwrap().contains(&"llama-3".to_owned()))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_custom_provider_without_models_passes_everything_through() {
    let c = build(vec![CustomProvider::new("ollama", "Ollama")]).unwrap();
    for model in ["llama3.2", "gpt-4o", "Meta-Llama-3-8B"] {
        assert_eq!(
            answer(&c, &format!("ollama:{model}")),
            Ok(("ollama".into(), None, model.into(), true)),
            "{model}"
        );
    }
}

#[test]
fn collisions_with_builtin_names_are_refused_naming_both() {
    for (provider, clash) in [
        (CustomProvider::new("OpenAI", "Mine"), "openai"),
        (
            CustomProvider::new("mine", "Mine").alias("groqcloud"),
            "groq",
        ),
        (
            CustomProvider::new("mine", "Mine").model("gpt-4o", "gpt-4o"),
            "gpt-4o",
        ),
        (
            CustomProvider::new("mine", "Mine").model("x", "GPT-4o-2024-08-06"),
            "gpt-4o",
        ),
    ] {
        let err = build(vec![provider]).expect_err("collision");
        assert_eq!(err.errors.len(), 1, "{err}");
        let e = &err.errors[0];
        assert!(matches!(e.kind, DataErrorKind::Duplicate { .. }), "{e:?}");
        let msg = e.to_string();
        assert!(
            msg.contains("built-in") && msg.contains(&format!("`{clash}`")),
            "{msg}"
        );
        assert!(
            e.file.contains("mine") || e.file.contains("OpenAI"),
            "{}",
            e.file
        );
    }
}

#[test]
fn overriding_a_builtin_provider_is_explicit_and_visible() {
    let replacement = doc(
        r#"{"provider": {"id": "openai", "name": "OpenAI via proxy", "base_url": "http://proxy.internal/openai/v1",
            "key_required": false, "aliases": ["oai"]}}"#,
    );
    let mut b = Catalog::builder();
    b = b.document("proxy.json", replacement.clone());
    assert!(b.build().is_err(), "needs leave");
    b = b.allow_override("openai");
    let c = b.build().unwrap();
    sent_to_replacement(
        &c,
        &[
            "gpt-4o",
            "openai:gpt-4o",
            "open-ai:gpt-4o",
            "oai:gpt-4o",
            "openai:gpt-5-preview",
        ],
        "http://proxy.internal/openai/v1",
    );
    // Models stay the built-in ones; other providers are not overridden.
    assert_eq!(
        c.resolve_model("gpt-4o")
            .unwrap()
            .model
            .unwrap()
            .context_window(),
        Some(128_000)
    );
    let r = c.resolve_model("claude-opus-4-6").unwrap();
    assert!(!r.overrides_builtin);
    assert_eq!(
        c.custom_providers().map(|p| p.id()).collect::<Vec<_>>(),
        ["openai"]
    );
    assert!(!c.is_builtin_provider(c.lookup_provider("openai").unwrap()));
    assert!(c.is_builtin_provider(c.lookup_provider("groq").unwrap()));
}

#[test]
fn overriding_a_builtin_model_name_is_explicit_and_visible() {
    let mine = CustomProvider::new("mine", "Mine").model("gpt-4o", "my-gpt-4o-deployment");
    assert!(build(vec![mine.clone()]).is_err());
    let mut b = Catalog::builder();
    b = b.provider(mine).allow_override("gpt-4o");
    let c = b.build().unwrap();
    let r = c.resolve_model("GPT-4o").unwrap();
    assert_eq!(
        (r.provider.id(), &*r.upstream_id, r.overrides_builtin),
        ("mine", "my-gpt-4o-deployment", true)
    );
    // Names the override did not take still reach the built-in model: an alias (seed 000:
    // `gpt-4-omni` resolves to `gpt-4o`) sends its id, a served name itself.
    let r = c.resolve_model("gpt-4-omni").unwrap();
    assert_eq!(
        (r.provider.id(), &*r.upstream_id, r.overrides_builtin),
        ("openai", "gpt-4o", false)
    );
    let r = c.resolve_model("gpt-4o-2024-08-06").unwrap();
    assert_eq!(
        (r.provider.id(), &*r.upstream_id, r.overrides_builtin),
        ("openai", "gpt-4o-2024-08-06", false)
    );
}

#[test]
fn extending_builtin_providers_with_models_aliases_and_offers() {
    let more = doc(
        r#"{"extends": "OpenAI", "models": [{"id": "gpt-9", "name": "GPT-9", "context_window": 2000000}],
            "aliases": [{"alias": "my-default", "target": "gpt-4o"}]}"#,
    );
    let mut b = Catalog::builder();
    b = b.document("more.json", more);
    b = b.provider(
        CustomProvider::new("internal", "Internal").offer("gpt-oss-120b", "gpt-oss-120b-fp8"),
    );
    let c = b.build().unwrap();
    assert_eq!(
        answer(&c, "openai:gpt-9"),
        Ok(("openai".into(), Some("gpt-9".into()), "gpt-9".into(), false))
    );
    assert_eq!(answer(&c, "gpt-9").unwrap().0, "openai");
    assert_eq!(
        answer(&c, "my-default"),
        Ok((
            "openai".into(),
            Some("gpt-4o".into()),
            "gpt-4o".into(),
            false
        ))
    );
    assert_eq!(
        c.resolve_model("my-default").unwrap().matched,
        MatchKind::Alias
    );
    assert!(c
        .models_of("openai")
        .unwrap()
        .iter()
        .any(|m| m.id() == "gpt-9"));
    // The offer: a route to a built-in model under this provider's id.
    assert_eq!(
        answer(&c, "internal:gpt-oss-120b"),
        Ok((
            "internal".into(),
            Some("gpt-oss-120b".into()),
            "gpt-oss-120b-fp8".into(),
            false
        ))
    );
    assert_eq!(answer(&c, "gpt-oss-120b").unwrap().0, "groq");
    let m = c.lookup_model("gpt-oss-120b").unwrap();
    assert!(c
        .offers_of(m)
        .iter()
        .any(|o| o.provider_id() == "internal" && o.upstream_id() == "gpt-oss-120b-fp8"));
    assert!(c
        .models_of("internal")
        .unwrap()
        .iter()
        .any(|m| m.id() == "gpt-oss-120b"));
    // The offer's id is this provider's name for the model, not another's: named at
    // another provider it is that provider's pass-through, and alone it names nothing.
    let r = c.resolve_model("openai:gpt-oss-120b-fp8").unwrap();
    assert!(r.model.is_none() && r.upstream_id == "gpt-oss-120b-fp8");
    let err = c.resolve_model("gpt-oss-120b-fp8").unwrap_err();
    assert_eq!(err.kind(), "unknown_model");
    // Queries see the overlay.
    let big = Query::new().min_context(2_000_000);
    assert!(c.query(&big).iter().any(|m| m.id() == "gpt-9"));
    assert!(!big.run().iter().any(|m| m.id() == "gpt-9"));
}

#[test]
fn extending_an_unknown_provider_is_an_error() {
    let mut b = Catalog::builder();
    b = b.document(
        "x.json",
        doc(r#"{"extends": "azure", "models": [{"id": "m", "name": "M"}]}"#),
    );
    let err = b.build().unwrap_err();
    assert!(
        matches!(&err.errors[0].kind, DataErrorKind::UnknownProvider { provider } if provider == "azure")
    );
}

#[test]
fn json_loads_are_all_or_nothing_and_name_the_path() {
    let shared = SharedCatalog::builtin();
    let err = shared
        .update(|c| {
            c.to_builder()
                .json(
                    "extra.json",
                    r#"[{"provider": {"id": "a", "name": "A", "key_required": true}},
                        {"provider": {"id": "b", "name": "B", "key_required": "yes"}}]"#,
                )?
                .build()
        })
        .unwrap_err();
    let e = &err.errors[0];
    assert_eq!(e.file, "extra.json[1]");
    assert!(
        matches!(&e.kind, DataErrorKind::Field { path, .. } if path == "provider.key_required"),
        "{e:?}"
    );
    // Nothing was added: not even the array's good first document.
    assert!(shared.load().is_builtin());
    assert!(shared.load().lookup_provider("a").is_none());
    let b = Catalog::builder()
        .json(
            "ok.json",
            r#"{"provider": {"id": "a", "name": "A", "key_required": true}}"#,
        )
        .unwrap();
    assert!(b.build().unwrap().lookup_provider("a").is_some());
}

#[test]
fn a_failed_update_leaves_the_shared_catalog_untouched() {
    let shared = SharedCatalog::new(build(vec![vllm()]).unwrap());
    let before: Vec<_> = ["llama-3", "vllm:x", "gpt-4o"]
        .iter()
        .map(|i| answer(&shared.load(), i))
        .collect();
    let result = shared.update(|current| {
        let mut b = current.to_builder();
        b = b.provider(CustomProvider::new("ok", "OK"));
        b = b.provider(CustomProvider::new("Groq", "Clash"));
        b.build()
    });
    assert!(result.is_err());
    let after: Vec<_> = ["llama-3", "vllm:x", "gpt-4o"]
        .iter()
        .map(|i| answer(&shared.load(), i))
        .collect();
    assert_eq!(before, after);
    assert!(shared.load().lookup_provider("ok").is_none());
    // A good update applies whole.
    shared
        .update(|current| {
            let mut b = current.to_builder();
            b = b.provider(CustomProvider::new("ok", "OK"));
            b.build()
        })
        .unwrap();
    assert!(shared.load().lookup_provider("ok").is_some());
    assert!(shared.load().lookup_provider("vllm").is_some());
}

#[test]
fn resolver_options_apply_to_catalogs() {
    let c = build(vec![vllm()]).unwrap();
    let strict = Resolver::new().pass_through(false);
    assert!(c.resolve_with(&strict, "vllm:llama-3").is_ok());
    assert_eq!(
        c.resolve_with(&strict, "vllm:other").unwrap_err().kind(),
        "pass_through_refused"
    );
}

/// Readers resolve while a writer swaps between two catalogs; every answer a reader gets from
/// one load comes from one whole catalog. Bounded iterations, no sleeps.
#[test]
fn readers_see_whole_catalogs_while_a_writer_swaps() {
    let version = |v: &str| {
        let p = CustomProvider::new("dyn", "Dyn")
            .model("first", &format!("first-{v}"))
            .model("second", &format!("second-{v}"));
        build(vec![p]).unwrap()
    };
    let (a, b) = (version("a"), version("b"));
    let shared = SharedCatalog::new(a.clone());
    let mismatches = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                for _ in 0..3_000 {
                    let c = shared.load();
                    let first = c
                        .resolve_model("dyn:first")
                        .unwrap()
                        .upstream_id
                        .to_string();
                    let second = c
                        .resolve_model("dyn:second")
                        .unwrap()
                        .upstream_id
                        .to_string();
                    let builtin = c.resolve_model("gpt-4o").unwrap().provider.id().to_owned();
                    if first.strip_prefix("first-") != second.strip_prefix("second-")
                        || builtin != "openai"
                    {
                        mismatches.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    }
                }
            });
        }
        s.spawn(|| {
            for i in 0..1_000 {
                shared.store(if i % 2 == 0 { b.clone() } else { a.clone() });
            }
        });
    });
    assert_eq!(mismatches.into_inner(), 0);
    // The last store (i = 999) put back catalog a.
    assert_eq!(answer(&shared.load(), "dyn:first").unwrap().2, "first-a");
}

#[test]
fn custom_names_cannot_capture_strings_addressed_to_other_providers() {
    // A whole-string match comes before any prefix, so a name that begins with another
    // provider's name and `:` would take `openai:...` strings away from OpenAI: refused.
    for (provider, field) in [
        (
            CustomProvider::new("mine", "Mine").model("openai:gpt-9", "x"),
            "id",
        ),
        (
            CustomProvider::new("mine", "Mine").offer("gpt-oss-120b", "anthropic:oss"),
            "upstream_id",
        ),
    ] {
        let err = build(vec![provider]).expect_err("shadowing is refused");
        match &err.errors[0].kind {
            DataErrorKind::Invalid { field: f, reason } => {
                assert_eq!(*f, field);
                assert!(reason.contains("capture"), "{reason}");
            }
            k => panic!("{k:?}"),
        }
    }
    // Its own prefix is fine: such names are names of the whole catalog.
    let ok = CustomProvider::new("mine", "Mine")
        .model("mine:fast", "fast")
        .model("mine/faster", "faster")
        .model("meta-llama/x", "x2");
    let c = build(vec![ok]).unwrap();
    assert_eq!(
        answer(&c, "mine:fast").unwrap().1.as_deref(),
        Some("mine:fast")
    );
    assert_eq!(answer(&c, "mine/faster").unwrap().2, "faster");
    // A vendor prefix that names no provider (`meta-llama/`) is reachable through its
    // provider, and bare too while no other provider declares that name.
    assert_eq!(answer(&c, "mine:meta-llama/X").unwrap().2, "x2");
    assert_eq!(answer(&c, "meta-llama/x").unwrap().0, "mine");
    // A name that begins with another provider's name and `/` is reachable only through
    // its own provider; the bare string keeps its meaning (that provider's pass-through),
    // with or without leave to override that provider.
    for allow in [false, true] {
        let mut b = Catalog::builder();
        b = b.provider(
            CustomProvider::new("mine", "Mine")
                .model("Open-AI/gpt-9", "x")
                .model("y", "openai/gpt-10"),
        );
        b = b.provider(CustomProvider::new("agg", "Agg").offer("gpt-4o", "openai/gpt-4o-latest"));
        if allow {
            b = b.allow_override("openai");
        }
        let c = b.build().unwrap();
        for (input, upstream) in [
            ("open-ai/gpt-9", "gpt-9"),
            ("openai/gpt-10", "gpt-10"),
            ("openai/gpt-4o-latest", "gpt-4o-latest"),
        ] {
            let r = c.resolve_model(input).unwrap();
            assert_eq!(r.provider.id(), "openai", "{input}");
            assert!(r.is_pass_through(), "{input}");
            assert_eq!(r.upstream_id, upstream, "{input}");
            assert!(!r.overrides_builtin, "{input}");
        }
        assert_eq!(
            answer(&c, "mine:open-ai/GPT-9").unwrap(),
            (
                "mine".into(),
                Some("Open-AI/gpt-9".into()),
                "x".into(),
                false
            )
        );
        assert_eq!(
            answer(&c, "mine/openai/gpt-10").unwrap(),
            (
                "mine".into(),
                Some("y".into()),
                "openai/gpt-10".into(),
                false
            )
        );
        let r = c.resolve_model("agg:openai/gpt-4o-latest").unwrap();
        assert_eq!(r.model.unwrap().id(), "gpt-4o");
        assert_eq!(r.offer.unwrap().provider_id(), "agg");
        assert_eq!(r.upstream_id, "openai/gpt-4o-latest");
        // The model's own id still reaches it through the offer too.
        assert_eq!(
            c.resolve_model("agg:gpt-4o").unwrap().upstream_id,
            "openai/gpt-4o-latest"
        );
    }
}

#[test]
fn a_builder_and_the_catalogs_built_from_it_do_not_see_each_others_changes() {
    let b = Catalog::builder()
        .provider(CustomProvider::new("zz-one", "One").model("m1", "m1-upstream"))
        .provider(CustomProvider::new("zz-two", "Two").model("m2", "m2-upstream"));
    let c = b.build().unwrap();
    // Changing the builder after build() leaves the catalog as it was built.
    let fewer = b.clone().retain(|name, _| !name.contains("zz-two"));
    assert_eq!(fewer.build().unwrap().documents().len(), 1);
    let more = b.provider(CustomProvider::new("zz-three", "Three").model("m3", "m3-upstream"));
    assert_eq!(more.build().unwrap().documents().len(), 3);
    assert_eq!(c.documents().len(), 2);
    assert!(c.resolve_model("zz-two:m2").is_ok());
    assert!(c.resolve_model("zz-three:m3").is_err());
    // A builder made from the catalog changes a copy too.
    let d = c.to_builder().retain(|_, _| false).build().unwrap();
    assert!(d.documents().is_empty());
    assert_eq!(c.documents().len(), 2);
    assert!(c.resolve_model("m1").is_ok());
}

/// A custom model name of the whole catalog that holds a separator is found whole, in any
/// ASCII case, and one that begins with a built-in provider's name does not capture strings
/// addressed to that provider; a replaced provider's models are served by the replacement,
/// through every spelling.
#[test]
fn overlay_names_with_separators_and_replaced_homes() {
    let acme = CustomProvider::new("acme", "Acme")
        .model("acme-org/special", "special-v1")
        .model("groq/acme-special", "acme-special-v1");
    let c = build(vec![acme]).unwrap();
    for input in ["acme-org/special", "ACME-Org/Special", " acme-org/special "] {
        assert_eq!(
            answer(&c, input),
            Ok((
                "acme".into(),
                Some("acme-org/special".into()),
                "special-v1".into(),
                false
            )),
            "{input}"
        );
    }
    // Addressed to Groq: Groq's pass-through, not Acme's model.
    let r = c.resolve_model("GROQ/acme-special").unwrap();
    assert_eq!((r.provider.id(), r.model.is_none()), ("groq", true));
    assert_eq!(r.upstream_id, "acme-special");
    // Groq's own model (seed: `llama-3.3-70b-versatile` at Groq) is still Groq's, by id and
    // behind its provider's name.
    for input in [
        "llama-3.3-70b-versatile",
        "groq/llama-3.3-70b-versatile",
        "Groq:llama-3.3-70b-versatile",
    ] {
        assert_eq!(answer(&c, input).unwrap().0, "groq", "{input}");
    }
    // A replaced provider: every built-in model of it, by every spelling, goes to the
    // replacement; a model of another provider does not.
    let c = Catalog::builder()
        .document("proxy.json", groq_proxy())
        .allow_override("groq")
        .build()
        .unwrap();
    sent_to_replacement(
        &c,
        &[
            "llama-3.3-70b-versatile",
            "LLAMA-3.3-70B-VERSATILE",
            "groq/llama-3.3-70b-versatile",
            "groqcloud:llama-3.3-70b-versatile",
        ],
        "http://proxy.internal/groq/v1",
    );
    let r = c.resolve_model("gpt-4o").unwrap();
    assert_eq!((r.provider.id(), r.overrides_builtin), ("openai", false));
}

/// `provider:model` and `provider/model` through run-time providers, compiled providers
/// and a replaced one, with model parts that are the overlay's names (a served name among
/// them), compiled names the overlay took, compiled names it left, an alias declared apart
/// of a compiled model, offered models and unknown names: every answer is
/// the reference resolver's (`crates/model-catalog-oracle`). A run-time provider's model
/// part is looked up in the overlay's names first; this is the test that the order changes
/// no answer.
#[test]
fn qualified_names_through_run_time_providers_answer_like_the_oracle() {
    let c = Catalog::builder()
        // Takes the built-in `gpt-4o` (README, "Run-time catalogs and custom providers").
        .provider(
            CustomProvider::new("mine", "Mine")
                .model("gpt-4o", "my-gpt-4o-deployment")
                .model("house-model", "house/House-Model-7B"),
        )
        .allow_override("gpt-4o")
        // A model with a served name of its own, and an offer of a built-in model under
        // the provider's own upstream id.
        .document(
            "internal.json",
            doc(r#"{"provider": {"id": "internal", "name": "Internal", "key_required": false},
                "models": [{"id": "internal-llm", "name": "Internal LLM", "upstream_id": "internal-llm-v2",
                            "served_names": [{"id": "internal-llm-2026-01-01"}]}],
                "offers": [{"model": "gpt-oss-120b", "upstream_id": "gpt-oss-120b-fp8"}]}"#),
        )
        // An alias declared apart, of a built-in model (`gpt-4o-mini`, data/providers/openai.json).
        .document(
            "aliases.json",
            doc(r#"{"aliases": [{"alias": "house-mini", "target": "gpt-4o-mini"}]}"#),
        )
        // Replaces a built-in provider: its models keep their names, and are sent to it.
        .document(
            "proxy.json",
            groq_proxy(),
        )
        .allow_override("groq")
        .build()
        .unwrap();
    let oracle = Oracle::new(&c);
    // From data/: `gpt-4-omni` is an alias of openai's `gpt-4o`, `llama-3.3-70b` one of
    // groq's `llama-3.3-70b-versatile`; `gpt-oss-120b` is a built-in model.
    let models = [
        "gpt-4o",
        "GPT-4O",
        "gpt-4-omni",
        "house-model",
        "HOUSE/house-model-7b",
        "internal-llm",
        "internal-llm-v2",
        "INTERNAL-LLM-2026-01-01",
        "gpt-oss-120b",
        "llama-3.3-70b-versatile",
        "llama-3.3-70b",
        "not-a-model-anywhere",
    ];
    let providers = ["mine", "Internal", "groq", "groqcloud", "openai", "nope"];
    // How the answers fall: a model found, a pass-through, an error.
    let (mut found, mut passed, mut refused) = (0, 0, 0);
    for p in providers {
        for m in models {
            for sep in [':', '/'] {
                let input = format!("{p}{sep}{m}");
                let r = c.resolve_model(&input);
                assert_eq!(Expected::of(&r), oracle.resolve(&input), "{input}");
                match r {
                    Ok(r) if r.model.is_some() => found += 1,
                    Ok(_) => passed += 1,
                    Err(_) => refused += 1,
                }
            }
        }
    }
    // Every kind of answer was compared, not only one.
    assert!(
        found > 0 && passed > 0 && refused > 0,
        "{found} {passed} {refused}"
    );
    // Answers spelled out: the overlay's model through its provider and alone (the
    // override took the name, and the resolution says so); the built-in model a run-time
    // provider offers, under the offer's upstream id; a served name, sent as itself; an
    // alias declared apart, sending its built-in model's id.
    for input in ["mine:gpt-4o", "GPT-4o"] {
        let r = c.resolve_model(input).unwrap();
        assert_eq!(
            (
                r.provider.id(),
                r.model.map(|m| m.id()),
                &*r.upstream_id,
                r.overrides_builtin
            ),
            ("mine", Some("gpt-4o"), "my-gpt-4o-deployment", true),
            "{input}"
        );
    }
    for (input, provider, model, upstream) in [
        (
            "internal:gpt-oss-120b",
            "internal",
            "gpt-oss-120b",
            "gpt-oss-120b-fp8",
        ),
        (
            "internal:INTERNAL-LLM-2026-01-01",
            "internal",
            "internal-llm",
            "internal-llm-2026-01-01",
        ),
        ("house-mini", "openai", "gpt-4o-mini", "gpt-4o-mini"),
        ("OpenAI:house-mini", "openai", "gpt-4o-mini", "gpt-4o-mini"),
    ] {
        let r = c.resolve_model(input).unwrap();
        assert_eq!(
            (r.provider.id(), r.model.map(|m| m.id()), &*r.upstream_id),
            (provider, Some(model), upstream),
            "{input}"
        );
    }
    // The oracle learns names through the public API, where a built-in model's aliases are
    // its compiled ones: the alias declared apart is checked here. Named at a run-time
    // provider that lists its models and does not serve `gpt-4o-mini`, it is
    // `model_not_offered` (README: "a model only other providers offer"), through either
    // separator.
    for input in ["mine:house-mini", "internal/HOUSE-MINI"] {
        let e = c.resolve_model(input).unwrap_err();
        assert_eq!(e.kind(), "model_not_offered", "{input}");
    }
}

/// Tenant catalogs for the handle tests: each provider makes one model of its own, and
/// tenant A also offers the built-in `gpt-4o` under its own id.
fn tenants() -> (Catalog, Catalog) {
    let a = Catalog::builder()
        .provider(
            CustomProvider::new("tenant-a", "A")
                .base_url("https://a.example/v1")
                .model("a-model", "a-model")
                .offer("gpt-4o", "a-gpt"),
        )
        .build()
        .expect("tenant A builds");
    let b = Catalog::builder()
        .provider(
            CustomProvider::new("tenant-b", "B")
                .base_url("https://b.example/v1")
                .model("b-model", "b-model"),
        )
        .build()
        .expect("tenant B builds");
    (a, b)
}

/// A model or offer handle of one catalog passed to another (a guard loaded before a swap,
/// another tenant's catalog, the built-in one) is not read as a position there: it names no
/// provider there, rather than the provider at the same place (tenant B's base URL for
/// tenant A's model) or a panic past the end of the built-in tables.
#[test]
fn another_catalogs_handles_name_nothing_here() {
    let (a, b) = tenants();
    let builtin = Catalog::builtin();
    let m = a.lookup_model("a-model").expect("tenant A's model");
    assert_eq!(a.provider_of(m).map(|p| p.id()), Some("tenant-a"));
    assert_eq!(
        a.provider_of(m).and_then(|p| p.base_url()),
        Some("https://a.example/v1")
    );
    assert!(b.provider_of(m).is_none());
    assert!(builtin.provider_of(m).is_none());
    assert!(b.offers_of(m).is_empty() && builtin.offers_of(m).is_empty());

    let gpt = a.lookup_model("gpt-4o").expect("built-in gpt-4o");
    let offers = a.offers_of(gpt);
    let o = offers
        .iter()
        .find(|o| o.provider_id() == "tenant-a")
        .expect("tenant A's offer of gpt-4o");
    assert_eq!(o.upstream_id(), "a-gpt");
    assert_eq!(a.provider_of_offer(o).map(|p| p.id()), Some("tenant-a"));
    assert_eq!(a.model_of_offer(o).map(|m| m.id()), Some("gpt-4o"));
    for other in [&b, builtin] {
        assert!(other.provider_of_offer(o).is_none());
        assert!(other.model_of_offer(o).is_none());
    }
    let tenant_a = a.lookup_provider("tenant-a").expect("tenant A");
    assert!(!a.is_builtin_provider(tenant_a));
    assert!(!b.is_builtin_provider(tenant_a) && !builtin.is_builtin_provider(tenant_a));
}

/// The hot-swap pattern: a model read from the catalog loaded before a swap, asked of the
/// one loaded after it, which holds another tenant's provider at the same place.
#[test]
fn a_handle_from_before_a_swap_names_nothing_after_it() {
    let (a, b) = tenants();
    let shared = SharedCatalog::new(a);
    let before = shared.load();
    let m = before.lookup_model("a-model").expect("tenant A's model");
    shared.store(b);
    let after = shared.load();
    assert!(after.provider_of(m).is_none());
    assert_eq!(before.provider_of(m).map(|p| p.id()), Some("tenant-a"));
}

/// The built-in models, offers and providers are every catalog's (the free functions'
/// handles included); a run-time catalog's handles, and their clones, are its own and its
/// clones': even a catalog built from the same documents, or one whose provider takes the
/// same id with another base URL (another tenant's `internal`), looks the name up again.
#[test]
fn handles_answer_in_their_own_catalog_and_built_in_ones_in_every_catalog() {
    let (a, b) = tenants();
    let gpt = model_catalog::lookup_model("gpt-4o").expect("built-in gpt-4o");
    for c in [&a, &b, Catalog::builtin()] {
        assert_eq!(c.provider_of(gpt).map(|p| p.id()), Some("openai"));
    }
    let m = a.lookup_model("a-model").expect("tenant A's model");
    assert_eq!(a.provider_of(&m.clone()).map(|p| p.id()), Some("tenant-a"));
    assert_eq!(a.clone().provider_of(m).map(|p| p.id()), Some("tenant-a"));
    let offers = a.offers_of(gpt);
    let o = offers
        .iter()
        .find(|o| o.provider_id() == "tenant-a")
        .expect("offer");
    assert_eq!(
        a.clone().provider_of_offer(o).map(|p| p.id()),
        Some("tenant-a")
    );
    let (again, _) = tenants();
    assert!(again.provider_of(m).is_none());
    assert!(again.provider_of_offer(o).is_none());
    let found = again.lookup_model("a-model").expect("looked up again");
    assert_eq!(again.provider_of(found).map(|p| p.id()), Some("tenant-a"));

    let internal = |url: &str, upstream: &str| {
        Catalog::builder()
            .provider(
                CustomProvider::new("internal", "Internal")
                    .base_url(url)
                    .model("tenant-chat", upstream)
                    .offer("gpt-4o", "gpt"),
            )
            .build()
            .expect("a tenant builds")
    };
    let x = internal("https://tenant-x.example/v1", "x-chat");
    let y = internal("https://tenant-y.example/v1", "y-chat");
    let chat = x.lookup_model("tenant-chat").expect("x's chat");
    assert!(y.provider_of(chat).is_none());
    let x_offers = x.offers_of(gpt);
    let x_offer = x_offers
        .iter()
        .find(|o| o.provider_id() == "internal")
        .expect("x's offer of gpt-4o");
    assert!(y.provider_of_offer(x_offer).is_none());
    let x_internal = x.lookup_provider("internal").expect("x's provider");
    assert!(!y.is_builtin_provider(x_internal));

    // A built-in provider's handle denotes its replacement where one replaces it; the
    // replacement's handle is its own catalog's.
    let replaced = Catalog::builder()
        .allow_override("openai")
        .provider(
            CustomProvider::new("openai", "OpenAI via proxy").base_url("https://proxy.example/v1"),
        )
        .build()
        .expect("a replacement of openai builds");
    let openai = model_catalog::lookup_provider("openai").expect("built-in openai");
    assert!(Catalog::builtin().is_builtin_provider(openai));
    assert!(!replaced.is_builtin_provider(openai));
    assert_eq!(
        replaced.provider_of(gpt).and_then(|p| p.base_url()),
        Some("https://proxy.example/v1")
    );
    let proxy = replaced.lookup_provider("openai").expect("the replacement");
    assert!(!replaced.is_builtin_provider(proxy));
    assert!(!Catalog::builtin().is_builtin_provider(proxy));
}

/// Two tenants may each name a model of their own alike (`shared`), and the same provider
/// may offer different models under one upstream id in two catalogs: a handle of one names
/// nothing in the other, though the other holds a model or an offer of that id at that place.
#[test]
fn another_tenants_model_of_the_same_id_is_not_this_one() {
    let tenant = |id: &str, url: &str, upstream: &str| {
        Catalog::builder()
            .provider(
                CustomProvider::new(id, id)
                    .base_url(url)
                    .model("shared", upstream),
            )
            .build()
            .expect("a tenant builds")
    };
    let a = tenant("tenant-a", "https://a.example/v1", "a-upstream");
    let b = tenant("tenant-b", "https://b.example/v1", "b-upstream");
    let m = a.lookup_model("shared").expect("tenant A's model");
    assert_eq!(m.provider_id(), "tenant-a");
    assert!(b.provider_of(m).is_none());
    assert!(b.offers_of(m).is_empty());
    let shared = SharedCatalog::new(a.clone());
    let before = shared.load();
    let held = before.lookup_model("shared").expect("tenant A's model");
    shared.store(b);
    assert!(shared.load().provider_of(held).is_none());

    // One host offers `m-one` as `up` in one catalog, `m-two` as `up` in the other.
    let hosted = |model: &str| {
        Catalog::builder()
            .provider(CustomProvider::new("home", "Home").model(model, model))
            .provider(CustomProvider::new("host", "Host").offer(model, "up"))
            .build()
            .expect("a hosted catalog builds")
    };
    let (one, two) = (hosted("m-one"), hosted("m-two"));
    let offers = one.offers_of(one.lookup_model("m-one").expect("m-one"));
    let o = offers.first().expect("host's offer of m-one");
    assert_eq!(o.model_id(), "m-one");
    let other = two.offers_of(two.lookup_model("m-two").expect("m-two"));
    let p = other.first().expect("host's offer of m-two");
    assert_eq!(
        (p.provider_id(), p.upstream_id()),
        (o.provider_id(), o.upstream_id())
    );
    assert!(o != p, "offers of different models are different offers");
    assert_eq!(one.model_of_offer(o).map(|m| m.id()), Some("m-one"));
    assert!(two.model_of_offer(o).is_none());
    assert!(two.provider_of_offer(o).is_none());
}

/// Every handle of every catalog asked of every other never panics, and what it answers is
/// the handle's own provider and model.
#[test]
fn every_handle_asked_of_every_catalog_answers_for_itself_or_not_at_all() {
    let (a, b) = tenants();
    // Tenants that name their models alike, and offer them under one upstream id.
    let alike = |p: &str| {
        Catalog::builder()
            .provider(
                CustomProvider::new(p, p)
                    .model("shared", p)
                    .model("m-one", "m-one"),
            )
            .provider(CustomProvider::new("host", "Host").offer("shared", "up"))
            .build()
            .expect("a tenant builds")
    };
    let catalogs = [a, b, Catalog::builtin().clone(), alike("x"), alike("y")];
    let mut answered = 0;
    for from in &catalogs {
        for m in from.models() {
            let offers = from.offers_of(m);
            for c in &catalogs {
                if let Some(p) = c.provider_of(m) {
                    assert_eq!(p.id(), m.provider_id(), "{}", m.id());
                    answered += 1;
                }
                if let Some(here) = c.offers_of(m).first() {
                    assert_eq!(here.model_id(), m.id());
                }
                for o in &offers {
                    if let Some(p) = c.provider_of_offer(o) {
                        assert_eq!(p.id(), o.provider_id(), "{}", m.id());
                        let served = c.model_of_offer(o).expect("its model");
                        assert_eq!(served.id(), m.id());
                        assert_eq!(served.provider_id(), m.provider_id());
                    }
                }
            }
        }
    }
    assert!(answered > 0);
}
