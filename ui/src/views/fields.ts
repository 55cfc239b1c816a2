/**
 * Labelled inputs with an error line each, for the item form and its filters section (`Fields`), and for
 * Settings (`settingInput`, `settingField`: the same layout, with `settings-<name>` ids).
 *
 * Every field is a wrapper `[data-field=<name>]` holding its label, control, hint and a `field-error-<name>`
 * line linked to the control through `aria-describedby`; `show` puts one message per field, so an error
 * from the client rules and one from the server (`IpcError.field`) land in the same place.
 */

import { h, setAttr, showMessage } from "../dom";

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** `filters.min_size_mb` → `item-filters-min_size_mb`: an id that needs no escaping in a CSS selector. */
function idOf(name: string): string {
  return `item-${name.replace(/\./g, "-")}`;
}

export class Fields<F extends string> {
  private readonly wrappers = new Map<F, HTMLElement>();
  private readonly errors = new Map<F, HTMLElement>();
  private readonly focusTargets = new Map<F, HTMLElement>();
  private readonly controls = new Map<F, Control[]>();

  /** One control with its label. `testid` is for inputs that WebDriver finds by id rather than by name. */
  field(name: F, label: string, control: Control, hint?: string, testid?: string): HTMLElement {
    const id = idOf(name);
    control.id = id;
    control.name = name;
    if (testid) control.setAttribute("data-testid", testid);
    this.register(name, [control], control);
    if (hint) setAttr(control, "aria-describedby", `${id}-error ${id}-hint`);
    return this.wrap(
      name,
      "div",
      h("label", { attrs: { for: id } }, label),
      control,
      hint ? h("p", { class: "hint", attrs: { id: `${id}-hint` } }, hint) : null,
    );
  }

  /** A group of checkboxes sharing `name`, one per value, under a legend. */
  checkboxes(
    name: F,
    legend: string,
    choices: readonly string[],
    testid: (value: string) => string,
    hint?: string,
  ): HTMLElement {
    const id = idOf(name);
    const boxes = choices.map((value) =>
      h("input", { testid: testid(value), attrs: { type: "checkbox", name, value, id: `${id}-${value}` } }),
    );
    this.register(name, boxes, boxes[0] ?? h("span"));
    return this.wrap(
      name,
      "fieldset",
      h("legend", {}, legend),
      h(
        "div",
        { class: "choices" },
        ...boxes.map((box) => h("label", { class: "choice", attrs: { for: box.id } }, box, box.value)),
      ),
      hint ? h("p", { class: "hint" }, hint) : null,
    );
  }

  wrapper(name: F): HTMLElement {
    const el = this.wrappers.get(name);
    if (el === undefined) throw new Error(`no field ${name}`);
    return el;
  }

  /** The values of a checkbox group's checked boxes. */
  checked(name: F): string[] {
    return (this.controls.get(name) ?? [])
      .filter((c): c is HTMLInputElement => c instanceof HTMLInputElement && c.checked)
      .map((c) => c.value);
  }

  setChecked(name: F, values: readonly string[]): void {
    for (const c of this.controls.get(name) ?? []) {
      if (c instanceof HTMLInputElement) c.checked = values.includes(c.value);
    }
  }

  /** Shows `errors[name]` next to each field (and clears the others). */
  show(errors: Partial<Record<F, string>>): void {
    for (const [name, el] of this.errors) {
      const message = errors[name] ?? "";
      showMessage(el, message, "error");
      this.wrapper(name).classList.toggle("invalid", message !== "");
      for (const control of this.controls.get(name) ?? []) {
        setAttr(control, "aria-invalid", message !== "" ? "true" : null);
      }
    }
  }

  focus(name: F): void {
    this.focusTargets.get(name)?.focus();
  }

  private register(name: F, controls: Control[], focusTarget: HTMLElement): void {
    const id = idOf(name);
    for (const control of controls) setAttr(control, "aria-describedby", `${id}-error`);
    this.controls.set(name, controls);
    this.focusTargets.set(name, focusTarget);
    this.errors.set(
      name,
      h("p", { class: "field-error", testid: `field-error-${name}`, attrs: { id: `${id}-error`, hidden: true } }),
    );
  }

  private wrap(name: F, tag: "div" | "fieldset", ...children: Array<HTMLElement | null>): HTMLElement {
    const el = h(tag, { class: "field", attrs: { "data-field": name } }, ...children, this.errors.get(name));
    this.wrappers.set(name, el);
    return el;
  }
}

/** The kinds of `<input>` Settings uses. */
export type SettingInputType = "text" | "url" | "password" | "number" | "checkbox";

/**
 * One of Settings' inputs: `id` `settings-<name>`, `name` the setting's engine key (so a validation error's
 * `field` names it), `data-testid` `testid` (the name when not given), described by its error line and hint.
 */
export function settingInput(
  name: string,
  type: SettingInputType,
  more: { testid?: string; range?: { min: number; max: number } } = {},
): HTMLInputElement {
  const id = `settings-${name}`;
  return h("input", {
    testid: more.testid ?? name,
    attrs: {
      id,
      name,
      type,
      autocomplete: type === "password" ? "new-password" : "off",
      spellcheck: type === "checkbox" ? null : "false",
      "aria-describedby": `${id}-error ${id}-hint`,
      min: more.range?.min ?? null,
      max: more.range?.max ?? null,
    },
  });
}

/** A setting's error line, `field-error-<name>`, hidden while empty. */
export function settingError(name: string): HTMLElement {
  return h("p", { class: "field-error", testid: `field-error-${name}`, attrs: { id: `settings-${name}-error`, hidden: true } });
}

/**
 * A setting's wrapper `[data-field=<name>]`: its label (with `state` beside it, such as a secret's "saved"),
 * the control, the hint and the error line. A checkbox has its label after it, on one line.
 */
export function settingField(
  name: string,
  label: string,
  control: HTMLInputElement | HTMLSelectElement,
  hint: string,
  error: HTMLElement,
  state: HTMLElement | null = null,
): HTMLElement {
  const id = control.id;
  const labelEl = h("label", { attrs: { for: id } }, label);
  const hintEl = h("p", { class: "hint", attrs: { id: `${id}-hint` } }, hint);
  if (control instanceof HTMLInputElement && control.type === "checkbox") {
    return h(
      "div",
      { class: "field checkbox", attrs: { "data-field": name } },
      h("div", { class: "inline" }, control, labelEl),
      hintEl,
      error,
    );
  }
  return h(
    "div",
    { class: "field", attrs: { "data-field": name } },
    h("div", { class: "label-row" }, labelEl, state),
    control,
    hintEl,
    error,
  );
}
