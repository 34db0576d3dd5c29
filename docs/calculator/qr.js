// QR codes as SVG elements (built node by node, no markup strings), from the self-hosted
// qrcode-generator (site/vendor/qrcode.mjs, pinned in package.json).
import qrcode from "../vendor/qrcode.mjs";

const SVG = "http://www.w3.org/2000/svg";

/** An <svg> QR code of `text`, or null when the text is too long for a QR code. */
export function qrSvg(text, label, { level = "M", quiet = 4 } = {}) {
  let qr;
  try {
    qr = qrcode(0, level);
    qr.addData(text, "Byte");
    qr.make();
  } catch {
    return null; // code length overflow
  }
  const n = qr.getModuleCount();
  const size = n + quiet * 2;
  let d = "";
  for (let row = 0; row < n; row += 1) {
    for (let col = 0; col < n; col += 1) {
      if (qr.isDark(row, col)) d += `M${col + quiet},${row + quiet}h1v1h-1z`;
    }
  }
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
  svg.setAttribute("class", "calc-qr");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.setAttribute("shape-rendering", "crispEdges");
  const bg = document.createElementNS(SVG, "rect");
  bg.setAttribute("width", String(size));
  bg.setAttribute("height", String(size));
  bg.setAttribute("fill", "#fff");
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", d);
  path.setAttribute("fill", "#000");
  svg.append(bg, path);
  return svg;
}
