import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.js";
import { createApp } from "../../src/server/app.js";
import { testConfig, testEngine } from "../support/engine.js";

describe("logs", () => {
  it("are JSON lines without keys or request bodies", async () => {
    const lines: string[] = [];
    const config = testConfig({ API_KEYS: "secret-key-123456789", LOG_LEVEL: "info" });
    const log = createLogger("info", (l) => lines.push(l), ["secret-key-123456789"]);
    const engine = await testEngine();
    const app = createApp({ config, log, engine: () => engine });
    const question = "机密问题：成都有多少家高新技术企业？";
    await app.request("/api/ask", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer secret-key-123456789" },
      body: JSON.stringify({ question }),
    });
    log.warn("upstream said", { detail: "Incorrect API key provided: sk-abcdefghijklmnop1234" });
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(() => JSON.parse(line)).not.toThrow();
      expect(line).not.toContain("secret-key-123456789");
      expect(line).not.toContain("sk-abcdefghijklmnop1234");
      expect(line).not.toContain(question);
    }
  });
});
