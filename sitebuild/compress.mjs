// Pre-compressed copies for static hosts (run by sitebuild/compress.py):
//   node sitebuild/compress.mjs FILE...
// writes FILE.gz (gzip -9) and FILE.br (brotli) next to each FILE, in parallel (libuv's pool),
// and prints one JSON line per file: {file, raw, gz, br}. Brotli's top quality (11) is far too
// slow on the 10 MB wasm and the 10 MB snapshot, so files over 1 MB get quality 9 with a 16 MiB
// window, which keeps the whole build within a few minutes. Except the memory snapshot: it is
// what a first visit downloads instead of the standard library, so it gets the top quality, 11
// (0.91 MB, against 0.94 MB at 10 and 1.00 MB at 9; about 12 s on 2 cores, in parallel with the
// wasm). The window is brotli's largest standard one, 16 MiB (lgwin 24): the snapshot (9.4 MB) and
// the wasm (9.6 MB) fit in it whole, so brotli's "large window" (up to 1 GiB, which browsers'
// Content-Encoding decoders do not support anyway) would find no longer matches.
import fs from "node:fs/promises";
import { promisify } from "node:util";
import zlib from "node:zlib";

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);
const { BROTLI_PARAM_QUALITY, BROTLI_PARAM_LGWIN, BROTLI_PARAM_SIZE_HINT, BROTLI_PARAM_MODE, BROTLI_MODE_TEXT, BROTLI_MODE_GENERIC } = zlib.constants;
const TEXT = /\.(html|js|mjs|css|json|svg|xml|txt)$/;
const SNAPSHOT = /\/calc-[0-9a-f]+\.bin$/; // sitebuild/snapshot.py

await Promise.all(process.argv.slice(2).map(async (file) => {
  const data = await fs.readFile(file);
  const big = data.length > 1_000_000;
  const [gz, br] = await Promise.all([
    gzip(data, { level: 9 }),
    brotli(data, { params: {
      [BROTLI_PARAM_QUALITY]: SNAPSHOT.test(file) ? 11 : big ? 9 : 11,
      [BROTLI_PARAM_LGWIN]: 24,
      [BROTLI_PARAM_SIZE_HINT]: data.length,
      [BROTLI_PARAM_MODE]: TEXT.test(file) ? BROTLI_MODE_TEXT : BROTLI_MODE_GENERIC,
    } }),
  ]);
  await fs.writeFile(`${file}.gz`, gz);
  await fs.writeFile(`${file}.br`, br);
  process.stdout.write(JSON.stringify({ file, raw: data.length, gz: gz.length, br: br.length }) + "\n");
}));
