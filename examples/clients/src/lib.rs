//! Recipes: a `model-catalog` resolution handed to the Rust LLM clients.
//!
//! Each client wants the same three facts, and each wants them in its own shape:
//!
//! | fact | from the resolution | [`genai`] | [`async_openai`] | [`rig_core`] |
//! |---|---|---|---|---|
//! | base URL | `provider.base_url()` | `Endpoint`, **must end in `/`** (joined as a URL) | `with_api_base`, **no trailing `/`** (`/chat/completions` is appended) | `with_base_url`, either |
//! | model id | `upstream_id` | `ModelIden::new(AdapterKind::OpenAI, ..)` | the request's `model` | `client.chat(..)` |
//! | key | `provider.api_key_env()` | `AuthData::from_env(var)` | `with_api_key(value)` | `OpenAIConfig::new(value)` |
//!
//! [`Provider::url`]`("")` gives the base URL with exactly one trailing `/` whatever the
//! catalog's spelling (OpenAI's ends in `/`, Groq's does not), and trimming the `/` gives
//! it without. The recipes handle providers whose API is OpenAI-compatible (every built-in
//! provider but Anthropic, whose `messages` surface each of these crates reaches through
//! its own Anthropic client instead).
//!
//! Versions: genai 0.7, async-openai 0.43, rig-core 0.44 (0.45 and 0.46 declare Rust 1.97.1,
//! newer than the 1.95 CI uses). The test (`tests/clients.rs`) sends a request through each
//! client to a local mock upstream and checks the URL, the model id and the key it received;
//! CI type-checks it with clippy, `cargo test -p model-catalog-client-recipes` runs it.

#![forbid(unsafe_code)]

use model_catalog::{Catalog, Provider, Resolution};

/// The key for `provider` from its [`Provider::api_key_env`] variable; empty when the
/// variable is unset or the provider names none.
///
/// Always hand a client this value rather than leaving its key unset: a client left to its
/// defaults reads `OPENAI_API_KEY` and would send the OpenAI key to whichever provider the
/// resolution chose.
pub fn api_key(provider: &Provider) -> String {
    provider
        .api_key_env()
        .and_then(|var| std::env::var(var).ok())
        .unwrap_or_default()
}

/// genai: a `ServiceTargetResolver` that resolves every model name genai is asked for with
/// `catalog`, so `client.exec_chat("groqcloud:llama-3.3-70b", ..)` goes to Groq as
/// `meta-llama/llama-3.3-70b-versatile` with `GROQ_API_KEY`.
///
/// ```no_run
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// use genai::chat::{ChatMessage, ChatRequest};
/// use model_catalog::Catalog;
///
/// let resolver = client_recipes::genai_resolver(Catalog::builtin().clone());
/// let client = genai::Client::builder().with_service_target_resolver(resolver).build()?;
/// let request = ChatRequest::new(vec![ChatMessage::user("Hello")]);
/// let answer = client.exec_chat("groqcloud:llama-3.3-70b", request, None).await?;
/// # let _ = answer;
/// # Ok(())
/// # }
/// ```
///
/// genai reads a `::` in a model name as `namespace::name` and sends only the name: a
/// fine-tune id with an empty suffix (`ft:gpt-4o-mini-2024-07-18:acme::x1`) reaches the
/// upstream as `x1`. Send those through another client.
pub fn genai_resolver(catalog: Catalog) -> genai::resolver::ServiceTargetResolver {
    use genai::adapter::AdapterKind;
    use genai::resolver::{AuthData, Endpoint, Error};
    use genai::{ModelIden, ServiceTarget};

    genai::resolver::ServiceTargetResolver::from_resolver_fn(
        move |target: ServiceTarget| -> Result<ServiceTarget, Error> {
            let r = catalog
                .resolve_model(&target.model.model_name)
                .map_err(|e| Error::Custom(e.to_string()))?;
            let base = r.provider.url("").ok_or_else(|| {
                Error::Custom(format!("provider `{}` has no base URL", r.provider.id()))
            })?;
            let auth = match r.provider.api_key_env() {
                Some(var) => AuthData::from_env(var),
                None => AuthData::None,
            };
            Ok(ServiceTarget {
                endpoint: Endpoint::from_owned(base),
                auth,
                model: ModelIden::new(AdapterKind::OpenAI, r.upstream_id.as_ref()),
            })
        },
    )
}

/// async-openai: a client for the resolution's provider, and the model id to put in the
/// request; `None` when the provider's base URL is unknown.
///
/// ```no_run
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// use async_openai::types::chat::{
///     ChatCompletionRequestUserMessageArgs, CreateChatCompletionRequestArgs,
/// };
///
/// let r = model_catalog::resolve_model("groqcloud:llama-3.3-70b")?;
/// let (client, model) = client_recipes::async_openai_client(&r).ok_or("no base URL")?;
/// let request = CreateChatCompletionRequestArgs::default()
///     .model(model)
///     .messages([ChatCompletionRequestUserMessageArgs::default().content("Hello").build()?.into()])
///     .build()?;
/// let answer = client.chat().create(request).await?;
/// # let _ = answer;
/// # Ok(())
/// # }
/// ```
///
/// `OpenAIConfig::new()` also reads `OPENAI_ORG_ID` and `OPENAI_PROJECT_ID` and sends them
/// as headers; they are cleared here, since the provider may not be OpenAI.
pub fn async_openai_client(
    r: &Resolution<'_, '_>,
) -> Option<(
    async_openai::Client<async_openai::config::OpenAIConfig>,
    String,
)> {
    let base = r.provider.base_url()?.trim_end_matches('/');
    let config = async_openai::config::OpenAIConfig::new()
        .with_api_base(base)
        .with_api_key(api_key(r.provider))
        .with_org_id("")
        .with_project_id("");
    Some((
        async_openai::Client::with_config(config),
        r.upstream_id.to_string(),
    ))
}

/// rig: a chat completions model for the resolution; `None` when the provider's base URL is
/// unknown.
///
/// ```no_run
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let r = model_catalog::resolve_model("groqcloud:llama-3.3-70b")?;
/// let model = client_recipes::rig_chat_model(&r).ok_or("no base URL")?;
/// let answer = model.call("Hello").await?;
/// println!("{}", answer.text());
/// # Ok(())
/// # }
/// ```
pub fn rig_chat_model(
    r: &Resolution<'_, '_>,
) -> Option<rig_core::driver::Model<rig_core::providers::openai::wire::Chat>> {
    let base = r.provider.base_url()?;
    let client = rig_core::providers::openai::OpenAIConfig::new(api_key(r.provider))
        .with_base_url(base)
        .client();
    Some(client.chat(r.upstream_id.as_ref()))
}
