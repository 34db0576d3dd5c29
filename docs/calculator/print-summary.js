// The one-page self-check summary for printing (shown only in print, calculator.css): marked
// 非官方自查, with the verdict, a table per year, the evidence to keep for each activity, the rule
// data version and the date. User text is set as text only.
import { clear, el } from "./dom.js";
import { shown, term, words } from "./vocabulary.js";

/**
 * The evidence to keep for an activity: what the user wrote, else what the rule data names for its
 * kind (catalogue `evidence_text`: the notice's words with the clause, or the site's advice, said so).
 */
export function evidenceFor(activity, kind) {
  if (typeof activity?.evidence === "string" && activity.evidence) return activity.evidence;
  return kind?.evidence_text || "—";
}

export function renderPrintSummary(container, { report, scenario, policyName, kindName, kindOf = () => null, credited, place = () => null, today = new Date() }) {
  clear(container);
  const date = `${today.getFullYear()}年${today.getMonth() + 1}月${today.getDate()}日`;
  container.append(
    el("h2", {}, "继续教育学时自查表", el("span", { class: "calc-print-mark" }, "非官方自查")),
    el("p", { class: "calc-print-meta" },
      `地区：${policyName}　生成日期：${date}　规则数据版本：${report.data_version ?? "—"}`),
    el("p", { class: "calc-print-meta" }, "本表由“继续教育学时自查”网站根据本人填写的内容在本机生成，不是主管部门的审核结果；以主管部门登记审核为准。"));

  const r = report.readiness;
  container.append(el("p", { class: "calc-print-verdict" },
    r ? `结论（${r.target || term("title_application")}）：${r.verdict_label}。${term("next_step")}：${r.next_step.text}`
      : `结论：${words().messages.no_target}`));
  if (r?.plan?.summary_text) container.append(el("p", { class: "calc-print-meta" }, r.plan.summary_text));

  // the years as the entries done give them (planned ones never count here); a year the
  // application judges otherwise (an age reduction) shows its figures for the application
  const years = report.years || [];
  if (years.length) {
    container.append(el("table", { class: "calc-print-table" },
      el("caption", {}, `逐年${term("hours")}（${term("credited")}/${term("required")}；计划中的不计入）`),
      el("thead", {}, el("tr", {}, ["年度", words().category.public, words().category.professional, "状态"]
        .map((t) => el("th", { scope: "col" }, t)))),
      el("tbody", {}, years.map((y) => {
        const app = y.application;
        const cell = (k) => (app ? `${shown(y[k])}/${shown(app.required[k])}` : y.category_text[k]);
        const state = app ? `${app.state_label}（${app.basis_text}）` : y.state_label;
        return el("tr", {}, el("th", { scope: "row" }, `${y.year}${y.required_source === "user" ? `（${term("user_requirement")}）` : ""}`),
          el("td", {}, cell("public")), el("td", {}, cell("professional")), el("td", {}, state));
      }))));
  }

  const activities = Array.isArray(scenario.activities) ? scenario.activities : [];
  const done = [];
  const planned = [];
  activities.forEach((a, i) => (a && typeof a === "object" && a.planned === true ? planned : done).push([a, i]));
  const row = ([a, i]) => {
    const lines = credited.get(i) || [];
    const got = lines.map((l) => `${words().category_short[l.category] || ""}${shown(l.hours)}`).join("；") || term("not_credited");
    const title = typeof a?.title === "string" && a.title ? `「${a.title}」` : "";
    const cell = place(a);
    const what = cell ? `${words().category[cell.category]}（${kindName(a?.kind)}）` : `${kindName(a?.kind)}${title}`;
    return el("tr", {}, el("td", {}, String(i + 1)), el("td", {}, a && a.year !== undefined ? String(a.year) : ""),
      el("td", {}, what), el("td", {}, got), el("td", {}, evidenceFor(a, kindOf(a?.kind))));
  };
  if (done.length) {
    const listed = done.slice(0, 60);
    container.append(el("table", { class: "calc-print-table" },
      el("caption", {}, `各项学习和成果，及应保留的${term("evidence")}`),
      el("thead", {}, el("tr", {}, ["#", "年度", "类型与名称", term("counted"), `应保留的${term("evidence")}`].map((t) => el("th", { scope: "col" }, t)))),
      el("tbody", {}, listed.map(row))));
    if (done.length > listed.length) container.append(el("p", {}, `另有 ${done.length - listed.length} 项未列出（见导出的情景文件）。`));
  }
  if (planned.length) {
    container.append(el("table", { class: "calc-print-table calc-print-planned" },
      el("caption", {}, `${term("planned")}：尚未完成，不计入上面的学时和结论`),
      el("thead", {}, el("tr", {}, ["#", "年度", "类型与名称", `完成后${term("counted")}`, `应保留的${term("evidence")}`].map((t) => el("th", { scope: "col" }, t)))),
      el("tbody", {}, planned.slice(0, 20).map(row))));
  }
  container.append(el("p", { class: "calc-print-meta" }, "本人确认以上内容如实填写。签名：＿＿＿＿＿＿　日期：＿＿＿＿＿＿"));
}
