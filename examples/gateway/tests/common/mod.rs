//! The tests' mock upstream, their catalogs and a client for the gateway. Everything listens
//! on 127.0.0.1 at a port the system picks; nothing leaves the machine.

#![allow(dead_code)] // each test binary uses part of this

use axum::body::Bytes;
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use gateway::{Config, Gateway};
use model_catalog::schema::ModelEntry;
use model_catalog::{
    ApiFormat, Catalog, CatalogBuilder, CustomProvider, Date, PassThrough, Pricing, Resolver,
    RoutePolicy, Surface,
};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::net::TcpListener;
use tokio::sync::{mpsc, Semaphore};

/// A request the mock upstream received.
#[derive(Debug, Clone)]
pub struct Received {
    pub path: String,
    pub authorization: Option<String>,
    pub body: Value,
}

/// An OpenAI-compatible upstream on 127.0.0.1 that records every request and answers a chat
/// completion echoing the model it was sent, with `usage` of 1,000 prompt and 500 completion
/// tokens. A body field `x_mock_status` makes it answer that status with an error body;
/// `x_mock_hold: true` makes it report the arrival and wait for [`Mock::release`];
/// `stream: true` makes it answer two server-sent events.
pub struct Mock {
    pub url: String,
    received: Arc<Mutex<Vec<Received>>>,
    arrivals: tokio::sync::Mutex<mpsc::UnboundedReceiver<()>>,
    gate: Arc<Semaphore>,
}

/// The stream the mock answers to `stream: true`.
pub const MOCK_STREAM: &str = "data: {\"choices\":[{\"delta\":{\"content\":\"o\"}}]}\n\ndata: {\"choices\":[{\"delta\":{\"content\":\"k\"}}]}\n\ndata: [DONE]\n\n";

#[derive(Clone)]
struct MockState {
    received: Arc<Mutex<Vec<Received>>>,
    arrived: mpsc::UnboundedSender<()>,
    gate: Arc<Semaphore>,
}

impl Mock {
    pub async fn start() -> Mock {
        let received = Arc::new(Mutex::new(Vec::new()));
        let gate = Arc::new(Semaphore::new(0));
        let (arrived, arrivals) = mpsc::unbounded_channel();
        let state = MockState {
            received: received.clone(),
            arrived,
            gate: gate.clone(),
        };
        let app = Router::new().fallback(answer).with_state(state);
        let url = serve(app).await;
        Mock {
            url,
            received,
            arrivals: tokio::sync::Mutex::new(arrivals),
            gate,
        }
    }

    /// Every request received so far, in arrival order.
    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    /// Waits until `n` more held requests (`x_mock_hold`) have arrived.
    pub async fn held(&self, n: usize) {
        let mut arrivals = self.arrivals.lock().await;
        for _ in 0..n {
            arrivals.recv().await.expect("the mock is running");
        }
    }

    /// Lets `n` held requests be answered.
    pub fn release(&self, n: usize) {
        self.gate.add_permits(n);
    }
}

async fn answer(
    axum::extract::State(mock): axum::extract::State<MockState>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let path = uri.path().to_owned();
    mock.received.lock().unwrap().push(Received {
        path: path.clone(),
        authorization: headers
            .get(AUTHORIZATION)
            .map(|v| v.to_str().unwrap().to_owned()),
        body: body.clone(),
    });
    if body["x_mock_hold"] == true {
        mock.arrived.send(()).unwrap();
        mock.gate.acquire().await.unwrap().forget();
    }
    if let Some(status) = body["x_mock_status"].as_u64() {
        let status = StatusCode::from_u16(status as u16).unwrap();
        let error =
            json!({"error": {"message": "mock upstream error", "type": "mock", "code": "mock"}});
        return (
            status,
            [(CONTENT_TYPE, "application/json")],
            error.to_string(),
        )
            .into_response();
    }
    if body["stream"] == true {
        return ([(CONTENT_TYPE, "text/event-stream")], MOCK_STREAM).into_response();
    }
    let completion = json!({
        "id": "chatcmpl-mock",
        "object": "chat.completion",
        "model": body["model"],
        "x_mock_path": path,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "ok"}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 1000, "completion_tokens": 500, "total_tokens": 1500}
    });
    ([(CONTENT_TYPE, "application/json")], completion.to_string()).into_response()
}

/// Serves `app` on 127.0.0.1 at a port the system picks; returns its base URL.
pub async fn serve(app: Router) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    url
}

/// Starts `gateway`; returns its base URL.
pub async fn start(gateway: &Gateway) -> String {
    serve(gateway.router()).await
}

/// A provider with an OpenAI chat completions surface at `base_url`.
pub fn chat_provider(id: &str, name: &str, base_url: &str) -> CustomProvider {
    CustomProvider::new(id, name).base_url(base_url).surface(
        ApiFormat::Openai,
        Some(Surface::ChatCompletions),
        None,
    )
}

/// A model `id` sent upstream as `upstream`, at `input` and `output` USD per million tokens.
pub fn priced_model(
    id: &str,
    upstream: &str,
    aliases: &[&str],
    input: &str,
    output: &str,
) -> ModelEntry {
    let mut model = ModelEntry::new(id, id);
    model.upstream_id = Some(upstream.to_owned());
    model.aliases = aliases.iter().map(|a| a.to_string()).collect();
    model.pricing = Pricing::new()
        .input(input.parse().unwrap())
        .output(output.parse().unwrap());
    model
}

/// The built-in catalog with every provider the tests use pointing at the mock at `mock`:
/// [`mock_builder`]'s, and [`acme`] at `{mock}/acme/v1` sending `acme-large` as
/// `acme/large-v1` at $1 input and $2 output per million tokens.
pub fn mock_catalog(mock: &str) -> Catalog {
    mock_builder(mock)
        .provider(acme(&format!("{mock}/acme/v1"), "acme/large-v1", "1", "2"))
        .build()
        .unwrap()
}

/// The built-in catalog with:
/// - `openai` and `groq` (alias `groqcloud`) replaced, their built-in models kept, by
///   providers at `{mock}/openai/v1` and `{mock}/groq/openai/v1`;
/// - `local` at `{mock}/local/v1`, no key required and no models listed (so every model
///   string is passed through to it);
/// - `nochat` at `{mock}/nochat/v1`, with a model `embedder` and no chat surface.
pub fn mock_builder(mock: &str) -> CatalogBuilder {
    Catalog::builder()
        .provider(chat_provider(
            "openai",
            "OpenAI (mock)",
            &format!("{mock}/openai/v1"),
        ))
        .provider(
            chat_provider("groq", "Groq (mock)", &format!("{mock}/groq/openai/v1"))
                .alias("groqcloud"),
        )
        .provider(
            chat_provider("local", "Local vLLM", &format!("{mock}/local/v1")).key_required(false),
        )
        .provider(
            CustomProvider::new("nochat", "No chat")
                .base_url(&format!("{mock}/nochat/v1"))
                .model("embedder", "embedder-v1"),
        )
        .allow_override("openai")
        .allow_override("groq")
}

/// Provider `acme` (alias `acme-ai`) at `base_url` with one model, `acme-large` (alias
/// `Acme Large`), sent as `upstream` at `input` and `output` USD per million tokens.
pub fn acme(base_url: &str, upstream: &str, input: &str, output: &str) -> CustomProvider {
    chat_provider("acme", "Acme", base_url)
        .alias("acme-ai")
        .model_entry(priced_model(
            "acme-large",
            upstream,
            &["Acme Large"],
            input,
            output,
        ))
}

/// The keys the test gateways hold, by provider id.
pub fn keys() -> HashMap<String, String> {
    [
        ("openai", "sk-openai-test"),
        ("groq", "gsk-groq-test"),
        ("acme", "acme-test"),
        ("beta", "beta-test"),
    ]
    .into_iter()
    .map(|(p, k)| (p.to_owned(), k.to_owned()))
    .collect()
}

/// The test gateways' configuration: retired models refused as of 2026-10-01 (after
/// gpt-3.5-turbo's retirement on 2026-09-28, seed 000, and before that of the
/// `gpt-4o-2024-05-13` snapshot, 2026-10-23 in the data), pass-throughs
/// as `pass_through` says, chat completions required, only the mock's providers allowed
/// (so no request can leave the machine), keys held for those that need one.
pub fn config(pass_through: PassThrough) -> Config {
    let mut policy = RoutePolicy::new().surface(Surface::ChatCompletions);
    for p in ["openai", "groq", "acme", "local", "nochat", "beta"] {
        policy = policy.allow(p);
    }
    Config {
        resolver: Resolver::new()
            .refuse_retired(true)
            .pass_through(pass_through)
            .as_of(Date::from_ymd(2026, 10, 1).unwrap()),
        route_policy: policy.keys(["openai", "groq", "acme", "beta"]),
        keys: keys(),
        log: false,
    }
}

/// A gateway's answer.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: HeaderMap,
    pub text: String,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("{e}: {}", self.text))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().unwrap())
    }
}

/// The document the gateway at `gateway` answers `GET /v1/models` with.
pub async fn models_text(gateway: &str) -> String {
    reqwest::get(format!("{gateway}/v1/models"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// POSTs `body` to the gateway at `gateway`'s chat completions route.
pub async fn chat(client: &reqwest::Client, gateway: &str, body: &Value) -> Answer {
    let r = client
        .post(format!("{gateway}/v1/chat/completions"))
        .header(CONTENT_TYPE, "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    Answer {
        status: r.status().as_u16(),
        headers: r.headers().clone(),
        text: r.text().await.unwrap(),
    }
}

/// A chat completion request for `model`.
pub fn request(model: &str) -> Value {
    json!({"model": model, "messages": [{"role": "user", "content": "Hello"}], "temperature": 0.5})
}
