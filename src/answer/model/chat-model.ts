import { ChatOpenAI } from "@langchain/openai";
import type { Config } from "../../config.js";

export type ChatConfig = NonNullable<Config["chat"]>;

/** Reasoning models (o1, o3, gpt-5, …) take no temperature and spend tokens on thinking. */
const REASONING = /^(o\d|gpt-5(?!-chat))/;

/** Output caps: an answer is a few sentences; reasoning models need room to think first. */
export const MAX_TOKENS = { answer: 1024, reasoning: 4096 };

/**
 * The chat model for any OpenAI-compatible endpoint. `timeout` bounds each HTTP attempt
 * and `maxRetries` how often LangChain tries again; the model port adds a time limit on
 * the whole call on top (see within-time.ts).
 */
export function makeChatModel(chat: ChatConfig): ChatOpenAI {
  const reasoning = REASONING.test(chat.model);
  return new ChatOpenAI({
    apiKey: chat.apiKey,
    model: chat.model,
    configuration: chat.baseURL ? { baseURL: chat.baseURL } : undefined,
    timeout: chat.timeoutMs,
    maxRetries: chat.maxRetries,
    maxTokens: reasoning ? MAX_TOKENS.reasoning : MAX_TOKENS.answer,
    ...(reasoning ? {} : { temperature: 0 }),
  });
}
