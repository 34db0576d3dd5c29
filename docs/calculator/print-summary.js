// The one-page self-check summary for printing (shown only in print, calculator.css): marked
// 非官方自查, with the verdict, a table per year, the evidence to keep for each activity, the rule
// data version and the date. User text is set as text only.
import { clear, el } from "./dom.js";
import { VOCABULARY, shown, term } from "./vocabulary.js";

/**
 * The evidence to keep for an activity: what the user wrote, else what the rule data names for its
 * kind (catalogue `evidence_text`: the notice's words with the clause, or the site's advice, said so).
 */
export function evidenceFor(activity, kind) {
  if (typeof activity?.evidence === "string" && activity.evidence) return activity.evidence;
  return kind?.evidence_text || "—";
}

export function renderPrintSummary(container, { report, scenario, policyName, kindName, kindOf = () => null, credited, today = new Date() }) {
  clear(container);
  const date = `${today.getFullYear()}年${today.getMonth() + 1}月${today.getDate()}日`;
  container.append(
    el("h2", {}, "继续教育学时自查表", el("span", { class: "calc-print-mark" }, "非官方自查")),
    el("p", { class: "calc-print-meta" },
      `地区：${policyName}　生成日期：${date}　规则数据版本：${report.data_version ?? "—"}`),
    el("p", { class: "calc-print-meta" }, "本表由“继续教育学时自查”网站根据本人填写的内容在本机生成，不是主管部门的审核结果；以主管部门登记审核为准。"));

  const r = report.readiness;
  const plan = r?.plan?.summary_text ? `；${r.plan.summary_text}` : "";
  container.append(el("p", { class: "calc-print-verdict" },
    r ? `结论（${r.target || term("title_application")}）：${r.status_label}${plan}`
      : `结论：${VOCABULARY.messages.no_target}`));
  if (r && (r.reasons || []).length) container.append(el("p", { class: "calc-print-meta" }, `说明：${r.reasons[0]}`));

  const years = report.years || [];
  if (years.length) {
    container.append(el("table", { class: "calc-print-table" },
      el("caption", {}, `逐年${term("hours")}（${term("credited")}/${term("required")}）`),
      el("thead", {}, el("tr", {}, ["年度", VOCABULARY.category.public, VOCABULARY.category.professional, term("total"), "状态"]
        .map((t) => el("th", { scope: "col" }, t)))),
      el("tbody", {}, years.map((y) => {
        const q = y.required || {};
        const f = (k) => `${shown(y[k])}/${q[k] === undefined || q[k] === null ? term("unknown") : shown(q[k])}`;
        return el("tr", {}, el("th", { scope: "row" }, `${y.year}${y.required_source === "user" ? `（${term("user_requirement")}）` : ""}`),
          el("td", {}, f("public")), el("td", {}, f("professional")), el("td", {}, f("total")), el("td", {}, y.state_label));
      }))));
  }

  const activities = Array.isArray(scenario.activities) ? scenario.activities : [];
  if (activities.length) {
    const listed = activities.slice(0, 60);
    container.append(el("table", { class: "calc-print-table" },
      el("caption", {}, `各项学习和成果，及应保留的${term("evidence")}`),
      el("thead", {}, el("tr", {}, ["#", "年度", "类型与名称", term("counted"), `应保留的${term("evidence")}`].map((t) => el("th", { scope: "col" }, t)))),
      el("tbody", {}, listed.map((a, i) => {
        const lines = credited.get(i) || [];
        const got = lines.map((l) => `${VOCABULARY.category_short[l.category] || ""}${shown(l.hours)}`).join("；") || term("not_credited");
        const title = typeof a?.title === "string" && a.title ? `「${a.title}」` : "";
        return el("tr", {}, el("td", {}, String(i + 1)), el("td", {}, a && a.year !== undefined ? String(a.year) : ""),
          el("td", {}, `${kindName(a?.kind)}${title}`), el("td", {}, got), el("td", {}, evidenceFor(a, kindOf(a?.kind))));
      }))));
    if (activities.length > listed.length) container.append(el("p", {}, `另有 ${activities.length - listed.length} 项未列出（见导出的情景文件）。`));
  }
  container.append(el("p", { class: "calc-print-meta" }, "本人确认以上内容如实填写。签名：＿＿＿＿＿＿　日期：＿＿＿＿＿＿"));
}
