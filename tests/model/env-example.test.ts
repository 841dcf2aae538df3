/** .env.example documents every variable src/config.ts reads, and loads as it stands. */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";

const parse = (text: string): Record<string, string> =>
  Object.fromEntries(
    text
      .split("\n")
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );

describe(".env.example", () => {
  it("names every variable of the config schema, with a comment, and no key", async () => {
    const source = await readFile("src/config.ts", "utf8");
    const schemaVars = [...source.matchAll(/^\s+([A-Z][A-Z_]+): optional\(/gm)].map((m) => m[1]);
    const example = await readFile(".env.example", "utf8");
    const vars = parse(example);
    expect(schemaVars.length).toBeGreaterThan(10);
    for (const name of schemaVars) expect(Object.keys(vars)).toContain(name);
    expect(vars.OPENAI_API_KEY).toBe("");
    for (const name of Object.keys(vars)) {
      const before = example.slice(0, example.indexOf(`\n${name}=`));
      expect(before.trimEnd().split("\n").at(-1)).toMatch(/^#|^[A-Z_]+=/);
    }
  });

  it("is a valid configuration as it stands", async () => {
    const config = loadConfig(parse(await readFile(".env.example", "utf8")));
    expect(config.chat).toBeUndefined();
    expect(config.embeddings.kind).toBe("local");
  });
});
