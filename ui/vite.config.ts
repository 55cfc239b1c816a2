/**
 * Vite builds the UI into ui/dist for the Tauri shell (src-tauri's frontendDist is ../ui/dist) and for the
 * engine's web server, and serves it on a fixed port for `tauri dev`. Vitest shares this file: tests run in
 * jsdom.
 */

import { defineConfig } from "vitest/config";

const devHost = process.env.TAURI_DEV_HOST;

export default defineConfig({
  // Relative asset URLs (./assets/…): the web server may serve the UI under any URL base (/nightwatcher/).
  base: "./",
  // Tauri prints its own output in the same terminal.
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
    host: devHost || false,
    hmr: devHost ? { protocol: "ws", host: devHost, port: 5174 } : undefined,
    watch: { ignored: ["**/src-tauri/**"] },
  },
  envPrefix: ["VITE_", "TAURI_ENV_"],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The CSP (the window's, and the web server's default-src 'self'; script-src 'self'; style-src 'self')
    // allows no inline script or style: nothing may be inlined as a data: URL either.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  test: {
    environment: "jsdom",
    include: ["test/**/*.test.ts"],
    restoreMocks: true,
  },
});
