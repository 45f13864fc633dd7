//! Facts the refresh from the public references corrected or added, pinned through the
//! crate's public API. Every expected value is typed by hand from the reference files in
//! `../shared/reference` (models.dev at commit f3fc692, LiteLLM 1.110.2's
//! `litellm_model_prices.json`), named next to it; none is read from `data/` or by the code
//! that writes it. LiteLLM prices are USD per token, written here per million.

use model_catalog::schema::DataFile;
use model_catalog::{
    lookup_model, models, offers_of, resolve_model, Capability, Date, Lifecycle, MatchKind,
    Modality, Model, Price, Support,
};

fn model(id: &str) -> &'static Model {
    lookup_model(id).unwrap_or_else(|| panic!("model `{id}` is not in the catalog"))
}

fn day(s: &str) -> Date {
    s.parse()
        .unwrap_or_else(|e| panic!("bad date literal {s}: {e}"))
}

fn usd(s: &str) -> Price {
    s.parse()
        .unwrap_or_else(|e| panic!("bad price literal {s}: {e}"))
}

/// The LiteLLM snapshot's day (reference README: "the newest release the package registry
/// holds on 2026-11-27").
const SNAPSHOT: &str = "2026-11-27";

// ---------------------------------------------------------------------------------------------
// Lifecycle from the providers' own dates
// ---------------------------------------------------------------------------------------------

#[test]
fn retirements_from_litellm_deprecation_dates() {
    // LiteLLM `deprecation_date` of each key (openai and anthropic keys have no prefix).
    for (id, retires) in [
        ("o1", "2026-10-23"),
        ("o1-pro", "2026-10-23"),
        ("o3-mini", "2026-10-23"),
        ("o4-mini", "2026-10-23"),
        ("gpt-4", "2026-10-23"),
        ("gpt-4-turbo", "2026-10-23"),
        ("gpt-4.1-nano", "2026-10-23"),
        ("claude-sonnet-4-5", "2026-11-30"),
        ("gpt-4o", "2027-01-14"),
        ("deepseek-chat", "2026-07-24"),
    ] {
        let m = model(id);
        assert_eq!(m.retires(), Some(day(retires)), "{id}");
        assert!(m.is_deprecated(), "{id}");
    }
    // A past date means retired on the snapshot's day, a future one deprecated.
    let today = day(SNAPSHOT);
    assert_eq!(
        model("o1").lifecycle_on(today),
        Lifecycle::Retired {
            since: day("2026-10-23")
        }
    );
    assert_eq!(
        model("claude-sonnet-4-5").lifecycle_on(today),
        Lifecycle::Deprecated {
            retires: Some(day("2026-11-30"))
        }
    );
    assert_eq!(
        model("gpt-4o").lifecycle_on(today),
        Lifecycle::Deprecated {
            retires: Some(day("2027-01-14"))
        }
    );
    // The seed's stated dates win over LiteLLM's: gpt-3.5-turbo's "deprecation_date" is
    // 2026-10-23, the seed says September 28, 2026.
    assert_eq!(model("gpt-3.5-turbo").retires(), Some(day("2026-09-28")));
    // models.dev `status = "deprecated"` without a date: deprecated, no retirement date.
    // (providers/anthropic/models/claude-3-opus-20240229.toml)
    let opus3 = model("claude-3-opus-20240229");
    assert!(opus3.is_deprecated());
    assert_eq!(opus3.retires(), None);
    // Retired models stay in the catalog, marked.
    assert!(models().any(|m| matches!(m.lifecycle_on(today), Lifecycle::Retired { .. })));
}

#[test]
fn successors_where_litellm_names_one() {
    // LiteLLM "gpt-3.5-turbo": successor_model "gpt-5.6-terra"; "claude-sonnet-4-5":
    // "claude-sonnet-5-5"; "gpt-4o": "gpt-6-luna".
    assert_eq!(model("gpt-3.5-turbo").successor(), Some("gpt-5.6-terra"));
    assert_eq!(
        model("claude-sonnet-4-5").successor(),
        Some("claude-sonnet-5-5")
    );
    assert_eq!(model("gpt-4o").successor(), Some("gpt-6-luna"));
    // A successor is a catalog model.
    for m in models() {
        if let Some(s) = m.successor() {
            assert!(lookup_model(s).is_some(), "{}: {s}", m.id());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Served names
// ---------------------------------------------------------------------------------------------

#[test]
fn a_pinned_snapshot_is_a_served_name_with_its_own_facts() {
    // models.dev providers/openai/models/gpt-4o-2024-05-13.toml: [cost] input = 5.00,
    // output = 15.00; [limit] output = 4_096. LiteLLM "gpt-4o-2024-05-13":
    // deprecation_date "2026-10-23". The model gpt-4o: 2.50 / 10.00 (gpt-4o.toml).
    let m = model("gpt-4o");
    let s = m
        .served_name("gpt-4o-2024-05-13")
        .expect("gpt-4o-2024-05-13 is served");
    assert_eq!(s.id(), "gpt-4o-2024-05-13");
    assert_eq!(s.pricing().input, Some(usd("5")));
    assert_eq!(s.pricing().output, Some(usd("15")));
    assert_eq!(s.max_output_tokens(), Some(4_096));
    assert!(s.is_deprecated());
    assert_eq!(s.retires(), Some(day("2026-10-23")));
    assert_eq!(m.pricing().input, Some(usd("2.5")));
    assert_eq!(m.pricing().output, Some(usd("10")));

    // Resolving it keeps the model and sends the snapshot.
    let r = resolve_model("GPT-4o-2024-05-13").unwrap();
    assert_eq!(r.model.map(|m| m.id()), Some("gpt-4o"));
    assert_eq!(r.matched, MatchKind::ServedName);
    assert_eq!(r.upstream_id, "gpt-4o-2024-05-13");

    // Other spellings stay aliases: no reference lists them as model ids.
    for (alias, id) in [
        ("gpt-4-omni", "gpt-4o"),
        ("GPT-5 mini", "gpt-5-mini"),
        ("gpt5.3-codex", "gpt-5.3-codex"),
        ("claude-opus-4.1", "claude-opus-4-1"),
    ] {
        let m = model(id);
        assert!(m.aliases().any(|a| a == alias), "{alias}");
        assert!(m.served_name(alias).is_none(), "{alias}");
    }
}

#[test]
fn dated_snapshots_the_references_list_are_served_names_not_models() {
    // LiteLLM keys "gpt-5-2025-08-07", "gpt-5.5-2026-04-23"; models.dev
    // providers/anthropic/models/claude-opus-4-1-20250805.toml.
    for (snapshot, id) in [
        ("gpt-5-2025-08-07", "gpt-5"),
        ("gpt-5.5-2026-04-23", "gpt-5.5"),
        ("claude-opus-4-1-20250805", "claude-opus-4-1"),
    ] {
        let m = model(id);
        assert!(
            m.served_names().any(|s| s.id() == snapshot),
            "{snapshot} of {id}"
        );
        assert_eq!(lookup_model(snapshot).map(|m| m.id()), Some(id));
    }
}

#[test]
fn litellm_pointers_are_aliases_of_their_target() {
    // LiteLLM keys with only an `alias_of`: "claude-sonnet-latest" -> "claude-sonnet-5-5"
    // (2e-06 / 1e-05), "claude-opus-latest" -> "claude-opus-5-5" (4e-06 / 2e-05),
    // "gpt-mini-latest" -> "gpt-5.4-mini" (7.5e-07 / 4.5e-06),
    // "deepseek/deepseek-flash-latest" -> "deepseek/deepseek-v4-flash", whose prices the
    // references disagree on (LiteLLM 3e-07 / 1.2e-06): models.dev decides,
    // providers/deepseek/models/deepseek-v4-flash.toml `input = 0.14`, `output = 0.28`.
    // A pointer sends the id of the model it names (the target key without its prefix).
    for (pointer, provider, id, input, output) in [
        (
            "claude-sonnet-latest",
            "anthropic",
            "claude-sonnet-5-5",
            "2",
            "10",
        ),
        (
            "claude-opus-latest",
            "anthropic",
            "claude-opus-5-5",
            "4",
            "20",
        ),
        ("gpt-mini-latest", "openai", "gpt-5.4-mini", "0.75", "4.5"),
        (
            "deepseek-flash-latest",
            "deepseek",
            "deepseek-v4-flash",
            "0.14",
            "0.28",
        ),
    ] {
        for input_string in [pointer.to_owned(), format!("{provider}:{pointer}")] {
            let r = resolve_model(&input_string).unwrap();
            assert_eq!(r.provider.id(), provider, "{input_string}");
            assert_eq!(r.model.map(|m| m.id()), Some(id), "{input_string}");
            assert_eq!(r.matched, MatchKind::Alias, "{input_string}");
            assert_eq!(r.upstream_id, id, "{input_string}");
            let p = r.pricing();
            assert_eq!(p.input, Some(usd(input)), "{input_string}");
            assert_eq!(p.output, Some(usd(output)), "{input_string}");
        }
    }
    // "vertex_ai/claude-opus-latest" -> "vertex_ai/claude-opus-5-5" (4e-06 / 2e-05): Vertex
    // lists the pointer for its offer of the model, which it sends as `claude-opus-5-5`.
    let r = resolve_model("vertex:claude-opus-latest").unwrap();
    assert_eq!(r.model.map(|m| m.id()), Some("claude-opus-5-5"));
    assert_eq!(r.offer.map(|o| o.provider_id()), Some("vertex"));
    assert_eq!(r.upstream_id, "claude-opus-5-5");
    assert_eq!(r.pricing().input, Some(usd("4")));
}

#[test]
fn fine_tune_prices() {
    // LiteLLM "ft:gpt-4o-mini-2024-07-18": 3e-07 / 1.2e-06, cache read 1.5e-07.
    let s = model("gpt-4o-mini")
        .served_name("gpt-4o-mini-2024-07-18")
        .expect("served");
    assert_eq!(s.fine_tune_pricing().input, Some(usd("0.3")));
    assert_eq!(s.fine_tune_pricing().output, Some(usd("1.2")));
    assert_eq!(s.fine_tune_pricing().cache_read, Some(usd("0.15")));
    // LiteLLM "ft:gpt-3.5-turbo": 3e-06 / 6e-06, for the model itself.
    let m = model("gpt-3.5-turbo");
    assert_eq!(m.fine_tune_pricing().input, Some(usd("3")));
    assert_eq!(m.fine_tune_pricing().output, Some(usd("6")));
    // No `ft:gpt-4o` key: none for the model gpt-4o.
    assert!(model("gpt-4o").fine_tune_pricing().is_empty());
}

#[test]
fn long_context_tiers() {
    // LiteLLM "gpt-5.4": input_cost_per_token_above_272k_tokens 5e-06,
    // output_cost_per_token_above_272k_tokens 2.25e-05,
    // cache_read_input_token_cost_above_272k_tokens 5e-07 (models.dev gpt-5.4.toml
    // [[cost.tiers]] size 272_000: 5.00 / 22.50 / 0.50 agrees).
    let t = model("gpt-5.4").pricing().long_context.expect("a tier");
    assert_eq!(t.above, 272_000);
    assert_eq!(t.input, Some(usd("5")));
    assert_eq!(t.output, Some(usd("22.5")));
    assert_eq!(t.cache_read, Some(usd("0.5")));
    // LiteLLM "gemini/gemini-2.5-pro": above 200k: 2.5e-06 / 1.5e-05 / cache read 2.5e-07.
    let t = model("gemini-2.5-pro")
        .pricing()
        .long_context
        .expect("a tier");
    assert_eq!(t.above, 200_000);
    assert_eq!(t.input, Some(usd("2.5")));
    assert_eq!(t.output, Some(usd("15")));
    assert_eq!(t.cache_read, Some(usd("0.25")));
}

// ---------------------------------------------------------------------------------------------
// Corrected facts (the audit of issue 14)
// ---------------------------------------------------------------------------------------------

#[test]
fn o_series_vision_where_both_references_agree() {
    // models.dev input lists "image" and LiteLLM has supports_vision = true for each.
    for id in ["o1", "o1-pro", "o3", "o3-pro", "o4-mini"] {
        assert_eq!(
            model(id).capability(Capability::Vision),
            Support::Yes,
            "{id}"
        );
    }
    // o3-mini: models.dev input ["text"], LiteLLM supports_vision = false.
    assert_eq!(model("o3-mini").capability(Capability::Vision), Support::No);
}

#[test]
fn pdf_input_where_both_references_agree() {
    // models.dev input lists "pdf" and LiteLLM has supports_pdf_input = true.
    for id in [
        "claude-opus-4-6",
        "claude-sonnet-4-5",
        "claude-haiku-4-5",
        "gpt-4.1",
        "gpt-4.1-mini",
        "gpt-4o",
        "gpt-4o-mini",
    ] {
        assert_eq!(model(id).capability(Capability::Pdf), Support::Yes, "{id}");
    }
    // claude-opus-4-1: models.dev says pdf, LiteLLM has no entry, the seed lists text and
    // image only: the seed decides.
    assert_eq!(
        model("claude-opus-4-1").capability(Capability::Pdf),
        Support::No
    );
}

#[test]
fn limits_where_both_references_agree() {
    // o1, o3: models.dev [limit] context = 200_000, LiteLLM max_input_tokens 200000 (the
    // seed says 128,000).
    assert_eq!(model("o1").context_window(), Some(200_000));
    assert_eq!(model("o3").context_window(), Some(200_000));
    // GPT-4.1 family: [limit] output = 32_768 and max_output_tokens 32768 (the seed: "-").
    for id in ["gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano"] {
        assert_eq!(model(id).max_output_tokens(), Some(32_768), "{id}");
    }
    // claude-sonnet-4-6: models.dev output 64_000, LiteLLM 128000: they disagree, the seed
    // (64,000) decides.
    assert_eq!(model("claude-sonnet-4-6").max_output_tokens(), Some(64_000));
}

#[test]
fn tool_flags_are_consistent() {
    // gpt-3.5-turbo: models.dev tool_call = false against LiteLLM supports_function_calling =
    // true; the maintainers' decision (listed in data/CONFLICTS.md) takes LiteLLM's.
    assert_eq!(
        model("gpt-3.5-turbo").capability(Capability::Tools),
        Support::Yes
    );
    // gpt-5-chat-latest: models.dev tool_call = false; never "parallel tools yes, tools no".
    let m = model("gpt-5-chat-latest");
    assert_eq!(m.capability(Capability::Tools), Support::No);
    assert_ne!(m.capability(Capability::ParallelTools), Support::Yes);
    for m in models() {
        if m.capability(Capability::Tools) == Support::No {
            assert_ne!(
                m.capability(Capability::ParallelTools),
                Support::Yes,
                "{}",
                m.id()
            );
        }
    }
}

#[test]
fn no_placeholder_release_dates() {
    // models.dev providers/nano-gpt/models/NousResearch/hermes-4-405b:thinking.toml says
    // release_date = "2024-01-01": a year only, left unknown.
    assert_eq!(model("hermes-4-405b:thinking").release_date(), None);
    for m in models() {
        if let Some(d) = m.release_date() {
            assert!(!(d.month() == 1 && d.day() == 1), "{}: {d}", m.id());
        }
    }
}

#[test]
fn deepseek_chat_facts_are_of_one_generation() {
    // LiteLLM "deepseek-chat": 2.8e-07 / 4.2e-07, cache read 2.8e-08, max_input_tokens
    // 131072, max_output_tokens 8192; the seed: 128,000 / 8,192. models.dev's file (context
    // 1_000_000, 0.14 / 0.28, release 2025-12-01) describes a later generation.
    let m = model("deepseek-chat");
    assert_eq!(m.context_window(), Some(128_000));
    assert_eq!(m.max_output_tokens(), Some(8_192));
    assert_eq!(m.pricing().input, Some(usd("0.28")));
    assert_eq!(m.pricing().output, Some(usd("0.42")));
    assert_eq!(m.release_date(), None);
}

#[test]
fn image_generation_models_output_images() {
    // models.dev models/google/gemini-3-pro-image-preview.toml output = ["text", "image"];
    // LiteLLM "gemini/gemini-3-pro-image-preview" supported_output_modalities the same.
    for id in ["gemini-3-pro-image-preview", "gemini-2.5-flash-image"] {
        let out = model(id).output_modalities().expect("known");
        assert!(out.contains(Modality::Image), "{id}");
        assert!(out.contains(Modality::Text), "{id}");
    }
    assert_eq!(model("gemini-3-pro-image-preview").provider_id(), "google");
    for m in models() {
        if m.category() == Some("image") {
            if let Some(out) = m.output_modalities() {
                assert!(out.contains(Modality::Image), "{}", m.id());
            }
        }
    }
}

#[test]
fn models_dev_decides_where_the_references_disagree() {
    // deepseek-v4-pro: models.dev [cost] input = 0.435, output = 0.87; LiteLLM
    // "deepseek-v4-pro" 1.32e-06 / 3.96e-06. No seed row: models.dev decides.
    let m = model("deepseek-v4-pro");
    assert_eq!(m.pricing().input, Some(usd("0.435")));
    assert_eq!(m.pricing().output, Some(usd("0.87")));
}

// ---------------------------------------------------------------------------------------------
// New models and offers
// ---------------------------------------------------------------------------------------------

#[test]
fn current_models_both_references_list_are_added() {
    // (provider, id, input price, output price): models.dev [cost] of
    // providers/<provider>/models/<id>.toml, equal to LiteLLM's where it gives one.
    for (provider, id, input, output) in [
        ("openai", "gpt-5.5", "5", "30"),
        ("openai", "gpt-5.5-pro", "30", "180"),
        ("openai", "gpt-5.4-mini", "0.75", "4.5"),
        ("anthropic", "claude-opus-4-7", "5", "25"),
        ("anthropic", "claude-sonnet-5", "2", "10"),
        ("google", "gemini-3.5-flash", "1.5", "9"),
        ("deepseek", "deepseek-v4-flash", "0.14", "0.28"),
        ("inceptionlabs", "mercury-2", "0.25", "0.75"),
    ] {
        let m = model(id);
        assert_eq!(m.provider_id(), provider, "{id}");
        assert_eq!(m.pricing().input, Some(usd(input)), "{id}");
        assert_eq!(m.pricing().output, Some(usd(output)), "{id}");
    }
}

#[test]
fn vertex_offers_google_and_anthropic_models() {
    // models.dev providers/google-vertex/models/claude-sonnet-4-5@20250929.toml:
    // base_model "anthropic/claude-sonnet-4-5-20250929", [cost] 3 / 15 / 0.3 / 3.75.
    let m = model("claude-sonnet-4-5");
    assert_eq!(m.provider_id(), "anthropic");
    let o = offers_of(m)
        .into_iter()
        .find(|o| o.provider_id() == "vertex")
        .expect("vertex offers Claude Sonnet 4.5");
    assert_eq!(o.upstream_id(), "claude-sonnet-4-5@20250929");
    assert_eq!(o.own_pricing().input, Some(usd("3")));
    assert_eq!(o.own_pricing().output, Some(usd("15")));
    assert_eq!(o.own_pricing().cache_write, Some(usd("3.75")));
    let r = resolve_model("vertex:claude-sonnet-4-5@20250929").unwrap();
    assert_eq!(r.model.map(|m| m.id()), Some("claude-sonnet-4-5"));
    assert_eq!(r.upstream_id, "claude-sonnet-4-5@20250929");
    // Gemini on Vertex: Google's model, offered under the same id
    // (providers/google-vertex/models/gemini-2.5-pro.toml).
    let g = model("gemini-2.5-pro");
    assert_eq!(g.provider_id(), "google");
    let o = offers_of(g)
        .into_iter()
        .find(|o| o.provider_id() == "vertex")
        .expect("vertex offers Gemini 2.5 Pro");
    assert_eq!(o.upstream_id(), "gemini-2.5-pro");
}

#[test]
fn openrouter_llama_3_3_70b_stays_a_pass_through() {
    // A deliberate choice (data/README.md): OpenRouter's Llama 3.3 70B entry is not an offer.
    let r = resolve_model("openrouter:meta-llama/Llama-3.3-70B-Instruct").unwrap();
    assert!(r.is_pass_through());
    assert!(!offers_of(model("llama-3.3-70b-versatile"))
        .into_iter()
        .any(|o| o.provider_id() == "openrouter"));
}

#[test]
fn api_key_variables_from_models_dev() {
    // models.dev providers/<dir>/provider.toml `env`: openai ["OPENAI_API_KEY"]; google
    // ["GOOGLE_API_KEY", "GOOGLE_GENERATIVE_AI_API_KEY", "GEMINI_API_KEY"] (alias `gemini`);
    // inception ["INCEPTION_API_KEY"] (alias `inception`); google-vertex has no *_API_KEY.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/providers/");
    for (file, want) in [
        ("openai", Some("OPENAI_API_KEY")),
        ("google", Some("GEMINI_API_KEY")),
        ("inceptionlabs", Some("INCEPTION_API_KEY")),
        ("vertex", None),
    ] {
        let text = std::fs::read_to_string(format!("{dir}{file}.json")).unwrap();
        let doc: DataFile = serde_json::from_str(&text).unwrap();
        let p = doc.provider.expect("defines its provider");
        assert_eq!(p.api_key_env.as_deref(), want, "{file}");
    }
}
