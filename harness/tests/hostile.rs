//! Misbehaving targets: for each, the harness ends the case within its timeout with an
//! `error` (or a `fail` when an answer did arrive), keeps memory bounded, and goes on.

use harness::client::{Client, Settings};
use harness::runner::{run_case, run_cases};
use harness::{Outcome, Target};
use spec::{Capability, Case};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

/// A loopback server whose every connection is handled by `behave`, in its own thread.
fn hostile(behave: fn(TcpStream)) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || behave(stream));
        }
    });
    url
}

fn read_head(stream: &mut TcpStream) {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).is_ok_and(|n| n == 1) {
        head.push(byte[0]);
    }
}

fn never_answers(mut s: TcpStream) {
    read_head(&mut s);
    std::thread::sleep(Duration::from_secs(30));
}

fn closes_mid_headers(mut s: TcpStream) {
    read_head(&mut s);
    let _ = s.write_all(b"HTTP/1.1 200 OK\r\ncontent-ty");
    let _ = s.shutdown(std::net::Shutdown::Both);
}

fn closes_mid_body(mut s: TcpStream) {
    read_head(&mut s);
    let _ = s.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n{\"handler\":");
}

fn garbage_status_line(mut s: TcpStream) {
    read_head(&mut s);
    let _ = s.write_all(b"SMTP ready\r\n\r\n");
}

fn endless_chunked_body(mut s: TcpStream) {
    read_head(&mut s);
    let _ = s.write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n");
    let chunk = format!("{:x}\r\n{}\r\n", 64 * 1024, "a".repeat(64 * 1024));
    while s.write_all(chunk.as_bytes()).is_ok() {}
}

fn content_length_too_long(mut s: TcpStream) {
    read_head(&mut s);
    let _ = s.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 1000\r\n\r\nshort");
    std::thread::sleep(Duration::from_secs(30));
}

fn headers_never_end(mut s: TcpStream) {
    read_head(&mut s);
    let _ = s.write_all(b"HTTP/1.1 200 OK\r\n");
    while s.write_all(b"x-more: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n").is_ok() {}
}

fn redirects_to_itself(mut s: TcpStream) {
    read_head(&mut s);
    let _ = s.write_all(b"HTTP/1.1 307 Temporary Redirect\r\nlocation: /route-handlers/methods/get\r\ncontent-length: 0\r\n\r\n");
}

fn trickles(mut s: TcpStream) {
    read_head(&mut s);
    for byte in b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok" {
        if s.write_all(&[*byte]).is_err() {
            return;
        }
        std::thread::sleep(Duration::from_secs(1));
    }
}

fn get_case() -> Case {
    let id = "app-router/route-handlers/methods/get-export-answers-get";
    let path = harness::default_cases_dir().join(format!("{id}.toml"));
    spec::parse_case(id, &path, &std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn settings() -> Settings {
    Settings { timeout: Duration::from_millis(500), body_cap: 256 * 1024, ..Settings::default() }
}

/// For a target that is to time out: a shorter timeout, which no answer can beat.
fn timing_out() -> Settings {
    Settings { timeout: Duration::from_millis(200), ..settings() }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap()
}

/// Runs the GET case against `url`; a hang beyond 30 s fails the test instead of blocking CI.
fn outcome_against(url: &str, settings: Settings) -> (Outcome, String) {
    let target = Target::new(url, reference_server::default_next_version(), Capability::ALL.into_iter().collect());
    let client = Client::new(settings).unwrap();
    let result = runtime().block_on(async {
        tokio::time::timeout(Duration::from_secs(30), run_case(&client, &target, &get_case())).await.expect("the harness hung")
    });
    (result.outcome, result.message.unwrap_or_default())
}

fn assert_error(behave: fn(TcpStream), says: &str) {
    let (outcome, message) = outcome_against(&hostile(behave), settings());
    assert_eq!(outcome, Outcome::Error, "{message}");
    assert!(message.contains(says), "expected {says:?} in: {message}");
}

fn assert_times_out(behave: fn(TcpStream)) {
    let (outcome, message) = outcome_against(&hostile(behave), timing_out());
    assert_eq!(outcome, Outcome::Error, "{message}");
    assert!(message.contains("timed out"), "expected a timeout in: {message}");
}

#[test]
fn a_target_that_never_answers_times_out() {
    assert_times_out(never_answers);
}

#[test]
fn a_close_in_the_middle_of_the_headers_is_an_error() {
    assert_error(closes_mid_headers, "GET http://127.0.0.1");
}

#[test]
fn a_body_cut_short_is_an_error() {
    assert_error(closes_mid_body, "reading the body");
}

#[test]
fn garbage_instead_of_a_status_line_is_an_error() {
    assert_error(garbage_status_line, "invalid HTTP");
}

#[test]
fn a_content_length_longer_than_the_body_times_out() {
    assert_times_out(content_length_too_long);
}

#[test]
fn headers_that_never_end_are_an_error() {
    let (outcome, message) = outcome_against(&hostile(headers_never_end), settings());
    assert_eq!(outcome, Outcome::Error, "{message}");
}

#[test]
fn a_slow_trickle_times_out() {
    assert_times_out(trickles);
}

#[test]
fn an_endless_body_is_cut_at_the_cap_and_the_cap_is_reported() {
    let (outcome, message) = outcome_against(&hostile(endless_chunked_body), settings());
    assert_eq!(outcome, Outcome::Fail, "{message}");
    assert!(message.contains(&format!("the body was cut at {} bytes", settings().body_cap)), "{message}");
}

#[test]
fn a_redirect_loop_is_not_followed() {
    let (outcome, message) = outcome_against(&hostile(redirects_to_itself), settings());
    assert_eq!(outcome, Outcome::Fail);
    assert!(message.contains("status: expected 200, got 307"), "{message}");
}

#[test]
fn the_run_goes_on_after_a_hostile_target() {
    let cases = spec::load_dir(&harness::default_cases_dir()).unwrap();
    let url = hostile(never_answers);
    let target = Target::new(&url, reference_server::default_next_version(), Capability::ALL.into_iter().collect());
    let results = runtime().block_on(run_cases(&Client::new(timing_out()).unwrap(), &target, &cases, 256));
    assert_eq!(results.len(), cases.len());
    assert!(results.iter().all(|r| matches!(r.outcome, Outcome::Error | Outcome::NotApplicable)));
}
