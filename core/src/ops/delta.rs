//! Delta queries: the first request of a round of change tracking for each resource Graph tracks
//! (a folder's messages, the mail folders, a calendar view, the groups), in Graph's form
//! (`.../delta`) or Outlook REST v2.0's (`Prefer: odata.track-changes` on the collection itself).
//! The links that follow (`$skiptoken`, `$deltatoken`) are the server's; [`crate::sync::DeltaSync`]
//! follows them.

use super::*;
use crate::model::{Event, Extra, Group, MailFolder, Message};
use crate::{Dialect, Mailbox};

/// One page of a delta round: its items are the resources added or changed (as Graph sends them)
/// and the ones removed (an `id` and an `@removed` annotation, see [`Change`]).
pub type DeltaPage<T> = Page<T>;

/// An item of a delta page, as the caller applies it to a local copy.
#[derive(Debug, Clone, PartialEq)]
pub enum Change<T> {
    /// Added or changed: the item as it is now (the properties the round selected).
    Upserted(T),
    /// Gone from the collection: deleted, or moved out of the folder or window. `reason` is
    /// Graph's ("deleted", or "changed" for a directory object still restorable).
    Removed { id: String, reason: String },
}

/// A resource Graph tracks changes of: its id, and its annotations (where `@removed` arrives).
pub trait Tracked {
    fn tracked_id(&self) -> Option<&str>;
    fn annotations(&self) -> &Extra;
}

macro_rules! tracked {
    ($($t:ty),*) => { $(
        impl Tracked for $t {
            fn tracked_id(&self) -> Option<&str> {
                self.id.as_deref()
            }
            fn annotations(&self) -> &Extra {
                &self.extra
            }
        }
    )* };
}
tracked!(Message, MailFolder, Event, Group);

/// Whether an item of a delta page says it was removed (`@removed`): then its id and Graph's reason.
pub fn removal<T: Tracked + ?Sized>(item: &T) -> Result<Option<(String, String)>, Error> {
    let Some(removed) = item.annotations().get("@removed") else { return Ok(None) };
    let id = item.tracked_id().ok_or_else(|| Error::decode("DeltaPage", "value[].id", "a removed item without id"))?;
    let reason = removed.get("reason").and_then(serde_json::Value::as_str).unwrap_or("deleted");
    Ok(Some((id.to_string(), reason.to_string())))
}

/// How each item of a delta page in Graph's JSON is applied: its id, and Graph's reason when it was
/// removed. For bindings that hand the items over as sent (checked against their model first).
pub fn sort_items(what: &str, json: &[u8]) -> Result<Vec<(String, Option<String>)>, Error> {
    use serde_json::Value;
    let page: Value = crate::decode::text::value(json).map_err(|e| Error::decode(what, "", e))?;
    let items = page.get(Page::<()>::ITEMS).and_then(Value::as_array);
    let items = items.ok_or_else(|| Error::decode(what, "value", "a delta page without its items"))?;
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let id = item.get("id").and_then(Value::as_str);
        let id = id.ok_or_else(|| Error::decode(what, format!("value[{i}].id"), "an item without id"))?;
        let removed = item.get("@removed").map(|r| r.get("reason").and_then(Value::as_str).unwrap_or("deleted"));
        out.push((id.to_string(), removed.map(str::to_string)));
    }
    Ok(out)
}

impl<T: Tracked> Change<T> {
    /// Sorts an item of a delta page into an upsert or a removal.
    pub fn of(item: T) -> Result<Change<T>, Error> {
        Ok(match removal(&item)? {
            None => Change::Upserted(item),
            Some((id, reason)) => Change::Removed { id, reason },
        })
    }

    /// The id of the item the change is about.
    pub fn id(&self) -> Option<&str> {
        match self {
            Change::Upserted(item) => item.tracked_id(),
            Change::Removed { id, .. } => Some(id),
        }
    }
}

/// The preference that turns an Outlook REST v2.0 collection read into a sync round.
pub const TRACK_CHANGES: &str = "odata.track-changes";

/// Outlook REST v2.0 asks for a delta round with a preference on the collection itself, added to
/// any other preferences of the query (such as `odata.maxpagesize`); Graph's round is the
/// collection's `.../delta` function (the route adds it).
pub(crate) fn track_changes(ep: &Endpoint, mut req: Request) -> Request {
    if ep.dialect() == Dialect::OutlookRest {
        let prefer = match req.header_value("Prefer") {
            Some(p) => format!("{TRACK_CHANGES}, {p}"),
            None => TRACK_CHANGES.to_string(),
        };
        req.set_header("Prefer", prefer);
    }
    req
}

/// What a delta round refuses before any request exists: a group's mailbox (Graph tracks a
/// user's only), the Outlook REST API where it has no delta of the resource, the options Graph
/// documents as unsupported, and a window that ends before it starts.
pub(crate) fn check_round(
    d: &route::Delta,
    ep: &Endpoint,
    mailbox: Option<&Mailbox>,
    args: &route::Args<'_>,
) -> Result<(), Error> {
    // Error messages name the resource without its article ("a group's calendar view").
    let resource = d.what.strip_prefix("a ").unwrap_or(d.what);
    if let Some(Mailbox::Group(_)) = mailbox {
        return Err(Error::invalid("mailbox", format!("Graph has no delta of a group's {resource}")));
    }
    if d.graph_only && ep.dialect() == Dialect::OutlookRest {
        return Err(Error::invalid("api", format!("the Outlook REST API v2.0 does not sync {resource}; use Graph")));
    }
    let q: &Query = args.get("query")?;
    let what = d.what;
    if q.search.is_some() {
        return Err(Error::invalid("query.search", format!("a delta of {what} takes no $search")));
    }
    if d.no_select && !q.select.is_empty() {
        return Err(Error::invalid("query.select", format!("a delta of {what} takes no $select")));
    }
    if q.skip.is_some() {
        return Err(Error::invalid("query.skip", format!("a delta of {what} takes no $skip (its links page it)")));
    }
    if q.count {
        return Err(Error::invalid("query.count", format!("a delta of {what} takes no $count")));
    }
    if let Some((start, end)) = d.window {
        crate::datetime::check_window(args.get(start)?, args.get(end)?)?;
    }
    Ok(())
}

routes! {
    SyncMessages: GET mailbox / "mailFolders" / folder_id / "messages" ? delta("messages");
    SyncMailFolders: GET mailbox / "mailFolders" ? delta("mail folders", graph_only);
    SyncCalendarView: GET mailbox / "calendarView" ? delta_window("a calendar view", start, end, no_select);
    SyncGroups: GET root / "groups" ? delta("groups", graph_only);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Operation;

    fn graph() -> Endpoint {
        Endpoint::default()
    }

    #[test]
    fn graph_rounds_start_at_the_delta_function() {
        let op = SyncMessages {
            mailbox: Mailbox::Me,
            folder_id: "inbox".into(),
            query: Query::new().select(["subject"]).max_page_size(50),
        };
        let req = op.request(&graph()).unwrap();
        assert_eq!(req.url, "https://graph.microsoft.com/v1.0/me/mailFolders/inbox/messages/delta?$select=subject");
        assert_eq!(req.header_value("Prefer"), Some("odata.maxpagesize=50"));
        let op = SyncGroups { query: Query::new().select(["displayName", "members"]) };
        assert_eq!(
            op.request(&graph()).unwrap().url,
            "https://graph.microsoft.com/v1.0/groups/delta?$select=displayName,members"
        );
        let op = SyncMailFolders { mailbox: Mailbox::user("ada@contoso.test"), query: Query::new() };
        assert_eq!(
            op.request(&graph()).unwrap().url,
            "https://graph.microsoft.com/v1.0/users/ada%40contoso.test/mailFolders/delta"
        );
    }

    #[test]
    fn calendar_view_rounds_carry_their_window() {
        let op = SyncCalendarView {
            mailbox: Mailbox::Me,
            start: crate::DateTime::parse("start", "2026-03-01T00:00:00Z").unwrap(),
            end: crate::DateTime::parse("end", "2026-04-01T00:00:00Z").unwrap(),
            query: Query::new(),
        };
        assert_eq!(
            op.request(&graph()).unwrap().url,
            "https://graph.microsoft.com/v1.0/me/calendarView/delta?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-04-01T00:00:00Z"
        );
        let bad = SyncCalendarView { end: op.start.clone(), ..op.clone() };
        assert!(matches!(bad.request(&graph()), Err(Error::InvalidInput { param, .. }) if param == "end"));
        let select = SyncCalendarView { query: Query::new().select(["subject"]), ..op };
        assert!(matches!(select.request(&graph()), Err(Error::InvalidInput { param, .. }) if param == "query.select"));
    }

    #[test]
    fn outlook_rest_rounds_ask_for_tracked_changes() {
        let ep = Endpoint::outlook_rest("https://outlook.office.com").unwrap();
        let op =
            SyncMessages { mailbox: Mailbox::Me, folder_id: "inbox".into(), query: Query::new().max_page_size(10) };
        let req = op.request(&ep).unwrap();
        assert_eq!(req.url, "https://outlook.office.com/api/v2.0/me/mailFolders/inbox/messages");
        assert_eq!(req.header_value("Prefer"), Some("odata.track-changes, odata.maxpagesize=10"));
        let groups = SyncGroups { query: Query::new() };
        assert!(matches!(groups.request(&ep), Err(Error::InvalidInput { param, .. }) if param == "api"));
    }

    #[test]
    fn bad_arguments_name_their_parameter() {
        let op = SyncMessages { mailbox: Mailbox::Me, folder_id: "a/b".into(), query: Query::new() };
        assert!(matches!(op.request(&graph()), Err(Error::InvalidInput { param, .. }) if param == "folder_id"));
        let op = SyncMessages { mailbox: Mailbox::group("g"), folder_id: "inbox".into(), query: Query::new() };
        assert!(matches!(op.request(&graph()), Err(Error::InvalidInput { param, .. }) if param == "mailbox"));
        let op = SyncMessages { mailbox: Mailbox::Me, folder_id: "inbox".into(), query: Query::new().search("x") };
        assert!(matches!(op.request(&graph()), Err(Error::InvalidInput { param, .. }) if param == "query.search"));
    }

    #[test]
    fn removed_items_are_told_apart() {
        let ep = graph();
        let body = br##"{"value": [{"id": "A", "subject": "Hi"},
            {"@odata.type": "#microsoft.graph.message", "id": "B", "@removed": {"reason": "deleted"}}],
            "@odata.deltaLink": "https://graph.microsoft.com/v1.0/me/mailFolders/inbox/messages/delta?$deltatoken=x"}"##;
        let op = SyncMessages { mailbox: Mailbox::Me, folder_id: "inbox".into(), query: Query::new() };
        let page = op.parse(&ep, Response::new(200, vec![], body.to_vec())).unwrap();
        assert!(page.delta_link.is_some());
        let changes: Vec<Change<Message>> = page.value.into_iter().map(|m| Change::of(m).unwrap()).collect();
        assert!(matches!(&changes[0], Change::Upserted(m) if m.subject.as_deref() == Some("Hi")));
        assert_eq!(changes[1], Change::Removed { id: "B".into(), reason: "deleted".into() });
        assert_eq!(changes[1].id(), Some("B"));
        // The same, for bindings that hand Graph's JSON over as sent.
        let sorted = sort_items("DeltaPage<Message>", body).unwrap();
        assert_eq!(sorted, [("A".to_string(), None), ("B".to_string(), Some("deleted".to_string()))]);
        let no_id = sort_items("DeltaPage<Message>", br#"{"value": [{"subject": "x"}]}"#).unwrap_err();
        assert!(matches!(no_id, Error::Decode { path, .. } if path == "value[0].id"));
    }
}
