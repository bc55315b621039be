//! A tour of the Mail surface: folders with their counts, unread mail, a message to a colleague,
//! a reply to their latest mail, a move to a new folder, and automatic replies (theirs through
//! MailTips, yours set).
//!
//! cargo run -p o365kit --features native --example mail_tour -- \
//!     --base-url http://127.0.0.1:PORT --token emulator:member@contoso.test [--to owner@contoso.test]

use o365kit::model::{AutomaticRepliesSetting, MailFolder, Message};
use o365kit::{ops, Client, Error, Query};

#[path = "tour/cli.rs"]
mod cli;
use cli::Args;

#[tokio::main]
async fn main() {
    let args = cli::args("mail_tour", Some("to"));
    cli::finish("mail_tour", tour(args).await);
}

fn who(m: &Message) -> &str {
    m.from.as_ref().and_then(|r| r.address()).unwrap_or("?")
}

async fn tour(args: Args) -> Result<(), Error> {
    let client = Client::builder().base_url(&args.base_url).token(args.token).build()?;

    let folders = client.all(ops::ListMailFolders { mailbox: Default::default(), query: Query::new() }).await?;
    println!("Mail folders:");
    for f in &folders {
        println!(
            "  - {:<16} {:>4} items, {:>3} unread",
            f.display_name.as_deref().unwrap_or("?"),
            f.total_item_count.unwrap_or(0),
            f.unread_item_count.unwrap_or(0)
        );
    }

    let unread = client
        .list_folder_messages(
            "inbox",
            Query::new().filter("isRead eq false").select(["subject", "from", "receivedDateTime"]).top(5),
        )
        .await?;
    println!("\nLatest unread mail in the Inbox:");
    for m in &unread.value {
        println!(
            "  - {} from {} [{}]",
            m.subject.as_deref().unwrap_or("(no subject)"),
            who(m),
            m.received_date_time.as_deref().unwrap_or("")
        );
    }

    let subject = "Hello from mail_tour";
    let message = Message::new(subject, "<p>A message sent by the o365kit mail tour.</p>", [args.colleague.as_str()]);
    client.send_mail(message, true).await?;
    println!("\nSent \"{subject}\" to {}.", args.colleague);

    let from_them =
        Query::new().filter(format!("from/emailAddress/address eq '{}'", args.colleague.replace('\'', "''"))).top(1);
    let latest = client.list_folder_messages("inbox", from_them).await?.value.into_iter().next();
    let Some(latest) = latest else {
        println!("\nNo mail from {} in the Inbox: nothing to reply to or file.", args.colleague);
        return automatic_replies(&client, &args.colleague).await;
    };
    let latest_id = latest.id.clone().unwrap_or_default();
    let comment = Some("Thanks, on it. (sent by mail_tour)".to_string());
    client.reply_to_message(latest_id.as_str(), comment, None::<Message>).await?;
    println!("Replied to \"{}\" from {}.", latest.subject.as_deref().unwrap_or(""), who(&latest));

    let folder = client.create_mail_folder(MailFolder::named(format!("Handled {}", std::process::id()))).await?;
    let folder_id = folder.id.clone().unwrap_or_default();
    let moved = client.move_message(latest_id.as_str(), folder_id.as_str()).await?;
    let counted = client.get_mail_folder(folder_id.as_str(), Query::new()).await?;
    println!(
        "Moved it into the new folder \"{}\" (now {} item(s)); moving gave it a new id: {}.",
        counted.display_name.as_deref().unwrap_or("?"),
        counted.total_item_count.unwrap_or(0),
        if moved.id.as_deref() != Some(latest_id.as_str()) { "yes" } else { "no" }
    );

    automatic_replies(&client, &args.colleague).await
}

async fn automatic_replies(client: &Client, colleague: &str) -> Result<(), Error> {
    let options = vec!["automaticReplies".to_string()];
    let tips = client.get_mail_tips(vec![colleague.to_string()], options).await?;
    let theirs = tips.value.first().and_then(|t| t.automatic_replies.as_ref()).and_then(|r| r.message.clone());
    println!("\nAutomatic reply of {colleague}: {}", theirs.filter(|m| !m.is_empty()).as_deref().unwrap_or("(none)"));

    let mine = client.get_automatic_replies().await?;
    println!("Your automatic replies: {}", mine.status.as_deref().unwrap_or("?"));
    let on = AutomaticRepliesSetting {
        status: Some("alwaysEnabled".into()),
        external_audience: Some("none".into()),
        internal_reply_message: Some("<p>Touring o365kit; back soon.</p>".into()),
        ..Default::default()
    };
    client.set_automatic_replies(on).await?;
    let now = client.get_automatic_replies().await?;
    println!(
        "Turned them on: {} \"{}\"",
        now.status.as_deref().unwrap_or("?"),
        now.internal_reply_message.as_deref().unwrap_or("")
    );
    Ok(())
}
