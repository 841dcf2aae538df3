import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { z } from "zod";
import type { Draft, Turn } from "../../answer/types.js";
import { REQUEST_LIMITS } from "../../api-contract.js";
import { citationJson } from "../answer-json.js";
import { ApiError, answerFailed, notFound } from "../api-error.js";
import { type AppDeps, type Env, requireEngine } from "../deps.js";
import { renderReply, replyPieces } from "../render-answer.js";
import { questionText, replyChars, requireJson, validate } from "../validate.js";

const MODEL_ID = "report-qa";

/** OpenAI message content: a string, or parts of which the text ones count. */
const content = z.union([
  z.string(),
  z.array(z.object({ type: z.string(), text: z.string().optional() }).loose()),
]);
const body = z
  .object({
    model: z.string().optional(),
    messages: z
      .array(
        z
          .object({
            role: z.enum(["system", "developer", "user", "assistant", "tool"]),
            content: content.nullable().optional(),
          })
          .loose(),
      )
      .min(1)
      .max(REQUEST_LIMITS.chatMessages),
    stream: z.boolean().optional(),
    /** report-qa's own: "text" (default here: chat apps) or "markdown"; a cap for short replies */
    format: z.enum(["markdown", "text"]).optional(),
    max_chars: replyChars.optional(),
  })
  .loose();

const textOf = (c: z.infer<typeof content> | null | undefined) =>
  typeof c === "string" ? c : (c ?? []).map((p) => p.text ?? "").join("");

const question = questionText("the question (the last user message)");

/**
 * The last user message is the question; the user and assistant turns before it are the
 * history (the last 20: bots send the whole conversation). Both are held to /api/ask's
 * rules, so that the two doors let in the same questions.
 */
function toQuestion(messages: z.infer<typeof body>["messages"]): {
  question: string;
  history: Turn[];
} {
  const turns = messages
    .filter((m) => m.role === "user" || m.role === "assistant")
    .map((m) => ({ role: m.role as Turn["role"], content: textOf(m.content).trim() }))
    .filter((t) => t.content);
  const last = turns.at(-1);
  if (last?.role !== "user")
    throw new ApiError(400, "invalid_request", "the last message must be the user's question");
  const parsed = question.safeParse(last.content);
  if (!parsed.success)
    throw new ApiError(400, "invalid_request", parsed.error.issues[0]?.message ?? "bad question");
  const history = turns.slice(0, -1).slice(-REQUEST_LIMITS.historyTurns);
  if (history.some((t) => t.content.length > REQUEST_LIMITS.turnChars))
    throw new ApiError(
      400,
      "invalid_request",
      `earlier messages are limited to ${REQUEST_LIMITS.turnChars} characters`,
    );
  return { question: parsed.data, history };
}

const extra = (d: Draft) => ({
  citations: d.citations.map(citationJson),
  report_qa: { grounded: d.grounded, language: d.language, mode: d.mode },
});

/**
 * An OpenAI-compatible face for bot frameworks: POST /v1/chat/completions (streamed or not)
 * and GET /v1/models. The reply carries the [n] markers and a sources footer, and the
 * structured citations ride along in `citations`.
 */
export function openAiRoutes(deps: AppDeps) {
  const app = new Hono<Env>();

  const modelInfo = { id: MODEL_ID, object: "model", created: 1704067200, owned_by: "report-qa" };
  app.get("/models", (c) => c.json({ object: "list", data: [modelInfo] }));
  app.get("/models/:id", (c) => {
    if (c.req.param("id") !== MODEL_ID)
      throw notFound(`model ${JSON.stringify(c.req.param("id"))}`);
    return c.json(modelInfo);
  });

  app.post("/chat/completions", requireJson, validate("json", body), async (c) => {
    const req = c.req.valid("json");
    const { question, history } = toQuestion(req.messages);
    const { asker } = requireEngine(deps);
    const id = `chatcmpl-${randomUUID()}`;
    const created = Math.floor(Date.now() / 1000);
    const model = MODEL_ID;
    const reply = (d: Draft) => renderReply(d, req.format ?? "text", req.max_chars);

    if (!req.stream) {
      const d = await asker.ask({ question, history }, c.req.raw.signal);
      const text = reply(d);
      return c.json({
        id,
        object: "chat.completion",
        created,
        model,
        choices: [
          {
            index: 0,
            message: { role: "assistant", content: text },
            finish_reason: "stop",
            logprobs: null,
          },
        ],
        usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
        ...extra(d),
      });
    }

    const controller = new AbortController();
    const chunk = (
      delta: Record<string, unknown>,
      finish: string | null,
      more: Record<string, unknown> = {},
    ) =>
      JSON.stringify({
        id,
        object: "chat.completion.chunk",
        created,
        model,
        choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
        ...more,
      });
    return streamSSE(c, async (sse) => {
      sse.onAbort(() => controller.abort());
      try {
        await sse.writeSSE({ data: chunk({ role: "assistant", content: "" }, null) });
        let sent = "";
        for await (const e of asker.stream({ question, history }, controller.signal)) {
          // A bot's stream cannot take text back, and a model answer may still give way to
          // the offline one after its first sentences: a bot gets the settled answer, a
          // chunk per sentence, then the footer.
          if (e.type !== "answer") continue;
          for (const piece of replyPieces(reply(e.answer))) {
            sent += piece;
            await sse.writeSSE({ data: chunk({ content: piece }, null) });
          }
          await sse.writeSSE({ data: chunk({}, "stop", extra(e.answer)) });
        }
        if (!sent) throw new Error("no answer");
        await sse.writeSSE({ data: "[DONE]" });
      } catch {
        if (controller.signal.aborted) return;
        deps.log.error("chat completion stream failed");
        await sse.writeSSE({
          data: JSON.stringify(answerFailed()),
        });
      }
    });
  });

  return app;
}
