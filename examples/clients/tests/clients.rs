//! Each recipe sends one chat request through its client to a mock OpenAI-compatible
//! upstream on 127.0.0.1; the mock records the path, the model and the key it received.
//!
//! Two custom providers at the mock: `slash`, whose base URL ends in `/`, and `bare`, whose
//! does not (OpenAI's and Groq's built-in base URLs differ the same way). Each names its key
//! variable. `OPENAI_API_KEY` is set too, and must reach neither.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, HeaderName, Uri};
use axum::Router;
use model_catalog::schema::DataFile;
use model_catalog::{ApiFormat, Catalog, CustomProvider, Surface};
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};

/// What the mock received: path, model, `Authorization`.
type Seen = Arc<Mutex<Vec<(String, String, Option<String>)>>>;

async fn answer(
    State(seen): State<Seen>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> ([(HeaderName, &'static str); 1], String) {
    let body: Value = serde_json::from_slice(&body).unwrap();
    let model = body["model"].as_str().unwrap().to_owned();
    let auth = headers
        .get("authorization")
        .map(|v| v.to_str().unwrap().to_owned());
    seen.lock()
        .unwrap()
        .push((uri.path().to_owned(), model.clone(), auth));
    let completion = json!({
        "id": "chatcmpl-mock", "object": "chat.completion", "created": 1_700_000_000, "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "ok"}, "logprobs": null, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 2, "total_tokens": 12}
    });
    ([(CONTENT_TYPE, "application/json")], completion.to_string())
}

fn provider(id: &str, base_url: &str, key_env: &str, model: (&str, &str)) -> DataFile {
    let mut doc = CustomProvider::new(id, id)
        .base_url(base_url)
        .surface(ApiFormat::Openai, Some(Surface::ChatCompletions), None)
        .model(model.0, model.1)
        .into_document();
    doc.provider.as_mut().unwrap().api_key_env = Some(key_env.to_owned());
    doc
}

const CASES: [(&str, &str, &str, &str); 2] = [
    // (input, path, upstream id, authorization)
    (
        "slash:fast",
        "/slash/v1/chat/completions",
        "vendor/fast-1",
        "Bearer slash-key",
    ),
    (
        "bare:small",
        "/bare/v1/chat/completions",
        "small-2",
        "Bearer bare-key",
    ),
];

#[test]
fn each_client_reaches_the_resolved_provider_with_its_model_and_key() {
    // Set while this is the only thread of the process.
    std::env::set_var("RECIPES_SLASH_KEY", "slash-key");
    std::env::set_var("RECIPES_BARE_KEY", "bare-key");
    std::env::set_var("OPENAI_API_KEY", "sk-must-not-leak");
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
        .block_on(run());
}

async fn run() {
    let seen: Seen = Arc::default();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let mock = format!("http://{}", listener.local_addr().unwrap());
    let app = Router::new().fallback(answer).with_state(seen.clone());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let catalog = Catalog::builder()
        .document(
            "slash",
            provider(
                "slash",
                &format!("{mock}/slash/v1/"),
                "RECIPES_SLASH_KEY",
                ("fast", "vendor/fast-1"),
            ),
        )
        .document(
            "bare",
            provider(
                "bare",
                &format!("{mock}/bare/v1"),
                "RECIPES_BARE_KEY",
                ("small", "small-2"),
            ),
        )
        .build()
        .unwrap();
    let expected: Vec<_> = CASES
        .iter()
        .map(|&(_, path, model, auth)| (path.to_owned(), model.to_owned(), Some(auth.to_owned())))
        .collect();

    // genai: the resolver resolves the name genai is given.
    let resolver = client_recipes::genai_resolver(catalog.clone());
    let client = genai::Client::builder()
        .with_service_target_resolver(resolver)
        .build()
        .unwrap();
    for (input, ..) in CASES {
        let request = genai::chat::ChatRequest::new(vec![genai::chat::ChatMessage::user("Hello")]);
        let answer = client.exec_chat(input, request, None).await;
        assert_eq!(answer.unwrap().first_text(), Some("ok"), "genai {input}");
    }
    assert_eq!(
        std::mem::take(&mut *seen.lock().unwrap()),
        expected,
        "genai"
    );
    // The limit the README states: genai sends only what follows the first `::` of the
    // upstream id, so a fine-tune id with an empty suffix loses its head.
    let request = genai::chat::ChatRequest::new(vec![genai::chat::ChatMessage::user("Hello")]);
    let fine_tune = "slash:ft:gpt-4o-mini-2024-07-18:acme::x1";
    client.exec_chat(fine_tune, request, None).await.unwrap();
    assert_eq!(seen.lock().unwrap().pop().unwrap().1, "x1");

    // async-openai
    use async_openai::types::chat::{
        ChatCompletionRequestUserMessageArgs, CreateChatCompletionRequestArgs,
    };
    for (input, ..) in CASES {
        let r = catalog.resolve_model(input).unwrap();
        let (client, model) = client_recipes::async_openai_client(&r).unwrap();
        let request = CreateChatCompletionRequestArgs::default()
            .model(model)
            .messages([ChatCompletionRequestUserMessageArgs::default()
                .content("Hello")
                .build()
                .unwrap()
                .into()])
            .build()
            .unwrap();
        let answer = client.chat().create(request).await.unwrap();
        assert_eq!(
            answer.choices[0].message.content.as_deref(),
            Some("ok"),
            "async-openai {input}"
        );
    }
    assert_eq!(
        std::mem::take(&mut *seen.lock().unwrap()),
        expected,
        "async-openai"
    );

    // rig
    for (input, ..) in CASES {
        let r = catalog.resolve_model(input).unwrap();
        let model = client_recipes::rig_chat_model(&r).unwrap();
        let answer = model.call("Hello").await.unwrap();
        assert_eq!(answer.text(), "ok", "rig {input}");
    }
    assert_eq!(std::mem::take(&mut *seen.lock().unwrap()), expected, "rig");
}
