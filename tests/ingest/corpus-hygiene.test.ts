import { copyFile, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { corpusDirHash } from "../../src/ingest/corpus-hash.js";
import { readCorpus } from "../../src/ingest/read-corpus.js";

const DOCX = "tests/fixtures/reports/provinces-2025/2025年北京市政府工作报告.docx";

/** Bytes no encoding makes text of: a fixed pseudo-random sequence. */
function randomBytes(n: number, seed = 7): Buffer {
  let s = seed;
  return Buffer.from(
    Array.from({ length: n }, () => {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      return s >> 16;
    }),
  );
}

const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");

/** A corpus folder with two good documents and one of every kind of trouble. */
async function messyCorpus(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "rqa-messy-"));
  await mkdir(join(dir, "sub"));
  await writeFile(join(dir, "good.txt"), "成都新建口袋公园42个，全部免费开放。\n");
  await writeFile(join(dir, "good.meta.json"), JSON.stringify({ level: "planet" }));
  await writeFile(join(dir, "sub", "good.md"), "# 又一个\n\n同名文件。\n");
  await copyFile(DOCX, join(dir, "sub", "beijing.docx"));
  const docx = await readFile(DOCX);
  await writeFile(join(dir, "broken.docx"), docx.subarray(0, docx.length / 2));
  await writeFile(join(dir, "random.txt"), randomBytes(4096));
  await writeFile(join(dir, "empty.txt"), "");
  await writeFile(join(dir, "blank.md"), " \n\u3000\n");
  await copyFile("tests/fixtures/formats/no-text.pdf", join(dir, "scan.pdf"));
  await writeFile(join(dir, "picture.png"), PNG);
  await writeFile(join(dir, "notes.json"), "{}");
  await writeFile(join(dir, "~$beijing.docx"), randomBytes(162)); // Word's lock file
  return dir;
}

describe("a corpus folder with trouble in it", () => {
  it("loads the good files and reports each of the others by name, with its reason", async () => {
    const { files, skipped } = await readCorpus(await messyCorpus());
    expect(files.map((f) => [f.name, f.format])).toEqual([
      ["good.txt", "txt"],
      ["sub/beijing.docx", "docx"],
    ]);
    // the invalid sidecar is ignored, the document kept
    expect(files[0]?.meta).toEqual({});
    expect(files[1]?.raw).toContain("北京中轴线申遗圆满成功");
    expect(skipped.map((s) => s.file)).toEqual([
      "blank.md",
      "broken.docx",
      "empty.txt",
      "good.meta.json",
      "random.txt",
      "scan.pdf",
      "sub/good.md",
    ]);
    const reason = (file: string) => skipped.find((s) => s.file === file)?.reason;
    expect(reason("blank.md")).toBe("no text");
    expect(reason("broken.docx")).toBe("not a readable Word document (.docx)");
    expect(reason("empty.txt")).toBe("empty file");
    expect(reason("good.meta.json")).toMatch(/^invalid metadata, ignored: level: /);
    expect(reason("random.txt")).toMatch(
      /^not text: \d+\.\d% control characters \(read as utf-8, gb18030\)$/,
    );
    expect(reason("scan.pdf")).toBe("a PDF without text (scanned pages?)");
    expect(reason("sub/good.md")).toBe('document id "good" is taken by good.txt: rename one');
  });

  it("reports a sidecar that is not JSON, and keeps a valid one", async () => {
    const dir = await mkdtemp(join(tmpdir(), "rqa-sidecar-"));
    await writeFile(join(dir, "a.txt"), "第一份。");
    await writeFile(join(dir, "a.meta.json"), "{ title: 'a' ");
    await writeFile(join(dir, "b.txt"), "第二份。");
    await writeFile(join(dir, "b.meta.json"), JSON.stringify({ title: "乙", year: 2025 }));
    const { files, skipped } = await readCorpus(dir);
    expect(files.map((f) => f.meta)).toEqual([{}, { title: "乙", year: 2025 }]);
    expect(skipped).toEqual([
      { file: "a.meta.json", reason: "invalid metadata, ignored: not JSON" },
    ]);
  });
});

describe("the corpus hash", () => {
  it("changes when any file the reader reads changes, skipped ones included", async () => {
    const dir = await messyCorpus();
    const first = await corpusDirHash(dir);
    expect(await corpusDirHash(dir)).toBe(first);
    await writeFile(join(dir, "picture.png"), Buffer.concat([PNG, PNG])); // not read
    expect(await corpusDirHash(dir)).toBe(first);

    await writeFile(join(dir, "random.txt"), randomBytes(4096, 8)); // skipped, still counts
    const second = await corpusDirHash(dir);
    expect(second).not.toBe(first);
    await writeFile(join(dir, "good.meta.json"), JSON.stringify({ level: "city" }));
    const third = await corpusDirHash(dir);
    expect(third).not.toBe(second);
    await writeFile(join(dir, "sub", "good.md"), "# 改名前\n");
    expect(await corpusDirHash(dir)).not.toBe(third);
  });
});
