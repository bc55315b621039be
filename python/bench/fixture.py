"""A Graph page of posts, shaped like the documentation's list-posts response (every benchmark's fixture)."""

import json


def posts_page(n: int = 1000) -> bytes:
    posts = []
    for i in range(n):
        sender = {"emailAddress": {"name": f"Person {i % 17}", "address": f"person{i % 17}@contoso.test"}}
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
                "body": {"contentType": "html", "content": f"<html><body><p>Post number {i}: " + "lorem ipsum " * 20 + "</p></body></html>"},
                "from": sender,
                "sender": sender,
                "newParticipants": [],
                "conversationId": "AAQkAGRhZmRhMWM3LTYwZTktNDZmYy1hNWU1LThhZWU4NzI2YTEyZgAQAVOiJQz3Cy8WTvPrkIKfFxCU=",
                "conversationThreadId": "AAQkAGRhZmRhMWM3LTYwZTktNDZmYy1hNWU1LThhZWU4NzI2YTEyZgMkABAA",
            }
        )
    page = {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#groups('id')/threads('id')/posts", "value": posts}
    # Compact, as Graph sends it.
    return json.dumps(page, separators=(",", ":")).encode()


if __name__ == "__main__":
    # The Rust and JS benchmarks read their fixture from here, so all three decode the same bytes.
    import sys

    sys.stdout.buffer.write(posts_page(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
