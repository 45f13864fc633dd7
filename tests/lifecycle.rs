//! Model lifecycle on given days, the `Resolver`'s options, and `Date`.
//!
//! Retirement dates are typed from the Model Catalog seed (000_b43183ec225e025a.txt):
//! "GPT-3.5 Turbo *(deprecated, retires September 28, 2026)*" and
//! "Claude Haiku 3 *(deprecated, retires April 20, 2026)*", alias `claude-haiku-3` ->
//! `claude-3-haiku-20240307` (the seed's dates win over LiteLLM's), and from LiteLLM
//! 1.110.2's `deprecation_date` for the other models.

use model_catalog::{
    lookup_model, models, resolve_model, Date, Lifecycle, Model, ResolveError, Resolver,
};

fn day(s: &str) -> Date {
    s.parse()
        .unwrap_or_else(|e| panic!("bad date literal {s}: {e}"))
}

fn model(id: &str) -> &'static Model {
    lookup_model(id).unwrap_or_else(|| panic!("model `{id}` is not in the catalog"))
}

/// The day this suite pins as "now" for judging lifecycle.
const PINNED: &str = "2026-11-23";

// ---------------------------------------------------------------------------------------------
// Model::lifecycle_on
// ---------------------------------------------------------------------------------------------

#[test]
fn retired_models_as_of_the_pinned_day() {
    let pinned = day(PINNED);
    assert_eq!(
        model("gpt-3.5-turbo").lifecycle_on(pinned),
        Lifecycle::Retired {
            since: day("2026-09-28")
        }
    );
    assert_eq!(
        model("claude-3-haiku-20240307").lifecycle_on(pinned),
        Lifecycle::Retired {
            since: day("2026-04-20")
        }
    );
    // Beyond the seed's two, the providers' own dates (LiteLLM 1.110.2 `deprecation_date`,
    // typed from litellm_model_prices.json) retire these on 2026-10-23, before the pinned day.
    for id in [
        "o1",
        "o1-pro",
        "o3-mini",
        "o4-mini",
        "gpt-4",
        "gpt-4-turbo",
        "gpt-4.1-nano",
    ] {
        assert_eq!(
            model(id).lifecycle_on(pinned),
            Lifecycle::Retired {
                since: day("2026-10-23")
            },
            "{id}"
        );
    }
    // Announced but later: deprecated on the pinned day.
    for (id, retires) in [
        ("claude-sonnet-4-5", "2026-11-30"),
        ("gpt-4o", "2027-01-14"),
    ] {
        assert_eq!(
            model(id).lifecycle_on(pinned),
            Lifecycle::Deprecated {
                retires: Some(day(retires))
            },
            "{id}"
        );
    }
    // No `deprecation_date` in LiteLLM and no `status = "deprecated"` in models.dev: active.
    for id in ["gpt-5.2", "gpt-5.4", "claude-opus-4-6", "claude-sonnet-4-6"] {
        assert_eq!(model(id).lifecycle_on(pinned), Lifecycle::Active, "{id}");
    }
    // Retired models stay in the catalog, marked.
    assert!(models().any(|m| m.lifecycle_on(pinned) == Lifecycle::Active));
}

#[test]
fn boundaries_of_retirement() {
    for (id, retires, day_before) in [
        ("gpt-3.5-turbo", "2026-09-28", "2026-09-27"),
        ("claude-3-haiku-20240307", "2026-04-20", "2026-04-19"),
    ] {
        let m = model(id);
        let retires = day(retires);
        assert_eq!(m.retires(), Some(retires), "{id}");
        assert!(m.is_deprecated(), "{id}");

        let before = m.lifecycle_on(day(day_before));
        assert_eq!(
            before,
            Lifecycle::Deprecated {
                retires: Some(retires)
            },
            "{id} the day before"
        );
        assert_eq!(before.as_str(), "deprecated");
        assert!(before.is_served());

        let on = m.lifecycle_on(retires);
        assert_eq!(on, Lifecycle::Retired { since: retires }, "{id} on the day");
        assert_eq!(on.as_str(), "retired");
        assert!(!on.is_served());

        // Long before and long after.
        assert_eq!(
            m.lifecycle_on(day("2020-01-01")),
            Lifecycle::Deprecated {
                retires: Some(retires)
            }
        );
        assert_eq!(
            m.lifecycle_on(day("9999-12-31")),
            Lifecycle::Retired { since: retires }
        );
    }
}

#[test]
fn an_active_model_is_active_on_any_day() {
    // LiteLLM's "gpt-5.2" has no deprecation_date; models.dev's gpt-5.2.toml no status.
    let m = model("gpt-5.2");
    assert!(!m.is_deprecated());
    assert_eq!(m.retires(), None);
    for d in [
        "0001-01-01",
        "2026-04-20",
        "2026-09-28",
        PINNED,
        "9999-12-31",
    ] {
        let l = m.lifecycle_on(day(d));
        assert_eq!(l, Lifecycle::Active, "{d}");
        assert_eq!(l.as_str(), "active");
        assert!(l.is_served());
    }
    // `lifecycle()` judges today; for a model with no retirement it is Active whatever
    // today is.
    assert_eq!(m.lifecycle(), Lifecycle::Active);
    // For a model with a retirement date it agrees with lifecycle_on(today).
    let g = model("gpt-3.5-turbo");
    assert_eq!(g.lifecycle(), g.lifecycle_on(Date::today()));
}

// ---------------------------------------------------------------------------------------------
// Resolver
// ---------------------------------------------------------------------------------------------

#[test]
fn refuse_retired_on_and_after_the_day_resolves_the_day_before() {
    // LiteLLM's "gpt-3.5-turbo" names `successor_model` "gpt-5.6-terra"; nothing names one
    // for Claude Haiku 3.
    for (input, id, retires, day_before, day_after) in [
        (
            "gpt-3.5-turbo",
            "gpt-3.5-turbo",
            "2026-09-28",
            "2026-09-27",
            "2026-09-29",
        ),
        (
            "claude-3-haiku-20240307",
            "claude-3-haiku-20240307",
            "2026-04-20",
            "2026-04-19",
            "2026-04-21",
        ),
        // Through the alias, and through a provider prefix with the alias.
        (
            "claude-haiku-3",
            "claude-3-haiku-20240307",
            "2026-04-20",
            "2026-04-19",
            "2026-04-21",
        ),
        (
            "anthropic:claude-haiku-3",
            "claude-3-haiku-20240307",
            "2026-04-20",
            "2026-04-19",
            "2026-04-21",
        ),
        // Case and surrounding whitespace are ignored as usual.
        (
            "  GPT-3.5-Turbo ",
            "gpt-3.5-turbo",
            "2026-09-28",
            "2026-09-27",
            PINNED,
        ),
    ] {
        let strict = |d: &str| Resolver::new().refuse_retired(true).as_of(day(d));

        let r = strict(day_before)
            .resolve(input)
            .unwrap_or_else(|e| panic!("{input} on {day_before}: {e}"));
        assert_eq!(r.model.map(|m| m.id()), Some(id), "{input}");

        for d in [retires, day_after, PINNED] {
            let e = strict(d)
                .resolve(input)
                .expect_err("retired models are refused");
            assert_eq!(e.kind(), "retired", "{input} on {d}");
            match &e {
                ResolveError::Retired {
                    input: i,
                    model,
                    since,
                    successor,
                } => {
                    assert_eq!(i, input.trim(), "the error carries the trimmed input");
                    assert_eq!(model, id);
                    assert_eq!(*since, day(retires));
                    assert_eq!(successor.as_deref(), successor_of(id));
                }
                other => panic!("{input} on {d}: expected Retired, got {other:?}"),
            }
            let msg = e.to_string();
            assert!(msg.contains(retires), "{msg}");
            assert!(msg.contains(id), "{msg}");
            let tail = successor_of(id)
                .map(|s| format!("; use `{s}` instead"))
                .unwrap_or_default();
            assert_eq!(msg, format!("model `{id}` was retired on {retires}{tail}"));
        }
    }
}

/// The successor LiteLLM 1.110.2 names (`successor_model`), typed from the file.
fn successor_of(id: &str) -> Option<&'static str> {
    match id {
        "gpt-3.5-turbo" => Some("gpt-5.6-terra"),
        _ => None,
    }
}

#[test]
fn refuse_retired_leaves_other_models_alone() {
    let strict = Resolver::new().refuse_retired(true).as_of(day(PINNED));
    for input in [
        "gpt-4o",
        "claude-opus-4-6",
        "groq:llama-3.3-70b",
        "openai:gpt-5-preview",
    ] {
        assert!(strict.resolve(input).is_ok(), "{input}");
    }
    // Without refuse_retired, a retired model resolves on any day.
    let lenient = Resolver::new().as_of(day(PINNED));
    let r = lenient
        .resolve("gpt-3.5-turbo")
        .expect("retired models resolve unless refused");
    assert_eq!(r.model.map(|m| m.id()), Some("gpt-3.5-turbo"));
    // Refusing can be switched off again.
    let r = Resolver::new()
        .refuse_retired(true)
        .refuse_retired(false)
        .as_of(day(PINNED))
        .resolve("claude-haiku-3");
    assert!(r.is_ok());
}

#[test]
fn strict_mode_refuses_pass_through_but_resolves_catalog_models() {
    let strict = Resolver::new().pass_through(false);
    let e = strict
        .resolve("openai:gpt-5-preview")
        .expect_err("not a catalog model");
    assert_eq!(e.kind(), "pass_through_refused");
    assert_eq!(
        e,
        ResolveError::PassThroughRefused {
            input: "openai:gpt-5-preview".to_owned(),
            provider: "openai".to_owned(),
            model: "gpt-5-preview".to_owned(),
        }
    );
    assert_eq!(
        e.to_string(),
        "`gpt-5-preview` is not a model in the catalog for provider `openai`, and pass-through is off"
    );
    // Aggregators pass through by default; strict mode refuses them too.
    let e = strict
        .resolve("openrouter:meta-llama/Llama-3.3-70B-Instruct")
        .expect_err("not a catalog model");
    assert_eq!(e.kind(), "pass_through_refused");

    for (input, id, provider) in [
        ("gpt-4o", "gpt-4o", "openai"),
        ("openai:gpt-4o", "gpt-4o", "openai"),
        ("groq:openai/gpt-oss-20b", "gpt-oss-20b", "groq"),
        ("claude-haiku-3", "claude-3-haiku-20240307", "anthropic"),
        ("nano-gpt:gpt-5.2", "gpt-5.2", "nano-gpt"),
    ] {
        let r = strict
            .resolve(input)
            .unwrap_or_else(|e| panic!("{input}: {e}"));
        assert_eq!(r.model.map(|m| m.id()), Some(id), "{input}");
        assert_eq!(r.provider.id(), provider, "{input}");
        assert!(!r.is_pass_through());
    }
    // Errors that are not about pass-through are unchanged.
    assert_eq!(
        strict.resolve("foo:gpt-4o").map_err(|e| e.kind()),
        Err("unknown_provider")
    );
    assert_eq!(strict.resolve("").map_err(|e| e.kind()), Err("empty"));
}

#[test]
fn both_options_together() {
    let strict = Resolver::new()
        .refuse_retired(true)
        .pass_through(false)
        .as_of(day(PINNED));
    assert_eq!(
        strict.resolve("gpt-3.5-turbo").map_err(|e| e.kind()).err(),
        Some("retired")
    );
    assert_eq!(
        strict
            .resolve("openai:gpt-5-preview")
            .map_err(|e| e.kind())
            .err(),
        Some("pass_through_refused")
    );
    assert_eq!(
        strict
            .resolve("gpt-4o")
            .ok()
            .and_then(|r| r.model)
            .map(|m| m.id()),
        Some("gpt-4o")
    );
}

#[test]
fn default_resolver_behaves_like_resolve_model() {
    let inputs = [
        "gpt-4o",
        "GPT-4o-2024-08-06",
        "openai:gpt-4o",
        "openai/gpt-4o",
        "open-ai:gpt-4o",
        "groqcloud:llama-3.3-70b",
        "groq:openai/gpt-oss-20b",
        "meta-llama/llama-3.3-70b-versatile",
        "openai:gpt-5-preview",
        "openrouter:meta-llama/Llama-3.3-70B-Instruct",
        "inceptionlabs:mercury",
        "gpt-3.5-turbo",
        "claude-haiku-3",
        "nano-gpt:gpt-5.2",
        "nano-gpt:openai/gpt-5.2",
        "  claude-opus-4-6  ",
        "gpt-4-o",
        "foo:gpt-4o",
        "openai:llama-3.3-70b",
        "",
        "   ",
        "openai:",
        "openai:\u{7f}bad",
        "groq:gpt-4o",
    ];
    let default = Resolver::default();
    assert_eq!(default, Resolver::new());
    for input in inputs {
        // The same answer, but for the near miss only a `Resolver` reports.
        let mine = default.resolve(input).map(|mut r| {
            r.near_miss = None;
            r
        });
        assert_eq!(mine, resolve_model(input), "{input:?}");
    }
    let long = "x".repeat(model_catalog::MAX_INPUT_LEN + 1);
    assert_eq!(default.resolve(&long), resolve_model(&long));
    assert_eq!(
        default.resolve(&long).map_err(|e| e.kind()).err(),
        Some("too_long")
    );
}

// ---------------------------------------------------------------------------------------------
// Date
// ---------------------------------------------------------------------------------------------

#[test]
fn date_parse_format_and_order() {
    let d = day("2026-09-28");
    assert_eq!((d.year(), d.month(), d.day()), (2026, 9, 28));
    assert_eq!(d.to_string(), "2026-09-28");
    assert_eq!(format!("{d:?}"), "2026-09-28");
    assert_eq!(Date::from_ymd(2026, 9, 28), Some(d));
    assert_eq!(Date::parse("2026-09-28"), Ok(d));
    // Zero-padded output.
    assert_eq!(
        Date::from_ymd(7, 1, 2).map(|d| d.to_string()).as_deref(),
        Some("0007-01-02")
    );

    // Chronological order, across day, month and year boundaries.
    let ordered = [
        "2025-12-31",
        "2026-01-01",
        "2026-01-31",
        "2026-02-01",
        "2026-04-19",
        "2026-04-20",
        "2026-09-27",
        "2026-09-28",
        "2026-11-23",
        "2027-01-01",
    ];
    for w in ordered.windows(2) {
        assert!(day(w[0]) < day(w[1]), "{} < {}", w[0], w[1]);
    }
    assert_eq!(
        day("2026-04-20").cmp(&day("2026-04-20")),
        std::cmp::Ordering::Equal
    );

    // Leap years.
    assert!(Date::from_ymd(2024, 2, 29).is_some());
    assert!(Date::from_ymd(2000, 2, 29).is_some());
    assert!(Date::from_ymd(1900, 2, 29).is_none());
    assert!(Date::from_ymd(2026, 2, 29).is_none());

    for bad in [
        "",
        "2026-9-28",
        "2026/09/28",
        "2026-09-28T00:00:00Z",
        "2026-13-01",
        "2026-00-10",
        "2026-04-31",
        "0000-01-01",
        "September 28, 2026",
        " 2026-09-28",
    ] {
        let e = Date::parse(bad).expect_err(bad);
        assert!(e.to_string().starts_with("invalid date"), "{bad}: {e}");
    }
}

#[test]
fn date_epoch_days() {
    // 1970-01-01 is day 0; 2026-01-01 is 56 years later with 14 leap days
    // (1972, 1976, ..., 2024): 56 * 365 + 14 = 20_454.
    assert_eq!(day("1970-01-01").days_since_epoch(), 0);
    assert_eq!(day("2026-01-01").days_since_epoch(), 20_454);
    // 2026-11-23 is day 326 of 2026 (Jan 31 + Feb 28 + Mar 31 + Apr 30 + May 31 + Jun 30 +
    // Jul 31 + Aug 31 + Sep 30 + Oct 31 = 304, + 23 = 327th day, index 326).
    assert_eq!(day(PINNED).days_since_epoch(), 20_454 + 326);
    assert_eq!(Date::from_days_since_epoch(20_454 + 326), Some(day(PINNED)));
    assert_eq!(day("1969-12-31").days_since_epoch(), -1);
    // Retirement boundaries are one day apart.
    assert_eq!(
        day("2026-09-28").days_since_epoch() - day("2026-09-27").days_since_epoch(),
        1
    );
}

#[test]
fn today_is_sane() {
    let today = Date::today();
    assert!(today.year() >= 2025, "{today}");
    assert!((1..=12).contains(&today.month()));
    assert!((1..=31).contains(&today.day()));
    // It is a real day that round-trips through its text form.
    assert_eq!(Date::parse(&today.to_string()), Ok(today));
}
