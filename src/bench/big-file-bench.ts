import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ingestCorpus, ingestFiles } from "../ingest/ingest-file.js";
import { readCorpus } from "../ingest/read-corpus.js";

const mib = () => Math.round(process.memoryUsage().rss / 2 ** 20);

/**
 * One corpus file of about `megabytes` MB of UTF-8: the report's sentences over and over in
 * paragraphs under numbered headings, with a part heading now and then, as a long report
 * collection pasted into one file would look.
 */
async function bigReportText(megabytes: number): Promise<string> {
  const { passages } = await ingestCorpus("corpus");
  const sentences = passages.flatMap((p) => p.text.match(/[^。！？]+[。！？]/g) ?? []);
  const target = megabytes * 1024 * 1024;
  const parts: string[] = ["某市政府工作报告汇编"];
  let bytes = 0;
  for (let i = 0; bytes < target; i++) {
    const heading =
      i % 40 === 0
        ? `${"一二三四五六七八九十"[(i / 40) % 10]}、第${i / 40 + 1}部分`
        : `（${(i % 40) + 1}）第${i + 1}节`;
    const paragraph = Array.from(
      { length: 6 },
      (_, j) => sentences[(i * 7 + j * 13) % sentences.length] as string,
    ).join("");
    const block = `${heading}\n${paragraph}`;
    parts.push(block);
    bytes += Buffer.byteLength(block, "utf8") + 1;
  }
  return parts.join("\n");
}

/**
 * `npm run bench:scale`, one big file: reading (encoding detection, normalisation) and
 * ingesting (structure, passages) a single file of about `megabytes` MB, with the time and
 * the resident memory of each step. It shows that a big file streams through without deep
 * recursion or spread arguments (a stack overflow would end the run).
 */
export async function runBigFileBench(megabytes = 50): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "rqa-big-file-"));
  try {
    const text = await bigReportText(megabytes);
    await writeFile(join(dir, "big-report.txt"), text);
    const size = (Buffer.byteLength(text, "utf8") / 2 ** 20).toFixed(1);
    console.log(
      `\none file of ${size} MiB (${text.length.toLocaleString()} characters); memory ${mib()} MiB`,
    );
    const t0 = performance.now();
    const { files, skipped } = await readCorpus(dir);
    const t1 = performance.now();
    console.log(
      `read: ${((t1 - t0) / 1000).toFixed(1)} s (${files.length} read, ${skipped.length} skipped); memory ${mib()} MiB`,
    );
    const { docs, passages } = ingestFiles(files);
    const t2 = performance.now();
    const longest = passages.reduce((m, p) => Math.max(m, p.text.length), 0);
    console.log(
      `ingest: ${((t2 - t1) / 1000).toFixed(1)} s, ${docs.length} document, ${passages.length.toLocaleString()} passages (longest ${longest} characters); memory ${mib()} MiB`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
