"""Models: lossless JSON, snake_case attributes, repr, and the generated layer is current."""

import importlib
import json
import pathlib
import sys
from datetime import datetime, timezone

import o365kit

POST = {
    "id": "AAMk=",
    "from": {"emailAddress": {"name": "Megan", "address": "megan@contoso.test"}},
    "body": {"contentType": "html", "content": "<img src=x onerror=alert(1)>"},
    "receivedDateTime": "2024-05-01T10:00:00.1234567Z",
    "@odata.etag": "W/\"x\"",
    "unknownProp": [1, 2],
}


def test_round_trip_and_attributes():
    post = o365kit.Post.from_json(json.dumps(POST))
    assert post.to_dict() == POST
    assert json.loads(post.to_json()) == POST
    assert post.from_.email_address.address == "megan@contoso.test"
    assert post.received_date_time.year == 2024 and post.received_date_time.microsecond == 123456
    assert "Post(id='AAMk=')" == repr(post)


def test_repr_html_is_escaped():
    html = o365kit.Post(POST)._repr_html_()
    assert "<img" not in html and "&lt;img" in html


def test_from_json_page():
    page = o365kit.Post.from_json_page(json.dumps({"value": [POST], "@odata.nextLink": "http://x/next"}))
    assert page.next_link == "http://x/next" and page.value[0].id == "AAMk="


def test_bad_json_is_a_decode_error():
    try:
        o365kit.Post.from_json("{not json")
    except o365kit.DecodeError:
        pass
    else:
        raise AssertionError("DecodeError expected")


def test_from_json_checks_every_value_against_the_model():
    # A page small enough to be checked in the call, and one large enough to be checked on a
    # thread while json.loads parses it: both refuse a bad nested value, naming its JSON path.
    bad = dict(POST, **{"from": {"emailAddress": {"address": 42}}})
    for n in (1, 3000):
        text = json.dumps({"value": [POST] * (n - 1) + [bad]})
        try:
            o365kit.Post.from_json_page(text)
        except o365kit.DecodeError as e:
            assert f"value[{n - 1}].from.emailAddress.address" in str(e), str(e)
        else:
            raise AssertionError(f"DecodeError expected for a page of {n}")
        page = o365kit.Post.from_json_page(json.dumps({"value": [POST] * n}).encode())
        assert len(page) == n and page.value[-1].from_.email_address.address == "megan@contoso.test"
    try:
        o365kit.Message.from_json(json.dumps(dict(MESSAGE, isRead="yes")))
    except o365kit.DecodeError as e:
        assert "isRead" in str(e), str(e)
    else:
        raise AssertionError("DecodeError expected for a bad isRead")


def test_models_are_read_only_views_of_the_json():
    post = o365kit.Post.from_json(json.dumps(POST))
    assert post.id == "AAMk=" and post.body.content == POST["body"]["content"]
    for name in ("id", "from_", "anything"):
        try:
            setattr(post, name, "x")
        except AttributeError:
            pass
        else:
            raise AssertionError(f"setting {name} should fail")
    assert post.to_dict() == POST
    assert o365kit.Message.from_json("{}").subject is None


def test_generated_layer_is_current():
    src = pathlib.Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(src))
    try:
        generate = importlib.import_module("generate")
    finally:
        sys.path.remove(str(src))
    from o365kit import _native

    committed = (src / "o365kit" / "_generated.py").read_text()
    assert generate.render(_native) == committed, "run python/generate.py and commit o365kit/_generated.py"


MESSAGE = {
    "id": "AAMk1",
    "subject": "Hello",
    "from": {"emailAddress": {"name": "Megan", "address": "megan@contoso.test"}},
    "toRecipients": [{"emailAddress": {"address": "a@contoso.test"}}, {"emailAddress": {"address": "b@contoso.test"}}],
    "receivedDateTime": "2025-03-20T09:15:00.1234567Z",
    "bodyPreview": "Hi",
    "flag": {"flagStatus": "flagged", "dueDateTime": {"dateTime": "2025-03-21T17:00:00.0000000", "timeZone": "UTC"}},
    "@odata.etag": "W/\"x\"",
    "singleValueExtendedProperties": [1],
}


def test_message_keywords_use_the_cores_conveniences():
    m = o365kit.Message(subject="Hi", body="<p>x</p>", to_recipients=["a@contoso.test", o365kit.Recipient(
        email_address=o365kit.EmailAddress(name="B", address="b@contoso.test"))], from_="me@contoso.test")
    assert m.to_dict() == {
        "subject": "Hi",
        "body": {"contentType": "html", "content": "<p>x</p>"},
        "toRecipients": [{"emailAddress": {"address": "a@contoso.test"}},
                         {"emailAddress": {"name": "B", "address": "b@contoso.test"}}],
        "from": {"emailAddress": {"address": "me@contoso.test"}},
    }
    assert m.body.content_type == "html" and m.to_recipients[1].email_address.name == "B"
    text = o365kit.Message(body=o365kit.ItemBody(content_type="text", content="plain"))
    assert text.to_dict()["body"] == {"contentType": "text", "content": "plain"}
    att = o365kit.Attachment(odata_type="#microsoft.graph.fileAttachment", name="a.bin", content_bytes=b"\x00\xff")
    assert att.to_dict()["contentBytes"] == "AP8=" and att.content_bytes == b"\x00\xff"
    assert o365kit.Attachment({"name": "b", "contentBytes": b"\x00\xff"}).to_dict()["contentBytes"] == "AP8="


def test_to_row_is_flat_by_field_types():
    row = o365kit.Message(MESSAGE).to_row()
    assert row["from_address"] == "megan@contoso.test" and row["from_name"] == "Megan"
    assert row["to_addresses"] == ["a@contoso.test", "b@contoso.test"]
    assert row["received"].tzinfo is not None and row["received"].microsecond == 123456
    assert row["preview"] == "Hi" and row["flag_status"] == "flagged"
    # a DateTimeTimeZone is one aware datetime column, named as a DateTime is
    assert row["flag_due"] == datetime(2025, 3, 21, 17, tzinfo=timezone.utc)
    assert not any(k.startswith("flag_due_") for k in row)
    assert row["singleValueExtendedProperties"] == [1], "unknown properties keep their Graph name"
    assert not any(k.startswith("@") for k in row)


def test_photo_holds_attachment_bytes():
    p = o365kit.Photo("text/csv", b"a,b\n")
    assert repr(p) == "Photo(content_type='text/csv', 4 bytes)"
