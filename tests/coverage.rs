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

// ---------------------------------------------------------------------------------------------
// Coverage against the references
// ---------------------------------------------------------------------------------------------

/// A first-party provider as the references name it: its models.dev folder, its LiteLLM key
/// prefix and `litellm_provider` values (typed from the reference files, not from the tool
/// that writes `data/`).
struct Namespace {
    provider: &'static str,
    models_dev: Option<&'static str>,
    prefix: &'static str,
    owners: &'static [&'static str],
}

const FIRST_PARTY: &[Namespace] = &[
    Namespace {
        provider: "openai",
        models_dev: Some("openai"),
        prefix: "",
        owners: &["openai"],
    },
    Namespace {
        provider: "anthropic",
        models_dev: Some("anthropic"),
        prefix: "",
        owners: &["anthropic"],
    },
    Namespace {
        provider: "google",
        models_dev: Some("google"),
        prefix: "gemini/",
        owners: &["gemini"],
    },
    Namespace {
        provider: "deepseek",
        models_dev: Some("deepseek"),
        prefix: "",
        owners: &["deepseek"],
    },
    Namespace {
        provider: "groq",
        models_dev: Some("groq"),
        prefix: "groq/",
        owners: &["groq"],
    },
    Namespace {
        provider: "vertex",
        models_dev: Some("google-vertex"),
        prefix: "vertex_ai/",
        owners: &[
            "vertex_ai",
            "vertex_ai-language-models",
            "vertex_ai-anthropic_models",
        ],
    },
    Namespace {
        provider: "inceptionlabs",
        models_dev: Some("inception"),
        prefix: "inception/",
        owners: &["inception"],
    },
    Namespace {
        provider: "hyperbolic",
        models_dev: None,
        prefix: "hyperbolic/",
        owners: &["hyperbolic"],
    },
];

/// Every `.toml` under `dir`, as paths relative to it without the extension, with whether
/// the file says `status = "deprecated"`.
fn models_dev_files(dir: &std::path::Path, rel: &str, out: &mut Vec<(String, bool)>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let path = e.path();
        let r = if rel.is_empty() {
            name.clone()
        } else {
            format!("{rel}/{name}")
        };
        if path.is_dir() {
            models_dev_files(&path, &r, out);
        } else if let Some(stem) = r.strip_suffix(".toml") {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let deprecated = text
                .lines()
                .any(|l| l.trim().replace(' ', "") == "status=\"deprecated\"");
            out.push((stem.to_owned(), deprecated));
        }
    }
}

/// Whether the catalog holds `name` at `provider`: `provider:name` resolves to a catalog
/// model and sends `name` itself (as a model's id or upstream id, a served name, or an
/// offer's upstream id).
fn holds(provider: &str, name: &str) -> bool {
    model_catalog::resolve_model(&format!("{provider}:{name}")).is_ok_and(|r| {
        r.model.is_some() && r.provider.id() == provider && r.upstream_id.eq_ignore_ascii_case(name)
    })
}

/// For each first-party provider, the share of the current chat models both references list
/// (a models.dev file of the provider and a LiteLLM key of its namespace with mode `chat` or
/// `responses`, no `deprecation_date`, and no models.dev `status = "deprecated"`) that the
/// catalog holds. Skipped with a notice when the references are absent.
#[test]
fn current_models_of_the_references_are_in_the_catalog() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference");
    let Ok(text) = std::fs::read_to_string(root.join("litellm_model_prices.json")) else {
        println!(
            "reference snapshot absent ({}): skipping the coverage against the references",
            root.display()
        );
        return;
    };
    let litellm: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&text).expect("the LiteLLM list is JSON");
    let folded: std::collections::HashMap<String, &serde_json::Value> = litellm
        .iter()
        .map(|(k, v)| (k.to_ascii_lowercase(), v))
        .collect();
    let chat_entry = |ns: &Namespace, key: &str| {
        let v = folded.get(&key.to_ascii_lowercase())?;
        let owner = v.get("litellm_provider").and_then(|o| o.as_str())?;
        let mode = v.get("mode").and_then(|m| m.as_str())?;
        (ns.owners.contains(&owner) && matches!(mode, "chat" | "responses"))
            .then(|| v.get("deprecation_date").is_none())
    };
    let mut failures = Vec::new();
    for ns in FIRST_PARTY {
        // (name, current) of every chat model the references list for the provider.
        let (all, basis): (Vec<(String, bool)>, &str) = match ns.models_dev {
            Some(dir) => {
                let mut files = Vec::new();
                models_dev_files(
                    &root.join("models.dev/providers").join(dir).join("models"),
                    "",
                    &mut files,
                );
                let both = files
                    .into_iter()
                    .filter_map(|(name, deprecated)| {
                        let entry =
                            chat_entry(ns, &format!("{}{name}", ns.prefix)).or_else(|| {
                                (ns.provider == "vertex")
                                    .then(|| chat_entry(ns, &name))
                                    .flatten()
                            })?;
                        Some((name, entry && !deprecated))
                    })
                    .collect();
                (both, "listed by both references")
            }
            // Hyperbolic: LiteLLM alone lists its models.
            None => {
                let only = litellm
                    .keys()
                    .filter_map(|k| k.strip_prefix(ns.prefix))
                    .filter_map(|n| {
                        chat_entry(ns, &format!("{}{n}", ns.prefix)).map(|c| (n.to_owned(), c))
                    })
                    .collect();
                (only, "listed by LiteLLM (models.dev has no folder)")
            }
        };
        let listed: Vec<String> = all
            .iter()
            .filter(|(_, current)| *current)
            .map(|(n, _)| n.clone())
            .collect();
        let held_all = all.iter().filter(|(n, _)| holds(ns.provider, n)).count();
        let held: Vec<&String> = listed.iter().filter(|n| holds(ns.provider, n)).collect();
        let missing: Vec<&String> = listed.iter().filter(|n| !holds(ns.provider, n)).collect();
        let share = if listed.is_empty() {
            100.0
        } else {
            100.0 * held.len() as f64 / listed.len() as f64
        };
        println!(
            "{:<14} {:>3} of {:>3} current chat models {basis} ({share:.0}%); {held_all} of {} counting deprecated ones{}",
            ns.provider,
            held.len(),
            listed.len(),
            all.len(),
            if missing.is_empty() {
                String::new()
            } else {
                format!("; missing: {missing:?}")
            }
        );
        if share < 90.0 {
            failures.push(ns.provider);
        }
    }
    let total = models().count();
    println!("{total} models in the catalog");
    assert!(
        failures.is_empty(),
        "below 90% of the references' current chat models: {failures:?}"
    );
    assert!(total >= 150, "{total} models");
}
