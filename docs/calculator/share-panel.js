// The share link panel: made only when asked (personal data is never put in the address bar on
// its own), with a warning that the link holds everything entered, a copy button and a QR code.
import { clear, el } from "./dom.js";
import { qrSvg } from "./qr.js";
import { shareUrl } from "./share.js";

export function wireSharePanel({ button, panel, input, copy, qrBox, scenario }) {
  button.addEventListener("click", () => {
    const url = shareUrl(location, scenario());
    input.value = url;
    panel.hidden = false;
    clear(qrBox);
    const svg = url.length <= 2000 ? qrSvg(url, "分享链接的二维码", { level: "L" }) : null;
    if (svg) {
      qrBox.append(svg, el("figcaption", {}, "用手机扫码打开（二维码同样包含您填写的全部内容）"));
    } else {
      qrBox.append(el("figcaption", {}, "内容较多，无法放进二维码；请复制链接，或用“导出文件”保存后发送文件。"));
    }
    input.focus();
    input.select();
  });
  copy.addEventListener("click", async () => {
    input.select();
    let ok = false;
    try {
      await navigator.clipboard.writeText(input.value);
      ok = true;
    } catch {
      ok = false;
    }
    copy.textContent = ok ? "已复制" : "请长按或用 Ctrl+C 复制";
    setTimeout(() => { copy.textContent = "复制链接"; }, 3000);
  });
}
