/** The window's transport (Tauri); the browser's is in `httpBackend.test.ts`. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn() }));

import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import * as api from "../src/backend";
import { IpcError } from "../src/types";

const invokeMock = vi.mocked(invoke);
const listenMock = vi.mocked(listen);

beforeEach(() => {
  // Tauri injects this object into its webviews before any script runs: it is how backend.ts knows.
  Object.assign(window, { __TAURI_INTERNALS__: {} });
  invokeMock.mockReset();
  listenMock.mockReset();
  invokeMock.mockResolvedValue(null);
});

afterEach(() => {
  delete (window as { __TAURI_INTERNALS__?: unknown }).__TAURI_INTERNALS__;
});

it("the window is not a browser: no login, and logging out does nothing", async () => {
  expect(api.isBrowser()).toBe(false);
  const fetchMock = vi.fn();
  vi.stubGlobal("fetch", fetchMock);
  await api.logout();
  await expect(api.login("x")).rejects.toBeInstanceOf(IpcError);
  expect(fetchMock).not.toHaveBeenCalled();
  vi.unstubAllGlobals();
});

describe("commands", () => {
  const spec = { title: "The Matrix", kind: "movie" as const, year: 1999 };
  const cases: Array<[string, () => Promise<unknown>, string, Record<string, unknown> | undefined]> = [
    ["listItems", () => api.listItems(), "list_items", undefined],
    ["addItem", () => api.addItem(spec), "add_item", { spec }],
    ["updateItem", () => api.updateItem(7, spec), "update_item", { id: 7, spec }],
    ["setItemEnabled", () => api.setItemEnabled(7, false), "set_item_enabled", { id: 7, enabled: false }],
    ["deleteItem", () => api.deleteItem(7), "delete_item", { id: 7 }],
    ["importItems", () => api.importItems("[]"), "import_items", { json: "[]" }],
    ["exportItems", () => api.exportItems(), "export_items", undefined],
    ["tryRelease", () => api.tryRelease("The.Matrix.1999", spec), "try_release", { title: "The.Matrix.1999", spec }],
    ["tryRelease without spec", () => api.tryRelease("X", null), "try_release", { title: "X", spec: null }],
    ["foundReleases for an item", () => api.foundReleases(3), "found_releases", { item_id: 3 }],
    ["foundReleases for all", () => api.foundReleases(null), "found_releases", { item_id: null }],
    ["getSettings", () => api.getSettings(), "get_settings", undefined],
    ["saveSettings", () => api.saveSettings({ interval: "1h" }), "save_settings", { input: { interval: "1h" } }],
    [
      "setSecret",
      () => api.setSecret("prowlarr-api-key", "k3y"),
      "set_secret",
      { name: "prowlarr-api-key", value: "k3y" },
    ],
    ["testProwlarr", () => api.testProwlarr(), "test_prowlarr", undefined],
    ["sendTestMessage", () => api.sendTestMessage("telegram"), "send_test_message", { channel: "telegram" }],
    ["sendTestMessage to ntfy", () => api.sendTestMessage("ntfy"), "send_test_message", { channel: "ntfy" }],
    ["sendTestMessage to the webhook", () => api.sendTestMessage("webhook"), "send_test_message", { channel: "webhook" }],
    ["getStatus", () => api.getStatus(), "get_status", undefined],
    ["getMonitoring", () => api.getMonitoring(), "get_monitoring", undefined],
    ["checkNow", () => api.checkNow(), "check_now", undefined],
    ["setPaused", () => api.setPaused(true), "set_paused", { paused: true }],
    ["retryFailed", () => api.retryFailed(), "retry_failed", undefined],
    ["setWebPassword", () => api.setWebPassword("a long password"), "set_web_password", { password: "a long password" }],
  ];

  it.each(cases)("%s sends the contract's command name and snake_case arguments through `engine`", async (_, run, command, args) => {
    await run();
    expect(invokeMock).toHaveBeenCalledTimes(1);
    expect(invokeMock.mock.calls[0]?.[0]).toBe("engine");
    expect(invokeMock.mock.calls[0]?.[1]).toEqual({ cmd: command, args: args ?? null });
  });

  it("openLink is the window's own command", async () => {
    await api.openLink("https://x.example/");
    expect(invokeMock.mock.calls[0]).toEqual(["open_link", { url: "https://x.example/" }]);
  });

  it("returns what the command resolved with", async () => {
    const items = [{ id: 1, title: "Dune" }];
    invokeMock.mockResolvedValueOnce(items);
    await expect(api.listItems()).resolves.toBe(items);
  });

  it("the real backend object exposes every command", () => {
    expect(api.backend.listItems).toBe(api.listItems);
    expect(api.backend.onItemsChanged).toBe(api.onItemsChanged);
  });
});

describe("errors", () => {
  it("a serialized IpcError becomes an IpcError with kind, message and field", async () => {
    invokeMock.mockRejectedValueOnce({ kind: "validation", message: "title: is required", field: "title" });
    const error = await api.addItem({ title: "", kind: "movie" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcError);
    expect(error).toMatchObject({ kind: "validation", message: "title: is required", field: "title" });
  });

  it("a field of null stays null", async () => {
    invokeMock.mockRejectedValueOnce({ kind: "prowlarr", message: "Prowlarr refused the API key (401)", field: null });
    const error = await api.testProwlarr().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "prowlarr", field: null, message: "Prowlarr refused the API key (401)" });
  });

  it("a bare string (missing command, panic) becomes an internal error with that text", async () => {
    invokeMock.mockRejectedValueOnce("command check_now not found");
    const error = await api.checkNow().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcError);
    expect(error).toMatchObject({ kind: "internal", message: "command check_now not found", field: null });
  });

  it("an unknown kind is reported as internal, keeping the message", async () => {
    invokeMock.mockRejectedValueOnce({ kind: "brand_new", message: "something new" });
    const error = await api.getStatus().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "internal", message: "something new" });
  });

  it("an Error keeps its message", () => {
    expect(api.toIpcError(new TypeError("boom"))).toMatchObject({ kind: "internal", message: "boom" });
  });

  it("anything else still gives a message", () => {
    const error = api.toIpcError(42);
    expect(error.kind).toBe("internal");
    expect(error.message).toContain("42");
  });
});

describe("events", () => {
  type Handler = (event: { payload: unknown }) => void;

  function captureListen(): { handlers: Map<string, Handler>; unlisten: ReturnType<typeof vi.fn> } {
    const handlers = new Map<string, Handler>();
    const unlisten = vi.fn();
    listenMock.mockImplementation(async (name, handler) => {
      handlers.set(name, handler as unknown as Handler);
      return unlisten;
    });
    return { handlers, unlisten };
  }

  it.each([
    ["onStatus", api.onStatus, "status://changed", { paused: true }],
    ["onProgress", api.onProgress, "watcher://progress", { run_id: 1, done: 2, total: 9 }],
    ["onReleaseFound", api.onReleaseFound, "release://found", { item_id: 1, item_title: "Dune", release_title: "Dune.2021", indexer: "X" }],
    ["onCheckFinished", api.onCheckFinished, "watcher://check-finished", { run_id: 4, summary: {} }],
  ] as const)("%s listens to %s and hands over the payload", async (_, subscribe, name, payload) => {
    const { handlers, unlisten } = captureListen();
    const cb = vi.fn();
    const stop = await (subscribe as (cb: (p: unknown) => void) => Promise<() => void>)(cb);
    expect(listenMock).toHaveBeenCalledWith(name, expect.any(Function));
    handlers.get(name)?.({ payload });
    expect(cb).toHaveBeenCalledWith(payload);
    stop();
    expect(unlisten).toHaveBeenCalledTimes(1);
  });

  it("onItemsChanged listens to items://changed and calls back without a payload", async () => {
    const { handlers } = captureListen();
    const cb = vi.fn();
    await api.onItemsChanged(cb);
    handlers.get("items://changed")?.({ payload: null });
    expect(cb).toHaveBeenCalledTimes(1);
    expect(cb.mock.calls[0]).toEqual([]);
  });
});
