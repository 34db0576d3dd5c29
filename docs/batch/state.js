// The 单位批量自查 page's state: the one object that changes while the page works, and its one
// home; no other module of the page keeps state at module level. calc's catalogue (words, limits,
// regions and kinds) is not here: the calculator's modules this page reuses (vocabulary.js,
// regions.js, limits.js, print-summary.js) read it from the calculator's state (calculator/
// state.js, page.catalogue), where app.js puts it once loaded; there page.scenario is the
// scenario whose printed sheet is being drawn (regions.js names its region and kinds).
//
//   engine     the calculation program (engine.js), made first at start
//   progress   the progress bar and its words (progress.js), made at start
//   file       the file chosen last (kept for 重新计算 after the program restarts), or null
//   run        the number of the current run: a newer run (another file) makes an older one stop
//   today      the date the current run computes as of (YYYY-MM-DD, read once at its start)
//   rows       one entry per person row of the result, in input order:
//              {result, problems, scenario, node} (calc's result, its 问题 lines, the row's
//              scenario, the table row once it is drawn)
//   rest       what concerns no one person: {result, problems}, or null
//   limit      how many of the rows that match the table shows (table.js: a page at a time)
//   filter     the chosen 结论 ("" all, a status code, "none" no application, "problems")
//   query      the name searched for ("" none)
export const batch = {
  engine: null,
  progress: null,
  file: null,
  run: 0,
  today: null,
  rows: [],
  rest: null,
  limit: 0,
  filter: "",
  query: "",
};
