import { describe, expect, it } from "vitest";
import { IpcError, type ItemView } from "../src/types";
import { byName, byTestId, fakeBackend, flush, item, mount, text, type } from "./helpers";

async function openAddForm() {
  const fake = fakeBackend();
  const { root } = await mount(fake);
  byTestId(root, "add-item").click();
  const form = byTestId<HTMLFormElement>(root, "item-form");
  type(byName(form, "title"), "Dune");
  type(byName<HTMLSelectElement>(form, "kind"), "movie");
  return { fake, root, form };
}

async function openEditForm(stored: ItemView) {
  const fake = fakeBackend({ items: [stored] });
  const { root } = await mount(fake);
  byTestId(root, "item-edit").click();
  return { fake, root, form: byTestId<HTMLFormElement>(root, "item-form") };
}

function errorNextTo(form: HTMLElement, name: string): string {
  const wrapper = form.querySelector(`[data-field="${name}"]`);
  if (wrapper === null) throw new Error(`no field ${name}`);
  const error = wrapper.querySelector<HTMLElement>(".field-error");
  return error === null || error.hidden ? "" : text(error);
}

function typeText(el: HTMLTextAreaElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event("input", { bubbles: true }));
}

function check(root: HTMLElement, testid: string, checked: boolean): void {
  const box = byTestId<HTMLInputElement>(root, testid);
  box.checked = checked;
  box.dispatchEvent(new Event("change", { bubbles: true }));
}

const shown = (form: HTMLElement, name: string) => !form.querySelector<HTMLElement>(`[data-field="${name}"]`)?.hidden;

async function save(root: HTMLElement): Promise<void> {
  byTestId(root, "item-save").click();
  await flush();
}

describe("aliases and series tracking", () => {
  it("sends the aliases one a line, and leaves them out when empty", async () => {
    const { fake, root } = await openAddForm();
    typeText(byTestId<HTMLTextAreaElement>(root, "aliases"), "Dune: Part One\n\n  Duna \nDuna");
    await save(root);
    expect(fake.backend.addItem.mock.calls[0]?.[0].aliases).toEqual(["Dune: Part One", "Duna"]);

    const again = await openAddForm();
    await save(again.root);
    const spec = again.fake.backend.addItem.mock.calls[0]?.[0];
    expect(spec).not.toHaveProperty("aliases");
    expect(spec).not.toHaveProperty("filters");
    expect(spec).not.toHaveProperty("only_season");
    expect(spec).not.toHaveProperty("from_date");
  });

  it("shows only the inputs of the chosen tracking, and sends only those", async () => {
    const { fake, root, form } = await openAddForm();
    expect(shown(form, "tracking")).toBe(false);
    type(byName<HTMLSelectElement>(form, "kind"), "series");
    // A new series starts at "from an episode" so its season input is at hand; empty, it means everything.
    expect(byTestId<HTMLSelectElement>(root, "tracking").value).toBe("from_episode");
    expect([shown(form, "from_season"), shown(form, "only_season"), shown(form, "from_date")]).toEqual([true, false, false]);
    type(byName(form, "from_season"), "2");

    type(byTestId<HTMLSelectElement>(root, "tracking"), "only_season");
    expect([shown(form, "from_season"), shown(form, "from_episode"), shown(form, "only_season")]).toEqual([false, false, true]);
    type(byTestId<HTMLInputElement>(root, "only_season"), "3");

    type(byTestId<HTMLSelectElement>(root, "tracking"), "from_date");
    expect([shown(form, "only_season"), shown(form, "from_date")]).toEqual([false, true]);
    type(byTestId<HTMLInputElement>(root, "from_date"), "2024-02-30");
    await save(root);
    expect(errorNextTo(form, "from_date")).toMatch(/YYYY-MM-DD/);
    expect(fake.backend.addItem).not.toHaveBeenCalled();

    type(byTestId<HTMLInputElement>(root, "from_date"), " 2024-03-15 ");
    await save(root);
    const spec = fake.backend.addItem.mock.calls[0]?.[0];
    expect(spec).toMatchObject({ kind: "series", from_season: null, from_episode: null, from_date: "2024-03-15" });
    expect(spec).not.toHaveProperty("only_season");
  });

  it("one season is sent alone, and every episode sends no position", async () => {
    const { fake, root, form } = await openAddForm();
    type(byName<HTMLSelectElement>(form, "kind"), "series");
    type(byTestId<HTMLSelectElement>(root, "tracking"), "only_season");
    type(byTestId<HTMLInputElement>(root, "only_season"), "2");
    await save(root);
    expect(fake.backend.addItem.mock.calls[0]?.[0]).toMatchObject({ only_season: 2, from_season: null });

    const other = await openAddForm();
    type(byName<HTMLSelectElement>(other.form, "kind"), "series");
    type(byTestId<HTMLSelectElement>(other.root, "tracking"), "everything");
    expect(shown(other.form, "from_season")).toBe(false);
    await save(other.root);
    const spec = other.fake.backend.addItem.mock.calls[0]?.[0];
    expect(spec).toMatchObject({ from_season: null, from_episode: null });
    expect(spec).not.toHaveProperty("only_season");
  });
});

describe("the filters section", () => {
  it("is collapsed for a new item, with the pre-release sources unchecked and a hint why", async () => {
    const { root } = await openAddForm();
    const details = byTestId<HTMLDetailsElement>(root, "item-filters");
    expect(details.open).toBe(false);
    expect(text(byTestId(root, "item-filters-count"))).toBe("(none)");
    for (const s of ["CAM", "TELESYNC", "TELECINE", "SCREENER"]) {
      expect(byTestId<HTMLInputElement>(root, `source-${s}`).checked).toBe(false);
    }
    expect(byTestId<HTMLInputElement>(root, "source-WEB-DL").checked).toBe(true);
    expect(byTestId<HTMLInputElement>(root, "codec-av1").checked).toBe(true);
    expect(text(details.querySelector('[data-field="filters.sources"]') as Element)).toMatch(
      /CAM, TELESYNC, TELECINE, SCREENER are excluded unless checked/,
    );
  });

  it("builds the filters from every input and counts them in the summary", async () => {
    const { fake, root } = await openAddForm();
    type(byTestId<HTMLSelectElement>(root, "filters.min_resolution"), "1080p");
    type(byTestId<HTMLSelectElement>(root, "filters.max_resolution"), "2160p");
    type(byTestId<HTMLSelectElement>(root, "filters.protocol"), "usenet");
    check(root, "source-TELESYNC", true);
    check(root, "codec-xvid", false);
    type(byTestId<HTMLInputElement>(root, "filters.min_size_mb"), "500");
    type(byTestId<HTMLInputElement>(root, "filters.max_size_mb"), "8000");
    type(byTestId<HTMLInputElement>(root, "filters.min_seeders"), "5");
    type(byTestId<HTMLInputElement>(root, "filters.must_contain"), "HDR, /\\bDV\\b/");
    type(byTestId<HTMLInputElement>(root, "filters.must_not_contain"), "HDCAM");
    type(byTestId<HTMLInputElement>(root, "filters.languages"), "english, fr");
    type(byTestId<HTMLInputElement>(root, "filters.indexers"), "3, ExampleTracker");
    expect(text(byTestId(root, "item-filters-count"))).toBe("(12 set)");
    await save(root);
    expect(fake.backend.addItem.mock.calls[0]?.[0].filters).toEqual({
      min_resolution: "1080p",
      max_resolution: "2160p",
      protocol: "usenet",
      sources: ["TELESYNC", "DVD", "HDTV", "WEBRip", "WEB-DL", "BluRay", "Remux"],
      codecs: ["h264", "h265", "av1", "mpeg2"],
      min_size_mb: 500,
      max_size_mb: 8000,
      min_seeders: 5,
      must_contain: ["HDR", "/\\bDV\\b/"],
      must_not_contain: ["HDCAM"],
      languages: ["english", "french"],
      indexers: [3, "ExampleTracker"],
    });
  });

  it("shows each broken filter rule next to its input, opening the section", async () => {
    const { fake, root, form } = await openAddForm();
    type(byTestId<HTMLSelectElement>(root, "filters.min_resolution"), "2160p");
    type(byTestId<HTMLSelectElement>(root, "filters.max_resolution"), "720p");
    type(byTestId<HTMLInputElement>(root, "filters.min_size_mb"), "-1");
    type(byTestId<HTMLInputElement>(root, "filters.must_contain"), "/(unclosed/");
    type(byTestId<HTMLInputElement>(root, "filters.languages"), "Klingon");
    for (const s of ["DVD", "HDTV", "WEBRip", "WEB-DL", "BluRay", "Remux"]) check(root, `source-${s}`, false);
    await save(root);

    expect(fake.backend.addItem).not.toHaveBeenCalled();
    expect(byTestId<HTMLDetailsElement>(root, "item-filters").open).toBe(true);
    expect(errorNextTo(form, "filters.max_resolution")).toMatch(/below the minimum resolution/);
    expect(errorNextTo(form, "filters.min_size_mb")).toMatch(/between 0 and/);
    expect(errorNextTo(form, "filters.must_contain")).toMatch(/is not a valid regular expression/);
    expect(errorNextTo(form, "filters.languages")).toMatch(/Klingon/);
    expect(errorNextTo(form, "filters.sources")).toMatch(/at least one source/);
    expect(text(byTestId(root, "field-error-filters.must_contain"))).toMatch(/unclosed/);
    expect(document.activeElement).toBe(byTestId(root, "filters.max_resolution"));
  });

  it("a server error naming a filter is shown next to that input", async () => {
    const { fake, root, form } = await openAddForm();
    fake.backend.addItem.mockRejectedValueOnce(
      new IpcError(
        "validation",
        "filters.must_contain: /(?=x)/ is not a valid regular expression: look-around is not supported",
        "filters.must_contain",
      ),
    );
    type(byTestId<HTMLInputElement>(root, "filters.must_contain"), "/(?=x)/");
    await save(root);
    expect(errorNextTo(form, "filters.must_contain")).toMatch(/look-around is not supported/);
    expect(byTestId(root, "item-form-error").hidden).toBe(true);
    expect(byTestId<HTMLDetailsElement>(root, "item-filters").open).toBe(true);
    expect(document.activeElement).toBe(byTestId(root, "filters.must_contain"));
  });

  it("server errors about aliases and tracking land next to their inputs too", async () => {
    const { fake, root, form } = await openAddForm();
    fake.backend.addItem.mockRejectedValueOnce(new IpcError("validation", 'aliases: "***" has no letters', "aliases"));
    await save(root);
    expect(errorNextTo(form, "aliases")).toBe('aliases: "***" has no letters');
  });
});

describe("editing an item with everything set", () => {
  const stored = item({
    id: 5,
    title: "Severance",
    kind: "series",
    year: 2022,
    only_season: 2,
    imdb_id: "tt11280740",
    tvdb_id: 371980,
    categories: [5000],
    enabled: true,
    aliases: ["Séparation", "Dissociatie"],
    filters: {
      min_resolution: "1080p",
      sources: ["WEB-DL", "BluRay"],
      codecs: ["h265"],
      min_size_mb: 500,
      max_size_mb: 8000,
      min_seeders: 5,
      protocol: "torrent",
      must_contain: ["HDR", "/x{1,3}/"],
      must_not_contain: ["HDCAM"],
      languages: ["english", "french"],
      indexers: [3, "ExampleTracker"],
    },
  });

  it("pre-fills every input", async () => {
    const { root, form } = await openEditForm(stored);
    expect(byTestId<HTMLTextAreaElement>(root, "aliases").value).toBe("Séparation\nDissociatie");
    expect(byTestId<HTMLSelectElement>(root, "tracking").value).toBe("only_season");
    expect(byTestId<HTMLInputElement>(root, "only_season").value).toBe("2");
    expect(shown(form, "from_season")).toBe(false);
    expect(byTestId<HTMLDetailsElement>(root, "item-filters").open).toBe(true);
    expect(byTestId<HTMLSelectElement>(root, "filters.min_resolution").value).toBe("1080p");
    expect(byTestId<HTMLSelectElement>(root, "filters.max_resolution").value).toBe("");
    expect(byTestId<HTMLInputElement>(root, "source-BluRay").checked).toBe(true);
    expect(byTestId<HTMLInputElement>(root, "source-HDTV").checked).toBe(false);
    expect(byTestId<HTMLInputElement>(root, "codec-h264").checked).toBe(false);
    expect(byTestId<HTMLInputElement>(root, "filters.must_contain").value).toBe("HDR, /x{1,3}/");
    expect(byTestId<HTMLInputElement>(root, "filters.indexers").value).toBe("3, ExampleTracker");
    expect(text(byTestId(root, "item-filters-count"))).toBe("(11 set)");
  });

  it("saves unchanged as the same spec (a round trip)", async () => {
    const { fake, root } = await openEditForm(stored);
    await save(root);
    expect(fake.backend.updateItem).toHaveBeenCalledWith(5, {
      title: "Severance",
      kind: "series",
      year: 2022,
      from_season: null,
      from_episode: null,
      only_season: 2,
      imdb_id: "tt11280740",
      tmdb_id: null,
      tvdb_id: 371980,
      categories: null,
      enabled: true,
      aliases: ["Séparation", "Dissociatie"],
      filters: stored.filters,
    });
  });

  it("a daily show opens on its date, and an item with no position on every episode", async () => {
    const daily = await openEditForm(item({ id: 6, title: "The Daily Show", kind: "series", from_date: "2024-03-15" }));
    expect(byTestId<HTMLSelectElement>(daily.root, "tracking").value).toBe("from_date");
    expect(byTestId<HTMLInputElement>(daily.root, "from_date").value).toBe("2024-03-15");
    const all = await openEditForm(item({ id: 7, title: "Andor", kind: "series" }));
    expect(byTestId<HTMLSelectElement>(all.root, "tracking").value).toBe("everything");
    expect(byTestId<HTMLDetailsElement>(all.root, "item-filters").open).toBe(false);
  });
});
