/**
 * Found releases, newest first, optionally for one item.
 *
 * Filtering is done by the backend (`found_releases {itemId}`) so the list stays bounded by what the store
 * returns. Responses are applied only if they answer the latest request, so a slow answer for the previous
 * filter cannot overwrite the current one. Links open in the system browser through `open_link`, and only
 * http(s) links are offered at all.
 *
 * A release a filter of its item refused is listed too (the history keeps it), marked "filtered: <why>" and
 * dimmed, so the user sees why it was not notified.
 *
 * Each release can be grabbed (sent to a download client through Prowlarr): the engine sends it once, so a
 * second click answers the grab as it stands. A grabbed release says by which client, when and from where;
 * a failed one says why and can be grabbed again.
 */

import type { Context } from "../context";
import { h, replace, showMessage } from "../dom";
import { formatAge, formatClock, formatSize, isWebUrl, plural } from "../format";
import { asIpcError, type FoundRelease, type GrabTarget, type GrabTargets, type ItemView } from "../types";

/** How long the download clients Prowlarr has are taken as known before they are asked again. */
const TARGETS_FOR_MS = 60_000;

export class FoundView {
  readonly element: HTMLElement;
  private releases: FoundRelease[] = [];
  private targets: GrabTargets | null = null;
  private targetsAt = -Infinity;
  private filter: number | null = null;
  private sequence = 0;
  private readonly select: HTMLSelectElement;
  private readonly body: HTMLTableSectionElement;
  private readonly table: HTMLTableElement;
  private readonly empty: HTMLElement;
  private readonly count: HTMLElement;
  private readonly message: HTMLElement;

  constructor(private readonly ctx: Context) {
    this.select = h("select", {
      testid: "found-filter",
      attrs: { id: "found-filter", name: "found_filter" },
      on: { change: () => void this.changeFilter() },
    });
    this.body = h("tbody");
    this.table = h(
      "table",
      { class: "grid", testid: "found-table" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", {}, "Found"),
          h("th", {}, "Item"),
          h("th", {}, "Release"),
          h("th", { class: "num" }, "Size"),
          h("th", {}, "Indexers"),
          h("th", { class: "num" }, "Seeders"),
          h("th", { class: "num" }, "Age"),
          h("th", {}, "Link"),
          h("th", {}, "Grab"),
        ),
      ),
      this.body,
    );
    this.empty = h("p", { class: "empty", testid: "found-empty" });
    this.count = h("span", { class: "muted", testid: "found-count" });
    this.message = h("p", { class: "message", testid: "found-message", attrs: { role: "status", hidden: true } });
    this.element = h(
      "section",
      { class: "view", testid: "view-found", attrs: { "aria-labelledby": "found-heading" } },
      h(
        "div",
        { class: "toolbar" },
        h("h2", { attrs: { id: "found-heading" } }, "Found releases"),
        this.count,
        h("span", { class: "spacer" }),
        h("label", { attrs: { for: "found-filter" } }, "Item"),
        this.select,
      ),
      this.message,
      this.table,
      this.empty,
    );
    this.setItems([]);
    this.render();
  }

  /** Refreshes the item filter's choices; a filter on an item that no longer exists falls back to all. */
  setItems(items: ItemView[]): void {
    const options = [
      h("option", { attrs: { value: "" } }, "All items"),
      ...[...items]
        .sort((a, b) => a.title.localeCompare(b.title))
        .map((item) => h("option", { attrs: { value: item.id } }, item.title)),
    ];
    replace(this.select, ...options);
    const stillThere = this.filter !== null && items.some((i) => i.id === this.filter);
    if (this.filter !== null && !stillThere) {
      this.filter = null;
      void this.reload();
    }
    this.select.value = this.filter === null ? "" : String(this.filter);
  }

  /**
   * Shows only one item's releases (or all with null), as if picked in the select. An item that is not on
   * the watchlist (deleted since a message linked to it) shows every release, and says so.
   */
  async showItem(itemId: number | null): Promise<void> {
    this.select.value = itemId === null ? "" : String(itemId);
    const missing = itemId !== null && this.select.value !== String(itemId);
    await this.changeFilter();
    if (missing && this.message.hidden) {
      showMessage(this.message, `Item #${itemId} is not on the watchlist: showing the releases of every item.`);
    }
  }

  /** Asks the backend again for the current filter. */
  async reload(): Promise<void> {
    const mine = ++this.sequence;
    const filter = this.filter;
    try {
      const [releases] = await Promise.all([this.ctx.backend.foundReleases(filter), this.loadTargets()]);
      if (mine !== this.sequence) return;
      this.releases = releases;
      showMessage(this.message, "");
    } catch (e) {
      if (mine !== this.sequence) return;
      showMessage(this.message, `Could not load found releases: ${asIpcError(e).message}`, "error");
    }
    this.render();
  }

  /** Which client takes a grab of each protocol, asked at most once a minute; unknown when it cannot be asked. */
  private async loadTargets(): Promise<void> {
    const now = this.ctx.now().getTime();
    if (now - this.targetsAt < TARGETS_FOR_MS) return;
    try {
      this.targets = await this.ctx.backend.grabTargets();
      this.targetsAt = now;
    } catch {
      this.targets = null;
    }
  }

  private targetOf(r: FoundRelease): GrabTarget | null {
    if (r.protocol === "unknown" || this.targets === null) return null;
    return this.targets[r.protocol];
  }

  private async changeFilter(): Promise<void> {
    const value = this.select.value;
    this.filter = value === "" ? null : Number(value);
    await this.reload();
  }

  private render(): void {
    const now = this.ctx.now();
    // Newest first, whatever order arrived; ties by match id keep the order stable.
    const rows = [...this.releases].sort((a, b) => b.found_at - a.found_at || b.match_id - a.match_id);
    replace(this.body, ...rows.map((r) => this.row(r, now)));
    this.table.hidden = rows.length === 0;
    this.empty.hidden = rows.length > 0;
    this.empty.textContent =
      this.filter === null
        ? "Nothing found yet. Matching releases appear here as soon as a check finds them."
        : "Nothing found for this item yet.";
    const filtered = rows.filter((r) => r.rejected).length;
    this.count.textContent =
      plural(rows.length, "release") + (filtered > 0 ? ` (${filtered} filtered, not notified)` : "");
  }

  private row(r: FoundRelease, now: Date): HTMLTableRowElement {
    const link = isWebUrl(r.info_url)
      ? h(
          "button",
          {
            class: "link",
            testid: "found-link",
            attrs: { type: "button", title: r.info_url },
            on: { click: () => void this.open(r.info_url) },
          },
          "Open",
        )
      : null;
    const indexers = r.indexers?.length ? r.indexers : r.indexer ? [r.indexer] : [];
    return h(
      "tr",
      {
        testid: "found-row",
        class: r.rejected ? "rejected" : undefined,
        attrs: { "data-match-id": r.match_id, "data-item-id": r.item_id, "data-rejected": Boolean(r.rejected) },
      },
      h("td", { class: "muted nowrap" }, formatClock(r.found_at, now)),
      h("td", { testid: "found-item" }, r.item_title),
      h(
        "td",
        { class: "release-title" },
        h("span", { testid: "found-title" }, r.title),
        r.rejected
          ? h("span", { class: "badge filtered", testid: "found-rejected", attrs: { title: r.rejected } }, `filtered: ${r.rejected}`)
          : null,
      ),
      h("td", { class: "num nowrap", testid: "found-size" }, formatSize(r.size)),
      h("td", { testid: "found-indexer" }, indexers.length > 0 ? indexers.join(", ") : "–"),
      h("td", { class: "num" }, r.protocol === "usenet" || r.seeders === null ? "–" : String(r.seeders)),
      h("td", { class: "num nowrap" }, formatAge(r.published_at, now)),
      h("td", {}, link),
      h("td", { class: "grab" }, this.grabCell(r, now)),
    );
  }

  /** The grab's state, or the button that asks for one. */
  private grabCell(r: FoundRelease, now: Date): HTMLElement {
    if (r.grab_status === "grabbed") {
      const by = r.grab_client ? ` → ${r.grab_client}` : "";
      const when = r.grab_at === null ? "" : formatClock(r.grab_at, now);
      return h(
        "span",
        { class: "badge ok", testid: "found-grabbed", attrs: { title: `grabbed ${when} from ${r.grab_face ?? "?"}` } },
        `Grabbed${by}`,
      );
    }
    if (r.grab_status === "sending") {
      return h("span", { class: "muted", testid: "found-grabbing" }, "Sending…");
    }
    const failed = r.grab_status === "failed";
    const target = this.targetOf(r);
    const to = target?.client ? ` → ${target.client}` : "";
    const why = target?.reason ?? null;
    const button = h(
      "button",
      {
        testid: "found-grab",
        attrs: {
          type: "button",
          disabled: why !== null,
          title: why ?? (failed ? (r.grab_error ?? "") : "Send it to a download client through Prowlarr"),
        },
        on: { click: () => void this.grab(r, button) },
      },
      (failed ? "Grab again" : "Grab") + to,
    );
    return failed
      ? h("span", {}, button, h("span", { class: "badge filtered", testid: "found-grab-error" }, r.grab_error ?? "failed"))
      : button;
  }

  private async grab(r: FoundRelease, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    button.textContent = "Grabbing…";
    let said: [string, "error"?];
    try {
      const grab = await this.ctx.backend.grab(r.match_id);
      const by = grab.client ? ` by ${grab.client}` : "";
      said = [grab.status === "grabbed" ? `Grabbed${by}: ${r.title}` : `Being sent: ${r.title}`];
    } catch (e) {
      said = [`Could not grab ${r.title}: ${asIpcError(e).message}`, "error"];
    }
    // The list as it is now (which clears the message), then what the grab did.
    await this.reload();
    showMessage(this.message, ...said);
  }

  private async open(url: string | null): Promise<void> {
    if (!isWebUrl(url)) return;
    try {
      await this.ctx.backend.openLink(url);
    } catch (e) {
      showMessage(this.message, `Could not open the link: ${asIpcError(e).message}`, "error");
    }
  }
}
