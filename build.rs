//! Validates the catalog data and compiles it into static tables and perfect-hash maps.
//!
//! The data model, validator and code generator live in `src/` and are shared with the
//! crate; this file only wires them to the file system.

#[allow(dead_code)]
#[path = "src/data/mod.rs"]
mod data;

#[allow(dead_code)]
#[path = "src/codegen.rs"]
mod codegen;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    // A service can compile its own catalog: MODEL_CATALOG_DATA_DIR names a directory laid
    // out like data/ (a `providers/` folder of documents). Give an absolute path: cargo
    // runs build scripts in the package's own directory. Empty means unset.
    println!("cargo:rerun-if-env-changed=MODEL_CATALOG_DATA_DIR");
    let (dir, shown) = match std::env::var_os("MODEL_CATALOG_DATA_DIR") {
        Some(d) if !d.is_empty() => (PathBuf::from(&d), PathBuf::from(d).display().to_string()),
        _ => (manifest.join("data"), "data".to_owned()),
    };
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-changed=src/data");
    println!("cargo:rerun-if-changed=src/codegen.rs");

    let result = data::load_dir(&dir, &shown)
        .and_then(|docs| data::validate::validate(&docs))
        .and_then(|v| Ok((v, data::load_sources(&dir, &shown).map_err(|e| vec![e])?)));
    let (validated, sources) = match result {
        Ok(v) => v,
        Err(errors) => {
            eprintln!("error: the catalog data in {} is invalid:", dir.display());
            for e in &errors {
                eprintln!("  {e}");
            }
            return ExitCode::FAILURE;
        }
    };

    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo")).join("catalog.rs");
    let source = match codegen::generate(&validated, sources.as_ref()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::write(&out, source) {
        eprintln!("error: cannot write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
