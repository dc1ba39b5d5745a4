/**
 * Markdown for hovers and `sip-trace explain`.
 *
 * Every renderer builds a `KnowledgeDoc`: a one-line summary that says it all
 * (`**486 Busy Here** — 4xx Client Failure`) and detail sections. Hover code
 * can insert message context after the summary through `RenderOptions.context`,
 * or take the doc itself (`*Doc` functions) and assemble it differently.
 */
import { canonicalHeaderName } from './headerNames';
import {
  describeCondition,
  describeExtensionHeader,
  describeRequirement,
  headerRequirementIn,
  lookupHeader,
  type HeaderInfo,
  type MessageFacts,
} from './headers';
import { lookupMethod } from './methods';
import { lookupParameter, URI_SCOPE, VIA_MAGIC_COOKIE, type ParameterInfo } from './parameters';
import { lookupQ850, q850ClassOf, Q850_MAPPING_REF, Q850_REASON_REFS, SIP_TO_Q850 } from './q850';
import { rfcLink, rfcLinks, type RfcRef } from './rfcRef';
import {
  DIRECTION_ATTRIBUTES,
  DYNAMIC_ENCODINGS,
  HOLD_ADDRESS_NOTE,
  lookupPayloadType,
  lookupSdpAttribute,
  lookupSdpLine,
  PAYLOAD_TYPE_REF,
} from './sdp';
import {
  describeStatusCode,
  lookupStatusCode,
  reasonPhraseDiffers,
  STATUS_CLASSES,
  type StatusClassDigit,
} from './statusCodes';
import { lookupWarnCode, warnCodeRange } from './warnCodes';

/** Summary line plus detail sections, each a Markdown block. */
export interface KnowledgeDoc {
  readonly summary: string;
  readonly sections: readonly string[];
}

export interface RenderOptions {
  /** Markdown lines about the message at hand, placed right after the summary. */
  readonly context?: readonly string[];
}

/** Join a doc into Markdown: summary, then context lines, then sections, separated by blank lines. */
export function docToMarkdown(doc: KnowledgeDoc, context: readonly string[] = []): string {
  return [doc.summary, ...context, ...doc.sections].filter((s) => s.length > 0).join('\n\n');
}

function bullets(items: readonly string[]): string {
  return items.map((i) => `- ${i}`).join('\n');
}

function refsLine(refs: readonly RfcRef[]): string {
  return refs.length === 0 ? '' : `See ${rfcLinks(refs)}.`;
}

function code(s: string): string {
  return s.includes('`') ? `\`\` ${s} \`\`` : `\`${s}\``;
}

/** Escape text written by others (reason phrases, values) so it cannot inject Markdown. */
function plain(s: string): string {
  return s.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}

// ---- Status codes ---------------------------------------------------------------------

/** Doc for a status code as written; handles unregistered and invalid codes. */
export function statusCodeDoc(statusCode: number, writtenReason?: string): KnowledgeDoc {
  const written = writtenReason?.trim();
  const d = describeStatusCode(statusCode);
  if (d.kind === 'invalid') {
    return {
      summary: `**${statusCode}** — not a SIP status code`,
      sections: [d.explanation, refsLine([{ rfc: 3261, section: '7.2' }])],
    };
  }
  if (d.kind === 'unregistered') {
    const phrase = written !== undefined && written.length > 0 ? written : d.known?.phrase ?? '';
    const title = phrase.length > 0 ? `${statusCode} ${plain(phrase)}` : `${statusCode}`;
    const treatedAs = lookupStatusCode(d.treatedAs);
    const sections = [
      d.explanation,
      d.known === undefined ? '' : `**Where it comes from:** ${d.known.origin}`,
      d.known === undefined || d.known.refs.length === 0 ? '' : refsLine(d.known.refs),
      treatedAs === undefined ? '' : `**Treated as ${treatedAs.code} ${treatedAs.reason}:** ${treatedAs.meaning}`,
      refsLine([{ rfc: 3261, section: '8.1.3.2' }]),
    ];
    return { summary: `**${title}** — ${d.cls.range} ${d.cls.label}, not registered`, sections };
  }
  const info = d.info;
  const sections: string[] = [info.meaning];
  if (info.deprecated !== undefined) sections.push(`**Deprecated:** ${info.deprecated}`);
  if (written !== undefined && written.length > 0 && reasonPhraseDiffers(statusCode, written)) {
    sections.push(
      `**Custom reason phrase:** this message says "${plain(written)}"; the registered phrase is "${info.reason}". Reason phrases are free text, and a custom one often carries the real reason.`,
    );
  }
  if (info.causes.length > 0) sections.push(`**Typical causes**\n${bullets(info.causes)}`);
  if (info.nextSteps.length > 0) sections.push(`**Check next**\n${bullets(info.nextSteps)}`);
  const headers = [...info.relatedHeaders, 'Reason', 'Warning'].filter((h, i, all) => all.indexOf(h) === i);
  sections.push(`**Headers to look at:** ${headers.map(code).join(', ')}`);
  sections.push(`**Behaviour:** ${info.behaviour}`);
  const cause = SIP_TO_Q850.get(statusCode);
  const q850 = cause === undefined ? undefined : lookupQ850(cause);
  if (q850 !== undefined) {
    sections.push(`A SIP-to-ISUP gateway releases the PSTN call with Q.850 cause ${q850.cause} (${q850.name}) (${rfcLink(Q850_MAPPING_REF)}).`);
  }
  sections.push(refsLine([info.ref, ...info.seeAlso]));
  return { summary: `**${info.code} ${info.reason}** — ${d.cls.range} ${d.cls.label}`, sections };
}

export function renderStatusCode(statusCode: number, writtenReason?: string, opts: RenderOptions = {}): string {
  return docToMarkdown(statusCodeDoc(statusCode, writtenReason), opts.context);
}

export function statusClassDoc(digit: StatusClassDigit): KnowledgeDoc {
  const cls = STATUS_CLASSES[digit];
  const unknown =
    digit === 1
      ? 'An unrecognised 1xx (other than 100) is treated as 183 Session Progress'
      : `An unrecognised ${cls.range} code is treated as ${cls.unknownTreatedAs} ${lookupStatusCode(cls.unknownTreatedAs)?.reason ?? ''}`.trimEnd();
  return {
    summary: `**${cls.range} ${cls.label}** — SIP response class`,
    sections: [cls.meaning, `${unknown} (RFC 3261 section 8.1.3.2).`, refsLine([cls.ref, { rfc: 3261, section: '8.1.3.2' }])],
  };
}

export function renderStatusClass(digit: StatusClassDigit, opts: RenderOptions = {}): string {
  return docToMarkdown(statusClassDoc(digit), opts.context);
}

// ---- Methods ----------------------------------------------------------------------------

export function methodDoc(name: string): KnowledgeDoc | null {
  const info = lookupMethod(name);
  if (info === undefined) return null;
  return {
    summary: `**${info.name}** — SIP method`,
    sections: [info.purpose, bullets(info.notes), refsLine([info.ref, ...info.seeAlso])],
  };
}

/** Markdown for a method, or null when it is not one of the 14 registered methods. */
export function renderMethod(name: string, opts: RenderOptions = {}): string | null {
  const doc = methodDoc(name);
  return doc === null ? null : docToMarkdown(doc, opts.context);
}

// ---- Headers ---------------------------------------------------------------------------

export interface HeaderRenderOptions extends RenderOptions {
  /** The message the header is in: the hover then says whether it is mandatory here. */
  readonly message?: MessageFacts;
}

function describeMessage(msg: MessageFacts): string {
  if (msg.kind === 'request') return `this ${msg.method.toUpperCase()} request`;
  return msg.status === undefined ? `this response to ${msg.method.toUpperCase()}` : `this ${msg.status} response to ${msg.method.toUpperCase()}`;
}

function requirementSection(info: HeaderInfo, msg: MessageFacts | undefined): string[] {
  const out: string[] = [];
  if (msg !== undefined) {
    const r = headerRequirementIn(info.key, msg);
    const where = describeMessage(msg);
    if (r === undefined) out.push(`Optional in ${where}.`);
    else if (r.level === 'mandatory') out.push(`**Mandatory in ${where}** (${rfcLink(r.requirement.ref)}).`);
    else if (r.level === 'conditional' && r.requirement.condition !== undefined) {
      out.push(`**Mandatory in ${where} ${describeCondition(r.requirement.condition)}** (${rfcLink(r.requirement.ref)}).`);
    } else out.push(`Recommended in ${where} (${rfcLink(r.requirement.ref)}).`);
  }
  const mandatory = info.requirements.filter((r) => r.level === 'mandatory').map(describeRequirement);
  const recommended = info.requirements.filter((r) => r.level === 'recommended').map(describeRequirement);
  if (mandatory.length > 0) out.push(`**Mandatory in:** ${mandatory.join('; ')}.`);
  if (recommended.length > 0) out.push(`**Recommended in:** ${recommended.join('; ')}.`);
  return out;
}

const STATUS_TEXT: Readonly<Record<string, string>> = {
  deprecated: '**Deprecated.**',
  historic: '**Historic** (no longer recommended by the IETF).',
  'non-standard': '**Not standardised.**',
  reserved: '**Reserved name.**',
};

/** Doc for a header name as written (long or compact form, any case); null for unknown names. */
export function headerDoc(nameAsWritten: string, opts: HeaderRenderOptions = {}): KnowledgeDoc | null {
  const canon = canonicalHeaderName(nameAsWritten);
  const info = lookupHeader(nameAsWritten);
  if (info === undefined) {
    const ext = describeExtensionHeader(nameAsWritten);
    if (ext === undefined) return null;
    const kind = ext.kind === 'x-header' ? 'vendor extension header' : 'private extension header';
    return { summary: `**${plain(nameAsWritten)}** — ${kind}`, sections: [ext.text, refsLine([ext.ref])] };
  }
  const summary = canon.compact
    ? `**${plain(nameAsWritten)}** — compact form of **${info.name}**`
    : info.compact === undefined
      ? `**${info.name}** — header field`
      : `**${info.name}** — header field (compact form ${code(info.compact)})`;
  const sections: string[] = [info.meaning];
  if (info.status !== 'standard') sections.push(`${STATUS_TEXT[info.status]}${info.origin === undefined ? '' : ` ${info.origin}`}`);
  sections.push(
    info.multiplicity === 'single'
      ? 'Single-valued: at most one per message.'
      : 'May appear several times, or as a comma-separated list.',
  );
  sections.push(...requirementSection(info, opts.message));
  if (info.notes.length > 0) sections.push(bullets(info.notes));
  sections.push(refsLine(info.refs));
  return { summary, sections };
}

/** Markdown for a header; `v` says "compact form of Via". Null for unknown names (other than X- and P- headers). */
export function renderHeader(nameAsWritten: string, opts: HeaderRenderOptions = {}): string | null {
  const doc = headerDoc(nameAsWritten, opts);
  return doc === null ? null : docToMarkdown(doc, opts.context);
}

// ---- Parameters --------------------------------------------------------------------------

export interface ParameterRenderOptions extends RenderOptions {
  /** The parameter sits inside a URI (e.g. within `<...>`), so it is a URI parameter. */
  readonly inUri?: boolean;
  /** The whole header value, for parameters whose meaning depends on it (Reason's protocol). */
  readonly headerValue?: string;
}

function humanSeconds(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${seconds} s (${Math.round(seconds / 60)} min)`;
  if (seconds < 172800) return `${seconds} s (${Math.round(seconds / 360) / 10} h)`;
  return `${seconds} s (${Math.round(seconds / 8640) / 10} days)`;
}

function describeValue(info: ParameterInfo, headerKey: string | undefined, value: string | undefined, headerValue: string | undefined): string[] {
  const out: string[] = [];
  const v = value?.trim();
  switch (info.name) {
    case 'branch':
      if (v === undefined) break;
      if (v.startsWith(VIA_MAGIC_COOKIE)) {
        out.push(`${code(v)} starts with the magic cookie ${code(VIA_MAGIC_COOKIE)}: RFC 3261 compliant, so the branch alone identifies the transaction.`);
      } else {
        out.push(
          `${code(v)} has no ${code(VIA_MAGIC_COOKIE)} magic cookie: RFC 2543 style. Receivers match its transaction with the older rules (Request-URI, tags, Call-ID, CSeq and top Via; RFC 3261 section 17.2.3).`,
        );
      }
      break;
    case 'rport':
      if (v === undefined || v === '') out.push('Empty: the client asks for responses to be sent back to the source IP and port of the request.');
      else if (/^\d+$/.test(v)) out.push(`The request arrived from port ${v}; responses go back there.`);
      break;
    case 'received':
      if (v !== undefined && v !== '') out.push(`The request arrived from ${code(v)}, not from the address in the Via: typically NAT. Responses go to ${code(v)}.`);
      break;
    case 'expires':
      if (v !== undefined && /^\d+$/.test(v)) {
        const n = Number(v);
        out.push(n === 0 && headerKey === 'contact' ? '0: removes this binding (unregister).' : `${humanSeconds(n)}.`);
      }
      break;
    case 'q':
      if (v !== undefined) {
        const n = Number(v);
        out.push(Number.isFinite(n) && n >= 0 && n <= 1 && /^[01](\.\d{0,3})?$/.test(v) ? `Preference ${v}.` : `${code(v)} is not a valid q-value (0 to 1, at most 3 decimals).`);
      }
      break;
    case 'cause':
      if (headerKey === 'reason' && v !== undefined && /^\d+$/.test(v)) {
        const n = Number(v);
        const proto = headerValue?.trim().toLowerCase() ?? '';
        const q = lookupQ850(n);
        const s = lookupStatusCode(n);
        if (proto.startsWith('q.850')) out.push(q === undefined ? `Q.850 cause ${n} is not assigned.` : `Q.850 cause ${n}: **${q.name}**. ${q.meaning}`);
        else if (proto.startsWith('sip')) out.push(s === undefined ? `SIP ${n} is not a registered response code.` : `SIP ${n}: **${s.reason}**.`);
        else {
          if (q !== undefined) out.push(`With protocol Q.850: cause ${n} **${q.name}**.`);
          if (s !== undefined) out.push(`With protocol SIP: ${n} **${s.reason}**.`);
        }
      }
      break;
    default:
      break;
  }
  if (v !== undefined && info.values !== undefined) {
    const known = info.values[v.toLowerCase()];
    if (known !== undefined) out.push(`${code(v)}: ${known}`);
    else if (v !== '') out.push(`${code(v)} is not one of the defined values (${Object.keys(info.values).map(code).join(', ')}).`);
  }
  return out;
}

/**
 * Doc for a parameter. `headerKey` is the lower-case canonical header name
 * (`via`, `contact`), or `uri` for a URI outside any header (Request-URI).
 */
export function parameterDoc(headerKey: string | undefined, paramName: string, value?: string, opts: ParameterRenderOptions = {}): KnowledgeDoc | null {
  const key = headerKey === undefined ? undefined : canonicalHeaderName(headerKey).key;
  const info = lookupParameter(key, paramName, opts.inUri ?? false);
  if (info === undefined) return null;
  const isUri = info.scope.includes(URI_SCOPE) && (opts.inUri === true || key === undefined || key === URI_SCOPE || !info.scope.includes(key));
  let where: string;
  if (isUri) where = 'SIP URI parameter';
  else {
    const headerName = key === undefined || !info.scope.includes(key) ? info.scope[0] : key;
    where = `${lookupHeader(headerName)?.name ?? headerName} parameter`;
  }
  if (info.status === 'non-standard') where += ' (vendor)';
  const title = value === undefined || value === '' ? paramName : `${paramName}=${value}`;
  const sections = [info.meaning, ...describeValue(info, key, value, opts.headerValue)];
  if (info.origin !== undefined) sections.push(`**Not standardised:** ${info.origin}`);
  if ((value === undefined || value === '') && info.values !== undefined) {
    sections.push(bullets(Object.entries(info.values).map(([k, v]) => `${code(k)}: ${v}`)));
  }
  sections.push(refsLine(info.refs));
  return { summary: `**${plain(title)}** — ${where}`, sections };
}

export function renderParameter(headerKey: string | undefined, paramName: string, value?: string, opts: ParameterRenderOptions = {}): string | null {
  const doc = parameterDoc(headerKey, paramName, value, opts);
  return doc === null ? null : docToMarkdown(doc, opts.context);
}

// ---- Q.850 -------------------------------------------------------------------------------

export function q850Doc(cause: number): KnowledgeDoc {
  const cls = q850ClassOf(cause);
  if (cls === undefined) {
    return { summary: `**Q.850 cause ${cause}** — out of range`, sections: ['Q.850 cause values are 0 to 127.'] };
  }
  const info = lookupQ850(cause);
  if (info === undefined) {
    return { summary: `**Q.850 cause ${cause}** — unassigned`, sections: [`Not assigned in ITU-T Q.850 (class: ${cls}).`] };
  }
  const sections = [info.meaning, `Class: ${cls}.`];
  if (info.sip !== undefined) {
    const s = lookupStatusCode(info.sip);
    sections.push(`An ISUP-to-SIP gateway answers **${info.sip}${s === undefined ? '' : ` ${s.reason}`}** for it (${rfcLink(Q850_MAPPING_REF)}).${info.sipNote === undefined ? '' : ` ${info.sipNote}`}`);
  } else if (info.sipNote !== undefined) {
    sections.push(info.sipNote);
  }
  sections.push(`In SIP it appears as ${code(`Reason: Q.850;cause=${cause}`)} (${rfcLinks(Q850_REASON_REFS)}).`);
  return { summary: `**Q.850 cause ${cause}: ${info.name}**`, sections };
}

export function renderQ850(cause: number, opts: RenderOptions = {}): string {
  return docToMarkdown(q850Doc(cause), opts.context);
}

// ---- Warning codes ----------------------------------------------------------------------

export function warnCodeDoc(warnCode: number): KnowledgeDoc {
  const info = lookupWarnCode(warnCode);
  if (info === undefined) {
    const range = warnCodeRange(warnCode);
    return {
      summary: `**Warning ${warnCode}** — not a defined warn-code`,
      sections: [
        range === undefined
          ? 'Warn-codes are three digits; RFC 3261 defines codes 300-399 (section 20.43).'
          : `No code ${warnCode} is defined. Range: ${range}.`,
        refsLine([{ rfc: 3261, section: '20.43' }]),
      ],
    };
  }
  return { summary: `**Warning ${info.code} ${info.text}**`, sections: [info.meaning, refsLine([info.ref])] };
}

export function renderWarnCode(warnCode: number, opts: RenderOptions = {}): string {
  return docToMarkdown(warnCodeDoc(warnCode), opts.context);
}

// ---- SDP ---------------------------------------------------------------------------------

const PROTOCOLS: Readonly<Record<string, string>> = {
  'rtp/avp': 'plain RTP (no encryption)',
  'rtp/avpf': 'RTP with RTCP feedback (no encryption)',
  'rtp/savp': 'SRTP (keys from a=crypto)',
  'rtp/savpf': 'SRTP with RTCP feedback',
  'udp/tls/rtp/savp': 'DTLS-SRTP',
  'udp/tls/rtp/savpf': 'DTLS-SRTP with RTCP feedback (WebRTC)',
  udptl: 'UDPTL (T.38 fax)',
  'tcp/mrcpv2': 'MRCPv2',
  'tcp/msrp': 'MSRP (messaging)',
  'tcp/tls/msrp': 'MSRP over TLS',
  'udp/dtls/sctp': 'SCTP over DTLS (data channels)',
};

function isPrivateIPv4(address: string): boolean {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  if (m === null) return false;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
}

function describeSdpValue(type: string, value: string): string[] {
  const out: string[] = [];
  const parts = value.trim().split(/\s+/);
  if (type === 'c') {
    const address = (parts[2] ?? '').split('/')[0];
    if (address === '0.0.0.0' || address === '::') out.push(HOLD_ADDRESS_NOTE);
    else if (isPrivateIPv4(address)) {
      out.push(`${code(address)} is a private (or carrier-grade NAT) address: only reachable inside that network. Across NAT this gives one-way or no audio unless the far end sends to where the RTP actually comes from (symmetric RTP, an SBC, or ICE).`);
    }
  } else if (type === 'm' && parts.length >= 3) {
    const [media, port, proto, ...fmts] = parts;
    if (port === '0') out.push('Port 0: this stream is rejected or disabled (RFC 3264 sections 6 and 8.2).');
    const protoText = PROTOCOLS[proto.toLowerCase()];
    out.push(`${code(media)} stream on port ${port}, ${code(proto)}${protoText === undefined ? '' : `: ${protoText}`}.`);
    const names = fmts.map((f) => {
      const n = Number(f);
      const info = /^\d+$/.test(f) ? lookupPayloadType(n) : undefined;
      if (info === undefined) return code(f);
      if (info.encoding !== null) return `${f} ${info.encoding}`;
      return info.status === 'dynamic' ? `${f} (dynamic, see a=rtpmap)` : `${f} (${info.status})`;
    });
    if (names.length > 0) out.push(`Formats, most preferred first: ${names.join(', ')}.`);
  } else if (type === 'o' && parts.length >= 3) {
    out.push(`Session id ${code(parts[1])}, version ${code(parts[2])}: in a re-offer the version must be one higher if the SDP changed, and unchanged if not.`);
  } else if (type === 't' && parts[0] === '0' && parts[1] === '0') {
    out.push('`t=0 0`: the session is not bounded in time (the usual value for calls).');
  }
  return out;
}

/** Doc for an SDP line type (`m`), optionally with the line's value for specifics (`c=IN IP4 0.0.0.0` is hold). */
export function sdpLineDoc(type: string, value?: string): KnowledgeDoc | null {
  const t = type.replace(/=$/, '');
  if (t === 'a' && value !== undefined) {
    const m = /^([^:\s]+)(?::(.*))?$/.exec(value.trim());
    if (m !== null) {
      const doc = sdpAttributeDoc(m[1], m[2]);
      if (doc !== null) return doc;
    }
  }
  const info = lookupSdpLine(t);
  if (info === undefined) return null;
  const sections = [info.meaning, code(info.syntax)];
  if (info.obsolete !== undefined) sections.push(`**Obsolete:** ${info.obsolete}`);
  if (value !== undefined) sections.push(...describeSdpValue(t, value));
  sections.push(refsLine([info.ref]));
  return { summary: `**${t}=** ${info.name} — SDP line`, sections };
}

export function renderSdpLine(type: string, value?: string, opts: RenderOptions = {}): string | null {
  const doc = sdpLineDoc(type, value);
  return doc === null ? null : docToMarkdown(doc, opts.context);
}

const SETUP_ROLES: Readonly<Record<string, string>> = {
  active: 'this side will open the connection (DTLS client).',
  passive: 'this side waits for the other to connect (DTLS server).',
  actpass: 'either; the answerer chooses (offers must use actpass).',
  holdconn: 'no connection for now.',
};

const CANDIDATE_TYPES: Readonly<Record<string, string>> = {
  host: 'a local interface address',
  srflx: 'the public address a STUN server saw (server reflexive)',
  prflx: 'an address learnt during connectivity checks (peer reflexive)',
  relay: 'an address on a TURN relay',
};

function describeAttributeValue(name: string, value: string): string[] {
  const v = value.trim();
  const lname = name.toLowerCase();
  if (lname === 'rtpmap') {
    const m = /^(\d+)\s+([^/\s]+)(?:\/(\d+))?(?:\/(\d+))?/.exec(v);
    if (m === null) return [];
    const doc = payloadTypeDoc(Number(m[1]), `${m[2]}${m[3] === undefined ? '' : `/${m[3]}`}`);
    // Everything but the closing citation line, which the attribute doc has its own of.
    return [doc.summary, ...doc.sections.slice(0, -1)];
  }
  if (lname === 'setup') {
    const role = SETUP_ROLES[v.toLowerCase()];
    return role === undefined ? [] : [`${code(v)}: ${role}`];
  }
  if (lname === 'candidate') {
    const m = /\btyp\s+(\w+)/.exec(v);
    const type = m === null ? undefined : CANDIDATE_TYPES[m[1].toLowerCase()];
    return type === undefined || m === null ? [] : [`Type ${code(m[1])}: ${type}.`];
  }
  if (lname === 'ptime' && /^\d+$/.test(v)) return [`${v} ms of media per packet.`];
  return [];
}

/** Doc for an SDP attribute (`rtpmap`, `sendonly`), optionally with its value. */
export function sdpAttributeDoc(name: string, value?: string): KnowledgeDoc | null {
  const info = lookupSdpAttribute(name.replace(/^a=/, ''));
  if (info === undefined) return null;
  const sections = [info.meaning, code(info.syntax)];
  if (DIRECTION_ATTRIBUTES.includes(info.name)) {
    sections.push('Direction attributes are seen from the side that sent this SDP. A missing one means sendrecv.');
  }
  if (value !== undefined) sections.push(...describeAttributeValue(info.name, value));
  if (info.source !== undefined) sections.push(`Defined in ${info.source}.`);
  sections.push(refsLine(info.refs));
  return { summary: `**a=${info.name}** — SDP attribute`, sections };
}

export function renderSdpAttribute(name: string, value?: string, opts: RenderOptions = {}): string | null {
  const doc = sdpAttributeDoc(name, value);
  return doc === null ? null : docToMarkdown(doc, opts.context);
}

/**
 * Doc for an RTP payload type, optionally with the encoding an a=rtpmap gave
 * it (`telephone-event/8000` or `telephone-event`).
 */
export function payloadTypeDoc(ptNumber: number, rtpmapName?: string): KnowledgeDoc {
  const info = lookupPayloadType(ptNumber);
  if (info === undefined) {
    return { summary: `**Payload type ${ptNumber}** — invalid`, sections: ['RTP payload types are 0 to 127.', refsLine([PAYLOAD_TYPE_REF])] };
  }
  const mapped = rtpmapName?.trim();
  const mappedName = mapped === undefined || mapped === '' ? undefined : mapped.split('/')[0];
  const sections: string[] = [];
  let summary: string;
  if (info.status === 'static' && info.encoding !== null) {
    const kind = info.media === 'A' ? 'audio' : info.media === 'V' ? 'video' : 'audio/video';
    summary = `**Payload type ${ptNumber}: ${info.encoding}** — static, ${kind}, ${info.clockRate} Hz`;
    if (info.note !== undefined) sections.push(info.note);
    if (mappedName !== undefined && mappedName.toLowerCase() !== info.encoding.toLowerCase()) {
      sections.push(
        `**Mismatch:** a=rtpmap maps it to ${code(mapped ?? mappedName)}, but RFC 3551 assigns ${ptNumber} to ${info.encoding}. Static payload types should not be redefined; peers may decode it as ${info.encoding}.`,
      );
    }
  } else if (info.status === 'dynamic') {
    if (mappedName !== undefined) {
      summary = `**Payload type ${ptNumber}: ${plain(mappedName)}** — dynamic (a=rtpmap)`;
      const known = DYNAMIC_ENCODINGS[mappedName.toLowerCase()];
      if (known !== undefined) sections.push(`${known.meaning} ${refsLine([known.ref])}`);
      sections.push('Dynamic payload types (96-127) mean whatever the a=rtpmap of this SDP says; the other side may use a different number for the same codec.');
    } else {
      summary = `**Payload type ${ptNumber}** — dynamic`;
      sections.push(info.note ?? '');
    }
  } else {
    summary = `**Payload type ${ptNumber}** — ${info.status}`;
    if (info.note !== undefined) sections.push(info.note);
    if (mappedName !== undefined) sections.push(`a=rtpmap maps it to ${code(mapped ?? mappedName)}, but it is not a dynamic payload type (96-127).`);
  }
  sections.push(refsLine([PAYLOAD_TYPE_REF]));
  return { summary, sections };
}

export function renderPayloadType(ptNumber: number, rtpmapName?: string, opts: RenderOptions = {}): string {
  return docToMarkdown(payloadTypeDoc(ptNumber, rtpmapName), opts.context);
}
