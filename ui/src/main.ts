/**
 * Entry point: starts NightWatcher on #app with the real backend (the window's Tauri transport, or HTTP in a
 * browser; `backend.ts` picks). Everything else is in `boot.ts` and `app.ts`, which take the backend as a
 * parameter so tests can mount them with a fake.
 */

import "./style.css";
import { backend } from "./backend";
import { boot } from "./boot";

const root = document.getElementById("app");
if (root === null) throw new Error("index.html has no #app element to mount NightWatcher on");
void boot(root, backend);
