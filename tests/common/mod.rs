//! Helpers several test files share. Each test file uses a part of them.
#![allow(dead_code)]

use model_catalog::Catalog;
use proptest::test_runner::Config as ProptestConfig;

/// What a resolution answers: (provider id, model id, upstream id, pass-through?).
pub type Resolved = (String, Option<String>, String, bool);

/// The answer of `c` to `input`, or the error kind.
pub fn answer(c: &Catalog, input: &str) -> Result<Resolved, String> {
    c.resolve_model(input)
        .map(|r| {
            (
                r.provider.id().to_owned(),
                r.model.map(|m| m.id().to_owned()),
                r.upstream_id.to_string(),
                r.is_pass_through(),
            )
        })
        .map_err(|e| e.kind().to_owned())
}

/// 512 cases per property, so CI stays fast; `PROPTEST_CASES=N cargo test` runs N.
pub fn proptest_config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(512);
    ProptestConfig::with_cases(cases)
}
