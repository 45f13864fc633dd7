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
    let dir = manifest.join("data");
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=src/data");
    println!("cargo:rerun-if-changed=src/codegen.rs");

    let result = data::load_dir(&dir, "data").and_then(|docs| data::validate::validate(&docs));
    let validated = match result {
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
    let source = codegen::generate(&validated);
    if let Err(e) = std::fs::write(&out, source) {
        eprintln!("error: cannot write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
