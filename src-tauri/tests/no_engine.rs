//! The window program started with no engine to talk to (launched by hand, or the tray process died): it says
//! so and how to fix it, and exits 1 before opening anything. Runs the real binary; needs no display.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap

use std::process::Command;

#[test]
fn without_an_engine_the_window_says_to_start_nightwatcher() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_nightwatcher-window"))
        .env(
            "NIGHTWATCHER_SOCKET",
            dir.path().join("nobody-listens.sock"),
        )
        .env("RUST_LOG", "info")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("NightWatcher is not running") && stderr.contains("start `nightwatcher`"),
        "{stderr}"
    );
}

#[test]
fn a_socket_that_is_not_an_engine_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("silent.sock");
    // Something listens but never answers the hello: the window must not hang forever...
    let listener = std::os::unix::net::UnixListener::bind(&path).unwrap();
    let handle = std::thread::spawn(move || {
        // ...so the peer closes the connection at once, as a crashed engine would.
        let (stream, _) = listener.accept().unwrap();
        drop(stream);
    });
    let output = Command::new(env!("CARGO_BIN_EXE_nightwatcher-window"))
        .env("NIGHTWATCHER_SOCKET", &path)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    handle.join().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("the engine refused the window"), "{stderr}");
}
