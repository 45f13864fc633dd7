//! Runs the `query` example binary (examples/query.rs, `model-catalog query` as a program
//! of its own) and checks its output against the library.
//!
//! Cargo gives tests no path to example binaries, so the binary is looked up next to this
//! test's own executable: `target/<profile>/deps/query_cli-<hash>` runs
//! `target/<profile>/examples/query`. `cargo test --features cli` builds examples; `cargo
//! test --features cli --test query_cli` alone does not, so run `cargo test --features cli`
//! (or `cargo build --features cli --example query`) first. The example needs the `cli`
//! feature, and so does this test.
#![cfg(feature = "cli")]

use model_catalog::{
    lookup_model, models, models_of, Capability, Date, Lifecycle, Price, Query, Sort,
};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::SystemTime;

/// The newest modification time of `path`, or of any file under it.
fn newest_mtime(path: &Path) -> Option<SystemTime> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_dir() {
        return meta.modified().ok();
    }
    std::fs::read_dir(path)
        .ok()?
        .filter_map(|e| newest_mtime(&e.ok()?.path()))
        .max()
}

/// The example binary, built by `cargo test` next to this test's `deps/` directory.
fn example_bin() -> PathBuf {
    let exe = std::env::current_exe().expect("the test executable's path");
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("the test executable lives in target/<profile>/deps/");
    let bin = profile_dir
        .join("examples")
        .join(format!("query{}", std::env::consts::EXE_SUFFIX));
    let built = std::fs::metadata(&bin).and_then(|m| m.modified());
    let Ok(built) = built else {
        panic!(
            "example binary {} not found: run `cargo test --features cli` (which builds \
             examples) or `cargo build --features cli --example query` first; `cargo test \
             --features cli --test query_cli` alone does not build it",
            bin.display()
        );
    };
    // A binary older than its sources would test old code against the new library.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for input in ["examples/query.rs", "build.rs", "src", "crates", "data"] {
        if let Some(t) = newest_mtime(&root.join(input)) {
            assert!(
                t <= built,
                "example binary {} is older than {input}: run `cargo test --features cli` \
                 (which builds examples) or `cargo build --features cli --example query` first",
                bin.display()
            );
        }
    }
    bin
}

fn run(args: &[&str]) -> Output {
    let bin = example_bin();
    Command::new(&bin)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("running {}: {e}", bin.display()))
}

fn stdout_of(args: &[&str]) -> String {
    let out = run(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{args:?} failed: {stderr}");
    assert!(stderr.is_empty(), "{args:?} wrote to stderr: {stderr}");
    String::from_utf8(out.stdout).expect("stdout is UTF-8")
}

/// The JSON objects printed by `args` (which include `--json`), one per line.
fn json_lines(args: &[&str]) -> Vec<Value> {
    stdout_of(args)
        .lines()
        .map(|line| {
            let v: Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{args:?}: line is not JSON ({e}): {line}"));
            assert!(v.is_object(), "{args:?}: not an object: {line}");
            v
        })
        .collect()
}

fn ids(lines: &[Value]) -> Vec<&str> {
    lines
        .iter()
        .map(|v| v["id"].as_str().expect("`id` is a string"))
        .collect()
}

fn lib_ids(q: Query) -> Vec<&'static str> {
    q.run().into_iter().map(|m| m.id()).collect()
}

fn day(s: &str) -> Date {
    s.parse().unwrap()
}

#[test]
fn capability_context_and_price_sort_match_the_library() {
    let lines = json_lines(&[
        "--json",
        "--capability",
        "tools",
        "--capability",
        "vision",
        "--min-context",
        "200000",
        "--sort",
        "input-price",
    ]);
    assert!(!lines.is_empty());
    for v in &lines {
        assert_eq!(v["capabilities"]["tools"], true, "{v}");
        assert_eq!(v["capabilities"]["vision"], true, "{v}");
        let ctx = v["context_window"].as_u64();
        assert!(ctx.is_some_and(|c| c >= 200_000), "{v}");
    }
    let prices: Vec<Option<f64>> = lines
        .iter()
        .map(|v| {
            let p = &v["pricing"]["input"];
            assert!(p.is_null() || p.is_f64() || p.is_u64(), "{v}");
            p.as_f64()
        })
        .collect();
    for w in prices.windows(2) {
        let ordered = match (w[0], w[1]) {
            (Some(a), Some(b)) => a <= b,
            (None, Some(_)) => false,
            (Some(_), None) | (None, None) => true,
        };
        assert!(
            ordered,
            "input prices out of order (nulls last): {prices:?}"
        );
    }
    let expected = lib_ids(
        Query::new()
            .capability(Capability::Tools)
            .capability(Capability::Vision)
            .min_context(200_000)
            .sort(Sort::InputPrice),
    );
    assert_eq!(ids(&lines), expected);
}

#[test]
fn provider_alias_lists_the_home_models() {
    let lines = json_lines(&["--json", "--provider", "groqcloud"]);
    let expected: Vec<&str> = models_of("groq")
        .expect("groq is a provider")
        .into_iter()
        .filter(|m| m.provider_id() == "groq")
        .map(|m| m.id())
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(ids(&lines), expected);
    for v in &lines {
        assert_eq!(v["provider"], "groq", "{v}");
    }
}

#[test]
fn max_input_price_keeps_known_prices_under_the_cap() {
    let lines = json_lines(&["--json", "--max-input-price", "0.5"]);
    assert!(!lines.is_empty());
    for v in &lines {
        let p = v["pricing"]["input"].as_f64();
        assert!(p.is_some_and(|p| p <= 0.5), "{v}");
    }
    let cap: Price = "0.5".parse().unwrap();
    assert_eq!(ids(&lines), lib_ids(Query::new().max_input_price(cap)));
    // The cap excludes something: dearer models and models with no known input price.
    assert!(models().any(|m| m.pricing().input.is_none_or(|p| p > cap)));
}

#[test]
fn active_on_excludes_deprecated_and_retired_models() {
    let model = |id: &str| lookup_model(id).unwrap_or_else(|| panic!("{id} is in the catalog"));
    // gpt-5.2 is active on both days: LiteLLM "gpt-5.2" has no deprecation_date and
    // models.dev gpt-5.2.toml no status (gpt-4o is deprecated now: LiteLLM retires it on
    // 2027-01-14).
    let (gpt35, haiku3, gpt52) = (
        model("gpt-3.5-turbo"),
        model("claude-3-haiku-20240307"),
        model("gpt-5.2"),
    );
    let (late, early) = (day("2026-11-23"), day("2026-01-01"));
    assert!(matches!(
        gpt35.lifecycle_on(late),
        Lifecycle::Retired { .. }
    ));
    assert!(matches!(
        haiku3.lifecycle_on(late),
        Lifecycle::Retired { .. }
    ));
    assert!(matches!(
        gpt35.lifecycle_on(early),
        Lifecycle::Deprecated { .. }
    ));
    assert_eq!(gpt52.lifecycle_on(late), Lifecycle::Active);
    assert_eq!(gpt52.lifecycle_on(early), Lifecycle::Active);

    // Without the filter both are listed, so it is the filter that drops them.
    let all = json_lines(&["--json"]);
    assert!(ids(&all).contains(&"gpt-3.5-turbo"));
    assert!(ids(&all).contains(&"claude-3-haiku-20240307"));

    for (date, d) in [("2026-11-23", late), ("2026-01-01", early)] {
        let lines = json_lines(&["--json", "--active-on", date]);
        let found = ids(&lines);
        assert!(!found.contains(&"gpt-3.5-turbo"), "{date}");
        assert!(!found.contains(&"claude-3-haiku-20240307"), "{date}");
        assert!(found.contains(&"gpt-5.2"), "{date}");
        assert_eq!(found, lib_ids(Query::new().active_on(d)), "{date}");
        for v in &lines {
            assert_eq!(
                v["lifecycle"],
                serde_json::json!({"state": "active"}),
                "{date}: {v}"
            );
        }
    }
}

#[test]
fn usage_errors_exit_2_and_name_the_bad_value() {
    for (args, named) in [
        (&["--capability", "teleport"][..], "teleport"),
        (&["--input-modality", "smell"], "smell"),
        (&["--min-context", "lots"], "lots"),
        (&["--max-input-price", "-1"], "-1"),
        (&["--active-on", "2026-02-30"], "2026-02-30"),
        (&["--sort", "random"], "random"),
        (&["--provider", "nosuch"], "nosuch"),
        (
            &["--min-context", "1", "--min-context", "2"],
            "--min-context",
        ),
        (&["--bogus"], "--bogus"),
        (&["--min-context"], "--min-context"),
        (&["--json", "--min-context"], "--min-context"),
        (&["stray"], "stray"),
    ] {
        let out = run(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?} wrote to stdout");
        let first = stderr.lines().next().unwrap_or_default();
        assert!(
            first.starts_with("error: ") && first.contains(named),
            "{args:?}: first line of stderr should name `{named}`: {stderr}"
        );
        assert!(
            stderr.contains("--help"),
            "{args:?}: does not point to --help: {stderr}"
        );
    }
}

#[test]
fn help_goes_to_stdout() {
    for flag in ["-h", "--help"] {
        let out = stdout_of(&[flag]);
        assert!(out.contains("Usage: query "), "{out}");
        assert!(out.contains("--max-input-price"), "{out}");
        // Every capability name is listed (`query --capability` takes them).
        for c in Capability::ALL {
            assert!(out.contains(c.as_str()), "{flag}: {c} missing: {out}");
        }
    }
}

#[test]
fn table_has_the_header_and_a_gpt_4o_row() {
    let out = stdout_of(&[]);
    let mut lines = out.lines();
    let header: Vec<&str> = lines
        .next()
        .expect("a header")
        .split("  ")
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .collect();
    assert_eq!(
        header[..6],
        [
            "ID",
            "PROVIDER",
            "CONTEXT",
            "OUTPUT",
            "IN $/MTOK",
            "OUT $/MTOK"
        ],
        "{out}"
    );
    let row = lines
        .find(|l| l.starts_with("gpt-4o "))
        .unwrap_or_else(|| panic!("no gpt-4o row: {out}"));
    let cells: Vec<&str> = row.split_whitespace().collect();
    let m = lookup_model("gpt-4o").unwrap();
    let dash = |v: Option<String>| v.unwrap_or_else(|| "-".to_owned());
    let caps: Vec<&str> = m
        .capabilities()
        .filter(|(_, s)| s.known() == Some(true))
        .map(|(c, _)| c.as_str())
        .collect();
    assert_eq!(
        cells,
        [
            "gpt-4o",
            m.provider_id(),
            &dash(m.context_window().map(|c| c.to_string())),
            &dash(m.max_output_tokens().map(|c| c.to_string())),
            &dash(m.pricing().input.map(|p| p.to_string())),
            &dash(m.pricing().output.map(|p| p.to_string())),
            &caps.join(","),
        ],
        "{row}"
    );
    // Every model is listed when no filter is given.
    assert_eq!(out.lines().count(), 1 + models().count());
}

/// Every field of every model, with no filter: the catalog in catalog order, each line the
/// model's JSON shape (its `Serialize`) with `lifecycle` as of today.
#[test]
fn json_fields_match_the_library() {
    // The day may turn (UTC midnight) while the example runs: either day is right.
    let before = Date::today();
    let lines = json_lines(&["--json"]);
    let after = Date::today();
    let expected: Vec<&str> = models().map(|m| m.id()).collect();
    assert_eq!(ids(&lines), expected);
    for (v, m) in lines.iter().zip(models()) {
        let num = |x: Option<u32>| x.map_or(Value::Null, Value::from);
        let price = |p: Option<Price>| p.map_or(Value::Null, |p| Value::from(p.usd_per_mtok()));
        let text = |s: Option<&str>| s.map_or(Value::Null, Value::from);
        assert_eq!(v["name"], m.name(), "{v}");
        assert_eq!(v["provider"], m.provider_id(), "{v}");
        assert_eq!(v["vendor"], text(m.vendor()), "{v}");
        assert_eq!(v["category"], text(m.category()), "{v}");
        assert_eq!(v["context_window"], num(m.context_window()), "{v}");
        assert_eq!(v["max_output_tokens"], num(m.max_output_tokens()), "{v}");
        assert_eq!(v["pricing"]["input"], price(m.pricing().input), "{v}");
        assert_eq!(v["pricing"]["output"], price(m.pricing().output), "{v}");
        let modalities = m.input_modalities().map_or(Value::Null, |ms| {
            ms.iter().map(|x| x.as_str()).collect::<Vec<_>>().into()
        });
        assert_eq!(v["input_modalities"], modalities, "{v}");
        let lifecycle = &v["lifecycle"];
        assert!(
            [before, after]
                .map(|d| serde_json::to_value(m.lifecycle_on(d)).unwrap())
                .contains(lifecycle),
            "{v}"
        );
        let caps = v["capabilities"].as_object().expect("an object");
        assert_eq!(caps.len(), Capability::ALL.len(), "{v}");
        for (c, s) in m.capabilities() {
            let want = s.known().map_or(Value::Null, Value::from);
            assert_eq!(caps.get(c.as_str()), Some(&want), "{}: {c}", m.id());
        }
        // The rest is the model's own JSON shape.
        let mut rest = v.as_object().unwrap().clone();
        rest.remove("lifecycle");
        assert_eq!(
            Value::Object(rest),
            serde_json::to_value(m).unwrap(),
            "{}",
            m.id()
        );
    }
}

/// Standard output whose reader has gone (as when piped into `head`): the example stops
/// quietly, with status 0. The reading end is closed before the example starts, so every
/// write fails with a broken pipe.
#[cfg(unix)]
#[test]
fn closed_stdout_stops_quietly() {
    use std::os::unix::net::UnixStream;
    let bin = example_bin();
    for args in [&["--json"][..], &[], &["--help"]] {
        let (ours, theirs) = UnixStream::pair().unwrap();
        drop(ours);
        let out = Command::new(&bin)
            .args(args)
            .stdout(std::os::fd::OwnedFd::from(theirs))
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
}

/// Any other write error is reported, with status 1 (`/dev/full` refuses every write).
#[cfg(target_os = "linux")]
#[test]
fn failed_write_is_reported() {
    let bin = example_bin();
    for args in [&["--json"][..], &[]] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = Command::new(&bin)
            .args(args)
            .stdout(full)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.starts_with("error: writing standard output: ") && stderr.lines().count() == 1,
            "{args:?}: {stderr}"
        );
    }
}
