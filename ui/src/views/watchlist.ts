/**
 * The watchlist: a table of items with their state, the add/edit form, pause/resume, delete with an
 * inline confirmation, and import/export of the watchlist JSON.
 *
 * The view never keeps its own copy of the truth: after any change it asks the app to reload `list_items`
 * (the backend also pushes `items://changed`). Deletion is confirmed inline rather than with
 * `window.confirm`, which webviews handle unevenly and WebDriver drives awkwardly.
 */

import type { Context } from "../context";
import { h, replace, showMessage } from "../dom";
import { formatClock, plural } from "../format";
import { asIpcError, type ItemView } from "../types";
import { itemForm } from "./itemForm";

export const EXPORT_FILE_NAME = "nightwatcher-watchlist.json";

export interface WatchlistOptions {
  /** Reloads the items from the backend and re-renders every view that shows them. */
  reloadItems: () => Promise<void>;
}

function kindText(item: ItemView): string {
  if (item.kind === "movie") return "Movie";
  const pad = (n: number): string => String(n).padStart(2, "0");
  if (item.only_season !== undefined) return `Series, S${pad(item.only_season)} only`;
  if (item.from_date !== undefined) return `Series, from ${item.from_date}`;
  if (item.from_season === undefined) return "Series";
  const season = `S${String(item.from_season).padStart(2, "0")}`;
  const episode = item.from_episode === undefined ? "" : `E${String(item.from_episode).padStart(2, "0")}`;
  return `Series, from ${season}${episode}`;
}

function stateText(item: ItemView): string {
  switch (item.state) {
    case "found":
      return `found ${item.found}`;
    case "waiting":
      return "waiting";
    case "error":
      return "error";
    case "paused":
      return "paused";
  }
}

/** A file's text; FileReader rather than `Blob.text()`, which older WebKitGTK and jsdom lack. */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === "string" ? reader.result : "");
    reader.onerror = () => reject(new Error(`the file could not be read (${reader.error?.message ?? "unknown error"})`));
    reader.readAsText(file);
  });
}

export class WatchlistView {
  readonly element: HTMLElement;
  private items: ItemView[] = [];
  private confirmingDelete: number | null = null;
  private readonly body: HTMLTableSectionElement;
  private readonly table: HTMLTableElement;
  private readonly empty: HTMLElement;
  private readonly message: HTMLElement;
  private readonly formSlot: HTMLElement;
  private readonly fileInput: HTMLInputElement;

  constructor(
    private readonly ctx: Context,
    private readonly opts: WatchlistOptions,
  ) {
    this.body = h("tbody");
    this.table = h(
      "table",
      { class: "grid", testid: "watchlist-table" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", {}, "Title"),
          h("th", {}, "Kind"),
          h("th", {}, "State"),
          h("th", {}, "Last checked"),
          h("th", { class: "actions-col" }, "Actions"),
        ),
      ),
      this.body,
    );
    this.empty = h(
      "p",
      { class: "empty", testid: "watchlist-empty" },
      "Your watchlist is empty. Add a movie or a series, or import a watchlist file.",
    );
    this.message = h("p", { class: "message", testid: "watchlist-message", attrs: { role: "status", hidden: true } });
    this.formSlot = h("div", { class: "form-slot" });
    this.fileInput = h("input", {
      class: "hidden-input",
      testid: "import-file",
      attrs: { type: "file", accept: ".json,application/json", hidden: true },
      on: { change: () => void this.importChosenFile() },
    });
    this.element = h(
      "section",
      { class: "view", testid: "view-watchlist", attrs: { "aria-labelledby": "watchlist-heading" } },
      h(
        "div",
        { class: "toolbar" },
        h("h2", { attrs: { id: "watchlist-heading" } }, "Watchlist"),
        h("span", { class: "spacer" }),
        h(
          "button",
          { class: "primary", testid: "add-item", attrs: { type: "button" }, on: { click: () => this.openForm(null) } },
          "Add item",
        ),
        h(
          "button",
          { testid: "import-button", attrs: { type: "button" }, on: { click: () => this.fileInput.click() } },
          "Import…",
        ),
        h("button", { testid: "export-button", attrs: { type: "button" }, on: { click: () => void this.export() } }, "Export"),
        this.fileInput,
      ),
      this.message,
      this.formSlot,
      this.table,
      this.empty,
    );
    this.render();
  }

  setItems(items: ItemView[]): void {
    this.items = items;
    if (this.confirmingDelete !== null && !items.some((i) => i.id === this.confirmingDelete)) {
      this.confirmingDelete = null;
    }
    this.render();
  }

  /** Opens the form to add an item (null) or edit one. */
  openForm(item: ItemView | null): void {
    showMessage(this.message, "");
    const form = itemForm(this.ctx, {
      item,
      itemTitle: (id) => this.items.find((i) => i.id === id)?.title,
      onClose: (saved) => {
        replace(this.formSlot);
        if (saved) {
          showMessage(this.message, item ? "Item saved." : "Item added.", "ok");
          void this.opts.reloadItems();
        }
      },
    });
    replace(this.formSlot, form);
    form.querySelector<HTMLInputElement>("[name=title]")?.focus();
  }

  private render(): void {
    const now = this.ctx.now();
    replace(this.body, ...this.items.map((item) => this.row(item, now)));
    this.table.hidden = this.items.length === 0;
    this.empty.hidden = this.items.length > 0;
  }

  private row(item: ItemView, now: Date): HTMLTableRowElement {
    const state = h(
      "td",
      { class: "state-cell" },
      h("span", { class: `badge state-${item.state}`, testid: "item-state" }, stateText(item)),
      item.state === "error" && item.last_error
        ? h("span", { class: "error-detail", testid: "item-error" }, item.last_error)
        : null,
    );
    const title = h(
      "td",
      { class: "title-cell" },
      h("span", { class: "item-title", testid: "item-title" }, item.title),
      item.year === undefined ? null : h("span", { class: "muted" }, ` (${item.year})`),
      item.imdb_id === undefined ? null : h("span", { class: "muted small" }, ` ${item.imdb_id}`),
      item.muted ? h("span", { class: "badge", testid: "item-muted", attrs: { title: "Searched, not notified" } }, "muted") : null,
    );
    return h(
      "tr",
      { testid: "watchlist-row", class: item.enabled ? "" : "paused", attrs: { "data-item-id": item.id } },
      title,
      h("td", {}, kindText(item)),
      state,
      h("td", { class: "muted" }, item.last_checked_at === null ? "never" : formatClock(item.last_checked_at, now)),
      h("td", { class: "actions-col" }, ...this.actions(item)),
    );
  }

  private actions(item: ItemView): HTMLElement[] {
    if (this.confirmingDelete === item.id) {
      return [
        h("span", { class: "confirm-text" }, "Delete this item and its history?"),
        h(
          "button",
          { class: "danger", testid: "item-delete-confirm", attrs: { type: "button" }, on: { click: () => void this.delete(item) } },
          "Delete",
        ),
        h(
          "button",
          {
            testid: "item-delete-cancel",
            attrs: { type: "button" },
            on: {
              click: () => {
                this.confirmingDelete = null;
                this.render();
              },
            },
          },
          "Cancel",
        ),
      ];
    }
    return [
      h("button", { testid: "item-edit", attrs: { type: "button" }, on: { click: () => this.openForm(item) } }, "Edit"),
      h(
        "button",
        { testid: "item-toggle", attrs: { type: "button" }, on: { click: () => void this.toggle(item) } },
        item.enabled ? "Pause" : "Resume",
      ),
      h(
        "button",
        {
          testid: "item-mute",
          attrs: { type: "button", title: item.muted ? "Notify this item again" : "Keep searching, stop notifying" },
          on: { click: () => void this.mute(item) },
        },
        item.muted ? "Unmute" : "Mute",
      ),
      h(
        "button",
        {
          class: "danger-quiet",
          testid: "item-delete",
          attrs: { type: "button" },
          on: {
            click: () => {
              this.confirmingDelete = item.id;
              this.render();
            },
          },
        },
        "Delete",
      ),
    ];
  }

  private async toggle(item: ItemView): Promise<void> {
    try {
      await this.ctx.backend.setItemEnabled(item.id, !item.enabled);
      showMessage(this.message, "");
    } catch (e) {
      showMessage(this.message, asIpcError(e).message, "error");
    }
    await this.opts.reloadItems();
  }

  private async mute(item: ItemView): Promise<void> {
    try {
      await this.ctx.backend.setItemMuted(item.id, !item.muted);
      const said = item.muted ? "is notified again" : "is muted: still searched, not notified";
      showMessage(this.message, `${item.title} ${said}.`, "ok");
    } catch (e) {
      showMessage(this.message, asIpcError(e).message, "error");
    }
    await this.opts.reloadItems();
  }

  private async delete(item: ItemView): Promise<void> {
    try {
      await this.ctx.backend.deleteItem(item.id);
      this.confirmingDelete = null;
      showMessage(this.message, "Item deleted.", "ok");
    } catch (e) {
      showMessage(this.message, asIpcError(e).message, "error");
    }
    await this.opts.reloadItems();
  }

  private async importChosenFile(): Promise<void> {
    const file = this.fileInput.files?.[0];
    if (!file) return;
    try {
      const json = await readText(file);
      const count = await this.ctx.backend.importItems(json);
      showMessage(this.message, `Imported ${plural(count, "item")} from ${file.name}.`, "ok");
      await this.opts.reloadItems();
    } catch (e) {
      showMessage(this.message, `Import of ${file.name} failed: ${asIpcError(e).message}`, "error");
    } finally {
      // Picking the same file again after fixing it must fire "change" again.
      this.fileInput.value = "";
    }
  }

  private async export(): Promise<void> {
    try {
      const json = await this.ctx.backend.exportItems();
      const url = URL.createObjectURL(new Blob([json], { type: "application/json" }));
      const link = h("a", { class: "hidden-input", attrs: { href: url, download: EXPORT_FILE_NAME } });
      document.body.append(link);
      link.click();
      link.remove();
      // The download reads the blob asynchronously; revoking at once can cancel it in WebKit.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      showMessage(this.message, `Exported the watchlist as ${EXPORT_FILE_NAME}.`, "ok");
    } catch (e) {
      showMessage(this.message, `Export failed: ${asIpcError(e).message}`, "error");
    }
  }
}
