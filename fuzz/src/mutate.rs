//! A small deterministic mutator for the short run under `cargo test` (no coverage feedback:
//! that is what the libFuzzer run adds). The same seed always gives the same inputs, so a
//! failure reproduces from the seed the test prints.

/// Tokens that move JSON, OData and HTTP parsers to other branches than random bytes do.
pub const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\u0000",
    "\\ud800",
    "null",
    "true",
    "false",
    "-0",
    "1e999",
    "-1",
    "0.5",
    "18446744073709551616",
    "\"value\"",
    "\"@odata.nextLink\"",
    "\"@odata.deltaLink\"",
    "\"@removed\"",
    "\"error\"",
    "\"id\"",
    "\"Id\"",
    "\"responses\"",
    "\"status\"",
    "\"body\"",
    "\"headers\"",
    "\"@odata.type\"",
    "\"#microsoft.graph.fileAttachment\"",
    "\"contentBytes\"",
    "\"dateTime\"",
    "\"timeZone\"",
    "\"2024-05-01T10:00:00Z\"",
    " eq ",
    " ne ",
    " and ",
    " or ",
    "not ",
    "(",
    ")",
    "'",
    "''",
    "any(",
    "all(",
    "/",
    "startswith(",
    "contains(",
    " in (",
    "$filter=",
    "$select=",
    "$top=",
    "$skip=",
    "$orderby=",
    "$expand=",
    "$search=",
    "$count=true",
    "&",
    "?",
    "%2F",
    "%00",
    "%",
    "..",
    "Prefer: ",
    "odata.maxpagesize=",
    "Content-Type: ",
    "\n",
    "\r\n",
];

/// xorshift64*: enough for picking mutations.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
}

/// One to four mutations of `input`; `other` is another corpus entry to splice from.
pub fn mutate(rng: &mut Rng, input: &[u8], other: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(8) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 => out.insert(at, rng.next_u64() as u8),
            2 if at < out.len() => {
                let end = (at + 1 + rng.below(16)).min(out.len());
                out.drain(at..end);
            }
            3 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                out.splice(at..at, token.iter().copied());
            }
            4 if at < out.len() => {
                let end = (at + 1 + rng.below(32)).min(out.len());
                let copy = out[at..end].to_vec();
                out.splice(end..end, copy);
            }
            5 => out.truncate(at),
            6 if !other.is_empty() => {
                let from = rng.below(other.len());
                let end = (from + 1 + rng.below(64)).min(other.len());
                out.splice(at..at, other[from..end].iter().copied());
            }
            // The selector bytes at the front pick the operation, model or dialect.
            _ if !out.is_empty() => out[0] = rng.next_u64() as u8,
            _ => out.push(rng.next_u64() as u8),
        }
    }
    out
}
