/**
 * An in-memory `Backend` for view tests: every command is a `vi.fn` over a small state (so tests can both
 * assert calls and override answers), and `emit` pushes events the way Rust would.
 */

import { vi } from "vitest";
import { mountApp, type App } from "../src/app";
import { IpcError } from "../src/types";
import type {
  Backend,
  CheckFinishedEvent,
  FoundRelease,
  ItemView,
  Monitoring,
  ProgressEvent,
  ReleaseFoundEvent,
  SettingsInput,
  SettingsView,
  Status,
} from "../src/types";

/** A fixed "now": 2025-06-15 12:00 UTC. */
export const NOW = new Date("2025-06-15T12:00:00Z");
export const NOW_SECS = Math.floor(NOW.getTime() / 1000);

export function item(partial: Partial<ItemView> & { id: number }): ItemView {
  return {
    title: `Item ${partial.id}`,
    kind: "movie",
    categories: [2000],
    enabled: true,
    muted: false,
    state: "waiting",
    found: 0,
    last_error: null,
    last_checked_at: null,
    ...partial,
  };
}

export function release(partial: Partial<FoundRelease> & { match_id: number; item_id: number }): FoundRelease {
  return {
    item_title: `Item ${partial.item_id}`,
    title: `Release.${partial.match_id}.2024.1080p.WEB-DL.x264-GRP`,
    indexer: "FakeIndexer",
    indexers: partial.indexer === null ? [] : [partial.indexer ?? "FakeIndexer"],
    rejected: null,
    size: 1024 ** 3,
    seeders: 10,
    protocol: "torrent",
    published_at: NOW_SECS - 3 * 3600,
    info_url: `https://indexer.example/details/${partial.match_id}`,
    found_at: NOW_SECS - partial.match_id * 60,
    grab_status: null,
    grab_face: null,
    grab_client: null,
    grab_error: null,
    grab_at: null,
    ...partial,
  };
}

export function settingsView(partial: Partial<SettingsView> = {}): SettingsView {
  return {
    prowlarr_url: "http://localhost:9696",
    telegram_chat_id: "123456789",
    telegram_api_url: "https://api.telegram.org",
    interval: "15m",
    concurrency: 5,
    desktop_notifications: true,
    search_mode: "feed",
    search_every: "6h",
    search_budget: 100,
    prowlarr_api_key: "saved",
    telegram_bot_token: "saved",
    telegram_user_ids: "",
    web_public_url: null,
    ntfy_url: "https://ntfy.sh",
    ntfy_topic: null,
    ntfy_priority: "default",
    ntfy_token: "not set",
    webhook_url: null,
    webhook_secret: "not set",
    channels: [
      { id: "telegram", label: "Telegram", configured: true, enabled: true },
      // On by default, as in the engine: a channel sends once it is set up.
      { id: "ntfy", label: "ntfy", configured: false, enabled: true },
      { id: "webhook", label: "the webhook", configured: false, enabled: true },
    ],
    keyring_error: null,
    web_password: "not set",
    web_api_key: "not set",
    configured: true,
    ...partial,
  };
}

export function status(partial: Partial<Status> = {}): Status {
  return {
    paused: false,
    running: null,
    last_check: null,
    next_check_at: null,
    problem: null,
    notifications: { pending: 0, sent: 0, failed: 0 },
    ...partial,
  };
}

/** A healthy engine's figures after one feed-mode check. */
export function monitoring(partial: Partial<Monitoring> = {}): Monitoring {
  return {
    written_at: NOW_SECS,
    pid: 4242,
    search_mode: "feed",
    last_check: {
      finished_at: NOW_SECS - 60,
      duration_ms: 4200,
      feed_requests: 3,
      searches: 12,
      errors: 1,
      new_matches: 2,
    },
    prowlarr_latency_ms: { samples: 37, median: 420, p95: 1800 },
    notifications: { pending: 1, sent: 40, failed: 2 },
    db_connections: { open: 3, idle: 2, in_use: 1 },
    memory_rss_bytes: 44_564_480,
    backoff: { failures: 0, next_try_at: null },
    indexers: { total: 5, disabled: 0, message: null, checked_at: NOW_SECS - 120 },
    search_budget: { per_hour: 100, used_last_hour: 12 },
    ...partial,
  };
}

/** What the engine's `save_settings` answers: `input` applied (null or "" back to the default), the channels' states derived. */
export function saved(view: SettingsView, input: SettingsInput): SettingsView {
  const { telegram_enabled, ntfy_enabled, webhook_enabled, ...rest } = input;
  const defaults: Partial<Record<keyof SettingsInput, unknown>> = {
    telegram_api_url: "https://api.telegram.org",
    telegram_user_ids: "",
    ntfy_url: "https://ntfy.sh",
    ntfy_priority: "default",
  };
  const next = structuredClone(view) as SettingsView & Record<string, unknown>;
  for (const [key, value] of Object.entries(rest)) {
    next[key] = value === null || value === "" ? (defaults[key as keyof SettingsInput] ?? null) : value;
  }
  const enabled = { telegram: telegram_enabled, ntfy: ntfy_enabled, webhook: webhook_enabled };
  next.channels = next.channels.map((c) => ({
    ...c,
    enabled: enabled[c.id] ?? c.enabled,
    configured:
      c.id === "telegram"
        ? next.telegram_chat_id !== null && next.telegram_bot_token === "saved"
        : c.id === "ntfy"
          ? next.ntfy_topic !== null
          : next.webhook_url !== null,
  }));
  next.configured = next.prowlarr_url !== null && next.prowlarr_api_key === "saved";
  return next;
}

export interface FakeState {
  items: ItemView[];
  found: FoundRelease[];
  settings: SettingsView;
  status: Status;
  monitoring: Monitoring;
  /** Whether the fake runs "in a browser" (sessions, login, logout); false = the app's window. */
  browser: boolean;
  /** The web password `login` accepts. */
  password: string;
}

type Listeners = {
  status: Array<(s: Status) => void>;
  progress: Array<(p: ProgressEvent) => void>;
  releaseFound: Array<(r: ReleaseFoundEvent) => void>;
  itemsChanged: Array<() => void>;
  grabChanged: Array<() => void>;
  checkFinished: Array<(c: CheckFinishedEvent) => void>;
  unauthorized: Array<() => void>;
};

export function fakeBackend(init: Partial<FakeState> = {}) {
  const state: FakeState = {
    items: [],
    found: [],
    settings: settingsView(),
    status: status(),
    monitoring: monitoring(),
    browser: false,
    password: "correct horse",
    ...init,
  };
  const listeners: Listeners = { status: [], progress: [], releaseFound: [], itemsChanged: [], grabChanged: [], checkFinished: [], unauthorized: [] };
  const subscribe =
    <K extends keyof Listeners>(key: K) =>
    async (cb: Listeners[K][number]) => {
      (listeners[key] as Array<Listeners[K][number]>).push(cb);
      return () => {
        const list = listeners[key] as Array<Listeners[K][number]>;
        list.splice(list.indexOf(cb), 1);
      };
    };

  const backend = {
    listItems: vi.fn<Backend["listItems"]>(async () => state.items.map((i) => ({ ...i }))),
    addItem: vi.fn<Backend["addItem"]>(async (spec) => {
      const id = Math.max(0, ...state.items.map((i) => i.id)) + 1;
      const added = item({ id, title: spec.title, kind: spec.kind ?? "movie" });
      state.items.push(added);
      return added;
    }),
    updateItem: vi.fn<Backend["updateItem"]>(async (id, spec) => {
      const existing = state.items.find((i) => i.id === id);
      if (!existing) throw new Error(`no item ${id}`);
      existing.title = spec.title;
      return existing;
    }),
    setItemMuted: vi.fn<Backend["setItemMuted"]>(async (id, muted) => {
      const existing = state.items.find((i) => i.id === id);
      if (existing) existing.muted = muted;
    }),
    setItemEnabled: vi.fn<Backend["setItemEnabled"]>(async (id, enabled) => {
      const existing = state.items.find((i) => i.id === id);
      if (existing) {
        existing.enabled = enabled;
        existing.state = enabled ? "waiting" : "paused";
      }
    }),
    deleteItem: vi.fn<Backend["deleteItem"]>(async (id) => {
      state.items = state.items.filter((i) => i.id !== id);
    }),
    importItems: vi.fn<Backend["importItems"]>(async () => 0),
    exportItems: vi.fn<Backend["exportItems"]>(async () => "[]"),
    tryRelease: vi.fn<Backend["tryRelease"]>(async (title) => ({
      parsed: { title, kind: "movie" },
      matches: null,
      rule: null,
      reason: "no item given",
      matching_items: [],
      rejected_items: [],
    })),
    foundReleases: vi.fn<Backend["foundReleases"]>(async (itemId) =>
      state.found.filter((r) => itemId === null || r.item_id === itemId),
    ),
    grab: vi.fn<Backend["grab"]>(async (foundId) => {
      const found = state.found.find((r) => r.match_id === foundId);
      if (!found) throw new IpcError("not_found", `no found release has the id ${foundId}`);
      Object.assign(found, { grab_status: "grabbed", grab_face: "app", grab_client: "qBittorrent", grab_at: NOW_SECS });
      return {
        match_id: foundId,
        status: "grabbed",
        face: "app",
        client: "qBittorrent",
        error: null,
        attempts: 1,
        requested_at: NOW_SECS,
        finished_at: NOW_SECS,
      };
    }),
    grabTargets: vi.fn<Backend["grabTargets"]>(async () => ({
      torrent: { client: "qBittorrent", reason: null },
      usenet: { client: null, reason: "Prowlarr has no download client for usenet releases" },
    })),
    detectTelegramChats: vi.fn<Backend["detectTelegramChats"]>(async () => [
      { id: 424242, name: "Ada", kind: "private" },
    ]),
    getSettings: vi.fn<Backend["getSettings"]>(async () => ({ ...state.settings })),
    saveSettings: vi.fn<Backend["saveSettings"]>(async (input) => {
      state.settings = saved(state.settings, input);
      return structuredClone(state.settings);
    }),
    setSecret: vi.fn<Backend["setSecret"]>(async (name) => {
      const field = {
        "prowlarr-api-key": "prowlarr_api_key",
        "telegram-bot-token": "telegram_bot_token",
        "ntfy-token": "ntfy_token",
        "webhook-secret": "webhook_secret",
      } as const;
      state.settings[field[name]] = "saved";
      state.settings = saved(state.settings, {});
      return structuredClone(state.settings);
    }),
    testProwlarr: vi.fn<Backend["testProwlarr"]>(async () => ({ version: "2.3.6.5176", indexers: 12, enabled_indexers: 10 })),
    sendTestMessage: vi.fn<Backend["sendTestMessage"]>(async () => undefined),
    getStatus: vi.fn<Backend["getStatus"]>(async () => state.status),
    getMonitoring: vi.fn<Backend["getMonitoring"]>(async () => structuredClone(state.monitoring)),
    checkNow: vi.fn<Backend["checkNow"]>(async () => undefined),
    setPaused: vi.fn<Backend["setPaused"]>(async (paused) => {
      state.status = { ...state.status, paused };
      return state.status;
    }),
    retryFailed: vi.fn<Backend["retryFailed"]>(async () => 0),
    setWebPassword: vi.fn<Backend["setWebPassword"]>(async () => {
      state.settings.web_password = "saved";
    }),
    getEngine: vi.fn<Backend["getEngine"]>(async () => ({ mode: "local", url: null, api_key: "not set" })),
    testEngine: vi.fn<Backend["testEngine"]>(async () => ({ version: "0.1.0" })),
    setEngine: vi.fn<Backend["setEngine"]>(async (choice) =>
      choice.mode === "local"
        ? { mode: "local", url: null, api_key: "not set" }
        : { mode: "server", url: choice.url, api_key: "saved" },
    ),
    newApiKey: vi.fn<Backend["newApiKey"]>(async () => {
      state.settings.web_api_key = "saved";
      return "0123456789abcdef".repeat(4);
    }),
    openLink: vi.fn<Backend["openLink"]>(async () => undefined),
    isBrowser: vi.fn<Backend["isBrowser"]>(() => state.browser),
    login: vi.fn<Backend["login"]>(async (password) => {
      if (password !== state.password) throw new IpcError("unauthorized", "wrong password");
    }),
    logout: vi.fn<Backend["logout"]>(async () => undefined),
    onUnauthorized: vi.fn<Backend["onUnauthorized"]>((cb) => {
      listeners.unauthorized.push(cb);
      return () => {
        const at = listeners.unauthorized.indexOf(cb);
        if (at >= 0) listeners.unauthorized.splice(at, 1);
      };
    }),
    onStatus: vi.fn<Backend["onStatus"]>(subscribe("status")),
    onProgress: vi.fn<Backend["onProgress"]>(subscribe("progress")),
    onReleaseFound: vi.fn<Backend["onReleaseFound"]>(subscribe("releaseFound")),
    onItemsChanged: vi.fn<Backend["onItemsChanged"]>(subscribe("itemsChanged")),
    onGrabChanged: vi.fn<Backend["onGrabChanged"]>(subscribe("grabChanged")),
    onCheckFinished: vi.fn<Backend["onCheckFinished"]>(subscribe("checkFinished")),
  } satisfies Backend;

  const emit = {
    status: (s: Status) => listeners.status.forEach((cb) => cb(s)),
    progress: (p: ProgressEvent) => listeners.progress.forEach((cb) => cb(p)),
    releaseFound: (r: ReleaseFoundEvent) => listeners.releaseFound.forEach((cb) => cb(r)),
    itemsChanged: () => listeners.itemsChanged.forEach((cb) => cb()),
    grabChanged: () => listeners.grabChanged.forEach((cb) => cb()),
    checkFinished: (c: CheckFinishedEvent) => listeners.checkFinished.forEach((cb) => cb(c)),
    /** A command or the event stream got a 401, as the HTTP transport reports it. */
    unauthorized: () => [...listeners.unauthorized].forEach((cb) => cb()),
  };
  return { backend, state, emit, listeners };
}

export type Fake = ReturnType<typeof fakeBackend>;

/** Mounts the whole app on a fresh root with a fake backend and a fixed clock (and the page's query, if given). */
export async function mount(fake: Fake, options: { search?: string } = {}): Promise<{ app: App; root: HTMLElement }> {
  document.body.replaceChildren();
  const root = document.createElement("div");
  document.body.append(root);
  const app = await mountApp(root, fake.backend, { now: () => NOW, ...options });
  await flush();
  return { app, root };
}

/** Lets pending promise callbacks (backend answers, re-renders) run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

export function byTestId<T extends HTMLElement = HTMLElement>(root: ParentNode, id: string): T {
  const el = root.querySelector<T>(`[data-testid="${id}"]`);
  if (el === null) throw new Error(`no element with data-testid="${id}"`);
  return el;
}

export function allByTestId<T extends HTMLElement = HTMLElement>(root: ParentNode, id: string): T[] {
  return [...root.querySelectorAll<T>(`[data-testid="${id}"]`)];
}

export function byName<T extends HTMLInputElement | HTMLSelectElement = HTMLInputElement>(root: ParentNode, name: string): T {
  const el = root.querySelector<T>(`[name="${name}"]`);
  if (el === null) throw new Error(`no control named ${name}`);
  return el;
}

/** Types into a control the way a user would, firing input and change. */
export function type(el: HTMLInputElement | HTMLSelectElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event("input", { bubbles: true }));
  el.dispatchEvent(new Event("change", { bubbles: true }));
}

/** The visible text of an element, whitespace-collapsed. */
export function text(el: Element): string {
  return (el.textContent ?? "").replace(/\s+/g, " ").trim();
}
