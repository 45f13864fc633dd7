//! The inference-api `/models` response from untrusted JSON: a typed error or a catalog,
//! never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use model_catalog::formats::{import_inference_api, ImportOptions};
use model_catalog::Catalog;
use model_catalog_fuzz::check_import;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    let base = Catalog::builtin();
    check_import(
        &base,
        import_inference_api(&base, json, &ImportOptions::new()),
    );
});
