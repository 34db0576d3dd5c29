// The results as a file the person keeps (导出结果): calc writes it in the worker
// (calc.batch_export: every person in input order, then what concerns no one person, whatever the
// table shows), and the page offers it as a download named after the day the results were
// computed as of. Nothing is kept anywhere else.
import { el } from "../calculator/dom.js";
import { batch } from "./state.js";

const TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv;charset=utf-8",
};

/** Offer bytes as a file called `name` (a link to them, clicked). */
function offer(bytes, name, type) {
  const link = el("a", { href: URL.createObjectURL(new Blob([bytes], { type })), download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Export the results as "xlsx" or "csv"; rejects when the program cannot write them. */
export async function exportResults(form) {
  const results = batch.rows.map((row) => row.result);
  if (batch.rest) results.push(batch.rest.result);
  const answer = await batch.engine.ask("batch-export", { results: JSON.stringify(results), form });
  offer(answer.bytes, `单位批量自查结果-${batch.today}.${form}`, TYPES[form]);
}
