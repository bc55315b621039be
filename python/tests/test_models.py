"""Models: lossless JSON, snake_case attributes, repr, and the generated layer is current."""

import importlib
import json
import pathlib
import sys

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
