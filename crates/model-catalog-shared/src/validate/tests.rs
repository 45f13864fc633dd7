//! Each defect the validator refuses, on small fixtures: the error names the document and
//! the entry.

use super::*;
use std::borrow::Cow;

const OPENAI: &str = r#"{"provider": {"id": "openai", "name": "OpenAI", "aliases": ["open-ai"], "key_required": false},
        "models": [
            {"id": "gpt-4o", "name": "GPT-4o", "context_window": 128000, "max_output_tokens": 16384,
             "input_modalities": ["text", "image"], "aliases": ["gpt-4o-2024-08-06"]},
            {"id": "gpt-4", "name": "GPT-4", "context_window": 8192, "input_modalities": ["text"]}
        ]}"#;

/// The documents `docs` (name, JSON text), parsed.
fn parsed(docs: &[(&str, &str)]) -> Result<Vec<(String, DataFile)>, Vec<DataError>> {
    docs.iter()
        .map(|(name, text)| {
            let doc = parse_file(name, text).map_err(|e| vec![e])?;
            Ok((name.to_string(), doc))
        })
        .collect()
}

/// Parses and validates `docs`: every error found, if any.
fn run(docs: &[(&str, &str)]) -> Result<(), Vec<DataError>> {
    validate(&parsed(docs)?).map(drop)
}

/// Runs `docs` expecting exactly one error, and returns it with its message.
fn one_error(docs: &[(&str, &str)]) -> (DataError, String) {
    let errors = run(docs).expect_err("the fixture is invalid");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let e = errors.into_iter().next().unwrap();
    let msg = e.to_string();
    (e, msg)
}

fn model(id: &str, extra: &str) -> String {
    format!(
        r#"{{"id": "{id}", "name": "X", "context_window": 1000, "input_modalities": ["text"]{extra}}}"#
    )
}

fn provider_doc(id: &str, models: &[String]) -> String {
    format!(
        r#"{{"provider": {{"id": "{id}", "name": "X", "key_required": true}}, "models": [{}]}}"#,
        models.join(",")
    )
}

#[test]
fn a_valid_catalog_validates() {
    let docs = parsed(&[("a/openai.json", OPENAI)]).unwrap();
    let v = validate(&docs).unwrap();
    assert_eq!(v.providers.len(), 1);
    assert_eq!(v.models.len(), 2);
    assert_eq!(v.providers[0].models, 0..2);
    let keys: Vec<&str> = v.model_keys.iter().map(|k| &*k.key).collect();
    assert_eq!(keys, ["gpt-4o", "gpt-4o-2024-08-06", "gpt-4"]);
    let pkeys: Vec<&str> = v.provider_keys.iter().map(|k| &*k.key).collect();
    assert_eq!(pkeys, ["open-ai", "openai"]);
    // The records borrow from the documents: keys already lowercase are not copied.
    assert!(v
        .model_keys
        .iter()
        .all(|k| matches!(k.key, Cow::Borrowed(_))));
    assert!(std::ptr::eq(v.models[0].entry, &docs[0].1.models[0]));
}

#[test]
fn duplicate_model_id_ignoring_ascii_case() {
    let other = provider_doc("groq", &[model("GPT-4o", "")]);
    let (e, msg) = one_error(&[("a/openai.json", OPENAI), ("a/groq.json", &other)]);
    assert_eq!(e.file, "a/groq.json");
    assert_eq!(e.entry, "model `GPT-4o`");
    assert!(matches!(
        e.kind,
        DataErrorKind::Duplicate { role: "id", .. }
    ));
    assert!(
        msg.contains("the id of model `gpt-4o` (a/openai.json)"),
        "{msg}"
    );
}

#[test]
fn duplicate_alias() {
    let other = provider_doc(
        "groq",
        &[model("x", r#", "aliases": ["GPT-4O-2024-08-06"]"#)],
    );
    let (e, msg) = one_error(&[("a/openai.json", OPENAI), ("a/groq.json", &other)]);
    assert_eq!(
        (e.file.as_str(), e.entry.as_str()),
        ("a/groq.json", "model `x`")
    );
    assert!(
        msg.contains("alias `GPT-4O-2024-08-06`") && msg.contains("the alias of model `gpt-4o`"),
        "{msg}"
    );
}

#[test]
fn alias_equal_to_another_models_id() {
    let other = provider_doc("groq", &[model("x", r#", "aliases": ["gpt-4"]"#)]);
    let (e, msg) = one_error(&[("a/openai.json", OPENAI), ("a/groq.json", &other)]);
    assert_eq!(e.entry, "model `x`");
    assert!(
        msg.contains("alias `gpt-4` is already taken") && msg.contains("the id of model `gpt-4`"),
        "{msg}"
    );
}

#[test]
fn alias_repeating_its_own_models_id_belongs_in_redundant_aliases() {
    let doc = provider_doc("p", &[model("m", r#", "aliases": ["M"]"#)]);
    let (e, _) = one_error(&[("a/p.json", &doc)]);
    assert!(matches!(e.kind, DataErrorKind::Duplicate { .. }));
    let ok = provider_doc("p", &[model("m", r#", "redundant_aliases": ["M"]"#)]);
    assert!(run(&[("a/p.json", &ok)]).is_ok());
    let wrong = provider_doc("p", &[model("m", r#", "redundant_aliases": ["n"]"#)]);
    let (e, msg) = one_error(&[("a/p.json", &wrong)]);
    assert_eq!(e.entry, "model `m`");
    assert!(msg.contains("redundant_aliases"), "{msg}");
}

#[test]
fn dangling_alias() {
    let doc = r#"{"extends": "openai", "aliases": [{"alias": "my-gpt", "target": "gpt-9"}]}"#;
    let (e, msg) = one_error(&[("a/openai.json", OPENAI), ("a/extra.json", doc)]);
    assert_eq!(
        (e.file.as_str(), e.entry.as_str()),
        ("a/extra.json", "alias `my-gpt`")
    );
    assert!(matches!(e.kind, DataErrorKind::DanglingAlias { .. }));
    assert!(msg.contains("`gpt-9`"), "{msg}");
    // Aliases name their target by id, not by another alias.
    let doc = r#"{"aliases": [{"alias": "my-gpt", "target": "gpt-4o-2024-08-06"}]}"#;
    let (e, _) = one_error(&[("a/openai.json", OPENAI), ("a/extra.json", doc)]);
    assert!(matches!(e.kind, DataErrorKind::DanglingAlias { .. }));
    // A good one is accepted and lands on its model.
    let doc = r#"{"aliases": [{"alias": "my-gpt", "target": "GPT-4O"}]}"#;
    let docs = parsed(&[("a/openai.json", OPENAI), ("a/extra.json", doc)]).unwrap();
    let v = validate(&docs).unwrap();
    let aliases: Vec<&str> = v.models[0].aliases().collect();
    assert_eq!(aliases, ["gpt-4o-2024-08-06", "my-gpt"]);
    assert_eq!(v.models[0].alias_count(), 2);
}

#[test]
fn model_of_an_unknown_provider() {
    let doc = format!(r#"{{"extends": "azure", "models": [{}]}}"#, model("m", ""));
    let (e, msg) = one_error(&[("a/openai.json", OPENAI), ("a/azure.json", &doc)]);
    assert_eq!(e.file, "a/azure.json");
    assert_eq!(
        e.kind,
        DataErrorKind::UnknownProvider {
            provider: "azure".into()
        }
    );
    assert!(msg.contains("unknown provider `azure`"), "{msg}");
    // Models with no provider at all are refused too.
    let doc = format!(r#"{{"models": [{}]}}"#, model("m", ""));
    assert!(run(&[("a/x.json", &doc)]).is_err());
}

#[test]
fn extends_adds_models_to_a_provider_by_alias() {
    let doc = format!(
        r#"{{"extends": "OPEN-AI", "models": [{}]}}"#,
        model("gpt-9", "")
    );
    let docs = parsed(&[("a/openai.json", OPENAI), ("a/more.json", &doc)]).unwrap();
    let v = validate(&docs).unwrap();
    assert_eq!(v.providers[0].models, 0..3);
    assert_eq!(v.models[2].entry.id, "gpt-9");
    assert_eq!(v.models[2].file, "a/more.json");
}

#[test]
fn output_above_context() {
    let doc = provider_doc("p", &[model("m", r#", "max_output_tokens": 1001"#)]);
    let (e, msg) = one_error(&[("a/p.json", &doc)]);
    assert_eq!(e.entry, "model `m`");
    assert_eq!(
        e.kind,
        DataErrorKind::OutputAboveContext {
            output: 1001,
            context: 1000
        }
    );
    assert!(msg.contains("1001") && msg.contains("1000"), "{msg}");
}

#[test]
fn malformed_dates() {
    for date in [
        "2026-02-30",
        "2026-9-28",
        "September 28, 2026",
        "2026-13-01",
    ] {
        let doc = provider_doc(
            "p",
            &[model(
                "m",
                &format!(r#", "deprecated": true, "retires": "{date}""#),
            )],
        );
        let (e, msg) = one_error(&[("a/p.json", &doc)]);
        assert_eq!(
            (e.file.as_str(), e.entry.as_str()),
            ("a/p.json", "model `m`"),
            "{date}"
        );
        match &e.kind {
            DataErrorKind::Field { path, .. } => assert_eq!(path, "models[0].retires"),
            k => panic!("{k:?}"),
        }
        assert!(msg.contains("invalid date"), "{msg}");
    }
}

#[test]
fn malformed_numbers() {
    for n in ["\"128,000\"", "-1", "1.5", "4294967296", "1e3", "true"] {
        let doc = format!(
            r#"{{"provider": {{"id": "p", "name": "P", "key_required": true}}, "models": [{{"id": "m", "name": "M", "context_window": {n}, "input_modalities": ["text"]}}]}}"#
        );
        let (e, _) = one_error(&[("a/p.json", &doc)]);
        assert_eq!(e.entry, "model `m`", "{n}");
        match &e.kind {
            DataErrorKind::Field { path, .. } => {
                assert_eq!(path, "models[0].context_window", "{n}")
            }
            k => panic!("{n}: {k:?}"),
        }
    }
    let zero = provider_doc("p", &[model("m", r#", "max_output_tokens": 0"#)]);
    assert!(run(&[("a/p.json", &zero)]).is_err());
    // Prices: non-negative, at most six decimal places, numbers not strings.
    for p in ["-2.5", "0.0000001", "\"2.5\"", "1e30"] {
        let doc = provider_doc(
            "p",
            &[model("m", &format!(r#", "pricing": {{"input": {p}}}"#))],
        );
        let (e, _) = one_error(&[("a/p.json", &doc)]);
        match &e.kind {
            DataErrorKind::Field { path, .. } => {
                assert_eq!(path, "models[0].pricing.input", "{p}")
            }
            k => panic!("{p}: {k:?}"),
        }
    }
}

#[test]
fn unknown_fields() {
    let doc = provider_doc("p", &[model("m", r#", "contxt_window": 5"#)]);
    let (e, msg) = one_error(&[("a/p.json", &doc)]);
    assert_eq!(
        (e.file.as_str(), e.entry.as_str()),
        ("a/p.json", "model `m`")
    );
    assert!(msg.contains("unknown field `contxt_window`"), "{msg}");
    let doc = r#"{"provider": {"id": "p", "name": "P", "key_required": true, "colour": "red"}}"#;
    let (e, msg) = one_error(&[("a/p.json", doc)]);
    assert_eq!(e.entry, "provider `p`");
    assert!(msg.contains("unknown field `colour`"), "{msg}");
    let (e, _) = one_error(&[("a/p.json", r#"{"version": 2}"#)]);
    assert_eq!(e.entry, "document");
}

#[test]
fn unknown_modality_and_syntax_errors() {
    let doc = provider_doc(
        "p",
        &[
            r#"{"id": "m", "name": "M", "context_window": 9, "input_modalities": ["smell"]}"#
                .to_string(),
        ],
    );
    let (e, msg) = one_error(&[("a/p.json", &doc)]);
    assert_eq!(e.entry, "model `m`");
    assert!(msg.contains("smell"), "{msg}");
    let (e, _) = one_error(&[("a/p.json", "{\"provider\": ")]);
    assert!(matches!(e.kind, DataErrorKind::Syntax { .. }));
}

#[test]
fn bad_names() {
    for (id, reason) in [
        ("", "is empty"),
        ("gpt-4\u{43e}", "is not ASCII"),
        ("a\tb", "contains a control character"),
        (" gpt", "starts or ends with a space"),
    ] {
        let quoted = serde_json::to_string(id).unwrap();
        let doc = provider_doc("p", &[model(&quoted[1..quoted.len() - 1], "")]);
        let (e, _) = one_error(&[("a/p.json", &doc)]);
        match e.kind {
            DataErrorKind::InvalidName { reason: r, .. } => assert_eq!(r, reason, "{id:?}"),
            k => panic!("{id:?}: {k:?}"),
        }
    }
    let long = "x".repeat(257);
    let doc = provider_doc("p", &[model(&long, "")]);
    assert!(run(&[("a/p.json", &doc)]).is_err());
    for bad in ["open:ai", "open/ai", "open ai"] {
        let doc = provider_doc(bad, &[]);
        let (e, _) = one_error(&[("a/p.json", &doc)]);
        assert!(
            matches!(e.kind, DataErrorKind::InvalidName { field: "id", .. }),
            "{bad}"
        );
    }
}

#[test]
fn duplicate_provider_names() {
    let a = r#"{"provider": {"id": "openai", "name": "A", "key_required": true}}"#;
    let b =
        r#"{"provider": {"id": "oai", "name": "B", "aliases": ["OpenAI"], "key_required": true}}"#;
    let (e, msg) = one_error(&[("a/a.json", a), ("a/b.json", b)]);
    assert_eq!(
        (e.file.as_str(), e.entry.as_str()),
        ("a/b.json", "provider `oai`")
    );
    assert!(
        msg.contains("the id of provider `openai` (a/a.json)"),
        "{msg}"
    );
}

#[test]
fn a_model_name_cannot_begin_with_another_providers_name_and_colon() {
    let a = provider_doc("openai", &[model("gpt-4o", "")]);
    let b = provider_doc("mine", &[model("OpenAI:gpt-9", "")]);
    let (e, msg) = one_error(&[("a/openai.json", &a), ("a/mine.json", &b)]);
    assert_eq!(
        (e.file.as_str(), e.entry.as_str()),
        ("a/mine.json", "model `OpenAI:gpt-9`")
    );
    assert!(msg.contains("`OpenAI:`"), "{msg}");
    // Its own name, or a slash prefix in the built-in data, is fine.
    let c = provider_doc(
        "mine",
        &[model("mine:fast", ""), model("openai/gpt-oss", "")],
    );
    assert!(run(&[("a/openai.json", &a), ("a/mine.json", &c)]).is_ok());
}

#[test]
fn parallel_tool_calls_need_tool_calls() {
    let bad = provider_doc(
        "p",
        &[model(
            "m",
            r#", "capabilities": {"tools": false, "parallel_tools": true}"#,
        )],
    );
    let (e, msg) = one_error(&[("a/p.json", &bad)]);
    assert_eq!(e.entry, "model `m`");
    assert!(
        matches!(
            e.kind,
            DataErrorKind::Invalid {
                field: "capabilities",
                ..
            }
        ),
        "{msg}"
    );
    assert!(msg.contains("parallel_tools"), "{msg}");
    // Unknown tool support, or tools with or without parallel calls, are fine.
    for caps in [
        r#"{"parallel_tools": true}"#,
        r#"{"tools": true, "parallel_tools": true}"#,
        r#"{"tools": false, "parallel_tools": false}"#,
    ] {
        let ok = provider_doc("p", &[model("m", &format!(r#", "capabilities": {caps}"#))]);
        assert!(run(&[("a/p.json", &ok)]).is_ok(), "{caps}");
    }
}

#[test]
fn an_image_model_outputs_images() {
    let bad = provider_doc(
        "p",
        &[model(
            "m",
            r#", "category": "image", "output_modalities": ["text"]"#,
        )],
    );
    let (e, msg) = one_error(&[("a/p.json", &bad)]);
    assert!(
        matches!(
            e.kind,
            DataErrorKind::Invalid {
                field: "output_modalities",
                ..
            }
        ),
        "{msg}"
    );
    for extra in [
        r#", "category": "image", "output_modalities": ["text", "image"]"#,
        r#", "category": "image""#,
        r#", "category": "flagship", "output_modalities": ["text"]"#,
    ] {
        let ok = provider_doc("p", &[model("m", extra)]);
        assert!(run(&[("a/p.json", &ok)]).is_ok(), "{extra}");
    }
}

#[test]
fn placeholder_release_dates_and_tiers() {
    let bad = provider_doc("p", &[model("m", r#", "release_date": "2024-01-01""#)]);
    let (e, msg) = one_error(&[("a/p.json", &bad)]);
    assert!(
        matches!(
            e.kind,
            DataErrorKind::Invalid {
                field: "release_date",
                ..
            }
        ),
        "{msg}"
    );
    let bad = provider_doc(
        "p",
        &[model(
            "m",
            r#", "served_names": [{"id": "m-2024", "release_date": "2024-01-01"}]"#,
        )],
    );
    let (_, msg) = one_error(&[("a/p.json", &bad)]);
    assert!(msg.contains("served name `m-2024`"), "{msg}");
    let ok = provider_doc("p", &[model("m", r#", "release_date": "2024-01-02""#)]);
    assert!(run(&[("a/p.json", &ok)]).is_ok());

    // A long-context tier that repeats the base prices changes nothing: a placeholder.
    let bad = provider_doc(
        "p",
        &[model(
            "m",
            r#", "pricing": {"input": 0, "output": 0, "long_context": {"above": 128000, "input": 0, "output": 0}}"#,
        )],
    );
    let (e, msg) = one_error(&[("a/p.json", &bad)]);
    assert!(
        matches!(
            e.kind,
            DataErrorKind::Invalid {
                field: "pricing",
                ..
            }
        ),
        "{msg}"
    );
    let ok = provider_doc(
        "p",
        &[model(
            "m",
            r#", "pricing": {"input": 1, "output": 2, "long_context": {"above": 200000, "input": 2}}"#,
        )],
    );
    assert!(run(&[("a/p.json", &ok)]).is_ok());
}

#[test]
fn every_error_is_reported_not_just_the_first() {
    let doc = provider_doc(
        "p",
        &[
            model("m", r#", "max_output_tokens": 5000"#),
            model("M", ""),
            model("n", r#", "retires": "2026-01-01""#),
        ],
    );
    let errors = run(&[("a/p.json", &doc)]).unwrap_err();
    assert_eq!(errors.len(), 3, "{errors:#?}");
}

/// An import's documents get only their own leave, the caller's documents only the caller's,
/// ASCII case ignored, and each keeps its own as documents are dropped around it.
#[test]
fn imported_documents_get_only_their_own_leave() {
    let mut o = Overrides {
        providers: vec!["openai".to_owned()],
        ..Overrides::default()
    };
    o.import(2..4, Vec::new(), vec!["gpt-4o".to_owned()]);
    o.import(4..4, vec!["groq".to_owned()], Vec::new());
    assert_eq!(o.imported.len(), 1, "an import of no documents marks none");
    let leave = Leave::new(&o, 6);
    assert!(leave.provider("OpenAI", 0) && leave.provider("openai", 1));
    assert!(!leave.provider("openai", 2) && !leave.provider("openai", 3));
    assert!(leave.model("GPT-4o", 3) && !leave.model("gpt-4o", 1));
    // Documents after the import are the caller's again.
    assert!(leave.provider("openai", 4) && !leave.model("gpt-4o", 5));
    assert!(leave.prefix("openai", 0) && !leave.prefix("openai", 2));
    // Dropping documents 0 and 2: the import's document 3 is now at 1, and keeps its leave.
    o.retain_documents(&[false, true, false, true, true, true]);
    assert_eq!(o.imported[0].documents, [1]);
    let leave = Leave::new(&o, 4);
    assert!(!leave.provider("openai", 1) && leave.model("gpt-4o", 1));
    assert!(leave.provider("openai", 0) && leave.provider("openai", 2));
    // Dropping every imported document forgets the import.
    o.retain_documents(&[true, false, true, true]);
    assert!(o.imported.is_empty());
}
