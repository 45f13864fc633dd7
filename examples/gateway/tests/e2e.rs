//! The gateway end to end: a client, the gateway and a mock upstream, all on 127.0.0.1.
//!
//! Expectations come from the seed documents (000: names, aliases, provider aliases, Groq's
//! model ids, gpt-3.5-turbo's retirement on 2026-09-28) and from the README's grammar, not
//! from running the code.

mod common;

use common::*;
use gateway::{
    Gateway, COST_HEADER, MATCHED_HEADER, NEAR_MISS_HEADER, PROVIDER_HEADER, UPSTREAM_MODEL_HEADER,
};
use model_catalog::formats::export_openai_models;
use model_catalog::schema::ModelEntry;
use model_catalog::{Date, PassThrough};
use serde_json::{json, Value};

const OPENAI: &str = "/openai/v1/chat/completions";
const GROQ: &str = "/groq/openai/v1/chat/completions";
const ACME: &str = "/acme/v1/chat/completions";
const LOCAL: &str = "/local/v1/chat/completions";

#[tokio::test]
async fn every_grammar_form_reaches_the_upstream_with_its_upstream_id() {
    let mock = Mock::start().await;
    let gw = start(&Gateway::new(
        mock_catalog(&mock.url),
        config(PassThrough::Always),
    ))
    .await;
    let client = reqwest::Client::new();
    let openai = Some("Bearer sk-openai-test");
    let groq = Some("Bearer gsk-groq-test");
    // (input, path, upstream id, authorization, provider)
    let cases: &[(&str, &str, &str, Option<&str>, &str)] = &[
        // A bare model id, in any case.
        ("gpt-4o", OPENAI, "gpt-4o", openai, "openai"),
        ("Gpt-4O", OPENAI, "gpt-4o", openai, "openai"),
        // Aliases send the model's id.
        ("gpt-4-omni", OPENAI, "gpt-4o", openai, "openai"),
        ("GPT-5 mini", OPENAI, "gpt-5-mini", openai, "openai"),
        (
            "llama-3.3-70b",
            GROQ,
            "meta-llama/llama-3.3-70b-versatile",
            groq,
            "groq",
        ),
        // A dated snapshot is a served name: sent as itself, in the catalog's spelling.
        (
            "gpt-4o-2024-05-13",
            OPENAI,
            "gpt-4o-2024-05-13",
            openai,
            "openai",
        ),
        (
            "GPT-4o-2024-05-13",
            OPENAI,
            "gpt-4o-2024-05-13",
            openai,
            "openai",
        ),
        // provider:model, by id or alias.
        ("openai:gpt-4o", OPENAI, "gpt-4o", openai, "openai"),
        ("open-AI:gpt-4o", OPENAI, "gpt-4o", openai, "openai"),
        (
            "groqcloud:llama-3.3-70b",
            GROQ,
            "meta-llama/llama-3.3-70b-versatile",
            groq,
            "groq",
        ),
        // provider::model and provider/model.
        (
            "groq::llama-3.3-70b",
            GROQ,
            "meta-llama/llama-3.3-70b-versatile",
            groq,
            "groq",
        ),
        (
            "groq/llama-3.3-70b",
            GROQ,
            "meta-llama/llama-3.3-70b-versatile",
            groq,
            "groq",
        ),
        // Groq's own model id, bare.
        (
            "meta-llama/llama-3.3-70b-versatile",
            GROQ,
            "meta-llama/llama-3.3-70b-versatile",
            groq,
            "groq",
        ),
        // A custom provider's model: bare, by alias, qualified by the provider's alias.
        (
            "acme-large",
            ACME,
            "acme/large-v1",
            Some("Bearer acme-test"),
            "acme",
        ),
        (
            "acme large",
            ACME,
            "acme/large-v1",
            Some("Bearer acme-test"),
            "acme",
        ),
        (
            "acme-ai:acme-large",
            ACME,
            "acme/large-v1",
            Some("Bearer acme-test"),
            "acme",
        ),
        // Pass-throughs keep the input's spelling; `local` needs no key and gets none.
        (
            "openai:gpt-5-preview",
            OPENAI,
            "gpt-5-preview",
            openai,
            "openai",
        ),
        (
            "local:Qwen/Qwen3-Coder-30B-A3B-Instruct",
            LOCAL,
            "Qwen/Qwen3-Coder-30B-A3B-Instruct",
            None,
            "local",
        ),
        // Fine-tune ids go to OpenAI as written, `ft:` in lower case.
        (
            "ft:gpt-4o-mini-2024-07-18:acme::x1",
            OPENAI,
            "ft:gpt-4o-mini-2024-07-18:acme::x1",
            openai,
            "openai",
        ),
        (
            "openai:ft:gpt-4o-mini-2024-07-18:acme::x1",
            OPENAI,
            "ft:gpt-4o-mini-2024-07-18:acme::x1",
            openai,
            "openai",
        ),
        (
            "FT:gpt-4o-mini-2024-07-18:acme::x1",
            OPENAI,
            "ft:gpt-4o-mini-2024-07-18:acme::x1",
            openai,
            "openai",
        ),
    ];
    for (i, &(input, path, upstream, auth, provider)) in cases.iter().enumerate() {
        let answer = chat(&client, &gw, &request(input)).await;
        assert_eq!(answer.status, 200, "{input}: {}", answer.text);
        let received = mock.received();
        assert_eq!(received.len(), i + 1, "{input}: one upstream request each");
        let sent = &received[i];
        assert_eq!(sent.path, path, "{input}");
        assert_eq!(sent.body["model"], upstream, "{input}");
        assert_eq!(sent.authorization.as_deref(), auth, "{input}");
        // Everything else in the body is forwarded untouched.
        assert_eq!(
            sent.body["messages"],
            json!([{"role": "user", "content": "Hello"}]),
            "{input}"
        );
        assert_eq!(sent.body["temperature"], 0.5, "{input}");
        // The upstream's body is relayed; the headers say where it went.
        assert_eq!(answer.json()["model"], upstream, "{input}");
        assert_eq!(answer.json()["x_mock_path"], path, "{input}");
        assert_eq!(answer.header(PROVIDER_HEADER), Some(provider), "{input}");
        assert_eq!(
            answer.header(UPSTREAM_MODEL_HEADER),
            Some(upstream),
            "{input}"
        );
        assert_eq!(
            answer.header("content-type"),
            Some("application/json"),
            "{input}"
        );
    }
}

#[tokio::test]
async fn headers_name_the_match_and_the_cost_of_the_usage() {
    let mock = Mock::start().await;
    let gw = start(&Gateway::new(
        mock_catalog(&mock.url),
        config(PassThrough::Always),
    ))
    .await;
    let client = reqwest::Client::new();

    // The mock reports 1,000 prompt and 500 completion tokens. gpt-4o is $2.50 in and $10
    // out per million tokens: 0.0025 + 0.005.
    let a = chat(&client, &gw, &request("GPT-4o")).await;
    assert_eq!(a.header(MATCHED_HEADER), Some("gpt-4o"));
    assert_eq!(a.header(COST_HEADER), Some("0.0075"));
    // acme-large is $1 in and $2 out: 0.001 + 0.001.
    let a = chat(&client, &gw, &request("Acme Large")).await;
    assert_eq!(a.header(MATCHED_HEADER), Some("Acme Large"));
    assert_eq!(a.header(COST_HEADER), Some("0.002"));
    // The matched name as the catalog spells it.
    let a = chat(&client, &gw, &request("GPT-4o-2024-05-13")).await;
    assert_eq!(a.header(MATCHED_HEADER), Some("gpt-4o-2024-05-13"));
    let a = chat(&client, &gw, &request("gpt-5 MINI")).await;
    assert_eq!(a.header(MATCHED_HEADER), Some("GPT-5 mini"));
    // A pass-through has no known prices, and a typo says what it was probably meant to be.
    let a = chat(&client, &gw, &request("openai:gpt-4o-mni")).await;
    assert_eq!(a.status, 200);
    assert_eq!(a.header(UPSTREAM_MODEL_HEADER), Some("gpt-4o-mni"));
    assert_eq!(a.header(NEAR_MISS_HEADER), Some("gpt-4o-mini"));
    assert_eq!(a.header(COST_HEADER), None);
    let a = chat(&client, &gw, &request("local:my-model")).await;
    assert_eq!((a.status, a.header(COST_HEADER)), (200, None));
}

/// Asserts an OpenAI-style error answer with `status` and `code`.
fn assert_error(a: &Answer, status: u16, code: &str, param: Option<&str>, context: &str) {
    assert_eq!(a.status, status, "{context}: {}", a.text);
    assert_eq!(
        a.header("content-type"),
        Some("application/json"),
        "{context}"
    );
    let body = a.json();
    let error = body["error"]
        .as_object()
        .unwrap_or_else(|| panic!("{context}: {body}"));
    assert_eq!(error["code"], code, "{context}");
    assert_eq!(error["param"].as_str(), param, "{context}");
    assert!(error["type"].is_string(), "{context}");
    assert!(!error["message"].as_str().unwrap().is_empty(), "{context}");
}

#[tokio::test]
async fn resolution_and_routing_errors_answer_with_their_status_and_reach_no_upstream() {
    let mock = Mock::start().await;
    let gw = start(&Gateway::new(
        mock_catalog(&mock.url),
        config(PassThrough::Always),
    ))
    .await;
    let client = reqwest::Client::new();
    let cases = [
        // Malformed: nothing to send upstream.
        ("openai:", 400, "malformed"),
        ("openai:/gpt-4o", 400, "malformed"),
        // Unknown names.
        ("gpt-4-o", 404, "unknown_model"),
        ("foo:gpt-4o", 404, "unknown_provider"),
        // llama-3.3-70b is Groq's (seed 000); OpenAI does not offer it.
        ("openai:llama-3.3-70b", 404, "model_not_offered"),
        // gpt-3.5-turbo retired on 2026-09-28 (seed 000); the gateway judges as of
        // 2026-10-01 and refuses retired models, named directly or through a provider.
        ("gpt-3.5-turbo", 410, "retired"),
        ("openai:gpt-3.5-turbo", 410, "retired"),
        // Claude Haiku 3 retired on 2026-04-20 (seed 000).
        ("claude-haiku-3", 410, "retired"),
        // Known models no allowed provider with a chat endpoint serves.
        ("nochat:embedder", 404, "no_route"),
        ("claude-sonnet-4-5", 404, "no_route"),
    ];
    for (input, status, code) in cases {
        let a = chat(&client, &gw, &request(input)).await;
        assert_error(&a, status, code, Some("model"), input);
        if code != "no_route" {
            assert_eq!(
                a.json()["error"]["type"],
                "invalid_request_error",
                "{input}"
            );
        }
    }
    assert!(mock.received().is_empty(), "{:?}", mock.received());

    // Bodies that name no model.
    let post = |body: &'static str| {
        let client = client.clone();
        let url = format!("{gw}/v1/chat/completions");
        async move {
            let r = client.post(url).body(body).send().await.unwrap();
            Answer {
                status: r.status().as_u16(),
                headers: r.headers().clone(),
                text: r.text().await.unwrap(),
            }
        }
    };
    assert_error(
        &post("not json").await,
        400,
        "invalid_json",
        None,
        "not json",
    );
    assert_error(&post("[1]").await, 400, "invalid_json", None, "an array");
    assert_error(
        &post(r#"{"messages": []}"#).await,
        400,
        "missing_model",
        Some("model"),
        "no model",
    );
    assert_error(
        &post(r#"{"model": 4}"#).await,
        400,
        "missing_model",
        Some("model"),
        "a number",
    );
    assert!(mock.received().is_empty());
}

#[tokio::test]
async fn strict_policies_refuse_pass_throughs() {
    let mock = Mock::start().await;
    let client = reqwest::Client::new();

    let never = start(&Gateway::new(
        mock_catalog(&mock.url),
        config(PassThrough::Never),
    ))
    .await;
    for input in [
        "openai:gpt-5-preview",
        "local:my-model",
        // A fine-tune id is a pass-through of a kind: refused in strict mode.
        "ft:gpt-4o-mini-2024-07-18:acme::x1",
    ] {
        let a = chat(&client, &never, &request(input)).await;
        assert_error(&a, 404, "pass_through_refused", Some("model"), input);
    }
    assert!(mock.received().is_empty());
    // Catalog names still resolve.
    assert_eq!(
        chat(&client, &never, &request("groqcloud:llama-3.3-70b"))
            .await
            .status,
        200
    );

    // Aggregators only: a provider that lists models refuses a name it does not list, one
    // that lists none (`local`) takes any.
    let some = start(&Gateway::new(
        mock_catalog(&mock.url),
        config(PassThrough::AggregatorsOnly),
    ))
    .await;
    let a = chat(&client, &some, &request("openai:gpt-5-preview")).await;
    assert_error(
        &a,
        404,
        "pass_through_refused",
        Some("model"),
        "openai:gpt-5-preview",
    );
    let a = chat(&client, &some, &request("local:my-model")).await;
    assert_eq!(a.status, 200);
    let received = mock.received();
    assert_eq!(received.len(), 2);
    assert_eq!(
        (received[1].path.as_str(), &received[1].body["model"]),
        (LOCAL, &json!("my-model"))
    );
}

#[tokio::test]
async fn upstream_answers_are_relayed_and_unreachable_upstreams_are_502() {
    let mock = Mock::start().await;
    // A port nothing listens on: bound, then closed.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", l.local_addr().unwrap())
    };
    let catalog = mock_catalog(&mock.url)
        .to_builder()
        .provider(chat_provider("gone", "Gone", &format!("{closed}/v1")).key_required(false))
        .build()
        .unwrap();
    let mut config = config(PassThrough::Always);
    config.route_policy = config.route_policy.allow("gone");
    let gw = start(&Gateway::new(catalog, config)).await;
    let client = reqwest::Client::new();

    // The upstream's status and body, as they are.
    let mut body = request("gpt-4o");
    body["x_mock_status"] = json!(429);
    let a = chat(&client, &gw, &body).await;
    assert_eq!(a.status, 429);
    assert_eq!(a.json()["error"]["message"], "mock upstream error");
    assert_eq!(a.header(PROVIDER_HEADER), Some("openai"));
    assert_eq!(a.header(COST_HEADER), None);

    // A stream is relayed as it comes, event stream and all.
    let mut body = request("GPT-4o-2024-05-13");
    body["stream"] = json!(true);
    let a = chat(&client, &gw, &body).await;
    assert_eq!(a.status, 200);
    assert_eq!(a.header("content-type"), Some("text/event-stream"));
    assert_eq!(a.text, MOCK_STREAM);
    assert_eq!(a.header(UPSTREAM_MODEL_HEADER), Some("gpt-4o-2024-05-13"));
    assert_eq!(mock.received()[1].body["stream"], true);

    let a = chat(&client, &gw, &request("gone:some-model")).await;
    assert_error(&a, 502, "upstream_error", None, "closed port");
    assert_eq!(a.json()["error"]["type"], "api_error");
}

#[tokio::test]
async fn models_lists_the_catalog() {
    let mock = Mock::start().await;
    let catalog = mock_catalog(&mock.url);
    let gw = start(&Gateway::new(catalog.clone(), config(PassThrough::Always))).await;
    let r = reqwest::get(format!("{gw}/v1/models")).await.unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.headers()["content-type"], "application/json");
    let text = r.text().await.unwrap();
    let list: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(list["object"], "list");
    let data = list["data"].as_array().unwrap();
    let entry = |id: &str| data.iter().find(|m| m["id"] == id).cloned();
    // Built-in models by catalog id (seed 000), the custom model too.
    for id in [
        "gpt-4o",
        "gpt-5-mini",
        "llama-3.3-70b-versatile",
        "claude-sonnet-4-5",
        "acme-large",
    ] {
        let m = entry(id).unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(m["object"], "model", "{id}");
    }
    assert_eq!(entry("gpt-4o").unwrap()["owned_by"], "openai");
    // Aliases and served names are not listed as models.
    assert!(entry("gpt-4-omni").is_none());
    assert!(entry("gpt-4o-2024-05-13").is_none());
    // The test gateways refuse retired models as of 2026-10-01: gpt-3.5-turbo (retired
    // 2026-09-28, seed 000) is not listed, and asking for it is 410.
    assert!(entry("gpt-3.5-turbo").is_none());
    let client = reqwest::Client::new();
    assert_eq!(
        chat(&client, &gw, &request("gpt-3.5-turbo")).await.status,
        410
    );
    // Else the document is the library's export of the gateway's catalog, which lists it.
    let all: Value = serde_json::from_str(&export_openai_models(&catalog, None).unwrap()).unwrap();
    let all = all["data"].as_array().unwrap();
    assert!(all.iter().any(|m| m["id"] == "gpt-3.5-turbo"));
    assert!(data.len() < all.len());
    // The others as the export writes them, in its order and shape.
    let kept: Vec<&Value> = all.iter().filter(|m| data.contains(m)).collect();
    assert_eq!(kept, data.iter().collect::<Vec<_>>());
    assert!(
        text.starts_with(r#"{"object":"list","data":[{"id":"#),
        "{text}"
    );
    let mut cfg = config(PassThrough::Always);
    cfg.resolver = cfg.resolver.refuse_retired(false);
    let gw = start(&Gateway::new(catalog.clone(), cfg)).await;
    assert_eq!(
        models_text(&gw).await,
        export_openai_models(&catalog, None).unwrap()
    );
    assert!(mock.received().is_empty());
}

#[tokio::test]
async fn a_provider_that_has_retired_the_model_is_not_routed_to() {
    // `beta` serves acme-large too, preferred, but retired it on 2026-09-01; the test
    // gateways judge lifecycle on 2026-10-01 and refuse retired models.
    let mock = Mock::start().await;
    let mut beta = chat_provider("beta", "Beta", &format!("{}/beta/v1", mock.url))
        .offer("acme-large", "beta/large")
        .into_document();
    beta.offers[0].deprecated = true;
    beta.offers[0].retires = Some(Date::from_ymd(2026, 9, 1).unwrap());
    let catalog = mock_builder(&mock.url)
        .provider(acme(
            &format!("{}/acme/v1", mock.url),
            "acme/large-v1",
            "1",
            "2",
        ))
        .document("beta", beta)
        .build()
        .unwrap();
    let mut cfg = config(PassThrough::Always);
    cfg.route_policy = cfg.route_policy.prefer("beta");
    let gw = start(&Gateway::new(catalog.clone(), cfg.clone())).await;
    let client = reqwest::Client::new();
    let a = chat(&client, &gw, &request("acme-large")).await;
    assert_eq!(a.status, 200, "{}", a.text);
    let sent = mock.received();
    assert_eq!(sent.last().unwrap().path, "/acme/v1/chat/completions");
    assert_eq!(sent.last().unwrap().body["model"], "acme/large-v1");
    // Before its retirement, beta is preferred.
    cfg.resolver = cfg.resolver.as_of(Date::from_ymd(2026, 8, 1).unwrap());
    let gw = start(&Gateway::new(catalog, cfg)).await;
    let a = chat(&client, &gw, &request("acme-large")).await;
    assert_eq!(a.status, 200, "{}", a.text);
    let sent = mock.received();
    assert_eq!(sent.last().unwrap().path, "/beta/v1/chat/completions");
    assert_eq!(sent.last().unwrap().body["model"], "beta/large");
}

#[tokio::test]
async fn models_are_listed_by_a_name_that_reaches_them() {
    // A proxy's own model named like another provider's (`openai/gpt-9-new`): the id alone
    // resolves to OpenAI (a pass-through), so the list gives `beta:openai/gpt-9-new`, which
    // chat sends to beta.
    let mock = Mock::start().await;
    let beta = chat_provider("beta", "Beta", &format!("{}/beta/v1", mock.url))
        .model_entry(ModelEntry::new("openai/gpt-9-new", "GPT-9 (Beta)"));
    let catalog = mock_builder(&mock.url).provider(beta).build().unwrap();
    assert_eq!(
        catalog
            .resolve_model("openai/gpt-9-new")
            .unwrap()
            .provider
            .id(),
        "openai"
    );
    let gw = start(&Gateway::new(catalog, config(PassThrough::Always))).await;
    let list: Value = serde_json::from_str(&models_text(&gw).await).unwrap();
    let ids: Vec<&str> = list["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"beta:openai/gpt-9-new"), "{ids:?}");
    assert!(!ids.contains(&"openai/gpt-9-new"));
    let client = reqwest::Client::new();
    let a = chat(&client, &gw, &request("beta:openai/gpt-9-new")).await;
    assert_eq!(a.status, 200, "{}", a.text);
    let sent = mock.received();
    assert_eq!(sent.last().unwrap().path, "/beta/v1/chat/completions");
    assert_eq!(sent.last().unwrap().body["model"], "openai/gpt-9-new");
}
