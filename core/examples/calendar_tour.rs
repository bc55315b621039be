//! A tour of the Calendar surface: this week's calendar view in your time zone, the next
//! occurrence of a recurring meeting, a slot found with a colleague and booked with a free room,
//! and a pending invitation accepted.
//!
//! cargo run -p o365kit --features native --example calendar_tour -- \
//!     --base-url http://127.0.0.1:PORT --token emulator:member@contoso.test [--with owner@contoso.test]

use std::time::{SystemTime, UNIX_EPOCH};

use o365kit::model::{Attendee, AttendeeBase, EmailAddress, Event, Location, TimeConstraint, TimeSlot};
use o365kit::model::{DateTimeTimeZone, Recipient};
use o365kit::{ops, Client, DateTime, Error, Query};

#[path = "tour/cli.rs"]
mod cli;
use cli::Args;

#[tokio::main]
async fn main() {
    let args = cli::args("calendar_tour", Some("with"));
    cli::finish("calendar_tour", tour(args).await);
}

const DAY: i64 = 86_400;

/// Midnight UTC `days` after 1970-01-01, as RFC 3339.
fn utc_midnight(days: i64) -> String {
    DateTime::from_epoch_seconds(days * DAY).to_string()
}

fn when(t: &Option<DateTimeTimeZone>) -> String {
    let t = t.as_ref();
    let text = t.and_then(|t| t.date_time.as_deref()).unwrap_or("?");
    format!(
        "{} ({})",
        text.get(..16).unwrap_or(text).replace('T', " "),
        t.and_then(|t| t.time_zone.as_deref()).unwrap_or("?")
    )
}

fn subject(e: &Event) -> &str {
    e.subject.as_deref().unwrap_or("(no subject)")
}

fn address(who: &str) -> Option<EmailAddress> {
    Some(EmailAddress { address: Some(who.to_string()), ..Default::default() })
}

async fn tour(args: Args) -> Result<(), Error> {
    let client = Client::builder().base_url(&args.base_url).token(args.token).build()?;
    let settings = client.get_mailbox_settings(Query::new()).await?;
    let zone = settings.time_zone.filter(|z| !z.is_empty()).unwrap_or_else(|| "UTC".into());
    let in_zone = || Query::new().timezone(zone.clone());

    // This week: Monday to Monday (taken in UTC; the view answers in your zone).
    let today = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0) / DAY;
    let monday = today - (today + 3).rem_euclid(7); // 1970-01-01 was a Thursday.
    let (start, end) =
        (DateTime::parse("start", &utc_midnight(monday))?, DateTime::parse("end", &utc_midnight(monday + 7))?);
    let week = client.list_calendar_view(start, end, in_zone().top(50)).await?;
    println!("This week in {zone} ({} to {}):", &utc_midnight(monday)[..10], &utc_midnight(monday + 6)[..10]);
    if week.value.is_empty() {
        println!("  (nothing booked)");
    }
    for e in &week.value {
        println!(
            "  - {}  {}{}",
            when(&e.start),
            subject(e),
            if e.is_all_day == Some(true) { " (all day)" } else { "" }
        );
    }

    let all = client.all(ops::ListEvents { mailbox: Default::default(), query: Query::new() }).await?;
    let series = all.iter().find(|e| e.type_.as_deref() == Some("seriesMaster"));
    match series.and_then(|s| s.id.clone().map(|id| (s, id))) {
        Some((s, id)) => {
            let (from, to) =
                (DateTime::parse("start", &utc_midnight(today))?, DateTime::parse("end", &utc_midnight(today + 366))?);
            let next = client.list_event_instances(id.as_str(), from, to, in_zone().top(1)).await?.value;
            match next.first() {
                Some(o) => println!("\nNext \"{}\": {}", subject(s), when(&o.start)),
                None => println!("\n\"{}\" has no occurrence in the coming year.", subject(s)),
            }
        }
        None => println!("\nNo recurring meeting in your calendar."),
    }

    book_with(&client, &args.colleague, today).await?;
    accept_one(&client, &all).await
}

/// A 30-minute slot with the colleague in the next three days, booked in the first free room.
async fn book_with(client: &Client, colleague: &str, today: i64) -> Result<(), Error> {
    let slot = |from: i64, to: i64| TimeSlot {
        start: Some(DateTimeTimeZone::new(&utc_midnight(from)[..19], "UTC")),
        end: Some(DateTimeTimeZone::new(&utc_midnight(to)[..19], "UTC")),
        ..Default::default()
    };
    let constraint = TimeConstraint { time_slots: Some(vec![slot(today + 1, today + 4)]), ..Default::default() };
    let who = AttendeeBase { type_: Some("required".into()), email_address: address(colleague), ..Default::default() };
    let found = client
        .find_meeting_times(vec![who], Some(constraint), Some("PT30M".to_string()), None, Some(3), None, None, None)
        .await?;
    let Some(best) = found.meeting_time_suggestions.unwrap_or_default().into_iter().next() else {
        let reason = found.empty_suggestions_reason.unwrap_or_default();
        println!("\nNo slot with {colleague} in the next three days ({reason}).");
        return Ok(());
    };
    let time = best.meeting_time_slot.unwrap_or_default();
    println!(
        "\nFirst free half hour with {colleague}: {} (confidence {}%)",
        when(&time.start),
        best.confidence.unwrap_or(0.0)
    );

    let rooms = client.list_rooms(None::<String>, Query::new()).await?.value;
    let addresses: Vec<String> = rooms.iter().filter_map(|r| r.email_address.clone()).collect();
    let (start, end) = (time.start.clone().unwrap_or_default(), time.end.clone().unwrap_or_default());
    let free = client.get_schedule(addresses, start.clone(), end.clone(), Some(30)).await?.value;
    let room = free
        .iter()
        .find(|s| s.availability_view.as_deref().is_some_and(|v| v.chars().all(|c| c == '0')))
        .and_then(|s| rooms.iter().find(|r| r.email_address == s.schedule_id));
    let mut meeting = Event {
        subject: Some("Catch-up (booked by calendar_tour)".into()),
        start: Some(start),
        end: Some(end),
        attendees: Some(vec![Attendee::required(colleague)]),
        ..Default::default()
    };
    if let Some(r) = room {
        let name = r.display_name.clone().unwrap_or_default();
        let room_address = r.email_address.clone().unwrap_or_default();
        meeting.location =
            Some(Location { location_email_address: Some(room_address.clone()), ..Location::named(name) });
        let resource = Attendee { type_: Some("resource".into()), ..Attendee::required(room_address) };
        meeting.attendees.get_or_insert_with(Vec::new).push(resource);
    }
    let booked = client.create_event(meeting).await?;
    let place = booked.location.and_then(|l| l.display_name).filter(|n| !n.is_empty());
    println!("Booked \"{}\" in {}.", subject_or(&booked.subject), place.as_deref().unwrap_or("no room (none free)"));
    Ok(())
}

fn subject_or(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("?")
}

/// Accepts the first meeting request still waiting for your answer.
async fn accept_one(client: &Client, events: &[Event]) -> Result<(), Error> {
    let pending = events.iter().find(|e| {
        e.is_organizer == Some(false)
            && e.response_status.as_ref().and_then(|r| r.response.as_deref()) == Some("notResponded")
    });
    let Some(invite) = pending else {
        println!("\nNo invitation waiting for an answer.");
        return Ok(());
    };
    let id = invite.id.clone().unwrap_or_default();
    client.accept_event(id.as_str(), Some("Accepted by calendar_tour".to_string()), Some(true)).await?;
    let now = client.get_event(id.as_str(), Query::new()).await?;
    let from = invite.organizer.as_ref().and_then(Recipient::address).unwrap_or("?");
    println!(
        "\nAccepted \"{}\" from {from}: now {}.",
        subject(invite),
        now.response_status.and_then(|r| r.response).as_deref().unwrap_or("?")
    );
    Ok(())
}
