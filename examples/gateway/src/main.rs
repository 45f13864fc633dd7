//! `gateway [ADDR]`: an OpenAI-compatible gateway on the built-in catalog.
//!
//! - `ADDR` (or `GATEWAY_ADDR`): where to listen, `127.0.0.1:8080` by default.
//! - `GATEWAY_CATALOG`: a JSON file of data documents added to the built-in catalog; read at
//!   start and again on SIGHUP (a bad file leaves the current catalog in place).
//! - `GATEWAY_PASS_THROUGH`: `always`, `aggregators-only` (default) or `never`.
//! - Provider keys: each provider's usual variable (`OPENAI_API_KEY`, `GROQ_API_KEY`, ...).

#![forbid(unsafe_code)]

use gateway::{catalog_from_file, Config, Gateway};
use model_catalog::Catalog;
use std::path::PathBuf;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gateway: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let addr = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("GATEWAY_ADDR").ok())
        .unwrap_or_else(|| "127.0.0.1:8080".to_owned());
    let catalog_file = std::env::var_os("GATEWAY_CATALOG").map(PathBuf::from);
    let catalog = match &catalog_file {
        Some(path) => catalog_from_file(path)?,
        None => Catalog::builtin().clone(),
    };
    let gateway = Gateway::new(catalog.clone(), Config::from_env(&catalog)?);

    #[cfg(unix)]
    if let Some(path) = catalog_file {
        tokio::spawn(reload_on_sighup(gateway.clone(), path));
    }

    if !cfg!(feature = "tls") {
        eprintln!(
            "gateway: built without the `tls` feature, so only http:// upstreams are reachable"
        );
    }
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    eprintln!("gateway: listening on http://{}", listener.local_addr()?);
    axum::serve(listener, gateway.router())
        .with_graceful_shutdown(shutdown())
        .await?;
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM: the server then stops accepting and finishes the requests
/// it has.
async fn shutdown() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

/// Reloads the catalog file on each SIGHUP (`kill -HUP <pid>`).
#[cfg(unix)]
async fn reload_on_sighup(gateway: Gateway, path: PathBuf) {
    use tokio::signal::unix::{signal, SignalKind};
    let Ok(mut hangups) = signal(SignalKind::hangup()) else {
        return;
    };
    while hangups.recv().await.is_some() {
        match gateway.reload(&path) {
            Ok(()) => eprintln!("gateway: catalog reloaded from {}", path.display()),
            Err(e) => eprintln!("gateway: catalog kept, {} not loaded: {e}", path.display()),
        }
    }
}
