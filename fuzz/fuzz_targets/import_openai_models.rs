//! OpenAI-compatible `/v1/models` lists from untrusted JSON, into a new provider and into a
//! built-in one: a typed error or a catalog, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use model_catalog::formats::{import_openai_models, ImportOptions, TargetProvider};
use model_catalog::Catalog;
use model_catalog_fuzz::check_import;

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
        check_import(&base, import_openai_models(&base, json, &target, &o));
    }
});
