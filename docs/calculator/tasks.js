// Short main-thread tasks (issue 5): a long piece of work yields between its slices.

/** Let the browser handle input (and draw, when a frame is due) before going on. */
export function nextTask() {
  if (globalThis.scheduler && typeof globalThis.scheduler.yield === "function") return globalThis.scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
