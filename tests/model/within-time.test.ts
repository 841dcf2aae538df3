import { describe, expect, it } from "vitest";
import { callWithin, streamWithin } from "../../src/answer/model/within-time.js";
import { ModelError } from "../../src/answer/model-port.js";

const never = new AbortController().signal;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A stream of `items`, `gapMs` apart, that notes whether its signal was aborted. */
function source(items: string[], gapMs: number, seen: { signal?: AbortSignal }) {
  return async (signal: AbortSignal) => {
    seen.signal = signal;
    return (async function* () {
      for (const item of items) {
        await sleep(gapMs);
        yield item;
      }
    })();
  };
}

const collect = async (it: AsyncIterable<string>) => {
  const out: string[] = [];
  for await (const x of it) out.push(x);
  return out;
};

describe("streamWithin", () => {
  it("passes the items through when each comes in time", async () => {
    const seen: { signal?: AbortSignal } = {};
    expect(await collect(streamWithin(source(["a", "b", "c"], 5, seen), never, 200))).toEqual([
      "a",
      "b",
      "c",
    ]);
  });

  it("throws ModelError timeout when an item is late, and aborts the call", async () => {
    const seen: { signal?: AbortSignal } = {};
    const err = await collect(streamWithin(source(["a", "b"], 80, seen), never, 30)).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ModelError);
    expect(err).toMatchObject({ failure: "timeout" });
    expect(seen.signal?.aborted).toBe(true);
  });

  it("does not count the consumer's own time against the limit", async () => {
    const out: string[] = [];
    for await (const x of streamWithin(source(["a", "b"], 5, {}), never, 40)) {
      out.push(x);
      await sleep(80);
    }
    expect(out).toEqual(["a", "b"]);
  });

  it("rethrows the caller's abort as is, and aborts the call", async () => {
    const seen: { signal?: AbortSignal } = {};
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const err = await collect(
      streamWithin(source(["a", "b"], 100, seen), controller.signal, 1000),
    ).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(ModelError);
    expect(controller.signal.aborted).toBe(true);
    expect(seen.signal?.aborted).toBe(true);
  });

  it("aborts the call when the consumer stops early", async () => {
    const seen: { signal?: AbortSignal } = {};
    for await (const x of streamWithin(source(["a", "b", "c"], 5, seen), never, 200)) {
      expect(x).toBe("a");
      break;
    }
    expect(seen.signal?.aborted).toBe(true);
  });

  it("turns an upstream error into ModelError upstream, keeping only its status", async () => {
    const failing = async () => {
      throw Object.assign(new Error("secret upstream text"), { status: 503 });
    };
    const err = await collect(streamWithin(failing, never, 200)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelError);
    expect(err).toMatchObject({ failure: "upstream", status: 503 });
    expect(String((err as Error).message)).not.toContain("secret");
  });
});

describe("callWithin", () => {
  it("returns the result in time, and times out otherwise", async () => {
    expect(await callWithin(async () => 1, never, 100)).toBe(1);
    let aborted = false;
    const slow = (signal: AbortSignal) =>
      new Promise<number>(() => {
        signal.addEventListener("abort", () => {
          aborted = true;
        });
      });
    await expect(callWithin(slow, never, 20)).rejects.toMatchObject({ failure: "timeout" });
    expect(aborted).toBe(true);
  });
});
