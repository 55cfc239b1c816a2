/**
 * Entry point: mounts the app on #app with the real Tauri backend. Everything else is in `app.ts`, which
 * takes the backend as a parameter so tests can mount it with a fake.
 */

import "./style.css";
import { mountApp } from "./app";
import { backend } from "./backend";

const root = document.getElementById("app");
if (root === null) throw new Error("index.html has no #app element to mount NightWatcher on");
void mountApp(root, backend);
