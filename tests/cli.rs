//! Runs the `model-catalog` binary (`cli` feature) end to end, one subcommand after the
//! other, and checks what it prints against the library: resolutions, queries, routes and
//! exports are the library's answers in their `Serialize` shapes, validation finds the
//! problems the build's validator and the imports find.
#![cfg(feature = "cli")]

use model_catalog::formats::{
    export_inference_api, export_openai_models, export_openai_models_detailed, import_documents,
    import_openai_models, ImportError, ImportOptions, TargetProvider, INFERENCE_API_MARKUP,
};
use model_catalog::{
    catalog_info, route, Capability, Catalog, Query, Resolver, RoutePolicy, RouteRecord, RouteSort,
    Sort,
};
use serde_json::{json, Value};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_model-catalog");

/// Runs the binary with `args`, feeding it `stdin`.
fn run_with(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("running {BIN}: {e}"));
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn run(args: &[&str]) -> Output {
    run_with(args, b"")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// The standard output of `args`, which must exit with `code`.
fn stdout_with_status(args: &[&str], code: i32) -> String {
    let out = run(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
    text(&out.stdout)
}

/// The lines of standard output as JSON values.
fn json_lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// The value with `key: value` added first, as the CLI's lines put `input`.
fn with_first(key: &str, value: Value, rest: Value) -> Value {
    let mut m = serde_json::Map::new();
    m.insert(key.to_owned(), value);
    m.extend(rest.as_object().expect("an object").clone());
    Value::Object(m)
}

/// A usage error: status 2, nothing on standard output, standard error an `error: ` naming
/// `named` (clap lists missing arguments on the lines after the first).
fn assert_usage_error(args: &[&str], named: &str) {
    let out = run(args);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(out.stdout.is_empty(), "{args:?} wrote to stdout");
    assert!(
        stderr.starts_with("error: ") && stderr.contains(named),
        "{args:?}: should name `{named}`: {stderr}"
    );
}

#[test]
fn help_shows_the_data_date_and_counts() {
    let info = catalog_info();
    for flag in ["-h", "--help"] {
        let help = stdout_with_status(&[flag], 0);
        let as_of = model_catalog::DATA_AS_OF.expect("the built-in data has a date");
        assert!(help.contains(&format!("as of {as_of}")), "{help}");
        for (n, what) in [
            (info.providers, "providers"),
            (info.models, "models"),
            (info.offers, "offers"),
            (info.served_names, "served names"),
        ] {
            assert!(help.contains(&format!("{n} {what}")), "{what}: {help}");
        }
        for sub in [
            "resolve",
            "query",
            "route",
            "models",
            "validate",
            "completions",
        ] {
            assert!(help.contains(sub), "{sub}: {help}");
        }
    }
    let version = stdout_with_status(&["--version"], 0);
    assert_eq!(
        version.trim(),
        format!("model-catalog {}", env!("CARGO_PKG_VERSION"))
    );
    // Without a subcommand: the usage, as an error.
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("Usage: model-catalog"));
}

#[test]
fn resolve_json_is_the_resolution_shape_with_the_input() {
    let inputs = [
        "gpt-4o",
        "GPT-4o-2024-05-13",
        "groqcloud:llama-3.3-70b",
        "openrouter:gpt-oss-120b",
        "openai:gpt-4o-mni",
        "gpt-4-o",
        "foo:gpt-4o",
    ];
    let mut args = vec!["resolve", "--json"];
    args.extend(inputs);
    // Two inputs do not resolve: status 1.
    let out = stdout_with_status(&args, 1);
    let resolver = Resolver::new();
    let lines = json_lines(&out);
    assert_eq!(lines.len(), inputs.len());
    for ((line, v), input) in out.lines().zip(&lines).zip(inputs) {
        assert!(line.starts_with(r#"{"input":"#), "{line}");
        let expected = match resolver.resolve(input) {
            Ok(r) => with_first("input", json!(input), serde_json::to_value(&r).unwrap()),
            Err(e) => json!({"input": input, "error": serde_json::to_value(&e).unwrap()}),
        };
        assert_eq!(v, &expected, "{input}");
    }
    // Facts of the references: LiteLLM's gpt-4o-2024-05-13 is a served name of gpt-4o with
    // 4,096 output tokens at $5 / $15 per million tokens.
    assert_eq!(lines[1]["model"], "gpt-4o");
    assert_eq!(lines[1]["upstream_id"], "gpt-4o-2024-05-13");
    assert_eq!(lines[1]["matched"], "served_name");
    assert_eq!(lines[1]["max_output_tokens"], 4096);
    assert_eq!(lines[1]["pricing"]["input"], 5.0);
    assert_eq!(lines[1]["pricing"]["output"], 15.0);
    assert_eq!(lines[4]["near_miss"], "gpt-4o-mini");
    assert_eq!(lines[5]["error"]["kind"], "unknown_model");
    assert_eq!(lines[5]["error"]["suggestions"][0], "gpt-4o");
    assert_eq!(lines[6]["error"]["kind"], "unknown_provider");

    // Everything resolves: status 0.
    stdout_with_status(&["resolve", "--json", "gpt-4o"], 0);
}

#[test]
fn resolve_reads_standard_input_when_no_model_is_given() {
    // CRLF line ends are stripped, invalid UTF-8 is replaced.
    let out = run_with(
        &["resolve", "--json"],
        b"gpt-4o\r\ngroq:llama-3.3-70b\n\xffbad\n",
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let lines = json_lines(&text(&out.stdout));
    let inputs: Vec<&str> = lines.iter().map(|v| v["input"].as_str().unwrap()).collect();
    assert_eq!(inputs, ["gpt-4o", "groq:llama-3.3-70b", "\u{fffd}bad"]);
    assert_eq!(lines[0]["model"], "gpt-4o");
    assert_eq!(lines[1]["provider"], "groq");
    assert!(lines[2]["error"].is_object());

    // The table: a header and one row per line, the cells the library's answer.
    let out = run_with(&["resolve"], b"gpt-4o\n");
    assert_eq!(out.status.code(), Some(0));
    let table = text(&out.stdout);
    let mut rows = table.lines();
    let header: Vec<&str> = rows.next().unwrap().split_whitespace().collect();
    assert_eq!(header[..3], ["INPUT", "PROVIDER", "MODEL"]);
    let r = model_catalog::resolve_model("gpt-4o").unwrap();
    let retires = r.retires().map_or("-".to_owned(), |d| d.to_string());
    let cells: Vec<&str> = rows.next().unwrap().split_whitespace().collect();
    assert_eq!(
        cells,
        [
            "gpt-4o",
            r.provider.id(),
            r.model.unwrap().id(),
            &r.upstream_id,
            r.matched.as_str(),
            &r.context_window().unwrap().to_string(),
            &r.max_output_tokens().unwrap().to_string(),
            &retires,
        ]
    );
    assert_eq!(rows.next(), None);
}

#[test]
fn query_json_is_the_model_shape_with_its_lifecycle() {
    let day = "2026-11-27";
    let out = stdout_with_status(
        &[
            "query",
            "--json",
            "--capability",
            "reasoning",
            "--sort",
            "context",
            "--active-on",
            day,
        ],
        0,
    );
    let date = day.parse().unwrap();
    let expected = Query::new()
        .capability(Capability::Reasoning)
        .sort(Sort::ContextWindow)
        .active_on(date)
        .run();
    assert!(!expected.is_empty());
    let lines = json_lines(&out);
    assert_eq!(lines.len(), expected.len());
    for (v, m) in lines.iter().zip(expected) {
        let mut want = serde_json::to_value(m).unwrap();
        want["lifecycle"] = serde_json::to_value(m.lifecycle_on(date)).unwrap();
        assert_eq!(v, &want, "{}", m.id());
        assert_eq!(v["lifecycle"]["state"], "active");
    }
    assert_usage_error(&["query", "--capability", "teleport"], "teleport");
}

#[test]
fn route_prints_the_chain_in_order() {
    let args = [
        "route",
        "gpt-oss-120b",
        "--key",
        "groq",
        "--key",
        "openrouter",
        "--sort",
        "price",
        "--price-weights",
        "3:1",
    ];
    let policy = RoutePolicy::new()
        .key("groq")
        .key("openrouter")
        .sort(RouteSort::Price {
            input: 3,
            output: 1,
        });
    let chain = route("gpt-oss-120b", &policy).unwrap();
    assert!(chain.len() >= 2, "{chain:?}");

    // JSON: each route in its shape.
    let out = stdout_with_status(&[&args[..], &["--json"]].concat(), 0);
    let expected: Vec<Value> = chain
        .iter()
        .map(|r| serde_json::to_value(RouteRecord::from(r)).unwrap())
        .collect();
    assert_eq!(json_lines(&out), expected);

    // The table: one row per route, ranked, in the same order.
    let table = stdout_with_status(&args, 0);
    let rows: Vec<(String, String)> = table
        .lines()
        .skip(1)
        .map(|l| {
            let mut cells = l.split_whitespace().map(str::to_owned);
            (cells.next().unwrap(), cells.next().unwrap())
        })
        .collect();
    let want: Vec<(String, String)> = chain
        .iter()
        .enumerate()
        .map(|(i, r)| ((i + 1).to_string(), r.provider.id().to_owned()))
        .collect();
    assert_eq!(rows, want);
}

#[test]
fn route_leaves_out_routes_retired_on_the_active_on_day() {
    // LiteLLM 1.110.2: Vertex's `vertex_ai/openai/gpt-oss-20b-maas` retires 2026-10-21.
    let providers = |args: &[&str]| -> Vec<String> {
        json_lines(&stdout_with_status(args, 0))
            .iter()
            .map(|v| v["provider"].as_str().unwrap().to_owned())
            .collect()
    };
    let all = providers(&["route", "gpt-oss-20b", "--json"]);
    assert!(all.iter().any(|p| p == "vertex"), "{all:?}");
    let live = providers(&[
        "route",
        "gpt-oss-20b",
        "--active-on",
        "2026-11-29",
        "--json",
    ]);
    assert!(!live.iter().any(|p| p == "vertex"), "{live:?}");
    assert_eq!(live.len(), all.len() - 1);
    // Seed 000: gpt-3.5-turbo retires 2026-09-28: no route, each rejection says why.
    let out = stdout_with_status(
        &[
            "route",
            "gpt-3.5-turbo",
            "--active-on",
            "2026-11-29",
            "--json",
        ],
        1,
    );
    let rejected = json_lines(&out);
    assert!(!rejected.is_empty());
    for r in &rejected {
        assert_eq!(r["reason"]["kind"], "retired", "{r}");
        assert_eq!(r["reason"]["since"], "2026-09-28", "{r}");
    }
}

#[test]
fn route_failures() {
    // Every candidate rejected: status 1, the rejections in their shape.
    let args = [
        "route",
        "gpt-oss-120b",
        "--allow",
        "groq",
        "--deny",
        "groq",
        "--json",
    ];
    let out = run(&args);
    assert_eq!(out.status.code(), Some(1));
    let policy = RoutePolicy::new().allow("groq").deny("groq");
    let e = route("gpt-oss-120b", &policy).unwrap_err();
    let expected: Vec<Value> = e
        .rejected()
        .iter()
        .map(|r| serde_json::to_value(r).unwrap())
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(json_lines(&text(&out.stdout)), expected);
    assert!(text(&out.stderr).starts_with("error: no route for `gpt-oss-120b`"));

    // A model that does not resolve: status 1, the library's message.
    let out = run(&["route", "gpt-4-o"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let e = model_catalog::resolve_model("gpt-4-o").unwrap_err();
    assert_eq!(text(&out.stderr), format!("error: {e}\n"));

    // Usage errors, found by clap or after it.
    assert_usage_error(&["route"], "MODEL");
    assert_usage_error(&["route", "gpt-oss-120b", "--prefer", "nosuch"], "nosuch");
    assert_usage_error(
        &["route", "gpt-oss-120b", "--price-weights", "3:1"],
        "--sort price",
    );
    assert_usage_error(
        &["route", "gpt-oss-120b", "--latency", "groq=5"],
        "--sort latency",
    );
    assert_usage_error(
        &[
            "route",
            "gpt-oss-120b",
            "--sort",
            "errors",
            "--error-rate",
            "groq=0.1",
            "--error-rate",
            "GROQ=0.2",
        ],
        "GROQ",
    );
    assert_usage_error(&["route", "gpt-oss-120b", "--max", "0"], "--max");
    assert_usage_error(
        &["route", "gpt-oss-120b", "--param", "chat-completions"],
        "chat-completions",
    );
}

#[test]
fn models_prints_the_exports() {
    let c = Catalog::builtin();
    for (format, export) in [
        ("openai", export_openai_models(c, None)),
        ("openai-detailed", export_openai_models_detailed(c, None)),
        (
            "inference-api",
            export_inference_api(c, INFERENCE_API_MARKUP),
        ),
    ] {
        let out = stdout_with_status(&["models", "--format", format], 0);
        assert_eq!(out, format!("{}\n", export.unwrap()), "{format}");
    }
    let out = stdout_with_status(&["models", "--format", "inference-api", "--markup", "2"], 0);
    let doubled = export_inference_api(c, "2".parse().unwrap()).unwrap();
    assert_eq!(out, format!("{doubled}\n"));
    assert_usage_error(
        &["models", "--format", "openai", "--markup", "2"],
        "--markup",
    );
    assert_usage_error(&["models", "--format", "yaml"], "yaml");
    assert_usage_error(&["models"], "--format");
}

/// A fresh directory for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn validate_checks_a_catalog_directory_as_the_build_does() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let out = stdout_with_status(&["validate", data.to_str().unwrap()], 0);
    let info = catalog_info();
    assert_eq!(
        out,
        format!(
            "{}: valid: {} providers, {} models, {} offers\n",
            data.display(),
            info.providers,
            info.models,
            info.offers
        )
    );

    // A copy of one provider document with two defects: every problem is printed.
    let dir = scratch("broken-dir");
    std::fs::create_dir(dir.join("providers")).unwrap();
    let doc = std::fs::read_to_string(data.join("providers/groq.json")).unwrap();
    let mut v: Value = serde_json::from_str(&doc).unwrap();
    v["models"][0]["context_window"] = json!(0);
    let second_id = v["models"][1]["id"].clone();
    v["models"][2]["id"] = second_id;
    std::fs::write(dir.join("providers/groq.json"), v.to_string()).unwrap();
    let shown = dir.display().to_string();
    let out = run(&["validate", &shown]);
    assert_eq!(out.status.code(), Some(1));
    let docs = model_catalog_build::DataDir {
        path: dir.clone(),
        shown: shown.clone(),
    }
    .read()
    .unwrap();
    let expected: Vec<String> = docs
        .validate()
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(expected.len() >= 2, "{expected:?}");
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().collect::<Vec<_>>(), expected);
    assert!(stdout.contains("context_window"), "{stdout}");
    assert!(stdout.contains("already taken"), "{stdout}");
    assert_eq!(
        text(&out.stderr),
        format!("error: {} problems found\n", expected.len())
    );

    // A directory without providers/: one problem.
    let empty = scratch("empty-dir");
    let out = run(&["validate", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("cannot read"));
    // A file is not a catalog directory.
    assert_usage_error(
        &["validate", data.join("sources.json").to_str().unwrap()],
        "--format",
    );
    assert_usage_error(&["validate"], "PATH");
}

#[test]
fn validate_checks_documents_to_import() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let fixture = |f: &str| fixtures.join(f).to_str().unwrap().to_owned();
    for args in [
        vec!["--format", "inference-api", &fixture("seed002_models.json")],
        vec![
            "--format",
            "openai",
            "--provider",
            "my-proxy",
            &fixture("seed003_detailed.json"),
        ],
        vec![
            "--format",
            "openai",
            "--provider",
            "nano-gpt",
            &fixture("seed003_basic.json"),
        ],
        vec!["--format", "ngrok", &fixture("seed004_page.json")],
    ] {
        let mut all = vec!["validate"];
        all.extend(&args);
        let out = stdout_with_status(&all, 0);
        assert!(out.contains(": valid: adds "), "{args:?}: {out}");
    }

    // The crate's own documents from standard input: every problem of the import.
    let doc = r#"[{"provider": {"id": "internal", "name": "Internal", "key_required": false},
        "models": [{"id": "m1", "name": "M1", "context_window": 0},
                   {"id": "GPT-4o", "name": "Mine"}]}]"#;
    let out = run_with(&["validate", "--format", "documents", "-"], doc.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let Err(ImportError::Catalog(e)) = import_documents(Catalog::builtin(), "-", doc) else {
        panic!("the document is invalid");
    };
    let expected: Vec<String> = e.errors.iter().map(ToString::to_string).collect();
    assert_eq!(expected.len(), 2, "{expected:?}");
    assert_eq!(text(&out.stdout).lines().collect::<Vec<_>>(), expected);

    // A list whose price is negative: the import's error, after the document's name.
    let list = r#"{"object": "list", "data": [{"id": "x", "pricing": {"prompt": -1}}]}"#;
    let out = run_with(
        &["validate", "--format", "openai", "--provider", "groq", "-"],
        list.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let e = import_openai_models(
        Catalog::builtin(),
        list,
        &TargetProvider::existing("groq"),
        &ImportOptions::new(),
    )
    .unwrap_err();
    assert_eq!(text(&out.stdout), format!("-: {e}\n"));

    assert_usage_error(&["validate", "--format", "openai", "-"], "--provider");
    assert_usage_error(
        &["validate", "--format", "ngrok", "--provider", "groq", "-"],
        "--provider",
    );
}

#[test]
fn completions_name_every_subcommand() {
    let subcommands: Vec<String> = model_catalog::cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    assert!(subcommands.len() >= 6, "{subcommands:?}");
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = stdout_with_status(&["completions", shell], 0);
        assert!(script.contains("model-catalog"), "{shell}");
        for sub in &subcommands {
            assert!(script.contains(sub.as_str()), "{shell}: {sub}");
        }
        // The capability names are completed for `--capability`.
        if shell != "powershell" {
            assert!(script.contains(Capability::ALL[0].as_str()), "{shell}");
        }
    }
    assert_usage_error(&["completions", "tcsh"], "tcsh");
}

/// Standard output whose reader has gone (piped into `head`): the output stops quietly and
/// the status is the one the run earns (here 0). Any other write error is reported, with
/// status 1 (`/dev/full` refuses every write).
#[cfg(target_os = "linux")]
#[test]
fn closed_and_failing_standard_output() {
    use std::os::unix::net::UnixStream;
    let runs: [&[&str]; 5] = [
        &["resolve", "gpt-4o", "gpt-5.2"],
        &["query", "--json"],
        &["route", "gpt-oss-120b"],
        &["models", "--format", "openai"],
        &["completions", "bash"],
    ];
    for args in runs {
        let (ours, theirs) = UnixStream::pair().unwrap();
        drop(ours);
        let out = Command::new(BIN)
            .args(args)
            .stdout(std::os::fd::OwnedFd::from(theirs))
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");

        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = Command::new(BIN)
            .args(args)
            .stdout(full)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.starts_with("error: writing standard output: ") && stderr.lines().count() == 1,
            "{args:?}: {stderr}"
        );
    }
}

/// A file name that, printed raw, clears the screen and starts a line of its own.
const HOSTILE_NAME: &str = "ok\x1b[2J\nFAKE: valid: everything.json";
/// The same name as `validate` must print it: control characters escaped.
const HOSTILE_SHOWN: &str = r"ok\u{1b}[2J\u{a}FAKE: valid: everything.json";

#[cfg(unix)]
#[test]
fn validate_escapes_the_paths_it_prints() {
    let dir = scratch("hostile-names");
    let shown_dir = dir.to_str().unwrap().to_owned();
    let hostile = dir.join(HOSTILE_NAME);
    let path = hostile.to_str().unwrap();
    let shown = format!("{shown_dir}/{HOSTILE_SHOWN}");
    let clean = |out: &Output| {
        for stream in [&out.stdout, &out.stderr] {
            assert!(
                !stream.contains(&0x1b),
                "{}",
                String::from_utf8_lossy(stream)
            );
        }
    };

    // A valid document: the `valid` line.
    std::fs::write(
        &hostile,
        r#"[{"provider": {"id": "internal", "name": "Internal", "key_required": false},
            "models": [{"id": "m1", "name": "M1"}]}]"#,
    )
    .unwrap();
    let out = run(&["validate", "--format", "documents", path]);
    clean(&out);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout),
        format!("{shown}: valid: adds 1 provider, 1 model and 0 offers to the built-in catalog\n")
    );

    // A list the import refuses, in each format that names the document before the error.
    std::fs::write(&hostile, r#"{"object": "list", "data": [{"id": 7}]}"#).unwrap();
    for args in [
        &["--format", "openai", "--provider", "my-proxy"][..],
        &["--format", "inference-api"],
        &["--format", "ngrok"],
    ] {
        let mut all = vec!["validate"];
        all.extend(args);
        all.push(path);
        let out = run(&all);
        clean(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stdout = text(&out.stdout);
        assert_eq!(stdout.lines().count(), 1, "{args:?}: {stdout}");
        assert!(
            stdout.starts_with(&format!("{shown}: ")),
            "{args:?}: {stdout}"
        );
    }

    // A file that cannot be read.
    let missing = dir.join("gone\x1b]0;title\x07.json");
    let out = run(&[
        "validate",
        "--format",
        "openai",
        "--provider",
        "my-proxy",
        missing.to_str().unwrap(),
    ]);
    clean(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).starts_with(&format!(
            "{shown_dir}/gone\\u{{1b}}]0;title\\u{{7}}.json: cannot read: "
        )),
        "{}",
        text(&out.stdout)
    );

    // A file given as a catalog directory: the usage error names it escaped.
    let out = run(&["validate", path]);
    clean(&out);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with(&format!(
            "error: `{shown}` is a file, not a catalog directory"
        )),
        "{}",
        text(&out.stderr)
    );

    // A catalog directory with such a name, without providers/.
    let hostile_dir = dir.join("data\x1b[31m\nFAKE");
    std::fs::create_dir(&hostile_dir).unwrap();
    let out = run(&["validate", hostile_dir.to_str().unwrap()]);
    clean(&out);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(
        stdout.starts_with(&format!(
            "{shown_dir}/data\\u{{1b}}[31m\\u{{a}}FAKE/providers: "
        )),
        "{stdout}"
    );
}

#[test]
fn route_figures_refuse_a_provider_given_twice_among_many() {
    // 3,000 distinct --latency flags, then `GROQ` after `groq`: the repeat is found however
    // many flags come before it, and a list without repeats gets past the check (to the
    // unknown provider `p1`, refused by name).
    let mut args: Vec<String> = ["route", "gpt-oss-120b", "--sort", "latency"]
        .map(str::to_owned)
        .to_vec();
    args.extend(["--latency".to_owned(), "groq=5".to_owned()]);
    for i in 1..=3000 {
        args.extend(["--latency".to_owned(), format!("p{i}=1")]);
    }
    let distinct: Vec<&str> = args.iter().map(String::as_str).collect();
    assert_usage_error(&distinct, "unknown provider `p1`");
    let mut repeated = distinct.clone();
    repeated.extend(["--latency", "GROQ=7"]);
    assert_usage_error(&repeated, "--latency: `GROQ` given more than once");
}

#[test]
fn names_from_the_command_line_are_echoed_on_one_line_in_the_order_written() {
    // A right-to-left override (U+202E) would show `evil` reversed after it, a line
    // separator (U+2028) would break the line: both are escaped, as control characters are.
    for (given, shown) in [
        ("a\u{202e}live", r"a\u{202e}live"),
        ("a\u{061c}live", r"a\u{61c}live"),
        ("a\u{2028}b", r"a\u{2028}b"),
        ("a\u{1b}[2Jb", r"a\u{1b}[2Jb"),
    ] {
        let arg = format!("{given}=1");
        assert_usage_error(
            &[
                "route",
                "gpt-oss-120b",
                "--sort",
                "latency",
                "--latency",
                &arg,
            ],
            &format!("unknown provider `{shown}`"),
        );
    }
}

/// `--json` lines are ASCII: an input holding a right-to-left override, ARABIC LETTER MARK, a
/// C1 control (NEL, CSI), a line separator or a character beyond the BMP is echoed as
/// `\uXXXX` escapes, one object per line, and reads back as the exact input.
#[test]
fn json_lines_echo_hostile_input_as_ascii_escapes() {
    let inputs = [
        "a\u{202e}live",
        "a\u{061c}b",
        "a\u{85}b",
        "x\u{9b}2Jy",
        "a\u{2028}b",
        "crab\u{1f980}",
        "del\u{7f}",
    ];
    let mut args = vec!["resolve", "--json"];
    args.extend(inputs);
    let out = run(&args);
    let stdout = text(&out.stdout);
    assert!(stdout.is_ascii(), "{stdout:?}");
    assert!(stdout.contains(r"a\u202elive"), "{stdout}");
    assert!(stdout.contains(r"crab\ud83e\udd80"), "{stdout}");
    let lines = json_lines(&stdout);
    let echoed: Vec<&str> = lines.iter().map(|v| v["input"].as_str().unwrap()).collect();
    assert_eq!(echoed, inputs);
}

/// A usage error quotes the argument it refuses: escaped, like every other echo, whether the
/// argument was taken for a flag (`--x...`) or a value (`--sort`).
#[test]
fn usage_errors_escape_the_arguments_they_quote() {
    for args in [
        vec!["resolve", "--json", "--x\u{202e}\u{1b}]0;pwned\u{7}"],
        vec!["route", "gpt-4o", "--sort", "lat\u{202e}ency\u{85}"],
        vec!["query", "--json", "--capability", "tool\u{202e}"],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains(r"\u{202e}"), "{stderr}");
        assert!(
            !stderr.contains(['\u{202e}', '\u{1b}', '\u{7}', '\u{85}']),
            "{stderr:?}"
        );
    }
    // An argument holding a line break stays on its line: no line of the message is one
    // the argument wrote.
    for args in [
        vec!["query", "--provider", "x\nerror: forged line"],
        vec![
            "route",
            "gpt-4o",
            "--sort",
            "price\r\n2026-01-01 INFO forged",
        ],
        vec!["resolve", "--x\nforged"],
        vec!["route", "gpt-4o", "--sort=price\nforged"],
        // An unknown `--flag=value` is quoted without its value.
        vec!["query", "--x\nerror: forged line=1"],
        vec!["route", "gpt-4o", "--lat\nerror: forged=3"],
        vec!["resolve", "--x\r\nforged"],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains("forged"), "{stderr}");
        for line in stderr.lines().filter(|l| l.contains("forged")) {
            assert!(line.contains(r"\n"), "{args:?}: {line:?} in {stderr:?}");
            assert!(
                !line.starts_with("error: forged") && !line.starts_with("forged"),
                "{stderr:?}"
            );
        }
        assert_eq!(
            stderr.lines().filter(|l| l.starts_with("error:")).count(),
            1,
            "{stderr:?}"
        );
    }
    // An argument that is a line feed alone leaves clap's own lines as they are.
    let out = run(&["query", "\n"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.lines().any(|l| l.starts_with("Usage: ")),
        "{stderr:?}"
    );
    assert_eq!(
        stderr.lines().filter(|l| l.starts_with("error:")).count(),
        1
    );
    // Help is printed as it is.
    let out = run(&["resolve", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("Usage: model-catalog resolve"));
}
