//! A tour of the Groups surface: joined groups, threads, posts, a reply and a new conversation.
//!
//! cargo run -p o365kit --features native --example groups_tour -- \
//!     --base-url http://127.0.0.1:PORT --token emulator:member@contoso.test

use o365kit::model::Post;
use o365kit::{Client, Error, Query};

#[path = "tour/cli.rs"]
mod cli;
use cli::Args;

#[tokio::main]
async fn main() {
    let args = cli::args("groups_tour", None);
    cli::finish("groups_tour", tour(args).await);
}

async fn tour(args: Args) -> Result<(), Error> {
    let client = Client::builder().base_url(&args.base_url).token(args.token).build()?;

    let groups = client.all(o365kit::ops::ListJoinedGroups { query: Query::new() }).await?;
    println!("You are a member of {} group(s):", groups.len());
    for g in &groups {
        println!("  - {} ({})", g.display_name.as_deref().unwrap_or("?"), g.visibility.as_deref().unwrap_or("?"));
    }
    let Some(group) = groups.first() else {
        println!("No groups: nothing more to show.");
        return Ok(());
    };
    let group_id = group.id.clone().unwrap_or_default();
    let name = group.display_name.as_deref().unwrap_or("?");

    let threads = client.list_group_threads(group_id.as_str(), Query::new().top(5)).await?;
    println!("\nLatest threads in {name}:");
    for t in &threads.value {
        println!(
            "  - {} [{}]",
            t.topic.as_deref().unwrap_or("(no topic)"),
            t.last_delivered_date_time.as_deref().unwrap_or("")
        );
    }
    let Some(thread) = threads.value.first() else {
        println!("No threads yet.");
        return Ok(());
    };
    let thread_id = thread.id.clone().unwrap_or_default();

    let posts = client
        .all(o365kit::ops::ListPosts { group_id: group_id.clone(), thread_id: thread_id.clone(), query: Query::new() })
        .await?;
    println!("\nPosts in \"{}\":", thread.topic.as_deref().unwrap_or(""));
    for p in &posts {
        let from = p.from.as_ref().and_then(|r| r.address()).unwrap_or("?");
        let preview: String =
            p.body.as_ref().and_then(|b| b.content.as_deref()).unwrap_or("").chars().take(60).collect();
        println!("  - {from}: {preview}");
    }

    client
        .reply_to_thread(group_id.as_str(), thread_id.as_str(), "<p>Thanks, noted. (sent by groups_tour)</p>")
        .await?;
    println!("\nReplied to \"{}\".", thread.topic.as_deref().unwrap_or(""));

    let convo = client
        .create_conversation(
            group_id.as_str(),
            "Hello from groups_tour",
            Post::html("<p>A new conversation started by o365kit.</p>"),
        )
        .await?;
    let thread_ids: Vec<String> = convo.threads.unwrap_or_default().into_iter().filter_map(|t| t.id).collect();
    println!("Started conversation {} with thread(s) {}.", convo.id.as_deref().unwrap_or("?"), thread_ids.join(", "));
    Ok(())
}
