//! The crate's own data format from untrusted JSON: a typed error or a catalog, never a
//! panic; an accepted catalog exports and reads back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use model_catalog::formats::{export_documents, import_documents};
use model_catalog::Catalog;
use model_catalog_fuzz::check_import;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    let base = Catalog::builtin();
    if let Some(c) = check_import(&base, import_documents(&base, "fuzz.json", json)) {
        let out = export_documents(&c).expect("an imported catalog exports");
        import_documents(&base, "again.json", &out).expect("an export imports again");
    }
});
