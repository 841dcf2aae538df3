import { decodeText } from "./decode-text.js";

/** A plain text or Markdown file in any encoding decodeText knows, with `\n` line ends. */
export function readText(bytes: Uint8Array): string {
  return decodeText(bytes).text.replace(/\r\n?/g, "\n");
}
