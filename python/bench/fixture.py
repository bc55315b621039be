"""The benchmarks' fixtures: Graph v1.0 pages of 1000 posts, messages and events, shaped like the
documentation's examples (list-posts, message-get, user-list-events / event-get), with every
property a full item carries. Every benchmark (Rust, Python, npm) decodes these same bytes.

`python3 fixture.py [posts|messages|events] [n]` writes one page to stdout (posts when no kind is
given, so `fixture.py 1000` still works).
"""

import json

# Each page's item list, and the two nested fields every benchmark reads from each item: a wire
# path (Graph's camelCase) and the Python attribute path of the same value.
READS = {
    "posts": ((("from", "emailAddress", "address"), ("from_", "email_address", "address")), (("body", "content"), ("body", "content"))),
    "messages": (
        (("from", "emailAddress", "address"), ("from_", "email_address", "address")),
        (("body", "content"), ("body", "content")),
    ),
    "events": (
        (("organizer", "emailAddress", "address"), ("organizer", "email_address", "address")),
        (("start", "dateTime"), ("start", "date_time")),
    ),
}

LOREM = "lorem ipsum " * 20
TENANT = "contoso.test"


def _person(i: int) -> dict:
    return {"emailAddress": {"name": f"Person {i % 17}", "address": f"person{i % 17}@{TENANT}"}}


def _compact(page: dict) -> bytes:
    # Compact, as Graph sends it.
    return json.dumps(page, separators=(",", ":")).encode()


def posts_page(n: int = 1000) -> bytes:
    posts = []
    for i in range(n):
        sender = _person(i)
        posts.append(
            {
                "@odata.etag": f'W/"CQAAABYAAAD{i:08d}"',
                "id": f"AAMkAGRhZmRhMWM3LTYwZTktNDZmYy1hNWU1LThhZWU4NzI2YTEyZgBGAAAAAAB{i:08d}=",
                "createdDateTime": "2024-05-01T10:00:00Z",
                "lastModifiedDateTime": "2024-05-01T10:00:00Z",
                "changeKey": "CQAAABYAAAD",
                "categories": [],
                "receivedDateTime": "2024-05-01T10:00:00Z",
                "hasAttachments": i % 10 == 0,
                "body": {"contentType": "html", "content": f"<html><body><p>Post number {i}: " + LOREM + "</p></body></html>"},
                "from": sender,
                "sender": sender,
                "newParticipants": [],
                "conversationId": "AAQkAGRhZmRhMWM3LTYwZTktNDZmYy1hNWU1LThhZWU4NzI2YTEyZgAQAVOiJQz3Cy8WTvPrkIKfFxCU=",
                "conversationThreadId": "AAQkAGRhZmRhMWM3LTYwZTktNDZmYy1hNWU1LThhZWU4NzI2YTEyZgMkABAA",
            }
        )
    page = {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#groups('id')/threads('id')/posts", "value": posts}
    return _compact(page)


def messages_page(n: int = 1000) -> bytes:
    """A page of `GET /me/messages` without $select: message-get's full property set."""
    messages = []
    for i in range(n):
        sender = _person(i)
        day = f"2024-05-{1 + i % 28:02d}"
        messages.append(
            {
                "@odata.etag": f'W/"CQAAABYAAAC4ofQHEIqCSbQPot83AFcbAA{i:06d}"',
                "id": f"AAMkADhMGAAAAAAEMAAC4ofQHEIqCSbQPot83AFcbAA{i:08d}=",
                "createdDateTime": f"{day}T03:15:05Z",
                "lastModifiedDateTime": f"{day}T03:15:08Z",
                "changeKey": "CQAAABYAAAC4ofQHEIqCSbQPot83AFcbAAAnjjuZ",
                "categories": ["Blue category"] if i % 5 == 0 else [],
                "receivedDateTime": f"{day}T03:15:08Z",
                "sentDateTime": f"{day}T03:15:06Z",
                "hasAttachments": i % 10 == 0,
                "internetMessageId": f"<MWHPR6E1BE060{i:06d}@MWHPR1120.namprd22.prod.outlook.com>",
                "subject": f"Quarterly review, part {i}",
                "bodyPreview": f"Message number {i}: " + LOREM[:200],
                "importance": "normal",
                "parentFolderId": "AAMkADcbAAAAAAEJAAA=",
                "conversationId": f"AAQkADOUpag6yWs{i % 50:04d}=",
                "conversationIndex": "AQHUSBMXOrAl3fEr1k+GDoWmWB/8zw==",
                "isDeliveryReceiptRequested": False,
                "isReadReceiptRequested": False,
                "isRead": i % 3 != 0,
                "isDraft": False,
                "webLink": f"https://outlook.office365.com/owa/?ItemID=AAMkADMGAAA{i:06d}%3D&exvsurl=1&viewmodel=ReadMessageItem",
                "inferenceClassification": "focused" if i % 4 else "other",
                "body": {
                    "contentType": "html",
                    "content": f"<html>\r\n<head>\r\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\r\n</head>\r\n<body>\r\n<p>Message number {i}: "
                    + LOREM
                    + "</p>\r\n</body>\r\n</html>\r\n",
                },
                "sender": sender,
                "from": sender,
                "toRecipients": [_person(i + 1), _person(i + 2)],
                "ccRecipients": [_person(i + 3)] if i % 2 else [],
                "bccRecipients": [],
                "replyTo": [],
                "flag": {"flagStatus": "notFlagged"},
            }
        )
    page = {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('id')/messages",
        "value": messages,
        "@odata.nextLink": "https://graph.microsoft.com/v1.0/me/messages?$skip=1000",
    }
    return _compact(page)


def events_page(n: int = 1000) -> bytes:
    """A page of `GET /me/events` without $select: event-get's full property set."""
    events = []
    for i in range(n):
        organizer = _person(i)
        day = f"2024-05-{1 + i % 28:02d}"
        hour = 8 + i % 9
        room = f"Conf Room {i % 12}"
        events.append(
            {
                "@odata.etag": f'W/"ZlnW4RIAV06KYYwlrfNZvQAA{i:08d}=="',
                "id": f"AAMkAGIAAAoZDOFAAA{i:08d}=",
                "createdDateTime": f"{day}T07:30:00.1234567Z",
                "lastModifiedDateTime": f"{day}T07:31:00.7654321Z",
                "changeKey": "ZlnW4RIAV06KYYwlrfNZvQAAKGWwbw==",
                "categories": [],
                "transactionId": None,
                "originalStartTimeZone": "Pacific Standard Time",
                "originalEndTimeZone": "Pacific Standard Time",
                "iCalUId": f"040000008200E00074C5B7101A82E00800000000{i:08d}",
                "uid": f"040000008200E00074C5B7101A82E00800000000{i:08d}",
                "reminderMinutesBeforeStart": 15,
                "isReminderOn": True,
                "hasAttachments": False,
                "subject": f"Orientation {i}",
                "bodyPreview": f"Dana, this is the time you selected for our orientation {i}. Please bring the notes I sent you.",
                "importance": "normal",
                "sensitivity": "normal",
                "isAllDay": False,
                "isCancelled": False,
                "isOrganizer": i % 2 == 0,
                "responseRequested": True,
                "seriesMasterId": None,
                "showAs": "busy",
                "type": "singleInstance",
                "webLink": f"https://outlook.office365.com/owa/?itemid=AAMkAGIAAAoZDOFAAA{i:08d}%3D&exvsurl=1&path=/calendar/item",
                "onlineMeetingUrl": None,
                "isOnlineMeeting": i % 3 == 0,
                "onlineMeetingProvider": "teamsForBusiness" if i % 3 == 0 else "unknown",
                "allowNewTimeProposals": True,
                "isDraft": False,
                "hideAttendees": False,
                "recurrence": None,
                "onlineMeeting": {"joinUrl": f"https://teams.microsoft.com/l/meetup-join/{i:08d}"} if i % 3 == 0 else None,
                "responseStatus": {"response": "organizer" if i % 2 == 0 else "accepted", "time": "0001-01-01T00:00:00Z"},
                "body": {
                    "contentType": "html",
                    "content": f"<html><head></head><body><p>Dana, this is the time you selected for our orientation {i}. " + LOREM + "</p></body></html>",
                },
                "start": {"dateTime": f"{day}T{hour:02d}:00:00.0000000", "timeZone": "Pacific Standard Time"},
                "end": {"dateTime": f"{day}T{hour + 1:02d}:00:00.0000000", "timeZone": "Pacific Standard Time"},
                "location": {"displayName": room, "locationType": "default", "uniqueId": room, "uniqueIdType": "private"},
                "locations": [{"displayName": room, "locationType": "default", "uniqueIdType": "unknown"}],
                "attendees": [
                    {
                        "type": "required",
                        "status": {"response": "none", "time": "0001-01-01T00:00:00Z"},
                        "emailAddress": _person(i + k)["emailAddress"],
                    }
                    for k in range(1, 4)
                ],
                "organizer": organizer,
            }
        )
    page = {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('id')/events",
        "value": events,
        "@odata.nextLink": "https://graph.microsoft.com/v1.0/me/events?$skip=1000",
    }
    return _compact(page)


PAGES = {"posts": posts_page, "messages": messages_page, "events": events_page}


def read(item: dict, path: tuple) -> object:
    for key in path:
        item = item[key]
    return item


if __name__ == "__main__":
    # The Rust and JS benchmarks read their fixtures from here, so all three decode the same bytes.
    import sys

    args = sys.argv[1:]
    kind = args.pop(0) if args and args[0] in PAGES else "posts"
    sys.stdout.buffer.write(PAGES[kind](int(args[0]) if args else 1000))
