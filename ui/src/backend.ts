/**
 * The only module that talks to the backend: one typed function per command and one subscription per event of
 * the engine's contract (`crates/engine/src/command.rs`), over one of two transports chosen at run time:
 *
 * - **the window** (Tauri, detected by `window.__TAURI_INTERNALS__`): `invoke("engine", {cmd, args})`, which
 *   the shell forwards to the engine, and Tauri events;
 * - **a browser** (the page served by the engine's web server, `docs/http-api.md`): `POST api/v1/command` with
 *   the same `{cmd, args}`, and one `EventSource` on `api/v1/events` shared by every subscription. Both paths
 *   are relative to the page, so the UI works under any URL base (`/nightwatcher/`).
 *
 * Keeping `@tauri-apps/api` and `fetch` behind this file means the rest of the UI runs with a fake `Backend`,
 * and a renamed command or argument is fixed in one place. Every failure is turned into an `IpcError`:
 * `invoke` rejects with whatever the Rust side serialized (normally `{kind, message, field}`, but a panic or a
 * missing command arrives as a bare string); HTTP answers `{"error": {kind, message, field}}`.
 */

import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import {
  IpcError,
  type Backend,
  type ChannelId,
  type CheckFinishedEvent,
  type ConnectionInfo,
  type EngineChoice,
  type EngineView,
  type FoundRelease,
  type Grab,
  type GrabTargets,
  type IpcErrorKind,
  type ItemSpec,
  type ItemView,
  type Monitoring,
  type ProgressEvent,
  type ReleaseFoundEvent,
  type SecretName,
  type SeenChat,
  type SettingsInput,
  type SettingsView,
  type Status,
  type TryResult,
  type Unlisten,
  type WatchlistItem,
} from "./types";

export { IpcError } from "./types";

/** Event names pushed from Rust. */
export const EVENTS = {
  status: "status://changed",
  progress: "watcher://progress",
  releaseFound: "release://found",
  checkFinished: "watcher://check-finished",
  itemsChanged: "items://changed",
  grabChanged: "release://grab-changed",
} as const;

/** The engine's error kinds (`ErrorKind` in the engine's `command` module; a test keeps them equal). */
const KINDS: readonly IpcErrorKind[] = [
  "validation",
  "not_found",
  "not_configured",
  "prowlarr",
  "telegram",
  "channel",
  "keyring",
  "import",
  "internal",
  "engine_stopped",
  "already_open",
  "unknown_command",
  "unauthorized",
  "forbidden",
  "too_many_requests",
  "too_large",
  "unreachable",
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Turns anything `invoke` may reject with into an `IpcError`. */
export function toIpcError(error: unknown): IpcError {
  if (error instanceof IpcError) return error;
  if (isRecord(error) && typeof error.message === "string") {
    const kind = KINDS.find((k) => k === error.kind) ?? "internal";
    const field = typeof error.field === "string" && error.field !== "" ? error.field : null;
    return new IpcError(kind, error.message, field);
  }
  if (typeof error === "string") return new IpcError("internal", error);
  return new IpcError("internal", `The app answered with an unexpected error: ${String(error)}`);
}

/** Whether the page runs in the app's window (Tauri injects this object before any script runs). */
export function isBrowser(): boolean {
  return !("__TAURI_INTERNALS__" in window);
}

/** The HTTP API's paths, relative to the page so that a URL base (`/nightwatcher/`) is kept. */
export const HTTP = {
  command: "api/v1/command",
  events: "api/v1/events",
  login: "api/v1/login",
  logout: "api/v1/logout",
} as const;

/**
 * Where an API path is: under the URL base the server names in `<meta name="nightwatcher-base">` (so a page
 * opened from a deep link reaches the API too), else relative to the page.
 */
export function apiUrl(path: string): string {
  const base = document.querySelector('meta[name="nightwatcher-base"]')?.getAttribute("content");
  return base === null || base === undefined ? path : `${base}/${path}`;
}

const unauthorizedHandlers = new Set<() => void>();

/** Registers `cb` for every 401 a command or the event stream gets in a browser; returns its unlisten. */
export function onUnauthorized(cb: () => void): Unlisten {
  unauthorizedHandlers.add(cb);
  return () => {
    unauthorizedHandlers.delete(cb);
  };
}

function notifyUnauthorized(): void {
  for (const cb of [...unauthorizedHandlers]) cb();
}

/** Seconds from a `Retry-After` header (a number of seconds, or an HTTP date), else null. */
function retryAfterSeconds(header: string | null): number | null {
  if (header === null || header.trim() === "") return null;
  const trimmed = header.trim();
  if (/^[0-9]+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

function unreachable(error: unknown): IpcError {
  const detail = error instanceof Error && error.message !== "" ? ` (${error.message})` : "";
  return new IpcError(
    "unreachable",
    `Cannot reach NightWatcher at ${window.location.host || "this address"}: check that it is running and that ` +
      `this computer can reach it, then reload the page${detail}`,
  );
}

/**
 * POSTs `body` as JSON to one of the API's paths with the session cookie and the CSRF header, and answers the
 * JSON it got back (`null` for an empty answer such as 204). Every failure is an `IpcError`: a network failure
 * is `unreachable`, an answer that is not JSON is `internal`, a refusal is its `{"error": ...}`.
 */
async function post(path: string, body: unknown): Promise<unknown> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(path, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-NightWatcher": "1" },
      body: JSON.stringify(body),
    });
    text = await response.text();
  } catch (error) {
    throw unreachable(error);
  }
  let parsed: unknown = null;
  if (text.trim() !== "") {
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new IpcError(
        "internal",
        `NightWatcher answered with something that is not JSON (HTTP ${response.status}): ` +
          "a proxy in front of it may have answered instead",
      );
    }
  }
  if (response.ok) return parsed;
  const refusal = isRecord(parsed) && isRecord(parsed.error) ? parsed.error : null;
  if (refusal === null || typeof refusal.message !== "string") {
    throw new IpcError("internal", `NightWatcher refused the request with HTTP ${response.status} and no reason`);
  }
  const error = toIpcError(refusal);
  const retryAfter = retryAfterSeconds(response.headers.get("Retry-After"));
  throw retryAfter === null ? error : new IpcError(error.kind, error.message, error.field, retryAfter);
}

/**
 * Runs a command of the engine's contract. The window has one Tauri command for all of them, `engine`, which
 * forwards `cmd` and its snake_case `args` to the engine as they are: the engine parses and validates them.
 * A browser sends the same `{cmd, args}` to `POST api/v1/command`. Every engine command goes through here
 * with its literal name (a test in `crates/engine/tests/contract.rs` reads them).
 */
async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  const request = { cmd: command, args: args ?? null };
  if (isBrowser()) {
    try {
      return (await post(apiUrl(HTTP.command), request)) as T;
    } catch (error) {
      const e = toIpcError(error);
      if (e.kind === "unauthorized") notifyUnauthorized();
      throw e;
    }
  }
  try {
    return await invoke<T>("engine", request);
  } catch (error) {
    throw toIpcError(error);
  }
}

/** Browser: starts a session with the web password; the server sets the session cookie. */
export const login = async (password: string): Promise<void> => {
  if (!isBrowser()) throw new IpcError("internal", "The app's window needs no login");
  await post(apiUrl(HTTP.login), { password });
};

/** Browser: ends this browser's session. In the window there is none, so nothing happens. */
export const logout = async (): Promise<void> => {
  if (!isBrowser()) return;
  await post(apiUrl(HTTP.logout), {});
};

export const listItems = (): Promise<ItemView[]> => call("list_items");
export const addItem = (spec: ItemSpec): Promise<WatchlistItem> => call("add_item", { spec });
export const updateItem = (id: number, spec: ItemSpec): Promise<WatchlistItem> =>
  call("update_item", { id, spec });
export const setItemEnabled = async (id: number, enabled: boolean): Promise<void> => {
  await call("set_item_enabled", { id, enabled });
};
export const setItemMuted = async (id: number, muted: boolean): Promise<void> => {
  await call("set_item_muted", { id, muted });
};
export const deleteItem = async (id: number): Promise<void> => {
  await call("delete_item", { id });
};
export const importItems = (json: string): Promise<number> => call("import_items", { json });
export const exportItems = (): Promise<string> => call("export_items");
export const tryRelease = (title: string, spec: ItemSpec | null): Promise<TryResult> =>
  call("try_release", { title, spec });
export const foundReleases = (itemId: number | null): Promise<FoundRelease[]> =>
  call("found_releases", { item_id: itemId });
/** Sends a found release to a download client through Prowlarr, once; said to come from the web UI or the app. */
export const grab = (foundId: number): Promise<Grab> =>
  call("grab", { found_id: foundId, face: isBrowser() ? "web" : "app" });
export const grabTargets = (): Promise<GrabTargets> => call("grab_targets");
export const getSettings = (): Promise<SettingsView> => call("get_settings");
export const saveSettings = (input: SettingsInput): Promise<SettingsView> => call("save_settings", { input });
export const setSecret = (name: SecretName, value: string): Promise<SettingsView> =>
  call("set_secret", { name, value });
export const testProwlarr = (): Promise<ConnectionInfo> => call("test_prowlarr");
export const sendTestMessage = async (channel: ChannelId): Promise<void> => {
  await call("send_test_message", { channel });
};
export const detectTelegramChats = (): Promise<SeenChat[]> => call("detect_telegram_chats");
export const getStatus = (): Promise<Status> => call("get_status");
export const getMonitoring = (): Promise<Monitoring> => call("get_monitoring");
export const checkNow = async (): Promise<void> => {
  await call("check_now");
};
export const setPaused = (paused: boolean): Promise<Status> => call("set_paused", { paused });
export const retryFailed = (): Promise<number> => call("retry_failed");
export const setWebPassword = async (password: string): Promise<void> => {
  await call("set_web_password", { password });
};
export const newApiKey = async (): Promise<string> =>
  (await call<{ api_key: string }>("new_api_key")).api_key;
/**
 * Asks the desktop app itself, not its engine: where the engine runs (this computer, or a NightWatcher
 * server the app is attached to). Only the window has these: a browser is refused at once, without asking
 * the server (Settings → Engine then stays hidden).
 */
async function shellCall<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  if (isBrowser()) {
    throw new IpcError("unknown_command", `${command} is the desktop app's own command: a browser has no engine choice`);
  }
  return call<T>(command, args);
}

export const getEngine = (): Promise<EngineView> => shellCall("get_engine");
export const testEngine = (url: string, apiKey: string | null): Promise<{ version: string }> =>
  shellCall("test_engine", { url, api_key: apiKey });
export const setEngine = (choice: EngineChoice): Promise<EngineView> =>
  shellCall("set_engine", choice.mode === "local" ? { mode: "local" } : { mode: "server", url: choice.url, api_key: choice.apiKey });

/** The link as a URL when it is one the app may open (http or https with a host), like `web_link` in src-tauri. */
export function webLink(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new IpcError("validation", "this is not a valid link", "url");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new IpcError(
      "validation",
      `only http and https links can be opened, not ${url.protocol.replace(/:$/, "")}: links`,
      "url",
    );
  }
  if (url.hostname === "") throw new IpcError("validation", "the link has no host", "url");
  return url;
}

/**
 * Opens a link outside the app. In the window it is the shell's own command (not the engine's), which opens
 * only http(s) links in the system browser; in a browser, a new tab without access back to this page.
 */
export const openLink = async (url: string): Promise<void> => {
  if (isBrowser()) {
    // `noopener` makes window.open answer null even when the tab opened, so its answer says nothing.
    window.open(webLink(url).href, "_blank", "noopener,noreferrer");
    return;
  }
  try {
    await invoke("open_link", { url });
  } catch (error) {
    throw toIpcError(error);
  }
};

type Callback = (payload: unknown) => void;

/**
 * The browser's event stream: one `EventSource` for every subscription, opened by the first and closed when
 * the last is gone. Callbacks are kept here by event name, so a stream opened again keeps them all.
 *
 * An `EventSource` reconnects by itself after a network failure; it gives up (readyState CLOSED) when the
 * server answers with an error such as 401. Then a command tells why: a 401 goes to `onUnauthorized` (the login
 * page), anything else opens the stream again after a growing pause. The server's first message on every
 * connection is the current `status://changed`, so nothing missed while away stays missed.
 */
const stream = {
  source: null as EventSource | null,
  callbacks: new Map<string, Set<Callback>>(),
  retryDelay: 1000,
  retryTimer: null as ReturnType<typeof setTimeout> | null,

  count(): number {
    let n = 0;
    for (const set of this.callbacks.values()) n += set.size;
    return n;
  },

  open(): void {
    if (this.source !== null || this.retryTimer !== null) return;
    if (typeof EventSource === "undefined") {
      console.error("NightWatcher: this browser has no EventSource; the page will not update by itself");
      return;
    }
    const source = new EventSource(apiUrl(HTTP.events));
    this.source = source;
    for (const name of Object.values(EVENTS)) {
      source.addEventListener(name, (event) => this.deliver(name, (event as MessageEvent).data));
    }
    source.addEventListener("open", () => {
      this.retryDelay = 1000;
    });
    source.addEventListener("error", () => {
      if (source.readyState === EventSource.CLOSED && this.source === source) void this.lost(source);
    });
  },

  deliver(name: string, data: unknown): void {
    let payload: unknown = null;
    if (typeof data === "string" && data !== "") {
      try {
        payload = JSON.parse(data);
      } catch {
        console.error(`NightWatcher: ignoring a ${name} event whose data is not JSON`);
        return;
      }
    }
    for (const cb of [...(this.callbacks.get(name) ?? [])]) cb(payload);
  },

  /** The server refused or dropped the stream for good: find out why, then log in or try again. */
  async lost(source: EventSource): Promise<void> {
    source.close();
    this.source = null;
    try {
      await getStatus();
    } catch (error) {
      // `call` has already sent a 401 to the login page; the stream opens again with the next subscription.
      if (toIpcError(error).kind === "unauthorized") return;
    }
    if (this.count() === 0) return;
    const delay = this.retryDelay;
    this.retryDelay = Math.min(this.retryDelay * 2, 30_000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.count() > 0) this.open();
    }, delay);
  },

  subscribe(name: string, cb: Callback): Unlisten {
    let set = this.callbacks.get(name);
    if (set === undefined) {
      set = new Set();
      this.callbacks.set(name, set);
    }
    // A wrapper per subscription: the same function subscribed twice is two subscriptions.
    const entry: Callback = (payload) => cb(payload);
    set.add(entry);
    this.open();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      set.delete(entry);
      if (this.count() === 0) this.close();
    };
  },

  close(): void {
    this.source?.close();
    this.source = null;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.retryDelay = 1000;
  },
};

async function subscribe<T>(event: string, cb: (payload: T) => void): Promise<Unlisten> {
  if (isBrowser()) return stream.subscribe(event, (payload) => cb(payload as T));
  const unlisten = await listen<T>(event, (e) => cb(e.payload));
  return unlisten;
}

export const onStatus = (cb: (status: Status) => void): Promise<Unlisten> => subscribe(EVENTS.status, cb);
export const onProgress = (cb: (progress: ProgressEvent) => void): Promise<Unlisten> =>
  subscribe(EVENTS.progress, cb);
export const onReleaseFound = (cb: (found: ReleaseFoundEvent) => void): Promise<Unlisten> =>
  subscribe(EVENTS.releaseFound, cb);
export const onItemsChanged = (cb: () => void): Promise<Unlisten> =>
  subscribe<null>(EVENTS.itemsChanged, () => cb());
export const onGrabChanged = (cb: () => void): Promise<Unlisten> => subscribe(EVENTS.grabChanged, () => cb());
export const onCheckFinished = (cb: (finished: CheckFinishedEvent) => void): Promise<Unlisten> =>
  subscribe(EVENTS.checkFinished, cb);

/** The real backend, handed to `mountApp` by `main.ts`. */
export const backend: Backend = {
  listItems,
  addItem,
  updateItem,
  setItemEnabled,
  setItemMuted,
  deleteItem,
  importItems,
  exportItems,
  tryRelease,
  foundReleases,
  grab,
  grabTargets,
  getSettings,
  saveSettings,
  setSecret,
  testProwlarr,
  sendTestMessage,
  detectTelegramChats,
  getStatus,
  getMonitoring,
  checkNow,
  setPaused,
  retryFailed,
  setWebPassword,
  newApiKey,
  getEngine,
  testEngine,
  setEngine,
  openLink,
  isBrowser,
  login,
  logout,
  onUnauthorized,
  onStatus,
  onProgress,
  onReleaseFound,
  onItemsChanged,
  onGrabChanged,
  onCheckFinished,
};
