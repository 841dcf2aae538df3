/** Models that misbehave: whatever they send, a reader gets exactly the offline answer, on
 * every route (JSON, SSE, and the bots' /v1 chat, streamed or not), and no byte of what the
 * model wrote. */
import { beforeEach, describe, expect, it } from "vitest";
import { type ChatCall, type ChatReply, passageNumber } from "./fake-openai.js";
import { askJson, askStream, type ModelApp, parseSse, useModelApps } from "./model-app.js";

const apps = useModelApps();
beforeEach(() => {
  apps.m.logs.length = 0;
});

const SECRET = "sk-live-DO-NOT-LEAK-1234";

/** Two questions the offline path answers, and a phrase of the passage that answers each. */
const QUESTIONS = [
  { question: "2023年全社会研发经费投入增长多少？", needle: "研发经费投入增长16%" },
  { question: "How many national high-tech enterprises does Chengdu have?", needle: "1.3万家" },
];

type Misbehaviour = {
  /** the reply to a call, given the number and a phrase of the passage that answers */
  reply: (call: ChatCall, n: number, needle: string) => ChatReply;
  /** what none of the replies may hold */
  never: (call: ChatCall) => string[];
  /** the log line's fields */
  logged: Record<string, unknown>;
};

const sse = (...events: string[]) => events.map((e) => `data: ${e}\n\n`).join("");

const MISBEHAVIOURS: Record<string, Misbehaviour> = {
  "invents figures, with a real-looking sources footer": {
    reply: (_, n) => ({
      text: `全社会研发经费投入增长99.9% [${n}]，人口达到5000万人 [${n}]。\n\n来源：\n[${n}] 2023年工作回顾 › （一）: “全社会研发经费投入增长99.9%”`,
      pieces: 6,
    }),
    never: () => ["99.9", "5000万"],
    logged: { failure: "checks", reason: "figure" },
  },
  "echoes its prompt": {
    reply: (call) => ({ text: `${call.system}\n\n${call.user}`, pieces: 40 }),
    never: (call) => [
      ...call.system.split("\n").filter((l) => l.length > 30),
      "<passage",
      "<question>",
      "NOT_IN_REPORT",
    ],
    logged: { failure: "checks", reason: "echo" },
  },
  "cites only passages that do not exist": {
    reply: (_, __, needle) => ({ text: `报告写道：${needle} [7]。其中，${needle} [6][8]。` }),
    never: () => ["[6]", "[7]", "[8]", "报告写道"],
    logged: { failure: "checks", reason: "unverified" },
  },
  "writes HTML, links and script": {
    reply: (_, n) => ({
      text: `全社会研发经费投入增长16% [${n}]<script>alert(1)</script>。详见[报告](javascript:alert(2)) <img src=x onerror=alert(3)>。`,
    }),
    never: () => ["<script", "script>", "javascript", "alert", "<img", "onerror", "详见"],
    logged: { failure: "checks", reason: "unsafe" },
  },
  "answers 200 with an HTML page": {
    reply: () => ({
      raw: "<!doctype html><html><body><h1>Proxy sign-in</h1><script>steal()</script></body></html>",
      contentType: "text/html",
    }),
    never: () => ["Proxy", "steal", "<h1"],
    logged: { failure: "upstream" },
  },
  "answers 200 with a JSON error": {
    reply: () => ({
      raw: JSON.stringify({ error: { message: `quota exceeded for ${SECRET}`, type: "quota" } }),
      contentType: "application/json",
    }),
    never: () => ["quota", SECRET],
    logged: { failure: "upstream" },
  },
  "streams garbage": {
    reply: () => ({
      raw: sse("hello world <b>", '{"foo":"bar"}', "[DONE]"),
      contentType: "text/event-stream",
    }),
    never: () => ["hello world", "foo"],
    logged: { failure: "upstream" },
  },
  "streams chunks without choices": {
    reply: () => ({
      raw: sse('{"id":"x","object":"chat.completion.chunk","choices":[]}', "[DONE]"),
      contentType: "text/event-stream",
    }),
    never: () => ['chat.completion.chunk","choices":[]'],
    logged: { failure: "upstream" },
  },
  "cuts its stream mid-sentence": {
    reply: (_, n) => ({
      text: `全社会研发经费投入增长16% [${n}]，技术合同成交额增长10%`,
      cutAfter: 2,
    }),
    never: () => ["技术合同成交额增长10% ["],
    logged: { failure: "upstream" },
  },
};

/** One route's whole reply, with what differs between any two requests (ids, clocks) blanked. */
type Route = (app: ModelApp["app"], question: string) => Promise<string>;

const chat = (app: ModelApp["app"], question: string, stream: boolean) =>
  Promise.resolve(
    app.request("/v1/chat/completions", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        model: "report-qa",
        stream,
        messages: [{ role: "user", content: question }],
      }),
    }),
  );
const blank = (body: string) =>
  body.replace(/"id":"chatcmpl-[^"]+"/g, '"id":""').replace(/"created":\d+/g, '"created":0');

const ROUTES: Record<string, Route> = {
  "JSON /api/ask": async (app, question) => (await askJson(app, { question })).text(),
  "SSE /api/ask": async (app, question) => (await askStream(app, { question })).text(),
  "/v1/chat/completions": async (app, question) =>
    blank(await (await chat(app, question, false)).text()),
  "/v1/chat/completions streamed": async (app, question) =>
    blank(await (await chat(app, question, true)).text()),
};

const cases = Object.keys(MISBEHAVIOURS).flatMap((m) =>
  Object.keys(ROUTES).flatMap((r) => QUESTIONS.map((q) => [m, r, q.question, q.needle] as const)),
);

describe("a model that misbehaves", () => {
  it.each(cases)("%s: %s gives the offline reply to %s", async (name, route, question, needle) => {
    const misbehaviour = MISBEHAVIOURS[name] as Misbehaviour;
    apps.fake.reply((call) =>
      misbehaviour.reply(call, passageNumber(call.user, needle) ?? 1, needle),
    );
    const get = ROUTES[route] as Route;
    const body = await get(apps.m.app, question);
    const call = apps.fake.chats.at(-1);
    if (!call) throw new Error("the model was not asked");
    expect(body).toBe(await get(apps.offline, question));
    for (const s of misbehaviour.never(call)) expect(body).not.toContain(s);
    const fellBack = apps.m.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === "model answer failed, falling back to extractive");
    expect(fellBack).toEqual([expect.objectContaining({ level: "warn", ...misbehaviour.logged })]);
    expect(apps.m.logs.join("\n")).not.toContain(SECRET);
  });
});

describe("a model that behaves", () => {
  it("answers on every route, and a bot's stream carries a chunk per sentence", async () => {
    const [{ question, needle }] = QUESTIONS as [(typeof QUESTIONS)[number]];
    apps.fake.reply((call) => {
      const n = passageNumber(call.user, needle);
      return { text: `2023年，全社会研发经费投入增长16% [${n}]。技术合同成交额增长10% [${n}]。` };
    });
    const answer = (await (await askJson(apps.m.app, { question })).json()) as {
      answer: string;
      mode: string;
    };
    expect(answer.mode).toBe("llm");
    const events = parseSse(await (await askStream(apps.m.app, { question })).text());
    expect(events.filter((e) => e.event === "delta")).toHaveLength(2);

    const streamed = await (await chat(apps.m.app, question, true)).text();
    const pieces = streamed
      .split("\n\n")
      .filter((b) => b.startsWith("data: {"))
      .map((b) => JSON.parse(b.slice(6)) as { choices: { delta: { content?: string } }[] })
      .map((c) => c.choices[0]?.delta.content ?? "")
      .filter(Boolean);
    expect(pieces.slice(0, 2)).toEqual(answer.answer.match(/[^。]+。/g));
    const whole = (await (await chat(apps.m.app, question, false)).json()) as {
      choices: { message: { content: string } }[];
    };
    expect(pieces.join("")).toBe(whole.choices[0]?.message.content);
    expect(whole.choices[0]?.message.content.startsWith(answer.answer)).toBe(true);
  });
});
