//! Reading mail with query options through the native client: paging over folders bigger than a
//! page, `$filter`, `$search`, `$orderby`, `$select`, `$count` and the `Prefer` headers.

use o365kit::model::Message;
use o365kit::ops::{self, Operation};
use o365kit::{BodyType, Client, Query};
use o365kit_e2e::{Env, MEMBER, OWNER};

fn inbox(client: &Client, query: Query) -> ops::ListFolderMessages {
    ops::ListFolderMessages { mailbox: client.current_mailbox().clone(), folder_id: "inbox".into(), query }
}

async fn all_inbox(client: &Client, query: Query) -> Vec<Message> {
    client.all(inbox(client, query)).await.unwrap()
}

fn received(m: &Message) -> &str {
    m.received_date_time.as_deref().expect("messages have receivedDateTime")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_folder_bigger_than_a_page_is_read_to_the_end_newest_first() {
    let env = Env::start();
    let owner = env.client(OWNER);
    let total = owner.get_mail_folder("inbox", Query::new()).await.unwrap().total_item_count.unwrap();
    assert!(total > 20, "the seed's filler makes several pages: {total}");

    let mut pager = owner.pages(inbox(&owner, Query::new()));
    let (mut pages, mut ids) = (0, Vec::new());
    while let Some(page) = pager.next_page().await {
        let page = page.unwrap();
        assert!(page.value.len() <= 10);
        pages += 1;
        ids.extend(page.value.into_iter().filter_map(|m| m.id));
    }
    assert_eq!(pages, (total as usize).div_ceil(10));
    let everything = all_inbox(&owner, Query::new()).await;
    assert_eq!(everything.len() as i64, total);
    assert_eq!(everything.iter().filter_map(|m| m.id.clone()).collect::<Vec<_>>(), ids, "same items, same order");
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "no item twice across pages");
    assert!(everything.windows(2).all(|w| received(&w[0]) >= received(&w[1])), "newest first");
}

#[tokio::test(flavor = "multi_thread")]
async fn top_and_max_page_size_set_the_page_size() {
    let env = Env::start();
    let owner = env.client(OWNER);
    let first = owner.list_folder_messages("inbox", Query::new().top(25)).await.unwrap();
    assert_eq!(first.value.len(), 25);
    assert!(first.next_link.is_some());
    let paged = all_inbox(&owner, Query::new().top(25)).await;
    assert_eq!(paged.len(), all_inbox(&owner, Query::new()).await.len());

    let op = inbox(&owner, Query::new().max_page_size(7));
    let res = owner.execute(&op.request(owner.endpoint()).unwrap()).await.unwrap();
    assert_eq!(res.header("Preference-Applied"), Some("odata.maxpagesize=7"));
    let page = op.parse(owner.endpoint(), res).unwrap();
    assert_eq!(page.value.len(), 7);
}

#[tokio::test(flavor = "multi_thread")]
async fn filters_on_read_state_match_the_folder_counts() {
    let env = Env::start();
    let owner = env.client(OWNER);
    let folder = owner.get_mail_folder("inbox", Query::new()).await.unwrap();
    let unread = all_inbox(&owner, Query::new().filter("isRead eq false").top(50)).await;
    assert_eq!(Some(unread.len() as i64), folder.unread_item_count);
    assert!(unread.iter().all(|m| m.is_read == Some(false)));
    let read = all_inbox(&owner, Query::new().filter("isRead eq true")).await;
    assert_eq!(Some((read.len() + unread.len()) as i64), folder.total_item_count);
}

#[tokio::test(flavor = "multi_thread")]
async fn filters_on_sender_importance_attachments_categories_and_dates() {
    let env = Env::start();
    let (owner, member) = (env.client(OWNER), env.client(MEMBER));

    let from_member =
        all_inbox(&owner, Query::new().filter("from/emailAddress/address eq 'member@contoso.test'")).await;
    assert!(from_member.iter().any(|m| m.subject.as_deref() == Some("Q2 budget numbers")));
    assert!(from_member.iter().all(|m| m.from.as_ref().and_then(|f| f.address()) == Some("member@contoso.test")));

    let high = all_inbox(&owner, Query::new().filter("importance eq 'high'")).await;
    assert!(!high.is_empty() && high.iter().all(|m| m.importance.as_deref() == Some("high")));

    let with_files = all_inbox(&owner, Query::new().filter("hasAttachments eq true")).await;
    assert!(with_files.iter().any(|m| m.id.as_deref() == Some("AAMkAGOwnerBudgetMail0001")));
    assert!(with_files.iter().all(|m| m.has_attachments == Some(true)));

    let blue = all_inbox(&member, Query::new().filter("categories/any(c:c eq 'Blue category')")).await;
    assert!(blue.iter().any(|m| m.id.as_deref() == Some("AAMkAGMemberKickoff0001")));
    assert!(blue.iter().all(|m| m.categories.iter().flatten().any(|c| c == "Blue category")));

    let since = "2025-03-19T00:00:00Z";
    let recent = all_inbox(&owner, Query::new().filter(format!("receivedDateTime ge {since}"))).await;
    assert!(!recent.is_empty());
    assert!(recent.iter().all(|m| received(m) >= since));
    let older = all_inbox(&owner, Query::new().filter(format!("receivedDateTime lt {since}"))).await;
    assert_eq!(recent.len() + older.len(), all_inbox(&owner, Query::new()).await.len());
}

#[tokio::test(flavor = "multi_thread")]
async fn orderby_and_select_shape_the_answer() {
    let env = Env::start();
    let owner = env.client(OWNER);
    let oldest_first = all_inbox(&owner, Query::new().orderby(["receivedDateTime asc"])).await;
    assert!(oldest_first.windows(2).all(|w| received(&w[0]) <= received(&w[1])));

    let slim = owner.list_folder_messages("inbox", Query::new().select(["subject", "from"]).top(5)).await.unwrap();
    for m in &slim.value {
        assert!(m.id.is_some() && m.subject.is_some() && m.from.is_some());
        assert!(m.body.is_none() && m.to_recipients.is_none() && m.received_date_time.is_none(), "{m:?}");
    }
    let err = owner.list_folder_messages("inbox", Query::new().select(["colour"])).await.unwrap_err();
    assert_eq!(err.status(), Some(400), "unknown properties are Graph's 400: {err}");
}

#[tokio::test(flavor = "multi_thread")]
async fn search_finds_words_in_subject_and_body_and_refuses_a_filter_alongside() {
    let env = Env::start();
    let owner = env.client(OWNER);
    let found = owner.list_messages(Query::new().search("budget").top(500)).await.unwrap().value;
    assert!(found.iter().any(|m| m.id.as_deref() == Some("AAMkAGOwnerBudgetMail0001")));
    for m in &found {
        let text = format!(
            "{} {}",
            m.subject.as_deref().unwrap_or(""),
            m.body.as_ref().and_then(|b| b.content.as_deref()).unwrap_or("")
        );
        assert!(text.to_lowercase().contains("budget"), "{text}");
    }
    let err = owner.list_messages(Query::new().search("budget").filter("isRead eq false")).await.unwrap_err();
    assert_eq!(err.status(), Some(400), "{err}");
}

#[tokio::test(flavor = "multi_thread")]
async fn count_comes_with_the_first_page() {
    let env = Env::start();
    let owner = env.client(OWNER);
    let total = owner.get_mail_folder("inbox", Query::new()).await.unwrap().total_item_count;
    let page = owner.list_folder_messages("inbox", Query::new().count(true).top(3)).await.unwrap();
    assert_eq!(page.count, total);
}

#[tokio::test(flavor = "multi_thread")]
async fn bodies_come_as_text_when_preferred() {
    let env = Env::start();
    let member = env.client(MEMBER);
    let mid = "AAMkAGMemberKickoff0001";
    let html = member.get_message(mid, Query::new()).await.unwrap().body.unwrap();
    assert!(html.is_html() && html.content.as_deref().unwrap().contains("<p>"));

    let text = member.get_message(mid, Query::new().body_type(BodyType::Text)).await.unwrap().body.unwrap();
    assert_eq!(text.content_type.as_deref(), Some("text"));
    let content = text.content.unwrap();
    assert!(content.contains("Hi Miguel") && !content.contains('<'), "{content}");

    let op = ops::GetMessage {
        mailbox: Default::default(),
        message_id: mid.into(),
        query: Query::new().body_type(BodyType::Text),
    };
    let res = member.execute(&op.request(member.endpoint()).unwrap()).await.unwrap();
    let applied = res.header("Preference-Applied").unwrap_or_default().to_string();
    assert!(applied.contains("outlook.body-content-type=\"text\""), "{applied:?}");

    let listed = all_inbox(&member, Query::new().body_type(BodyType::Text)).await;
    assert!(listed.iter().all(|m| m.body.as_ref().and_then(|b| b.content_type.as_deref()) == Some("text")));
}

#[tokio::test(flavor = "multi_thread")]
async fn search_results_page_to_the_end() {
    let env = Env::start();
    let owner = env.client(OWNER);
    let one_page = owner.list_messages(Query::new().search("the").top(500)).await.unwrap().value;
    assert!(one_page.len() > 10, "enough hits for several pages: {}", one_page.len());
    let op = ops::ListMessages { mailbox: Default::default(), query: Query::new().search("the").top(10) };
    let paged = owner.all(op).await.unwrap();
    assert_eq!(paged.len(), one_page.len());
}

#[tokio::test(flavor = "multi_thread")]
async fn unique_body_and_headers_come_when_selected() {
    let env = Env::start();
    let member = env.client(MEMBER);
    let mid = "AAMkAGMemberNewsletter0001";
    let picked = member.get_message(mid, Query::new().select(["uniqueBody", "internetMessageHeaders"])).await.unwrap();
    assert!(picked.unique_body.is_some());
    let headers = picked.internet_message_headers.unwrap_or_default();
    assert!(headers.iter().any(|h| h.name.as_deref() == Some("List-Unsubscribe")));
}

#[tokio::test(flavor = "multi_thread")]
async fn unique_body_and_headers_are_left_out_by_default() {
    let env = Env::start();
    let plain = env.client(MEMBER).get_message("AAMkAGMemberNewsletter0001", Query::new()).await.unwrap();
    assert!(plain.unique_body.is_none(), "Graph: uniqueBody is not returned by default");
    assert!(plain.internet_message_headers.is_none(), "Graph: internetMessageHeaders only with $select");
}

/// Graph's default page size for messages, whatever other resources use.
#[tokio::test(flavor = "multi_thread")]
async fn messages_come_ten_to_a_page_by_default() {
    let env = Env::start();
    let page = env.client(OWNER).list_folder_messages("inbox", Query::new()).await.unwrap();
    assert_eq!(page.value.len(), 10);
    assert!(page.next_link.is_some());
}
