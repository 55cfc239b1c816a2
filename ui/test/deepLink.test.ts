/** The links messages carry to the web UI: `?item=ID` and `?view=found`. */
import { afterEach, describe, expect, it } from "vitest";
import { parseDeepLink } from "../src/deepLink";
import { allByTestId, byTestId, fakeBackend, item, mount, release, settingsView, text } from "./helpers";

describe("parseDeepLink", () => {
  it.each([
    ["?item=7", { tab: "found", itemId: 7 }],
    ["item=7", { tab: "found", itemId: 7 }],
    ["?item=123456789&utm=x", { tab: "found", itemId: 123456789 }],
    ["?view=found", { tab: "found", itemId: null }],
    ["?view=settings", { tab: "settings", itemId: null }],
    ["?view=watchlist", { tab: "watchlist", itemId: null }],
    // An item wins over a view; a bad item leaves the view.
    ["?view=settings&item=3", { tab: "found", itemId: 3 }],
    ["?item=abc&view=found", { tab: "found", itemId: null }],
  ])("%j opens %j", (search, expected) => {
    expect(parseDeepLink(search)).toEqual(expected);
  });

  it.each([
    "",
    "?",
    "?item=",
    "?item=0",
    "?item=-3",
    "?item=07",
    "?item=1.5",
    "?item=1e3",
    "?item=%207",
    "?item=7%20",
    "?item=0x10",
    "?item=99999999999999999999",
    "?item=<script>",
    "?view=Found",
    "?view=logout",
    "?view=found%00",
    "?other=1",
  ])("ignores %j", (search) => {
    expect(parseDeepLink(search)).toBeNull();
  });
});

describe("the app opened from a link", () => {
  const fake = () =>
    fakeBackend({
      items: [item({ id: 1, title: "Dune" }), item({ id: 2, title: "Severance", kind: "series" })],
      found: [
        release({ match_id: 11, item_id: 1, item_title: "Dune", title: "Dune.2024.2160p" }),
        release({ match_id: 12, item_id: 2, item_title: "Severance", title: "Severance.S02E03" }),
      ],
    });

  afterEach(() => {
    window.history.replaceState(null, "", "/");
  });

  it("?item=ID shows Found filtered to that item", async () => {
    const f = fake();
    const { app, root } = await mount(f, { search: "?item=2" });
    expect(app.currentTab()).toBe("found");
    expect(byTestId(root, "view-found").hidden).toBe(false);
    expect(byTestId<HTMLSelectElement>(root, "found-filter").value).toBe("2");
    expect(f.backend.foundReleases).toHaveBeenLastCalledWith(2);
    expect(allByTestId(root, "found-title").map(text)).toEqual(["Severance.S02E03"]);
  });

  it("?item= of an item no longer on the watchlist shows every release and says so", async () => {
    const { app, root } = await mount(fake(), { search: "?item=99" });
    expect(app.currentTab()).toBe("found");
    expect(byTestId<HTMLSelectElement>(root, "found-filter").value).toBe("");
    expect(allByTestId(root, "found-title")).toHaveLength(2);
    expect(text(byTestId(root, "found-message"))).toContain("Item #99 is not on the watchlist");
  });

  it("?view=found shows every found release", async () => {
    const f = fake();
    const { app, root } = await mount(f, { search: "?view=found" });
    expect(app.currentTab()).toBe("found");
    expect(byTestId<HTMLSelectElement>(root, "found-filter").value).toBe("");
    expect(f.backend.foundReleases).not.toHaveBeenCalledWith(1);
    expect(allByTestId(root, "found-title")).toHaveLength(2);
  });

  it("reads the page's own query when none is given", async () => {
    window.history.replaceState(null, "", "/nightwatcher/?item=1");
    const { app, root } = await mount(fake());
    expect(app.currentTab()).toBe("found");
    expect(byTestId<HTMLSelectElement>(root, "found-filter").value).toBe("1");
  });

  it("a link wins over the first-run guide", async () => {
    const f = fake();
    f.state.settings = settingsView({ prowlarr_url: null, configured: false });
    const { app } = await mount(f, { search: "?view=found" });
    expect(app.currentTab()).toBe("found");
  });

  it.each(["?item=0", "?item=-1", "?item=2abc", "?view=nope", ""])("%j opens the usual first tab", async (search) => {
    const f = fake();
    const { app } = await mount(f, { search });
    expect(app.currentTab()).toBe("watchlist");
    expect(f.backend.foundReleases).toHaveBeenCalledTimes(1);
    expect(f.backend.foundReleases).toHaveBeenCalledWith(null);
  });
});
