// The 单位批量自查 page's requests, answered inside the calculation worker: calculator/worker.js
// imports this module on the first request whose type starts with "batch-" and hands it a Python
// started normally (calc's memory snapshot holds neither calc.batch nor openpyxl). Not bundled: the
// worker loads it by URL, and the calculator's worker never does.
//
// Requests are answered one at a time, in the order they came, each with
// {type: "batch-answer", id, ...} or {type: "batch-failed", id, reason} (reason: null when calc
// raised for this input, a defect; else why Python stopped, as worker.js names it). Everything is
// calc's (calc/batch.py, calc/batch_export.py); this module only moves it between the page and
// Python:
//
//   batch-read    {data: ArrayBuffer, name}  calc.batch.read_json; the people are kept here for the
//                                            checks. Answers {count, problem}.
//   batch-check   {from, to, today}          calc.batch.check_json of people[from, to) as of today,
//                                            with calc.batch_export.problems_json (the 问题 lines)
//                                            and each person's scenario (what the calculator opens).
//                                            Answers {results, problems, scenarios}.
//   batch-rest    {}                         calc.batch.unassigned_json: what concerns no one person.
//                                            Answers {result, problems} (result null when nothing).
//   batch-reports {scenarios, today}         calc.evaluate_json of each scenario (JSON texts), for the
//                                            printed sheets. Answers {reports} (JSON texts).
//   batch-export  {results, form}            calc.batch_export.write_json (results: JSON text; form
//                                            "xlsx" or "csv"). Answers {bytes: ArrayBuffer}.
//
// openpyxl (with et_xmlfile: the lockfile's depends) is loaded from the site only when an .xlsx is
// read or written.

const XLSX = /\.(xlsx|xlsm)$/i;
const REQUESTS = new Set(["read", "check", "rest", "reports", "export"]); // batch-<name>: a method below

export class BatchRequests {
  /**
   * @param {() => Promise<object>} python  a Pyodide with calc, started normally (worker.js)
   * @param {(err) => string|null} reasonOf  "memory" when an error says memory ran out (worker.js)
   */
  constructor(python, reasonOf) {
    this.python = python;
    this.reasonOf = reasonOf;
    this.queue = Promise.resolve();
    this.readText = null; // read_json's text of the last file (for unassigned_json)
    this.people = []; // its people, for the checks
    this.openpyxl = null;
  }

  answer(msg) {
    this.queue = this.queue.then(() => this.handle(msg));
  }

  async handle(msg) {
    try {
      const request = msg.type.replace(/^batch-/, "");
      if (!REQUESTS.has(request)) throw new Error(`unknown request ${msg.type}`);
      const pyodide = await this.python();
      const answer = await this[request](pyodide, msg);
      self.postMessage({ type: "batch-answer", id: msg.id, ...answer }, answer.bytes ? [answer.bytes] : []);
    } catch (err) {
      // A Python exception leaves Python working (calc could not handle this input); anything else
      // (a WebAssembly trap, memory exhausted, a download that failed) stopped it.
      console.warn(`batch: ${msg.type} failed: ${(err && err.stack) || err}`);
      const python = err && err.name === "PythonError";
      const reason = (err && err.reason) || (python ? (/MemoryError/.test(err.message) ? "memory" : null) : this.reasonOf(err) || "crashed");
      self.postMessage({ type: "batch-failed", id: msg.id, reason });
    }
  }

  /** openpyxl, from the site's own lockfile, once. */
  async needOpenpyxl(pyodide) {
    this.openpyxl ??= pyodide.loadPackage(["openpyxl"], { messageCallback: () => {}, errorCallback: (m) => console.warn(m) });
    await this.openpyxl;
    if (!pyodide.loadedPackages.openpyxl) throw Object.assign(new Error("openpyxl could not be loaded"), { reason: "download" });
  }

  async read(pyodide, { data, name }) {
    if (XLSX.test(name)) await this.needOpenpyxl(pyodide);
    this.readText = null;
    this.people = [];
    const text = call(pyodide, "calc.batch", "read_json", new Uint8Array(data), name);
    const found = JSON.parse(text);
    this.readText = text;
    this.people = found.people;
    return { count: found.people.length, problem: found.problem };
  }

  check(pyodide, { from, to, today }) {
    const chunk = this.people.slice(from, to);
    const results = call(pyodide, "calc.batch", "check_json", JSON.stringify(chunk), today);
    return {
      results: JSON.parse(results),
      problems: JSON.parse(call(pyodide, "calc.batch_export", "problems_json", results)),
      scenarios: chunk.map((person) => person.scenario),
    };
  }

  rest(pyodide) {
    const text = call(pyodide, "calc.batch", "unassigned_json", this.readText);
    const result = JSON.parse(text);
    return { result, problems: result ? JSON.parse(call(pyodide, "calc.batch_export", "problems_json", `[${text}]`))[0] : [] };
  }

  reports(pyodide, { scenarios, today }) {
    return { reports: scenarios.map((text) => call(pyodide, "calc", "evaluate_json", text, today)) };
  }

  async export(pyodide, { results, form }) {
    if (form === "xlsx") await this.needOpenpyxl(pyodide);
    const made = call(pyodide, "calc.batch_export", "write_json", results, form);
    try {
      return { bytes: made.toJs().slice().buffer };
    } finally {
      made.destroy();
    }
  }
}

/** module.function(...args) in Python; a str comes back as a string, bytes as a proxy. */
function call(pyodide, module, name, ...args) {
  const imported = pyodide.pyimport(module);
  try {
    return imported[name](...args);
  } finally {
    imported.destroy();
  }
}
