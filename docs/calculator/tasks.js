// Short main-thread tasks (issue 5): a long piece of work yields between its slices.

const SLICE_MS = 10; // a slice of a long drawing: short tasks on a slow phone too

/** Let the browser handle input (and draw, when a frame is due) before going on. */
export function nextTask() {
  if (globalThis.scheduler && typeof globalThis.scheduler.yield === "function") return globalThis.scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * `step(i)` for each i below `count`, in slices of about SLICE_MS, yielding to the browser
 * between them (a big report's years, a comparison's regions: issue 22). What fits in one slice
 * is done at once, in the caller's task. Stops, answering false, as soon as `current()` is false
 * (a newer drawing took over); true once every step ran.
 */
export async function inSlices(count, step, current = () => true) {
  let start = performance.now();
  for (let i = 0; i < count; i += 1) {
    if (!current()) return false;
    step(i);
    if (i + 1 < count && performance.now() - start > SLICE_MS) {
      await nextTask();
      start = performance.now();
    }
  }
  return current();
}
