import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingestCorpus } from "../../src/ingest/ingest-file.js";
import { newspaperParagraphs } from "../../src/ingest/normalize.js";
import { readCorpus } from "../../src/ingest/read-corpus.js";

describe("other documents in the corpus folder", () => {
  it("reads Markdown headings as the section path and plain text as paragraphs", async () => {
    const dir = await mkdtemp(join(tmpdir(), "rqa-corpus-"));
    await writeFile(
      join(dir, "plan.md"),
      "# 2025年计划\n\n## 交通\n\n新建轨道交通 120 公里。\n\n## 教育\n\n新增学位3万个。第二句话。\n",
    );
    await writeFile(
      join(dir, "notes.txt"),
      "First paragraph about trade.\n\nSecond paragraph about parks.\n",
    );
    await writeFile(join(dir, "ignored.json"), "{}");
    const { docs, passages } = await ingestCorpus(dir);
    expect(docs.map((d) => d.doc)).toEqual(["notes", "plan"]);
    const traffic = passages.find((p) => p.text.includes("轨道交通"));
    expect(traffic?.section).toEqual(["2025年计划", "交通"]);
    expect(traffic?.text).toBe("新建轨道交通120公里。");
    expect(passages.find((p) => p.text.includes("parks"))?.section).toEqual([]);
    for (const p of passages) {
      const doc = docs.find((d) => d.doc === p.doc);
      expect(doc?.text.slice(p.start, p.end)).toBe(p.text);
    }
  });
});

describe("newspaper normalization", () => {
  it("joins hard-wrapped lines, false blank lines and broken headings", () => {
    const raw =
      " 紧接01版 全社会研发经费投入增长16%，先进\n技术成果转化，建设备案40家，以\n\n“揭榜挂帅”方式攻关。\n\n（二）坚持优势互补、高效联动，\n区域协调发展扎实推进\n\n双核联建深入开展。收入 445 亿元。 紧转05版\n";
    expect(newspaperParagraphs(raw)).toEqual([
      "全社会研发经费投入增长16%，先进技术成果转化，建设备案40家，以“揭榜挂帅”方式攻关。",
      "（二）坚持优势互补、高效联动，区域协调发展扎实推进",
      "双核联建深入开展。收入445亿元。",
    ]);
  });
});

describe("document ids", () => {
  it("keeps the first of two files that would be the same document and reports the other", async () => {
    const dir = await mkdtemp(join(tmpdir(), "rqa-corpus-"));
    await writeFile(join(dir, "report.txt"), "一。");
    await writeFile(join(dir, "report.md"), "# 二\n\n二。");
    const { files, skipped } = await readCorpus(dir);
    expect(files.map((f) => f.name)).toEqual(["report.md"]);
    expect(skipped).toEqual([
      { file: "report.txt", reason: 'document id "report" is taken by report.md: rename one' },
    ]);
  });
});
