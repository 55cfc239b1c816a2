import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { allByTestId, byTestId, fakeBackend, flush, item, mount, release, text } from "./helpers";

const HOSTILE = '<img src=x onerror="window.__xss=1">';

declare global {
  interface Window {
    __xss?: number;
  }
}

afterEach(() => {
  delete window.__xss;
});

describe("untrusted text is rendered as text", () => {
  it("a hostile release title, item title and indexer in Found are text, not elements", async () => {
    const fake = fakeBackend({
      items: [item({ id: 1, title: HOSTILE })],
      found: [release({ match_id: 1, item_id: 1, item_title: HOSTILE, title: HOSTILE, indexer: HOSTILE })],
    });
    const { root } = await mount(fake);
    byTestId(root, "nav-found").click();
    await flush();

    expect(document.querySelector("img")).toBeNull();
    expect(window.__xss).toBeUndefined();
    const row = byTestId(root, "found-row");
    expect(text(byTestId(row, "found-title"))).toBe(HOSTILE);
    expect(text(byTestId(row, "found-item"))).toBe(HOSTILE);
    expect(text(byTestId(row, "found-indexer"))).toBe(HOSTILE);
    const option = [...byTestId<HTMLSelectElement>(root, "found-filter").options].find((o) => o.value === "1");
    expect(option?.text).toBe(HOSTILE);
  });

  it("a hostile item title and error in the Watchlist are text, not elements", async () => {
    const fake = fakeBackend({
      items: [item({ id: 1, title: HOSTILE, state: "error", last_error: `search failed for ${HOSTILE}` })],
    });
    const { root } = await mount(fake);

    expect(document.querySelector("img")).toBeNull();
    expect(window.__xss).toBeUndefined();
    const row = byTestId(root, "watchlist-row");
    expect(text(byTestId(row, "item-title"))).toBe(HOSTILE);
    expect(text(byTestId(row, "item-error"))).toBe(`search failed for ${HOSTILE}`);

    byTestId(row, "item-edit").click();
    expect(root.querySelector<HTMLInputElement>('[name="title"]')?.value).toBe(HOSTILE);
    expect(document.querySelector("img")).toBeNull();
  });

  it("hostile text in a tried release, a status problem and an error message stays text", async () => {
    const fake = fakeBackend();
    fake.backend.tryRelease.mockResolvedValueOnce({
      parsed: { title: HOSTILE, group: HOSTILE, kind: "movie" },
      matches: false,
      rule: HOSTILE,
      reason: HOSTILE,
      matching_items: [1],
      rejected_items: [{ item_id: 1, rejected: { rule: HOSTILE, reason: HOSTILE } }],
    });
    fake.backend.importItems.mockRejectedValueOnce(new Error(HOSTILE));
    const { root } = await mount(fake);
    fake.emit.status({
      paused: false,
      running: null,
      last_check: null,
      next_check_at: null,
      problem: { kind: "telegram", message: HOSTILE },
      notifications: { pending: 0, sent: 0, failed: 0 },
    });
    byTestId(root, "add-item").click();
    const tryInput = byTestId<HTMLInputElement>(root, "try-release-input");
    tryInput.value = HOSTILE;
    byTestId(root, "try-release-button").click();
    await flush();

    expect(document.querySelector("img")).toBeNull();
    expect(window.__xss).toBeUndefined();
    expect(text(byTestId(root, "parsed-title"))).toBe(HOSTILE);
    expect(text(byTestId(root, "try-release-reason"))).toBe(HOSTILE);
    expect(text(byTestId(root, "try-release-other"))).toBe(`item 1: filtered by ${HOSTILE}: ${HOSTILE}`);
    expect(text(byTestId(root, "status-problem-message"))).toBe(HOSTILE);
    expect(allByTestId(root, "status-problem")).toHaveLength(1);
  });
});

// A path string, not `new URL(..)`: in the jsdom environment `URL` is jsdom's, which node:url refuses.
const SRC = join(dirname(fileURLToPath(import.meta.url)), "..", "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : [path];
  });
}

describe("the sources", () => {
  it("are found by this test (so an empty scan cannot pass)", () => {
    const names = sourceFiles(SRC).map((p) => relative(SRC, p));
    expect(names).toContain("backend.ts");
    expect(names).toContain("dom.ts");
    expect(names.length).toBeGreaterThanOrEqual(8);
  });

  it("never hand markup to the HTML parser", () => {
    const forbidden = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser|parseFromString)\b/;
    const offenders = sourceFiles(SRC)
      .filter((path) => /\.(ts|js|html)$/.test(path))
      .flatMap((path) =>
        readFileSync(path, "utf8")
          .split("\n")
          .map((line, i) => ({ line, where: `${relative(SRC, path)}:${i + 1}` }))
          .filter(({ line }) => forbidden.test(line))
          .map(({ where, line }) => `${where}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });

  it("only backend.ts imports @tauri-apps/api", () => {
    const importers = sourceFiles(SRC)
      .filter((path) => /(from\s*|import\s*\(\s*)["']@tauri-apps\//.test(readFileSync(path, "utf8")))
      .map((path) => relative(SRC, path));
    expect(importers).toEqual(["backend.ts"]);
  });
});
