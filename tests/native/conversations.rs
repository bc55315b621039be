//! Conversations, threads, posts and attachments through the native client against the emulator.

use o365kit::model::{AttachmentKind, ConversationThread, Post, Recipient};
use o365kit::{ops, Query};
use o365kit_e2e::{Env, MEMBER, OWNER};

#[tokio::test(flavor = "multi_thread")]
async fn conversations_lifecycle() {
    let env = Env::start();
    let member = env.client(MEMBER);
    let (public, _) = env.groups().await;

    let before = member.all(ops::ListConversations { group_id: public.clone(), query: Query::new() }).await.unwrap();
    assert!(before.len() >= 3);
    let created = member
        .create_conversation(public.as_str(), "Quarterly review", Post::html("<p>Agenda inside</p>"))
        .await
        .unwrap();
    let cid = created.id.clone().expect("conversation id");
    let thread_ids: Vec<_> = created.threads.clone().unwrap_or_default().into_iter().filter_map(|t| t.id).collect();
    assert_eq!(thread_ids.len(), 1, "the create response names the new thread");

    let read = member.get_conversation(public.as_str(), cid.as_str(), Query::new()).await.unwrap();
    assert_eq!(read.topic.as_deref(), Some("Quarterly review"));
    let threads = member.list_conversation_threads(public.as_str(), cid.as_str(), Query::new()).await.unwrap();
    assert_eq!(threads.value.iter().filter_map(|t| t.id.clone()).collect::<Vec<_>>(), thread_ids);

    let added = member
        .create_conversation_thread(public.as_str(), cid.as_str(), Post::html("<p>A second thread</p>"))
        .await
        .unwrap();
    assert!(added.id.is_some());
    let threads = member.list_conversation_threads(public.as_str(), cid.as_str(), Query::new()).await.unwrap();
    assert_eq!(threads.value.len(), 2);

    let after = member.all(ops::ListConversations { group_id: public.clone(), query: Query::new() }).await.unwrap();
    assert_eq!(after.len(), before.len() + 1);
    env.client(OWNER).delete_conversation(public.as_str(), cid.as_str()).await.unwrap();
    let gone = member.get_conversation(public.as_str(), cid.as_str(), Query::new()).await.unwrap_err();
    assert_eq!(gone.status(), Some(404));
}

#[tokio::test(flavor = "multi_thread")]
async fn threads_reply_update_delete() {
    let env = Env::start();
    let member = env.client(MEMBER);
    let owner = env.client(OWNER);
    let (public, _) = env.groups().await;

    let thread =
        member.create_thread(public.as_str(), "Office move", Post::html("<p>Boxes arrive Monday</p>")).await.unwrap();
    let tid = thread.id.clone().expect("thread id");
    assert_eq!(thread.topic.as_deref(), Some("Office move"));
    let listed = member.all(ops::ListGroupThreads { group_id: public.clone(), query: Query::new() }).await.unwrap();
    assert!(listed.iter().any(|t| t.id.as_deref() == Some(tid.as_str())));

    member.reply_to_thread(public.as_str(), tid.as_str(), "<p>Thanks</p>").await.unwrap();
    let posts = member
        .all(ops::ListPosts { group_id: public.clone(), thread_id: tid.clone(), query: Query::new() })
        .await
        .unwrap();
    assert_eq!(posts.len(), 2);
    let reply = posts
        .iter()
        .find(|p| p.body.as_ref().and_then(|b| b.content.as_deref()).is_some_and(|c| c.contains("Thanks")))
        .expect("reply is there");
    assert_eq!(reply.from.as_ref().and_then(|f| f.address()), Some("member@contoso.test"));

    owner
        .update_thread(
            public.as_str(),
            tid.as_str(),
            ConversationThread { is_locked: Some(true), ..Default::default() },
        )
        .await
        .unwrap();
    assert_eq!(member.get_thread(public.as_str(), tid.as_str(), Query::new()).await.unwrap().is_locked, Some(true));
    let locked = member.reply_to_thread(public.as_str(), tid.as_str(), "<p>Too late</p>").await.unwrap_err();
    assert!(matches!(locked.status(), Some(400..=499)), "a locked thread refuses replies: {locked}");

    owner.delete_thread(public.as_str(), tid.as_str()).await.unwrap();
    assert_eq!(member.get_thread(public.as_str(), tid.as_str(), Query::new()).await.unwrap_err().status(), Some(404));
}

#[tokio::test(flavor = "multi_thread")]
async fn posts_reply_forward_and_attachments() {
    let env = Env::start();
    let member = env.client(MEMBER);
    let (public, _) = env.groups().await;
    let threads = member.all(ops::ListGroupThreads { group_id: public.clone(), query: Query::new() }).await.unwrap();

    let mut with_attachment = None;
    for t in &threads {
        let tid = t.id.clone().unwrap();
        for p in member
            .all(ops::ListPosts { group_id: public.clone(), thread_id: tid.clone(), query: Query::new() })
            .await
            .unwrap()
        {
            if p.has_attachments == Some(true) {
                with_attachment = Some((tid.clone(), p.id.clone().unwrap()));
            }
        }
    }
    let (tid, pid) = with_attachment.expect("the seed has a post with an attachment");

    let post = member.get_post(public.as_str(), tid.as_str(), pid.as_str(), Query::new()).await.unwrap();
    assert_eq!(post.id.as_deref(), Some(pid.as_str()));
    let atts = member.list_post_attachments(public.as_str(), tid.as_str(), pid.as_str(), Query::new()).await.unwrap();
    let first = atts.value.first().expect("an attachment");
    assert_eq!(first.kind(), AttachmentKind::File);
    let aid = first.id.clone().unwrap();
    let att = member
        .get_post_attachment(public.as_str(), tid.as_str(), pid.as_str(), aid.as_str(), Query::new())
        .await
        .unwrap();
    let bytes = att.content_bytes.expect("file content");
    assert_eq!(bytes.len() as i64, att.size.unwrap_or(bytes.len() as i64));
    assert!(!bytes.is_empty());

    let before = member
        .all(ops::ListPosts { group_id: public.clone(), thread_id: tid.clone(), query: Query::new() })
        .await
        .unwrap()
        .len();
    member.reply_to_post(public.as_str(), tid.as_str(), pid.as_str(), Post::text("Got the file")).await.unwrap();
    let posts = member
        .all(ops::ListPosts { group_id: public.clone(), thread_id: tid.clone(), query: Query::new() })
        .await
        .unwrap();
    assert_eq!(posts.len(), before + 1);
    let reply = posts
        .iter()
        .find(|p| p.body.as_ref().and_then(|b| b.content.as_deref()) == Some("Got the file"))
        .expect("reply listed");
    assert_eq!(reply.from.as_ref().and_then(|f| f.address()), Some("member@contoso.test"));

    member
        .forward_post(
            public.as_str(),
            tid.as_str(),
            pid.as_str(),
            Some("FYI".to_string()),
            vec![Recipient::new("someone@contoso.test")],
        )
        .await
        .unwrap();
}
