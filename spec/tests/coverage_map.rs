//! The doc coverage map: a map's own errors, the map against the cases, and the bundled map
//! against the bundled cases.

use spec::coverage::{self, Status, Tally, Unobservable};
use spec::{Case, Diagnostic, load_dir};
use std::path::{Path, PathBuf};

const PAGE_TEXT: &str = "# route.js\n\nRoute Handlers allow you to create custom request handlers.\n\n\
## Reference\n\n### HTTP Methods\n\nThe following HTTP methods are supported: `GET`, `POST`.\n\n\
// If `OPTIONS` is not defined, Next.js will automatically implement `OPTIONS`.\n\n\
### Route Context Helper\n\nTypes are generated during `next build`.\n";

const PAGE_MAP: &str = r#"page = "route.js"
url = "https://nextjs.org/docs/app/api-reference/file-conventions/route"
source = "a test page"

[[statement]]
anchor = "http-methods"
claim = "Exported methods answer"
quote = "The following HTTP methods are supported: GET, POST."
cases = ["area/get"]

[[statement]]
anchor = "http-methods"
claim = "OPTIONS is automatic"
quote = "If `OPTIONS` is not defined, Next.js will ... implement `OPTIONS`."
cases = ["area/get"]
open = "no case sends OPTIONS"

[[statement]]
anchor = "http-methods"
claim = "Only these methods"
quote = "supported: `GET`"
open = "no case sends another method"

[[statement]]
anchor = "route-context-helper"
claim = "Types are generated"
quote = "Types are generated during `next build`."
not_observable = "types"
why = "Types leave no trace in an answer."
"#;

fn case_text(basis: &str, anchor: &str, quote: &str) -> String {
    format!(
        "title = \"t\"\nbasis = \"{basis}\"\n\n[doc]\npage = \"route.js\"\nanchor = \"{anchor}\"\nquote = \"{quote}\"\n\n\
         [[step]]\nrequest = {{ path = \"/\" }}\nexpect.status = 200\n"
    )
}

/// A fresh cases folder: the given case files and a map of one page.
fn project(name: &str, map: &str, cases: &[(&str, String)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("spec-coverage-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let map_dir = dir.join(coverage::MAP_DIR);
    std::fs::create_dir_all(&map_dir).unwrap();
    std::fs::write(map_dir.join("route.md"), PAGE_TEXT).unwrap();
    std::fs::write(map_dir.join("route.toml"), map).unwrap();
    for (id, text) in cases {
        let path = dir.join(format!("{id}.toml"));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn good_case() -> (&'static str, String) {
    ("area/get", case_text("documented", "http-methods", "The following HTTP methods are supported"))
}

fn shown(problems: &[Diagnostic]) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}

/// The map's own problems, one map file in the folder.
fn map_problems(name: &str, map: &str) -> Vec<String> {
    let dir = project(name, map, &[]);
    let problems = shown(&coverage::load(&dir.join(coverage::MAP_DIR)).unwrap_err());
    std::fs::remove_dir_all(&dir).unwrap();
    problems
}

/// The problems between the map and the cases, both valid on their own.
fn citation_problems(name: &str, map: &str, cases: &[(&str, String)]) -> Vec<String> {
    let dir = project(name, map, cases);
    let loaded = load_dir(&dir).unwrap();
    let map = coverage::load(&dir.join(coverage::MAP_DIR)).unwrap();
    let problems = shown(&coverage::check(&map, &loaded));
    std::fs::remove_dir_all(&dir).unwrap();
    problems
}

#[test]
fn a_map_loads_with_each_status_and_its_cases_check_out() {
    let dir = project("good", PAGE_MAP, &[good_case()]);
    let cases = load_dir(&dir).unwrap();
    assert_eq!(cases.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["area/get"], "the map's files are no cases");
    let map = coverage::load(&dir.join(coverage::MAP_DIR)).unwrap();
    let statuses: Vec<&Status> = map.pages[0].statements.iter().map(|s| &s.status).collect();
    assert_eq!(
        statuses,
        [
            &Status::Covered,
            &Status::Partly { open: "no case sends OPTIONS".into() },
            &Status::Open { needs: "no case sends another method".into() },
            &Status::NotObservable { kind: Unobservable::Types, why: "Types leave no trace in an answer.".into() },
        ]
    );
    assert_eq!(coverage::tally::per_page(&map).1, Tally { covered: 1, partly: 1, open: 1, not_observable: 1 });
    assert!(coverage::check(&map, &cases).is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_statement_needs_cases_a_reason_or_an_open_note() {
    let bare = PAGE_MAP.replace("open = \"no case sends another method\"\n", "");
    let problems = map_problems("bare", &bare);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].contains("neither cases nor a reason") && problems[0].contains("route.toml:18:1"), "{problems:#?}");

    let no_why = PAGE_MAP.replace("why = \"Types leave no trace in an answer.\"\n", "");
    assert!(map_problems("no-why", &no_why)[0].contains("`not_observable` needs a `why`"));
    let both = PAGE_MAP.replace("not_observable = \"types\"", "not_observable = \"types\"\ncases = [\"area/get\"]");
    assert!(map_problems("both", &both)[0].contains("has no `cases` and is not `open`"));
    let kind = PAGE_MAP.replace("\"types\"", "\"type\"");
    let kind = map_problems("kind", &kind);
    assert!(kind[0].contains("did you mean `types`?"), "{kind:#?}");
    let key = PAGE_MAP.replace("claim = \"Types", "clam = \"Types");
    assert!(map_problems("key", &key)[0].contains("unknown field `clam`"));
}

#[test]
fn a_statement_cites_an_anchor_of_its_page_and_words_of_that_section() {
    let anchor = PAGE_MAP.replacen("anchor = \"http-methods\"", "anchor = \"http-method\"", 1);
    let problems = map_problems("anchor", &anchor);
    assert!(problems[0].contains("page `route.js` has no section `#http-method`, did you mean `http-methods`?"), "{problems:#?}");
    assert!(problems[0].contains("(its anchors: route-js, reference, http-methods, route-context-helper)"), "{problems:#?}");
    assert!(problems[0].contains("route.toml:6:10"), "{problems:#?}");

    let elsewhere = PAGE_MAP.replace("quote = \"Types are generated", "quote = \"Route Handlers allow");
    let elsewhere = elsewhere.replace("during `next build`.\"", "you to create custom request handlers.\"");
    assert!(map_problems("elsewhere", &elsewhere)[0].contains("the quote is not in section `#route-context-helper` but in `#route-js`"));
    let made_up = PAGE_MAP.replace("supported: GET, POST.", "supported: GET, PUT.");
    assert!(map_problems("made-up", &made_up)[0].contains("the quote is not in the text of section `#http-methods`"));
}

#[test]
fn a_page_text_needs_its_statements_and_a_page_is_mapped_once() {
    let dir = project("pair", PAGE_MAP, &[]);
    let map_dir = dir.join(coverage::MAP_DIR);
    std::fs::write(map_dir.join("lonely.md"), PAGE_TEXT).unwrap();
    std::fs::write(map_dir.join("twin.md"), PAGE_TEXT).unwrap();
    std::fs::write(map_dir.join("twin.toml"), PAGE_MAP).unwrap();
    let problems = shown(&coverage::load(&map_dir).unwrap_err());
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(problems.iter().any(|p| p.contains("lonely.md") && p.contains("without its statements")), "{problems:#?}");
    assert!(problems.iter().any(|p| p.contains("page `route.js` is mapped twice")), "{problems:#?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_map_names_only_cases_that_exist() {
    let problems = citation_problems("unknown-case", &PAGE_MAP.replacen("[\"area/get\"]", "[\"area/got\"]", 1), &[good_case()]);
    assert!(problems.iter().any(|p| p.contains("no case `area/got` in the cases folder") && p.contains("route.toml:9:10")), "{problems:#?}");
}

#[test]
fn a_case_cites_a_mapped_page_one_of_its_anchors_and_words_of_that_section() {
    let page = case_text("observed", "http-methods", "supported").replace("\"route.js\"", "\"route.ts\"");
    let problems = citation_problems("page", PAGE_MAP, &[good_case(), ("area/page", page)]);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].contains("`route.ts` is not a page of the doc coverage map, did you mean `route.js`?"), "{problems:#?}");
    assert!(problems[0].contains("nearest section of a mapped page") && problems[0].contains("page.toml:5:1"), "{problems:#?}");

    let anchor = case_text("observed", "methods", "supported");
    let problems = citation_problems("case-anchor", PAGE_MAP, &[good_case(), ("area/anchor", anchor)]);
    assert!(problems[0].contains("has no section `#methods`") && problems[0].contains("anchor.toml:6:1"), "{problems:#?}");

    let quote = case_text("observed", "route-context-helper", "The following HTTP methods are supported");
    let problems = citation_problems("case-quote", PAGE_MAP, &[good_case(), ("area/quote", quote)]);
    assert!(problems[0].contains("not in section `#route-context-helper` but in `#http-methods`"), "{problems:#?}");
}

#[test]
fn a_documented_case_is_listed_by_a_statement_of_its_page() {
    let unlisted = case_text("documented", "http-methods", "supported");
    let observed = case_text("observed", "http-methods", "supported");
    let problems = citation_problems("unlisted", PAGE_MAP, &[good_case(), ("area/unlisted", unlisted), ("area/observed", observed)]);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].contains("documented case is listed by no statement of page `route.js`") && problems[0].contains("unlisted.toml:2:1"), "{problems:#?}");
}

/// The bundled map and cases, as CI checks them.
fn bundled() -> (coverage::Map, Vec<Case>) {
    let cases_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../cases");
    let cases = load_dir(&cases_dir).unwrap_or_else(|problems| panic!("{:#?}", shown(&problems)));
    let map = coverage::load(&cases_dir.join(coverage::MAP_DIR)).unwrap_or_else(|problems| panic!("{}", shown(&problems).join("\n\n")));
    (map, cases)
}

#[test]
fn the_bundled_map_and_cases_agree() {
    let (map, cases) = bundled();
    let problems = shown(&coverage::check(&map, &cases));
    assert!(problems.is_empty(), "{}\n\n{} problem(s)", problems.join("\n\n"), problems.len());
    let (pages, total) = coverage::tally::per_page(&map);
    assert!(pages.len() >= 24 && pages.iter().all(|(_, tally)| tally.statements() > 0), "{pages:?}");
    assert!(total.covered >= 150, "{total:?}");
}
