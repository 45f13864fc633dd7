//! ngrok `AIGatewayProviderList` pages from untrusted JSON (the input split into pages at
//! NUL bytes): a typed error or a catalog, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use model_catalog::formats::{import_ngrok, ImportOptions};
use model_catalog::Catalog;
use model_catalog_fuzz::check_import;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let pages: Vec<&str> = text.split('\0').collect();
    let base = Catalog::builtin();
    if let Some(c) = check_import(&base, import_ngrok(&base, &pages, &ImportOptions::new())) {
        for p in c.custom_providers() {
            let _ = c.resolve_model(&format!("{}:some-model", p.id()));
        }
    }
});
