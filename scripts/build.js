#!/usr/bin/env node
'use strict';
/**
 * Bundles what ships: the extension client, the language server and the CLI,
 * each into one file under dist/. Type checking is `tsc -b` (run before this
 * by `npm run compile`); esbuild only bundles.
 */
const esbuild = require('esbuild');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
};

if (production) {
  // A production build writes no source maps: drop the ones a development
  // build left, so no stale map describes a minified bundle.
  for (const name of ['extension.js.map', 'server.js.map', 'fullParseWorker.js.map', 'cli.js.map']) {
    require('node:fs').rmSync(path.join(root, 'dist', name), { force: true });
  }
}

Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' }),
  // The server's idle full-parse check runs this in a worker thread; it must sit next to server.js.
  esbuild.build({ ...common, entryPoints: ['server/src/fullParseWorker.ts'], outfile: 'dist/fullParseWorker.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/cli.js' }),
]).catch((error) => {
  process.stderr.write(`build failed: ${error.message}\n`);
  process.exit(1);
});
