//! The faces agree with the engine's one command contract (`nightwatcher_engine::command`).
//!
//! The window's Tauri shell declares two commands (`engine`, which forwards every engine command, and its own
//! `open_link`) in three places — its `build.rs`, its capabilities and its handler list — and the UI's
//! `backend.ts` names every engine command and every error kind. These tests read those files and fail when
//! one of them drifts from the contract, so a command is added in the engine alone.

#![allow(clippy::unwrap_used)] // tests may unwrap

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use nightwatcher_engine::command::{Command, ErrorKind};
use nightwatcher_engine::ipc::protocol::SHELL_COMMANDS;
use nightwatcher_engine::service::{ItemStatus, ProblemKind};
use nightwatcher_engine::store::{NotificationKind, RunStatus};
use regex::Regex;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &str) -> String {
    std::fs::read_to_string(repo().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every capture of the pattern's first group.
fn captures(text: &str, pattern: &str) -> BTreeSet<String> {
    Regex::new(pattern)
        .unwrap()
        .captures_iter(text)
        .map(|c| c[1].to_owned())
        .collect()
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|n| (*n).to_owned()).collect()
}

/// The window's own commands: the forwarder and the link opener.
const WINDOW_COMMANDS: &[&str] = &["engine", "open_link"];

#[test]
fn the_window_declares_exactly_the_forwarder_and_its_own_commands() {
    let build = read("src-tauri/build.rs");
    let list = Regex::new(r"(?s)const COMMANDS: &\[&str\] = &\[(.*?)\];")
        .unwrap()
        .captures(&build)
        .expect("src-tauri/build.rs has a COMMANDS list")[1]
        .to_owned();
    assert_eq!(captures(&list, r#""([a-z_]+)""#), set(WINDOW_COMMANDS));

    let capabilities: serde_json::Value =
        serde_json::from_str(&read("src-tauri/capabilities/default.json")).unwrap();
    let granted: BTreeSet<String> = capabilities["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect();
    assert_eq!(granted, set(WINDOW_COMMANDS), "capabilities/default.json");

    let handlers = read("src-tauri/src/lib.rs");
    assert_eq!(
        captures(&handlers, r"commands::([a-z_]+)"),
        set(WINDOW_COMMANDS),
        "the handler list in src-tauri/src/lib.rs"
    );
    let defined = captures(
        &read("src-tauri/src/commands.rs"),
        r"#\[tauri::command\]\s*pub async fn ([a-z_]+)",
    );
    assert_eq!(defined, set(WINDOW_COMMANDS), "src-tauri/src/commands.rs");
}

#[test]
fn the_ui_backend_calls_every_engine_command_and_no_other() {
    let backend = read("ui/src/backend.ts");
    let called = captures(&backend, r#"\bcall(?:<[^>]*>)?\(\s*"([a-z_]+)""#);
    assert_eq!(
        called,
        set(Command::NAMES),
        "commands called in ui/src/backend.ts"
    );
}

#[test]
fn the_ui_asks_the_shell_only_for_its_commands() {
    let backend = read("ui/src/backend.ts");
    let asked = captures(&backend, r#"\bshellCall(?:<[^>]*>)?\(\s*"([a-z_]+)""#);
    assert_eq!(
        asked,
        set(SHELL_COMMANDS),
        "shellCall names in ui/src/backend.ts"
    );
}

/// The names of a string union `export type NAME = "a" | "b";` in ui/src/types.ts.
fn ui_union(name: &str) -> BTreeSet<String> {
    let types = read("ui/src/types.ts");
    let union = Regex::new(&format!(r"(?s)export type {name} =(.*?);"))
        .unwrap()
        .captures(&types)
        .unwrap_or_else(|| panic!("ui/src/types.ts has no type {name}"))[1]
        .to_owned();
    captures(&union, r#""([a-z_]+)""#)
}

/// Every name of a closed set reads back as itself through serde: the names the contract checks are the ones
/// on the wire.
fn names_are_its_wire_form<T: serde::Serialize + serde::de::DeserializeOwned>(names: &[&str]) {
    assert!(!names.is_empty());
    for name in names {
        let value: T = serde_json::from_value(serde_json::json!(name))
            .unwrap_or_else(|e| panic!("{name:?} is not a wire name: {e}"));
        assert_eq!(
            serde_json::to_value(value).unwrap(),
            serde_json::json!(name)
        );
    }
}

#[test]
fn closed_sets_have_one_name_for_each_member() {
    names_are_its_wire_form::<ProblemKind>(ProblemKind::NAMES);
    names_are_its_wire_form::<ItemStatus>(ItemStatus::NAMES);
    names_are_its_wire_form::<RunStatus>(RunStatus::NAMES);
    names_are_its_wire_form::<NotificationKind>(NotificationKind::NAMES);
    names_are_its_wire_form::<ErrorKind>(ErrorKind::NAMES);
}

#[test]
fn the_ui_knows_every_closed_set_the_engine_sends() {
    assert_eq!(ui_union("ProblemKind"), set(ProblemKind::NAMES));
    assert_eq!(ui_union("ItemState"), set(ItemStatus::NAMES));
    assert_eq!(ui_union("RunStatus"), set(RunStatus::NAMES));
}

#[test]
fn the_ui_knows_every_error_kind() {
    let backend = read("ui/src/backend.ts");
    let list = Regex::new(r"(?s)const KINDS: readonly IpcErrorKind\[\] = \[(.*?)\];")
        .unwrap()
        .captures(&backend)
        .expect("ui/src/backend.ts has a KINDS list")[1]
        .to_owned();
    assert_eq!(captures(&list, r#""([a-z_]+)""#), set(ErrorKind::NAMES));

    assert_eq!(ui_union("IpcErrorKind"), set(ErrorKind::NAMES));
}
