import { describe, expect, it } from "vitest";
import { IpcError } from "../src/types";
import { byTestId, fakeBackend, flush, mount, settingsView, text, type } from "./helpers";

async function openSettings(fake = fakeBackend()) {
  const { root, app } = await mount(fake);
  byTestId(root, "nav-settings").click();
  return { fake, root, app };
}

const input = (root: HTMLElement, id: string) => byTestId<HTMLInputElement>(root, id);

describe("secrets", () => {
  it("are never pre-filled, and their state is shown as saved / not set", async () => {
    const fake = fakeBackend({ settings: settingsView({ prowlarr_api_key: "saved", telegram_bot_token: "not set" }) });
    const { root } = await openSettings(fake);
    for (const id of ["prowlarr_api_key", "telegram_bot_token"]) {
      expect(input(root, id).type).toBe("password");
      expect(input(root, id).value).toBe("");
      expect(input(root, id).getAttribute("value")).toBeNull();
    }
    expect(text(byTestId(root, "prowlarr-key-state"))).toBe("saved");
    expect(text(byTestId(root, "telegram-token-state"))).toBe("not set");
  });

  it("are sent with set_secret and the input is cleared once saved", async () => {
    const fake = fakeBackend({ settings: settingsView({ telegram_bot_token: "not set" }) });
    const { root } = await openSettings(fake);
    type(input(root, "telegram_bot_token"), "123456:ABC-secret");
    byTestId(root, "settings-save").click();
    await flush();
    expect(fake.backend.setSecret).toHaveBeenCalledWith("telegram-bot-token", "123456:ABC-secret");
    expect(fake.backend.setSecret).toHaveBeenCalledTimes(1);
    expect(fake.backend.saveSettings).not.toHaveBeenCalled();
    expect(input(root, "telegram_bot_token").value).toBe("");
    expect(text(byTestId(root, "telegram-token-state"))).toBe("saved");
    expect(root.textContent).not.toContain("123456:ABC-secret");
    expect(text(byTestId(root, "settings-result"))).toBe("Settings saved.");
  });

  it("a secret that cannot be stored stays typed and its error is shown next to it", async () => {
    const fake = fakeBackend();
    fake.backend.setSecret.mockRejectedValueOnce(
      new IpcError("keyring", "the keyring is locked: unlock it and save again"),
    );
    const { root } = await openSettings(fake);
    type(input(root, "prowlarr_api_key"), "k3y");
    byTestId(root, "settings-save").click();
    await flush();
    expect(text(byTestId(root, "field-error-prowlarr_api_key"))).toBe("the keyring is locked: unlock it and save again");
    expect(input(root, "prowlarr_api_key").value).toBe("k3y");
  });
});

describe("other settings", () => {
  it("shows the stored values", async () => {
    const { root } = await openSettings(
      fakeBackend({ settings: settingsView({ interval: "1h", concurrency: 3, desktop_notifications: false }) }),
    );
    expect(input(root, "prowlarr_url").value).toBe("http://localhost:9696");
    expect(input(root, "telegram_chat_id").value).toBe("123456789");
    expect(input(root, "interval").value).toBe("1h");
    expect(input(root, "concurrency").value).toBe("3");
    expect(input(root, "desktop_notifications").checked).toBe(false);
  });

  it("sends only what changed", async () => {
    const fake = fakeBackend();
    const { root } = await openSettings(fake);
    type(input(root, "interval"), "30m");
    input(root, "desktop_notifications").click();
    type(input(root, "telegram_chat_id"), "");
    byTestId(root, "settings-save").click();
    await flush();
    expect(fake.backend.saveSettings).toHaveBeenCalledWith({
      interval: "30m",
      desktop_notifications: false,
      telegram_chat_id: null,
    });
    expect(fake.backend.setSecret).not.toHaveBeenCalled();
  });

  it("a server validation error is shown next to the field it names", async () => {
    const fake = fakeBackend();
    fake.backend.saveSettings.mockRejectedValueOnce(
      new IpcError("validation", "prowlarr_url: must not carry a query or credentials", "prowlarr_url"),
    );
    const { root } = await openSettings(fake);
    type(input(root, "prowlarr_url"), "http://user:pw@localhost:9696");
    byTestId(root, "settings-save").click();
    await flush();
    expect(text(byTestId(root, "field-error-prowlarr_url"))).toBe("prowlarr_url: must not carry a query or credentials");
    expect(byTestId(root, "field-error-interval").hidden).toBe(true);
  });

  it("checks concurrency and the URL before sending", async () => {
    const fake = fakeBackend();
    const { root } = await openSettings(fake);
    type(input(root, "concurrency"), "50");
    type(input(root, "prowlarr_url"), "localhost:9696");
    byTestId(root, "settings-save").click();
    await flush();
    expect(text(byTestId(root, "field-error-concurrency"))).toMatch(/1 to 20/);
    expect(text(byTestId(root, "field-error-prowlarr_url"))).toMatch(/http\(s\) URL/);
    expect(fake.backend.saveSettings).not.toHaveBeenCalled();
  });
});

describe("checking: search mode, per-item search interval, budget", () => {
  const select = (root: HTMLElement) => byTestId<HTMLSelectElement>(root, "search_mode");

  it("shows the stored values, feed first as the recommended mode", async () => {
    const { root } = await openSettings(
      fakeBackend({ settings: settingsView({ search_mode: "search_all", search_every: "12h", search_budget: 40 }) }),
    );
    expect(select(root).name).toBe("search_mode");
    expect([...select(root).options].map((o) => o.value)).toEqual(["feed", "search_all"]);
    expect(text(select(root).options[0] as HTMLOptionElement)).toMatch(/recommended/);
    expect(select(root).value).toBe("search_all");
    expect(input(root, "search_every").value).toBe("12h");
    expect(input(root, "search_budget").value).toBe("40");
  });

  it("round trip: changed values are sent with their engine names and shown as stored", async () => {
    const fake = fakeBackend();
    const { root } = await openSettings(fake);
    type(select(root), "search_all");
    type(input(root, "search_every"), "12h");
    type(input(root, "search_budget"), "30");
    byTestId(root, "settings-save").click();
    await flush();
    expect(fake.backend.saveSettings).toHaveBeenCalledWith({
      search_mode: "search_all",
      search_every: "12h",
      search_budget: 30,
    });
    expect(text(byTestId(root, "settings-result"))).toBe("Settings saved.");

    // Saved again unchanged: nothing to send.
    byTestId(root, "settings-save").click();
    await flush();
    expect(fake.backend.saveSettings).toHaveBeenCalledTimes(1);
    expect(text(byTestId(root, "settings-result"))).toMatch(/Nothing to save/);

    // A fresh mount shows what was stored.
    const again = await openSettings(fake);
    expect(select(again.root).value).toBe("search_all");
    expect(input(again.root, "search_every").value).toBe("12h");
    expect(input(again.root, "search_budget").value).toBe("30");
  });

  it("does not send the new fields when they are unchanged", async () => {
    const fake = fakeBackend();
    const { root } = await openSettings(fake);
    type(input(root, "interval"), "30m");
    byTestId(root, "settings-save").click();
    await flush();
    expect(fake.backend.saveSettings).toHaveBeenCalledWith({ interval: "30m" });
  });

  it.each(["0", "-1", "2.5", "many", "", "1001"])("refuses a budget of %j before sending", async (value) => {
    const fake = fakeBackend();
    const { root } = await openSettings(fake);
    type(input(root, "search_budget"), value);
    byTestId(root, "settings-save").click();
    await flush();
    expect(text(byTestId(root, "field-error-search_budget"))).toMatch(/whole number .* from 1 to 1000/);
    expect(fake.backend.saveSettings).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(input(root, "search_budget"));
  });

  it("refuses an empty search interval before sending", async () => {
    const fake = fakeBackend();
    const { root } = await openSettings(fake);
    type(input(root, "search_every"), "  ");
    byTestId(root, "settings-save").click();
    await flush();
    expect(text(byTestId(root, "field-error-search_every"))).toMatch(/duration such as 6h/);
    expect(fake.backend.saveSettings).not.toHaveBeenCalled();
  });

  it("shows the engine's validation error next to the search interval or mode", async () => {
    const fake = fakeBackend();
    fake.backend.saveSettings.mockRejectedValueOnce(
      new IpcError("validation", "search_every: must be between 1h and 7d", "search_every"),
    );
    const { root } = await openSettings(fake);
    type(input(root, "search_every"), "10m");
    byTestId(root, "settings-save").click();
    await flush();
    expect(text(byTestId(root, "field-error-search_every"))).toBe("search_every: must be between 1h and 7d");
    expect(text(byTestId(root, "settings-result"))).toMatch(/Not saved/);

    fake.backend.saveSettings.mockRejectedValueOnce(
      new IpcError("validation", "search_mode: must be feed or search_all", "search_mode"),
    );
    type(input(root, "search_every"), "6h");
    type(select(root), "search_all");
    byTestId(root, "settings-save").click();
    await flush();
    expect(text(byTestId(root, "field-error-search_mode"))).toBe("search_mode: must be feed or search_all");
    expect(byTestId(root, "field-error-search_every").hidden).toBe(true);
  });
});

describe("tests of the connections", () => {
  it("Test connection shows Prowlarr's version and indexer count", async () => {
    const { root, fake } = await openSettings();
    byTestId(root, "test-connection").click();
    await flush();
    expect(fake.backend.testProwlarr).toHaveBeenCalledTimes(1);
    expect(text(byTestId(root, "test-connection-result"))).toBe(
      "Connected to Prowlarr 2.3.6.5176: 12 indexers (10 enabled).",
    );
  });

  it("Test connection shows the precise error", async () => {
    const fake = fakeBackend();
    fake.backend.testProwlarr.mockRejectedValueOnce(
      new IpcError("prowlarr", "Prowlarr refused the API key (401): check it in Settings"),
    );
    const { root } = await openSettings(fake);
    byTestId(root, "test-connection").click();
    await flush();
    const result = byTestId(root, "test-connection-result");
    expect(text(result)).toBe("Prowlarr refused the API key (401): check it in Settings");
    expect(result.classList.contains("error")).toBe(true);
  });

  it("Test connection saves a typed key first, because it tests the stored settings", async () => {
    const fake = fakeBackend({ settings: settingsView({ prowlarr_api_key: "not set", configured: false }) });
    const { root } = await openSettings(fake);
    type(input(root, "prowlarr_api_key"), "abc");
    byTestId(root, "test-connection").click();
    await flush();
    expect(fake.backend.setSecret).toHaveBeenCalledWith("prowlarr-api-key", "abc");
    const saveOrder = fake.backend.setSecret.mock.invocationCallOrder[0] ?? Infinity;
    const testOrder = fake.backend.testProwlarr.mock.invocationCallOrder[0] ?? -Infinity;
    expect(saveOrder).toBeLessThan(testOrder);
  });

  it("Send test message reports success and failure", async () => {
    const fake = fakeBackend();
    const { root } = await openSettings(fake);
    byTestId(root, "send-test-message").click();
    await flush();
    expect(text(byTestId(root, "send-test-result"))).toMatch(/Test message sent/);

    fake.backend.sendTestMessage.mockRejectedValueOnce(
      new IpcError("telegram", "Telegram says: Bad Request: chat not found. Send /start to the bot first."),
    );
    byTestId(root, "send-test-message").click();
    await flush();
    expect(text(byTestId(root, "send-test-result"))).toBe(
      "Telegram says: Bad Request: chat not found. Send /start to the bot first.",
    );
  });
});

describe("Detect the chat id", () => {
  it("fills in the one chat that wrote to the bot", async () => {
    const fake = fakeBackend();
    const { root } = await openSettings(fake);
    byTestId(root, "detect-chat").click();
    await flush();
    expect(fake.backend.detectTelegramChats).toHaveBeenCalledTimes(1);
    expect(byTestId<HTMLInputElement>(root, "telegram_chat_id").value).toBe("424242");
    expect(text(byTestId(root, "detect-chat-result"))).toContain("Ada (private) filled in");
  });

  it("offers each chat when several wrote, as text, and says when none did", async () => {
    const fake = fakeBackend();
    const hostile = '<img src=x onerror="window.__detect=1">';
    fake.backend.detectTelegramChats.mockResolvedValueOnce([
      { id: -1001234567890, name: hostile, kind: "supergroup" },
      { id: 77, name: "Ada", kind: "private" },
    ]);
    const { root } = await openSettings(fake);
    byTestId(root, "detect-chat").click();
    await flush();
    expect(root.querySelector("img")).toBeNull();
    const choices = [...root.querySelectorAll<HTMLButtonElement>('[data-testid="detect-chat-choice"]')];
    expect(choices.map(text)).toEqual([`${hostile} (supergroup, -1001234567890)`, "Ada (private, 77)"]);
    choices[0]?.click();
    expect(byTestId<HTMLInputElement>(root, "telegram_chat_id").value).toBe("-1001234567890");

    fake.backend.detectTelegramChats.mockResolvedValueOnce([]);
    byTestId(root, "detect-chat").click();
    await flush();
    expect(text(byTestId(root, "detect-chat-result"))).toContain("No message reached the bot");
  });
});

describe("first run and keyring problems", () => {
  it("opens Settings with the guide when nothing is configured", async () => {
    const fake = fakeBackend({
      settings: settingsView({
        prowlarr_url: null,
        telegram_chat_id: null,
        prowlarr_api_key: "not set",
        telegram_bot_token: "not set",
        configured: false,
      }),
    });
    const { root, app } = await mount(fake);
    expect(app.currentTab()).toBe("settings");
    expect(byTestId(root, "view-settings").hidden).toBe(false);
    expect(byTestId(root, "view-watchlist").hidden).toBe(true);
    const guide = byTestId(root, "first-run-guide");
    expect(guide.hidden).toBe(false);
    expect(text(guide)).toContain("Settings → General → Security");
    expect(text(guide)).toContain("@BotFather");
    expect(text(guide)).toMatch(/chat id/i);
  });

  it("hides the guide and opens the watchlist once configured", async () => {
    const { root, app } = await mount(fakeBackend());
    expect(app.currentTab()).toBe("watchlist");
    expect(byTestId(root, "first-run-guide").hidden).toBe(true);
  });

  it("hides the guide after the first successful save", async () => {
    const fake = fakeBackend({
      settings: settingsView({ prowlarr_url: null, prowlarr_api_key: "not set", configured: false }),
    });
    const { root } = await mount(fake);
    type(input(root, "prowlarr_url"), "http://localhost:9696");
    type(input(root, "prowlarr_api_key"), "abc");
    byTestId(root, "settings-save").click();
    await flush();
    expect(byTestId(root, "first-run-guide").hidden).toBe(true);
  });

  it("shows the keyring error prominently with what to do", async () => {
    const fake = fakeBackend({
      settings: settingsView({
        prowlarr_api_key: "unavailable",
        telegram_bot_token: "unavailable",
        keyring_error: "The Secret Service is not running (org.freedesktop.secrets was not provided by any service)",
      }),
    });
    const { root } = await openSettings(fake);
    const banner = byTestId(root, "keyring-error");
    expect(banner.hidden).toBe(false);
    expect(banner.getAttribute("role")).toBe("alert");
    expect(text(banner)).toContain("org.freedesktop.secrets was not provided");
    expect(text(banner)).toMatch(/Unlock your keyring/);
    expect(text(byTestId(root, "prowlarr-key-state"))).toBe("unavailable");
  });

  it("shows no keyring banner when the keyring works", async () => {
    const { root } = await openSettings();
    expect(byTestId(root, "keyring-error").hidden).toBe(true);
  });
});
