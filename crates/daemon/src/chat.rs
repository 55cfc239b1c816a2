//! `detect-chat`: which chat to notify, read from the messages people sent the bot.

use nightwatcher_engine::command::Command as EngineCommand;
use nightwatcher_engine::model::is_hidden_character;
use nightwatcher_engine::telegram::SeenChat;

use crate::engine::{on_service, run_command};
use crate::failure::Failure;
use nightwatcher_engine::store::Store;

pub async fn detect(store: &Store) -> Result<(), Failure> {
    eprintln!("waiting up to 25 s for a message to the bot: send it one in Telegram now");
    let chats = on_service(store, async |service| {
        run_command(service, EngineCommand::DetectTelegramChats).await
    })
    .await?;
    let chats: Vec<SeenChat> = serde_json::from_value(chats)?;
    if chats.is_empty() {
        return Err(anyhow::anyhow!(
            "no message reached the bot: send it one in Telegram (for a group, add the bot first), then run \
             `nightwatcherd detect-chat` again"
        )
        .into());
    }
    for chat in &chats {
        // Names are other people's text: no control or direction character reaches the terminal.
        let name: String = chat
            .name
            .chars()
            .map(|c| if is_hidden_character(c) { ' ' } else { c })
            .collect();
        println!("{}\t{}\t{name}", chat.id, chat.kind);
    }
    if let [chat] = chats.as_slice() {
        println!(
            "set it with: nightwatcherd config set telegram_chat_id {}",
            chat.id
        );
    }
    Ok(())
}
