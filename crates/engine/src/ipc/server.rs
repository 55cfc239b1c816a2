//! The engine's side of the socket: accepts the window (and second launches), runs their commands on the
//! [`Service`], pushes engine events to the window.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use futures_util::{SinkExt, StreamExt};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use tokio::net::{UnixListener, UnixStream};
use tokio::sync::{mpsc, oneshot, watch};
use tokio_util::codec::{FramedRead, FramedWrite, LinesCodec};
use tokio_util::sync::CancellationToken;

use super::MAX_SOCKET_PATH;
use super::protocol::{MAX_LINE_BYTES, RemoteError, Request, SHELL_COMMANDS, ServerMessage};
use crate::command::ErrorKind;
use crate::link::{EngineLink, FollowEngine, Followed};

/// What the server cannot do itself and asks the app's shell to do.
#[derive(Debug)]
pub enum ShellRequest {
    /// Open the window (none is connected): a second launch of the app asked for it.
    OpenWindow,
    /// A command about where the engine runs ([`SHELL_COMMANDS`]): the shell owns that choice.
    Engine {
        cmd: String,
        args: Value,
        reply: oneshot::Sender<Result<Value, RemoteError>>,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum BindError {
    #[error("NightWatcher is already running for this database (its socket {} answers)", path.display())]
    AlreadyRunning { path: PathBuf },
    #[error(
        "the socket path {} is longer than {MAX_SOCKET_PATH} bytes: set NIGHTWATCHER_SOCKET to a shorter path",
        path.display()
    )]
    PathTooLong { path: PathBuf },
    #[error("cannot listen on {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// The listening server; cheap to clone. Dropping it does not stop it: call [`Server::shutdown`].
#[derive(Clone)]
pub struct Server {
    inner: Arc<Inner>,
}

struct Inner {
    /// Where commands go: the engine in this process, or the server it is attached to. Replaced when the
    /// user switches; each window's event forwarding follows the change.
    engine: watch::Sender<EngineLink>,
    path: PathBuf,
    /// The uid that owns the socket file: ours. Peers must run as it.
    uid: u32,
    window: Mutex<Option<Window>>,
    shell: mpsc::UnboundedSender<ShellRequest>,
    cancel: CancellationToken,
    next_connection: AtomicU64,
}

/// The registered window's connection.
struct Window {
    connection: u64,
    tx: mpsc::UnboundedSender<ServerMessage>,
}

impl Server {
    /// Listens on `path` (a stale socket file left by a crash is replaced) and serves until [`Server::shutdown`].
    /// Requests for the shell arrive on the returned receiver.
    pub async fn bind(
        path: &Path,
        engine: impl Into<EngineLink>,
    ) -> Result<(Server, mpsc::UnboundedReceiver<ShellRequest>), BindError> {
        if path.as_os_str().len() > MAX_SOCKET_PATH {
            return Err(BindError::PathTooLong {
                path: path.to_owned(),
            });
        }
        let io = |source| BindError::Io {
            path: path.to_owned(),
            source,
        };
        if path.exists() {
            if UnixStream::connect(path).await.is_ok() {
                return Err(BindError::AlreadyRunning {
                    path: path.to_owned(),
                });
            }
            tracing::info!(socket = %path.display(), "replacing a stale socket");
            std::fs::remove_file(path).map_err(io)?;
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        let listener = UnixListener::bind(path).map_err(io)?;
        // Only the owner may connect; the peer's uid is checked too, which also covers the moment before this.
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).map_err(io)?;
        let uid = std::fs::metadata(path).map_err(io)?.uid();
        let (shell, requests) = mpsc::unbounded_channel();
        let server = Server {
            inner: Arc::new(Inner {
                engine: watch::Sender::new(engine.into()),
                path: path.to_owned(),
                uid,
                window: Mutex::new(None),
                shell,
                cancel: CancellationToken::new(),
                next_connection: AtomicU64::new(1),
            }),
        };
        tokio::spawn(server.clone().accept(listener));
        tracing::info!(socket = %path.display(), "listening for the window");
        Ok((server, requests))
    }

    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    /// The engine commands go to now.
    pub fn engine(&self) -> EngineLink {
        self.inner.engine.borrow().clone()
    }

    /// Sends every later command, and the connected window's events, to `engine`.
    pub fn set_engine(&self, engine: EngineLink) {
        self.inner.engine.send_replace(engine);
    }

    /// The current engine, and each one replacing it.
    pub fn engines(&self) -> watch::Receiver<EngineLink> {
        self.inner.engine.subscribe()
    }

    /// Whether a window is connected.
    pub fn window_connected(&self) -> bool {
        self.window_tx().is_some()
    }

    /// Asks the connected window to come to the front; false when no window is connected.
    pub fn focus_window(&self) -> bool {
        let focused = self
            .window_tx()
            .is_some_and(|tx| tx.send(ServerMessage::Focus).is_ok());
        if focused {
            tracing::info!("window focused");
        }
        focused
    }

    /// Asks the connected window, if any, to close; true when one was asked.
    pub fn close_window(&self) -> bool {
        self.window_tx()
            .is_some_and(|tx| tx.send(ServerMessage::Close).is_ok())
    }

    /// Stops accepting, drops every connection and removes the socket file.
    pub fn shutdown(&self) {
        self.inner.cancel.cancel();
        if let Err(e) = std::fs::remove_file(&self.inner.path)
            && e.kind() != std::io::ErrorKind::NotFound
        {
            tracing::warn!(socket = %self.inner.path.display(), error = %e, "the socket file could not be removed");
        }
    }

    fn window_tx(&self) -> Option<mpsc::UnboundedSender<ServerMessage>> {
        let window = self.inner.window.lock().ok()?;
        window
            .as_ref()
            .filter(|w| !w.tx.is_closed())
            .map(|w| w.tx.clone())
    }

    async fn accept(self, listener: UnixListener) {
        loop {
            let stream = tokio::select! {
                () = self.inner.cancel.cancelled() => break,
                accepted = listener.accept() => match accepted {
                    Ok((stream, _)) => stream,
                    Err(e) => {
                        tracing::warn!(error = %e, "accepting a connection failed");
                        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                        continue;
                    }
                },
            };
            match stream.peer_cred() {
                Ok(cred) if cred.uid() == self.inner.uid => {}
                Ok(cred) => {
                    tracing::warn!(
                        peer_uid = cred.uid(),
                        "refused a connection from another user"
                    );
                    continue;
                }
                Err(e) => {
                    tracing::warn!(error = %e, "refused a connection whose user is unknown");
                    continue;
                }
            }
            let connection = self.inner.next_connection.fetch_add(1, Ordering::Relaxed);
            tokio::spawn(self.clone().serve(connection, stream));
        }
    }

    async fn serve(self, connection: u64, stream: UnixStream) {
        tracing::debug!(connection, "connection opened");
        let (read, write) = stream.into_split();
        let mut lines = FramedRead::new(read, LinesCodec::new_with_max_length(MAX_LINE_BYTES));
        let (tx, mut outgoing) = mpsc::unbounded_channel::<ServerMessage>();
        let cancel = self.inner.cancel.child_token();
        let writer_cancel = cancel.clone();
        let writer = tokio::spawn(async move {
            let mut sink = FramedWrite::new(write, LinesCodec::new());
            loop {
                let message = tokio::select! {
                    () = writer_cancel.cancelled() => break,
                    message = outgoing.recv() => match message {
                        Some(message) => message,
                        None => break,
                    },
                };
                let line = match serde_json::to_string(&message) {
                    Ok(line) => line,
                    Err(e) => {
                        tracing::warn!(error = %e, "a message could not be serialized");
                        continue;
                    }
                };
                if sink.send(line).await.is_err() {
                    break;
                }
            }
        });
        loop {
            let line = tokio::select! {
                () = cancel.cancelled() => break,
                line = lines.next() => match line {
                    Some(Ok(line)) => line,
                    Some(Err(e)) => {
                        tracing::warn!(connection, error = %e, "unreadable request: closing the connection");
                        break;
                    }
                    None => break,
                },
            };
            let request: Request = match serde_json::from_str(&line) {
                Ok(request) => request,
                Err(e) => {
                    tracing::warn!(connection, error = %e, "malformed request: closing the connection");
                    break;
                }
            };
            match request.cmd.as_str() {
                // Answered in order, before any later request, so events follow the hello's reply.
                "hello" => {
                    let result = self.hello(connection, &tx, &request.args);
                    let _ = tx.send(ServerMessage::reply(request.id, result));
                }
                "open_window" => {
                    let _ = tx.send(ServerMessage::reply(request.id, Ok(self.open_window())));
                }
                cmd if SHELL_COMMANDS.contains(&cmd) => {
                    let (reply, answer) = oneshot::channel();
                    let asked = self.inner.shell.send(ShellRequest::Engine {
                        cmd: request.cmd,
                        args: request.args,
                        reply,
                    });
                    let tx = tx.clone();
                    tokio::spawn(async move {
                        let result = match (asked, answer.await) {
                            (Ok(()), Ok(result)) => result,
                            _ => Err(RemoteError::engine_gone()),
                        };
                        let _ = tx.send(ServerMessage::reply(request.id, result));
                    });
                }
                _ => {
                    // Each command runs on its own: a slow "Test connection" must not hold up the watchlist.
                    let engine = self.engine();
                    let tx = tx.clone();
                    tokio::spawn(async move {
                        let result = engine.call(&request.cmd, request.args).await;
                        let _ = tx.send(ServerMessage::reply(request.id, result));
                    });
                }
            }
        }
        cancel.cancel();
        let _ = writer.await;
        if let Ok(mut window) = self.inner.window.lock()
            && window.as_ref().is_some_and(|w| w.connection == connection)
        {
            *window = None;
            tracing::info!("window disconnected");
        }
        tracing::debug!(connection, "connection closed");
    }

    /// Registers the connection as the window, unless another window is connected (then that one is focused).
    fn hello(
        &self,
        connection: u64,
        tx: &mpsc::UnboundedSender<ServerMessage>,
        args: &Value,
    ) -> Result<Value, RemoteError> {
        #[derive(Deserialize)]
        struct Hello {
            role: String,
        }
        let hello: Hello = parse_args("hello", args.clone())?;
        if hello.role != "window" {
            return Err(RemoteError::validation(
                "role",
                format!("unknown role {:?}: only \"window\" says hello", hello.role),
            ));
        }
        let mut window = self
            .inner
            .window
            .lock()
            .map_err(|_| RemoteError::internal("the window registry is unusable"))?;
        if let Some(open) = window.as_ref().filter(|w| !w.tx.is_closed()) {
            let _ = open.tx.send(ServerMessage::Focus);
            return Err(RemoteError::new(
                ErrorKind::AlreadyOpen,
                "NightWatcher's window is already open: it has been brought to the front",
                None,
            ));
        }
        *window = Some(Window {
            connection,
            tx: tx.clone(),
        });
        drop(window);
        // Subscribed before the reply goes out, so no event after the hello is missed.
        let mut follow = FollowEngine::new(self.inner.engine.subscribe());
        let tx = tx.clone();
        tokio::spawn(async move {
            loop {
                let followed = tokio::select! {
                    () = tx.closed() => break,
                    followed = follow.next() => followed,
                };
                let messages = match followed {
                    None => break,
                    Some(Followed::Event(event)) => vec![(event.name, event.payload)],
                    // Another engine: show its status and its watchlist at once.
                    Some(Followed::Switched(engine)) => {
                        let mut messages = Vec::new();
                        if let Ok(status) = engine.call("get_status", Value::Null).await {
                            messages.push(("status://changed".to_owned(), status));
                        }
                        messages.push(("items://changed".to_owned(), Value::Null));
                        messages
                    }
                };
                for (name, payload) in messages {
                    if tx.send(ServerMessage::Event { name, payload }).is_err() {
                        return;
                    }
                }
            }
        });
        tracing::info!(connection, "window connected");
        Ok(json!({"version": env!("CARGO_PKG_VERSION")}))
    }

    /// Focuses the window, or asks the shell to open one. The result says which: `"focused"` or `"opening"`.
    fn open_window(&self) -> Value {
        if self.focus_window() {
            return json!("focused");
        }
        let _ = self.inner.shell.send(ShellRequest::OpenWindow);
        json!("opening")
    }
}

fn parse_args<T: DeserializeOwned>(cmd: &str, args: Value) -> Result<T, RemoteError> {
    serde_json::from_value(args).map_err(|e| {
        RemoteError::new(
            ErrorKind::Validation,
            format!("malformed arguments for {cmd}: {e}"),
            None,
        )
    })
}
