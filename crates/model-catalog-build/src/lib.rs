//! The build-time half of [model-catalog](https://crates.io/crates/model-catalog): what its
//! build script runs to compile a catalog directory into static tables.
//!
//! - [`load`]: which directory to read ([`DataDir`], the one reading of
//!   `MODEL_CATALOG_DATA_DIR`) and reading its documents;
//! - [`solve`]: the solver of the perfect hash that `model_catalog_shared::folded_hash` defines;
//! - [`codegen`]: the compiled catalog: a string table, a blob of records (the format of
//!   `model_catalog_shared::compiled`) and a few lines of Rust.
//!
//! The documents are validated by `model-catalog-shared`, the same validator the library runs
//! over run-time overlays. model-catalog's build script is [`run`] (or [`run_empty`] when the
//! library is built without its `builtin` feature); its golden test calls [`tables`] to
//! regenerate the tables and compare them with the build's.

#![forbid(unsafe_code)]

pub mod codegen;
mod keys;
pub mod load;
mod pool;
pub mod solve;

pub use codegen::Generated;

pub use load::{load_dir, load_sources, DataDir, DataDocs, DATA_DIR_VAR};

use model_catalog_shared::validate;
use std::path::PathBuf;
use std::process::ExitCode;

/// The environment variable through which [`run`] tells the library's compilation which
/// directory it compiled (its golden test regenerates the tables from the same one).
pub const BUILT_FROM_VAR: &str = "MODEL_CATALOG_BUILT_FROM";

/// The names of the files [`run`] writes to the build's output directory: the Rust, the
/// string table and the records of [`Generated`].
pub const FILES: [&str; 3] = ["catalog.rs", "catalog.str", "catalog.bin"];

/// The compiled catalog of the catalog in `dir`, or every error found in it.
pub fn tables(dir: &DataDir) -> Result<Generated, Vec<String>> {
    let strings = |errors: Vec<validate::DataError>| -> Vec<String> {
        errors.iter().map(ToString::to_string).collect()
    };
    let docs = dir.read().map_err(strings)?;
    let (validated, sources) = docs.validate().map_err(strings)?;
    codegen::generate(&validated, sources).map_err(|e| vec![e])
}

/// The compiled catalog of a catalog with no documents: no provider, no model, no sources.
/// What model-catalog compiles without its `builtin` feature.
#[must_use]
pub fn empty_tables() -> Generated {
    let validated = validate::validate(&[]).expect("a catalog with no documents is valid");
    codegen::generate(&validated, None).expect("a catalog with no documents generates")
}

/// model-catalog's build script without its `builtin` feature: writes the tables of a catalog
/// with no documents ([`empty_tables`]) to the [`FILES`] of `$OUT_DIR`. Reads no data directory,
/// and [`DATA_DIR_VAR`] is ignored.
#[must_use]
pub fn run_empty() -> ExitCode {
    write_out(&empty_tables())
}

/// model-catalog's build script: compiles the catalog directory ([`DataDir::from_env`], by
/// default the package's `data/`) into the [`FILES`] of `$OUT_DIR`, or prints every error
/// found and fails.
#[must_use]
pub fn run() -> ExitCode {
    run_from("data")
}

/// The directory of the package that holds the full reference catalog: every provider and
/// model of the models.dev and LiteLLM snapshots that `large-catalog` (in the workspace's
/// tools) can map, on top of `data/`'s documents. Generated, never edited by hand.
pub const FULL_DIR: &str = "data-full";

/// model-catalog's build script with its `full-catalog` feature: [`run`] with the package's
/// [`FULL_DIR`] as the default directory ([`DATA_DIR_VAR`] still takes precedence).
#[must_use]
pub fn run_full() -> ExitCode {
    run_from(FULL_DIR)
}

/// [`run`] with `default`, a directory of the package, compiled unless [`DATA_DIR_VAR`] names
/// another.
fn run_from(default: &str) -> ExitCode {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let dir = DataDir::from_env(manifest.join(default));
    dir.rerun_if_changed();
    println!("cargo:rustc-env={BUILT_FROM_VAR}={}", dir.path.display());
    let docs = match dir.read() {
        Ok(docs) => docs,
        Err(errors) => return invalid(&dir, &errors),
    };
    let (validated, sources) = match docs.validate() {
        Ok(v) => v,
        Err(errors) => return invalid(&dir, &errors),
    };
    let generated = match codegen::generate(&validated, sources) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    write_out(&generated)
}

/// Prints the `errors` of the catalog data in `dir`: the build fails.
fn invalid(dir: &DataDir, errors: &[validate::DataError]) -> ExitCode {
    eprintln!(
        "error: the catalog data in {} is invalid:",
        dir.path.display()
    );
    for e in errors {
        eprintln!("  {e}");
    }
    ExitCode::FAILURE
}

/// Writes `generated` to the [`FILES`] of `$OUT_DIR`.
fn write_out(generated: &Generated) -> ExitCode {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    let contents: [&[u8]; 3] = [
        generated.rust.as_bytes(),
        generated.strings.as_bytes(),
        &generated.blob,
    ];
    for (name, bytes) in FILES.iter().zip(contents) {
        let path = out.join(name);
        if let Err(e) = std::fs::write(&path, bytes) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_catalog_with_no_documents_has_empty_tables() {
        use model_catalog_shared::compiled::{section, Section};
        let empty = super::empty_tables();
        for s in [
            Section::Providers,
            Section::Models,
            Section::Offers,
            Section::Served,
        ] {
            assert_eq!(section(&empty.blob, s).1, 0, "{s:?}");
        }
        assert!(empty
            .rust
            .contains("SOURCES: (Option<(&str, Date)>, Option<(&str, Date)>) = (None, None)"));
    }
}
