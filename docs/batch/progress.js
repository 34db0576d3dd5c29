// While a run works: the progress bar, what is being done and for how long (the seconds tick),
// and 停止. The bar has no value while the program starts or the file is read (how long that takes
// is not known), then counts the people checked. The page stays usable throughout: Python works
// in the worker, and each chunk's answer is drawn in a short task.
import { byId } from "../calculator/dom.js";

export class RunProgress {
  constructor() {
    this.box = byId("batch-progress");
    this.bar = byId("batch-bar");
    this.text = byId("batch-progress-text");
    this.timer = null;
    this.words = () => "";
  }

  /** (Again) from the start, saying `words(seconds)` every second. */
  show(words) {
    clearInterval(this.timer);
    this.started = Date.now();
    this.words = words;
    this.box.hidden = false;
    this.bar.removeAttribute("value");
    this.timer = setInterval(() => this.tick(), 1000);
    this.tick();
  }

  tick() {
    this.text.textContent = this.words(Math.round((Date.now() - this.started) / 1000));
  }

  /** The file is being read (or waits for the program to start). */
  reading(name, ready) {
    this.show((s) => (ready() ? `正在读取“${name}”（已 ${s} 秒）…` : `正在等待计算程序启动（已 ${s} 秒），然后读取“${name}”…`));
  }

  /** `done` of `total` people checked. */
  checking(done, total) {
    this.bar.max = Math.max(total, 1);
    this.bar.value = done;
    this.words = (s) => `已计算 ${done} / ${total} 人（已 ${s} 秒）`;
    this.tick();
  }

  /** Something else that takes a while (the printed sheets): `done` of `total`. */
  counting(what, done, total) {
    if (this.box.hidden) this.show(() => "");
    this.bar.max = Math.max(total, 1);
    this.bar.value = done;
    this.words = (s) => `${what}：${done} / ${total}（已 ${s} 秒）`;
    this.tick();
  }

  hide() {
    clearInterval(this.timer);
    this.box.hidden = true;
  }
}
