/**
 * The collapsible "Filters" section of the item form: every `ItemFilters` field as an input.
 *
 * Checkboxes show what is allowed: by default every source but the pre-release ones (CAM, TELESYNC,
 * TELECINE, SCREENER) and every codec are checked, which is what an absent filter means, so an untouched
 * section sends no `filters` at all. Its inputs report errors through the form's `Fields`, named as the
 * engine names them (`filters.must_contain`).
 */

import { h, setText } from "../dom";
import {
  CODECS,
  countFilters,
  filterValues,
  parseFilterForm,
  PRE_RELEASE_SOURCES,
  PROTOCOLS,
  RESOLUTIONS,
  SOURCES,
  type FilterFormValues,
} from "../filters";
import type { ItemFilters } from "../types";
import type { Fields } from "./fields";
import type { ItemField } from "../validation";

type TextKey = "min_size_mb" | "max_size_mb" | "min_seeders" | "must_contain" | "must_not_contain" | "languages" | "indexers";
type SelectKey = "min_resolution" | "max_resolution" | "protocol";

export class FiltersSection {
  readonly element: HTMLDetailsElement;
  private readonly count: HTMLElement;
  private readonly selects = {} as Record<SelectKey, HTMLSelectElement>;
  private readonly inputs = {} as Record<TextKey, HTMLInputElement>;

  constructor(
    private readonly fields: Fields<ItemField>,
    filters: ItemFilters | undefined,
  ) {
    const select = (key: SelectKey, anyLabel: string, choices: readonly string[]): HTMLSelectElement => {
      const el = h(
        "select",
        {},
        h("option", { attrs: { value: "" } }, anyLabel),
        ...choices.map((c) => h("option", { attrs: { value: c } }, c)),
      );
      this.selects[key] = el;
      return el;
    };
    const input = (key: TextKey, attrs: Record<string, string>): HTMLInputElement => {
      const el = h("input", { attrs: { autocomplete: "off", spellcheck: "false", ...attrs } });
      this.inputs[key] = el;
      return el;
    };
    const number = (key: TextKey, placeholder: string): HTMLInputElement =>
      input(key, { type: "number", min: "0", step: "1", inputmode: "numeric", placeholder });
    const text = (key: TextKey, placeholder: string): HTMLInputElement => input(key, { type: "text", placeholder });
    const f = fields;
    const preRelease = PRE_RELEASE_SOURCES.join(", ");

    this.count = h("span", { class: "muted", testid: "item-filters-count" });
    this.element = h(
      "details",
      { class: "filters", testid: "item-filters" },
      h("summary", { testid: "item-filters-summary" }, "Filters ", this.count),
      h(
        "p",
        { class: "hint" },
        "A release of this item that a filter refuses is kept in Found with the reason, and not notified. " +
          "Empty inputs do not filter.",
      ),
      h(
        "div",
        { class: "fields" },
        f.field("filters.min_resolution", "Minimum resolution", select("min_resolution", "Any", RESOLUTIONS), undefined, "filters.min_resolution"),
        f.field("filters.max_resolution", "Maximum resolution", select("max_resolution", "Any", RESOLUTIONS), undefined, "filters.max_resolution"),
        f.field("filters.protocol", "Protocol", select("protocol", "Torrent or Usenet", PROTOCOLS), undefined, "filters.protocol"),
        f.checkboxes(
          "filters.sources",
          "Sources",
          SOURCES,
          (v) => `source-${v}`,
          `${preRelease} are excluded unless checked.`,
        ),
        f.checkboxes("filters.codecs", "Codecs", CODECS, (v) => `codec-${v}`, "All checked: any codec."),
        f.field("filters.min_size_mb", "Minimum size (MiB)", number("min_size_mb", "e.g. 500"), "Per file for a movie, per episode for a series", "filters.min_size_mb"),
        f.field("filters.max_size_mb", "Maximum size (MiB)", number("max_size_mb", "e.g. 8000"), "Per file for a movie, per episode for a series", "filters.max_size_mb"),
        f.field("filters.min_seeders", "Minimum seeders", number("min_seeders", "e.g. 5"), "Torrents only: Usenet has no seeders", "filters.min_seeders"),
        f.field(
          "filters.must_contain",
          "Must contain",
          text("must_contain", "HDR, /\\bDV\\b/"),
          "Comma-separated; at least one must appear. Whole words, any case; write /regex/ for a regular expression.",
          "filters.must_contain",
        ),
        f.field(
          "filters.must_not_contain",
          "Must not contain",
          text("must_not_contain", "HDCAM, /\\bHC\\b/"),
          "Comma-separated; none may appear. Whole words, any case; write /regex/ for a regular expression.",
          "filters.must_not_contain",
        ),
        f.field(
          "filters.languages",
          "Languages",
          text("languages", "english, french"),
          "Comma-separated names (or codes: en, fr). A name without a language tag counts as English; MULTi passes.",
          "filters.languages",
        ),
        f.field(
          "filters.indexers",
          "Indexers",
          text("indexers", "3, ExampleTracker"),
          "Comma-separated Prowlarr ids or names: only these indexers are searched, and results from others are refused.",
          "filters.indexers",
        ),
      ),
    );
    this.fill(filterValues(filters));
    this.element.open = countFilters(filters) > 0;
    this.refresh();
  }

  /** What the inputs hold. */
  values(): FilterFormValues {
    return {
      min_resolution: this.selects.min_resolution.value,
      max_resolution: this.selects.max_resolution.value,
      protocol: this.selects.protocol.value,
      sources: this.fields.checked("filters.sources"),
      codecs: this.fields.checked("filters.codecs"),
      min_size_mb: this.numberValue(this.inputs.min_size_mb),
      max_size_mb: this.numberValue(this.inputs.max_size_mb),
      min_seeders: this.numberValue(this.inputs.min_seeders),
      must_contain: this.inputs.must_contain.value,
      must_not_contain: this.inputs.must_not_contain.value,
      languages: this.inputs.languages.value,
      indexers: this.inputs.indexers.value,
    };
  }

  /** Updates the summary's count of filters set. */
  refresh(): void {
    const n = countFilters(parseFilterForm(this.values()).filters);
    setText(this.count, n === 0 ? "(none)" : `(${n} set)`);
  }

  private fill(values: FilterFormValues): void {
    for (const key of Object.keys(this.selects) as SelectKey[]) this.selects[key].value = values[key];
    for (const key of Object.keys(this.inputs) as TextKey[]) this.inputs[key].value = values[key];
    this.fields.setChecked("filters.sources", values.sources);
    this.fields.setChecked("filters.codecs", values.codecs);
  }

  /** A number input's text; one the browser could not read (`validity.badInput`) is passed on as is, to be refused. */
  private numberValue(el: HTMLInputElement): string {
    return el.value === "" && el.validity?.badInput ? "?" : el.value;
  }
}
