import { describe, expect, it } from "vitest";
import { createLimiter } from "../../src/answer/model/limiter.js";
import { ModelError } from "../../src/answer/model-port.js";

const never = new AbortController().signal;

describe("createLimiter", () => {
  it("lets `concurrency` calls run, queues the next ones in order, and hands slots on", async () => {
    const limiter = createLimiter({ concurrency: 2, queueLimit: 2, waitMs: 1000 });
    const a = await limiter.acquire(never);
    await limiter.acquire(never);
    const order: string[] = [];
    const queue = (name: string) =>
      limiter.acquire(never).then((release) => {
        order.push(name);
        return release;
      });
    const c = queue("c");
    const d = queue("d");
    expect(limiter.load()).toEqual({ active: 2, waiting: 2 });
    a();
    a(); // a second release of the same slot changes nothing
    (await c)();
    (await d)();
    expect(order).toEqual(["c", "d"]);
    expect(limiter.load()).toEqual({ active: 1, waiting: 0 });
  });

  it("fails fast with busy when the queue is full", async () => {
    const limiter = createLimiter({ concurrency: 1, queueLimit: 1, waitMs: 1000 });
    const first = await limiter.acquire(never);
    const queued = limiter.acquire(never);
    await expect(limiter.acquire(never)).rejects.toMatchObject({ failure: "busy" });
    first();
    (await queued)();
    expect(limiter.load()).toEqual({ active: 0, waiting: 0 });
  });

  it("gives up with busy after waitMs, and leaves the queue", async () => {
    const limiter = createLimiter({ concurrency: 1, queueLimit: 4, waitMs: 30 });
    await limiter.acquire(never);
    const err = await limiter.acquire(never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelError);
    expect(err).toMatchObject({ failure: "busy" });
    expect(limiter.load()).toEqual({ active: 1, waiting: 0 });
  });

  it("leaves the queue when the caller aborts", async () => {
    const limiter = createLimiter({ concurrency: 1, queueLimit: 4, waitMs: 1000 });
    await limiter.acquire(never);
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow();
    expect(limiter.load()).toEqual({ active: 1, waiting: 0 });
    await expect(limiter.acquire(controller.signal)).rejects.toThrow();
  });
});
