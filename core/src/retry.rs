//! When to try a request again. The core decides; a transport only sleeps and resends.

use crate::error::retry_after_now;
use crate::http::Response;
use std::time::Duration;

/// What the transport should do with a response it just received.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Hand the response to the operation's parser (success or a final error).
    Done,
    /// Wait this long, then send the same request again.
    Retry(Duration),
}

/// Bounded retries for throttling and transient failures.
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    /// Total attempts including the first; 1 disables retries.
    pub max_attempts: u32,
    /// First backoff when the server gives no Retry-After.
    pub base_delay: Duration,
    /// Upper bound for computed backoff.
    pub max_delay: Duration,
    /// A Retry-After longer than this is not waited for: the error goes to the caller.
    pub max_retry_after: Duration,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            max_attempts: 4,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(30),
            max_retry_after: Duration::from_secs(180),
        }
    }
}

impl Policy {
    pub fn no_retries() -> Self {
        Policy { max_attempts: 1, ..Policy::default() }
    }

    /// Decides after attempt number `attempt` (1 for the first send) got `res`.
    /// A non-idempotent request is retried only when the answer proves it was not processed:
    /// 429 or 503 carrying Retry-After.
    pub fn decide(&self, res: &Response, attempt: u32, idempotent: bool) -> Decision {
        if attempt >= self.max_attempts || !matches!(res.status, 429 | 503 | 504) {
            return Decision::Done;
        }
        let retry_after = res.header("retry-after").and_then(retry_after_now);
        match retry_after {
            Some(wait) if wait > self.max_retry_after => Decision::Done,
            Some(wait) if res.status != 504 => Decision::Retry(wait),
            _ if !idempotent => Decision::Done,
            Some(wait) => Decision::Retry(wait),
            None => Decision::Retry(self.backoff(attempt, res.header("request-id").unwrap_or(""))),
        }
    }

    /// Decides after attempt `attempt` failed without any HTTP answer. Only idempotent requests
    /// are resent: a POST may have reached the server.
    pub fn decide_transport(&self, attempt: u32, idempotent: bool) -> Decision {
        if idempotent && attempt < self.max_attempts {
            Decision::Retry(self.backoff(attempt, "transport"))
        } else {
            Decision::Done
        }
    }

    /// Exponential backoff with jitter in [50%, 100%] of the step, derived from `salt` so the
    /// core stays deterministic for a given response while parallel clients still spread out.
    pub fn backoff(&self, attempt: u32, salt: &str) -> Duration {
        let step = self.base_delay.saturating_mul(1u32 << attempt.saturating_sub(1).min(16));
        let step = step.min(self.max_delay);
        let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(attempt);
        for b in salt.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
        let frac = 0.5 + (h % 1000) as f64 / 2000.0;
        step.mul_f64(frac)
    }
}
