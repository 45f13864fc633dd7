//! The crate's own documents (`data/README.md`): import and export.

use crate::data::validate::{DataError, DataErrorKind};
use crate::formats::import::read_error;
use crate::formats::{to_json, ExportError, ImportError};
use crate::schema::DataFile;
use crate::{Catalog, CatalogError};

/// Imports the crate's own data documents (`data/README.md`): one document object or an
/// array of them, as [`CatalogBuilder::json`](crate::CatalogBuilder::json), for a service
/// that loads a JSON file of extra providers and models at start-up. `name` names the input
/// in errors (array items are `name[i]`; a name of more than 256 characters is cut to its
/// first 256 and `...`).
///
/// JSON that serde_json cannot read is [`ImportError::Syntax`] (nesting past its recursion
/// limit, `1e309` and lone surrogates included); a key given twice in one object or a
/// number whose text is not exactly the value it reads as is [`ImportError::Invalid`], and
/// input beyond [`MAX_DOCUMENT_BYTES`](crate::formats::MAX_DOCUMENT_BYTES) or [`MAX_ITEMS`](crate::formats::MAX_ITEMS) is [`ImportError::TooLarge`], each
/// with the item's name as the document and the path within it; a document that does not
/// match the schema is [`ImportError::Field`], likewise; validation problems are
/// [`ImportError::Catalog`]. To allow overrides of built-in entries, use
/// [`CatalogBuilder`](crate::CatalogBuilder) directly: the imported documents get none of
/// the leave `base` was built with (`allow_override`), which covers `base`'s own documents
/// only.
///
/// The catalog keeps a copy of `json`, not the typed documents (about three times its
/// size): [`Catalog::documents`], [`Catalog::to_builder`] and [`export_documents`] read it
/// again the first time one of them is called, and keep what they read.
///
/// ```
/// use model_catalog::formats::import_documents;
/// use model_catalog::Catalog;
///
/// let json = r#"[{"provider": {"id": "internal", "name": "Internal", "key_required": false},
///                 "models": [{"id": "m1", "name": "M1"}]}]"#;
/// let c = import_documents(Catalog::builtin(), "extra.json", json).unwrap();
/// assert_eq!(c.resolve_model("m1").unwrap().provider.id(), "internal");
///
/// let e = import_documents(Catalog::builtin(), "extra.json", r#"[{"models": [{"id": 5}]}]"#).unwrap_err();
/// assert_eq!((e.document(), e.path()), (Some("extra.json[0]"), Some("models[0].id")));
/// ```
pub fn import_documents(base: &Catalog, name: &str, json: &str) -> Result<Catalog, ImportError> {
    let name = &crate::documents::document_name(name);
    let docs = crate::documents::read_documents(name, json, read_error, |e| match e {
        DataError {
            file,
            kind: DataErrorKind::Field { path, message },
            ..
        } => ImportError::Field {
            document: file,
            path,
            message,
        },
        other => ImportError::Catalog(CatalogError {
            errors: vec![other],
        }),
    })?;
    base.to_builder()
        .next_imported(docs.len(), &[])
        .import_json(name, json, docs)
        .map_err(ImportError::Catalog)
}

/// Exports the documents of a catalog's overlay ([`Catalog::documents`]) as a JSON array,
/// which [`import_documents`] reads back on top of the built-in catalog. Document names
/// are not part of the format, and neither are the overrides the catalog was built with:
/// a catalog that overrides built-in entries needs the same overrides again to load.
pub fn export_documents(catalog: &Catalog) -> Result<String, ExportError> {
    let docs: Vec<&DataFile> = catalog.documents().iter().map(|(_, d)| d).collect();
    to_json(&docs)
}
