// Export the scenario to a JSON file and import one back. Files are checked before they are
// read (size), decoded as the command line decodes them (UTF-8 with or without a byte order mark,
// UTF-16 with one: Windows Notepad's "Unicode"), and parsed (JSON, an object, nesting within
// LIMITS.MAX_DEPTH); a file that cannot be used changes nothing. A scenario read from anywhere (a
// file, a share link, this browser's storage) goes through repairScenario before the form shows it.
import { LIMITS, tooDeep } from "./limits.js";
import { VOCABULARY } from "./vocabulary.js";

const UNCHANGED = "您当前填写的内容没有改变。";
const isObject = (value) => !!value && typeof value === "object" && !Array.isArray(value);

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
  const text = JSON.stringify(scenario, null, 2);
  download(text, fileName(scenario), doc);
  return text;
}

/** Download a text kept in this browser (an entry of the history) as a file, as it is. */
export function exportText(text, name, doc = document) {
  let pretty = text;
  try {
    pretty = JSON.stringify(JSON.parse(text), null, 2);
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

/**
 * Read a File chosen by the user. Resolves with {scenario, repaired} or {error: Chinese message}.
 * `policies` (the catalogue's): a file naming a region not among them is not imported.
 */
export async function readScenarioFile(file, policies = null) {
  if (!file) return { error: "没有选择文件。" };
  const max = LIMITS.MAX_SCENARIO_BYTES;
  if (file.size > max) {
    const mb = (file.size / 1_000_000).toFixed(1);
    return { error: `文件“${file.name}”有 ${mb} MB，超过 ${max / 1_000_000} MB 的上限，没有导入。${UNCHANGED}` };
  }
  let bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { error: `文件“${file.name}”无法读取，没有导入。${UNCHANGED}` };
  }
  const decoded = decodeBytes(bytes);
  if (decoded.error) {
    return { error: `文件“${file.name}”不是 UTF-8 或 UTF-16 编码的文本，没有导入。请用本站“导出文件”保存的文件，或在编辑器中另存为 UTF-8。${UNCHANGED}` };
  }
  return parseScenarioText(decoded.text, file.name, policies);
}

/** Parse a scenario's text: {scenario, repaired: [messages]} or {error}. Only a record of this
 * site's format (version 1) of a region it knows (or none chosen yet) is taken: anything else
 * would replace the user's work with something that cannot be computed (issue 11). */
export function parseScenarioText(text, name = "", policies = null) {
  const which = name ? `文件“${name}”` : "内容";
  let value;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { error: `${which}不是有效的 JSON 文件，不是本站的学时记录，没有导入。${UNCHANGED}` };
  }
  if (!isObject(value)) {
    return { error: `${which}不是本站的学时记录（应为含 version、policy、activities 的 JSON 对象），没有导入。${UNCHANGED}` };
  }
  if (value.version === undefined) {
    return { error: `${which}不是本站导出的学时记录（没有版本号），没有导入。请选择用“导出文件”保存的文件。${UNCHANGED}` };
  }
  if (value.version !== 1) {
    return { error: `${which}是版本 ${String(JSON.stringify(value.version)).slice(0, 20)} 的学时记录，本页只能读取版本 1 的记录，没有导入。${UNCHANGED}` };
  }
  const region = value.policy;
  if (policies && policies.length && region !== undefined && region !== "" && !policies.some((p) => p.id === region)) {
    const known = policies.map((p) => p.label || p.name).join("、");
    return { error: `${which}中的地区“${String(region).slice(0, 40)}”本站没有收录，没有导入。本站收录：${known}。${UNCHANGED}` };
  }
  if (value.activities !== undefined && !Array.isArray(value.activities)) {
    return { error: `${which}中的 activities 不是列表，没有导入。${UNCHANGED}` };
  }
  const unusable = checkScenario(value);
  if (unusable) return { error: `${which}${unusable}，没有导入。${UNCHANGED}` };
  return repairScenario(value);
}

/** Why a parsed scenario cannot be used at all (the limits calc checks first), or null. */
export function checkScenario(value) {
  if (tooDeep(value)) return `的内容嵌套超过 ${LIMITS.MAX_DEPTH} 层（自定义内容 extra 也计算在内）`;
  return null;
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
        repaired.push(`${String(year).slice(0, 10)}年的${VOCABULARY.required_source.user}不是 {"public": …, "professional": …} 的形式，已移除`);
      }
    }
  }
  return { scenario, repaired };
}
