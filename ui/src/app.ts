/**
 * The application shell: tabs (Watchlist, Found, Settings), the status bar, and the wiring between
 * backend events and views.
 *
 * The window is destroyed when closed and recreated from the tray, so nothing is remembered here: on mount
 * the app subscribes to every event first (so nothing pushed during loading is missed), then loads
 * settings, status, items and found releases from the backend. A status that arrives as an event while
 * `get_status` is in flight wins over the older answer.
 *
 * Once loaded, the page's query opens what a message linked to (`deepLink.ts`): `?item=ID` the Found tab for
 * that item, `?view=found` the Found tab. It is read on every mount, so a link opened before logging in still
 * lands there once logged in.
 */

import type { Context } from "./context";
import { parseDeepLink } from "./deepLink";
import { h, setText } from "./dom";
import { asIpcError, type Backend, type ItemView, type SettingsView, type Unlisten } from "./types";
import { FoundView } from "./views/found";
import { SettingsPage } from "./views/settings";
import { StatusBar } from "./views/statusBar";
import { WatchlistView } from "./views/watchlist";

export type Tab = "watchlist" | "found" | "settings";
const TABS: ReadonlyArray<{ tab: Tab; label: string }> = [
  { tab: "watchlist", label: "Watchlist" },
  { tab: "found", label: "Found" },
  { tab: "settings", label: "Settings" },
];

export interface AppOptions {
  /** The clock used for ages and times; tests pass a fixed one. */
  now?: () => Date;
  /** Browser: called after "Log out" ended the session (`boot.ts` then shows the login page). */
  onLoggedOut?: () => void;
  /** The page's query, for the links messages carry (`?item=7`); `window.location.search` when not given. */
  search?: string;
}

export interface App {
  readonly watchlist: WatchlistView;
  readonly found: FoundView;
  readonly settings: SettingsPage;
  readonly statusBar: StatusBar;
  showTab(tab: Tab): void;
  currentTab(): Tab;
  /** Stops listening to backend events. */
  destroy(): void;
}

export async function mountApp(root: HTMLElement, backend: Backend, options: AppOptions = {}): Promise<App> {
  const ctx: Context = { backend, now: options.now ?? (() => new Date()) };
  let items: ItemView[] = [];
  let itemsSequence = 0;
  let statusVersion = 0;
  let current: Tab = "watchlist";
  let unseenFound = 0;

  const appError = h("div", { class: "banner error", testid: "app-error", attrs: { role: "alert", hidden: true } });
  const showAppError = (message: string): void => {
    setText(appError, message);
    appError.hidden = message === "";
  };

  const reloadItems = async (): Promise<void> => {
    const mine = ++itemsSequence;
    try {
      const loaded = await backend.listItems();
      if (mine !== itemsSequence) return;
      items = loaded;
      watchlist.setItems(items);
      found.setItems(items);
    } catch (e) {
      if (mine === itemsSequence) showAppError(`Could not load the watchlist: ${asIpcError(e).message}`);
    }
  };

  const loadStatus = async (): Promise<void> => {
    const versionAtStart = statusVersion;
    try {
      const status = await backend.getStatus();
      if (statusVersion === versionAtStart) statusBar.setStatus(status);
    } catch (e) {
      showAppError(`Could not load the status: ${asIpcError(e).message}`);
    }
  };

  const watchlist = new WatchlistView(ctx, { reloadItems });
  const found = new FoundView(ctx);
  // Saved settings change the status (configured, problem, next check): ask for it again.
  const settings = new SettingsPage(ctx, { onChanged: () => void loadStatus() });
  const statusBar = new StatusBar(ctx, { openSettings: () => showTab("settings") });
  const views: Record<Tab, HTMLElement> = {
    watchlist: watchlist.element,
    found: found.element,
    settings: settings.element,
  };

  // Only a browser has a session to end; the app's window has none.
  const logoutButton = backend.isBrowser()
    ? h(
        "button",
        {
          class: "logout",
          testid: "logout",
          attrs: { type: "button" },
          on: {
            click: () => {
              logoutButton?.setAttribute("disabled", "");
              backend.logout().then(
                () => options.onLoggedOut?.(),
                (e: unknown) => {
                  logoutButton?.removeAttribute("disabled");
                  showAppError(`Could not log out: ${asIpcError(e).message}`);
                },
              );
            },
          },
        },
        "Log out",
      )
    : null;

  const foundBadge = h("span", { class: "badge count", testid: "found-badge", attrs: { hidden: true } });
  const navButtons = {} as Record<Tab, HTMLButtonElement>;
  for (const { tab, label } of TABS) {
    navButtons[tab] = h(
      "button",
      {
        class: "tab",
        testid: `nav-${tab}`,
        attrs: { type: "button", role: "tab", "aria-controls": `view-${tab}` },
        on: { click: () => showTab(tab) },
      },
      label,
      tab === "found" ? foundBadge : null,
    );
    views[tab].id = `view-${tab}`;
    views[tab].setAttribute("role", "tabpanel");
  }

  const showTab = (tab: Tab): void => {
    current = tab;
    for (const { tab: t } of TABS) {
      views[t].hidden = t !== tab;
      navButtons[t].setAttribute("aria-selected", String(t === tab));
      navButtons[t].classList.toggle("active", t === tab);
    }
    if (tab === "found") {
      unseenFound = 0;
      foundBadge.hidden = true;
    }
  };

  root.replaceChildren(
    h(
      "div",
      { class: "app" },
      h(
        "header",
        { class: "topbar" },
        h("h1", {}, "NightWatcher"),
        h("nav", { attrs: { role: "tablist", "aria-label": "Sections" } }, ...TABS.map(({ tab }) => navButtons[tab])),
        logoutButton,
      ),
      h("main", { class: "content" }, appError, watchlist.element, found.element, settings.element),
      statusBar.element,
    ),
  );
  showTab("watchlist");

  const unlisteners: Unlisten[] = await Promise.all([
    backend.onStatus((status) => {
      statusVersion += 1;
      statusBar.setStatus(status);
      statusBar.details.refreshIfOpen();
    }),
    backend.onProgress((progress) => statusBar.progress(progress)),
    backend.onCheckFinished((finished) => {
      statusBar.checkFinished(finished.run_id);
      statusBar.details.refreshIfOpen();
      // Item states and found releases both change with a check; reloading is cheap and local.
      void found.reload();
      void reloadItems();
    }),
    backend.onReleaseFound(() => {
      if (current !== "found") {
        unseenFound += 1;
        setText(foundBadge, String(unseenFound));
        foundBadge.hidden = false;
      }
      void found.reload();
    }),
    backend.onItemsChanged(() => void reloadItems()),
    backend.onGrabChanged(() => void found.reload()),
  ]);

  const loadSettings = async (): Promise<SettingsView | null> => {
    try {
      const view = await backend.getSettings();
      settings.update(view);
      return view;
    } catch (e) {
      showAppError(`Could not load the settings: ${asIpcError(e).message}`);
      return null;
    }
  };

  const [view] = await Promise.all([loadSettings(), loadStatus(), reloadItems(), found.reload()]);
  const link = parseDeepLink(options.search ?? window.location.search);
  if (link !== null) {
    // A link from a message: what it points to, even before setup is done.
    showTab(link.tab);
    if (link.itemId !== null) await found.showItem(link.itemId);
  } else if (view !== null && !view.configured) {
    // First run: nothing to watch without Prowlarr, so the guide in Settings comes first.
    showTab("settings");
  }

  return {
    watchlist,
    found,
    settings,
    statusBar,
    showTab,
    currentTab: () => current,
    destroy: () => {
      for (const unlisten of unlisteners) unlisten();
    },
  };
}
