//! The Telegram bot as a face of the service: the buttons under an item's message (Grab, "Grab…", Mute) act
//! through the same service calls as the window and the web UI.
//!
//! One process reads the bot's updates: the poller holds the `telegram-bot` lease in the database (the
//! desktop app and `nightwatcherd run` on one database take turns, never both), and another program polling
//! the same bot (Telegram then cuts one off with 409) is shown as a problem. Only the configured chat is
//! obeyed, and in it only the users of `telegram_user_ids` when it lists any; anything else is ignored and
//! logged without its content. A tap is answered at once
//! (`answerCallbackQuery`), then done, then its buttons are replaced by what happened; the update is
//! confirmed only after that, and a grab names the update as its request, so a tap handled twice (the
//! process was killed in between) grabs once.

use std::time::Duration;

use tokio::time::Instant;

use super::bot_commands::{BotCommand, MENU};
use super::grab::Face;
use super::{Problem, ProblemKind, Service};
use crate::news::Notice;
use crate::settings::Settings;
use crate::setup;
use crate::store::GrabStatus;
use crate::telegram::escape_html;
use crate::telegram::keyboard::{self, Tap};
use crate::telegram::updates::{Incoming, POLL_SECONDS, PollError, Received, Updates};

const LEASE: &str = "telegram-bot";
/// How long a lease lasts unrenewed: a poller that died is taken over after this.
const LEASE_SECS: i64 = 90;
/// How often the holder renews its lease.
const RENEW_EVERY: Duration = Duration::from_secs(30);
/// How long a process that does not poll waits before it looks again (the lease, the settings).
const IDLE: Duration = Duration::from_secs(30);

/// The reader of the configured bot, the chat it obeys, and who in it (everyone when empty).
struct Bot {
    updates: Updates,
    chat: i64,
    users: Vec<u64>,
}

impl Bot {
    fn obeys(&self, chat: i64, user: u64) -> bool {
        chat == self.chat && (self.users.is_empty() || self.users.contains(&user))
    }
}

impl Service {
    /// Polls the configured bot while this process holds the lease, until the service stops.
    pub(super) async fn telegram_bot(self) {
        let holder = lease_holder();
        let mut bot: Option<Bot> = None;
        let mut renewed: Option<Instant> = None;
        let mut failures = 0u32;
        // Where the reader left off, across rebuilds.
        let mut offset: Option<i32> = None;
        while !self.inner.cancel.is_cancelled() {
            if bot.is_none() {
                bot = self.configured_bot().await;
                if let Some(bot) = bot.as_mut() {
                    bot.updates.resume_from(offset);
                }
            }
            let Some(current) = bot.as_mut().filter(|_| !self.state().detecting_chat) else {
                self.bot_idle(IDLE).await;
                continue;
            };
            if renewed.is_none_or(|at| at.elapsed() >= RENEW_EVERY) {
                match self
                    .inner
                    .store
                    .hold_lease(LEASE, &holder, LEASE_SECS)
                    .await
                {
                    Ok(true) => renewed = Some(Instant::now()),
                    Ok(false) if self.take_lease_from_the_dead(&holder).await => {
                        renewed = Some(Instant::now());
                    }
                    Ok(false) => {
                        renewed = None;
                        self.bot_idle(IDLE).await;
                        continue;
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "could not take the Telegram bot's lease");
                        self.bot_idle(IDLE).await;
                        continue;
                    }
                }
            }
            let polled = tokio::select! {
                () = self.inner.cancel.cancelled() => break,
                () = self.inner.bot_wake.notified() => {
                    // Reconfigured: read the settings again.
                    bot = None;
                    continue;
                }
                polled = current.updates.next(POLL_SECONDS) => polled,
            };
            match polled {
                Ok(received) => {
                    failures = 0;
                    self.set_bot_problem(None).await;
                    for update in received {
                        let update_id = update.update_id;
                        self.on_update(current, update).await;
                        current.updates.confirm(update_id);
                    }
                    offset = current.updates.offset();
                }
                // "Detect" cut this poll off.
                Err(PollError::Conflict) if self.state().detecting_chat => {}
                Err(PollError::Conflict) => {
                    self.set_bot_problem(Some(
                        "another program is reading this bot's updates, so its buttons cannot be answered \
                         here: stop that program, or give NightWatcher its own bot (@BotFather)"
                            .to_owned(),
                    ))
                    .await;
                    self.bot_idle(IDLE).await;
                }
                Err(PollError::Failed(e)) => {
                    failures += 1;
                    tracing::warn!(
                        reason = e.reason(),
                        "could not read the Telegram bot's updates"
                    );
                    let wait = Duration::from_secs(2u64.saturating_pow(failures.min(6)));
                    self.bot_idle(wait).await;
                }
            }
        }
        if renewed.is_some() {
            let _ = self.inner.store.release_lease(LEASE, &holder).await;
        }
    }

    /// Takes the lease over when its holder was a process of this machine that is gone (killed, crashed):
    /// the bot answers again as soon as the engine is restarted, not a lease's length later.
    async fn take_lease_from_the_dead(&self, holder: &str) -> bool {
        let store = &self.inner.store;
        match store.lease_holder(LEASE).await {
            Ok(Some(old)) if holder_is_gone(&old) => {
                let taken = store.take_lease_from(LEASE, &old, holder, LEASE_SECS).await;
                matches!(taken, Ok(true))
            }
            _ => false,
        }
    }

    /// "Detect" starts or ends reading the bot's updates.
    pub(super) fn set_detecting_chat(&self, detecting: bool) {
        self.update(|s| s.detecting_chat = detecting);
        self.inner.bot_wake.notify_one();
    }

    /// Waits `wait`, or less when the settings change or the service stops.
    async fn bot_idle(&self, wait: Duration) {
        tokio::select! {
            () = self.inner.cancel.cancelled() => {}
            () = self.inner.bot_wake.notified() => {}
            () = tokio::time::sleep(wait) => {}
        }
    }

    async fn configured_bot(&self) -> Option<Bot> {
        let settings = Settings::load(&self.inner.store).await.ok()?;
        match setup::telegram_bot(&settings, self.inner.secrets.as_ref()) {
            Ok(Some((updates, chat))) => {
                // The command menu, for this chat only.
                if let Err(e) = updates.set_commands(chat, MENU).await {
                    tracing::debug!(reason = e.reason(), "could not set the bot's command menu");
                }
                Some(Bot {
                    updates,
                    chat,
                    users: settings.telegram_user_ids.clone(),
                })
            }
            Ok(None) => None,
            Err(e) => {
                tracing::debug!(error = %e, "the Telegram bot is not configured");
                None
            }
        }
    }

    async fn set_bot_problem(&self, message: Option<String>) {
        let problem = message.map(|message| Problem {
            kind: ProblemKind::Telegram,
            message,
            remedy: None,
        });
        let mut changed = false;
        self.update(|s| {
            changed = s.bot_problem != problem;
            s.bot_problem = problem;
        });
        if changed {
            self.announce_status().await;
        }
    }

    async fn on_update(&self, bot: &Bot, update: Received) {
        match update.incoming {
            Incoming::Tap {
                query_id,
                chat,
                user,
                message_id,
                data,
            } if bot.obeys(chat, user) => {
                self.on_tap(bot, update.update_id, &query_id, message_id, &data)
                    .await;
            }
            Incoming::Text { chat, user, text } if bot.obeys(chat, user) => {
                let reply = match BotCommand::parse(&text) {
                    Ok(Some(command)) => self.run_bot_command(command).await,
                    Ok(None) => return,
                    Err(what) => escape_html(&what),
                };
                if let Err(e) = bot.updates.reply(bot.chat, &reply, None).await {
                    tracing::warn!(reason = e.reason(), "could not answer a command");
                }
            }
            Incoming::Tap { chat, user, .. } | Incoming::Text { chat, user, .. } => {
                tracing::info!(
                    chat,
                    user,
                    "ignored an update from a chat or user the bot does not obey"
                );
            }
            Incoming::Other { .. } => {}
        }
    }

    async fn on_tap(&self, bot: &Bot, update_id: u32, query_id: &str, message_id: i32, data: &str) {
        let Some(tap) = Tap::parse(data) else {
            self.answer(bot, query_id, "This button is not NightWatcher's any more.")
                .await;
            return;
        };
        let (buttons, said) = match tap {
            Tap::Grab(match_id) => {
                self.answer(bot, query_id, "Grabbing…").await;
                let request = format!("telegram-update-{update_id}");
                let (label, error) = match self.grab(match_id, Face::Telegram, Some(&request)).await
                {
                    Ok(grab) => match grab.status {
                        GrabStatus::Grabbed => (
                            format!(
                                "✓ Grabbed → {}",
                                grab.client.as_deref().unwrap_or("download client")
                            ),
                            None,
                        ),
                        GrabStatus::Sending => ("… Being grabbed".to_owned(), None),
                        GrabStatus::Failed => {
                            ("✗ Not grabbed: tap to retry".to_owned(), grab.error)
                        }
                    },
                    Err(e) => (
                        "✗ Not grabbed: tap to retry".to_owned(),
                        Some(e.to_string()),
                    ),
                };
                (Some(keyboard::done_keyboard(&label, tap)), error)
            }
            Tap::Others(match_id) => {
                self.answer(bot, query_id, "").await;
                match self.notice_of_match(match_id).await {
                    Some(Notice::Item { news, .. }) => (
                        Some(keyboard::offer_keyboard(&news.releases, news.item_id)),
                        None,
                    ),
                    _ => (
                        None,
                        Some(
                            "That message's releases are no longer stored: see Found in the app."
                                .to_owned(),
                        ),
                    ),
                }
            }
            Tap::Mute(item_id) | Tap::Unmute(item_id) => {
                let muted = matches!(tap, Tap::Mute(_));
                self.answer(bot, query_id, if muted { "Muted" } else { "Unmuted" })
                    .await;
                match self.set_item_muted(item_id, muted).await {
                    Ok(()) if muted => (
                        Some(keyboard::done_keyboard(
                            "🔕 Muted: tap to unmute",
                            Tap::Unmute(item_id),
                        )),
                        None,
                    ),
                    Ok(()) => (
                        Some(keyboard::done_keyboard(
                            "🔔 Notified again: tap to mute",
                            Tap::Mute(item_id),
                        )),
                        None,
                    ),
                    Err(e) => (None, Some(e.to_string())),
                }
            }
        };
        if let Some(buttons) = buttons
            && let Err(e) = bot.updates.set_buttons(bot.chat, message_id, buttons).await
        {
            tracing::warn!(reason = e.reason(), "could not update a message's buttons");
        }
        if let Some(said) = said
            && let Err(e) = bot.updates.reply(bot.chat, &escape_html(&said), None).await
        {
            tracing::warn!(reason = e.reason(), "could not answer in the Telegram chat");
        }
    }

    async fn answer(&self, bot: &Bot, query_id: &str, text: &str) {
        if let Err(e) = bot.updates.answer_tap(query_id, text).await {
            tracing::debug!(reason = e.reason(), "could not answer a tap");
        }
    }

    async fn notice_of_match(&self, match_id: i64) -> Option<Notice> {
        let payload = self.inner.store.notice_of_match(match_id).await.ok()??;
        serde_json::from_str(&payload).ok()
    }
}

/// This process as a lease holder: `host/pid/start`, so another process of the same machine can tell whether
/// the holder is still running.
fn lease_holder() -> String {
    let started = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{}/{}/{started}", host_name(), std::process::id())
}

fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_owned())
        .unwrap_or_default()
}

/// Whether `holder` names a process of this machine that has ended (no such pid, or a zombie). A holder of
/// another machine, or one that cannot be read, is taken to be alive: its lease runs out by itself.
fn holder_is_gone(holder: &str) -> bool {
    let mut parts = holder.split('/');
    let (Some(host), Some(pid)) = (parts.next(), parts.next()) else {
        return false;
    };
    if host != host_name() || pid.parse::<u32>().is_err() {
        return false;
    }
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        // The state follows the command's closing parenthesis: Z (zombie) or X (dead) have ended.
        Ok(stat) => stat
            .rsplit_once(") ")
            .is_some_and(|(_, rest)| rest.starts_with(['Z', 'X'])),
        Err(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_holder_is_gone_only_when_it_was_a_process_of_this_machine_that_ended() {
        assert!(!holder_is_gone(&lease_holder()), "this process runs");
        let ended = format!("{}/{}/1", host_name(), u32::MAX);
        assert!(holder_is_gone(&ended), "no such pid");
        let elsewhere = format!("{}-other/{}/1", host_name(), u32::MAX);
        assert!(!holder_is_gone(&elsewhere), "another machine's");
        assert!(!holder_is_gone("garbled"));
    }
}
