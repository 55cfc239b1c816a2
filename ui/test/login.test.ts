/**
 * The browser's login page, `boot` (app ⇄ login on 401, log in, log out) and the Log out control, first with
 * the in-memory fake, then end to end with the real HTTP transport over a faked server.
 */

import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn() }));

import { backend as realBackend } from "../src/backend";
import { boot } from "../src/boot";
import { IpcError } from "../src/types";
import { LoginView } from "../src/views/login";
import { answer, FakeEventSource, lastSource } from "./fakeHttp";
import { byTestId, fakeBackend, flush, mount, settingsView, status, text, type } from "./helpers";

function freshRoot(): HTMLElement {
  document.body.replaceChildren();
  const root = document.createElement("div");
  document.body.append(root);
  return root;
}

async function logIn(root: HTMLElement, password: string): Promise<void> {
  type(byTestId<HTMLInputElement>(root, "login-password"), password);
  byTestId(root, "login-submit").click();
  await flush();
}

describe("the login page", () => {
  function page(login = vi.fn<(password: string) => Promise<void>>(async () => undefined)) {
    const onLoggedIn = vi.fn();
    const view = new LoginView({ login }, { onLoggedIn });
    freshRoot().append(view.element);
    return { view, login, onLoggedIn, root: view.element };
  }

  it("has a password field, a Log in button and a hidden error line", () => {
    const { root } = page();
    const input = byTestId<HTMLInputElement>(root, "login-password");
    expect(input.type).toBe("password");
    expect(input.getAttribute("autocomplete")).toBe("current-password");
    expect(text(byTestId(root, "login-submit"))).toBe("Log in");
    expect(byTestId(root, "login-error").hidden).toBe(true);
  });

  it("sends the password and calls onLoggedIn once it is accepted", async () => {
    const { root, login, onLoggedIn } = page();
    await logIn(root, "correct horse");
    expect(login).toHaveBeenCalledWith("correct horse");
    expect(onLoggedIn).toHaveBeenCalledTimes(1);
    expect(byTestId<HTMLInputElement>(root, "login-password").value).toBe("");
  });

  it("asks for a password instead of sending an empty one", async () => {
    const { root, login } = page();
    byTestId(root, "login-submit").click();
    await flush();
    expect(login).not.toHaveBeenCalled();
    expect(text(byTestId(root, "login-error"))).toBe("Enter the password.");
  });

  it("a refused password shows the server's message, clears the field and stays", async () => {
    const { root, onLoggedIn } = page(vi.fn(async () => Promise.reject(new IpcError("unauthorized", "wrong password"))));
    await logIn(root, "nope");
    expect(text(byTestId(root, "login-error"))).toBe("wrong password");
    expect(byTestId(root, "login-error").hidden).toBe(false);
    expect(byTestId<HTMLInputElement>(root, "login-password").value).toBe("");
    expect(onLoggedIn).not.toHaveBeenCalled();
    expect(byTestId<HTMLButtonElement>(root, "login-submit").disabled).toBe(false);
  });

  it("429: Too many failed tries, with the wait from Retry-After", async () => {
    const { root } = page(
      vi.fn(async () => Promise.reject(new IpcError("too_many_requests", "too many failed logins", null, 42))),
    );
    await logIn(root, "nope");
    expect(text(byTestId(root, "login-error"))).toBe("Too many failed tries: wait 42 s");
  });

  it("a server that cannot be reached says so", async () => {
    const { root } = page(
      vi.fn(async () => Promise.reject(new IpcError("unreachable", "Cannot reach NightWatcher at x: check it runs"))),
    );
    await logIn(root, "pw");
    expect(text(byTestId(root, "login-error"))).toBe("Cannot reach NightWatcher at x: check it runs");
  });

  it("the button is disabled while the server answers", async () => {
    let release: () => void = () => undefined;
    const { root } = page(vi.fn(() => new Promise<void>((resolve) => (release = () => resolve()))));
    type(byTestId<HTMLInputElement>(root, "login-password"), "pw");
    byTestId(root, "login-submit").click();
    expect(byTestId<HTMLButtonElement>(root, "login-submit").disabled).toBe(true);
    release();
    await flush();
    expect(byTestId<HTMLButtonElement>(root, "login-submit").disabled).toBe(false);
  });

  it("renders a hostile server message as text", async () => {
    const hostile = '<img src=x onerror="window.__xss=1">';
    const { root } = page(vi.fn(async () => Promise.reject(new IpcError("unauthorized", hostile))));
    await logIn(root, "pw");
    expect(root.querySelector("img")).toBeNull();
    expect(text(byTestId(root, "login-error"))).toBe(hostile);
  });
});

describe("Log out", () => {
  it("is not in the app's window", async () => {
    const { root } = await mount(fakeBackend({ browser: false }));
    expect(root.querySelector('[data-testid="logout"]')).toBeNull();
  });

  it("is in the top bar in a browser, and ends the session", async () => {
    const fake = fakeBackend({ browser: true });
    const root = freshRoot();
    const started = await boot(root, fake.backend);
    await flush();
    const button = byTestId<HTMLButtonElement>(root, "logout");
    expect(text(button)).toBe("Log out");
    expect(button.closest("header")).not.toBeNull();
    button.click();
    await flush();
    expect(fake.backend.logout).toHaveBeenCalledTimes(1);
    expect(started.showing()).toBe("login");
    expect(byTestId(root, "login-view")).toBeTruthy();
    expect(root.querySelector('[data-testid="nav-watchlist"]')).toBeNull();
    // The app's subscriptions ended with it.
    expect(fake.listeners.status).toHaveLength(0);
  });

  it("a failed logout says so and keeps the app", async () => {
    const fake = fakeBackend({ browser: true });
    fake.backend.logout.mockRejectedValueOnce(new IpcError("unreachable", "Cannot reach NightWatcher"));
    const root = freshRoot();
    const started = await boot(root, fake.backend);
    await flush();
    byTestId(root, "logout").click();
    await flush();
    expect(started.showing()).toBe("app");
    expect(text(byTestId(root, "app-error"))).toBe("Could not log out: Cannot reach NightWatcher");
    expect(byTestId<HTMLButtonElement>(root, "logout").disabled).toBe(false);
  });
});

describe("boot", () => {
  it("in the window: the app, and no login however the backend answers", async () => {
    const fake = fakeBackend({ browser: false });
    const root = freshRoot();
    const started = await boot(root, fake.backend);
    expect(started.showing()).toBe("app");
    expect(started.app()).not.toBeNull();
    expect(fake.backend.onUnauthorized).not.toHaveBeenCalled();
    expect(byTestId(root, "nav-watchlist")).toBeTruthy();
  });

  it("in a browser, a 401 swaps the app for the login page; logging in mounts it again", async () => {
    const fake = fakeBackend({ browser: true });
    const root = freshRoot();
    const started = await boot(root, fake.backend);
    await flush();
    expect(fake.backend.getSettings).toHaveBeenCalledTimes(1);

    fake.emit.unauthorized();
    expect(started.showing()).toBe("login");
    expect(started.app()).toBeNull();
    expect(fake.listeners.status).toHaveLength(0);
    expect(document.activeElement).toBe(byTestId(root, "login-password"));
    // More 401s (other requests in flight) change nothing.
    fake.emit.unauthorized();
    expect(root.querySelectorAll('[data-testid="login-view"]')).toHaveLength(1);

    await logIn(root, "wrong");
    expect(started.showing()).toBe("login");
    expect(text(byTestId(root, "login-error"))).toBe("wrong password");

    await logIn(root, "correct horse");
    await started.ready();
    await flush();
    expect(started.showing()).toBe("app");
    expect(started.app()).not.toBeNull();
    expect(fake.backend.getSettings).toHaveBeenCalledTimes(2);
    expect(fake.listeners.status).toHaveLength(1);
    expect(root.querySelector('[data-testid="login-view"]')).toBeNull();
  });

  it("a 401 while the app is still mounting leaves the login page up", async () => {
    const fake = fakeBackend({ browser: true });
    fake.backend.getSettings.mockImplementationOnce(async () => {
      fake.emit.unauthorized();
      throw new IpcError("unauthorized", "log in");
    });
    const root = freshRoot();
    const started = await boot(root, fake.backend);
    await flush();
    expect(started.showing()).toBe("login");
    expect(started.app()).toBeNull();
    expect(byTestId(root, "login-view")).toBeTruthy();
    expect(fake.listeners.status).toHaveLength(0);
  });
});

describe("end to end over HTTP, in a browser", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("not logged in: login page; after the password, the app loads and the stream's first status shows", async () => {
    let session = false;
    const commands: string[] = [];
    const fetchMock = vi.fn<typeof fetch>(async (url, init) => {
      const body = JSON.parse(String(init?.body ?? "null")) as { cmd?: string; password?: string } | null;
      if (url === "api/v1/login") {
        if (body?.password !== "correct horse") {
          return answer(401, { error: { kind: "unauthorized", message: "wrong password" } });
        }
        session = true;
        return new Response(null, { status: 204 });
      }
      if (url !== "api/v1/command") return answer(404, { error: { kind: "not_found", message: "no route" } });
      if (!session) return answer(401, { error: { kind: "unauthorized", message: "log in first" } });
      commands.push(String(body?.cmd));
      switch (body?.cmd) {
        case "get_settings":
          return answer(200, settingsView());
        case "get_status":
          return answer(200, status());
        default:
          return answer(200, []);
      }
    });
    vi.stubGlobal("fetch", fetchMock);
    FakeEventSource.instances = [];
    vi.stubGlobal("EventSource", FakeEventSource);

    const root = freshRoot();
    const started = await boot(root, realBackend);
    await flush();
    expect(started.showing()).toBe("login");
    // The doomed first mount's subscriptions are gone, so its stream is closed.
    expect(FakeEventSource.instances.every((s) => s.closed)).toBe(true);

    await logIn(root, "correct horse");
    await started.ready();
    await flush();
    expect(started.showing()).toBe("app");
    expect(commands).toEqual(expect.arrayContaining(["get_settings", "get_status", "list_items", "found_releases"]));
    const source = lastSource();
    expect(source.closed).toBe(false);
    source.send("status://changed", JSON.stringify(status({ paused: true })));
    await flush();
    expect(text(byTestId(root, "status-state"))).toMatch(/Paused/i);
    expect(text(byTestId(root, "logout"))).toBe("Log out");

    started.app()?.destroy();
    expect(source.closed).toBe(true);
  });
});
