/** EMBEDDINGS=openai: the dense index built with an OpenAI-compatible embeddings endpoint,
 * and a change of embedder rebuilding it. */
import { rm } from "node:fs/promises";
import { OpenAIEmbeddings } from "@langchain/openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEmbeddings } from "../../src/embed/make-embeddings.js";
import { createTokenizer } from "../../src/text/tokenizer.js";
import { FAKE_DIMENSIONS, type FakeOpenAI, fakeVector, startFakeOpenAI } from "./fake-openai.js";
import { startModelApp, tempIndexDir } from "./model-app.js";

let fake: FakeOpenAI;
let indexDir: string;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  indexDir = await tempIndexDir(false);
});
afterAll(async () => {
  await fake?.close();
  await rm(indexDir, { recursive: true, force: true });
});

describe("EMBEDDINGS=openai", () => {
  let openaiDir = "";

  it("builds the dense index with the endpoint's vectors, and searches with them", async () => {
    const m = await startModelApp(
      fake,
      { EMBEDDINGS: "openai", EMBEDDING_MODEL: "fake-embed" },
      indexDir,
    );
    const { manifest, passages } = m.engine.index;
    openaiDir = m.engine.index.dir;
    expect(manifest.embedder).toMatch(/^openai:127\.0\.0\.1:\d+:fake-embed$/);
    expect(manifest.dimensions).toBe(FAKE_DIMENSIONS);
    // one call: the corpus's passages fit one batch
    expect(fake.embeds.length).toBe(1);
    expect(fake.embeds.every((e) => e.model === "fake-embed" && e.encodingFormat === "float")).toBe(
      true,
    );
    expect(fake.embeds.reduce((sum, e) => sum + e.input.length, 0)).toBe(passages.length);

    const before = fake.embeds.length;
    const res = await m.app.request(`/api/search?q=${encodeURIComponent("研发经费投入")}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: unknown[] };
    expect(body.results).toHaveLength(5);
    expect(fake.embeds.length).toBe(before + 1); // the query, embedded by the same endpoint
  });

  it("opens the saved index next time without embedding the corpus again", async () => {
    const before = fake.embeds.length;
    const m = await startModelApp(
      fake,
      { EMBEDDINGS: "openai", EMBEDDING_MODEL: "fake-embed" },
      indexDir,
    );
    expect(m.engine.index.dir).toBe(openaiDir);
    expect(fake.embeds.length).toBe(before);
  });

  it("is rebuilt with the local embedder after a switch back to local", async () => {
    const before = fake.embeds.length;
    const m = await startModelApp(fake, { EMBEDDINGS: "local" }, indexDir);
    expect(m.engine.index.manifest.embedder).toMatch(/^local/);
    expect(m.engine.index.manifest.dimensions).not.toBe(FAKE_DIMENSIONS);
    expect(m.engine.index.dir).not.toBe(openaiDir);
    expect(m.logs.some((l) => l.includes("index stale, rebuilding"))).toBe(true);
    expect(fake.embeds.length).toBe(before);
  });
});

describe("the embedder's name in the manifest", () => {
  it("names the endpoint and the model, so that another of either means another index", () => {
    const openai = (model: string, baseURL?: string) =>
      makeEmbeddings(
        { kind: "openai", apiKey: "test", model, baseURL, timeoutMs: 1000, maxRetries: 0 },
        createTokenizer(),
      ).name;
    expect(openai("a")).toBe("openai:default:a");
    expect(openai("a")).not.toBe(openai("b"));
    expect(openai("a", "http://localhost:11434/v1")).toBe("openai:localhost:11434:a");
    expect(makeEmbeddings({ kind: "local" }, createTokenizer()).name).toMatch(/^local/);
  });
});

describe("the fake embeddings endpoint", () => {
  it("gives the same vectors as base64 (LangChain's default) and as floats", async () => {
    const make = (encodingFormat?: "float" | "base64") =>
      new OpenAIEmbeddings({
        apiKey: "test",
        model: "fake-embed",
        configuration: { baseURL: fake.url },
        ...(encodingFormat ? { encodingFormat } : {}),
      });
    const text = "全社会研发经费投入增长16%";
    const viaBase64 = await make().embedQuery(text);
    const viaFloat = await make("float").embedQuery(text);
    expect(fake.embeds.at(-2)?.encodingFormat).toBe("base64");
    expect(viaBase64).toHaveLength(FAKE_DIMENSIONS);
    viaBase64.forEach((x, i) => {
      expect(x).toBeCloseTo(viaFloat[i] ?? Number.NaN, 6);
      expect(x).toBeCloseTo(fakeVector(text)[i] ?? Number.NaN, 6);
    });
  });
});
