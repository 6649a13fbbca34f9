//! The TLS settings of every https connection the client opens, through reqwest and for a
//! request-target sent as written ([`crate::verbatim`]) alike: the certificates an https target
//! may present ([`Trust`]: Mozilla's roots as webpki-root-certs ships them, so runs do not
//! depend on the machine's store, plus `--ca-cert`, or anything under `--insecure`), with ring
//! as the crypto and HTTP/1.1 offered.

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::WebPkiSupportedAlgorithms;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};
use std::sync::Arc;

/// The certificates an https target may present.
#[derive(Debug, Clone)]
pub enum Trust {
    /// One issued under Mozilla's root certificates.
    WebRoots,
    /// One issued under those or under a CA given as PEM (`--ca-cert`).
    AlsoPem(Vec<u8>),
    /// Any certificate, for any host (`--insecure`).
    Anything,
}

/// The client settings that trust what `trust` says; an `Err` says what is wrong with them (a
/// CA file that holds no certificate).
pub fn config(trust: &Trust) -> Result<ClientConfig, String> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ClientConfig::builder_with_provider(provider.clone()).with_safe_default_protocol_versions().map_err(|e| e.to_string())?;
    let mut config = match trust {
        Trust::Anything => builder.dangerous().with_custom_certificate_verifier(Arc::new(AnyCertificate(provider.signature_verification_algorithms))).with_no_client_auth(),
        Trust::WebRoots | Trust::AlsoPem(_) => {
            let mut roots = RootCertStore::empty();
            roots.add_parsable_certificates(webpki_root_certs::TLS_SERVER_ROOT_CERTS.iter().cloned());
            if let Trust::AlsoPem(pem) = trust {
                let extra: Vec<CertificateDer> = CertificateDer::pem_slice_iter(pem).collect::<Result<_, _>>().map_err(|e| format!("not a PEM certificate: {e}"))?;
                if extra.is_empty() {
                    return Err("holds no PEM certificate (-----BEGIN CERTIFICATE-----)".into());
                }
                roots.add_parsable_certificates(extra);
            }
            builder.with_root_certificates(roots).with_no_client_auth()
        }
    };
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(config)
}

/// `--insecure`: any certificate, for any host, as long as the handshake's signatures hold.
#[derive(Debug)]
struct AnyCertificate(WebPkiSupportedAlgorithms);

impl ServerCertVerifier for AnyCertificate {
    fn verify_server_cert(&self, _: &CertificateDer<'_>, _: &[CertificateDer<'_>], _: &ServerName<'_>, _: &[u8], _: UnixTime) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(&self, message: &[u8], cert: &CertificateDer<'_>, signature: &DigitallySignedStruct) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, signature, &self.0)
    }

    fn verify_tls13_signature(&self, message: &[u8], cert: &CertificateDer<'_>, signature: &DigitallySignedStruct) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, signature, &self.0)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_schemes()
    }
}
