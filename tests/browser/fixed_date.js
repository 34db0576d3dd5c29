// The page's Date moved to one day (the tests' TODAY), running on from there: calc's verdicts
// depend on the local date the page reads. Used before each document by the Chromium tests
// (tests/browser/conftest.py, an init script) and the Firefox driver (engines/firefox_driver.mjs, a
// preload script). Only Date moves: timers, performance and its marks are untouched.
(fixed) => {
  const Real = Date;
  const offset = fixed - Real.now();
  globalThis.Date = class extends Real {
    constructor(...args) {
      if (args.length) super(...args);
      else super(Real.now() + offset);
    }

    static now() {
      return Real.now() + offset;
    }
  };
}
