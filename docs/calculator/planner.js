// The planner: from the report's readiness.plan, the least extra hours that make the title
// application's years enough, per year and category, the kinds that can still supply them
// (valid that year, room under their caps), a one-click suggestion, and the year's deadlines.
import { el } from "./dom.js";
import { CATEGORY, hours } from "./labels.js";
import { deadlineCalendar } from "./calendar.js";

/**
 * The activity that supplies `gap` hours of `category` in `year`, or null. calc says for each
 * option whether one entry with a single number can supply it (`entry`: {field, value, hours}:
 * hours as stated, or whole units at a fixed rate, 公需课 1 门 = 30 学时); kinds without a cap
 * come first, then those with room enough, then whatever supplies some of it.
 */
export function suggestion(year, category, gap, options) {
  const usable = (options || []).filter((o) => !o.whole_requirement && o.entry);
  const best = usable.find((o) => o.room === null || o.room === undefined) || usable.find((o) => o.entry.hours >= gap) || usable[0];
  if (!best) return null;
  const { field, value } = best.entry;
  return { activity: { kind: best.kind, year, [field]: value, title: "计划补学" }, name: best.name, entry: best.entry };
}

/** "20 学时", or "1 门（30 学时）" when the entry is counted in other units. */
function unitsText({ activity, entry }, kindOf) {
  if (entry.field === "hours") return `${hours(entry.hours)} 学时`;
  const unit = (kindOf(activity.kind)?.fields || []).find((f) => f.name === entry.field)?.unit || "";
  return `${entry.value} ${unit}（${hours(entry.hours)} 学时）`;
}

function optionText(o) {
  if (o.whole_requirement) return `${o.name}（可整体认定全年专业科目）`;
  if (o.room !== null && o.room !== undefined) return `${o.name}（当年还可计 ${hours(o.room)} 学时）`;
  return o.name;
}

/** The planner section, or null when there is nothing to plan. `onAdd(activity)` adds an entry. */
export function plannerSection(report, { kindOf, onAdd, currentYear }) {
  const plan = report.readiness?.plan;
  const box = el("section", { class: "calc-planner" }, el("h3", {}, "补学计划"));
  const calendarYear = currentYear;
  if (plan && (plan.years || []).length) {
    box.append(el("p", { class: "calc-state" }, `要满足这次申报，最少还需 ${hours(plan.extra_hours)} 学时：`));
    for (const y of plan.years) {
      const part = el("div", { class: "calc-plan-year", dataset: { year: y.year } });
      part.append(el("h4", {}, `${y.year}年`));
      for (const category of ["public", "professional"]) {
        const gap = y[category];
        if (!gap) continue;
        const options = y.options?.[category] || [];
        part.append(el("p", {}, `${CATEGORY[category]}还差 ${hours(gap)} 学时。`));
        const hint = suggestion(y.year, category, gap, options);
        if (hint) {
          part.append(el("button", {
            type: "button", class: "md-button calc-plan-add", dataset: { year: y.year, category },
            on: { click: () => onAdd(hint.activity) },
          }, `添加：${y.year}年${hint.name} ${unitsText(hint, kindOf)}`));
        }
        if (options.length) {
          part.append(el("details", { class: "calc-plan-options" },
            el("summary", {}, `可以补的类型（${options.length} 类）`),
            el("ul", {}, options.map((o) => el("li", {}, optionText(o))))));
        } else {
          part.append(el("p", { class: "calc-warning" }, "该年度已没有可计入这一类别的类型（都已到上限或不适用）。"));
        }
      }
      const personal = y.deadlines || [];
      if (personal.length) {
        part.append(el("p", { class: "calc-note" }, "截止：", personal.map((d) => `${d.date} ${d.what}`).join("；")));
      }
      box.append(part);
    }
  } else if (report.readiness) {
    if (report.readiness.status === "ready" || report.readiness.status === "exempt") {
      box.append(el("p", {}, "这次申报不需要再补学时。"));
    } else {
      box.append(el("p", {}, "无法给出补学计划：部分年度的要求未知。填写这些年度的要求后再看。"));
    }
  } else {
    box.append(el("p", { class: "calc-hint" }, "在“职称申报”中选择申报方式、级别和年度，这里会算出最少还需补多少学时、可以补哪些类型。"));
  }
  const calendar = deadlineCalendar(report.deadlines || [], calendarYear);
  if (calendar) {
    box.append(el("h4", {}, `${calendarYear}年的截止时间`), calendar);
  } else {
    // the notices give deadlines for their own years only: say so rather than show nothing
    box.append(el("p", { class: "calc-note calc-no-deadlines" },
      `本站收录的通知没有给出${calendarYear}年的截止时间，请以当年的通知为准`,
      (report.deadlines || []).length ? "（通知给出的其他年度的时间节点见下方“截止时间”）。" : "。"));
  }
  return box;
}
