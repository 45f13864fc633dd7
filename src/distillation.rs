//! [`DistillationPolicy`]: whether a model's outputs may be used for distillation or
//! training, as a source records it.

use crate::compiled::{self, count, records};
use crate::data::compiled::{DistillationRecord, Section};
use crate::text::Text;
use std::fmt;
use std::hash::{Hash, Hasher};

/// Whether a model's outputs may be used for distillation or training, as a source records
/// it (NanoGPT's `distillationPolicy`). Informational, not legal advice.
#[derive(Clone)]
pub struct DistillationPolicy(Repr);

#[derive(Clone)]
enum Repr {
    /// A policy of the compiled catalog.
    Builtin(DistillationRecord),
    /// One of a run-time catalog.
    Custom(Box<DistillationData>),
}

/// A run-time catalog's distillation policy.
#[derive(Clone)]
pub(crate) struct DistillationData {
    pub(crate) status: Option<Text>,
    pub(crate) label: Option<Text>,
    pub(crate) basis: Option<Text>,
    pub(crate) source_url: Option<Text>,
    pub(crate) note: Option<Text>,
}

/// The compiled catalog's distillation policies.
pub(crate) static DISTILLATIONS: [DistillationPolicy; count(Section::Distillations)] = records!(
    DistillationPolicy,
    count(Section::Distillations),
    DistillationPolicy(Repr::Builtin(DistillationRecord::EMPTY)),
    Section::Distillations,
    |r: DistillationRecord| DistillationPolicy(Repr::Builtin(r))
);

impl DistillationPolicy {
    /// A run-time catalog's policy.
    pub(crate) fn custom(data: DistillationData) -> DistillationPolicy {
        DistillationPolicy(Repr::Custom(Box::new(data)))
    }

    /// For example `allowed`.
    pub fn status(&self) -> Option<&str> {
        match &self.0 {
            Repr::Builtin(r) => compiled::opt_text(r.status),
            Repr::Custom(c) => c.status.as_deref(),
        }
    }

    /// A human-readable label.
    pub fn label(&self) -> Option<&str> {
        match &self.0 {
            Repr::Builtin(r) => compiled::opt_text(r.label),
            Repr::Custom(c) => c.label.as_deref(),
        }
    }

    /// For example `permissive-open-weights`.
    pub fn basis(&self) -> Option<&str> {
        match &self.0 {
            Repr::Builtin(r) => compiled::opt_text(r.basis),
            Repr::Custom(c) => c.basis.as_deref(),
        }
    }

    /// The license or terms the policy rests on.
    pub fn source_url(&self) -> Option<&str> {
        match &self.0 {
            Repr::Builtin(r) => compiled::opt_text(r.source_url),
            Repr::Custom(c) => c.source_url.as_deref(),
        }
    }

    /// A short explanation.
    pub fn note(&self) -> Option<&str> {
        match &self.0 {
            Repr::Builtin(r) => compiled::opt_text(r.note),
            Repr::Custom(c) => c.note.as_deref(),
        }
    }

    /// Its fields, for comparing, hashing and printing.
    #[allow(clippy::type_complexity)]
    fn facts(
        &self,
    ) -> (
        Option<&str>,
        Option<&str>,
        Option<&str>,
        Option<&str>,
        Option<&str>,
    ) {
        (
            self.status(),
            self.label(),
            self.basis(),
            self.source_url(),
            self.note(),
        )
    }
}

impl PartialEq for DistillationPolicy {
    fn eq(&self, other: &DistillationPolicy) -> bool {
        self.facts() == other.facts()
    }
}

impl Eq for DistillationPolicy {}

impl Hash for DistillationPolicy {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.facts().hash(state);
    }
}

impl fmt::Debug for DistillationPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DistillationPolicy")
            .field("status", &self.status())
            .field("label", &self.label())
            .field("basis", &self.basis())
            .field("source_url", &self.source_url())
            .field("note", &self.note())
            .finish()
    }
}
