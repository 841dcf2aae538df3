import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import type { Language } from "../../text/language.js";
import { ModelError, type ModelPort, type PromptEcho } from "../model-port.js";
import { type ChatConfig, makeChatModel } from "./chat-model.js";
import { answerInput, condenseInput, PROMPT_TAGS } from "./delimit.js";
import { createLimiter } from "./limiter.js";
import { answerSystem, type Prompts } from "./prompts.js";
import { readStandalone } from "./standalone.js";
import { callWithin, streamWithin } from "./within-time.js";

/**
 * The ModelPort over an OpenAI-compatible chat model. Every call holds a slot of one
 * shared limiter for its whole duration, runs under the caller's signal (a client that goes
 * away cancels the HTTP request) and a time limit, and fails only with ModelError.
 */
export function createOpenAIModel(chat: ChatConfig, prompts: Prompts): ModelPort {
  const llm = makeChatModel(chat);
  const limiter = createLimiter({
    concurrency: chat.concurrency,
    queueLimit: chat.queueLimit,
    waitMs: chat.timeoutMs,
  });

  const echo = (language: Language): PromptEcho => ({
    instructions: [answerSystem(prompts, language), prompts.condense],
    tags: PROMPT_TAGS,
  });
  // one object per language, so that the checks prepare each prompt once
  const echoes = { zh: echo("zh"), en: echo("en") };

  return {
    async condense(question, history, signal) {
      const release = await limiter.acquire(signal);
      try {
        const messages = [
          new SystemMessage(prompts.condense),
          new HumanMessage(condenseInput(question, history)),
        ];
        const reply = await callWithin(
          (s) => llm.invoke(messages, { signal: s }),
          signal,
          chat.timeoutMs,
        );
        const standalone = readStandalone(reply.text);
        if (!standalone) throw new ModelError("empty");
        return standalone;
      } finally {
        release();
      }
    },

    async *answer({ question, language, passages }, signal) {
      const release = await limiter.acquire(signal);
      try {
        const messages = [
          new SystemMessage(answerSystem(prompts, language)),
          new HumanMessage(answerInput(question, passages)),
        ];
        const chunks = streamWithin(
          (s) => llm.stream(messages, { signal: s }),
          signal,
          chat.timeoutMs,
        );
        // a completion ends with a finish reason; a 200 that is not one (an HTML page, a
        // JSON error, an SSE stream without choices) or a stream cut short never gives one
        let finish: unknown;
        let text = false;
        for await (const chunk of chunks) {
          finish = chunk.response_metadata?.finish_reason ?? finish;
          if (!chunk.text) continue;
          text = true;
          yield chunk.text;
        }
        if (typeof finish !== "string") throw new ModelError("upstream");
        if (finish !== "stop" || !text) throw new ModelError("empty");
      } finally {
        release();
      }
    },

    promptEcho: (language) => echoes[language],
  };
}
