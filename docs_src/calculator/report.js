// Rendering a report (shared/contract/scenario.md) as text nodes: per year the hours per
// category against the requirement, every line with its rule and citation, the title verdict,
// deadlines and errors.
import { clear, el } from "./dom.js";
import { CATEGORY, READINESS, hours } from "./labels.js";

function metBadge(met) {
  if (met === true) return el("span", { class: "calc-badge calc-met" }, "已达标");
  if (met === false) return el("span", { class: "calc-badge calc-short" }, "未达标");
  return el("span", { class: "calc-badge calc-unknown" }, "无法判断");
}

function activityName(scenario, index, kindName) {
  const activity = scenario?.activities?.[index];
  const own = activity && typeof activity.title === "string" && activity.title ? `「${activity.title}」` : "";
  return `第${index + 1}项 ${kindName(activity?.kind)}${own}`;
}

function yearTable(year) {
  const req = year.required || {};
  const rows = [["public", "公需科目"], ["professional", "专业科目"], ["total", "合计"]];
  const body = el("tbody");
  for (const [key, label] of rows) {
    const have = year[key];
    const need = req[key];
    const gap = need === null || need === undefined || have === null || have === undefined ? "—"
      : Math.max(0, need - have) === 0 ? "0" : hours(need - have);
    body.append(el("tr", { dataset: { category: key } },
      el("th", { scope: "row" }, label), el("td", {}, hours(have)), el("td", {}, hours(need)), el("td", {}, gap)));
  }
  return el("table", { class: "calc-table" },
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "类别"), el("th", { scope: "col" }, "已计学时"),
      el("th", { scope: "col" }, "要求"), el("th", { scope: "col" }, "差额"))),
    body);
}

function renderYear(year, scenario, kindName) {
  const box = el("section", { class: "calc-year-report", dataset: { year: year.year } });
  box.append(el("h3", {}, `${year.year}年 `, metBadge(year.met)));
  box.append(yearTable(year));
  const facts = [];
  if (year.required_source === "user") facts.push("该年度的要求是您填写的数字，不是本站收录的通知中的规定。");
  if (year.required_source === null || year.required_source === undefined) {
    facts.push("本站收录的通知没有规定该年度的学时要求；可在“自填年度要求”中按您收到的通知填写。");
  }
  if (year.complete) facts.push("该年度视为已完成全部学时。");
  if (year.professional_full) facts.push("该年度专业科目学时已整体认定（按规定折算为全年专业科目要求）。");
  for (const text of [...facts, ...(year.notes || [])]) box.append(el("p", { class: "calc-note" }, text));

  const lines = el("ul", { class: "calc-lines" });
  for (const line of year.lines || []) {
    const capped = line.uncapped !== undefined && line.uncapped !== null && line.uncapped !== line.hours;
    lines.append(el("li", { dataset: { activity: line.activity, rule: line.rule } },
      el("div", { class: "calc-line-head" },
        el("span", {}, Number.isInteger(line.activity) ? activityName(scenario, line.activity, kindName) : line.name || kindName(line.kind)),
        el("strong", {}, `${CATEGORY[line.category] || "不计类别"} ${hours(line.hours)}学时`),
        capped ? el("span", { class: "calc-cut" }, `（按规则计 ${hours(line.uncapped)}，受上限限制）`) : null),
      line.note ? el("div", { class: "calc-note" }, line.note) : null,
      el("div", { class: "calc-cite" }, `依据：${line.citation || "—"}`, el("span", { class: "calc-rule" }, ` 规则 ${line.rule || "—"}`)),
      line.quote ? el("blockquote", { class: "calc-quote" }, line.quote) : null,
      line.reading ? el("div", { class: "calc-reading" }, `本站理解：${line.reading}`) : null));
  }
  if ((year.lines || []).length) box.append(lines);
  return box;
}

function renderReadiness(readiness) {
  const box = el("section", { class: "calc-readiness", dataset: { status: readiness.status } });
  box.append(el("h3", {}, "职称申报学时条件：", el("span", { class: `calc-badge calc-${readiness.status}` }, READINESS[readiness.status] || readiness.status)));
  const facts = [];
  if (readiness.years_needed) facts.push(`需要达标年度数：${readiness.years_needed}`);
  if ((readiness.years_counted || []).length) facts.push(`计入的年度：${readiness.years_counted.join("、")}`);
  for (const text of facts) box.append(el("p", {}, text));
  if ((readiness.shortfall || []).length) {
    const list = el("ul", { class: "calc-shortfall" });
    for (const s of readiness.shortfall) {
      const parts = [];
      if (s.public) parts.push(`公需科目差 ${hours(s.public)} 学时`);
      if (s.professional) parts.push(`专业科目差 ${hours(s.professional)} 学时`);
      list.append(el("li", {}, `${s.year}年：${parts.join("，") || "未达标"}`));
    }
    box.append(el("p", {}, "尚缺："), list);
  }
  if ((readiness.reasons || []).length) box.append(el("ul", { class: "calc-reasons" }, readiness.reasons.map((r) => el("li", {}, r))));
  if ((readiness.citations || []).length) box.append(el("p", { class: "calc-cite" }, `依据：${readiness.citations.join("；")}`));
  return box;
}

function renderErrors(errors, scenario, kindName) {
  const list = el("ul", { class: "calc-errors" });
  for (const e of errors) {
    const where = Number.isInteger(e.activity) ? `${activityName(scenario, e.activity, kindName)}：` : "";
    list.append(el("li", {}, `${where}${e.message}`));
  }
  return el("section", { class: "calc-error-list" }, el("h3", {}, "需要修改的地方"), list);
}

/** Fill `container` with the report; `kindName(id)` gives a kind's Chinese name. */
export function renderReport(container, report, scenario, kindName) {
  clear(container);
  const errors = report.errors || [];
  if (errors.length) container.append(renderErrors(errors, scenario, kindName));
  if (report.readiness) container.append(renderReadiness(report.readiness));
  for (const year of report.years || []) container.append(renderYear(year, scenario, kindName));
  if (!(report.years || []).length && !errors.length) {
    container.append(el("p", { class: "calc-hint" }, "添加学习或成果后，这里会显示每年的学时。"));
  }
  if ((report.deadlines || []).length) {
    container.append(el("section", { class: "calc-deadlines" }, el("h3", {}, "截止时间"),
      el("ul", {}, report.deadlines.map((d) => el("li", {}, el("time", { datetime: String(d.date).slice(0, 10) }, d.date), ` ${d.what}`)))));
  }
}

/** Whether the report says the scenario as a whole cannot be used (not an object, unknown region, version). */
export function isUnusable(report) {
  const errors = report.errors || [];
  return (report.years || []).length === 0 && errors.some((e) => e.activity === null || e.activity === undefined);
}
