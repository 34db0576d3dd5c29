// Pre-compressed copies for static hosts (run by sitebuild/compress.py):
//   node sitebuild/compress.mjs CACHE_DIR FILE...
// writes FILE.gz (gzip -9) and FILE.br (brotli, top quality 11, 16 MiB window) next to each FILE,
// in parallel (libuv's pool), and prints one JSON line per file: {file, raw, gz, br, cached}.
//
// Quality 11 on the large files is what a first visit on a phone waits for (issue 14): the
// runtime's wasm is 2.77 MB instead of 3.13 MB at quality 9, the memory snapshot 0.91 MB instead
// of 1.00 MB. It is slow (the wasm alone takes about a minute on 2 cores), so every copy is kept in
// CACHE_DIR under the SHA-256 of the file it was made from, and made again only when that file
// changes: the Pyodide runtime never does between builds, the snapshot does every time (about 12 s).
// The window is brotli's largest standard one, 16 MiB (lgwin 24): the snapshot (9.4 MB) and the wasm
// (9.6 MB) fit in it whole, so brotli's "large window" (up to 1 GiB; browsers' Content-Encoding
// decoders do not support it anyway) would find no longer matches.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);
const { BROTLI_PARAM_QUALITY, BROTLI_PARAM_LGWIN, BROTLI_PARAM_SIZE_HINT, BROTLI_PARAM_MODE, BROTLI_MODE_TEXT, BROTLI_MODE_GENERIC } = zlib.constants;
const TEXT = /\.(html|js|mjs|css|json|svg|xml|txt)$/;
const [cacheDir, ...files] = process.argv.slice(2);
await fs.mkdir(cacheDir, { recursive: true });
const used = new Set();

async function cachedOr(key, make) {
  const file = path.join(cacheDir, key);
  used.add(key);
  try {
    return [await fs.readFile(file), true];
  } catch {
    const data = await make();
    await fs.writeFile(`${file}.tmp`, data);
    await fs.rename(`${file}.tmp`, file);
    return [data, false];
  }
}

await Promise.all(files.map(async (file) => {
  const data = await fs.readFile(file);
  const digest = crypto.createHash("sha256").update(data).digest("hex");
  const [[gz, gzCached], [br, brCached]] = await Promise.all([
    cachedOr(`${digest}.gz`, () => gzip(data, { level: 9 })),
    cachedOr(`${digest}.br`, () => brotli(data, { params: {
      [BROTLI_PARAM_QUALITY]: 11,
      [BROTLI_PARAM_LGWIN]: 24,
      [BROTLI_PARAM_SIZE_HINT]: data.length,
      [BROTLI_PARAM_MODE]: TEXT.test(file) ? BROTLI_MODE_TEXT : BROTLI_MODE_GENERIC,
    } })),
  ]);
  await fs.writeFile(`${file}.gz`, gz);
  await fs.writeFile(`${file}.br`, br);
  process.stdout.write(JSON.stringify({ file, raw: data.length, gz: gz.length, br: br.length, cached: gzCached && brCached }) + "\n");
}));

// Copies of files that are no longer in the site are dropped.
for (const name of await fs.readdir(cacheDir)) {
  if (!used.has(name)) await fs.rm(path.join(cacheDir, name), { force: true });
}
