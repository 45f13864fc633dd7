//! The build-time half of [model-catalog](https://crates.io/crates/model-catalog): what its
//! build script runs to compile a catalog directory into static tables.
//!
//! - [`load`]: which directory to read ([`DataDir`], the one reading of
//!   `MODEL_CATALOG_DATA_DIR`) and reading its documents;
//! - [`solve`]: the solver of the perfect hash that `model_catalog_shared::folded_hash` defines;
//! - [`codegen`]: the Rust source of the tables.
//!
//! The documents are validated by `model-catalog-shared`, the same validator the library runs
//! over run-time overlays. model-catalog's build script is [`run`] (or [`run_empty`] when the
//! library is built without its `builtin` feature); its golden test calls [`tables`] to
//! regenerate the tables and compare them with the build's.

#![forbid(unsafe_code)]

pub mod codegen;
pub mod load;
pub mod solve;

pub use load::{load_dir, load_sources, DataDir, DATA_DIR_VAR};

use std::path::PathBuf;
use std::process::ExitCode;

/// The environment variable through which [`run`] tells the library's compilation which
/// directory it compiled (its golden test regenerates the tables from the same one).
pub const BUILT_FROM_VAR: &str = "MODEL_CATALOG_BUILT_FROM";

/// The Rust source of the tables of the catalog in `dir`, or every error found in it.
pub fn tables(dir: &DataDir) -> Result<String, Vec<String>> {
    let (validated, sources) = dir
        .load()
        .map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    codegen::generate(&validated, sources.as_ref()).map_err(|e| vec![e])
}

/// The Rust source of the tables of a catalog with no documents: no provider, no model, no
/// sources. What model-catalog compiles without its `builtin` feature.
#[must_use]
pub fn empty_tables() -> String {
    let validated = model_catalog_shared::validate::validate(&[])
        .expect("a catalog with no documents is valid");
    codegen::generate(&validated, None).expect("a catalog with no documents generates")
}

/// model-catalog's build script without its `builtin` feature: writes the tables of a catalog
/// with no documents ([`empty_tables`]) to `$OUT_DIR/catalog.rs`. Reads no data directory,
/// and [`DATA_DIR_VAR`] is ignored.
#[must_use]
pub fn run_empty() -> ExitCode {
    write_out(&empty_tables())
}

/// model-catalog's build script: compiles the catalog directory ([`DataDir::from_env`], by
/// default the package's `data/`) into `$OUT_DIR/catalog.rs`, or prints every error found and
/// fails.
#[must_use]
pub fn run() -> ExitCode {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let dir = DataDir::from_env(manifest.join("data"));
    dir.rerun_if_changed();
    println!("cargo:rustc-env={BUILT_FROM_VAR}={}", dir.path.display());
    let (validated, sources) = match dir.load() {
        Ok(v) => v,
        Err(errors) => {
            eprintln!(
                "error: the catalog data in {} is invalid:",
                dir.path.display()
            );
            for e in &errors {
                eprintln!("  {e}");
            }
            return ExitCode::FAILURE;
        }
    };
    let source = match codegen::generate(&validated, sources.as_ref()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    write_out(&source)
}

/// Writes the tables' source to `$OUT_DIR/catalog.rs`.
fn write_out(source: &str) -> ExitCode {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo")).join("catalog.rs");
    if let Err(e) = std::fs::write(&out, source) {
        eprintln!("error: cannot write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_catalog_with_no_documents_has_empty_tables() {
        let source = super::empty_tables();
        for table in [
            "PROVIDERS: [Provider; 0]",
            "MODELS: [Model; 0]",
            "OFFERS: [Offer; 0]",
        ] {
            assert!(source.contains(table), "{table}");
        }
        assert!(
            source.contains("SOURCES: (Option<(&str, Date)>, Option<(&str, Date)>) = (None, None)")
        );
    }
}
