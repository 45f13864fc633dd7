//! [`DocumentStore`]: the documents a run-time catalog was built from, kept typed as a
//! builder gave them or, for an import of JSON text, kept as that text and typed on first
//! use.

use crate::data::schema::DataFile;
#[cfg(feature = "formats")]
use crate::documents::parse_documents;
use std::sync::Arc;
#[cfg(feature = "formats")]
use std::sync::OnceLock;

/// Typed documents, each with its name, shared by a catalog and the builders it is made
/// from or makes.
pub(crate) type Documents = Arc<Vec<(String, DataFile)>>;

/// A run-time catalog's documents, for [`Catalog::documents`](crate::Catalog::documents)
/// and [`Catalog::to_builder`](crate::Catalog::to_builder); resolution never reads them.
pub(crate) enum DocumentStore {
    /// The documents, typed, shared with the builder the catalog was built by.
    Typed(Documents),
    /// The documents of a base catalog followed by those of imported JSON text (boxed, so
    /// that a built catalog's store stays two words).
    #[cfg(feature = "formats")]
    Imported(Box<Imported>),
}

impl DocumentStore {
    /// The documents `base` followed by the `count` documents that
    /// [`read_documents`](crate::documents::read_documents) read from `json` under `name`:
    /// the text is kept, not them.
    #[cfg(feature = "formats")]
    pub(crate) fn imported(base: Documents, name: &str, json: &str, count: usize) -> DocumentStore {
        DocumentStore::Imported(Box::new(Imported {
            count: base.len() + count,
            base,
            name: name.to_owned(),
            json: Arc::from(json),
            all: OnceLock::new(),
        }))
    }

    /// How many documents there are (none is typed to count them).
    pub(crate) fn len(&self) -> usize {
        match self {
            DocumentStore::Typed(docs) => docs.len(),
            #[cfg(feature = "formats")]
            DocumentStore::Imported(i) => i.count,
        }
    }

    /// The documents, typed: those of imported JSON text are read on the first call, once,
    /// and kept.
    pub(crate) fn typed(&self) -> &Documents {
        match self {
            DocumentStore::Typed(docs) => docs,
            #[cfg(feature = "formats")]
            DocumentStore::Imported(i) => i.all.get_or_init(|| i.read()),
        }
    }
}

/// A base catalog's documents, typed and shared with it, then the documents of JSON text
/// an import has read, kept as that text (`formats` feature).
#[cfg(feature = "formats")]
pub(crate) struct Imported {
    /// The base catalog's documents.
    base: Documents,
    /// The name the import gave the text (the documents of an array are `name[i]`).
    name: String,
    /// The imported JSON text, as given.
    json: Arc<str>,
    /// How many documents there are in all, the base's and the imported.
    count: usize,
    /// The base's documents then the imported ones, typed: made on first use.
    all: OnceLock<Documents>,
}

#[cfg(feature = "formats")]
impl Imported {
    /// The base's documents followed by those of the text, read with the reader the import
    /// read it with.
    fn read(&self) -> Documents {
        match parse_documents(&self.name, &self.json) {
            Ok(docs) => Arc::new(followed_by(&self.base, docs)),
            // Cannot happen: the import read this same text with this same reader, which
            // depends on nothing but the name and the text, and kept the text only once its
            // documents were read and validated. Were it to fail all the same, the base's
            // documents are what can be given without a panic.
            Err(_) => Arc::clone(&self.base),
        }
    }
}

/// The documents `base` (copied) followed by `docs`; `docs` itself when `base` is empty.
#[cfg(feature = "formats")]
pub(crate) fn followed_by(
    base: &[(String, DataFile)],
    docs: Vec<(String, DataFile)>,
) -> Vec<(String, DataFile)> {
    if base.is_empty() {
        return docs;
    }
    let mut all = Vec::with_capacity(base.len() + docs.len());
    all.extend(base.iter().cloned());
    all.extend(docs);
    all
}
