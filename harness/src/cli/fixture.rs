//! `harness fixture export DIR [APP]`: writes a bundled fixture app into a folder, to deploy.

use super::Usage;
use clap::Subcommand;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand)]
pub(super) enum FixtureCommand {
    /// Write a fixture app (with the package.json and lockfile that pin Next.js) into DIR, to
    /// build and deploy as your platform deploys a Next.js app.
    Export {
        /// The folder to write into (made if missing).
        dir: PathBuf,
        /// The fixture app: fixture-app, or one of the smaller apps some cases request.
        #[arg(default_value = spec::case::DEFAULT_APP)]
        app: String,
    },
    /// List the bundled fixture apps.
    List,
}

pub(super) fn fixture(command: &FixtureCommand) -> Result<ExitCode, Usage> {
    match command {
        FixtureCommand::Export { dir, app } => {
            if dir.is_file() {
                return Err(Usage::new(format!("{} is a file; give a folder to write the app into", dir.display())));
            }
            let written = crate::bundle::export_app(app, dir).map_err(Usage::new)?;
            let target = if app == spec::case::DEFAULT_APP { "URL".to_owned() } else { format!("{app}=URL") };
            println!("wrote {app} ({written} files) to {}; build and deploy it, then give it to `harness run --target {target}`", dir.display());
        }
        FixtureCommand::List => {
            for app in crate::bundle::apps() {
                println!("{app}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
