//! Generates the Tauri context and the ACL permissions of the app's own commands.
//!
//! Declaring the commands in the app manifest makes Tauri generate an `allow-<command>` permission for each,
//! and makes every command denied unless a capability grants it: `capabilities/default.json` grants the UI
//! exactly these, so a command added here but not there fails loudly instead of being open by default.

/// `engine` forwards every command of the engine's contract (`nightwatcher_engine::command::Command`), which the
/// engine parses and validates; `open_link` is the window's own.
const COMMANDS: &[&str] = &["engine", "open_link"];

fn main() {
    // The UI is embedded at compile time (`generate_context!`), but tauri-build does not tell Cargo to watch it:
    // without this, a rebuilt `ui/dist` would leave the window serving the previous UI.
    println!("cargo:rerun-if-changed=../ui/dist");
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {e:#}");
    }
}
