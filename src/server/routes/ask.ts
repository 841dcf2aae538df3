import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { z } from "zod";
import type { Draft } from "../../answer/types.js";
import { REQUEST_LIMITS } from "../../api-contract.js";
import { answerJson, citationJson } from "../answer-json.js";
import { answerFailed } from "../api-error.js";
import { type AppDeps, type Env, requireEngine } from "../deps.js";
import { capLength, renderReply } from "../render-answer.js";
import { questionText, replyChars, requireJson, validate } from "../validate.js";

const askBody = z.object({
  question: questionText("question"),
  history: z
    .array(
      z.object({
        role: z.enum(["user", "assistant"]),
        content: z.string().max(REQUEST_LIMITS.turnChars),
      }),
    )
    .max(REQUEST_LIMITS.historyTurns)
    .optional(),
  k: z.number().int().min(1).max(REQUEST_LIMITS.askK).optional(),
  /** answer from these documents only (ids as GET /api/documents lists them): a report's own page */
  docs: z
    .array(z.string().trim().min(1).max(REQUEST_LIMITS.docChars))
    .min(1)
    .max(REQUEST_LIMITS.docs)
    .optional(),
  /** markdown (default): the answer with [n] markers; text: plus numbered footnotes */
  format: z.enum(["markdown", "text"]).optional(),
  /** a length cap for short replies (cut at a sentence end) */
  max_chars: replyChars.optional(),
});

const wantsStream = (accept: string | undefined) => (accept ?? "").includes("text/event-stream");

/** POST /api/ask: JSON, or Server-Sent Events when the client accepts text/event-stream. */
export function askRoutes(deps: AppDeps) {
  const app = new Hono<Env>();
  app.post("/", requireJson, validate("json", askBody), async (c) => {
    const { format = "markdown", max_chars, ...input } = c.req.valid("json");
    const { asker } = requireEngine(deps);
    const render = (d: Draft) =>
      answerJson({
        ...d,
        answer:
          format === "text" ? renderReply(d, "text", max_chars) : capLength(d.answer, max_chars),
      });
    if (!wantsStream(c.req.header("accept"))) {
      return c.json(render(await asker.ask(input, c.req.raw.signal)));
    }
    const controller = new AbortController();
    return streamSSE(c, async (sse) => {
      sse.onAbort(() => controller.abort());
      try {
        for await (const event of asker.stream(input, controller.signal)) {
          if (event.type === "citations") {
            await sse.writeSSE({
              event: "citations",
              data: JSON.stringify(event.citations.map(citationJson)),
            });
          } else if (event.type === "delta") {
            await sse.writeSSE({ event: "delta", data: JSON.stringify({ text: event.text }) });
          } else {
            await sse.writeSSE({ event: "answer", data: JSON.stringify(render(event.answer)) });
          }
        }
      } catch (err) {
        if (controller.signal.aborted) return;
        deps.log.error("answer stream failed", {
          error: err instanceof Error ? err.name : "unknown",
        });
        await sse.writeSSE({
          event: "error",
          data: JSON.stringify(answerFailed()),
        });
      }
    });
  });
  return app;
}
