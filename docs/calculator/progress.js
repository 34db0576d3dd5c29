// While Python starts in the worker (seconds; longer on a slow phone or network), the page shows
// that it is working and for how long; the form can be filled meanwhile.
export class StartProgress {
  constructor(box, text) {
    this.box = box;
    this.text = text;
    this.started = Date.now();
    this.timer = setInterval(() => this.tick(), 1000);
    this.tick();
  }

  tick() {
    const seconds = Math.round((Date.now() - this.started) / 1000);
    const slow = seconds >= 15 ? "首次打开需要下载约 6 MB 的计算程序，网络较慢时请耐心等待。" : "";
    this.text.textContent = `计算程序正在本机启动（已 ${seconds} 秒），您可以先填写。${slow}`;
  }

  done(message) {
    clearInterval(this.timer);
    const bar = this.box.querySelector("progress");
    if (bar) bar.remove();
    this.text.textContent = message;
  }
}
