import { afterEach, describe, expect, it, vi } from "vitest";
import { withBudget } from "../../src/answer/budget-signal.js";

afterEach(() => vi.useRealTimers());

describe("withBudget", () => {
  it("aborts with the caller's reason when the caller aborts", () => {
    const outer = new AbortController();
    const b = withBudget(outer.signal, 1000);
    outer.abort(new Error("client left"));
    expect(b.signal.aborted).toBe(true);
    expect((b.signal.reason as Error).message).toBe("client left");
  });

  it("aborts with a TimeoutError once the budget is spent", () => {
    vi.useFakeTimers();
    const b = withBudget(new AbortController().signal, 1000);
    vi.advanceTimersByTime(999);
    expect(b.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect((b.signal.reason as DOMException).name).toBe("TimeoutError");
  });

  it("leaves no timer and no listener behind once done", () => {
    vi.useFakeTimers();
    const outer = new AbortController();
    const b = withBudget(outer.signal, 1000);
    expect(vi.getTimerCount()).toBe(1);
    b.done();
    expect(vi.getTimerCount()).toBe(0);
    outer.abort();
    expect(b.signal.aborted).toBe(false);
  });

  it("is the caller's own signal when there is no budget", () => {
    const outer = new AbortController();
    expect(withBudget(outer.signal, undefined).signal).toBe(outer.signal);
  });
});
