/**
 * Labelled inputs with an error line each, for the item form and its filters section.
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
