//! NightWatcher's engine: everything that is not GUI.
//!
//! The desktop shell and the headless daemon are adapters over this crate: they turn user actions into
//! engine calls and engine events into UI updates. Nothing here depends on Tauri, GTK or WebKit.
//!
//! | module | owns |
//! |---|---|
//! | [`access`] | the web password (Argon2id) and the API key (SHA-256), never stored in clear |
//! | [`command`] | the one typed contract of every face: [`command::Command`], its dispatch, its errors |
//! | [`model`] | the watchlist item, its JSON import/export form and its validation rules |
//! | [`filters`] | what an item wants of a release (resolution, source, size, words...): vocabulary and rules |
//! | [`store`] | the SQLite pool, migrations and every SQL query |
//! | [`prowlarr`] | the Prowlarr HTTP client |
//! | [`matcher`] | release-name parsing and the decision "is this release of this item" |
//! | [`normalize`] | title normalization: when two titles are the same |
//! | [`validation`] | the [`validation::ValidationError`] every checked input reports |
//! | [`watcher`] | one check: the feed poll, the item searches due, bounded concurrency |
//! | [`feed`] | reading the indexers' latest releases, paged back to the last poll's cursor |
//! | [`schedule`] | the clock, the per-item search schedule, the hourly search budget, the backoff ladder |
//! | [`monitor`] | figures for status: Prowlarr latency, indexer health, the last check, memory, database |
//! | [`news`] | what a notification says, channel-neutral: the [`news::Notice`] the outbox stores |
//! | [`notify`] | composing notices into the outbox, and the delivery worker |
//! | [`channel`] | the [`channel::Channel`] trait every notification channel implements, and its errors |
//! | [`telegram`] | the Telegram channel: HTML formatting with escaping, sending, error classification |
//! | [`secrets`] | the [`secrets::SecretStore`] trait, the OS keyring store and environment overrides |
//! | [`service`] | the engine running for an app: scheduler, delivery, status, and the user's operations |
//! | [`settings`] | stored settings with environment overrides |
//! | [`setup`] | building the Prowlarr client and notification channels from settings and secrets |
//! | [`ipc`] | the local socket between the engine's process and the window's process |
//! | [`remote`] | a NightWatcher server reached over its HTTP API: commands and its event stream |
//! | [`link`] | the engine as a face reaches it: in this process, or a remote server |
//! | [`events`] | the one [`events::Event`] type broadcast to the UI and the CLI |
//! | [`status`] | what a face shows of the engine: the status, the check in progress, the problem |
//! | [`remedy`] | what the user can do about a problem, and each face's words for it (Settings, a command) |
//! | [`diagnose`] | which errors have which remedy |
//! | [`fresh`] | answers read from the database, kept while it is unchanged |
//! | [`redact`] | removing secrets from anything that may be logged or shown |

/// For an enum of a closed set that travels as text (it derives strum's `IntoStaticStr` and `VariantNames`
/// with the same names as its serde form): `NAMES` (for the contract test), `as_str`, comparison with a `&str`
/// and `Display`.
macro_rules! closed_set {
    ($t:ty) => {
        impl $t {
            pub const NAMES: &'static [&'static str] = <$t as strum::VariantNames>::VARIANTS;

            pub fn as_str(self) -> &'static str {
                self.into()
            }
        }

        impl PartialEq<&str> for $t {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }

        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use closed_set;

pub mod access;
pub mod channel;
pub mod command;
pub mod diagnose;
pub mod events;
pub mod feed;
pub mod filters;
pub mod fresh;
pub mod ipc;
pub mod link;
pub mod matcher;
pub mod model;
pub mod monitor;
pub mod news;
pub mod normalize;
pub mod notify;
pub mod ntfy;
pub mod prowlarr;
pub mod redact;
pub mod remedy;
pub mod remote;
pub mod schedule;
pub mod secrets;
pub mod service;
pub mod settings;
pub mod setup;
pub mod status;
pub mod store;
pub mod telegram;
pub mod validation;
pub mod watcher;
pub mod webhook;

/// `NightWatcher/<version>`: Prowlarr records the first User-Agent token as the request's source.
pub const USER_AGENT: &str = concat!("NightWatcher/", env!("CARGO_PKG_VERSION"));
