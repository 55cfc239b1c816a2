/**
 * The shapes that cross the IPC boundary (notes/issue3-contract.md), written once for the whole UI.
 *
 * Payload fields are snake_case because that is what the Rust side serializes; only Tauri command
 * *argument* names are camelCase, and those never leave `backend.ts`. The `Backend` interface lives here,
 * not in `backend.ts`, so that views depend on a plain interface and can be tested with an in-memory fake
 * without loading `@tauri-apps/api` at all.
 */

export type ItemKind = "movie" | "series";

/**
 * What a release must be beyond being of the item (`ItemFilters` in crates/engine/src/filters.rs). Every key
 * is optional and an absent one does not filter; the lists must be left out rather than sent empty or null.
 */
export interface ItemFilters {
  min_resolution?: "480p" | "576p" | "720p" | "1080p" | "1440p" | "2160p";
  max_resolution?: "480p" | "576p" | "720p" | "1080p" | "1440p" | "2160p";
  /** Absent: every source but CAM, TELESYNC, TELECINE and SCREENER. */
  sources?: string[];
  codecs?: string[];
  /** MiB per file (movie) or per episode (series). */
  min_size_mb?: number;
  max_size_mb?: number;
  min_seeders?: number;
  protocol?: "torrent" | "usenet";
  /** Words or `/regex/`. */
  must_contain?: string[];
  must_not_contain?: string[];
  /** English names such as "french". */
  languages?: string[];
  /** Prowlarr ids (numbers) or names (strings). */
  indexers?: Array<number | string>;
}

/**
 * The item form and the watchlist import format (`ItemSpec` in crates/engine/src/model.rs, which refuses
 * unknown keys). `aliases` and `filters` must be absent, not null, when there are none.
 */
export interface ItemSpec {
  title: string;
  kind: ItemKind | null;
  year?: number | null;
  from_season?: number | null;
  from_episode?: number | null;
  /** Series: this season only (not with from_season). */
  only_season?: number | null;
  /** Series, daily shows: aired on or after this day, YYYY-MM-DD. */
  from_date?: string | null;
  imdb_id?: string | null;
  tmdb_id?: number | null;
  tvdb_id?: number | null;
  categories?: number[] | null;
  enabled?: boolean | null;
  aliases?: string[];
  filters?: ItemFilters;
}

export interface WatchlistItem {
  id: number;
  title: string;
  kind: ItemKind;
  year?: number;
  from_season?: number;
  from_episode?: number;
  only_season?: number;
  /** YYYY-MM-DD. */
  from_date?: string;
  imdb_id?: string;
  tmdb_id?: number;
  tvdb_id?: number;
  categories: number[];
  enabled: boolean;
  /** Searched and recorded, but not notified. */
  muted: boolean;
  /** Absent when there are none. */
  aliases?: string[];
  /** Absent when no filter is set. */
  filters?: ItemFilters;
}

export type ItemState = "waiting" | "found" | "error" | "paused";

export interface ItemView extends WatchlistItem {
  state: ItemState;
  found: number;
  last_error: string | null;
  /** Unix seconds. */
  last_checked_at: number | null;
}

export interface FoundRelease {
  match_id: number;
  item_id: number;
  item_title: string;
  title: string;
  indexer: string | null;
  /** Every indexer that listed this release (the same release on several indexers is one). */
  indexers: string[];
  /** Why a filter of the item refused it (`rule: reason`): kept in the history, not notified. */
  rejected: string | null;
  size: number | null;
  seeders: number | null;
  protocol: "torrent" | "usenet" | "unknown";
  /** Unix seconds. */
  published_at: number | null;
  info_url: string | null;
  /** Unix seconds. */
  found_at: number;
  /** Where its grab stands, when one was asked: who asked, the download client, or why it failed. */
  grab_status: GrabStatus | null;
  grab_face: string | null;
  grab_client: string | null;
  grab_error: string | null;
  /** Unix seconds: when the grab ended (or was asked, while it is being sent). */
  grab_at: number | null;
}

export type GrabStatus = "sending" | "grabbed" | "failed";

/** A chat a message to the bot came from ("Detect" beside the chat id). */
export interface SeenChat {
  id: number;
  name: string;
  kind: "private" | "group" | "supergroup" | "channel";
}

/** Where a grab of one protocol goes: the download client, or why none takes it. */
export interface GrabTarget {
  client: string | null;
  reason: string | null;
}

export interface GrabTargets {
  torrent: GrabTarget;
  usenet: GrabTarget;
}

/** A grab as `grab` answers it (a failed one is the error). */
export interface Grab {
  match_id: number;
  status: GrabStatus;
  face: string;
  client: string | null;
  error: string | null;
  attempts: number;
  requested_at: number;
  finished_at: number | null;
}

export interface ParsedRelease {
  title: string;
  year?: number;
  season?: number;
  episode?: number;
  seasons?: number[];
  episodes?: number[];
  /** A daily show's air date, YYYY-MM-DD. */
  date?: string;
  resolution?: string;
  source?: string;
  codec?: string;
  group?: string;
  /** ISO 639-1 codes, `multi audio`, `dual audio`, `multi subs`. */
  languages?: string[];
  proper?: boolean;
  repack?: boolean;
  complete?: boolean;
  special?: boolean;
  kind: "movie" | "episode" | "seasonpack";
}

/** A filter rule that refused a release, and why. */
export interface Rejection {
  /** A filter's field name: `min_resolution`, `sources`, `must_not_contain`... */
  rule: string;
  reason: string;
}

export interface TryResult {
  parsed: ParsedRelease;
  /** Whether it would be notified for the spec given; null when none was given or it is not valid yet. */
  matches: boolean | null;
  /** The rule that refused it (`title`, `year`, `from_season`, or a filter such as `min_resolution`). */
  rule: string | null;
  reason: string;
  /** The stored items it is a release of (filters aside). */
  matching_items: number[];
  /** Those of `matching_items` whose filters refuse it. */
  rejected_items: Array<{ item_id: number; rejected?: Rejection }>;
}

export type SecretState = "saved" | "not set" | "unavailable";

/** A notification channel (`ChannelId` in crates/engine/src/channel.rs). */
export type ChannelId = "telegram" | "ntfy" | "webhook";

/** How a notification shows on an ntfy subscriber's phone. */
export type NtfyPriority = "min" | "low" | "default" | "high" | "max";

/** A notification channel as Settings shows it (`ChannelState` in crates/engine/src/service/ops.rs). */
export interface ChannelState {
  id: ChannelId;
  label: string;
  /** Its settings (and secret) are there: it can be tested. */
  configured: boolean;
  /** The user has it on; configured and on, every notification goes there. */
  enabled: boolean;
}

/**
 * `feed`: each check reads the indexers' latest releases once and searches an item by name only when it is
 * added or edited and then once per `search_every`, within `search_budget` searches an hour.
 * `search_all`: every item is searched on every check (no budget).
 */
export type SearchMode = "feed" | "search_all";

export interface SettingsView {
  prowlarr_url: string | null;
  telegram_chat_id: string | null;
  telegram_api_url: string;
  interval: string;
  concurrency: number;
  desktop_notifications: boolean;
  search_mode: SearchMode;
  /** A humantime duration such as "6h" (1h to 7d). */
  search_every: string;
  /** Item searches per rolling hour, 1 to 1000. */
  search_budget: number;
  prowlarr_api_key: SecretState;
  telegram_bot_token: SecretState;
  /** Who in the chat the bot obeys, comma-separated ids; "" = everyone in it. */
  telegram_user_ids: string;
  /** The web UI's address as a phone reaches it, for links in messages. */
  web_public_url: string | null;
  /** "https://ntfy.sh" unless another server is set. */
  ntfy_url: string;
  ntfy_topic: string | null;
  ntfy_priority: NtfyPriority;
  ntfy_token: SecretState;
  webhook_url: string | null;
  webhook_secret: SecretState;
  /** Each notification channel: whether it is set up and whether it is on. */
  channels: ChannelState[];
  keyring_error: string | null;
  /** Whether the web UI has a password and scripts an API key: never either value. */
  web_password: "saved" | "not set";
  web_api_key: "saved" | "not set";
  configured: boolean;
}

/** Absent = unchanged; null or "" = unset. */
export interface SettingsInput {
  prowlarr_url?: string | null;
  telegram_chat_id?: string | null;
  telegram_api_url?: string | null;
  telegram_user_ids?: string | null;
  web_public_url?: string | null;
  ntfy_url?: string | null;
  ntfy_topic?: string | null;
  ntfy_priority?: NtfyPriority | null;
  webhook_url?: string | null;
  telegram_enabled?: boolean;
  ntfy_enabled?: boolean;
  webhook_enabled?: boolean;
  interval?: string;
  concurrency?: number;
  desktop_notifications?: boolean;
  search_mode?: SearchMode;
  search_every?: string;
  search_budget?: number;
}

export type SecretName = "prowlarr-api-key" | "telegram-bot-token" | "ntfy-token" | "webhook-secret";

export interface ConnectionInfo {
  version: string;
  indexers: number;
  enabled_indexers: number;
}

export type RunStatus = "running" | "ok" | "failed" | "cancelled";

export interface RunView {
  id: number;
  started_at: number;
  finished_at: number | null;
  status: RunStatus;
  items: number;
  searches: number;
  releases_seen: number;
  new_matches: number;
  errors: number;
  notifications_queued: number;
  duration_ms: number;
  error: string | null;
}

/**
 * What a status problem is about (`Problem::kind` in crates/engine/src/status.rs). `indexers`: Prowlarr
 * works but has disabled some indexers after failures, so searches cover fewer of them.
 */
export type ProblemKind =
  | "not_configured"
  | "prowlarr"
  | "indexers"
  | "telegram"
  | "telegram_unreachable"
  | "channel"
  | "channel_unreachable"
  | "storage"
  | "keyring"
  | "unreachable"
  | "server_refused";

/**
 * What the user can do about a problem in NightWatcher (`Remedy` in crates/engine/src/remedy.rs): the engine
 * says what to change, each face says where (this window: a Settings section; the CLI: a command).
 */
export type Remedy =
  | { action: "set_setting"; setting: string }
  | { action: "set_secret"; secret: SecretName | "server-api-key" }
  | { action: "retry_failed" }
  | { action: "unlock_keyring" };

/** Something the user has to fix: `message` says what is wrong, `remedy` (if any) what to do about it. */
export interface Problem {
  kind: ProblemKind;
  message: string;
  /** Absent from engines older than the field. */
  remedy?: Remedy | null;
}

export interface Status {
  paused: boolean;
  running: { done: number; total: number } | null;
  last_check: RunView | null;
  /** Unix seconds; null when paused or not configured. */
  next_check_at: number | null;
  problem: Problem | null;
  notifications: { pending: number; sent: number; failed: number };
}

/**
 * The running engine's figures (`Monitoring` in crates/engine/src/monitor.rs). Times are Unix seconds.
 */
export interface Monitoring {
  written_at: number;
  pid: number;
  search_mode: SearchMode;
  /** Null until a check has finished since the engine started. */
  last_check: {
    finished_at: number;
    duration_ms: number;
    /** Feed pages read. */
    feed_requests: number;
    /** Item searches by name. */
    searches: number;
    errors: number;
    new_matches: number;
  } | null;
  /** Over the last 200 Prowlarr requests; all 0 when there were none. */
  prowlarr_latency_ms: { samples: number; median: number; p95: number };
  notifications: { pending: number; sent: number; failed: number };
  db_connections: { open: number; idle: number; in_use: number };
  /** Null where the engine cannot read it (not Linux). */
  memory_rss_bytes: number | null;
  /** The wait after Prowlarr failed as a whole; `failures` 0 when it works. */
  backoff: { failures: number; next_try_at: number | null };
  /** What Prowlarr said about its indexers after an empty or failed search; null before it was asked. */
  indexers: { total: number; disabled: number; message: string | null; checked_at: number } | null;
  search_budget: { per_hour: number; used_last_hour: number };
}

export interface ProgressEvent {
  run_id: number;
  done: number;
  total: number;
}

export interface ReleaseFoundEvent {
  item_id: number;
  item_title: string;
  release_title: string;
  indexer: string | null;
}

export interface CheckFinishedEvent {
  run_id: number;
  summary: Record<string, unknown>;
}

export type IpcErrorKind =
  | "validation"
  | "not_found"
  | "not_configured"
  | "prowlarr"
  | "telegram"
  | "channel"
  | "keyring"
  | "import"
  | "internal"
  | "engine_stopped"
  | "already_open"
  | "unknown_command"
  | "unauthorized"
  | "forbidden"
  | "too_many_requests"
  | "too_large"
  | "unreachable";

/** Every failed command rejects with one of these (see `backend.ts`, which normalizes whatever arrives). */
export class IpcError extends Error {
  readonly kind: IpcErrorKind;
  /** The form field a validation error is about ("title", "year", "prowlarr_url", ...), else null. */
  readonly field: string | null;

  /** From an HTTP answer's `Retry-After` (a 429 after failed logins): seconds to wait, else null. */
  readonly retryAfter: number | null;

  constructor(kind: IpcErrorKind, message: string, field: string | null = null, retryAfter: number | null = null) {
    super(message);
    this.name = "IpcError";
    this.kind = kind;
    this.field = field;
    this.retryAfter = retryAfter;
  }
}

/** Where the desktop app's engine runs: here, or on a NightWatcher server (`get_engine`). */
export interface EngineView {
  mode: "local" | "server";
  url: string | null;
  /** The server's API key, kept in the OS keyring: never its value. */
  api_key: "saved" | "not set" | "unavailable";
}

export type EngineChoice = { mode: "local" } | { mode: "server"; url: string; apiKey: string | null };

/** Stops an event subscription. */
export type Unlisten = () => void;

/**
 * Everything the UI asks of the app; `backend.ts` implements it over Tauri (the window) or HTTP (a browser),
 * tests implement it in memory.
 */
export interface Backend {
  listItems(): Promise<ItemView[]>;
  addItem(spec: ItemSpec): Promise<WatchlistItem>;
  updateItem(id: number, spec: ItemSpec): Promise<WatchlistItem>;
  setItemEnabled(id: number, enabled: boolean): Promise<void>;
  /** A muted item is searched and its finds are in Found, but it is not notified. */
  setItemMuted(id: number, muted: boolean): Promise<void>;
  deleteItem(id: number): Promise<void>;
  importItems(json: string): Promise<number>;
  exportItems(): Promise<string>;
  tryRelease(title: string, spec: ItemSpec | null): Promise<TryResult>;
  foundReleases(itemId: number | null): Promise<FoundRelease[]>;
  /** Sends a found release to a download client through Prowlarr, once; a failed grab is the error. */
  grab(foundId: number): Promise<Grab>;
  /** Which download client takes a grab of each protocol, or why none can. */
  grabTargets(): Promise<GrabTargets>;
  getSettings(): Promise<SettingsView>;
  saveSettings(input: SettingsInput): Promise<SettingsView>;
  setSecret(name: SecretName, value: string): Promise<SettingsView>;
  testProwlarr(): Promise<ConnectionInfo>;
  /** Sends a test message on one channel, on or off (it must be set up); fails with what the channel said. */
  sendTestMessage(channel: ChannelId): Promise<void>;
  /** The chats messages to the bot came from, waiting up to 25 s for one. */
  detectTelegramChats(): Promise<SeenChat[]>;
  getStatus(): Promise<Status>;
  getMonitoring(): Promise<Monitoring>;
  checkNow(): Promise<void>;
  setPaused(paused: boolean): Promise<Status>;
  retryFailed(): Promise<number>;
  /** Sets the web UI's password; every browser session ends. */
  setWebPassword(password: string): Promise<void>;
  /** A new API key for scripts and attached desktops, shown this once; the old one stops working. */
  newApiKey(): Promise<string>;
  /** Desktop only: where the engine runs, testing a server, switching. */
  getEngine(): Promise<EngineView>;
  testEngine(url: string, apiKey: string | null): Promise<{ version: string }>;
  setEngine(choice: EngineChoice): Promise<EngineView>;
  openLink(url: string): Promise<void>;
  /**
   * Whether the UI runs in a browser (served by the engine's web server) rather than in the app's window.
   * Only a browser has a session: log in, log out, and a login page when the session is missing or ended.
   */
  isBrowser(): boolean;
  /** Browser: starts a session with the web password (`POST api/v1/login`). */
  login(password: string): Promise<void>;
  /** Browser: ends this browser's session (`POST api/v1/logout`). */
  logout(): Promise<void>;
  /** Browser: called whenever a command or the event stream is refused for want of a session (401). */
  onUnauthorized(cb: () => void): Unlisten;
  onStatus(cb: (status: Status) => void): Promise<Unlisten>;
  onProgress(cb: (progress: ProgressEvent) => void): Promise<Unlisten>;
  onReleaseFound(cb: (found: ReleaseFoundEvent) => void): Promise<Unlisten>;
  onItemsChanged(cb: () => void): Promise<Unlisten>;
  /** A grab started or ended, from any face (the Telegram bot's buttons too). */
  onGrabChanged(cb: () => void): Promise<Unlisten>;
  onCheckFinished(cb: (finished: CheckFinishedEvent) => void): Promise<Unlisten>;
}

/** Any rejection as an `IpcError`; the real backend already normalizes, this covers programming errors. */
export function asIpcError(error: unknown): IpcError {
  if (error instanceof IpcError) return error;
  if (error instanceof Error) return new IpcError("internal", error.message);
  return new IpcError("internal", String(error));
}
