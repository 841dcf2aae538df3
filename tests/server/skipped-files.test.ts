import { copyFile, cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildEngine } from "../../src/build-engine.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/log.js";
import { createApp } from "../../src/server/app.js";
import { createHttpServer } from "../../src/server/http-server.js";

/** The report, a PDF and a saved web page, beside a corrupt .docx and bytes that are no text. */
async function mixedCorpus(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "rqa-mixed-"));
  await cp("corpus", dir, { recursive: true });
  await copyFile("tests/fixtures/formats/hunan-2025-excerpt.pdf", join(dir, "hunan.pdf"));
  await copyFile("tests/fixtures/formats/jiangsu-2025-page.html", join(dir, "jiangsu.html"));
  const docx = await readFile(
    "tests/fixtures/reports/provinces-2025/2025年北京市政府工作报告.docx",
  );
  await writeFile(join(dir, "beijing.docx"), docx.subarray(0, 5000));
  await writeFile(
    join(dir, "noise.txt"),
    Buffer.from(Array.from({ length: 2000 }, (_, i) => i % 256)),
  );
  return dir;
}

const corpusDir = await mixedCorpus();
const indexDir = await mkdtemp(join(tmpdir(), "rqa-mixed-index-"));
const config = loadConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, LOG_LEVEL: "info" });

async function start() {
  const lines: string[] = [];
  const log = createLogger("info", (l) => lines.push(l));
  const engine = await buildEngine(config, log);
  const warnings = lines
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => l.level === "warn")
    .map(({ msg, file, reason }) => ({ msg, file, reason }));
  return { engine, warnings };
}

const SKIPPED = [
  { file: "beijing.docx", reason: "not a readable Word document (.docx)" },
  {
    file: "noise.txt",
    reason: expect.stringMatching(/^not text: \d+\.\d% control characters/),
  },
];

const first = await start();
const server = createHttpServer(
  createApp({ config, log: createLogger("silent"), engine: () => first.engine }).fetch,
  "127.0.0.1",
);
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(() => new Promise((r) => server.close(r)));

describe("a corpus of several formats with unreadable files in it", () => {
  it("serves the readable documents and lists the skipped files beside them", async () => {
    const res = await fetch(`${base}/api/documents`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      documents: { doc: string; passages: number }[];
      skipped: { file: string; reason: string }[];
    };
    expect(body.documents.map((d) => d.doc)).toEqual([
      "chengdu-2024-government-work-report",
      "hunan",
      "jiangsu",
    ]);
    expect(body.documents.every((d) => d.passages > 0)).toBe(true);
    expect(body.skipped).toEqual(SKIPPED);
    const search = await fetch(
      `${base}/api/search?q=${encodeURIComponent("粮食总产达615.6亿斤")}&k=1`,
    );
    const hit = ((await search.json()) as { results: { doc: string; text: string }[] }).results[0];
    expect(hit?.doc).toBe("hunan");
    expect(hit?.text).toContain("粮食总产达615.6亿斤");
  });

  it("logs each skipped file by name when it builds the index and on every later start", async () => {
    const expected = SKIPPED.map((s) => ({ msg: "corpus file skipped", ...s }));
    expect(first.warnings).toEqual(expected);
    const again = await start();
    expect(again.engine.index.manifest.builtAt).toBe(first.engine.index.manifest.builtAt);
    expect(again.warnings).toEqual(expected);
  });
});
