// One run of the batch check: the chosen file, read by calc in the worker (calc.batch.read), its
// people checked a chunk at a time as of one day (calc.batch.check: the bar moves between chunks,
// each chunk's rows are drawn as they come), then what concerns no one person. A file calc cannot
// use is refused in calc's words, and nothing else changes. A newer run (another file chosen)
// makes an older one stop at its next answer. The page never holds more of the file than calc
// reads: a larger file is given to calc cut one byte past MAX_BATCH_BYTES, and calc says it is
// too large.
import { byId } from "../calculator/dom.js";
import { EngineFailure, localDate } from "../calculator/engine.js";
import { limits } from "../calculator/limits.js";
import { batch } from "./state.js";
import { addRows, clearResults, showRest, showResults } from "./table.js";

const CHUNK = 20; // people a request: tens of ms of Python, so the bar moves several times a second

export function setStatus(status) {
  byId("batch").dataset.status = status;
}

/** The message under the file chooser (null: none). */
export function showMessage(text) {
  const box = byId("batch-message");
  box.textContent = text || "";
  box.hidden = !text;
}

export async function runFile(file) {
  batch.run += 1;
  const run = batch.run;
  byId("batch").dataset.run = String(run);
  const current = () => run === batch.run;
  batch.file = file;
  batch.today = localDate();
  clearResults();
  showMessage(null);
  setStatus("reading");
  batch.progress.reading(file.name, () => batch.engine.ready);
  try {
    let data;
    try {
      data = await file.slice(0, limits().MAX_BATCH_BYTES + 1).arrayBuffer();
    } catch {
      throw new Unreadable(`文件“${file.name}”无法读取（可能已被移动、删除或正被其他程序使用），请重新选择。`);
    }
    const read = await batch.engine.ask("batch-read", { data, name: file.name }, [data]);
    if (!current()) return;
    if (read.problem) throw new Unreadable(read.problem.message);
    showResults();
    setStatus("checking");
    batch.progress.checking(0, read.count);
    const ask = (from) => batch.engine.ask("batch-check", { from, to: from + CHUNK, today: batch.today });
    let next = read.count ? ask(0) : null;
    for (let from = 0; from < read.count; from += CHUNK) {
      const answer = await next;
      if (!current()) return;
      if (from + CHUNK < read.count) next = ask(from + CHUNK); // the worker computes while this chunk is drawn
      addRows(answer);
      batch.progress.checking(Math.min(from + CHUNK, read.count), read.count);
    }
    const rest = await batch.engine.ask("batch-rest");
    if (!current()) return;
    showRest(rest);
    batch.progress.hide();
    setStatus("done");
  } catch (err) {
    if (!current()) return;
    batch.progress.hide();
    if (err instanceof Unreadable) {
      setStatus("refused");
      showMessage(err.message);
    } else if (err instanceof EngineFailure) {
      setStatus(err.reason === "stopped" ? "stopped" : "error"); // app.js says why the program stopped
      if (err.reason === "stopped") showMessage("已停止。可以重新选择文件。");
    } else {
      setStatus("error");
      showMessage("这份文件无法计算：计算程序内部出错。请检查文件内容，或把人员分成几个文件再试。");
    }
  }
}

/** A file that cannot be used, and why (calc's words, or the page's when the browser cannot read it). */
class Unreadable extends Error {}
