import { parseHTML } from "linkedom";
import mammoth from "mammoth";
import { FormatError } from "./format-error.js";
import { blockParagraphs } from "./html-blocks.js";

/** Images are not text: mammoth is told to leave them out instead of inlining them. */
const NO_IMAGES = mammoth.images.imgElement(async () => ({ src: "" }));

/**
 * A Word .docx file -> one line per paragraph (`<w:p>`, table cells' paragraphs too), a
 * blank line between them. A line break inside a paragraph (`<w:br/>`, used in reports to
 * put the source and the date on lines of their own) starts a new line.
 */
export async function readDocx(bytes: Uint8Array): Promise<string> {
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      { convertImage: NO_IMAGES },
    ));
  } catch {
    throw new FormatError("not a readable Word document (.docx)");
  }
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return blockParagraphs(document.body).join("\n\n");
}
