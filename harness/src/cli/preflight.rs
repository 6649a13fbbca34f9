//! What `run` and `diff` check before the first case is sent: that every target answers HTTP
//! (asked once, so a server that is down ends the run with one line instead of an error per
//! case) and lets the harness in, and that some selected case applies (a run that tests
//! nothing is not a pass).

use super::AppUrl;
use crate::client::Client;
use crate::target::{NotApplicable, Target};
use spec::Case;
use std::collections::BTreeSet;

/// Asks each target `GET /` once; the first that gives no HTTP answer, or refuses the harness
/// (401, 403, 407), is named with what to do about it.
pub(super) async fn ask_targets(client: &Client, urls: &[AppUrl]) -> Result<(), String> {
    for target in urls {
        let url = &target.url;
        match client.ask(url).await {
            Err(unanswered) if unanswered.certificate => {
                return Err(format!(
                    "error: cannot connect to {url}: {}; trust its CA with --ca-cert FILE, or accept any certificate with --insecure",
                    unanswered.message
                ));
            }
            Err(unanswered) => {
                return Err(format!("error: cannot connect to {url}: {}; is the server running?", unanswered.message));
            }
            Ok(response) if matches!(response.status, 401 | 403 | 407) => {
                let reason = response.reason.as_deref().unwrap_or_default();
                return Err(format!(
                    "error: {url} answers {} {reason} to GET /: it lets no request through; if it is a protected deployment, \
                     send what it asks for with -H 'Name: value' (a bypass token, Authorization)",
                    response.status
                ));
            }
            Ok(_) => {}
        }
    }
    Ok(())
}

/// When no case of `cases` applies to `target`, why not, grouped by reason, with what would
/// make them apply.
pub(super) fn nothing_applies(cases: &[Case], target: &Target) -> Option<String> {
    let reasons: Vec<NotApplicable> = cases.iter().map(|case| target.not_applicable(case)).collect::<Option<_>>()?;
    let (mut versions, mut capabilities, mut apps) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    let (mut by_version, mut by_capability, mut by_app) = (0, 0, 0);
    for reason in &reasons {
        match reason {
            NotApplicable::Version { holds_for, .. } => {
                by_version += 1;
                versions.insert(holds_for.as_str());
            }
            NotApplicable::Capabilities(missing) => {
                by_capability += 1;
                capabilities.extend(missing.iter().map(|c| c.name()));
            }
            NotApplicable::App(app) => {
                by_app += 1;
                apps.insert(app.as_str());
            }
        }
    }
    let join = |set: &BTreeSet<&str>| set.iter().copied().collect::<Vec<_>>().join(", ");
    let mut out = format!("error: none of the {} selected cases applies to the target, so the run would test nothing:", cases.len());
    if by_version > 0 {
        out.push_str(&format!(
            "\n  {by_version} hold for other Next.js versions ({}) than the {} claimed; give the version the target runs with --next-version",
            join(&versions),
            target.next_version
        ));
    }
    if by_capability > 0 {
        out.push_str(&format!(
            "\n  {by_capability} need capabilities the target does not declare ({}); --capabilities lists what it supports",
            join(&capabilities)
        ));
    }
    if by_app > 0 {
        let serve: Vec<String> = apps.iter().map(|app| format!("--target {app}=URL")).collect();
        out.push_str(&format!(
            "\n  {by_app} request fixture apps no --target serves ({}); deploy each (`harness fixture export DIR APP` writes one) and add {}",
            join(&apps),
            serve.join(" ")
        ));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use spec::Capability;

    fn case(id: &str, extra: &str) -> Case {
        let text = format!(
            "title = \"t\"\nbasis = \"observed\"\n{extra}\ndoc = {{ page = \"p\", anchor = \"a\", quote = \"q\" }}\n\
             [[step]]\nrequest = {{ path = \"/\" }}\nexpect.status = 200\n"
        );
        spec::parse_case(id, std::path::Path::new("c.toml"), &text).unwrap()
    }

    fn target(version: &str, capabilities: &[Capability]) -> Target {
        Target::new("http://h", version.parse().unwrap(), capabilities.iter().copied().collect())
    }

    #[test]
    fn says_why_each_case_does_not_apply_and_what_would_make_it() {
        let cases = vec![
            case("a/new", "next = \">=15.0.0\""),
            case("a/pages", "needs = [\"pages-router\"]"),
            case("a/src", "app = \"src-layout\""),
        ];
        let why = nothing_applies(&cases, &target("14.2.0", &[Capability::AppRouter])).unwrap();
        assert!(why.starts_with("error: none of the 3 selected cases applies"), "{why}");
        assert!(why.contains("1 hold for other Next.js versions (>=15.0.0) than the 14.2.0 claimed"), "{why}");
        assert!(why.contains("1 need capabilities the target does not declare (pages-router)"), "{why}");
        assert!(why.contains("1 request fixture apps no --target serves (src-layout); deploy each (`harness fixture export DIR APP` writes one) and add --target src-layout=URL"), "{why}");
    }

    #[test]
    fn one_applicable_case_is_enough() {
        let cases = vec![case("a/new", "next = \">=15.0.0\""), case("a/any", "")];
        assert_eq!(nothing_applies(&cases, &target("14.2.0", &Capability::ALL)), None);
    }
}
