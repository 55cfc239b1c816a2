#!/usr/bin/python3
"""Desktop app figures: launch to tray ready, memory (PSS) with the window open and 30 s after it is closed,
and idle CPU over 60 s with the window closed.

Run it inside the test session (an X display, a D-Bus session with a notification daemon and a keyring):

    dbus-run-session -- scripts/with-test-session /usr/bin/python3 bench/desktop_bench.py target/release/nightwatcher

It starts `nw-fakes --demo` (next to the app binary, or pass --fakes) and points the app at it, so the first check
finds releases and sends notifications, as a configured app would. Needs python3-xlib (Debian: python3-xlib) to
close the window the way a window manager does (WM_DELETE_WINDOW).
"""
import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time

from Xlib import X, display, protocol


def descendants(pid):
    """pid and every process below it."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except OSError:
            continue
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def comm(pid):
    try:
        with open(f"/proc/{pid}/comm") as f:
            return f.read().strip()
    except OSError:
        return "?"


def pss_kib(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def memory(pid):
    procs = {p: (comm(p), pss_kib(p)) for p in descendants(pid)}
    return sum(k for _, k in procs.values()) / 1024.0, {f"{c}[{p}]": round(k / 1024.0, 1) for p, (c, k) in procs.items()}


def cpu_ticks(pid):
    total = 0
    for p in descendants(pid):
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime + stime
        except OSError:
            pass
    return total


def close_window(title):
    d = display.Display()
    root = d.screen().root
    wm_delete = d.intern_atom("WM_DELETE_WINDOW")
    wm_protocols = d.intern_atom("WM_PROTOCOLS")

    def find(w):
        try:
            if w.get_wm_name() == title:
                return w
            for child in w.query_tree().children:
                found = find(child)
                if found:
                    return found
        except Exception:
            return None
        return None

    window = find(root)
    if window is None:
        raise SystemExit(f"no window titled {title!r}")
    event = protocol.event.ClientMessage(window=window, client_type=wm_protocols, data=(32, [wm_delete, X.CurrentTime, 0, 0, 0]))
    window.send_event(event, event_mask=X.NoEventMask)
    d.flush()
    d.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("app", help="path to the nightwatcher binary (a release build for real figures)")
    ap.add_argument("--fakes", help="path to nw-fakes (default: next to the app)")
    ap.add_argument("--idle-seconds", type=int, default=60)
    ap.add_argument("--after-close-seconds", type=int, default=30)
    args = ap.parse_args()

    app = os.path.abspath(args.app)
    fakes = args.fakes or os.path.join(os.path.dirname(app), "nw-fakes")
    work = tempfile.mkdtemp(prefix="nw-bench-")
    fake = subprocess.Popen([fakes, "--demo", "--prowlarr-port", "29696", "--telegram-port", "28081",
                             "--api-key", "bench-key", "--bot-token", "123:bench-token", "--chat-id", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1)
    env = dict(os.environ,
               NIGHTWATCHER_DB=os.path.join(work, "bench.db"),
               NIGHTWATCHER_KEYRING_SERVICE=f"nightwatcher-bench-{os.getpid()}",
               NIGHTWATCHER_PROWLARR_URL="http://127.0.0.1:29696",
               NIGHTWATCHER_PROWLARR_API_KEY="bench-key",
               NIGHTWATCHER_TELEGRAM_API_URL="http://127.0.0.1:28081",
               NIGHTWATCHER_TELEGRAM_BOT_TOKEN="123:bench-token",
               NIGHTWATCHER_TELEGRAM_CHAT_ID="1",
               RUST_LOG="info")

    lines, seen = [], {}
    started = time.monotonic()
    proc = subprocess.Popen([app], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def read():
        for line in proc.stderr:
            lines.append(line)
            for key in ("tray ready", "engine ready", "window connected", "window closed", "check finished", "exited"):
                if key in line and key not in seen:
                    seen[key] = time.monotonic() - started

    threading.Thread(target=read, daemon=True).start()

    def wait_for(key, timeout=60):
        end = time.monotonic() + timeout
        while key not in seen:
            if time.monotonic() > end or proc.poll() is not None:
                sys.stderr.write("".join(lines[-30:]))
                raise SystemExit(f"timed out waiting for {key!r}")
            time.sleep(0.05)
        return seen[key]

    try:
        tray = wait_for("tray ready")
        wait_for("window connected")
        wait_for("check finished")
        time.sleep(5)  # the page has loaded and rendered its data
        open_total, open_parts = memory(proc.pid)
        close_window("NightWatcher")
        wait_for("window closed")
        time.sleep(args.after_close_seconds)
        closed_total, closed_parts = memory(proc.pid)
        hz = os.sysconf("SC_CLK_TCK")
        t0, c0 = time.monotonic(), cpu_ticks(proc.pid)
        time.sleep(args.idle_seconds)
        t1, c1 = time.monotonic(), cpu_ticks(proc.pid)
        idle_cpu = 100.0 * (c1 - c0) / hz / (t1 - t0)
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=30)
        result = {
            "launch_to_tray_ready_s": round(tray, 3),
            "pss_window_open_mib": round(open_total, 1),
            "pss_window_open_by_process": open_parts,
            f"pss_{args.after_close_seconds}s_after_close_mib": round(closed_total, 1),
            "pss_after_close_by_process": closed_parts,
            f"idle_cpu_percent_of_a_core_over_{args.idle_seconds}s": round(idle_cpu, 3),
            "exit_code_on_sigterm": code,
        }
        print(json.dumps(result, indent=2))
    finally:
        if proc.poll() is None:
            proc.kill()
        fake.terminate()


if __name__ == "__main__":
    main()
