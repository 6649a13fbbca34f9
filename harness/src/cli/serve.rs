//! `harness serve`.

use super::{Usage, reference_config};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub(super) struct ServeArgs {
    /// Loopback port to listen on (0 picks a free one).
    #[arg(long, default_value_t = 3000)]
    port: u16,
    /// The Next.js version to mimic.
    #[arg(long, value_name = "V", default_value = reference_server::DEFAULT_NEXT_VERSION)]
    next_version: semver::Version,
    /// The bundled fixture app to serve: fixture-app, or a folder name under fixture-apps/.
    #[arg(long, value_name = "NAME", default_value = spec::case::DEFAULT_APP)]
    app: String,
    /// Serve this folder with fixture-app's mirrors [default: the bundled fixture-app/]
    #[arg(long, value_name = "DIR")]
    fixture_app: Option<PathBuf>,
}

pub(super) async fn serve(args: ServeArgs) -> Result<ExitCode, Usage> {
    let config = reference_config(&args.app, args.fixture_app, args.next_version);
    let app = reference_server::App::load(&config).map_err(|e| Usage(format!("reference server: {e}")))?;
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", args.port))
        .await
        .map_err(|e| Usage(format!("cannot listen on 127.0.0.1:{}: {e}", args.port)))?;
    let address = listener.local_addr().map_err(|e| Usage(e.to_string()))?;
    println!("reference server ({}, Next.js {}) on http://{address}", config.app, config.next_version);
    let interrupted = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    reference_server::run(listener, std::sync::Arc::new(app), interrupted)
        .await
        .map_err(|e| Usage(format!("reference server: {e}")))?;
    Ok(ExitCode::SUCCESS)
}
