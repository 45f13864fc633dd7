//! Swapping the gateway's catalog while requests run: every request is answered by one
//! whole catalog, old or new, and requests that start after the swap see the new one.
//!
//! The old catalog sends `acme-large` to `/acme/v1` as `acme/large-v1` at $1 in and $2 out
//! per million tokens (cost of the mock's 1,000 + 500 tokens: 0.002) and has no provider
//! `beta`. The new one sends it to `/acme2/v1` as `acme/large-v2` at $3 and $4 (0.005) and
//! adds `beta`, serving `beta-chat` as `beta/chat-1`. An answer mixing the two (a new path
//! with an old id, a new id with an old price) would be a torn read.

mod common;

use common::*;
use gateway::{Gateway, COST_HEADER};
use model_catalog::{Catalog, PassThrough};
use serde_json::json;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tokio::sync::mpsc;

fn new_catalog(mock: &str) -> Catalog {
    mock_builder(mock)
        .provider(acme(&format!("{mock}/acme2/v1"), "acme/large-v2", "3", "4"))
        .provider(
            chat_provider("beta", "Beta", &format!("{mock}/beta/v1"))
                .model("beta-chat", "beta/chat-1"),
        )
        .build()
        .unwrap()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seen {
    Old,
    New,
}

/// Which catalog answered a request for `model`; panics on an answer that is neither.
fn seen(model: &str, a: &Answer) -> Seen {
    let answer = (a.status, a.json());
    match model {
        "acme-large" => {
            let got = (
                answer.0,
                answer.1["x_mock_path"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                answer.1["model"].as_str().unwrap_or_default().to_owned(),
                a.header(COST_HEADER).unwrap_or_default().to_owned(),
            );
            let old = (
                200,
                "/acme/v1/chat/completions".to_owned(),
                "acme/large-v1".to_owned(),
                "0.002".to_owned(),
            );
            let new = (
                200,
                "/acme2/v1/chat/completions".to_owned(),
                "acme/large-v2".to_owned(),
                "0.005".to_owned(),
            );
            if got == old {
                Seen::Old
            } else if got == new {
                Seen::New
            } else {
                panic!("a torn answer for {model}: {got:?}")
            }
        }
        "beta:beta-chat" => match answer.0 {
            404 if answer.1["error"]["code"] == "unknown_provider" => Seen::Old,
            200 if answer.1["x_mock_path"] == "/beta/v1/chat/completions"
                && answer.1["model"] == "beta/chat-1" =>
            {
                Seen::New
            }
            _ => panic!("an unexpected answer for {model}: {a:?}"),
        },
        _ => unreachable!(),
    }
}

#[tokio::test]
async fn requests_in_flight_finish_on_the_catalog_they_started_with() {
    let mock = Mock::start().await;
    let gateway = Gateway::new(mock_catalog(&mock.url), config(PassThrough::Always));
    let gw = start(&gateway).await;
    let client = reqwest::Client::new();

    // Three requests the upstream holds until released.
    let mut held = Vec::new();
    for _ in 0..3 {
        let (client, gw) = (client.clone(), gw.clone());
        let mut body = request("acme-large");
        body["x_mock_hold"] = json!(true);
        held.push(tokio::spawn(async move { chat(&client, &gw, &body).await }));
    }
    mock.held(3).await;

    gateway.catalog().store(new_catalog(&mock.url));

    // Requests after the swap see the new catalog...
    assert_eq!(
        seen(
            "acme-large",
            &chat(&client, &gw, &request("acme-large")).await
        ),
        Seen::New
    );
    let a = chat(&client, &gw, &request("beta:beta-chat")).await;
    assert_eq!(seen("beta:beta-chat", &a), Seen::New);
    assert_eq!(
        mock.received().last().unwrap().authorization.as_deref(),
        Some("Bearer beta-test")
    );
    let models = models_text(&gw).await;
    assert!(models.contains(r#""id":"beta-chat""#));

    // ...while those in flight finish on the old one, priced at its prices after the swap.
    mock.release(3);
    for h in held {
        assert_eq!(seen("acme-large", &h.await.unwrap()), Seen::Old);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_swap_under_concurrent_load_is_atomic() {
    const WORKERS: usize = 4;
    const BEFORE: usize = 5; // requests each worker completes before the swap
    const AFTER: usize = 5; // requests each worker starts after the swap
    const CAP: usize = 2_000; // a bound on every loop

    let mock = Mock::start().await;
    let gateway = Gateway::new(mock_catalog(&mock.url), config(PassThrough::Always));
    let gw = start(&gateway).await;
    let client = reqwest::Client::new();
    let stored = Arc::new(AtomicBool::new(false));
    let (ready, mut readiness) = mpsc::unbounded_channel();

    let mut workers = Vec::new();
    for w in 0..WORKERS {
        let (client, gw, stored, ready) =
            (client.clone(), gw.clone(), stored.clone(), ready.clone());
        workers.push(tokio::spawn(async move {
            // (started after the swap, which catalog answered)
            let mut log: Vec<(bool, Seen)> = Vec::new();
            let mut after = 0;
            for i in 0..CAP {
                let model = if (i + w) % 2 == 0 {
                    "acme-large"
                } else {
                    "beta:beta-chat"
                };
                let started_after = stored.load(Ordering::SeqCst);
                let a = chat(&client, &gw, &request(model)).await;
                log.push((started_after, seen(model, &a)));
                if i + 1 == BEFORE {
                    ready.send(()).unwrap();
                }
                after += usize::from(started_after);
                if after == AFTER {
                    return log;
                }
            }
            panic!("worker {w} never saw the swap");
        }));
    }
    for _ in 0..WORKERS {
        readiness.recv().await.unwrap();
    }
    gateway.catalog().store(new_catalog(&mock.url));
    stored.store(true, Ordering::SeqCst);

    for (w, worker) in workers.into_iter().enumerate() {
        let log = worker.await.unwrap();
        assert!(
            log[..BEFORE].iter().all(|&(_, s)| s == Seen::Old),
            "worker {w}: {log:?}"
        );
        for &(started_after, s) in &log {
            if started_after {
                assert_eq!(s, Seen::New, "worker {w}: {log:?}");
            }
        }
        // Once a worker has seen the new catalog it never sees the old one again.
        let first_new = log.iter().position(|&(_, s)| s == Seen::New).unwrap();
        assert!(
            log[first_new..].iter().all(|&(_, s)| s == Seen::New),
            "worker {w}: {log:?}"
        );
    }
}
