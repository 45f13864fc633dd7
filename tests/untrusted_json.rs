//! Untrusted JSON through every importer: errors are safe to log (no raw control or non-ASCII
//! character from the input), a key given twice is refused with its path, numbers and prices
//! are never rounded silently, what serde_json cannot read is a syntax error, base URLs and
//! text fields are checked, and documents beyond the documented limits are refused before
//! any work.

use model_catalog::formats::{
    export_ngrok, export_openai_models, import_documents, import_inference_api, import_ngrok,
    import_openai_models, ImportError, ImportOptions, NgrokExportOptions, TargetProvider,
};
use model_catalog::schema::{DataErrorKind, ResourceRef};
use model_catalog::{Catalog, CatalogError, CustomProvider};

/// A string that would forge a log line and clear a terminal if written raw.
const HOSTILE: &str = "x\n2026-01-01 INFO forged\u{1b}[2J";

/// `s` as a JSON string literal.
fn lit(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// An ngrok provider object with the seed's required fields, `fields` replacing or adding
/// members (given as raw JSON values).
fn ngrok_provider(fields: &[(&str, &str)]) -> String {
    let mut members: Vec<(String, String)> = [
        ("id", r#""aigp_1""#),
        ("uri", r#""https://api.ngrok.ai/providers/aigp_1""#),
        ("providerId", r#""acme""#),
        ("name", r#""Acme""#),
        ("baseUrl", r#""https://acme.example/v1""#),
        ("createdAt", r#""2026-01-05T10:00:00Z""#),
        ("updatedAt", r#""2026-01-06T10:00:00Z""#),
        (
            "createdBy",
            r#"{"id": "usr_1", "uri": "https://api.ngrok.com/users/usr_1"}"#,
        ),
        (
            "lastUpdatedBy",
            r#"{"id": "usr_1", "uri": "https://api.ngrok.com/users/usr_1"}"#,
        ),
        (
            "supportedApiSurfaces",
            r#"[{"format": "openai", "surface": "chat-completions"}]"#,
        ),
        ("models", r#"[{"id": "aigpm_1", "modelId": "acme-model"}]"#),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    for (k, v) in fields {
        match members.iter_mut().find(|(key, _)| key == k) {
            Some(slot) => slot.1 = (*v).to_owned(),
            None => members.push(((*k).to_owned(), (*v).to_owned())),
        }
    }
    let inner: Vec<String> = members
        .iter()
        .map(|(k, v)| format!("{}: {v}", lit(k)))
        .collect();
    format!("{{{}}}", inner.join(", "))
}

fn ngrok_page(providers: &[String]) -> String {
    format!(
        r#"{{"aiGatewayProviders": [{}], "uri": "https://api.ngrok.ai/providers", "nextPageUri": null}}"#,
        providers.join(", ")
    )
}

fn ngrok(fields: &[(&str, &str)]) -> Result<Catalog, ImportError> {
    let page = ngrok_page(&[ngrok_provider(fields)]);
    import_ngrok(Catalog::builtin(), &[page], &ImportOptions::new())
}

fn openai(json: &str) -> Result<Catalog, ImportError> {
    import_openai_models(
        Catalog::builtin(),
        json,
        &TargetProvider::new("acme", "Acme"),
        &ImportOptions::new(),
    )
}

fn inference(json: &str) -> Result<Catalog, ImportError> {
    import_inference_api(Catalog::builtin(), json, &ImportOptions::new())
}

fn documents(json: &str) -> Result<Catalog, ImportError> {
    import_documents(Catalog::builtin(), "extra.json", json)
}

/// A provider document whose one model has `extra` members (raw JSON, with a leading comma).
fn model_doc(extra: &str) -> String {
    format!(
        r#"{{"provider": {{"id": "acme", "name": "Acme", "key_required": true}}, "models": [{{"id": "acme-model", "name": "Acme model"{extra}}}]}}"#
    )
}

/// A provider document whose provider has `extra` members.
fn provider_doc(extra: &str) -> String {
    format!(r#"{{"provider": {{"id": "acme", "name": "Acme", "key_required": true{extra}}}}}"#)
}

/// The message has no control and no non-ASCII character, and shows the hostile text
/// escaped (so the case does echo its input).
fn assert_log_safe(what: &str, message: &str) {
    assert!(
        !message.chars().any(|c| c.is_control() || !c.is_ascii()),
        "{what}: a raw control or non-ASCII character in {message:?}"
    );
    assert!(
        message.contains("forged") && message.contains("\\u{1b}"),
        "{what}: the input is not echoed escaped: {message:?}"
    );
}

// ---------------------------------------------------------------------------------------
// Errors safe to log
// ---------------------------------------------------------------------------------------

#[test]
fn an_ngrok_field_named_like_a_log_line_is_escaped() {
    let e = ngrok(&[(HOSTILE, "1")]).unwrap_err();
    assert_eq!(e.kind(), "field");
    let message = e.to_string();
    assert!(
        !message.contains('\n') && !message.contains('\u{1b}'),
        "{message:?}"
    );
    assert_log_safe("unknown ngrok field", &message);
}

#[test]
fn every_ngrok_field_that_is_echoed_is_escaped() {
    let h = lit(HOSTILE);
    let surface = format!(r#"[{{"format": {h}, "surface": "chat-completions"}}]"#);
    let surface_name = format!(r#"[{{"format": "openai", "surface": {h}}}]"#);
    let param = format!(r#"[{{"format": "openai", "supportedParams": [{{"name": {h}}}]}}]"#);
    let model_id = format!(r#"[{{"id": "aigpm_1", "modelId": {h}}}]"#);
    let model_resource = format!(r#"[{{"id": {h}, "modelId": "acme-model"}}]"#);
    let cases: Vec<(&str, Vec<(&str, &str)>)> = vec![
        ("providerId", vec![("providerId", &h)]),
        ("resource id", vec![("id", &h)]),
        ("uri", vec![("uri", &h)]),
        ("name", vec![("name", &h)]),
        ("baseUrl", vec![("baseUrl", &h)]),
        ("metadata", vec![("metadata", &h)]),
        ("createdAt", vec![("createdAt", &h)]),
        ("updatedAt", vec![("updatedAt", &h)]),
        ("format", vec![("supportedApiSurfaces", &surface)]),
        ("surface", vec![("supportedApiSurfaces", &surface_name)]),
        ("parameter", vec![("supportedApiSurfaces", &param)]),
        ("modelId", vec![("models", &model_id)]),
        ("model resource id", vec![("models", &model_resource)]),
    ];
    for (what, fields) in cases {
        let e = ngrok(&fields).expect_err(what);
        assert_log_safe(what, &e.to_string());
    }
    // A duplicate resource id, and a next page named on the last page.
    let two = ngrok_page(&[
        ngrok_provider(&[("providerId", r#""a""#), ("id", r#""aigp_é\u001b""#)]),
        ngrok_provider(&[("providerId", r#""b""#), ("id", r#""aigp_é\u001b""#)]),
    ]);
    let e = import_ngrok(Catalog::builtin(), &[two], &ImportOptions::new()).unwrap_err();
    let message = e.to_string();
    assert!(
        !message.chars().any(|c| c.is_control() || !c.is_ascii()),
        "{message:?}"
    );
    let page = ngrok_page(&[ngrok_provider(&[])])
        .replace(r#""nextPageUri": null"#, &format!(r#""nextPageUri": {h}"#));
    let e = import_ngrok(Catalog::builtin(), &[page], &ImportOptions::new()).unwrap_err();
    assert_log_safe("nextPageUri", &e.to_string());
}

#[test]
fn every_openai_and_inference_field_that_is_echoed_is_escaped() {
    let h = lit(HOSTILE);
    let cases = [
        ("list object", format!(r#"{{"object": {h}, "data": []}}"#)),
        (
            "entry object",
            format!(r#"{{"data": [{{"id": "m", "object": {h}}}]}}"#),
        ),
        ("id", format!(r#"{{"data": [{{"id": {h}}}]}}"#)),
        (
            "owned_by",
            format!(r#"{{"data": [{{"id": "m", "owned_by": {h}}}]}}"#),
        ),
        (
            "category",
            format!(r#"{{"data": [{{"id": "m", "category": {h}}}]}}"#),
        ),
        (
            "name",
            format!(r#"{{"data": [{{"id": "m", "name": {h}}}]}}"#),
        ),
        (
            "description",
            format!(r#"{{"data": [{{"id": "m", "description": {h}}}]}}"#),
        ),
        (
            "currency",
            format!(r#"{{"data": [{{"id": "m", "pricing": {{"currency": {h}}}}}]}}"#),
        ),
        (
            "unit",
            format!(r#"{{"data": [{{"id": "m", "pricing": {{"unit": {h}}}}}]}}"#),
        ),
    ];
    for (what, json) in &cases {
        let e = openai(json).expect_err(what);
        assert_log_safe(what, &e.to_string());
    }
    let e = import_openai_models(
        Catalog::builtin(),
        r#"{"data": []}"#,
        &TargetProvider::existing(HOSTILE),
        &ImportOptions::new(),
    )
    .unwrap_err();
    assert_log_safe("existing provider", &e.to_string());

    let cases = [
        (
            "provider",
            format!(r#"{{"models": [{{"id": "m", "name": "M", "provider": {h}}}]}}"#),
        ),
        (
            "id",
            format!(r#"{{"models": [{{"id": {h}, "name": "M", "provider": "openai"}}]}}"#),
        ),
        (
            "name",
            format!(r#"{{"models": [{{"id": "m", "name": {h}, "provider": "openai"}}]}}"#),
        ),
        (
            "unknown field",
            format!(r#"{{"models": [{{"id": "m", "name": "M", "provider": "openai", {h}: 1}}]}}"#),
        ),
    ];
    for (what, json) in &cases {
        let e = inference(json).expect_err(what);
        assert_log_safe(what, &e.to_string());
    }
}

#[test]
fn every_document_field_that_is_echoed_is_escaped() {
    let h = lit(HOSTILE);
    let cases = [
        ("unknown field", model_doc(&format!(", {h}: 1"))),
        ("model id", model_doc("").replace(r#""acme-model""#, &h)),
        ("provider id", model_doc("").replace(r#""acme""#, &h)),
        (
            "extends",
            format!(r#"{{"extends": {h}, "models": [{{"id": "m", "name": "M"}}]}}"#),
        ),
        ("successor", model_doc(&format!(r#", "successor": {h}"#))),
        ("vendor", model_doc(&format!(r#", "vendor": {h}"#))),
        ("family", model_doc(&format!(r#", "family": {h}"#))),
        ("category", model_doc(&format!(r#", "category": {h}"#))),
        (
            "knowledge_cutoff",
            model_doc(&format!(r#", "knowledge_cutoff": {h}"#)),
        ),
        (
            "modality",
            model_doc(&format!(r#", "input_modalities": [{h}]"#)),
        ),
        (
            "release_date",
            model_doc(&format!(r#", "release_date": {h}"#)),
        ),
        (
            "retires",
            model_doc(&format!(r#", "deprecated": true, "retires": {h}"#)),
        ),
        ("tag", model_doc(&format!(r#", "tags": [{h}]"#))),
        ("alias", model_doc(&format!(r#", "aliases": [{h}]"#))),
        (
            "redundant alias",
            model_doc(&format!(r#", "redundant_aliases": [{h}]"#)),
        ),
        (
            "description",
            model_doc(&format!(r#", "description": {h}"#)),
        ),
        ("notes", model_doc(&format!(r#", "notes": {h}"#))),
        ("model name", model_doc("").replace(r#""Acme model""#, &h)),
        (
            "alias target",
            format!(r#"{{"aliases": [{{"alias": "a-b", "target": {h}}}]}}"#),
        ),
        (
            "offer",
            format!(r#"{{"extends": "openai", "offers": [{{"model": {h}, "upstream_id": "u"}}]}}"#),
        ),
        ("provider name", provider_doc("").replace(r#""Acme""#, &h)),
        ("base_url", provider_doc(&format!(r#", "base_url": {h}"#))),
        ("metadata", provider_doc(&format!(r#", "metadata": {h}"#))),
        (
            "provider description",
            provider_doc(&format!(r#", "description": {h}"#)),
        ),
        (
            "provider alias",
            provider_doc(&format!(r#", "aliases": [{h}]"#)),
        ),
        (
            "surface format",
            provider_doc(&format!(r#", "api_surfaces": [{{"format": {h}}}]"#)),
        ),
        (
            "supported_params",
            provider_doc(&format!(
                r#", "api_surfaces": [{{"format": "openai", "supported_params": [{h}]}}]"#
            )),
        ),
    ];
    for (what, json) in &cases {
        let e = documents(json).expect_err(what);
        assert_log_safe(what, &e.to_string());
        let e = match Catalog::builder().json("extra.json", json) {
            Err(e) => e,
            Ok(b) => b.build().expect_err(what),
        };
        assert_log_safe(what, &e.to_string());
    }
}

#[test]
fn builder_and_export_errors_are_escaped() {
    let e = Catalog::builder()
        .provider(CustomProvider::new(HOSTILE, "Acme"))
        .build()
        .unwrap_err();
    assert_log_safe("custom provider id", &e.to_string());
    let e = Catalog::builder()
        .provider(CustomProvider::new("acme", "Acme").model(HOSTILE, "u"))
        .build()
        .unwrap_err();
    assert_log_safe("custom model id", &e.to_string());
    // Several problems at once are one line.
    let e = Catalog::builder()
        .provider(CustomProvider::new(HOSTILE, HOSTILE).model(HOSTILE, HOSTILE))
        .build()
        .unwrap_err();
    assert!(e.errors.len() > 1, "{e:?}");
    assert_log_safe("several problems", &e.to_string());

    let e = export_openai_models(Catalog::builtin(), Some(HOSTILE)).unwrap_err();
    assert_log_safe("export provider", &e.to_string());
    let me = ResourceRef::new("usr_1", "https://api.ngrok.com/users/usr_1");
    let e = export_ngrok(Catalog::builtin(), &NgrokExportOptions::new(HOSTILE, me)).unwrap_err();
    assert_log_safe("export timestamp", &e.to_string());
}

/// A document's name is the caller's, repeated in every error about the document and in
/// the name of every item of an array: a huge one is cut to its first 256 characters and
/// `...`, in every way of adding documents, so that neither errors nor the catalog's
/// documents grow with the name times the number of items.
#[test]
fn huge_document_names_are_cut() {
    let huge = "n".repeat(100_000);
    let cut = format!("{}...", "n".repeat(256));
    let two = r#"[{"aliases": [{"alias": "cut-a", "target": "gpt-4o"}]},
                  {"aliases": [{"alias": "cut-b", "target": "gpt-4o"}]}]"#;
    let items = [format!("{cut}[0]"), format!("{cut}[1]")];
    // `two` added under `name` with the builder.
    let built = |name: &str| Catalog::builder().json(name, two).unwrap().build().unwrap();
    let names =
        |c: &Catalog| -> Vec<String> { c.documents().iter().map(|(n, _)| n.clone()).collect() };
    assert_eq!(names(&built(&huge)), items);
    let c = import_documents(Catalog::builtin(), &huge, two).unwrap();
    assert_eq!(names(&c), items);
    let one = c.documents()[0].1.clone();
    let c = Catalog::builder().document(&huge, one).build().unwrap();
    assert_eq!(c.documents()[0].0, cut);
    // Characters, not bytes: a name of two-byte characters is cut at a character boundary.
    let wide = "é".repeat(300);
    assert_eq!(
        names(&built(&wide))[1],
        format!("{}...[1]", "é".repeat(256))
    );
    // A name of 256 characters is whole.
    let whole = "w".repeat(256);
    assert_eq!(names(&built(&whole))[0], format!("{whole}[0]"));
    // Errors name the cut document, and so stay short.
    let bad = r#"[{"models": [{"id": 5}]}, {"models": [{"id": 6}]}]"#;
    let e = Catalog::builder().json(&huge, bad).unwrap_err();
    assert_eq!(e.errors[0].file, items[0]);
    let e = import_documents(Catalog::builtin(), &huge, bad).unwrap_err();
    assert_eq!(e.document(), Some(items[0].as_str()));
    let dup = r#"[{"aliases": [{"alias": "same", "target": "gpt-4o"}]},
                  {"aliases": [{"alias": "same", "target": "gpt-4o"}]}]"#;
    let e = Catalog::builder()
        .json(&huge, dup)
        .unwrap()
        .build()
        .unwrap_err();
    assert!(e.to_string().len() < 2_000, "{} bytes", e.to_string().len());
}

/// Text a document holds is quoted cut, however long: an unknown key (in the path and in
/// the message), an unknown enum value, a value of the wrong type, a key given twice, and
/// fields the validator quotes. Before, a 10 MB key made a 20 MB message (the key in the
/// path and in serde's message), and each `é` escaped is six times larger.
#[test]
fn long_text_in_a_document_is_quoted_cut() {
    // 200,000 characters `é`, written as JSON escapes.
    let long = "\\u00e9".repeat(200_000);
    let with_long = |json: String| json.replace("LONG", &long);
    // The message quotes the text (its first 40 characters at least, escaped) and stays
    // short: no quote is longer than a name (256 characters).
    let quoted_short = |what: &str, message: String| {
        assert!(message.len() < 4_000, "{what}: {} bytes", message.len());
        assert!(message.contains(&"\\u{e9}".repeat(40)), "{what}: {message}");
        assert!(
            !message.contains(&"\\u{e9}".repeat(257)),
            "{what}: {message}"
        );
    };
    // Serde's messages and JSON paths quote 80 characters, then `...`.
    let cut = format!("{}...", "\\u{e9}".repeat(80));
    let e = documents(&with_long(provider_doc(r#", "LONG": 1"#))).unwrap_err();
    match &e {
        ImportError::Field { path, message, .. } => {
            assert_eq!(path, &format!("provider.{}...", "é".repeat(80)));
            assert_eq!(message.matches("...").count(), 1, "{message}");
            assert!(message.starts_with(&format!("unknown field `{}...`", "é".repeat(80))));
        }
        other => panic!("not a field error: {other:?}"),
    }
    assert_eq!(e.to_string().matches(&cut).count(), 2, "{e}");
    let imports: Vec<(&str, Result<Catalog, ImportError>)> = vec![
        (
            "documents, key given twice",
            documents(&with_long(provider_doc(r#", "LONG": 1, "LONG": 2"#))),
        ),
        (
            "documents, unknown modality",
            documents(&with_long(model_doc(r#", "input_modalities": ["LONG"]"#))),
        ),
        (
            "documents, wrong type",
            documents(&with_long(model_doc(r#", "context_window": "LONG""#))),
        ),
        (
            "documents, unknown capability",
            documents(&with_long(model_doc(
                r#", "capabilities": {"LONG": "yes"}"#,
            ))),
        ),
        (
            "documents, vendor",
            documents(&with_long(model_doc(r#", "vendor": "LONG""#))),
        ),
        (
            "documents, category",
            documents(&with_long(model_doc(r#", "category": "LONG""#))),
        ),
        (
            "documents, knowledge cutoff",
            documents(&with_long(model_doc(r#", "knowledge_cutoff": "LONG""#))),
        ),
        (
            "documents, served name",
            documents(&with_long(model_doc(
                r#", "served_names": [{"id": "LONG", "notes": "\u0007"}]"#,
            ))),
        ),
        (
            "openai, wrong type",
            openai(&with_long(
                r#"{"object": "list", "data": [{"id": "m", "context_length": "LONG"}]}"#.to_owned(),
            )),
        ),
        (
            "inference-api, unknown key",
            inference(&with_long(r#"{"models": [{"LONG": 1}]}"#.to_owned())),
        ),
        // `ngrok_provider` writes member names as JSON strings itself.
        (
            "ngrok, unknown key",
            import_ngrok(
                Catalog::builtin(),
                &[ngrok_page(&[ngrok_provider(&[(
                    &"é".repeat(200_000),
                    "1",
                )])])],
                &ImportOptions::new(),
            ),
        ),
    ];
    for (what, got) in imports {
        quoted_short(what, got.expect_err(what).to_string());
    }
    // The builder reads and validates documents as import_documents does.
    for (what, doc) in [
        ("builder, unknown key", provider_doc(r#", "LONG": 1"#)),
        ("builder, family", model_doc(r#", "family": "LONG""#)),
    ] {
        let e = match Catalog::builder().json("d", &with_long(doc)) {
            Err(e) => e,
            Ok(b) => b.build().expect_err(what),
        };
        quoted_short(what, e.to_string());
    }
}

// ---------------------------------------------------------------------------------------
// A key given twice
// ---------------------------------------------------------------------------------------

/// The error says where: the path of the second member with that key.
fn assert_duplicate(e: &ImportError, document: &str, path: &str) {
    assert_eq!(e.kind(), "invalid", "{e}");
    assert_eq!(
        (e.document(), e.path()),
        (Some(document), Some(path)),
        "{e}"
    );
    assert!(e.to_string().contains("twice"), "{e}");
}

#[test]
fn a_key_given_twice_is_refused_with_its_path_in_every_importer() {
    let page = ngrok_page(&[ngrok_provider(&[])]).replace(
        r#""providerId": "acme""#,
        r#""providerId": "acme", "providerId": "evil""#,
    );
    let e = import_ngrok(Catalog::builtin(), &[page], &ImportOptions::new()).unwrap_err();
    assert_duplicate(&e, "ngrok page 1", "aiGatewayProviders[0].providerId");

    let e = openai(r#"{"object": "list", "data": [{"id": "safe-name", "id": "evil-name"}]}"#)
        .unwrap_err();
    assert_duplicate(&e, "/v1/models", "data[0].id");
    let e = openai(r#"{"data": [], "data": [{"id": "evil-name"}]}"#).unwrap_err();
    assert_duplicate(&e, "/v1/models", "data");
    // Even in a field the format ignores.
    let e = openai(r#"{"data": [{"id": "m", "icon_url": "a", "icon_url": "b"}]}"#).unwrap_err();
    assert_duplicate(&e, "/v1/models", "data[0].icon_url");

    let e = inference(
        r#"{"models": [{"id": "safe-name", "name": "M", "provider": "openai", "provider": "openrouter"}]}"#,
    )
    .unwrap_err();
    assert_duplicate(&e, "inference-api /models", "models[0].provider");

    let doc = r#"[{"provider": {"id": "acme", "name": "Acme", "key_required": true}},
                  {"extends": "acme", "models": [{"id": "safe-name", "id": "evil-name", "name": "M"}]}]"#;
    let e = documents(doc).unwrap_err();
    assert_duplicate(&e, "extra.json[1]", "models[0].id");
    let one = r#"{"provider": {"id": "acme", "id": "evil", "name": "Acme", "key_required": true}}"#;
    let e = documents(one).unwrap_err();
    assert_duplicate(&e, "extra.json", "provider.id");

    // The builder's JSON (the data documents' reader) refuses them too.
    let e = Catalog::builder()
        .json("extra.json", doc)
        .map(|_| ())
        .unwrap_err();
    let [err] = e.errors.as_slice() else {
        panic!("{e:?}")
    };
    assert_eq!(err.file, "extra.json[1]");
    match &err.kind {
        DataErrorKind::Field { path, message } => {
            assert_eq!(path, "models[0].id");
            assert!(message.contains("twice"), "{message}");
        }
        k => panic!("{k:?}"),
    }
}

// ---------------------------------------------------------------------------------------
// Numbers and prices are never rounded silently
// ---------------------------------------------------------------------------------------

/// A price above 999,999,999.999999 USD per million tokens could not be written back as an
/// exact JSON number: every reader refuses it, with its path, rather than import a catalog
/// that cannot be exported.
#[test]
fn prices_above_a_billion_usd_per_mtok_are_refused() {
    for price in [
        "5000000000",
        "1e12",
        "18446744073709",
        "1000000000.000001",
        "1000000000",
    ] {
        let doc = model_doc(&format!(r#", "pricing": {{"input": {price}}}"#));
        let e = documents(&doc).unwrap_err();
        // A value the schema's price refuses: a `field` error, as other refused values.
        assert_eq!(e.kind(), "field", "{price}: {e}");
        assert!(e.to_string().contains("too large"), "{e}");
        assert_eq!(
            (e.document(), e.path()),
            (Some("extra.json"), Some("models[0].pricing.input")),
            "{price}"
        );
        assert!(
            Catalog::builder().json("extra.json", &doc).is_err(),
            "{price}"
        );
        let e = openai(&format!(
            r#"{{"data": [{{"id": "m", "pricing": {{"prompt": {price}}}}}]}}"#
        ))
        .unwrap_err();
        assert_eq!(
            (e.kind(), e.path()),
            ("invalid", Some("data[0].pricing.prompt")),
            "{price}: {e}"
        );
        // Said as it is, not as a price with too many decimals.
        assert!(
            e.to_string().contains("above the largest price"),
            "{price}: {e}"
        );
    }
    // Nor can a catalog built in code hold one: a model's price, a long-context tier's, an
    // offer's (each a typed `Pricing`, not read from text).
    let above = model_catalog::Price::from_picos_per_token(1_000_000_000_000_000);
    let mut entry = model_catalog::schema::ModelEntry::default();
    entry.id = "big".into();
    entry.name = "Big".into();
    entry.pricing = model_catalog::Pricing::new().input(above);
    let mut tiered = entry.clone();
    tiered.pricing = model_catalog::Pricing::new()
        .long_context(model_catalog::LongContextPricing::new(200_000).output(above));
    for provider in [
        CustomProvider::new("bigp", "B").model_entry(entry),
        CustomProvider::new("bigp", "B").model_entry(tiered),
        CustomProvider::new("bigp", "B").offer_with_pricing(
            "gpt-4o",
            "gpt-4o-big",
            model_catalog::Pricing::new().output(above),
        ),
    ] {
        let e = Catalog::builder().provider(provider).build().unwrap_err();
        assert!(e.to_string().contains("above the largest"), "{e}");
    }
    // The largest price is read, and written back as it was.
    let doc = model_doc(r#", "pricing": {"input": 999999999.999999}"#);
    let c = documents(&doc).expect("the largest price is a price");
    let back = model_catalog::formats::export_documents(&c).expect("it is written back");
    assert!(back.contains("999999999.999999"), "{back}");
}

#[test]
fn prices_with_more_precision_than_a_float_holds_are_refused() {
    for (price, path) in [
        ("0.10000000000000001", "data[0].pricing.prompt"),
        ("999999999999.999999", "data[0].pricing.completion"),
    ] {
        let field = path.rsplit('.').next().unwrap();
        let json = format!(r#"{{"data": [{{"id": "m", "pricing": {{"{field}": {price}}}}}]}}"#);
        let e = openai(&json).unwrap_err();
        assert_eq!((e.kind(), e.path()), ("invalid", Some(path)), "{e}");
        assert!(e.to_string().contains(price), "{e}");
    }
    // Numbers the format ignores are not judged.
    assert!(openai(r#"{"data": [{"id": "m", "cost_estimate": 0.10000000000000001}]}"#).is_ok());

    for price in ["0.10000000000000001", "999999999999.999999"] {
        let e =
            documents(&model_doc(&format!(r#", "pricing": {{"input": {price}}}"#))).unwrap_err();
        assert_eq!(e.kind(), "invalid", "{e}");
        assert_eq!(
            (e.document(), e.path()),
            (Some("extra.json"), Some("models[0].pricing.input"))
        );
        let e = Catalog::builder()
            .json(
                "extra.json",
                &model_doc(&format!(r#", "pricing": {{"input": {price}}}"#)),
            )
            .map(|_| ())
            .unwrap_err();
        assert!(
            matches!(&e.errors[0].kind, DataErrorKind::Field { path, .. } if path == "models[0].pricing.input"),
            "{e:?}"
        );
    }

    let json = r#"{"models": [{"id": "m", "name": "M", "provider": "openai", "cost_per_1k_input": 0.10000000000000001}]}"#;
    let e = inference(json).unwrap_err();
    assert_eq!(
        (e.kind(), e.path()),
        ("invalid", Some("models[0].cost_per_1k_input"))
    );
}

#[test]
fn per_1k_credits_that_do_not_convert_exactly_are_refused() {
    let with = |credits: &str| {
        inference(&format!(
            r#"{{"models": [{{"id": "m", "name": "M", "provider": "openai", "cost_per_1k_input": {credits}}}]}}"#
        ))
    };
    // 1e-12 credits per 1k tokens, less the 1.4 markup, is 0.000714... micro-dollars per
    // million tokens: not zero, and not a whole micro-dollar.
    let e = with("1e-12").unwrap_err();
    assert_eq!(
        (e.kind(), e.path()),
        ("invalid", Some("models[0].cost_per_1k_input"))
    );
    // 0.001 / 1.4 * 1000 = 0.714285... USD per million tokens.
    let e = with("0.001").unwrap_err();
    assert_eq!(e.kind(), "invalid");
    // 0.0035 / 1.4 * 1000 = 2.5 exactly (seed 002's gpt-4o).
    let c = with("0.0035").unwrap();
    assert_eq!(
        c.lookup_model("m")
            .unwrap()
            .pricing()
            .input
            .unwrap()
            .to_string(),
        "2.5"
    );
    let c = with("0").unwrap();
    assert_eq!(
        c.lookup_model("m")
            .unwrap()
            .pricing()
            .input
            .unwrap()
            .to_string(),
        "0"
    );
}

// ---------------------------------------------------------------------------------------
// What cannot be read is a syntax error
// ---------------------------------------------------------------------------------------

#[test]
fn unreadable_json_is_a_syntax_error_in_every_importer() {
    let deep = format!("{}{}", "[".repeat(129), "]".repeat(129));
    let inputs = [
        deep.clone(),
        format!(
            r#"{{"models": [{{"id": "m", "name": "M", "context_window": {}}}]}}"#,
            "1e309"
        ),
        r#"{"provider": {"id": "\ud800", "name": "A", "key_required": true}}"#.to_owned(),
    ];
    for json in &inputs {
        let e = documents(json).unwrap_err();
        assert_eq!(e.kind(), "syntax", "{json:.60}: {e}");
        assert_eq!(e.document(), Some("extra.json"));
        assert_eq!(openai(json).unwrap_err().kind(), "syntax", "{json:.60}");
        assert_eq!(inference(json).unwrap_err().kind(), "syntax", "{json:.60}");
        let e = import_ngrok(Catalog::builtin(), &[json], &ImportOptions::new()).unwrap_err();
        assert_eq!(e.kind(), "syntax", "{json:.60}");
    }
    // Shallower nesting is read (and then refused for its shape).
    let ok = format!("{}{}", "[".repeat(127), "]".repeat(127));
    assert_ne!(documents(&ok).unwrap_err().kind(), "syntax");
}

// ---------------------------------------------------------------------------------------
// Base URLs, text fields and ngrok model resource ids
// ---------------------------------------------------------------------------------------

#[test]
fn base_urls_must_be_absolute_http_urls_without_spaces_or_controls() {
    for bad in [
        "http://x\r\nHost: evil",
        "http://x/ y",
        "http://x/\ty",
        "vllm.internal:8000/v1",
        "/v1",
        "ftp://files.example/",
        "http://",
        "https:///v1",
        "javascript:alert(1)",
        "http://\u{430}cme.example/",
        // User information before an `@` hides the host: this one sends to evil.example.
        "https://api.openai.com@evil.example/v1",
        "https://user:pass@api.example.com/v1",
        // A backslash reads as `/`: this one goes to evil.example too.
        "https://evil.example\\api.openai.com/v1",
    ] {
        let e = ngrok(&[("baseUrl", &lit(bad))]).unwrap_err();
        assert_eq!(
            (e.kind(), e.path()),
            ("invalid", Some("aiGatewayProviders[0].baseUrl")),
            "{bad:?}: {e}"
        );
        let e = documents(&provider_doc(&format!(r#", "base_url": {}"#, lit(bad)))).unwrap_err();
        let ImportError::Catalog(CatalogError { errors }) = &e else {
            panic!("{bad:?}: {e:?}")
        };
        assert!(
            matches!(
                &errors[0].kind,
                DataErrorKind::Invalid {
                    field: "base_url",
                    ..
                }
            ),
            "{bad:?}: {errors:?}"
        );
        let built = Catalog::builder()
            .provider(CustomProvider::new("acme", "Acme").base_url(bad))
            .build();
        assert!(built.is_err(), "{bad:?}");
    }
    for good in [
        "http://vllm.internal:8000/v1",
        "https://api.example.com/v1/",
        "HTTPS://API.EXAMPLE.COM",
        "http://10.0.0.7:1234",
        "http://[::1]:8080/v1?x=1",
        // An `@` after the host is part of the path.
        "https://api.example.com/v1/@models",
    ] {
        let c = ngrok(&[("baseUrl", &lit(good))]).unwrap_or_else(|e| panic!("{good}: {e}"));
        assert_eq!(c.lookup_provider("acme").unwrap().base_url(), Some(good));
    }
    // ngrok's empty base URL means none.
    let c = ngrok(&[("baseUrl", r#""""#)]).unwrap();
    assert_eq!(c.lookup_provider("acme").unwrap().base_url(), None);
}

#[test]
fn text_fields_must_be_printable() {
    for bad in [
        "a\u{0}b",
        "a\u{1b}[2Jb",
        "line\nbreak",
        "tab\there",
        "a\u{85}b",
        "a\u{202e}b",
        "a\u{2028}b",
        // ARABIC LETTER MARK, the Bidi_Control character outside the U+200E to U+2069 range.
        "a\u{061c}b",
    ] {
        let e = ngrok(&[("metadata", &lit(bad))]).unwrap_err();
        assert_eq!(
            (e.kind(), e.path()),
            ("invalid", Some("aiGatewayProviders[0].metadata")),
            "{bad:?}: {e}"
        );
        let e = ngrok(&[("name", &lit(bad))]).unwrap_err();
        assert_eq!(e.path(), Some("aiGatewayProviders[0].name"), "{bad:?}: {e}");
        for extra in [
            format!(r#", "description": {}"#, lit(bad)),
            format!(r#", "notes": {}"#, lit(bad)),
            format!(r#", "distillation_policy": {{"note": {}}}"#, lit(bad)),
        ] {
            let e = documents(&model_doc(&extra)).unwrap_err();
            assert_eq!(e.kind(), "catalog", "{extra}: {e}");
        }
        for extra in [
            format!(r#", "metadata": {}"#, lit(bad)),
            format!(r#", "description": {}"#, lit(bad)),
            format!(r#", "website": {}"#, lit(bad)),
        ] {
            let e = documents(&provider_doc(&extra)).unwrap_err();
            assert_eq!(e.kind(), "catalog", "{extra}: {e}");
        }
        let e = openai(&format!(
            r#"{{"data": [{{"id": "m", "description": {}}}]}}"#,
            lit(bad)
        ))
        .unwrap_err();
        assert_eq!(e.kind(), "catalog", "{bad:?}: {e}");
        let built = Catalog::builder()
            .provider(CustomProvider::new("acme", "Acme").metadata(bad))
            .build();
        assert!(built.is_err(), "{bad:?}");
    }
    // Printable text, non-ASCII letters included, is kept as given.
    let c = ngrok(&[("metadata", r#""{\"team\": \"ml\", \"owner\": \"Zoë\"}""#)]).unwrap();
    assert_eq!(
        c.lookup_provider("acme").unwrap().metadata(),
        Some(r#"{"team": "ml", "owner": "Zoë"}"#)
    );
}

#[test]
fn ngrok_model_resource_ids_are_checked() {
    for bad in ["\u{0}\n", "", " aigpm_1", "aigpm 1", "aigpm_\u{e9}"] {
        let models = format!(r#"[{{"id": {}, "modelId": "acme-model"}}]"#, lit(bad));
        let e = ngrok(&[("models", &models)]).unwrap_err();
        assert_eq!(
            (e.kind(), e.path()),
            ("invalid", Some("aiGatewayProviders[0].models[0].id")),
            "{bad:?}: {e}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Documented limits
// ---------------------------------------------------------------------------------------

/// The documented limits: 32 MiB of JSON per import, 100,000 entries per array or object.
const MAX_BYTES: usize = 32 << 20;
const MAX_ENTRIES: usize = 100_000;

#[test]
fn documents_beyond_the_limits_are_refused_before_any_work() {
    let huge = format!("[{}]", " ".repeat(MAX_BYTES));
    for e in [
        documents(&huge).unwrap_err(),
        openai(&huge).unwrap_err(),
        inference(&huge).unwrap_err(),
        import_ngrok(Catalog::builtin(), &[&huge], &ImportOptions::new()).unwrap_err(),
    ] {
        assert_eq!(e.kind(), "too_large", "{e}");
        assert!(e.to_string().contains(&MAX_BYTES.to_string()), "{e}");
    }
    // ngrok pages count together.
    let half = format!("{}{}", " ".repeat(MAX_BYTES / 2), ngrok_page(&[]));
    let e = import_ngrok(Catalog::builtin(), &[&half, &half], &ImportOptions::new()).unwrap_err();
    assert_eq!(e.kind(), "too_large", "{e}");

    let tags = |n: usize| {
        let list: Vec<String> = (0..n).map(|i| format!("\"t{i}\"")).collect();
        model_doc(&format!(r#", "tags": [{}]"#, list.join(",")))
    };
    let e = documents(&tags(MAX_ENTRIES + 1)).unwrap_err();
    assert_eq!(
        (e.kind(), e.path()),
        ("too_large", Some("models[0].tags")),
        "{e}"
    );
    let c = documents(&tags(MAX_ENTRIES)).unwrap();
    assert_eq!(
        c.lookup_model("acme-model").unwrap().tags().count(),
        MAX_ENTRIES
    );

    let params: Vec<String> = (0..=MAX_ENTRIES)
        .map(|i| format!(r#"{{"name": "p{i}"}}"#))
        .collect();
    let surfaces = format!(
        r#"[{{"format": "openai", "supportedParams": [{}]}}]"#,
        params.join(",")
    );
    let e = ngrok(&[("supportedApiSurfaces", &surfaces)]).unwrap_err();
    assert_eq!(
        (e.kind(), e.path()),
        (
            "too_large",
            Some("aiGatewayProviders[0].supportedApiSurfaces[0].supportedParams")
        ),
        "{e}"
    );
}

/// `createdAt` and `updatedAt` are RFC 3339 date-times: hours 00 to 23, minutes 00 to 59,
/// seconds 00 to 60 (a leap second), offsets up to 23:59, real dates.
#[test]
fn ngrok_times_are_rfc3339() {
    for good in [
        "2026-01-05T10:00:00Z",
        "2026-01-05t23:59:59z",
        "2026-12-31T23:59:60Z",
        "2026-01-05T00:00:00.123456+01:00",
        "2026-01-05T10:00:00-23:59",
        "2024-02-29T10:00:00Z",
    ] {
        assert!(ngrok(&[("createdAt", &lit(good))]).is_ok(), "{good}");
    }
    for bad in [
        "2026-01-05T24:00:00Z",
        "2026-01-05T23:60:00Z",
        "2026-01-05T23:59:61Z",
        "2026-01-05T10:00:00+24:00",
        "2026-01-05T10:00:00+01:60",
        "2026-02-30T10:00:00Z",
        "2025-02-29T10:00:00Z",
        "2026-01-05T10:00:00",
        "2026-01-05 10:00:00Z",
        "2026-01-05T10:00:00.Z",
        "2026-1-05T10:00:00Z",
    ] {
        for field in ["createdAt", "updatedAt"] {
            let e = ngrok(&[(field, &lit(bad))]).unwrap_err();
            let path = format!("aiGatewayProviders[0].{field}");
            assert_eq!(
                (e.kind(), e.path()),
                ("invalid", Some(path.as_str())),
                "{bad}"
            );
        }
    }
}

/// A provider's or a model's display name must hold something besides spaces.
#[test]
fn names_must_not_be_empty() {
    for name in ["", "   "] {
        let e = documents(&provider_doc("").replace(r#""Acme""#, &lit(name))).unwrap_err();
        let ImportError::Catalog(CatalogError { errors }) = &e else {
            panic!("{name:?}: {e:?}")
        };
        assert!(
            matches!(
                &errors[0].kind,
                DataErrorKind::Invalid { field: "name", .. }
            ),
            "{errors:?}"
        );
        let e = documents(&model_doc("").replace(r#""Acme model""#, &lit(name))).unwrap_err();
        assert_eq!(e.kind(), "catalog", "{e}");
        let built = Catalog::builder()
            .provider(CustomProvider::new("acme", name))
            .build();
        assert!(built.is_err(), "{name:?}");
    }
}

/// A tenant's provider at `evil.example` that names OpenAI's key variable.
fn evil_target() -> TargetProvider {
    let mut entry = model_catalog::schema::ProviderEntry::new("evil", "Evil");
    entry.base_url = Some("https://evil.example/v1".into());
    entry.key_required = true;
    entry.api_key_env = Some("OPENAI_API_KEY".into());
    TargetProvider::New(Box::new(entry))
}

/// A catalog whose trusted documents needed leave: OpenAI's traffic goes through a proxy
/// that keeps OpenAI's key variable (leave for `openai`), and a self-hosted `gpt-4o` takes
/// the built-in model's names (leave for `gpt-4o`).
fn trusted_base() -> Catalog {
    let proxy = r#"{"provider": {"id": "openai", "name": "OpenAI via proxy", "key_required": true,
        "base_url": "https://llm-proxy.internal/v1", "api_key_env": "OPENAI_API_KEY"}}"#;
    let internal = r#"{"provider": {"id": "internal", "name": "Internal", "key_required": false},
        "models": [{"id": "gpt-4o", "name": "GPT-4o (self-hosted)"}]}"#;
    Catalog::builder()
        .json("proxy.json", proxy)
        .unwrap()
        .json("internal.json", internal)
        .unwrap()
        .allow_override("openai")
        .allow_override("gpt-4o")
        .build()
        .expect("the trusted documents build with their leave")
}

/// The leave a catalog was built with covers its own documents, never documents imported
/// onto it (SECURITY.md section 4): an imported provider may not name OpenAI's key variable,
/// an imported model may not take a name of a built-in model, through any importer, as if
/// imported onto the built-in catalog.
#[test]
fn an_import_never_gets_the_leave_of_the_catalog_it_is_imported_onto() {
    let base = trusted_base();
    // The base's own documents keep their leave.
    assert_eq!(
        base.lookup_provider("openai").unwrap().api_key_env(),
        Some("OPENAI_API_KEY")
    );
    assert_eq!(
        base.resolve_model("gpt-4o").unwrap().provider.id(),
        "internal"
    );
    assert_eq!(
        base.resolve_model("gpt-4o-2024-08-06")
            .unwrap()
            .provider
            .id(),
        "openai"
    );

    let key_thief = r#"{"provider": {"id": "evil", "name": "Evil", "key_required": true,
        "base_url": "https://evil.example/v1", "api_key_env": "OPENAI_API_KEY"}}"#;
    let name_thief = r#"{"provider": {"id": "evil", "name": "Evil", "key_required": false},
        "models": [{"id": "evil-4o", "name": "E", "served_names": [{"id": "gpt-4o-2024-08-06"}],
                    "aliases": ["gpt-4-omni"]}]}"#;
    // Each refusal names what the document tried to take.
    for (doc, taken) in [
        (key_thief, "OPENAI_API_KEY"),
        (name_thief, "gpt-4o-2024-08-06"),
    ] {
        for onto in [&base, Catalog::builtin()] {
            let Err(ImportError::Catalog(e)) = import_documents(onto, "tenant.json", doc) else {
                panic!("imported onto a catalog with leave: {doc}");
            };
            assert!(
                e.errors.iter().any(|e| e.to_string().contains(taken)),
                "{e}"
            );
        }
    }
    // Nothing changed: the base still answers as before.
    assert_eq!(
        base.resolve_model("gpt-4o-2024-08-06")
            .unwrap()
            .provider
            .id(),
        "openai"
    );

    // The other importers: an OpenAI `/models` listing of a tenant's provider that names
    // OpenAI's key variable is refused too.
    let listing = r#"{"object": "list", "data": [{"id": "evil-model", "object": "model"}]}"#;
    let target = evil_target();
    for onto in [&base, Catalog::builtin()] {
        let r = import_openai_models(onto, listing, &target, &ImportOptions::new());
        assert!(matches!(r, Err(ImportError::Catalog(_))), "{r:?}");
    }
}

/// Documents dropped between imports (`retain`) never move an import under the base's
/// leave: leave is fenced where documents come from outside, not by where they sit.
#[test]
fn dropping_documents_between_imports_gives_an_import_no_leave() {
    let base = trusted_base();
    let thief = r#"{"provider": {"id": "evil", "name": "Evil", "key_required": true,
        "base_url": "https://evil.example/v1", "api_key_env": "openai_api_key"}}"#;
    let name_thief = r#"{"provider": {"id": "evil", "name": "Evil", "key_required": false},
        "models": [{"id": "evil-4o", "name": "E", "served_names": [{"id": "gpt-4o-2024-08-06"}]}]}"#;
    for first in [
        "[]",
        r#"{"provider": {"id": "harmless", "name": "H", "key_required": false}}"#,
    ] {
        let imported = import_documents(&base, "tenant1.json", first).unwrap();
        let trimmed = imported
            .to_builder()
            .retain(|name, _| name == "proxy.json")
            .build()
            .unwrap();
        for doc in [thief, name_thief] {
            let r = import_documents(&trimmed, "tenant2.json", doc);
            assert!(matches!(r, Err(ImportError::Catalog(_))), "{first} {doc}");
        }
        let r = import_openai_models(
            &trimmed,
            r#"{"object": "list", "data": [{"id": "evil-model", "object": "model"}]}"#,
            &evil_target(),
            &ImportOptions::new(),
        );
        assert!(matches!(r, Err(ImportError::Catalog(_))), "{r:?}");
    }
}

/// A document read by an import keeps no leave when later documents change what its names
/// mean: an imported alias `openai/gpt-4o-mini` at `corp` was accepted while `corp` served
/// no `gpt-4o-mini`; a later listing that makes `corp` serve it, imported or added by the
/// trusted caller, must not let the alias take `corp:openai/gpt-4o-mini` with the leave the
/// base had for `gpt-4o-mini`.
#[test]
fn a_later_document_never_puts_an_earlier_import_under_the_bases_leave() {
    let corp = r#"{"provider": {"id": "corp", "name": "Corp", "key_required": false}}"#;
    let base = Catalog::builder()
        .json("corp.json", corp)
        .unwrap()
        .allow_override("gpt-4o-mini")
        .build()
        .unwrap();
    let tenant = r#"{"extends": "corp", "models": [{"id": "t-model", "name": "T",
        "aliases": ["openai/gpt-4o-mini"]}]}"#;
    let imported = import_documents(&base, "tenant1.json", tenant).unwrap();
    let listing = r#"{"object": "list", "data": [{"id": "gpt-4o-mini", "object": "model"}]}"#;
    let r = import_openai_models(
        &imported,
        listing,
        &TargetProvider::existing("corp"),
        &ImportOptions::new(),
    );
    assert!(matches!(r, Err(ImportError::Catalog(_))), "{r:?}");
    let offer = r#"{"extends": "corp", "offers": [{"model": "gpt-4o-mini", "upstream_id": "gpt-4o-mini"}]}"#;
    let r = imported
        .to_builder()
        .json("offer.json", offer)
        .unwrap()
        .build();
    assert!(r.is_err(), "{r:?}");
    // The same alias in the trusted caller's own document may take it, with the leave.
    let trusted = base
        .to_builder()
        .json("tenant1.json", tenant)
        .unwrap()
        .json("offer.json", offer)
        .unwrap()
        .build()
        .expect("the caller's own documents have its leave");
    let r = trusted.resolve_model("corp:openai/gpt-4o-mini").unwrap();
    assert_eq!(r.model.unwrap().id(), "t-model");
}

/// A provider an import adds may not take a name that a model name of the catalog begins
/// with (`acme` of `acme/x`), even where the base had leave for `acme`: that leave covered
/// the base's documents, not the import's.
#[test]
fn an_imported_provider_gets_no_leave_to_take_a_vendor_prefix() {
    let px = r#"{"provider": {"id": "px", "name": "X", "key_required": false,
        "base_url": "https://px.internal/v1"},
        "models": [{"id": "x1", "name": "X1", "aliases": ["acme/x"]}]}"#;
    let pz = r#"{"provider": {"id": "pz", "name": "Z", "key_required": false},
        "offers": [{"model": "x1", "upstream_id": "x1-at-z"}]}"#;
    let evil = r#"{"provider": {"id": "acme", "name": "Acme", "key_required": true,
        "base_url": "https://evil.example/v1", "api_key_env": "ACME_KEY"}}"#;
    let with_leave = Catalog::builder()
        .json("px.json", px)
        .unwrap()
        .json("pz.json", pz)
        .unwrap()
        .allow_override("acme")
        .build()
        .unwrap();
    assert_eq!(
        with_leave
            .resolve_model("acme/x")
            .unwrap()
            .model
            .unwrap()
            .id(),
        "x1"
    );
    let r = import_documents(&with_leave, "tenant.json", evil);
    assert!(
        matches!(&r, Err(ImportError::Catalog(e)) if e.to_string().contains("acme/x")),
        "{r:?}"
    );
    // The trusted caller's own document may, with the leave.
    let own = with_leave
        .to_builder()
        .json("acme.json", evil)
        .unwrap()
        .build();
    assert!(own.is_ok(), "{own:?}");
    // And so may an import the caller gives that leave, and the caller's own provider over
    // an imported model's name: the leave of the document that adds the provider decides.
    let listing = r#"{"object": "list", "data": [{"id": "acme-model", "object": "model"}]}"#;
    let no_leave = Catalog::builder()
        .json("px.json", px)
        .unwrap()
        .json("pz.json", pz)
        .unwrap()
        .build()
        .unwrap();
    let acme_target = TargetProvider::new("acme", "Acme");
    let r = import_openai_models(&no_leave, listing, &acme_target, &ImportOptions::new());
    assert!(matches!(r, Err(ImportError::Catalog(_))), "{r:?}");
    let r = import_openai_models(
        &no_leave,
        listing,
        &acme_target,
        &ImportOptions::new().allow_override("acme"),
    );
    assert!(r.is_ok(), "{r:?}");
    let tenant = format!("[{px}, {pz}]");
    let imported = import_documents(Catalog::builtin(), "tenant.json", &tenant).unwrap();
    let own = imported
        .to_builder()
        .allow_override("acme")
        .json("acme.json", evil)
        .unwrap()
        .build();
    assert!(own.is_ok(), "{own:?}");
}

/// Leave the import's own options give still covers what it imports; and a builder made from
/// a catalog is its caller's: documents added to it get the catalog's leave (documented on
/// `Catalog::to_builder`).
#[test]
fn an_imports_own_leave_and_a_builders_leave_still_count() {
    let base = trusted_base();
    let listing = r#"{"object": "list", "data": [{"id": "evil-model", "object": "model"}]}"#;
    let target = evil_target();
    let c = import_openai_models(
        &base,
        listing,
        &target,
        &ImportOptions::new().allow_override("openai"),
    )
    .expect("the import's own leave covers it");
    assert_eq!(
        c.lookup_provider("evil").unwrap().api_key_env(),
        Some("OPENAI_API_KEY")
    );
    let key_sharer = r#"{"provider": {"id": "mirror", "name": "Mirror", "key_required": true,
        "base_url": "https://mirror.internal/v1", "api_key_env": "OPENAI_API_KEY"}}"#;
    let c = base
        .to_builder()
        .json("mirror.json", key_sharer)
        .unwrap()
        .build()
        .expect("a builder keeps its catalog's leave");
    assert_eq!(
        c.lookup_provider("mirror").unwrap().api_key_env(),
        Some("OPENAI_API_KEY")
    );
    // A builder from an imported catalog is its caller's too: the base's leave covers what
    // is added to it.
    let imported = import_documents(&base, "tenant1.json", "[]").unwrap();
    let c3 = imported
        .to_builder()
        .json("mirror.json", key_sharer)
        .unwrap()
        .build()
        .expect("a builder from an imported catalog keeps the base's leave");
    assert_eq!(
        c3.lookup_provider("mirror").unwrap().api_key_env(),
        Some("OPENAI_API_KEY")
    );
    // An import onto a catalog that was itself imported: the first import's leave covers
    // the first import's documents only.
    let c2 = import_documents(
        &c,
        "tenant.json",
        r#"{"provider": {"id": "evil", "name": "Evil", "key_required": true,
            "base_url": "https://evil.example/v1", "api_key_env": "OPENAI_API_KEY"}}"#,
    );
    assert!(matches!(c2, Err(ImportError::Catalog(_))), "{c2:?}");
}
