//! Keeps the service's status current from the engine's events: progress, the outbox's counts, and each
//! notification channel failing or recovering.
//!
//! The events are read in batches: everything already waiting is applied to the state, then the status is
//! announced once. Announcing per event would be wrong as well as wasteful: the announcement is itself an
//! event on the same channel, so a listener that fell a whole channel behind (a first check of 1,000 items
//! sends more progress events than the channel keeps) would push itself behind again with each announcement
//! and never catch up, spinning a core for as long as the engine runs.

use tokio::sync::broadcast::Receiver;
use tokio::sync::broadcast::error::{RecvError, TryRecvError};

use super::{Problem, ProblemKind, Progress, Service};
use crate::channel::ChannelId;
use crate::events::Event;
use crate::remedy::Remedy;
use crate::schedule::local_clock;

impl Service {
    /// A delivery's outcome (sent, put off, failed for good) only updates the state here; the status is
    /// announced once at the end of the delivery pass ([`Event::DeliveryFinished`], which follows the pass's
    /// other events), so the pending count the faces show follows the outbox without one status per message.
    pub(super) async fn listen(self) {
        let mut rx = self.inner.events.subscribe();
        loop {
            let first = tokio::select! {
                () = self.inner.cancel.cancelled() => return,
                e = rx.recv() => e,
            };
            let mut changed = false;
            let mut next = Some(first);
            while let Some(read) = next {
                match read {
                    Ok(event) => changed |= self.apply(event),
                    // Missed events may have been any that change the status: it is read afresh.
                    Err(RecvError::Lagged(_)) => changed = true,
                    Err(RecvError::Closed) => return,
                }
                next = waiting(&mut rx);
            }
            if changed {
                self.announce_status().await;
            }
        }
    }

    /// Applies one event to the state; whether the status the faces show may have changed.
    fn apply(&self, event: Event) -> bool {
        match event {
            Event::CheckStarted { total, .. } => {
                self.update(|s| s.running = Some(Progress { done: 0, total }));
                true
            }
            Event::Progress { done, total, .. } => {
                self.update(|s| s.running = Some(Progress { done, total }));
                true
            }
            // Events are applied in order, so this comes after the check's last progress event: a progress
            // event read late can never leave the status showing a check that has ended.
            Event::CheckFinished { .. } => {
                self.update(|s| s.running = None);
                true
            }
            Event::NotificationFailed {
                channel, reason, ..
            } => {
                let Ok(channel) = channel.parse::<ChannelId>() else {
                    return false;
                };
                let kind = match channel {
                    ChannelId::Telegram => ProblemKind::Telegram,
                    _ => ProblemKind::Channel,
                };
                let problem = Problem {
                    kind,
                    message: format!("{} refused a notification: {reason}", channel.subject()),
                    remedy: Some(Remedy::RetryFailed),
                };
                self.update(|s| set_problem(&mut s.channel_problems, channel, Some(problem)));
                false
            }
            // A channel out of reach (not its flood control, which is only a wait): the notifications are safe
            // in the outbox and retried, but the user should know why they have not arrived.
            Event::NotificationRetrying {
                channel,
                reason,
                next_attempt_at,
                flood_control: false,
                ..
            } => {
                let Ok(channel) = channel.parse::<ChannelId>() else {
                    return false;
                };
                let kind = match channel {
                    ChannelId::Telegram => ProblemKind::TelegramUnreachable,
                    _ => ProblemKind::ChannelUnreachable,
                };
                let problem = Problem {
                    kind,
                    message: format!(
                        "{} cannot be reached right now: {reason}. The notifications wait and are retried by themselves; next try {}",
                        channel.subject(),
                        local_clock(next_attempt_at)
                    ),
                    // Nothing to do: the notifications wait and are retried by themselves.
                    remedy: None,
                };
                self.update(|s| set_problem(&mut s.channel_problems, channel, Some(problem)));
                false
            }
            Event::NotificationSent { channel, .. } => {
                if let Ok(channel) = channel.parse::<ChannelId>() {
                    self.update(|s| set_problem(&mut s.channel_problems, channel, None));
                }
                false
            }
            Event::DeliveryFinished { .. } => true,
            _ => false,
        }
    }
}

/// Sets or clears `channel`'s problem, keeping the list in channel order (the status shows the first).
fn set_problem(
    problems: &mut Vec<(ChannelId, Problem)>,
    channel: ChannelId,
    problem: Option<Problem>,
) {
    problems.retain(|(c, _)| *c != channel);
    if let Some(problem) = problem {
        problems.push((channel, problem));
        problems.sort_by_key(|(c, _)| ChannelId::ALL.iter().position(|a| a == c));
    }
}

/// The next event already in the channel, without waiting; `None` when there is none.
fn waiting(rx: &mut Receiver<Event>) -> Option<Result<Event, RecvError>> {
    match rx.try_recv() {
        Ok(event) => Some(Ok(event)),
        Err(TryRecvError::Lagged(n)) => Some(Err(RecvError::Lagged(n))),
        Err(TryRecvError::Closed) => Some(Err(RecvError::Closed)),
        Err(TryRecvError::Empty) => None,
    }
}
