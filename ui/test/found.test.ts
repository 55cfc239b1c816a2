import { describe, expect, it } from "vitest";
import { IpcError } from "../src/types";
import { allByTestId, byTestId, fakeBackend, flush, item, mount, release, text, type } from "./helpers";

function setup() {
  return fakeBackend({
    items: [item({ id: 1, title: "Dune" }), item({ id: 2, title: "Severance", kind: "series" })],
    found: [
      release({ match_id: 11, item_id: 1, item_title: "Dune", title: "Dune.Part.Two.2024.2160p.WEB-DL", found_at: 1000 }),
      release({ match_id: 12, item_id: 2, item_title: "Severance", title: "Severance.S02E03.1080p.WEB", found_at: 3000 }),
      release({ match_id: 13, item_id: 1, item_title: "Dune", title: "Dune.2021.1080p.BluRay", found_at: 2000 }),
    ],
  });
}

async function openFound(fake = setup()) {
  const { root } = await mount(fake);
  byTestId(root, "nav-found").click();
  return { fake, root };
}

const titles = (root: HTMLElement) => allByTestId(root, "found-title").map(text);

describe("found releases", () => {
  it("lists every release newest first", async () => {
    const { root } = await openFound();
    expect(titles(root)).toEqual([
      "Severance.S02E03.1080p.WEB",
      "Dune.2021.1080p.BluRay",
      "Dune.Part.Two.2024.2160p.WEB-DL",
    ]);
    expect(text(byTestId(root, "found-count"))).toBe("3 releases");
  });

  it("filters by the item chosen in the select", async () => {
    const { fake, root } = await openFound();
    const select = byTestId<HTMLSelectElement>(root, "found-filter");
    expect([...select.options].map((o) => o.text)).toEqual(["All items", "Dune", "Severance"]);

    type(select, "1");
    await flush();
    expect(fake.backend.foundReleases).toHaveBeenLastCalledWith(1);
    expect(titles(root)).toEqual(["Dune.2021.1080p.BluRay", "Dune.Part.Two.2024.2160p.WEB-DL"]);
    expect(allByTestId(root, "found-row").every((r) => r.dataset.itemId === "1")).toBe(true);

    type(select, "");
    await flush();
    expect(fake.backend.foundReleases).toHaveBeenLastCalledWith(null);
    expect(titles(root)).toHaveLength(3);
  });

  it("shows size, indexer, seeders and age in readable form", async () => {
    const fake = fakeBackend({
      found: [
        release({ match_id: 1, item_id: 1, size: 1.5 * 1024 ** 3, indexer: "NiceTracker", seeders: 42 }),
        release({ match_id: 2, item_id: 1, size: null, indexer: null, seeders: null, protocol: "usenet" }),
      ],
    });
    const { root } = await openFound(fake);
    const [first, second] = allByTestId(root, "found-row");
    expect(text(byTestId(first as HTMLElement, "found-size"))).toBe("1.5 GiB");
    expect(text(byTestId(first as HTMLElement, "found-indexer"))).toBe("NiceTracker");
    expect(text(first as HTMLElement)).toContain("42");
    expect(text(first as HTMLElement)).toContain("3 h");
    expect(text(byTestId(second as HTMLElement, "found-size"))).toBe("–");
    expect(text(byTestId(second as HTMLElement, "found-indexer"))).toBe("–");
  });

  it("offers a link only for http(s) URLs and opens it through the backend", async () => {
    const fake = fakeBackend({
      found: [
        release({ match_id: 1, item_id: 1, info_url: "https://tracker.example/t/1" }),
        release({ match_id: 2, item_id: 1, info_url: "javascript:alert(1)" }),
        release({ match_id: 3, item_id: 1, info_url: null }),
        release({ match_id: 4, item_id: 1, info_url: "file:///etc/passwd" }),
      ],
    });
    const { root } = await openFound(fake);
    const links = allByTestId(root, "found-link");
    expect(links).toHaveLength(1);
    expect(links[0]?.closest("tr")?.dataset.matchId).toBe("1");
    expect(root.querySelector("a[href]")).toBeNull();
    links[0]?.click();
    await flush();
    expect(fake.backend.openLink).toHaveBeenCalledWith("https://tracker.example/t/1");
  });

  it("shows why a link could not be opened", async () => {
    const fake = setup();
    fake.backend.openLink.mockRejectedValueOnce(new IpcError("internal", "no browser is configured (xdg-open failed)"));
    const { root } = await openFound(fake);
    allByTestId(root, "found-link")[0]?.click();
    await flush();
    expect(text(byTestId(root, "found-message"))).toContain("xdg-open failed");
  });

  it("reloads when a release is found and counts it on the tab while elsewhere", async () => {
    const fake = setup();
    const { root } = await mount(fake);
    fake.state.found.push(release({ match_id: 20, item_id: 2, item_title: "Severance", title: "Severance.S02E04", found_at: 5000 }));
    fake.emit.releaseFound({ item_id: 2, item_title: "Severance", release_title: "Severance.S02E04", indexer: "X" });
    await flush();
    expect(text(byTestId(root, "found-badge"))).toBe("1");
    byTestId(root, "nav-found").click();
    expect(byTestId(root, "found-badge").hidden).toBe(true);
    expect(titles(root)[0]).toBe("Severance.S02E04");
  });

  it("shows every indexer that listed a release", async () => {
    const fake = fakeBackend({
      found: [release({ match_id: 1, item_id: 1, indexer: "First", indexers: ["First", "Second", "Third"] })],
    });
    const { root } = await openFound(fake);
    expect(text(byTestId(root, "found-indexer"))).toBe("First, Second, Third");
  });

  it("marks a release a filter refused, with the reason, and keeps the item filter working", async () => {
    const fake = fakeBackend({
      items: [item({ id: 1, title: "Dune" }), item({ id: 2, title: "Severance", kind: "series" })],
      found: [
        release({ match_id: 1, item_id: 1, title: "Dune.2021.720p", rejected: "min_resolution: 720p is below 1080p" }),
        release({ match_id: 2, item_id: 1, title: "Dune.2021.2160p" }),
        release({ match_id: 3, item_id: 2, title: "Severance.S02E01.CAM", rejected: "sources: CAM is not allowed" }),
      ],
    });
    const { root } = await openFound(fake);
    const badges = allByTestId(root, "found-rejected");
    expect(badges.map(text)).toEqual([
      "filtered: min_resolution: 720p is below 1080p",
      "filtered: sources: CAM is not allowed",
    ]);
    expect(badges[0]?.closest("tr")?.dataset.matchId).toBe("1");
    expect(badges[0]?.closest("tr")?.classList.contains("rejected")).toBe(true);
    expect(text(byTestId(root, "found-count"))).toBe("3 releases (2 filtered, not notified)");
    // The title cell still holds just the title.
    expect(titles(root)).toContain("Dune.2021.720p");

    type(byTestId<HTMLSelectElement>(root, "found-filter"), "2");
    await flush();
    expect(titles(root)).toEqual(["Severance.S02E01.CAM"]);
    expect(allByTestId(root, "found-rejected").map(text)).toEqual(["filtered: sources: CAM is not allowed"]);
  });

  it("hostile indexer names and reasons stay text", async () => {
    const hostile = '<img src=x onerror="window.__found_xss=1">';
    const fake = fakeBackend({
      found: [release({ match_id: 1, item_id: 1, indexers: [hostile], rejected: hostile })],
    });
    const { root } = await openFound(fake);
    expect(root.querySelector("img")).toBeNull();
    expect(text(byTestId(root, "found-indexer"))).toBe(hostile);
    expect(text(byTestId(root, "found-rejected"))).toBe(`filtered: ${hostile}`);
  });

  it("grabs a release once and then says by which client", async () => {
    const { fake, root } = await openFound();
    const buttons = allByTestId<HTMLButtonElement>(root, "found-grab");
    expect(buttons).toHaveLength(3);
    expect(buttons.map(text)).toEqual(Array(3).fill("Grab → qBittorrent"));
    buttons[1]?.click();
    await flush();
    expect(fake.backend.grab).toHaveBeenCalledWith(13);
    expect(allByTestId(root, "found-grab")).toHaveLength(2);
    expect(allByTestId(root, "found-grabbed").map(text)).toEqual(["Grabbed → qBittorrent"]);
    expect(text(byTestId(root, "found-message"))).toContain("Grabbed by qBittorrent");
  });

  it("shows a grab made elsewhere (the Telegram bot) when it is announced", async () => {
    const { fake, root } = await openFound();
    expect(allByTestId(root, "found-grabbed")).toHaveLength(0);
    const first = fake.state.found[0];
    if (first === undefined) throw new Error("no found release");
    first.grab_status = "grabbed";
    first.grab_face = "telegram";
    first.grab_client = "qBittorrent";
    fake.emit.grabChanged();
    await flush();
    expect(allByTestId(root, "found-grabbed").map(text)).toEqual(["Grabbed → qBittorrent"]);
  });

  it("says why a grab failed, and offers it again", async () => {
    const reason = '<b>Prowlarr has no download client for torrent releases</b>';
    const fake = fakeBackend({
      found: [release({ match_id: 5, item_id: 1, grab_status: "failed", grab_error: reason })],
    });
    fake.backend.grab.mockRejectedValueOnce(new IpcError("prowlarr", reason));
    const { root } = await openFound(fake);
    expect(root.querySelector("b")).toBeNull();
    expect(text(byTestId(root, "found-grab-error"))).toBe(reason);
    const again = byTestId<HTMLButtonElement>(root, "found-grab");
    expect(text(again)).toBe("Grab again → qBittorrent");
    again.click();
    await flush();
    expect(text(byTestId(root, "found-message"))).toContain(reason);
  });

  it("disables Grab, saying why, when no enabled client takes the release's protocol", async () => {
    const fake = fakeBackend({
      found: [
        release({ match_id: 1, item_id: 1, protocol: "usenet" }),
        release({ match_id: 2, item_id: 1, protocol: "torrent" }),
      ],
    });
    const { root } = await openFound(fake);
    const [usenet, torrent] = [1, 2].map(
      (id) => root.querySelector<HTMLButtonElement>(`tr[data-match-id="${id}"] [data-testid="found-grab"]`)!,
    );
    expect(usenet!.disabled).toBe(true);
    expect(usenet!.title).toContain("no download client for usenet");
    expect(torrent!.disabled).toBe(false);
    expect(fake.backend.grabTargets).toHaveBeenCalledTimes(1);
  });
});
