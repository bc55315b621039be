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
    BufReader::new(stdout).read_line(&mut line).expect("a first line");
    let line = line.trim_end_matches('\n');
    let url = line.strip_prefix("o365kit-emulator listening on ").unwrap_or_else(|| panic!("first line: {line:?}"));
    let port = url.strip_prefix("http://127.0.0.1:").unwrap_or_else(|| panic!("url: {url:?}"));
    assert!(port.parse::<u16>().is_ok_and(|p| p > 0), "a real port: {line:?}");
    (proc, url.to_string())
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
