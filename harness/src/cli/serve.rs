//! `harness serve`: the reference server alone on a loopback port, as a run starts it; with
//! `--inject-fault`, behind a fault proxy on that port; with `--target URL` too, the fault proxy
//! alone in front of another server. A report's `curl` replays print the command that starts
//! the server they address.

use super::{AppUrl, TARGET, Usage, check_target_url, reference_config};
use crate::client::{Client, Settings, Trust};
use crate::faults::Fault;
use crate::faults::proxy::Proxy;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Args)]
pub(super) struct ServeArgs {
    /// Loopback port to listen on (0 picks a free one).
    #[arg(long, default_value_t = 3000)]
    port: u16,
    /// The Next.js version to mimic.
    #[arg(long, value_name = "V", default_value = reference_server::DEFAULT_NEXT_VERSION, help_heading = TARGET)]
    next_version: semver::Version,
    /// The bundled fixture app to serve: fixture-app, or one of the smaller apps
    /// (`harness fixture list`).
    #[arg(long, value_name = "NAME", default_value = spec::case::DEFAULT_APP, help_heading = TARGET)]
    app: String,
    /// Serve this folder with fixture-app's mirrors [default: the bundled fixture-app]
    #[arg(long, value_name = "DIR", help_heading = TARGET)]
    fixture_app: Option<PathBuf>,
    /// Break every answer in this way, as `harness run --inject-fault` does.
    #[arg(long, value_name = "FAULT", value_parser = Fault::parse, help_heading = TARGET)]
    inject_fault: Option<Fault>,
    /// With --inject-fault: put the fault proxy in front of this server instead of the
    /// reference server.
    #[arg(long, value_name = "URL", requires = "inject_fault", conflicts_with_all = ["app", "fixture_app"], help_heading = TARGET)]
    target: Option<String>,
    /// For an https --target: accept any certificate (curl's -k).
    #[arg(short = 'k', long, requires = "target", help_heading = TARGET)]
    insecure: bool,
    /// For an https --target: trust the CA certificates in this PEM file too.
    #[arg(long, value_name = "FILE", requires = "target", conflicts_with = "insecure", help_heading = TARGET)]
    ca_cert: Option<PathBuf>,
}

pub(super) async fn serve(args: ServeArgs) -> Result<ExitCode, Usage> {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", args.port)).await.map_err(|e| {
        Usage::new(format!("cannot listen on 127.0.0.1:{}: {e}; stop what listens there, or give another --port", args.port))
    })?;
    let address = listener.local_addr().map_err(|e| Usage::new(e.to_string()))?;
    let interrupted = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    match (&args.inject_fault, &args.target) {
        (Some(fault), Some(url)) => {
            let upstream = AppUrl::parse(url).map_err(Usage::new)?;
            check_target_url("--target", &upstream.url)?;
            let trust = match (&args.ca_cert, args.insecure) {
                (_, true) => Trust::Anything,
                (Some(path), false) => Trust::AlsoPem(std::fs::read(path).map_err(|e| Usage::new(format!("--ca-cert {}: {e}", path.display())))?),
                (None, false) => Trust::WebRoots,
            };
            let proxy = start_proxy(listener, &upstream.url, fault, trust)?;
            println!("fault {fault} in front of {} on http://{address}\n(Ctrl-C stops it)", upstream.url);
            interrupted.await;
            proxy.stop();
        }
        (fault, _) => {
            let config = reference_config(&args.app, args.fixture_app.clone(), args.next_version.clone())?;
            let app = reference_server::App::load(&config).map_err(|e| Usage::new(format!("reference server: {e}")))?;
            let (listener, proxy) = match fault {
                None => (listener, None),
                Some(fault) => {
                    let inner = tokio::net::TcpListener::bind("127.0.0.1:0").await.map_err(|e| Usage::new(format!("cannot listen on 127.0.0.1:0: {e}")))?;
                    let inner_url = format!("http://{}", inner.local_addr().map_err(|e| Usage::new(e.to_string()))?);
                    (inner, Some(start_proxy(listener, &inner_url, fault, Trust::WebRoots)?))
                }
            };
            let behind = fault.as_ref().map(|f| format!(" behind fault {f}")).unwrap_or_default();
            println!("reference server ({}, Next.js {}){behind} on http://{address}\n(Ctrl-C stops it)", config.app, config.next_version);
            reference_server::run(listener, Arc::new(app), interrupted).await.map_err(|e| Usage::new(format!("reference server: {e}")))?;
            if let Some(proxy) = proxy {
                proxy.stop();
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn start_proxy(listener: tokio::net::TcpListener, upstream: &str, fault: &Fault, trust: Trust) -> Result<Proxy, Usage> {
    let client = Client::new(Settings { trust, ..Settings::default() }).map_err(|e| Usage::new(format!("cannot make an HTTP client: {e}")))?;
    Proxy::start_on(listener, upstream, fault.clone(), client).map_err(|e| Usage::new(format!("cannot start the fault proxy: {e}")))
}
