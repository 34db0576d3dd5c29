// The 单位批量自查 page (docs/batch/index.md, its markup in the page): starts the calculation
// program first (the calculator's worker, started normally: engine.js), loads calc's catalogue
// (words, limits, regions and kinds), then lets the person choose or drop a file (run.js), filter
// and search the results (table.js), export them (downloads.js) and print (print.js). #batch
// carries data-engine (loading, ready, failed; data-error: why) and data-status (idle, reading,
// checking, done, refused, stopped, error) for the tests. The file is read in this browser only.
import { byId } from "../calculator/dom.js";
import { failureHeadline } from "../calculator/engine-failure.js";
import { page } from "../calculator/state.js";
import { exportResults } from "./downloads.js";
import { BatchEngine } from "./engine.js";
import { printSheets, printTable } from "./print.js";
import { RunProgress } from "./progress.js";
import { runFile, setStatus, showMessage } from "./run.js";
import { batch } from "./state.js";
import { applyFilter, showMore } from "./table.js";

const root = byId("batch");

function onEngine(state, info = {}) {
  if (state === "ready") {
    root.dataset.engine = "ready";
    delete root.dataset.error;
    byId("batch-engine").hidden = true;
  } else if (state === "failed" && info.reason !== "stopped") {
    root.dataset.engine = "failed";
    root.dataset.error = info.reason;
    batch.progress.hide();
    byId("batch-engine").hidden = true;
    showMessage(failureHeadline(info.reason));
    byId("batch-retry-box").hidden = false;
  } else if (state === "failed") {
    root.dataset.engine = "loading"; // stopped by the person: a new worker starts at once
  }
}

/** After a failure: a new worker, and the last file again. */
function retry() {
  byId("batch-retry-box").hidden = true;
  showMessage(null);
  root.dataset.engine = "loading";
  batch.engine.restart();
  if (batch.file) runFile(batch.file);
  else setStatus("idle");
}

/** A file chosen or dropped: one, the first (not before the page has calc's catalogue). */
function choose(files) {
  const file = files && files[0];
  if (!file) return;
  if (byId("batch-file").disabled) showMessage("本页还在载入，请稍后再选择文件。");
  else runFile(file);
}

/** A button that waits for the program: disabled meanwhile, with the program's failure said. */
function action(id, work) {
  const button = byId(id);
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      await work();
    } catch (err) {
      if (!err || err.reason === undefined) showMessage("计算程序内部出错，没有完成。请再试一次。");
    } finally {
      button.disabled = false;
    }
  });
}

function wire() {
  const input = byId("batch-file");
  input.addEventListener("change", () => {
    choose(input.files);
    input.value = ""; // the same file chosen again runs again
  });
  const drop = byId("batch-drop");
  drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("batch-drop-over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("batch-drop-over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("batch-drop-over");
    choose(event.dataTransfer && event.dataTransfer.files);
  });
  byId("batch-stop").addEventListener("click", () => batch.engine.stop());
  byId("batch-retry").addEventListener("click", retry);
  byId("batch-filter").addEventListener("change", (event) => {
    batch.filter = event.target.value;
    applyFilter();
  });
  byId("batch-search").addEventListener("input", (event) => {
    batch.query = event.target.value;
    applyFilter();
  });
  action("batch-export-xlsx", () => exportResults("xlsx"));
  action("batch-export-csv", () => exportResults("csv"));
  byId("batch-more").addEventListener("click", showMore);
  action("batch-print-table", printTable);
  action("batch-print-sheets", printSheets);
  window.addEventListener("afterprint", () => {
    root.dataset.print = "table"; // the browser's own print command prints the table
  });
}

async function start() {
  batch.progress = new RunProgress();
  batch.engine = new BatchEngine(root.dataset.worker, onEngine); // Python starts while the rest loads
  wire(); // at once: a file dropped meanwhile is not opened by the browser in place of the page
  try {
    const response = await fetch(root.dataset.catalogue);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    page.catalogue = await response.json();
  } catch {
    showMessage("本页的数据没能下载下来：请检查网络连接后刷新本页。");
    return;
  }
  byId("batch-file").disabled = false;
}

start();
