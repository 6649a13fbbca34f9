//! `harness fuzz`.

use super::{AppUrl, Connection, RUNNER, TARGET, Usage, check_target_url, reference_config};
use crate::diff::Pair;
use crate::embedded::Embedded;
use crate::evidence::shell_quote;
use crate::fuzz::check::Servers;
use crate::fuzz::space::Space;
use crate::fuzz::{self, Settings};
use crate::waits::Time;
use clap::Args;
use std::collections::BTreeMap;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Args)]
#[command(after_help = "\
What is left out: routes whose code expires cached answers (a call of revalidatePath, \
revalidateTag, updateTag or res.revalidate in their source). Every request goes to the reference twice and \
to the target once, so such a request would leave the two servers' caches in different states and every \
later answer could differ for that alone. The routes left out are listed at the start of a run.

Exit status: 0 when no difference was found, 1 when one was (and was seen again on its minimal \
request) or a server gives no answer, 2 for bad usage.")]
pub(super) struct FuzzArgs {
    /// Base URL of the side taken as the reference, typically a real `next start`; each request
    /// is sent to it twice to learn what is noise. Repeat it as `APP=URL` for the other fixture
    /// apps.
    #[arg(long, alias = "a", value_name = "[APP=]URL", value_parser = AppUrl::parse, required = true, help_heading = TARGET)]
    reference: Vec<AppUrl>,
    /// Base URL of the server under test; repeat it as `APP=URL`. Without it, the reference
    /// server runs in-process for each app `--reference` names.
    #[arg(long, alias = "b", value_name = "[APP=]URL", value_parser = AppUrl::parse, help_heading = TARGET)]
    target: Vec<AppUrl>,
    /// How many requests to generate (shrinking a difference sends more).
    #[arg(long, value_name = "N", default_value_t = 500, help_heading = RUNNER)]
    requests: usize,
    /// The seed of the generated requests: the same seed makes the same requests.
    #[arg(long, value_name = "S", default_value_t = 1, help_heading = RUNNER)]
    seed: u64,
    /// Stop generating and shrinking after this many seconds.
    #[arg(long, value_name = "SECS", default_value_t = 300.0, help_heading = RUNNER)]
    time: f64,
    /// The Next.js version the in-process reference server mimics (without `--target`).
    #[arg(long, value_name = "V", default_value = reference_server::DEFAULT_NEXT_VERSION, help_heading = TARGET)]
    next_version: semver::Version,
    #[command(flatten)]
    connection: Connection,
}

pub(super) async fn fuzz(args: FuzzArgs) -> Result<ExitCode, Usage> {
    if !(args.time > 0.0 && args.time.is_finite()) {
        return Err(Usage::new("--time must be a positive number of seconds"));
    }
    if args.requests == 0 {
        return Err(Usage::new("--requests must be at least 1"));
    }
    check_apps("--reference", &args.reference)?;
    check_apps("--target", &args.target)?;
    let client = args.connection.client()?;
    let given: Vec<AppUrl> = args.reference.iter().chain(&args.target).cloned().collect();
    if let Err(line) = super::preflight::ask_targets(&client, &given).await {
        eprintln!("{line}");
        return Ok(ExitCode::from(1));
    }
    let a: BTreeMap<String, String> = args.reference.iter().map(|u| (u.app.clone(), u.url.clone())).collect();
    let mut embedded = Vec::new();
    let start = |app: &str| {
        let config = reference_config(app, None, args.next_version.clone());
        async move { Embedded::start(&config?).await.map_err(|e| Usage::new(e.to_string())) }
    };
    let mut b: BTreeMap<String, String> = args.target.iter().map(|u| (u.app.clone(), u.url.clone())).collect();
    if args.target.is_empty() {
        for app in a.keys() {
            let server = start(app).await?;
            b.insert(app.clone(), server.url.clone());
            embedded.push(server);
        }
    }
    let apps: Vec<String> = a.keys().filter(|app| b.contains_key(*app)).cloned().collect();
    if apps.is_empty() {
        return Err(Usage::new("--reference and --target name no fixture app in common"));
    }
    // Two builds of each app, to learn the values that differ from build to build.
    let mut builds = BTreeMap::new();
    for app in &apps {
        let (one, two) = (start(app).await?, start(app).await?);
        builds.insert(app.clone(), [one.url.clone(), two.url.clone()]);
        embedded.extend([one, two]);
    }
    let cases = spec::load_dir(&crate::default_cases_dir()).unwrap_or_default();
    let space = Space::read(&apps, &cases, &args.next_version).map_err(|e| Usage::new(e.to_string()))?;
    let settings = Settings { requests: args.requests, seed: args.seed, time: Duration::from_secs_f64(args.time) };
    // A is not the reference server's: the ticks pass on the system clock.
    let servers = Servers { pair: Pair { a, b }, builds, time: Time::Real };
    eprintln!("fuzz: {} requests at most, seed {}, {:.0} s at most", settings.requests, settings.seed, args.time);
    let findings = fuzz::fuzz(&client, &servers, &space, &settings, &|cause| eprintln!("fuzz: found {cause}; shrinking")).await;
    for server in embedded {
        server.stop().await;
    }
    print!("{}", fuzz::report::render(&findings, &space, &replay(&args)));
    Ok(if findings.confirmed().next().is_some() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Each URL an http(s) base URL, each app given once and one of the bundled apps.
fn check_apps(option: &str, urls: &[AppUrl]) -> Result<(), Usage> {
    let known: Vec<&str> = reference_server::APPS.iter().map(|set| set.app).collect();
    for (index, target) in urls.iter().enumerate() {
        check_target_url(option, &target.url)?;
        if urls[..index].iter().any(|earlier| earlier.app == target.app) {
            return Err(Usage::new(format!("{option}: the app `{}` is given twice", target.app)));
        }
        if !known.contains(&target.app.as_str()) {
            return Err(Usage::new(format!("{option}: no fixture app is named `{}` (apps: {})", target.app, known.join(", "))));
        }
    }
    Ok(())
}

/// The command line that repeats this run.
fn replay(args: &FuzzArgs) -> String {
    let sides = |option: &str, urls: &[AppUrl]| urls.iter().map(|u| format!(" {option} {}", shell_quote(&u.show()))).collect::<String>();
    let mut line = format!("harness fuzz{}{} --requests {} --seed {}", sides("--reference", &args.reference), sides("--target", &args.target), args.requests, args.seed);
    if args.target.is_empty() && args.next_version.to_string() != reference_server::DEFAULT_NEXT_VERSION {
        line.push_str(&format!(" --next-version {}", args.next_version));
    }
    for word in args.connection.replay_words() {
        line.push(' ');
        line.push_str(&word);
    }
    line
}
