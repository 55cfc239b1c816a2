/**
 * Settings → the notification channels: Telegram's on/off switch and allowed users, ntfy, the webhook, and
 * the web UI's public address that messages link to. `settings.ts` places these sections in its form and
 * saves them with the rest: this module says what changed (`diff`), which secrets were typed (`secrets`),
 * and shows the errors about its fields.
 *
 * As in the rest of Settings, the secrets (ntfy's access token, the webhook's secret) are never filled from
 * the backend, only "saved" / "not set" is shown; a channel's switch is `channels[].enabled` of the view.
 * Each "Send test message" saves pending edits first (the engine sends with the stored settings), then
 * `send_test_message {channel}`, and shows what happened beside its button.
 */

import type { Context } from "../context";
import { h, setAttr, setText, showMessage } from "../dom";
import {
  asIpcError,
  type ChannelId,
  type NtfyPriority,
  type SecretName,
  type SecretState,
  type SettingsInput,
  type SettingsView,
} from "../types";
import { settingError, settingField, settingInput } from "./fields";

export const CHANNEL_FIELDS = [
  "telegram_enabled",
  "telegram_user_ids",
  "ntfy_enabled",
  "ntfy_url",
  "ntfy_topic",
  "ntfy_priority",
  "ntfy_token",
  "webhook_enabled",
  "webhook_url",
  "webhook_secret",
  "web_public_url",
] as const;
export type ChannelField = (typeof CHANNEL_FIELDS)[number];

type TextField = "telegram_user_ids" | "web_public_url" | "ntfy_url" | "ntfy_topic" | "webhook_url";
type SwitchField = "telegram_enabled" | "ntfy_enabled" | "webhook_enabled";
type SecretField = "ntfy_token" | "webhook_secret";
type InputField = TextField | SwitchField | SecretField;

const TEXT_FIELDS: readonly TextField[] = ["telegram_user_ids", "web_public_url", "ntfy_url", "ntfy_topic", "webhook_url"];
/** The URL settings, each with an example for its error line. */
const URL_FIELDS: ReadonlyArray<[TextField, string]> = [
  ["web_public_url", "https://nas.local:8711"],
  ["ntfy_url", "https://ntfy.sh"],
  ["webhook_url", "https://home.example/hooks/nightwatcher"],
];
const SWITCHES: ReadonlyArray<{ field: SwitchField; channel: ChannelId }> = [
  { field: "telegram_enabled", channel: "telegram" },
  { field: "ntfy_enabled", channel: "ntfy" },
  { field: "webhook_enabled", channel: "webhook" },
];
const SECRETS: ReadonlyArray<{ field: SecretField; name: SecretName; what: string }> = [
  { field: "ntfy_token", name: "ntfy-token", what: "access token" },
  { field: "webhook_secret", name: "webhook-secret", what: "secret" },
];

const PRIORITIES: ReadonlyArray<{ value: NtfyPriority; label: string }> = [
  { value: "min", label: "Min" },
  { value: "low", label: "Low" },
  { value: "default", label: "Default" },
  { value: "high", label: "High" },
  { value: "max", label: "Max" },
];

/** What a channel needs before it can send, for its state line. */
const NEEDS: Record<ChannelId, string> = {
  telegram: "save the bot token and the chat id",
  ntfy: "save a topic",
  webhook: "save its URL",
};

const TOPIC = /^[A-Za-z0-9_-]{1,64}$/;
const USER_IDS = /^[\s,]*[1-9][0-9]*([\s,]+[1-9][0-9]*)*[\s,]*$/;

export function isChannelField(name: string | null | undefined): name is ChannelField {
  return (CHANNEL_FIELDS as readonly string[]).includes(name ?? "");
}

/** Shows a secret's state beside its label, and says in the empty input what typing there does. */
export function showSecretState(el: HTMLElement, input: HTMLInputElement, state: SecretState, what: string): void {
  setText(el, state);
  el.className = `secret-state state-${state.replace(" ", "-")}`;
  setAttr(
    input,
    "placeholder",
    state === "saved"
      ? `Saved; type a new ${what} to replace it`
      : state === "unavailable"
        ? "The keyring is unavailable (see above)"
        : `Paste the ${what}`,
  );
}

/** `ntfy_topic` → `settings-ntfy-topic`. */
function testidOf(name: string): string {
  return `settings-${name.replace(/_/g, "-")}`;
}

export interface ChannelHost {
  /**
   * Saves the pending edits of the whole form before a test; false when they could not be saved (the
   * fields say why, and `result` that the test waits for them).
   */
  saveFirst(result: HTMLElement): Promise<boolean>;
}

export interface TestButton {
  button: HTMLButtonElement;
  result: HTMLElement;
}

export class ChannelSettings {
  /** "Send notifications to Telegram" and its state line: first in the Telegram section. */
  readonly telegramSwitch: HTMLElement;
  /** "Only these users (ids)": after the chat id. */
  readonly telegramUsers: HTMLElement;
  /** Telegram's "Send test message" (`send-test-message`) and its result (`send-test-result`). */
  readonly telegramTest: TestButton;
  /** The ntfy section (`settings-ntfy`). */
  readonly ntfy: HTMLElement;
  /** The webhook section (`settings-webhook`). */
  readonly webhook: HTMLElement;
  /** "Links in messages": the web UI's public address (`settings-links`). */
  readonly links: HTMLElement;
  private view: SettingsView | null = null;
  private readonly inputs = {} as Record<InputField, HTMLInputElement>;
  private readonly priority: HTMLSelectElement;
  private readonly errors = {} as Record<ChannelField, HTMLElement>;
  private readonly secretStates = {} as Record<SecretField, HTMLElement>;
  private readonly channelStates = {} as Record<ChannelId, HTMLElement>;
  private readonly switchFields = {} as Record<SwitchField, HTMLElement>;

  constructor(
    private readonly ctx: Context,
    private readonly host: ChannelHost,
  ) {
    for (const name of CHANNEL_FIELDS) this.errors[name] = settingError(name);
    this.priority = h(
      "select",
      {
        testid: testidOf("ntfy_priority"),
        attrs: {
          id: "settings-ntfy_priority",
          name: "ntfy_priority",
          "aria-describedby": "settings-ntfy_priority-error settings-ntfy_priority-hint",
        },
      },
      ...PRIORITIES.map(({ value, label }) => h("option", { attrs: { value } }, label)),
    );
    this.priority.value = "default";

    this.telegramSwitch = this.switchField("telegram_enabled", "telegram", "Send notifications to Telegram");
    this.telegramUsers = this.field(
      "telegram_user_ids",
      "Only these users (ids)",
      "text",
      "In a group: only these Telegram user ids can use the buttons and commands; empty: everyone in the chat.",
    );
    this.telegramTest = this.testButton(
      "telegram",
      "send-test-message",
      "send-test-result",
      "Test message sent: check your Telegram chat.",
    );

    const ntfyTest = this.testButton(
      "ntfy",
      "settings-ntfy-test",
      "settings-ntfy-test-result",
      "Test message sent: check the ntfy app subscribed to the topic.",
    );
    this.ntfy = h(
      "fieldset",
      { testid: "settings-ntfy" },
      h("legend", {}, "ntfy"),
      this.switchField("ntfy_enabled", "ntfy", "Send notifications to ntfy"),
      this.field("ntfy_url", "Server", "url", "https://ntfy.sh, or the address of your own ntfy server (empty: https://ntfy.sh)"),
      this.field(
        "ntfy_topic",
        "Topic",
        "text",
        "Pick a name nobody can guess on a public server (1 to 64 letters, digits, - or _); subscribe to it in the ntfy app",
      ),
      settingField(
        "ntfy_priority",
        "Priority",
        this.priority,
        "How the phone shows a notification: min and low stay quiet, high and max sound and pop up",
        this.errors.ntfy_priority,
      ),
      this.field("ntfy_token", "Access token", "password", "Only for a protected topic: an ntfy access token (tk_…)", {
        state: "ntfy_token",
      }),
      h("div", { class: "actions" }, ntfyTest.button),
      ntfyTest.result,
    );

    const webhookTest = this.testButton(
      "webhook",
      "settings-webhook-test",
      "settings-webhook-test-result",
      "Test message sent: the webhook accepted it.",
    );
    this.webhook = h(
      "fieldset",
      { testid: "settings-webhook" },
      h("legend", {}, "Webhook"),
      this.switchField("webhook_enabled", "webhook", "Send notifications to the webhook"),
      this.field(
        "webhook_url",
        "URL",
        "url",
        "NightWatcher POSTs a JSON message here for each notification; the webhook payload is documented in " +
          "NightWatcher's docs/webhook.md",
      ),
      this.field(
        "webhook_secret",
        "Secret",
        "password",
        "Sent in the X-NightWatcher-Secret header, so the receiver can tell the message comes from NightWatcher",
        { state: "webhook_secret" },
      ),
      h("div", { class: "actions" }, webhookTest.button),
      webhookTest.result,
    );

    this.links = h(
      "fieldset",
      { testid: "settings-links" },
      h("legend", {}, "Links in messages"),
      this.field(
        "web_public_url",
        "Public address of the web UI",
        "url",
        "e.g. https://nas.local:8711 — messages link to items there (Telegram's Open button, ntfy's click)",
      ),
    );
  }

  private field(
    name: TextField | SecretField,
    label: string,
    type: "text" | "url" | "password",
    hint: string,
    more: { state?: SecretField } = {},
  ): HTMLElement {
    const input = settingInput(name, type, { testid: testidOf(name) });
    this.inputs[name] = input;
    let state: HTMLElement | null = null;
    if (more.state !== undefined) {
      state = h("span", { class: "secret-state", testid: `${testidOf(more.state)}-state` });
      this.secretStates[more.state] = state;
    }
    return settingField(name, label, input, hint, this.errors[name], state);
  }

  /** A channel's on/off switch, with a line saying whether it is set up. */
  private switchField(name: SwitchField, channel: ChannelId, label: string): HTMLElement {
    const input = settingInput(name, "checkbox", { testid: testidOf(name) });
    this.inputs[name] = input;
    const state = h("p", { class: "hint channel-state", testid: `settings-${channel}-state`, attrs: { hidden: true } });
    this.channelStates[channel] = state;
    // Hidden until the settings say whether the channel is on.
    const wrapper = h(
      "div",
      { attrs: { hidden: true } },
      settingField(name, label, input, "When off, nothing is sent there; its settings are kept", this.errors[name]),
      state,
    );
    this.switchFields[name] = wrapper;
    return wrapper;
  }

  private testButton(channel: ChannelId, testid: string, resultTestid: string, sent: string): TestButton {
    const result = h("p", { class: "message", testid: resultTestid, attrs: { role: "status", hidden: true } });
    const button = h(
      "button",
      { testid, attrs: { type: "button" }, on: { click: () => void this.sendTest(channel, { button, result }, sent) } },
      "Send test message",
    );
    return { button, result };
  }

  /** Shows what the backend holds. Typed secrets are left alone: they are never filled from the backend. */
  update(view: SettingsView): void {
    this.view = view;
    for (const name of TEXT_FIELDS) this.inputs[name].value = view[name] ?? "";
    this.priority.value = view.ntfy_priority ?? "default";
    for (const { field, channel } of SWITCHES) {
      const state = view.channels?.find((c) => c.id === channel);
      // An engine without this channel's switch: nothing to show or send.
      this.switchFields[field].hidden = state === undefined;
      this.inputs[field].checked = state?.enabled ?? false;
      const line = this.channelStates[channel];
      if (state === undefined) showMessage(line, "");
      else if (!state.enabled) showMessage(line, state.configured ? "Off: nothing is sent here." : "Off, and not set up.");
      else if (state.configured) showMessage(line, "On: every notification is sent here.", "ok");
      else showMessage(line, `Not set up: nothing is sent here until you ${NEEDS[channel]}.`);
    }
    for (const { field, what } of SECRETS) {
      showSecretState(this.secretStates[field], this.inputs[field], view[field] ?? "not set", what);
    }
  }

  /** The settings that differ from what was loaded, or field messages when a value is plainly wrong. */
  diff(): { input: SettingsInput; problems: Partial<Record<ChannelField, string>> } {
    const view = this.view;
    const input: SettingsInput = {};
    const problems: Partial<Record<ChannelField, string>> = {};
    for (const name of TEXT_FIELDS) {
      const value = this.inputs[name].value.trim();
      if (value !== (view?.[name] ?? "")) input[name] = value === "" ? null : value;
    }
    for (const [name, example] of URL_FIELDS) {
      const value = this.inputs[name].value.trim();
      if (value !== "" && !/^https?:\/\/[^/]/i.test(value)) {
        problems[name] = `Must be an http(s) URL with a host, such as ${example}`;
      }
    }
    const topic = this.inputs.ntfy_topic.value.trim();
    if (topic !== "" && !TOPIC.test(topic)) {
      problems.ntfy_topic = "Must be 1 to 64 letters, digits, - or _ (no spaces)";
    }
    const users = this.inputs.telegram_user_ids.value.trim();
    if (users !== "" && !USER_IDS.test(users)) {
      problems.telegram_user_ids = "Must be Telegram user ids (numbers) separated by commas, such as 123456789,987654321";
    }
    const priority = this.priority.value as NtfyPriority;
    if (view?.ntfy_priority !== undefined && priority !== view.ntfy_priority) input.ntfy_priority = priority;
    for (const { field, channel } of SWITCHES) {
      const before = view?.channels?.find((c) => c.id === channel)?.enabled;
      const now = this.inputs[field].checked;
      if (before !== undefined && now !== before) input[field] = now;
    }
    return { input, problems };
  }

  /** The secrets typed in, to store with `set_secret` (and clear once stored). */
  secrets(): Array<{ field: SecretField; name: SecretName; input: HTMLInputElement }> {
    return SECRETS.map(({ field, name }) => ({ field, name, input: this.inputs[field] })).filter(
      ({ input }) => input.value !== "",
    );
  }

  showError(field: ChannelField, message: string): void {
    showMessage(this.errors[field], message, "error");
  }

  clearErrors(): void {
    for (const name of CHANNEL_FIELDS) showMessage(this.errors[name], "", "error");
  }

  focus(field: ChannelField): void {
    (field === "ntfy_priority" ? this.priority : this.inputs[field]).focus();
  }

  private async sendTest(channel: ChannelId, test: TestButton, sent: string): Promise<void> {
    showMessage(test.result, "");
    if (!(await this.host.saveFirst(test.result))) return;
    test.button.disabled = true;
    showMessage(test.result, "Sending…");
    try {
      await this.ctx.backend.sendTestMessage(channel);
      showMessage(test.result, sent, "ok");
    } catch (e) {
      showMessage(test.result, asIpcError(e).message, "error");
    } finally {
      test.button.disabled = false;
    }
  }
}
