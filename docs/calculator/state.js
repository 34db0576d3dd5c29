// The page's state: the one object that changes while the person works, and its one home. No
// other module of the page keeps state of its own at module level; each room reads and writes
// the fields it names here, and nothing else is shared between them.
//
//   catalogue     calc's catalogue as loaded (calculator/catalogue.json: policies, catalogues,
//                 limits, vocabulary, rules_hash); vocabulary.js and limits.js read it
//   scenario      the scenario being edited: every edit changes it, every calculation reads it
//   rawText       a share link's text that is not a JSON object: evaluated as it is, once
//   blocked       a share link that could not be read: nothing to evaluate until an edit
//   held          the start-up guard: the saved scenario is not calculated until the user says so
//   pendingText   the text sent before Python was ready (the guard marks it once it is)
//   queued        a calculation is queued for the next task (edits in one task ask once)
//   engine        the calculation program (engine.js), made first at start
//   lastReport    the last fresh report (parsed), drawn again when the form asks
//   drawing       counts the reports drawn: a big one drawn in slices stops when a newer begins
//   redraw        the form asked for the report drawn again while one was being drawn
//   lastAnnounced the sentence last given to the screen reader (#announce)
//   printPending  the print summary waits for its own task
//   offline       the service worker has been asked for (once, after the first result)
//   parts         the page's working parts, made once at start (app.js): autosave (storage.js),
//                 lastResult, progress, activities, grid, history
export const page = {
  catalogue: {
    policies: [], catalogues: {}, limits: {}, rules_hash: null,
    vocabulary: { terms: {}, messages: {}, fields: { activity: [], target: [], requirement: [] } },
  },
  scenario: { version: 1, policy: "", activities: [] },
  rawText: null,
  blocked: false,
  held: false,
  pendingText: null,
  queued: false,
  engine: null,
  lastReport: null,
  drawing: 0,
  redraw: false,
  lastAnnounced: "",
  printPending: false,
  offline: false,
  parts: null,
};
