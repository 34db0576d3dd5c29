// The limits of calc/limits.py, as calc's catalogue ships them (calculator/catalogue.json,
// `limits`): the page never keeps its own copy of a number calc defines. They are part of the
// catalogue the page loaded (state.js: page.catalogue), read before any scenario is.
import { isNumberText } from "./json-text.js";
import { page } from "./state.js";

/** calc's limits by name (MAX_DEPTH, MAX_SCENARIO_BYTES, …). */
export function limits() {
  return page.catalogue.limits;
}

/** Whether arrays and objects nest deeper than MAX_DEPTH (walked without recursion). */
export function tooDeep(value, limit = limits().MAX_DEPTH) {
  const pending = [[value, 1]];
  while (pending.length) {
    const [item, depth] = pending.pop();
    if (!item || typeof item !== "object") continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      if (child && typeof child === "object" && !isNumberText(child)) pending.push([child, depth + 1]);
    }
  }
  return false;
}

const FULL_WIDTH = /[０-９．－]/g;

/**
 * A number as a person types it: 12, 12.5, .5, -3, also in full-width characters (１２．５, as a
 * Chinese input method may give them). Anything else (1e3, 1,000, 12 小时, a number beyond what a
 * double holds) is kept as the text typed, so calc names the field and says what is wrong, and a
 * reload shows the same text: nothing is silently turned into another number, or into nothing.
 */
export function typedNumber(text) {
  const typed = String(text).trim();
  if (typed === "") return undefined;
  const plain = typed.replace(FULL_WIDTH, (ch) => (ch === "．" ? "." : ch === "－" ? "-" : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
  if (/^-?(\d+\.?\d*|\.\d+)$/.test(plain)) {
    const number = Number(plain);
    if (Number.isFinite(number)) return number; // beyond a double (1 and 400 zeros): kept as text
  }
  return typed;
}

/** The text an input shows for a stored value: a number, the text the user typed, or a number
 * beyond a double as the link or file wrote it (json-text.js). */
export function shownNumber(value) {
  return typeof value === "number" || typeof value === "string" || isNumberText(value) ? String(value) : "";
}
