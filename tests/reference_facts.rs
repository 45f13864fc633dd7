//! Capability, limit and price facts of a sample of catalog models, checked against values
//! typed by hand from the public reference data in `/work/shared/reference` (the models.dev
//! TOML tree at commit f3fc692 and LiteLLM 1.110.2's `litellm_model_prices.json`) and, for
//! models listed in the Model Catalog seed (`000_b43183ec225e025a.txt`), from the seed.
//!
//! Nothing here is copied from `data/`: every expected value names the reference file and key
//! it was read from. The enrichment rules the data follows:
//!
//! - where models.dev and LiteLLM agree, their value stands, even against the seed; where
//!   they disagree (or one is silent), the seed decides where it speaks, then models.dev;
//! - a reference whose context window is more than twice the other's describes another
//!   generation of the model behind the name and is set aside (deepseek-chat,
//!   deepseek-reasoner, gpt-5-chat-latest);
//! - prices in USD per million tokens (LiteLLM's per-token costs times 1e6), and only from
//!   the provider's own models.dev directory;
//! - `tools` = models.dev `tool_call`, else LiteLLM `supports_function_calling`;
//!   `parallel_tools` = LiteLLM `supports_parallel_function_calling`, and no where `tools`
//!   is no;
//!   `reasoning` = models.dev `reasoning`, else LiteLLM `supports_reasoning`;
//!   `structured_output` = models.dev `structured_output`, else LiteLLM
//!   `supports_response_schema`;
//! - vision / pdf / audio_input follow the input modalities (image / file (models.dev `pdf`) /
//!   audio), audio_output the output modalities;
//! - each input modality is a fact of its own (seed list, models.dev list, LiteLLM
//!   `supports_vision` / `supports_pdf_input` / `supports_audio_input`); the name and the
//!   retirement dates the seed states are the seed's;
//! - a models.dev `base_model = "lab/model"` inherits `models/lab/model.toml`, overridden by
//!   the provider file.

use model_catalog::{
    lookup_model, models_of, offers_of, Capability, Modality, Model, Price, Pricing, Support,
};
use std::str::FromStr;

use Support::{No as N, Unknown as U, Yes as Y};

/// The catalog model `id`; panics with the id if it is missing.
fn model(id: &str) -> &'static Model {
    lookup_model(id).unwrap_or_else(|| panic!("model `{id}` is not in the catalog"))
}

/// A price typed in USD per million tokens.
fn usd(s: &str) -> Price {
    Price::from_str(s).unwrap_or_else(|e| panic!("bad price literal {s}: {e}"))
}

/// Expected support of every capability.
struct Caps {
    tools: Support,
    parallel_tools: Support,
    reasoning: Support,
    structured_output: Support,
    vision: Support,
    pdf: Support,
    audio_input: Support,
    audio_output: Support,
}

fn check_caps(m: &Model, want: Caps) {
    let expected = [
        (Capability::Tools, want.tools),
        (Capability::ParallelTools, want.parallel_tools),
        (Capability::Reasoning, want.reasoning),
        (Capability::StructuredOutput, want.structured_output),
        (Capability::Vision, want.vision),
        (Capability::Pdf, want.pdf),
        (Capability::AudioInput, want.audio_input),
        (Capability::AudioOutput, want.audio_output),
    ];
    for (c, s) in expected {
        assert_eq!(m.capability(c), s, "{}: capability {c}", m.id());
    }
    // `capabilities()` agrees with `capability()` and lists every capability once.
    let listed: Vec<_> = m.capabilities().collect();
    assert_eq!(listed.len(), Capability::ALL.len(), "{}", m.id());
    for (c, s) in listed {
        assert_eq!(s, m.capability(c), "{}: capabilities() for {c}", m.id());
    }
}

/// Expected prices, each `None` when unknown.
struct Prices<'a> {
    input: Option<&'a str>,
    output: Option<&'a str>,
    cache_read: Option<&'a str>,
    cache_write: Option<&'a str>,
    reasoning: Option<&'a str>,
}

fn pricing_of(p: Prices<'_>) -> Pricing {
    let mut pricing = Pricing::new();
    pricing.input = p.input.map(usd);
    pricing.output = p.output.map(usd);
    pricing.cache_read = p.cache_read.map(usd);
    pricing.cache_write = p.cache_write.map(usd);
    pricing.reasoning = p.reasoning.map(usd);
    pricing
}

fn check_prices(m: &Model, want: Prices<'_>) {
    let want = pricing_of(want);
    let have = m.pricing();
    assert_eq!(have.input, want.input, "{}: input price", m.id());
    assert_eq!(have.output, want.output, "{}: output price", m.id());
    assert_eq!(
        have.cache_read,
        want.cache_read,
        "{}: cache-read price",
        m.id()
    );
    assert_eq!(
        have.cache_write,
        want.cache_write,
        "{}: cache-write price",
        m.id()
    );
    assert_eq!(
        have.reasoning,
        want.reasoning,
        "{}: reasoning price",
        m.id()
    );
}

fn modalities(m: Option<model_catalog::Modalities>) -> Option<Vec<Modality>> {
    m.map(|s| s.iter().collect())
}

// ---------------------------------------------------------------------------------------------
// OpenAI
// ---------------------------------------------------------------------------------------------

#[test]
fn openai_gpt_4o() {
    let m = model("gpt-4o");
    assert_eq!(m.provider_id(), "openai");
    // Seed 000, OpenAI models table: `gpt-4o` | GPT-4o | 128,000 | 16,384 | text, image, audio.
    assert_eq!(m.name(), "GPT-4o");
    assert_eq!(m.context_window(), Some(128_000));
    assert_eq!(m.max_output_tokens(), Some(16_384));
    // File input: gpt-4o.toml input holds "pdf" and litellm "gpt-4o" has
    // supports_pdf_input = true; the references agree, over the seed. Audio: the seed says
    // yes, models.dev no, LiteLLM is silent: the seed decides.
    assert_eq!(
        modalities(m.input_modalities()),
        Some(vec![
            Modality::Text,
            Modality::Image,
            Modality::Audio,
            Modality::File
        ])
    );
    check_caps(
        m,
        Caps {
            tools: Y,             // models.dev providers/openai/models/gpt-4o.toml: tool_call = true
            parallel_tools: Y,    // litellm "gpt-4o": supports_parallel_function_calling = true
            reasoning: N,         // gpt-4o.toml: reasoning = false
            structured_output: Y, // gpt-4o.toml: structured_output = true
            vision: Y,            // seed: text, image, audio
            pdf: Y,
            audio_input: Y,  // seed: audio
            audio_output: N, // gpt-4o.toml [modalities] output = ["text"]
        },
    );
    // gpt-4o.toml [cost]: input = 2.50, output = 10.00, cache_read = 1.25; no cache_write or
    // reasoning there nor in litellm "gpt-4o" (no cache_creation_input_token_cost,
    // no output_cost_per_reasoning_token).
    check_prices(
        m,
        Prices {
            input: Some("2.50"),
            output: Some("10.00"),
            cache_read: Some("1.25"),
            cache_write: None,
            reasoning: None,
        },
    );
}

#[test]
fn openai_o3_modalities_and_limits_come_from_the_seed() {
    let m = model("o3");
    // Seed 000: `o3` | O3 | 128,000 | 100,000 | text. models.dev o3.toml says context 200_000
    // and input ["text", "image", "pdf"]; LiteLLM "o3" max_input_tokens = 200000,
    // supports_vision = true, supports_pdf_input = true. The references agree, so their
    // values stand over the seed's; the name stays the seed's.
    assert_eq!(m.name(), "O3");
    assert_eq!(m.context_window(), Some(200_000));
    assert_eq!(m.max_output_tokens(), Some(100_000));
    assert_eq!(
        modalities(m.input_modalities()),
        Some(vec![Modality::Text, Modality::Image, Modality::File])
    );
    check_caps(
        m,
        Caps {
            tools: Y,             // providers/openai/models/o3.toml: tool_call = true
            parallel_tools: N,    // litellm "o3": supports_parallel_function_calling = false
            reasoning: Y,         // o3.toml: reasoning = true
            structured_output: Y, // o3.toml: structured_output = true
            vision: Y,
            pdf: Y,
            audio_input: N,
            audio_output: N, // o3.toml output = ["text"]
        },
    );
    // o3.toml [cost]: input = 2.00, output = 8.00, cache_read = 0.50.
    check_prices(
        m,
        Prices {
            input: Some("2.00"),
            output: Some("8.00"),
            cache_read: Some("0.50"),
            cache_write: None,
            reasoning: None,
        },
    );
}

#[test]
fn openai_gpt_5_chat_latest_models_dev_beats_litellm() {
    let m = model("gpt-5-chat-latest");
    // Seed 000: `gpt-5-chat-latest` | GPT-5 Chat | 400,000 | 128,000 | text, image
    // (models.dev's name is "GPT-5 Chat (latest)"; the seed wins).
    assert_eq!(m.name(), "GPT-5 Chat");
    assert_eq!(m.context_window(), Some(400_000));
    assert_eq!(m.max_output_tokens(), Some(128_000));
    check_caps(
        m,
        Caps {
            // providers/openai/models/gpt-5-chat-latest.toml: tool_call = false. LiteLLM's
            // "gpt-5-chat-latest" (max_input_tokens 128000, max_output_tokens 16384) describes
            // another generation than models.dev's (context 400_000, input 272_000) and the
            // seed's (400,000), so it is set aside: no parallel-tools fact remains. A model
            // that calls no tools makes no parallel tool calls (data/README.md,
            // "Consistency").
            tools: N,
            parallel_tools: N,
            reasoning: Y,         // toml: reasoning = true
            structured_output: Y, // toml: structured_output = true
            vision: Y,            // seed: text, image
            pdf: N,
            audio_input: N,
            audio_output: N,
        },
    );
    // toml [cost]: input = 1.25, output = 10.00, cache_read = 0.125.
    check_prices(
        m,
        Prices {
            input: Some("1.25"),
            output: Some("10.00"),
            cache_read: Some("0.125"),
            cache_write: None,
            reasoning: None,
        },
    );
}

#[test]
fn openai_gpt_3_5_turbo_unknown_parallel_tools_and_free_cache_reads() {
    let m = model("gpt-3.5-turbo");
    // Seed 000: `gpt-3.5-turbo` | GPT-3.5 Turbo *(deprecated, retires September 28, 2026)* |
    // 16,385 | 4,096 | text.
    assert_eq!(m.name(), "GPT-3.5 Turbo");
    assert_eq!(m.context_window(), Some(16_385));
    assert_eq!(m.max_output_tokens(), Some(4_096));
    assert!(m.is_deprecated());
    // Seed date, not litellm's deprecation_date = "2026-10-23".
    assert_eq!(
        m.retires().map(|d| d.to_string()).as_deref(),
        Some("2026-09-28")
    );
    check_caps(
        m,
        Caps {
            // providers/openai/models/gpt-3.5-turbo.toml: tool_call = false, litellm
            // "gpt-3.5-turbo": supports_function_calling = true. The rules would pick
            // models.dev; the maintainers' decision listed in data/CONFLICTS.md picks LiteLLM
            // (LiteLLM marks the 0125 and 1106 snapshots as calling functions too).
            tools: Y,
            // litellm "gpt-3.5-turbo" has no supports_parallel_function_calling key: unknown,
            // not false.
            parallel_tools: U,
            reasoning: N,         // toml: reasoning = false
            structured_output: N, // toml: structured_output = false
            vision: N,            // seed: text
            pdf: N,
            audio_input: N,
            audio_output: N,
        },
    );
    assert_eq!(m.capability(Capability::ParallelTools).known(), None);
    // toml [cost]: input = 0.50, output = 1.50, cache_read = 0 (a known zero, not unknown).
    check_prices(
        m,
        Prices {
            input: Some("0.50"),
            output: Some("1.50"),
            cache_read: Some("0"),
            cache_write: None,
            reasoning: None,
        },
    );
    assert_eq!(m.pricing().cache_read, Some(Price::ZERO));
}

#[test]
fn openai_gpt_4_1_unknown_output_limit_from_the_seed() {
    let m = model("gpt-4.1");
    // Seed 000: `gpt-4.1` | GPT-4.1 | 1,000,000 | - | text, image. models.dev gpt-4.1.toml
    // [limit] context = 1_047_576, output = 32_768 and LiteLLM "gpt-4.1" max_input_tokens =
    // 1047576, max_output_tokens = 32768 agree: their values stand over the seed's.
    assert_eq!(m.context_window(), Some(1_047_576));
    assert_eq!(m.max_output_tokens(), Some(32_768));
    check_caps(
        m,
        Caps {
            tools: Y,             // gpt-4.1.toml: tool_call = true
            parallel_tools: Y,    // litellm "gpt-4.1": supports_parallel_function_calling = true
            reasoning: N,         // gpt-4.1.toml: reasoning = false
            structured_output: Y, // gpt-4.1.toml: structured_output = true
            vision: Y,            // seed: text, image
            // gpt-4.1.toml input holds "pdf", litellm supports_pdf_input = true: both agree.
            pdf: Y,
            audio_input: N,
            audio_output: N,
        },
    );
    // gpt-4.1.toml [cost]: input = 2.00, output = 8.00, cache_read = 0.50.
    check_prices(
        m,
        Prices {
            input: Some("2.00"),
            output: Some("8.00"),
            cache_read: Some("0.50"),
            cache_write: None,
            reasoning: None,
        },
    );
}

// ---------------------------------------------------------------------------------------------
// Anthropic
// ---------------------------------------------------------------------------------------------

#[test]
fn anthropic_claude_opus_4_6() {
    let m = model("claude-opus-4-6");
    assert_eq!(m.provider_id(), "anthropic");
    // Seed 000: `claude-opus-4-6` | Claude Opus 4.6 | 1,000,000 | 128,000 | text, image.
    assert_eq!(m.name(), "Claude Opus 4.6");
    assert_eq!(m.context_window(), Some(1_000_000));
    assert_eq!(m.max_output_tokens(), Some(128_000));
    check_caps(
        m,
        Caps {
            tools: Y, // providers/anthropic/models/claude-opus-4-6.toml: tool_call = true
            // litellm "claude-opus-4-6" has no supports_parallel_function_calling: unknown.
            parallel_tools: U,
            reasoning: Y, // toml: reasoning = true
            // The toml has no structured_output; litellm "claude-opus-4-6":
            // supports_response_schema = true.
            structured_output: Y,
            vision: Y, // seed: text, image
            // The seed lists no file input, but claude-opus-4-6.toml input holds "pdf" and
            // litellm "claude-opus-4-6" has supports_pdf_input = true: the references agree.
            pdf: Y,
            audio_input: N,
            audio_output: N,
        },
    );
    // toml [cost]: input = 5.00, output = 25.00, cache_read = 0.50, cache_write = 6.25.
    check_prices(
        m,
        Prices {
            input: Some("5.00"),
            output: Some("25.00"),
            cache_read: Some("0.50"),
            cache_write: Some("6.25"),
            reasoning: None,
        },
    );
}

#[test]
fn anthropic_claude_3_haiku_no_litellm_entry_leaves_flags_unknown() {
    let m = model("claude-3-haiku-20240307");
    // Seed 000: `claude-3-haiku-20240307` | Claude Haiku 3 *(deprecated, retires April 20,
    // 2026)* | 200,000 | 4,096 | text, image.
    assert_eq!(m.name(), "Claude Haiku 3");
    assert_eq!(m.context_window(), Some(200_000));
    assert_eq!(m.max_output_tokens(), Some(4_096));
    assert!(m.is_deprecated());
    assert_eq!(
        m.retires().map(|d| d.to_string()).as_deref(),
        Some("2026-04-20")
    );
    check_caps(
        m,
        Caps {
            tools: Y,     // providers/anthropic/models/claude-3-haiku-20240307.toml: tool_call = true
            reasoning: N, // toml: reasoning = false
            // No structured_output in the toml and no LiteLLM key "claude-3-haiku-20240307":
            // both unknown, not false.
            parallel_tools: U,
            structured_output: U,
            vision: Y, // seed: text, image
            pdf: N,
            audio_input: N,
            audio_output: N,
        },
    );
    // toml [cost]: input = 0.25, output = 1.25, cache_read = 0.03, cache_write = 0.30.
    check_prices(
        m,
        Prices {
            input: Some("0.25"),
            output: Some("1.25"),
            cache_read: Some("0.03"),
            cache_write: Some("0.30"),
            reasoning: None,
        },
    );
}

#[test]
fn anthropic_claude_opus_4_1() {
    let m = model("claude-opus-4-1");
    // Seed 000: `claude-opus-4-1` | Claude Opus 4.1 | 200,000 | 32,000 | text, image
    // (models.dev name "Claude Opus 4.1 (latest)" loses to the seed).
    assert_eq!(m.name(), "Claude Opus 4.1");
    assert_eq!(m.context_window(), Some(200_000));
    assert_eq!(m.max_output_tokens(), Some(32_000));
    check_caps(
        m,
        Caps {
            tools: Y,     // providers/anthropic/models/claude-opus-4-1.toml: tool_call = true
            reasoning: Y, // toml: reasoning = true
            // No structured_output in the toml; LiteLLM has no "claude-opus-4-1" key.
            parallel_tools: U,
            structured_output: U,
            vision: Y,
            pdf: N,
            audio_input: N,
            audio_output: N,
        },
    );
    // toml [cost]: input = 15.00, output = 75.00, cache_read = 1.50, cache_write = 18.75.
    check_prices(
        m,
        Prices {
            input: Some("15.00"),
            output: Some("75.00"),
            cache_read: Some("1.50"),
            cache_write: Some("18.75"),
            reasoning: None,
        },
    );
}

// ---------------------------------------------------------------------------------------------
// Google
// ---------------------------------------------------------------------------------------------

#[test]
fn google_gemini_2_5_flash_base_model_and_reasoning_price() {
    let m = model("gemini-2.5-flash");
    assert_eq!(m.provider_id(), "google");
    // Seed 000: `gemini-2.5-flash` | Gemini 2.5 Flash | 1,048,576 | 65,535 |
    // text, image, audio, video, file. models.dev's base model ([limit] output = 65_536) and
    // LiteLLM "gemini/gemini-2.5-flash" (max_output_tokens 65536) agree on 65,536.
    assert_eq!(m.context_window(), Some(1_048_576));
    assert_eq!(m.max_output_tokens(), Some(65_536));
    assert_eq!(
        modalities(m.input_modalities()),
        Some(vec![
            Modality::Text,
            Modality::Image,
            Modality::Audio,
            Modality::Video,
            Modality::File
        ])
    );
    // providers/google/models/gemini-2.5-flash.toml has base_model = "google/gemini-2.5-flash";
    // models/google/gemini-2.5-flash.toml: tool_call = true, reasoning = true,
    // structured_output = true.
    check_caps(
        m,
        Caps {
            tools: Y,
            // litellm "gemini/gemini-2.5-flash": supports_parallel_function_calling = true.
            parallel_tools: Y,
            reasoning: Y,
            structured_output: Y,
            vision: Y,
            pdf: Y,
            audio_input: Y,
            audio_output: N, // base model output = ["text"]
        },
    );
    // Provider toml [cost]: input = 0.30, output = 2.50, cache_read = 0.03; no reasoning
    // there, and LiteLLM's "gemini/gemini-2.5-flash" output_cost_per_reasoning_token =
    // 2.5e-06 is its output_cost_per_token: reasoning is billed as output, not priced apart.
    check_prices(
        m,
        Prices {
            input: Some("0.30"),
            output: Some("2.50"),
            cache_read: Some("0.03"),
            cache_write: None,
            reasoning: None,
        },
    );
    check_reasoning_billed_as_output(m, "2.5");
}

/// One million reasoning tokens of `m` cost `usd`, its output price.
fn check_reasoning_billed_as_output(m: &Model, usd: &str) {
    let cost = m
        .cost(&model_catalog::Usage::new().reasoning_tokens(1_000_000))
        .unwrap();
    assert_eq!(cost.total.to_string(), usd, "{}", m.id());
}

#[test]
fn google_gemini_2_0_flash_lite_without_litellm() {
    let m = model("gemini-2.0-flash-lite");
    // Seed 000: `gemini-2.0-flash-lite` | Gemini 2.0 Flash-Lite | 1,048,576 | 8,192.
    assert_eq!(m.name(), "Gemini 2.0 Flash-Lite");
    assert_eq!(m.context_window(), Some(1_048_576));
    assert_eq!(m.max_output_tokens(), Some(8_192));
    check_caps(
        m,
        Caps {
            tools: Y,             // providers/google/models/gemini-2.0-flash-lite.toml: tool_call = true
            reasoning: N,         // reasoning = false
            structured_output: Y, // structured_output = true
            // No LiteLLM source (no "gemini/gemini-2.0-flash-lite" key): unknown.
            parallel_tools: U,
            vision: Y, // seed: text, image, audio, video, file
            pdf: Y,
            audio_input: Y,
            audio_output: N,
        },
    );
    // toml [cost]: input = 0.075, output = 0.3; no cache prices.
    check_prices(
        m,
        Prices {
            input: Some("0.075"),
            output: Some("0.3"),
            cache_read: None,
            cache_write: None,
            reasoning: None,
        },
    );
}

// ---------------------------------------------------------------------------------------------
// DeepSeek
// ---------------------------------------------------------------------------------------------

#[test]
fn deepseek_reasoner_mixes_both_references() {
    let m = model("deepseek-reasoner");
    assert_eq!(m.provider_id(), "deepseek");
    // Seed 000: `deepseek-reasoner` | deepseek-reasoner | 128,000 | 64,000 | text.
    // models.dev's deepseek-reasoner.toml describes the generation served under this name since
    // 2026 (context 1_000_000, output 384_000); LiteLLM's "deepseek-reasoner"
    // (max_input_tokens 131072, max_output_tokens 65536) the seed's. Context windows more than
    // twice apart are different generations: the one nearer the seed's, LiteLLM's, gives the
    // facts and models.dev's file is set aside.
    assert_eq!(m.name(), "deepseek-reasoner");
    assert_eq!(m.context_window(), Some(128_000)); // seed (LiteLLM alone says 131072)
    assert_eq!(m.max_output_tokens(), Some(64_000)); // seed (LiteLLM alone says 65536)
    check_caps(
        m,
        Caps {
            tools: N,             // litellm "deepseek-reasoner": supports_function_calling = false
            parallel_tools: N,    // supports_parallel_function_calling = false
            reasoning: Y,         // supports_reasoning = true
            structured_output: Y, // supports_response_schema = true
            vision: N,
            pdf: N,
            audio_input: N,
            audio_output: N,
        },
    );
    // litellm: input_cost_per_token 2.8e-07, output_cost_per_token 4.2e-07,
    // cache_read_input_token_cost 2.8e-08.
    check_prices(
        m,
        Prices {
            input: Some("0.28"),
            output: Some("0.42"),
            cache_read: Some("0.028"),
            cache_write: None,
            reasoning: None,
        },
    );
    // LiteLLM: deprecation_date "2026-07-24".
    assert_eq!(
        m.retires().map(|d| d.to_string()).as_deref(),
        Some("2026-07-24")
    );
}

#[test]
fn deepseek_chat() {
    let m = model("deepseek-chat");
    // Seed 000: `deepseek-chat` | deepseek-chat | 128,000 | 8,192 | text. As for
    // deepseek-reasoner, models.dev's file (context 1_000_000, prices 0.14 / 0.28, release
    // 2025-12-01) is another generation and set aside: every fact is of one generation.
    assert_eq!(m.context_window(), Some(128_000));
    assert_eq!(m.max_output_tokens(), Some(8_192));
    check_caps(
        m,
        Caps {
            tools: Y,             // litellm "deepseek-chat": supports_function_calling = true
            parallel_tools: Y,    // supports_parallel_function_calling = true
            reasoning: U,         // no supports_reasoning key, and models.dev's file is set aside
            structured_output: Y, // supports_response_schema = true
            vision: N,
            pdf: N,
            audio_input: N,
            audio_output: N,
        },
    );
    // litellm: 2.8e-07 / 4.2e-07 / cache read 2.8e-08.
    check_prices(
        m,
        Prices {
            input: Some("0.28"),
            output: Some("0.42"),
            cache_read: Some("0.028"),
            cache_write: None,
            reasoning: None,
        },
    );
    assert_eq!(m.release_date(), None);
    assert!(m.notes().is_some_and(|n| n.contains("another generation")));
}

// ---------------------------------------------------------------------------------------------
// Groq
// ---------------------------------------------------------------------------------------------

#[test]
fn groq_gpt_oss_120b_inherits_its_base_model() {
    let m = model("gpt-oss-120b");
    assert_eq!(m.provider_id(), "groq");
    // Seed 000 Groq table: `openai/gpt-oss-120b` | GPT OSS 120B | 131,072 | 131,072 | text.
    // The output limit is 65,536: models.dev (models/openai/gpt-oss-120b.toml via Groq's
    // file) and LiteLLM "groq/openai/gpt-oss-120b" (max_output_tokens 65536) agree.
    assert_eq!(m.upstream_id(), "openai/gpt-oss-120b");
    assert_eq!(m.name(), "GPT OSS 120B");
    assert_eq!(m.context_window(), Some(131_072));
    assert_eq!(m.max_output_tokens(), Some(65_536));
    // providers/groq/models/openai/gpt-oss-120b.toml: base_model = "openai/gpt-oss-120b";
    // models/openai/gpt-oss-120b.toml: tool_call = true, reasoning = true,
    // structured_output = true.
    check_caps(
        m,
        Caps {
            tools: Y,
            // litellm "groq/openai/gpt-oss-120b": supports_parallel_function_calling = true.
            parallel_tools: Y,
            reasoning: Y,
            structured_output: Y,
            vision: N,
            pdf: N,
            audio_input: N,
            audio_output: N,
        },
    );
    // Provider toml [cost]: input = 0.15, output = 0.60, cache_read = 0.075.
    check_prices(
        m,
        Prices {
            input: Some("0.15"),
            output: Some("0.60"),
            cache_read: Some("0.075"),
            cache_write: None,
            reasoning: None,
        },
    );
}

#[test]
fn groq_llama_3_3_70b_versatile() {
    let m = model("llama-3.3-70b-versatile");
    assert_eq!(m.upstream_id(), "meta-llama/llama-3.3-70b-versatile");
    // Seed 000: | 131,072 | 32,768 | text.
    assert_eq!(m.context_window(), Some(131_072));
    assert_eq!(m.max_output_tokens(), Some(32_768));
    check_caps(
        m,
        Caps {
            tools: Y,     // providers/groq/models/llama-3.3-70b-versatile.toml: tool_call = true
            reasoning: N, // reasoning = false
            // No structured_output in the toml; no LiteLLM "groq/llama-3.3-70b-versatile" key.
            parallel_tools: U,
            structured_output: U,
            vision: N,
            pdf: N,
            audio_input: N,
            audio_output: N,
        },
    );
    // toml [cost]: input = 0.59, output = 0.79.
    check_prices(
        m,
        Prices {
            input: Some("0.59"),
            output: Some("0.79"),
            cache_read: None,
            cache_write: None,
            reasoning: None,
        },
    );
}

#[test]
fn groq_models_priced_outside_groq_have_no_price() {
    // llama-4-maverick-17b-128e-instruct's facts come from the lab file
    // models/meta/llama-4-maverick-17b-instruct.toml (tool_call = true, reasoning = false, no
    // structured_output, no [cost]); Groq's own directory has no such file, so no price.
    let m = model("llama-4-maverick-17b-128e-instruct");
    assert_eq!(m.provider_id(), "groq");
    assert!(m.pricing().is_empty(), "{:?}", m.pricing());
    assert_eq!(m.capability(Capability::Tools), Y);
    assert_eq!(m.capability(Capability::Reasoning), N);
    assert_eq!(m.capability(Capability::StructuredOutput), U);
    // Seed 000: text, image; 131,072 | 8,192 (the lab file says 1_000_000 | 16_384).
    assert_eq!(m.capability(Capability::Vision), Y);
    assert_eq!(m.context_window(), Some(131_072));
    assert_eq!(m.max_output_tokens(), Some(8_192));

    // kimi-k2's models.dev file is providers/nvidia/models/moonshotai/kimi-k2-instruct-0905.toml
    // whose [cost] input = 0.0, output = 0.0 are NVIDIA's, not Groq's: unknown, not free.
    let k = model("kimi-k2");
    assert_eq!(k.upstream_id(), "moonshotai/kimi-k2-instruct-0905");
    assert_eq!(k.pricing().input, None);
    assert_eq!(k.pricing().output, None);
    assert!(k.pricing().is_empty());
    assert_eq!(k.capability(Capability::Tools), Y); // tool_call = true
    assert_eq!(k.capability(Capability::Reasoning), N); // reasoning = false
    assert_eq!(k.capability(Capability::StructuredOutput), U);
    assert_eq!(k.capability(Capability::ParallelTools), U);
    // Seed 000: `moonshotai/kimi-k2-instruct-0905` | Kimi K2 | 262,144 | 16,384 | text.
    assert_eq!(k.context_window(), Some(262_144));
    assert_eq!(k.max_output_tokens(), Some(16_384));
}

// ---------------------------------------------------------------------------------------------
// Vertex (seed 002: facts from the references, not seed 000)
// ---------------------------------------------------------------------------------------------

#[test]
fn vertex_gemini_3_flash_preview_from_models_dev() {
    // Seed 002 names it for Vertex, but it is Google's model and Google's own API lists it
    // (models.dev providers/google/models/gemini-3-flash-preview.toml, LiteLLM
    // "gemini/gemini-3-flash-preview"): its home is Google, and Vertex offers it under the
    // same id.
    let m = model("gemini-3-flash-preview");
    assert_eq!(m.provider_id(), "google");
    let vertex = offers_of(m)
        .into_iter()
        .find(|o| o.provider_id() == "vertex")
        .expect("vertex offers gemini-3-flash-preview");
    assert_eq!(vertex.upstream_id(), "gemini-3-flash-preview");
    // providers/google/models/gemini-3-flash-preview.toml: [limit] context = 1048576,
    // output = 65536 (LiteLLM "gemini/gemini-3-flash-preview" agrees);
    // [modalities] input = ["text", "image", "video", "audio", "pdf"], output = ["text"].
    assert_eq!(m.context_window(), Some(1_048_576));
    assert_eq!(m.max_output_tokens(), Some(65_536));
    assert_eq!(
        modalities(m.input_modalities()),
        Some(vec![
            Modality::Text,
            Modality::Image,
            Modality::Audio,
            Modality::Video,
            Modality::File
        ])
    );
    assert_eq!(
        modalities(m.output_modalities()),
        Some(vec![Modality::Text])
    );
    check_caps(
        m,
        Caps {
            tools: Y,             // tool_call = true
            reasoning: Y,         // reasoning = true
            structured_output: Y, // structured_output = true
            // litellm "gemini/gemini-3-flash-preview": supports_parallel_function_calling = true.
            parallel_tools: Y,
            vision: Y,
            pdf: Y,
            audio_input: Y,
            audio_output: N,
        },
    );
    // toml [cost]: input = 0.50, output = 3.00, cache_read = 0.05; no reasoning price there,
    // and LiteLLM's output_cost_per_reasoning_token 3e-06 is its output price: reasoning is
    // billed as output.
    check_prices(
        m,
        Prices {
            input: Some("0.5"),
            output: Some("3"),
            cache_read: Some("0.05"),
            cache_write: None,
            reasoning: None,
        },
    );
    check_reasoning_billed_as_output(m, "3");
}

#[test]
fn vertex_seedream_unknown_limits_and_prices() {
    let m = model("seedream-4.5");
    assert_eq!(m.provider_id(), "vertex");
    // providers/vercel/models/bytedance/seedream-4.5.toml: [limit] context = 0, output = 0
    // (read as unknown), input = ["text"], output = ["image"], tool_call = false,
    // reasoning = false, no structured_output; no [cost] and not Vertex's directory anyway.
    assert_eq!(m.context_window(), None);
    assert_eq!(m.max_output_tokens(), None);
    assert_eq!(modalities(m.input_modalities()), Some(vec![Modality::Text]));
    assert_eq!(
        modalities(m.output_modalities()),
        Some(vec![Modality::Image])
    );
    assert!(m.pricing().is_empty());
    check_caps(
        m,
        Caps {
            tools: N,
            parallel_tools: N, // no tool calls, so none in parallel ("Consistency")
            reasoning: N,
            structured_output: U,
            vision: N,
            pdf: N,
            audio_input: N,
            audio_output: N,
        },
    );
}

// ---------------------------------------------------------------------------------------------
// NanoGPT (seed 003: facts from the references)
// ---------------------------------------------------------------------------------------------

#[test]
fn nano_gpt_grok_4_3_paid() {
    let m = model("grok-4.3");
    assert_eq!(m.provider_id(), "nano-gpt");
    assert_eq!(m.upstream_id(), "x-ai/grok-4.3");
    // providers/nano-gpt/models/x-ai/grok-4.3.toml: "# Not included in subscription",
    // name = "Grok 4.3", [limit] context = 1000000, output = 1000000,
    // input = ["text", "image"], tool_call = true, reasoning = true, structured_output = true.
    assert_eq!(m.name(), "Grok 4.3");
    assert!(m.has_tag("paid"));
    assert!(!m.has_tag("subscription"));
    assert_eq!(m.context_window(), Some(1_000_000));
    assert_eq!(m.max_output_tokens(), Some(1_000_000));
    check_caps(
        m,
        Caps {
            tools: Y,
            parallel_tools: U, // no LiteLLM source
            reasoning: Y,
            structured_output: Y,
            vision: Y,
            pdf: N,
            audio_input: N,
            audio_output: N,
        },
    );
    // [cost] input = 1.25, output = 2.5, cache_read = 0.2.
    check_prices(
        m,
        Prices {
            input: Some("1.25"),
            output: Some("2.5"),
            cache_read: Some("0.2"),
            cache_write: None,
            reasoning: None,
        },
    );
}

#[test]
fn nano_gpt_hermes_4_70b_subscription() {
    let m = model("hermes-4-70b");
    // providers/nano-gpt/models/NousResearch/hermes-4-70b.toml: "# Included in subscription",
    // name = "Hermes 4 Medium", tool_call = false, reasoning = false,
    // structured_output = false, [limit] context = 128000, output = 8192, input = ["text"],
    // [cost] input = 0.2006, output = 0.3995.
    assert_eq!(m.name(), "Hermes 4 Medium");
    assert!(m.has_tag("subscription"));
    assert!(!m.has_tag("paid"));
    assert_eq!(m.context_window(), Some(128_000));
    assert_eq!(m.max_output_tokens(), Some(8_192));
    check_caps(
        m,
        Caps {
            tools: N,
            parallel_tools: N, // no tool calls, so none in parallel ("Consistency")
            reasoning: N,
            structured_output: N,
            vision: N,
            pdf: N,
            audio_input: N,
            audio_output: N,
        },
    );
    check_prices(
        m,
        Prices {
            input: Some("0.2006"),
            output: Some("0.3995"),
            cache_read: None,
            cache_write: None,
            reasoning: None,
        },
    );
}

#[test]
fn nano_gpt_thinking_variant_takes_pdf_from_models_dev() {
    let m = model("claude-opus-4-6:thinking");
    assert_eq!(m.upstream_id(), "anthropic/claude-opus-4.6:thinking");
    // providers/nano-gpt/models/anthropic/claude-opus-4.6:thinking.toml: input = ["text",
    // "image", "pdf"] (not a seed-000 model, so pdf counts), [cost] input = 4.998,
    // output = 25.007, [limit] context = 1_000_000, output = 128_000.
    assert_eq!(m.capability(Capability::Pdf), Y);
    assert_eq!(m.capability(Capability::Vision), Y);
    assert_eq!(m.context_window(), Some(1_000_000));
    assert_eq!(m.max_output_tokens(), Some(128_000));
    check_prices(
        m,
        Prices {
            input: Some("4.998"),
            output: Some("25.007"),
            cache_read: None,
            cache_write: None,
            reasoning: None,
        },
    );
}

#[test]
fn nano_gpt_float_noise_in_the_reference_is_read_as_the_intended_decimal() {
    // providers/nano-gpt/models/deepseek/deepseek-v3.2.toml: [cost] input =
    // 0.27999999999999997, output = 0.42000000000000004 (float noise): to the micro-dollar
    // these are 0.28 and 0.42. input = ["text", "pdf"], tool_call = true, reasoning = false.
    let m = model("deepseek-v3.2");
    assert_eq!(m.provider_id(), "nano-gpt");
    assert_eq!(m.pricing().input, Some(usd("0.28")));
    assert_eq!(m.pricing().output, Some(usd("0.42")));
    assert_eq!(m.capability(Capability::Pdf), Y);
    assert_eq!(m.capability(Capability::Tools), Y);
    assert_eq!(m.capability(Capability::Reasoning), N);
}

#[test]
fn nano_gpt_offers_carry_their_own_prices() {
    // gpt-5.2 is defined by OpenAI (providers/openai/models/gpt-5.2.toml, see the home prices
    // below) and offered by NanoGPT as `openai/gpt-5.2`:
    // providers/nano-gpt/models/openai/gpt-5.2.toml [cost] input = 1.75, output = 14.00, no
    // cache_read.
    let m = model("gpt-5.2");
    assert_eq!(m.provider_id(), "openai");
    let offer = offers_of(m)
        .into_iter()
        .find(|o| o.provider_id() == "nano-gpt")
        .expect("gpt-5.2 should be offered by nano-gpt");
    assert_eq!(offer.upstream_id(), "openai/gpt-5.2");
    let want = pricing_of(Prices {
        input: Some("1.75"),
        output: Some("14.00"),
        cache_read: None,
        cache_write: None,
        reasoning: None,
    });
    assert_eq!(offer.own_pricing(), want);
    // Home prices: providers/openai/models/gpt-5.2.toml [cost] input = 1.75, output = 14.00,
    // cache_read = 0.175.
    assert_eq!(m.pricing().input, Some(usd("1.75")));
    assert_eq!(m.pricing().output, Some(usd("14")));
    assert_eq!(m.pricing().cache_read, Some(usd("0.175")));
    // The offer lacks a cache-read price: field by field, the model's fills it.
    let applied = offer.pricing(m);
    assert_eq!(
        (applied.input, applied.output, applied.cache_read),
        (Some(usd("1.75")), Some(usd("14")), Some(usd("0.175")))
    );

    // claude-opus-4-6 through NanoGPT: providers/nano-gpt/models/anthropic/claude-opus-4.6.toml
    // [cost] input = 4.998, output = 25.007, while the home price is 5 / 25.
    let c = model("claude-opus-4-6");
    let offer = offers_of(c)
        .into_iter()
        .find(|o| o.provider_id() == "nano-gpt")
        .expect("claude-opus-4-6 should be offered by nano-gpt");
    assert_eq!(offer.upstream_id(), "anthropic/claude-opus-4.6");
    assert_eq!(offer.pricing(c).input, Some(usd("4.998")));
    assert_eq!(offer.pricing(c).output, Some(usd("25.007")));
    assert_ne!(offer.pricing(c), c.pricing());

    // And NanoGPT lists the offered models among its models.
    let nano: Vec<&str> = models_of("nano-gpt")
        .expect("nano-gpt is a provider")
        .into_iter()
        .map(|m| m.id())
        .collect();
    assert!(nano.contains(&"gpt-5.2"), "{nano:?}");
    assert!(nano.contains(&"claude-opus-4-6"), "{nano:?}");
}

#[test]
fn sample_spans_every_enriched_provider() {
    let ids = [
        "gpt-4o",
        "o3",
        "gpt-5-chat-latest",
        "gpt-3.5-turbo",
        "gpt-4.1",
        "claude-opus-4-6",
        "claude-3-haiku-20240307",
        "claude-opus-4-1",
        "gemini-2.5-flash",
        "gemini-2.0-flash-lite",
        "deepseek-reasoner",
        "deepseek-chat",
        "gpt-oss-120b",
        "llama-3.3-70b-versatile",
        "llama-4-maverick-17b-128e-instruct",
        "kimi-k2",
        "gemini-3-flash-preview",
        "seedream-4.5",
        "grok-4.3",
        "hermes-4-70b",
        "claude-opus-4-6:thinking",
        "deepseek-v3.2",
    ];
    let mut providers: Vec<&str> = ids.iter().map(|id| model(id).provider_id()).collect();
    providers.sort_unstable();
    providers.dedup();
    assert_eq!(
        providers,
        [
            "anthropic",
            "deepseek",
            "google",
            "groq",
            "nano-gpt",
            "openai",
            "vertex"
        ]
    );
}

/// A reference set aside as another generation of the model leaves no fact decided without a
/// row in data/CONFLICTS.md: each price and capability it gives otherwise is listed.
#[test]
fn what_a_set_aside_generation_gives_otherwise_is_listed() {
    let conflicts =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/CONFLICTS.md")).unwrap();
    let rows: Vec<Vec<&str>> = conflicts
        .lines()
        .filter(|l| l.starts_with("| "))
        .map(|l| l.trim_matches('|').split('|').map(str::trim).collect())
        .collect();
    let row = |model: &str, field: &str| {
        rows.iter()
            .find(|r| r[0] == model && r[1] == field)
            .unwrap_or_else(|| panic!("no row for {model} {field}"))
            .clone()
    };
    // models.dev providers/deepseek/models/deepseek-chat.toml: [cost] input = 0.14,
    // output = 0.28, cache_read = 0.0028; LiteLLM "deepseek-chat": input_cost_per_token
    // 2.8e-07, output_cost_per_token 4.2e-07, cache_read_input_token_cost 2.8e-08. LiteLLM's
    // entry describes the 128K generation the seed lists, so its prices apply.
    for (field, md, ll) in [
        ("pricing.input", "0.14", "0.28"),
        ("pricing.output", "0.28", "0.42"),
        ("pricing.cache_read", "0.0028", "0.028"),
    ] {
        let r = row("deepseek-chat", field);
        assert_eq!((r[3], r[4], r[5]), (md, ll, ll), "{field}");
        assert!(r[6].starts_with("generation:"), "{field}");
    }
    // models.dev: reasoning = false, of the 1,000,000-token generation; LiteLLM says nothing.
    let r = row("deepseek-chat", "reasoning");
    assert_eq!((r[3], r[4], r[5]), ("no", "-", "unknown"));
    // gpt-5-chat-latest: models.dev (tool_call = false) is kept; LiteLLM's
    // supports_function_calling = true is set aside.
    let r = row("gpt-5-chat-latest", "tools");
    assert_eq!((r[3], r[4], r[5]), ("no", "yes", "no"));
}
