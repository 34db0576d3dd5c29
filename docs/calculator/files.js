// Export the scenario to a JSON file and import one back. Files are checked before they are
// read (size), decoded as the command line decodes them (UTF-8 with or without a byte order mark,
// UTF-16 with one: Windows Notepad's "Unicode"), and parsed (JSON, an object, nesting within
// MAX_DEPTH); a file that cannot be used changes nothing. A scenario read from anywhere (a
// file, a share link, this browser's storage) goes through repairScenario before the form shows it.
import { isNumberText, readJson, writeJson } from "./json-text.js";
import { limits, tooDeep } from "./limits.js";
import { message, words } from "./vocabulary.js";

const isObject = (value) => !!value && typeof value === "object" && !Array.isArray(value) && !isNumberText(value);

/** Offer a JSON text to the user as a file called `name` (a link to it, clicked). */
function download(text, name, doc) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = doc.createElement("a");
  a.href = url;
  a.download = name;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function exportScenario(scenario, doc = document) {
  const text = writeJson(scenario, 2);
  download(text, fileName(scenario), doc);
  return text;
}

/** Download a text kept in this browser (an entry of the history) as a file, as it is. */
export function exportText(text, name, doc = document) {
  let pretty = text;
  try {
    pretty = writeJson(readJson(text), 2);
  } catch {
    // not JSON: exported as it is, nothing changed
  }
  download(pretty, name, doc);
}

export function fileName(scenario, today = new Date()) {
  const region = typeof scenario?.policy === "string" && /^[a-z_]{1,30}$/.test(scenario.policy) ? scenario.policy : "scenario";
  const day = today.toISOString().slice(0, 10);
  return `jixu-jiaoyu-${region}-${day}.json`;
}

/** Bytes as text: UTF-16 by its byte order mark, else UTF-8 (its byte order mark dropped). */
export function decodeBytes(bytes) {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  try {
    return { text: new TextDecoder(le ? "utf-16le" : be ? "utf-16be" : "utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { error: true };
  }
}

// Where a scenario comes from, as the page names it in calc's messages ({source}), and what is
// then not done ({outcome}: calc's input_outcome_* sentences, by these names).
export const FROM_FILE = (name) => ({ source: `文件“${name}”`, outcome: "input_outcome_import" });
export const FROM_LINK = Object.freeze({ source: "分享链接", outcome: "input_outcome_link" });
export const FROM_SAVED = Object.freeze({ source: "保存的内容", outcome: "input_outcome_saved" });

/** calc's message `key` about an input the page cannot use, said of `from` (FROM_*). */
export function refusal(key, from, values = {}) {
  return message(key, { ...values, source: from.source, outcome: message(from.outcome) });
}

/**
 * Read a File chosen by the user. Resolves with {scenario, repaired} or {error: Chinese message}.
 * `policies` (the catalogue's): a file naming a region not among them is not imported.
 */
export async function readScenarioFile(file, policies = null) {
  if (!file) return { error: message("input_none_chosen", { outcome: message("input_outcome_import") }) };
  const from = FROM_FILE(file.name);
  if (file.size > limits().MAX_SCENARIO_BYTES) return { error: refusal("input_too_large", from, { size: (file.size / 1_000_000).toFixed(1) }) };
  let bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { error: refusal("input_unreadable", from) };
  }
  const decoded = decodeBytes(bytes);
  if (decoded.error) return { error: refusal("input_encoding_invalid", from) };
  return parseScenarioText(decoded.text, from, policies);
}

/** Parse a file's text: {scenario, repaired: [messages]} or {error}. Only a record of this
 * site's format (version 1) of a region it knows (or none chosen yet) is taken: anything else
 * would replace the user's work with something that cannot be computed (issue 11). */
export function parseScenarioText(text, from, policies = null) {
  const value = parsedObject(text.replace(/^\uFEFF/, ""));
  if (value.error) return { error: refusal(value.error, from) };
  const scenario = value.scenario;
  if (scenario.version === undefined) return { error: refusal("input_version_missing", from) };
  if (scenario.version !== 1) {
    return { error: refusal("input_version_unsupported", from, { version: String(writeJson(scenario.version)).slice(0, 20) }) };
  }
  const region = scenario.policy;
  if (policies && policies.length && region !== undefined && region !== "" && !policies.some((p) => p.id === region)) {
    const regions = policies.map((p) => p.label || p.name).join("、");
    return { error: refusal("input_region_unknown", from, { region: String(region).slice(0, 40), regions }) };
  }
  if (scenario.activities !== undefined && !Array.isArray(scenario.activities)) {
    return { error: refusal("input_activities_not_list", from) };
  }
  return usableScenario(scenario, from);
}

/** A scenario as the text that is saved and calculated, or null when it cannot be written. */
export function scenarioText(value) {
  try {
    return writeJson(value);
  } catch {
    return null;
  }
}

/** Whether a scenario holds anything the person entered (more than its version and region). */
export function hasContent(value) {
  return isObject(value) && Object.keys(value).some((k) => !["version", "policy", "activities"].includes(k)
    || (k === "activities" && Array.isArray(value.activities) && value.activities.length > 0));
}

/** A text as a JSON object: {scenario} or {error: the message's key} (not JSON, not an object). */
export function parsedObject(text) {
  let value;
  try {
    value = readJson(text); // a number beyond a double kept as written (json-text.js)
  } catch {
    return { error: "input_json_invalid" };
  }
  return isObject(value) ? { scenario: value } : { error: "input_not_a_record" };
}

/** A parsed scenario the form can show ({scenario, repaired}), or {error} when it cannot be used
 * at all (the limits calc checks first: nesting). */
export function usableScenario(value, from) {
  if (tooDeep(value)) return { error: refusal("input_too_deep", from) };
  return repairScenario(value);
}

const SECTIONS = [["person", "个人情况（person）"], ["target", "职称申报（target）"], ["requirements", "自填年度要求（requirements）"]];

/**
 * The form edits person, target and requirements in place, so each must be an object (and each
 * year of requirements too). A file or link holding null, a number or a list there would make
 * the form throw or drop the user's edits: such parts are removed, each with a message (calc
 * would ignore them too, with an error), and everything else is kept as it is.
 * Returns {scenario, repaired: [Chinese messages]}.
 */
export function repairScenario(scenario) {
  const repaired = [];
  for (const [key, label] of SECTIONS) {
    if (scenario[key] !== undefined && !isObject(scenario[key])) {
      delete scenario[key];
      repaired.push(`${label}不是一个对象，已移除`);
    }
  }
  if (scenario.activities !== undefined && !Array.isArray(scenario.activities)) {
    delete scenario.activities;
    repaired.push("活动列表（activities）不是列表，已移除");
  }
  if (isObject(scenario.requirements)) {
    for (const [year, figures] of Object.entries(scenario.requirements)) {
      if (!isObject(figures)) {
        delete scenario.requirements[year];
        repaired.push(`${String(year).slice(0, 10)}年的${words().required_source.user}不是 {"public": …, "professional": …} 的形式，已移除`);
      }
    }
  }
  return { scenario, repaired };
}
