/**
 * Settings: Prowlarr, Telegram, checking, the first-run guide, and Web access (`webAccess.ts`, its own form).
 * The notification channels' parts (Telegram's switch and users, ntfy, the webhook, the public address messages
 * link to) are `channelSettings.ts`, placed in this form and saved with it.
 *
 * Secrets go one way. The API key and bot token inputs are never filled from the backend (SettingsView only
 * says "saved" / "not set"); a typed secret is sent with `set_secret` and the input is cleared once it is
 * stored. Other settings are sent as a diff against what was loaded, because `save_settings` treats an
 * absent field as unchanged and a value overridden by the environment should not be written back.
 * "Test connection" and "Send test message" save pending edits first, since both commands use the stored
 * settings.
 */

import type { Context } from "../context";
import { append, h, replace, setAttr, setText, showMessage } from "../dom";
import { plural } from "../format";
import { ChannelSettings, isChannelField, showSecretState, type ChannelField } from "./channelSettings";
import { EngineSection } from "./engineSettings";
import { settingError, settingField, settingInput } from "./fields";
import {
  asIpcError,
  IpcError,
  type SecretName,
  type SeenChat,
  type SearchMode,
  type SettingsInput,
  type SettingsView,
} from "../types";
import { WebAccessSection } from "./webAccess";

const FIELDS = [
  "prowlarr_url",
  "prowlarr_api_key",
  "telegram_bot_token",
  "telegram_chat_id",
  "telegram_api_url",
  "interval",
  "concurrency",
  "desktop_notifications",
  "search_mode",
  "search_every",
  "search_budget",
] as const;
type SettingsField = (typeof FIELDS)[number];
/** Every field but the search mode is an `<input>`. */
type InputField = Exclude<SettingsField, "search_mode">;
/** A field of this form, or of its channel sections. */
type AnyField = SettingsField | ChannelField;

const SEARCH_MODES: ReadonlyArray<{ value: SearchMode; label: string }> = [
  { value: "feed", label: "Read the feed (recommended, polite to indexers)" },
  { value: "search_all", label: "Search every item on every check" },
];

const SECRETS: ReadonlyArray<{ field: "prowlarr_api_key" | "telegram_bot_token"; name: SecretName }> = [
  { field: "prowlarr_api_key", name: "prowlarr-api-key" },
  { field: "telegram_bot_token", name: "telegram-bot-token" },
];

function isSettingsField(name: string | null): name is SettingsField {
  return (FIELDS as readonly string[]).includes(name ?? "");
}

export interface SettingsOptions {
  /** Called with every SettingsView the backend returns after a change. */
  onChanged: (view: SettingsView) => void;
}

export class SettingsPage {
  readonly element: HTMLElement;
  private view: SettingsView | null = null;
  private readonly inputs = {} as Record<InputField, HTMLInputElement>;
  private readonly searchMode: HTMLSelectElement;
  private readonly errors = {} as Record<SettingsField, HTMLElement>;
  private readonly guide: HTMLElement;
  private readonly keyringBanner: HTMLElement;
  private readonly keyringMessage: HTMLElement;
  private readonly keyState: HTMLElement;
  private readonly tokenState: HTMLElement;
  private readonly result: HTMLElement;
  private readonly connectionResult: HTMLElement;
  private readonly saveButton: HTMLButtonElement;
  private readonly testButton: HTMLButtonElement;
  private readonly detectButton: HTMLButtonElement;
  private readonly detectResult: HTMLElement;
  private readonly detectChoices: HTMLElement;
  /** Telegram's switch and users, ntfy, the webhook, the public address: in this form, saved with it. */
  private readonly channels: ChannelSettings;
  /** Where the engine runs (the window only). */
  private readonly engine: EngineSection;
  /** The web password and API key: outside the settings form, so Enter there sets the password only. */
  readonly webAccess: WebAccessSection;

  constructor(
    private readonly ctx: Context,
    private readonly opts: SettingsOptions,
  ) {
    this.guide = firstRunGuide();
    this.engine = new EngineSection(ctx);
    this.keyringMessage = h("p", { testid: "keyring-error-message" });
    this.keyringBanner = h(
      "div",
      { class: "banner error", testid: "keyring-error", attrs: { role: "alert", hidden: true } },
      h("strong", {}, "The system keyring cannot be used, so secrets cannot be saved or read."),
      this.keyringMessage,
      h(
        "p",
        {},
        "NightWatcher keeps the Prowlarr API key, the Telegram bot token, the ntfy access token and the webhook secret " +
          "in the system keyring (Secret Service). " +
          "Unlock your keyring (GNOME Keyring, KWallet, KeePassXC) or start one, then close and reopen this window. " +
          "Without a desktop keyring, set NIGHTWATCHER_PROWLARR_API_KEY and NIGHTWATCHER_TELEGRAM_BOT_TOKEN (and " +
          "NIGHTWATCHER_NTFY_TOKEN, NIGHTWATCHER_WEBHOOK_SECRET if you use them) in the environment instead.",
      ),
    );
    this.keyState = h("span", { class: "secret-state", testid: "prowlarr-key-state" });
    this.tokenState = h("span", { class: "secret-state", testid: "telegram-token-state" });
    this.result = h("p", { class: "message", testid: "settings-result", attrs: { role: "status", hidden: true } });
    this.connectionResult = h("p", {
      class: "message",
      testid: "test-connection-result",
      attrs: { role: "status", hidden: true },
    });
    this.channels = new ChannelSettings(ctx, { saveFirst: (result) => this.saveFirst(result) });
    this.saveButton = h("button", { class: "primary", testid: "settings-save", attrs: { type: "submit" } }, "Save");
    this.testButton = h(
      "button",
      { testid: "test-connection", attrs: { type: "button" }, on: { click: () => void this.testConnection() } },
      "Test connection",
    );
    this.searchMode = h(
      "select",
      { testid: "search_mode" },
      ...SEARCH_MODES.map(({ value, label }) => h("option", { attrs: { value } }, label)),
    );
    this.detectButton = h(
      "button",
      { testid: "detect-chat", attrs: { type: "button" }, on: { click: () => void this.detectChat() } },
      "Detect",
    );
    this.detectResult = h("p", { class: "message", testid: "detect-chat-result", attrs: { role: "status", hidden: true } });
    this.detectChoices = h("div", { class: "actions", testid: "detect-chat-choices" });

    const form = h(
      "form",
      {
        class: "settings-form",
        testid: "settings-form",
        attrs: { novalidate: true },
        on: {
          submit: (event) => {
            event.preventDefault();
            void this.save();
          },
        },
      },
      h(
        "fieldset",
        {},
        h("legend", {}, "Prowlarr"),
        this.field("prowlarr_url", "Prowlarr URL", "url", "The address you open Prowlarr at, e.g. http://localhost:9696"),
        this.field(
          "prowlarr_api_key",
          "API key",
          "password",
          "Prowlarr → Settings → General → Security → API Key",
          { state: this.keyState },
        ),
        h("div", { class: "actions" }, this.testButton),
        this.connectionResult,
      ),
      h(
        "fieldset",
        {},
        h("legend", {}, "Telegram"),
        this.channels.telegramSwitch,
        this.field("telegram_bot_token", "Bot token", "password", "From @BotFather, like 123456789:AA…", {
          state: this.tokenState,
        }),
        this.field(
          "telegram_chat_id",
          "Chat id",
          "text",
          "Your chat with the bot (123456789), a group (-100…) or a channel (@name). Detect: send the bot any message, then press it",
        ),
        this.channels.telegramUsers,
        h("div", { class: "actions" }, this.detectButton, this.channels.telegramTest.button),
        this.detectResult,
        this.detectChoices,
        this.channels.telegramTest.result,
        h(
          "details",
          {},
          h("summary", {}, "Advanced"),
          this.field(
            "telegram_api_url",
            "Bot API URL",
            "url",
            "Only for a self-hosted Bot API server; leave empty for https://api.telegram.org",
          ),
        ),
      ),
      this.channels.ntfy,
      this.channels.webhook,
      this.channels.links,
      h(
        "fieldset",
        {},
        h("legend", {}, "Checking"),
        this.field("interval", "Check every", "text", "A duration such as 15m, 1h or 1h30m (1m to 7d)"),
        this.field("concurrency", "Searches at once", "number", "1 to 20; Prowlarr searches run this many at a time", {
          range: { min: 1, max: 20 },
        }),
        this.selectField(
          "search_mode",
          "Search mode",
          "Feed: each check reads the indexers' latest releases once, and searches an item by name when it is " +
            "added or edited and then on the schedule below. Searching every item on every check costs one " +
            "Prowlarr search per item and alias each time.",
        ),
        this.field(
          "search_every",
          "Search each item every",
          "text",
          "Feed mode: a duration such as 6h or 12h (1h to 7d)",
        ),
        this.field(
          "search_budget",
          "Searches per hour at most",
          "number",
          "Feed mode: 1 to 1000 item searches in any hour; the rest wait for the next check",
          { range: { min: 1, max: 1000 } },
        ),
        this.field("desktop_notifications", "Desktop notifications", "checkbox", "Also show a notification on this computer"),
      ),
      this.result,
      h("div", { class: "actions" }, this.saveButton),
    );

    this.webAccess = new WebAccessSection(ctx);
    this.element = h(
      "section",
      { class: "view", testid: "view-settings", attrs: { "aria-labelledby": "settings-heading" } },
      h("div", { class: "toolbar" }, h("h2", { attrs: { id: "settings-heading" } }, "Settings")),
      this.keyringBanner,
      this.guide,
      form,
      this.engine.element,
      this.webAccess.element,
    );
    void this.engine.load();
  }

  private field(
    name: InputField,
    label: string,
    type: "text" | "url" | "password" | "number" | "checkbox",
    hint: string,
    more: { range?: { min: number; max: number }; state?: HTMLElement } = {},
  ): HTMLElement {
    const input = settingInput(name, type, { range: more.range });
    this.inputs[name] = input;
    this.errors[name] = settingError(name);
    return settingField(name, label, input, hint, this.errors[name], more.state ?? null);
  }

  private selectField(name: "search_mode", label: string, hint: string): HTMLElement {
    const id = `settings-${name}`;
    setAttr(this.searchMode, "id", id);
    setAttr(this.searchMode, "name", name);
    setAttr(this.searchMode, "aria-describedby", `${id}-error ${id}-hint`);
    this.errors[name] = settingError(name);
    return settingField(name, label, this.searchMode, hint, this.errors[name]);
  }

  private control(name: SettingsField): HTMLInputElement | HTMLSelectElement {
    return name === "search_mode" ? this.searchMode : this.inputs[name];
  }

  /** Shows what the backend holds. Typed secrets are left alone: they are never filled from the backend. */
  update(view: SettingsView): void {
    this.view = view;
    this.inputs.prowlarr_url.value = view.prowlarr_url ?? "";
    this.inputs.telegram_chat_id.value = view.telegram_chat_id ?? "";
    this.inputs.telegram_api_url.value = view.telegram_api_url;
    this.inputs.interval.value = view.interval;
    this.inputs.concurrency.value = String(view.concurrency);
    this.inputs.desktop_notifications.checked = view.desktop_notifications;
    this.searchMode.value = view.search_mode;
    this.inputs.search_every.value = view.search_every;
    this.inputs.search_budget.value = String(view.search_budget);
    showSecretState(this.keyState, this.inputs.prowlarr_api_key, view.prowlarr_api_key, "API key");
    showSecretState(this.tokenState, this.inputs.telegram_bot_token, view.telegram_bot_token, "bot token");
    this.channels.update(view);
    this.guide.hidden = view.configured;
    this.keyringBanner.hidden = view.keyring_error === null;
    setText(this.keyringMessage, view.keyring_error ?? "");
    this.webAccess.update(view);
  }

  private clearErrors(): void {
    for (const name of FIELDS) showMessage(this.errors[name], "", "error");
    this.channels.clearErrors();
    showMessage(this.result, "");
  }

  private fieldError(field: AnyField, message: string): void {
    if (isChannelField(field)) this.channels.showError(field, message);
    else showMessage(this.errors[field], message, "error");
  }

  private showError(error: IpcError, fallbackField?: AnyField): void {
    const field = isSettingsField(error.field) || isChannelField(error.field) ? error.field : fallbackField;
    // A secret's failure (keyring locked, empty value) belongs next to that secret whatever its kind.
    if (field !== undefined && (error.kind === "validation" || fallbackField !== undefined)) {
      this.fieldError(field, error.message);
      showMessage(this.result, "Not saved: see the message next to the field.", "error");
    } else {
      showMessage(this.result, error.message, "error");
    }
  }

  /** The settings that differ from what was loaded, or field messages when a value is plainly wrong. */
  private diff(): { input: SettingsInput; problems: Partial<Record<AnyField, string>> } {
    const view = this.view;
    const channels = this.channels.diff();
    const input: SettingsInput = channels.input;
    const problems: Partial<Record<AnyField, string>> = channels.problems;
    const text = (name: "prowlarr_url" | "telegram_chat_id" | "telegram_api_url"): void => {
      const value = this.inputs[name].value.trim();
      const before = view?.[name] ?? "";
      if (value !== before) input[name] = value === "" ? null : value;
    };
    text("prowlarr_url");
    text("telegram_chat_id");
    text("telegram_api_url");
    const url = this.inputs.prowlarr_url.value.trim();
    if (url !== "" && !/^https?:\/\/[^/]/i.test(url)) {
      problems.prowlarr_url = "Must be an http(s) URL with a host, such as http://localhost:9696";
    }

    const interval = this.inputs.interval.value.trim();
    if (interval === "") problems.interval = "Must be a duration such as 15m, 1h or 1h30m";
    else if (interval !== view?.interval) input.interval = interval;

    const concurrencyText = this.inputs.concurrency.value.trim();
    const concurrency = Number(concurrencyText);
    if (!/^[0-9]+$/.test(concurrencyText) || concurrency < 1 || concurrency > 20) {
      problems.concurrency = "Must be a whole number from 1 to 20";
    } else if (concurrency !== view?.concurrency) input.concurrency = concurrency;

    const mode = this.searchMode.value as SearchMode;
    if (mode !== view?.search_mode) input.search_mode = mode;

    const every = this.inputs.search_every.value.trim();
    if (every === "") problems.search_every = "Must be a duration such as 6h or 12h";
    else if (every !== view?.search_every) input.search_every = every;

    const budgetText = this.inputs.search_budget.value.trim();
    const budget = Number(budgetText);
    if (!/^[0-9]+$/.test(budgetText) || budget < 1 || budget > 1000) {
      problems.search_budget = "Must be a whole number of searches per hour from 1 to 1000";
    } else if (budget !== view?.search_budget) input.search_budget = budget;

    const notifications = this.inputs.desktop_notifications.checked;
    if (notifications !== view?.desktop_notifications) input.desktop_notifications = notifications;
    return { input, problems };
  }

  private hasUnsavedChanges(): boolean {
    const { input, problems } = this.diff();
    return (
      Object.keys(input).length > 0 ||
      Object.keys(problems).length > 0 ||
      this.typedSecrets().length > 0
    );
  }

  /** Every secret typed in, in the order they are stored. */
  private typedSecrets(): Array<{ field: AnyField; name: SecretName; input: HTMLInputElement }> {
    return [
      ...SECRETS.map(({ field, name }) => ({ field, name, input: this.inputs[field] })).filter(({ input }) => input.value !== ""),
      ...this.channels.secrets(),
    ];
  }

  /** Saves the changed settings, then each typed secret. Resolves to whether everything was stored. */
  async save(): Promise<boolean> {
    this.clearErrors();
    const { input, problems } = this.diff();
    const names = Object.keys(problems) as AnyField[];
    if (names.length > 0) {
      for (const name of names) this.fieldError(name, problems[name] ?? "");
      showMessage(this.result, "Not saved: see the message next to the field.", "error");
      const first = names[0] as AnyField;
      if (isChannelField(first)) this.channels.focus(first);
      else this.control(first).focus();
      return false;
    }
    this.saveButton.disabled = true;
    try {
      let saved = false;
      if (Object.keys(input).length > 0) {
        try {
          this.changed(await this.ctx.backend.saveSettings(input));
          saved = true;
        } catch (e) {
          this.showError(asIpcError(e));
          return false;
        }
      }
      for (const { field, name, input: secret } of this.typedSecrets()) {
        try {
          this.changed(await this.ctx.backend.setSecret(name, secret.value));
          // The secret now lives only in the keyring; it must not linger in the page.
          secret.value = "";
          saved = true;
        } catch (e) {
          this.showError(asIpcError(e), field);
          return false;
        }
      }
      showMessage(this.result, saved ? "Settings saved." : "Nothing to save: no setting was changed.", "ok");
      return true;
    } finally {
      this.saveButton.disabled = false;
    }
  }

  private changed(view: SettingsView): void {
    this.update(view);
    this.opts.onChanged(view);
  }

  private async saveFirst(result: HTMLElement): Promise<boolean> {
    if (!this.hasUnsavedChanges()) return true;
    if (await this.save()) return true;
    showMessage(result, "Fix the settings above first: the test uses the saved settings.", "error");
    return false;
  }

  private async testConnection(): Promise<void> {
    showMessage(this.connectionResult, "");
    if (!(await this.saveFirst(this.connectionResult))) return;
    this.testButton.disabled = true;
    showMessage(this.connectionResult, "Connecting to Prowlarr…");
    try {
      const info = await this.ctx.backend.testProwlarr();
      showMessage(
        this.connectionResult,
        `Connected to Prowlarr ${info.version}: ${plural(info.indexers, "indexer")} (${info.enabled_indexers} enabled).`,
        "ok",
      );
    } catch (e) {
      showMessage(this.connectionResult, asIpcError(e).message, "error");
    } finally {
      this.testButton.disabled = false;
    }
  }

  /** Reads which chats wrote to the bot and offers them for the chat id (one is filled in at once). */
  private async detectChat(): Promise<void> {
    replace(this.detectChoices);
    if (!(await this.saveFirst(this.detectResult))) return;
    this.detectButton.disabled = true;
    showMessage(this.detectResult, "Send any message to your bot in Telegram now… (waiting up to 25 s)");
    try {
      const chats = await this.ctx.backend.detectTelegramChats();
      const use = (chat: SeenChat): void => {
        this.inputs.telegram_chat_id.value = String(chat.id);
        showMessage(this.detectResult, `Chat id of ${chat.name} (${chat.kind}) filled in: press Save.`, "ok");
        replace(this.detectChoices);
      };
      if (chats.length === 0) {
        showMessage(
          this.detectResult,
          "No message reached the bot: send it one in Telegram (for a group, add the bot first), then press Detect again.",
          "error",
        );
      } else if (chats.length === 1 && chats[0]) {
        use(chats[0]);
      } else {
        showMessage(this.detectResult, "Messages came from several chats: pick the one to notify.");
        replace(
          this.detectChoices,
          ...chats.map((chat) =>
            h(
              "button",
              { testid: "detect-chat-choice", attrs: { type: "button" }, on: { click: () => use(chat) } },
              `${chat.name} (${chat.kind}, ${chat.id})`,
            ),
          ),
        );
      }
    } catch (e) {
      showMessage(this.detectResult, asIpcError(e).message, "error");
    } finally {
      this.detectButton.disabled = false;
    }
  }
}

function firstRunGuide(): HTMLElement {
  const steps = h("ol");
  append(
    steps,
    h(
      "li",
      {},
      h("strong", {}, "Prowlarr. "),
      "Enter the address you open Prowlarr at (for example http://localhost:9696) and its API key: in Prowlarr, open ",
      h("em", {}, "Settings → General → Security"),
      " and copy the API Key. Then press Test connection.",
    ),
    h(
      "li",
      {},
      h("strong", {}, "Telegram bot. "),
      "In Telegram, open a chat with @BotFather, send /newbot and follow its questions. It answers with the bot's token " +
        "(it looks like 123456789:AAE…). Paste it as the bot token.",
    ),
    h(
      "li",
      {},
      h("strong", {}, "Chat id. "),
      "Save the token, send any message to your new bot in Telegram, then press Detect beside the chat id: " +
        "NightWatcher fills it in. For a group, add the bot to it and write there; for a channel, add the bot as an " +
        "administrator and type @channelname. Then press Send test message.",
    ),
    h("li", {}, h("strong", {}, "Save, "), "then add the movies and series you are waiting for on the Watchlist tab."),
  );
  return h(
    "div",
    { class: "banner guide", testid: "first-run-guide" },
    h("h3", {}, "Welcome to NightWatcher"),
    h("p", {}, "NightWatcher needs your Prowlarr to search your indexers, and a Telegram bot (or ntfy, or a webhook) to tell you what it finds."),
    steps,
  );
}
