import type { FigureRow } from "../../figures/types.js";
import type { Passage } from "../../ingest/types.js";

/** The figure a line compares and filters on: its value, a range's top, percent or not. */
export type LineFigure = { value: number; high?: number; percent: boolean; raw: string };

/**
 * One line of a table answer: a report in scope and what answers for it (the passage
 * cited, the report's own words, the figure), or that the report has no such figure.
 */
export type TableLine = {
  doc: string;
  /** the passage cited and its score; undefined when the report has no such figure */
  passage?: Passage;
  score: number;
  quote: string;
  figure?: LineFigure;
  /** the years the line speaks of */
  years: number[];
  /** the row of the figure table, when the line comes from it */
  row?: FigureRow;
};
