//! The engine as a face reaches it: the [`Service`] running in this process, or a [`RemoteEngine`] on a
//! server. The socket the window talks to, the tray and the desktop notifications go through an
//! [`EngineLink`], so none of them cares which it is; [`FollowEngine`] follows the events of whichever is
//! current, across a switch.

use std::future::Future;
use std::pin::Pin;

use serde_json::Value;
use tokio::sync::broadcast;
use tokio::sync::broadcast::error::RecvError;
use tokio::sync::watch;

use crate::command::{RemoteError, dispatch_json};
use crate::events::Event;
use crate::remote::{RemoteEngine, WireEvent};
use crate::service::Service;

/// Where the engine runs. Cheap to clone.
#[derive(Clone)]
pub enum EngineLink {
    Local(Service),
    Remote(RemoteEngine),
}

impl EngineLink {
    /// Runs a command of the contract. The future owns what it needs (it is `'static` and `Send`, and boxed:
    /// the dispatch of every command is a large future), so callers can hold it anywhere.
    pub fn call(
        &self,
        cmd: &str,
        args: Value,
    ) -> Pin<Box<dyn Future<Output = Result<Value, RemoteError>> + Send + 'static>> {
        let engine = self.clone();
        let cmd = cmd.to_owned();
        Box::pin(async move {
            match engine {
                EngineLink::Local(service) => dispatch_json(&service, &cmd, args).await,
                EngineLink::Remote(remote) => remote.call(&cmd, args).await,
            }
        })
    }

    /// The engine's events from now on.
    pub fn subscribe(&self) -> EventFeed {
        match self {
            EngineLink::Local(service) => EventFeed::Local(service.events().subscribe()),
            EngineLink::Remote(remote) => EventFeed::Remote(remote.subscribe()),
        }
    }
}

impl From<Service> for EngineLink {
    fn from(service: Service) -> Self {
        EngineLink::Local(service)
    }
}

/// A subscription to an engine's events, as faces receive them.
pub enum EventFeed {
    Local(broadcast::Receiver<Event>),
    Remote(broadcast::Receiver<WireEvent>),
}

impl EventFeed {
    /// The next event; `None` once the engine is gone. Events missed by a slow reader are skipped: the next
    /// status catches it up.
    pub async fn recv(&mut self) -> Option<WireEvent> {
        loop {
            let received = match self {
                EventFeed::Local(rx) => rx.recv().await.map(|e| WireEvent {
                    name: e.name().to_owned(),
                    payload: e.payload(),
                }),
                EventFeed::Remote(rx) => rx.recv().await,
            };
            match received {
                Ok(event) => return Some(event),
                Err(RecvError::Lagged(missed)) => {
                    tracing::debug!(missed, "an event reader lagged behind")
                }
                Err(RecvError::Closed) => return None,
            }
        }
    }
}

/// What following the current engine gives: one of its events, or the news that another engine took over.
pub enum Followed {
    Event(WireEvent),
    /// Commands now go to this engine; its status and watchlist are to be shown afresh.
    Switched(EngineLink),
}

/// Follows the events of the current engine of a `watch` channel, re-subscribing when it is replaced.
pub struct FollowEngine {
    engines: watch::Receiver<EngineLink>,
    feed: EventFeed,
}

impl FollowEngine {
    /// Subscribed at once: no event after this call is missed.
    pub fn new(mut engines: watch::Receiver<EngineLink>) -> FollowEngine {
        let feed = engines.borrow_and_update().subscribe();
        FollowEngine { engines, feed }
    }

    /// The next event or switch; `None` once the engines are gone.
    pub async fn next(&mut self) -> Option<Followed> {
        tokio::select! {
            changed = self.engines.changed() => changed.ok()?,
            event = self.feed.recv() => match event {
                Some(event) => return Some(Followed::Event(event)),
                // The engine stopped: wait for the one replacing it (none: the app is quitting).
                None => self.engines.changed().await.ok()?,
            },
        }
        let engine = self.engines.borrow_and_update().clone();
        self.feed = engine.subscribe();
        Some(Followed::Switched(engine))
    }
}
