import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { FormatError } from "./format-error.js";
import { type PdfItem, type PdfLine, pageLines } from "./pdf-lines.js";
import { pdfParagraphs } from "./pdf-paragraphs.js";

/** pdfjs-dist's bundled character maps and standard fonts: CJK text needs the maps. */
function pdfjsData() {
  const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  return {
    cMapUrl: `${join(root, "cmaps")}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(root, "standard_fonts")}/`,
  };
}

type TextItem = { str: string; transform: number[]; width: number; height: number };

/** Horizontal runs only: rotated text is a watermark or a margin label, not the report. */
function toItem(item: TextItem): PdfItem | undefined {
  const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
  if (Math.abs(b) > 1e-3 * Math.abs(a) || Math.abs(c) > 1e-3 * Math.abs(d) || a <= 0) return;
  return { str: item.str, x, y, width: item.width, size: item.height || Math.hypot(c, d) };
}

/**
 * A PDF -> one line per paragraph, a blank line between them: pdfjs-dist's text runs
 * rebuilt into lines by position, lines grouped into paragraphs and joined. A PDF with no
 * text (scanned pages) or one that cannot be opened is a FormatError.
 */
export async function readPdf(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({
    ...pdfjsData(),
    data: new Uint8Array(bytes), // pdfjs takes the buffer over: a copy
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy();
    if (err instanceof Error && err.name === "PasswordException")
      throw new FormatError("an encrypted PDF (it needs a password)");
    throw new FormatError("not a readable PDF");
  }
  try {
    const pages: PdfLine[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.flatMap((i) => ("str" in i ? (toItem(i) ?? []) : []));
      pages.push(pageLines(items));
      page.cleanup();
    }
    const paragraphs = pdfParagraphs(pages);
    if (paragraphs.length === 0) throw new FormatError("a PDF without text (scanned pages?)");
    return paragraphs.join("\n\n");
  } finally {
    await doc.destroy();
  }
}
