//! A recipe: an OpenAI-compatible gateway on `model-catalog`, with `axum` in front and
//! `reqwest` to the upstream providers.
//!
//! - `GET /v1/models` lists the catalog's models as an OpenAI `/v1/models` document, each by
//!   a name that reaches it (where the resolver refuses retired models, without those).
//! - `POST /v1/chat/completions` resolves the body's `model` with the gateway's
//!   [`Resolver`], picks the first route of [`Catalog::route`] under its [`RoutePolicy`]
//!   (where the resolver refuses retired models, with [`RoutePolicy::active_on`] the day it
//!   judges them on, taken once per request),
//!   rewrites `model` to the route's upstream id, forwards the body to the provider's chat
//!   completions endpoint with the provider's key, and relays the upstream's status and
//!   body.
//!
//! The catalog lives in a [`SharedCatalog`]: [`Gateway::catalog`] swaps it while requests
//! run. Each request loads the current catalog once and uses that one from resolution to
//! pricing, so a swap never mixes two catalogs in one answer.
//!
//! ```no_run
//! # async fn run() -> std::io::Result<()> {
//! use gateway::{Config, Gateway};
//! use model_catalog::{Catalog, PassThrough, Resolver, RoutePolicy, Surface};
//!
//! let config = Config {
//!     resolver: Resolver::new().refuse_retired(true).pass_through(PassThrough::AggregatorsOnly),
//!     route_policy: RoutePolicy::new().surface(Surface::ChatCompletions).keys(["groq"]),
//!     ..Config::default()
//! };
//! let gateway = Gateway::new(Catalog::builtin().clone(), config);
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! axum::serve(listener, gateway.router()).await
//! # }
//! ```

#![forbid(unsafe_code)]

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use model_catalog::formats::{export_openai_models, ExportError};
use model_catalog::{
    Catalog, PassThrough, Provider, Resolution, ResolveError, Resolver, Route, RouteError,
    RoutePolicy, SharedCatalog, Surface, Usage, Usd,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;
use std::error::Error;
use std::path::Path;
use std::sync::Arc;

/// Response header: the id of the provider the request was sent to.
pub const PROVIDER_HEADER: &str = "x-model-catalog-provider";
/// Response header: the model id sent upstream.
pub const UPSTREAM_MODEL_HEADER: &str = "x-model-catalog-upstream-model";
/// Response header: the catalog name that matched, as the catalog spells it.
pub const MATCHED_HEADER: &str = "x-model-catalog-matched";
/// Response header: for a pass-through, the catalog name it is probably a typo of.
pub const NEAR_MISS_HEADER: &str = "x-model-catalog-near-miss";
/// Response header: the cost in USD of the upstream's `usage`, at the serving provider's
/// prices; absent when unknown (a pass-through, a streamed response, no `usage`).
pub const COST_HEADER: &str = "x-model-catalog-cost-usd";

/// What the gateway decides by.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// How model strings resolve: whether retired models are refused, which pass-throughs
    /// are allowed, the date lifecycle is judged on.
    pub resolver: Resolver,
    /// Which providers may serve a request and in which order. Require
    /// [`Surface::ChatCompletions`] so that every route has a chat endpoint, and list the
    /// providers the gateway holds keys for ([`RoutePolicy::keys`]). Where the resolver
    /// refuses retired models, its day replaces any [`RoutePolicy::active_on`] set here.
    pub route_policy: RoutePolicy,
    /// Upstream keys by provider id. A provider not listed is sent the value of its
    /// [`Provider::api_key_env`] variable, read at each request; with neither, no
    /// `Authorization` header.
    pub keys: HashMap<String, String>,
    /// Whether to print one line per forwarded request to standard error.
    pub log: bool,
}

impl Config {
    /// The configuration the binary (`src/main.rs`) uses: retired models refused,
    /// pass-throughs as `GATEWAY_PASS_THROUGH` says (`always`, `aggregators-only`, the
    /// default, or `never`), chat completions required, and as keys held the providers of
    /// `catalog` whose [`Provider::api_key_env`] variable is set. Keys are read from the
    /// environment at each request.
    pub fn from_env(catalog: &Catalog) -> Result<Config, String> {
        let pass_through = match std::env::var("GATEWAY_PASS_THROUGH").as_deref() {
            Err(_) | Ok("aggregators-only") => PassThrough::AggregatorsOnly,
            Ok("always") => PassThrough::Always,
            Ok("never") => PassThrough::Never,
            Ok(other) => {
                return Err(format!(
                    "GATEWAY_PASS_THROUGH is {other:?}; expected always, aggregators-only or never"
                ))
            }
        };
        let held = catalog
            .providers()
            .filter(|p| {
                p.api_key_env()
                    .is_some_and(|v| std::env::var_os(v).is_some())
            })
            .map(|p| p.id().to_owned());
        Ok(Config {
            resolver: Resolver::new()
                .refuse_retired(true)
                .pass_through(pass_through),
            route_policy: RoutePolicy::new()
                .surface(Surface::ChatCompletions)
                .keys(held),
            keys: HashMap::new(),
            log: true,
        })
    }
}

/// The gateway: its catalog, its configuration and an HTTP client. Cheap to clone; clones
/// share the catalog.
#[derive(Clone)]
pub struct Gateway {
    catalog: Arc<SharedCatalog>,
    config: Arc<Config>,
    client: reqwest::Client,
}

impl Gateway {
    /// A gateway serving `catalog` under `config`.
    pub fn new(catalog: Catalog, config: Config) -> Gateway {
        Gateway {
            catalog: Arc::new(SharedCatalog::new(catalog)),
            config: Arc::new(config),
            client: reqwest::Client::new(),
        }
    }

    /// The catalog handle. [`SharedCatalog::store`] replaces the catalog: requests already
    /// running finish on the catalog they loaded, requests that start afterwards see the
    /// new one.
    pub fn catalog(&self) -> &SharedCatalog {
        &self.catalog
    }

    /// Replaces the catalog with the built-in one plus the data documents in the JSON file
    /// at `path` (see [`catalog_from_file`]). On an error the current catalog stays.
    pub fn reload(&self, path: &Path) -> Result<(), Box<dyn Error + Send + Sync>> {
        self.catalog.store(catalog_from_file(path)?);
        Ok(())
    }

    /// The routes: `GET /v1/models` and `POST /v1/chat/completions`.
    pub fn router(&self) -> Router {
        Router::new()
            .route("/v1/models", get(models))
            .route("/v1/chat/completions", post(chat_completions))
            .with_state(self.clone())
    }

    /// The key to send to `provider`: the configured one, else its environment variable's.
    fn key_for(&self, provider: &Provider) -> Option<String> {
        let from_env = || std::env::var(provider.api_key_env()?).ok();
        let key = self
            .config
            .keys
            .get(provider.id())
            .cloned()
            .or_else(from_env)?;
        (!key.is_empty()).then_some(key)
    }
}

/// The built-in catalog plus the data documents (the format of the crate's `data/`, one
/// document or an array of them) in the JSON file at `path`, validated as a whole.
pub fn catalog_from_file(path: &Path) -> Result<Catalog, Box<dyn Error + Send + Sync>> {
    let json = std::fs::read_to_string(path)?;
    Ok(Catalog::builder()
        .json(&path.display().to_string(), &json)?
        .build()?)
}

/// An OpenAI `/v1/models` list in the basic mode, as [`export_openai_models`] writes it.
#[derive(Deserialize, Serialize)]
struct ModelList {
    object: String,
    data: Vec<Listed>,
}

/// One model of a [`ModelList`].
#[derive(Deserialize, Serialize)]
struct Listed {
    id: String,
    object: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    created: Option<i64>,
    owned_by: String,
}

/// `GET /v1/models`: the current catalog's models, each by a name that reaches it here: its
/// id, or `<provider>:<id>` where the id alone resolves to something else (a run-time model
/// `openai/gpt-9` of a proxy: the id alone names OpenAI); where retired models are refused,
/// without those the gateway would answer 410 for, judged on one day.
async fn models(State(gateway): State<Gateway>) -> Response {
    let catalog = Catalog::clone(&gateway.catalog.load());
    let resolver = match gateway.config.resolver.retired_refused_on() {
        Some(day) => gateway.config.resolver.clone().as_of(day),
        None => gateway.config.resolver.clone(),
    };
    let listed = export_openai_models(&catalog, None).and_then(|json| {
        let json_error = |e: serde_json::Error| ExportError::Json(e.to_string());
        let mut list: ModelList = serde_json::from_str(&json).map_err(json_error)?;
        // The export lists the catalog's models in catalog order.
        let mut models = catalog.models();
        list.data.retain_mut(|entry| {
            let Some(m) = models.next().filter(|m| m.id() == entry.id) else {
                return false;
            };
            let reaches = |name: &str| {
                matches!(catalog.resolve_with(&resolver, name), Ok(r)
                    if r.model.is_some_and(|x| x.id() == m.id() && x.provider_id() == m.provider_id()))
            };
            if reaches(&entry.id) {
                return true;
            }
            let qualified = format!("{}:{}", m.provider_id(), m.id());
            if reaches(&qualified) {
                entry.id = qualified;
                return true;
            }
            false
        });
        serde_json::to_string(&list).map_err(json_error)
    });
    match listed {
        Ok(json) => json_response(StatusCode::OK, json),
        Err(e) => error_response(
            StatusCode::INTERNAL_SERVER_ERROR,
            "api_error",
            None,
            "export_failed",
            &e.to_string(),
        ),
    }
}

/// `POST /v1/chat/completions`.
async fn chat_completions(State(gateway): State<Gateway>, body: Bytes) -> Response {
    let mut request: Value = match serde_json::from_slice(&body) {
        Ok(v @ Value::Object(_)) => v,
        _ => {
            return error_response(
                StatusCode::BAD_REQUEST,
                "invalid_request_error",
                None,
                "invalid_json",
                "the request body is not a JSON object",
            )
        }
    };
    let Some(model) = request["model"].as_str().map(str::to_owned) else {
        return error_response(
            StatusCode::BAD_REQUEST,
            "invalid_request_error",
            Some("model"),
            "missing_model",
            "`model` is missing or not a string",
        );
    };

    // One catalog for the whole request (a clone is one `Arc`): a swap while it runs does
    // not change its answer.
    let catalog = Catalog::clone(&gateway.catalog.load());
    // Where retired models are refused, so are routes to a provider that has retired the
    // model, judged on the same day, taken once for both.
    let (dated_resolver, dated_policy);
    let (resolver, policy) = match gateway.config.resolver.retired_refused_on() {
        Some(day) => {
            dated_resolver = gateway.config.resolver.clone().as_of(day);
            dated_policy = gateway.config.route_policy.clone().active_on(day);
            (&dated_resolver, &dated_policy)
        }
        None => (&gateway.config.resolver, &gateway.config.route_policy),
    };
    let resolution = match catalog.resolve_with(resolver, &model) {
        Ok(r) => r,
        Err(e) => return resolve_error(&e),
    };
    let routes = match catalog.route(&model, policy) {
        Ok(routes) => routes,
        Err(RouteError::Resolve(e)) => return resolve_error(&e),
        Err(e) => return no_route(&e.to_string()),
    };
    let Some((route, url)) = routes.iter().find_map(|r| {
        let url = r.provider.endpoint(Surface::ChatCompletions)?;
        Some((r, url))
    }) else {
        return no_route(&format!(
            "no provider that can serve `{}` has a chat completions endpoint in the catalog",
            model.escape_debug()
        ));
    };

    request["model"] = Value::String(route.upstream_id.to_string());
    let stream = request["stream"] == Value::Bool(true);
    let mut forward = gateway
        .client
        .post(&url)
        .header(CONTENT_TYPE, "application/json")
        .body(request.to_string());
    if let Some(key) = gateway.key_for(route.provider) {
        forward = forward.header(AUTHORIZATION, format!("Bearer {key}"));
    }
    let upstream = match forward.send().await {
        Ok(r) => r,
        Err(e) => return upstream_error(&gateway, route.provider, &e),
    };

    let status = upstream.status();
    let content_type = upstream.headers().get(CONTENT_TYPE).cloned();
    let (body, cost) = if stream {
        // Relayed as it arrives; a stream's usage comes in its last event, unread here.
        let body: axum::http::Response<reqwest::Body> = upstream.into();
        (Body::new(body.into_body()), None)
    } else {
        let bytes = match upstream.bytes().await {
            Ok(b) => b,
            Err(e) => return upstream_error(&gateway, route.provider, &e),
        };
        let cost = status
            .is_success()
            .then(|| cost_of(&bytes, &resolution, route))
            .flatten();
        (Body::from(bytes), cost)
    };

    if gateway.config.log {
        eprintln!(
            "{model:?} matched {:?}: sent {:?} to {} ({}), status {}, cost {} USD",
            resolution.matched_name(),
            route.upstream_id,
            route.provider.id(),
            url,
            status.as_u16(),
            cost.map_or_else(|| "unknown".to_owned(), |c| c.to_string()),
        );
    }

    let mut response = Response::new(body);
    *response.status_mut() = status;
    let headers = response.headers_mut();
    if let Some(ct) = content_type {
        headers.insert(CONTENT_TYPE, ct);
    }
    let cost = cost.map(|c| c.to_string());
    for (name, value) in [
        (PROVIDER_HEADER, Some(route.provider.id())),
        (UPSTREAM_MODEL_HEADER, Some(&*route.upstream_id)),
        (MATCHED_HEADER, Some(resolution.matched_name())),
        (NEAR_MISS_HEADER, resolution.near_miss),
        (COST_HEADER, cost.as_deref()),
    ] {
        // A name that is not a valid header value (never so for catalog names) is left out.
        if let Some(v) = value.and_then(|v| HeaderValue::from_str(v).ok()) {
            headers.insert(HeaderName::from_static(name), v);
        }
    }
    response
}

/// The cost of the `usage` object in response body `body`: at the resolution's prices when
/// the route is the resolution's provider (served names, offers and fine-tunes priced as
/// [`Resolution::cost`] says), else at the route's (another provider offering the model).
fn cost_of(body: &[u8], resolution: &Resolution<'_, '_>, route: &Route<'_>) -> Option<Usd> {
    let response: Value = serde_json::from_slice(body).ok()?;
    let usage = Usage::from_openai_chat(response.get("usage")?).ok()?;
    let cost = if route.provider.id() == resolution.provider.id() {
        resolution.cost(&usage)
    } else {
        route.pricing.cost(&usage)
    };
    cost.ok().map(|c| c.total)
}

fn json_response(status: StatusCode, json: String) -> Response {
    (status, [(CONTENT_TYPE, "application/json")], json).into_response()
}

/// An OpenAI-style error: `{"error": {"message", "type", "param", "code"}}`.
fn error_response(
    status: StatusCode,
    kind: &str,
    param: Option<&str>,
    code: &str,
    message: &str,
) -> Response {
    let body = serde_json::json!({
        "error": { "message": message, "type": kind, "param": param, "code": code }
    });
    json_response(status, body.to_string())
}

/// A model string that does not resolve: [`ResolveError::http_status`] (400, 404 or 410)
/// and [`ResolveError::openai_error_body`].
fn resolve_error(e: &ResolveError) -> Response {
    let status = StatusCode::from_u16(e.http_status()).unwrap_or(StatusCode::BAD_REQUEST);
    json_response(status, e.openai_error_body())
}

/// No provider can serve the model under the routing policy: 404, code `no_route`.
fn no_route(message: &str) -> Response {
    error_response(
        StatusCode::NOT_FOUND,
        "invalid_request_error",
        Some("model"),
        "no_route",
        message,
    )
}

/// The upstream could not be reached or its answer not read: 502, code `upstream_error`.
/// The client is not told the upstream's URL (it may be an internal address); the log is.
fn upstream_error(gateway: &Gateway, provider: &Provider, e: &reqwest::Error) -> Response {
    if gateway.config.log {
        eprintln!("provider {} did not answer: {e}", provider.id());
    }
    error_response(
        StatusCode::BAD_GATEWAY,
        "api_error",
        None,
        "upstream_error",
        &format!("provider `{}` did not answer", provider.id()),
    )
}
