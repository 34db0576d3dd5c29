// calc's vocabulary, as its catalogue ships it (calculator/catalogue.json, `vocabulary`; calc/
// vocabulary.py): the label of every code, the terms that name a figure ("依据", "本站理解"), a
// few fixed sentences and messages, and the fields of the scenario format. The page keeps no table
// of these words of its own: it renders what calc ships. They are part of the catalogue the page
// loaded (state.js: page.catalogue); this module only reads them.
import { page } from "./state.js";

/** The whole vocabulary (code tables, terms, messages, fields). */
export function words() {
  return page.catalogue.vocabulary;
}

/** A term ("依据", "本站理解", …) by its name. */
export function term(name) {
  return words().terms[name] ?? name;
}

/** One of calc's messages with its braces filled from `values` ({source}, {region} …; calc has
 * written its limits in already); a brace with no value stays as it is. */
export function message(key, values = {}) {
  const template = words().messages[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/** The fields of one part of the scenario format (activity, target, requirement), by name. */
export function formField(part, name) {
  return (words().fields[part] || []).find((f) => f.name === name) || { name, label: name, caption: name };
}

/** A number of the report as it is shown: calc has rounded it already; missing: —. */
export function shown(value) {
  return value === null || value === undefined ? "—" : String(value);
}
