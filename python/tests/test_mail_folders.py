"""Mail folders and message attachments against the emulator."""

import pytest

import o365kit


def test_folders_lifecycle(member):
    top = {f.display_name for f in member.list_mail_folders()}
    assert {"Inbox", "Drafts", "Sent Items", "Deleted Items"} <= top
    inbox = member.get_mail_folder("inbox")
    assert inbox.display_name == "Inbox" and inbox.total_item_count > 0
    children = {f.display_name for f in member.list_child_folders("inbox")}
    assert {"Newsletters", "Finance"} <= children
    projects = member.create_mail_folder(o365kit.MailFolder(display_name="Projects"))
    alpha = member.create_child_folder(projects.id, {"displayName": "Alpha"})
    assert alpha.parent_folder_id == projects.id
    assert member.update_mail_folder(alpha.id, {"displayName": "Alpha 2"}).display_name == "Alpha 2"
    moved = member.move_mail_folder(alpha.id, "inbox")
    assert moved.parent_folder_id == inbox.id
    copied = member.copy_mail_folder(moved.id, projects.id)
    assert copied.id != moved.id and copied.display_name == "Alpha 2"
    note = member.create_folder_message(projects.id, {"subject": "Filed note", "body": "kept here"})
    assert [m.id for m in member.list_folder_messages(projects.id)] == [note.id]
    with pytest.raises(o365kit.GraphError) as err:
        member.delete_mail_folder("inbox")
    assert err.value.status == 400, "well-known folders cannot be deleted"
    # Deleting moves a folder to Deleted Items; deleting it there removes it.
    member.delete_mail_folder(projects.id)
    assert member.get_mail_folder(projects.id).parent_folder_id == member.get_mail_folder("deleteditems").id
    member.delete_mail_folder(projects.id)
    with pytest.raises(o365kit.NotFound):
        member.get_mail_folder(projects.id)


def test_attachments_bytes(member, owner):
    atts = owner.list_message_attachments("AAMkAGOwnerBudgetMail0001").to_list()
    csv = next(a for a in atts if a.name == "q2-budget.csv")
    full = owner.get_message_attachment("AAMkAGOwnerBudgetMail0001", csv.id)
    assert full.content_bytes.startswith(b"region,q1,q2") and full.odata_type == "#microsoft.graph.fileAttachment"
    content = owner.get_message_attachment_content("AAMkAGOwnerBudgetMail0001", csv.id)
    assert isinstance(content, o365kit.Photo)
    assert content.bytes == full.content_bytes and content.content_type.startswith("text/csv")
    item = next(a for a in member.list_message_attachments("AAMkAGMemberKickoff0001") if a.name == "Original brief")
    assert item.odata_type == "#microsoft.graph.itemAttachment"


def test_add_and_delete_attachment(member):
    draft = member.create_message({"subject": "With a file", "body": "<p>see attached</p>"})
    data = bytes(range(256)) * 4
    added = member.add_message_attachment(draft.id, o365kit.Attachment(
        odata_type="#microsoft.graph.fileAttachment", name="blob.bin", content_type="application/octet-stream",
        content_bytes=data))
    assert added.id and added.name == "blob.bin"
    assert member.get_message_attachment_content(draft.id, added.id).bytes == data
    as_dict = member.add_message_attachment(draft.id, {"@odata.type": "#microsoft.graph.fileAttachment",
                                                      "name": "hello.txt", "contentBytes": b"hello"})
    assert member.get_message_attachment(draft.id, as_dict.id).content_bytes == b"hello"
    assert member.get_message(draft.id).has_attachments is True
    member.delete_message_attachment(draft.id, added.id)
    assert [a.name for a in member.list_message_attachments(draft.id)] == ["hello.txt"]
