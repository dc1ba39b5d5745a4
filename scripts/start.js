#!/usr/bin/env node
'use strict';
// Interim `npm start` until the offline code-server launcher lands: explains how to run the built extension.
process.stdout.write(`SIP Trace is built (dist/).

To try it in desktop VS Code: open this folder in VS Code and press F5
("Launch Extension"); a new window opens with the extension loaded.

The CLI works right away:
  node bin/sip-trace.js check --format text samples/ ../shared/corpus/rfc4475
`);
