// The share link panel: made only when asked (personal data is never put in the address bar on
// its own), with a warning that the link holds everything entered, a copy button and a QR code.
// A scenario whose link would pass MAX_LINK_CHARS gets no link: the panel says why and
// offers the file instead (a browser or a messenger may cut or refuse a longer link).
import { clear, el } from "./dom.js";
import { limits } from "./limits.js";
import { qrSvg } from "./qr.js";
import { makeShareLink } from "./share.js";

const QR_MAX = 2000; // characters a QR code of level L holds here (qr.js)

export function wireSharePanel({ button, panel, input, copy, qrBox, longBox, scenario, exportFile }) {
  const linkParts = [input.closest("label") || input, copy];
  button.addEventListener("click", async () => {
    const link = await makeShareLink(location, scenario());
    panel.hidden = false;
    clear(qrBox);
    clear(longBox);
    longBox.hidden = !link.tooLong;
    for (const part of linkParts) part.hidden = link.tooLong;
    if (link.tooLong) {
      input.value = "";
      longBox.append(
        `内容较多：分享链接将有 ${link.length.toLocaleString("zh-CN")} 个字符，超过 ${limits().MAX_LINK_CHARS.toLocaleString("zh-CN")} 个字符。`
        + "这么长的链接，部分浏览器打不开，微信等聊天软件也可能截断，所以不提供链接。请导出文件，把文件发给对方，对方用“导入文件”打开。",
        " ",
        el("button", { type: "button", class: "md-button", on: { click: () => exportFile() } }, "导出文件"),
      );
      return;
    }
    input.value = link.url;
    const svg = link.url.length <= QR_MAX ? qrSvg(link.url, "分享链接的二维码", { level: "L" }) : null;
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
