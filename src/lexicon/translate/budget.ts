/**
 * The work one question may cost in translation. Exact lookups are cheap and always done;
 * the steps that search (compounds, spelling neighbours, pinyin, names by sound) are open to
 * a few words of a question only, and every step whose cost grows with the corpus asks for
 * its work first and is skipped once the units are spent. So no question costs more than a
 * bounded multiple of a normal one. Work is counted in comparable units: a dictionary
 * lookup, a cell of an edit or sound distance, a posting visited.
 */
export type Budget = {
  /** work done so far, whether granted or not needed to ask for (lookups) */
  readonly spent: number;
  /** count work that is always done */
  charge(units: number): void;
  /** ask for work: true (and counted) when the budget still has it */
  grant(units: number): boolean;
  /** may one more word of the question go through the searching steps? */
  search(): boolean;
};

export type BudgetLimits = {
  /** units of work per question */
  units: number;
  /** words of a question that may go through the searching steps */
  searchedWords: number;
};

export function createBudget(limits: BudgetLimits): Budget {
  let spent = 0;
  let searched = 0;
  const limit = limits.units;
  return {
    get spent() {
      return spent;
    },
    search() {
      if (searched >= limits.searchedWords) return false;
      searched++;
      return true;
    },
    charge(units) {
      spent += units;
    },
    grant(units) {
      if (spent + units > limit) return false;
      spent += units;
      return true;
    },
  };
}
