/**
 * A model's streamed text -> the units it is checked in: sentences (or lines), each
 * released only once it is complete, and code blocks, released whole to be dropped.
 */

/** A piece of a model's answer, with the whitespace that led into it. */
export type RawUnit = { text: string; code: boolean };

/** What may follow a sentence's end and still belong to it: closing quotes, [n] markers. */
const TRAIL = /^(?:[”’"'」』）)》]|\s*[[［【]\s*\d+(?:\s*[,，、]\s*\d+)*\s*[\]］】])/;

/** Text that may still become a TRAIL once more arrives: whitespace, half a marker. */
const PARTIAL_TRAIL = /^\s*(?:[[［【][\d\s,，、]*)?$/;

/** A code fence opening a line: ``` or ~~~, three or more. */
const FENCE = /^[ \t]*(`{3,}|~{3,})/;

/** Words whose period ends no sentence: initials (U.S.), e.g., i.e., No. 5. */
const ABBREVIATION = /(?:^|[\s(（.])(?:[A-Za-z]|e\.g|i\.e|etc|vs|No|approx)$/;

export type SentenceSplitter = {
  /** more text; returns the units it completes */
  push(delta: string): RawUnit[];
  /** the stream is over; returns what is left, the last unit unfinished or not */
  end(): RawUnit[];
};

/**
 * Sentences end at 。！？ and at . ! ? before a space (not inside 1.3, not after an
 * initial), together with the closing quotes and [n] markers that follow them ("增长16%。[1]"
 * is one sentence); a line break also ends one. A sentence is held until what follows
 * shows that it has ended. A fenced code block is one unit, held until its fence closes.
 */
export function createSentenceSplitter(): SentenceSplitter {
  let buf = "";
  let lineStart = true; // buf[0] begins a line

  const atLineStart = (i: number) => (i === 0 ? lineStart : buf[i - 1] === "\n");

  /** The end of what trails a sentence end at `j`; undefined while more could still come. */
  function trail(j: number, final: boolean): number | undefined {
    for (;;) {
      const m = TRAIL.exec(buf.slice(j));
      if (!m) break;
      j += m[0].length;
    }
    return !final && PARTIAL_TRAIL.test(buf.slice(j)) ? undefined : j;
  }

  /** The end of a fenced block opened at `i`; undefined while it is still open. */
  function fenceEnd(i: number, fence: string, final: boolean): number | undefined {
    const mark = fence[0] === "`" ? "`" : "~";
    const close = new RegExp(`\\n[ \\t]*${mark}{${fence.length},}[ \\t]*(?=\\n|$)`, "g");
    const lineEnd = buf.indexOf("\n", i);
    close.lastIndex = Math.max(0, lineEnd);
    const m = lineEnd < 0 ? null : close.exec(buf);
    if (m && (m.index + m[0].length < buf.length || final)) return m.index + m[0].length;
    return final ? buf.length : undefined;
  }

  /** Where the first unit of `buf` ends, and whether it is code; undefined: not yet known. */
  function firstCut(final: boolean): { end: number; code: boolean } | undefined {
    const start = buf.search(/\S/);
    if (start < 0) return undefined;
    const lineBegin = buf.lastIndexOf("\n", start) + 1;
    const fence = FENCE.exec(buf.slice(lineBegin));
    if (fence?.[1] && atLineStart(lineBegin) && lineBegin + fence[0].length > start) {
      const end = fenceEnd(start, fence[1], final);
      return end === undefined ? undefined : { end, code: true };
    }
    for (let i = start; i < buf.length; i++) {
      const ch = buf[i] as string;
      if (ch === "\n") return { end: i, code: false };
      if ("。！？".includes(ch)) {
        const end = trail(i + 1, final);
        return end === undefined ? undefined : { end, code: false };
      }
      if (!".!?".includes(ch)) continue;
      if (ch === "." && ABBREVIATION.test(buf.slice(start, i))) continue;
      const end = trail(i + 1, final);
      if (end === undefined) return undefined;
      if (end === buf.length || /\s/.test(buf[end] as string)) return { end, code: false };
    }
    return undefined;
  }

  function take(final: boolean): RawUnit[] {
    const out: RawUnit[] = [];
    for (let cut = firstCut(final); cut; cut = firstCut(final)) {
      out.push({ text: buf.slice(0, cut.end), code: cut.code });
      lineStart = atLineStart(cut.end);
      buf = buf.slice(cut.end);
    }
    if (final) {
      if (buf.trim()) out.push({ text: buf, code: false });
      buf = "";
    }
    return out;
  }

  return {
    push(delta) {
      buf += delta;
      return take(false);
    },
    end: () => take(true),
  };
}
