/** Settings → the notification channels (`src/views/channelSettings.ts`): Telegram's switch and users, ntfy, the webhook, links. */
import { describe, expect, it } from "vitest";
import { IpcError, type ChannelId, type SettingsInput } from "../src/types";
import { byTestId, fakeBackend, flush, mount, settingsView, text, type, type Fake } from "./helpers";

async function openSettings(fake: Fake = fakeBackend()) {
  const { root, app } = await mount(fake);
  byTestId(root, "nav-settings").click();
  return { fake, root, app };
}

const input = (root: HTMLElement, id: string) => byTestId<HTMLInputElement>(root, id);
const select = (root: HTMLElement, id: string) => byTestId<HTMLSelectElement>(root, id);

async function save(root: HTMLElement): Promise<void> {
  byTestId(root, "settings-save").click();
  await flush();
}

describe("the sections", () => {
  it("show the stored values, with setting keys as names and settings-… test ids", async () => {
    const fake = fakeBackend({
      settings: settingsView({
        telegram_user_ids: "111,222",
        web_public_url: "https://nas.local:8711",
        ntfy_url: "https://ntfy.example",
        ntfy_topic: "nw-4f9a",
        ntfy_priority: "high",
        ntfy_token: "saved",
        webhook_url: "https://hooks.example/nw",
        webhook_secret: "not set",
        channels: [
          { id: "telegram", label: "Telegram", configured: true, enabled: false },
          { id: "ntfy", label: "ntfy", configured: true, enabled: true },
          { id: "webhook", label: "Webhook", configured: true, enabled: true },
        ],
      }),
    });
    const { root } = await openSettings(fake);
    const values: Array<[string, string, string]> = [
      ["settings-telegram-user-ids", "telegram_user_ids", "111,222"],
      ["settings-web-public-url", "web_public_url", "https://nas.local:8711"],
      ["settings-ntfy-url", "ntfy_url", "https://ntfy.example"],
      ["settings-ntfy-topic", "ntfy_topic", "nw-4f9a"],
      ["settings-webhook-url", "webhook_url", "https://hooks.example/nw"],
    ];
    for (const [testid, name, value] of values) {
      expect(input(root, testid).name, testid).toBe(name);
      expect(input(root, testid).value, testid).toBe(value);
      expect(byTestId(root, `field-error-${name}`).hidden, testid).toBe(true);
    }
    expect(select(root, "settings-ntfy-priority").name).toBe("ntfy_priority");
    expect([...select(root, "settings-ntfy-priority").options].map((o) => o.value)).toEqual([
      "min",
      "low",
      "default",
      "high",
      "max",
    ]);
    expect(select(root, "settings-ntfy-priority").value).toBe("high");
    expect(input(root, "settings-telegram-enabled").checked).toBe(false);
    expect(input(root, "settings-ntfy-enabled").checked).toBe(true);
    expect(input(root, "settings-webhook-enabled").checked).toBe(true);
    expect(text(byTestId(root, "settings-telegram-state"))).toBe("Off: nothing is sent here.");
    expect(text(byTestId(root, "settings-ntfy-state"))).toMatch(/^On: every notification/);
    for (const id of ["settings-ntfy-token", "settings-webhook-secret"]) {
      expect(input(root, id).type).toBe("password");
      expect(input(root, id).value).toBe("");
    }
    expect(text(byTestId(root, "settings-ntfy-token-state"))).toBe("saved");
    expect(text(byTestId(root, "settings-webhook-secret-state"))).toBe("not set");
    expect(input(root, "settings-ntfy-token").placeholder).toMatch(/Saved; type a new access token/);
  });

  it("label and explain the fields", async () => {
    const { root } = await openSettings();
    const settings = byTestId(root, "view-settings");
    expect(text(settings)).toContain("Send notifications to Telegram");
    expect(text(settings)).toContain("Only these users (ids)");
    expect(text(settings)).toContain(
      "In a group: only these Telegram user ids can use the buttons and commands; empty: everyone in the chat.",
    );
    expect(text(byTestId(root, "settings-ntfy"))).toContain("Pick a name nobody can guess on a public server");
    expect(text(byTestId(root, "settings-webhook"))).toContain("docs/webhook.md");
    expect(text(byTestId(root, "settings-webhook"))).toContain("X-NightWatcher-Secret");
    expect(text(byTestId(root, "settings-links"))).toContain("Public address of the web UI");
    expect(text(byTestId(root, "settings-links"))).toContain("e.g. https://nas.local:8711");
    // The label names its input.
    const label = root.querySelector<HTMLLabelElement>('label[for="settings-ntfy_topic"]');
    expect(label?.textContent).toBe("Topic");
    expect(input(root, "settings-ntfy-topic").id).toBe("settings-ntfy_topic");
  });

  it("say when a channel is on but not set up", async () => {
    const fake = fakeBackend({
      settings: settingsView({
        channels: [
          { id: "telegram", label: "Telegram", configured: false, enabled: true },
          { id: "ntfy", label: "ntfy", configured: false, enabled: true },
          { id: "webhook", label: "Webhook", configured: false, enabled: false },
        ],
      }),
    });
    const { root } = await openSettings(fake);
    expect(text(byTestId(root, "settings-telegram-state"))).toContain("bot token and the chat id");
    expect(text(byTestId(root, "settings-ntfy-state"))).toBe("Not set up: nothing is sent here until you save a topic.");
    expect(text(byTestId(root, "settings-webhook-state"))).toBe("Off, and not set up.");
  });
});

describe("saving", () => {
  const cases: Array<[string, string, SettingsInput]> = [
    ["settings-telegram-user-ids", "123456789, 987654321", { telegram_user_ids: "123456789, 987654321" }],
    ["settings-web-public-url", "https://nas.local:8711", { web_public_url: "https://nas.local:8711" }],
    ["settings-ntfy-url", "https://ntfy.example", { ntfy_url: "https://ntfy.example" }],
    ["settings-ntfy-topic", "nightwatcher-4f9a", { ntfy_topic: "nightwatcher-4f9a" }],
    ["settings-webhook-url", "https://hooks.example/nw?k=1", { webhook_url: "https://hooks.example/nw?k=1" }],
  ];

  it.each(cases)("%s is sent as its setting, alone", async (testid, value, expected) => {
    const fake = fakeBackend();
    const { root } = await openSettings(fake);
    type(input(root, testid), `  ${value} `);
    await save(root);
    expect(fake.backend.saveSettings).toHaveBeenCalledTimes(1);
    expect(fake.backend.saveSettings).toHaveBeenCalledWith(expected);
    expect(fake.backend.setSecret).not.toHaveBeenCalled();
    expect(text(byTestId(root, "settings-result"))).toBe("Settings saved.");
    // Stored: the input shows it, and saving again sends nothing.
    expect(input(root, testid).value).toBe(value);
    await save(root);
    expect(fake.backend.saveSettings).toHaveBeenCalledTimes(1);
  });

  it("an emptied field is sent as null, which returns it to its default", async () => {
    const fake = fakeBackend({
      settings: settingsView({
        telegram_user_ids: "111",
        web_public_url: "https://nas.local:8711",
        ntfy_url: "https://ntfy.example",
        ntfy_topic: "nw",
        webhook_url: "https://hooks.example",
      }),
    });
    const { root } = await openSettings(fake);
    for (const id of [
      "settings-telegram-user-ids",
      "settings-web-public-url",
      "settings-ntfy-url",
      "settings-ntfy-topic",
      "settings-webhook-url",
    ]) {
      type(input(root, id), "");
    }
    await save(root);
    expect(fake.backend.saveSettings).toHaveBeenCalledWith({
      telegram_user_ids: null,
      web_public_url: null,
      ntfy_url: null,
      ntfy_topic: null,
      webhook_url: null,
    });
    // The engine's default server is shown again.
    expect(input(root, "settings-ntfy-url").value).toBe("https://ntfy.sh");
  });

  it("the priority is sent when changed", async () => {
    const fake = fakeBackend();
    const { root } = await openSettings(fake);
    type(select(root, "settings-ntfy-priority"), "max");
    await save(root);
    expect(fake.backend.saveSettings).toHaveBeenCalledWith({ ntfy_priority: "max" });
    expect(select(root, "settings-ntfy-priority").value).toBe("max");
  });

  it("the new fields go with the other settings in one save_settings", async () => {
    const fake = fakeBackend();
    const { root } = await openSettings(fake);
    type(input(root, "interval"), "30m");
    type(input(root, "settings-ntfy-topic"), "nw-topic");
    await save(root);
    expect(fake.backend.saveSettings).toHaveBeenCalledTimes(1);
    expect(fake.backend.saveSettings).toHaveBeenCalledWith({ interval: "30m", ntfy_topic: "nw-topic" });
  });
});

describe("the switches", () => {
  it.each<[string, keyof SettingsInput, boolean]>([
    ["settings-telegram-enabled", "telegram_enabled", false],
    ["settings-ntfy-enabled", "ntfy_enabled", false],
    ["settings-webhook-enabled", "webhook_enabled", false],
  ])("%s sends %s: %s", async (testid, key, to) => {
    const fake = fakeBackend();
    const { root } = await openSettings(fake);
    input(root, testid).click();
    await save(root);
    expect(fake.backend.saveSettings).toHaveBeenCalledWith({ [key]: to });
    expect(input(root, testid).checked).toBe(to);
    // Back as it was: the other way.
    input(root, testid).click();
    await save(root);
    expect(fake.backend.saveSettings).toHaveBeenLastCalledWith({ [key]: !to });
  });

  it("untouched, they send nothing", async () => {
    const fake = fakeBackend();
    const { root } = await openSettings(fake);
    type(input(root, "interval"), "1h");
    await save(root);
    expect(fake.backend.saveSettings).toHaveBeenCalledWith({ interval: "1h" });
  });

  it("a topic sets ntfy up; its switch turns it off and on again", async () => {
    const fake = fakeBackend();
    const { root } = await openSettings(fake);
    expect(text(byTestId(root, "settings-ntfy-state"))).toMatch(/^Not set up/);
    type(input(root, "settings-ntfy-topic"), "nw-topic");
    await save(root);
    expect(fake.backend.saveSettings).toHaveBeenLastCalledWith({ ntfy_topic: "nw-topic" });
    expect(text(byTestId(root, "settings-ntfy-state"))).toMatch(/^On: every notification/);
    input(root, "settings-ntfy-enabled").click();
    await save(root);
    expect(fake.backend.saveSettings).toHaveBeenLastCalledWith({ ntfy_enabled: false });
    expect(text(byTestId(root, "settings-ntfy-state"))).toBe("Off: nothing is sent here.");
    input(root, "settings-ntfy-enabled").click();
    type(input(root, "settings-ntfy-topic"), "");
    await save(root);
    expect(fake.backend.saveSettings).toHaveBeenLastCalledWith({ ntfy_enabled: true, ntfy_topic: null });
    expect(text(byTestId(root, "settings-ntfy-state"))).toMatch(/^Not set up/);
  });

  it("an engine that does not know the channels shows no switch and sends none", async () => {
    const view = settingsView();
    delete (view as Partial<typeof view>).channels;
    const fake = fakeBackend({ settings: view });
    const { root } = await openSettings(fake);
    expect(input(root, "settings-ntfy-enabled").closest("[hidden]")).not.toBeNull();
    type(input(root, "interval"), "1h");
    await save(root);
    expect(fake.backend.saveSettings).toHaveBeenCalledWith({ interval: "1h" });
  });
});

describe("secrets", () => {
  it.each([
    ["settings-ntfy-token", "ntfy-token", "settings-ntfy-token-state", "tk_abcdefghijklmnop"],
    ["settings-webhook-secret", "webhook-secret", "settings-webhook-secret-state", "s3cret-shared"],
  ] as const)("%s is sent with set_secret as %s and cleared once stored", async (testid, name, state, value) => {
    const fake = fakeBackend();
    const { root } = await openSettings(fake);
    expect(text(byTestId(root, state))).toBe("not set");
    type(input(root, testid), value);
    await save(root);
    expect(fake.backend.setSecret).toHaveBeenCalledTimes(1);
    expect(fake.backend.setSecret).toHaveBeenCalledWith(name, value);
    expect(fake.backend.saveSettings).not.toHaveBeenCalled();
    expect(input(root, testid).value).toBe("");
    expect(text(byTestId(root, state))).toBe("saved");
    expect(root.textContent).not.toContain(value);
  });

  it("one that cannot be stored stays typed, its error next to it", async () => {
    const fake = fakeBackend();
    fake.backend.setSecret.mockRejectedValueOnce(new IpcError("keyring", "the keyring is locked: unlock it and save again"));
    const { root } = await openSettings(fake);
    type(input(root, "settings-webhook-secret"), "abc");
    await save(root);
    expect(text(byTestId(root, "field-error-webhook_secret"))).toBe("the keyring is locked: unlock it and save again");
    expect(input(root, "settings-webhook-secret").value).toBe("abc");
    expect(text(byTestId(root, "settings-result"))).toMatch(/Not saved/);
  });
});

describe("errors", () => {
  it.each([
    ["ntfy_topic", "settings-ntfy-topic", "nw-topic"],
    ["ntfy_url", "settings-ntfy-url", "https://ntfy.example"],
    ["webhook_url", "settings-webhook-url", "https://hooks.example"],
    ["web_public_url", "settings-web-public-url", "https://nas.local"],
    ["telegram_user_ids", "settings-telegram-user-ids", "12"],
    ["ntfy_priority", "settings-ntfy-priority", null],
  ])("the engine's validation error on %s is shown next to it", async (field, testid, value) => {
    const fake = fakeBackend();
    fake.backend.saveSettings.mockRejectedValueOnce(new IpcError("validation", `${field}: refused <b>here</b>`, field));
    const { root } = await openSettings(fake);
    if (value === null) type(select(root, testid), "low");
    else type(input(root, testid), value);
    await save(root);
    const error = byTestId(root, `field-error-${field}`);
    expect(error.hidden).toBe(false);
    expect(error.textContent).toBe(`${field}: refused <b>here</b>`);
    expect(error.querySelector("b")).toBeNull();
    expect(text(byTestId(root, "settings-result"))).toBe("Not saved: see the message next to the field.");
    for (const other of ["ntfy_topic", "webhook_url", "interval", "prowlarr_url"].filter((f) => f !== field)) {
      expect(byTestId(root, `field-error-${other}`).hidden, other).toBe(true);
    }
    // The next save clears it.
    await save(root);
    expect(error.hidden).toBe(true);
  });

  it.each([
    ["settings-ntfy-topic", "ntfy_topic", "my topic", /letters, digits/],
    ["settings-ntfy-topic", "ntfy_topic", "x".repeat(65), /1 to 64/],
    ["settings-ntfy-url", "ntfy_url", "ntfy.example", /http\(s\) URL/],
    ["settings-webhook-url", "webhook_url", "ftp://hooks.example", /http\(s\) URL/],
    ["settings-web-public-url", "web_public_url", "nas.local:8711", /http\(s\) URL/],
    ["settings-telegram-user-ids", "telegram_user_ids", "@ada", /user ids/],
    ["settings-telegram-user-ids", "telegram_user_ids", "12,0", /user ids/],
  ])("%s refuses %j before sending", async (testid, field, value, message) => {
    const fake = fakeBackend();
    const { root } = await openSettings(fake);
    type(input(root, testid), value);
    await save(root);
    expect(text(byTestId(root, `field-error-${field}`))).toMatch(message);
    expect(fake.backend.saveSettings).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(input(root, testid));
  });

  it("a refusal about no field of the form is shown above the buttons", async () => {
    const fake = fakeBackend();
    fake.backend.saveSettings.mockRejectedValueOnce(new IpcError("internal", "the database is locked"));
    const { root } = await openSettings(fake);
    type(input(root, "settings-ntfy-topic"), "nw");
    await save(root);
    expect(text(byTestId(root, "settings-result"))).toBe("the database is locked");
    expect(byTestId(root, "field-error-ntfy_topic").hidden).toBe(true);
  });
});

describe("Send test message", () => {
  const buttons: Array<[ChannelId, string, string, RegExp]> = [
    ["telegram", "send-test-message", "send-test-result", /check your Telegram chat/],
    ["ntfy", "settings-ntfy-test", "settings-ntfy-test-result", /ntfy app/],
    ["webhook", "settings-webhook-test", "settings-webhook-test-result", /webhook accepted it/],
  ];

  it.each(buttons)("%s: its button sends on that channel and says so beside it", async (channel, button, result, sent) => {
    const fake = fakeBackend();
    const { root } = await openSettings(fake);
    expect(text(byTestId(root, button))).toBe("Send test message");
    byTestId(root, button).click();
    await flush();
    expect(fake.backend.sendTestMessage).toHaveBeenCalledTimes(1);
    expect(fake.backend.sendTestMessage).toHaveBeenCalledWith(channel);
    expect(text(byTestId(root, result))).toMatch(sent);
    expect(byTestId(root, result).classList.contains("ok")).toBe(true);
    for (const [, , other] of buttons.filter(([c]) => c !== channel)) {
      expect(byTestId(root, other).hidden, other).toBe(true);
    }
  });

  it.each(buttons)("%s: what the channel said is shown as text beside its button", async (channel, button, result) => {
    const fake = fakeBackend();
    const said = `${channel} said: 403 <img src=x onerror="window.__nw=1"> forbidden`;
    fake.backend.sendTestMessage.mockRejectedValueOnce(new IpcError(channel === "telegram" ? "telegram" : "channel", said));
    const { root } = await openSettings(fake);
    byTestId(root, button).click();
    await flush();
    expect(byTestId(root, result).textContent).toBe(said);
    expect(byTestId(root, result).classList.contains("error")).toBe(true);
    expect(root.querySelector("img")).toBeNull();
    expect(byTestId<HTMLButtonElement>(root, button).disabled).toBe(false);
  });

  it("saves pending edits first, since the engine sends with the stored settings", async () => {
    const fake = fakeBackend();
    const { root } = await openSettings(fake);
    type(input(root, "settings-ntfy-topic"), "nw-topic");
    type(input(root, "settings-ntfy-token"), "tk_123");
    byTestId(root, "settings-ntfy-test").click();
    await flush();
    expect(fake.backend.saveSettings).toHaveBeenCalledWith({ ntfy_topic: "nw-topic" });
    expect(fake.backend.setSecret).toHaveBeenCalledWith("ntfy-token", "tk_123");
    const saved = Math.max(
      fake.backend.saveSettings.mock.invocationCallOrder[0] ?? Infinity,
      fake.backend.setSecret.mock.invocationCallOrder[0] ?? Infinity,
    );
    expect(saved).toBeLessThan(fake.backend.sendTestMessage.mock.invocationCallOrder[0] ?? -Infinity);
    expect(fake.backend.sendTestMessage).toHaveBeenCalledWith("ntfy");
  });

  it("does not send when the pending edits are refused, and says why at the field", async () => {
    const fake = fakeBackend();
    fake.backend.saveSettings.mockRejectedValueOnce(
      new IpcError("validation", "webhook_url: must not carry credentials", "webhook_url"),
    );
    const { root } = await openSettings(fake);
    type(input(root, "settings-webhook-url"), "https://user:pw@hooks.example");
    byTestId(root, "settings-webhook-test").click();
    await flush();
    expect(fake.backend.sendTestMessage).not.toHaveBeenCalled();
    expect(text(byTestId(root, "field-error-webhook_url"))).toBe("webhook_url: must not carry credentials");
    expect(text(byTestId(root, "settings-webhook-test-result"))).toMatch(/Fix the settings above first/);
  });

  it("with nothing pending, sends at once", async () => {
    const fake = fakeBackend();
    const { root } = await openSettings(fake);
    byTestId(root, "settings-webhook-test").click();
    await flush();
    expect(fake.backend.saveSettings).not.toHaveBeenCalled();
    expect(fake.backend.setSecret).not.toHaveBeenCalled();
    expect(fake.backend.sendTestMessage).toHaveBeenCalledWith("webhook");
  });
});

describe("hostile values", () => {
  it("stored values are shown as text in the inputs", async () => {
    const hostile = '"><img src=x onerror="window.__nwc=1">';
    const fake = fakeBackend({
      settings: settingsView({ webhook_url: `https://x.example/?q=${hostile}`, web_public_url: `https://x.example/${hostile}` }),
    });
    const { root } = await openSettings(fake);
    expect(input(root, "settings-webhook-url").value).toBe(`https://x.example/?q=${hostile}`);
    expect(root.querySelector("img")).toBeNull();
  });
});
