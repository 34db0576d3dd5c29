// While Python starts in the worker (seconds; longer on a slow phone or network), the page shows
// that it is working, for how long, and whether it is still downloading; the form can be filled
// meanwhile. A download that stops moving is engine.js's to notice (its stall watch), not this
// text's: the words here never claim more than what is happening.
export class StartProgress {
  constructor(box, text) {
    this.box = box;
    this.text = text;
    this.bar = box.querySelector("progress");
    this.restart();
  }

  /** (Again) from the start: a new worker is starting. */
  restart() {
    clearInterval(this.timer);
    if (this.bar && !this.bar.isConnected) this.box.prepend(this.bar);
    this.started = Date.now();
    this.downloading = true;
    this.timer = setInterval(() => this.tick(), 1000);
    this.tick();
  }

  /** What the worker is doing: still downloading its files, or starting Python. */
  update({ downloading }) {
    if (downloading === this.downloading) return;
    this.downloading = downloading;
    this.tick();
  }

  tick() {
    const seconds = Math.round((Date.now() - this.started) / 1000);
    const doing = this.downloading ? "正在下载并启动" : "已下载完毕，正在本机启动";
    const slow = seconds >= 15 && this.downloading ? "首次打开需要下载约 4 MB 的计算程序，网络较慢时请耐心等待。" : "";
    this.text.textContent = `计算程序${doing}（已 ${seconds} 秒），您可以先填写。${slow}`;
  }

  done(message) {
    clearInterval(this.timer);
    if (this.bar) this.bar.remove();
    this.text.textContent = message;
  }
}
