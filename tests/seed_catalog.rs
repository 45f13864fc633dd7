//! The built-in catalog holds every provider, model, alias and field of the Model Catalog
//! seed (000_b43183ec225e025a.txt), checked against lists typed from the seed itself, not
//! derived from `data/`.

use model_catalog::{lookup_model, lookup_provider, models_of, resolve_model, Date, MatchKind};
use std::collections::BTreeSet;

/// Provider id, display name, every alias the seed gives (provider section and alias
/// reference, as spelled there), base URL, website, provider key required, gateway supplies
/// credentials (001_6381e2503676c380.txt).
type ProviderRow = (
    &'static str,
    &'static str,
    &'static [&'static str],
    Option<&'static str>,
    &'static str,
    bool,
    bool,
);
const PROVIDERS: &[ProviderRow] = &[
    (
        "openai",
        "OpenAI",
        &["openAI", "open-ai", "open-AI"],
        Some("https://api.openai.com/v1/"),
        "https://openai.com/",
        false,
        true,
    ),
    (
        "anthropic",
        "Anthropic",
        &["Anthropic"],
        Some("https://api.anthropic.com/v1/"),
        "https://anthropic.com/",
        false,
        true,
    ),
    (
        "google",
        "Google",
        &["Google", "gemini"],
        Some("https://generativelanguage.googleapis.com/v1beta/openai/"),
        "https://aistudio.google.com/",
        true,
        false,
    ),
    (
        "deepseek",
        "DeepSeek",
        &["DeepSeek", "deep-seek"],
        Some("https://api.deepseek.com"),
        "https://www.deepseek.com/",
        true,
        false,
    ),
    (
        "groq",
        "Groq",
        &["groqcloud"],
        Some("https://api.groq.com/openai/v1"),
        "https://groq.com/",
        true,
        false,
    ),
    (
        "openrouter",
        "OpenRouter",
        &["open-router"],
        Some("https://openrouter.ai/api/v1/"),
        "https://openrouter.ai/",
        true,
        false,
    ),
    (
        "hyperbolic",
        "Hyperbolic",
        &[],
        Some("https://api.hyperbolic.xyz/v1/"),
        "https://hyperbolic.xyz/",
        true,
        false,
    ),
    // The seed gives InceptionLabs no base URL; models.dev's
    // `providers/inception/provider.toml` does: `api = "https://api.inceptionlabs.ai/v1/"`.
    (
        "inceptionlabs",
        "InceptionLabs",
        &["inception-labs", "inception"],
        Some("https://api.inceptionlabs.ai/v1/"),
        "https://www.inceptionlabs.ai/",
        true,
        false,
    ),
    // The alias reference calls this provider `inference.net` with aliases `inference-net`
    // and `inference_net`; its own section gives the id `inference-net`.
    (
        "inference-net",
        "Inference.net",
        &["inference.net", "inference-net", "inference_net"],
        Some("https://api.inference.net/v1/"),
        "https://inference.net/",
        true,
        false,
    ),
];

type ModelRow = (
    &'static str,
    &'static str,
    &'static str,
    u32,
    Option<u32>,
    &'static [&'static str],
    Option<&'static str>,
);

/// Provider, model id as the seed lists it, display name, context window, output tokens,
/// modalities, retirement date.
#[rustfmt::skip]
const MODELS: &[ModelRow] = &[
    ("openai", "gpt-5.4-pro", "GPT-5.4 Pro", 1_050_000, Some(128_000), &["text", "image"], None),
    ("openai", "gpt-5.4", "GPT-5.4", 1_050_000, Some(128_000), &["text", "image"], None),
    ("openai", "gpt-5.3-codex", "GPT-5.3-Codex", 400_000, Some(128_000), &["text", "image"], None),
    ("openai", "gpt-5.2-codex", "GPT-5.2-Codex", 400_000, Some(128_000), &["text", "image"], None),
    ("openai", "gpt-5.2-pro", "GPT-5.2 Pro", 400_000, Some(100_000), &["text", "image"], None),
    ("openai", "gpt-5.2", "GPT-5.2", 400_000, Some(128_000), &["text", "image"], None),
    ("openai", "gpt-5.2-chat-latest", "GPT-5.2 Chat Latest", 400_000, Some(128_000), &["text", "image"], None),
    ("openai", "gpt-5.1", "GPT-5.1", 400_000, Some(128_000), &["text", "image"], None),
    ("openai", "gpt-5.1-chat-latest", "GPT-5.1 Chat Latest", 256_000, Some(32_768), &["text", "image"], None),
    ("openai", "gpt-5", "GPT-5", 400_000, Some(128_000), &["text", "image"], None),
    ("openai", "gpt-5-mini", "GPT-5 Mini", 400_000, Some(128_000), &["text", "image"], None),
    ("openai", "gpt-5-nano", "GPT-5 Nano", 400_000, Some(128_000), &["text", "image"], None),
    ("openai", "gpt-5-chat-latest", "GPT-5 Chat", 400_000, Some(128_000), &["text", "image"], None),
    ("openai", "gpt-4.1", "GPT-4.1", 1_000_000, None, &["text", "image"], None),
    ("openai", "gpt-4.1-mini", "GPT-4.1 mini", 1_000_000, None, &["text", "image"], None),
    ("openai", "gpt-4.1-nano", "GPT-4.1 nano", 1_000_000, None, &["text", "image"], None),
    ("openai", "gpt-4o", "GPT-4o", 128_000, Some(16_384), &["text", "image", "audio"], None),
    ("openai", "gpt-4o-mini", "GPT-4o Mini", 128_000, Some(16_384), &["text", "image"], None),
    ("openai", "o4-mini", "O4-Mini", 200_000, Some(100_000), &["text"], None),
    ("openai", "o4-mini-deep-research", "O4-Mini-Deep-Research", 200_000, Some(100_000), &["text"], None),
    ("openai", "o3-pro", "O3-Pro", 128_000, Some(100_000), &["text"], None),
    ("openai", "o3", "O3", 128_000, Some(100_000), &["text"], None),
    ("openai", "o3-mini", "O3 Mini", 200_000, Some(100_000), &["text"], None),
    ("openai", "o3-deep-research", "O3-Deep-Research", 200_000, Some(100_000), &["text"], None),
    ("openai", "o1-pro", "O1-Pro", 200_000, Some(100_000), &["text"], None),
    ("openai", "o1", "O1", 128_000, Some(100_000), &["text"], None),
    ("openai", "gpt-4-turbo", "GPT-4 Turbo", 128_000, Some(4_096), &["text", "image"], None),
    ("openai", "gpt-4", "GPT-4", 8_192, Some(8_192), &["text"], None),
    ("openai", "gpt-3.5-turbo", "GPT-3.5 Turbo", 16_385, Some(4_096), &["text"], Some("2026-09-28")),
    ("anthropic", "claude-opus-4-6", "Claude Opus 4.6", 1_000_000, Some(128_000), &["text", "image"], None),
    ("anthropic", "claude-sonnet-4-6", "Claude Sonnet 4.6", 1_000_000, Some(64_000), &["text", "image"], None),
    ("anthropic", "claude-haiku-4-5", "Claude Haiku 4.5", 200_000, Some(64_000), &["text", "image"], None),
    ("anthropic", "claude-sonnet-4-5", "Claude Sonnet 4.5", 1_000_000, Some(64_000), &["text", "image"], None),
    ("anthropic", "claude-opus-4-5", "Claude Opus 4.5", 200_000, Some(64_000), &["text", "image"], None),
    ("anthropic", "claude-opus-4-1", "Claude Opus 4.1", 200_000, Some(32_000), &["text", "image"], None),
    ("anthropic", "claude-sonnet-4-0", "Claude Sonnet 4", 1_000_000, Some(64_000), &["text", "image"], None),
    ("anthropic", "claude-opus-4-0", "Claude Opus 4", 200_000, Some(32_000), &["text", "image"], None),
    ("anthropic", "claude-3-haiku-20240307", "Claude Haiku 3", 200_000, Some(4_096), &["text", "image"], Some("2026-04-20")),
    ("google", "gemini-2.5-pro", "Gemini 2.5 Pro", 1_048_576, Some(65_535), &["text", "image", "audio", "video", "file"], None),
    ("google", "gemini-2.5-flash", "Gemini 2.5 Flash", 1_048_576, Some(65_535), &["text", "image", "audio", "video", "file"], None),
    ("google", "gemini-2.5-flash-lite", "Gemini 2.5 Flash-Lite", 1_048_576, Some(65_535), &["text", "image", "audio", "video", "file"], None),
    ("google", "gemini-2.0-flash", "Gemini 2.0 Flash", 1_048_576, Some(8_192), &["text", "image", "audio", "video", "file"], None),
    ("google", "gemini-2.0-flash-lite", "Gemini 2.0 Flash-Lite", 1_048_576, Some(8_192), &["text", "image", "audio", "video", "file"], None),
    ("google", "gemini-3-pro-preview", "Gemini 3 Pro Preview", 1_000_000, Some(65_536), &["text", "image", "audio", "video", "file"], None),
    ("deepseek", "deepseek-reasoner", "deepseek-reasoner", 128_000, Some(64_000), &["text"], None),
    ("deepseek", "deepseek-chat", "deepseek-chat", 128_000, Some(8_192), &["text"], None),
    ("groq", "meta-llama/llama-3.1-8b-instant", "Llama 3.1 8B Instant", 131_072, Some(131_072), &["text"], None),
    ("groq", "meta-llama/llama-3.3-70b-versatile", "Llama 3.3 70B Versatile", 131_072, Some(32_768), &["text"], None),
    ("groq", "meta-llama/llama-prompt-guard-2-22m", "Llama Prompt Guard 2 22M", 512, Some(512), &["text"], None),
    ("groq", "meta-llama/llama-prompt-guard-2-86m", "Llama Prompt Guard 2 86M", 512, Some(512), &["text"], None),
    ("groq", "meta-llama/llama-guard-4-12b", "Llama Guard 4 12B", 131_072, Some(1_024), &["text", "image"], None),
    ("groq", "meta-llama/llama-4-maverick-17b-128e-instruct", "Llama 4 Maverick 17B 128E Instruct", 131_072, Some(8_192), &["text", "image"], None),
    ("groq", "meta-llama/llama-4-scout-17b-16e-instruct", "Llama 4 Scout 17B 16E Instruct", 131_072, Some(8_192), &["text", "image"], None),
    ("groq", "moonshotai/kimi-k2-instruct-0905", "Kimi K2", 262_144, Some(16_384), &["text"], None),
    ("groq", "openai/gpt-oss-120b", "GPT OSS 120B", 131_072, Some(131_072), &["text"], None),
    ("groq", "openai/gpt-oss-20b", "GPT OSS 20B", 131_072, Some(131_072), &["text"], None),
    ("groq", "openai/gpt-oss-safeguard-20b", "Safety GPT OSS 20B", 131_072, Some(65_536), &["text"], None),
    ("groq", "qwen/qwen3-32b", "Qwen3-32B", 131_072, Some(40_960), &["text"], None),
];

/// Every model alias of the alias reference: alias, what it resolves to (as written there).
#[rustfmt::skip]
const ALIASES: &[(&str, &str)] = &[
    // OpenAI
    ("gpt-4-omni", "gpt-4o"), ("gpt-4o-2024-05-13", "gpt-4o"), ("gpt-4o-2024-08-06", "gpt-4o"),
    ("gpt-4o-2024-11-20", "gpt-4o"), ("chatgpt-4o-latest", "gpt-4o"),
    ("gpt-4o-mini-2024-07-18", "gpt-4o-mini"), ("gpt-4-turbo-2024-04-09", "gpt-4-turbo"),
    ("gpt-4-turbo-preview", "gpt-4-turbo"), ("gpt-4-1106-preview", "gpt-4-turbo"),
    ("gpt-4-0125-preview", "gpt-4-turbo"), ("gpt-4-0613", "gpt-4"), ("gpt-4-0314", "gpt-4"),
    ("gpt-4-32k", "gpt-4"), ("gpt-4.1-2025-04-14", "gpt-4.1"),
    ("gpt-4.1-mini-2025-04-14", "gpt-4.1-mini"), ("gpt-4.1-nano-2025-04-14", "gpt-4.1-nano"),
    ("gpt-5.1-2025-11-13", "gpt-5.1"), ("gpt-5.4-2026-03-05", "gpt-5.4"),
    ("gpt-5.4-pro-2026-03-05", "gpt-5.4-pro"), ("gpt-5.2-pro-2025-12-11", "gpt-5.2-pro"),
    ("GPT-5.3-Codex", "gpt-5.3-codex"), ("gpt-5.3-Codex", "gpt-5.3-codex"),
    ("gpt5.3-codex", "gpt-5.3-codex"), ("GPT-5 mini", "gpt-5-mini"), ("GPT-5 nano", "gpt-5-nano"),
    ("GPT-5 Chat", "gpt-5-chat-latest"), ("gpt-3.5-turbo-0125", "gpt-3.5-turbo"),
    ("gpt-3.5-turbo-16k", "gpt-3.5-turbo"), ("o4-mini-2025-04-16", "o4-mini"),
    ("o4-mini-deep-research-2025-06-26", "o4-mini-deep-research"), ("o3-pro-2025-06-10", "o3-pro"),
    ("o3-2025-04-16", "o3"), ("o3-mini-2025-01-31", "o3-mini"),
    // Anthropic
    ("claude-opus-4-6-20260205", "claude-opus-4-6"), ("claude-sonnet-4-6-20260217", "claude-sonnet-4-6"),
    ("claude-haiku-4-5-20251001", "claude-haiku-4-5"), ("claude-sonnet-4-5-20250929", "claude-sonnet-4-5"),
    ("claude-opus-4-5-20251101", "claude-opus-4-5"), ("claude-opus-4-1-20250805", "claude-opus-4-1"),
    ("claude-opus-4.1", "claude-opus-4-1"), ("claude-sonnet-4-20250514", "claude-sonnet-4-0"),
    ("claude-sonnet-4", "claude-sonnet-4-0"), ("claude-opus-4-20250514", "claude-opus-4-0"),
    ("claude-opus-4", "claude-opus-4-0"), ("claude-haiku-3", "claude-3-haiku-20240307"),
    // Google
    ("gemini-3", "gemini-3-pro-preview"), ("gemini-3-pro", "gemini-3-pro-preview"),
    // Meta
    ("llama-3.1-8b", "llama-3.1-8b-instant"), ("llama-3.3-70b", "llama-3.3-70b-versatile"),
    ("llama-4-maverick-17b-128e", "llama-4-maverick-17b-128e-instruct"),
    ("llama-4-scout-17b-16e", "llama-4-scout-17b-16e-instruct"),
    // Moonshot AI
    ("kimi-k2-instruct", "kimi-k2"), ("kimi-k2-instruct-0905", "kimi-k2"),
    ("moonshotai/kimi-k2-instruct-0905", "kimi-k2"),
];

/// The seed aliases that the provider's own reference entries list as model ids (a models.dev
/// file `providers/<provider>/models/<alias>.toml` or a LiteLLM key of the provider), typed
/// from those files, and those shaped like a provider's id (a `-latest` pointer, a
/// `-preview`, a `-MMDD` or dated snapshot, a `-32k` variant) where the provider's ids are
/// bare names: they are served names, sent upstream as written.
#[rustfmt::skip]
const SERVED: &[&str] = &[
    // models.dev providers/openai/models/ and LiteLLM keys of the same name
    "gpt-4o-2024-05-13", "gpt-4o-2024-08-06", "gpt-4o-2024-11-20",
    // LiteLLM keys (litellm_provider "openai")
    "gpt-4o-mini-2024-07-18", "gpt-4-turbo-2024-04-09", "gpt-4-1106-preview", "gpt-4-0613",
    "gpt-4.1-2025-04-14", "gpt-4.1-mini-2025-04-14", "gpt-4.1-nano-2025-04-14",
    "gpt-5.1-2025-11-13", "gpt-5.4-2026-03-05", "gpt-5.4-pro-2026-03-05",
    "gpt-5.2-pro-2025-12-11", "gpt-3.5-turbo-0125", "gpt-3.5-turbo-16k",
    "o4-mini-2025-04-16", "o4-mini-deep-research-2025-06-26", "o3-pro-2025-06-10",
    "o3-2025-04-16", "o3-mini-2025-01-31",
    // LiteLLM key (litellm_provider "anthropic")
    "claude-opus-4-6-20260205",
    // models.dev providers/anthropic/models/ (and LiteLLM for the first three)
    "claude-haiku-4-5-20251001", "claude-sonnet-4-5-20250929", "claude-opus-4-5-20251101",
    "claude-opus-4-1-20250805", "claude-sonnet-4-20250514", "claude-opus-4-20250514",
    // listed by no reference, shaped like an id the provider serves
    "chatgpt-4o-latest", "gpt-4-32k", "gpt-4-0314", "gpt-4-turbo-preview", "gpt-4-0125-preview",
    "claude-sonnet-4-6-20260217",
];

/// Context windows where models.dev and LiteLLM agree against the seed, typed from both:
/// models.dev `[limit] context` of providers/<provider>/models/<id>.toml and LiteLLM's
/// `max_input_tokens` of the same key. Where the references agree, their value stands.
const CONTEXT_BY_REFERENCES: &[(&str, u32)] = &[
    ("gpt-5.2-chat-latest", 128_000),
    ("gpt-5.1-chat-latest", 128_000),
    ("gpt-4.1", 1_047_576),
    ("gpt-4.1-mini", 1_047_576),
    ("gpt-4.1-nano", 1_047_576),
    ("o3-pro", 200_000),
    ("o3", 200_000),
    ("o1", 200_000),
    ("claude-sonnet-4-5", 200_000),
];

/// Output limits where the references agree against the seed (models.dev `[limit] output`,
/// LiteLLM `max_output_tokens`; Gemini's under `gemini/`, Groq's under `groq/`).
const OUTPUT_BY_REFERENCES: &[(&str, u32)] = &[
    ("gpt-5.2-pro", 128_000),
    ("gpt-5.2-chat-latest", 16_384),
    ("gpt-5.1-chat-latest", 16_384),
    ("gpt-4.1", 32_768),
    ("gpt-4.1-mini", 32_768),
    ("gpt-4.1-nano", 32_768),
    ("gemini-2.5-pro", 65_536),
    ("gemini-2.5-flash", 65_536),
    ("gemini-2.5-flash-lite", 65_536),
    ("openai/gpt-oss-120b", 65_536),
    ("openai/gpt-oss-20b", 65_536),
];

/// Input modalities both references add to the seed's: `image` where models.dev's input
/// list holds it and LiteLLM has `supports_vision = true`, `file` where models.dev's holds
/// `pdf` and LiteLLM has `supports_pdf_input = true`. The full list, in the crate's order.
const MODALITIES_BY_REFERENCES: &[(&str, &[&str])] = &[
    ("gpt-5.4", &["text", "image", "file"]),
    ("gpt-5.3-codex", &["text", "image", "file"]),
    ("gpt-5.2-codex", &["text", "image", "file"]),
    ("gpt-4.1", &["text", "image", "file"]),
    ("gpt-4.1-mini", &["text", "image", "file"]),
    ("gpt-4o", &["text", "image", "audio", "file"]),
    ("gpt-4o-mini", &["text", "image", "file"]),
    ("o4-mini", &["text", "image"]),
    ("o4-mini-deep-research", &["text", "image"]),
    ("o3-pro", &["text", "image"]),
    ("o3", &["text", "image", "file"]),
    ("o3-deep-research", &["text", "image"]),
    ("o1-pro", &["text", "image"]),
    ("o1", &["text", "image", "file"]),
    ("claude-opus-4-6", &["text", "image", "file"]),
    ("claude-sonnet-4-6", &["text", "image", "file"]),
    ("claude-haiku-4-5", &["text", "image", "file"]),
    ("claude-sonnet-4-5", &["text", "image", "file"]),
    ("claude-opus-4-5", &["text", "image", "file"]),
];

#[test]
fn seed_lists_nine_providers_fifty_eight_models_fifty_four_aliases() {
    assert_eq!(PROVIDERS.len(), 9);
    assert_eq!(MODELS.len(), 58);
    assert_eq!(ALIASES.len(), 54);
}

#[test]
fn every_seed_provider_and_field() {
    for &(id, name, aliases, base_url, website, key_required, gateway) in PROVIDERS {
        let p = lookup_provider(id).unwrap_or_else(|| panic!("provider {id} missing"));
        assert_eq!(p.id(), id);
        assert_eq!(p.name(), name, "{id}");
        assert_eq!(p.base_url(), base_url, "{id}");
        assert_eq!(p.website(), Some(website), "{id}");
        assert_eq!(p.caller_key_required(), key_required, "{id}");
        assert_eq!(p.gateway_credentials(), gateway, "{id}");
        for &alias in aliases {
            let q =
                lookup_provider(alias).unwrap_or_else(|| panic!("provider alias {alias} missing"));
            assert_eq!(q.id(), id, "alias {alias}");
            // The provider outlives the input string.
            let p = resolve_model(&format!("{alias}:some-unlisted-model"))
                .unwrap()
                .provider;
            assert_eq!(p.id(), id, "alias {alias} as a prefix");
        }
    }
}

#[test]
fn every_seed_model_and_field() {
    for &(provider, seed_id, name, context, output, modalities, retires) in MODELS {
        let r = resolve_model(seed_id).unwrap_or_else(|e| panic!("{seed_id}: {e}"));
        let m = r.model.expect("a catalog model");
        assert_eq!(r.provider.id(), provider, "{seed_id}");
        assert_eq!(m.provider_id(), provider, "{seed_id}");
        // The id sent upstream is spelled as the seed lists it.
        assert_eq!(&*r.upstream_id, seed_id);
        assert_eq!(m.upstream_id(), seed_id);
        assert_eq!(m.name(), name, "{seed_id}");
        // The seed's limits and modalities, except where both references agree on another.
        let by_refs =
            |list: &[(&str, u32)]| list.iter().find(|(id, _)| *id == seed_id).map(|(_, v)| *v);
        let context = by_refs(CONTEXT_BY_REFERENCES).unwrap_or(context);
        let output = by_refs(OUTPUT_BY_REFERENCES).or(output);
        let modalities = MODALITIES_BY_REFERENCES
            .iter()
            .find(|(id, _)| *id == seed_id)
            .map_or(modalities, |(_, m)| *m);
        assert_eq!(m.context_window(), Some(context), "{seed_id}");
        assert_eq!(m.max_output_tokens(), output, "{seed_id}");
        let got: Vec<&str> = m
            .input_modalities()
            .unwrap()
            .iter()
            .map(|x| x.as_str())
            .collect();
        assert_eq!(got, modalities, "{seed_id}");
        // The retirement dates the seed states are kept; the others come from the providers'
        // own dates (tests/refresh_facts.rs).
        if let Some(d) = retires {
            let want: Date = d.parse().unwrap();
            assert_eq!(m.retires(), Some(want), "{seed_id}");
            assert!(m.is_deprecated(), "{seed_id}");
        }
        // `provider:model` with the seed's spelling reaches the same model.
        let qualified = format!("{provider}:{seed_id}");
        let q = resolve_model(&qualified).unwrap();
        assert_eq!(q.model, Some(m));
        assert_eq!(&*q.upstream_id, seed_id);
    }
}

#[test]
fn each_seed_provider_lists_exactly_the_seed_models() {
    for &(id, ..) in PROVIDERS {
        let want: BTreeSet<&str> = MODELS.iter().filter(|r| r.0 == id).map(|r| r.1).collect();
        // The provider's own models; offers of other providers' models are not seed rows.
        // Since the refresh from the references a provider also lists the current models the
        // references add (tests/coverage.rs), so every seed row is there, not only they.
        let got: BTreeSet<&str> = models_of(id)
            .unwrap()
            .into_iter()
            .filter(|m| m.provider_id() == id)
            .map(|m| m.upstream_id())
            .collect();
        assert!(want.is_subset(&got), "{id}: {:?}", want.difference(&got));
    }
}

#[test]
fn every_seed_alias_resolves_to_its_target() {
    for &(alias, target) in ALIASES {
        let a = resolve_model(alias).unwrap_or_else(|e| panic!("alias {alias}: {e}"));
        let t = lookup_model(target).unwrap_or_else(|| panic!("target {target} of {alias}"));
        assert_eq!(a.model, Some(t), "alias {alias}");
        assert_eq!(a.provider.id(), t.provider_id());
        if SERVED.contains(&alias) {
            // A name the provider serves is sent as the seed spells it.
            assert_eq!(a.matched, MatchKind::ServedName, "{alias}");
            assert_eq!(a.upstream_id, alias);
            assert!(t.served_name(alias).is_some(), "{alias}");
            assert!(!t.aliases().any(|x| x == alias), "{alias}");
            continue;
        }
        assert_eq!(&*a.upstream_id, t.upstream_id());
        // Aliases that differ from a key of the model only in case resolve as that key.
        assert!(
            matches!(
                a.matched,
                MatchKind::Alias | MatchKind::Id | MatchKind::UpstreamId
            ),
            "{alias}: {:?}",
            a.matched
        );
    }
}

#[test]
fn alias_targets_that_are_not_seed_ids_are_the_canonical_ids() {
    // The Meta and Moonshot alias tables name models by ids Groq lists with a vendor prefix.
    for (canonical, upstream) in [
        (
            "llama-3.3-70b-versatile",
            "meta-llama/llama-3.3-70b-versatile",
        ),
        ("llama-3.1-8b-instant", "meta-llama/llama-3.1-8b-instant"),
        (
            "llama-4-maverick-17b-128e-instruct",
            "meta-llama/llama-4-maverick-17b-128e-instruct",
        ),
        (
            "llama-4-scout-17b-16e-instruct",
            "meta-llama/llama-4-scout-17b-16e-instruct",
        ),
        ("kimi-k2", "moonshotai/kimi-k2-instruct-0905"),
    ] {
        let by_id = resolve_model(canonical).unwrap();
        let by_upstream = resolve_model(upstream).unwrap();
        assert_eq!(by_id.model.unwrap().id(), canonical);
        assert_eq!(by_id.matched, MatchKind::Id);
        assert_eq!(by_upstream.model, by_id.model);
        assert_eq!(by_upstream.matched, MatchKind::UpstreamId);
        assert_eq!(&*by_id.upstream_id, upstream);
    }
}
