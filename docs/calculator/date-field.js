// A date field: a date typed as a person in China writes it (1973-05-01, 1973/5/1, 1973.5.1,
// 19730501, 1973年5月1日; a birth date may be a year and month, 1973-05), in a plain text input
// that behaves the same in every engine — an <input type=date> follows the browser's locale
// (WebKitGTK without a Chinese one shows 月/日/年, and a stored 1973-05-01 typed there became
// 0001-12-05). The scenario keeps what was typed; calc/dates.py, calc's one date reader, reads it.
// Beside the field: the date as calc read it, in words (report.dates[field].text, after 读作), or
// calc's error about it, or — while nothing is typed or calc has not answered yet — the forms it
// takes (calc's MESSAGES date_forms / month_forms). Reads the last report (state.js).
import { el, field, uid } from "./dom.js";
import { page } from "./state.js";
import { message, term } from "./vocabulary.js";

/**
 * The field for the date at `where` ("person.birth_date", "target.date"), captioned `caption`:
 * its input, and the read-back line beside it (outside the label: it describes the input, it does
 * not name it). `onInput(text)` gets the text as typed (undefined when blank). `month`: a year
 * and month is a whole answer here (出生年月).
 */
export function dateField(caption, where, value, onInput, { month = false, hint = null } = {}) {
  const read = el("span", { class: "calc-hint calc-date-read", id: uid("date"), dataset: { dateRead: where, forms: month ? "month_forms" : "date_forms" } });
  // inputmode decimal: a phone offers digits and the point (1973.5.1, 19730501) and lets the
  // person switch keyboards for 年月日; maxlength fits every form with room for stray spaces
  const input = el("input", {
    type: "text", name: where.split(".").pop(), inputmode: "decimal", maxlength: 24, autocomplete: "off",
    placeholder: month ? "如 1973-05-01 或 1973-05" : "如 2025-11-01", "aria-describedby": read.id,
    value: typeof value === "string" ? value : "",
  });
  read.dataset.typed = input.value.trim();
  input.addEventListener("input", () => {
    onInput(input.value.trim() === "" ? undefined : input.value);
    read.dataset.typed = input.value.trim();
    showRead(read, null); // until calc has read the new text: the forms
  });
  showRead(read, page.lastReport);
  return el("div", { class: "calc-field calc-date-field calc-wide" }, field(caption, input, { hint }), read);
}

/** Every date field's read-back line, from a fresh report (status.js calls it for each one). */
export function showDatesRead(report) {
  for (const read of document.querySelectorAll("[data-date-read]")) showRead(read, report);
}

function showRead(read, report) {
  const where = read.dataset.dateRead;
  const error = (report?.errors || []).find((e) => (e.activity === null || e.activity === undefined) && e.field === where);
  const date = report?.dates?.[where];
  let state = "forms";
  let text = message(read.dataset.forms);
  if (read.dataset.typed && error) {
    state = "error";
    text = error.message;
  } else if (read.dataset.typed && date) {
    state = "read";
    text = `${term("read_as")}：${date.text}`;
  }
  read.dataset.state = state;
  read.textContent = text;
}
