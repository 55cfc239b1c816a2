import { describe, expect, it } from "vitest";
import { h, replace, setAttr, showMessage } from "../src/dom";
import { formatAge, formatClock, formatMiB, formatMillis, formatSize, isWebUrl, plural } from "../src/format";

describe("dom helper", () => {
  it("turns strings into text nodes", () => {
    const el = h("p", {}, "<b>bold</b>", 3);
    expect(el.childNodes).toHaveLength(2);
    expect(el.querySelector("b")).toBeNull();
    expect(el.textContent).toBe("<b>bold</b>3");
  });

  it("sets class, test id and attributes, and skips empty children", () => {
    const el = h("input", { class: "a b", testid: "x", attrs: { type: "text", disabled: true, title: null } }, null, false);
    expect(el.className).toBe("a b");
    expect(el.dataset.testid).toBe("x");
    expect(el.disabled).toBe(true);
    expect(el.hasAttribute("title")).toBe(false);
  });

  it("refuses event-handler and style attributes", () => {
    expect(() => h("div", { attrs: { onclick: "alert(1)" } })).toThrow(/onclick/);
    expect(() => setAttr(document.createElement("div"), "OnError", "x")).toThrow();
    expect(() => setAttr(document.createElement("div"), "style", "color: red")).toThrow(/style/);
  });

  it("attaches listeners as functions", () => {
    let clicks = 0;
    const button = h("button", { on: { click: () => (clicks += 1) } }, "go");
    button.click();
    expect(clicks).toBe(1);
  });

  it("replace swaps every child", () => {
    const el = h("div", {}, "a", h("span"));
    replace(el, "b");
    expect(el.childNodes).toHaveLength(1);
    expect(el.textContent).toBe("b");
  });

  it("showMessage hides an empty message and marks errors", () => {
    const el = h("p");
    showMessage(el, "broken", "error");
    expect(el.hidden).toBe(false);
    expect(el.classList.contains("error")).toBe(true);
    showMessage(el, "");
    expect(el.hidden).toBe(true);
    expect(el.classList.contains("error")).toBe(false);
  });
});

describe("formatting", () => {
  it("sizes read in binary units", () => {
    expect(formatSize(512)).toBe("512 B");
    expect(formatSize(1536)).toBe("1.5 KiB");
    expect(formatSize(1024 ** 3)).toBe("1.0 GiB");
    expect(formatSize(4.7 * 1024 ** 3)).toBe("4.7 GiB");
    expect(formatSize(150 * 1024 ** 2)).toBe("150 MiB");
    expect(formatSize(null)).toBe("–");
  });

  it("durations in ms read at the scale they are", () => {
    expect(formatMillis(850)).toBe("850 ms");
    expect(formatMillis(4200)).toBe("4.2 s");
    expect(formatMillis(125_000)).toBe("2 min 5 s");
    expect(formatMillis(120_000)).toBe("2 min");
  });

  it("memory reads in MiB", () => {
    expect(formatMiB(44_564_480)).toBe("42.5 MiB");
  });

  it("ages read as the largest whole unit", () => {
    const now = new Date("2025-06-15T12:00:00Z");
    const t = now.getTime() / 1000;
    expect(formatAge(t - 10, now)).toBe("just now");
    expect(formatAge(t - 5 * 60, now)).toBe("5 min");
    expect(formatAge(t - 3 * 3600, now)).toBe("3 h");
    expect(formatAge(t - 3 * 86400, now)).toBe("3 d");
    expect(formatAge(t - 800 * 86400, now)).toBe("2 y");
    expect(formatAge(null, now)).toBe("–");
  });

  it("clock times show the date only for another day", () => {
    const now = new Date(2025, 5, 15, 12, 0);
    expect(formatClock(new Date(2025, 5, 15, 9, 5).getTime() / 1000, now)).toBe("09:05");
    expect(formatClock(new Date(2025, 5, 14, 23, 59).getTime() / 1000, now)).toBe("2025-06-14 23:59");
  });

  it("plurals", () => {
    expect(plural(1, "item")).toBe("1 item");
    expect(plural(2, "item")).toBe("2 items");
    expect(plural(2, "new match", "new matches")).toBe("2 new matches");
  });

  it("only http(s) URLs are web links", () => {
    expect(isWebUrl("https://a.example/x")).toBe(true);
    expect(isWebUrl("http://a.example")).toBe(true);
    expect(isWebUrl("javascript:alert(1)")).toBe(false);
    expect(isWebUrl("file:///etc/passwd")).toBe(false);
    expect(isWebUrl("not a url")).toBe(false);
    expect(isWebUrl(null)).toBe(false);
  });
});
