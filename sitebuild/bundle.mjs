// The page scripts joined with the modules they import (run by sitebuild/bundle.py):
//   node sitebuild/bundle.mjs DOCS GENERATED TARGET METAFILE ENTRY...
// esbuild (pinned in package.json) bundles each ENTRY (a path inside DOCS, docs/) into
// GENERATED/ENTRY (build/generated/), not minified, for the browsers of TARGET, and writes its
// metafile. docs/ is only read. A module the site serves that the build made (a vendor file:
// sitebuild/vendor.py) is in GENERATED, not in docs/: it is read from there under its path in
// docs/, as in the site where both folders are one, so the bundle names every module by its path
// on the site (vendor/qrcode.mjs, calculator/qr.js).
import fs from "node:fs";
import path from "node:path";
import * as esbuild from "esbuild";

const [docs, generated, target, metafile, ...entries] = process.argv.slice(2);
const docsDir = path.resolve(docs);
const generatedDir = path.resolve(generated);

/** The build's copy of a file of the site that docs/ does not hold, or null. */
function madeByTheBuild(file) {
  const rel = path.relative(docsDir, file);
  if (rel.startsWith("..") || path.isAbsolute(rel) || fs.existsSync(file)) return null;
  const made = path.join(generatedDir, rel);
  return fs.existsSync(made) ? made : null;
}

const siteFolder = {
  name: "site-folder",
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const file = path.resolve(args.resolveDir, args.path);
      return madeByTheBuild(file) ? { path: file } : undefined;
    });
    build.onLoad({ filter: /.*/ }, (args) => {
      const made = madeByTheBuild(args.path);
      return made ? { contents: fs.readFileSync(made, "utf8"), loader: "js", resolveDir: path.dirname(args.path) } : undefined;
    });
  },
};

const result = await esbuild.build({
  absWorkingDir: docsDir, // the metafile's paths and the bundle's module comments are relative to docs/
  entryPoints: entries,
  bundle: true,
  format: "esm",
  target: target.split(","),
  outdir: generatedDir,
  outbase: docsDir,
  legalComments: "inline",
  charset: "utf8",
  logLevel: "warning",
  metafile: true,
  plugins: [siteFolder],
});
fs.writeFileSync(metafile, JSON.stringify(result.metafile));
