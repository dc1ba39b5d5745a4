#!/usr/bin/env node
'use strict';
// Thin launcher: the server is bundled into dist/server.js by `npm run compile`.
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'server.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('sip-trace-language-server: dist/server.js is missing; run `npm run compile` first\n');
  process.exit(2);
}
require(bundle);
