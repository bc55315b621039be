//! `o365kit-emulator`: serves the Graph emulator until interrupted. The first line on stdout is
//! `o365kit-emulator listening on http://HOST:PORT`, for scripts and tests to read the port from.

use o365kit_emulator::{serve_with_shutdown, Config, Tenant};
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
        if !matches!(
            flag,
            "--port" | "--host" | "--tenant" | "--latency-ms" | "--fault-rate" | "--page-size" | "--drive-quota"
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
    Ok(Parsed::Run(o))
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
    let config = Config {
        tenant,
        latency_ms: o.latency_ms,
        fault_rate: o.fault_rate,
        page_size: o.page_size,
        drive_quota: o.drive_quota,
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
        let _ = writeln!(out, "o365kit-emulator listening on http://{addr}");
        let _ = out.flush();
        drop(out);
        match serve_with_shutdown(listener, config, shutdown_signal()).await {
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
        ] {
            assert!(parse(&args(bad)).is_err(), "{bad}");
        }
    }
}
