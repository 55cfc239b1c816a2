//! NightWatcher's web server: the browser UI (`ui/dist`) and the HTTP API of `docs/http-api.md`, over the
//! engine's [`Service`]. A transport like the window's socket: every route becomes a
//! [`nightwatcher_engine::command::Command`] run by `command::dispatch`, so the engine's rules hold here too.
//!
//! | module | owns |
//! |---|---|
//! | `api` | the routes of `/api/v1` and the commands they map to |
//! | `auth` | sessions (cookie `nw_session`), the API key, login and logout |
//! | `csrf` | the same-origin rule for state-changing requests made with a cookie |
//! | `throttle` | slowing down failed logins per client address |
//! | `client` | what a request says about its client: address, https, origin (forwarded headers when trusted) |
//! | `assets` | the embedded UI, served without auth, `index.html` for unknown paths |
//! | `headers` | the security headers every answer carries |
//! | `sse` | `GET /api/v1/events`, the engine's events as server-sent events |
//! | `body` | JSON bodies with the API's errors (malformed → 400, too large → 413) |
//! | `error` | `{"error": {kind, message, field}}` answers and their statuses |
//!
//! [`WebServer::start`] refuses to listen on anything but a loopback address while no web password is set.

mod api;
mod assets;
mod auth;
mod body;
mod client;
mod csrf;
mod error;
mod headers;
mod sse;
mod throttle;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use nightwatcher_engine::access::Access;
use nightwatcher_engine::schedule::{Clock, SystemClock};
use nightwatcher_engine::service::Service;
use nightwatcher_engine::settings::{WebSettings, canonical_url_base};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

/// How long [`WebServer::shutdown`] waits for requests in flight.
const SHUTDOWN_LIMIT: Duration = Duration::from_secs(5);

/// Where and how to serve.
#[derive(Debug, Clone)]
pub struct WebConfig {
    pub listen: SocketAddr,
    /// `""` or a path such as `/nightwatcher` (a trailing slash is dropped): everything is served under it.
    pub url_base: String,
    /// Believe `X-Forwarded-For`, `X-Forwarded-Proto` and `X-Forwarded-Host`: only behind a reverse proxy
    /// that sets them (otherwise any client could claim another address and escape the login throttle).
    pub trust_forwarded: bool,
    /// The clock of sessions and the login throttle (tests move it by hand).
    pub clock: Arc<dyn Clock>,
}

impl WebConfig {
    /// Serving on `listen` at the root, trusting no proxy, on the system clock.
    pub fn new(listen: SocketAddr) -> WebConfig {
        WebConfig {
            listen,
            url_base: String::new(),
            trust_forwarded: false,
            clock: Arc::new(SystemClock),
        }
    }

    /// The configuration the settings ask for; `None` when `web_listen` is not set (no web server).
    pub fn from_settings(settings: &WebSettings) -> Option<WebConfig> {
        Some(WebConfig {
            url_base: settings.url_base.clone(),
            trust_forwarded: settings.trust_forwarded,
            ..WebConfig::new(settings.listen?)
        })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error(
        "refusing to serve the web UI on {listen} without a web password: anyone who can reach it could use it. Set one with `nightwatcherd web password` (or in the desktop app's Settings), or listen on a loopback address such as 127.0.0.1:{port}",
        port = listen.port()
    )]
    NoPassword { listen: SocketAddr },
    #[error("web_url_base {0}")]
    UrlBase(String),
    #[error("cannot listen on {listen}: {source}")]
    Bind {
        listen: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("the web credentials cannot be read: {0}")]
    Access(String),
}

/// Whether serving on `listen` is allowed with these credentials: a non-loopback address needs a password.
pub fn check_listen(listen: SocketAddr, access: &Access) -> Result<(), WebError> {
    if listen.ip().is_loopback() || access.has_password() {
        Ok(())
    } else {
        Err(WebError::NoPassword { listen })
    }
}

/// The running server. Dropping it does not stop it: call [`WebServer::shutdown`].
pub struct WebServer {
    local_addr: SocketAddr,
    url_base: String,
    cancel: CancellationToken,
    task: JoinHandle<()>,
}

impl WebServer {
    /// Checks the configuration, binds and serves in the background until [`WebServer::shutdown`].
    pub async fn start(service: Service, config: WebConfig) -> Result<WebServer, WebError> {
        let url_base = canonical_url_base(&config.url_base).map_err(WebError::UrlBase)?;
        let access = service
            .access()
            .await
            .map_err(|e| WebError::Access(e.to_string()))?;
        check_listen(config.listen, &access)?;
        let listener = tokio::net::TcpListener::bind(config.listen)
            .await
            .map_err(|source| WebError::Bind {
                listen: config.listen,
                source,
            })?;
        let local_addr = listener.local_addr().map_err(|source| WebError::Bind {
            listen: config.listen,
            source,
        })?;
        let cancel = CancellationToken::new();
        let state = Arc::new(AppState {
            service,
            url_base: url_base.clone(),
            trust_forwarded: config.trust_forwarded,
            clock: config.clock,
            sessions: auth::Sessions::default(),
            throttle: throttle::Throttle::default(),
            cancel: cancel.clone(),
            items_body: Default::default(),
        });
        let app = router(state);
        let stop = cancel.clone();
        let task = tokio::spawn(async move {
            let served = axum::serve(
                listener,
                app.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .with_graceful_shutdown(async move { stop.cancelled().await })
            .await;
            if let Err(e) = served {
                tracing::error!(error = %e, "the web server stopped");
            }
        });
        tracing::info!(
            url = %format!("http://{local_addr}{url_base}/"),
            password = access.has_password(),
            api_key = access.has_api_key(),
            "serving the web UI"
        );
        Ok(WebServer {
            local_addr,
            url_base,
            cancel,
            task,
        })
    }

    /// The address it listens on (with the port the OS chose for port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// `http://ADDR:PORT<base>/`: where the UI is.
    pub fn url(&self) -> String {
        format!("http://{}{}/", self.local_addr, self.url_base)
    }

    /// Stops accepting, ends the event streams, and waits (a few seconds at most) for requests in flight.
    pub async fn shutdown(self) {
        self.cancel.cancel();
        let mut task = self.task;
        if tokio::time::timeout(SHUTDOWN_LIMIT, &mut task)
            .await
            .is_err()
        {
            tracing::warn!("the web server did not stop in time: dropping its connections");
            task.abort();
        }
        tracing::info!("the web server has stopped");
    }
}

/// What every handler shares.
pub(crate) struct AppState {
    pub service: Service,
    pub url_base: String,
    pub trust_forwarded: bool,
    pub clock: Arc<dyn Clock>,
    pub sessions: auth::Sessions,
    pub throttle: throttle::Throttle,
    /// Cancelled on shutdown: ends the event streams, which would otherwise hold the server open.
    pub cancel: CancellationToken,
    /// `GET /items` as sent, kept while the database is unchanged: the watchlist is the largest answer and
    /// the one polled most.
    pub items_body: nightwatcher_engine::fresh::Fresh<axum::body::Bytes>,
}

pub(crate) type Shared = Arc<AppState>;

/// Everything under the URL base: the API under `/api/v1`, the UI for the rest; a 404 outside the base.
fn router(state: Shared) -> Router {
    let base = state.url_base.clone();
    let inner = Router::new()
        .nest("/api/v1", api::routes())
        .fallback(assets::serve);
    let app = if base.is_empty() {
        inner
    } else {
        Router::new()
            .route(&base, axum::routing::get(assets::to_base_with_slash))
            // A nested router's fallback sees `<base>/x`, not `<base>/` itself.
            .route(&format!("{base}/"), axum::routing::get(assets::index_page))
            .nest(&base, inner)
            .fallback(error::outside_base)
    };
    app.layer(axum::middleware::map_response(headers::secure))
        .with_state(state)
}
