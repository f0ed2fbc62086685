//! Limits: token buckets per network address and per participant, so that one phone
//! (or one script) cannot flood a session or guess join codes while a room of forty
//! people answering at once is never slowed down; and [`Caps`], counts of what a
//! client holds open (connections, event streams), per address and overall.
//!
//! Every key is bounded data: an [`address_key`] or a verified identity, never a header
//! as the client sent it, so a limiter's memory does not grow with what clients invent.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv6Addr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Refill rate and burst size.
#[derive(Clone, Copy, Debug)]
pub struct Rate {
    /// Requests per second, sustained.
    pub per_second: f64,
    /// Requests allowed at once.
    pub burst: f64,
}

/// Keys a limiter keeps before it forgets those idle long enough to be full again.
const PRUNE_ABOVE: usize = 10_000;

/// The address a limit counts against: IPv4 as is (an IPv4-mapped IPv6 address is its
/// IPv4 address), IPv6 by its /64 network, since one device is given a whole /64 and
/// may pick any address in it.
pub fn address_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
    }
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

    /// How long until `key` has a request again; `None` when it has one now (nothing is
    /// taken).
    pub fn exhausted(&self, key: &str) -> Option<Duration> {
        let buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        let bucket = buckets.get(key)?;
        let tokens = bucket.tokens + bucket.last.elapsed().as_secs_f64() * self.rate.per_second;
        (tokens < 1.0).then(|| self.wait_for(tokens))
    }

    fn wait_for(&self, tokens: f64) -> Duration {
        Duration::from_secs_f64(((1.0 - tokens) / self.rate.per_second.max(0.001)).min(86_400.0))
    }

    /// Takes one request for `key`; `Err` with the time until the next one when over the
    /// limit.
    pub fn allow(&self, key: &str) -> Result<(), Duration> {
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if buckets.len() > PRUNE_ABOVE {
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
            Ok(())
        } else {
            Err(self.wait_for(bucket.tokens))
        }
    }
}

/// Why [`Caps::take`] refuses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Full {
    /// This address holds its share already (answered 429).
    Address,
    /// The server holds all it may (answered 503).
    Server,
}

/// Counts of something held open, per address and overall, each with a cap.
pub struct Caps {
    total: usize,
    per_address: usize,
    held: Mutex<(usize, HashMap<IpAddr, usize>)>,
}

/// One thing held open; dropping it gives its place back.
pub struct Held {
    caps: Arc<Caps>,
    key: IpAddr,
}

impl Caps {
    /// At most `total` overall and `per_address` per [`address_key`].
    pub fn new(total: usize, per_address: usize) -> Arc<Caps> {
        Arc::new(Caps {
            total,
            per_address,
            held: Mutex::new((0, HashMap::new())),
        })
    }

    /// Takes a place for `ip`, or says which cap is reached.
    pub fn take(self: &Arc<Caps>, ip: IpAddr) -> Result<Held, Full> {
        let key = address_key(ip);
        let mut held = self.held.lock().unwrap_or_else(|p| p.into_inner());
        let (total, by_address) = &mut *held;
        let mine = by_address.get(&key).copied().unwrap_or(0);
        if mine >= self.per_address {
            return Err(Full::Address);
        }
        if *total >= self.total {
            return Err(Full::Server);
        }
        *total += 1;
        by_address.insert(key, mine + 1);
        Ok(Held {
            caps: self.clone(),
            key,
        })
    }

    /// Takes a place for a trusted reverse proxy at `ip`: counted overall only, since
    /// it carries the connections of many clients (theirs are counted by the requests'
    /// limits, on the address the proxy forwards).
    pub fn take_overall(self: &Arc<Caps>, ip: IpAddr) -> Result<Held, Full> {
        let key = address_key(ip);
        let mut held = self.held.lock().unwrap_or_else(|p| p.into_inner());
        let (total, by_address) = &mut *held;
        if *total >= self.total {
            return Err(Full::Server);
        }
        *total += 1;
        *by_address.entry(key).or_insert(0) += 1;
        Ok(Held {
            caps: self.clone(),
            key,
        })
    }

    /// How many are held overall.
    #[cfg(test)]
    pub fn in_use(&self) -> usize {
        self.held.lock().unwrap_or_else(|p| p.into_inner()).0
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        let mut held = self.caps.held.lock().unwrap_or_else(|p| p.into_inner());
        let (total, by_address) = &mut *held;
        *total = total.saturating_sub(1);
        if let Some(n) = by_address.get_mut(&self.key) {
            *n -= 1;
            if *n == 0 {
                by_address.remove(&self.key);
            }
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
        assert!((0..3).all(|_| limiter.allow("a").is_ok()));
        let wait = limiter.allow("a").unwrap_err();
        assert!(
            wait > Duration::ZERO && wait <= Duration::from_secs(1),
            "{wait:?}"
        );
        assert!(limiter.exhausted("a").is_some());
        assert!(limiter.allow("b").is_ok(), "keys are independent");
        assert!(limiter.exhausted("c").is_none());
    }

    #[test]
    fn ipv6_counts_by_network_and_mapped_ipv4_as_ipv4() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:ffff::9".parse().unwrap();
        let other: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(address_key(a), address_key(b));
        assert_ne!(address_key(a), address_key(other));
        let mapped: IpAddr = "::ffff:192.0.2.7".parse().unwrap();
        assert_eq!(address_key(mapped), "192.0.2.7".parse::<IpAddr>().unwrap());
    }

    #[test]
    fn caps_hold_per_address_and_overall_and_give_places_back() {
        let caps = Caps::new(3, 2);
        let one: IpAddr = "192.0.2.1".parse().unwrap();
        let two: IpAddr = "192.0.2.2".parse().unwrap();
        let three: IpAddr = "192.0.2.3".parse().unwrap();
        let first = caps.take(one).unwrap();
        let _second = caps.take(one).unwrap();
        assert_eq!(caps.take(one).err(), Some(Full::Address));
        let _third = caps.take(two).unwrap();
        assert_eq!(caps.take(three).err(), Some(Full::Server));
        drop(first);
        assert!(caps.take(three).is_ok());
        assert_eq!(caps.in_use(), 2, "the place taken just now was dropped at once");
    }
}
