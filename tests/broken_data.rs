//! Broken catalog data loaded at run time: each defect the build refuses in `data/` (the
//! unit tests of `model-catalog-shared`'s validator feed it the same fixtures for the build) is
//! refused by the run-time imports too, with a typed error naming the document and the
//! entry, and a shared catalog that was being updated keeps answering exactly as before.

use model_catalog::formats::{
    import_documents, import_inference_api, import_openai_models, ImportError, ImportOptions,
    TargetProvider,
};
use model_catalog::schema::DataErrorKind;
use model_catalog::{Catalog, CustomProvider, SharedCatalog};

/// A shared catalog already carrying a custom provider, as a service would have it.
fn shared() -> SharedCatalog {
    let c = Catalog::builder()
        .provider(
            CustomProvider::new("internal-vllm", "Internal vLLM")
                .model("llama-3", "meta-llama/Llama-3-8B-Instruct"),
        )
        .build()
        .unwrap();
    SharedCatalog::new(c)
}

/// What a catalog answers for a set of probes, to compare before and after.
fn answers(c: &Catalog) -> Vec<String> {
    [
        "internal-vllm:llama-3",
        "gpt-4o",
        "good-model",
        "dup-model",
        "x",
        "my-x",
        "acme:anything",
        "openai:gpt-4o",
    ]
    .iter()
    .map(|s| format!("{:?}", c.resolve_model(s)))
    .chain(std::iter::once(format!(
        "{} {}",
        c.models().len(),
        c.providers().len()
    )))
    .collect()
}

/// A provider document holding a good model and then `model` (a JSON object).
fn provider_with(model: &str) -> String {
    format!(
        r#"{{"provider": {{"id": "acme", "name": "Acme", "key_required": true}},
            "models": [{{"id": "good-model", "name": "Good", "context_window": 1000}}, {model}]}}"#
    )
}

/// One defect: the document, the error kind, and what the message must name.
struct Defect {
    what: &'static str,
    json: String,
    kind: &'static str,
    names: &'static [&'static str],
}

fn defects() -> Vec<Defect> {
    let d = |what, json: String, kind, names| Defect {
        what,
        json,
        kind,
        names,
    };
    vec![
        d(
            "duplicate model id, ASCII case ignored",
            provider_with(r#"{"id": "GOOD-MODEL", "name": "Again"}"#),
            "catalog",
            &["extra.json", "model `GOOD-MODEL`", "model `good-model`"],
        ),
        d(
            "model id equal to a built-in model's",
            provider_with(r#"{"id": "GPT-4o", "name": "Mine"}"#),
            "catalog",
            &["extra.json", "model `GPT-4o`", "built-in model `gpt-4o`"],
        ),
        d(
            "duplicate alias",
            provider_with(
                r#"{"id": "x", "name": "X", "aliases": ["a1"]}, {"id": "y", "name": "Y", "aliases": ["A1"]}"#,
            ),
            "catalog",
            &["extra.json", "model `y`", "`A1`", "model `x`"],
        ),
        d(
            "alias equal to another model's id",
            provider_with(r#"{"id": "x", "name": "X", "aliases": ["good-model"]}"#),
            "catalog",
            &["extra.json", "model `x`", "`good-model`"],
        ),
        d(
            "alias equal to a built-in model's alias",
            provider_with(r#"{"id": "x", "name": "X", "aliases": ["gpt-4o-2024-08-06"]}"#),
            "catalog",
            &["extra.json", "model `x`", "`gpt-4o-2024-08-06`", "gpt-4o"],
        ),
        d(
            "dangling alias",
            r#"{"extends": "openai", "aliases": [{"alias": "my-x", "target": "no-such-model"}]}"#
                .into(),
            "catalog",
            &["extra.json", "alias `my-x`", "`no-such-model`"],
        ),
        d(
            "alias naming another alias (aliases do not chain, so no cycle can form)",
            r#"{"extends": "openai", "aliases": [{"alias": "my-x", "target": "gpt-4o-2024-08-06"}]}"#
                .into(),
            "catalog",
            &["extra.json", "alias `my-x`", "`gpt-4o-2024-08-06`"],
        ),
        d(
            "unknown provider",
            r#"{"extends": "azure", "models": [{"id": "x", "name": "X"}]}"#.into(),
            "catalog",
            &["extra.json", "azure"],
        ),
        d(
            "output limit above the context window",
            provider_with(
                r#"{"id": "x", "name": "X", "context_window": 1000, "max_output_tokens": 4000}"#,
            ),
            "catalog",
            &["extra.json", "model `x`", "4000", "1000"],
        ),
        d(
            "malformed number",
            provider_with(r#"{"id": "x", "name": "X", "context_window": -5}"#),
            "field",
            &["extra.json", "models[1].context_window"],
        ),
        d(
            "number of the wrong type",
            provider_with(r#"{"id": "x", "name": "X", "context_window": "128k"}"#),
            "field",
            &["extra.json", "models[1].context_window"],
        ),
        d(
            "malformed price",
            provider_with(r#"{"id": "x", "name": "X", "pricing": {"input": "1.2.3"}}"#),
            "field",
            &["extra.json", "models[1].pricing"],
        ),
        d(
            "malformed date",
            provider_with(r#"{"id": "x", "name": "X", "retires": "2026-13-01"}"#),
            "field",
            &["extra.json", "models[1].retires"],
        ),
        d(
            "unknown field",
            provider_with(r#"{"id": "x", "name": "X", "colour": "red"}"#),
            "field",
            &["extra.json", "models[1]", "colour"],
        ),
        d(
            "empty id",
            provider_with(r#"{"id": "", "name": "X"}"#),
            "catalog",
            &["extra.json", "is empty"],
        ),
        d(
            "non-ASCII id",
            provider_with(r#"{"id": "gpt-4\u043e", "name": "X"}"#),
            "catalog",
            &["extra.json", "is not ASCII"],
        ),
        d(
            "control character in an id",
            provider_with(r#"{"id": "gpt\u0000x", "name": "X"}"#),
            "catalog",
            &["extra.json", "control character"],
        ),
        d(
            "provider colliding with a built-in provider",
            r#"{"provider": {"id": "OpenAI", "name": "Fake", "key_required": false}}"#.into(),
            "catalog",
            &["extra.json", "`OpenAI`", "openai"],
        ),
        d(
            "provider alias colliding with a built-in alias",
            r#"{"provider": {"id": "acme", "name": "Acme", "aliases": ["groqcloud"], "key_required": true}}"#
                .into(),
            "catalog",
            &["extra.json", "`groqcloud`", "groq"],
        ),
        d(
            "model shadowing another provider's `provider:model` form",
            provider_with(r#"{"id": "openai:gpt-4o", "name": "X"}"#),
            "catalog",
            &["extra.json", "openai:gpt-4o"],
        ),
        d(
            "not JSON",
            r#"{"provider": {"id": "acme""#.into(),
            "syntax",
            &["extra.json", "line 1"],
        ),
    ]
}

#[test]
fn every_defect_is_a_typed_error_naming_document_and_entry() {
    for defect in defects() {
        let e = import_documents(Catalog::builtin(), "extra.json", &defect.json)
            .expect_err(defect.what);
        assert_eq!(e.kind(), defect.kind, "{}: {e}", defect.what);
        let msg = e.to_string();
        for name in defect.names {
            assert!(msg.contains(name), "{}: {name:?} not in {msg}", defect.what);
        }
        // A catalog error lists typed entries, each naming its document and entry.
        if let ImportError::Catalog(c) = &e {
            assert!(!c.errors.is_empty());
            for de in &c.errors {
                assert_eq!(de.file, "extra.json", "{}", defect.what);
                assert!(!de.entry.is_empty(), "{}", defect.what);
            }
        }
    }
}

#[test]
fn the_defects_are_typed_by_kind() {
    let kind_of = |json: &str| match import_documents(Catalog::builtin(), "extra.json", json) {
        Err(ImportError::Catalog(c)) => c.errors.into_iter().next().unwrap().kind,
        other => panic!("{other:?}"),
    };
    let all = defects();
    let json = |what: &str| &all.iter().find(|d| d.what.starts_with(what)).unwrap().json;
    assert!(matches!(
        kind_of(json("duplicate model id")),
        DataErrorKind::Duplicate { role: "id", .. }
    ));
    assert!(matches!(
        kind_of(json("dangling alias")),
        DataErrorKind::DanglingAlias { .. }
    ));
    assert!(matches!(
        kind_of(json("alias naming another alias")),
        DataErrorKind::DanglingAlias { .. }
    ));
    assert!(matches!(
        kind_of(json("unknown provider")),
        DataErrorKind::UnknownProvider { .. }
    ));
    assert!(matches!(
        kind_of(json("output limit")),
        DataErrorKind::OutputAboveContext {
            output: 4000,
            context: 1000
        }
    ));
    for what in ["empty id", "non-ASCII id", "control character"] {
        assert!(
            matches!(kind_of(json(what)), DataErrorKind::InvalidName { .. }),
            "{what}"
        );
    }
}

#[test]
fn a_failed_update_leaves_the_shared_catalog_as_it_was() {
    let shared = shared();
    let before = shared.load();
    let expected = answers(&before);
    for defect in defects() {
        let r = shared.update(|c| import_documents(c, "extra.json", &defect.json));
        assert!(r.is_err(), "{}", defect.what);
        let now = shared.load();
        assert!(
            std::ptr::eq::<Catalog>(&*now, &*before),
            "{}: the catalog was replaced",
            defect.what
        );
        assert_eq!(answers(&now), expected, "{}", defect.what);
    }
    // The same documents, each fixed, do load: the failures above were the defects.
    let good = provider_with(r#"{"id": "x", "name": "X", "aliases": ["my-x"]}"#);
    shared
        .update(|c| import_documents(c, "extra.json", &good))
        .unwrap();
    assert_ne!(answers(&shared.load()), expected);
    assert_eq!(
        shared
            .load()
            .resolve_model("my-x")
            .unwrap()
            .model
            .unwrap()
            .id(),
        "x"
    );
}

#[test]
fn a_bad_document_among_good_ones_applies_none_of_them() {
    let shared = shared();
    let expected = answers(&shared.load());
    for defect in defects() {
        let json = format!(
            r#"[{{"provider": {{"id": "fine", "name": "Fine", "key_required": false}},
                 "models": [{{"id": "dup-model", "name": "D"}}]}}, {}]"#,
            defect.json
        );
        if serde_json::from_str::<serde_json::Value>(&json).is_err() {
            continue; // the syntax case is not an array element
        }
        let r = shared.update(|c| import_documents(c, "extra.json", &json));
        assert!(r.is_err(), "{}", defect.what);
        assert_eq!(answers(&shared.load()), expected, "{}", defect.what);
        assert!(shared.load().lookup_provider("fine").is_none());
    }
}

/// The wire formats carry some of the same defects; each is refused the same way.
#[test]
fn wire_format_defects_leave_the_catalog_unchanged() {
    let shared = shared();
    let expected = answers(&shared.load());
    let o = ImportOptions::new();
    let acme = TargetProvider::new("acme", "Acme");
    let openai = |data: &str| format!(r#"{{"object": "list", "data": [{data}]}}"#);
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "duplicate id",
            openai(r#"{"id": "m-1"}, {"id": "M-1"}"#),
            "`M-1`",
        ),
        ("empty id", openai(r#"{"id": ""}"#), "data[0].id"),
        ("non-ASCII id", openai(r#"{"id": "m\u212a"}"#), "data[0].id"),
        (
            "output above context",
            openai(r#"{"id": "m-1", "context_length": 100, "max_output_tokens": 200}"#),
            "data[0].max_output_tokens",
        ),
        (
            "output above context, in the format's words",
            openai(r#"{"id": "m-1", "context_length": 100, "max_output_tokens": 200}"#),
            "200 is above context_length 100",
        ),
        (
            "zero context",
            openai(r#"{"id": "m-1", "context_length": 0}"#),
            "data[0].context_length",
        ),
        (
            "malformed number",
            openai(r#"{"id": "m-1", "context_length": -1}"#),
            "data[0].context_length",
        ),
    ];
    for (what, json, named) in &cases {
        let r = shared.update(|c| import_openai_models(c, json, &acme, &o));
        let e = r.expect_err(what);
        assert!(e.to_string().contains(named), "{what}: {e}");
        assert_eq!(answers(&shared.load()), expected, "{what}");
    }
    let ia = |item: &str| format!(r#"{{"models": [{item}]}}"#);
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "unknown provider",
            ia(r#"{"id": "m-1", "name": "M", "provider": "azure"}"#),
            "azure",
        ),
        (
            "malformed price",
            ia(r#"{"id": "m-1", "name": "M", "provider": "openrouter", "cost_per_1k_input": -1}"#),
            "models[0].cost_per_1k_input",
        ),
        (
            "non-ASCII id",
            ia(r#"{"id": "m\u212a", "name": "M", "provider": "openrouter"}"#),
            "models[0].id",
        ),
        (
            "output above context",
            ia(
                r#"{"id": "m-1", "name": "M", "provider": "openrouter", "context_window": 100, "max_output_tokens": 200}"#,
            ),
            "models[0].max_output_tokens",
        ),
        (
            "output above context, in the format's words",
            ia(
                r#"{"id": "m-1", "name": "M", "provider": "openrouter", "context_window": 100, "max_output_tokens": 200}"#,
            ),
            "200 is above context_window 100",
        ),
        (
            "zero output limit",
            ia(r#"{"id": "m-1", "name": "M", "provider": "openrouter", "max_output_tokens": 0}"#),
            "models[0].max_output_tokens",
        ),
        (
            "duplicate id",
            ia(
                r#"{"id": "m-1", "name": "M", "provider": "groq"}, {"id": "M-1", "name": "M", "provider": "groq"}"#,
            ),
            "`M-1`",
        ),
    ];
    for (what, json, named) in &cases {
        let r = shared.update(|c| import_inference_api(c, json, &o));
        let e = r.expect_err(what);
        assert!(e.to_string().contains(named), "{what}: {e}");
        assert_eq!(answers(&shared.load()), expected, "{what}");
    }
}
