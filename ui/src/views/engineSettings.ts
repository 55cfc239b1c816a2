/**
 * Settings → Engine (the desktop window only): whether NightWatcher's engine runs on this computer or the app
 * is attached to a NightWatcher server (its address and API key). Attached, the watchlist, Found, the settings
 * and the status all come from the server, which keeps watching while this computer sleeps.
 *
 * The API key input is never filled (the app keeps the key in the OS keyring and says only "saved"). "Test
 * connection" asks the server for its version without switching; "Use this server" tests, then switches; the
 * window then reloads, so every view shows the engine now in use.
 */

import type { Context } from "../context";
import { h, showMessage } from "../dom";
import { asIpcError, type EngineView } from "../types";

export class EngineSection {
  readonly element: HTMLElement;
  private view: EngineView | null = null;
  private readonly here: HTMLInputElement;
  private readonly server: HTMLInputElement;
  private readonly url: HTMLInputElement;
  private readonly apiKey: HTMLInputElement;
  private readonly keyState: HTMLElement;
  private readonly serverFields: HTMLElement;
  private readonly result: HTMLElement;
  private readonly testButton: HTMLButtonElement;
  private readonly applyButton: HTMLButtonElement;

  constructor(
    private readonly ctx: Context,
    private readonly reload: () => void = () => window.location.reload(),
  ) {
    const radio = (value: string, label: string, testid: string): [HTMLInputElement, HTMLElement] => {
      const input = h("input", {
        testid,
        attrs: { type: "radio", name: "engine-mode", value, id: `engine-${value}` },
        on: { change: () => this.showFields() },
      });
      return [input, h("div", { class: "inline" }, input, h("label", { attrs: { for: `engine-${value}` } }, label))];
    };
    const [here, hereRow] = radio("local", "This computer", "engine-local");
    const [server, serverRow] = radio("server", "A NightWatcher server", "engine-server");
    this.here = here;
    this.server = server;
    this.url = h("input", {
      testid: "engine-url",
      attrs: { id: "engine-url", type: "url", autocomplete: "off", spellcheck: "false", placeholder: "http://nas.local:8711" },
    });
    this.apiKey = h("input", {
      testid: "engine-api-key",
      attrs: { id: "engine-api-key", type: "password", autocomplete: "new-password", spellcheck: "false" },
    });
    this.keyState = h("span", { class: "secret-state", testid: "engine-key-state" });
    this.result = h("p", { class: "message", testid: "engine-result", attrs: { role: "status", hidden: true } });
    this.testButton = h(
      "button",
      { testid: "engine-test", attrs: { type: "button" }, on: { click: () => void this.test() } },
      "Test connection",
    );
    this.applyButton = h(
      "button",
      { class: "primary", testid: "engine-apply", attrs: { type: "button" }, on: { click: () => void this.apply() } },
      "Use this engine",
    );
    this.serverFields = h(
      "div",
      { testid: "engine-server-fields" },
      h(
        "div",
        { class: "field" },
        h("div", { class: "label-row" }, h("label", { attrs: { for: "engine-url" } }, "Server address")),
        this.url,
        h("p", { class: "hint" }, "Where nightwatcherd serves its web UI, with its URL base if it has one"),
      ),
      h(
        "div",
        { class: "field" },
        h("div", { class: "label-row" }, h("label", { attrs: { for: "engine-api-key" } }, "API key"), this.keyState),
        this.apiKey,
        h("p", { class: "hint" }, "On the server: Settings → Web access → New API key, or nightwatcherd web api-key --new"),
      ),
      h("div", { class: "actions" }, this.testButton),
    );
    this.element = h(
      "fieldset",
      { testid: "engine-section", attrs: { hidden: true } },
      h("legend", {}, "Engine"),
      h(
        "p",
        { class: "hint" },
        "Where NightWatcher watches from. A server (nightwatcherd on an always-on machine) keeps watching while this computer is off; this app then shows and edits its watchlist.",
      ),
      hereRow,
      serverRow,
      this.serverFields,
      this.result,
      h("div", { class: "actions" }, this.applyButton),
    );
  }

  /** Loads where the engine runs; the section stays hidden where there is no choice (in a browser). */
  async load(): Promise<void> {
    try {
      this.show(await this.ctx.backend.getEngine());
      this.element.hidden = false;
    } catch {
      this.element.hidden = true;
    }
  }

  private show(view: EngineView): void {
    this.view = view;
    this.here.checked = view.mode === "local";
    this.server.checked = view.mode === "server";
    this.url.value = view.url ?? "";
    this.keyState.textContent = view.api_key;
    this.showFields();
  }

  private showFields(): void {
    this.serverFields.hidden = !this.server.checked;
  }

  private typedKey(): string | null {
    const key = this.apiKey.value.trim();
    return key === "" ? null : key;
  }

  private async test(): Promise<void> {
    showMessage(this.result, "Connecting…");
    try {
      const { version } = await this.ctx.backend.testEngine(this.url.value.trim(), this.typedKey());
      showMessage(this.result, `Connected to NightWatcher ${version}.`, "ok");
    } catch (error) {
      showMessage(this.result, asIpcError(error).message, "error");
    }
  }

  private async apply(): Promise<void> {
    const toServer = this.server.checked;
    if (!toServer && this.view?.mode === "local") {
      showMessage(this.result, "NightWatcher already runs on this computer.", "ok");
      return;
    }
    showMessage(this.result, toServer ? "Connecting to the server…" : "Starting the engine on this computer…");
    this.applyButton.disabled = true;
    try {
      const view = await this.ctx.backend.setEngine(
        toServer ? { mode: "server", url: this.url.value.trim(), apiKey: this.typedKey() } : { mode: "local" },
      );
      this.apiKey.value = "";
      this.show(view);
      this.reload();
    } catch (error) {
      showMessage(this.result, asIpcError(error).message, "error");
    } finally {
      this.applyButton.disabled = false;
    }
  }
}
