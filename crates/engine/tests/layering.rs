//! The modules of each crate form layers: no two modules of one folder use each other, directly or through
//! others. A cycle means a small shared type lives in the wrong module (the fix is to move it to a module
//! both can use, as `status`, `validation`, `normalize` and the tray's `action` were), and it makes every
//! later change touch both sides.
//!
//! The test reads the sources: a module's uses of its siblings are its `crate::name` paths (in a crate's
//! top folder) or `super::name` paths (in a module folder), outside comments and `#[cfg(test)]` code. A
//! folder's own `mod.rs` (or `lib.rs`, `main.rs`) is the root that puts its modules together and is left out.

#![allow(clippy::unwrap_used)] // tests may unwrap

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use regex::Regex;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The folders whose modules must not form a cycle, and how their modules name each other.
const FOLDERS: &[(&str, &str)] = &[
    ("crates/engine/src", "crate"),
    ("crates/engine/src/matcher", "super"),
    ("crates/engine/src/service", "super"),
    ("crates/engine/src/prowlarr", "super"),
    ("crates/engine/src/telegram", "super"),
    ("crates/engine/src/ipc", "super"),
    ("crates/web/src", "crate"),
    ("crates/tray/src", "crate"),
    ("crates/daemon/src", "crate"),
];

const ROOTS: &[&str] = &["mod", "lib", "main"];

/// The source a module is made of, without comments and test code: its file, or all the files of its folder.
fn module_sources(folder: &Path) -> BTreeMap<String, String> {
    let mut modules = BTreeMap::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = if path.is_dir() {
            let mut text = String::new();
            for file in std::fs::read_dir(&path).unwrap() {
                let file = file.unwrap().path();
                if file.extension().is_some_and(|e| e == "rs") {
                    text.push_str(&code_of(&file));
                }
            }
            text
        } else if path.extension().is_some_and(|e| e == "rs") && !ROOTS.contains(&name.as_str()) {
            code_of(&path)
        } else {
            continue;
        };
        modules.insert(name, text);
    }
    modules
}

/// A file's code: comment lines dropped, and everything from `#[cfg(test)]` on (test modules come last).
/// Files that are all tests are dropped.
fn code_of(path: &Path) -> String {
    let name = path.file_stem().unwrap().to_string_lossy();
    if name == "tests" || name.ends_with("_tests") {
        return String::new();
    }
    code(&std::fs::read_to_string(path).unwrap())
}

fn code(text: &str) -> String {
    text.lines()
        .take_while(|line| line.trim() != "#[cfg(test)]")
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Which siblings each module uses.
fn uses(modules: &BTreeMap<String, String>, prefix: &str) -> BTreeMap<String, BTreeSet<String>> {
    let path = Regex::new(&format!(r"\b{prefix}::(\w+)")).unwrap();
    let group = Regex::new(&format!(r"\b{prefix}::\{{")).unwrap();
    modules
        .iter()
        .map(|(name, text)| {
            let mut used: BTreeSet<String> =
                path.captures_iter(text).map(|c| c[1].to_owned()).collect();
            for g in group.find_iter(text) {
                used.extend(group_heads(&text[g.end()..]));
            }
            let used = used
                .into_iter()
                .filter(|u| u != name && modules.contains_key(u))
                .collect();
            (name.clone(), used)
        })
        .collect()
}

/// The first segment of each path in a `use` group, `text` starting just inside its `{`: for
/// `a::{X, Y}, b}` that is `a` and `b`. Nested groups are skipped, so their items are not taken for modules.
fn group_heads(text: &str) -> Vec<String> {
    let mut heads = Vec::new();
    let mut depth = 0;
    let mut at_start = true;
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() || c == '_' {
            if depth == 0 && at_start {
                word.push(c);
            }
            continue;
        }
        if !word.is_empty() {
            heads.push(std::mem::take(&mut word));
            at_start = false;
        }
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => at_start = true,
            _ => {}
        }
    }
    heads
}

/// A cycle in the graph, as the modules along it, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_two_modules_of_a_folder_use_each_other() {
    let mut cycles = Vec::new();
    for (folder, prefix) in FOLDERS {
        let modules = module_sources(&repo().join(folder));
        assert!(!modules.is_empty(), "{folder}: no modules found");
        if let Some(cycle) = find_cycle(&uses(&modules, prefix)) {
            cycles.push(format!("{folder}: {}", cycle.join(" → ")));
        }
    }
    assert!(
        cycles.is_empty(),
        "modules that use each other (move the shared type to a module both can use):\n{}",
        cycles.join("\n")
    );
}

#[test]
fn the_reader_sees_a_cycle() {
    let modules: BTreeMap<String, String> = [
        ("a", "use crate::b::Thing;"),
        ("b", "use crate::{c::{Other, d}, e, x};"),
        (
            "c",
            "fn f() -> crate::a::T { todo!() }\n// crate::d::Ignored",
        ),
        ("d", "#[cfg(test)]\nuse crate::a::T;"),
        ("e", ""),
    ]
    .into_iter()
    .map(|(n, t)| (n.to_owned(), code(t)))
    .collect();
    let graph = uses(&modules, "crate");
    // `d` is an item of a nested group, not a module b uses; `e` follows the nested group.
    assert_eq!(graph["b"], BTreeSet::from(["c".to_owned(), "e".to_owned()]));
    assert_eq!(
        graph["c"],
        BTreeSet::from(["a".to_owned()]),
        "comments are not uses"
    );
    assert!(graph["d"].is_empty(), "test code is not a use");
    assert_eq!(
        find_cycle(&graph),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    let mut acyclic = graph.clone();
    acyclic.get_mut("c").unwrap().clear();
    assert_eq!(find_cycle(&acyclic), None);
}
