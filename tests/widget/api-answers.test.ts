/**
 * What the widget reads from the API when answers come from many reports: the report's
 * title and part on every passage and citation, table answers with their kind and rows,
 * answers limited to some documents (`docs`), and text replies with aligned table lines.
 * The real app over a real index of two small reports.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEngine } from "../../src/build-engine.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/log.js";
import { createApp } from "../../src/server/app.js";
import { createSseParser, type SseEvent } from "../../src/widget/sse.js";
import { BEIJING, SHANGHAI, TABLE_QUESTION, twoReportCorpus } from "./two-reports.js";

type Json = Record<string, unknown>;
type Cited = { n: number; doc: string; title: string; part: string; section: string[] };

let app: ReturnType<typeof createApp>;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const corpus = await twoReportCorpus();
  const indexDir = await mkdtemp(join(tmpdir(), "rqa-two-reports-index-"));
  const config = loadConfig({ CORPUS_DIR: corpus.dir, INDEX_DIR: indexDir, LOG_LEVEL: "silent" });
  const log = createLogger("silent");
  const engine = await buildEngine(config, log);
  app = createApp({ config, log, engine: () => engine });
  cleanup = async () => {
    await corpus.remove();
    await rm(indexDir, { recursive: true, force: true });
  };
}, 120_000);

afterAll(() => cleanup?.());

/** The events of a stream, read with the widget's own parser, their data parsed. */
function parseSse(text: string): { event: string; data: unknown }[] {
  const events: SseEvent[] = [];
  const parser = createSseParser((e) => events.push(e));
  parser.push(text);
  parser.end();
  return events.map((e) => ({ event: e.event, data: JSON.parse(e.data) as unknown }));
}

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

const SHANGHAI_PLAN = ["二、2025年主要任务", "今年全市经济社会发展的主要预期目标是"];
const BEIJING_PLAN = ["二、2025年主要任务", "今年经济社会发展的主要预期目标是"];

describe("passages carry their report's title and part", () => {
  it("in search results, a passage by id, and the matches of a claim", async () => {
    const q = encodeURIComponent("全市生产总值增长5.5%左右");
    const search = (await (await app.request(`/api/search?q=${q}&k=1`)).json()) as {
      results: (Json & { id: string })[];
    };
    const first = search.results[0];
    expect(first).toMatchObject({ doc: SHANGHAI, title: SHANGHAI, part: "plan" });
    expect(first?.section).toEqual(SHANGHAI_PLAN);

    const byId = (await (
      await app.request(`/api/passages/${encodeURIComponent(first?.id ?? "")}`)
    ).json()) as Json;
    expect(byId).toMatchObject({ id: first?.id, title: SHANGHAI, part: "plan" });

    const cite = (await (
      await post("/api/cite", { claim: "北京城镇新增就业29.9万人" })
    ).json()) as {
      matches: Json[];
    };
    expect(cite.matches[0]).toMatchObject({ doc: BEIJING, title: BEIJING, part: "review" });
  });
});

describe("a table answer", () => {
  const rows = [
    {
      doc: SHANGHAI,
      title: SHANGHAI,
      cells: ["上海市（2025年）", "生产总值", "5.5%左右", "生产总值增长5.5%左右"],
      n: 1,
    },
    {
      doc: BEIJING,
      title: BEIJING,
      cells: ["北京市（2025年）", "地区生产总值", "5%左右", "地区生产总值增长5%左右"],
      n: 2,
    },
  ];

  it("comes with its kind, one row per report, and titled citations", async () => {
    const body = (await (await post("/api/ask", { question: TABLE_QUESTION })).json()) as Json & {
      citations: Cited[];
    };
    expect(body.answer).toBe(
      "各报告的情况：\n上海市（2025年）：生产总值增长5.5%左右 [1]\n北京市（2025年）：地区生产总值增长5%左右 [2]",
    );
    expect(body.kind).toBe("table");
    expect(body.table).toEqual({ columns: ["报告", "指标", "数字", "原文"], rows });
    expect(
      body.citations.map(({ n, doc, title, part, section }) => ({ n, doc, title, part, section })),
    ).toEqual([
      { n: 1, doc: SHANGHAI, title: SHANGHAI, part: "plan", section: SHANGHAI_PLAN },
      { n: 2, doc: BEIJING, title: BEIJING, part: "plan", section: BEIJING_PLAN },
    ]);
  });

  it("streams titled citations first and the table in the final answer", async () => {
    const res = await post(
      "/api/ask",
      { question: TABLE_QUESTION },
      { accept: "text/event-stream" },
    );
    const events = parseSse(await res.text());
    const citations = events[0]?.data as Cited[];
    expect(events[0]?.event).toBe("citations");
    expect(citations.map((c) => c.title)).toEqual([SHANGHAI, BEIJING]);
    const final = events.at(-1)?.data as Json;
    expect(events.at(-1)?.event).toBe("answer");
    expect(final.table).toEqual({ columns: ["报告", "指标", "数字", "原文"], rows });
  });

  it("as plain text: aligned lines, then footnotes that name each report", async () => {
    const body = (await (
      await post("/api/ask", { question: TABLE_QUESTION, format: "text" })
    ).json()) as { answer: string };
    const [text, footer] = body.answer.split("\n\n");
    expect(text).toBe(
      [
        "各报告的情况：",
        "报告              指标          数字      原文",
        "上海市（2025年）  生产总值      5.5%左右  生产总值增长5.5%左右 [1]",
        "北京市（2025年）  地区生产总值  5%左右    地区生产总值增长5%左右 [2]",
      ].join("\n"),
    );
    expect(footer?.split("\n").map((l) => l.replace(/: “.*$/, ""))).toEqual([
      "来源：",
      `[1] 《${SHANGHAI}》 ${SHANGHAI_PLAN.join(" › ")}`,
      `[2] 《${BEIJING}》 ${BEIJING_PLAN.join(" › ")}`,
    ]);
  });
});

describe("answers limited to some documents (docs)", () => {
  it("answers from those documents only", async () => {
    const body = (await (
      await post("/api/ask", { question: TABLE_QUESTION, docs: [BEIJING] })
    ).json()) as Json & { citations: Cited[] };
    expect(body.answer).toBe(
      "据《2025年北京市政府工作报告》，2025年计划：地区生产总值增长5%左右 [1]。",
    );
    expect(body.table).toBeUndefined();
    expect(body.citations.map((c) => c.doc)).toEqual([BEIJING]);
  });

  it("rejects an empty list, more than 50 ids, a blank or an over-long id", async () => {
    for (const docs of [[], Array(51).fill(BEIJING), [" "], ["x".repeat(201)], "x", [1]]) {
      const res = await post("/api/ask", { question: TABLE_QUESTION, docs });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        "invalid_request",
      );
    }
    const fifty = await post("/api/ask", {
      question: TABLE_QUESTION,
      docs: Array(50).fill(BEIJING),
    });
    expect(fifty.status).toBe(200);
  });
});
