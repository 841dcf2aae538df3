import { describe, expect, it } from "vitest";
import { ingestFiles } from "../../src/ingest/ingest-file.js";
import { DEFAULT_SPLIT } from "../../src/ingest/passages.js";
import { readCorpus } from "../../src/ingest/read-corpus.js";

const CJK = /[\u4e00-\u9fff]/g;

describe("the 44 shared reports", () => {
  it("all read, as Chinese text, and ingest into bounded passages", {
    timeout: 180_000,
  }, async () => {
    const { files, skipped } = await readCorpus("tests/fixtures/reports");
    expect(skipped).toEqual([]);
    const reports = files.filter((f) => f.format !== "md"); // the folder's README
    expect(reports.map((f) => f.format).filter((f) => f === "docx")).toHaveLength(28);
    expect(reports.map((f) => f.format).filter((f) => f === "txt")).toHaveLength(16);
    for (const f of reports) {
      const visible = f.raw.replace(/\s/g, "");
      expect((visible.match(CJK) ?? []).length / visible.length, f.name).toBeGreaterThan(0.75);
      expect(f.raw, f.name).not.toMatch(/[\r\ufffd]/);
      expect(f.raw.slice(0, 40), f.name).toMatch(/政府工作报告/);
    }
    const { docs, passages } = ingestFiles(reports);
    expect(docs).toHaveLength(44);
    const byDoc = new Map(docs.map((d) => [d.doc, d]));
    for (const p of passages) {
      expect(p.text.length).toBeLessThanOrEqual(DEFAULT_SPLIT.maxChars);
      expect(byDoc.get(p.doc)?.text.slice(p.start, p.end)).toBe(p.text);
    }
  });
});
