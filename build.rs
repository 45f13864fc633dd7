//! Validates the catalog data and compiles it into static tables and perfect-hash maps: see
//! `model_catalog_build::run`. `MODEL_CATALOG_DATA_DIR` names another directory to compile.

fn main() -> std::process::ExitCode {
    model_catalog_build::run()
}
