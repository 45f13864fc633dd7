//! Reading data documents from JSON text: one document object or an array of them, each
//! named for its errors.

use crate::data::json::{self, Seg};
use crate::data::key::MAX_INPUT_LEN;
use crate::data::schema::DataFile;
use crate::data::validate::{self, DataError};
use std::borrow::Cow;

/// `name` as a document is named: its first [`MAX_INPUT_LEN`] characters, and `...` when
/// it has more. A document's name is repeated in every error about it, and each item of an
/// array is named after it (`name[i]`): kept whole, a huge name would cost its length once
/// per item.
pub(crate) fn document_name(name: &str) -> Cow<'_, str> {
    match name.char_indices().nth(MAX_INPUT_LEN) {
        Some((at, _)) => Cow::Owned(format!("{}...", &name[..at])),
        None => Cow::Borrowed(name),
    }
}

/// Parses one document or an array of them.
pub(crate) fn parse_documents(
    name: &str,
    text: &str,
) -> Result<Vec<(String, DataFile)>, DataError> {
    read_documents(name, text, validate::read_error, |e| e)
}

/// The documents in `text`: one document object, or an array of them named `name[i]`.
/// JSON that [`json::check`] refuses is an error made by `refused` (of the document, as
/// [`document_at`] names it, and the path within it), and documents that do not fit the
/// schema one made by `unfit`, after the JSON is checked.
///
/// The text is read once, straight into the schema, when [`json::surely_passes`] shows
/// that [`json::check`] would pass it; otherwise it is checked first. Only JSON that does
/// not fit the schema is read again, as a tree, to name the path and entry of the error.
pub(crate) fn read_documents<E>(
    name: &str,
    text: &str,
    refused: impl Fn(&str, &[Seg<'_>], &json::Problem) -> E,
    unfit: impl FnOnce(DataError) -> E,
) -> Result<Vec<(String, DataFile)>, E> {
    let check = || {
        json::check(text, &json::everywhere).map_err(|p| {
            let (document, path) = document_at(name, p.path());
            refused(&document, path, &p)
        })
    };
    let sure = json::surely_passes(text);
    if !sure {
        check()?;
    }
    if let Some(docs) = typed_documents(name, text) {
        return Ok(docs);
    }
    if sure {
        check()?;
    }
    documents_in_tree(name, text).map_err(unfit)
}

/// The documents in `text`, read straight into the schema, if they fit it.
fn typed_documents(name: &str, text: &str) -> Option<Vec<(String, DataFile)>> {
    if text.trim_start().starts_with('[') {
        let docs = serde_json::from_str::<Vec<DataFile>>(text).ok()?;
        Some(
            docs.into_iter()
                .enumerate()
                .map(|(i, d)| (item_name(name, i), d))
                .collect(),
        )
    } else {
        let doc = serde_json::from_str::<DataFile>(text).ok()?;
        Some(vec![(name.to_owned(), doc)])
    }
}

/// The documents in `text`, which [`json::check`] passed, read as a tree: the error of the
/// first that does not fit the schema, with its path and entry.
fn documents_in_tree(name: &str, text: &str) -> Result<Vec<(String, DataFile)>, DataError> {
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
fn document_at<'p, 's>(name: &str, path: &'p [Seg<'s>]) -> (String, &'p [Seg<'s>]) {
    match path.split_first() {
        Some((Seg::Index(i), rest)) => (format!("{name}[{i}]"), rest),
        _ => (name.to_owned(), path),
    }
}
