/**
 * What `main.ts` starts: the app, and in a browser the login page in its place whenever there is no session.
 *
 * The app is mounted at once (in the window, and in a browser that already has a session cookie). When a
 * command or the event stream answers 401, the transport calls `onUnauthorized`: the app is destroyed (its
 * subscriptions end, which closes the event stream) and the login page is shown; once the password is
 * accepted the app is mounted again from scratch, which reloads everything. "Log out" ends the same way.
 */

import { mountApp, type App, type AppOptions } from "./app";
import type { Backend } from "./types";
import { LoginView } from "./views/login";

export interface Boot {
  /** What the root shows now. */
  showing(): "app" | "login";
  /** The mounted app, null while the login page is shown or the app is still mounting. */
  app(): App | null;
  /** Resolves once the current screen is ready (the app mounted, or the login page shown). */
  ready(): Promise<void>;
}

export async function boot(root: HTMLElement, backend: Backend, options: Omit<AppOptions, "onLoggedOut"> = {}): Promise<Boot> {
  let app: App | null = null;
  let showing: "app" | "login" = "app";
  // Bumped on each screen change, so an app whose mounting was overtaken by a 401 is destroyed, not kept.
  let generation = 0;
  let pending: Promise<void> = Promise.resolve();

  const showLogin = (): void => {
    if (showing === "login") return;
    showing = "login";
    generation += 1;
    app?.destroy();
    app = null;
    const view = new LoginView(backend, { onLoggedIn: () => void showApp() });
    root.replaceChildren(view.element);
    view.focus();
  };

  const showApp = (): Promise<void> => {
    const mine = ++generation;
    showing = "app";
    pending = mountApp(root, backend, { ...options, onLoggedOut: showLogin }).then((mounted) => {
      if (mine === generation) app = mounted;
      else mounted.destroy();
    });
    return pending;
  };

  if (backend.isBrowser()) backend.onUnauthorized(showLogin);
  await showApp();
  return { showing: () => showing, app: () => app, ready: () => pending };
}
