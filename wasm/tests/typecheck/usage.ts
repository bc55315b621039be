// Compiled (not run) by package.test.mjs: the generated declarations must accept typical add-in code
// and reject mistakes (the @ts-expect-error lines).
import { Client, GraphError, type Post, type ConversationThread, type Page } from "o365kit";

declare const OfficeRuntime: { auth: { getAccessToken(o?: object): Promise<string> } };

export async function addIn(): Promise<string[]> {
  const client = new Client({ getToken: () => OfficeRuntime.auth.getAccessToken({ allowSignInPrompt: true }) });
  const groups = await client.listJoinedGroups({ select: ["id", "displayName"], top: 10 });
  // Graph writes null for properties without a value, so the types say `string | null | undefined`.
  const first: string | undefined = groups.value[0]?.id ?? undefined;
  const page: Page<ConversationThread> = await client.listGroupThreads(first ?? "", { orderby: ["lastDeliveredDateTime desc"] });
  const topics: string[] = [];
  for await (const thread of client.listGroupThreads(first ?? "").all()) topics.push(thread.topic ?? "");
  const posts: Post[] = await client.listPosts("g", page.value[0]?.id ?? "").toArray();
  await client.replyToThread("g", "t", { body: { contentType: "html", content: "<p>hi</p>" } });
  await client.replyToThread("g", "t", "<p>a string is an HTML body</p>");
  await client.forwardPost("g", "t", "p", undefined, ["a@contoso.test"]);
  const photo = await client.getGroupPhoto("g");
  const bytes: Uint8Array = photo.bytes;
  try {
    await client.getGroup("g");
  } catch (e) {
    if (e instanceof GraphError) topics.push(`${e.status} ${e.code} ${e.requestId ?? ""} ${e.retryAfter ?? 0}`);
  }
  // Mail, on the signed-in user's mailbox or a shared one.
  const shared: Client = client.mailbox("support@contoso.test");
  const inbox = await shared.listFolderMessages("inbox", { top: 20, bodyType: "text" });
  const subject: string | null | undefined = inbox.value[0]?.subject;
  await client.sendMail({ subject: "hi", toRecipients: [{ emailAddress: { address: "a@contoso.test" } }] }, false);
  await client.replyToMessage("m", "Thanks!");
  await client.forwardMessage("m", ["a@contoso.test"]);
  await client.addMessageAttachment("m", { "@odata.type": "#microsoft.graph.fileAttachment", name: "a.bin", contentBytes: new Uint8Array([1, 2]) });
  const file = await client.getMessageAttachmentContent("m", "a");
  const fileBytes: Uint8Array = file.bytes;
  const tips = await client.getMailTips(["a@contoso.test"], ["automaticReplies"]);
  topics.push(subject ?? "", String(fileBytes.length), String(tips.value.length), client.mailboxId);
  new Client({ getToken: () => "t", mailbox: "support@contoso.test" });
  // @ts-expect-error: a mailbox is a string
  client.mailbox(42);
  // @ts-expect-error: recipients of a message are objects (only forwards take plain addresses)
  await client.sendMail({ toRecipients: ["a@contoso.test"] });
  // @ts-expect-error: ids are strings
  await client.getGroup(42);
  // @ts-expect-error: unknown query option
  await client.listGroups({ tpo: 1 });
  // @ts-expect-error: getToken is required
  new Client({ baseUrl: "http://127.0.0.1:1" });
  const sync = client.syncMessages("inbox", { maxPageSize: 50 }, { state: null, signal: new AbortController().signal });
  for await (const change of sync) {
    if (change.kind === "upserted") topics.push(change.item.subject ?? "");
    else if (change.kind === "removed") topics.push(change.id, change.reason);
    else topics.push(change.reason);
  }
  const saved: string | null = sync.state;
  // @ts-expect-error: a sync state is a string
  client.syncGroups({}, { state: 42 });
  const session = await client.createDriveUploadSession("g", "video.mp4");
  const uploaded = await client.upload(session, new Blob([new Uint8Array(10)]), { onProgress: (sent: number, total: number) => topics.push(`${sent}/${total}`) });
  topics.push(String(uploaded.id));
  // @ts-expect-error: a source is bytes or a Blob
  await client.upload(session, "text");
  const answers = await client.batch([["getGroup", "g"], { call: ["listGroupThreads", "g", { top: 2 }], dependsOn: [0] }]);
  for (const a of answers) topics.push(a.ok ? String(a.value) : a.error.message);
  // @ts-expect-error: getGroup takes a group id
  await client.batch([["getGroup", 42]]);
  return [...topics, String(posts.length), String(bytes.length), saved ?? ""];
}
