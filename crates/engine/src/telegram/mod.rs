//! The Telegram channel: formatting notifications as Telegram HTML ([`format`]), sending them through
//! teloxide, and sorting every failure into the two cases the outbox worker handles differently.
//!
//! [`TelegramChannel::send`] makes one delivery attempt and never retries or waits on its own: the outbox
//! worker owns pacing and retries, so it can space messages per chat and survive restarts. What it needs from
//! here is [`SendError`]: `Transient` (429 flood control with its `retry_after`, 5xx, network, a garbled reply)
//! is retried; `Permanent` (chat not found, bot blocked or kicked, wrong token, any other refusal) is marked
//! failed with the reason shown to the user.
//!
//! Two refusals are recovered here because they concern this one message, not the channel:
//! - a poster URL Telegram cannot fetch makes `sendPhoto` fail with a 400; the message then goes out as
//!   `sendMessage` with the full text;
//! - "can't parse entities" means our HTML is broken, a bug on our side: the message is resent as plain text
//!   (no parse mode) so the user still gets it, and an error is logged.
//!
//! The bot token is part of every request URL, and teloxide's errors can include that URL. Every reason is
//! passed through [`crate::redact::scrub`] with the token, and [`TelegramChannel`]'s `Debug` leaves the bot
//! out (teloxide's `Bot` prints its token).
//!
//! teloxide 0.13-core facts this relies on: the HTTP status is not exposed, an error reply is classified by its
//! `description` only ([`ApiError::Unknown`] for 5xx texts like "Bad Gateway"); a non-JSON reply (an HTML page
//! from a proxy) is `InvalidJson`; and on any 5xx status teloxide itself sleeps 10 s before reading the body,
//! so a send to a failing server takes that long to return `Transient`.

mod detect;
pub mod format;
pub mod keyboard;
pub mod updates;

use std::fmt;
use std::time::Duration;

use teloxide::payloads::setters::*;
use teloxide::prelude::Requester;
use teloxide::types::{
    ChatId, InlineKeyboardMarkup, InputFile, LinkPreviewOptions, ParseMode, Recipient,
};
use teloxide::{ApiError, Bot, RequestError};

pub use format::{
    MAX_CAPTION, MAX_LISTED, MAX_TEXT, OutgoingMessage, digest_messages, digest_pages, escape_html,
    html_to_plain, item_message, render, test_message, visible_len,
};

pub use crate::channel::SendError;
use crate::channel::{Channel, ChannelId, Sending};
use crate::news::{Notice, WebLinks};
use crate::secrets::Secret;
pub use detect::{SeenChat, recent_chats};

/// The public Bot API server, used when no API URL is configured.
pub const DEFAULT_API_URL: &str = "https://api.telegram.org";

/// Where messages go.
#[derive(Debug, Clone, PartialEq)]
pub enum ChatTarget {
    /// A numeric chat id: a user, a group, or a channel (`-100…`).
    Id(i64),
    /// A public channel's username, including the leading `@`.
    Username(String),
}

/// Parses the chat setting: `123456789`, `-1001234567890` or `@channelname`.
pub fn parse_chat_id(s: &str) -> Result<ChatTarget, String> {
    let s = s.trim();
    if let Some(name) = s.strip_prefix('@') {
        let valid = (5..=32).contains(&name.len())
            && name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        return if valid {
            Ok(ChatTarget::Username(format!("@{name}")))
        } else {
            Err(format!(
                "{s:?} is not a valid channel username: it must be @ followed by 5 to 32 letters, digits or \
                 underscores, starting with a letter"
            ))
        };
    }
    match s.parse::<i64>() {
        Ok(0) | Err(_) => Err(format!(
            "{s:?} is not a chat id: use the numeric id (like 123456789, or -1001234567890 for a group or \
             channel) or a public channel's @username"
        )),
        Ok(id) => Ok(ChatTarget::Id(id)),
    }
}

/// What the channel needs to send.
#[derive(Debug, Clone)]
pub struct TelegramConfig {
    pub token: Secret,
    pub chat: ChatTarget,
    /// A local Bot API server, or a fake in tests; `None` means [`DEFAULT_API_URL`].
    pub api_url: Option<url::Url>,
}

fn permanent(reason: impl Into<String>) -> SendError {
    SendError::permanent(reason)
}

fn transient(reason: impl Into<String>, retry_after: Option<Duration>) -> SendError {
    SendError::transient(reason, retry_after)
}

/// A configured bot and chat. Cheap to clone (the HTTP client is shared).
#[derive(Clone)]
pub struct TelegramChannel {
    bot: Bot,
    chat: Recipient,
    token: Secret,
    /// Where the "Open in NightWatcher" button leads, when the web UI's public address is set.
    links: Option<WebLinks>,
}

impl fmt::Debug for TelegramChannel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TelegramChannel")
            .field("api_url", &self.bot.api_url().as_str())
            .field("chat", &self.chat.to_string())
            .finish_non_exhaustive()
    }
}

impl TelegramChannel {
    /// Checks the settings (no request is made): an empty token or an API URL that is not an http(s) base URL
    /// is `Permanent`.
    pub fn new(config: TelegramConfig) -> Result<Self, SendError> {
        let bot = make_bot(&config.token, config.api_url)?;
        let chat = match config.chat {
            ChatTarget::Id(id) => Recipient::Id(ChatId(id)),
            ChatTarget::Username(name) => Recipient::ChannelUsername(name),
        };
        Ok(TelegramChannel {
            bot,
            chat,
            token: config.token,
            links: None,
        })
    }

    /// The channel with an "Open in NightWatcher" button under each item's message.
    pub fn with_links(self, links: Option<WebLinks>) -> Self {
        TelegramChannel { links, ..self }
    }

    /// One delivery attempt: `sendPhoto` with the caption when there is a poster (falling back to
    /// `sendMessage` with the text when Telegram refuses the photo), else `sendMessage`. HTML parse mode,
    /// link previews off. No retries here.
    pub async fn send(&self, msg: &OutgoingMessage) -> Result<(), SendError> {
        self.send_with(msg, None).await
    }

    /// [`TelegramChannel::send`] with buttons under the message.
    async fn send_with(
        &self,
        msg: &OutgoingMessage,
        keyboard: Option<&InlineKeyboardMarkup>,
    ) -> Result<(), SendError> {
        if let (Some(photo), Some(caption)) = (&msg.photo_url, &msg.caption) {
            match url::Url::parse(photo) {
                Ok(photo_url) => match self.send_photo(photo_url, caption, keyboard).await {
                    Ok(()) => return Ok(()),
                    Err(e) if photo_refused(&e) => tracing::warn!(
                        error = %self.scrub(&e.to_string()),
                        "Telegram refused the poster; sending the notification as text"
                    ),
                    Err(e) => return Err(self.classify(e)),
                },
                Err(e) => {
                    tracing::warn!(error = %e, "the poster URL does not parse; sending the notification as text")
                }
            }
        }
        self.send_text(&msg.text, keyboard)
            .await
            .map_err(|e| self.classify(e))
    }

    /// Sends each message `notice` renders to, in order ([`format::render`]); an item's news with its
    /// buttons ([`keyboard::for_notice`]) under the last.
    pub async fn send_notice(&self, notice: &Notice) -> Result<(), SendError> {
        let messages = render(notice);
        let keyboard = keyboard::for_notice(notice, self.links.as_ref());
        for (i, message) in messages.iter().enumerate() {
            let last = i + 1 == messages.len();
            let buttons = keyboard.as_ref().filter(|_| last);
            match self.send_with(message, buttons).await {
                // Telegram refuses a link to an address it deems unusable; the message goes without it.
                Err(SendError::Permanent { reason })
                    if buttons.is_some()
                        && (reason.contains("BUTTON_URL_INVALID")
                            || reason.contains("button URL")) =>
                {
                    tracing::warn!(
                        "Telegram refused the link to the web UI (check web_public_url); sending without it"
                    );
                    let plain = buttons.map(keyboard::without_links);
                    self.send_with(message, plain.as_ref()).await?;
                }
                other => other?,
            }
        }
        Ok(())
    }

    /// Validates the token with `getMe` and returns the bot's username.
    pub async fn check_token(&self) -> Result<String, SendError> {
        match self.bot.get_me().await {
            Ok(me) => Ok(me
                .user
                .username
                .clone()
                .unwrap_or_else(|| me.user.first_name.clone())),
            Err(e) => match successful_reply(&e) {
                // The token works; the server (an older local Bot API build, say) left out a field teloxide
                // insists on. The name is all we need.
                Some(result) => Ok(["username", "first_name"]
                    .iter()
                    .find_map(|k| result.get(k).and_then(|v| v.as_str()))
                    .unwrap_or_default()
                    .to_owned()),
                None => Err(self.classify(e)),
            },
        }
    }

    async fn send_text(
        &self,
        html: &str,
        keyboard: Option<&InlineKeyboardMarkup>,
    ) -> Result<(), RequestError> {
        let no_preview = LinkPreviewOptions {
            is_disabled: true,
            url: None,
            prefer_small_media: false,
            prefer_large_media: false,
            show_above_text: false,
        };
        let mut request = self
            .bot
            .send_message(self.chat.clone(), html)
            .parse_mode(ParseMode::Html)
            .link_preview_options(no_preview.clone());
        request.reply_markup = keyboard.cloned().map(Into::into);
        let sent = request.await;
        match sent {
            Ok(_) => Ok(()),
            Err(RequestError::Api(ApiError::CantParseEntities(desc))) => {
                self.log_parse_bug(&desc);
                let plain = html_to_plain(html);
                let mut request = self
                    .bot
                    .send_message(self.chat.clone(), plain)
                    .link_preview_options(no_preview);
                request.reply_markup = keyboard.cloned().map(Into::into);
                let sent = request.await;
                sent.map(drop).or_else(|e| self.accepted_anyway(e))
            }
            Err(e) => self.accepted_anyway(e),
        }
    }

    async fn send_photo(
        &self,
        photo: url::Url,
        caption_html: &str,
        keyboard: Option<&InlineKeyboardMarkup>,
    ) -> Result<(), RequestError> {
        let mut request = self
            .bot
            .send_photo(self.chat.clone(), InputFile::url(photo.clone()))
            .caption(caption_html)
            .parse_mode(ParseMode::Html);
        request.reply_markup = keyboard.cloned().map(Into::into);
        let sent = request.await;
        match sent {
            Ok(_) => Ok(()),
            Err(RequestError::Api(ApiError::CantParseEntities(desc))) => {
                self.log_parse_bug(&desc);
                let plain = html_to_plain(caption_html);
                let mut request = self
                    .bot
                    .send_photo(self.chat.clone(), InputFile::url(photo))
                    .caption(plain);
                request.reply_markup = keyboard.cloned().map(Into::into);
                let sent = request.await;
                sent.map(drop).or_else(|e| self.accepted_anyway(e))
            }
            Err(e) => self.accepted_anyway(e),
        }
    }

    /// A reply saying `"ok": true` means the message is in the chat, even when teloxide could not read the
    /// returned message (a server that leaves out a field teloxide requires). Reporting that as a failure would
    /// make the outbox send the message again.
    fn accepted_anyway(&self, e: RequestError) -> Result<(), RequestError> {
        if successful_reply(&e).is_none() {
            return Err(e);
        }
        tracing::warn!(
            error = %self.scrub(&e.to_string()),
            "Telegram accepted the message but its reply did not parse; counting it as delivered"
        );
        Ok(())
    }

    fn log_parse_bug(&self, description: &str) {
        tracing::error!(
            error = %self.scrub(description),
            "Telegram could not parse NightWatcher's HTML (a formatting bug); resending as plain text"
        );
    }

    fn scrub(&self, text: &str) -> String {
        crate::redact::scrub(text, [self.token.expose()])
    }

    fn classify(&self, e: RequestError) -> SendError {
        match classify(e) {
            SendError::Transient {
                reason,
                retry_after,
            } => transient(self.scrub(&reason), retry_after),
            SendError::Permanent { reason } => permanent(self.scrub(&reason)),
        }
    }
}

/// An http(s) base URL without query or fragment, and without a trailing slash (teloxide appends
/// `/bot<token>/<method>` as path segments, so a trailing slash would give `//bot`).
impl Channel for TelegramChannel {
    fn id(&self) -> ChannelId {
        ChannelId::Telegram
    }

    fn send<'a>(&'a self, notice: &'a Notice) -> Sending<'a> {
        Box::pin(self.send_notice(notice))
    }
}

/// The bot for `token` on the Bot API at `api_url` ([`DEFAULT_API_URL`] when `None`). No request is made: an
/// empty token, one with characters a token never has, or an API URL that is not an http(s) base URL is
/// `Permanent`.
pub(crate) fn make_bot(token: &Secret, api_url: Option<url::Url>) -> Result<Bot, SendError> {
    let token = token.expose();
    if token.trim().is_empty() {
        return Err(permanent(
            "no Telegram bot token is set: paste the token from @BotFather in Settings",
        ));
    }
    if token
        .chars()
        .any(|c| c.is_whitespace() || c == '/' || c == '?' || c == '#')
    {
        return Err(permanent(
            "the Telegram bot token has characters a token never has: paste it again from @BotFather",
        ));
    }
    let api_url = match api_url {
        Some(url) => url,
        None => url::Url::parse(DEFAULT_API_URL).map_err(|e| permanent(e.to_string()))?,
    };
    let api_url = normalize_api_url(api_url)?;
    let client = teloxide::net::default_reqwest_settings()
        .build()
        .map_err(|e| permanent(format!("could not set up the HTTP client: {e}")))?;
    // Lets the log writer scrub the token too, should a dependency ever log a request URL.
    crate::redact::register_secret(token);
    Ok(Bot::with_client(token, client).set_api_url(api_url))
}

fn normalize_api_url(mut url: url::Url) -> Result<url::Url, SendError> {
    let shown = crate::redact::redact(url.as_str());
    let bad = |why: &str| {
        permanent(format!(
            "the Telegram API URL {shown} {why}: use something like https://api.telegram.org or http://localhost:8081"
        ))
    };
    if !matches!(url.scheme(), "http" | "https") {
        return Err(bad("is not an http or https URL"));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(bad("has no host"));
    }
    url.set_query(None);
    url.set_fragment(None);
    match url.path_segments_mut() {
        Ok(mut segments) => {
            segments.pop_if_empty();
        }
        Err(()) => return Err(bad("cannot be used as a base URL")),
    }
    Ok(url)
}

/// The caller-facing classification of a teloxide error (not yet scrubbed of the token).
fn classify(e: RequestError) -> SendError {
    match e {
        RequestError::RetryAfter(s) => transient(
            format!(
                "Telegram flood control: too many messages, retry after {} s",
                s.seconds()
            ),
            Some(s.duration()),
        ),
        RequestError::MigrateToChatId(id) => permanent(format!(
            "the group was upgraded to a supergroup with chat id {}: put that id in Settings",
            id.0
        )),
        RequestError::Network(e) if e.is_builder() => permanent(format!(
            "could not build the request to Telegram: {}",
            error_chain(&*e)
        )),
        RequestError::Network(e) => transient(
            format!("could not reach the Telegram Bot API: {}", error_chain(&*e)),
            None,
        ),
        RequestError::Io(e) => transient(
            format!("I/O error talking to the Telegram Bot API: {e}"),
            None,
        ),
        RequestError::InvalidJson { raw, .. } => transient(
            format!(
                "the Telegram Bot API replied with something that is not Bot API JSON (an outage or a proxy \
                 in between?): {:?}",
                raw.chars().take(200).collect::<String>()
            ),
            None,
        ),
        RequestError::Api(api) => classify_api(api),
    }
}

fn classify_api(api: ApiError) -> SendError {
    let reason = match api {
        ApiError::ChatNotFound => "chat not found: check the chat id in Settings, and send /start to the bot in \
                                   that chat (or add the bot to the group or channel)"
            .to_owned(),
        ApiError::BotBlocked => "the bot was blocked by the user: unblock it in Telegram".to_owned(),
        ApiError::InvalidToken => {
            "Telegram refused the bot token (Unauthorized): copy the token from @BotFather into Settings".to_owned()
        }
        ApiError::BotKicked | ApiError::BotKickedFromSupergroup | ApiError::BotKickedFromChannel => {
            "the bot was removed from the chat: add it back".to_owned()
        }
        ApiError::UserDeactivated => "the user's Telegram account is deactivated".to_owned(),
        ApiError::CantInitiateConversation => {
            "the bot cannot start a conversation with this user: send /start to the bot first".to_owned()
        }
        ApiError::CantTalkWithBots => "the chat is another bot, and bots cannot message bots".to_owned(),
        ApiError::NotEnoughRightsToPostMessages => {
            "the bot needs administrator rights to post in this channel".to_owned()
        }
        ApiError::GroupDeactivated => "the group was deactivated".to_owned(),
        ApiError::Unknown(description) => return classify_description(&description),
        other => format!("Telegram said: {other}"),
    };
    permanent(reason)
}

/// Error descriptions teloxide does not know. The HTTP status is not available, so 5xx and a 429 without
/// `parameters` are recognised by the text Telegram (or a local Bot API server) puts in `description`.
fn classify_description(description: &str) -> SendError {
    let lower = description.to_ascii_lowercase();
    if lower.contains("too many requests") {
        return transient(
            format!("Telegram flood control: {description}"),
            retry_after_in(&lower),
        );
    }
    const SERVER_SIDE: [&str; 6] = [
        "internal server error",
        "bad gateway",
        "service unavailable",
        "gateway timeout",
        "timed out",
        "restart",
    ];
    if SERVER_SIDE.iter().any(|s| lower.contains(s)) {
        return transient(
            format!("the Telegram Bot API has a server-side problem: {description}"),
            None,
        );
    }
    permanent(format!("Telegram said: {description}"))
}

/// `N` in "... retry after N".
fn retry_after_in(lower: &str) -> Option<Duration> {
    let (_, rest) = lower.split_once("retry after ")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok().map(Duration::from_secs)
}

/// The `result` of a reply that said `"ok": true` but that teloxide could not deserialise.
fn successful_reply(e: &RequestError) -> Option<serde_json::Value> {
    let RequestError::InvalidJson { raw, .. } = e else {
        return None;
    };
    let mut reply: serde_json::Value = serde_json::from_str(raw).ok()?;
    if reply.get("ok")?.as_bool()? {
        Some(reply.get_mut("result")?.take())
    } else {
        None
    }
}

/// A 400 about the photo itself: the message can still go out as text.
fn photo_refused(e: &RequestError) -> bool {
    match e {
        RequestError::Api(
            ApiError::WrongFileIdOrUrl
            | ApiError::FailedToGetUrlContent
            | ApiError::WrongFileId
            | ApiError::FileIdInvalid
            | ApiError::ImageProcessFailed
            | ApiError::PhotoAsInputFileRequired
            | ApiError::WrongHttpUrl
            | ApiError::CantParseUrl
            | ApiError::RequestEntityTooLarge,
        ) => true,
        RequestError::Api(ApiError::Unknown(description)) => {
            let lower = description.to_ascii_lowercase();
            lower.starts_with("bad request")
                && ["photo", "image", "webpage", "web page", "http url", "file"]
                    .iter()
                    .any(|s| lower.contains(s))
        }
        _ => false,
    }
}

/// An error and its sources, joined: reqwest's top-level message alone ("error sending request") hides the
/// useful part ("Connection refused").
fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        source = s.source();
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;

    fn api(description: &str) -> RequestError {
        let json = serde_json::json!({ "description": description });
        #[derive(serde::Deserialize)]
        struct D {
            description: ApiError,
        }
        RequestError::Api(serde_json::from_value::<D>(json).unwrap().description)
    }

    #[test]
    fn chat_ids_parse_from_numbers_and_channel_usernames() {
        assert_eq!(parse_chat_id("123456789"), Ok(ChatTarget::Id(123456789)));
        assert_eq!(
            parse_chat_id(" -1001234567890 "),
            Ok(ChatTarget::Id(-1001234567890))
        );
        assert_eq!(
            parse_chat_id("@my_channel"),
            Ok(ChatTarget::Username("@my_channel".to_owned()))
        );
        for bad in [
            "",
            "abc",
            "@ab",
            "@1channel",
            "@has space",
            "0",
            "12.5",
            "https://t.me/x",
        ] {
            let err = parse_chat_id(bad).unwrap_err();
            assert!(
                err.contains("chat id") || err.contains("channel username"),
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn flood_control_is_transient_with_its_wait() {
        let e = classify(RequestError::RetryAfter(
            teloxide::types::Seconds::from_seconds(7),
        ));
        assert_eq!(e.retry_after(), Some(Duration::from_secs(7)));
        let e = classify(api("Too Many Requests: retry after 12"));
        assert!(!e.is_permanent());
        assert_eq!(e.retry_after(), Some(Duration::from_secs(12)));
    }

    #[test]
    fn server_errors_are_transient() {
        for d in [
            "Bad Gateway",
            "Internal Server Error",
            "Gateway Timeout",
            "Service Unavailable",
        ] {
            let e = classify(api(d));
            assert!(!e.is_permanent(), "{d}: {e:?}");
            assert_eq!(e.retry_after(), None);
        }
    }

    #[test]
    fn refusals_about_the_chat_or_token_are_permanent() {
        for (d, expect) in [
            ("Bad Request: chat not found", "chat not found"),
            ("Forbidden: bot was blocked by the user", "blocked"),
            ("Unauthorized", "token"),
            ("Not Found", "token"),
            ("Forbidden: user is deactivated", "deactivated"),
            ("Forbidden: bot was kicked from the channel chat", "removed"),
            (
                "Bad Request: need administrator rights in the channel chat",
                "administrator",
            ),
            (
                "Forbidden: bot is not a member of the channel chat",
                "not a member",
            ),
            ("Bad Request: message is too long", "too long"),
        ] {
            let e = classify(api(d));
            assert!(e.is_permanent(), "{d}: {e:?}");
            assert!(e.reason().contains(expect), "{d}: {}", e.reason());
        }
    }

    #[test]
    fn refused_photos_are_recognised() {
        assert!(photo_refused(&api(
            "Bad Request: wrong file identifier/HTTP URL specified"
        )));
        assert!(photo_refused(&api(
            "Bad Request: failed to get HTTP URL content"
        )));
        assert!(photo_refused(&api(
            "Bad Request: wrong type of the web page content"
        )));
        assert!(photo_refused(&api("Bad Request: PHOTO_INVALID_DIMENSIONS")));
        assert!(!photo_refused(&api("Bad Request: chat not found")));
        assert!(!photo_refused(&api(
            "Forbidden: bot was blocked by the user"
        )));
    }

    #[test]
    fn garbled_replies_are_transient() {
        let source = serde_json::from_str::<serde_json::Value>("<html>").unwrap_err();
        let e = classify(RequestError::InvalidJson {
            source: source.into(),
            raw: "<html>502</html>".into(),
        });
        assert!(!e.is_permanent(), "{e:?}");
    }

    #[test]
    fn an_ok_reply_teloxide_cannot_read_still_counts_as_accepted() {
        let invalid = |raw: &str| {
            let source = serde_json::from_str::<serde_json::Value>("{").unwrap_err();
            RequestError::InvalidJson {
                source: source.into(),
                raw: raw.into(),
            }
        };
        let ok = invalid(r#"{"ok":true,"result":{"username":"bot"}}"#);
        assert_eq!(successful_reply(&ok).unwrap()["username"], "bot");
        assert!(successful_reply(&invalid(r#"{"ok":false,"description":"x"}"#)).is_none());
        assert!(successful_reply(&invalid("<html>502 Bad Gateway</html>")).is_none());
        assert!(successful_reply(&api("Bad Gateway")).is_none());
    }

    #[test]
    fn api_urls_must_be_http_base_urls() {
        let config = |u: &str| TelegramConfig {
            token: Secret::new("123:abc"),
            chat: ChatTarget::Id(1),
            api_url: Some(url::Url::parse(u).unwrap()),
        };
        for bad in ["mailto:x@example.com", "file:///tmp/x", "ftp://example.com"] {
            assert!(
                TelegramChannel::new(config(bad))
                    .unwrap_err()
                    .is_permanent(),
                "{bad}"
            );
        }
        let ok = TelegramChannel::new(config("http://localhost:8081/tg/?x=1#f")).unwrap();
        assert_eq!(ok.bot.api_url().as_str(), "http://localhost:8081/tg");
        let empty = TelegramConfig {
            token: Secret::new(" "),
            chat: ChatTarget::Id(1),
            api_url: None,
        };
        assert!(TelegramChannel::new(empty).unwrap_err().is_permanent());
    }

    #[test]
    fn debug_output_never_shows_the_token() {
        let channel = TelegramChannel::new(TelegramConfig {
            token: Secret::new("123456:SECRET-token"),
            chat: ChatTarget::Id(42),
            api_url: None,
        })
        .unwrap();
        let debug = format!("{channel:?}");
        assert!(!debug.contains("SECRET"), "{debug}");
        assert!(debug.contains("api.telegram.org"), "{debug}");
    }
}
