import type { ModelPort } from "../model-port.js";
import type { ChatConfig } from "./chat-model.js";
import { createOpenAIModel } from "./openai-model.js";
import { loadPrompts } from "./prompts.js";

/** The model answerer: prompts read from disk once, here, and a client for the endpoint. */
export async function loadModel(chat: ChatConfig): Promise<ModelPort> {
  return createOpenAIModel(chat, await loadPrompts());
}
