//! The window's side of the socket: calls commands on the engine and receives what it pushes.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::net::UnixStream;
use tokio::sync::{mpsc, oneshot};
use tokio_util::codec::{FramedRead, FramedWrite, LinesCodec};

use super::protocol::{MAX_LINE_BYTES, RemoteError, Request, ServerMessage};

/// What the engine pushes to a window.
#[derive(Debug, Clone, PartialEq)]
pub enum Push {
    /// An engine event, named and shaped for the UI.
    Event { name: String, payload: Value },
    /// Come to the front.
    Focus,
    /// The app is quitting: close.
    Close,
}

/// The calls waiting for their reply; `None` once the connection has closed (no reply can come any more).
type Pending = Arc<Mutex<Option<HashMap<u64, oneshot::Sender<Result<Value, RemoteError>>>>>>;

/// A connection to the engine; cheap to clone. When the engine goes away, calls fail with
/// [`RemoteError::engine_gone`] and the push receiver ends.
#[derive(Clone)]
pub struct Client {
    requests: mpsc::UnboundedSender<String>,
    pending: Pending,
    next_id: Arc<AtomicU64>,
}

impl Client {
    /// Connects to the engine listening on `path`. Pushes arrive on the receiver (only after [`Client::hello`]).
    pub async fn connect(path: &Path) -> std::io::Result<(Client, mpsc::UnboundedReceiver<Push>)> {
        let stream = UnixStream::connect(path).await?;
        let (read, write) = stream.into_split();
        let (requests, mut outgoing) = mpsc::unbounded_channel::<String>();
        let (pushes, pushed) = mpsc::unbounded_channel();
        let pending: Pending = Arc::new(Mutex::new(Some(HashMap::new())));
        tokio::spawn(async move {
            let mut sink = FramedWrite::new(write, LinesCodec::new());
            while let Some(line) = outgoing.recv().await {
                if sink.send(line).await.is_err() {
                    break;
                }
            }
        });
        let replies = Arc::clone(&pending);
        tokio::spawn(async move {
            let mut lines = FramedRead::new(read, LinesCodec::new_with_max_length(MAX_LINE_BYTES));
            while let Some(Ok(line)) = lines.next().await {
                let message = match serde_json::from_str::<ServerMessage>(&line) {
                    Ok(message) => message,
                    Err(e) => {
                        tracing::warn!(error = %e, "unreadable message from the engine");
                        continue;
                    }
                };
                match message {
                    ServerMessage::Reply { id, ok, error } => {
                        let waiter = replies
                            .lock()
                            .ok()
                            .and_then(|mut p| p.as_mut().and_then(|p| p.remove(&id)));
                        if let Some(waiter) = waiter {
                            let _ = waiter.send(error.map_or(Ok(ok), Err));
                        }
                    }
                    ServerMessage::Event { name, payload } => {
                        let _ = pushes.send(Push::Event { name, payload });
                    }
                    ServerMessage::Focus => {
                        let _ = pushes.send(Push::Focus);
                    }
                    ServerMessage::Close => {
                        let _ = pushes.send(Push::Close);
                    }
                }
            }
            // The engine is gone: every waiting call fails (dropping its sender), and the push receiver ends.
            if let Ok(mut pending) = replies.lock() {
                *pending = None;
            }
            tracing::info!("the connection to the engine closed");
        });
        let client = Client {
            requests,
            pending,
            next_id: Arc::new(AtomicU64::new(1)),
        };
        Ok((client, pushed))
    }

    /// Runs a command on the engine; `args` is a JSON object with the command's arguments (or `null`).
    pub async fn call(&self, cmd: &str, args: Value) -> Result<Value, RemoteError> {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let line = serde_json::to_string(&Request {
            id,
            cmd: cmd.to_owned(),
            args,
        })
        .map_err(|e| RemoteError::internal(format!("the request could not be serialized: {e}")))?;
        let (tx, rx) = oneshot::channel();
        self.pending
            .lock()
            .map_err(|_| RemoteError::engine_gone())?
            .as_mut()
            .ok_or_else(RemoteError::engine_gone)?
            .insert(id, tx);
        if self.requests.send(line).is_err() {
            return Err(RemoteError::engine_gone());
        }
        rx.await.unwrap_or_else(|_| Err(RemoteError::engine_gone()))
    }

    /// Registers this connection as the window. Fails with kind `already_open` when another window is open
    /// (which the engine then brings to the front).
    pub async fn hello(&self) -> Result<(), RemoteError> {
        self.call("hello", json!({"role": "window"}))
            .await
            .map(drop)
    }
}
