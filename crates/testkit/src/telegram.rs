//! A fake Telegram Bot API server faithful to the reference notes (telegram-bot-api.md) and to what teloxide
//! sends (dependencies.md): `/bot{TOKEN}/{method}` with case-insensitive method names, JSON, form and
//! multipart bodies, strict HTML parse mode, length limits counted on the parsed text in UTF-16 units, and the
//! real error envelopes. Tests script chats (allowed, blocked), faults and refused photo URLs, and read back
//! what was accepted.
//!
//! Faults are checked before any validation so a 429 looks the same whatever the message was, which is how
//! flood control behaves: Telegram refuses before looking at the content.

mod bot;
mod html;

pub use bot::{CALLBACK_ANSWER_WINDOW, CallbackAnswer, Edit};

/// The fake's strict HTML parse mode, for tests that check a formatter's output without sending it: the plain
/// text of `text`, or the message Telegram would put after "can't parse entities: ".
pub use html::parse_html;

use std::collections::{BTreeMap, HashSet, VecDeque};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};
use tokio::sync::{Notify, broadcast, watch};

use crate::Lifetime;

/// The fake bot's user id, as `getMe` reports it.
pub const BOT_ID: i64 = 7_000_000_001;
/// Longest `getUpdates` long poll the fake honours, so a stray poller cannot stall a test for minutes.
const MAX_LONG_POLL: Duration = Duration::from_secs(50);
const MAX_TEXT: usize = 4096;
const MAX_CAPTION: usize = 1024;
const MAX_BODY: usize = 50 * 1024 * 1024;

/// A failure the next `send*` request gets instead of being processed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TgFault {
    /// 429 "Too Many Requests: retry after N" with `parameters.retry_after`.
    TooManyRequests { retry_after: u64 },
    /// 502 "Bad Gateway".
    ServerError,
    /// 500 "Internal Server Error".
    InternalError,
}

/// A message the fake accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentMessage {
    /// `"sendMessage"` or `"sendPhoto"`, whatever case the client used.
    pub method: String,
    pub chat_id: i64,
    /// The text (or caption) exactly as sent, HTML included.
    pub text: String,
    /// The text after entity parsing: tags removed, entities decoded. What the user sees.
    pub plain: String,
    pub parse_mode: Option<String>,
    pub photo: Option<String>,
    pub message_id: i64,
    /// The inline keyboard (`reply_markup`) as sent, or as last edited.
    pub reply_markup: Option<Value>,
}

/// Handle to a running fake Bot API server. Cheap to clone; the server stops on `shutdown()` or when the last
/// handle is dropped.
#[derive(Clone)]
pub struct FakeTelegram {
    shared: Arc<Shared>,
    lifetime: Arc<Lifetime>,
    addr: SocketAddr,
}

impl std::fmt::Debug for FakeTelegram {
    // The token is a secret: it stays out of Debug output.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeTelegram")
            .field("api_url", &self.api_url())
            .finish_non_exhaustive()
    }
}

struct Shared {
    token: String,
    state: Mutex<TgState>,
    requests: AtomicU64,
    send_requests: AtomicU64,
    shutdown: watch::Receiver<bool>,
    accepted: Notify,
    /// Wakes waiting `getUpdates` when an update arrives.
    updated: Notify,
    events: broadcast::Sender<SentMessage>,
}

#[derive(Default)]
struct TgState {
    allowed: HashSet<i64>,
    allow_any: bool,
    blocked: HashSet<i64>,
    faults: VecDeque<TgFault>,
    refused_photo: Vec<String>,
    messages: Vec<SentMessage>,
    params: Vec<Value>,
    next_message_id: i64,
    bot: bot::BotState,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, TgState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl FakeTelegram {
    /// Starts a fake on 127.0.0.1 with an OS-chosen port. Panics if loopback cannot be bound.
    pub async fn start(token: &str) -> FakeTelegram {
        match Self::start_on(crate::ephemeral_loopback(), token).await {
            Ok(fake) => fake,
            Err(e) => panic!("fake Telegram could not bind a loopback port: {e}"),
        }
    }

    /// Starts a fake on a given address (the `nw-fakes` binary uses fixed ports).
    pub async fn start_on(addr: SocketAddr, token: &str) -> std::io::Result<FakeTelegram> {
        let (lifetime, rx) = Lifetime::new();
        let (events, _) = broadcast::channel(1024);
        let shared = Arc::new(Shared {
            token: token.to_string(),
            state: Mutex::new(TgState {
                next_message_id: 1,
                ..TgState::default()
            }),
            requests: AtomicU64::new(0),
            send_requests: AtomicU64::new(0),
            shutdown: rx.clone(),
            accepted: Notify::new(),
            updated: Notify::new(),
            events,
        });
        let router = axum::Router::new()
            .fallback(handle)
            .with_state(shared.clone());
        let addr = crate::spawn_server(addr, router, rx).await?;
        Ok(FakeTelegram {
            shared,
            lifetime: Arc::new(lifetime),
            addr,
        })
    }

    /// The base for teloxide's `set_api_url`: `http://127.0.0.1:PORT`.
    pub fn api_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Lets the bot write to `chat_id`; other chats are 400 "chat not found".
    pub fn allow_chat(&self, chat_id: i64) {
        self.shared.lock().allowed.insert(chat_id);
    }

    /// Lets the bot write to every integer chat id (the demo binary uses this when no chat is given).
    pub fn allow_any_chat(&self) {
        self.shared.lock().allow_any = true;
    }

    /// The user blocked the bot: 403 "Forbidden: bot was blocked by the user".
    pub fn block_chat(&self, chat_id: i64) {
        self.shared.lock().blocked.insert(chat_id);
    }

    /// The user unblocked the bot: messages to `chat_id` are accepted again (if the chat is allowed).
    pub fn unblock_chat(&self, chat_id: i64) {
        self.shared.lock().blocked.remove(&chat_id);
    }

    /// Queues a fault for the next `send*` request (FIFO).
    pub fn push_fault(&self, fault: TgFault) {
        self.shared.lock().faults.push_back(fault);
    }

    /// Queues `fault` for each of the next `n_requests` `send*` requests.
    pub fn set_fault_for(&self, n_requests: usize, fault: TgFault) {
        let mut state = self.shared.lock();
        state.faults.extend(std::iter::repeat_n(fault, n_requests));
    }

    /// `sendPhoto` with a URL containing `s` is 400 "wrong file identifier/HTTP URL specified".
    pub fn refuse_photo_urls_containing(&self, s: &str) {
        self.shared.lock().refused_photo.push(s.to_string());
    }

    /// Accepted `sendMessage`/`sendPhoto` requests, in order.
    pub fn messages(&self) -> Vec<SentMessage> {
        self.shared.lock().messages.clone()
    }

    /// The full parameters of each accepted message (same order as `messages()`), for assertions on fields
    /// the `SentMessage` summary leaves out, such as `reply_markup` or `link_preview_options`.
    pub fn message_params(&self) -> Vec<Value> {
        self.shared.lock().params.clone()
    }

    /// Waits until at least `n` messages were accepted or `timeout` passes; returns what was accepted.
    pub async fn wait_for_messages(&self, n: usize, timeout: Duration) -> Vec<SentMessage> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let notified = self.shared.accepted.notified();
            let messages = self.messages();
            if messages.len() >= n {
                return messages;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                return self.messages();
            }
        }
    }

    /// A live feed of accepted messages (the demo binary prints them).
    pub fn subscribe(&self) -> broadcast::Receiver<SentMessage> {
        self.shared.events.subscribe()
    }

    /// A user (`user_id`) writes `text` in `chat_id`: an update the bot reads with `getUpdates`. Its id.
    pub fn push_message(&self, chat_id: i64, user_id: i64, text: &str) -> i64 {
        let id = self.shared.lock().bot.push_message(chat_id, user_id, text);
        self.shared.updated.notify_waiters();
        id
    }

    /// A user (`user_id`) taps a button with `data` under the message `message_id` the bot sent: a callback
    /// query update. Returns its update id and query id. Panics when the bot sent no such message.
    pub fn push_callback_query(&self, message_id: i64, user_id: i64, data: &str) -> (i64, String) {
        let pushed = {
            let mut state = self.shared.lock();
            let message = state
                .messages
                .iter()
                .find(|m| m.message_id == message_id)
                .map(message_json)
                .unwrap_or_else(|| panic!("the fake sent no message {message_id}"));
            state.bot.push_callback(message, user_id, data)
        };
        self.shared.updated.notify_waiters();
        pushed
    }

    /// A tap on a message in another chat (the bot never wrote there): the update carries that chat.
    pub fn push_foreign_callback_query(
        &self,
        chat_id: i64,
        user_id: i64,
        data: &str,
    ) -> (i64, String) {
        let message = json!({
            "message_id": 1,
            "from": bot_user(),
            "chat": chat_json(chat_id),
            "date": chrono::Utc::now().timestamp(),
            "text": "elsewhere",
        });
        let pushed = self.shared.lock().bot.push_callback(message, user_id, data);
        self.shared.updated.notify_waiters();
        pushed
    }

    /// How long after a tap `answerCallbackQuery` is accepted ([`CALLBACK_ANSWER_WINDOW`] by default).
    pub fn set_callback_answer_window(&self, window: Duration) {
        self.shared.lock().bot.set_answer_window(window);
    }

    /// Every update below this id was confirmed by a `getUpdates` offset.
    pub fn confirmed_offset(&self) -> i64 {
        self.shared.lock().bot.confirmed()
    }

    /// How many `getUpdates` were terminated with 409 by another poller.
    pub fn poll_conflicts(&self) -> u64 {
        self.shared.lock().bot.conflicts
    }

    /// The accepted `answerCallbackQuery` requests, in order.
    pub fn callback_answers(&self) -> Vec<CallbackAnswer> {
        self.shared.lock().bot.answers.clone()
    }

    /// The accepted edits of sent messages, in order.
    pub fn edits(&self) -> Vec<Edit> {
        self.shared.lock().bot.edits.clone()
    }

    /// Each accepted `setMyCommands`: `{"commands", "scope"}`.
    pub fn commands(&self) -> Vec<Value> {
        self.shared.lock().bot.commands.clone()
    }

    /// All requests, refused ones included.
    pub fn requests(&self) -> u64 {
        self.shared.requests.load(Ordering::SeqCst)
    }

    /// `sendMessage`/`sendPhoto` requests with the right token, refused ones included (not the bot's
    /// `getUpdates` polls and answers).
    pub fn send_requests(&self) -> u64 {
        self.shared.send_requests.load(Ordering::SeqCst)
    }

    /// Stops the server; pending long polls end at once.
    pub fn shutdown(&self) {
        self.lifetime.shutdown();
    }
}

fn reply(status: StatusCode, body: Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

fn ok(result: Value) -> Response {
    reply(StatusCode::OK, json!({"ok": true, "result": result}))
}

fn error(status: StatusCode, description: &str) -> Response {
    reply(
        status,
        json!({"ok": false, "error_code": status.as_u16(), "description": description}),
    )
}

fn bad_request(description: &str) -> Response {
    error(
        StatusCode::BAD_REQUEST,
        &format!("Bad Request: {description}"),
    )
}

/// The bot as a `User`, the way it appears in a message's `from`.
fn bot_user() -> Value {
    json!({
        "id": BOT_ID,
        "is_bot": true,
        "first_name": "NightWatcher Fake",
        "username": "nightwatcher_fake_bot",
    })
}

/// `getMe`'s answer: the `User` plus the bot-only fields, all of which real Telegram always sends (teloxide's
/// `Me` requires them).
fn get_me() -> Value {
    let mut me = bot_user();
    if let Value::Object(m) = &mut me {
        m.insert("can_join_groups".into(), json!(true));
        m.insert("can_read_all_group_messages".into(), json!(false));
        m.insert("supports_inline_queries".into(), json!(false));
        m.insert("can_connect_to_business".into(), json!(false));
        m.insert("has_main_web_app".into(), json!(false));
    }
    me
}

fn chat_json(id: i64) -> Value {
    if id > 0 {
        json!({"id": id, "first_name": "Fake", "username": "fake_user", "type": "private"})
    } else if id < -1_000_000_000_000 {
        json!({"id": id, "title": "Fake Supergroup", "type": "supergroup"})
    } else {
        json!({"id": id, "title": "Fake Group", "type": "group"})
    }
}

async fn handle(State(shared): State<Arc<Shared>>, req: Request) -> Response {
    shared.requests.fetch_add(1, Ordering::SeqCst);
    let path = req.uri().path().to_string();
    let Some((token, method)) = path
        .strip_prefix("/bot")
        .and_then(|rest| rest.split_once('/'))
    else {
        return error(StatusCode::NOT_FOUND, "Not Found");
    };
    if token != shared.token {
        return error(StatusCode::UNAUTHORIZED, "Unauthorized");
    }
    let method = method.to_string();
    match method.to_ascii_lowercase().as_str() {
        "getme" => ok(get_me()),
        "sendmessage" | "sendphoto" => {
            shared.send_requests.fetch_add(1, Ordering::SeqCst);
            let params = match read_params(req).await {
                Ok(p) => p,
                Err(response) => return response,
            };
            send(&shared, &method, params)
        }
        "getupdates" => match read_params(req).await {
            Ok(params) => bot::get_updates(&shared, params, MAX_LONG_POLL).await,
            Err(response) => response,
        },
        "deletewebhook" => ok(json!(true)),
        "setmycommands" => match read_params(req).await {
            Ok(params) => bot::set_commands(&shared, &params),
            Err(response) => response,
        },
        "answercallbackquery" => match read_params(req).await {
            Ok(params) => bot::answer_callback(&shared, &params),
            Err(response) => response,
        },
        "editmessagereplymarkup" | "editmessagecaption" | "editmessagetext" => {
            match read_params(req).await {
                Ok(params) => bot::edit(&shared, &method, params),
                Err(response) => response,
            }
        }
        _ => error(StatusCode::NOT_FOUND, "Not Found"),
    }
}

/// A parameter as text, whichever body encoding carried it.
fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Null => None,
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        other => Some(other.to_string()),
    }
}

/// Query string, then the body (JSON, form or multipart), merged into one map; later sources win.
async fn read_params(req: Request) -> Result<BTreeMap<String, Value>, Response> {
    let mut params = BTreeMap::new();
    for (k, v) in crate::parse_query(req.uri().query().unwrap_or("")) {
        params.insert(k, Value::String(v));
    }
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    if content_type.starts_with("multipart/form-data") {
        let mut multipart = Multipart::from_request(req, &())
            .await
            .map_err(|e| bad_request(&format!("can't parse multipart body: {e}")))?;
        loop {
            let field = match multipart.next_field().await {
                Ok(Some(field)) => field,
                Ok(None) => break,
                Err(e) => return Err(bad_request(&format!("can't parse multipart body: {e}"))),
            };
            let name = field.name().unwrap_or("").to_string();
            if let Some(file_name) = field.file_name().map(str::to_string) {
                // An uploaded file: remember that it came as an upload, the bytes do not matter here.
                let _ = field.bytes().await;
                params.insert(name, json!({"upload": file_name}));
            } else {
                let text = field
                    .text()
                    .await
                    .map_err(|e| bad_request(&format!("can't parse multipart body: {e}")))?;
                params.insert(name, Value::String(text));
            }
        }
        return Ok(params);
    }
    let body = axum::body::to_bytes(req.into_body(), MAX_BODY)
        .await
        .map_err(|_| bad_request("request body is too big"))?;
    if body.is_empty() {
        return Ok(params);
    }
    if content_type.starts_with("application/json") {
        match serde_json::from_slice::<Value>(&body) {
            Ok(Value::Object(map)) => params.extend(map),
            Ok(_) => return Err(bad_request("parameters must be a JSON object")),
            Err(_) => return Err(bad_request("can't parse JSON object")),
        }
    } else if content_type.starts_with("application/x-www-form-urlencoded") {
        for (k, v) in crate::parse_query(&String::from_utf8_lossy(&body)) {
            params.insert(k, Value::String(v));
        }
    }
    Ok(params)
}

fn fault_response(fault: &TgFault) -> Response {
    match fault {
        TgFault::TooManyRequests { retry_after } => reply(
            StatusCode::TOO_MANY_REQUESTS,
            json!({
                "ok": false,
                "error_code": 429,
                "description": format!("Too Many Requests: retry after {retry_after}"),
                "parameters": {"retry_after": retry_after},
            }),
        ),
        TgFault::ServerError => error(StatusCode::BAD_GATEWAY, "Bad Gateway"),
        TgFault::InternalError => error(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error"),
    }
}

/// Resolves `chat_id`: integers (or integer strings) only; `@username` chats are never known to the fake.
/// The error is the 400 description after "Bad Request: ".
fn chat_id(params: &BTreeMap<String, Value>) -> Result<i64, String> {
    let not_found = || "chat not found".to_string();
    match params.get("chat_id") {
        None | Some(Value::Null) => Err("chat_id is empty".to_string()),
        Some(Value::Number(n)) => n.as_i64().ok_or_else(not_found),
        Some(Value::String(s)) if s.trim().is_empty() => Err("chat_id is empty".to_string()),
        Some(Value::String(s)) => s.trim().parse::<i64>().map_err(|_| not_found()),
        Some(_) => Err(not_found()),
    }
}

/// Applies `parse_mode` to `text`: returns the plain text, or the 400 description after "Bad Request: ".
fn parse_text(text: &str, parse_mode: Option<&str>) -> Result<String, String> {
    match parse_mode.map(str::to_ascii_lowercase).as_deref() {
        None | Some("") => Ok(text.to_string()),
        Some("html") => html::parse_html(text).map_err(|e| format!("can't parse entities: {e}")),
        // Markdown modes are accepted without validation: the project only sends HTML.
        Some("markdown" | "markdownv2") => Ok(text.to_string()),
        Some(_) => Err("unsupported parse_mode".to_string()),
    }
}

fn send(shared: &Shared, method: &str, params: BTreeMap<String, Value>) -> Response {
    if let Some(fault) = shared.lock().faults.pop_front() {
        return fault_response(&fault);
    }
    let chat_id = match chat_id(&params) {
        Ok(id) => id,
        Err(description) => return bad_request(&description),
    };
    {
        let state = shared.lock();
        if state.blocked.contains(&chat_id) {
            return error(
                StatusCode::FORBIDDEN,
                "Forbidden: bot was blocked by the user",
            );
        }
        if !state.allow_any && !state.allowed.contains(&chat_id) {
            return bad_request("chat not found");
        }
    }
    let parse_mode = params
        .get("parse_mode")
        .and_then(as_text)
        .filter(|m| !m.trim().is_empty());
    let is_photo = method.eq_ignore_ascii_case("sendphoto");
    let reply_markup = match bot::reply_markup(&params) {
        Ok(markup) => markup,
        Err(description) => return bad_request(&description),
    };

    let (text, plain, photo) = if is_photo {
        let caption = params.get("caption").and_then(as_text).unwrap_or_default();
        let plain = match parse_text(&caption, parse_mode.as_deref()) {
            Ok(p) => p,
            Err(description) => return bad_request(&description),
        };
        if html::utf16_len(plain.trim()) > MAX_CAPTION {
            return bad_request("message caption is too long");
        }
        let photo = match params.get("photo") {
            None | Some(Value::Null) => return bad_request("there is no photo in the request"),
            Some(Value::Object(upload)) if upload.contains_key("upload") => {
                format!("upload:{}", upload["upload"].as_str().unwrap_or(""))
            }
            Some(v) => {
                let url = as_text(v).unwrap_or_default();
                let lower = url.to_ascii_lowercase();
                let is_http = lower.starts_with("http://") || lower.starts_with("https://");
                let refused = shared
                    .lock()
                    .refused_photo
                    .iter()
                    .any(|s| url.contains(s.as_str()));
                if !is_http || refused {
                    return bad_request("wrong file identifier/HTTP URL specified");
                }
                url
            }
        };
        (caption, plain, Some(photo))
    } else {
        let text = params.get("text").and_then(as_text).unwrap_or_default();
        let plain = match parse_text(&text, parse_mode.as_deref()) {
            Ok(p) => p,
            Err(description) => return bad_request(&description),
        };
        let visible = plain.trim();
        if visible.is_empty() {
            return bad_request("message text is empty");
        }
        if html::utf16_len(visible) > MAX_TEXT {
            return bad_request("message is too long");
        }
        (text, plain, None)
    };

    let message = {
        let mut state = shared.lock();
        let message_id = state.next_message_id;
        state.next_message_id += 1;
        let message = SentMessage {
            method: if is_photo { "sendPhoto" } else { "sendMessage" }.to_string(),
            chat_id,
            text,
            plain,
            parse_mode,
            photo,
            message_id,
            reply_markup,
        };
        state.messages.push(message.clone());
        state
            .params
            .push(Value::Object(params.into_iter().collect::<Map<_, _>>()));
        message
    };
    shared.accepted.notify_waiters();
    // Nobody listening is fine: the feed is optional.
    let _ = shared.events.send(message.clone());
    ok(message_json(&message))
}

fn message_json(message: &SentMessage) -> Value {
    let mut m = Map::new();
    m.insert("message_id".into(), json!(message.message_id));
    m.insert("from".into(), bot_user());
    m.insert("chat".into(), chat_json(message.chat_id));
    m.insert("date".into(), json!(chrono::Utc::now().timestamp()));
    if message.photo.is_some() {
        let id = message.message_id;
        m.insert(
            "photo".into(),
            json!([
                {"file_id": format!("AgACAgQAAxkDAAI{id:06}s"), "file_unique_id": format!("AQAD{id:06}s"), "file_size": 1523, "width": 90, "height": 60},
                {"file_id": format!("AgACAgQAAxkDAAI{id:06}m"), "file_unique_id": format!("AQAD{id:06}m"), "file_size": 24650, "width": 320, "height": 213},
            ]),
        );
        if !message.plain.is_empty() {
            m.insert("caption".into(), json!(message.plain));
        }
    } else {
        m.insert("text".into(), json!(message.plain));
    }
    if let Some(markup) = &message.reply_markup {
        m.insert("reply_markup".into(), markup.clone());
    }
    Value::Object(m)
}
