//! Standard base64 (RFC 4648 §4, padded), as Graph carries binary content in JSON. Written here
//! rather than taken from a crate: 1.5 KB gzip less in the npm package, where every byte counts.
//! Decoding is strict, as the `base64` crate's STANDARD engine is: padding required, no trailing
//! bits, no whitespace inside.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            out.push(if i <= chunk.len() { char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]) } else { '=' });
        }
    }
    out
}

/// Why a text is not base64, with the offending offset where there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(String);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DecodeError {}

pub fn decode(text: &str) -> Result<Vec<u8>, DecodeError> {
    let b = text.as_bytes();
    if b.len() % 4 != 0 {
        return Err(DecodeError(format!("invalid base64: its length ({}) is not a multiple of 4", b.len())));
    }
    let pad = b.iter().rev().take(2).take_while(|c| **c == b'=').count();
    let mut out = Vec::with_capacity(b.len() / 4 * 3);
    let mut n = 0u32;
    for (i, c) in b[..b.len() - pad].iter().enumerate() {
        let v = ALPHABET.iter().position(|a| a == c).ok_or_else(|| {
            let what = if *c == b'=' { "padding".to_string() } else { format!("byte {c:#04x}") };
            DecodeError(format!("invalid base64: {what} at offset {i}"))
        })?;
        n = n << 6 | v as u32;
        if i % 4 == 3 {
            out.extend_from_slice(&n.to_be_bytes()[1..]);
        }
    }
    // The last group: 2 or 3 symbols carry 1 or 2 bytes; the bits left over must be zero.
    let rest = (b.len() - pad) % 4;
    let (bytes, spare) = match rest {
        0 => return Ok(out),
        2 => (1, 4),
        3 => (2, 2),
        _ => return Err(DecodeError("invalid base64: a lone symbol before the padding".into())),
    };
    if n & ((1 << spare) - 1) != 0 {
        return Err(DecodeError(format!("invalid base64: trailing bits at offset {}", b.len() - pad - 1)));
    }
    let n = n >> spare;
    out.extend_from_slice(&n.to_be_bytes()[4 - bytes..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ::base64::Engine as _;

    #[test]
    fn reads_and_writes_what_the_standard_engine_does() {
        let std = ::base64::engine::general_purpose::STANDARD;
        let mut seed = 7u32;
        for len in 0..200 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    (seed >> 16) as u8
                })
                .collect();
            let text = encode(&bytes);
            assert_eq!(text, std.encode(&bytes));
            assert_eq!(decode(&text), Ok(bytes));
        }
        for bad in
            ["A", "AB", "ABC", "A===", "AB=C", "AB==AB==", "AB=", "QR==", "QUJ=", "QU J", "QUJD\n", "Zm9v!A==", "===="]
        {
            assert!(decode(bad).is_err(), "{bad:?} read as {:?}", decode(bad));
            assert!(std.decode(bad).is_err(), "the engine reads {bad:?}");
        }
        assert_eq!(decode(""), Ok(vec![]));
    }
}
