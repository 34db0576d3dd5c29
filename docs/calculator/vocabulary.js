// calc's vocabulary, as its catalogue ships it (calculator/catalogue.json, `vocabulary`; calc/
// vocabulary.py): the label of every code, the terms that name a figure ("依据", "本站理解"), a
// few fixed sentences, and the fields of the scenario format. The page keeps no table of these
// words of its own: it renders what calc ships. Filled once the catalogue has loaded.
export const VOCABULARY = { terms: {}, messages: {}, fields: { activity: [], target: [], requirement: [] } };

export function useVocabulary(table) {
  Object.assign(VOCABULARY, table || {});
}

/** A term ("依据", "本站理解", …) by its name. */
export function term(name) {
  return VOCABULARY.terms[name] ?? name;
}

/** One of calc's messages with its braces filled from `values` ({source}, {region} …; calc has
 * written its limits in already); a brace with no value stays as it is. */
export function message(key, values = {}) {
  const template = VOCABULARY.messages[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/** The fields of one part of the scenario format (activity, target, requirement), by name. */
export function formField(part, name) {
  return (VOCABULARY.fields[part] || []).find((f) => f.name === name) || { name, label: name, caption: name };
}

/** A number of the report as it is shown: calc has rounded it already; missing: —. */
export function shown(value) {
  return value === null || value === undefined ? "—" : String(value);
}
