'use strict';
/**
 * The peer side of the whole-process comparison: a node script that reads a
 * raw trace written by generate.js and only parses its messages with
 * drachtio-sip. It splits messages the cheapest way that works on those files
 * (the empty line after the headers, then Content-Length bytes of body), so
 * it does less than `sip-trace check` (no framing heuristics, no positions,
 * no rules).
 *
 * Usage: node scripts/bench/peerCheck.js FILE [lazy|eager]
 */
const fs = require('node:fs');
const drachtio = require('drachtio-sip');

const [file, mode = 'lazy'] = process.argv.slice(2);
const parse = mode === 'eager' ? (s) => drachtio.parser.parseSipMessage(s) : (s) => new drachtio.SipMessage(s);
const text = fs.readFileSync(file).toString('utf8');
const length = text.length;
let pos = 0;
let count = 0;
let failed = 0;
while (pos < length) {
  // Skip the empty lines between messages.
  while (pos < length && (text.charCodeAt(pos) === 13 || text.charCodeAt(pos) === 10)) pos++;
  if (pos >= length) break;
  const headerEnd = text.indexOf('\r\n\r\n', pos);
  if (headerEnd === -1) break;
  const cl = text.indexOf('\r\nContent-Length:', pos);
  const bodyLength = cl !== -1 && cl < headerEnd ? parseInt(text.slice(cl + 17, text.indexOf('\r\n', cl + 17)), 10) || 0 : 0;
  const end = headerEnd + 4 + bodyLength;
  try {
    if (parse(text.slice(pos, end))) count++;
    else failed++;
  } catch {
    failed++;
  }
  pos = end;
}
process.stdout.write(`${count} messages parsed with drachtio-sip (${mode})${failed ? `, ${failed} failed` : ''}\n`);
process.exitCode = failed ? 1 : 0;
