import { Embeddings } from "@langchain/core/embeddings";
import type { Config } from "../config.js";

type RemoteConfig = Extract<Config["embeddings"], { kind: "openai" }>;

/**
 * OpenAIEmbeddings against any OpenAI-compatible endpoint, with @langchain/openai imported
 * on first use: the offline default never pays for loading the client (about a second).
 */
export class RemoteEmbeddings extends Embeddings {
  private client?: Promise<Embeddings>;

  constructor(private readonly config: RemoteConfig) {
    super({});
  }

  private load(): Promise<Embeddings> {
    this.client ??= import("@langchain/openai").then(
      ({ OpenAIEmbeddings }) =>
        new OpenAIEmbeddings({
          apiKey: this.config.apiKey,
          model: this.config.model,
          // plain JSON numbers: some OpenAI-compatible servers ignore or mangle base64
          encodingFormat: "float",
          timeout: this.config.timeoutMs,
          maxRetries: this.config.maxRetries,
          configuration: this.config.baseURL ? { baseURL: this.config.baseURL } : undefined,
        }),
    );
    return this.client;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return (await this.load()).embedDocuments(texts);
  }

  async embedQuery(text: string): Promise<number[]> {
    return (await this.load()).embedQuery(text);
  }
}
