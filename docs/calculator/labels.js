// Chinese words for the values of the scenario and report formats (shared/contract/scenario.md).

export const CATEGORY = { public: "公需科目", professional: "专业科目" };

export const TARGET_TYPE = {
  review: "评审",
  recognition: "认定",
  series_change: "转系列",
  appointment: "聘用",
};

export const LEVEL = {
  full_senior: "正高级",
  senior: "副高级",
  intermediate: "中级",
  assistant: "助理级",
  junior: "初级",
  clerk: "员级",
};

export const DEGREE = { college: "大专", bachelor: "大学本科", master: "硕士", doctor: "博士" };

export const READINESS = {
  ready: "学时条件已满足",
  not_ready: "学时条件尚未满足",
  exempt: "免于学时要求",
  reference_only: "学时仅作参考",
  unknown: "无法判断",
  industry_rules: "按行业主管部门的规定执行",
};

/** A label for a catalogue value given as a string, or as {value|id, label|name}. */
export function optionOf(item, words) {
  if (item && typeof item === "object") {
    const value = item.value ?? item.id;
    return [value, item.label ?? item.name ?? words[value] ?? String(value)];
  }
  return [item, words[item] ?? String(item)];
}

export function validityText(valid) {
  if (!valid) return "";
  const from = valid.from ?? null;
  const to = valid.to ?? null;
  if (from && to) return from === to ? `${from}年` : `${from}—${to}年`;
  if (from) return `${from}年起`;
  if (to) return `${to}年及以前`;
  return "";
}

export function validIn(valid, year) {
  if (!valid || !Number.isInteger(year)) return true;
  if (valid.from && year < valid.from) return false;
  if (valid.to && year > valid.to) return false;
  return true;
}

export function hours(value) {
  if (value === null || value === undefined) return "—";
  const rounded = Math.round(Number(value) * 10) / 10;
  return `${rounded}`;
}
