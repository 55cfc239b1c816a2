import { describe, expect, it, vi } from "vitest";
import { IpcError } from "../src/types";
import { byTestId, fakeBackend, flush, mount, settingsView, text, type } from "./helpers";

async function openSettings(fake = fakeBackend()) {
  const { root, app } = await mount(fake);
  byTestId(root, "nav-settings").click();
  return { fake, root, app };
}

const input = (root: HTMLElement, id: string) => byTestId<HTMLInputElement>(root, id);

async function setPassword(root: HTMLElement, password: string, again = password): Promise<void> {
  type(input(root, "web_password"), password);
  type(input(root, "web_password_confirm"), again);
  byTestId(root, "set-web-password").click();
  await flush();
}

describe("Web access: the web password", () => {
  it("shows saved / not set, never a value, in two empty password fields", async () => {
    const { root } = await openSettings(fakeBackend({ settings: settingsView({ web_password: "saved" }) }));
    const section = byTestId(root, "web-access");
    expect(text(section.querySelector("legend") as HTMLElement)).toBe("Web access");
    expect(text(byTestId(root, "web-password-state"))).toBe("saved");
    for (const id of ["web_password", "web_password_confirm"]) {
      expect(input(root, id).type).toBe("password");
      expect(input(root, id).value).toBe("");
      expect(input(root, id).getAttribute("autocomplete")).toBe("new-password");
    }
    expect(text(byTestId(root, "set-web-password"))).toBe("Change password");
  });

  it("is set with setWebPassword; the fields are cleared and the state becomes saved", async () => {
    const { root, fake } = await openSettings();
    expect(text(byTestId(root, "web-password-state"))).toBe("not set");
    await setPassword(root, "a long password");
    expect(fake.backend.setWebPassword).toHaveBeenCalledWith("a long password");
    expect(input(root, "web_password").value).toBe("");
    expect(input(root, "web_password_confirm").value).toBe("");
    expect(text(byTestId(root, "web-password-state"))).toBe("saved");
    expect(text(byTestId(root, "web-password-result"))).toMatch(/^Web password saved/);
    expect(root.textContent).not.toContain("a long password");
    // Not the settings form: nothing else was saved.
    expect(fake.backend.saveSettings).not.toHaveBeenCalled();
  });

  it("needs at least 8 characters, counted as characters", async () => {
    const { root, fake } = await openSettings();
    await setPassword(root, "short");
    expect(fake.backend.setWebPassword).not.toHaveBeenCalled();
    expect(text(byTestId(root, "field-error-web_password"))).toBe("Must have at least 8 characters (this one has 5)");
    // Seven characters, though more UTF-16 units.
    await setPassword(root, "😀😀😀😀😀😀😀");
    expect(fake.backend.setWebPassword).not.toHaveBeenCalled();
    await setPassword(root, "😀😀😀😀😀😀😀😀");
    expect(fake.backend.setWebPassword).toHaveBeenCalledTimes(1);
  });

  it("must be typed twice the same", async () => {
    const { root, fake } = await openSettings();
    await setPassword(root, "a long password", "a long passwort");
    expect(fake.backend.setWebPassword).not.toHaveBeenCalled();
    expect(text(byTestId(root, "field-error-web_password_confirm"))).toBe("The two passwords differ: type it again");
    expect(byTestId(root, "field-error-web_password").hidden).toBe(true);
  });

  it("an empty password is not sent", async () => {
    const { root, fake } = await openSettings();
    byTestId(root, "set-web-password").click();
    await flush();
    expect(fake.backend.setWebPassword).not.toHaveBeenCalled();
    expect(text(byTestId(root, "field-error-web_password"))).toBe("Type the new password");
  });

  it("the engine's refusal on `password` is shown next to the field, others below", async () => {
    const { root, fake } = await openSettings();
    fake.backend.setWebPassword.mockRejectedValueOnce(
      new IpcError("validation", "password: the password must have at least 8 characters", "password"),
    );
    await setPassword(root, "a long password");
    expect(text(byTestId(root, "field-error-web_password"))).toBe("password: the password must have at least 8 characters");
    expect(input(root, "web_password").value).toBe("a long password");

    fake.backend.setWebPassword.mockRejectedValueOnce(new IpcError("internal", "the store is read-only"));
    await setPassword(root, "a long password");
    expect(text(byTestId(root, "web-password-result"))).toBe("the store is read-only");
    expect(text(byTestId(root, "web-password-state"))).toBe("not set");
  });

  it("in the window, no note about logging browsers out", async () => {
    const { root } = await openSettings(fakeBackend({ browser: false }));
    expect(root.querySelector('[data-testid="web-password-browser-note"]')).toBeNull();
  });

  it("in a browser, says that changing it logs every browser out, and then asks again (the 401 logs in)", async () => {
    const fake = fakeBackend({ browser: true });
    const { root } = await openSettings(fake);
    expect(text(byTestId(root, "web-password-browser-note"))).toMatch(/logs every browser out/);
    fake.backend.getSettings.mockClear();
    await setPassword(root, "a long password");
    expect(text(byTestId(root, "web-password-result"))).toMatch(/log in again/);
    expect(fake.backend.getSettings).toHaveBeenCalledTimes(1);
  });

  it("Enter in a password field sets the password, not the other settings", async () => {
    const { root, fake } = await openSettings();
    type(input(root, "interval"), "2h");
    type(input(root, "web_password"), "a long password");
    type(input(root, "web_password_confirm"), "a long password");
    byTestId<HTMLFormElement>(root, "web-password-form").requestSubmit();
    await flush();
    expect(fake.backend.setWebPassword).toHaveBeenCalledTimes(1);
    expect(fake.backend.saveSettings).not.toHaveBeenCalled();
    // The unsaved edit in the settings form is kept.
    expect(input(root, "interval").value).toBe("2h");
  });
});

describe("Web access: the API key", () => {
  it("no key yet: New API key makes one and shows it once, with a copy hint", async () => {
    const { root, fake } = await openSettings();
    expect(text(byTestId(root, "web-api-key-state"))).toBe("not set");
    expect(byTestId(root, "api-key-display").hidden).toBe(true);
    byTestId(root, "new-api-key").click();
    await flush();
    expect(fake.backend.newApiKey).toHaveBeenCalledTimes(1);
    const display = byTestId(root, "api-key-display");
    expect(display.hidden).toBe(false);
    expect(input(root, "api-key-value").value).toBe("0123456789abcdef".repeat(4));
    expect(input(root, "api-key-value").readOnly).toBe(true);
    expect(text(display)).toMatch(/Copy it now: it is shown only this once/);
    expect(text(display)).toMatch(/old key no longer works/);
    expect(text(byTestId(root, "web-api-key-state"))).toBe("saved");
  });

  it("with a key: asks first, says the old one stops working; Cancel makes none", async () => {
    const { root, fake } = await openSettings(fakeBackend({ settings: settingsView({ web_api_key: "saved" }) }));
    expect(text(byTestId(root, "web-api-key-state"))).toBe("saved");
    byTestId(root, "new-api-key").click();
    await flush();
    expect(fake.backend.newApiKey).not.toHaveBeenCalled();
    expect(byTestId(root, "new-api-key-confirm-box").hidden).toBe(false);
    expect(text(byTestId(root, "new-api-key-warning"))).toMatch(/stops working/);
    byTestId(root, "new-api-key-cancel").click();
    expect(byTestId(root, "new-api-key-confirm-box").hidden).toBe(true);
    expect(fake.backend.newApiKey).not.toHaveBeenCalled();

    byTestId(root, "new-api-key").click();
    byTestId(root, "new-api-key-confirm").click();
    await flush();
    expect(fake.backend.newApiKey).toHaveBeenCalledTimes(1);
    expect(byTestId(root, "api-key-display").hidden).toBe(false);
  });

  it("a failure is shown and no key is displayed", async () => {
    const { root, fake } = await openSettings();
    fake.backend.newApiKey.mockRejectedValueOnce(new IpcError("internal", "the store is read-only"));
    byTestId(root, "new-api-key").click();
    await flush();
    expect(text(byTestId(root, "api-key-result"))).toBe("the store is read-only");
    expect(byTestId(root, "api-key-display").hidden).toBe(true);
    expect(text(byTestId(root, "web-api-key-state"))).toBe("not set");
  });

  it("Copy writes the key to the clipboard when there is one, else selects it for Ctrl+C", async () => {
    const { root } = await openSettings();
    byTestId(root, "new-api-key").click();
    await flush();
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    byTestId(root, "api-key-copy").click();
    await flush();
    expect(writeText).toHaveBeenCalledWith("0123456789abcdef".repeat(4));
    expect(text(byTestId(root, "api-key-copy-result"))).toBe("Copied.");

    Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
    byTestId(root, "api-key-copy").click();
    await flush();
    expect(text(byTestId(root, "api-key-copy-result"))).toMatch(/Ctrl\+C/);
  });

  it("a reloaded settings view never brings a key back", async () => {
    const fake = fakeBackend({ settings: settingsView({ web_api_key: "saved", web_password: "saved" }) });
    const { root } = await openSettings(fake);
    expect(input(root, "api-key-value").value).toBe("");
    expect(byTestId(root, "api-key-display").hidden).toBe(true);
  });
});
