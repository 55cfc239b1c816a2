//! The command line: names that scripts and tests rely on (see README.md).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "nightwatcherd",
    version,
    about = "NightWatcher, headless: watches Prowlarr for the releases on your watchlist and tells you on Telegram"
)]
pub struct Cli {
    /// Database file [default: $XDG_DATA_HOME/nightwatcher/nightwatcher.db]
    #[arg(long, global = true, env = "NIGHTWATCHER_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every interval until SIGINT/SIGTERM, delivering notifications as they are queued
    Run,
    /// Run one check, deliver its notifications, and exit (non-zero when Prowlarr cannot be used)
    Check {
        /// How long to keep trying to deliver before leaving the rest pending, in seconds
        #[arg(long, default_value_t = 120)]
        deliver_for: u64,
    },
    /// Edit the watchlist
    #[command(subcommand)]
    Watchlist(WatchlistCommand),
    /// Read release titles on stdin (one a line); print one JSON line each: how it parses and which items it matches
    Match {
        /// Also say, for every item, why the release matches it or which rule rejects it
        #[arg(long)]
        explain: bool,
    },
    /// Show or change settings
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Store or inspect the Prowlarr API key and the Telegram bot token (kept in the OS keyring)
    #[command(subcommand)]
    Secret(SecretCommand),
    /// Last checks, pending and failed notifications, items with errors
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Put failed notifications back in the queue (they are sent by the next `check` or by `run`)
    RetryFailed,
}

impl Command {
    pub fn default_log_level(&self) -> &'static str {
        match self {
            Command::Run | Command::Check { .. } => "info",
            _ => "warn",
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum WatchlistCommand {
    /// Add an item
    Add(AddArgs),
    /// List the items
    List {
        /// One JSON array with each item and its id
        #[arg(long)]
        json: bool,
    },
    /// Remove an item (and its history) by id
    Remove { id: i64 },
    /// Import items from a JSON file ("-" for stdin): all or nothing
    Import { file: PathBuf },
    /// Print the watchlist in the import format
    Export,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The title as it is released ("Dune: Part Two")
    pub title: String,
    /// movie or series
    #[arg(long)]
    pub kind: String,
    #[arg(long)]
    pub year: Option<i64>,
    /// For series: notify from this season on
    #[arg(long)]
    pub from_season: Option<i64>,
    /// For series: notify from this episode of --from-season on
    #[arg(long)]
    pub from_episode: Option<i64>,
    #[arg(long)]
    pub imdb_id: Option<String>,
    #[arg(long)]
    pub tmdb_id: Option<i64>,
    #[arg(long)]
    pub tvdb_id: Option<i64>,
    /// Newznab category to search (repeatable) [default: 2000 for movies, 5000 for series]
    #[arg(long = "category")]
    pub categories: Vec<i64>,
    /// Add it paused
    #[arg(long)]
    pub disabled: bool,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Every setting with its value and where it comes from (environment, database, default)
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Change a setting: prowlarr_url, telegram_chat_id, telegram_api_url, concurrency, interval, prowlarr_timeout
    Set { key: String, value: String },
    /// Return a setting to its default
    Unset { key: String },
}

#[derive(Debug, Subcommand)]
pub enum SecretCommand {
    /// Store a secret in the OS keyring, reading its value from stdin: prowlarr-api-key or telegram-bot-token
    Set { name: String },
    /// Say which secrets are set and where from (never their values)
    Status,
    /// Remove a secret from the OS keyring
    Delete { name: String },
}
