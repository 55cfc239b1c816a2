//! A real web server over a real service: a SQLite file in a temporary folder, secrets in memory, a clock
//! moved by hand, reqwest as the client (cookies handled by hand, so a test sees exactly what is sent).

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic: that is the failure report
#![allow(dead_code)] // each test binary uses part of it

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use nightwatcher_engine::events::Events;
use nightwatcher_engine::notify::DeliveryConfig;
use nightwatcher_engine::schedule::ManualClock;
use nightwatcher_engine::secrets::MemoryStore;
use nightwatcher_engine::secrets::SecretName;
use nightwatcher_engine::service::{Service, ServiceOptions, SettingsInput};
use nightwatcher_engine::store::Store;
use nightwatcher_testkit::prowlarr::FakeProwlarr;
use nightwatcher_testkit::telegram::FakeTelegram;
use nightwatcher_web::{WebConfig, WebServer};
use reqwest::{Method, RequestBuilder, Response};
use serde_json::Value;

pub const PASSWORD: &str = "correct horse battery";
pub const PROWLARR_KEY: &str = "web-prowlarr-key-31337abc";
pub const BOT_TOKEN: &str = "555777:WEB-bot_token-secret";
pub const CHAT: i64 = 4242;

pub struct Web {
    pub dir: tempfile::TempDir,
    pub service: Service,
    pub server: Option<WebServer>,
    pub clock: ManualClock,
    pub http: reqwest::Client,
    /// `http://127.0.0.1:PORT<base>`
    pub base: String,
    pub addr: SocketAddr,
}

impl Web {
    /// A server at the root with a web password set.
    pub async fn start() -> Web {
        Web::start_with("", false).await
    }

    pub async fn start_with(url_base: &str, trust_forwarded: bool) -> Web {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("web.db")).await.unwrap();
        let options = ServiceOptions {
            first_check_after: Duration::from_secs(3600),
            delivery: DeliveryConfig {
                min_interval: Duration::ZERO,
                ..DeliveryConfig::default()
            },
            ..ServiceOptions::default()
        };
        let service = Service::start_with(
            store,
            Arc::new(MemoryStore::default()),
            Events::new(),
            options,
        )
        .await;
        service.set_web_password(PASSWORD.into()).await.unwrap();
        let clock = ManualClock::at(1_800_000_000);
        let config = WebConfig {
            url_base: url_base.into(),
            trust_forwarded,
            clock: Arc::new(clock.clone()),
            ..WebConfig::new("127.0.0.1:0".parse().unwrap())
        };
        let server = WebServer::start(service.clone(), config).await.unwrap();
        let addr = server.local_addr();
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(120))
            .build()
            .unwrap();
        Web {
            dir,
            service,
            server: Some(server),
            clock,
            http,
            base: format!("http://{addr}{}", url_base.trim_end_matches('/')),
            addr,
        }
    }

    /// Points the service at the fakes, as a user does in Settings.
    pub async fn configure(&self, prowlarr: &FakeProwlarr, telegram: &FakeTelegram) {
        self.service
            .set_secret(SecretName::ProwlarrApiKey, PROWLARR_KEY)
            .await
            .unwrap();
        self.service
            .set_secret(SecretName::TelegramBotToken, BOT_TOKEN)
            .await
            .unwrap();
        self.service
            .save_settings(SettingsInput {
                prowlarr_url: Some(Some(prowlarr.url())),
                telegram_api_url: Some(Some(telegram.api_url())),
                telegram_chat_id: Some(Some(CHAT.to_string())),
                ..Default::default()
            })
            .await
            .unwrap();
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The server's own origin, as a browser on its pages sends it.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// A bare request (no credentials).
    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.http.request(method, self.url(path))
    }

    /// Logs in with `password`; the session cookie's value on success.
    pub async fn login(&self, password: &str) -> Result<String, Response> {
        let response = self
            .request(Method::POST, "/api/v1/login")
            .json(&serde_json::json!({ "password": password }))
            .send()
            .await
            .unwrap();
        if response.status() != 204 {
            return Err(response);
        }
        Ok(session_of(&response).expect("a session cookie"))
    }

    /// A browser with a session: the cookie, the custom header and the same origin on every request.
    pub async fn browser(&self) -> Browser<'_> {
        let cookie = self.login(PASSWORD).await.unwrap();
        Browser { web: self, cookie }
    }

    /// A program with a fresh API key.
    pub async fn program(&self) -> Program<'_> {
        let key = self.service.new_api_key().await.unwrap();
        Program { web: self, key }
    }

    pub async fn stop(mut self) {
        if let Some(server) = self.server.take() {
            server.shutdown().await;
        }
        self.service.shutdown().await;
    }
}

/// The `nw_session` value a response sets.
pub fn session_of(response: &Response) -> Option<String> {
    set_cookie(response)?
        .split(';')
        .next()?
        .trim()
        .strip_prefix("nw_session=")
        .map(str::to_owned)
        .filter(|v| !v.is_empty())
}

pub fn set_cookie(response: &Response) -> Option<String> {
    response
        .headers()
        .get("set-cookie")
        .map(|v| v.to_str().unwrap().to_owned())
}

pub struct Browser<'a> {
    pub web: &'a Web,
    pub cookie: String,
}

impl Browser<'_> {
    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.web
            .request(method, path)
            .header("cookie", format!("nw_session={}", self.cookie))
            .header("x-nightwatcher", "1")
            .header("origin", self.web.origin())
    }
}

pub struct Program<'a> {
    pub web: &'a Web,
    pub key: String,
}

impl Program<'_> {
    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.web
            .request(method, path)
            .header("x-api-key", &self.key)
    }

    /// Sends and returns (status, JSON body or `null`).
    pub async fn call(&self, method: Method, path: &str, body: Option<Value>) -> (u16, Value) {
        let mut request = self.request(method, path);
        if let Some(body) = body {
            request = request.json(&body);
        }
        answer(request.send().await.unwrap()).await
    }
}

/// (status, JSON body or `null` when empty).
pub async fn answer(response: Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    let body = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
    };
    (status, body)
}

/// The error's kind in an error answer.
pub fn kind(body: &Value) -> &str {
    body["error"]["kind"].as_str().unwrap_or("")
}
