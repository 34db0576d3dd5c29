// The calculation worker: starts Pyodide from the site's own files (../pyodide/) and answers
// {type: "evaluate", id, scenario: JSON text} with {type: "report", id, report: JSON text},
// computed by calc.evaluate_json, the same code the command line and the tests run.
import { loadPyodide } from "../pyodide/pyodide.mjs";

const base = new URL("../pyodide/", import.meta.url).href;
let calc = null;
let failure = null;

const started = (async () => {
  try {
    const pyodide = await loadPyodide({
      indexURL: base,
      lockFileURL: `${base}pyodide-lock.json`,
      packageBaseUrl: base, // never the default CDN
      packages: ["calc"],
      stdout: () => {},
      stderr: (line) => console.warn(line),
    });
    calc = pyodide.pyimport("calc");
    self.postMessage({ type: "ready" });
  } catch (err) {
    failure = `计算程序无法启动：${(err && err.message) || err}`;
    self.postMessage({ type: "failed", message: failure });
  }
})();

let newest = 0;

self.addEventListener("message", async (event) => {
  const msg = event.data;
  if (!msg || msg.type !== "evaluate") return;
  newest = Math.max(newest, msg.id);
  await started;
  if (msg.id !== newest) return; // a newer request came while Python was starting
  if (!calc) {
    self.postMessage({ type: "error", id: msg.id, message: failure });
    return;
  }
  try {
    self.postMessage({ type: "report", id: msg.id, report: calc.evaluate_json(msg.scenario) });
  } catch (err) {
    self.postMessage({ type: "error", id: msg.id, message: `计算出错：${(err && err.message) || err}` });
  }
});
