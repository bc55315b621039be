//! The real `o365kit-emulator` binary: its first stdout line, serving, flags and `--tenant`.

mod common;
use common::send;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_o365kit-emulator");

/// A started binary, killed when dropped.
struct Proc(Child);

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the binary and returns it with the base URL read from its first line.
fn start(extra: &[&str]) -> (Proc, String) {
    let (proc, url, _) = launch(extra, "http");
    (proc, url)
}

/// Starts the binary; returns it, the base URL of its first line and the rest of its stdout.
fn launch(extra: &[&str], scheme: &str) -> (Proc, String, BufReader<std::process::ChildStdout>) {
    let child = Command::new(BIN)
        .args(["--port", "0"])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut proc = Proc(child);
    let stdout = proc.0.stdout.take().expect("stdout is piped");
    let mut line = String::new();
    let mut stdout = BufReader::new(stdout);
    stdout.read_line(&mut line).expect("a first line");
    let line = line.trim_end_matches('\n');
    let url = line.strip_prefix("o365kit-emulator listening on ").unwrap_or_else(|| panic!("first line: {line:?}"));
    let port = url.strip_prefix(&format!("{scheme}://127.0.0.1:")).unwrap_or_else(|| panic!("url: {url:?}"));
    assert!(port.parse::<u16>().is_ok_and(|p| p > 0), "a real port: {line:?}");
    (proc, url.to_string(), stdout)
}

#[test]
fn prints_its_address_first_and_serves_graph() {
    let (_proc, url) = start(&[]);
    let r = send(&url, "GET", "/v1.0/me", &[("Authorization", "Bearer emulator:owner@contoso.test")], None);
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["userPrincipalName"], "owner@contoso.test");
    assert!(r.json()["@odata.context"].as_str().unwrap().starts_with(&url));
}

fn temp_file(name: &str, contents: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("o365kit-emulator-{}-{name}", std::process::id()));
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn loads_a_tenant_fixture_file() {
    let fixture = r#"{
      "users": [
        {"id": "11111111-1111-4111-8111-111111111111", "userPrincipalName": "ada@fabrikam.test", "displayName": "Ada Lovelace"},
        {"id": "22222222-2222-4222-8222-222222222222", "userPrincipalName": "bob@fabrikam.test", "displayName": "Bob"}
      ],
      "groups": [{
        "id": "33333333-3333-4333-8333-333333333333", "displayName": "Engines", "mail": "engines@fabrikam.test",
        "mailNickname": "engines", "visibility": "Private", "groupTypes": ["Unified"], "mailEnabled": true, "securityEnabled": false,
        "owners": ["ada@fabrikam.test"], "members": ["ada@fabrikam.test"],
        "conversations": [{"topic": "Notes", "threads": [{"posts": [
          {"from": "ada@fabrikam.test", "receivedDateTime": "2025-01-01T10:00:00Z", "body": {"contentType": "html", "content": "<p>Note G</p>"}}
        ]}]}]
      }]
    }"#;
    let path = temp_file("tenant.json", fixture);
    let (_proc, url) = start(&["--tenant", path.to_str().unwrap()]);
    let ada = [("Authorization", "Bearer emulator:ada@fabrikam.test")];
    let me = send(&url, "GET", "/v1.0/me", &ada, None).json();
    assert_eq!(me["displayName"], "Ada Lovelace");
    let threads = send(&url, "GET", "/v1.0/groups/33333333-3333-4333-8333-333333333333/threads", &ada, None).json();
    assert_eq!(threads["value"][0]["topic"], "Notes");
    assert_eq!(threads["value"][0]["uniqueSenders"][0], "Ada Lovelace");
    let bob = [("Authorization", "Bearer emulator:bob@fabrikam.test")];
    assert_eq!(send(&url, "GET", "/v1.0/groups/33333333-3333-4333-8333-333333333333/threads", &bob, None).status, 403);
    let seed_user = [("Authorization", "Bearer emulator:owner@contoso.test")];
    assert_eq!(send(&url, "GET", "/v1.0/me", &seed_user, None).status, 401, "the seed is replaced, not merged");
    let _ = std::fs::remove_file(path);
}

#[test]
fn help_and_bad_flags() {
    let help = Command::new(BIN).arg("--help").output().unwrap();
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("--tenant FILE"));

    for args in [&["--bogus"][..], &["--port", "nope"], &["--fault-rate", "3"], &["--port"]] {
        let out = Command::new(BIN).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).starts_with("o365kit-emulator: "), "{args:?}");
        assert!(out.stdout.is_empty());
    }
    let broken = temp_file("broken.json", "{\"users\": [{\"id\": \"x\"}]}");
    let out = Command::new(BIN).args(["--port", "0", "--tenant", broken.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("userPrincipalName"));
    let _ = std::fs::remove_file(broken);
}

/// A GET over TLS trusting only `ca_pem`; the raw HTTP/1.1 answer.
fn https_get(url: &str, ca_pem: &str, path: &str, token: &str) -> String {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, ServerName};
    use std::io::{Read, Write};
    use std::sync::Arc;
    let mut roots = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_slice_iter(ca_pem.as_bytes()) {
        roots.add(cert.unwrap()).unwrap();
    }
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
    let authority = url.strip_prefix("https://").unwrap();
    let name = ServerName::try_from("127.0.0.1").unwrap();
    let conn = rustls::ClientConnection::new(Arc::new(config), name).unwrap();
    let mut tls = rustls::StreamOwned::new(conn, std::net::TcpStream::connect(authority).unwrap());
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: {authority}\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n"
    );
    tls.write_all(request.as_bytes()).unwrap();
    let mut answer = Vec::new();
    // A server may close without close_notify; what arrived before is the answer.
    let _ = tls.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

#[test]
fn tls_serves_https_and_names_the_ca_file_on_its_second_line() {
    let ca = std::env::temp_dir().join(format!("o365kit-emulator-{}-ca.pem", std::process::id()));
    let (_proc, url, mut rest) = launch(&["--tls", "--ca-out", ca.to_str().unwrap()], "https");
    let mut line = String::new();
    rest.read_line(&mut line).unwrap();
    assert_eq!(line.trim_end(), format!("o365kit-emulator CA file: {}", ca.display()));
    let pem = std::fs::read_to_string(&ca).expect("the CA file is written before the first line");
    assert!(pem.starts_with("-----BEGIN CERTIFICATE-----"), "{pem}");

    let answer = https_get(&url, &pem, "/v1.0/groups?$top=1", "emulator:owner@contoso.test");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains(&format!("\"@odata.context\":\"{url}/v1.0/$metadata#groups\"")), "{answer}");
    assert!(answer.contains(&format!("\"@odata.nextLink\":\"{url}/v1.0/groups?")), "{answer}");
    let _ = std::fs::remove_file(ca);
}

#[test]
fn tls_flags_that_cannot_work_exit_2() {
    let missing = ["--cert", "/nonexistent/c.pem", "--key", "/nonexistent/k.pem"];
    for args in [&missing[..], &["--cert", "c.pem"], &["--ca-out", "ca.pem"]] {
        let out = Command::new(BIN).args(["--port", "0"]).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("o365kit-emulator: --"), "{args:?}: {err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn tls_removes_the_ca_file_it_placed_itself_on_shutdown() {
    let (mut proc, url, mut rest) = launch(&["--tls"], "https");
    let mut line = String::new();
    rest.read_line(&mut line).unwrap();
    let ca = PathBuf::from(line.trim_end().strip_prefix("o365kit-emulator CA file: ").expect("the CA line"));
    assert!(ca.starts_with(std::env::temp_dir()) && ca.exists(), "{}", ca.display());
    // Once it has answered, it is serving and listening for signals.
    let pem = std::fs::read_to_string(&ca).unwrap();
    assert!(https_get(&url, &pem, "/_emulator/health", "none").starts_with("HTTP/1.1 200"));
    let term = Command::new("kill").args(["-TERM", &proc.0.id().to_string()]).status().unwrap();
    assert!(term.success());
    assert!(proc.0.wait().unwrap().success(), "SIGTERM is a clean stop");
    assert!(!ca.exists(), "{} is removed", ca.display());
}
