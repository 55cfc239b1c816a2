/**
 * The add/edit form of one watchlist item, and "Try a release name" beside it.
 *
 * Errors are shown next to the field they concern, whether they come from the client-side rules
 * (`validation.ts`) or from the server (`IpcError.field`), so the user never has to map a message back to
 * an input. Editing keeps what the form does not show (TMDb/TVDb ids, custom categories, enabled), because
 * `update_item` replaces the whole spec.
 */

import type { Context } from "../context";
import { append, h, replace, setAttr, showMessage } from "../dom";
import { asIpcError, type ItemSpec, type TryResult, type WatchlistItem } from "../types";
import {
  ITEM_FIELDS,
  isItemField,
  maxYear,
  MIN_YEAR,
  parseItemForm,
  type FieldErrors,
  type ItemField,
  type ItemFormValues,
} from "../validation";

export interface ItemFormOptions {
  /** The item being edited, or null to add one. */
  item: WatchlistItem | null;
  /** Title of a stored item, to name the other items a tried release matches. */
  itemTitle: (id: number) => string | undefined;
  /** Called when the form is saved (true) or cancelled (false). */
  onClose: (saved: boolean) => void;
}

type Control = HTMLInputElement | HTMLSelectElement;

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

export function itemForm(ctx: Context, opts: ItemFormOptions): HTMLElement {
  const { item } = opts;
  const controls = {} as Record<ItemField, Control>;
  const errorEls = {} as Record<ItemField, HTMLElement>;
  const wrappers = {} as Record<ItemField, HTMLElement>;
  // After the first save attempt, errors follow the user's typing so a fixed field clears at once.
  let attempted = false;

  const textInput = (value: string, extra: Record<string, string> = {}): HTMLInputElement =>
    h("input", { attrs: { type: "text", value, autocomplete: "off", ...extra } });

  const kindSelect = h(
    "select",
    {},
    h("option", { attrs: { value: "" } }, "Choose…"),
    h("option", { attrs: { value: "movie" } }, "Movie"),
    h("option", { attrs: { value: "series" } }, "Series"),
  );
  kindSelect.value = item?.kind ?? "";

  const field = (name: ItemField, label: string, control: Control, hint?: string): HTMLElement => {
    const id = `item-${name}`;
    control.id = id;
    control.name = name;
    setAttr(control, "aria-describedby", `${id}-error`);
    controls[name] = control;
    errorEls[name] = h("p", {
      class: "field-error",
      testid: `field-error-${name}`,
      attrs: { id: `${id}-error`, hidden: true },
    });
    wrappers[name] = h(
      "div",
      { class: "field", attrs: { "data-field": name } },
      h("label", { attrs: { for: id } }, label),
      control,
      hint ? h("p", { class: "hint" }, hint) : null,
      errorEls[name],
    );
    return wrappers[name];
  };

  const year = ctx.now().getUTCFullYear();
  const fields = h(
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
      "from_season",
      "From season",
      textInput(numberText(item?.from_season), { inputmode: "numeric" }),
      "Optional: notify from this season on",
    ),
    field(
      "from_episode",
      "From episode",
      textInput(numberText(item?.from_episode), { inputmode: "numeric" }),
      "Optional, needs a season",
    ),
    field(
      "imdb_id",
      "IMDb id",
      textInput(item?.imdb_id ?? "", { placeholder: "tt0133093", spellcheck: "false" }),
      "Optional, makes searches precise",
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
    const v = {} as ItemFormValues;
    for (const name of ITEM_FIELDS) v[name] = controls[name].value;
    return v;
  };

  const showErrors = (errors: FieldErrors): void => {
    for (const name of ITEM_FIELDS) {
      const message = errors[name] ?? "";
      showMessage(errorEls[name], message, "error");
      wrappers[name].classList.toggle("invalid", message !== "");
      setAttr(controls[name], "aria-invalid", message !== "" ? "true" : null);
    }
  };

  /** The spec the form describes, or null when it breaks a rule. */
  const currentSpec = (): { spec: ItemSpec | null; errors: FieldErrors } => {
    const { spec, errors } = parseItemForm(values(), ctx.now());
    if (Object.keys(errors).length > 0) return { spec: null, errors };
    return { spec: { ...spec, ...carriedOver(item, spec.kind) }, errors };
  };

  const syncKind = (): void => {
    const series = kindSelect.value === "series";
    wrappers.from_season.hidden = !series;
    wrappers.from_episode.hidden = !series;
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
          if (attempted) showErrors(currentSpec().errors);
        },
        change: () => {
          syncKind();
          if (attempted) showErrors(currentSpec().errors);
        },
        submit: (event) => {
          event.preventDefault();
          void save();
        },
      },
    },
    h("h3", {}, item ? "Edit item" : "Add an item"),
    fields,
    formError,
    h("div", { class: "actions" }, saveButton, cancelButton),
  );

  const save = async (): Promise<void> => {
    attempted = true;
    showMessage(formError, "");
    const { spec, errors } = currentSpec();
    showErrors(errors);
    if (spec === null) {
      const first = ITEM_FIELDS.find((name) => errors[name] !== undefined);
      if (first) controls[first].focus();
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
        showErrors({ [error.field]: error.message });
        controls[error.field].focus();
      } else {
        showMessage(formError, error.message, "error");
      }
    } finally {
      saveButton.disabled = false;
    }
  };

  return h("div", { class: "panel item-editor" }, form, tryRelease(ctx, opts, () => currentSpec().spec));
}

const PARSED_FIELDS: ReadonlyArray<[string, (r: TryResult["parsed"]) => string | undefined]> = [
  ["title", (p) => p.title],
  ["year", (p) => p.year?.toString()],
  ["season", (p) => (p.seasons && p.seasons.length > 1 ? p.seasons.join(", ") : p.season?.toString())],
  ["episode", (p) => (p.episodes && p.episodes.length > 1 ? p.episodes.join(", ") : p.episode?.toString())],
  ["resolution", (p) => p.resolution],
  ["source", (p) => p.source],
  ["codec", (p) => p.codec],
  ["group", (p) => p.group],
  ["kind", (p) => p.kind],
];

/** "Try a release name": how a title parses and whether it matches the item as currently filled in. */
function tryRelease(ctx: Context, opts: ItemFormOptions, spec: () => ItemSpec | null): HTMLElement {
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
    const verdict =
      used === null
        ? "Fill in the form above (title and kind) to see whether it matches this item."
        : res.matches
          ? "Matches this item"
          : "Does not match this item";
    const tone = used === null || res.matches === null ? "unknown" : res.matches ? "match" : "no-match";
    const others = res.matching_items
      .filter((id) => id !== opts.item?.id)
      .map((id) => opts.itemTitle(id) ?? `item ${id}`);
    const parsed = h("dl", { class: "parsed", testid: "try-release-parsed" });
    for (const [name, get] of PARSED_FIELDS) {
      append(parsed, h("dt", {}, name), h("dd", { testid: `parsed-${name}` }, get(res.parsed) || "–"));
    }
    const flags = [res.parsed.proper ? "PROPER" : "", res.parsed.repack ? "REPACK" : ""].filter(Boolean);
    replace(
      result,
      h("p", { class: `verdict ${tone}`, testid: "try-release-verdict" }, verdict),
      h("p", { class: "reason", testid: "try-release-reason" }, res.reason),
      parsed,
      flags.length > 0 ? h("p", { class: "hint" }, `Flags: ${flags.join(", ")}`) : null,
      others.length > 0
        ? h("p", { class: "hint", testid: "try-release-others" }, `Also matches on your watchlist: ${others.join(", ")}`)
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
    const used = spec();
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

  const form = h(
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
    h("p", { class: "hint" }, "Paste a release title to see how NightWatcher reads it and whether this item would match it."),
    h("div", { class: "inline" }, h("label", { class: "sr-only", attrs: { for: "try-release-title" } }, "Release name"), input, button),
    result,
  );
  return form;
}
