import chardet from "chardet";
import iconv from "iconv-lite";
import { FormatError } from "./format-error.js";
import { decodingProblem } from "./text-check.js";

/** How bytes without a byte order mark get their encoding. */
const DETECTION = {
  /** chardet's guess (0–100) is tried only at this confidence or above */
  minConfidence: 50,
  /** bytes chardet reads for its guess: enough for a reliable one, bounded for big files */
  sampleBytes: 64 * 1024,
  /** tried last: the usual encoding of Chinese government text that is not UTF-8 */
  fallback: "gb18030",
} as const;

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], "utf-8"],
  [[0xff, 0xfe], "utf-16le"],
  [[0xfe, 0xff], "utf-16be"],
];

/** Labels decoded as GB18030, its superset, as browsers do (WHATWG Encoding). */
const GB_LABELS = new Set(["gb2312", "gbk", "x-gbk", "gb_2312-80", "csgb2312", "chinese", "cp936"]);

/** An encoding label as iconv-lite knows it, or undefined when it knows none such. */
export function encodingFor(label: string): string | undefined {
  const name = label.trim().toLowerCase();
  if (GB_LABELS.has(name)) return "gb18030";
  return iconv.encodingExists(name) ? name : undefined;
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  return BOMS.find(([bom]) => bom.every((b, i) => bytes[i] === b))?.[1];
}

function decode(bytes: Uint8Array, encoding: string): string | undefined {
  if (encoding !== "utf-8") return iconv.decode(bytes, encoding); // strips a BOM
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes); // strips a BOM
  } catch {
    return undefined; // not UTF-8: the next candidate
  }
}

function candidates(bytes: Uint8Array, declared?: string): string[] {
  const bom = bomEncoding(bytes);
  if (bom) return [bom];
  const guess = chardet.analyse(bytes.subarray(0, DETECTION.sampleBytes))[0];
  const trusted = guess && guess.confidence >= DETECTION.minConfidence ? guess.name : undefined;
  if (trusted && !encodingFor(trusted)) throw new FormatError(`unsupported encoding ${trusted}`);
  const names = [declared, "utf-8", trusted, DETECTION.fallback].map((n) => n && encodingFor(n));
  return [...new Set(names.filter((n): n is string => n !== undefined))];
}

/**
 * Bytes -> text: the byte order mark's encoding when there is one; else the declared
 * encoding (a web page's meta charset), strict UTF-8, chardet's confident guess and
 * GB18030, in that order: the first that decodes without control or replacement
 * characters. Whether the result reads as text at all is checked after extraction.
 */
export function decodeText(
  bytes: Uint8Array,
  declared?: string,
): { text: string; encoding: string } {
  if (bytes.length === 0) throw new FormatError("empty file");
  const tried = candidates(bytes, declared);
  let firstReason: string | undefined;
  for (const encoding of tried) {
    const text = decode(bytes, encoding);
    if (text === undefined) continue;
    const reason = decodingProblem(text);
    if (!reason) return { text, encoding };
    firstReason ??= reason;
  }
  throw new FormatError(`${firstReason ?? "not text"} (read as ${tried.join(", ")})`);
}
