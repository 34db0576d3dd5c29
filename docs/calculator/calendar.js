// A small calendar: the months of a year that have deadlines, as month grids with those days
// marked, and the deadlines listed under each month. Which deadlines are past (已过) is calc's
// (`deadlines[].passed`, as of the report's `today`); the day marked 今天 is the report's `today`.
import { el } from "./dom.js";

const WEEKDAYS = ["一", "二", "三", "四", "五", "六", "日"];

function parseDate(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(text || ""));
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}

function monthGrid(year, month, marked, today) {
  const first = new Date(year, month - 1, 1);
  const days = new Date(year, month, 0).getDate();
  const offset = (first.getDay() + 6) % 7; // Monday first
  const body = el("tbody");
  let row = el("tr");
  for (let i = 0; i < offset; i += 1) row.append(el("td", {}));
  for (let day = 1; day <= days; day += 1) {
    const isToday = today.y === year && today.m === month && today.d === day;
    const mark = marked.get(day);
    const cls = [mark ? "calc-cal-due" : "", isToday ? "calc-cal-today" : ""].join(" ").trim() || null;
    row.append(el("td", { class: cls, title: mark || null },
      String(day), mark ? el("span", { class: "calc-sr" }, `：${mark}`) : null,
      isToday ? el("span", { class: "calc-sr" }, "（今天）") : null));
    if ((offset + day) % 7 === 0) {
      body.append(row);
      row = el("tr");
    }
  }
  if (row.children.length) body.append(row);
  return el("table", { class: "calc-cal" },
    el("caption", {}, `${year}年${month}月`),
    el("thead", {}, el("tr", {}, WEEKDAYS.map((w) => el("th", { scope: "col" }, w)))),
    body);
}

/** Deadlines ({date, time?, what, who?, citation?, passed}) of `year` as a calendar, `today` the
 * report's (YYYY-MM-DD); null when there are none. */
export function deadlineCalendar(deadlines, year, today = null) {
  const now = parseDate(today) || { y: null, m: null, d: null };
  const byMonth = new Map();
  for (const d of deadlines || []) {
    const date = parseDate(d.date);
    if (!date || date.y !== year) continue;
    if (!byMonth.has(date.m)) byMonth.set(date.m, []);
    byMonth.get(date.m).push({ ...d, day: date.d });
  }
  if (!byMonth.size) return null;
  const box = el("div", { class: "calc-calendar" });
  for (const month of [...byMonth.keys()].sort((a, b) => a - b)) {
    const items = byMonth.get(month);
    const marked = new Map();
    for (const d of items) marked.set(d.day, [marked.get(d.day), d.what].filter(Boolean).join("；"));
    const list = el("ul", { class: "calc-cal-list" }, items.map((d) => {
      const past = d.passed === true;
      return el("li", { class: past ? "calc-cal-past" : null },
        el("time", { datetime: String(d.date).slice(0, 10) }, `${month}月${d.day}日${d.time ? ` ${d.time}` : ""}`),
        d.who ? ` 【${d.who}】` : " ", d.what, past ? "（已过）" : "",
        d.citation ? el("span", { class: "calc-cite" }, `（${d.citation}）`) : null);
    }));
    box.append(el("div", { class: "calc-cal-month" }, monthGrid(year, month, marked, now), list));
  }
  return box;
}
