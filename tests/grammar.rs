//! Each rule of the model-string grammar and each error kind.

use model_catalog::{resolve_model, MatchKind, ResolveError, Separator, MAX_INPUT_LEN};

/// (provider id, model id or None, upstream id, how the model part matched)
fn ok(input: &str) -> (String, Option<String>, String, MatchKind) {
    let r = resolve_model(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
    (
        r.provider.id().to_owned(),
        r.model.map(|m| m.id().to_owned()),
        r.upstream_id.to_string(),
        r.matched,
    )
}

fn known(
    provider: &str,
    model: &str,
    upstream: &str,
    kind: MatchKind,
) -> (String, Option<String>, String, MatchKind) {
    (provider.into(), Some(model.into()), upstream.into(), kind)
}

fn through(provider: &str, upstream: &str) -> (String, Option<String>, String, MatchKind) {
    (
        provider.into(),
        None,
        upstream.into(),
        MatchKind::PassThrough,
    )
}

fn err(input: &str) -> ResolveError {
    match resolve_model(input) {
        Ok(r) => panic!("{input:?} resolved to {r:?}"),
        Err(e) => e,
    }
}

// Rule 1: trimming, empty, too long.

#[test]
fn surrounding_ascii_whitespace_is_trimmed() {
    assert_eq!(
        ok(" \t gpt-4o \r\n"),
        known("openai", "gpt-4o", "gpt-4o", MatchKind::Id)
    );
    assert_eq!(ok("\x0copenai:gpt-4o\x0c").0, "openai");
}

#[test]
fn empty_and_blank_inputs_are_empty() {
    for input in ["", " ", "\t\r\n \x0c"] {
        assert_eq!(err(input), ResolveError::Empty, "{input:?}");
        assert_eq!(err(input).kind(), "empty");
    }
    // Unicode whitespace is not trimmed: it is not ASCII, so it matches nothing.
    assert_eq!(err("\u{a0}").kind(), "unknown_model");
}

#[test]
fn inputs_longer_than_the_bound_are_too_long() {
    let at_bound = "a".repeat(MAX_INPUT_LEN);
    assert_eq!(err(&at_bound).kind(), "unknown_model");
    let over = "a".repeat(MAX_INPUT_LEN + 1);
    assert_eq!(
        err(&over),
        ResolveError::TooLong {
            len: MAX_INPUT_LEN + 1
        }
    );
    // The bound counts the input as given: padding past it is refused before trimming.
    let padded = format!("gpt-4o{}", " ".repeat(MAX_INPUT_LEN));
    assert_eq!(
        err(&padded),
        ResolveError::TooLong {
            len: MAX_INPUT_LEN + 6
        }
    );
    let huge = "x".repeat(1 << 20);
    assert_eq!(err(&huge), ResolveError::TooLong { len: 1 << 20 });
    assert_eq!(err(&huge).kind(), "too_long");
}

// Rule 2: the whole string is a model id, upstream id or alias.

#[test]
fn whole_string_matches_ids_upstream_ids_and_aliases_ignoring_ascii_case() {
    let gpt4o = known("openai", "gpt-4o", "gpt-4o", MatchKind::Id);
    assert_eq!(ok("gpt-4o"), gpt4o);
    assert_eq!(ok("GPT-4o"), gpt4o);
    assert_eq!(ok("Gpt-4O"), gpt4o);
    // A dated snapshot OpenAI serves under its own id (LiteLLM key `gpt-4o-2024-08-06`,
    // models.dev providers/openai/models/gpt-4o-2024-08-06.toml) is a served name: it is sent
    // as itself.
    assert_eq!(
        ok("gpt-4o-2024-08-06"),
        known(
            "openai",
            "gpt-4o",
            "gpt-4o-2024-08-06",
            MatchKind::ServedName
        )
    );
    assert_eq!(
        ok("GPT-5 mini"),
        known("openai", "gpt-5-mini", "gpt-5-mini", MatchKind::Alias)
    );
    assert_eq!(
        ok("meta-llama/llama-3.3-70b-versatile"),
        known(
            "groq",
            "llama-3.3-70b-versatile",
            "meta-llama/llama-3.3-70b-versatile",
            MatchKind::UpstreamId
        )
    );
    // A Groq model id that starts with a provider name is still a whole-string match.
    assert_eq!(
        ok("openai/gpt-oss-120b"),
        known(
            "groq",
            "gpt-oss-120b",
            "openai/gpt-oss-120b",
            MatchKind::UpstreamId
        )
    );
    // The upstream id sent is the catalog's spelling, not the input's.
    assert_eq!(ok("CLAUDE-HAIKU-3").2, "claude-3-haiku-20240307");
    assert!(resolve_model("gpt-4o").unwrap().prefix.is_none());
}

// Rule 3: provider:model.

#[test]
fn provider_colon_model() {
    assert_eq!(
        ok("open-AI:gpt-4o"),
        known("openai", "gpt-4o", "gpt-4o", MatchKind::Id)
    );
    assert_eq!(
        ok("groqcloud:llama-3.3-70b"),
        known(
            "groq",
            "llama-3.3-70b-versatile",
            "meta-llama/llama-3.3-70b-versatile",
            MatchKind::Alias
        )
    );
    assert_eq!(
        ok("groq:openai/gpt-oss-20b"),
        known(
            "groq",
            "gpt-oss-20b",
            "openai/gpt-oss-20b",
            MatchKind::UpstreamId
        )
    );
    assert_eq!(
        ok("OPENAI:GPT-4O"),
        known("openai", "gpt-4o", "gpt-4o", MatchKind::Id)
    );
    let r = resolve_model("open-AI:gpt-4o").unwrap();
    let prefix = r.prefix.unwrap();
    assert_eq!(
        (prefix.separator, prefix.matched),
        (Separator::Colon, MatchKind::Alias)
    );
    let r = resolve_model("openai:gpt-4o").unwrap();
    assert_eq!(r.prefix.unwrap().matched, MatchKind::Id);
}

#[test]
fn unknown_models_behind_a_provider_pass_through_with_their_case() {
    assert_eq!(
        ok("openai:gpt-5-preview"),
        through("openai", "gpt-5-preview")
    );
    assert_eq!(
        ok("openai:GPT-5-Preview"),
        through("openai", "GPT-5-Preview")
    );
    assert_eq!(
        ok("openrouter:meta-llama/Llama-3.3-70B-Instruct"),
        through("openrouter", "meta-llama/Llama-3.3-70B-Instruct")
    );
    assert!(resolve_model("openai:gpt-5-preview")
        .unwrap()
        .is_pass_through());
}

#[test]
fn providers_without_listed_models_pass_everything_through() {
    // The aggregators now list offers from the references (OpenRouter offers `gpt-4o` as
    // `openai/gpt-4o`, models.dev providers/openrouter/models/openai/gpt-4o.toml; Hyperbolic
    // offers Llama 3.3 70B as LiteLLM's `hyperbolic/meta-llama/Llama-3.3-70B-Instruct`); what
    // they do not list still passes through, even a model another provider lists.
    for provider in ["openrouter", "hyperbolic", "inference-net"] {
        for model in [
            "gpt-5.1-chat-latest",
            "GPT-5.1-Chat-Latest",
            "mercury-coder",
            "meta-llama/Llama-3.1-405B",
        ] {
            let input = format!("{provider}:{model}");
            assert_eq!(ok(&input), through(provider, model), "{input}");
        }
    }
    // InceptionLabs lists its Mercury models now (models.dev providers/inception); a name it
    // does not list passes through, another provider's model is not offered there.
    assert_eq!(
        ok("inceptionlabs:mercury-coder"),
        through("inceptionlabs", "mercury-coder")
    );
    assert_eq!(err("inceptionlabs:gpt-4o").kind(), "model_not_offered");
    assert_eq!(ok("inference.net:llama-3").0, "inference-net");
    assert_eq!(ok("inference_net:llama-3").0, "inference-net");
}

#[test]
fn a_model_only_other_providers_offer_is_not_offered() {
    match err("openai:llama-3.3-70b") {
        ResolveError::ModelNotOffered {
            input,
            provider,
            model,
            offered_by,
            more,
            served,
        } => {
            assert_eq!(input, "openai:llama-3.3-70b");
            assert!(!served);
            assert_eq!(provider, "openai");
            assert_eq!(model, "llama-3.3-70b-versatile");
            // Its home provider first, then the providers that offer it: Hyperbolic (LiteLLM
            // `hyperbolic/meta-llama/Llama-3.3-70B-Instruct`), NanoGPT, and Vertex (models.dev
            // providers/google-vertex/models/meta/llama-3.3-70b-instruct-maas.toml).
            assert_eq!(offered_by, ["groq", "hyperbolic", "nano-gpt", "vertex"]);
            assert_eq!(more, 0);
        }
        e => panic!("{e:?}"),
    }
    let e = err("Anthropic:GPT-4o");
    assert_eq!(e.kind(), "model_not_offered");
    assert_eq!(
        e.to_string(),
        // NanoGPT and OpenRouter offer it (models.dev providers/nano-gpt/models/openai/gpt-4o.toml,
        // providers/openrouter/models/openai/gpt-4o.toml).
        "provider `anthropic` does not offer model `gpt-4o`; it is offered by `openai`, `nano-gpt`, `openrouter`"
    );
    assert_eq!(err("openai:openai/gpt-oss-20b").kind(), "model_not_offered");
}

#[test]
fn a_served_name_at_a_provider_that_offers_the_model_under_another_is_not_served() {
    // Anthropic's snapshot `claude-sonnet-4-5-20250929` (models.dev
    // providers/anthropic/models/claude-sonnet-4-5-20250929.toml); Vertex serves Claude Sonnet
    // 4.5 as `claude-sonnet-4-5@20250929` (providers/google-vertex/models), and NanoGPT under
    // the snapshot's name (providers/nano-gpt/models/claude-sonnet-4-5-20250929.toml).
    let e = err("vertex:Claude-Sonnet-4-5-20250929");
    match &e {
        ResolveError::ModelNotOffered {
            model,
            served,
            offered_by,
            ..
        } => {
            assert_eq!(model, "claude-sonnet-4-5");
            assert!(*served);
            assert_eq!(offered_by, &["anthropic", "nano-gpt"]);
        }
        e => panic!("{e:?}"),
    }
    assert_eq!(
        e.to_string(),
        "provider `vertex` does not serve `Claude-Sonnet-4-5-20250929`, a name of model \
         `claude-sonnet-4-5`; it is served by `anthropic`, `nano-gpt`"
    );
    // The name as written, behind any spelling of the provider and separator.
    for input in [
        "vertex/claude-sonnet-4-5-20250929",
        "google-vertex::claude-sonnet-4-5-20250929",
    ] {
        assert!(
            err(input).to_string().starts_with(
                "provider `vertex` does not serve `claude-sonnet-4-5-20250929`, a name"
            ),
            "{input}"
        );
    }
    // Named by the offer's own id, the model is served there.
    let r = resolve_model("vertex:claude-sonnet-4-5@20250929").unwrap();
    assert_eq!(r.model.map(|m| m.id()), Some("claude-sonnet-4-5"));
}

// Rule 4: provider/model.

#[test]
fn provider_slash_model() {
    // (`openai/gpt-5.1` is an aggregator's upstream id since the refresh, models.dev
    // providers/openrouter/models/openai/gpt-5.1.toml, so rule 2 would take it; no aggregator
    // lists `openai/gpt-5.1-chat-latest`.)
    assert_eq!(
        ok("openai/gpt-5.1-chat-latest"),
        known(
            "openai",
            "gpt-5.1-chat-latest",
            "gpt-5.1-chat-latest",
            MatchKind::Id
        )
    );
    let r = resolve_model("OpenAI/GPT-5.1-Chat-Latest").unwrap();
    let prefix = r.prefix.unwrap();
    assert_eq!(
        (prefix.separator, prefix.matched),
        (Separator::Slash, MatchKind::Id)
    );
    // `openai/gpt-5.2` is also NanoGPT's upstream id for the model, so rule 2 takes it first;
    // the answer is the same: the model at its home provider, under its own id.
    let (provider, model, upstream, _) = ok("openai/gpt-5.2");
    assert_eq!(
        (provider.as_str(), model.as_deref(), upstream.as_str()),
        ("openai", Some("gpt-5.2"), "gpt-5.2")
    );
    assert_eq!(
        ok("anthropic/claude-opus-4-5"),
        known(
            "anthropic",
            "claude-opus-4-5",
            "claude-opus-4-5",
            MatchKind::Id
        )
    );
    assert_eq!(
        ok("groqcloud/kimi-k2").2,
        "moonshotai/kimi-k2-instruct-0905"
    );
    assert_eq!(
        ok("openai/gpt-5-preview"),
        through("openai", "gpt-5-preview")
    );
    assert_eq!(
        ok("openrouter/meta-llama/llama-3"),
        through("openrouter", "meta-llama/llama-3")
    );
    assert_eq!(err("openai/llama-3.3-70b").kind(), "model_not_offered");
    let r = resolve_model("Gemini/gemini-2.5-pro").unwrap();
    let prefix = r.prefix.unwrap();
    assert_eq!(
        (prefix.separator, prefix.matched),
        (Separator::Slash, MatchKind::Alias)
    );
}

#[test]
fn colon_is_tried_before_slash() {
    // `openai/x:y`: the part before `:` is not a provider, so the `/` split applies.
    assert_eq!(
        ok("openai/gpt-5:thinking"),
        through("openai", "gpt-5:thinking")
    );
    // `groq:openai/gpt-oss-20b`: the `:` split wins over `/`.
    assert_eq!(ok("groq:openai/gpt-oss-20b").0, "groq");
}

// Rule 5: errors.

#[test]
fn unknown_provider_before_a_colon() {
    match err("foo:gpt-4o") {
        ResolveError::UnknownProvider { suggestions } => {
            assert_eq!(suggestions.input(), "foo:gpt-4o");
            assert_eq!(suggestions.name(), "foo");
            assert!(suggestions.is_empty());
        }
        e => panic!("{e:?}"),
    }
    let e = err("opnai:gpt-4o");
    assert_eq!(e.suggestions().unwrap(), ["openai"]);
    assert_eq!(
        e.to_string(),
        "unknown provider `opnai` in `opnai:gpt-4o`; did you mean `openai`?"
    );
    assert_eq!(err(":gpt-4o").kind(), "unknown_provider");
}

#[test]
fn unknown_model_without_a_colon() {
    match err("gpt4o") {
        ResolveError::UnknownModel {
            provider,
            suggestions,
        } => {
            assert_eq!(suggestions.input(), "gpt4o");
            assert_eq!(suggestions.name(), "gpt4o");
            assert_eq!(provider, None);
            assert_eq!(suggestions.first().map(String::as_str), Some("gpt-4o"));
        }
        e => panic!("{e:?}"),
    }
    // Not a provider before the `/`, no `:`: an unknown model.
    assert_eq!(err("meta-llama/Llama-2-70B-Chat").kind(), "unknown_model");
    assert_eq!(err("claude-opus-9").kind(), "unknown_model");
}

#[test]
fn suggestions_are_at_most_three_and_closest_first() {
    let e = err("gpt-5-mino");
    let s = e.suggestions().unwrap();
    assert!(!s.is_empty() && s.len() <= 3, "{s:?}");
    assert_eq!(s[0], "gpt-5-mini");
    assert!(err("zzzzzzzzzzzzzzzzzzzz")
        .suggestions()
        .unwrap()
        .is_empty());
    assert_eq!(err("o3-mimi").suggestions().unwrap()[0], "o3-mini");
}

#[test]
fn error_kinds_are_the_five_names() {
    let kinds: Vec<&str> = [
        "",
        &"a".repeat(300),
        "nope",
        "nope:gpt-4o",
        "openai:kimi-k2",
    ]
    .iter()
    .map(|i| err(i).kind())
    .collect();
    assert_eq!(
        kinds,
        [
            "empty",
            "too_long",
            "unknown_model",
            "unknown_provider",
            "model_not_offered"
        ]
    );
}

// Case folding is ASCII only; non-ASCII input never matches.

#[test]
fn non_ascii_lookalikes_never_match() {
    // U+212A KELVIN SIGN folds to `k` under Unicode rules, never here.
    assert_eq!(err("\u{212A}imi-k2").kind(), "unknown_model");
    assert_eq!(err("groq:\u{212A}imi-k2").kind(), "unknown_model");
    // Cyrillic `о` (U+043E) is not `o`.
    assert_eq!(err("gpt-4\u{43e}").kind(), "unknown_model");
    assert_eq!(err("\u{43e}penai:gpt-4o").kind(), "unknown_provider");
    // Fullwidth letters are not ASCII letters.
    assert_eq!(err("\u{ff47}pt-4o").kind(), "unknown_model");
    // Behind a real provider a non-ASCII model is not passed through either.
    match err("openai:gpt-4\u{43e}") {
        ref e @ ResolveError::UnknownModel { ref provider, .. } => {
            assert_eq!(provider.as_deref(), Some("openai"));
            assert_eq!(e.unknown_name(), Some("gpt-4\u{43e}"));
        }
        e => panic!("{e:?}"),
    }
}

#[test]
fn control_characters_and_empty_model_parts_are_not_passed_through() {
    for input in [
        "openai:gpt\u{0}4o",
        "openai:gpt-4o\u{7f}",
        "openai: gpt-4o",
        "groq:a\nb",
    ] {
        let e = err(input);
        assert_eq!(e.kind(), "unknown_model", "{input:?}");
    }
    // An empty model part, or one that starts with a separator, is malformed.
    for input in [
        "openai:",
        "openai/",
        "openai:/gpt-4o",
        "groq:::x",
        "groq//x",
    ] {
        assert_eq!(err(input).kind(), "malformed", "{input:?}");
    }
}

#[test]
fn messages_escape_hostile_input() {
    let e = err("evil\nINFO forged log line");
    let msg = e.to_string();
    assert!(!msg.contains('\n'), "{msg}");
    assert!(msg.contains("\\u{a}"), "{msg}");
}
