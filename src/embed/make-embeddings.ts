import type { Embeddings } from "@langchain/core/embeddings";
import type { Config } from "../config.js";
import type { Tokenizer } from "../text/tokenizer.js";
import { LOCAL_EMBEDDER, LocalEmbeddings } from "./local-embeddings.js";
import { RemoteEmbeddings } from "./remote-embeddings.js";

export type EmbedderInfo = { embeddings: Embeddings; name: string };

/**
 * The embedder the configuration asks for, and a name for the index manifest: the name
 * carries the model, so that a change of embedder or model rebuilds the index.
 */
export function makeEmbeddings(config: Config["embeddings"], tokenizer: Tokenizer): EmbedderInfo {
  if (config.kind === "openai") {
    return {
      embeddings: new RemoteEmbeddings(config),
      // the endpoint is part of the name: another provider's vectors mean another index
      name: `openai:${config.baseURL ? new URL(config.baseURL).host : "default"}:${config.model}`,
    };
  }
  const local = new LocalEmbeddings({ tokenizer });
  return { embeddings: local, name: `${LOCAL_EMBEDDER}:${local.dimensions}` };
}
