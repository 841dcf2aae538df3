import type { ScannedFigure } from "./scan.js";

/**
 * Where a plan states its main targets: 预期目标 / 主要目标 / 经济社会发展目标 followed by 是,
 * 为 or a colon ("今年经济社会发展的主要预期目标是：", "今年经济增长预期目标为7%左右",
 * "今年的预期目标是，新增城镇就业900万人"); not a mention of one ("增长高于预期目标，").
 */
const CUE = /(?:预期目标|主要目标|经济社会发展(?:的)?目标)(?:建议)?(?:是|为|定为|[：:])[：:，,]?/g;

/** Sentences: up to and with 。！？ (a 。 inside a list of targets ends one sentence, not the list). */
const SENTENCE = /[^。！？!?]+[。！？!?]*/g;

/** The [start, end) of a clause that begins at `from`: up to the next ，；： or sentence end. */
const clauseEnd = (text: string, from: number) => {
  const m = text.slice(from).match(/[，,；;：:。！？!?]/);
  return m?.index === undefined ? text.length : from + m.index;
};

/**
 * The spans of a plan paragraph that hold its main targets. A span starts at the clause
 * with the cue and runs on through the sentences that go on listing targets: a sentence
 * whose first clause states a figure ("规上工业增加值增长6.5%左右。", "能耗强度下降3.1%以上，…");
 * it ends at the first that does not (an explanation: "这里要着重说明，…", "上述目标，…",
 * "同时，要在…取得新进展").
 */
export function targetSpans(text: string, figures: ScannedFigure[]): [number, number][] {
  const spans: [number, number][] = [];
  const sentences = [...text.matchAll(SENTENCE)].map((m): [number, number] => [
    m.index ?? 0,
    (m.index ?? 0) + m[0].length,
  ]);
  for (const cue of text.matchAll(CUE)) {
    const at = cue.index ?? 0;
    if (spans.some(([a, b]) => at >= a && at < b)) continue;
    // the clause the cue is in: "今年经济增长预期目标为7%左右" starts before the cue
    const before = text.slice(0, at);
    const clauseStart = Math.max(
      ...["，", ",", "；", ";", "：", ":", "。", "！", "？"].map((p) => before.lastIndexOf(p) + 1),
    );
    let i = sentences.findIndex(([a, b]) => at >= a && at < b);
    if (i < 0) continue;
    let end = (sentences[i] as [number, number])[1];
    for (i++; i < sentences.length; i++) {
      const [a, b] = sentences[i] as [number, number];
      const first = clauseEnd(text, a);
      if (!figures.some((f) => f.start >= a && f.start < first)) break;
      end = b;
    }
    spans.push([clauseStart, end]);
  }
  return spans;
}
