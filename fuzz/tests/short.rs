//! The short fuzz run of CI: every seed of every corpus, then mutations for a time budget per
//! target (`O365KIT_FUZZ_SECONDS`, 2 by default). The coverage-guided long run is `fuzz/run`.

use o365kit_fuzz::mutate::{mutate, Rng};
use o365kit_fuzz::TARGETS;
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn corpus(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus").join(target);
    let mut seeds: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            let path = entry.expect("a directory entry").path();
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (path.file_name().unwrap().to_string_lossy().into_owned(), bytes)
        })
        .collect();
    seeds.sort();
    seeds
}

fn budget() -> Duration {
    let secs = std::env::var("O365KIT_FUZZ_SECONDS").ok().and_then(|s| s.parse::<f64>().ok()).unwrap_or(2.0);
    Duration::from_secs_f64(secs)
}

fn short_run(name: &str) {
    let (_, target) = TARGETS.iter().find(|(n, _)| *n == name).expect("a target");
    let seeds = corpus(name);
    assert!(seeds.len() >= 5, "{name}: only {} seeds", seeds.len());
    for (file, bytes) in &seeds {
        if let Err(panic) = std::panic::catch_unwind(|| target(bytes)) {
            std::panic::resume_unwind(Box::new(format!("{name}: seed {file} fails: {panic:?}")));
        }
    }
    let start = Instant::now();
    let seed = std::env::var("O365KIT_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(1);
    let mut rng = Rng::new(seed);
    let mut runs = 0u64;
    while start.elapsed() < budget() {
        let (_, base) = &seeds[rng.below(seeds.len())];
        let (_, other) = &seeds[rng.below(seeds.len())];
        let input = mutate(&mut rng, base, other);
        if std::panic::catch_unwind(|| target(&input)).is_err() {
            let path = std::env::temp_dir().join(format!("o365kit-fuzz-{name}-crash"));
            let _ = std::fs::write(&path, &input);
            panic!("{name}: a mutated input fails (seed {seed}, run {runs}); the input is in {}", path.display());
        }
        runs += 1;
    }
    eprintln!("{name}: {} seeds, {runs} mutations in {:?}", seeds.len(), start.elapsed());
}

#[test]
fn decode() {
    short_run("decode");
}

#[test]
fn models() {
    short_run("models");
}

#[test]
fn error() {
    short_run("error");
}

#[test]
fn batch() {
    short_run("batch");
}

#[test]
fn delta() {
    short_run("delta");
}

#[test]
fn emulator_request() {
    short_run("emulator_request");
}

#[test]
fn emulator_filter() {
    short_run("emulator_filter");
}

#[test]
fn every_model_has_a_fuzzed_decoder() {
    let fuzzed: Vec<&str> = o365kit_fuzz::core_targets::MODEL_READERS.iter().map(|(n, _)| *n).collect();
    let models: Vec<&str> = o365kit::model::MODELS.iter().map(|m| m.name).collect();
    assert_eq!(fuzzed, models);
    assert_eq!(o365kit_fuzz::core_targets::READERS.len(), o365kit::OPERATIONS.len());
}
