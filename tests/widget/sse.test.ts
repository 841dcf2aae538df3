import { describe, expect, it } from "vitest";
import { createSseParser, readSse, type SseEvent } from "../../src/widget/sse.js";

describe("event-stream parser", () => {
  it("handles any chunking, CRLF, comments and multi-line data", () => {
    const stream =
      ': hi\r\nevent: citations\r\ndata: [1]\r\n\r\nevent: delta\ndata: {"text":"a"}\n\ndata: x\ndata:y\n\n';
    const whole: SseEvent[] = [];
    const p = createSseParser((e) => whole.push(e));
    p.push(stream);
    p.end();
    expect(whole).toEqual([
      { event: "citations", data: "[1]" },
      { event: "delta", data: '{"text":"a"}' },
      { event: "message", data: "x\ny" },
    ]);
    for (let size = 1; size < 8; size++) {
      const got: SseEvent[] = [];
      const q = createSseParser((e) => got.push(e));
      for (let i = 0; i < stream.length; i += size) q.push(stream.slice(i, i + size));
      q.end();
      expect(got).toEqual(whole);
    }
  });

  it("delivers a last event that has no blank line after it", async () => {
    const bytes = new TextEncoder().encode("event: answer\ndata: {}");
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes.slice(0, 5));
        c.enqueue(bytes.slice(5));
        c.close();
      },
    });
    const got: SseEvent[] = [];
    await readSse(body, (e) => got.push(e));
    expect(got).toEqual([{ event: "answer", data: "{}" }]);
  });
});
