//! The local socket between the engine's process and the window's process.
//!
//! The desktop app is two processes so that an idle tray app holds no WebKit: the tray process runs the engine
//! and the [`server`]; the window process (Tauri + WebKitGTK) is started on "Open", talks to the engine through
//! a [`client`], and exits when the window closes. The protocol is one JSON object per line over a Unix socket
//! that only the user who runs the engine may use.
//!
//! - The client sends `{"id": 7, "cmd": "list_items", "args": {...}}`; the server answers
//!   `{"type": "reply", "id": 7, "ok": ...}` or `{"type": "reply", "id": 7, "error": {"kind", "message", "field"}}`.
//!   The commands and their results are the UI's (the [`crate::command::Command`] contract); errors are [`RemoteError`]s, which the
//!   window hands to the UI as they are.
//! - A window says `hello` with `{"role": "window"}` first. From then on the server pushes every engine event as
//!   `{"type": "event", "name": "status://changed", "payload": ...}`, `{"type": "focus"}` when the user asks
//!   for the window again, and `{"type": "close"}` when the app quits. Only one window is registered at a time: a
//!   second one is told `already_open` and the first is focused, which makes the window single-instance.
//! - `open_window` (sent by a second launch of the app) opens the window, or focuses the open one.

pub mod client;
pub mod protocol;
pub mod server;

use std::path::{Path, PathBuf};

pub use client::{Client, Push};
pub use protocol::RemoteError;
pub use server::{BindError, Server, ShellRequest};

/// Environment variable naming the socket; otherwise it is derived from the database path ([`socket_path`]).
pub const SOCKET_ENV: &str = "NIGHTWATCHER_SOCKET";

/// Longest socket path the kernel accepts (`sun_path` is 108 bytes with its terminating NUL).
pub const MAX_SOCKET_PATH: usize = 107;

/// The database the desktop app uses: `NIGHTWATCHER_DB`, or the OS data directory. Made absolute, so the tray
/// process and the window process, started from different directories, derive the same socket.
pub fn database_path() -> Result<PathBuf, String> {
    let path = match std::env::var_os("NIGHTWATCHER_DB").filter(|p| !p.is_empty()) {
        Some(path) => PathBuf::from(path),
        None => crate::store::Store::default_path().map_err(|e| e.to_string())?,
    };
    std::path::absolute(&path)
        .map_err(|e| format!("the database path {} is unusable: {e}", path.display()))
}

/// Where the engine for the database `db` listens: `$NIGHTWATCHER_SOCKET`, else
/// `$XDG_RUNTIME_DIR/nightwatcher-<hash of the database path>.sock` (a private, per-user, in-memory directory),
/// else `<database>.sock` next to the database. One engine per database file: a second one finds the first.
pub fn socket_path(db: &Path) -> PathBuf {
    if let Some(path) = std::env::var_os(SOCKET_ENV).filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    let db = std::fs::canonicalize(db).unwrap_or_else(|_| db.to_owned());
    if let Some(runtime) = std::env::var_os("XDG_RUNTIME_DIR").filter(|p| !p.is_empty()) {
        let hash = fnv1a(db.as_os_str().as_encoded_bytes());
        return Path::new(&runtime).join(format!("nightwatcher-{hash:016x}.sock"));
    }
    let mut path = db.into_os_string();
    path.push(".sock");
    PathBuf::from(path)
}

/// FNV-1a, 64 bits: a hash that stays the same across builds, so two builds of the app agree on the path.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_fnv1a() {
        // Published FNV-1a test vectors.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
