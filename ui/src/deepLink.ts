/**
 * The links messages carry to the web UI (`WebLinks` in crates/engine/src/news.rs): `<public>/?item=ID` opens
 * Found showing that item's releases, `<public>/?view=found` opens Found. `view` may also name the other tabs
 * (`watchlist`, `settings`). Anything else is ignored: an `item` that is not a positive whole number, an
 * unknown `view`, other parameters.
 */

import type { Tab } from "./app";

export interface DeepLink {
  tab: Tab;
  /** Found filtered to this item; null: every item. */
  itemId: number | null;
}

const VIEWS: readonly Tab[] = ["watchlist", "found", "settings"];

/** What the page's query (`location.search`) asks to open, or null for nothing. */
export function parseDeepLink(search: string): DeepLink | null {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return null;
  }
  const item = params.get("item");
  if (item !== null && /^[1-9][0-9]*$/.test(item)) {
    const id = Number(item);
    if (Number.isSafeInteger(id)) return { tab: "found", itemId: id };
  }
  const view = params.get("view");
  const tab = VIEWS.find((t) => t === view);
  return tab === undefined ? null : { tab, itemId: null };
}
