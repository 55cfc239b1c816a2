import { describe, expect, it, vi } from "vitest";

import { EngineSection } from "../src/views/engineSettings";
import { IpcError } from "../src/types";
import { fakeBackend } from "./helpers";

function mount(backend = fakeBackend().backend) {
  const reload = vi.fn();
  const section = new EngineSection({ backend, now: () => new Date("2025-03-14T12:00:00Z") }, reload);
  document.body.replaceChildren(section.element);
  return { backend, section, reload };
}

const byTestId = <T extends HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`)!;

describe("Settings → Engine", () => {
  it("shows where the engine runs, with the server fields hidden for this computer", async () => {
    const { section } = mount();
    await section.load();
    expect(section.element.hidden).toBe(false);
    expect(byTestId<HTMLInputElement>("engine-local").checked).toBe(true);
    expect(byTestId("engine-server-fields").hidden).toBe(true);
  });

  it("stays hidden where the backend has no engine choice (a browser)", async () => {
    const { backend } = fakeBackend();
    backend.getEngine.mockRejectedValueOnce(new IpcError("unknown_command", "no such command"));
    const { section } = mount(backend);
    await section.load();
    expect(section.element.hidden).toBe(true);
  });

  it("tests a server without switching and shows its version", async () => {
    const { backend, section, reload } = mount();
    await section.load();
    byTestId<HTMLInputElement>("engine-server").click();
    byTestId<HTMLInputElement>("engine-url").value = "http://nas.local:8711";
    byTestId<HTMLInputElement>("engine-api-key").value = "k".repeat(64);
    byTestId<HTMLButtonElement>("engine-test").click();
    await vi.waitFor(() => expect(byTestId("engine-result").textContent).toBe("Connected to NightWatcher 0.1.0."));
    expect(backend.testEngine).toHaveBeenCalledWith("http://nas.local:8711", "k".repeat(64));
    expect(backend.setEngine).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
  });

  it("switches to the server, clears the typed key and reloads the window", async () => {
    const { backend, section, reload } = mount();
    await section.load();
    byTestId<HTMLInputElement>("engine-server").click();
    byTestId<HTMLInputElement>("engine-url").value = " http://nas.local:8711 ";
    byTestId<HTMLInputElement>("engine-api-key").value = "secret-key";
    byTestId<HTMLButtonElement>("engine-apply").click();
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect(backend.setEngine).toHaveBeenCalledWith({ mode: "server", url: "http://nas.local:8711", apiKey: "secret-key" });
    expect(byTestId<HTMLInputElement>("engine-api-key").value).toBe("");
    expect(byTestId("engine-key-state").textContent).toBe("saved");
  });

  it("a refused switch says why and changes nothing", async () => {
    const { backend } = fakeBackend();
    backend.setEngine.mockRejectedValueOnce(new IpcError("unreachable", "the NightWatcher server at http://nas/ cannot be reached"));
    const { section, reload } = mount(backend);
    await section.load();
    byTestId<HTMLInputElement>("engine-server").click();
    byTestId<HTMLInputElement>("engine-url").value = "http://nas/";
    byTestId<HTMLButtonElement>("engine-apply").click();
    await vi.waitFor(() => expect(byTestId("engine-result").textContent).toContain("cannot be reached"));
    expect(reload).not.toHaveBeenCalled();
    expect(byTestId<HTMLInputElement>("engine-local").checked).toBe(false);
  });
});
