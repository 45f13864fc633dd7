//! The crate's own data format from untrusted JSON: a typed error or a catalog, never a
//! panic; an accepted catalog exports and reads back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use model_catalog::formats::{export_documents, import_documents};
use model_catalog::Catalog;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    let base = Catalog::builtin();
    match import_documents(&base, "fuzz.json", json) {
        Ok(c) => {
            for m in c.models().take(64) {
                assert!(
                    c.resolve_model(m.id()).is_ok(),
                    "{} does not resolve",
                    m.id()
                );
            }
            let out = export_documents(&c).expect("an imported catalog exports");
            import_documents(&base, "again.json", &out).expect("an export imports again");
        }
        Err(e) => {
            let _ = (e.to_string(), e.kind(), e.path(), e.document());
        }
    }
});
