import { afterEach, describe, expect, it, vi } from "vitest";
import { IpcError } from "../src/types";
import { allByTestId, byTestId, fakeBackend, flush, item, mount, NOW_SECS, text } from "./helpers";

function rowOf(root: HTMLElement, id: number): HTMLElement {
  const row = root.querySelector<HTMLElement>(`[data-testid="watchlist-row"][data-item-id="${id}"]`);
  if (row === null) throw new Error(`no row for item ${id}`);
  return row;
}

describe("watchlist table", () => {
  it("shows one row per item with its state", async () => {
    const fake = fakeBackend({
      items: [
        item({ id: 1, title: "Dune", year: 2021, state: "waiting", last_checked_at: NOW_SECS - 600 }),
        item({ id: 2, title: "Severance", kind: "series", from_season: 2, from_episode: 3, state: "found", found: 3 }),
        item({ id: 3, title: "Arrival", state: "error", last_error: "Prowlarr timed out after 90 s; it will be retried" }),
        item({ id: 4, title: "Heat", state: "paused", enabled: false }),
      ],
    });
    const { root } = await mount(fake);
    const rows = allByTestId(root, "watchlist-row");
    expect(rows.map((r) => r.dataset.itemId)).toEqual(["1", "2", "3", "4"]);
    expect(text(byTestId(rowOf(root, 1), "item-state"))).toBe("waiting");
    expect(text(byTestId(rowOf(root, 2), "item-state"))).toBe("found 3");
    expect(text(byTestId(rowOf(root, 3), "item-state"))).toBe("error");
    expect(text(byTestId(rowOf(root, 3), "item-error"))).toBe("Prowlarr timed out after 90 s; it will be retried");
    expect(text(byTestId(rowOf(root, 4), "item-state"))).toBe("paused");
    expect(text(rowOf(root, 1))).toContain("Dune (2021)");
    expect(text(rowOf(root, 2))).toContain("Series, from S02E03");
    expect(text(byTestId(rowOf(root, 1), "item-toggle"))).toBe("Pause");
    expect(text(byTestId(rowOf(root, 4), "item-toggle"))).toBe("Resume");
    expect(byTestId(root, "watchlist-empty").hidden).toBe(true);
  });

  it("says how to start when the watchlist is empty", async () => {
    const { root } = await mount(fakeBackend());
    expect(byTestId(root, "watchlist-empty").hidden).toBe(false);
    expect(byTestId(root, "watchlist-table").hidden).toBe(true);
  });

  it("reloads when the backend says the items changed", async () => {
    const fake = fakeBackend({ items: [item({ id: 1, title: "Dune" })] });
    const { root } = await mount(fake);
    fake.state.items[0] = item({ id: 1, title: "Dune", state: "found", found: 2 });
    fake.emit.itemsChanged();
    await flush();
    expect(text(byTestId(rowOf(root, 1), "item-state"))).toBe("found 2");
  });
});

describe("pause, resume and delete", () => {
  it("pauses and resumes an item", async () => {
    const fake = fakeBackend({ items: [item({ id: 1, title: "Dune" })] });
    const { root } = await mount(fake);
    byTestId(rowOf(root, 1), "item-toggle").click();
    await flush();
    expect(fake.backend.setItemEnabled).toHaveBeenCalledWith(1, false);
    expect(text(byTestId(rowOf(root, 1), "item-state"))).toBe("paused");
    byTestId(rowOf(root, 1), "item-toggle").click();
    await flush();
    expect(fake.backend.setItemEnabled).toHaveBeenLastCalledWith(1, true);
    expect(text(byTestId(rowOf(root, 1), "item-state"))).toBe("waiting");
  });

  it("mutes and unmutes an item, which stays searched", async () => {
    const fake = fakeBackend({ items: [item({ id: 1, title: "Dune" })] });
    const { root } = await mount(fake);
    expect(rowOf(root, 1).querySelector('[data-testid="item-muted"]')).toBeNull();
    byTestId(rowOf(root, 1), "item-mute").click();
    await flush();
    expect(fake.backend.setItemMuted).toHaveBeenCalledWith(1, true);
    expect(text(byTestId(rowOf(root, 1), "item-muted"))).toBe("muted");
    expect(text(byTestId(rowOf(root, 1), "item-mute"))).toBe("Unmute");
    expect(text(byTestId(rowOf(root, 1), "item-toggle"))).toBe("Pause");
    expect(text(root)).toContain("Dune is muted: still searched, not notified.");
    byTestId(rowOf(root, 1), "item-mute").click();
    await flush();
    expect(fake.backend.setItemMuted).toHaveBeenLastCalledWith(1, false);
    expect(rowOf(root, 1).querySelector('[data-testid="item-muted"]')).toBeNull();
  });

  it("deletes only after confirmation", async () => {
    const fake = fakeBackend({ items: [item({ id: 1, title: "Dune" }), item({ id: 2, title: "Heat" })] });
    const { root } = await mount(fake);
    byTestId(rowOf(root, 1), "item-delete").click();
    expect(fake.backend.deleteItem).not.toHaveBeenCalled();
    byTestId(rowOf(root, 1), "item-delete-cancel").click();
    expect(rowOf(root, 1).querySelector('[data-testid="item-delete-confirm"]')).toBeNull();

    byTestId(rowOf(root, 1), "item-delete").click();
    byTestId(rowOf(root, 1), "item-delete-confirm").click();
    await flush();
    expect(fake.backend.deleteItem).toHaveBeenCalledWith(1);
    expect(allByTestId(root, "watchlist-row").map((r) => r.dataset.itemId)).toEqual(["2"]);
  });

  it("shows why a delete failed", async () => {
    const fake = fakeBackend({ items: [item({ id: 1, title: "Dune" })] });
    fake.backend.deleteItem.mockRejectedValueOnce(new IpcError("not_found", "item 1 does not exist any more"));
    const { root } = await mount(fake);
    byTestId(rowOf(root, 1), "item-delete").click();
    byTestId(rowOf(root, 1), "item-delete-confirm").click();
    await flush();
    expect(text(byTestId(root, "watchlist-message"))).toBe("item 1 does not exist any more");
  });
});

function readBlob(blob: Blob): Promise<unknown> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.readAsText(blob);
  });
}

describe("import and export", () => {
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  afterEach(() => {
    URL.createObjectURL = original.create;
    URL.revokeObjectURL = original.revoke;
  });

  function choose(root: HTMLElement, name: string, content: string): void {
    const input = byTestId<HTMLInputElement>(root, "import-file");
    const file = new File([content], name, { type: "application/json" });
    Object.defineProperty(input, "files", { value: [file], configurable: true });
    input.dispatchEvent(new Event("change"));
  }

  it("imports the chosen file's text", async () => {
    const fake = fakeBackend();
    fake.backend.importItems.mockImplementationOnce(async () => {
      fake.state.items.push(item({ id: 1, title: "Dune" }), item({ id: 2, title: "Heat" }));
      return 2;
    });
    const { root } = await mount(fake);
    const json = '[{"title":"Dune","kind":"movie"},{"title":"Heat","kind":"movie"}]';
    choose(root, "list.json", json);
    await flush();
    expect(fake.backend.importItems).toHaveBeenCalledWith(json);
    expect(text(byTestId(root, "watchlist-message"))).toBe("Imported 2 items from list.json.");
    expect(allByTestId(root, "watchlist-row")).toHaveLength(2);
  });

  it("shows the server's message naming the bad entry", async () => {
    const fake = fakeBackend();
    fake.backend.importItems.mockRejectedValueOnce(
      new IpcError(
        "import",
        'entry 1 ("Bad") is invalid: year: must be between 1870 and 2030; nothing was imported',
      ),
    );
    const { root } = await mount(fake);
    choose(root, "list.json", '[{"title":"Dune","kind":"movie"},{"title":"Bad","kind":"movie","year":99999}]');
    await flush();
    const message = byTestId(root, "watchlist-message");
    expect(message.classList.contains("error")).toBe(true);
    expect(text(message)).toContain('entry 1 ("Bad") is invalid: year: must be between 1870 and 2030');
  });

  it("exports as nightwatcher-watchlist.json through a Blob link", async () => {
    const fake = fakeBackend();
    const json = '[{"title":"Dune","kind":"movie"}]';
    fake.backend.exportItems.mockResolvedValueOnce(json);
    let blob: Blob | undefined;
    const createObjectURL = vi.fn((b: Blob) => {
      blob = b;
      return "blob:nightwatcher/1";
    });
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = vi.fn();
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });

    const { root } = await mount(fake);
    byTestId(root, "export-button").click();
    await flush();

    expect(fake.backend.exportItems).toHaveBeenCalledTimes(1);
    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.getAttribute("download")).toBe("nightwatcher-watchlist.json");
    expect(clicked[0]?.getAttribute("href")).toBe("blob:nightwatcher/1");
    expect(blob?.type).toBe("application/json");
    expect(await readBlob(blob as Blob)).toBe(json);
  });
});
