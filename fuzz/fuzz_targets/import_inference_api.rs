//! The inference-api `/models` response from untrusted JSON: a typed error or a catalog,
//! never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use model_catalog::formats::{import_inference_api, ImportOptions};
use model_catalog::Catalog;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    let base = Catalog::builtin();
    match import_inference_api(&base, json, &ImportOptions::new()) {
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
});
