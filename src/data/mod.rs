//! The catalog's data model and validator.
//!
//! build.rs compiles this module tree too (through `#[path]`), so the build and the run-time
//! overlays share one schema and one validator. Nothing here may depend on the rest of the
//! crate.

pub mod capability;
pub mod date;
pub mod escape;
pub mod json;
pub mod key;
pub mod modality;
pub mod phf;
pub mod price;
pub mod schema;
pub mod surface;
pub mod validate;
pub mod words;

use std::path::Path;

#[cfg_attr(not(test), allow(dead_code))]
/// Reads `sources.json` under `dir`, if there is one (a catalog directory of a service's own
/// may have none).
pub fn load_sources(
    dir: &Path,
    display: &str,
) -> Result<Option<schema::DataSources>, validate::DataError> {
    let path = dir.join("sources.json");
    let shown = format!("{display}/sources.json");
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(validate::DataError {
                file: shown,
                entry: "document".to_owned(),
                kind: validate::DataErrorKind::Syntax {
                    message: format!("cannot read: {e}"),
                },
            })
        }
    };
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|e| validate::DataError {
            file: shown,
            entry: "document".to_owned(),
            kind: validate::DataErrorKind::Syntax {
                message: e.to_string(),
            },
        })
}

#[cfg_attr(not(test), allow(dead_code))]
/// Reads every `providers/*.json` document under `dir`, sorted by file name.
///
/// Documents are named `{display}/providers/{file}` in errors.
pub fn load_dir(
    dir: &Path,
    display: &str,
) -> Result<Vec<(String, schema::DataFile)>, Vec<validate::DataError>> {
    let io_error = |name: String, e: std::io::Error| {
        vec![validate::DataError {
            file: name,
            entry: "document".to_owned(),
            kind: validate::DataErrorKind::Syntax {
                message: format!("cannot read: {e}"),
            },
        }]
    };
    let providers = dir.join("providers");
    let shown = format!("{display}/providers");
    let mut names = Vec::new();
    for entry in std::fs::read_dir(&providers).map_err(|e| io_error(shown.clone(), e))? {
        let entry = entry.map_err(|e| io_error(shown.clone(), e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".json") {
            names.push(name);
        }
    }
    names.sort();
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for name in names {
        let shown_name = format!("{shown}/{name}");
        match std::fs::read_to_string(providers.join(&name)) {
            Ok(text) => match validate::parse_file(&shown_name, &text) {
                Ok(doc) => docs.push((shown_name, doc)),
                Err(e) => errors.push(e),
            },
            Err(e) => errors.extend(io_error(shown_name, e)),
        }
    }
    if errors.is_empty() {
        Ok(docs)
    } else {
        Err(errors)
    }
}
