/**
 * The quick check (rules/quick/) may only call a message clean when the
 * message rules report nothing for it: otherwise a problem would silently
 * vanish from the Problems panel. Held here on every message of the corpus,
 * the samples and the benchmark's synthetic trace, and on 60,000 seeded
 * mutations of clean messages that aim at the grammar's edges (separators,
 * quotes, escapes, numbers at their limits, missing parameters).
 *
 * It must also be worth having: ordinary messages take it. A check that
 * turned everything down would pass the first test and slow every trace.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTrace } from '../../../server/src/sip/parse';
import type { Problem, SipMessage, TraceModel } from '../../../server/src/sip/model';
import { MESSAGE_RULES } from '../../../server/src/sip/rules/index';
import type { RuleContext } from '../../../server/src/sip/rules/types';
import { isQuicklyClean } from '../../../server/src/sip/rules/quick/cleanMessage';
import { REPO_ROOT, corpusFiles, prng, readText } from '../helpers';
import { INVITE, message, replaceLine, request, response, sdpInvite } from './ruleHelpers';

/** What the message rules themselves report for a message (the engine's full path). */
function ruleReports(model: TraceModel, m: SipMessage): Problem[] {
  const found: Problem[] = [];
  const context: RuleContext = {
    text: model.text,
    model,
    report(code, start, end, text) {
      found.push({ code, start, end, message: text });
    },
  };
  for (const rule of MESSAGE_RULES) rule(m, context);
  return found;
}

/** Checks every message of `text`; returns how many the quick check took. */
function holdsOn(text: string, where: string): { messages: number; quick: number } {
  const model = parseTrace(text);
  let quick = 0;
  for (const m of model.messages) {
    if (!isQuicklyClean(model.text, m)) continue;
    quick++;
    const reports = ruleReports(model, m);
    if (reports.length > 0) {
      assert.fail(`${where}: the quick check called message ${m.index} clean, but the rules report ` +
        `${reports.map((r) => `${r.code} (${r.message})`).join('; ')}\n${JSON.stringify(model.text.slice(m.start, m.end))}`);
    }
  }
  return { messages: model.messages.length, quick };
}

interface GeneratorModule {
  generateTrace(options: { seed?: number; messages?: number; formats?: string[] }): { texts: Record<string, string>; messages: string[] };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require(path.join(REPO_ROOT, 'scripts', 'bench', 'generate.js')) as GeneratorModule;

const corpus = [...corpusFiles('rfc4475'), ...corpusFiles('rfc5118'), ...corpusFiles('formats')];
const samples = fs.readdirSync(path.join(REPO_ROOT, 'samples')).filter((f) => f.endsWith('.sip')).map((f) => path.join(REPO_ROOT, 'samples', f));

test('a message the quick check calls clean gets no report from the rules: corpus and samples', () => {
  let quick = 0;
  for (const file of [...corpus, ...samples, path.join(REPO_ROOT, 'test', 'fixtures', 'calls.sip')]) {
    quick += holdsOn(readText(file), path.basename(file)).quick;
  }
  assert.ok(quick > 50, `the quick check took only ${quick} corpus messages`);
});

test('every message of the synthetic benchmark trace (ordinary traffic) takes the quick check, and the rules agree', () => {
  const text = generator.generateTrace({ seed: 7, messages: 3000, formats: ['raw'] }).texts.raw;
  const { messages, quick } = holdsOn(text, 'synthetic trace');
  assert.ok(messages >= 3000, `${messages} messages`);
  assert.equal(quick, messages);
});

test('ordinary requests and responses take the quick check', () => {
  const cases: Record<string, string> = {
    'INVITE with SDP': sdpInvite(['v=0', 'o=alice 2890844526 2890844526 IN IP4 192.0.2.10', 's=-', 'c=IN IP4 192.0.2.10', 't=0 0',
      'm=audio 49170 RTP/AVP 0 8 101', 'a=rtpmap:0 PCMU/8000', 'a=rtpmap:101 telephone-event/8000', 'a=fmtp:101 0-15']),
    'OPTIONS': message(request('OPTIONS', ['Accept: application/sdp', 'Date: Sat, 13 Nov 2010 23:29:00 GMT'])),
    '180 with a Contact list and Record-Route': message(response('180 Ringing', [
      'Contact: "Bob \\"B\\"" <sip:bob@192.0.2.4;transport=tcp>;expires=60;q=0.5, <sips:bob@example.com>',
      'Record-Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr;ftag=abc>'], 'INVITE')),
    '200 to INVITE': message(response('200 OK', ['Contact: <sip:bob@192.0.2.4>', 'Session-Expires: 1800;refresher=uac'], 'INVITE')),
    'REGISTER with an addr-spec Contact': message(request('REGISTER', ['Contact: sip:alice@192.0.2.1:5062;expires=3600', 'Expires: 3600'], 'sip:example.com')),
    'INVITE with a P-Asserted-Identity tel URI': message([...INVITE, 'P-Asserted-Identity: <tel:+15551234567>', 'Supported: timer, 100rel']),
    'NOTIFY': message(request('NOTIFY', ['Event: dialog', 'Subscription-State: active;expires=599', 'Content-Type: application/dialog-info+xml'], 'sip:alice@192.0.2.1'), ['<dialog-info/>']),
  };
  for (const [name, text] of Object.entries(cases)) {
    const model = parseTrace(text);
    assert.equal(model.messages.length, 1, name);
    assert.deepEqual(ruleReports(model, model.messages[0]), [], `${name}: the rules find nothing`);
    assert.ok(isQuicklyClean(model.text, model.messages[0]), `${name}: takes the quick check`);
  }
});

/**
 * URIs and Via hosts where the scanners' runs end: escapes next to the
 * character that ends a part, an "@" after ";" (the first "@" ends the
 * userinfo), ports with a second colon, hosts with characters host names
 * may not hold. Each goes into the Request-URI, a Contact and a Via; the
 * quick check may take it only when the rules find nothing.
 */
const EDGE_URIS = [
  'sip:%61lice@example.com', 'sip:user;par=u%40example.net@example.com', 'sip:alice:pw%41@example.com:5060;transport=tcp',
  'sip:example.com;lr;x=%41', 'sip:192.0.2.1:65535;maddr=192.0.2.2', 'sips:example.com;a=b;c',
  'sip:alice@exa%41mple.com', 'sip:alice@example.com%41', 'sip:a%4@example.com', 'sip:a%@example.com', 'sip:a%4', 'sip:a%41',
  'sip:@example.com', 'sip::pw@example.com', 'sip:a:b:c@example.com', 'sip:a@b@example.com', 'sip:a:p;w@example.com',
  'sip:example.com;=x', 'sip:example.com;x=', 'sip:example.com;transport', 'sip:example.com;a=b=c', 'sip:example.com;a%4',
  'sip:example.com;a=%4', 'sip:example.com;x;', 'sip:example.com;', 'sip:a@example.com:', 'sip:a@example.com:x',
  'sip:a@example.com:65536', 'sip:a@example.com:50:60', 'sip:a@example.com:5060x', 'sip:a@[::1]', 'sip:a@ex[ample.com',
  'sip:a@ex@mple.com', 'sip:a@ex/ample.com', 'sip:a@', 'sip:a@;lr', 'sip:a@example.com;lr?', 'sip:a@example.com?x=y',
];
/** Name-addr values where the URI reader, not a search for ">", finds the URI's end. */
const EDGE_NAME_ADDRS = [
  '<sip:a@example.com>', '<sip:a@example.com >', '< sip:a@example.com>', '<sip:a@exam ple.com>', '<sip:a@example.com',
  '<sip:a@example.com?subject=x>', '<sip:a@example.com?subject=x&y>', '<sip:a@example.com?x=y>z>', '<sip:a@example.com?x=y >',
  '<sip:a@example.com;lr>@x', '<sip:a@example.com;x=>', '<sip:a@example.com:>', '<sip:a@example.com:5060>>', '<sip:a>@example.com>',
  '<sip:a%4>', '<sip:a%41>', '<tel:+15551234567>', '<tel:+1 555>', '<tel:+1555>;x', '<>', '"A" <sip:a@example.com>;tag=1',
];
const EDGE_VIA_HOSTS = [
  'pc33.example.com', 'pc33.example.com:5060', 'pc33.example.com :5060', 'pc33.example.com: 5060', 'pc33.example.com%41',
  'pc33%41.example.com:5060', 'pc33.example.com:50x', 'pc33.example.com:5060:1', 'pc33@example.com', 'pc33[.example.com',
  '[::1]:5060', 'pc33.example.com:', 'pc33.example.com ;rport',
];

test('URIs, name-addrs and Via hosts on the edges of the scanners: taken only when the rules agree, ordinary ones taken', () => {
  const taken = new Set<string>();
  for (const uri of EDGE_URIS) {
    const texts = [
      message(request('OPTIONS', [], uri)),
      message(request('OPTIONS', [`Contact: <${uri}>`])),
      message(request('OPTIONS', [`Route: <${uri}>`])),
    ];
    for (const text of texts) if (holdsOn(text, uri).quick === 1) taken.add(uri);
  }
  for (const value of EDGE_NAME_ADDRS) {
    for (const line of [`Contact: ${value}`, `Route: ${value}, <sip:p.example.com;lr>`]) {
      if (holdsOn(message(request('OPTIONS', [line])), value).quick === 1) taken.add(value);
    }
  }
  for (const host of EDGE_VIA_HOSTS) {
    const text = message(replaceLine(request('OPTIONS'), 'Via:', `Via: SIP/2.0/UDP ${host};branch=z9hG4bKnashds8`));
    if (holdsOn(text, host).quick === 1) taken.add(host);
  }
  for (const ordinary of ['sip:%61lice@example.com', 'sip:user;par=u%40example.net@example.com', 'sip:example.com;lr;x=%41',
    'sip:192.0.2.1:65535;maddr=192.0.2.2', 'pc33.example.com:5060', 'pc33.example.com :5060', '<sip:a@example.com>',
    '"A" <sip:a@example.com>;tag=1', '<tel:+15551234567>']) {
    assert.ok(taken.has(ordinary), `${ordinary} takes the quick check`);
  }
  for (const wrong of ['sip:alice@exa%41mple.com', 'sip:a%4@example.com', 'sip:a@b@example.com', 'sip:a@example.com:50:60',
    'sip:example.com;transport', 'pc33.example.com%41', 'pc33@example.com', '<sip:a@example.com >', '<sip:a@example.com',
    '<sip:a>@example.com>']) {
    assert.ok(!taken.has(wrong), `${wrong} does not take the quick check`);
  }
});

/** Pieces that sit on the grammar's edges. */
const PIECES = [
  ' ', '\t', ';', ',', ':', '<', '>', '"', '\\', '@', '=', '%', '%4', '%41', '[', ']', '/', '?', '&', '*', '(', ')', '#',
  '.', '-', '_', '+', '!', '~', "'", '0', '00', '1', '9', 'a', 'Z', 'k', '\u00e9', '\u0000', '\u007f', '\u00a0',
  'z9hG4bK', ';branch=', ';tag=', ';expires=', ';q=', ';received=', ';rport', ';rport=', ';lr', ';transport', ';user=',
  ';refresher=', 'uac', 'UAS', '2.0', 'SIP', 'sip:', 'sips:', 'tel:', '::1', '[::1]', '65535', '65536', '255', '256',
  '2147483647', '2147483648', '4294967295', '4294967296', '99999999999999999999', '1.0', '0.999', '1.5', 'GMT', 'Mon',
  '23:59:60', '24:00:00', '\r\n', '\r\n ', '\r\n\r\n', 'INVITE', 'ACK', '?Replaces=x', '<sip:a@b>', '"x"', 'rtpmap:',
  'a=rtpmap:96 opus/48000/2', 'm=audio 0 RTP/AVP 96', 'c=IN IP4 0.0.0.0', 'RTP/SAVPF', ' 96', ' 128',
];

function mutate(random: () => number, text: string): string {
  const int = (n: number) => Math.floor(random() * n);
  let out = text;
  const rounds = 1 + int(3);
  for (let r = 0; r < rounds; r++) {
    const at = int(out.length);
    switch (int(6)) {
      case 0: // insert a piece
        out = out.slice(0, at) + PIECES[int(PIECES.length)] + out.slice(at);
        break;
      case 1: // delete a few characters
        out = out.slice(0, at) + out.slice(at + 1 + int(3));
        break;
      case 2: // replace one character with a piece
        out = out.slice(0, at) + PIECES[int(PIECES.length)] + out.slice(at + 1);
        break;
      case 3: { // drop or repeat a line
        const lines = out.split('\r\n');
        const i = int(lines.length);
        if (int(2) === 0) lines.splice(i, 1);
        else lines.splice(i, 0, lines[i]);
        out = lines.join('\r\n');
        break;
      }
      case 4: { // flip the case of a letter
        const c = out.charCodeAt(at);
        if ((c | 32) >= 97 && (c | 32) <= 122) out = out.slice(0, at) + String.fromCharCode(c ^ 32) + out.slice(at + 1);
        break;
      }
      case 5: // cut the message short
        out = out.slice(0, at);
        break;
    }
  }
  return out;
}

test('60,000 mutations of clean messages: the quick check never calls a message with a report clean', () => {
  const seeds: string[] = generator.generateTrace({ seed: 11, messages: 400, formats: ['raw'] }).messages.slice();
  for (const file of [...samples, ...corpusFiles('rfc4475')]) {
    const model = parseTrace(readText(file));
    for (const m of model.messages) {
      if (isQuicklyClean(model.text, m)) seeds.push(model.text.slice(m.start, m.end));
    }
  }
  const random = prng(0x9c1c);
  let quick = 0;
  for (let i = 0; i < 60_000; i++) {
    const text = mutate(random, seeds[Math.floor(random() * seeds.length)]);
    quick += holdsOn(text, `mutation ${i}`).quick;
  }
  // Many mutations leave a message clean (a letter's case in a value, a valid piece): both paths must see them.
  assert.ok(quick > 5_000, `only ${quick} mutated messages took the quick check`);
});
