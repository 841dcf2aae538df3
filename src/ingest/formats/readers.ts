import type { Format } from "../types.js";
import { readDocx } from "./read-docx.js";
import { readHtml } from "./read-html.js";
import { readPdf } from "./read-pdf.js";
import { readText } from "./read-text.js";

/** Bytes -> Unicode text with `\n` line ends; a FormatError when they are not a document. */
export type Reader = (bytes: Uint8Array) => string | Promise<string>;

/** The reader of each document extension; files with other extensions are not documents. */
export const READERS: Record<string, { format: Format; read: Reader }> = {
  ".txt": { format: "txt", read: readText },
  ".md": { format: "md", read: readText },
  ".docx": { format: "docx", read: readDocx },
  ".html": { format: "html", read: readHtml },
  ".htm": { format: "html", read: readHtml },
  ".pdf": { format: "pdf", read: readPdf },
};
