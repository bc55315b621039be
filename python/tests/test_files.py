"""Group files and upload sessions against the emulator: folders, conflict behaviour, small and
large uploads from a path, a file object or bytes, progress, a cut-off chunk resumed, expiry,
downloads through Graph's redirect, and a message attachment over 3 MB."""

import asyncio
import io

import pytest

import o365kit
from conftest import MEMBER, OUTSIDER, PUBLIC


def data(n):
    return bytes((i * 31 ^ (i >> 8)) & 0xFF for i in range(n))


def names(client, folder=None):
    return sorted(i.name for i in client.list_drive_children(PUBLIC, folder))


def test_folders_are_created_renamed_moved_and_deleted(member):
    reports = member.create_drive_folder(PUBLIC, "Reports")
    assert reports.folder.child_count == 0 and reports.parent_reference.path == "/drive/root:"
    year = member.create_drive_folder(PUBLIC, "2025", reports.id)
    assert names(member) == ["Reports"] and names(member, reports.id) == ["2025"]
    assert member.get_drive_item_by_path(PUBLIC, "Reports/2025").id == year.id
    assert member.rename_drive_item(PUBLIC, year.id, "FY25").name == "FY25"
    archive = member.create_drive_folder(PUBLIC, "Archive")
    moved = member.move_drive_item(PUBLIC, year.id, archive.id)
    assert moved.parent_reference.id == archive.id
    member.delete_drive_item(PUBLIC, archive.id)
    with pytest.raises(o365kit.NotFound) as err:
        member.get_drive_item(PUBLIC, year.id)
    assert err.value.code == "itemNotFound"
    assert names(member) == ["Reports"]


def test_conflict_behavior(member):
    member.create_drive_folder(PUBLIC, "Plans")
    with pytest.raises(o365kit.Conflict) as err:
        member.create_drive_folder(PUBLIC, "Plans")
    assert err.value.code == "nameAlreadyExists"
    assert member.create_drive_folder(PUBLIC, "Plans", conflict_behavior="rename").name == "Plans 1"
    with pytest.raises(o365kit.InvalidInput) as bad:
        member.create_drive_folder(PUBLIC, "Plans", conflict_behavior="overwrite")
    assert bad.value.param == "conflict_behavior"


def test_small_upload_and_download(member):
    item = member.upload_drive_file(PUBLIC, "hello.txt", o365kit.Photo(content_type="text/plain", bytes=b"hi there"))
    assert item.size == 8 and item.file.mime_type == "text/plain"
    got = member.download_drive_item(PUBLIC, item.id)
    assert got.bytes == b"hi there" and got.content_type == "text/plain"
    with pytest.raises(o365kit.InvalidInput) as err:
        member.upload_drive_file(PUBLIC, "big.bin", o365kit.Photo(content_type="application/octet-stream", bytes=bytes(4 * 1024 * 1024 + 1)))
    assert err.value.param == "content" and "upload session" in str(err.value)


def test_large_upload_from_a_path_with_progress(member, tmp_path):
    body = data(7 * 1024 * 1024)
    path = tmp_path / "video.mp4"
    path.write_bytes(body)
    session = member.create_drive_upload_session(PUBLIC, "video.mp4")
    seen = []
    item = member.upload(session, path, progress=lambda sent, total: seen.append((sent, total)))
    assert isinstance(item, o365kit.DriveItem) and item.size == len(body)
    assert seen == [(3_276_800, len(body)), (6_553_600, len(body)), (len(body), len(body))]
    assert member.download_drive_item(PUBLIC, item.id).bytes == body
    # A str path too, into a folder.
    folder = member.create_drive_folder(PUBLIC, "Media")
    session = member.create_drive_upload_session(PUBLIC, "copy.mp4", folder.id)
    assert member.upload(session, str(path)).parent_reference.id == folder.id


def test_upload_from_a_file_object_resumes_after_a_cut_off_chunk(member, emulator):
    body = data(5 * 1024 * 1024)
    source = io.BytesIO(b"header" + body)
    source.seek(6)  # from the file object's position
    session = member.create_drive_upload_session(PUBLIC, "dump.bin")
    # The first chunk is stored but its answer is cut off: the machine asks the upload URL.
    emulator.control("POST", "/_emulator/faults", {"truncate": True, "pathPrefix": "/upload", "method": "PUT"})
    item = member.upload(session, source, chunk_size=10 * 327_680)
    assert member.download_drive_item(PUBLIC, item.id).bytes == body


def test_bytes_text_files_and_expired_sessions(member, emulator, tmp_path):
    session = member.create_drive_upload_session(PUBLIC, "a.bin")
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    with open(text, "r") as f, pytest.raises(o365kit.InvalidInput) as err:
        member.upload(session, f)
    assert err.value.param == "source"
    with pytest.raises(o365kit.InvalidInput) as err:
        member.upload(session, 42)
    assert err.value.param == "source"
    emulator.control("POST", "/_emulator/uploads/expire")
    with pytest.raises(o365kit.UploadExpired) as expired:
        member.upload(session, b"x" * 1000)
    assert expired.value.expiration_date_time


def test_progress_callback_errors_reach_the_caller(member):
    session = member.create_drive_upload_session(PUBLIC, "b.bin")

    def boom(sent, total):
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError, match="stop"):
        member.upload(session, data(400_000), progress=boom)


def test_a_message_attachment_over_3_mb(member):
    draft = member.create_message(o365kit.Message(subject="Specs"))
    body = data(3 * 1024 * 1024 + 200_000)
    item = o365kit.AttachmentItem(attachment_type="file", name="specs.pdf", size=len(body))
    session = member.create_message_upload_session(draft.id, item)
    attachment = member.upload(session, body)
    assert isinstance(attachment, o365kit.Attachment) and attachment.id
    got = member.get_message_attachment(draft.id, attachment.id)
    assert got.name == "specs.pdf" and got.size == len(body)
    assert member.get_message_attachment_content(draft.id, attachment.id).bytes == body


def test_members_only_and_async_upload(emulator):
    outsider = o365kit.Client(token=OUTSIDER, base_url=emulator.url)
    with pytest.raises(o365kit.Forbidden):
        outsider.list_drive_children(PUBLIC).to_list()

    async def go():
        client = o365kit.AsyncClient(token=MEMBER, base_url=emulator.url)
        session = await client.create_drive_upload_session(PUBLIC, "async.bin")
        return await client.upload(session, data(700_000))

    item = asyncio.run(go())
    assert item.size == 700_000
