import type { Level } from "../ingest/types.js";
import type { Direction } from "../text/direction.js";
import type { Language } from "../text/language.js";
import type { Figure } from "../text/numbers.js";
import type { Unit } from "../text/units.js";
import type { Place } from "./gazetteer.js";
import type { Kind } from "./kind.js";
import type { Subject } from "./subject.js";
import type { PartCue, RelativeYear } from "./years.js";

/** A turn of the conversation before the question. */
export type Turn = { role: "user" | "assistant"; content: string };

/** Which reports, years and part of a report a question is about, as it says. */
export type Scope = {
  /** years the question names */
  years: number[];
  /** years that name the report itself ("2013年政府工作报告", "the 2008 report") */
  reportYears?: number[];
  /** "this year", "去年", "过去五年": resolved inside each report */
  relative?: RelativeYear;
  /** the review, the plan or the problems, when the wording says */
  part?: PartCue;
  /** places the question names */
  places: Place[];
  /** a level the question names without a place ("national", "各省") */
  level?: Level;
};

/** A question read once: handed to retrieval and to the answer alike. */
export type Reading = {
  /** the question as asked */
  question: string;
  /** the question with a follow-up's missing parts filled in from the conversation */
  standalone: string;
  followUp: boolean;
  /** the language of the question as asked: the answer's language */
  language: Language;
  kind: Kind;
  /** a yes/no question that asks about a number ("超过一万家了吗") */
  asksNumber: boolean;
  unit?: Unit;
  /** asks how many there are in all, not how many were added ("一共有多少家") */
  total?: boolean;
  direction?: Direction;
  /** figures the question names, years aside ("over 200 million", "16%") */
  figures: Figure[];
  scope: Scope;
  subject: Subject;
};
