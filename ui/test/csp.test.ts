/**
 * The web server's CSP is `default-src 'self'; script-src 'self'; style-src 'self'` and it may serve the UI
 * under a URL base: so the page must have no inline script or style, no `style` attributes, and relative asset
 * URLs.
 */

import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Path strings, not `new URL(..)`: in the jsdom environment `URL` is jsdom's, which node:url refuses.
const UI = join(dirname(fileURLToPath(import.meta.url)), "..");
const SRC = join(UI, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : [path];
  });
}

describe("under the web server's CSP and any URL base", () => {
  it("assets are referenced relative to the page (base ./)", () => {
    // Read as text: vite.config.ts loads Vite itself, which does not load in jsdom.
    expect(readFileSync(join(UI, "vite.config.ts"), "utf8")).toMatch(/^\s*base:\s*"\.\/",/m);
  });

  it("index.html has no inline script, no inline style and no style or on* attributes", () => {
    const html = readFileSync(join(UI, "index.html"), "utf8");
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect(body?.trim()).toBe("");
    }
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });

  it("no source sets a style attribute (CSSOM el.style.x is the only way)", () => {
    const forbidden = [
      /setAttribute(NS)?\(\s*(["'`][^"'`]*["'`]\s*,\s*)?["'`]style["'`]/,
      /\sstyle\s*=\s*["'`{]/,
      /\battrs\s*:\s*\{[^}]*\bstyle\s*:/,
      /\.cssText\b/,
    ];
    const offenders = sourceFiles(SRC)
      .filter((path) => path.endsWith(".ts"))
      .flatMap((path) =>
        readFileSync(path, "utf8")
          .split("\n")
          .map((line, i) => ({ line, where: `${relative(SRC, path)}:${i + 1}` }))
          .filter(({ line }) => forbidden.some((re) => re.test(line)))
          .map(({ where, line }) => `${where}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });
});
