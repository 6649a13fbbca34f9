//! The reference server under odd and hostile requests: it answers cleanly (as Next.js does,
//! or with a 4xx), never panics, and keeps serving other clients.

use proptest::prelude::*;
use reference_server::{App, Config, ParamValue, Router, Segment, decode_component};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// One server for the whole file, on its own runtime thread.
fn server() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
            runtime.block_on(async {
                let app = Arc::new(App::load(&Config::default()).unwrap());
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                tx.send(listener.local_addr().unwrap().to_string()).unwrap();
                reference_server::run(listener, app, std::future::pending()).await.unwrap();
            });
        });
        rx.recv().unwrap()
    })
}

/// Sends raw bytes on a fresh connection and returns everything the server sends back.
fn raw(request: &[u8]) -> String {
    let mut stream = TcpStream::connect(server()).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    stream.write_all(request).unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

fn status_of(answer: &str) -> u16 {
    answer.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0)
}

fn get(path: &str) -> u16 {
    status_of(&raw(format!("GET {path} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n").as_bytes()))
}

fn still_serves() {
    assert_eq!(get("/route-handlers/methods/get"), 200, "the server stopped serving");
}

#[test]
fn malformed_request_lines_get_a_400() {
    for line in [&b"GARBAGE\r\n\r\n"[..], b"GET\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"\x00\x01\x02\r\n\r\n", b"GET /a b c HTTP/1.1\r\n\r\n"] {
        let answer = raw(line);
        let status = status_of(&answer);
        assert!(answer.is_empty() || (400..500).contains(&status), "{line:?} -> {answer:?}");
    }
    still_serves();
}

#[test]
fn bad_percent_encoding_and_raw_bytes_in_paths_are_answered() {
    // Next.js answers these with its error page (400, or 500 in a 16 app without pages/).
    assert!(matches!(get("/route-handlers/params/team/%zz"), 400 | 500));
    assert!(matches!(get("/route-handlers/params/team/%C3"), 400 | 500));
    assert_eq!(get("/%zz/%"), 404);
    let raw_byte = raw(b"GET /route-handlers/params/team/\xff HTTP/1.1\r\nhost: x\r\n\r\n");
    assert_eq!(status_of(&raw_byte), 400, "{raw_byte}");
    still_serves();
}

#[test]
fn dot_segments_never_escape_the_app() {
    for path in ["/../../etc/passwd", "/route-handlers/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc/passwd", "/..\\..\\etc\\passwd"] {
        let answer = raw(format!("GET {path} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n").as_bytes());
        assert!(!answer.contains("root:"), "{path} -> {answer}");
        assert!(matches!(status_of(&answer), 400 | 404 | 308), "{path} -> {answer}");
    }
    still_serves();
}

#[test]
fn oversized_headers_are_refused_cleanly() {
    let big = "a".repeat(1024 * 1024);
    let answer = raw(format!("GET / HTTP/1.1\r\nhost: x\r\nx-big: {big}\r\n\r\n").as_bytes());
    assert!(answer.is_empty() || (400..500).contains(&status_of(&answer)), "{}", &answer[..answer.len().min(200)]);
    still_serves();
}

#[test]
fn many_concurrent_connections_are_all_answered() {
    let clients: Vec<_> = (0..200).map(|_| std::thread::spawn(|| get("/route-handlers/params/team/1"))).collect();
    for client in clients {
        assert_eq!(client.join().unwrap(), 200);
    }
}

#[test]
fn a_slow_client_does_not_hold_up_others() {
    let mut slow = TcpStream::connect(server()).unwrap();
    slow.write_all(b"GET /route-handlers/methods/get HTTP/1.1\r\nhost").unwrap();
    still_serves();
    drop(slow);
}

fn router() -> Router {
    let mut router = Router::default();
    router.insert(&[Segment::Static("a".into()), Segment::Dynamic("id".into())], 0).unwrap();
    router.insert(&[Segment::Static("a".into()), Segment::Static("b".into())], 1).unwrap();
    router.insert(&[Segment::Static("docs".into()), Segment::OptionalCatchAll("rest".into())], 2).unwrap();
    router.insert(&[Segment::CatchAll("all".into())], 3).unwrap();
    router
}

/// Percent-encodes every byte that is not unreserved, as a client would.
fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b"-._~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

proptest! {
    #[test]
    fn decoding_never_panics(raw in ".*") {
        let _ = decode_component(&raw);
    }

    #[test]
    fn decoding_undoes_percent_encoding(value in "\\PC*") {
        prop_assert_eq!(decode_component(&encode(&value)), Some(value));
    }

    #[test]
    fn matching_never_panics_and_params_never_panic(path in "(/[^/?#]{0,8}){0,6}") {
        if let Some(matched) = router().find(&path) {
            let _ = matched.params();
        }
    }

    #[test]
    fn a_dynamic_param_arrives_as_it_was_sent(value in "\\PC{1,16}") {
        prop_assume!(value != "b");
        let matched = router().find(&format!("/a/{}", encode(&value))).unwrap();
        prop_assert_eq!(matched.route, 0);
        let params = matched.params().unwrap().unwrap();
        prop_assert_eq!(params.get("id"), Some(&ParamValue::One(value)));
    }
}

#[test]
fn a_bounded_load_is_served_without_errors() {
    const THREADS: usize = 16;
    const REQUESTS_EACH: usize = 125;
    let paths = ["/route-handlers/responses/json", "/route-handlers/params/team/1", "/api/methods", "/robots.txt"];
    let workers: Vec<_> = (0..THREADS)
        .map(|t| {
            std::thread::spawn(move || (0..REQUESTS_EACH).filter(|i| get(paths[(t + i) % paths.len()]) != 200).count())
        })
        .collect();
    let errors: usize = workers.into_iter().map(|w| w.join().unwrap()).sum();
    assert_eq!(errors, 0, "{errors} of {} requests failed", THREADS * REQUESTS_EACH);
}

#[test]
fn an_oversized_body_is_refused_and_the_server_goes_on() {
    let size = 33 * 1024 * 1024;
    let mut stream = TcpStream::connect(server()).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let head = format!("POST /route-handlers/request/text HTTP/1.1\r\nhost: x\r\ncontent-length: {size}\r\nconnection: close\r\n\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    // The server may answer and close before the whole body is sent.
    let chunk = vec![b'a'; 1024 * 1024];
    for _ in 0..33 {
        if stream.write_all(&chunk).is_err() {
            break;
        }
    }
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.is_empty() || status_of(&answer) == 413, "{}", &answer[..answer.len().min(200)]);
    still_serves();
}

#[test]
fn a_body_the_route_never_reads_does_not_cost_the_client_its_answer() {
    // Closing a connection with unread bytes makes the kernel reset it, and a reset throws
    // away an answer the client has not read yet.
    for method in ["GET", "HEAD", "POST"] {
        let size = 1024 * 1024 + 1;
        let mut stream = TcpStream::connect(server()).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let head = format!("{method} /robots.txt HTTP/1.1\r\nhost: x\r\ncontent-length: {size}\r\nconnection: close\r\n\r\n");
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(&vec![b'a'; size]).unwrap();
        std::thread::sleep(Duration::from_millis(200));
        let mut answer = Vec::new();
        let read = stream.read_to_end(&mut answer);
        let answer = String::from_utf8_lossy(&answer);
        assert!(read.is_ok() && status_of(&answer) != 0, "{method}: {read:?} {}", &answer[..answer.len().min(200)]);
    }
    still_serves();
}
