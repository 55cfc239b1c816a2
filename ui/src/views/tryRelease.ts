/**
 * "Try a release name" beside the item form: how a title parses, whether the item as currently filled in
 * would be notified of it (and if not, which rule refused it and why), and what the other watchlist items
 * make of it.
 *
 * Release titles, reasons and item titles are untrusted text and only ever reach the DOM through `h`.
 */

import type { Context } from "../context";
import { append, h, replace, showMessage } from "../dom";
import { isFilterRule, ruleLabel } from "../filters";
import { asIpcError, type ItemSpec, type TryResult } from "../types";

export interface TryReleaseOptions {
  /** The id of the item being edited (left out of "other items"), or null when adding. */
  itemId: number | null;
  /** Title of a stored item, to name the other items a tried release matches. */
  itemTitle: (id: number) => string | undefined;
  /** The spec the form describes, or null while it is incomplete or breaks a rule. */
  spec: () => ItemSpec | null;
}

const PARSED_FIELDS: ReadonlyArray<[string, (r: TryResult["parsed"]) => string | undefined]> = [
  ["title", (p) => p.title],
  ["year", (p) => p.year?.toString()],
  ["season", (p) => (p.seasons && p.seasons.length > 1 ? p.seasons.join(", ") : p.season?.toString())],
  ["episode", (p) => (p.episodes && p.episodes.length > 1 ? p.episodes.join(", ") : p.episode?.toString())],
  ["date", (p) => p.date],
  ["resolution", (p) => p.resolution],
  ["source", (p) => p.source],
  ["codec", (p) => p.codec],
  ["group", (p) => p.group],
  ["languages", (p) => p.languages?.join(", ")],
  ["kind", (p) => p.kind],
];

function verdictText(res: TryResult, used: ItemSpec | null): string {
  if (used === null) return "Fill in the form above (title and kind) to see whether it matches this item.";
  if (res.matches === null) return "Cannot tell yet: the item is not valid";
  if (res.matches) return "Would be notified for this item";
  return isFilterRule(res.rule)
    ? "Matches this item, but a filter refuses it: would not be notified"
    : "Does not match this item";
}

/** One line per other item the release is of: notified, or refused by which filter and why. */
function otherLines(res: TryResult, opts: TryReleaseOptions): HTMLElement[] {
  const rejected = new Map(res.rejected_items.map((j) => [j.item_id, j.rejected]));
  return res.matching_items
    .filter((id) => id !== opts.itemId)
    .map((id) => {
      const title = opts.itemTitle(id) ?? `item ${id}`;
      const refusal = rejected.get(id);
      return h(
        "li",
        { class: refusal ? "no-match" : "match", testid: "try-release-other", attrs: { "data-item-id": id } },
        refusal
          ? `${title}: filtered by ${ruleLabel(refusal.rule)}: ${refusal.reason}`
          : `${title}: would be notified`,
      );
    });
}

export function tryRelease(ctx: Context, opts: TryReleaseOptions): HTMLElement {
  const input = h("input", {
    testid: "try-release-input",
    attrs: {
      type: "text",
      name: "release_title",
      id: "try-release-title",
      autocomplete: "off",
      spellcheck: "false",
      placeholder: "e.g. The.Matrix.1999.1080p.BluRay.x264-GROUP",
    },
  });
  const button = h("button", { testid: "try-release-button", attrs: { type: "submit" } }, "Try");
  const result = h("div", { class: "try-result", testid: "try-release-result", attrs: { hidden: true } });
  let sequence = 0;

  const render = (res: TryResult, used: ItemSpec | null): void => {
    const tone = used === null || res.matches === null ? "unknown" : res.matches ? "match" : "no-match";
    const parsed = h("dl", { class: "parsed", testid: "try-release-parsed" });
    for (const [name, get] of PARSED_FIELDS) {
      append(parsed, h("dt", {}, name), h("dd", { testid: `parsed-${name}` }, get(res.parsed) || "–"));
    }
    const flags = [
      res.parsed.proper ? "PROPER" : "",
      res.parsed.repack ? "REPACK" : "",
      res.parsed.complete ? "COMPLETE" : "",
      res.parsed.special ? "SPECIAL" : "",
    ].filter(Boolean);
    const others = otherLines(res, opts);
    const refused = used !== null && res.matches === false && res.rule;
    replace(
      result,
      h("p", { class: `verdict ${tone}`, testid: "try-release-verdict" }, verdictText(res, used)),
      refused
        ? h(
            "p",
            { class: "rule", testid: "try-release-rule", attrs: { "data-rule": res.rule } },
            `Refused by: ${ruleLabel(res.rule ?? "")}`,
          )
        : null,
      h("p", { class: "reason", testid: "try-release-reason" }, res.reason),
      parsed,
      flags.length > 0 ? h("p", { class: "hint" }, `Flags: ${flags.join(", ")}`) : null,
      others.length > 0
        ? h(
            "div",
            { class: "hint", testid: "try-release-others" },
            h("p", {}, "Also on your watchlist:"),
            h("ul", { class: "others" }, ...others),
          )
        : null,
    );
    result.classList.remove("error");
    result.hidden = false;
  };

  const run = async (): Promise<void> => {
    const title = input.value.trim();
    const mine = ++sequence;
    if (title === "") {
      showMessage(result, "Type a release name to try, for example one you saw on an indexer.", "error");
      return;
    }
    const used = opts.spec();
    button.disabled = true;
    try {
      const res = await ctx.backend.tryRelease(title, used);
      if (mine === sequence) render(res, used);
    } catch (e) {
      if (mine === sequence) showMessage(result, asIpcError(e).message, "error");
    } finally {
      button.disabled = false;
    }
  };

  return h(
    "form",
    {
      class: "try-release",
      testid: "try-release",
      on: {
        submit: (event) => {
          event.preventDefault();
          void run();
        },
      },
    },
    h("h3", {}, "Try a release name"),
    h(
      "p",
      { class: "hint" },
      "Paste a release title to see how NightWatcher reads it and whether this item would be notified of it.",
    ),
    h(
      "div",
      { class: "inline" },
      h("label", { class: "sr-only", attrs: { for: "try-release-title" } }, "Release name"),
      input,
      button,
    ),
    result,
  );
}
