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
  // @ts-expect-error: ids are strings
  await client.getGroup(42);
  // @ts-expect-error: unknown query option
  await client.listGroups({ tpo: 1 });
  // @ts-expect-error: getToken is required
  new Client({ baseUrl: "http://127.0.0.1:1" });
  return [...topics, String(posts.length), String(bytes.length)];
}
