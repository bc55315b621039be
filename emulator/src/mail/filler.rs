//! Generated mail for fixtures (`"filler": N`): realistic, varied and the same on every start
//! (a fixed linear congruential sequence per mailbox), so the seed stays small on disk.

use super::{compose, deliver, Message};
use crate::ids;
use crate::tenant::Tenant;
use serde_json::{json, Value};

const EXTERNAL: &[(&str, &str)] = &[
    ("Northwind Traders", "orders@northwind.example"),
    ("Fabrikam Support", "support@fabrikam.example"),
    ("Adatum Events", "events@adatum.example"),
    ("Tailspin Travel", "bookings@tailspin.example"),
];

const SUBJECTS: &[&str] = &[
    "Weekly sync notes",
    "Invoice {n} for March",
    "Re: Launch checklist",
    "Your order {n} has shipped",
    "Agenda for Thursday",
    "Design review feedback",
    "Travel itinerary {n}",
    "Quarterly numbers draft",
    "Lunch on Friday?",
    "Action items from the workshop",
    "Budget approval needed",
    "Customer escalation {n}",
];

const OPENINGS: &[&str] = &[
    "Thanks for the quick turnaround on this.",
    "Following up on our conversation earlier.",
    "Please find the details below.",
    "A quick reminder before the deadline.",
    "Here is the summary you asked for.",
];

struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n.max(1) as u64) as usize
    }
}

/// Adds `n` generated messages to mailbox `index`: mostly in the Inbox, some in Archive and
/// Sent Items, with a read/unread mix, flags, categories and importance.
pub(crate) fn fill(t: &mut Tenant, index: usize, n: usize) {
    let owner = t.mailboxes[index].owner_id().to_string();
    let mut rng = Lcg(owner.bytes().fold(7u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b))));
    let mut senders: Vec<Value> =
        t.users.iter().filter(|u| crate::tenant::id(u) != owner).map(crate::tenant::user_recipient).collect();
    senders.extend(EXTERNAL.iter().map(|(name, a)| json!({ "emailAddress": { "name": name, "address": a } })));
    // 2025-03-20T12:00:00Z, stepping back a few hours per message.
    let mut at: i64 = 1_742_472_000;
    let mut made: Vec<Message> = Vec::with_capacity(n);
    for k in 0..n {
        at -= 3600 * (2 + rng.next(9) as i64);
        let mb = &t.mailboxes[index];
        let sent = k % 9 == 4;
        let other = senders[rng.next(senders.len())].clone();
        let (from, to) = if sent { (mb.recipient(), other) } else { (other, mb.recipient()) };
        let subject = SUBJECTS[rng.next(SUBJECTS.len())].replace("{n}", &(1000 + rng.next(9000)).to_string());
        let name = from["emailAddress"]["name"].as_str().unwrap_or("there").to_string();
        let html = format!(
            "<html><body><p>Hi,</p><p>{}</p><ul><li>Item {}</li><li>Owner: {name}</li></ul><p>Best regards,<br>{name}</p></body></html>",
            OPENINGS[rng.next(OPENINGS.len())],
            rng.next(50) + 1,
        );
        let folder = if sent {
            mb.well_known("sentitems")
        } else if k % 13 == 7 {
            mb.well_known("archive")
        } else {
            mb.well_known("inbox")
        };
        let when = crate::clock::format_secs(at, true);
        let props = json!({
            "subject": subject,
            "body": { "contentType": "html", "content": html },
            "from": from, "sender": from,
            "toRecipients": [to],
            "importance": if k % 11 == 3 { "high" } else { "normal" },
            "categories": match k % 5 { 1 => json!(["Blue category"]), 3 => json!(["Red category"]), _ => json!([]) },
            "flag": { "flagStatus": match k % 7 { 2 => "flagged", 5 => "complete", _ => "notFlagged" } },
            "isRead": sent || k % 3 != 0,
            "isDraft": false,
            "receivedDateTime": when, "sentDateTime": when, "createdDateTime": when, "lastModifiedDateTime": when,
            "inferenceClassification": deliver::classify(mb, from["emailAddress"]["address"].as_str().unwrap_or_default()),
        });
        let mut m = compose::draft(mb, props.as_object().cloned().unwrap_or_default(), Vec::new(), Some(folder));
        let mid = ids::stable("AAMkA", &format!("{owner}/filler{k}"), 105);
        m.props.insert("id".into(), json!(mid));
        m.props.insert("webLink".into(), json!(compose::web_link(&mid)));
        made.push(m);
    }
    t.mailboxes[index].messages.extend(made);
}
