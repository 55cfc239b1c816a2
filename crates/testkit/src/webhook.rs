//! A webhook receiver: accepts `POST`s on any path and records each with its headers and JSON body, as a
//! Home Assistant or n8n webhook would. Tests script its answers (a status, with `Retry-After`) to see how the
//! sender handles refusals and outages.

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use tokio::sync::Notify;

use crate::Lifetime;

/// One request the receiver got.
#[derive(Debug, Clone)]
pub struct Received {
    pub method: String,
    /// The path and query.
    pub target: String,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    /// The body as JSON (`Null` when it is not JSON).
    pub body: Value,
    /// The status the receiver answered.
    pub status: u16,
}

impl Received {
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// An answer the receiver gives instead of 200.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub retry_after: Option<u64>,
}

#[derive(Default)]
struct ReceiverState {
    received: Vec<Received>,
    answers: VecDeque<Answer>,
}

struct Shared {
    state: Mutex<ReceiverState>,
    arrived: Notify,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, ReceiverState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[derive(Clone)]
pub struct WebhookReceiver {
    shared: Arc<Shared>,
    _lifetime: Arc<Lifetime>,
    addr: SocketAddr,
}

impl WebhookReceiver {
    pub async fn start() -> WebhookReceiver {
        let (lifetime, rx) = Lifetime::new();
        let shared = Arc::new(Shared {
            state: Mutex::new(ReceiverState::default()),
            arrived: Notify::new(),
        });
        let router = axum::Router::new()
            .fallback(handle)
            .with_state(shared.clone());
        let addr = match crate::spawn_server(crate::ephemeral_loopback(), router, rx).await {
            Ok(addr) => addr,
            Err(e) => panic!("the webhook receiver could not bind a loopback port: {e}"),
        };
        WebhookReceiver {
            shared,
            _lifetime: Arc::new(lifetime),
            addr,
        }
    }

    /// The URL of `path` on the receiver (`/api/webhook/abc`).
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// The next request is answered with `status` (and `Retry-After`) instead of 200.
    pub fn answer_next(&self, status: u16, retry_after: Option<u64>) {
        self.shared.lock().answers.push_back(Answer {
            status,
            retry_after,
        });
    }

    /// Every request so far, refused ones included.
    pub fn received(&self) -> Vec<Received> {
        self.shared.lock().received.clone()
    }

    /// The requests answered 2xx.
    pub fn accepted(&self) -> Vec<Received> {
        self.received()
            .into_iter()
            .filter(|r| (200..300).contains(&r.status))
            .collect()
    }

    /// Waits until at least `n` requests were accepted; what there is after `timeout`.
    pub async fn wait_for(&self, n: usize, timeout: Duration) -> Vec<Received> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let notified = self.shared.arrived.notified();
            let accepted = self.accepted();
            if accepted.len() >= n {
                return accepted;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                return self.accepted();
            }
        }
    }
}

async fn handle(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let answer = shared.lock().answers.pop_front().unwrap_or(Answer {
        status: 200,
        retry_after: None,
    });
    let received = Received {
        method: method.to_string(),
        target: uri
            .path_and_query()
            .map(|p| p.to_string())
            .unwrap_or_default(),
        headers: headers
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_ascii_lowercase(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body: serde_json::from_slice(&body).unwrap_or(Value::Null),
        status: answer.status,
    };
    shared.lock().received.push(received);
    shared.arrived.notify_waiters();
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = (status, "").into_response();
    if let Some(after) = answer.retry_after
        && let Ok(v) = after.to_string().parse()
    {
        response.headers_mut().insert(header::RETRY_AFTER, v);
    }
    response
}
