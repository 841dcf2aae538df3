/** Model answers streamed as Server-Sent Events, and cancellation reaching the model call. */
import { describe, expect, it } from "vitest";
import { passageNumber } from "./fake-openai.js";
import { type AnswerBody, askJson, askStream, parseSse, useModelApps } from "./model-app.js";

const RD = "2023年全社会研发经费投入增长多少？";

/** `patient`: one model slot, no queue, and a long time limit: only a cancellation can end a hung call */
const apps = useModelApps({
  patient: { MODEL_TIMEOUT_MS: "20000", MODEL_CONCURRENCY: "1", MODEL_QUEUE_LIMIT: "0" },
});

const until = async (ok: () => boolean, ms = 5000) => {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** Wait for a model call's connection to close, for at most `ms`. */
const closedWithin = (call: { closed: Promise<void> }, ms = 2000) =>
  Promise.race([call.closed, new Promise((r) => setTimeout(r, ms))]);

/** Read an SSE body until `text` has arrived; returns what was read. */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, text: string) {
  const decoder = new TextDecoder();
  let seen = "";
  while (!seen.includes(text)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended before ${text}: ${seen}`);
    seen += decoder.decode(value, { stream: true });
  }
  return seen;
}

describe("streaming", () => {
  it("sends each sentence once it is checked, while the model is still writing", async () => {
    let resume = () => {};
    const paused = new Promise<void>((r) => {
      resume = r;
    });
    const sentences = [
      "2023年，全社会研发经费投入增长16% [{n}][9]。",
      "技术合同成交额增长10% [{n}]。",
      "实施关键核心技术攻关项目114个 [{n}]。",
    ];
    apps.fake.reply((call) => {
      const n = String(passageNumber(call.user, "研发经费投入增长16%"));
      const text = sentences.map((t) => t.replaceAll("{n}", n)).join("");
      // the last third of the text waits until the test lets it go on
      return { text, pieces: 3, pause: { after: 2, until: paused } };
    });
    const res = await askStream(apps.m.app, { question: RD });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = res.body?.getReader();
    if (!reader) throw new Error("no body");
    // the first sentence goes out while the model is still writing
    let seen = await readUntil(reader, "event: delta");
    expect(seen).not.toContain("114个 [");
    expect(apps.fake.chats[0]?.closedEarly).toBe(false);
    resume();
    const decoder = new TextDecoder();
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      seen += decoder.decode(r.value, { stream: true });
    }
    const events = parseSse(seen);
    const final = events.at(-1)?.data as AnswerBody;
    const n = final.citations[0]?.n;
    expect(events.map((e) => e.event)).toEqual(["citations", "delta", "delta", "delta", "answer"]);
    expect(events.slice(1, 4).map((e) => (e.data as { text: string }).text)).toEqual([
      `2023年，全社会研发经费投入增长16% [${n}]。`,
      `技术合同成交额增长10% [${n}]。`,
      `实施关键核心技术攻关项目114个 [${n}]。`,
    ]);
    expect(events[0]?.data as unknown[]).toHaveLength(5);
    expect(final).toMatchObject({ mode: "llm", grounded: true });
    expect(final.answer).toBe(
      events
        .slice(1, 4)
        .map((e) => (e.data as { text: string }).text)
        .join(""),
    );
  });

  it("a sentence that fails after one went out: the answer starts over with the offline one", async () => {
    apps.fake.reply((call) => {
      const n = passageNumber(call.user, "研发经费投入增长16%");
      return {
        text: `全社会研发经费投入增长16% [${n}]。技术合同成交额增长99% [${n}]。`,
        pieces: 2,
      };
    });
    const body = await (await askStream(apps.m.app, { question: RD })).text();
    const events = parseSse(body);
    // the checked first sentence, then a new `citations` event: what follows replaces it
    expect(events.map((e) => e.event).slice(0, 3)).toEqual(["citations", "delta", "citations"]);
    expect((events[1]?.data as { text: string } | undefined)?.text).toMatch(
      /^全社会研发经费投入增长16% \[\d\]。$/,
    );
    const offline = await (await askStream(apps.offline, { question: RD })).text();
    expect(body.endsWith(offline)).toBe(true);
    expect(body).not.toContain("99%");
    const json = await (await askJson(apps.m.app, { question: RD })).text();
    expect(json).toBe(await (await askJson(apps.offline, { question: RD })).text());
  });

  it("never streams the refusal token: the refusal text streams instead", async () => {
    apps.fake.reply(() => ({ text: "NOT_IN_REPORT", pieces: 4 }));
    const res = await askStream(apps.m.app, { question: "成都2023年有多少只大熊猫出生？" });
    const events = parseSse(await res.text());
    const streamed = events
      .filter((e) => e.event === "delta")
      .map((e) => (e.data as { text: string }).text)
      .join("");
    const final = events.at(-1)?.data as AnswerBody;
    expect(streamed).not.toContain("NOT_");
    expect(streamed).toBe(final.answer);
    expect(final.grounded).toBe(false);
    expect(final.mode).toBe("llm");
  });
});

describe("cancellation", () => {
  it("a stream the client leaves cancels the model's HTTP request and frees its slot", async () => {
    apps.fake.reply(() => ({ text: "全社会研发经费投入增长16% [1]。", pieces: 6, hangAfter: 1 }));
    const res = await askStream(apps.patient.app, { question: RD });
    const reader = res.body?.getReader();
    if (!reader) throw new Error("no body");
    await readUntil(reader, "event: delta");
    const call = apps.fake.chats[0];
    if (!call) throw new Error("no model call");
    expect(call.closedEarly).toBe(false);

    const started = Date.now();
    await reader.cancel();
    await closedWithin(call);
    expect(call.closedEarly).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);

    // the only slot is free again: the next question is answered by the model
    apps.fake.reply((c) => ({
      text: `全社会研发经费投入增长16% [${passageNumber(c.user, "研发经费投入增长16%")}]。`,
    }));
    const next = (await (await askJson(apps.patient.app, { question: RD })).json()) as AnswerBody;
    expect(next.mode).toBe("llm");
  });

  it("a JSON request the client aborts cancels the model's HTTP request", async () => {
    apps.fake.reply(() => ({ hang: true }));
    const controller = new AbortController();
    const pending = askJson(
      apps.patient.app,
      { question: RD },
      { signal: controller.signal },
    ).catch((err: unknown) => err);
    await until(() => apps.fake.chats.length === 1);
    const call = apps.fake.chats[0];
    if (!call) throw new Error("no model call");
    const started = Date.now();
    controller.abort();
    await closedWithin(call);
    expect(call.closedEarly).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
    await pending;
  });
});
