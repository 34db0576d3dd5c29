// A scenario's JSON text, read and written without losing a number. JSON.parse turns a number a
// double cannot hold into another number: 1e400 into Infinity (which JSON.stringify writes as
// null, which calc reads as "not given"), an integer of 400 digits into a rounded one. calc reads
// the text itself (Python's json: 1e400 is infinity, a long integer exact; calc/jsonio.py), so
// such a number must reach it as written: readJson keeps each one as a NumberText (its source
// text, frozen), and writeJson writes it back unquoted, as it came. Every scenario text the page
// reads (a share link, a file, this browser's storage) or writes (storage, export, share link,
// the text calc is asked about) goes through here; the form shows a NumberText as its source.
//
// Fast path: only a text holding 16 digits in a row or an exponent of three digits can hold such
// a number (a cheap native search): any other is JSON.parse as it is.

const SUSPECT = /\d{16}|[eE][+-]?\d{3}/;
const TOKENS = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g; // strings (skipped), numbers
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
// A NumberText stands in a JSON.stringify output as this string (NUL and a random tag: no text a
// person or a file gives can be it by chance), followed by its source.
const TAG = `\u0000jxjy-number:${Array.from(crypto.getRandomValues(new Uint32Array(2)), (n) => n.toString(36)).join("")}:`;
const WRITTEN = new RegExp(`"${JSON.stringify(TAG).slice(1, -1).replace(/\\/g, "\\\\")}([-+.0-9eE]+)"`, "g");

/** A number of the JSON text that a double cannot hold exactly, kept as it was written. */
export class NumberText {
  constructor(source) {
    if (!NUMBER.test(source)) throw new TypeError("not a JSON number");
    this.source = source;
    Object.freeze(this);
  }

  toString() {
    return this.source;
  }

  toJSON() {
    return TAG + this.source; // writeJson replaces it by the source, unquoted
  }
}

/** Whether JSON.parse would change this number token (beyond a double, or an integer past 2^53). */
function changedByParse(token) {
  const value = Number(token);
  if (!Number.isFinite(value)) return true;
  return /^-?\d+$/.test(token) && !Number.isSafeInteger(value);
}

/** JSON.parse of a scenario's text, each number a double cannot hold kept as a NumberText.
 * Throws SyntaxError as JSON.parse does. */
export function readJson(text) {
  const plain = JSON.parse(text); // valid JSON first: then strings and numbers tokenize exactly
  if (!SUSPECT.test(text)) return plain;
  let found = false;
  const marked = text.replace(TOKENS, (token) => {
    if (token.startsWith('"') || !changedByParse(token)) return token;
    found = true;
    return JSON.stringify(TAG + token);
  });
  return found ? numbersBack(JSON.parse(marked)) : plain;
}

/** Every tagged string of a parsed value, made a NumberText again (walked without recursion). */
function numbersBack(value) {
  const back = (item) => (typeof item === "string" && item.startsWith(TAG) ? new NumberText(item.slice(TAG.length)) : item);
  const pending = [value];
  while (pending.length) {
    const item = pending.pop();
    if (!item || typeof item !== "object") continue;
    for (const key of Object.keys(item)) {
      const child = item[key];
      if (typeof child === "string") item[key] = back(child);
      else if (child && typeof child === "object") pending.push(child);
    }
  }
  return back(value);
}

/** JSON.stringify, each NumberText written back as its source. */
export function writeJson(value, indent = undefined) {
  const text = JSON.stringify(value, null, indent);
  return text !== undefined && text.includes("jxjy-number:") ? text.replace(WRITTEN, "$1") : text;
}

export const isNumberText = (value) => value instanceof NumberText;
