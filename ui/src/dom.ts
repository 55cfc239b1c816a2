/**
 * A tiny DOM builder that can only produce text.
 *
 * Release titles, indexer names, item titles and error messages come from indexers and users, so they are
 * untrusted. Every string given to `h` becomes a Text node, attributes are set one by one with
 * `setAttribute`, and the helper refuses event-handler and `style` attributes: nothing in the UI ever asks
 * the browser to parse markup, so a hostile release title stays a string. Listeners are attached as
 * functions, which also keeps the app inside its `default-src 'self'` CSP.
 */

export type Child = Node | string | number | null | undefined | false;

type Listeners = { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };

export interface Props {
  class?: string;
  /** The element's `data-testid`, the stable handle for WebDriver and the unit tests. */
  testid?: string;
  attrs?: Record<string, string | number | boolean | null | undefined>;
  on?: Listeners;
}

function refusedAttribute(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith("on") || lower === "style" || lower === "srcdoc";
}

/** Sets one attribute; `true` sets a boolean attribute, `false`/null/undefined removes it. */
export function setAttr(el: Element, name: string, value: string | number | boolean | null | undefined): void {
  if (refusedAttribute(name)) {
    throw new Error(`dom: refusing to set the ${name} attribute; attach a listener or a CSS class instead`);
  }
  if (value === false || value === null || value === undefined) el.removeAttribute(name);
  else el.setAttribute(name, value === true ? "" : String(value));
}

function toNode(child: Exclude<Child, null | undefined | false>): Node {
  return typeof child === "string" || typeof child === "number"
    ? document.createTextNode(String(child))
    : child;
}

/** Appends children, turning strings and numbers into Text nodes and skipping empty values. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(toNode(child));
  }
}

/** Replaces every child of `parent` with `children`. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** Creates an element: `h("td", { class: "title", testid: "found-title" }, release.title)`. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.testid) el.setAttribute("data-testid", props.testid);
  for (const [name, value] of Object.entries(props.attrs ?? {})) setAttr(el, name, value);
  for (const [type, listener] of Object.entries(props.on ?? {})) {
    el.addEventListener(type, listener as EventListener);
  }
  append(el, ...children);
  return el;
}

/** Sets an element's text, replacing whatever it held. */
export function setText(el: Element, text: string): void {
  el.textContent = text;
}

/** Shows a message in `el` (or hides `el` when the message is empty), styled as an error or as news. */
export function showMessage(el: HTMLElement, text: string, tone: "error" | "ok" | "info" = "info"): void {
  el.textContent = text;
  el.hidden = text === "";
  el.classList.toggle("error", tone === "error");
  el.classList.toggle("ok", tone === "ok");
}
