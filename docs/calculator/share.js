// Share links: #s=DATA, DATA = the scenario's UTF-8 JSON in base64url without padding.

export function encodeScenario(scenario) {
  const bytes = new TextEncoder().encode(JSON.stringify(scenario));
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * Decode DATA into the scenario's JSON text.
 * Returns {text} or {error: Chinese message}. Padding and the standard alphabet are accepted too.
 */
export function decodeScenarioText(data) {
  let b64 = data.replace(/\s+/g, "").replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
  if (!/^[A-Za-z0-9+/]*$/.test(b64) || b64.length % 4 === 1) {
    return { error: "分享链接已损坏：#s= 后面不是有效的 base64url 数据。" };
  }
  b64 += "=".repeat((4 - (b64.length % 4)) % 4);
  let binary;
  try {
    binary = atob(b64);
  } catch {
    return { error: "分享链接已损坏：#s= 后面不是有效的 base64url 数据。" };
  }
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { error: "分享链接已损坏：内容不是 UTF-8 文本。" };
  }
}

/** What the address asks for: {share: DATA|null, policy: id|null}. */
export function readAddress(location) {
  // The fragment is split by hand: URLSearchParams would turn a "+" (standard base64) into a space.
  let share = null;
  for (const part of location.hash.replace(/^#/, "").split("&")) {
    if (part.startsWith("s=")) {
      share = part.slice(2);
      try {
        share = decodeURIComponent(share);
      } catch {
        // keep it as it is: decoding will report the damage
      }
    }
  }
  return { share, policy: new URLSearchParams(location.search).get("policy") };
}

/** The page's address with #s= for this scenario (the query part, ?policy=, is kept). */
export function shareUrl(location, scenario) {
  return `${location.origin}${location.pathname}${location.search}#s=${encodeScenario(scenario)}`;
}
