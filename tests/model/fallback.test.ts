/** A model that fails, hangs or is too busy: the extractive answer, a 200, and a log line
 * that holds nothing the upstream said. */
import { beforeEach, describe, expect, it } from "vitest";
import {
  type AnswerBody,
  askJson,
  askStream,
  type ModelApp,
  parseSse,
  startModelApp,
  useModelApps,
} from "./model-app.js";

const RD = "2023年全社会研发经费投入增长多少？";
const SECRET = "sk-live-DO-NOT-LEAK-1234";

/** `m`: the brief's configuration (1.5 s time limit, one retry); `strict`: no retries, one
 * model slot, no queue */
const apps = useModelApps({
  strict: { MODEL_MAX_RETRIES: "0", MODEL_CONCURRENCY: "1", MODEL_QUEUE_LIMIT: "0" },
});
beforeEach(() => {
  apps.m.logs.length = 0;
  apps.strict.logs.length = 0;
});

/** The log lines about a failed model answer, parsed. */
const failures = (app: ModelApp) =>
  app.logs
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => l.msg === "model answer failed, falling back to extractive");

/** The offline answer to RD, as the extractive path gives it. */
function expectExtractive(a: AnswerBody) {
  expect(a.mode).toBe("extractive");
  expect(a.grounded).toBe(true);
  expect(a.answer).toContain("16%");
  expect(a.citations).toHaveLength(1);
}

describe("a model error", () => {
  it("gives the extractive answer with a 200, and nothing of the upstream text anywhere", async () => {
    apps.fake.reply(() => ({ status: 500, message: `boom, key ${SECRET}` }));
    const res = await askJson(apps.m.app, { question: RD });
    expect(res.status).toBe(200);
    const text = await res.text();
    expectExtractive(JSON.parse(text) as AnswerBody);
    expect(text).not.toContain(SECRET);
    expect(failures(apps.m)).toHaveLength(1);
    expect(apps.m.logs.join("\n")).not.toContain(SECRET);
    expect(apps.m.logs.join("\n")).not.toContain("boom");
  });

  it("is logged with its kind and status only", async () => {
    apps.fake.reply(() => ({ status: 401, message: `Incorrect API key provided: ${SECRET}` }));
    const res = await askJson(apps.strict.app, { question: RD });
    expect(res.status).toBe(200);
    expectExtractive((await res.json()) as AnswerBody);
    const [line] = failures(apps.strict);
    expect(line).toMatchObject({
      level: "warn",
      error: "ModelError",
      failure: "upstream",
      status: 401,
    });
    expect(apps.strict.logs.join("\n")).not.toContain(SECRET);
  });

  it("in a stream: exactly the offline path's stream, and no error event", async () => {
    apps.fake.reply(() => ({ status: 500, message: SECRET }));
    const res = await askStream(apps.strict.app, { question: RD });
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toBe(await (await askStream(apps.offline, { question: RD })).text());
    const events = parseSse(body);
    const names = events.map((e) => e.event);
    expect(names[0]).toBe("citations");
    expect(names.filter((n) => n === "delta").length).toBe(4);
    expect(names.at(-1)).toBe("answer");
    expect(names).not.toContain("error");
    expectExtractive(events.at(-1)?.data as AnswerBody);
  });
});

describe("a model that hangs", () => {
  it("past the time limit: the extractive answer, and the model call is cancelled", async () => {
    apps.fake.reply(() => ({ hang: true }));
    const started = Date.now();
    const res = await askJson(apps.m.app, { question: RD });
    const ms = Date.now() - started;
    expect(res.status).toBe(200);
    expectExtractive((await res.json()) as AnswerBody);
    expect(ms).toBeGreaterThanOrEqual(1400);
    expect(ms).toBeLessThan(4000);
    expect(failures(apps.m)[0]).toMatchObject({ failure: "timeout" });
    const call = apps.fake.chats[0];
    await call?.closed;
    expect(call?.closedEarly).toBe(true);
  });

  it("in the middle of a sentence: exactly the offline path's stream", async () => {
    apps.fake.reply(() => ({ text: "全社会研发经费投入增长16% [1]。", pieces: 6, hangAfter: 2 }));
    const res = await askStream(apps.m.app, { question: RD });
    const body = await res.text();
    expect(body).toBe(await (await askStream(apps.offline, { question: RD })).text());
    const events = parseSse(body);
    expect(events[0]?.event).toBe("citations");
    expect(events.filter((e) => e.event === "delta").length).toBe(4);
    expect(events.some((e) => e.event === "error")).toBe(false);
    expect(events.at(-1)?.event).toBe("answer");
    expectExtractive(events.at(-1)?.data as AnswerBody);
  });
});

describe("more questions than model slots", () => {
  it("beyond the queue: the extractive answer at once, while the model call in flight goes on", async () => {
    apps.fake.reply(() => ({ hang: true }));
    const first = askJson(apps.strict.app, { question: RD });
    while (apps.fake.chats.length === 0) await new Promise((r) => setTimeout(r, 10));

    const started = Date.now();
    const second = await askJson(apps.strict.app, { question: RD });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(second.status).toBe(200);
    expectExtractive((await second.json()) as AnswerBody);
    expect(failures(apps.strict)[0]).toMatchObject({ failure: "busy" });
    expect(apps.fake.chats).toHaveLength(1); // the second never reached the model

    const res = await first;
    expect(res.status).toBe(200);
    expectExtractive((await res.json()) as AnswerBody);
  });
});

describe("a model slow at every step", () => {
  it("gets no more than its share of the request's time: a 200, never the server's 503", async () => {
    // the rewrite and the answer each wait out the 1.5 s limit: 3 s, past the 2.5 s request
    // timeout; the model's budget (80% of it) ends the wait at 2 s instead
    const tight = await startModelApp(apps.fake, { REQUEST_TIMEOUT_MS: "2500" });
    try {
      apps.fake.reply(() => ({ hang: true }));
      const started = Date.now();
      const res = await askJson(tight.app, {
        question: "那2022年呢？",
        history: [{ role: "user", content: RD }],
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as AnswerBody).mode).toBe("extractive");
      expect(Date.now() - started).toBeLessThan(2500);
      expect(apps.fake.chats).toHaveLength(2);
    } finally {
      await tight.cleanup();
    }
  });
});
