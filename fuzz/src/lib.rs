//! What every import fuzz target checks of an import's outcome, and the reference resolver
//! the `resolve` target compares with (the tests' own, `crates/model-catalog-oracle`).

pub use model_catalog_oracle as oracle;

use model_catalog::formats::ImportError;
use model_catalog::Catalog;

/// An import either failed with a typed error that renders, or produced a catalog in which
/// every model it added resolves by its id.
pub fn check_import(base: &Catalog, outcome: Result<Catalog, ImportError>) -> Option<Catalog> {
    match outcome {
        Ok(c) => {
            for m in c.models().skip(base.models().len()).take(64) {
                assert!(
                    c.resolve_model(m.id()).is_ok(),
                    "{} does not resolve",
                    m.id()
                );
            }
            Some(c)
        }
        Err(e) => {
            let _ = (e.to_string(), e.kind(), e.path(), e.document());
            None
        }
    }
}
