//! The tray icon and its menu, on the GTK main thread.
//!
//! On Linux the tray is a StatusNotifierItem through libayatana-appindicator, and clicks on the icon are not
//! delivered to the app: every action is therefore a menu item. The menu also carries two disabled lines that
//! say what the watcher did and will do; they follow the engine's `StatusChanged` events. The tray library loads
//! libappindicator with `dlopen` and panics when it is missing, so [`available`] probes for it first and the
//! app runs window-only without it.
//!
//! Menu clicks become [`Action`]s sent to the app's controller on the async runtime; label updates come back
//! as [`TrayUpdate`]s, applied on the GTK thread (GTK objects never leave it).
//!
//! The icon's id is [`TRAY_ID`]. The tray library names the indicator `tray-icon tray app <id>`, which
//! libayatana-appindicator turns into the D-Bus object `/org/ayatana/NotificationItem/tray_icon_tray_app_nightwatcher`
//! (menu at `.../Menu`): a stable path for tests that drive the menu over `com.canonical.dbusmenu`.

use std::fmt::Display;

use chrono::{DateTime, Local, TimeZone};
use nightwatcher_engine::service::Status;
use nightwatcher_engine::store::RunStatus;
use tokio::sync::mpsc;
use tray_icon::menu::{Menu, MenuEvent, MenuItem, PredefinedMenuItem};
use tray_icon::{Icon, TrayIcon, TrayIconBuilder};

use crate::action::Action;

pub const TRAY_ID: &str = "nightwatcher";

/// Menu item ids, as they appear in the dbusmenu layout's properties and in menu events.
pub mod ids {
    pub const OPEN: &str = "open";
    pub const CHECK_NOW: &str = "check-now";
    pub const PAUSE: &str = "pause";
    pub const LAST_CHECK: &str = "last-check";
    pub const NEXT_CHECK: &str = "next-check";
    pub const QUIT: &str = "quit";
}

/// Longest info line; problem messages are written for the Settings page and can be long.
const MAX_LINE_CHARS: usize = 80;

/// What the controller asks of the tray.
#[derive(Debug)]
pub enum TrayUpdate {
    /// Show a new status.
    Status(Box<Status>),
    /// Leave the GTK main loop: the app is quitting.
    Quit,
}

/// Whether a tray can be shown. `NIGHTWATCHER_NO_TRAY=1` forces window-only mode (for tests of that mode).
pub fn available() -> bool {
    if std::env::var("NIGHTWATCHER_NO_TRAY").is_ok_and(|v| !v.is_empty() && v != "0") {
        tracing::warn!(
            "NIGHTWATCHER_NO_TRAY is set: running without a tray icon; closing the window quits NightWatcher"
        );
        return false;
    }
    appindicator_loadable()
}

#[cfg(target_os = "linux")]
fn appindicator_loadable() -> bool {
    // The same names, in the same order, that the tray library tries.
    for name in ["libayatana-appindicator3.so.1", "libappindicator3.so.1"] {
        if let Ok(library) = dlopen2::raw::Library::open(name) {
            // Kept loaded for the life of the process: the tray library opens it again, and unloading a
            // library that registers GObject types is not safe.
            std::mem::forget(library);
            return true;
        }
    }
    tracing::warn!(
        "libayatana-appindicator3 is not installed (neither libayatana-appindicator3.so.1 nor \
         libappindicator3.so.1 can be loaded): running without a tray icon; closing the window quits \
         NightWatcher. Install libayatana-appindicator3-1 to get the tray"
    );
    false
}

#[cfg(not(target_os = "linux"))]
fn appindicator_loadable() -> bool {
    true
}

/// The tray and the menu items whose text changes. Lives on the GTK thread.
pub struct Tray {
    _icon: TrayIcon,
    pause: MenuItem,
    last_check: MenuItem,
    next_check: MenuItem,
    shown: Option<Labels>,
}

#[derive(Debug, thiserror::Error)]
pub enum TrayError {
    #[error("the tray icon image is unreadable: {0}")]
    Icon(String),
    #[error("the tray menu could not be built: {0}")]
    Menu(#[from] tray_icon::menu::Error),
    #[error("the tray icon could not be created: {0}")]
    Tray(#[from] tray_icon::Error),
}

impl Tray {
    /// Creates the tray icon with its menu; clicks are sent to `actions`. Call on the GTK thread after
    /// `gtk::init`.
    pub fn create(actions: mpsc::UnboundedSender<Action>) -> Result<Tray, TrayError> {
        let open = MenuItem::with_id(ids::OPEN, "Open NightWatcher", true, None);
        let check_now = MenuItem::with_id(ids::CHECK_NOW, "Check now", true, None);
        let pause = MenuItem::with_id(ids::PAUSE, "Pause watching", true, None);
        let last_check = MenuItem::with_id(ids::LAST_CHECK, "Last check: …", false, None);
        let next_check = MenuItem::with_id(ids::NEXT_CHECK, "Next check: …", false, None);
        let quit = MenuItem::with_id(ids::QUIT, "Quit", true, None);
        let menu = Menu::with_items(&[
            &open,
            &check_now,
            &pause,
            &PredefinedMenuItem::separator(),
            &last_check,
            &next_check,
            &PredefinedMenuItem::separator(),
            &quit,
        ])?;
        MenuEvent::set_event_handler(Some(move |event: MenuEvent| {
            let action = match event.id().as_ref() {
                ids::OPEN => Action::Open,
                ids::CHECK_NOW => Action::CheckNow,
                ids::PAUSE => Action::TogglePause,
                ids::QUIT => Action::Quit,
                _ => return,
            };
            tracing::debug!(?action, "tray menu");
            let _ = actions.send(action);
        }));
        let icon = TrayIconBuilder::new()
            .with_id(TRAY_ID)
            .with_icon(icon()?)
            .with_tooltip("NightWatcher")
            .with_menu(Box::new(menu))
            .with_menu_on_left_click(true)
            .build()?;
        Ok(Tray {
            _icon: icon,
            pause,
            last_check,
            next_check,
            shown: None,
        })
    }

    /// Applies updates as they come, on the GTK main loop, until [`TrayUpdate::Quit`] ends the loop.
    pub fn follow(mut self, mut updates: mpsc::UnboundedReceiver<TrayUpdate>) {
        gtk::glib::MainContext::default().spawn_local(async move {
            while let Some(update) = updates.recv().await {
                match update {
                    TrayUpdate::Status(status) => self.apply(labels(&status, &Local::now())),
                    TrayUpdate::Quit => break,
                }
            }
            gtk::main_quit();
        });
    }

    fn apply(&mut self, labels: Labels) {
        let before = self.shown.as_ref();
        if before.map(|l| l.pause) != Some(labels.pause) {
            self.pause.set_text(labels.pause);
        }
        if before.map(|l| &l.last_check) != Some(&labels.last_check) {
            self.last_check.set_text(menu_label(&labels.last_check));
        }
        if before.map(|l| &l.next_check) != Some(&labels.next_check) {
            self.next_check.set_text(menu_label(&labels.next_check));
        }
        self.shown = Some(labels);
    }
}

fn icon() -> Result<Icon, TrayError> {
    let decoder = png::Decoder::new(std::io::Cursor::new(
        include_bytes!("../../../icons/tray.png").as_slice(),
    ));
    let mut reader = decoder
        .read_info()
        .map_err(|e| TrayError::Icon(e.to_string()))?;
    let mut rgba = vec![0; reader.output_buffer_size().unwrap_or(0)];
    let info = reader
        .next_frame(&mut rgba)
        .map_err(|e| TrayError::Icon(e.to_string()))?;
    if info.color_type != png::ColorType::Rgba || info.bit_depth != png::BitDepth::Eight {
        return Err(TrayError::Icon(format!(
            "expected 8-bit RGBA, found {:?} {:?}",
            info.color_type, info.bit_depth
        )));
    }
    rgba.truncate(info.buffer_size());
    Icon::from_rgba(rgba, info.width, info.height).map_err(|e| TrayError::Icon(e.to_string()))
}

/// The texts of the menu items that follow the status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labels {
    pub pause: &'static str,
    pub last_check: String,
    pub next_check: String,
}

/// What the menu says for a status, with times in `now`'s time zone.
pub fn labels<Tz: TimeZone>(status: &Status, now: &DateTime<Tz>) -> Labels
where
    Tz::Offset: Display,
{
    let pause = if status.paused {
        "Resume watching"
    } else {
        "Pause watching"
    };
    let last_check = match (&status.running, &status.last_check) {
        (Some(p), _) if p.total > 0 => format!("Checking… {} of {}", p.done, p.total),
        (Some(_), _) => "Checking…".to_owned(),
        (None, Some(run)) => {
            let at = clock(run.finished_at.unwrap_or(run.started_at), now);
            match run.status {
                RunStatus::Failed => format!("Last check: {at}, failed"),
                RunStatus::Cancelled => format!("Last check: {at}, cancelled"),
                _ if run.new_matches == 0 => format!("Last check: {at}, nothing new"),
                _ => format!("Last check: {at}, {} new", run.new_matches),
            }
        }
        (None, None) => "Last check: never".to_owned(),
    };
    let next_check = match (&status.problem, status.next_check_at) {
        // The app's words for the fix (Settings), never the daemon's command.
        (Some(problem), _) => shorten(&problem.app_text(), MAX_LINE_CHARS),
        (None, _) if status.paused => "Watching paused".to_owned(),
        (None, _) if status.running.is_some() => "Next check: after this one".to_owned(),
        (None, Some(at)) => format!("Next check: {}", clock(at, now)),
        (None, None) => "Next check: not scheduled".to_owned(),
    };
    Labels {
        pause,
        last_check,
        next_check,
    }
}

/// `14:05` today, `Tue 00:15` within a week, `Mar 3 14:05` otherwise.
fn clock<Tz: TimeZone>(unix_seconds: i64, now: &DateTime<Tz>) -> String
where
    Tz::Offset: Display,
{
    let Some(at) = now.timezone().timestamp_opt(unix_seconds, 0).single() else {
        return "?".to_owned();
    };
    let days_apart = (at.date_naive() - now.date_naive()).num_days().abs();
    let format = match days_apart {
        0 => "%H:%M",
        1..=6 => "%a %H:%M",
        _ => "%b %-d %H:%M",
    };
    at.format(format).to_string()
}

fn shorten(text: &str, max_chars: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(max_chars - 1).collect();
    short.truncate(short.trim_end().len());
    short.push('…');
    short
}

/// The text to give a menu item so that `text` is shown as written (item titles, messages, commands).
///
/// muda reads a single `&` as its mnemonic marker, so `&` is doubled here. Underscores are left alone on
/// purpose: muda turns its text into a GTK mnemonic label itself, doubling every `_`, and libdbusmenu exports
/// that label as is, which the dbusmenu spec shows as one `_` (the menu of a status `prowlarr_url` exports
/// `prowlarr__url`). Doubling them here as well would show `__`.
fn menu_label(text: &str) -> String {
    text.replace('&', "&&")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;
    use chrono::Utc;
    use nightwatcher_engine::remedy::Remedy;
    use nightwatcher_engine::secrets::SecretName;
    use nightwatcher_engine::service::{Problem, ProblemKind, Progress};
    use nightwatcher_engine::settings::SettingKey;
    use nightwatcher_engine::store::{NotificationCounts, RunRecord};

    fn at(hh: u32, mm: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 3, 14, hh, mm, 0).unwrap()
    }

    fn run(finished: DateTime<Utc>, status: RunStatus, new_matches: i64) -> RunRecord {
        RunRecord {
            id: 7,
            started_at: finished.timestamp() - 12,
            finished_at: Some(finished.timestamp()),
            status,
            items: 3,
            searches: 3,
            releases_seen: 40,
            new_matches,
            errors: 0,
            notifications_queued: new_matches,
            duration_ms: 12_000,
            error: None,
        }
    }

    fn idle(last_check: Option<RunRecord>, next_check_at: Option<i64>) -> Status {
        Status {
            paused: false,
            running: None,
            last_check,
            next_check_at,
            problem: None,
            notifications: NotificationCounts::default(),
        }
    }

    #[test]
    fn an_idle_watcher_shows_its_last_and_next_check() {
        let status = idle(
            Some(run(at(14, 5), RunStatus::Ok, 2)),
            Some(at(14, 20).timestamp()),
        );
        let labels = labels(&status, &at(14, 6));
        assert_eq!(labels.pause, "Pause watching");
        assert_eq!(labels.last_check, "Last check: 14:05, 2 new");
        assert_eq!(labels.next_check, "Next check: 14:20");
    }

    #[test]
    fn a_first_run_has_never_checked() {
        let labels = labels(&idle(None, Some(at(14, 7).timestamp())), &at(14, 6));
        assert_eq!(labels.last_check, "Last check: never");
        assert_eq!(labels.next_check, "Next check: 14:07");
    }

    #[test]
    fn a_paused_watcher_offers_to_resume() {
        let mut status = idle(Some(run(at(14, 5), RunStatus::Ok, 0)), None);
        status.paused = true;
        let labels = labels(&status, &at(15, 0));
        assert_eq!(labels.pause, "Resume watching");
        assert_eq!(labels.last_check, "Last check: 14:05, nothing new");
        assert_eq!(labels.next_check, "Watching paused");
    }

    #[test]
    fn a_running_check_shows_its_progress() {
        let mut status = idle(Some(run(at(14, 5), RunStatus::Ok, 1)), None);
        status.running = Some(Progress { done: 3, total: 12 });
        let labels = labels(&status, &at(14, 20));
        assert_eq!(labels.last_check, "Checking… 3 of 12");
        assert_eq!(labels.next_check, "Next check: after this one");
    }

    #[test]
    fn a_problem_replaces_the_next_check_line() {
        let mut status = idle(
            Some(run(at(14, 5), RunStatus::Failed, 0)),
            Some(at(14, 20).timestamp()),
        );
        status.problem = Some(Problem {
            kind: ProblemKind::Prowlarr,
            message: "Prowlarr refused the API key (401)".into(),
            remedy: Some(Remedy::SetSecret {
                secret: SecretName::ProwlarrApiKey,
            }),
        });
        let labels = labels(&status, &at(14, 6));
        assert_eq!(labels.last_check, "Last check: 14:05, failed");
        assert_eq!(
            labels.next_check,
            "Prowlarr refused the API key (401): enter the Prowlarr API key in Settings"
        );
    }

    #[test]
    fn a_problem_says_where_in_settings_to_fix_it_never_which_command() {
        let mut status = idle(None, None);
        status.problem = Some(Problem {
            kind: ProblemKind::NotConfigured,
            message: "the Prowlarr URL is not set".into(),
            remedy: Some(Remedy::SetSetting {
                setting: SettingKey::ProwlarrUrl,
            }),
        });
        let line = labels(&status, &at(14, 6)).next_check;
        assert_eq!(
            line,
            "the Prowlarr URL is not set: set the Prowlarr URL in Settings"
        );
        assert!(!line.contains("nightwatcherd"), "{line}");
    }

    #[test]
    fn long_problems_are_shortened_for_the_menu() {
        let mut status = idle(None, None);
        status.problem = Some(Problem {
            kind: ProblemKind::Keyring,
            message: "word ".repeat(40),
            remedy: None,
        });
        let line = labels(&status, &at(14, 6)).next_check;
        assert!(line.chars().count() <= MAX_LINE_CHARS, "{line}");
        assert!(line.ends_with('…'), "{line}");
    }

    #[test]
    fn times_on_other_days_say_which_day() {
        let status = idle(
            Some(run(at(23, 50), RunStatus::Ok, 1)),
            Some(at(23, 50).timestamp() + 20 * 60),
        );
        let labels = labels(&status, &at(23, 55));
        assert_eq!(labels.next_check, "Next check: Sat 00:10");
        let long_ago = clock(at(9, 0).timestamp() - 30 * 86_400, &at(9, 0));
        assert_eq!(long_ago, "Feb 12 09:00");
    }

    /// What muda 0.20 gives GTK for a menu text (`platform_impl/gtk/mnemonic.rs`, `to_gtk_mnemonic`), and so
    /// what libdbusmenu exports as the item's label: `_` doubled, `&&` a literal `&`, `&` the marker `_`.
    fn muda_to_gtk(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '_' => out.push_str("__"),
                '&' if chars.peek() == Some(&'&') => {
                    chars.next();
                    out.push('&');
                }
                '&' => out.push('_'),
                c => out.push(c),
            }
        }
        out
    }

    /// What a tray host following the dbusmenu spec shows for a label: `__` is one `_`, another `_` is a
    /// mnemonic marker and is not shown.
    fn dbusmenu_shown(label: &str) -> String {
        let mut out = String::new();
        let mut chars = label.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '_' if chars.peek() == Some(&'_') => {
                    chars.next();
                    out.push('_');
                }
                '_' => {}
                c => out.push(c),
            }
        }
        out
    }

    #[test]
    fn menu_texts_are_shown_as_written_underscores_and_ampersands_included() {
        for text in [
            "run `nightwatcherd config set prowlarr_url URL`",
            "Tom & Jerry",
            "a__b && c_",
            "_leading and trailing_",
        ] {
            let exported = muda_to_gtk(&menu_label(text));
            assert_eq!(dbusmenu_shown(&exported), text, "exported as {exported:?}");
        }
        // Each `_` reaches the tray host doubled exactly once.
        assert_eq!(muda_to_gtk(&menu_label("prowlarr_url")), "prowlarr__url");
        assert_eq!(menu_label("Tom & Jerry"), "Tom && Jerry");
    }

    #[test]
    fn a_problem_line_keeps_its_underscores() {
        let mut status = idle(None, None);
        status.problem = Some(Problem {
            kind: ProblemKind::NotConfigured,
            message: "set telegram_chat_id".into(),
            remedy: None,
        });
        let line = labels(&status, &at(14, 6)).next_check;
        assert_eq!(dbusmenu_shown(&muda_to_gtk(&menu_label(&line))), line);
    }
}
