import { chmod, cp, mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeEmbeddings } from "../../src/embed/make-embeddings.js";
import { openIndex } from "../../src/index/open-index.js";
import { createTokenizer } from "../../src/text/tokenizer.js";
import { type ServerProcess, startServer } from "./server-process.js";

/** Set the mode of a folder, everything in it, and the folder itself last (or first). */
async function chmodTree(path: string, dirMode: number, fileMode: number): Promise<void> {
  await chmod(path, dirMode);
  for (const e of await readdir(path, { withFileTypes: true })) {
    const p = join(path, e.name);
    if (e.isDirectory()) await chmodTree(p, dirMode, fileMode);
    else await chmod(p, fileMode);
  }
}

// root writes anywhere: the server then runs as nobody, for whom read-only means read-only
const asOther = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

let server: ServerProcess | undefined;
let indexDir = "";
afterAll(async () => {
  await server?.stop();
  if (indexDir) await chmodTree(indexDir, 0o755, 0o644);
});

describe("a read-only INDEX_DIR with a changed corpus", () => {
  it("serves the intact previous index, with a JSON warning, instead of failing to start", async () => {
    const corpusDir = await mkdtemp(join(tmpdir(), "rqa-readonly-corpus-"));
    await cp("corpus", corpusDir, { recursive: true });
    indexDir = await mkdtemp(join(tmpdir(), "rqa-readonly-index-"));
    const { embeddings, name } = makeEmbeddings({ kind: "local" }, createTokenizer());
    const first = await openIndex({ corpusDir, indexDir, embeddings, embedder: name });
    await writeFile(join(corpusDir, "annex.md"), "# 附件\n\n成都新建口袋公园42个。\n");
    await chmodTree(corpusDir, 0o755, 0o644);
    await chmodTree(indexDir, 0o555, 0o444);

    server = startServer({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir }, asOther);
    const ready = await server.waitFor((l) => l.msg === "ready");
    expect(ready.index).toBe(first.dir);
    const warning = server.lines.find((l) => l.level === "warn");
    expect(warning).toMatchObject({
      msg: "INDEX_DIR cannot be written: serving the previous index, not rebuilt for the corpus",
      indexDir,
      code: "EACCES",
      index: first.dir,
      builtAt: first.manifest.builtAt,
    });
    expect(server.lines.filter((l) => l.level === "error")).toEqual([]);
    const url = server.url();
    const docs = (await (await fetch(`${url}/api/documents`)).json()) as {
      documents: { doc: string }[];
    };
    expect(docs.documents.map((d) => d.doc)).toEqual(["chengdu-2024-government-work-report"]);
    const search = (await (
      await fetch(`${url}/api/search?q=${encodeURIComponent("国家高新技术企业")}`)
    ).json()) as { results: { text: string }[] };
    expect(search.results[0]?.text).toContain("国家高新技术企业突破1.3万家");
  }, 300_000);
});
