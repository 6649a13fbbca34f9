//! A protected deployment on loopback: a TLS server with a certificate made for the test by its
//! own CA, which lets a request through to an upstream HTTP server only when it carries a
//! given header, and answers 401 otherwise. A request that passes goes upstream byte for byte
//! but for that header, which the gate takes off as a protection layer consumes its token (the
//! harness sends one request per connection), so the answers are the upstream's exactly.

use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair};
use std::sync::{Arc, Mutex};
use std::time::Instant;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::ServerConfig;
use tokio_rustls::rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};

pub struct Gate {
    /// `https://127.0.0.1:PORT`
    pub url: String,
    /// The PEM of the CA that issued the gate's certificate.
    pub ca_pem: String,
    /// When each request that carried the header arrived.
    pub passed: Arc<Mutex<Vec<Instant>>>,
    /// How many requests were refused for want of the header.
    pub refused: Arc<Mutex<usize>>,
}

/// Starts a gate on `127.0.0.1:0` in front of `upstream` (`http://HOST:PORT`) that demands the
/// header line `demanded` (`name: value`, compared without regard to case). Call inside a
/// Tokio runtime.
pub async fn start(upstream: &str, demanded: &str) -> Gate {
    let (acceptor, ca_pem) = acceptor();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("https://{}", listener.local_addr().unwrap());
    let upstream = upstream.trim_start_matches("http://").to_owned();
    let demanded = demanded.to_ascii_lowercase();
    let (passed, refused) = (Arc::new(Mutex::new(Vec::new())), Arc::new(Mutex::new(0)));
    let (passed_log, refused_log) = (passed.clone(), refused.clone());
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else { continue };
            // A request or answer in several writes would otherwise wait out delayed ACKs.
            let _ = stream.set_nodelay(true);
            let (acceptor, upstream, demanded) = (acceptor.clone(), upstream.clone(), demanded.clone());
            let (passed, refused) = (passed_log.clone(), refused_log.clone());
            tokio::spawn(async move {
                let Ok(mut tls) = acceptor.accept(stream).await else { return };
                let Some(head) = read_head(&mut tls).await else { return };
                let text = String::from_utf8_lossy(&head).to_ascii_lowercase();
                if !text.split("\r\n").any(|line| line.trim() == demanded) {
                    *refused.lock().unwrap() += 1;
                    let _ = tls.write_all(b"HTTP/1.1 401 Unauthorized\r\ncontent-length: 0\r\nconnection: close\r\n\r\n").await;
                    let _ = tls.shutdown().await;
                    return;
                }
                passed.lock().unwrap().push(Instant::now());
                let Ok(mut up) = TcpStream::connect(&upstream).await else { return };
                let _ = up.set_nodelay(true);
                if up.write_all(&without_line(&head, &demanded)).await.is_ok() {
                    let _ = tokio::io::copy_bidirectional(&mut tls, &mut up).await;
                }
            });
        }
    });
    Gate { url, ca_pem, passed, refused }
}

/// The bytes read up to the end of the request head (and whatever came with them).
async fn read_head(stream: &mut (impl AsyncReadExt + Unpin)) -> Option<Vec<u8>> {
    let mut head = Vec::new();
    let mut chunk = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 || head.len() > 64 * 1024 {
            return None;
        }
        head.extend_from_slice(&chunk[..n]);
    }
    Some(head)
}

/// `head` without its header lines equal to `line` (compared without regard to case).
fn without_line(head: &[u8], line: &str) -> Vec<u8> {
    let end = head.windows(4).position(|w| w == b"\r\n\r\n").map_or(head.len(), |i| i + 2);
    let mut kept = Vec::with_capacity(head.len());
    for field in head[..end].split_inclusive(|b| *b == b'\n') {
        if !String::from_utf8_lossy(field).trim().eq_ignore_ascii_case(line) {
            kept.extend_from_slice(field);
        }
    }
    kept.extend_from_slice(&head[end..]);
    kept
}

/// A TLS acceptor whose certificate (for `127.0.0.1` and `localhost`) a CA made here issued,
/// and that CA's PEM.
fn acceptor() -> (TlsAcceptor, String) {
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params.distinguished_name.push(DnType::CommonName, "conformance test CA");
    let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate().unwrap()).unwrap();
    let key = KeyPair::generate().unwrap();
    let leaf = CertificateParams::new(vec!["127.0.0.1".to_owned(), "localhost".to_owned()]).unwrap().signed_by(&key, &ca).unwrap();
    let private = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
    let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![leaf.der().clone()], private)
        .unwrap();
    (TlsAcceptor::from(Arc::new(config)), ca.pem())
}
