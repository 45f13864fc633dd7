//! Validates the catalog data and compiles it into static tables and perfect-hash maps: see
//! `model_catalog_build::run`. `MODEL_CATALOG_DATA_DIR` names another directory to compile.
//! With the `full-catalog` feature the default directory is `data-full/`, the full reference
//! catalog (`model_catalog_build::run_full`). Without the `builtin` feature, the tables are
//! those of an empty catalog (`model_catalog_build::run_empty`) and no data is read.

fn main() -> std::process::ExitCode {
    if std::env::var_os("CARGO_FEATURE_FULL_CATALOG").is_some() {
        model_catalog_build::run_full()
    } else if std::env::var_os("CARGO_FEATURE_BUILTIN").is_some() {
        model_catalog_build::run()
    } else {
        model_catalog_build::run_empty()
    }
}
