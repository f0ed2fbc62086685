//! Rate limits: token buckets per network address and per participant, so that one
//! phone (or one script) cannot flood a session or guess join codes, while a room of
//! forty people answering at once is never slowed down.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

/// Refill rate and burst size.
#[derive(Clone, Copy, Debug)]
pub struct Rate {
    /// Requests per second, sustained.
    pub per_second: f64,
    /// Requests allowed at once.
    pub burst: f64,
}

struct Bucket {
    tokens: f64,
    last: Instant,
}

/// Token buckets by key.
pub struct Limiter {
    rate: Rate,
    buckets: Mutex<HashMap<String, Bucket>>,
}

impl Limiter {
    /// A limiter allowing `rate` per key.
    pub fn new(rate: Rate) -> Limiter {
        Limiter {
            rate,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Whether `key` has no request left right now (without taking one).
    pub fn exhausted(&self, key: &str) -> bool {
        let buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        buckets
            .get(key)
            .is_some_and(|b| b.tokens + b.last.elapsed().as_secs_f64() * self.rate.per_second < 1.0)
    }

    /// Takes one request for `key`; false when over the limit.
    pub fn allow(&self, key: &str) -> bool {
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if buckets.len() > 50_000 {
            // Forget keys idle long enough to be full again.
            let full_after = self.rate.burst / self.rate.per_second.max(0.001);
            buckets.retain(|_, b| now.duration_since(b.last).as_secs_f64() < full_after);
        }
        let bucket = buckets.entry(key.to_owned()).or_insert(Bucket {
            tokens: self.rate.burst,
            last: now,
        });
        let elapsed = now.duration_since(bucket.last).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * self.rate.per_second).min(self.rate.burst);
        bucket.last = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_passes_then_the_rate_holds() {
        let limiter = Limiter::new(Rate {
            per_second: 1.0,
            burst: 3.0,
        });
        assert!((0..3).all(|_| limiter.allow("a")));
        assert!(!limiter.allow("a"));
        assert!(limiter.exhausted("a"));
        assert!(limiter.allow("b"), "keys are independent");
        assert!(!limiter.exhausted("c"));
    }
}
