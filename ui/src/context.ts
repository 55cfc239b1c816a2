/**
 * What every view is given: the backend and a clock. Injected rather than imported so tests can hand in an
 * in-memory backend and a fixed "now".
 */

import type { Backend } from "./types";

export interface Context {
  backend: Backend;
  now: () => Date;
}
