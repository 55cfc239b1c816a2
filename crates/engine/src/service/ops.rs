//! What a user can do, as methods on [`Service`]: each the whole behind one UI command, so the adapters stay
//! one line. Errors are [`ServiceError`], whose kind tells the UI where to show it (next to a field, in the
//! Settings page, in the status bar) and whose message says what to do.

use serde::{Deserialize, Serialize};

use super::Service;
use crate::channel::ChannelId;
use crate::matcher::{self, ItemJudgement, ItemMatcher, Matcher, ParsedRelease, ReleaseInfo};
use crate::model::{ImportError, ItemSpec, WatchlistItem, parse_import};
use crate::news::Notice;
use crate::prowlarr::ProwlarrClient;
use crate::telegram::SeenChat;

/// How long "Detect" waits for a message to the bot.
const DETECT_WAIT: std::time::Duration = std::time::Duration::from_secs(25);
use crate::secrets::{Secret, SecretError, SecretName};
use crate::settings::{self, SettingKey, Settings, SettingsError};
use crate::setup::{self, SetupError};
use crate::store::{FoundRelease, Store, StoreError};
use crate::validation::ValidationError;

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error("{0}")]
    Validation(ValidationError),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    NotConfigured(String),
    #[error("{0}")]
    Prowlarr(String),
    #[error("{0}")]
    Telegram(String),
    #[error("{0}")]
    Keyring(String),
    #[error("{0}")]
    Import(String),
    #[error("{0}")]
    Internal(String),
}

impl ServiceError {
    /// The form field a validation error is about.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            ServiceError::Validation(e) => Some(e.field),
            _ => None,
        }
    }
}

impl From<StoreError> for ServiceError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NoSuchItem(_) => ServiceError::NotFound(e.to_string()),
            other => ServiceError::Internal(other.to_string()),
        }
    }
}

impl From<ValidationError> for ServiceError {
    fn from(e: ValidationError) -> Self {
        ServiceError::Validation(e)
    }
}

impl From<SettingsError> for ServiceError {
    fn from(e: SettingsError) -> Self {
        match e {
            SettingsError::Invalid { key, rule } => {
                ServiceError::Validation(ValidationError::new(key, rule))
            }
            SettingsError::InvalidEnv { .. } | SettingsError::UnknownKey(_) => {
                ServiceError::NotConfigured(e.to_string())
            }
            SettingsError::Store(e) => e.into(),
        }
    }
}

impl From<SecretError> for ServiceError {
    fn from(e: SecretError) -> Self {
        match e {
            SecretError::Empty => {
                ServiceError::Validation(ValidationError::new("value", "must not be empty"))
            }
            other => ServiceError::Keyring(other.to_string()),
        }
    }
}

impl From<SetupError> for ServiceError {
    fn from(e: SetupError) -> Self {
        match e {
            SetupError::NoProwlarrUrl | SetupError::NoApiKey => {
                ServiceError::NotConfigured(e.to_string())
            }
            SetupError::Secret(s) => s.into(),
            SetupError::Prowlarr(p) => ServiceError::Prowlarr(p.to_string()),
            SetupError::Telegram(t) => ServiceError::Telegram(t),
        }
    }
}

impl From<ImportError> for ServiceError {
    fn from(e: ImportError) -> Self {
        ServiceError::Import(e.to_string())
    }
}

/// Where an item stands, as the watchlist shows it.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::VariantNames,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum ItemStatus {
    /// Searched, nothing found yet.
    Waiting,
    /// Releases were found.
    Found,
    /// Its last search failed (`last_error` says why).
    Error,
    /// Not watched (disabled).
    Paused,
}

crate::closed_set!(ItemStatus);

/// A watchlist row: the item and what has happened to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemView {
    #[serde(flatten)]
    pub item: WatchlistItem,
    pub state: ItemStatus,
    pub found: i64,
    pub last_error: Option<String>,
    pub last_checked_at: Option<i64>,
}

/// "Try a release name": how it parses and whether it matches.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TryResult {
    pub parsed: ParsedRelease,
    /// Whether it would be notified for the item being edited: it is of the item and passes its filters
    /// (those that need more than the name, such as size or seeders, are not applied). `None` when no item
    /// was given or it is not valid yet.
    pub matches: Option<bool>,
    /// The rule that refused it (`title`, `year`, `kind`, `from_season`, or a filter's field name such as
    /// `min_resolution`); `None` when it matches or no item was given.
    pub rule: Option<&'static str>,
    pub reason: String,
    /// The stored items it is a release of (filters aside).
    pub matching_items: Vec<i64>,
    /// Those of `matching_items` whose filters refuse it, with the rule and the reason.
    pub rejected_items: Vec<ItemJudgement>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SettingsView {
    pub prowlarr_url: Option<String>,
    pub telegram_chat_id: Option<String>,
    pub telegram_api_url: String,
    pub interval: String,
    pub concurrency: usize,
    pub desktop_notifications: bool,
    /// `feed` (poll the latest releases, search items on their slow schedule) or `search_all`.
    pub search_mode: &'static str,
    /// How often each item is searched by name in feed mode, as humantime (`6h`).
    pub search_every: String,
    /// Item searches allowed in any rolling hour.
    pub search_budget: u32,
    /// `saved`, `not set` or `unavailable` (the keyring cannot be read): never the value.
    pub prowlarr_api_key: &'static str,
    pub telegram_bot_token: &'static str,
    pub keyring_error: Option<String>,
    /// `saved` or `not set`: whether the web UI has a password, and scripts an API key (never either value).
    pub web_password: &'static str,
    pub web_api_key: &'static str,
    /// The Prowlarr URL and API key are set.
    pub configured: bool,
}

/// Settings to change: an absent field is left as it is; an empty or null one returns to its default.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct SettingsInput {
    #[serde(default, deserialize_with = "some_or_null")]
    pub prowlarr_url: Option<Option<String>>,
    #[serde(default, deserialize_with = "some_or_null")]
    pub telegram_chat_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "some_or_null")]
    pub telegram_api_url: Option<Option<String>>,
    pub interval: Option<String>,
    pub concurrency: Option<u32>,
    pub desktop_notifications: Option<bool>,
    pub search_mode: Option<String>,
    pub search_every: Option<String>,
    pub search_budget: Option<u32>,
}

/// Keeps "absent" (`None`) apart from "null" (`Some(None)`).
fn some_or_null<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

/// What "Test connection" shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConnectionInfo {
    pub version: String,
    pub indexers: usize,
    pub enabled_indexers: usize,
}

impl Service {
    pub async fn list_items(&self) -> Result<Vec<ItemView>, ServiceError> {
        let store = &self.inner.store;
        self.inner
            .kept
            .items
            .get_or_load(store, async || read_items(store).await)
            .await
    }

    pub async fn add_item(&self, spec: ItemSpec) -> Result<WatchlistItem, ServiceError> {
        let item = self.inner.store.add_item(&spec.validate()?).await?;
        self.items_changed();
        // "Search on add": the new item is looked for at once rather than at the next interval.
        self.check_now();
        Ok(item)
    }

    pub async fn update_item(
        &self,
        id: i64,
        spec: ItemSpec,
    ) -> Result<WatchlistItem, ServiceError> {
        let item = self.inner.store.update_item(id, &spec.validate()?).await?;
        self.items_changed();
        Ok(item)
    }

    pub async fn set_item_enabled(&self, id: i64, enabled: bool) -> Result<(), ServiceError> {
        self.inner.store.set_item_enabled(id, enabled).await?;
        self.items_changed();
        Ok(())
    }

    /// Mutes an item (still searched, its finds in Found, no notification) or unmutes it; what was found while
    /// it was muted is not sent afterwards.
    pub async fn set_item_muted(&self, id: i64, muted: bool) -> Result<(), ServiceError> {
        self.inner.store.set_item_muted(id, muted).await?;
        self.items_changed();
        Ok(())
    }

    pub async fn delete_item(&self, id: i64) -> Result<(), ServiceError> {
        if !self.inner.store.remove_item(id).await? {
            return Err(StoreError::NoSuchItem(id).into());
        }
        self.items_changed();
        Ok(())
    }

    pub async fn import_items(&self, json: &str) -> Result<usize, ServiceError> {
        let items = parse_import(json)?;
        let ids = self.inner.store.import_items(&items).await?;
        self.items_changed();
        Ok(ids.len())
    }

    pub async fn export_items(&self) -> Result<String, ServiceError> {
        let specs: Vec<ItemSpec> = self
            .inner
            .store
            .items()
            .await?
            .iter()
            .map(WatchlistItem::to_spec)
            .collect();
        serde_json::to_string_pretty(&specs).map_err(|e| ServiceError::Internal(e.to_string()))
    }

    pub async fn try_release(
        &self,
        title: &str,
        spec: Option<ItemSpec>,
    ) -> Result<TryResult, ServiceError> {
        let parsed = matcher::parse(title);
        let info = ReleaseInfo::name_only(title);
        let judgements = Matcher::new(&self.inner.store.items().await?).judge(&parsed, &info);
        let matching_items: Vec<i64> = judgements.iter().map(|j| j.item_id).collect();
        let rejected_items: Vec<ItemJudgement> = judgements
            .into_iter()
            .filter(|j| j.rejected.is_some())
            .collect();
        let (matches, rule, reason) = match spec.map(|s| s.validate()) {
            None => (
                None,
                None,
                describe_matches(&matching_items, &rejected_items),
            ),
            Some(Err(e)) => (None, None, format!("the item is not valid yet ({e})")),
            Some(Ok(valid)) => {
                let item = valid.into_item(0);
                let verdict = ItemMatcher::new(&item).judge(&parsed, &info);
                (Some(verdict.accepted), verdict.rule, verdict.reason)
            }
        };
        Ok(TryResult {
            parsed,
            matches,
            rule,
            reason,
            matching_items,
            rejected_items,
        })
    }

    pub async fn found_releases(
        &self,
        item_id: Option<i64>,
    ) -> Result<Vec<FoundRelease>, ServiceError> {
        Ok(self.inner.store.found_releases(item_id, 500).await?)
    }

    pub async fn settings(&self) -> Result<SettingsView, ServiceError> {
        let s = Settings::load(&self.inner.store).await?;
        let mut keyring_error = None;
        let mut state = |name: SecretName| match self.inner.secrets.get(name) {
            Ok(Some(_)) => "saved",
            Ok(None) => "not set",
            Err(e) => {
                keyring_error = Some(e.to_string());
                "unavailable"
            }
        };
        let prowlarr_api_key = state(SecretName::ProwlarrApiKey);
        let telegram_bot_token = state(SecretName::TelegramBotToken);
        let access = self.access().await?;
        let saved = |set: bool| if set { "saved" } else { "not set" };
        Ok(SettingsView {
            web_password: saved(access.has_password()),
            web_api_key: saved(access.has_api_key()),
            configured: s.prowlarr_url.is_some() && prowlarr_api_key == "saved",
            prowlarr_url: s.prowlarr_url,
            telegram_chat_id: s.telegram_chat_id,
            telegram_api_url: s.telegram_api_url,
            interval: humantime::format_duration(s.interval).to_string(),
            concurrency: s.concurrency,
            desktop_notifications: s.desktop_notifications,
            search_mode: s.search_mode.as_str(),
            search_every: humantime::format_duration(s.schedule.every).to_string(),
            search_budget: s.schedule.budget_per_hour,
            prowlarr_api_key,
            telegram_bot_token,
            keyring_error,
        })
    }

    /// Validates every given value first, then stores them: a bad value stores nothing.
    pub async fn save_settings(&self, input: SettingsInput) -> Result<SettingsView, ServiceError> {
        let mut changes: Vec<(SettingKey, Option<String>)> = Vec::new();
        let texts = [
            (SettingKey::ProwlarrUrl, input.prowlarr_url),
            (SettingKey::TelegramChatId, input.telegram_chat_id),
            (SettingKey::TelegramApiUrl, input.telegram_api_url),
        ];
        for (key, value) in texts {
            match value {
                None => {}
                Some(v) => match v.filter(|v| !v.trim().is_empty()) {
                    None => changes.push((key, None)),
                    Some(v) => changes.push((key, Some(key.validate(&v)?))),
                },
            }
        }
        if let Some(v) = input.interval {
            changes.push((
                SettingKey::Interval,
                Some(SettingKey::Interval.validate(&v)?),
            ));
        }
        if let Some(v) = input.concurrency {
            changes.push((
                SettingKey::Concurrency,
                Some(SettingKey::Concurrency.validate(&v.to_string())?),
            ));
        }
        if let Some(v) = input.desktop_notifications {
            changes.push((SettingKey::DesktopNotifications, Some(v.to_string())));
        }
        let more = [
            (SettingKey::SearchMode, input.search_mode),
            (SettingKey::SearchEvery, input.search_every),
            (
                SettingKey::SearchBudget,
                input.search_budget.map(|v| v.to_string()),
            ),
        ];
        for (key, value) in more {
            if let Some(v) = value {
                changes.push((key, Some(key.validate(&v)?)));
            }
        }
        for (key, value) in changes {
            match value {
                Some(v) => settings::set(&self.inner.store, key, &v)
                    .await
                    .map(|_| ())?,
                None => self.inner.store.delete_setting(key.as_str()).await?,
            }
        }
        self.reconfigured().await;
        self.settings().await
    }

    pub async fn set_secret(
        &self,
        name: SecretName,
        value: &str,
    ) -> Result<SettingsView, ServiceError> {
        let value = value.trim();
        if value.is_empty() {
            return Err(ValidationError::new(
                match name {
                    SecretName::ProwlarrApiKey => "prowlarr_api_key",
                    SecretName::TelegramBotToken => "telegram_bot_token",
                    SecretName::ServerApiKey => "server_api_key",
                },
                "must not be empty",
            )
            .into());
        }
        self.inner.secrets.set(name, &Secret::new(value))?;
        crate::redact::register_secret(value);
        self.reconfigured().await;
        self.settings().await
    }

    /// The Prowlarr client the current settings and secrets make.
    pub(super) async fn prowlarr_client(&self) -> Result<ProwlarrClient, ServiceError> {
        let settings = Settings::load(&self.inner.store).await?;
        Ok(setup::prowlarr_client(
            &settings,
            self.inner.secrets.as_ref(),
        )?)
    }

    pub async fn test_prowlarr(&self) -> Result<ConnectionInfo, ServiceError> {
        let client = self.prowlarr_client().await?;
        let status = client
            .system_status()
            .await
            .map_err(|e| ServiceError::Prowlarr(e.to_string()))?;
        let indexers = client
            .indexers()
            .await
            .map_err(|e| ServiceError::Prowlarr(e.to_string()))?;
        Ok(ConnectionInfo {
            version: status.version,
            indexers: indexers.len(),
            enabled_indexers: indexers.iter().filter(|i| i.enable).count(),
        })
    }

    pub async fn send_test_message(&self) -> Result<(), ServiceError> {
        let settings = Settings::load(&self.inner.store).await?;
        let channel =
            setup::telegram_channel(&settings, self.inner.secrets.as_ref())?.ok_or_else(|| {
                ServiceError::NotConfigured(
                    "Telegram is not set up: save the bot token and the chat id first".to_owned(),
                )
            })?;
        channel
            .send_notice(&Notice::Test)
            .await
            .map_err(|e| ServiceError::Telegram(e.describe(ChannelId::Telegram)))
    }

    /// The chats messages to the bot came from ("Detect" beside the chat id), waiting up to 25 s for one.
    pub async fn detect_telegram_chats(&self) -> Result<Vec<SeenChat>, ServiceError> {
        let settings = Settings::load(&self.inner.store).await?;
        let token = self
            .inner
            .secrets
            .get(SecretName::TelegramBotToken)?
            .ok_or_else(|| {
                ServiceError::NotConfigured(
                    "no Telegram bot token is saved: save the token from @BotFather first"
                        .to_owned(),
                )
            })?;
        let api_url = url::Url::parse(&settings.telegram_api_url).ok();
        // Telegram lets one program poll a bot: the bot's poller stands aside while this reads.
        self.set_detecting_chat(true);
        let seen = crate::telegram::recent_chats(&token, api_url, DETECT_WAIT).await;
        self.set_detecting_chat(false);
        seen.map_err(|e| ServiceError::Telegram(format!("Telegram: {}", e.reason())))
    }

    pub async fn retry_failed(&self) -> Result<u64, ServiceError> {
        let n = self.inner.store.retry_failed().await?;
        self.wake_delivery();
        self.announce_status().await;
        Ok(n)
    }

    fn items_changed(&self) {
        self.inner.events.send(crate::events::Event::ItemsChanged);
    }
}

fn describe_matches(ids: &[i64], rejected: &[ItemJudgement]) -> String {
    let matched = match ids.len() {
        0 => "matches no item on the watchlist".to_owned(),
        1 => format!("matches watchlist item #{}", ids[0]),
        n => format!("matches {n} watchlist items"),
    };
    let refusals: Vec<String> = rejected
        .iter()
        .filter_map(|j| {
            let r = j.rejected.as_ref()?;
            Some(format!(
                "#{} refuses it ({}: {})",
                j.item_id, r.rule, r.reason
            ))
        })
        .collect();
    if refusals.is_empty() {
        matched
    } else {
        format!("{matched}; {}", refusals.join("; "))
    }
}

/// The watchlist with each item's state, from the database.
async fn read_items(store: &Store) -> Result<Vec<ItemView>, ServiceError> {
    let rows = store.item_states().await?;
    Ok(rows
        .into_iter()
        .map(|(item, s)| ItemView {
            state: if !item.enabled {
                ItemStatus::Paused
            } else if s.last_error.is_some() {
                ItemStatus::Error
            } else if s.found > 0 {
                ItemStatus::Found
            } else {
                ItemStatus::Waiting
            },
            item,
            found: s.found,
            last_error: s.last_error,
            last_checked_at: s.last_checked_at,
        })
        .collect())
}
