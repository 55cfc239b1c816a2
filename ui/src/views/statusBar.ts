/**
 * The status bar: last and next check, a progress bar while a check runs, notification figures, the
 * current problem with what to do about it, the "Check now" / "Pause watching" buttons, and the "Details"
 * panel of engine figures (`monitorPanel.ts`).
 *
 * It is driven only by what Rust pushes (`status://changed`, `watcher://progress`,
 * `watcher://check-finished`) and by the answers to its own commands; it never polls. Progress events can
 * arrive after the status that says the check finished, so progress for a run already known to be over is
 * ignored instead of bringing back a stale bar.
 */

import type { Context } from "../context";
import { h, replace, setText, showMessage } from "../dom";
import { formatClock, plural } from "../format";
import { asIpcError, type ProblemKind, type ProgressEvent, type Remedy, type Status } from "../types";
import { MonitorPanel } from "./monitorPanel";

export interface StatusBarOptions {
  openSettings: () => void;
}

const PROBLEM_TITLES: Record<ProblemKind, string> = {
  not_configured: "NightWatcher is not set up yet.",
  prowlarr: "Prowlarr cannot be used.",
  indexers: "Some indexers are not being searched.",
  telegram: "Telegram notifications are failing.",
  telegram_unreachable: "Telegram cannot be reached.",
  channel: "A notification channel is failing.",
  channel_unreachable: "A notification channel cannot be reached.",
  storage: "The database cannot be written.",
  keyring: "The system keyring cannot be used.",
  unreachable: "The NightWatcher server cannot be reached.",
  server_refused: "The NightWatcher server refused this computer's API key.",
};

/** Kinds whose fix is not in Settings: no "Open Settings" button for them. */
const FIXED_ELSEWHERE: ReadonlySet<ProblemKind> = new Set(["keyring", "indexers", "storage"]);

/** For a kind this UI does not know yet (a newer engine): still a heading, never an empty one. */
const UNKNOWN_PROBLEM_TITLE = "NightWatcher has a problem.";

const PROBLEM_HELP: Record<ProblemKind, string> = {
  not_configured: "Enter your Prowlarr URL and API key in Settings.",
  prowlarr:
    "Check that Prowlarr is running and that the URL and API key in Settings are right, then press Test connection.",
  indexers:
    "Prowlarr stopped using them after repeated failures; the other indexers are still searched. Check them under Indexers in Prowlarr: it enables them again once they answer.",
  telegram:
    "Check the bot token and chat id in Settings and press Send test message; then retry the failed notifications.",
  telegram_unreachable:
    "Nothing is lost: the notifications wait and are sent as soon as Telegram answers. If this lasts, check this computer's internet connection and the Telegram API URL (under Advanced in Settings).",
  channel:
    "Check that channel's settings (ntfy or the webhook) in Settings and press its Send test message; then retry the failed notifications.",
  channel_unreachable:
    "Nothing is lost: the notifications wait and are sent as soon as it answers. If this lasts, check that the ntfy server or the webhook's receiver is up and that this computer can reach it.",
  storage:
    "Checks wait until it can be written: free some space on that disk or make the file writable, as the message says. Nothing already stored is lost.",
  keyring: "Unlock your system keyring (GNOME Keyring, KWallet), then close and reopen this window.",
  unreachable:
    "This app shows and edits the watchlist of a NightWatcher server, which keeps watching on its own. It reconnects by itself once the server answers; check that it runs, or switch Settings → Engine to this computer.",
  server_refused:
    "Make a new API key on the server (Settings → Web access there, or `nightwatcherd web api-key --new`) and enter it in Settings → Engine.",
};

/** The Settings section that holds a setting or a secret, by its engine name. */
function settingsSection(name: string): string {
  if (name.startsWith("prowlarr")) return "Prowlarr";
  if (name.startsWith("telegram")) return "Telegram";
  if (name.startsWith("ntfy")) return "ntfy";
  if (name.startsWith("webhook")) return "Webhook";
  if (name === "web_public_url") return "Links in messages";
  if (name === "server-api-key") return "Engine";
  return "Checking";
}

const SETTING_LABELS: Record<string, string> = {
  prowlarr_url: "the Prowlarr URL",
  prowlarr_timeout: "the Prowlarr timeout",
  telegram_chat_id: "the Telegram chat id",
  telegram_api_url: "the Telegram API URL (under Advanced)",
  interval: "the check interval",
  concurrency: "the number of searches at once",
  search_mode: "the search mode",
  search_every: "how often each item is searched",
  search_budget: "the search budget",
  desktop_notifications: "desktop notifications",
  telegram_user_ids: "the Telegram user ids the bot obeys",
  telegram_enabled: "whether Telegram is on",
  web_public_url: "the public address of the web UI",
  ntfy_url: "the ntfy server",
  ntfy_topic: "the ntfy topic",
  ntfy_priority: "the ntfy priority",
  ntfy_enabled: "whether ntfy is on",
  webhook_url: "the webhook URL",
  webhook_enabled: "whether the webhook is on",
};

const SECRET_LABELS: Record<string, string> = {
  "prowlarr-api-key": "the Prowlarr API key",
  "telegram-bot-token": "the Telegram bot token",
  "ntfy-token": "the ntfy access token",
  "webhook-secret": "the webhook secret",
  "server-api-key": "the NightWatcher server's API key",
};

/**
 * This window's words for a remedy, and the Settings section it is fixed in (null: not in Settings). The
 * engine's message never says how to fix it: the daemon would name a command, this window points to Settings.
 */
export function describeRemedy(remedy: Remedy): { text: string; section: string | null } {
  switch (remedy.action) {
    case "set_setting":
      return {
        text: `Set ${SETTING_LABELS[remedy.setting] ?? remedy.setting} in Settings → ${settingsSection(remedy.setting)}.`,
        section: settingsSection(remedy.setting),
      };
    case "set_secret":
      return {
        text: `Enter ${SECRET_LABELS[remedy.secret] ?? remedy.secret} in Settings → ${settingsSection(remedy.secret)}.`,
        section: settingsSection(remedy.secret),
      };
    case "retry_failed":
      return { text: "Fix it, then use Retry failed.", section: null };
    case "unlock_keyring":
      return { text: "Unlock your system keyring.", section: null };
    default:
      // A remedy a newer engine knows: the kind's help still says what to do.
      return { text: "", section: null };
  }
}

export class StatusBar {
  readonly element: HTMLElement;
  /** The "Details" panel; the app refreshes it on pushed events. */
  readonly details: MonitorPanel;
  private status: Status | null = null;
  private running: { done: number; total: number } | null = null;
  /** The newest run known to be over; its late progress events are dropped. */
  private lastFinishedRun = -1;
  private readonly state: HTMLElement;
  private readonly progressBar: HTMLProgressElement;
  private readonly lastCheck: HTMLElement;
  private readonly nextCheck: HTMLElement;
  private readonly notifications: HTMLElement;
  private readonly retryButton: HTMLButtonElement;
  private readonly problem: HTMLElement;
  private readonly message: HTMLElement;
  private readonly checkButton: HTMLButtonElement;
  private readonly pauseButton: HTMLButtonElement;

  constructor(
    private readonly ctx: Context,
    private readonly opts: StatusBarOptions,
  ) {
    this.state = h("span", { class: "status-state", testid: "status-state" }, "Loading…");
    this.progressBar = h("progress", {
      testid: "status-progress",
      attrs: { max: 1, value: 0, hidden: true, "aria-label": "Check progress" },
    });
    this.lastCheck = h("span", { testid: "status-last-check" });
    this.nextCheck = h("span", { testid: "status-next-check" });
    this.notifications = h("span", { testid: "status-notifications" });
    this.retryButton = h(
      "button",
      { class: "small", testid: "retry-failed", attrs: { type: "button", hidden: true }, on: { click: () => void this.retry() } },
      "Retry failed",
    );
    this.problem = h("div", { class: "status-problem", testid: "status-problem", attrs: { role: "alert", hidden: true } });
    this.message = h("p", { class: "message", testid: "status-message", attrs: { role: "status", hidden: true } });
    this.checkButton = h(
      "button",
      { testid: "check-now", attrs: { type: "button" }, on: { click: () => void this.checkNow() } },
      "Check now",
    );
    this.pauseButton = h(
      "button",
      { testid: "toggle-paused", attrs: { type: "button" }, on: { click: () => void this.togglePaused() } },
      "Pause watching",
    );
    this.details = new MonitorPanel(ctx);
    this.element = h(
      "footer",
      { class: "status-bar", testid: "status-bar" },
      this.problem,
      this.message,
      h(
        "div",
        { class: "status-line" },
        h(
          "div",
          { class: "status-info" },
          this.state,
          this.progressBar,
          this.lastCheck,
          this.nextCheck,
          this.notifications,
          this.retryButton,
        ),
        h("div", { class: "status-actions" }, this.details.toggle, this.checkButton, this.pauseButton),
      ),
      this.details.element,
    );
  }

  setStatus(status: Status): void {
    this.status = status;
    this.running = status.running;
    const last = status.last_check;
    if (status.running === null && last !== null && last.status !== "running") {
      this.lastFinishedRun = Math.max(this.lastFinishedRun, last.id);
    }
    this.render();
  }

  progress(event: ProgressEvent): void {
    if (event.run_id <= this.lastFinishedRun) return;
    this.running = { done: event.done, total: event.total };
    this.render();
  }

  checkFinished(runId: number): void {
    this.lastFinishedRun = Math.max(this.lastFinishedRun, runId);
    this.running = null;
    this.render();
  }

  private render(): void {
    const status = this.status;
    const now = this.ctx.now();
    const running = this.running;

    if (running !== null) {
      const total = Math.max(running.total, 0);
      setText(this.state, `Checking… ${Math.min(running.done, total)} of ${plural(total, "item")}`);
      this.progressBar.max = Math.max(total, 1);
      this.progressBar.value = Math.min(running.done, total);
      this.progressBar.hidden = false;
    } else {
      setText(this.state, this.idleText(status));
      this.progressBar.hidden = true;
    }
    this.element.classList.toggle("running", running !== null);
    this.checkButton.disabled = running !== null;
    if (status === null) return;

    setText(this.pauseButton, status.paused ? "Resume watching" : "Pause watching");
    setText(this.lastCheck, this.lastCheckText(status, now));
    setText(
      this.nextCheck,
      status.paused ? "" : status.next_check_at === null ? "" : `Next check ${formatClock(status.next_check_at, now)}`,
    );
    this.nextCheck.hidden = this.nextCheck.textContent === "";

    const n = status.notifications;
    const parts = [
      n.pending > 0 ? `${plural(n.pending, "notification")} waiting` : "",
      n.failed > 0 ? `${plural(n.failed, "notification")} failed` : "",
    ].filter(Boolean);
    setText(this.notifications, parts.join(" · "));
    this.notifications.hidden = parts.length === 0;
    this.retryButton.hidden = n.failed === 0;

    if (status.problem === null) {
      replace(this.problem);
      this.problem.hidden = true;
    } else {
      const remedy = status.problem.remedy ? describeRemedy(status.problem.remedy) : null;
      const toSettings = remedy?.section != null || !FIXED_ELSEWHERE.has(status.problem.kind);
      replace(
        this.problem,
        h("strong", { testid: "status-problem-title" }, PROBLEM_TITLES[status.problem.kind] ?? UNKNOWN_PROBLEM_TITLE),
        " ",
        h("span", { testid: "status-problem-message" }, status.problem.message),
        remedy && remedy.text !== "" ? " " : null,
        remedy && remedy.text !== "" ? h("span", { class: "remedy", testid: "status-problem-remedy" }, remedy.text) : null,
        " ",
        h("span", { class: "help", testid: "status-problem-help" }, PROBLEM_HELP[status.problem.kind] ?? ""),
        toSettings
          ? h(
              "button",
              { class: "small", testid: "open-settings", attrs: { type: "button" }, on: { click: () => this.opts.openSettings() } },
              remedy?.section ? `Open Settings → ${remedy.section}` : "Open Settings",
            )
          : null,
      );
      this.problem.hidden = false;
    }
  }

  private idleText(status: Status | null): string {
    if (status === null) return "Loading…";
    if (status.paused) return "Paused";
    if (status.problem?.kind === "not_configured") return "Not set up";
    return "Watching";
  }

  private lastCheckText(status: Status, now: Date): string {
    const last = status.last_check;
    if (last === null) return "No check yet";
    if (last.status === "running") return `Check started ${formatClock(last.started_at, now)}`;
    const at = formatClock(last.finished_at ?? last.started_at, now);
    if (last.status === "failed") return `Last check ${at} failed${last.error ? `: ${last.error}` : ""}`;
    if (last.status === "cancelled") return `Last check ${at} was cancelled`;
    const matches = plural(last.new_matches, "new match", "new matches");
    const errors = last.errors > 0 ? `, ${plural(last.errors, "search error")}` : "";
    return `Last check ${at}: ${matches}${errors}`;
  }

  private async checkNow(): Promise<void> {
    showMessage(this.message, "");
    this.checkButton.disabled = true;
    try {
      await this.ctx.backend.checkNow();
    } catch (e) {
      showMessage(this.message, asIpcError(e).message, "error");
    } finally {
      this.checkButton.disabled = this.running !== null;
    }
  }

  private async togglePaused(): Promise<void> {
    showMessage(this.message, "");
    const paused = this.status?.paused ?? false;
    try {
      this.setStatus(await this.ctx.backend.setPaused(!paused));
    } catch (e) {
      showMessage(this.message, asIpcError(e).message, "error");
    }
  }

  private async retry(): Promise<void> {
    try {
      const n = await this.ctx.backend.retryFailed();
      showMessage(this.message, `${plural(n, "notification")} queued again.`, "ok");
    } catch (e) {
      showMessage(this.message, asIpcError(e).message, "error");
    }
  }
}
