import type { DocMeta, Level, Part } from "../ingest/types.js";
import type { Place } from "./gazetteer.js";
import type { PlaceIndex } from "./places.js";
import type { Scope } from "./types.js";

/** One report in scope, with the parts and years of it the question means. */
export type DocScope = {
  doc: string;
  /** the parts that may answer (undefined: any part but the front matter) */
  parts?: Part[];
  /** the year(s) the question means inside this report, when it says */
  years: number[];
};

/** The reports a question is about, or what it named that the corpus lacks. */
export type ResolvedScope = {
  docs: DocScope[];
  /** the question named a place, a level or a year that chose these reports */
  named: boolean;
  /** places named that no report of the corpus is about */
  missingPlaces: Place[];
  /** a level named that no report has */
  missingLevel?: Level;
  /** years named that no report of the (chosen) places reviews or plans */
  missingYears: number[];
};

type DocInfo = { doc: string; meta: DocMeta };

const reviewYears = (m: DocMeta) => m.reviewYears ?? (m.year !== undefined ? [m.year - 1] : []);
const planYear = (m: DocMeta) => m.planYear ?? m.year;

/** The years "this year", "last year"… mean inside one report. */
function relativeYears(scope: Scope, m: DocMeta): number[] {
  const plan = planYear(m);
  const review = reviewYears(m);
  switch (scope.relative) {
    case "this":
      return plan !== undefined ? [plan] : [];
    case "next":
      return plan !== undefined ? [plan + 1] : [];
    case "last":
      return review.length ? [review[review.length - 1] as number] : [];
    case "before-last":
      return plan !== undefined ? [plan - 2] : [];
    case "past-five":
      return review;
    default:
      return [];
  }
}

/** Which parts of a report speak of these years: its review for review years, its plan for its plan year. */
function partsFor(years: number[], m: DocMeta, cue: Scope["part"]): Part[] | undefined {
  const review = reviewYears(m);
  const plan = planYear(m);
  const parts = new Set<Part>();
  for (const y of years) {
    if (review.includes(y) && cue !== "plan") parts.add("review").add("problems");
    if (y === plan && cue !== "review") parts.add("plan");
  }
  return parts.size ? [...parts] : undefined;
}

/** The parts a question's own wording asks for, when it names no year. */
function partsForCue(cue: Scope["part"]): Part[] | undefined {
  return cue === "problems" ? ["problems"] : undefined;
}

/**
 * The question's scope meets the documents' metadata: a named place or level picks its
 * reports, a named year the reports that review or plan it (and the part that does), and
 * "this year" / "去年" are read inside each report. A question that names nothing is in
 * scope of every report.
 */
export function resolveScope(scope: Scope, docs: DocInfo[], places: PlaceIndex): ResolvedScope {
  let chosen = docs;
  const missingPlaces: Place[] = [];
  let missingLevel: Level | undefined;
  if (scope.places.length) {
    const byPlace = scope.places.map((p) => ({
      p,
      docs: docs.filter((d) => places.ofDoc.get(d.doc) === p),
    }));
    for (const b of byPlace) if (!b.docs.length) missingPlaces.push(b.p);
    chosen = byPlace.flatMap((b) => b.docs);
    if (scope.level === "national") chosen.push(...docs.filter((d) => d.meta.level === "national"));
  } else if (scope.level) {
    const atLevel = docs.filter((d) => d.meta.level === scope.level);
    if (atLevel.length) chosen = atLevel;
    else if (scope.level === "national") missingLevel = scope.level;
  }
  chosen = [...new Set(chosen)];

  const missingYears: number[] = [];
  // "the 2008 report": the reports given that year, and the years it speaks of read inside them
  const given = scope.reportYears ?? [];
  if (given.length) {
    const ofYear = chosen.filter((d) => d.meta.year !== undefined && given.includes(d.meta.year));
    if (!ofYear.length) missingYears.push(...given);
    chosen = ofYear;
  }
  let out: DocScope[];
  if (scope.years.length) {
    out = [];
    for (const d of chosen) {
      const parts = partsFor(scope.years, d.meta, scope.part);
      if (parts) out.push({ doc: d.doc, parts, years: scope.years });
    }
    // a year no chosen report reviews or plans; with no cue, the report of that year too
    for (const y of scope.years) {
      const covered = chosen.some(
        (d) => reviewYears(d.meta).includes(y) || planYear(d.meta) === y || d.meta.year === y,
      );
      if (!covered) missingYears.push(y);
    }
    if (!out.length && !missingYears.length) {
      out = chosen
        .filter((d) => d.meta.year && scope.years.includes(d.meta.year))
        .map((d) => ({
          doc: d.doc,
          years: scope.years,
        }));
    }
  } else if (scope.relative) {
    out = chosen.map((d) => {
      const years = relativeYears(scope, d.meta);
      return {
        doc: d.doc,
        parts: partsFor(years, d.meta, scope.part) ?? partsForCue(scope.part),
        years,
      };
    });
  } else {
    out = chosen.map((d) => ({ doc: d.doc, parts: partsForCue(scope.part), years: [] }));
  }
  return {
    docs: out,
    named:
      scope.places.length > 0 ||
      scope.level !== undefined ||
      scope.years.length > 0 ||
      given.length > 0,
    missingPlaces,
    missingLevel,
    missingYears,
  };
}
