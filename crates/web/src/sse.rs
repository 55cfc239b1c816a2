//! `GET /api/v1/events`: the engine's events as server-sent events, `event:` the name the window gets
//! (`status://changed`, `watcher://progress`, ...) and `data:` its JSON payload. Every connection starts with
//! the current `status://changed`, so a client that reconnects is caught up at once; a client that falls
//! behind gets the current status again instead of the events it missed (the engine announces the status
//! after every delivery pass itself, so its counts stay right). A comment every 15 s keeps proxies from
//! closing an idle stream. A session's stream ends when every session ends (the password changed), and
//! every stream ends when the server shuts down.

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::State;
use axum::response::IntoResponse;
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use futures_util::Stream;
use nightwatcher_engine::events::Event;
use tokio::sync::broadcast::error::RecvError;

use crate::Shared;
use crate::auth::Caller;

const KEEP_ALIVE: Duration = Duration::from_secs(15);

pub(crate) async fn events(State(state): State<Shared>, caller: Caller) -> impl IntoResponse {
    // Subscribed before the status is read, so nothing between the two is missed.
    let mut rx = state.service.events().subscribe();
    let mut ended = state.sessions.watch_ended();
    ended.mark_unchanged();
    let by_session = matches!(caller, Caller::Session(_));
    let cancel = state.cancel.clone();
    let stream = async_stream(move |tx| async move {
        let first = Event::StatusChanged(state.service.status().await);
        if tx.send(message(&first)).await.is_err() {
            return;
        }
        loop {
            let event = tokio::select! {
                () = cancel.cancelled() => break,
                changed = ended.changed(), if by_session => {
                    if changed.is_ok() { break } else { continue }
                }
                event = rx.recv() => event,
            };
            let event = match event {
                Ok(event) => event,
                Err(RecvError::Lagged(missed)) => {
                    tracing::debug!(missed, "an event stream lagged: sending the status instead");
                    Event::StatusChanged(state.service.status().await)
                }
                Err(RecvError::Closed) => break,
            };
            if tx.send(message(&event)).await.is_err() {
                break;
            }
        }
    });
    let sse = Sse::new(stream).keep_alive(KeepAlive::new().interval(KEEP_ALIVE).text("keep-alive"));
    // nginx would otherwise buffer the stream and deliver events late.
    ([("x-accel-buffering", "no")], sse)
}

fn message(event: &Event) -> Result<SseEvent, Infallible> {
    Ok(SseEvent::default()
        .event(event.name())
        .data(event.payload().to_string()))
}

/// A stream fed by a task: `produce` sends items on a small channel; the stream ends when it returns (or
/// the client goes, which closes the channel and ends the task at its next send).
fn async_stream<T, F, Fut>(produce: F) -> impl Stream<Item = T>
where
    T: Send + 'static,
    F: FnOnce(tokio::sync::mpsc::Sender<T>) -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let (tx, rx) = tokio::sync::mpsc::channel(16);
    let task = tokio::spawn(produce(tx));
    futures_util::stream::unfold((rx, AbortOnDrop(task)), |(mut rx, task)| async move {
        rx.recv().await.map(|item| (item, (rx, task)))
    })
}

/// Ends the producing task when the stream is dropped (the client went away).
struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}
