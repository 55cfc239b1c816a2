import { describe, expect, it } from "vitest";
import { IpcError } from "../src/types";
import { byName, byTestId, fakeBackend, flush, item, mount, text, type } from "./helpers";

async function openAddForm() {
  const fake = fakeBackend();
  const { root } = await mount(fake);
  byTestId(root, "add-item").click();
  const form = byTestId<HTMLFormElement>(root, "item-form");
  return { fake, root, form };
}

/** The error shown inside the wrapper of field `name`, which is what "next to the field" means here. */
function errorNextTo(form: HTMLElement, name: string): string {
  const wrapper = form.querySelector(`[data-field="${name}"]`);
  if (wrapper === null) throw new Error(`no field ${name}`);
  const error = wrapper.querySelector<HTMLElement>(".field-error");
  if (error === null || error.hidden) return "";
  return text(error);
}

async function save(root: HTMLElement): Promise<void> {
  byTestId(root, "item-save").click();
  await flush();
}

describe("item form validation", () => {
  it("shows each broken rule next to its field and sends nothing", async () => {
    const { fake, root, form } = await openAddForm();
    type(byName(form, "title"), "Bad\ttitle");
    type(byName(form, "year"), "1700");
    type(byName(form, "imdb_id"), "nm0000206");
    await save(root);

    expect(errorNextTo(form, "title")).toMatch(/control characters/);
    expect(errorNextTo(form, "kind")).toMatch(/Kind is required/);
    expect(errorNextTo(form, "year")).toBe("Year must be between 1870 and 2030");
    expect(errorNextTo(form, "imdb_id")).toMatch(/tt0133093/);
    expect(fake.backend.addItem).not.toHaveBeenCalled();
  });

  it("links each message to its input for screen readers", async () => {
    const { root, form } = await openAddForm();
    await save(root);
    const input = byName(form, "title");
    const described = input.getAttribute("aria-describedby") ?? "";
    const message = form.querySelector(`[id="${described}"]`);
    expect(message).not.toBeNull();
    expect(text(message as Element)).toMatch(/Title is required/);
    expect(input.getAttribute("aria-invalid")).toBe("true");
  });

  it("checks the blank title, the 200-character limit and the series rules", async () => {
    const { root, form } = await openAddForm();
    type(byName(form, "title"), "x".repeat(201));
    type(byName<HTMLSelectElement>(form, "kind"), "series");
    type(byName(form, "from_season"), "10000");
    type(byName(form, "from_episode"), "0");
    await save(root);
    expect(errorNextTo(form, "title")).toMatch(/at most 200/);
    expect(errorNextTo(form, "from_season")).toMatch(/between 0 and 9999/);
    expect(errorNextTo(form, "from_episode")).toMatch(/between 1 and 99999/);

    type(byName(form, "title"), "   ");
    type(byName(form, "from_season"), "");
    type(byName(form, "from_episode"), "4");
    expect(errorNextTo(form, "title")).toMatch(/required/);
    expect(errorNextTo(form, "from_season")).toBe("");
    expect(errorNextTo(form, "from_episode")).toMatch(/needs from season/);
  });

  it("clears a message as soon as the field is fixed", async () => {
    const { root, form } = await openAddForm();
    await save(root);
    expect(errorNextTo(form, "title")).not.toBe("");
    type(byName(form, "title"), "Dune");
    expect(errorNextTo(form, "title")).toBe("");
    expect(errorNextTo(form, "kind")).not.toBe("");
  });

  it("shows season and episode only for a series", async () => {
    const { form } = await openAddForm();
    const season = form.querySelector<HTMLElement>('[data-field="from_season"]');
    expect(season?.hidden).toBe(true);
    type(byName<HTMLSelectElement>(form, "kind"), "series");
    expect(season?.hidden).toBe(false);
  });

  it("a valid form is sent as a spec and closes", async () => {
    const { fake, root, form } = await openAddForm();
    type(byName(form, "title"), " Severance ");
    type(byName<HTMLSelectElement>(form, "kind"), "series");
    type(byName(form, "year"), "2022");
    type(byName(form, "from_season"), "2");
    type(byName(form, "from_episode"), "3");
    type(byName(form, "imdb_id"), "tt11280740");
    await save(root);
    expect(fake.backend.addItem).toHaveBeenCalledWith({
      title: "Severance",
      kind: "series",
      year: 2022,
      from_season: 2,
      from_episode: 3,
      imdb_id: "tt11280740",
    });
    expect(root.querySelector('[data-testid="item-form"]')).toBeNull();
    expect(fake.backend.listItems.mock.calls.length).toBeGreaterThan(1);
  });
});

describe("server errors", () => {
  it("a validation error naming a field is shown next to that field", async () => {
    const { fake, root, form } = await openAddForm();
    fake.backend.addItem.mockRejectedValueOnce(new IpcError("validation", "year: must be between 1870 and 2030", "year"));
    type(byName(form, "title"), "Dune");
    type(byName<HTMLSelectElement>(form, "kind"), "movie");
    await save(root);
    expect(errorNextTo(form, "year")).toBe("year: must be between 1870 and 2030");
    expect(errorNextTo(form, "title")).toBe("");
    expect(byTestId(root, "item-form-error").hidden).toBe(true);
    expect(root.querySelector('[data-testid="item-form"]')).not.toBeNull();
  });

  it("an error about no form field is shown above the buttons", async () => {
    const { fake, root, form } = await openAddForm();
    fake.backend.addItem.mockRejectedValueOnce(new IpcError("internal", "the database is locked, try again"));
    type(byName(form, "title"), "Dune");
    type(byName<HTMLSelectElement>(form, "kind"), "movie");
    await save(root);
    const formError = byTestId(root, "item-form-error");
    expect(formError.hidden).toBe(false);
    expect(text(formError)).toBe("the database is locked, try again");
  });
});

describe("editing", () => {
  it("fills the form from the item and keeps what the form does not show", async () => {
    const fake = fakeBackend({
      items: [
        item({ id: 4, title: "Severance", kind: "series", from_season: 2, tvdb_id: 371980, categories: [5040], enabled: false }),
      ],
    });
    const { root } = await mount(fake);
    byTestId(root, "item-edit").click();
    const form = byTestId(root, "item-form");
    expect(byName(form, "title").value).toBe("Severance");
    expect(byName<HTMLSelectElement>(form, "kind").value).toBe("series");
    expect(byName(form, "from_season").value).toBe("2");
    type(byName(form, "title"), "Severance (US)");
    await save(root);
    expect(fake.backend.updateItem).toHaveBeenCalledWith(4, {
      title: "Severance (US)",
      kind: "series",
      year: null,
      from_season: 2,
      from_episode: null,
      imdb_id: null,
      tmdb_id: null,
      tvdb_id: 371980,
      categories: [5040],
      enabled: false,
    });
  });
});

describe("try a release name", () => {
  it("shows how the title parses, the verdict and the reason, using the form's current spec", async () => {
    const { fake, root, form } = await openAddForm();
    fake.state.items.push(item({ id: 9, title: "The Matrix Reloaded" }));
    fake.emit.itemsChanged();
    await flush();
    fake.backend.tryRelease.mockResolvedValueOnce({
      parsed: {
        title: "The Matrix",
        year: 1999,
        resolution: "1080p",
        source: "BluRay",
        codec: "x264",
        group: "GROUP",
        kind: "movie",
      },
      matches: true,
      rule: null,
      reason: "title and year match",
      matching_items: [9],
      rejected_items: [],
    });
    type(byName(form, "title"), "The Matrix");
    type(byName<HTMLSelectElement>(form, "kind"), "movie");
    type(byName(form, "year"), "1999");
    type(byTestId<HTMLInputElement>(root, "try-release-input"), "The.Matrix.1999.1080p.BluRay.x264-GROUP");
    byTestId(root, "try-release-button").click();
    await flush();

    expect(fake.backend.tryRelease).toHaveBeenCalledWith("The.Matrix.1999.1080p.BluRay.x264-GROUP", {
      title: "The Matrix",
      kind: "movie",
      year: 1999,
      from_season: null,
      from_episode: null,
      imdb_id: null,
    });
    expect(text(byTestId(root, "parsed-title"))).toBe("The Matrix");
    expect(text(byTestId(root, "parsed-year"))).toBe("1999");
    expect(text(byTestId(root, "parsed-resolution"))).toBe("1080p");
    expect(text(byTestId(root, "parsed-source"))).toBe("BluRay");
    expect(text(byTestId(root, "parsed-codec"))).toBe("x264");
    expect(text(byTestId(root, "parsed-group"))).toBe("GROUP");
    expect(text(byTestId(root, "parsed-season"))).toBe("–");
    expect(text(byTestId(root, "try-release-verdict"))).toBe("Would be notified for this item");
    expect(text(byTestId(root, "try-release-reason"))).toBe("title and year match");
    expect(text(byTestId(root, "try-release-others"))).toContain("The Matrix Reloaded");
    expect(fake.backend.addItem).not.toHaveBeenCalled();
  });

  it("says why a release does not match", async () => {
    const { fake, root, form } = await openAddForm();
    fake.backend.tryRelease.mockResolvedValueOnce({
      parsed: { title: "Dune Part Two", year: 2024, kind: "movie" },
      matches: false,
      rule: "title",
      reason: "title differs: \"dune part two\" is not \"dune\"",
      matching_items: [],
      rejected_items: [],
    });
    type(byName(form, "title"), "Dune");
    type(byName<HTMLSelectElement>(form, "kind"), "movie");
    type(byTestId<HTMLInputElement>(root, "try-release-input"), "Dune.Part.Two.2024.2160p");
    byTestId(root, "try-release-button").click();
    await flush();
    expect(text(byTestId(root, "try-release-verdict"))).toBe("Does not match this item");
    expect(text(byTestId(root, "try-release-reason"))).toContain("title differs");
  });

  it("sends no spec while the form is incomplete, and says so", async () => {
    const { fake, root } = await openAddForm();
    type(byTestId<HTMLInputElement>(root, "try-release-input"), "Some.Show.S01E01.720p");
    byTestId(root, "try-release-button").click();
    await flush();
    expect(fake.backend.tryRelease).toHaveBeenCalledWith("Some.Show.S01E01.720p", null);
    expect(text(byTestId(root, "try-release-verdict"))).toMatch(/Fill in the form/);
  });

  it("does not save the item when Enter is pressed in the release field", async () => {
    const { fake, root, form } = await openAddForm();
    type(byName(form, "title"), "Dune");
    type(byName<HTMLSelectElement>(form, "kind"), "movie");
    type(byTestId<HTMLInputElement>(root, "try-release-input"), "Dune.2021.1080p");
    byTestId<HTMLFormElement>(root, "try-release").requestSubmit();
    await flush();
    expect(fake.backend.tryRelease).toHaveBeenCalledTimes(1);
    expect(fake.backend.addItem).not.toHaveBeenCalled();
  });

  it("names the filter that refuses a release of this item, and why", async () => {
    const { fake, root, form } = await openAddForm();
    fake.backend.tryRelease.mockResolvedValueOnce({
      parsed: { title: "Dune", year: 2021, resolution: "720p", kind: "movie" },
      matches: false,
      rule: "min_resolution",
      reason: "title and year match; refused by min_resolution: 720p is below 1080p",
      matching_items: [],
      rejected_items: [],
    });
    type(byName(form, "title"), "Dune");
    type(byName<HTMLSelectElement>(form, "kind"), "movie");
    type(byTestId<HTMLSelectElement>(root, "filters.min_resolution"), "1080p");
    type(byTestId<HTMLInputElement>(root, "try-release-input"), "Dune.2021.720p.WEB-DL");
    byTestId(root, "try-release-button").click();
    await flush();
    expect(fake.backend.tryRelease.mock.calls[0]?.[1]?.filters).toEqual({ min_resolution: "1080p" });
    expect(text(byTestId(root, "try-release-verdict"))).toMatch(/a filter refuses it: would not be notified/);
    const rule = byTestId(root, "try-release-rule");
    expect(rule.dataset.rule).toBe("min_resolution");
    expect(text(rule)).toBe("Refused by: minimum resolution (min_resolution)");
    expect(text(byTestId(root, "try-release-reason"))).toContain("720p is below 1080p");
  });

  it("a title that is not of the item says so, with the rule", async () => {
    const { fake, root, form } = await openAddForm();
    fake.backend.tryRelease.mockResolvedValueOnce({
      parsed: { title: "Dune Part Two", kind: "movie" },
      matches: false,
      rule: "title",
      reason: "title differs",
      matching_items: [],
      rejected_items: [],
    });
    type(byName(form, "title"), "Dune");
    type(byName<HTMLSelectElement>(form, "kind"), "movie");
    type(byTestId<HTMLInputElement>(root, "try-release-input"), "Dune.Part.Two.2024");
    byTestId(root, "try-release-button").click();
    await flush();
    expect(text(byTestId(root, "try-release-verdict"))).toBe("Does not match this item");
    expect(text(byTestId(root, "try-release-rule"))).toBe("Refused by: title");
  });

  it("gives one line per other item: notified, or which filter refuses it", async () => {
    const fake = fakeBackend({
      items: [
        item({ id: 1, title: "Dune" }),
        item({ id: 2, title: "Dune (2021)" }),
        item({ id: 3, title: "Dune, 4K only" }),
      ],
    });
    const { root } = await mount(fake);
    byTestId(root, "item-edit").click();
    fake.backend.tryRelease.mockResolvedValueOnce({
      parsed: { title: "Dune", year: 2021, kind: "movie" },
      matches: true,
      rule: null,
      reason: "title matches",
      matching_items: [1, 2, 3],
      rejected_items: [{ item_id: 3, rejected: { rule: "min_resolution", reason: "1080p is below 2160p" } }],
    });
    type(byTestId<HTMLInputElement>(root, "try-release-input"), "Dune.2021.1080p");
    byTestId(root, "try-release-button").click();
    await flush();
    expect(root.querySelector('[data-testid="try-release-rule"]')).toBeNull();
    const lines = [...root.querySelectorAll<HTMLElement>('[data-testid="try-release-other"]')];
    expect(lines.map((l) => l.dataset.itemId)).toEqual(["2", "3"]);
    expect(lines.map(text)).toEqual([
      "Dune (2021): would be notified",
      "Dune, 4K only: filtered by minimum resolution (min_resolution): 1080p is below 2160p",
    ]);
  });
});
