//! The entries that hold names in the key spaces, and how an error describes one: the
//! description is written only when a clash is reported, from the strings it borrows from
//! the documents.

use super::check::named;
use super::keys::role;
use crate::key::MatchKind;
use std::borrow::Cow;
use std::fmt;

/// The entry a claimed name belongs to.
pub(super) struct Holder<'a> {
    /// The entry's index (combined space).
    pub(super) index: usize,
    /// Which of the entry's names it is.
    pub(super) kind: MatchKind,
    /// Whether it takes the name from a base entry (with the caller's leave).
    pub(super) overrides: bool,
    /// The entry, as a clash with it is reported.
    pub(super) desc: Desc<'a>,
}

/// An entry that holds a name, as errors describe it (``the alias of model `x` (file)``),
/// kept as the parts it is written from.
#[derive(Clone)]
pub(super) enum Desc<'a> {
    /// A provider's id or alias.
    Provider {
        kind: MatchKind,
        id: &'a str,
        file: &'a str,
        doc: usize,
    },
    /// A name of a model a document defines.
    Model {
        kind: MatchKind,
        id: &'a str,
        file: &'a str,
        doc: usize,
    },
    /// An alias declared apart from its model, which it names by `target`.
    Alias {
        target: &'a str,
        file: &'a str,
        doc: usize,
    },
    /// The upstream id of an offer of model `model` by provider `offering`.
    Offer {
        model: &'a str,
        offering: Cow<'a, str>,
        file: &'a str,
        doc: usize,
    },
}

impl Desc<'_> {
    /// The position of the document that declares the entry (the caller's leave may cover
    /// only some documents).
    pub(super) fn doc(&self) -> usize {
        match self {
            Desc::Provider { doc, .. }
            | Desc::Model { doc, .. }
            | Desc::Alias { doc, .. }
            | Desc::Offer { doc, .. } => *doc,
        }
    }
}

impl fmt::Display for Desc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Desc::Provider { kind, id, file, .. } => {
                write!(f, "the {} of provider `{id}` ({file})", role(*kind))
            }
            Desc::Model { kind, id, file, .. } => {
                write!(f, "the {} of model `{}` ({file})", role(*kind), named(id))
            }
            Desc::Alias { target, file, .. } => {
                write!(f, "an alias of model `{}` ({file})", named(target))
            }
            Desc::Offer {
                model,
                offering,
                file,
                ..
            } => write!(
                f,
                "the upstream id of model `{}` at provider `{}` ({file})",
                named(model),
                named(offering)
            ),
        }
    }
}
