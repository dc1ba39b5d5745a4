'use strict';
/**
 * Deterministic synthetic SIP traces for the benchmark.
 *
 * A seeded stream of realistic messages (CRLF, RFC 3261 shapes, valid
 * Content-Length) from a mix of scenarios:
 *   - INVITE dialogs with SDP: INVITE, 100, 180, 200 (SDP), ACK, BYE, 200;
 *   - REGISTER with a digest challenge: REGISTER, 401, REGISTER (credentials), 200;
 *   - OPTIONS keepalives: OPTIONS, 200;
 *   - presence: SUBSCRIBE, 200, NOTIFY (PIDF body), 200.
 * Messages average about 615 bytes, like the reference trace of issue 10
 * (32,000 messages, about 19.7 MB).
 *
 * The same seed always yields the same messages in the same order, whatever
 * the requested size (a smaller trace is a prefix of a larger one), and the
 * wrapping is applied per message, so every format carries exactly the same
 * SIP text:
 *   - `raw`: messages separated by an empty line;
 *   - `ngrep`: `ngrep -W byline` output (`U date time src -> dst` lines, each CR shown as `.`);
 *   - `asterisk`: chan_sip `sip set debug on` console output (LF only, `<--- ... --->` frames).
 *
 * As a command: node scripts/bench/generate.js --size 20MB [--format raw|ngrep|asterisk] [--seed N] --out FILE
 */
const fs = require('node:fs');
const { createRandom } = require('./prng');

const FORMATS = ['raw', 'ngrep', 'asterisk'];
/** The server side of every message: a PBX / proxy. */
const SERVER = { ip: '198.51.100.20', port: 5060 };
/** A session border controller in front of some callers. */
const SBC = { ip: '203.0.113.5', port: 5060 };
const DOMAIN = 'example.com';
const USER_AGENTS = ['Bench-Phone/7.2.1 (PolyLike VVX 450)', 'Zoiper rv2.10.19.2', 'Linphone/5.2.4 (belle-sip/5.2.0)', 'Grandstream GXP2170 1.0.11.23'];
const SERVER_AGENT = 'Bench-PBX 20.7.0';
const ALLOW = 'INVITE, ACK, CANCEL, BYE, OPTIONS, NOTIFY, REFER, UPDATE, PRACK, INFO, SUBSCRIBE, MESSAGE';

/** An endless, deterministic stream of messages: `{ sip, src, dst, time, received }`. */
function* messageStream(seed) {
  const rnd = createRandom(seed);
  const state = { time: Date.UTC(2024, 0, 1, 10, 0, 0), cseqBase: 1 };
  const clients = [];
  for (let i = 0; i < 200; i++) {
    clients.push({
      ip: `192.0.2.${2 + (i % 250)}`,
      port: rnd.pick([5060, 5062, 5080, rnd.int(20000, 60000)]),
      user: `+1555${rnd.digits(7)}`,
      name: rnd.pick(['Alice', 'Bob', 'Carol', 'Dave', 'Erin', 'Frank', 'Grace', 'Heidi']) + ' ' + rnd.alnum(4),
      agent: rnd.pick(USER_AGENTS),
    });
  }
  for (;;) {
    const roll = rnd.next();
    let scenario;
    if (roll < 0.55) scenario = inviteDialog(rnd, clients, state);
    else if (roll < 0.75) scenario = registerChallenge(rnd, clients, state);
    else if (roll < 0.87) scenario = optionsPing(rnd, clients, state);
    else scenario = presence(rnd, clients, state);
    for (let i = 0; i < scenario.length; i++) {
      const m = scenario[i];
      state.time += rnd.int(1, 40);
      m.time = state.time;
      // A trace ends only after a whole scenario, so no request is left unanswered.
      m.last = i === scenario.length - 1;
      yield m;
    }
  }
}

// ---------------------------------------------------------------- scenarios

function transaction(rnd) {
  return 'z9hG4bK' + rnd.hex(16);
}

function viaOf(addr, branch, received) {
  return `SIP/2.0/UDP ${addr.ip}:${addr.port};branch=${branch};rport${received ? `=${addr.port};received=${addr.ip}` : ''}`;
}

function inviteDialog(rnd, clients, state) {
  const caller = rnd.pick(clients);
  const callee = rnd.pick(clients);
  const callId = `${rnd.hex(32)}@${caller.ip}`;
  const fromTag = rnd.hex(10);
  const toTag = rnd.hex(12);
  const branch = transaction(rnd);
  const cseq = rnd.int(1, 9000);
  const proxied = rnd.chance(0.5);
  const ruri = `sip:${callee.user}@${DOMAIN};user=phone`;
  const from = `"${caller.name}" <sip:${caller.user}@${DOMAIN}>;tag=${fromTag}`;
  const to = `<sip:${callee.user}@${DOMAIN};user=phone>`;
  const toTagged = `${to};tag=${toTag}`;
  const rr = proxied ? [['Record-Route', `<sip:${SERVER.ip}:${SERVER.port};lr;ftag=${fromTag};did=${rnd.hex(6)}.${rnd.hex(4)}>`]] : [];
  const sdpOffer = sdp(rnd, caller.ip, 'offer');
  const sdpAnswer = sdp(rnd, SERVER.ip, 'answer');
  const up = { src: caller, dst: SERVER, received: true };
  const down = { src: SERVER, dst: caller, received: false };
  // Half the calls cross an SBC: its Via sits on top of the caller's.
  const sbc = (sbcBranch, received) => (proxied ? [['Via', viaOf(SBC, sbcBranch, received)]] : []);
  const inviteSbcBranch = transaction(rnd);
  const inviteVia = [...sbc(inviteSbcBranch, false), ['Via', viaOf(caller, branch, false)]];
  const respVia = [...sbc(inviteSbcBranch, true), ['Via', viaOf(caller, branch, true)]];
  const common = (f, t, c) => [['From', f], ['To', t], ['Call-ID', callId], ['CSeq', c]];
  const msgs = [];
  msgs.push({
    ...up,
    sip: request('INVITE', ruri, [
      ...inviteVia, ['Max-Forwards', '70'], ...common(from, to, `${cseq} INVITE`),
      ['Contact', `<sip:${caller.user}@${caller.ip}:${caller.port};transport=udp>;+sip.instance="<urn:uuid:${uuid(rnd)}>"`],
      ['P-Asserted-Identity', `"${caller.name}" <sip:${caller.user}@${DOMAIN};user=phone>`],
      ['Allow', ALLOW], ['Supported', 'replaces, timer, 100rel'], ['Session-Expires', '1800'], ['Min-SE', '90'],
      ['Allow-Events', 'talk, hold, conference, refer, check-sync'], ['User-Agent', caller.agent], ['Content-Type', 'application/sdp'],
    ], sdpOffer),
  });
  msgs.push({ ...down, sip: response(100, 'Trying', [...respVia, ...common(from, to, `${cseq} INVITE`), ['Server', SERVER_AGENT]]) });
  msgs.push({
    ...down,
    sip: response(180, 'Ringing', [
      ...respVia, ...rr, ...common(from, toTagged, `${cseq} INVITE`),
      ['Contact', `<sip:${callee.user}@${SERVER.ip}:${SERVER.port}>`], ['Allow', ALLOW], ['Supported', 'replaces, timer'],
      ['Server', SERVER_AGENT],
    ]),
  });
  msgs.push({
    ...down,
    sip: response(200, 'OK', [
      ...respVia, ...rr, ...common(from, toTagged, `${cseq} INVITE`),
      ['Contact', `<sip:${callee.user}@${SERVER.ip}:${SERVER.port}>`], ['Allow', ALLOW], ['Supported', 'replaces, timer'],
      ['Session-Expires', '1800;refresher=uac'], ['Require', 'timer'], ['Server', SERVER_AGENT], ['Content-Type', 'application/sdp'],
    ], sdpAnswer),
  });
  const target = `sip:${callee.user}@${SERVER.ip}:${SERVER.port}`;
  const route = proxied ? [['Route', `<sip:${SERVER.ip}:${SERVER.port};lr;ftag=${fromTag};did=${rnd.hex(6)}.${rnd.hex(4)}>`]] : [];
  msgs.push({
    ...up,
    sip: request('ACK', target, [
      ...sbc(transaction(rnd), false), ['Via', viaOf(caller, transaction(rnd), false)], ...route, ['Max-Forwards', '70'], ...common(from, toTagged, `${cseq} ACK`),
      ['User-Agent', caller.agent],
    ]),
  });
  const byeBranch = transaction(rnd);
  const byeSbcBranch = transaction(rnd);
  msgs.push({
    ...up,
    sip: request('BYE', target, [
      ...sbc(byeSbcBranch, false), ['Via', viaOf(caller, byeBranch, false)], ...route, ['Max-Forwards', '70'], ...common(from, toTagged, `${cseq + 1} BYE`),
      ['Reason', 'Q.850;cause=16;text="Normal call clearing"'], ['User-Agent', caller.agent],
    ]),
  });
  msgs.push({ ...down, sip: response(200, 'OK', [...sbc(byeSbcBranch, true), ['Via', viaOf(caller, byeBranch, true)], ...common(from, toTagged, `${cseq + 1} BYE`), ['Server', SERVER_AGENT]]) });
  return msgs;
}

function registerChallenge(rnd, clients, state) {
  const ua = rnd.pick(clients);
  const callId = `${rnd.alnum(22)}`;
  const tag = rnd.hex(8);
  const cseq = state.cseqBase++;
  const from = `<sip:${ua.user}@${DOMAIN}>;tag=${tag}`;
  const to = `<sip:${ua.user}@${DOMAIN}>`;
  const contact = `<sip:${ua.user}@${ua.ip}:${ua.port};transport=udp>;expires=3600;+sip.instance="<urn:uuid:${uuid(rnd)}>"`;
  const nonce = rnd.hex(32);
  const up = { src: ua, dst: SERVER, received: true };
  const down = { src: SERVER, dst: ua, received: false };
  const b1 = transaction(rnd);
  const b2 = transaction(rnd);
  const base = (branch, c) => [['Via', viaOf(ua, branch, false)], ['Max-Forwards', '70'], ['From', from], ['To', to], ['Call-ID', callId], ['CSeq', `${c} REGISTER`]];
  const baseResp = (branch, c) => [['Via', viaOf(ua, branch, true)], ['From', from], ['To', `${to};tag=${rnd.hex(10)}`], ['Call-ID', callId], ['CSeq', `${c} REGISTER`]];
  return [
    {
      ...up,
      sip: request('REGISTER', `sip:${DOMAIN}`, [
        ...base(b1, cseq), ['Contact', contact], ['Expires', '3600'], ['Allow', ALLOW], ['Supported', 'path, outbound, gruu'], ['User-Agent', ua.agent],
      ]),
    },
    {
      ...down,
      sip: response(401, 'Unauthorized', [
        ...baseResp(b1, cseq),
        ['WWW-Authenticate', `Digest realm="${DOMAIN}", nonce="${nonce}", opaque="${rnd.hex(16)}", algorithm=MD5, qop="auth"`],
        ['Server', SERVER_AGENT],
      ]),
    },
    {
      ...up,
      sip: request('REGISTER', `sip:${DOMAIN}`, [
        ...base(b2, cseq + 1), ['Contact', contact], ['Expires', '3600'],
        ['Authorization', `Digest username="${ua.user}", realm="${DOMAIN}", nonce="${nonce}", uri="sip:${DOMAIN}", response="${rnd.hex(32)}", algorithm=MD5, cnonce="${rnd.hex(8)}", qop=auth, nc=00000001`],
        ['Supported', 'path, outbound, gruu'], ['User-Agent', ua.agent],
      ]),
    },
    {
      ...down,
      sip: response(200, 'OK', [
        ...baseResp(b2, cseq + 1), ['Contact', contact], ['Date', new Date(state.time).toUTCString()], ['Supported', 'path, outbound, gruu'], ['Server', SERVER_AGENT],
      ]),
    },
  ];
}

function optionsPing(rnd, clients) {
  const ua = rnd.pick(clients);
  const branch = transaction(rnd);
  const callId = `${rnd.hex(24)}@${SERVER.ip}`;
  const from = `<sip:ping@${SERVER.ip}>;tag=${rnd.hex(8)}`;
  const to = `<sip:${ua.user}@${ua.ip}:${ua.port}>`;
  return [
    {
      src: SERVER, dst: ua, received: false,
      sip: request('OPTIONS', `sip:${ua.user}@${ua.ip}:${ua.port}`, [
        ['Via', viaOf(SERVER, branch, false)], ['Max-Forwards', '70'], ['From', from], ['To', to], ['Call-ID', callId], ['CSeq', '102 OPTIONS'],
        ['Contact', `<sip:ping@${SERVER.ip}:${SERVER.port}>`], ['Accept', 'application/sdp'], ['User-Agent', SERVER_AGENT],
      ]),
    },
    {
      src: ua, dst: SERVER, received: true,
      sip: response(200, 'OK', [
        ['Via', viaOf(SERVER, branch, true)], ['From', from], ['To', `${to};tag=${rnd.hex(10)}`], ['Call-ID', callId], ['CSeq', '102 OPTIONS'],
        ['Allow', ALLOW], ['Accept', 'application/sdp, application/dtmf-relay'], ['Supported', 'replaces, timer'], ['User-Agent', ua.agent],
      ]),
    },
  ];
}

function presence(rnd, clients) {
  const watcher = rnd.pick(clients);
  const target = rnd.pick(clients);
  const callId = `${rnd.hex(20)}@${watcher.ip}`;
  const fromTag = rnd.hex(8);
  const toTag = rnd.hex(8);
  const b1 = transaction(rnd);
  const b2 = transaction(rnd);
  const from = `<sip:${watcher.user}@${DOMAIN}>;tag=${fromTag}`;
  const to = `<sip:${target.user}@${DOMAIN}>`;
  const up = { src: watcher, dst: SERVER, received: true };
  const down = { src: SERVER, dst: watcher, received: false };
  const pidf =
    '<?xml version="1.0" encoding="UTF-8"?>\r\n' +
    `<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:${target.user}@${DOMAIN}">\r\n` +
    `<tuple id="${rnd.alnum(8)}"><status><basic>${rnd.pick(['open', 'closed'])}</basic></status></tuple>\r\n` +
    '</presence>\r\n';
  return [
    {
      ...up,
      sip: request('SUBSCRIBE', `sip:${target.user}@${DOMAIN}`, [
        ['Via', viaOf(watcher, b1, false)], ['Max-Forwards', '70'], ['From', from], ['To', to], ['Call-ID', callId], ['CSeq', '1 SUBSCRIBE'],
        ['Contact', `<sip:${watcher.user}@${watcher.ip}:${watcher.port}>`], ['Event', 'presence'], ['Accept', 'application/pidf+xml'],
        ['Expires', '600'], ['User-Agent', watcher.agent],
      ]),
    },
    {
      ...down,
      sip: response(200, 'OK', [
        ['Via', viaOf(watcher, b1, true)], ['From', from], ['To', `${to};tag=${toTag}`], ['Call-ID', callId], ['CSeq', '1 SUBSCRIBE'],
        ['Contact', `<sip:${target.user}@${SERVER.ip}:${SERVER.port}>`], ['Expires', '600'], ['Server', SERVER_AGENT],
      ]),
    },
    {
      ...down,
      sip: request('NOTIFY', `sip:${watcher.user}@${watcher.ip}:${watcher.port}`, [
        ['Via', viaOf(SERVER, b2, false)], ['Max-Forwards', '70'], ['From', `${to};tag=${toTag}`], ['To', from], ['Call-ID', callId], ['CSeq', '1 NOTIFY'],
        ['Contact', `<sip:${target.user}@${SERVER.ip}:${SERVER.port}>`], ['Event', 'presence'], ['Subscription-State', 'active;expires=599'],
        ['Content-Type', 'application/pidf+xml'],
      ], pidf),
    },
    {
      ...up,
      sip: response(200, 'OK', [
        ['Via', viaOf(SERVER, b2, true)], ['From', `${to};tag=${toTag}`], ['To', from], ['Call-ID', callId], ['CSeq', '1 NOTIFY'],
        ['User-Agent', watcher.agent],
      ]),
    },
  ];
}

function sdp(rnd, ip, kind) {
  const session = rnd.digits(10);
  const lines = [
    'v=0',
    `o=- ${session} ${session} IN IP4 ${ip}`,
    's=-',
    `c=IN IP4 ${ip}`,
    't=0 0',
    `m=audio ${2 * rnd.int(5000, 15000)} RTP/AVP ${kind === 'offer' ? '0 8 9 101' : '0 101'}`,
    'a=rtpmap:0 PCMU/8000',
  ];
  if (kind === 'offer') lines.push('a=rtpmap:8 PCMA/8000', 'a=rtpmap:9 G722/8000');
  lines.push('a=rtpmap:101 telephone-event/8000', 'a=fmtp:101 0-16', 'a=ptime:20', 'a=sendrecv');
  return lines.join('\r\n') + '\r\n';
}

function uuid(rnd) {
  return `${rnd.hex(8)}-${rnd.hex(4)}-4${rnd.hex(3)}-a${rnd.hex(3)}-${rnd.hex(12)}`;
}

function request(method, uri, headers, body = '') {
  return build(`${method} ${uri} SIP/2.0`, headers, body);
}

function response(code, reason, headers, body = '') {
  return build(`SIP/2.0 ${code} ${reason}`, headers, body);
}

function build(startLine, headers, body) {
  let s = startLine + '\r\n';
  for (const [name, value] of headers) s += `${name}: ${value}\r\n`;
  // The generator only writes ASCII, so the length in UTF-16 units is the byte count.
  return s + `Content-Length: ${body.length}\r\n\r\n` + body;
}

// ---------------------------------------------------------------- wrappings

function pad(n, width) {
  return String(n).padStart(width, '0');
}

function ngrepTime(ms) {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1, 2)}/${pad(d.getUTCDate(), 2)} ` +
    `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}.${pad(d.getUTCMilliseconds(), 3)}${pad((ms * 7) % 1000, 3)}`;
}

/** The trace text of one message in `format`. */
function wrap(format, m) {
  switch (format) {
    case 'raw':
      return m.sip + '\r\n';
    case 'ngrep':
      // -W byline: each CR is printed as '.', each LF as a line break; a blank line after the packet.
      return `U ${ngrepTime(m.time)} ${m.src.ip}:${m.src.port} -> ${m.dst.ip}:${m.dst.port}\n` + m.sip.replace(/\r\n/g, '.\n') + '\n\n';
    case 'asterisk': {
      const lf = m.sip.replace(/\r\n/g, '\n');
      if (m.received) {
        const blank = lf.indexOf('\n\n');
        const headerCount = lf.slice(0, blank).split('\n').length - 1;
        const bodyLines = lf.length - blank - 2 > 0 ? lf.slice(blank + 2).replace(/\n$/, '').split('\n').length : 0;
        return `<--- SIP read from UDP:${m.src.ip}:${m.src.port} --->\n${lf}<------------->\n--- (${headerCount} headers ${bodyLines} lines) ---\n\n`;
      }
      return `<--- Transmitting (no NAT) to ${m.dst.ip}:${m.dst.port} --->\n${lf}<------------>\n\n`;
    }
    default:
      throw new Error(`unknown trace format ${format} (expected ${FORMATS.join(', ')})`);
  }
}

/**
 * Generates a trace in memory. Stops at the end of the scenario during which
 * the trace reaches `messages` messages, or `bytes` of SIP text. Returns the trace text of each format asked for (flat
 * strings, as if read from a file), the messages themselves (flat strings, for
 * the peer parsers) and their byte counts.
 */
function generateTrace({ seed = 1, bytes = Infinity, messages = Infinity, formats = ['raw'] }) {
  if (!Number.isFinite(bytes) && !Number.isFinite(messages)) throw new Error('generateTrace needs bytes or messages');
  const sips = [];
  const parts = Object.fromEntries(formats.map((f) => [f, []]));
  let sipBytes = 0;
  for (const m of messageStream(seed)) {
    sips.push(m.sip);
    sipBytes += m.sip.length;
    for (const f of formats) parts[f].push(wrap(f, m));
    if (m.last && (sips.length >= messages || sipBytes >= bytes)) break;
  }
  const texts = {};
  for (const f of formats) {
    texts[f] = flat(parts[f].join(''));
    parts[f] = null;
  }
  return { texts, messages: sips.map(flat), messageBytes: sipBytes };
}

/** A flat sequential copy of a string, as a file read would give (no cons or sliced string). */
function flat(s) {
  return Buffer.from(s, 'latin1').toString('latin1');
}

/**
 * Writes a trace of about `bytes` bytes of trace text (up to the end of the
 * scenario that reaches it) to `file` in chunks,
 * without holding it in memory (for the 500 MB streaming case).
 */
function writeTraceFile(file, { seed = 1, bytes, format = 'raw' }) {
  const fd = fs.openSync(file, 'w');
  let written = 0;
  let count = 0;
  let chunk = [];
  let chunkLength = 0;
  try {
    for (const m of messageStream(seed)) {
      const s = wrap(format, m);
      chunk.push(s);
      chunkLength += s.length;
      count++;
      if (m.last && written + chunkLength >= bytes) break;
      if (chunkLength >= 1 << 20) {
        written += fs.writeSync(fd, chunk.join(''), null, 'latin1');
        chunk = [];
        chunkLength = 0;
      }
    }
    if (chunk.length > 0) written += fs.writeSync(fd, chunk.join(''), null, 'latin1');
  } finally {
    fs.closeSync(fd);
  }
  return { bytes: written, messages: count };
}

/** `20MB`, `1.5MB`, `500k`, `1048576` -> bytes (MB = 10^6 bytes, as in the issue's table). */
function parseSize(text) {
  const m = /^(\d+(?:\.\d+)?)\s*(k|kb|m|mb|g|gb)?$/i.exec(String(text).trim());
  if (!m) throw new Error(`not a size: "${text}" (e.g. 20MB, 500k)`);
  const unit = (m[2] || '').toLowerCase()[0];
  const factor = unit === 'k' ? 1e3 : unit === 'm' ? 1e6 : unit === 'g' ? 1e9 : 1;
  return Math.round(Number(m[1]) * factor);
}

module.exports = { FORMATS, messageStream, wrap, generateTrace, writeTraceFile, parseSize };

if (require.main === module) {
  const args = process.argv.slice(2);
  const get = (flag, fallback) => {
    const i = args.indexOf(flag);
    return i === -1 ? fallback : args[i + 1];
  };
  const out = get('--out');
  if (!out) {
    process.stderr.write('usage: node scripts/bench/generate.js --size 20MB [--format raw|ngrep|asterisk] [--seed N] --out FILE\n');
    process.exit(2);
  }
  const result = writeTraceFile(out, { seed: Number(get('--seed', '1')), bytes: parseSize(get('--size', '20MB')), format: get('--format', 'raw') });
  process.stdout.write(`${out}: ${result.messages} messages, ${result.bytes} bytes\n`);
}
