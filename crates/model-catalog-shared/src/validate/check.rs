//! Collecting errors while validating, and how errors show names.

use super::error::{DataError, DataErrorKind};
use super::keys::{role, Clash};
use crate::key::{folded, model_name_problem, provider_name_problem, MatchKind, MAX_INPUT_LEN};
use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

/// Collects errors while validating.
pub(super) struct Check {
    pub(super) errors: Vec<DataError>,
}

impl Check {
    pub(super) fn push(
        &mut self,
        file: &str,
        entry: &(impl fmt::Display + ?Sized),
        kind: DataErrorKind,
    ) {
        self.errors.push(DataError {
            file: file.to_owned(),
            entry: entry.to_string(),
            kind,
        });
    }

    pub(super) fn invalid(
        &mut self,
        file: &str,
        entry: &(impl fmt::Display + ?Sized),
        field: &'static str,
        reason: impl Into<String>,
    ) {
        self.push(
            file,
            entry,
            DataErrorKind::Invalid {
                field,
                reason: reason.into(),
            },
        );
    }

    pub(super) fn duplicate(
        &mut self,
        file: &str,
        entry: &(impl fmt::Display + ?Sized),
        name: &str,
        kind: MatchKind,
        clash: Clash,
    ) {
        let Clash(holder) = clash;
        self.push(
            file,
            entry,
            DataErrorKind::Duplicate {
                name: name.to_owned(),
                role: role(kind),
                holder,
            },
        );
    }

    pub(super) fn name(
        &mut self,
        file: &str,
        entry: &(impl fmt::Display + ?Sized),
        field: &'static str,
        name: &str,
        provider: bool,
    ) -> bool {
        let problem = if provider {
            provider_name_problem(name)
        } else if name.starts_with([':', '/']) {
            // The grammar reads such a string as an empty provider name: never resolvable.
            Some("starts with `:` or `/`, which no model string can reach")
        } else {
            model_name_problem(name)
        };
        match problem {
            Some(reason) => {
                self.push(
                    file,
                    entry,
                    DataErrorKind::InvalidName {
                        field,
                        name: name.chars().take(80).collect(),
                        reason,
                    },
                );
                false
            }
            None => true,
        }
    }

    /// Checks `redundant` names all fold to one of `keys`.
    pub(super) fn redundant(
        &mut self,
        file: &str,
        entry: &(impl fmt::Display + ?Sized),
        redundant: &[String],
        keys: &[&str],
    ) {
        let keys: HashSet<Cow<'_, str>> = keys.iter().map(|k| folded(k)).collect();
        for r in redundant {
            if !keys.contains(&folded(r)) {
                self.invalid(
                    file,
                    entry,
                    "redundant_aliases",
                    format!(
                        "`{}` is not a spelling of this entry's id or aliases; list it under aliases",
                        named(r)
                    ),
                );
            }
        }
    }
}

/// A name as errors show it: whole when it could be a name (at most 256 characters), else
/// its first 256 characters and `...`, so that a huge string repeated in many errors does
/// not make their cost quadratic.
pub(super) fn named(s: &str) -> Cow<'_, str> {
    // No more characters than bytes.
    if s.len() <= MAX_INPUT_LEN {
        return Cow::Borrowed(s);
    }
    match s.char_indices().nth(MAX_INPUT_LEN) {
        None => Cow::Borrowed(s),
        Some((at, _)) => Cow::Owned(format!("{}...", &s[..at])),
    }
}

/// An entry as errors name it: `what` and its name in backticks (``model `gpt-4o` ``),
/// written only into an error.
pub(super) struct Described<'a> {
    what: &'static str,
    name: &'a str,
}

impl fmt::Display for Described<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} `{}`", self.what, named(self.name))
    }
}

/// The entry `what` named `name`, as errors name it.
pub(super) fn described<'a>(what: &'static str, name: &'a str) -> Described<'a> {
    Described { what, name }
}

/// At most 40 characters of `s`, then `...` if cut: enough to find a value in a message.
pub(super) fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if out.len() < s.len() {
        out.push_str("...");
    }
    out
}
