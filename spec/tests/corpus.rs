//! A corpus of broken case files: each is rejected with a message that names its file, line
//! and column. The messages are snapshots (`cargo insta review` after a deliberate change).

use std::path::Path;

fn diagnostics(dir: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let problems = spec::load_dir(&root.join(dir)).expect_err("every file in the corpus is broken");
    let shown: Vec<String> = problems
        .iter()
        .map(|d| d.to_string().replace(&format!("{}/", root.display()), ""))
        .collect();
    shown.join("\n\n")
}

#[test]
fn every_broken_file_is_located_and_explained() {
    let shown = diagnostics("corpus");
    let files = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")).unwrap().count();
    assert_eq!(shown.matches("\nerror: ").count() + 1, files, "one diagnostic per file:\n{shown}");
    for line in shown.lines().filter(|l| l.trim_start().starts_with("-->")) {
        let location = line.rsplit(".toml:").next().unwrap();
        let parts: Vec<&str> = location.split(':').collect();
        assert!(parts.len() == 2 && parts.iter().all(|p| p.parse::<usize>().is_ok_and(|n| n > 0)), "{line}");
    }
    insta::assert_snapshot!(shown);
}

#[test]
fn one_file_reached_twice_is_a_duplicate() {
    insta::assert_snapshot!(diagnostics("corpus-duplicate"));
}
