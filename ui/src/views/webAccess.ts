/**
 * Settings → Web access: the web password (for the browser UI) and the API key (for scripts and a desktop app
 * attached to this engine), in the window and in a browser alike.
 *
 * Both are write-only, like the other secrets: `SettingsView` only says `saved` / `not set`, the password
 * inputs are never filled and are cleared once the password is stored. The one exception is a new API key,
 * which the engine answers once (only its hash is kept): it is shown in a read-only field with a hint to copy
 * it now, and is gone with the page. Making a new key while one exists asks first, since the old one stops
 * working at once.
 */

import type { Context } from "../context";
import { h, setText, showMessage } from "../dom";
import { asIpcError, type SettingsView } from "../types";
import { accountName } from "./login";

/** The engine's bounds (`MIN_PASSWORD_CHARS` / `MAX_PASSWORD_CHARS` in crates/engine/src/access.rs), in characters. */
export const MIN_PASSWORD_CHARS = 8;
export const MAX_PASSWORD_CHARS = 1024;

type State = "saved" | "not set";
type PasswordField = "web_password" | "web_password_confirm";

export class WebAccessSection {
  readonly element: HTMLElement;
  private readonly passwordState: HTMLElement;
  private readonly inputs = {} as Record<PasswordField, HTMLInputElement>;
  private readonly errors = {} as Record<PasswordField, HTMLElement>;
  private readonly passwordButton: HTMLButtonElement;
  private readonly passwordResult: HTMLElement;
  private readonly keyState: HTMLElement;
  private readonly keyButton: HTMLButtonElement;
  private readonly keyConfirm: HTMLElement;
  private readonly keyResult: HTMLElement;
  private readonly keyDisplay: HTMLElement;
  private readonly keyValue: HTMLInputElement;
  private readonly copyButton: HTMLButtonElement;
  private readonly copyResult: HTMLElement;
  private apiKeyState: State = "not set";

  constructor(private readonly ctx: Context) {
    const browser = ctx.backend.isBrowser();
    this.passwordState = h("span", { class: "secret-state", testid: "web-password-state" });
    this.keyState = h("span", { class: "secret-state", testid: "web-api-key-state" });
    this.passwordButton = h(
      "button",
      { class: "primary", testid: "set-web-password", attrs: { type: "submit" } },
      "Set password",
    );
    this.passwordResult = h("p", {
      class: "message",
      testid: "web-password-result",
      attrs: { role: "status", hidden: true },
    });

    this.keyButton = h(
      "button",
      { testid: "new-api-key", attrs: { type: "button" }, on: { click: () => this.askNewKey() } },
      "New API key",
    );
    this.keyConfirm = h(
      "div",
      { class: "confirm", testid: "new-api-key-confirm-box", attrs: { hidden: true } },
      h(
        "p",
        { class: "hint", testid: "new-api-key-warning" },
        "The current key stops working at once: every script and attached app using it needs the new one.",
      ),
      h(
        "div",
        { class: "actions" },
        h(
          "button",
          { class: "danger", testid: "new-api-key-confirm", attrs: { type: "button" }, on: { click: () => void this.newKey() } },
          "Replace the key",
        ),
        h(
          "button",
          { testid: "new-api-key-cancel", attrs: { type: "button" }, on: { click: () => this.cancelNewKey() } },
          "Cancel",
        ),
      ),
    );
    this.keyResult = h("p", { class: "message", testid: "api-key-result", attrs: { role: "status", hidden: true } });
    this.keyValue = h("input", {
      class: "api-key-value",
      testid: "api-key-value",
      attrs: {
        id: "web-api-key-value",
        type: "text",
        readonly: true,
        autocomplete: "off",
        spellcheck: "false",
        "aria-describedby": "web-api-key-value-hint",
      },
      on: { focus: () => this.keyValue.select() },
    });
    this.copyButton = h(
      "button",
      { testid: "api-key-copy", attrs: { type: "button" }, on: { click: () => void this.copy() } },
      "Copy",
    );
    this.copyResult = h("span", { class: "hint", testid: "api-key-copy-result", attrs: { role: "status" } });
    this.keyDisplay = h(
      "div",
      { class: "field", testid: "api-key-display", attrs: { hidden: true } },
      h("label", { attrs: { for: "web-api-key-value" } }, "New API key"),
      h("div", { class: "inline" }, this.keyValue, this.copyButton, this.copyResult),
      h(
        "p",
        { class: "hint", attrs: { id: "web-api-key-value-hint" } },
        "Copy it now: it is shown only this once and cannot be read back. The old key no longer works. " +
          "Scripts send it in the X-Api-Key header.",
      ),
    );

    const passwordForm = h(
      "form",
      {
        class: "web-password-form",
        testid: "web-password-form",
        attrs: { novalidate: true },
        on: {
          submit: (event) => {
            event.preventDefault();
            void this.setPassword();
          },
        },
      },
      h(
        "div",
        { class: "label-row" },
        h("strong", {}, "Web password"),
        this.passwordState,
      ),
      h(
        "p",
        { class: "hint" },
        "The password for opening NightWatcher in a browser, when its web server is on. " +
          `At least ${MIN_PASSWORD_CHARS} characters.`,
      ),
      browser
        ? h(
            "p",
            { class: "hint", testid: "web-password-browser-note" },
            "Changing it logs every browser out, this one too: you then log in again with the new password.",
          )
        : null,
      accountName(),
      this.passwordField("web_password", "New password"),
      this.passwordField("web_password_confirm", "Repeat it"),
      h("div", { class: "actions" }, this.passwordButton),
      this.passwordResult,
    );

    this.element = h(
      "section",
      { class: "settings-form web-access", testid: "web-access", attrs: { "aria-labelledby": "web-access-heading" } },
      h(
        "fieldset",
        {},
        h("legend", { attrs: { id: "web-access-heading" } }, "Web access"),
        passwordForm,
        h(
          "div",
          { class: "api-key" },
          h("div", { class: "label-row" }, h("strong", {}, "API key"), this.keyState),
          h(
            "p",
            { class: "hint" },
            "For scripts and for a NightWatcher app attached to this one. A new key replaces the old one, " +
              "which stops working.",
          ),
          h("div", { class: "actions" }, this.keyButton),
          this.keyConfirm,
          this.keyResult,
          this.keyDisplay,
        ),
      ),
    );
  }

  private passwordField(name: PasswordField, label: string): HTMLElement {
    const id = `settings-${name}`;
    this.inputs[name] = h("input", {
      testid: name,
      attrs: {
        id,
        name,
        type: "password",
        autocomplete: "new-password",
        spellcheck: "false",
        "aria-describedby": `${id}-error`,
      },
    });
    this.errors[name] = h("p", {
      class: "field-error",
      testid: `field-error-${name}`,
      attrs: { id: `${id}-error`, hidden: true },
    });
    return h(
      "div",
      { class: "field", attrs: { "data-field": name } },
      h("label", { attrs: { for: id } }, label),
      this.inputs[name],
      this.errors[name],
    );
  }

  /** Shows whether a password and a key are set; never their values, which the view does not hold. */
  update(view: Pick<SettingsView, "web_password" | "web_api_key">): void {
    showState(this.passwordState, view.web_password);
    setText(this.passwordButton, view.web_password === "saved" ? "Change password" : "Set password");
    this.apiKeyState = view.web_api_key;
    showState(this.keyState, view.web_api_key);
  }

  private showFieldError(name: PasswordField, message: string): void {
    showMessage(this.errors[name], message, "error");
    this.inputs[name].closest(".field")?.classList.toggle("invalid", message !== "");
  }

  /** The typed password, or null after showing what is wrong with it. */
  private checkedPassword(): string | null {
    const password = this.inputs.web_password.value;
    const again = this.inputs.web_password_confirm.value;
    const chars = [...password].length;
    let problem: [PasswordField, string] | null = null;
    if (password === "") problem = ["web_password", "Type the new password"];
    else if (chars < MIN_PASSWORD_CHARS) {
      problem = ["web_password", `Must have at least ${MIN_PASSWORD_CHARS} characters (this one has ${chars})`];
    } else if (chars > MAX_PASSWORD_CHARS) {
      problem = ["web_password", `Must have at most ${MAX_PASSWORD_CHARS} characters`];
    } else if (again !== password) problem = ["web_password_confirm", "The two passwords differ: type it again"];
    if (problem === null) return password;
    this.showFieldError(problem[0], problem[1]);
    this.inputs[problem[0]].focus();
    return null;
  }

  async setPassword(): Promise<void> {
    this.showFieldError("web_password", "");
    this.showFieldError("web_password_confirm", "");
    showMessage(this.passwordResult, "");
    const password = this.checkedPassword();
    if (password === null) return;
    this.passwordButton.disabled = true;
    try {
      await this.ctx.backend.setWebPassword(password);
    } catch (e) {
      const error = asIpcError(e);
      if (error.field === "password") this.showFieldError("web_password", error.message);
      else showMessage(this.passwordResult, error.message, "error");
      return;
    } finally {
      this.passwordButton.disabled = false;
    }
    // Stored (as a hash): it must not linger in the page.
    this.inputs.web_password.value = "";
    this.inputs.web_password_confirm.value = "";
    showMessage(
      this.passwordResult,
      this.ctx.backend.isBrowser()
        ? "Web password saved. Every browser was logged out: log in again with the new password."
        : "Web password saved. Browsers that were logged in must log in again with it.",
      "ok",
    );
    showState(this.passwordState, "saved");
    setText(this.passwordButton, "Change password");
    // In a browser this session has just ended: asking again brings up the login page (a 401).
    void this.refresh();
  }

  private async refresh(): Promise<void> {
    try {
      this.update(await this.ctx.backend.getSettings());
    } catch {
      // Shown where it belongs: a 401 as the login page, anything else on the next load.
    }
  }

  private askNewKey(): void {
    showMessage(this.keyResult, "");
    if (this.apiKeyState === "saved") {
      this.keyConfirm.hidden = false;
      this.keyButton.disabled = true;
      return;
    }
    void this.newKey();
  }

  private cancelNewKey(): void {
    this.keyConfirm.hidden = true;
    this.keyButton.disabled = false;
  }

  async newKey(): Promise<void> {
    this.keyConfirm.hidden = true;
    this.keyButton.disabled = true;
    showMessage(this.keyResult, "");
    try {
      const key = await this.ctx.backend.newApiKey();
      this.keyValue.value = key;
      setText(this.copyResult, "");
      this.keyDisplay.hidden = false;
      this.apiKeyState = "saved";
      showState(this.keyState, "saved");
      this.keyValue.focus();
    } catch (e) {
      showMessage(this.keyResult, asIpcError(e).message, "error");
    } finally {
      this.keyButton.disabled = false;
    }
  }

  private async copy(): Promise<void> {
    this.keyValue.focus();
    this.keyValue.select();
    try {
      if (navigator.clipboard === undefined) throw new Error("no clipboard");
      await navigator.clipboard.writeText(this.keyValue.value);
      setText(this.copyResult, "Copied.");
    } catch {
      // Over plain http a browser gives no clipboard to scripts; the key is selected for Ctrl+C.
      setText(this.copyResult, "Selected: press Ctrl+C (⌘C) to copy it.");
    }
  }
}

function showState(el: HTMLElement, state: State): void {
  setText(el, state);
  el.className = `secret-state state-${state.replace(" ", "-")}`;
}
