//! OpenAI-compatible `/v1/models` lists from untrusted JSON, into a new provider and into a
//! built-in one: a typed error or a catalog, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use model_catalog::formats::{import_openai_models, ImportOptions, TargetProvider};
use model_catalog::Catalog;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    let base = Catalog::builtin();
    let o = ImportOptions::new();
    for target in [
        TargetProvider::new("acme", "Acme"),
        TargetProvider::existing("nano-gpt"),
    ] {
        match import_openai_models(&base, json, &target, &o) {
            Ok(c) => {
                for m in c.models().skip(base.models().len()).take(64) {
                    assert!(
                        c.resolve_model(m.id()).is_ok(),
                        "{} does not resolve",
                        m.id()
                    );
                }
            }
            Err(e) => {
                let _ = (e.to_string(), e.kind(), e.path());
            }
        }
    }
});
