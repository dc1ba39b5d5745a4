/**
 * `sip-trace explain <topic>`: Markdown for one topic, or null when unknown.
 *
 * Topic syntax (case-insensitive unless noted):
 *
 *   486                 status code (any 3 digits; unregistered codes are explained too)
 *   4xx                 status class
 *   INVITE, invite      method
 *   Via, v, call-id     header (long or compact form); X-Foo / P-Foo get the extension note
 *   branch, tag         parameter by bare name (when no method or header has that name)
 *   Via;branch          parameter of a header: `<header>;<param>[=<value>]`, header may be compact;
 *   uri;transport=tcp     `uri` for SIP URI parameters
 *   user=phone          bare `<param>=<value>`
 *   q850:16             Q.850 cause (also `q.850:16`, `cause:16`)
 *   warning:305         Warning warn-code (also `warn:305`)
 *   pt:0, pt:PCMU       RTP payload type by number or static encoding name (also `rtp:`, `payload:`);
 *   pt:101=telephone-event  a dynamic type with the encoding an a=rtpmap gives it
 *   sdp:m, m=           SDP line type; `c=IN IP4 0.0.0.0` explains that value
 *   a=rtpmap, sdp:rtpmap, sendonly
 *                       SDP attribute (bare attribute names work when nothing else matches);
 *                       `a=rtpmap:101 telephone-event/8000` explains that value
 *   PCMU                static payload encoding name, last resort
 *
 * Bare single letters are compact header forms (`v` is Via); use `sdp:v` or `v=` for SDP.
 */
import { lookupHeader, describeExtensionHeader } from './headers';
import { lookupMethod } from './methods';
import { parametersNamed } from './parameters';
import {
  docToMarkdown,
  headerDoc,
  methodDoc,
  parameterDoc,
  payloadTypeDoc,
  q850Doc,
  sdpAttributeDoc,
  sdpLineDoc,
  statusClassDoc,
  statusCodeDoc,
  warnCodeDoc,
  type KnowledgeDoc,
} from './render';
import { lookupPayloadType, lookupSdpAttribute } from './sdp';
import type { StatusClassDigit } from './statusCodes';

function md(doc: KnowledgeDoc | null): string | null {
  return doc === null ? null : docToMarkdown(doc);
}

/** Static payload type number for an encoding name (`PCMU` -> 0), or undefined. */
function staticPayloadByName(name: string): number | undefined {
  const lname = name.toLowerCase();
  for (let n = 0; n <= 34; n++) {
    const info = lookupPayloadType(n);
    if (info?.encoding?.toLowerCase() === lname) return n;
  }
  return undefined;
}

function explainPayload(spec: string): string | null {
  const [left, rtpmap] = spec.split('=', 2);
  if (/^\d+$/.test(left)) return md(payloadTypeDoc(Number(left), rtpmap));
  const n = staticPayloadByName(left);
  return n === undefined ? null : md(payloadTypeDoc(n));
}

function explainParameter(header: string | undefined, spec: string): string | null {
  const eq = spec.indexOf('=');
  const name = eq < 0 ? spec : spec.slice(0, eq);
  const value = eq < 0 ? undefined : spec.slice(eq + 1);
  if (name === '') return null;
  if (header !== undefined && header.toLowerCase() !== 'uri') {
    if (lookupHeader(header) === undefined) return null;
    return md(parameterDoc(header, name, value));
  }
  if (header !== undefined) return md(parameterDoc('uri', name, value, { inUri: true }));
  // Bare name: one doc per scope it exists in (e.g. `expires` in Contact and Subscription-State).
  const all = parametersNamed(name);
  if (all.length === 0) return null;
  const docs = all.map((p) => parameterDoc(p.scope[0], name, value, { inUri: p.scope[0] === 'uri' }));
  return docs
    .filter((d): d is KnowledgeDoc => d !== null)
    .map((d) => docToMarkdown(d))
    .join('\n\n---\n\n');
}

export function explainTopic(topic: string): string | null {
  const t = topic.trim();
  if (t === '') return null;

  if (/^\d{3}$/.test(t)) return md(statusCodeDoc(Number(t)));
  const cls = /^([1-6])xx$/i.exec(t);
  if (cls !== null) return md(statusClassDoc(Number(cls[1]) as StatusClassDigit));

  const prefixed = /^([a-z.0-9]+):(.*)$/i.exec(t);
  if (prefixed !== null) {
    const prefix = prefixed[1].toLowerCase();
    const rest = prefixed[2].trim();
    switch (prefix) {
      case 'q850':
      case 'q.850':
      case 'cause':
        return /^\d+$/.test(rest) ? md(q850Doc(Number(rest))) : null;
      case 'warning':
      case 'warn':
        return /^\d{3}$/.test(rest) ? md(warnCodeDoc(Number(rest))) : null;
      case 'pt':
      case 'rtp':
      case 'payload':
        return explainPayload(rest);
      case 'sdp': {
        const eq = rest.indexOf('=');
        const name = eq < 0 ? rest : rest.slice(0, eq);
        const value = eq < 0 ? undefined : rest.slice(eq + 1);
        if (name.length === 1) return md(sdpLineDoc(name, value));
        return md(sdpAttributeDoc(name, value));
      }
      default:
        break; // `a=rtpmap:0 PCMU/8000` and similar fall through to the SDP forms below
    }
  }

  // SDP line forms: `m=`, `c=IN IP4 0.0.0.0`, `a=rtpmap`, `a=rtpmap:101 telephone-event/8000`.
  const sdp = /^([a-z])=(.*)$/.exec(t);
  if (sdp !== null) {
    const [, type, value] = sdp;
    if (type === 'a') {
      const m = /^([^:\s]+)(?::(.*))?$/.exec(value.trim());
      return m === null ? null : md(sdpAttributeDoc(m[1], m[2]));
    }
    return md(sdpLineDoc(type, value === '' ? undefined : value));
  }

  // Header parameter: `Via;branch`, `contact;expires=0`, `uri;transport=tcp`.
  const semi = t.indexOf(';');
  if (semi > 0) return explainParameter(t.slice(0, semi).trim(), t.slice(semi + 1).trim());

  if (lookupMethod(t) !== undefined) return md(methodDoc(t));
  if (lookupHeader(t) !== undefined || describeExtensionHeader(t) !== undefined) return md(headerDoc(t));

  const param = explainParameter(undefined, t);
  if (param !== null) return param;
  if (lookupSdpAttribute(t) !== undefined) return md(sdpAttributeDoc(t));
  const n = staticPayloadByName(t);
  return n === undefined ? null : md(payloadTypeDoc(n));
}
