// The reports of the many-report question set, read the way the task describes: the
// provincial .docx with mammoth (one paragraph per <w:p>), the national GB18030 .txt with
// TextDecoder (one paragraph per line), the city's newspaper text with its wrapping undone.
// Every paragraph is trimmed of its indentation. Plain Node ESM.

import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import mammoth from "mammoth";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Where each family of reports lives, and how it is read. */
const SOURCES = [
  { family: "city", dir: join(root, "corpus"), ext: [".txt", ".md"], read: readNewspaper },
  {
    family: "provinces",
    dir: join(root, "tests/fixtures/reports/provinces-2025"),
    ext: [".docx"],
    read: readDocx,
  },
  {
    family: "national",
    dir: join(root, "tests/fixtures/reports/national-2003-2018"),
    ext: [".txt"],
    read: readGb18030,
  },
];

const trimIndent = (s) => s.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, "");

async function readDocx(path) {
  const { value } = await mammoth.extractRawText({ path });
  return value.split(/\n\n/).map(trimIndent).filter(Boolean);
}

async function readGb18030(path) {
  const text = new TextDecoder("gb18030").decode(readFileSync(path));
  return text.split(/\r?\n/).map(trimIndent).filter(Boolean);
}

/** Newspaper-extracted text: page markers out, wrapped lines joined, false blank lines undone. */
async function readNewspaper(path) {
  const CJK = "\\u3400-\\u9fff\\uf900-\\ufaff";
  const inFigure = new RegExp(`(?<=[0-9${CJK}%％.])[ \\t\\u00a0\\u3000]+(?=[0-9${CJK}%％])`, "g");
  const raw = readFileSync(path, "utf8")
    .replace(/\r\n?/g, "\n")
    .replace(/紧[接转]\s*\d+\s*版/g, "\n");
  const blocks = raw
    .split(/\n[ \t\u3000]*\n/)
    .map((b) =>
      b
        .split("\n")
        .map((l) => l.trim())
        .join("")
        .replace(inFigure, ""),
    )
    .filter(Boolean);
  const paragraphs = [];
  for (const block of blocks) {
    const prev = paragraphs[paragraphs.length - 1];
    const heading =
      prev !== undefined &&
      (/^[（(][一二三四五六七八九十]+[）)]/.test(prev)
        ? !prev.includes("。") && prev.length <= 60
        : prev.length <= 24 && !/[，。！？；：,.!?;:]/.test(prev));
    const ended = prev === undefined || heading || /[。！？；：…”」）)]$/.test(prev);
    if (ended) paragraphs.push(block);
    else paragraphs[paragraphs.length - 1] = prev + block;
  }
  return paragraphs;
}

/** Document id (file name without extension) -> { family, paragraphs }. */
export async function readReports() {
  const reports = new Map(); // doc id -> { family, paragraphs }
  for (const source of SOURCES) {
    for (const name of readdirSync(source.dir).sort()) {
      if (!source.ext.includes(extname(name).toLowerCase())) continue;
      const id = basename(name, extname(name));
      reports.set(id, {
        family: source.family,
        paragraphs: await source.read(join(source.dir, name)),
      });
    }
  }
  return reports;
}
