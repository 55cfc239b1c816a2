//! Who may use the API: a browser with a session (cookie `nw_session`, made by `POST /login` with the web
//! password) or a program with the API key (`X-Api-Key`). Both are checked against the credentials read fresh
//! from the database ([`Service::access`](nightwatcher_engine::service::Service::access)), so a password or key
//! changed by another process (`nightwatcherd web password` beside `nightwatcherd run`) holds at once: a session
//! remembers the credentials' `generation` and is void under a newer one.
//!
//! Sessions live in memory only: a restart logs browsers out, which is the safe way round. Each expires
//! [`SESSION_LIFETIME`] after login, or [`SESSION_IDLE`] after its last use.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Mutex;

use axum::extract::{ConnectInfo, FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use nightwatcher_engine::command::{ErrorKind, RemoteError};
use rand::RngCore;
use serde::Deserialize;
use tokio::sync::watch;

use crate::body::JsonBody;
use crate::error::ApiError;
use crate::{Shared, client, csrf};

pub(crate) const COOKIE: &str = "nw_session";
pub(crate) const API_KEY_HEADER: &str = "x-api-key";
/// A session ends this long after login, however much it is used.
pub(crate) const SESSION_LIFETIME: i64 = 30 * 24 * 3600;
/// A session unused this long ends.
pub(crate) const SESSION_IDLE: i64 = 7 * 24 * 3600;
/// Sessions kept at most; the oldest go first (each login makes one).
const MAX_SESSIONS: usize = 1000;

#[derive(Debug, Clone, Copy)]
struct Session {
    created_at: i64,
    last_used: i64,
    generation: u64,
}

/// The open sessions, by id (256 random bits, hex).
#[derive(Debug)]
pub(crate) struct Sessions {
    open: Mutex<HashMap<String, Session>>,
    /// Bumped when every session ends, so the event streams of sessions close too.
    ended: watch::Sender<u64>,
}

impl Default for Sessions {
    fn default() -> Self {
        Sessions {
            open: Mutex::new(HashMap::new()),
            ended: watch::channel(0).0,
        }
    }
}

impl Sessions {
    fn create(&self, now: i64, generation: u64) -> String {
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        let id: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        if let Ok(mut open) = self.open.lock() {
            open.retain(|_, s| live(s, now, generation));
            if open.len() >= MAX_SESSIONS
                && let Some(oldest) = open
                    .iter()
                    .min_by_key(|(_, s)| s.last_used)
                    .map(|(id, _)| id.clone())
            {
                open.remove(&oldest);
            }
            open.insert(
                id.clone(),
                Session {
                    created_at: now,
                    last_used: now,
                    generation,
                },
            );
        }
        id
    }

    /// Whether `id` is a live session under the credentials' `generation`; marks it used.
    fn touch(&self, id: &str, now: i64, generation: u64) -> bool {
        let Ok(mut open) = self.open.lock() else {
            return false;
        };
        match open.get_mut(id) {
            Some(s) if live(s, now, generation) => {
                s.last_used = now;
                true
            }
            Some(_) => {
                open.remove(id);
                false
            }
            None => false,
        }
    }

    fn end(&self, id: &str) {
        if let Ok(mut open) = self.open.lock() {
            open.remove(id);
        }
    }

    /// Ends every session (the password changed).
    pub fn end_all(&self) {
        if let Ok(mut open) = self.open.lock() {
            open.clear();
        }
        self.ended.send_modify(|n| *n += 1);
    }

    /// Changes when every session has ended.
    pub fn watch_ended(&self) -> watch::Receiver<u64> {
        self.ended.subscribe()
    }
}

fn live(s: &Session, now: i64, generation: u64) -> bool {
    s.generation == generation
        && now - s.created_at < SESSION_LIFETIME
        && now - s.last_used < SESSION_IDLE
}

/// An authenticated caller. Extracting it answers 401 without a valid session or key, and 403 for a
/// cookie-authenticated state change that fails the CSRF rule ([`csrf`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Caller {
    ApiKey,
    Session(String),
}

impl FromRequestParts<Shared> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Caller, ApiError> {
        let access = state.service.access().await?;
        if let Some(key) = client::header(&parts.headers, API_KEY_HEADER) {
            // A wrong key is refused even with a valid cookie: a program that sends a key means that key.
            return if access.verify_api_key(key) {
                Ok(Caller::ApiKey)
            } else {
                Err(ApiError::unauthorized(
                    "wrong API key: make a new one with `nightwatcherd web api-key --new`",
                ))
            };
        }
        let now = state.clock.now();
        let Some(id) = session_cookie(&parts.headers)
            .filter(|id| state.sessions.touch(id, now, access.generation))
        else {
            return Err(ApiError::unauthorized(
                "log in first: no session (or it has ended) and no API key",
            ));
        };
        if !csrf::is_safe(&parts.method) {
            csrf::check(&parts.headers, state.trust_forwarded)?;
        }
        Ok(Caller::Session(id.to_owned()))
    }
}

/// The `nw_session` cookie's value, if the request has one.
fn session_cookie(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.trim())
        .filter(|v| !v.is_empty())
}

/// `Set-Cookie` for a new session, or (`id` `None`) one that clears it.
fn cookie(state: &Shared, headers: &HeaderMap, id: Option<&str>) -> HeaderValue {
    let secure = if client::is_https(headers, state.trust_forwarded) {
        "; Secure"
    } else {
        ""
    };
    let (value, max_age) = match id {
        Some(id) => (id, SESSION_LIFETIME),
        None => ("", 0),
    };
    let text = format!(
        "{COOKIE}={value}; HttpOnly; SameSite=Strict; Path={}/; Max-Age={max_age}{secure}",
        state.url_base
    );
    // The id is hex and the base is checked to be URL-safe characters: always a valid header value.
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static(""))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Login {
    password: String,
}

/// `POST /login`: the web password → a session cookie. Throttled per client address.
pub(crate) async fn login(
    State(state): State<Shared>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    JsonBody(login): JsonBody<Login>,
) -> Result<Response, ApiError> {
    let ip = client::address(&headers, peer, state.trust_forwarded);
    // Counted as a failure from here on, until it succeeds (see throttle).
    let failures = match state.throttle.begin(ip, state.clock.now()) {
        Ok(failures) => failures,
        Err(wait) => {
            tracing::warn!(client = %ip, retry_after_s = wait, "login refused: too many failed logins");
            return Err(ApiError::too_many_requests(wait));
        }
    };
    let access = state.service.access().await?;
    if !access.has_password() {
        return Err(RemoteError::new(
            ErrorKind::Unauthorized,
            "no web password is set: set one with `nightwatcherd web password` or in the desktop app's Settings",
            Some("password"),
        )
        .into());
    }
    let generation = access.generation;
    if !state.service.verify_web_password(login.password).await? {
        tracing::warn!(client = %ip, failures, "failed web login");
        return Err(
            RemoteError::new(ErrorKind::Unauthorized, "wrong password", Some("password")).into(),
        );
    }
    state.throttle.succeeded(ip);
    let id = state.sessions.create(state.clock.now(), generation);
    tracing::info!(client = %ip, "web login");
    Ok((
        StatusCode::NO_CONTENT,
        [(header::SET_COOKIE, cookie(&state, &headers, Some(&id)))],
    )
        .into_response())
}

/// `POST /logout`: ends the caller's session, if it has a live one, and clears the cookie either way.
pub(crate) async fn logout(
    State(state): State<Shared>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    if let Some(id) = session_cookie(&headers) {
        let generation = state.service.access().await?.generation;
        if state.sessions.touch(id, state.clock.now(), generation) {
            // Logging someone out from another site is a nuisance worth refusing too.
            csrf::check(&headers, state.trust_forwarded)?;
            state.sessions.end(id);
        }
    }
    Ok(cleared(&state, &headers))
}

/// `204` clearing the session cookie.
pub(crate) fn cleared(state: &Shared, headers: &HeaderMap) -> Response {
    (
        StatusCode::NO_CONTENT,
        [(header::SET_COOKIE, cookie(state, headers, None))],
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_expire_and_die_with_the_generation() {
        let s = Sessions::default();
        let id = s.create(0, 1);
        assert_eq!(id.len(), 64);
        assert!(s.touch(&id, 10, 1));
        assert!(!s.touch(&id, 10, 2), "a newer generation voids it");
        assert!(!s.touch(&id, 11, 1), "and it is gone");

        let idle = s.create(0, 1);
        assert!(s.touch(&idle, SESSION_IDLE - 1, 1));
        assert!(!s.touch(&idle, 2 * SESSION_IDLE, 1));

        let busy = s.create(0, 1);
        let mut t = 0;
        while t + SESSION_IDLE / 2 < SESSION_LIFETIME {
            t += SESSION_IDLE / 2;
            assert!(s.touch(&busy, t, 1), "{t}");
        }
        assert!(!s.touch(&busy, SESSION_LIFETIME, 1));
    }

    #[test]
    fn the_cookie_is_found_among_others() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("a=b; nw_session=abc123 ; c=d"),
        );
        assert_eq!(session_cookie(&h), Some("abc123"));
        h.insert(header::COOKIE, HeaderValue::from_static("nw_session="));
        assert_eq!(session_cookie(&h), None);
    }
}
