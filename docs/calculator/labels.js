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
};

export const PERSON_FIELDS = [
  { name: "gender", label: "性别", type: "choice", choices: [["male", "男"], ["female", "女"]] },
  { name: "birth_date", label: "出生日期", type: "date" },
  { name: "sector", label: "单位性质", type: "choice",
    choices: [["public", "公有制单位（默认）"], ["non_public", "非公有制单位"]] },
  { name: "tenure_start", label: "任现职起始年份", type: "integer", unit: "年" },
  { name: "grassroots", label: "在乡镇等基层一线工作", type: "boolean" },
  { name: "dual_title", label: "已有同级别其他系列职称（双职称）", type: "boolean" },
  { name: "high_skill_leader", label: "高技能领军人才等", type: "boolean" },
  { name: "accounting_platform", label: "学时已录入青海省会计信息服务平台（经济、审计、统计高级）", type: "boolean" },
  { name: "reform_make_up", label: "因机构改革由管理岗位转为专业技术岗位（2021年补学）", type: "boolean" },
];

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
