// Share links. Two forms, both read for ever (the contract: #s= is always accepted):
//
//   #s=DATA  DATA = the scenario's UTF-8 JSON in base64url without padding;
//   #z=DATA  DATA = the same JSON compressed with deflate (zlib, RFC 1950: CompressionStream
//            "deflate"), in base64url without padding — about a quarter of the length.
//
// "deflate" rather than "deflate-raw": CompressionStream has it since Chromium 80 (deflate-raw only
// since 103; office PCs run 360/QQ browsers on older Chromium cores), Firefox 113, Safari 16.4.
// Where the browser has no CompressionStream the page makes #s= links, and says so when it is
// given a #z= link it cannot open. A link is offered only up to MAX_LINK_CHARS characters
// (README: 分享链接的长度); past that the page offers the file instead.
import { FROM_LINK, refusal } from "./files.js";
import { writeJson } from "./json-text.js";
import { limits } from "./limits.js";

function toBase64url(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(data) {
  let b64 = data.replace(/\s+/g, "").replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
  if (!/^[A-Za-z0-9+/]*$/.test(b64) || b64.length % 4 === 1) return null;
  b64 += "=".repeat((4 - (b64.length % 4)) % 4);
  let binary;
  try {
    binary = atob(b64);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length); // a plain loop: Uint8Array.from with a map was 30 ms for 500 activities
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function encodeScenario(scenario) {
  return toBase64url(new TextEncoder().encode(writeJson(scenario)));
}

export const canCompress = () => typeof CompressionStream === "function" && typeof DecompressionStream === "function";

async function deflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflate, stopping once the output passes `limit` bytes (a small link must not unpack to GBs). */
async function inflate(bytes, limit) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate")).getReader();
  const parts = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      reader.cancel().catch(() => {});
      return { tooLarge: true };
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return { bytes: out };
}

function utf8(bytes) {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { error: refusal("input_link_not_utf8", FROM_LINK) };
  }
}

function tooLarge() {
  return { error: refusal("input_link_too_large", FROM_LINK) };
}

/**
 * Decode a link's DATA into the scenario's JSON text: {text} or {error: Chinese message}.
 * `form` is "s" or "z". Padding and the standard alphabet are accepted too.
 */
export async function decodeShare({ form, data }) {
  // base64 is 4/3 of the bytes: a longer link cannot hold a scenario within the limit
  if (form === "s" && data.length > (limits().MAX_SCENARIO_BYTES * 4) / 3 + 4) return tooLarge();
  const bytes = fromBase64url(data);
  if (!bytes) return { error: refusal("input_link_not_base64", FROM_LINK) };
  if (form === "s") return utf8(bytes);
  if (!canCompress()) {
    return { error: refusal("input_link_no_inflate", FROM_LINK) };
  }
  let inflated;
  try {
    inflated = await inflate(bytes, limits().MAX_SCENARIO_BYTES);
  } catch {
    return { error: refusal("input_link_not_inflated", FROM_LINK) };
  }
  return inflated.tooLarge ? tooLarge() : utf8(inflated.bytes);
}

/** What the address asks for: {share: {form, data}|null, policy: id|null}. */
export function readAddress(location) {
  // The fragment is split by hand: URLSearchParams would turn a "+" (standard base64) into a space.
  let share = null;
  for (const part of location.hash.replace(/^#/, "").split("&")) {
    const form = part.startsWith("s=") ? "s" : part.startsWith("z=") ? "z" : null;
    if (!form) continue;
    let data = part.slice(2);
    try {
      data = decodeURIComponent(data);
    } catch {
      // keep it as it is: decoding will report the damage
    }
    share = { form, data };
  }
  return { share, policy: new URLSearchParams(location.search).get("policy") };
}

/**
 * The share link for this scenario: the shorter of #z= (where the browser compresses) and #s=.
 * Resolves with {url, length, tooLong}; tooLong when it passes limits().MAX_LINK_CHARS.
 */
export async function makeShareLink(location, scenario) {
  const base = `${location.origin}${location.pathname}${location.search}`;
  const json = new TextEncoder().encode(writeJson(scenario));
  let url = `${base}#s=${toBase64url(json)}`;
  if (canCompress()) {
    try {
      const packed = `${base}#z=${toBase64url(await deflate(json))}`;
      if (packed.length < url.length) url = packed;
    } catch {
      // #s= it is
    }
  }
  return { url, length: url.length, tooLong: url.length > limits().MAX_LINK_CHARS };
}
