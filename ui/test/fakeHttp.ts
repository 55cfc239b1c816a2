/** Fakes of the browser's side of the HTTP transport: server answers and an `EventSource`. */

/** An answer as the server sends it. */
export function answer(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  const text = body === undefined ? null : typeof body === "string" ? body : JSON.stringify(body);
  const contentType = typeof body === "string" ? "text/html" : "application/json";
  return new Response(text, { status, headers: { "Content-Type": contentType, ...headers } });
}

type Listener = (event: Event) => void;

/** Just enough of an EventSource: named listeners, readyState, close, and helpers to play the server. */
export class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];

  readyState = FakeEventSource.CONNECTING;
  closed = false;
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }

  addEventListener(type: string, listener: Listener): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)?.add(listener);
  }

  removeEventListener(type: string, listener: Listener): void {
    this.listeners.get(type)?.delete(listener);
  }

  close(): void {
    this.closed = true;
    this.readyState = FakeEventSource.CLOSED;
  }

  listenerCount(type: string): number {
    return this.listeners.get(type)?.size ?? 0;
  }

  private fire(type: string, event: Event): void {
    for (const listener of [...(this.listeners.get(type) ?? [])]) listener(event);
  }

  /** The connection is up. */
  connect(): void {
    this.readyState = FakeEventSource.OPEN;
    this.fire("open", new Event("open"));
  }

  /** A message with `event: name` and `data: json`. */
  send(name: string, data: string): void {
    this.fire(name, new MessageEvent(name, { data }));
  }

  /** An error; `gaveUp` as a browser does on an HTTP error status (no reconnection), else it reconnects. */
  fail(gaveUp: boolean): void {
    this.readyState = gaveUp ? FakeEventSource.CLOSED : FakeEventSource.CONNECTING;
    this.fire("error", new Event("error"));
  }
}

export function lastSource(): FakeEventSource {
  const source = FakeEventSource.instances.at(-1);
  if (source === undefined) throw new Error("no EventSource was opened");
  return source;
}

