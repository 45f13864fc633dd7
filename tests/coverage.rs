//! Coverage of the catalog's facts: for every model, which fields are known.
//!
//! Run with `cargo test --test coverage -- --nocapture` to see the report.

use model_catalog::{models, Capability, Model, Support};

/// The fields of `m` that are known, and those that are not.
fn known_fields(m: &Model) -> (Vec<&'static str>, Vec<&'static str>) {
    let p = m.pricing();
    let facts: Vec<(&'static str, bool)> = vec![
        ("context_window", m.context_window().is_some()),
        ("max_output_tokens", m.max_output_tokens().is_some()),
        ("input_modalities", m.input_modalities().is_some()),
        ("output_modalities", m.output_modalities().is_some()),
        ("price.input", p.input.is_some()),
        ("price.output", p.output.is_some()),
        ("price.cache_read", p.cache_read.is_some()),
        ("tools", m.capability(Capability::Tools) != Support::Unknown),
        (
            "parallel_tools",
            m.capability(Capability::ParallelTools) != Support::Unknown,
        ),
        (
            "vision",
            m.capability(Capability::Vision) != Support::Unknown,
        ),
        (
            "reasoning",
            m.capability(Capability::Reasoning) != Support::Unknown,
        ),
        (
            "structured_output",
            m.capability(Capability::StructuredOutput) != Support::Unknown,
        ),
        ("release_date", m.release_date().is_some()),
        ("knowledge_cutoff", m.knowledge_cutoff().is_some()),
        ("vendor", m.vendor().is_some()),
        ("family", m.family().is_some()),
        ("category", m.category().is_some()),
        ("open_weights", m.open_weights().is_some()),
    ];
    let known = facts.iter().filter(|f| f.1).map(|f| f.0).collect();
    let unknown = facts.iter().filter(|f| !f.1).map(|f| f.0).collect();
    (known, unknown)
}

#[test]
fn report_and_target() {
    let mut failures = Vec::new();
    let mut complete = 0;
    let total = models().count();
    println!("{:<42} {:>5}  unknown fields", "model", "known");
    for m in models() {
        let (known, unknown) = known_fields(m);
        println!(
            "{:<42} {:>2}/{:<2}  {}",
            m.id(),
            known.len(),
            known.len() + unknown.len(),
            unknown.join(" ")
        );
        let target = m.pricing().input.is_some()
            && m.pricing().output.is_some()
            && [Capability::Tools, Capability::Vision, Capability::Reasoning]
                .iter()
                .all(|&c| m.capability(c) != Support::Unknown);
        if target {
            complete += 1;
        } else if m.notes().is_none_or(|n| n.trim().is_empty()) {
            failures.push(m.id());
        }
    }
    println!("{complete} of {total} models have prices and the tools, vision and reasoning facts; the rest carry a note");
    assert!(
        failures.is_empty(),
        "models lacking prices or the tools/vision/reasoning facts, with no note saying why: {failures:?}"
    );
    // Every model has at least a vendor and a category (derived for all).
    assert!(models().all(|m| m.vendor().is_some() && m.category().is_some()));
}
