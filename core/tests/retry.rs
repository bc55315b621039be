//! The retry policy: what to do with a throttled or failed answer.
use o365kit::{Decision, Policy, Response};
use std::time::{Duration, SystemTime};

fn res(status: u16, retry_after: Option<&str>) -> Response {
    let mut headers = vec![("request-id".to_string(), "5b9c6c0f-1d2e-4f3a-8b7c-6d5e4f3a2b1c".to_string())];
    if let Some(v) = retry_after {
        headers.push(("Retry-After".to_string(), v.to_string()));
    }
    Response::new(status, headers, vec![])
}

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

const GET: bool = true;
const POST: bool = false;

#[test]
fn throttled_with_retry_after_seconds() {
    let p = Policy::default();
    assert_eq!(p.decide(&res(429, Some("7")), 1, GET), Decision::Retry(secs(7)));
    assert_eq!(p.decide(&res(429, Some(" 0 ")), 1, GET), Decision::Retry(Duration::ZERO));
    // Graph's throttling docs show fractional seconds.
    assert_eq!(p.decide(&res(429, Some("2.128")), 1, GET), Decision::Retry(Duration::from_secs_f64(2.128)));
}

#[test]
fn throttled_with_retry_after_http_date() {
    let p = Policy::default();
    let at = SystemTime::now() + secs(30);
    let header = httpdate::fmt_http_date(at);
    match p.decide(&res(429, Some(&header)), 1, GET) {
        Decision::Retry(d) => assert!(d > secs(28) && d <= secs(30), "{d:?}"),
        other => panic!("{other:?}"),
    }
    // A date in the past means "now".
    let past = httpdate::fmt_http_date(SystemTime::now() - secs(60));
    assert_eq!(p.decide(&res(503, Some(&past)), 1, GET), Decision::Retry(Duration::ZERO));
}

#[test]
fn unreadable_retry_after_falls_back_to_backoff() {
    let p = Policy::default();
    for bad in ["soon", "-5", "NaN", "inf", ""] {
        match p.decide(&res(429, Some(bad)), 1, GET) {
            Decision::Retry(d) => assert!(d >= p.base_delay / 2 && d <= p.base_delay, "{bad:?}: {d:?}"),
            other => panic!("{bad:?}: {other:?}"),
        }
    }
}

#[test]
fn transient_statuses_are_retried_with_backoff() {
    let p = Policy::default();
    for status in [429, 503, 504] {
        match p.decide(&res(status, None), 1, GET) {
            Decision::Retry(d) => assert!(d >= p.base_delay / 2 && d <= p.base_delay, "{status}: {d:?}"),
            other => panic!("{status}: {other:?}"),
        }
    }
    assert_eq!(p.decide(&res(503, Some("3")), 2, GET), Decision::Retry(secs(3)));
    assert_eq!(p.decide(&res(504, Some("3")), 2, GET), Decision::Retry(secs(3)));
}

#[test]
fn other_statuses_are_done() {
    let p = Policy::default();
    for status in [200, 201, 202, 204, 301, 304, 400, 401, 403, 404, 409, 412, 500, 501, 502, 507] {
        assert_eq!(p.decide(&res(status, None), 1, GET), Decision::Done, "{status}");
        assert_eq!(p.decide(&res(status, Some("1")), 1, GET), Decision::Done, "{status} with Retry-After");
    }
}

#[test]
fn non_idempotent_requests_retry_only_on_proof_of_no_processing() {
    let p = Policy::default();
    // 429 or 503 with Retry-After: the server refused before doing anything.
    assert_eq!(p.decide(&res(429, Some("4")), 1, POST), Decision::Retry(secs(4)));
    assert_eq!(p.decide(&res(503, Some("4")), 1, POST), Decision::Retry(secs(4)));
    // Without Retry-After, or on a gateway timeout, the POST may have gone through.
    assert_eq!(p.decide(&res(429, None), 1, POST), Decision::Done);
    assert_eq!(p.decide(&res(503, None), 1, POST), Decision::Done);
    assert_eq!(p.decide(&res(504, None), 1, POST), Decision::Done);
    assert_eq!(p.decide(&res(504, Some("1")), 1, POST), Decision::Done);
    assert_eq!(p.decide(&res(500, None), 1, POST), Decision::Done);
}

#[test]
fn idempotency_follows_the_method() {
    use o365kit::Method;
    assert!(Method::Get.is_idempotent() && Method::Put.is_idempotent() && Method::Delete.is_idempotent());
    assert!(!Method::Post.is_idempotent() && !Method::Patch.is_idempotent());
}

#[test]
fn attempts_are_bounded() {
    let p = Policy { max_attempts: 3, ..Policy::default() };
    assert!(matches!(p.decide(&res(503, None), 1, GET), Decision::Retry(_)));
    assert!(matches!(p.decide(&res(503, None), 2, GET), Decision::Retry(_)));
    assert_eq!(p.decide(&res(503, None), 3, GET), Decision::Done);
    assert_eq!(p.decide(&res(429, Some("1")), 3, GET), Decision::Done);
    assert_eq!(p.decide(&res(429, Some("1")), 99, GET), Decision::Done);
    let none = Policy::no_retries();
    assert_eq!(none.max_attempts, 1);
    assert_eq!(none.decide(&res(429, Some("1")), 1, GET), Decision::Done);
    assert_eq!(none.decide_transport(1, GET), Decision::Done);
}

#[test]
fn long_retry_after_is_not_waited_for() {
    let p = Policy { max_retry_after: secs(60), ..Policy::default() };
    assert_eq!(p.decide(&res(429, Some("60")), 1, GET), Decision::Retry(secs(60)));
    assert_eq!(p.decide(&res(429, Some("61")), 1, GET), Decision::Done);
    assert_eq!(p.decide(&res(503, Some("86400")), 1, POST), Decision::Done);
    let far = httpdate::fmt_http_date(SystemTime::now() + secs(3600));
    assert_eq!(p.decide(&res(429, Some(&far)), 1, GET), Decision::Done);
    assert_eq!(p.decide(&res(429, Some("18446744073709551615")), 1, GET), Decision::Done);
}

#[test]
fn transport_failures_retry_only_idempotent_requests() {
    let p = Policy::default();
    match p.decide_transport(1, GET) {
        Decision::Retry(d) => assert!(d >= p.base_delay / 2 && d <= p.base_delay),
        other => panic!("{other:?}"),
    }
    assert_eq!(p.decide_transport(1, POST), Decision::Done);
    assert_eq!(p.decide_transport(p.max_attempts, GET), Decision::Done);
}

#[test]
fn backoff_grows_then_caps_with_jitter_in_range() {
    let p = Policy { base_delay: Duration::from_millis(100), max_delay: secs(2), ..Policy::default() };
    for salt in ["", "a", "5b9c6c0f-1d2e-4f3a-8b7c-6d5e4f3a2b1c", "transport"] {
        for attempt in 1..=40u32 {
            let step = (p.base_delay * 2u32.pow((attempt - 1).min(16))).min(p.max_delay);
            let d = p.backoff(attempt, salt);
            assert!(d >= step / 2 && d <= step, "attempt {attempt} salt {salt:?}: {d:?} vs step {step:?}");
        }
    }
    // Growth: the jitter ranges of consecutive attempts do not overlap downwards.
    assert!(p.backoff(4, "x") >= p.backoff(1, "x") * 2);
    assert!(p.backoff(30, "x") <= p.max_delay);
    assert!(p.backoff(30, "x") >= p.max_delay / 2);
}

#[test]
fn backoff_is_deterministic_per_salt_and_spreads_across_salts() {
    let p = Policy::default();
    assert_eq!(p.backoff(2, "req-1"), p.backoff(2, "req-1"));
    let distinct: std::collections::HashSet<Duration> = (0..50).map(|i| p.backoff(2, &format!("req-{i}"))).collect();
    assert!(distinct.len() > 10, "jitter should spread: {}", distinct.len());
}

#[test]
fn backoff_never_overflows() {
    let p = Policy { base_delay: Duration::MAX, max_delay: Duration::MAX, ..Policy::default() };
    for attempt in [0, 1, 2, 17, u32::MAX] {
        let d = p.backoff(attempt, "x");
        assert!(d <= Duration::MAX && d >= Duration::MAX / 2 - secs(1));
    }
}
