//! `o365kit-emulator`: serves the Graph emulator until interrupted. The first line on stdout is
//! `o365kit-emulator listening on http://HOST:PORT` (`https://` with `--tls`), for scripts and
//! tests to read the port from; with `--tls` the second is `o365kit-emulator CA file: PATH`.

use o365kit_emulator::{serve_with_shutdown, Config, Tenant, Tls};
use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::process::ExitCode;

const USAGE: &str = "\
Usage: o365kit-emulator [OPTIONS]

A local, stateful Microsoft Graph v1.0 emulator (groups and group conversations).

Options:
  --port N          TCP port to listen on; 0 picks a free one [default: 8080]
  --host ADDR       address to bind [default: 127.0.0.1]
  --tenant FILE     tenant fixture (JSON, see the README) instead of the built-in seed
  --latency-ms N    delay every Graph request by N milliseconds [default: 0]
  --fault-rate F    answer this fraction (0..1) of Graph requests with 429/503 [default: 0]
  --page-size N     items per page when a request sets no $top [default: 100]
  --drive-quota N   bytes of files each group's document library holds [default: 1073741824]
  --tls             serve https with a certificate made at start, signed by a new local CA
  --cert FILE       serve https with this PEM certificate chain (implies --tls; needs --key)
  --key FILE        the PEM private key of --cert
  --ca-out FILE     where --tls writes the CA to trust [default: a file in the temp dir]
  -h, --help        print this help
  -V, --version     print the version

Sign in with `Authorization: Bearer emulator:<userPrincipalName>`, e.g. emulator:member@contoso.test.
Control routes (no token): GET /_emulator/health, POST|GET|DELETE /_emulator/faults, POST /_emulator/reset.";

#[derive(Debug)]
struct Options {
    host: IpAddr,
    port: u16,
    tenant: Option<String>,
    latency_ms: u64,
    fault_rate: f64,
    page_size: usize,
    drive_quota: u64,
    tls: bool,
    cert: Option<String>,
    key: Option<String>,
    ca_out: Option<String>,
}

enum Parsed {
    Run(Options),
    Print(String),
}

fn parse(args: &[String]) -> Result<Parsed, String> {
    let mut o = Options {
        host: IpAddr::V4(Ipv4Addr::LOCALHOST),
        port: 8080,
        tenant: None,
        latency_ms: 0,
        fault_rate: 0.0,
        page_size: 100,
        drive_quota: o365kit_emulator::DRIVE_QUOTA,
        tls: false,
        cert: None,
        key: None,
        ca_out: None,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        if matches!(flag, "-h" | "--help") {
            return Ok(Parsed::Print(USAGE.to_string()));
        }
        if matches!(flag, "-V" | "--version") {
            return Ok(Parsed::Print(format!("o365kit-emulator {}", env!("CARGO_PKG_VERSION"))));
        }
        if flag == "--tls" && inline.is_none() {
            o.tls = true;
            continue;
        }
        if !matches!(
            flag,
            "--port"
                | "--host"
                | "--tenant"
                | "--latency-ms"
                | "--fault-rate"
                | "--page-size"
                | "--cert"
                | "--key"
                | "--ca-out"
                | "--drive-quota"
        ) {
            return Err(format!("unknown option '{arg}'"));
        }
        let value = match inline {
            Some(v) => v,
            None => it.next().cloned().ok_or_else(|| format!("{flag} needs a value"))?,
        };
        let invalid = |what: &str| format!("{flag}: '{value}' is not {what}");
        match flag {
            "--port" => o.port = value.parse().map_err(|_| invalid("a port number (0-65535)"))?,
            "--host" => {
                o.host = if value.eq_ignore_ascii_case("localhost") {
                    IpAddr::V4(Ipv4Addr::LOCALHOST)
                } else {
                    value.parse().map_err(|_| invalid("an IP address"))?
                }
            }
            "--tenant" => o.tenant = Some(value),
            "--cert" => o.cert = Some(value),
            "--key" => o.key = Some(value),
            "--ca-out" => o.ca_out = Some(value),
            "--latency-ms" => o.latency_ms = value.parse().map_err(|_| invalid("a number of milliseconds"))?,
            "--fault-rate" => {
                o.fault_rate = value
                    .parse()
                    .ok()
                    .filter(|f: &f64| (0.0..=1.0).contains(f))
                    .ok_or_else(|| invalid("a fraction between 0 and 1"))?
            }
            "--drive-quota" => o.drive_quota = value.parse().map_err(|_| invalid("a number of bytes"))?,
            _ => {
                o.page_size =
                    value.parse().ok().filter(|n: &usize| *n > 0).ok_or_else(|| invalid("a positive number"))?
            }
        }
    }
    match (&o.cert, &o.key) {
        (Some(_), None) => return Err("--cert needs --key".into()),
        (None, Some(_)) => return Err("--key needs --cert".into()),
        (Some(_), Some(_)) if o.ca_out.is_some() => {
            return Err("--ca-out is for a generated certificate, not --cert".into())
        }
        (Some(_), Some(_)) => o.tls = true,
        (None, None) => {}
    }
    if o.ca_out.is_some() && !o.tls {
        return Err("--ca-out needs --tls".into());
    }
    Ok(Parsed::Run(o))
}

/// The certificate to serve and the file a client should trust, written before the server
/// announces itself so that a script reading the first line finds the file in place.
fn tls_setup(o: &Options) -> Result<Option<(Tls, String)>, String> {
    if !o.tls {
        return Ok(None);
    }
    if let (Some(cert), Some(key)) = (&o.cert, &o.key) {
        return Ok(Some((Tls::from_pem_files(cert, key)?, cert.clone())));
    }
    let host = o.host.to_string();
    let extra: Vec<String> = if o.host.is_loopback() { Vec::new() } else { vec![host] };
    let tls = Tls::generate(&extra)?;
    let path = match &o.ca_out {
        Some(p) => std::path::PathBuf::from(p),
        None => std::env::temp_dir().join(format!("o365kit-emulator-ca-{}.pem", std::process::id())),
    };
    std::fs::write(&path, tls.trust_pem()).map_err(|e| format!("cannot write the CA file {}: {e}", path.display()))?;
    Ok(Some((tls, path.display().to_string())))
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let o = match parse(&args) {
        Ok(Parsed::Run(o)) => o,
        Ok(Parsed::Print(text)) => {
            println!("{text}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("o365kit-emulator: {msg}\nRun 'o365kit-emulator --help' for the options.");
            return ExitCode::from(2);
        }
    };
    let tenant = match &o.tenant {
        Some(path) => match Tenant::from_file(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("o365kit-emulator: --tenant {e}");
                return ExitCode::from(2);
            }
        },
        None => Tenant::seed(),
    };
    let (tls, ca_file) = match tls_setup(&o) {
        Ok(Some((tls, file))) => (Some(tls), Some(file)),
        Ok(None) => (None, None),
        Err(e) => {
            eprintln!("o365kit-emulator: {e}");
            return ExitCode::from(2);
        }
    };
    let scheme = if tls.is_some() { "https" } else { "http" };
    let config = Config {
        tenant,
        latency_ms: o.latency_ms,
        fault_rate: o.fault_rate,
        page_size: o.page_size,
        drive_quota: o.drive_quota,
        tls,
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("o365kit-emulator: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(SocketAddr::new(o.host, o.port)).await {
            Ok(l) => l,
            Err(e) => {
                eprintln!("o365kit-emulator: cannot listen on {}:{}: {e}", o.host, o.port);
                return ExitCode::FAILURE;
            }
        };
        let addr = match listener.local_addr() {
            Ok(a) => a,
            Err(e) => {
                eprintln!("o365kit-emulator: {e}");
                return ExitCode::FAILURE;
            }
        };
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "o365kit-emulator listening on {scheme}://{addr}");
        if let Some(file) = &ca_file {
            let _ = writeln!(out, "o365kit-emulator CA file: {file}");
            eprintln!(
                "o365kit-emulator: trust {file} to reach it over https, e.g. SSL_CERT_FILE={file} \
                 NODE_EXTRA_CA_CERTS={file} REQUESTS_CA_BUNDLE={file}"
            );
        }
        let _ = out.flush();
        drop(out);
        let served = serve_with_shutdown(listener, config, shutdown_signal()).await;
        // A CA file the emulator chose the place of is its own to remove; `--ca-out` is the caller's.
        if let (Some(file), true, None) = (&ca_file, o.cert.is_none(), &o.ca_out) {
            let _ = std::fs::remove_file(file);
        }
        match served {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("o365kit-emulator: {e}");
                ExitCode::FAILURE
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn flags_parse_in_both_spellings() {
        let Ok(Parsed::Run(o)) = parse(&args("--port 0 --host=::1 --latency-ms 5 --fault-rate=0.25 --page-size 2"))
        else {
            panic!("parses")
        };
        assert_eq!((o.port, o.latency_ms, o.fault_rate, o.page_size), (0, 5, 0.25, 2));
        assert_eq!(o.host, "::1".parse::<IpAddr>().unwrap());
        assert!(matches!(parse(&args("--help")), Ok(Parsed::Print(_))));
        let Ok(Parsed::Run(o)) = parse(&args("--cert c.pem --key k.pem")) else { panic!("parses") };
        assert!(o.tls, "--cert implies --tls");
        let Ok(Parsed::Run(o)) = parse(&args("--tls --ca-out /tmp/ca.pem")) else { panic!("parses") };
        assert_eq!((o.tls, o.ca_out.as_deref()), (true, Some("/tmp/ca.pem")));
    }

    #[test]
    fn bad_flags_are_errors() {
        for bad in [
            "--port",
            "--port x",
            "--port 70000",
            "--bogus",
            "--fault-rate 2",
            "--host nowhere",
            "--page-size 0",
            "extra",
            "--cert c.pem",
            "--key k.pem",
            "--ca-out ca.pem",
            "--tls=yes",
        ] {
            assert!(parse(&args(bad)).is_err(), "{bad}");
        }
    }
}
