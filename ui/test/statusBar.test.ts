import { describe, expect, it, vi } from "vitest";
import { IpcError, type ProblemKind, type RunView } from "../src/types";
import { byTestId, fakeBackend, flush, mount, NOW_SECS, status, text } from "./helpers";

function run(partial: Partial<RunView> & { id: number }): RunView {
  return {
    started_at: NOW_SECS - 300,
    finished_at: NOW_SECS - 240,
    status: "ok",
    items: 10,
    searches: 10,
    releases_seen: 200,
    new_matches: 2,
    errors: 0,
    notifications_queued: 2,
    duration_ms: 60000,
    error: null,
    ...partial,
  };
}

describe("status bar", () => {
  it("shows a progress bar from watcher://progress events and hides it when the check ends", async () => {
    const fake = fakeBackend({ status: status({ last_check: run({ id: 6 }) }) });
    const { root } = await mount(fake);
    const progress = byTestId<HTMLProgressElement>(root, "status-progress");
    expect(progress.hidden).toBe(true);

    fake.emit.progress({ run_id: 7, done: 3, total: 10 });
    expect(progress.hidden).toBe(false);
    expect(progress.value).toBe(3);
    expect(progress.max).toBe(10);
    expect(text(byTestId(root, "status-state"))).toBe("Checking… 3 of 10 items");
    expect(byTestId<HTMLButtonElement>(root, "check-now").disabled).toBe(true);

    fake.emit.status(status({ last_check: run({ id: 7, new_matches: 4 }) }));
    expect(progress.hidden).toBe(true);
    expect(text(byTestId(root, "status-last-check"))).toMatch(/4 new matches/);

    // A progress event that was overtaken by the finish must not bring the bar back.
    fake.emit.progress({ run_id: 7, done: 10, total: 10 });
    expect(progress.hidden).toBe(true);
  });

  it("shows progress from status://changed while a check runs", async () => {
    const fake = fakeBackend();
    const { root } = await mount(fake);
    fake.emit.status(status({ running: { done: 1, total: 4 } }));
    const progress = byTestId<HTMLProgressElement>(root, "status-progress");
    expect(progress.hidden).toBe(false);
    expect(progress.value).toBe(1);
    expect(progress.max).toBe(4);
  });

  it("rehydrates a running check from get_status on load", async () => {
    const fake = fakeBackend({ status: status({ running: { done: 5, total: 8 } }) });
    const { root } = await mount(fake);
    expect(byTestId(root, "status-progress").hidden).toBe(false);
    expect(text(byTestId(root, "status-state"))).toBe("Checking… 5 of 8 items");
  });

  it("hides the bar on watcher://check-finished", async () => {
    const fake = fakeBackend();
    const { root } = await mount(fake);
    fake.emit.progress({ run_id: 3, done: 2, total: 5 });
    fake.emit.checkFinished({ run_id: 3, summary: {} });
    expect(byTestId(root, "status-progress").hidden).toBe(true);
  });

  it("shows the last and next check", async () => {
    const fake = fakeBackend({
      status: status({ last_check: run({ id: 2, new_matches: 1 }), next_check_at: NOW_SECS + 900 }),
    });
    const { root } = await mount(fake);
    expect(text(byTestId(root, "status-last-check"))).toMatch(/^Last check \d\d:\d\d: 1 new match$/);
    expect(text(byTestId(root, "status-next-check"))).toMatch(/^Next check \d\d:\d\d$/);
  });

  it("shows a failed check's reason", async () => {
    const fake = fakeBackend({
      status: status({ last_check: run({ id: 2, status: "failed", error: "Prowlarr is unreachable" }) }),
    });
    const { root } = await mount(fake);
    expect(text(byTestId(root, "status-last-check"))).toMatch(/failed: Prowlarr is unreachable$/);
  });

  it("says where in Settings to fix a problem with a remedy, never a command", async () => {
    const fake = fakeBackend();
    const { root, app } = await mount(fake);
    fake.emit.status(
      status({
        problem: {
          kind: "not_configured",
          message: "the Prowlarr URL is not set",
          remedy: { action: "set_setting", setting: "prowlarr_url" },
        },
      }),
    );
    const problem = byTestId(root, "status-problem");
    expect(text(byTestId(problem, "status-problem-message"))).toBe("the Prowlarr URL is not set");
    expect(text(byTestId(problem, "status-problem-remedy"))).toBe("Set the Prowlarr URL in Settings → Prowlarr.");
    expect(text(byTestId(problem, "open-settings"))).toBe("Open Settings → Prowlarr");
    expect(text(problem)).not.toContain("nightwatcherd");
    byTestId(problem, "open-settings").click();
    expect(app.currentTab()).toBe("settings");

    fake.emit.status(
      status({
        problem: {
          kind: "telegram",
          message: "Telegram refused a notification: chat not found",
          remedy: { action: "set_secret", secret: "telegram-bot-token" },
        },
      }),
    );
    expect(text(byTestId(root, "status-problem-remedy"))).toBe("Enter the Telegram bot token in Settings → Telegram.");
    expect(text(byTestId(root, "open-settings"))).toBe("Open Settings → Telegram");
  });

  it.each([
    [{ action: "set_setting", setting: "ntfy_topic" }, "Set the ntfy topic in Settings → ntfy.", "ntfy"],
    [{ action: "set_secret", secret: "ntfy-token" }, "Enter the ntfy access token in Settings → ntfy.", "ntfy"],
    [{ action: "set_setting", setting: "webhook_url" }, "Set the webhook URL in Settings → Webhook.", "Webhook"],
    [{ action: "set_secret", secret: "webhook-secret" }, "Enter the webhook secret in Settings → Webhook.", "Webhook"],
    [
      { action: "set_setting", setting: "web_public_url" },
      "Set the public address of the web UI in Settings → Links in messages.",
      "Links in messages",
    ],
  ] as const)("points a channel's remedy %j to its section", async (remedy, said, section) => {
    const fake = fakeBackend();
    const { root } = await mount(fake);
    fake.emit.status(status({ problem: { kind: "channel", message: "ntfy refused the message (403)", remedy } }));
    expect(text(byTestId(root, "status-problem-title"))).toBe("A notification channel is failing.");
    expect(text(byTestId(root, "status-problem-remedy"))).toBe(said);
    expect(text(byTestId(root, "open-settings"))).toBe(`Open Settings → ${section}`);
  });

  it("shows a remedy outside Settings without a Settings button", async () => {
    const fake = fakeBackend();
    const { root } = await mount(fake);
    fake.emit.status(
      status({
        problem: { kind: "keyring", message: "the OS keyring is locked", remedy: { action: "unlock_keyring" } },
      }),
    );
    const problem = byTestId(root, "status-problem");
    expect(text(byTestId(problem, "status-problem-remedy"))).toBe("Unlock your system keyring.");
    expect(problem.querySelector('[data-testid="open-settings"]')).toBeNull();
    // Without a remedy (an older engine), no remedy line and the kind's own button.
    fake.emit.status(status({ problem: { kind: "prowlarr", message: "Prowlarr refused the API key (401)" } }));
    expect(root.querySelector('[data-testid="status-problem-remedy"]')).toBeNull();
    expect(text(byTestId(root, "open-settings"))).toBe("Open Settings");
  });

  it("shows a problem with what to do, and a way to Settings", async () => {
    const fake = fakeBackend();
    const { root, app } = await mount(fake);
    expect(byTestId(root, "status-problem").hidden).toBe(true);
    fake.emit.status(
      status({ problem: { kind: "prowlarr", message: "Prowlarr refused the API key (401)" } }),
    );
    const problem = byTestId(root, "status-problem");
    expect(problem.hidden).toBe(false);
    expect(text(problem)).toContain("Prowlarr refused the API key (401)");
    expect(text(problem)).toContain("Test connection");
    byTestId(problem, "open-settings").click();
    expect(app.currentTab()).toBe("settings");
  });

  it("shows disabled indexers with a heading and what to do in Prowlarr, not in Settings", async () => {
    const fake = fakeBackend();
    const { root } = await mount(fake);
    fake.emit.status(
      status({
        problem: {
          kind: "indexers",
          message: "1 of 3 indexers disabled by Prowlarr after failures (retries from 14:05): 1337x",
        },
      }),
    );
    const problem = byTestId(root, "status-problem");
    expect(problem.hidden).toBe(false);
    expect(text(byTestId(problem, "status-problem-title"))).toBe("Some indexers are not being searched.");
    expect(text(byTestId(problem, "status-problem-message"))).toBe(
      "1 of 3 indexers disabled by Prowlarr after failures (retries from 14:05): 1337x",
    );
    expect(text(byTestId(problem, "status-problem-help"))).toContain("Indexers in Prowlarr");
    expect(problem.querySelector('[data-testid="open-settings"]')).toBeNull();
  });

  it("says Telegram out of reach is waited out, not something to fix, and still leads to its URL", async () => {
    const fake = fakeBackend();
    const { root, app } = await mount(fake);
    fake.emit.status(
      status({
        problem: {
          kind: "telegram_unreachable",
          message: "Telegram cannot be reached right now: connection refused. The notifications wait and are retried by themselves; next try 14:35",
        },
        notifications: { pending: 3, sent: 0, failed: 0 },
      }),
    );
    const problem = byTestId(root, "status-problem");
    expect(text(byTestId(problem, "status-problem-title"))).toBe("Telegram cannot be reached.");
    expect(text(byTestId(problem, "status-problem-help"))).toContain("Nothing is lost");
    expect(text(byTestId(problem, "status-problem-help"))).not.toContain("retry the failed");
    expect(text(byTestId(root, "status-notifications"))).toBe("3 notifications waiting");
    byTestId(problem, "open-settings").click();
    expect(app.currentTab()).toBe("settings");
  });

  it("shows a database that cannot be written without sending to Settings", async () => {
    const fake = fakeBackend();
    const { root } = await mount(fake);
    fake.emit.status(
      status({
        problem: {
          kind: "storage",
          message: "the check could not be recorded: the disk holding the database at /data/nw.db is full",
        },
      }),
    );
    const problem = byTestId(root, "status-problem");
    expect(text(byTestId(problem, "status-problem-title"))).toBe("The database cannot be written.");
    expect(text(byTestId(problem, "status-problem-help"))).toContain("free some space");
    expect(problem.querySelector('[data-testid="open-settings"]')).toBeNull();
  });

  it("gives every kind of problem a heading and help, and an unknown kind a generic heading", async () => {
    const fake = fakeBackend();
    const { root } = await mount(fake);
    const kinds: ProblemKind[] = [
      "not_configured",
      "prowlarr",
      "indexers",
      "telegram",
      "telegram_unreachable",
      "channel",
      "channel_unreachable",
      "storage",
      "keyring",
      "unreachable",
      "server_refused",
    ];
    for (const kind of kinds) {
      fake.emit.status(status({ problem: { kind, message: "something" } }));
      expect(text(byTestId(root, "status-problem-title")), kind).not.toBe("");
      expect(text(byTestId(root, "status-problem-help")), kind).not.toBe("");
    }
    fake.emit.status(status({ problem: { kind: "from_a_newer_engine" as ProblemKind, message: "something new" } }));
    expect(text(byTestId(root, "status-problem-title"))).toBe("NightWatcher has a problem.");
    expect(text(byTestId(root, "status-problem-message"))).toBe("something new");
  });

  it("Check now asks the backend and shows why it could not start", async () => {
    const fake = fakeBackend();
    const { root } = await mount(fake);
    byTestId(root, "check-now").click();
    await flush();
    expect(fake.backend.checkNow).toHaveBeenCalledTimes(1);

    fake.backend.checkNow.mockRejectedValueOnce(
      new IpcError("not_configured", "Prowlarr is not set up: enter its URL and API key in Settings"),
    );
    byTestId(root, "check-now").click();
    await flush();
    expect(text(byTestId(root, "status-message"))).toBe("Prowlarr is not set up: enter its URL and API key in Settings");
  });

  it("Pause/Resume watching toggles and shows the new state", async () => {
    const fake = fakeBackend({ status: status({ next_check_at: NOW_SECS + 600 }) });
    const { root } = await mount(fake);
    const button = byTestId(root, "toggle-paused");
    expect(text(button)).toBe("Pause watching");
    button.click();
    await flush();
    expect(fake.backend.setPaused).toHaveBeenCalledWith(true);
    expect(text(button)).toBe("Resume watching");
    expect(text(byTestId(root, "status-state"))).toBe("Paused");
    button.click();
    await flush();
    expect(fake.backend.setPaused).toHaveBeenLastCalledWith(false);
    expect(text(button)).toBe("Pause watching");
  });

  it("offers to retry failed notifications", async () => {
    const fake = fakeBackend({ status: status({ notifications: { pending: 1, sent: 9, failed: 2 } }) });
    fake.backend.retryFailed.mockResolvedValueOnce(2);
    const { root } = await mount(fake);
    expect(text(byTestId(root, "status-notifications"))).toBe("1 notification waiting · 2 notifications failed");
    byTestId(root, "retry-failed").click();
    await flush();
    expect(fake.backend.retryFailed).toHaveBeenCalledTimes(1);
    expect(text(byTestId(root, "status-message"))).toBe("2 notifications queued again.");
  });

  it("never polls: no interval timer is started and no command repeats by itself", async () => {
    const setInterval = vi.spyOn(globalThis, "setInterval");
    const fake = fakeBackend();
    const { app } = await mount(fake);
    const calls = fake.backend.getStatus.mock.calls.length + fake.backend.listItems.mock.calls.length;
    await flush();
    await flush();
    expect(setInterval).not.toHaveBeenCalled();
    expect(fake.backend.getStatus.mock.calls.length + fake.backend.listItems.mock.calls.length).toBe(calls);
    app.destroy();
    expect(fake.listeners.status).toHaveLength(0);
    expect(fake.listeners.progress).toHaveLength(0);
  });

  it("a status pushed while get_status is in flight wins over the older answer", async () => {
    const fake = fakeBackend();
    let answer: (s: ReturnType<typeof status>) => void = () => undefined;
    fake.backend.getStatus.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const mounting = mount(fake);
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    fake.emit.status(status({ paused: true }));
    answer(status({ paused: false }));
    const { root } = await mounting;
    expect(text(byTestId(root, "status-state"))).toBe("Paused");
  });
});
