//! What a user can do, as methods on [`Service`]: each the whole behind one UI command, so the adapters stay
//! one line. Errors are [`ServiceError`], whose kind tells the UI where to show it (next to a field, in the
//! Settings page, in the status bar) and whose message says what to do. Settings and the tests beside them
//! are in [`super::configure`].

use serde::{Deserialize, Serialize};

use super::Service;
use crate::matcher::{self, ItemJudgement, ItemMatcher, Matcher, ParsedRelease, ReleaseInfo};
use crate::model::{ImportError, ItemSpec, WatchlistItem, parse_import};
use crate::secrets::SecretError;
use crate::settings::SettingsError;
use crate::setup::SetupError;
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
    /// ntfy or the webhook refused or could not be reached.
    #[error("{0}")]
    Channel(String),
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
            e @ SetupError::Channel { .. } => ServiceError::Channel(e.to_string()),
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
