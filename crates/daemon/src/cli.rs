//! The command line: names that scripts and tests rely on (see README.md).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use nightwatcher_engine::channel::ChannelId;
use nightwatcher_engine::filters::{Codec, IndexerRef, Protocol, Resolution, Source};

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
    /// Check every interval until SIGINT/SIGTERM, delivering notifications as they are queued; serve the web UI
    /// when --listen or the web_listen setting is set
    Run {
        /// Serve the web UI and the HTTP API on this address (overrides web_listen), e.g. 127.0.0.1:8711
        #[arg(long, value_name = "ADDR:PORT")]
        listen: Option<String>,
    },
    /// Run one check, deliver its notifications, and exit (non-zero when Prowlarr cannot be used)
    Check {
        /// How long to keep trying to deliver before leaving the rest pending, in seconds
        #[arg(long, default_value_t = 120)]
        deliver_for: u64,
    },
    /// Edit the watchlist
    #[command(subcommand)]
    Watchlist(WatchlistCommand),
    /// Read release titles on stdin (one a line); print one JSON line each: how it parses, which items it is a
    /// release of ("matches"), which of those would notify it ("notify") and which filters refuse it ("rejected")
    Match {
        /// Also say, for every item, why the release matches it or which rule rejects it
        #[arg(long)]
        explain: bool,
    },
    /// Show or change settings
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Store or inspect the Prowlarr API key, the Telegram bot token and the channels' secrets (kept in the
    /// OS keyring)
    #[command(subcommand)]
    Secret(SecretCommand),
    /// Last checks, pending and failed notifications, items with errors
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Put failed notifications back in the queue (they are sent by the next `check` or by `run`)
    RetryFailed,
    /// Wait up to 25 s for a message to the bot and print the chats it came from: the telegram_chat_id to set
    /// (send the bot any message first, or while this waits)
    DetectChat,
    /// The releases found for the watchlist, newest first, each with its id (for `grab`) and its grab
    Found {
        /// Only this item's
        #[arg(long, value_name = "ITEM_ID")]
        item: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Send a found release to a download client through Prowlarr (once: a release grabbed is not sent again);
    /// exit 0 when grabbed, 2 with the reason when not
    Grab {
        /// The release's id, as `found` lists it
        found_id: i64,
    },
    /// The web UI's password and API key (docs/http-api.md)
    #[command(subcommand)]
    Web(WebCommand),
    /// The notification channels: telegram, ntfy, webhook
    #[command(subcommand)]
    Channel(ChannelCommand),
}

impl Command {
    pub fn default_log_level(&self) -> &'static str {
        match self {
            Command::Run { .. } | Command::Check { .. } => "info",
            _ => "warn",
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum WatchlistCommand {
    /// Add an item
    Add(Box<AddArgs>),
    /// List the items
    List {
        /// One JSON array with each item and its id
        #[arg(long)]
        json: bool,
    },
    /// Remove an item (and its history) by id
    Remove { id: i64 },
    /// Keep searching an item but stop notifying it (its finds stay in `found`)
    Mute { id: i64 },
    /// Notify a muted item again (from its next find on)
    Unmute { id: i64 },
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
    // Negative numbers are taken as values, so `--year -1` gets the rule it breaks instead of clap's
    // "unexpected argument '-1'".
    #[arg(long, allow_negative_numbers = true)]
    pub year: Option<i64>,
    /// For series: notify from this season on
    #[arg(long, allow_negative_numbers = true)]
    pub from_season: Option<i64>,
    /// For series: notify from this episode of --from-season on
    #[arg(long, allow_negative_numbers = true)]
    pub from_episode: Option<i64>,
    /// For series: follow this season only (not with --from-season)
    #[arg(long, allow_negative_numbers = true)]
    pub only_season: Option<i64>,
    /// For daily shows: episodes aired on or after this day (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub from_date: Option<String>,
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
    /// Another title the item is released under (repeatable): "Le Prestige"
    #[arg(long = "alias", value_name = "TITLE")]
    pub aliases: Vec<String>,
    #[command(flatten)]
    pub filters: FilterArgs,
}

/// The common filters of an item (see `filters` in the import format for all of them).
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Lowest resolution wanted: 480p, 576p, 720p, 1080p, 1440p, 2160p
    #[arg(long, value_name = "RES")]
    pub min_resolution: Option<Resolution>,
    /// Highest resolution wanted
    #[arg(long, value_name = "RES")]
    pub max_resolution: Option<Resolution>,
    /// Allowed source (repeatable): CAM, TELESYNC, TELECINE, SCREENER, DVD, HDTV, WEBRip, WEB-DL, BluRay, Remux
    /// [default: all but CAM, TELESYNC, TELECINE, SCREENER]
    #[arg(long = "source", value_name = "SOURCE")]
    pub sources: Vec<Source>,
    /// Allowed codec (repeatable): h264, h265, av1, xvid, mpeg2
    #[arg(long = "codec", value_name = "CODEC")]
    pub codecs: Vec<Codec>,
    /// Smallest size in MiB, per file for a movie, per episode for a series
    #[arg(long, value_name = "MIB")]
    pub min_size_mb: Option<u64>,
    /// Largest size in MiB, per file for a movie, per episode for a series
    #[arg(long, value_name = "MIB")]
    pub max_size_mb: Option<u64>,
    /// Fewest seeders a torrent may have
    #[arg(long, value_name = "N")]
    pub min_seeders: Option<u32>,
    /// torrent or usenet
    #[arg(long)]
    pub protocol: Option<Protocol>,
    /// The name must contain one of these (repeatable): a word or phrase, or /regex/
    #[arg(long, value_name = "TERM")]
    pub must_contain: Vec<String>,
    /// The name must contain none of these (repeatable): a word or phrase, or /regex/
    #[arg(long, value_name = "TERM")]
    pub must_not_contain: Vec<String>,
    /// Wanted audio language, ISO 639-1 (repeatable): en, fr, de...
    #[arg(long = "language", value_name = "CODE")]
    pub languages: Vec<String>,
    /// Indexer to use, Prowlarr id or name (repeatable)
    #[arg(long = "indexer", value_name = "ID|NAME")]
    pub indexers: Vec<IndexerRef>,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Every setting with its value and where it comes from (environment, database, default)
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Change a setting (`config show` lists them all): prowlarr_url, telegram_chat_id, ntfy_topic, webhook_url, …
    Set { key: String, value: String },
    /// Return a setting to its default
    Unset { key: String },
}

#[derive(Debug, Subcommand)]
pub enum SecretCommand {
    /// Store a secret in the OS keyring, reading its value from stdin: prowlarr-api-key, telegram-bot-token,
    /// ntfy-token or webhook-secret
    Set { name: String },
    /// Say which secrets are set and where from (never their values)
    Status,
    /// Remove a secret from the OS keyring
    Delete { name: String },
}

#[derive(Debug, Subcommand)]
pub enum ChannelCommand {
    /// Each channel: not set up, on or off
    List,
    /// Send every notification through this channel too (once it is set up)
    On {
        #[arg(value_parser = channel_name())]
        channel: ChannelId,
    },
    /// Stop sending through this channel; its settings stay
    Off {
        #[arg(value_parser = channel_name())]
        channel: ChannelId,
    },
    /// Send a test message through this channel now, on or off; exit non-zero with the reason when it fails
    Test {
        #[arg(value_parser = channel_name())]
        channel: ChannelId,
    },
}

/// A channel's name, one of those listed in `--help` and in the error for another.
fn channel_name() -> impl clap::builder::TypedValueParser<Value = ChannelId> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(ChannelId::NAMES)
        .try_map(|name| name.parse::<ChannelId>())
}

#[derive(Debug, Subcommand)]
pub enum WebCommand {
    /// Set the web UI's password: typed at a terminal (not shown), or one line on stdin; every web session ends
    Password,
    /// Make an API key for scripts and attached desktops (header X-Api-Key)
    ApiKey {
        /// Make a new key and print it, once; the previous key stops working
        #[arg(long)]
        new: bool,
    },
    /// Say whether a password and an API key are set (never their values), and where the UI is served
    Status,
}
