//! Instruction counts of the decode benchmark's cases (`decode.rs`), under valgrind's callgrind:
//! stable where wall-clock times are not (this machine is shared; times vary up to 3x between
//! runs, instruction counts by well under 1%).
//!
//! `cargo bench -p o365kit --bench decode_instructions` (valgrind must be installed; about a
//! minute). It writes the three fixture pages to a temporary directory, runs this same binary
//! once per page and way of decoding under `valgrind --tool=callgrind`, subtracts the count of a
//! run that only reads the page (and, for o365kit's ways, copies it into a `Response` as a
//! transport does: `decode.rs` does not time that copy either), and prints the counts and their
//! ratios to o365kit's typed decode.
//! An iai-callgrind harness would do the same but needs its runner installed at a matching
//! version; this needs only valgrind.

mod common;

use common::{response, Kind, Way, KINDS};
use std::path::Path;
use std::process::Command;

/// Set (to `<page kind> <way> <file>`) in the child that valgrind runs.
const CASE: &str = "O365KIT_DECODE_CASE";

fn main() {
    match std::env::var(CASE) {
        Ok(case) => run_case(&case),
        Err(_) => drive(),
    }
}

/// One decode, the whole work of this process under valgrind.
fn run_case(case: &str) {
    let mut parts = case.splitn(3, ' ');
    let (Some(kind), Some(way), Some(file)) = (parts.next(), parts.next(), parts.next()) else {
        panic!("{CASE} is `<kind> <way> <file>`, not {case:?}");
    };
    let body = std::fs::read(file).expect("the fixture file");
    let kind = Kind::parse(kind).expect("a page kind");
    let n = match way {
        "load" => body.len(),
        "copy" => std::hint::black_box(response(&body)).body.len(),
        way => kind.run(Way::parse(way).expect("a way"), std::hint::black_box(&body)),
    };
    std::hint::black_box(n);
}

/// Instructions of one run, from callgrind's summary line (`Collected : N`).
fn instructions(exe: &Path, kind: Kind, way: &str, file: &Path) -> Option<u64> {
    let out = Command::new("valgrind")
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(exe)
        .env(CASE, format!("{} {way} {}", kind.name(), file.display()))
        .output()
        .ok()?;
    if !out.status.success() {
        eprintln!("valgrind on {} {way}: {}", kind.name(), String::from_utf8_lossy(&out.stderr));
        return None;
    }
    let err = String::from_utf8_lossy(&out.stderr);
    let line = err.lines().find(|l| l.contains("Collected :"))?;
    line.rsplit(':').next()?.trim().parse().ok()
}

fn drive() {
    if Command::new("valgrind").arg("--version").output().is_err() {
        println!("valgrind is not installed: no instruction counts");
        return;
    }
    let exe = std::env::current_exe().expect("this benchmark's path");
    let dir = std::env::temp_dir().join(format!("o365kit-decode-instructions-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    println!("instructions to decode a 1000-item page and read two nested fields of each (callgrind, minus reading the page and a transport's copy of it)");
    for kind in KINDS {
        let file = dir.join(kind.name());
        std::fs::write(&file, kind.page()).expect("the fixture file");
        let Some(load) = instructions(&exe, kind, "load", &file) else { continue };
        let Some(copy) = instructions(&exe, kind, "copy", &file) else { continue };
        let base = |w: Way| if matches!(w, Way::Typed | Way::Checked) { copy } else { load };
        let counts: Vec<(Way, Option<u64>)> = kind
            .ways()
            .iter()
            .map(|&w| (w, instructions(&exe, kind, w.name(), &file).map(|n| n.saturating_sub(base(w)))))
            .collect();
        let ours = counts.iter().find(|(w, _)| *w == Way::Typed).and_then(|(_, n)| *n).unwrap_or(1).max(1);
        println!("  1000 {}", kind.name());
        for (way, n) in counts {
            match n {
                Some(n) => println!("    {:38} {:8.1} M  {:5.2}x", way.label(), n as f64 / 1e6, n as f64 / ours as f64),
                None => println!("    {:38} (no count)", way.label()),
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
