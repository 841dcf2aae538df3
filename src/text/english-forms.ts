/**
 * Base forms an English word form may come from, for looking words up in a dictionary of
 * base forms: irregular verbs and plurals, Latin and Greek plurals, -ed and -ing.
 */

/** Irregular past forms and plurals: "fled" -> flee, "won" -> win, "children" -> child. */
const IRREGULAR: Record<string, string> = Object.fromEntries(
  (
    "arose:arise awoke:awake was:be were:be been:be bore:bear born:bear beat:beat became:become " +
    "begun:begin began:begin bent:bend bet:bet bound:bind bit:bite bitten:bite bled:bleed " +
    "blew:blow blown:blow broke:break broken:break bred:breed brought:bring built:build " +
    "burnt:burn burst:burst bought:buy caught:catch chose:choose chosen:choose clung:cling " +
    "came:come cost:cost crept:creep cut:cut dealt:deal dug:dig did:do done:do drew:draw " +
    "drawn:draw dreamt:dream drank:drink drunk:drink drove:drive driven:drive ate:eat eaten:eat " +
    "fell:fall fallen:fall fed:feed felt:feel fought:fight found:find fled:flee flung:fling " +
    "flew:fly flown:fly forbade:forbid forbidden:forbid forgot:forget forgotten:forget " +
    "forgave:forgive forgiven:forgive froze:freeze frozen:freeze got:get gotten:get gave:give " +
    "given:give went:go gone:go ground:grind grew:grow grown:grow hung:hang had:have heard:hear " +
    "hid:hide hidden:hide hit:hit held:hold hurt:hurt kept:keep knelt:kneel knew:know known:know " +
    "laid:lay led:lead leapt:leap learnt:learn left:leave lent:lend let:let lay:lie lain:lie " +
    "lit:light lost:lose made:make meant:mean met:meet paid:pay put:put quit:quit read:read " +
    "rode:ride ridden:ride rang:ring rung:ring rose:rise risen:rise ran:run said:say saw:see " +
    "seen:see sought:seek sold:sell sent:send set:set shook:shake shaken:shake shed:shed " +
    "shone:shine shot:shoot showed:show shown:show shrank:shrink shut:shut sang:sing sung:sing " +
    "sank:sink sunk:sink sat:sit slept:sleep slid:slide slung:sling spoke:speak spoken:speak " +
    "sped:speed spent:spend spun:spin spread:spread sprang:spring sprung:spring stood:stand " +
    "stole:steal stolen:steal stuck:stick stung:sting struck:strike strove:strive swore:swear " +
    "sworn:swear swept:sweep swam:swim swum:swim swung:swing took:take taken:take taught:teach " +
    "tore:tear torn:tear told:tell thought:think threw:throw thrown:throw understood:understand " +
    "undertook:undertake woke:wake woken:wake wore:wear worn:wear wove:weave woven:weave wept:weep " +
    "won:win wound:wind withdrew:withdraw withdrawn:withdraw wrote:write written:write " +
    "children:child men:man women:woman people:person feet:foot teeth:tooth mice:mouse geese:goose " +
    "oxen:ox lives:life wives:wife knives:knife leaves:leaf halves:half shelves:shelf wolves:wolf " +
    "thieves:thief analyses:analysis crises:crisis theses:thesis bases:basis"
  )
    .split(" ")
    .map((pair) => pair.split(":") as [string, string]),
);

/** Base forms a verb form may come from ("invested" -> invest, investe; "using" -> use). */
export function lemmaCandidates(word: string): string[] {
  const w = word.toLowerCase();
  const out: string[] = [];
  const irregular = Object.hasOwn(IRREGULAR, w) ? IRREGULAR[w] : undefined;
  if (irregular) out.push(irregular);
  // Latin and Greek plurals: cilia -> cilium, fungi -> fungus, algae -> alga, criteria -> criterion
  if (w.length >= 4) {
    if (w.endsWith("ae")) out.push(w.slice(0, -1));
    else if (w.endsWith("a")) out.push(`${w.slice(0, -1)}um`, `${w.slice(0, -1)}on`);
    else if (w.endsWith("i")) out.push(`${w.slice(0, -1)}us`);
    else if (w.endsWith("ices")) out.push(`${w.slice(0, -4)}ex`, `${w.slice(0, -4)}ix`);
  }
  const undouble = (s: string) => (/([b-df-hj-np-tv-z])\1$/.test(s) ? s.slice(0, -1) : undefined);
  if (w.length >= 5 && w.endsWith("ied")) out.push(`${w.slice(0, -3)}y`);
  else if (w.length >= 5 && w.endsWith("ed")) {
    const base = w.slice(0, -2);
    out.push(w.slice(0, -1), base);
    const u = undouble(base);
    if (u) out.push(u);
  } else if (w.length >= 6 && w.endsWith("ing")) {
    const base = w.slice(0, -3);
    out.push(base, `${base}e`);
    const u = undouble(base);
    if (u) out.push(u);
  }
  // comparatives and superlatives: larger, largest -> large; earliest -> early; biggest -> big
  const degree = /(?:est|er)$/.exec(w);
  if (w.length >= 5 && degree) {
    const base = w.slice(0, -degree[0].length);
    if (base.endsWith("i")) out.push(`${base.slice(0, -1)}y`);
    else {
      out.push(base, `${base}e`);
      const u = undouble(base);
      if (u) out.push(u);
    }
  }
  return out.filter((c) => c.length >= 3);
}

/**
 * Suffixes that derive a word from another rather than naming a second thing: a compound
 * the dictionary lacks that ends in one ("mentorship", "statehood") means its first part.
 */
export const DERIVATIONAL_SUFFIXES = new Set(
  "ship ships hood hoods ness dom doms ism isms ist ists ment ments less ful wise ward wards like able ible ity ities".split(
    " ",
  ),
);
