/**
 * The status bar's "Details": the running engine's monitoring figures (`get_monitoring`) in a compact list.
 *
 * The figures are asked for when the panel opens and again on each `status://changed` and
 * `watcher://check-finished` while it is open (the app calls `refreshIfOpen`); a closed panel asks for
 * nothing, and there is no timer. Answers can overtake each other, so only the newest request's answer is
 * shown. Every value is text: the indexer message comes from Prowlarr.
 */

import type { Context } from "../context";
import { h, replace, setAttr, setText, showMessage } from "../dom";
import { formatClock, formatMiB, formatMillis, plural } from "../format";
import { asIpcError, type Monitoring, type SearchMode } from "../types";

const MODE_TEXT: Record<SearchMode, string> = {
  feed: "Feed: latest releases each check, items searched on a schedule",
  search_all: "Search every item on every check",
};

/** One `<dt>`/`<dd>` pair; the value carries the figure's testid, both halves share `hidden`. */
class Figure {
  readonly label: HTMLElement;
  readonly value: HTMLElement;

  constructor(label: string, name: string) {
    this.label = h("dt", {}, label);
    this.value = h("dd", { testid: `monitor-${name}` });
  }

  show(...children: Array<Node | string>): void {
    replace(this.value, ...children);
    this.label.hidden = false;
    this.value.hidden = false;
  }

  hide(): void {
    replace(this.value);
    this.label.hidden = true;
    this.value.hidden = true;
  }
}

/** A figure inside a line, with its own testid so WebDriver can read it alone. */
function part(name: string, text: string): HTMLElement {
  return h("span", { testid: `monitor-${name}` }, text);
}

export class MonitorPanel {
  /** The "Details" button; it goes wherever the status bar puts its actions. */
  readonly toggle: HTMLButtonElement;
  readonly element: HTMLElement;
  private open = false;
  /** The newest request; older answers are dropped. */
  private sequence = 0;
  private readonly message: HTMLElement;
  private readonly figures = {
    searchMode: new Figure("Search mode", "search-mode"),
    lastCheck: new Figure("Last check", "last-check"),
    latency: new Figure("Prowlarr latency", "latency"),
    notifications: new Figure("Notifications", "notifications"),
    db: new Figure("Database connections", "db-connections"),
    memory: new Figure("Memory", "memory"),
    backoff: new Figure("Backoff", "backoff"),
    indexers: new Figure("Indexers", "indexers"),
    budget: new Figure("Search budget", "search-budget"),
  };

  constructor(private readonly ctx: Context) {
    this.toggle = h(
      "button",
      {
        class: "small",
        testid: "status-details-toggle",
        attrs: { type: "button", "aria-expanded": "false", "aria-controls": "status-details" },
        on: { click: () => this.setOpen(!this.open) },
      },
      "Details",
    );
    this.message = h("p", { class: "message", testid: "status-details-message", attrs: { role: "status", hidden: true } });
    const list = h("dl", { class: "monitor-figures" });
    for (const figure of Object.values(this.figures)) {
      figure.hide();
      list.append(figure.label, figure.value);
    }
    this.element = h(
      "section",
      {
        class: "status-details",
        testid: "status-details",
        attrs: { id: "status-details", hidden: true, "aria-label": "Engine details" },
      },
      this.message,
      list,
    );
  }

  isOpen(): boolean {
    return this.open;
  }

  setOpen(open: boolean): void {
    this.open = open;
    this.element.hidden = !open;
    setAttr(this.toggle, "aria-expanded", String(open));
    setText(this.toggle, open ? "Hide details" : "Details");
    if (open) void this.refresh();
  }

  /** Called on `status://changed` and `watcher://check-finished`. */
  refreshIfOpen(): void {
    if (this.open) void this.refresh();
  }

  private async refresh(): Promise<void> {
    this.sequence += 1;
    const mine = this.sequence;
    if (this.figures.searchMode.value.hidden) showMessage(this.message, "Loading…");
    try {
      const figures = await this.ctx.backend.getMonitoring();
      if (mine !== this.sequence || !this.open) return;
      showMessage(this.message, "");
      this.render(figures);
    } catch (e) {
      if (mine !== this.sequence) return;
      showMessage(this.message, `Could not load the engine's figures: ${asIpcError(e).message}`, "error");
    }
  }

  private render(m: Monitoring): void {
    const now = this.ctx.now();
    const f = this.figures;
    f.searchMode.show(MODE_TEXT[m.search_mode] ?? m.search_mode);

    const check = m.last_check;
    if (check === null) f.lastCheck.show("None since the engine started");
    else {
      f.lastCheck.show(
        part("check-duration", `took ${formatMillis(check.duration_ms)}`),
        " · ",
        part("feed-requests", plural(check.feed_requests, "feed request")),
        " · ",
        part("searches", plural(check.searches, "search", "searches")),
        " · ",
        part("errors", plural(check.errors, "error")),
        " · ",
        part("new-matches", plural(check.new_matches, "new match", "new matches")),
      );
    }

    const latency = m.prowlarr_latency_ms;
    f.latency.show(
      latency.samples === 0
        ? "No requests yet"
        : `median ${formatMillis(latency.median)} / p95 ${formatMillis(latency.p95)} (${plural(latency.samples, "request")})`,
    );
    f.notifications.show(`${m.notifications.pending} pending / ${m.notifications.failed} failed`);
    f.db.show(`${m.db_connections.in_use} in use / ${m.db_connections.open} open`);
    f.memory.show(m.memory_rss_bytes === null ? "Unknown on this system" : formatMiB(m.memory_rss_bytes));

    if (m.backoff.failures > 0) {
      const next = m.backoff.next_try_at === null ? "" : `, next try ${formatClock(m.backoff.next_try_at, now)}`;
      f.backoff.show(`Prowlarr failed ${plural(m.backoff.failures, "time")} in a row${next}`);
    } else f.backoff.hide();

    const indexers = m.indexers;
    if (indexers === null) f.indexers.show("Not checked yet (asked after an empty or failed search)");
    else {
      f.indexers.show(
        `${indexers.disabled} of ${indexers.total} disabled`,
        indexers.message === null ? "" : ": ",
        indexers.message === null ? "" : part("indexers-message", indexers.message),
      );
    }

    f.budget.show(`${m.search_budget.used_last_hour} of ${m.search_budget.per_hour} searches used in the last hour`);
  }
}
