import { describe, expect, it, vi } from "vitest";
import { IpcError, type Monitoring } from "../src/types";
import { byTestId, fakeBackend, flush, monitoring, mount, NOW_SECS, status, text } from "./helpers";

async function openDetails(fake = fakeBackend()) {
  const { root, app } = await mount(fake);
  byTestId(root, "status-details-toggle").click();
  await flush();
  return { fake, root, app };
}

const figure = (root: HTMLElement, name: string) => text(byTestId(root, `monitor-${name}`));

describe("status details", () => {
  it("is a closed toggle that asks for nothing until opened", async () => {
    const fake = fakeBackend();
    const { root } = await mount(fake);
    const toggle = byTestId(root, "status-details-toggle");
    expect(toggle.tagName).toBe("BUTTON");
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(toggle.getAttribute("aria-controls")).toBe("status-details");
    expect(byTestId(root, "status-details").hidden).toBe(true);
    expect(fake.backend.getMonitoring).not.toHaveBeenCalled();
  });

  it("opens on click, asks get_monitoring and shows every figure", async () => {
    const { root, fake } = await openDetails();
    expect(fake.backend.getMonitoring).toHaveBeenCalledTimes(1);
    expect(byTestId(root, "status-details-toggle").getAttribute("aria-expanded")).toBe("true");
    expect(byTestId(root, "status-details").hidden).toBe(false);

    expect(figure(root, "search-mode")).toMatch(/^Feed/);
    expect(figure(root, "check-duration")).toBe("took 4.2 s");
    expect(figure(root, "feed-requests")).toBe("3 feed requests");
    expect(figure(root, "searches")).toBe("12 searches");
    expect(figure(root, "errors")).toBe("1 error");
    expect(figure(root, "new-matches")).toBe("2 new matches");
    expect(figure(root, "latency")).toBe("median 420 ms / p95 1.8 s (37 requests)");
    expect(figure(root, "notifications")).toBe("1 pending / 2 failed");
    expect(figure(root, "db-connections")).toBe("1 in use / 3 open");
    expect(figure(root, "memory")).toBe("42.5 MiB");
    expect(figure(root, "indexers")).toBe("0 of 5 disabled");
    expect(figure(root, "search-budget")).toBe("12 of 100 searches used in the last hour");
    expect(byTestId(root, "status-details-message").hidden).toBe(true);
  });

  it("closes again, and a closed panel is not refreshed", async () => {
    const { root, fake } = await openDetails();
    const toggle = byTestId(root, "status-details-toggle");
    toggle.click();
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(byTestId(root, "status-details").hidden).toBe(true);
    fake.emit.status(status());
    fake.emit.checkFinished({ run_id: 1, summary: {} });
    await flush();
    expect(fake.backend.getMonitoring).toHaveBeenCalledTimes(1);
  });

  it("says so when no check has finished and Prowlarr's indexers were not asked about yet", async () => {
    const fake = fakeBackend({
      monitoring: monitoring({
        last_check: null,
        indexers: null,
        memory_rss_bytes: null,
        prowlarr_latency_ms: { samples: 0, median: 0, p95: 0 },
      }),
    });
    const { root } = await openDetails(fake);
    expect(figure(root, "last-check")).toBe("None since the engine started");
    expect(root.querySelector('[data-testid="monitor-check-duration"]')).toBeNull();
    expect(figure(root, "indexers")).toMatch(/^Not checked yet/);
    expect(figure(root, "memory")).toBe("Unknown on this system");
    expect(figure(root, "latency")).toBe("No requests yet");
  });

  it("shows the backoff only while Prowlarr is failing", async () => {
    const fake = fakeBackend();
    const { root } = await openDetails(fake);
    const backoff = byTestId(root, "monitor-backoff");
    expect(backoff.hidden).toBe(true);

    fake.state.monitoring = monitoring({ backoff: { failures: 3, next_try_at: NOW_SECS + 900 } });
    fake.emit.status(status());
    await flush();
    expect(backoff.hidden).toBe(false);
    expect(text(backoff)).toMatch(/^Prowlarr failed 3 times in a row, next try \d\d:\d\d$/);

    fake.state.monitoring = monitoring();
    fake.emit.status(status());
    await flush();
    expect(backoff.hidden).toBe(true);
  });

  it("shows disabled indexers with Prowlarr's message, as text", async () => {
    const message = '<img src=x onerror="alert(1)"> 2 of 5 indexers disabled by Prowlarr after failures';
    const fake = fakeBackend({
      monitoring: monitoring({ indexers: { total: 5, disabled: 2, message, checked_at: NOW_SECS } }),
    });
    const { root } = await openDetails(fake);
    expect(figure(root, "indexers")).toBe(`2 of 5 disabled: ${message}`);
    expect(figure(root, "indexers-message")).toBe(message);
    expect(byTestId(root, "status-details").querySelector("img")).toBeNull();
  });

  it("refreshes on status://changed and watcher://check-finished while open", async () => {
    const { root, fake } = await openDetails();
    fake.state.monitoring = monitoring({ search_budget: { per_hour: 100, used_last_hour: 40 } });
    fake.emit.checkFinished({ run_id: 9, summary: {} });
    await flush();
    expect(fake.backend.getMonitoring).toHaveBeenCalledTimes(2);
    expect(figure(root, "search-budget")).toBe("40 of 100 searches used in the last hour");

    fake.state.monitoring = monitoring({ search_mode: "search_all" });
    fake.emit.status(status());
    await flush();
    expect(fake.backend.getMonitoring).toHaveBeenCalledTimes(3);
    expect(figure(root, "search-mode")).toBe("Search every item on every check");
  });

  it("never polls while open", async () => {
    const setInterval = vi.spyOn(globalThis, "setInterval");
    const { fake } = await openDetails();
    await flush();
    await flush();
    expect(setInterval).not.toHaveBeenCalled();
    expect(fake.backend.getMonitoring).toHaveBeenCalledTimes(1);
  });

  it("an older answer does not overwrite a newer one", async () => {
    const fake = fakeBackend();
    let answerFirst: (m: Monitoring) => void = () => undefined;
    fake.backend.getMonitoring.mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)));
    const { root } = await openDetails(fake);
    fake.state.monitoring = monitoring({ db_connections: { open: 4, idle: 1, in_use: 3 } });
    fake.emit.status(status());
    await flush();
    answerFirst(monitoring({ db_connections: { open: 1, idle: 1, in_use: 0 } }));
    await flush();
    expect(figure(root, "db-connections")).toBe("3 in use / 4 open");
  });

  it("shows why the figures could not be loaded", async () => {
    const fake = fakeBackend();
    fake.backend.getMonitoring.mockRejectedValueOnce(
      new IpcError("internal", "the engine is not running: start nightwatcher"),
    );
    const { root } = await openDetails(fake);
    const message = byTestId(root, "status-details-message");
    expect(message.hidden).toBe(false);
    expect(text(message)).toBe("Could not load the engine's figures: the engine is not running: start nightwatcher");
  });
});
