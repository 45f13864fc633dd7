//! Reading one data document: JSON text, or JSON already read, into a [`DataFile`], with
//! errors that name the document, the entry and the JSON path.

use super::check::named;
use super::error::{DataError, DataErrorKind};
use crate::json;
use crate::schema::DataFile;

/// Parses one data document. `file` names it in errors.
///
/// The text is checked with [`json::check`]: a key given twice in an object, a number
/// whose text is not exactly the value it reads as, and a document beyond the reader's
/// limits are refused, with the JSON path. It is then read straight into the schema; only
/// a document that does not fit it is read again, as a tree, to name the path and the
/// entry of the error.
pub fn parse_file(file: &str, text: &str) -> Result<DataFile, DataError> {
    json::check(text, &json::everywhere).map_err(|p| read_error(file, p.path(), &p))?;
    if let Ok(doc) = serde_json::from_str(text) {
        return Ok(doc);
    }
    let value = json::read(text, &json::everywhere).map_err(|p| read_error(file, p.path(), &p))?;
    from_value(file, &value)
}

/// A data document from JSON read as a tree (with [`json::read`]), naming the path and the
/// entry of an error. `file` names the document.
pub fn from_value(file: &str, value: &serde_json::Value) -> Result<DataFile, DataError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = json::serde_path(e.path());
        DataError {
            file: file.to_owned(),
            entry: entry_at(value, e.path()),
            kind: DataErrorKind::Field {
                path,
                message: json::serde_message(&e.into_inner().to_string()),
            },
        }
    })
}

/// The error for document `file` that [`json::read`] refused with `problem`, at `path`
/// within the document.
#[must_use]
pub fn read_error(file: &str, path: &[json::Seg<'_>], problem: &json::Problem) -> DataError {
    let path = json::PathText(path).to_string();
    let kind = match problem {
        json::Problem::Syntax {
            line,
            column,
            message,
        } => DataErrorKind::Syntax {
            message: format!("{message} at line {line} column {column}"),
        },
        json::Problem::TooLarge { .. } | json::Problem::TooManyItems { .. } => {
            DataErrorKind::Limit {
                path,
                message: problem.message(),
            }
        }
        json::Problem::DuplicateKey { .. } | json::Problem::InexactNumber { .. } => {
            DataErrorKind::Field {
                path,
                message: problem.message(),
            }
        }
    };
    DataError {
        file: file.to_owned(),
        entry: "document".to_owned(),
        kind,
    }
}

/// Describes the entry a serde path points into, using the entry's id where it has one.
fn entry_at(root: &serde_json::Value, path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut segs = path.iter();
    let (Some(Segment::Map { key }), next) = (segs.next(), segs.next()) else {
        return "document".to_owned();
    };
    let what = match key.as_str() {
        "provider" => return describe("provider", root.get("provider").and_then(|p| p.get("id"))),
        "models" => "model",
        "aliases" => "alias",
        _ => return "document".to_owned(),
    };
    match next {
        Some(Segment::Seq { index }) => {
            let item = root.get(key.as_str()).and_then(|a| a.get(*index));
            let id = item.and_then(|i| i.get(if what == "alias" { "alias" } else { "id" }));
            match id.and_then(|v| v.as_str()) {
                Some(id) => format!("{what} `{}`", named(id)),
                None => format!("{what} #{}", index + 1),
            }
        }
        _ => "document".to_owned(),
    }
}

fn describe(what: &str, id: Option<&serde_json::Value>) -> String {
    match id.and_then(|v| v.as_str()) {
        Some(id) => format!("{what} `{}`", named(id)),
        None => what.to_owned(),
    }
}
