/**
 * The add/edit form of one watchlist item, and "Try a release name" beside it.
 *
 * Errors are shown next to the field they concern, whether they come from the client-side rules
 * (`validation.ts`, `filters.ts`) or from the server (`IpcError.field`, `filters.must_contain` for a
 * filter), so the user never has to map a message back to an input. Editing fills every input from the item
 * and keeps what the form does not show (TMDb/TVDb ids, custom categories, enabled), because `update_item`
 * replaces the whole spec.
 */

import type { Context } from "../context";
import { h, showMessage } from "../dom";
import { asIpcError, type ItemSpec, type WatchlistItem } from "../types";
import {
  BASE_FIELDS,
  ITEM_FIELDS,
  isItemField,
  maxYear,
  MIN_YEAR,
  parseItemForm,
  type BaseField,
  type FieldErrors,
  type ItemField,
  type ItemFormValues,
  type TrackingMode,
} from "../validation";
import { Fields, type Control } from "./fields";
import { FiltersSection } from "./itemFilters";
import { tryRelease } from "./tryRelease";

export interface ItemFormOptions {
  /** The item being edited, or null to add one. */
  item: WatchlistItem | null;
  /** Title of a stored item, to name the other items a tried release matches. */
  itemTitle: (id: number) => string | undefined;
  /** Called when the form is saved (true) or cancelled (false). */
  onClose: (saved: boolean) => void;
}

const DEFAULT_CATEGORY = { movie: 2000, series: 5000 } as const;

/** The parts of a stored item the form does not edit, carried over into the updated spec. */
function carriedOver(item: WatchlistItem | null, kind: ItemSpec["kind"]): Partial<ItemSpec> {
  if (item === null) return {};
  const defaultOnly = item.categories.length === 1 && item.categories[0] === DEFAULT_CATEGORY[item.kind];
  // Custom categories belong to the kind they were chosen for; a changed kind gets its own default.
  const categories = kind === item.kind && !defaultOnly ? [...item.categories] : null;
  return { tmdb_id: item.tmdb_id ?? null, tvdb_id: item.tvdb_id ?? null, categories, enabled: item.enabled };
}

function numberText(n: number | undefined): string {
  return n === undefined ? "" : String(n);
}

/** The tracking mode that shows an item's settings. A new series starts at "from an episode", whose empty
 * inputs also mean every episode, so its season input is at hand. */
function trackingOf(item: WatchlistItem | null): TrackingMode {
  if (item === null) return "from_episode";
  if (item.from_date !== undefined) return "from_date";
  if (item.only_season !== undefined) return "only_season";
  if (item.from_season !== undefined) return "from_episode";
  return "everything";
}

const TRACKING_INPUTS: Record<TrackingMode, readonly BaseField[]> = {
  everything: [],
  from_episode: ["from_season", "from_episode"],
  only_season: ["only_season"],
  from_date: ["from_date"],
};

export function itemForm(ctx: Context, opts: ItemFormOptions): HTMLElement {
  const { item } = opts;
  const fields = new Fields<ItemField>();
  const controls = {} as Record<BaseField, Control>;
  // After the first save attempt, errors follow the user's typing so a fixed field clears at once.
  let attempted = false;

  const textInput = (value: string, extra: Record<string, string> = {}): HTMLInputElement =>
    h("input", { attrs: { type: "text", value, autocomplete: "off", ...extra } });
  const field = (name: BaseField, label: string, control: Control, hint?: string, testid?: string): HTMLElement => {
    controls[name] = control;
    return fields.field(name, label, control, hint, testid);
  };

  const kindSelect = h(
    "select",
    {},
    h("option", { attrs: { value: "" } }, "Choose…"),
    h("option", { attrs: { value: "movie" } }, "Movie"),
    h("option", { attrs: { value: "series" } }, "Series"),
  );
  kindSelect.value = item?.kind ?? "";

  const trackingSelect = h(
    "select",
    { testid: "tracking", attrs: { name: "tracking", id: "item-tracking" } },
    h("option", { attrs: { value: "everything" } }, "Every episode"),
    h("option", { attrs: { value: "from_episode" } }, "From an episode on (SxxEyy)"),
    h("option", { attrs: { value: "only_season" } }, "One season only"),
    h("option", { attrs: { value: "from_date" } }, "Daily show: from a date on"),
  );
  trackingSelect.value = trackingOf(item);
  const trackingField = h(
    "div",
    { class: "field", attrs: { "data-field": "tracking" } },
    h("label", { attrs: { for: "item-tracking" } }, "Follow"),
    trackingSelect,
  );

  const aliases = h("textarea", {
    attrs: { rows: 2, spellcheck: "false", placeholder: "Le Prestige" },
  });
  aliases.value = (item?.aliases ?? []).join("\n");

  const year = ctx.now().getUTCFullYear();
  const filters = new FiltersSection(fields, item?.filters);
  const fieldList = h(
    "div",
    { class: "fields" },
    field("title", "Title", textInput(item?.title ?? "", { spellcheck: "false" })),
    field("kind", "Kind", kindSelect),
    field(
      "year",
      "Year",
      textInput(numberText(item?.year), { inputmode: "numeric", placeholder: String(year) }),
      `Optional, ${MIN_YEAR}–${maxYear(ctx.now())}`,
    ),
    field(
      "imdb_id",
      "IMDb id",
      textInput(item?.imdb_id ?? "", { placeholder: "tt0133093", spellcheck: "false" }),
      "Optional, makes searches precise",
    ),
    field("aliases", "Also known as", aliases, "Optional: other titles it is released under, one a line", "aliases"),
    trackingField,
    field(
      "from_season",
      "From season",
      textInput(numberText(item?.from_season), { inputmode: "numeric" }),
      "Empty: from the first episode",
    ),
    field(
      "from_episode",
      "From episode",
      textInput(numberText(item?.from_episode), { inputmode: "numeric" }),
      "Optional, needs a season",
    ),
    field(
      "only_season",
      "Season",
      textInput(numberText(item?.only_season), { inputmode: "numeric" }),
      "Its episodes and the packs that contain it",
      "only_season",
    ),
    field(
      "from_date",
      "Aired on or after",
      textInput(item?.from_date ?? "", { placeholder: "2024-03-15", spellcheck: "false" }),
      "YYYY-MM-DD, for shows released by air date",
      "from_date",
    ),
  );

  const formError = h("p", { class: "message error", testid: "item-form-error", attrs: { role: "alert", hidden: true } });
  const saveButton = h("button", { class: "primary", testid: "item-save", attrs: { type: "submit" } }, "Save");
  const cancelButton = h(
    "button",
    { testid: "item-cancel", attrs: { type: "button" }, on: { click: () => opts.onClose(false) } },
    "Cancel",
  );

  const values = (): ItemFormValues => {
    const v = {} as Record<BaseField, string>;
    for (const name of BASE_FIELDS) v[name] = controls[name].value;
    return { ...v, tracking: trackingSelect.value as TrackingMode, filters: filters.values() };
  };

  const showErrors = (errors: FieldErrors): void => {
    fields.show(errors);
    // An error inside the collapsed section must not go unseen.
    if (Object.keys(errors).some((name) => name.startsWith("filters."))) filters.element.open = true;
  };

  const focusFirst = (errors: FieldErrors): void => {
    const first = ITEM_FIELDS.find((name) => errors[name] !== undefined);
    if (first) fields.focus(first);
  };

  /** The spec the form describes, or null when it breaks a rule. */
  const currentSpec = (): { spec: ItemSpec | null; errors: FieldErrors } => {
    const { spec, errors } = parseItemForm(values(), ctx.now());
    if (Object.keys(errors).length > 0) return { spec: null, errors };
    return { spec: { ...spec, ...carriedOver(item, spec.kind) }, errors };
  };

  const syncKind = (): void => {
    const series = kindSelect.value === "series";
    trackingField.hidden = !series;
    const shown = series ? TRACKING_INPUTS[trackingSelect.value as TrackingMode] ?? [] : [];
    for (const name of ["from_season", "from_episode", "only_season", "from_date"] as const) {
      fields.wrapper(name).hidden = !shown.includes(name);
    }
  };
  syncKind();

  const form = h(
    "form",
    {
      class: "item-form",
      testid: "item-form",
      attrs: { novalidate: true },
      on: {
        input: () => {
          filters.refresh();
          if (attempted) showErrors(currentSpec().errors);
        },
        change: () => {
          syncKind();
          filters.refresh();
          if (attempted) showErrors(currentSpec().errors);
        },
        submit: (event) => {
          event.preventDefault();
          void save();
        },
      },
    },
    h("h3", {}, item ? "Edit item" : "Add an item"),
    fieldList,
    filters.element,
    formError,
    h("div", { class: "actions" }, saveButton, cancelButton),
  );

  const save = async (): Promise<void> => {
    attempted = true;
    showMessage(formError, "");
    const { spec, errors } = currentSpec();
    showErrors(errors);
    if (spec === null) {
      focusFirst(errors);
      return;
    }
    saveButton.disabled = true;
    try {
      if (item) await ctx.backend.updateItem(item.id, spec);
      else await ctx.backend.addItem(spec);
      opts.onClose(true);
    } catch (e) {
      const error = asIpcError(e);
      if (error.kind === "validation" && isItemField(error.field)) {
        const shown: FieldErrors = { [error.field]: error.message };
        showErrors(shown);
        focusFirst(shown);
      } else {
        showMessage(formError, error.message, "error");
      }
    } finally {
      saveButton.disabled = false;
    }
  };

  return h(
    "div",
    { class: "panel item-editor" },
    form,
    tryRelease(ctx, { itemId: item?.id ?? null, itemTitle: opts.itemTitle, spec: () => currentSpec().spec }),
  );
}
