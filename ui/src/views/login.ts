/**
 * The browser's login page: shown instead of the app when there is no session (a command or the event stream
 * answered 401), and after "Log out". The window never shows it: the app's window needs no password.
 *
 * The password goes to `POST api/v1/login` and nowhere else; the input is cleared after every try. Too many
 * failed tries in a row make the server answer 429 with `Retry-After`, which is shown as the wait.
 */

import { h, showMessage } from "../dom";
import { asIpcError, type Backend } from "../types";

export interface LoginOptions {
  /** Called once the server has accepted the password (the session cookie is set). */
  onLoggedIn: () => void;
}

export class LoginView {
  readonly element: HTMLElement;
  private readonly password: HTMLInputElement;
  private readonly button: HTMLButtonElement;
  private readonly error: HTMLElement;

  constructor(
    private readonly backend: Pick<Backend, "login">,
    private readonly opts: LoginOptions,
  ) {
    this.password = h("input", {
      testid: "login-password",
      attrs: {
        id: "login-password",
        name: "password",
        type: "password",
        autocomplete: "current-password",
        required: true,
        "aria-describedby": "login-error",
      },
    });
    this.button = h("button", { class: "primary", testid: "login-submit", attrs: { type: "submit" } }, "Log in");
    this.error = h("p", {
      class: "message error",
      testid: "login-error",
      attrs: { id: "login-error", role: "alert", hidden: true },
    });
    this.element = h(
      "main",
      { class: "login", testid: "login-view" },
      h(
        "form",
        {
          class: "login-form",
          testid: "login-form",
          attrs: { novalidate: true, "aria-labelledby": "login-heading" },
          on: {
            submit: (event) => {
              event.preventDefault();
              void this.submit();
            },
          },
        },
        h("h1", { attrs: { id: "login-heading" } }, "NightWatcher"),
        accountName(),
        h(
          "div",
          { class: "field" },
          h("label", { attrs: { for: "login-password" } }, "Password"),
          this.password,
          h(
            "p",
            { class: "hint" },
            "The web password, set in NightWatcher's Settings under Web access.",
          ),
        ),
        this.error,
        h("div", { class: "actions" }, this.button),
      ),
    );
  }

  /** Puts the cursor in the password field (once the view is in the document). */
  focus(): void {
    this.password.focus();
  }

  /** Sends the typed password; resolves once the answer is shown or `onLoggedIn` was called. */
  async submit(): Promise<void> {
    const password = this.password.value;
    if (password === "") {
      showMessage(this.error, "Enter the password.", "error");
      this.focus();
      return;
    }
    showMessage(this.error, "");
    this.button.disabled = true;
    try {
      await this.backend.login(password);
    } catch (e) {
      const error = asIpcError(e);
      this.password.value = "";
      showMessage(this.error, loginErrorText(error.kind, error.message, error.retryAfter), "error");
      this.focus();
      return;
    } finally {
      this.button.disabled = false;
    }
    this.password.value = "";
    this.opts.onLoggedIn();
  }
}

/**
 * There is one account, so no user name to type; a hidden, fixed one lets password managers store and fill
 * the password (browsers expect a username field next to a password). Shared with Settings → Web access.
 */
export function accountName(): HTMLInputElement {
  return h("input", {
    attrs: {
      type: "text",
      name: "username",
      autocomplete: "username",
      value: "nightwatcher",
      readonly: true,
      hidden: true,
      tabindex: -1,
      "aria-hidden": "true",
    },
  });
}

function loginErrorText(kind: string, message: string, retryAfter: number | null): string {
  if (kind === "too_many_requests") {
    return retryAfter === null ? "Too many failed tries: wait a moment" : `Too many failed tries: wait ${retryAfter} s`;
  }
  if (kind === "unauthorized") return message === "" ? "Wrong password." : message;
  return message;
}
