//! Retry-After resolution against an installed clock (what the wasm binding does with JS's clock).

use o365kit::error::retry_after_now;
use o365kit::{Decision, Policy, Response};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

fn fixed() -> SystemTime {
    // Sun, 06 Nov 1994 08:49:37 GMT
    UNIX_EPOCH + Duration::from_secs(784_111_777)
}

#[test]
fn an_installed_clock_resolves_http_dates() {
    o365kit::clock::set_source(fixed);
    assert_eq!(o365kit::clock::now(), Some(fixed()));
    assert_eq!(retry_after_now("Sun, 06 Nov 1994 08:50:07 GMT"), Some(Duration::from_secs(30)));
    assert_eq!(retry_after_now("12"), Some(Duration::from_secs(12)));
    assert_eq!(retry_after_now("soon"), None);

    let res = Response::new(429, vec![("Retry-After".into(), "Sun, 06 Nov 1994 08:49:47 GMT".into())], vec![]);
    assert_eq!(Policy::default().decide(&res, 1, false), Decision::Retry(Duration::from_secs(10)));
    let err = o365kit::Error::from_response(&res);
    assert_eq!(err.api().and_then(|a| a.retry_after), Some(Duration::from_secs(10)));
}
