//! A fake ntfy server, after ntfy's publishing docs: JSON publishing is a `POST /` whose body names the
//! `topic` (`title`, `message`, `priority` 1–5, `tags`, `click`, `attach`, …); the answer is the published
//! message as JSON. Errors are ntfy's envelope `{"code":40301,"http":403,"error":"forbidden","link":…}`:
//! 400 for an invalid topic or priority, 401 for a token the server does not know, 403 for a protected topic
//! without access, 413 for a message over the limit, 429 when rate limited.
//!
//! Tests protect topics with a token, script faults (429 with `Retry-After`, 5xx) and read back what was
//! published, with the `Authorization` header it came with.

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use tokio::sync::Notify;

use crate::Lifetime;

/// ntfy's default message limit, in bytes.
pub const MESSAGE_LIMIT: usize = 4096;

/// A failure the next publish gets instead of being processed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NtfyFault {
    /// 429 "limit reached: too many requests" with `Retry-After`.
    TooManyRequests { retry_after: u64 },
    /// 502 from a reverse proxy in front of ntfy (an HTML page, not ntfy's envelope).
    BadGateway,
}

/// A message the fake accepted.
#[derive(Debug, Clone, PartialEq)]
pub struct Published {
    pub topic: String,
    pub title: Option<String>,
    pub message: String,
    pub priority: Option<u8>,
    pub tags: Vec<String>,
    pub click: Option<String>,
    pub attach: Option<String>,
    /// The `Authorization` header as sent.
    pub authorization: Option<String>,
    /// The whole JSON body as sent.
    pub body: Value,
}

#[derive(Default)]
struct NtfyState {
    published: Vec<Published>,
    faults: VecDeque<NtfyFault>,
    /// Topic → the one token that may publish to it.
    protected: HashMap<String, String>,
    requests: u64,
}

struct Shared {
    state: Mutex<NtfyState>,
    accepted: Notify,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, NtfyState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Handle to a running fake ntfy server; stops when the last handle is dropped.
#[derive(Clone)]
pub struct FakeNtfy {
    shared: Arc<Shared>,
    _lifetime: Arc<Lifetime>,
    addr: SocketAddr,
}

impl FakeNtfy {
    pub async fn start() -> FakeNtfy {
        let (lifetime, rx) = Lifetime::new();
        let shared = Arc::new(Shared {
            state: Mutex::new(NtfyState::default()),
            accepted: Notify::new(),
        });
        let router = axum::Router::new()
            .fallback(handle)
            .with_state(shared.clone());
        let addr = match crate::spawn_server(crate::ephemeral_loopback(), router, rx).await {
            Ok(addr) => addr,
            Err(e) => panic!("fake ntfy could not bind a loopback port: {e}"),
        };
        FakeNtfy {
            shared,
            _lifetime: Arc::new(lifetime),
            addr,
        }
    }

    /// The server's base URL, as the `ntfy_url` setting takes it.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Only `token` may publish to `topic` from now on.
    pub fn protect(&self, topic: &str, token: &str) {
        self.shared
            .lock()
            .protected
            .insert(topic.to_owned(), token.to_owned());
    }

    pub fn fail_next(&self, fault: NtfyFault) {
        self.shared.lock().faults.push_back(fault);
    }

    pub fn published(&self) -> Vec<Published> {
        self.shared.lock().published.clone()
    }

    /// Every request that reached the fake, refused or not.
    pub fn requests(&self) -> u64 {
        self.shared.lock().requests
    }

    /// Waits until at least `n` messages were published; all of them, or what there is after `timeout`.
    pub async fn wait_for(&self, n: usize, timeout: Duration) -> Vec<Published> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let notified = self.shared.accepted.notified();
            let published = self.published();
            if published.len() >= n {
                return published;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                return self.published();
            }
        }
    }
}

fn error(status: StatusCode, code: u32, text: &str) -> Response {
    let body = json!({
        "code": code,
        "http": status.as_u16(),
        "error": text,
        "link": "https://ntfy.sh/docs/publish/",
    });
    (status, axum::Json(body)).into_response()
}

async fn handle(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let fault = {
        let mut state = shared.lock();
        state.requests += 1;
        state.faults.pop_front()
    };
    match fault {
        Some(NtfyFault::TooManyRequests { retry_after }) => {
            let mut r = error(
                StatusCode::TOO_MANY_REQUESTS,
                42901,
                "limit reached: too many requests",
            );
            if let Ok(v) = retry_after.to_string().parse() {
                r.headers_mut().insert(header::RETRY_AFTER, v);
            }
            return r;
        }
        Some(NtfyFault::BadGateway) => {
            return (
                StatusCode::BAD_GATEWAY,
                [(header::CONTENT_TYPE, "text/html")],
                "<html><body><h1>502 Bad Gateway</h1></body></html>",
            )
                .into_response();
        }
        None => {}
    }
    // JSON publishing is a POST or PUT to the root; anything else here is not what a publisher sends.
    if !matches!(method, Method::POST | Method::PUT) || uri.path() != "/" {
        return error(StatusCode::NOT_FOUND, 40401, "page not found");
    }
    let Ok(Value::Object(body)) = serde_json::from_slice::<Value>(&body) else {
        return error(
            StatusCode::BAD_REQUEST,
            40024,
            "invalid request: JSON body invalid",
        );
    };
    let text = |k: &str| body.get(k).and_then(Value::as_str).map(str::to_owned);
    let topic = text("topic").unwrap_or_default();
    let topic_ok = (1..=64).contains(&topic.len())
        && topic
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'));
    if !topic_ok {
        return error(
            StatusCode::BAD_REQUEST,
            40009,
            "invalid request: topic invalid",
        );
    }
    let priority = match body.get("priority") {
        None | Some(Value::Null) => None,
        Some(v) => match v.as_u64() {
            Some(p @ 1..=5) => Some(p as u8),
            _ => {
                return error(
                    StatusCode::BAD_REQUEST,
                    40007,
                    "invalid request: priority invalid",
                );
            }
        },
    };
    let authorization = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let allowed = shared.lock().protected.get(&topic).cloned();
    if let Some(token) = allowed {
        match authorization
            .as_deref()
            .and_then(|a| a.strip_prefix("Bearer "))
        {
            None => return error(StatusCode::FORBIDDEN, 40301, "forbidden"),
            Some(given) if given != token => {
                return error(StatusCode::UNAUTHORIZED, 40101, "unauthorized");
            }
            Some(_) => {}
        }
    }
    let message = text("message").unwrap_or_default();
    if message.len() > MESSAGE_LIMIT {
        return error(
            StatusCode::PAYLOAD_TOO_LARGE,
            41301,
            "request entity too large",
        );
    }
    let published = Published {
        topic: topic.clone(),
        title: text("title"),
        message: message.clone(),
        priority,
        tags: body
            .get("tags")
            .and_then(Value::as_array)
            .map(|tags| {
                tags.iter()
                    .filter_map(|t| t.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default(),
        click: text("click"),
        attach: text("attach"),
        authorization,
        body: Value::Object(body),
    };
    let answer = json!({
        "id": format!("m{}", shared.lock().published.len() + 1),
        "time": chrono::Utc::now().timestamp(),
        "event": "message",
        "topic": topic,
        "title": published.title,
        "message": message,
        "priority": published.priority,
        "tags": published.tags,
        "click": published.click,
    });
    shared.lock().published.push(published);
    shared.accepted.notify_waiters();
    axum::Json(answer).into_response()
}
