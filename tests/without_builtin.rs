//! Without the `builtin` feature the compiled catalog is empty, and everything still works on
//! it and on catalogs built over it. Run with
//! `cargo test --no-default-features --tests` (CI does); with the feature on,
//! this file is empty.
#![cfg(not(feature = "builtin"))]

use model_catalog::{
    catalog_info, lookup_model, lookup_provider, models, providers, resolve_model, route, Catalog,
    CustomProvider, Query, RoutePolicy, DATA_AS_OF,
};

#[test]
fn the_builtin_catalog_is_empty() {
    assert_eq!(providers().len(), 0);
    assert_eq!(models().len(), 0);
    assert!(lookup_model("gpt-4o").is_none());
    assert!(lookup_provider("openai").is_none());
    assert_eq!(resolve_model("gpt-4o").unwrap_err().kind(), "unknown_model");
    assert_eq!(
        resolve_model("openai:gpt-4o").unwrap_err().kind(),
        "unknown_provider"
    );
    assert_eq!(resolve_model("   ").unwrap_err().kind(), "empty");
    assert!(route("gpt-4o", &RoutePolicy::new()).is_err());
    assert!(Query::new().run().is_empty());
    let info = catalog_info();
    assert_eq!((info.providers, info.models, info.offers), (0, 0, 0));
    assert_eq!(DATA_AS_OF, None);
    assert!(Catalog::builtin().is_builtin());
}

#[test]
fn catalogs_are_built_over_the_empty_one() {
    let c = Catalog::builder()
        .provider(
            CustomProvider::new("internal", "Internal")
                .base_url("http://127.0.0.1:8000/v1")
                .model("llama-3", "meta-llama/Meta-Llama-3-8B-Instruct"),
        )
        .build()
        .unwrap();
    assert_eq!(c.providers().len(), 1);
    let r = c.resolve_model("LLAMA-3").unwrap();
    assert_eq!(r.provider.id(), "internal");
    assert_eq!(r.upstream_id, "meta-llama/Meta-Llama-3-8B-Instruct");
    let r = c.resolve_model("internal:other").unwrap();
    assert!(r.model.is_none());
    assert_eq!(r.upstream_id, "other");
    let e = c.resolve_model("llama-4").unwrap_err();
    assert_eq!(e.kind(), "unknown_model");
    assert_eq!(c.route("llama-3", &RoutePolicy::new()).unwrap().len(), 1);
}
