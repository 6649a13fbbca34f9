//! Every case file as its own test, run against the reference server started in-process on
//! `127.0.0.1:0` (one server per fixture app the cases request), once per Next.js release it
//! mimics, on a clock the cases' waits move on (one per release). Trials for the default
//! release are named by case id; the others by `<id>@<version>`. Filter as usual:
//! `cargo test -p harness --test cases -- route-handlers`.
//!
//! The releases just before each minor that changed a behaviour (`BEFORE_A_MINOR_CHANGE`) are
//! checked too, so that `--next-version` of a release between two checked ones is exact; their
//! trials are ignored unless asked for, as CI does: `cargo test -p harness --test cases --
//! --include-ignored`.
//!
//! The reference server is the model of `next start` on an idle machine: a step that may be
//! sent again until it matches (`eventually`) must match it at the first try.

use harness::client::{Client, Settings};
use harness::embedded::Embedded;
use harness::settling::Settling;
use harness::runner::run_case;
use harness::waits::Time;
use harness::{Outcome, Target};
use libtest_mimic::{Arguments, Failed, Trial};
use reference_server::{BEFORE_A_MINOR_CHANGE, CHECKED_NEXT_VERSIONS, Clock, Config, DEFAULT_NEXT_VERSION};
use spec::Capability;
use std::collections::BTreeSet;
use std::process::ExitCode;
use std::sync::Arc;

fn main() -> ExitCode {
    let args = Arguments::from_args();
    let cases = match spec::load_dir(&harness::default_cases_dir()) {
        Ok(cases) => cases,
        Err(problems) => {
            for problem in problems {
                eprintln!("{problem}\n");
            }
            return ExitCode::from(2);
        }
    };
    if cases.is_empty() {
        eprintln!("no case files found in {}", harness::default_cases_dir().display());
        return ExitCode::FAILURE;
    }

    let runtime = Arc::new(tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap());
    let client = Client::new(Settings::default()).unwrap();
    let mut servers = Vec::new();
    let mut trials = Vec::new();
    let apps: BTreeSet<&str> = cases.iter().map(|c| c.app.as_str()).collect();
    let every_release = args.include_ignored || args.ignored;
    for version in CHECKED_NEXT_VERSIONS.into_iter().chain(BEFORE_A_MINOR_CHANGE) {
        let always = CHECKED_NEXT_VERSIONS.contains(&version);
        let next_version: semver::Version = version.parse().unwrap();
        let clock = Clock::driven();
        let mut target = Target {
            apps: Default::default(),
            next_version: next_version.clone(),
            capabilities: Capability::ALL.into_iter().collect(),
            ignored_headers: Vec::new(),
            ranges: Default::default(),
            time: Time::driven(clock.clone()),
        };
        for app in apps.iter().filter(|_| always || every_release) {
            let config = Config { clock: clock.clone(), ..Config::for_app(app, next_version.clone()) };
            let server = runtime.block_on(Embedded::start(&config)).unwrap_or_else(|e| panic!("{e}"));
            target = target.serving(app, &server.url);
            servers.push(server);
        }
        let target = Arc::new(target);
        for case in &cases {
            let name = if version == DEFAULT_NEXT_VERSION { case.id.clone() } else { format!("{}@{version}", case.id) };
            let applicable = target.not_applicable(case).is_none();
            let (runtime, target, client, case) = (runtime.clone(), target.clone(), client.clone(), case.clone());
            let trial = Trial::test(name, move || {
                let result = runtime.block_on(run_case(&client, &target, &case));
                match result.outcome {
                    Outcome::Pass | Outcome::NotApplicable => first_try(&result.settling),
                    _ => Err(Failed::from(harness::console::describe(&case, &result).unwrap_or_default())),
                }
            });
            trials.push(trial.with_ignored_flag(!applicable || !always));
        }
    }
    let conclusion = libtest_mimic::run(&args, trials);
    for server in servers {
        runtime.block_on(server.stop());
    }
    conclusion.exit_code()
}

/// Fails a trial whose `eventually` steps needed more than one try.
fn first_try(settling: &[Settling]) -> Result<(), Failed> {
    match settling.iter().find(|s| s.attempts > 1 || !s.matched) {
        None => Ok(()),
        Some(late) => Err(Failed::from(format!("{late}: the reference server must match at the first try"))),
    }
}
