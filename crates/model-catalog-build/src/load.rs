//! Reading a catalog directory: its provider documents and its `sources.json`, and which
//! directory to read.

/// The environment variable that names the catalog directory to compile instead of the
/// crate's own `data/`: a directory laid out like it (a `providers/` folder of documents).
/// An empty value means unset.
pub const DATA_DIR_VAR: &str = "MODEL_CATALOG_DATA_DIR";

/// A catalog directory, and how errors name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    /// Where it is.
    pub path: PathBuf,
    /// How errors name it (`data` for the crate's own, else the path as given).
    pub shown: String,
}

impl DataDir {
    /// The directory [`DATA_DIR_VAR`] names, or else `default`, shown by its last component
    /// (`data` for the package's `data/`). This is the one place that reads the variable; an
    /// empty value means unset. Give an absolute path: cargo runs build scripts in their
    /// package's directory.
    #[must_use]
    pub fn from_env(default: impl Into<PathBuf>) -> DataDir {
        match std::env::var_os(DATA_DIR_VAR) {
            Some(d) if !d.is_empty() => {
                let path = PathBuf::from(d);
                let shown = path.display().to_string();
                DataDir { path, shown }
            }
            _ => {
                let path: PathBuf = default.into();
                let shown = path
                    .file_name()
                    .map_or_else(|| "data".to_owned(), |n| n.to_string_lossy().into_owned());
                DataDir { path, shown }
            }
        }
    }

    /// Tells cargo to run the build script again when [`DATA_DIR_VAR`] or anything in the
    /// directory changes.
    pub fn rerun_if_changed(&self) {
        println!("cargo:rerun-if-env-changed={DATA_DIR_VAR}");
        println!("cargo:rerun-if-changed={}", self.path.display());
    }

    /// Reads and parses the documents under the directory, then its `sources.json`: every
    /// error found reading and parsing the documents, or them, to be validated with
    /// [`DataDocs::validate`] (the validated catalog borrows from them).
    pub fn read(&self) -> Result<DataDocs, Vec<validate::DataError>> {
        let docs = load_dir(&self.path, &self.shown)?;
        let sources = load_sources(&self.path, &self.shown);
        Ok(DataDocs { docs, sources })
    }
}

/// A catalog directory's documents, read and parsed ([`DataDir::read`]), and its
/// `sources.json` as read.
#[derive(Debug, Clone)]
pub struct DataDocs {
    /// The provider documents, sorted by file name, each named as errors name it.
    pub docs: Vec<(String, schema::DataFile)>,
    /// `sources.json` (`None` when there is none), or why it cannot be read: reported only
    /// when the documents are valid.
    sources: Result<Option<schema::DataSources>, validate::DataError>,
}

impl DataDocs {
    /// Validates the documents: every error they have, or else the error of
    /// `sources.json`, if any; or the validated catalog, which borrows from the documents,
    /// and the sources.
    pub fn validate(
        &self,
    ) -> Result<(validate::Validated<'_>, Option<&schema::DataSources>), Vec<validate::DataError>>
    {
        let validated = validate::validate(&self.docs)?;
        match &self.sources {
            Ok(sources) => Ok((validated, sources.as_ref())),
            Err(e) => Err(vec![e.clone()]),
        }
    }
}

use model_catalog_shared::{schema, validate};
use std::path::{Path, PathBuf};

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
