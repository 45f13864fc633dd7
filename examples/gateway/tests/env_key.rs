//! Upstream keys from the environment: a provider without a configured key is sent the value
//! of its `api_key_env` variable; a configured key wins over it. In a test binary of its
//! own, because it sets environment variables before anything else runs.

mod common;

use common::*;
use model_catalog::{Catalog, CustomProvider, PassThrough};

/// `provider` with `api_key_env` set to `var`.
fn with_key_env(provider: CustomProvider, var: &str) -> model_catalog::schema::DataFile {
    let mut doc = provider.into_document();
    doc.provider.as_mut().unwrap().api_key_env = Some(var.to_owned());
    doc
}

#[test]
fn keys_come_from_the_config_then_the_environment() {
    // Set while this is the only thread of the process.
    std::env::set_var("MODEL_CATALOG_GATEWAY_TEST_KEY", "from-env");
    std::env::set_var("MODEL_CATALOG_GATEWAY_TEST_EMPTY", "");
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(run());
}

async fn run() {
    let mock = Mock::start().await;
    let var = "MODEL_CATALOG_GATEWAY_TEST_KEY";
    let catalog = Catalog::builder()
        .document(
            "envkey",
            with_key_env(
                chat_provider("envkey", "Env key", &format!("{}/envkey/v1", mock.url)),
                var,
            ),
        )
        .document(
            "acme",
            with_key_env(
                chat_provider("acme", "Acme", &format!("{}/acme/v1", mock.url)),
                var,
            ),
        )
        .document(
            "empty",
            with_key_env(
                chat_provider("empty", "Empty key", &format!("{}/empty/v1", mock.url)),
                "MODEL_CATALOG_GATEWAY_TEST_EMPTY",
            ),
        )
        // acme names envkey's variable: a provider may only with leave.
        .allow_override("envkey")
        .build()
        .unwrap();
    let mut config = config(PassThrough::Always);
    config.route_policy = model_catalog::RoutePolicy::new()
        .allow("envkey")
        .allow("acme")
        .allow("empty");
    let gw = start(&gateway::Gateway::new(catalog, config)).await;
    let client = reqwest::Client::new();

    for model in ["envkey:m", "acme:m", "empty:m"] {
        assert_eq!(
            chat(&client, &gw, &request(model)).await.status,
            200,
            "{model}"
        );
    }
    let auth: Vec<_> = mock
        .received()
        .into_iter()
        .map(|r| r.authorization)
        .collect();
    assert_eq!(
        auth,
        [
            Some("Bearer from-env".to_owned()),  // envkey: no configured key
            Some("Bearer acme-test".to_owned()), // acme: the configured key wins
            None,                                // an empty variable is no key
        ]
    );
}
