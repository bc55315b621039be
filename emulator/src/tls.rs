//! HTTPS for clients that insist on it (`@microsoft/microsoft-graph-client` sends its token only
//! to `https://` URLs): a certificate made at start, signed by a throwaway CA the caller trusts,
//! or one the caller brings.

use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, KeyPair, KeyUsagePurpose, SanType,
};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use std::fmt;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::server::TlsStream;
use tokio_rustls::TlsAcceptor;

/// A server certificate chain and its key, and the PEM a client should trust to accept it.
#[derive(Clone)]
pub struct Tls {
    chain: Vec<CertificateDer<'static>>,
    key: Arc<PrivateKeyDer<'static>>,
    trust_pem: String,
}

impl fmt::Debug for Tls {
    // The key stays out of logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Tls").field("chain_len", &self.chain.len()).finish_non_exhaustive()
    }
}

impl Tls {
    /// A fresh CA and a server certificate it signs, valid for `localhost`, `127.0.0.1`, `::1`
    /// and the given extra names or addresses. Nothing is written to disk.
    pub fn generate(extra_hosts: &[String]) -> Result<Tls, String> {
        let fail = |e: rcgen::Error| format!("cannot generate a certificate: {e}");
        let ca_key = KeyPair::generate().map_err(fail)?;
        let mut ca = CertificateParams::new(Vec::<String>::new()).map_err(fail)?;
        ca.distinguished_name.push(DnType::CommonName, "o365kit-emulator local CA");
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign, KeyUsagePurpose::DigitalSignature];
        let ca_cert = ca.self_signed(&ca_key).map_err(fail)?;

        let mut names: Vec<String> = vec!["localhost".into()];
        names.extend(extra_hosts.iter().filter(|h| h.parse::<IpAddr>().is_err()).cloned());
        let mut leaf = CertificateParams::new(names).map_err(fail)?;
        for ip in ["127.0.0.1", "::1"].iter().map(|s| s.to_string()).chain(extra_hosts.iter().cloned()) {
            if let Ok(addr) = ip.parse::<IpAddr>() {
                if !leaf.subject_alt_names.contains(&SanType::IpAddress(addr)) {
                    leaf.subject_alt_names.push(SanType::IpAddress(addr));
                }
            }
        }
        leaf.distinguished_name.push(DnType::CommonName, "o365kit-emulator");
        leaf.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        leaf.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        leaf.use_authority_key_identifier_extension = true;
        let leaf_key = KeyPair::generate().map_err(fail)?;
        let leaf_cert = leaf.signed_by(&leaf_key, &ca_cert, &ca_key).map_err(fail)?;

        Ok(Tls {
            chain: vec![leaf_cert.der().clone(), ca_cert.der().clone()],
            key: Arc::new(PrivateKeyDer::Pkcs8(leaf_key.serialize_der().into())),
            trust_pem: ca_cert.pem(),
        })
    }

    /// A chain and key from PEM files (`--cert`, `--key`); the chain's PEM is what to trust.
    pub fn from_pem_files(cert: &str, key: &str) -> Result<Tls, String> {
        let text = std::fs::read_to_string(cert).map_err(|e| format!("--cert {cert}: {e}"))?;
        let chain = CertificateDer::pem_slice_iter(text.as_bytes())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| format!("--cert {cert}: {e}"))?;
        if chain.is_empty() {
            return Err(format!("--cert {cert}: no CERTIFICATE block"));
        }
        let key_der = PrivateKeyDer::from_pem_file(key).map_err(|e| format!("--key {key}: {e}"))?;
        let tls = Tls { chain, key: Arc::new(key_der), trust_pem: text };
        tls.acceptor().map_err(|e| format!("--cert/--key: {e}"))?;
        Ok(tls)
    }

    /// The PEM a client trusts to accept this server: the generated CA, or the `--cert` file.
    pub fn trust_pem(&self) -> &str {
        &self.trust_pem
    }

    fn acceptor(&self) -> Result<TlsAcceptor, String> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| e.to_string())?
            .with_no_client_auth()
            .with_single_cert(self.chain.clone(), self.key.clone_key())
            .map_err(|e| e.to_string())?;
        let mut config = config;
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(TlsAcceptor::from(Arc::new(config)))
    }
}

/// How long a client gets to finish its handshake; a silent one must not hold a task forever.
const HANDSHAKE: Duration = Duration::from_secs(10);

/// Accepts TCP connections and hands over those whose TLS handshake succeeded. Handshakes run on
/// their own tasks, so one slow client does not stall the others.
pub(crate) struct TlsListener {
    local: std::net::SocketAddr,
    ready: tokio::sync::mpsc::Receiver<(TlsStream<TcpStream>, std::net::SocketAddr)>,
    accept_task: tokio::task::JoinHandle<()>,
}

impl TlsListener {
    pub(crate) fn new(tcp: TcpListener, tls: &Tls) -> std::io::Result<TlsListener> {
        let local = tcp.local_addr()?;
        let acceptor = tls.acceptor().map_err(std::io::Error::other)?;
        let (send, ready) = tokio::sync::mpsc::channel(64);
        let accept_task = tokio::spawn(async move {
            loop {
                let (stream, peer) = match tcp.accept().await {
                    Ok(conn) => conn,
                    // Out of descriptors and the like: wait rather than spin.
                    Err(_) => {
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                let _ = stream.set_nodelay(true);
                let acceptor = acceptor.clone();
                let send = send.clone();
                tokio::spawn(async move {
                    if let Ok(Ok(tls)) = tokio::time::timeout(HANDSHAKE, acceptor.accept(stream)).await {
                        let _ = send.send((tls, peer)).await;
                    }
                });
            }
        });
        Ok(TlsListener { local, ready, accept_task })
    }
}

impl Drop for TlsListener {
    fn drop(&mut self) {
        self.accept_task.abort();
    }
}

impl axum::serve::Listener for TlsListener {
    type Io = TlsStream<TcpStream>;
    type Addr = std::net::SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        match self.ready.recv().await {
            Some(conn) => conn,
            // The accept task ended (only when aborted, at shutdown): accept nothing more.
            None => std::future::pending().await,
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        Ok(self.local)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_chain_is_accepted_by_rustls() {
        let tls = Tls::generate(&["emulator.test".into(), "10.0.0.7".into()]).unwrap();
        assert!(tls.trust_pem().starts_with("-----BEGIN CERTIFICATE-----"));
        assert_eq!(tls.chain.len(), 2);
        assert!(tls.acceptor().is_ok());
        assert!(!format!("{tls:?}").contains("PRIVATE"));
    }

    #[test]
    fn missing_or_bad_files_name_the_flag() {
        let err = Tls::from_pem_files("/nonexistent/cert.pem", "/nonexistent/key.pem").unwrap_err();
        assert!(err.starts_with("--cert"), "{err}");
        let dir = std::env::temp_dir().join(format!("o365kit-tls-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let cert = dir.join("cert.pem");
        std::fs::write(&cert, "not a certificate").unwrap();
        let err = Tls::from_pem_files(cert.to_str().unwrap(), "/nonexistent/key.pem").unwrap_err();
        assert!(err.contains("no CERTIFICATE"), "{err}");
        let _ = std::fs::remove_dir_all(dir);
    }
}
