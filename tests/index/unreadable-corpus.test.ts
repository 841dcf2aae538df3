import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeEmbeddings } from "../../src/embed/make-embeddings.js";
import { IndexError } from "../../src/index/load-index.js";
import { openIndex } from "../../src/index/open-index.js";
import { createTokenizer } from "../../src/text/tokenizer.js";

const { embeddings, name } = makeEmbeddings({ kind: "local" }, createTokenizer());

describe("a corpus folder without one readable document", () => {
  it("is a clear error that names what it skipped", async () => {
    const corpusDir = await mkdtemp(join(tmpdir(), "rqa-unreadable-"));
    await writeFile(join(corpusDir, "empty.txt"), "");
    await writeFile(join(corpusDir, "photo.jpg"), "not a document");
    const indexDir = await mkdtemp(join(tmpdir(), "rqa-unreadable-index-"));
    const opened = openIndex({ corpusDir, indexDir, embeddings, embedder: name });
    await expect(opened).rejects.toBeInstanceOf(IndexError);
    await expect(opened).rejects.toThrow(
      `no readable documents (.txt, .md, .docx, .html, .htm, .pdf) in ${corpusDir} (skipped empty.txt: empty file)`,
    );
  });
});
