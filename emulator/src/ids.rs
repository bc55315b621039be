//! Fresh identifiers in the shapes Graph uses: GUIDs for directory objects and request ids,
//! long base64 strings for Exchange-backed items (conversations, threads, posts, attachments).

use base64::engine::general_purpose::{STANDARD, URL_SAFE};
use base64::Engine;
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};

/// 64 unpredictable bits. SipHash with per-process random keys over a counter is plenty for ids
/// and fault sampling, and spares the crate a `rand` dependency.
pub(crate) fn random_u64() -> u64 {
    static KEYS: OnceLock<RandomState> = OnceLock::new();
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = KEYS.get_or_init(RandomState::new).build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    h.write_u128(SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0));
    h.finish()
}

/// A uniform sample in [0, 1).
pub(crate) fn random_unit() -> f64 {
    (random_u64() >> 11) as f64 / (1u64 << 53) as f64
}

fn random_bytes(n: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(n + 8);
    while out.len() < n {
        out.extend_from_slice(&random_u64().to_le_bytes());
    }
    out.truncate(n);
    out
}

/// A version-4 GUID, lower case, as Graph writes ids and request ids.
pub(crate) fn guid() -> String {
    let mut b = random_bytes(16);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

/// Whether `id` reads as a GUID, the form of every directory object id: hyphenated, 32 bare hex
/// digits, or hyphenated in braces or parentheses (the forms .NET's `Guid.Parse` takes).
pub(crate) fn is_guid(id: &str) -> bool {
    let hex = |s: &str| s.bytes().all(|b| b.is_ascii_hexdigit());
    let hyphenated = |s: &str| {
        let parts: Vec<&str> = s.split('-').collect();
        parts.iter().map(|p| p.len()).eq([8, 4, 4, 4, 12]) && parts.iter().all(|p| hex(p))
    };
    match id.as_bytes() {
        [b'{', .., b'}'] | [b'(', .., b')'] => hyphenated(&id[1..id.len() - 1]),
        _ => hyphenated(id) || (id.len() == 32 && hex(id)),
    }
}

/// Whether `id` could be an Exchange item id (message, folder, event, calendar, calendar group,
/// conversation, thread, post, attachment): base64 text in either alphabet, padding only at
/// the end, long enough to hold Exchange's id structure. Exchange answers anything else with
/// `ErrorInvalidIdMalformed` before it looks for the item. Every id this emulator makes has the
/// shape, and so do GUIDs (which some clients use as attachment ids) and occurrence ids
/// (`{series id}_{yyyymmdd}`).
pub(crate) fn is_exchange_id(id: &str) -> bool {
    let id = match id.rsplit_once('_') {
        Some((series, day)) if day.len() == 8 && day.bytes().all(|b| b.is_ascii_digit()) => series,
        _ => id,
    };
    let body = id.trim_end_matches('=');
    id.len() - body.len() <= 2
        && body.len() >= MIN_EXCHANGE_ID
        && body.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'-' | b'_'))
}

/// Characters of the shortest Exchange id accepted: 16 bytes in base64. Real ones are 60 to
/// 200 characters; what is shorter is a name or a placeholder, not an id.
const MIN_EXCHANGE_ID: usize = 22;

/// The mailbox part every id of this emulator's group mailboxes shares, as Exchange ids do.
const MAILBOX: &str = "AGRhZmRhMWM3LTYwZTktNDZmYy1hNWU1LThhZWU4NzI2YTEyZg";

pub(crate) fn conversation_id() -> String {
    format!("AAQk{MAILBOX}AQA{}", URL_SAFE.encode(random_bytes(17)))
}

pub(crate) fn thread_id() -> String {
    format!("AAQk{MAILBOX}MkABAA{}", URL_SAFE.encode(random_bytes(34)))
}

pub(crate) fn post_id() -> String {
    format!("AAMk{MAILBOX}BGAAAAAAB{}", URL_SAFE.encode(random_bytes(40)))
}

pub(crate) fn attachment_id() -> String {
    format!("AAMk{MAILBOX}BGAAAAAABEgAQA{}", URL_SAFE.encode(random_bytes(22)))
}

/// A mailbox item id (message, attachment) in Exchange's shape.
pub(crate) fn mail_item_id() -> String {
    format!("AAMkA{}BGAAAAAAD{}", URL_SAFE.encode(random_bytes(18)), URL_SAFE.encode(random_bytes(45)))
}

/// A stable id derived from `seed`: fixtures give the same ids on every start, so tests and
/// demos can name them. FNV-1a over the seed and a counter, in Exchange's base64 shape.
pub(crate) fn stable(prefix: &str, seed: &str, len: usize) -> String {
    let mut out = Vec::with_capacity(len + 8);
    let mut n: u64 = 0;
    while out.len() < len {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in seed.bytes().chain(n.to_le_bytes()) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        out.extend_from_slice(&h.to_le_bytes());
        n += 1;
    }
    out.truncate(len);
    format!("{prefix}{}", URL_SAFE.encode(out))
}

/// An Exchange change key: 20 base64 characters.
pub(crate) fn change_key() -> String {
    STANDARD.encode(random_bytes(15))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_are_v4_and_distinct() {
        let a = guid();
        let b = guid();
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "4");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"));
    }

    #[test]
    fn unit_samples_stay_in_range() {
        assert!((0..1000).map(|_| random_unit()).all(|x| (0.0..1.0).contains(&x)));
    }

    #[test]
    fn item_ids_look_like_exchange_ids() {
        for id in [conversation_id(), thread_id(), post_id(), attachment_id(), mail_item_id()] {
            assert!(id.starts_with("AA") && id.len() > 60, "{id}");
            assert!(!id.contains('/'), "ids stay one path segment: {id}");
            assert!(is_exchange_id(&id), "{id}");
        }
        let stable_id = stable("AAMkA", "owner/inbox", 60);
        for id in [
            stable_id.clone(),
            format!("{stable_id}_20250311"),
            format!("{}=_20250311", &stable_id[..79]),
            guid(),
            "AAMkAGI2TG93AAAAAAAAAAAAAA=".to_string(),
        ] {
            assert!(is_exchange_id(&id), "{id}");
        }
        for id in [
            "nope",
            "clutterz",
            "does-not-exist",
            "AAMk==x",
            "AAMkAGI2TG93AAA%AAMkAGI2TG93",
            "",
            "a b",
            "AAMkAGI2TG93AAAAAAAAAAA===",
        ] {
            assert!(!is_exchange_id(id), "{id}");
        }
    }

    #[test]
    fn guids_are_told_from_other_text() {
        for id in
            [guid(), guid().to_uppercase(), guid().replace('-', ""), format!("{{{}}}", guid()), format!("({})", guid())]
        {
            assert!(is_guid(&id), "{id}");
        }
        for id in [
            "nope",
            "g1",
            "owner@contoso.test",
            "11111111-2222-3333-4444-55555555555",
            "{11111111-2222-3333-4444-555555555555",
            "11111111-2222-3333-4444-55555555555g",
            "1111111122223333444455555555555g",
            "111111112-222-3333-4444-555555555555",
        ] {
            assert!(!is_guid(id), "{id}");
        }
    }
}
