//! Reading data documents from JSON text: one document object or an array of them, each
//! named for its errors.

use crate::data::json::{self, Seg};
use crate::data::schema::DataFile;
use crate::data::validate::{self, DataError};

/// Parses one document or an array of them.
pub(crate) fn parse_documents(
    name: &str,
    text: &str,
) -> Result<Vec<(String, DataFile)>, DataError> {
    json::check(text, &json::everywhere).map_err(|p| {
        let (document, path) = document_at(name, p.path());
        validate::read_error(&document, path, &p)
    })?;
    documents_in(name, text)
}

/// The documents in `text`, which [`json::check`] passed: one document object, or an array
/// of them named `name[i]`. Read straight from the text; only JSON that does not fit the
/// schema is read again, as a tree, to name the path and entry of the error.
pub(crate) fn documents_in(name: &str, text: &str) -> Result<Vec<(String, DataFile)>, DataError> {
    let array = text.trim_start().starts_with('[');
    if array {
        if let Ok(docs) = serde_json::from_str::<Vec<DataFile>>(text) {
            return Ok(docs
                .into_iter()
                .enumerate()
                .map(|(i, d)| (item_name(name, i), d))
                .collect());
        }
    } else if let Ok(doc) = serde_json::from_str::<DataFile>(text) {
        return Ok(vec![(name.to_owned(), doc)]);
    }
    let value: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
    match value {
        serde_json::Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let label = item_name(name, i);
                validate::from_value(&label, item).map(|d| (label, d))
            })
            .collect(),
        one => validate::from_value(name, &one).map(|d| vec![(name.to_owned(), d)]),
    }
}

/// `name[i]`, the name of item `i` of an array of documents (built without the formatting
/// machinery: every item of a large array gets one).
fn item_name(name: &str, i: usize) -> String {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = i;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut out = String::with_capacity(name.len() + 2 + digits.len() - at);
    out.push_str(name);
    out.push('[');
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
    out.push(']');
    out
}

/// The document a JSON path of input `name` points into, and the path within it: inside an
/// array of documents, item `i` is document `name[i]`.
pub(crate) fn document_at<'p, 's>(name: &str, path: &'p [Seg<'s>]) -> (String, &'p [Seg<'s>]) {
    match path.split_first() {
        Some((Seg::Index(i), rest)) => (format!("{name}[{i}]"), rest),
        _ => (name.to_owned(), path),
    }
}
