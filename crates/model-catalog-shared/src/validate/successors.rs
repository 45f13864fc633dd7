//! The successors pass: a model's successor names another model by id.

use super::check::{described, named};
use super::Pass;

/// Checks that every successor names another model of the catalog.
pub(super) fn pass(pass: &mut Pass<'_, '_>) {
    for m in &pass.models {
        let Some(successor) = &m.entry.successor else {
            continue;
        };
        let reason = match pass.model_id(successor) {
            None => format!("`{}` is not a model id in the catalog", named(successor)),
            Some(_) if successor.eq_ignore_ascii_case(&m.entry.id) => {
                "a model cannot succeed itself".to_owned()
            }
            Some(_) => continue,
        };
        pass.check.invalid(
            m.file,
            &described("model", &m.entry.id),
            "successor",
            reason,
        );
    }
}
