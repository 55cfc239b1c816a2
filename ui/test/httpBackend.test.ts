/**
 * The browser's transport: commands over `POST api/v1/command`, login/logout, links, and the shared
 * `EventSource`. `fetch` and `EventSource` are fakes; each test loads a fresh `backend.ts` so the stream's
 * state (one source for every subscription) starts empty.
 */

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn() }));

import { invoke } from "@tauri-apps/api/core";
import type { IpcError } from "../src/types";
import { answer, FakeEventSource, lastSource } from "./fakeHttp";

type Api = typeof import("../src/backend");

async function load(): Promise<Api> {
  vi.resetModules();
  return import("../src/backend");
}

const fetchMock = vi.fn<typeof fetch>();

// A module loaded by `load()` has its own IpcError class: compare with `api.IpcError`.

/** The commands each request carried, in order. */
function sentCommands(): Array<{ cmd: string; args: unknown }> {
  return fetchMock.mock.calls
    .filter(([url]) => url === "api/v1/command")
    .map(([, init]) => JSON.parse(String(init?.body)) as { cmd: string; args: unknown });
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
  delete (window as { __TAURI_INTERNALS__?: unknown }).__TAURI_INTERNALS__;
  fetchMock.mockReset();
  fetchMock.mockImplementation(async () => answer(200, null));
  vi.stubGlobal("fetch", fetchMock);
  FakeEventSource.instances = [];
  vi.stubGlobal("EventSource", FakeEventSource);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("commands", () => {
  const spec = { title: "The Matrix", kind: "movie" as const, year: 1999 };
  const cases: Array<[string, (api: Api) => Promise<unknown>, string, Record<string, unknown> | null]> = [
    ["listItems", (api) => api.listItems(), "list_items", null],
    ["addItem", (api) => api.addItem(spec), "add_item", { spec }],
    ["updateItem", (api) => api.updateItem(7, spec), "update_item", { id: 7, spec }],
    ["setItemEnabled", (api) => api.setItemEnabled(7, false), "set_item_enabled", { id: 7, enabled: false }],
    ["deleteItem", (api) => api.deleteItem(7), "delete_item", { id: 7 }],
    ["importItems", (api) => api.importItems("[]"), "import_items", { json: "[]" }],
    ["exportItems", (api) => api.exportItems(), "export_items", null],
    ["tryRelease", (api) => api.tryRelease("The.Matrix.1999", spec), "try_release", { title: "The.Matrix.1999", spec }],
    ["tryRelease without spec", (api) => api.tryRelease("X", null), "try_release", { title: "X", spec: null }],
    ["foundReleases for an item", (api) => api.foundReleases(3), "found_releases", { item_id: 3 }],
    ["foundReleases for all", (api) => api.foundReleases(null), "found_releases", { item_id: null }],
    ["getSettings", (api) => api.getSettings(), "get_settings", null],
    ["saveSettings", (api) => api.saveSettings({ interval: "1h" }), "save_settings", { input: { interval: "1h" } }],
    ["setSecret", (api) => api.setSecret("prowlarr-api-key", "k3y"), "set_secret", { name: "prowlarr-api-key", value: "k3y" }],
    ["testProwlarr", (api) => api.testProwlarr(), "test_prowlarr", null],
    ["sendTestMessage", (api) => api.sendTestMessage("telegram"), "send_test_message", { channel: "telegram" }],
    ["sendTestMessage to ntfy", (api) => api.sendTestMessage("ntfy"), "send_test_message", { channel: "ntfy" }],
    ["sendTestMessage to the webhook", (api) => api.sendTestMessage("webhook"), "send_test_message", { channel: "webhook" }],
    ["getStatus", (api) => api.getStatus(), "get_status", null],
    ["getMonitoring", (api) => api.getMonitoring(), "get_monitoring", null],
    ["checkNow", (api) => api.checkNow(), "check_now", null],
    ["setPaused", (api) => api.setPaused(true), "set_paused", { paused: true }],
    ["retryFailed", (api) => api.retryFailed(), "retry_failed", null],
    ["setWebPassword", (api) => api.setWebPassword("a long password"), "set_web_password", { password: "a long password" }],
    ["newApiKey", (api) => api.newApiKey(), "new_api_key", null],
  ];

  it.each(cases)("%s is POST api/v1/command {cmd, args} with the cookie and the CSRF header", async (_, run, cmd, args) => {
    const api = await load();
    if (cmd === "new_api_key") fetchMock.mockResolvedValueOnce(answer(200, { api_key: "k" }));
    await run(api);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe("api/v1/command");
    expect(init?.method).toBe("POST");
    expect(init?.credentials).toBe("same-origin");
    expect(init?.headers).toEqual({ "Content-Type": "application/json", "X-NightWatcher": "1" });
    expect(JSON.parse(String(init?.body))).toEqual({ cmd, args });
    expect(vi.mocked(invoke)).not.toHaveBeenCalled();
  });

  it("the path is relative, so a URL base such as /nightwatcher/ is kept", async () => {
    const api = await load();
    await api.getStatus();
    const url = String(fetchMock.mock.calls[0]?.[0]);
    expect(url.startsWith("/")).toBe(false);
    expect(new URL(url, "https://home.example/nightwatcher/").pathname).toBe("/nightwatcher/api/v1/command");
  });

  it("answers the JSON the server sent", async () => {
    const api = await load();
    const items = [{ id: 1, title: "Dune" }];
    fetchMock.mockResolvedValueOnce(answer(200, items));
    await expect(api.listItems()).resolves.toEqual(items);
  });

  it("newApiKey answers the key itself", async () => {
    const api = await load();
    fetchMock.mockResolvedValueOnce(answer(200, { api_key: "f00d" }));
    await expect(api.newApiKey()).resolves.toBe("f00d");
  });

  it("an empty answer (204) is fine for commands without a result", async () => {
    const api = await load();
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await expect(api.checkNow()).resolves.toBeUndefined();
  });

  it("the desktop app's own commands (Settings → Engine) are refused at once, without a request", async () => {
    const api = await load();
    await expect(api.getEngine()).rejects.toMatchObject({ kind: "unknown_command" });
    await expect(api.testEngine("http://nas:8711", null)).rejects.toMatchObject({ kind: "unknown_command" });
    await expect(api.setEngine({ mode: "local" })).rejects.toMatchObject({ kind: "unknown_command" });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("isBrowser: true without Tauri's object, false with it", async () => {
    const api = await load();
    expect(api.isBrowser()).toBe(true);
    Object.assign(window, { __TAURI_INTERNALS__: {} });
    expect(api.isBrowser()).toBe(false);
    delete (window as { __TAURI_INTERNALS__?: unknown }).__TAURI_INTERNALS__;
  });
});

describe("errors", () => {
  it("{error: {kind, message, field}} becomes an IpcError", async () => {
    const api = await load();
    fetchMock.mockResolvedValueOnce(
      answer(422, { error: { kind: "validation", message: "title: is required", field: "title" } }),
    );
    const error = await api.addItem({ title: "", kind: "movie" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.IpcError);
    expect(error).toMatchObject({ kind: "validation", message: "title: is required", field: "title" });
  });

  it("a missing or null field is null, an unknown kind is internal", async () => {
    const api = await load();
    fetchMock.mockResolvedValueOnce(answer(502, { error: { kind: "prowlarr", message: "Prowlarr refused the API key" } }));
    await expect(api.testProwlarr()).rejects.toMatchObject({ kind: "prowlarr", field: null });
    fetchMock.mockResolvedValueOnce(answer(500, { error: { kind: "brand_new", message: "something new", field: null } }));
    await expect(api.getStatus()).rejects.toMatchObject({ kind: "internal", message: "something new" });
  });

  it("401 is unauthorized and tells every onUnauthorized subscriber, until it unsubscribes", async () => {
    const api = await load();
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = api.onUnauthorized(first);
    api.onUnauthorized(second);
    fetchMock.mockImplementation(async () =>
      answer(401, { error: { kind: "unauthorized", message: "log in first", field: null } }),
    );
    await expect(api.listItems()).rejects.toMatchObject({ kind: "unauthorized", message: "log in first" });
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    stopFirst();
    await api.getStatus().catch(() => undefined);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(2);
  });

  it("other refusals do not ask for a login", async () => {
    const api = await load();
    const cb = vi.fn();
    api.onUnauthorized(cb);
    fetchMock.mockResolvedValueOnce(answer(403, { error: { kind: "forbidden", message: "cross-site request" } }));
    await expect(api.checkNow()).rejects.toMatchObject({ kind: "forbidden" });
    expect(cb).not.toHaveBeenCalled();
  });

  it("429 keeps Retry-After", async () => {
    const api = await load();
    fetchMock.mockResolvedValueOnce(
      answer(429, { error: { kind: "too_many_requests", message: "wait" } }, { "Retry-After": "7" }),
    );
    await expect(api.getStatus()).rejects.toMatchObject({ kind: "too_many_requests", retryAfter: 7 });
  });

  it("a network failure is unreachable, with a message that says what to check", async () => {
    const api = await load();
    fetchMock.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    const error = (await api.getStatus().catch((e: unknown) => e)) as IpcError;
    expect(error).toBeInstanceOf(api.IpcError);
    expect(error.kind).toBe("unreachable");
    expect(error.message).toMatch(/Cannot reach NightWatcher/);
    expect(error.message).toMatch(/running/);
  });

  it("an answer that is not JSON (a proxy's error page) is internal, whatever its status", async () => {
    const api = await load();
    fetchMock.mockResolvedValueOnce(answer(502, "<html><body>Bad Gateway</body></html>"));
    const bad = (await api.getStatus().catch((e: unknown) => e)) as IpcError;
    expect(bad).toMatchObject({ kind: "internal" });
    expect(bad.message).toContain("502");
    expect(bad.message).toContain("not JSON");
    fetchMock.mockResolvedValueOnce(answer(200, "<html>login portal</html>"));
    await expect(api.listItems()).rejects.toMatchObject({ kind: "internal" });
  });

  it("a JSON refusal without {error} is internal and names the status", async () => {
    const api = await load();
    fetchMock.mockResolvedValueOnce(answer(500, { oops: true }));
    const error = (await api.getStatus().catch((e: unknown) => e)) as IpcError;
    expect(error.kind).toBe("internal");
    expect(error.message).toContain("500");
  });
});

describe("login and logout", () => {
  it("login POSTs api/v1/login {password} and does not go through api/v1/command", async () => {
    const api = await load();
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await api.login("correct horse");
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe("api/v1/login");
    expect(init?.method).toBe("POST");
    expect(init?.credentials).toBe("same-origin");
    expect(init?.headers).toEqual({ "Content-Type": "application/json", "X-NightWatcher": "1" });
    expect(JSON.parse(String(init?.body))).toEqual({ password: "correct horse" });
    expect(sentCommands()).toEqual([]);
  });

  it("a wrong password is unauthorized, and does not call onUnauthorized (the login page is already up)", async () => {
    const api = await load();
    const cb = vi.fn();
    api.onUnauthorized(cb);
    fetchMock.mockResolvedValueOnce(answer(401, { error: { kind: "unauthorized", message: "wrong password" } }));
    await expect(api.login("nope")).rejects.toMatchObject({ kind: "unauthorized", message: "wrong password" });
    expect(cb).not.toHaveBeenCalled();
  });

  it("too many tries: 429 with Retry-After in seconds", async () => {
    const api = await load();
    fetchMock.mockResolvedValueOnce(
      answer(429, { error: { kind: "too_many_requests", message: "too many failed logins" } }, { "Retry-After": "30" }),
    );
    await expect(api.login("nope")).rejects.toMatchObject({ kind: "too_many_requests", retryAfter: 30 });
  });

  it("logout POSTs api/v1/logout", async () => {
    const api = await load();
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await api.logout();
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe("api/v1/logout");
    expect(init?.method).toBe("POST");
    expect(init?.credentials).toBe("same-origin");
    expect((init?.headers as Record<string, string>)["X-NightWatcher"]).toBe("1");
  });
});

describe("openLink in a browser", () => {
  it("opens http(s) links in a new tab without a way back to this page", async () => {
    const api = await load();
    const open = vi.spyOn(window, "open").mockReturnValue(null);
    await api.openLink(" https://www.imdb.com/title/tt15239678/ ");
    await api.openLink("http://localhost:9696/details/42");
    expect(open.mock.calls).toEqual([
      ["https://www.imdb.com/title/tt15239678/", "_blank", "noopener,noreferrer"],
      ["http://localhost:9696/details/42", "_blank", "noopener,noreferrer"],
    ]);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it.each([
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "file:///etc/passwd",
    "data:text/html,<script>alert(1)</script>",
    "ftp://example.org/x",
    "magnet:?xt=urn:btih:abc",
    "steam://run/1",
    "not a link",
  ])("refuses %s with a validation error on `url`", async (link) => {
    const api = await load();
    const open = vi.spyOn(window, "open").mockReturnValue(null);
    await expect(api.openLink(link)).rejects.toMatchObject({ kind: "validation", field: "url" });
    expect(open).not.toHaveBeenCalled();
  });
});

describe("events", () => {
  it("every subscription shares one EventSource on api/v1/events; named events reach their subscribers", async () => {
    const api = await load();
    const status = vi.fn();
    const progress = vi.fn();
    const found = vi.fn();
    const finished = vi.fn();
    const items = vi.fn();
    await Promise.all([
      api.onStatus(status),
      api.onProgress(progress),
      api.onReleaseFound(found),
      api.onCheckFinished(finished),
      api.onItemsChanged(items),
    ]);
    expect(FakeEventSource.instances).toHaveLength(1);
    const source = lastSource();
    expect(source.url).toBe("api/v1/events");
    source.connect();
    source.send("status://changed", JSON.stringify({ paused: true }));
    source.send("watcher://progress", JSON.stringify({ run_id: 1, done: 2, total: 9 }));
    source.send("release://found", JSON.stringify({ item_id: 1, item_title: "Dune", release_title: "Dune.2021", indexer: "X" }));
    source.send("watcher://check-finished", JSON.stringify({ run_id: 4, summary: {} }));
    source.send("items://changed", "null");
    expect(status.mock.calls).toEqual([[{ paused: true }]]);
    expect(progress.mock.calls).toEqual([[{ run_id: 1, done: 2, total: 9 }]]);
    expect(found.mock.calls).toEqual([[{ item_id: 1, item_title: "Dune", release_title: "Dune.2021", indexer: "X" }]]);
    expect(finished.mock.calls).toEqual([[{ run_id: 4, summary: {} }]]);
    expect(items.mock.calls).toEqual([[]]);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("the status the server sends first on connecting reaches onStatus", async () => {
    const api = await load();
    const status = vi.fn();
    await api.onStatus(status);
    await api.onProgress(vi.fn());
    // The server's first message of every connection is the current status.
    lastSource().send("status://changed", JSON.stringify({ paused: false, running: null }));
    lastSource().connect();
    expect(status).toHaveBeenCalledWith({ paused: false, running: null });
  });

  it("unlisten stops that subscription only; the last one closes the source; the next opens a new one", async () => {
    const api = await load();
    const a = vi.fn();
    const b = vi.fn();
    const stopA = await api.onStatus(a);
    const stopB = await api.onStatus(b);
    const source = lastSource();
    stopA();
    source.send("status://changed", "{}");
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledTimes(1);
    expect(source.closed).toBe(false);
    stopA(); // twice is harmless: b stays subscribed
    source.send("status://changed", "{}");
    expect(b).toHaveBeenCalledTimes(2);
    stopB();
    expect(source.closed).toBe(true);

    const c = vi.fn();
    await api.onItemsChanged(c);
    expect(FakeEventSource.instances).toHaveLength(2);
    lastSource().send("items://changed", "");
    expect(c).toHaveBeenCalledTimes(1);
  });

  it("an event whose data is not JSON is dropped, not thrown", async () => {
    const api = await load();
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const cb = vi.fn();
    await api.onStatus(cb);
    lastSource().send("status://changed", "{not json");
    expect(cb).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalled();
  });

  it("a dropped connection is left to EventSource, which reconnects by itself", async () => {
    const api = await load();
    await api.onStatus(vi.fn());
    lastSource().fail(false);
    await settle();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(FakeEventSource.instances).toHaveLength(1);
  });

  it("a stream refused for want of a session (401) asks for a login and is not retried", async () => {
    const api = await load();
    const unauthorized = vi.fn();
    api.onUnauthorized(unauthorized);
    await api.onStatus(vi.fn());
    fetchMock.mockImplementation(async () => answer(401, { error: { kind: "unauthorized", message: "log in" } }));
    const source = lastSource();
    source.fail(true);
    await settle();
    // An EventSource cannot see the status: one command finds out why.
    expect(sentCommands()).toEqual([{ cmd: "get_status", args: null }]);
    expect(unauthorized).toHaveBeenCalledTimes(1);
    expect(source.closed).toBe(true);
    expect(FakeEventSource.instances).toHaveLength(1);
  });

  it("a stream refused for another reason opens again after a pause", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const api = await load();
    const unauthorized = vi.fn();
    api.onUnauthorized(unauthorized);
    const cb = vi.fn();
    await api.onStatus(cb);
    lastSource().fail(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(sentCommands()).toEqual([{ cmd: "get_status", args: null }]);
    expect(FakeEventSource.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeEventSource.instances).toHaveLength(2);
    expect(unauthorized).not.toHaveBeenCalled();
    lastSource().send("status://changed", "{}");
    expect(cb).toHaveBeenCalledTimes(1);
  });

  it("no retry once every subscription is gone", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const api = await load();
    const stop = await api.onStatus(vi.fn());
    lastSource().fail(true);
    await vi.advanceTimersByTimeAsync(0);
    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeEventSource.instances).toHaveLength(1);
  });
});

describe("the server's URL base", () => {
  afterEach(() => {
    document.head.querySelector('meta[name="nightwatcher-base"]')?.remove();
  });

  it("commands and events go under the base the server names, whatever the page's path", async () => {
    const meta = document.createElement("meta");
    meta.name = "nightwatcher-base";
    meta.content = "/nightwatcher";
    document.head.append(meta);
    const api = await load();
    await api.listItems();
    expect(fetchMock.mock.calls[0]?.[0]).toBe("/nightwatcher/api/v1/command");
    const unlisten = await api.onStatus(() => {});
    expect(lastSource().url).toBe("/nightwatcher/api/v1/events");
    unlisten();
  });

  it("at the root the base is empty and paths start at /", async () => {
    const meta = document.createElement("meta");
    meta.name = "nightwatcher-base";
    meta.content = "";
    document.head.append(meta);
    const api = await load();
    await api.checkNow();
    expect(fetchMock.mock.calls[0]?.[0]).toBe("/api/v1/command");
  });
});
