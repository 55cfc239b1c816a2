//! Slowing down password guessing, per client address: the first [`FREE_TRIES`] failures in a row cost
//! nothing; after them each try must wait [`FIRST_WAIT`] seconds after the last failure, doubling with every
//! further failure up to [`MAX_WAIT`]. A try made too early is refused (HTTP 429 with `Retry-After`) without
//! checking the password and without counting. A success forgets the address; so does a day without failures.
//!
//! A try is counted as a failure when it starts ([`Throttle::begin`], one lock for the check and the count) and
//! forgiven when it succeeds: checking a password takes a while (Argon2), and many tries sent at once must
//! not all get through while the first is still being checked.
//!
//! Time is the injected [`Clock`](nightwatcher_engine::schedule::Clock)'s, in seconds, so tests need no sleeping.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;

pub(crate) const FREE_TRIES: u32 = 5;
pub(crate) const FIRST_WAIT: u64 = 1;
pub(crate) const MAX_WAIT: u64 = 15 * 60;
/// Failures older than this are forgotten.
const FORGET_AFTER: i64 = 24 * 3600;
/// Addresses remembered at most; past it the stalest are dropped (a flood of addresses must not fill memory).
const MAX_ADDRESSES: usize = 10_000;

#[derive(Debug, Clone, Copy)]
struct Failures {
    in_a_row: u32,
    last_at: i64,
}

#[derive(Debug, Default)]
pub(crate) struct Throttle {
    by_address: Mutex<HashMap<IpAddr, Failures>>,
}

impl Throttle {
    /// Starts a login try from `ip`: `Err(seconds to wait)` when it comes too early, else it is counted as a
    /// failure (until [`Throttle::succeeded`]) and `Ok` has the failures in a row with it.
    pub fn begin(&self, ip: IpAddr, now: i64) -> Result<u32, u64> {
        let Ok(mut map) = self.by_address.lock() else {
            return Ok(0);
        };
        if let Some(wait) = map.get(&ip).and_then(|f| wait(f, now)) {
            return Err(wait);
        }
        if map.len() >= MAX_ADDRESSES && !map.contains_key(&ip) {
            map.retain(|_, f| now - f.last_at <= FORGET_AFTER);
            if map.len() >= MAX_ADDRESSES
                && let Some(stalest) = map.iter().min_by_key(|(_, f)| f.last_at).map(|(ip, _)| *ip)
            {
                map.remove(&stalest);
            }
        }
        let entry = map.entry(ip).or_insert(Failures {
            in_a_row: 0,
            last_at: now,
        });
        if now - entry.last_at > FORGET_AFTER {
            entry.in_a_row = 0;
        }
        entry.in_a_row = entry.in_a_row.saturating_add(1);
        entry.last_at = now;
        Ok(entry.in_a_row)
    }

    /// The try from `ip` succeeded: its failures are forgotten.
    pub fn succeeded(&self, ip: IpAddr) {
        if let Ok(mut map) = self.by_address.lock() {
            map.remove(&ip);
        }
    }
}

/// Seconds still to wait after these failures, if any.
fn wait(f: &Failures, now: i64) -> Option<u64> {
    if f.in_a_row < FREE_TRIES || now - f.last_at > FORGET_AFTER {
        return None;
    }
    let wait = delay(f.in_a_row);
    let elapsed = u64::try_from(now - f.last_at).unwrap_or(0);
    (elapsed < wait).then(|| wait - elapsed)
}

/// The wait after `failures` in a row (at least [`FREE_TRIES`]).
fn delay(failures: u32) -> u64 {
    let doublings = failures.saturating_sub(FREE_TRIES).min(20);
    (FIRST_WAIT << doublings).min(MAX_WAIT)
}

#[cfg(test)]
mod tests {
    use super::*;

    const IP: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(192, 168, 1, 7));
    const OTHER: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(192, 168, 1, 8));

    #[test]
    fn five_failures_are_free_then_each_waits_twice_as_long() {
        let t = Throttle::default();
        for n in 1..=5 {
            assert_eq!(t.begin(IP, 100), Ok(n), "try {n}");
        }
        assert_eq!(t.begin(IP, 100), Err(1));
        assert_eq!(t.begin(IP, 100), Err(1), "a refused try is not counted");
        assert_eq!(t.begin(OTHER, 100), Ok(1));
        assert_eq!(t.begin(IP, 101), Ok(6));
        assert_eq!(t.begin(IP, 101), Err(2));
        assert_eq!(t.begin(IP, 102), Err(1));
        assert_eq!(t.begin(IP, 103), Ok(7));
        assert_eq!(t.begin(IP, 103), Err(4));
        t.succeeded(IP);
        assert_eq!(t.begin(IP, 103), Ok(1));
    }

    #[test]
    fn the_wait_is_capped_and_old_failures_are_forgotten() {
        let t = Throttle::default();
        for n in 0..100 {
            let _ = t.begin(IP, n * MAX_WAIT as i64);
        }
        assert_eq!(t.begin(IP, 99 * MAX_WAIT as i64), Err(MAX_WAIT));
        assert_eq!(t.begin(IP, 99 * MAX_WAIT as i64 + FORGET_AFTER + 1), Ok(1));
    }
}
