/**
 * The only module that talks to Tauri: one typed function per command and one subscription per event of
 * the IPC contract (notes/issue3-contract.md).
 *
 * Keeping `@tauri-apps/api` behind this file means the rest of the UI runs in a plain browser or jsdom
 * with a fake `Backend`, and a renamed command or argument is fixed in one place. Every rejection is turned
 * into an `IpcError`, because `invoke` rejects with whatever the Rust side serialized (normally
 * `{kind, message, field}`, but a panic or a missing command arrives as a bare string).
 */

import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import {
  IpcError,
  type Backend,
  type CheckFinishedEvent,
  type ConnectionInfo,
  type EngineChoice,
  type EngineView,
  type FoundRelease,
  type IpcErrorKind,
  type ItemSpec,
  type ItemView,
  type Monitoring,
  type ProgressEvent,
  type ReleaseFoundEvent,
  type SecretName,
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
} as const;

/** The engine's error kinds (`ErrorKind` in the engine's `command` module; a test keeps them equal). */
const KINDS: readonly IpcErrorKind[] = [
  "validation",
  "not_found",
  "not_configured",
  "prowlarr",
  "telegram",
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

/**
 * Runs a command of the engine's contract. The window has one Tauri command for all of them, `engine`, which
 * forwards `cmd` and its snake_case `args` to the engine as they are: the engine parses and validates them.
 */
async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>("engine", { cmd: command, args: args ?? null });
  } catch (error) {
    throw toIpcError(error);
  }
}

export const listItems = (): Promise<ItemView[]> => call("list_items");
export const addItem = (spec: ItemSpec): Promise<WatchlistItem> => call("add_item", { spec });
export const updateItem = (id: number, spec: ItemSpec): Promise<WatchlistItem> =>
  call("update_item", { id, spec });
export const setItemEnabled = async (id: number, enabled: boolean): Promise<void> => {
  await call("set_item_enabled", { id, enabled });
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
export const getSettings = (): Promise<SettingsView> => call("get_settings");
export const saveSettings = (input: SettingsInput): Promise<SettingsView> => call("save_settings", { input });
export const setSecret = (name: SecretName, value: string): Promise<SettingsView> =>
  call("set_secret", { name, value });
export const testProwlarr = (): Promise<ConnectionInfo> => call("test_prowlarr");
export const sendTestMessage = async (): Promise<void> => {
  await call("send_test_message");
};
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
 * server the app is attached to). Only the window has these.
 */
async function shellCall<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  return call<T>(command, args);
}

export const getEngine = (): Promise<EngineView> => shellCall("get_engine");
export const testEngine = (url: string, apiKey: string | null): Promise<{ version: string }> =>
  shellCall("test_engine", { url, api_key: apiKey });
export const setEngine = (choice: EngineChoice): Promise<EngineView> =>
  shellCall("set_engine", choice.mode === "local" ? { mode: "local" } : { mode: "server", url: choice.url, api_key: choice.apiKey });

/** The window's own command (not the engine's): the shell opens only http(s) links. */
export const openLink = async (url: string): Promise<void> => {
  try {
    await invoke("open_link", { url });
  } catch (error) {
    throw toIpcError(error);
  }
};

async function subscribe<T>(event: string, cb: (payload: T) => void): Promise<Unlisten> {
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
export const onCheckFinished = (cb: (finished: CheckFinishedEvent) => void): Promise<Unlisten> =>
  subscribe(EVENTS.checkFinished, cb);

/** The real backend, handed to `mountApp` by `main.ts`. */
export const backend: Backend = {
  listItems,
  addItem,
  updateItem,
  setItemEnabled,
  deleteItem,
  importItems,
  exportItems,
  tryRelease,
  foundReleases,
  getSettings,
  saveSettings,
  setSecret,
  testProwlarr,
  sendTestMessage,
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
  onStatus,
  onProgress,
  onReleaseFound,
  onItemsChanged,
  onCheckFinished,
};
