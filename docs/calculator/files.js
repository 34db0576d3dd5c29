// Export the scenario to a JSON file and import one back. Files are checked before they are
// read (size) and parsed (JSON, an object); a file that cannot be used changes nothing.

export const MAX_FILE_BYTES = 2_000_000; // calc/limits.py MAX_SCENARIO_BYTES

export function exportScenario(scenario, doc = document) {
  const text = JSON.stringify(scenario, null, 2);
  const blob = new Blob([text], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement("a");
  a.href = url;
  a.download = fileName(scenario);
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return text;
}

export function fileName(scenario, today = new Date()) {
  const region = typeof scenario?.policy === "string" && /^[a-z_]{1,30}$/.test(scenario.policy) ? scenario.policy : "scenario";
  const day = today.toISOString().slice(0, 10);
  return `jixu-jiaoyu-${region}-${day}.json`;
}

/**
 * Read a File chosen by the user. Resolves with {scenario} or {error: Chinese message}.
 */
export async function readScenarioFile(file) {
  if (!file) return { error: "没有选择文件。" };
  if (file.size > MAX_FILE_BYTES) {
    const mb = (file.size / 1_000_000).toFixed(1);
    return { error: `文件“${file.name}”有 ${mb} MB，超过 ${MAX_FILE_BYTES / 1_000_000} MB 的上限，没有导入。您当前填写的内容没有改变。` };
  }
  let text;
  try {
    text = await file.text();
  } catch {
    return { error: `文件“${file.name}”无法读取，没有导入。您当前填写的内容没有改变。` };
  }
  return parseScenarioText(text, file.name);
}

export function parseScenarioText(text, name = "") {
  const which = name ? `文件“${name}”` : "内容";
  let value;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { error: `${which}不是有效的 JSON 情景文件，没有导入。您当前填写的内容没有改变。` };
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    return { error: `${which}不是一个情景（应为 JSON 对象，含 version、policy、activities），没有导入。您当前填写的内容没有改变。` };
  }
  if (value.activities !== undefined && !Array.isArray(value.activities)) {
    return { error: `${which}中的 activities 不是列表，没有导入。您当前填写的内容没有改变。` };
  }
  return { scenario: value };
}
