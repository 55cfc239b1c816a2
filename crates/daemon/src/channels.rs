//! `channel`: the notification channels (Telegram, ntfy, the webhook): which are set up and on, turning one
//! on or off, and "Send test message".

use nightwatcher_engine::channel::ChannelId;
use nightwatcher_engine::command::Command as EngineCommand;
use nightwatcher_engine::service::SettingsInput;
use nightwatcher_engine::store::Store;
use serde::Deserialize;

use crate::cli::ChannelCommand;
use crate::engine::{on_service, run_command};
use crate::failure::Failure;

pub async fn command(store: &Store, cmd: ChannelCommand) -> Result<(), Failure> {
    match cmd {
        ChannelCommand::List => {
            for c in &channels(store, EngineCommand::GetSettings).await? {
                let state = match (c.configured, c.enabled) {
                    (false, _) => "not set up",
                    (true, true) => "on",
                    (true, false) => "off",
                };
                println!("{:<10} {state}", c.id.as_str());
            }
        }
        ChannelCommand::On { channel } => switch(store, channel, true).await?,
        ChannelCommand::Off { channel } => switch(store, channel, false).await?,
        ChannelCommand::Test { channel } => {
            on_service(store, async |service| {
                run_command(service, EngineCommand::SendTestMessage { channel }).await
            })
            .await?;
            println!("test message sent through {}", channel.label());
        }
    }
    Ok(())
}

async fn switch(store: &Store, channel: ChannelId, on: bool) -> Result<(), Failure> {
    let mut input = SettingsInput::default();
    let flag = Some(on);
    match channel {
        ChannelId::Telegram => input.telegram_enabled = flag,
        ChannelId::Ntfy => input.ntfy_enabled = flag,
        ChannelId::Webhook => input.webhook_enabled = flag,
    }
    let configured = channels(store, EngineCommand::SaveSettings { input })
        .await?
        .iter()
        .any(|c| c.id == channel && c.configured);
    println!(
        "{} is {}{}",
        channel.as_str(),
        if on { "on" } else { "off" },
        if on && !configured {
            " (it sends nothing until it is set up: see `nightwatcherd config show`)"
        } else {
            ""
        }
    );
    Ok(())
}

/// A channel as the settings' answer lists it.
#[derive(Deserialize)]
struct Channel {
    id: ChannelId,
    configured: bool,
    enabled: bool,
}

/// The channels in the answer of a settings command.
async fn channels(store: &Store, cmd: EngineCommand) -> Result<Vec<Channel>, Failure> {
    let mut view = on_service(store, async |service| run_command(service, cmd).await).await?;
    Ok(serde_json::from_value(view["channels"].take())?)
}
