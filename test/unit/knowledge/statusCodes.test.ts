/** The response-code table against the IANA registry, and the facts that web pages get wrong. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  REGISTERED_STATUS_CODES,
  STATUS_CODES,
  STATUS_CLASSES,
  describeStatusCode,
  isFinalStatus,
  lookupStatusCode,
  reasonPhraseDiffers,
  statusClassOf,
} from '../../../server/src/sip/knowledge/statusCodes';
import { formatRef } from '../../../server/src/sip/knowledge/rfcRef';
import { renderStatusCode } from '../../../server/src/sip/knowledge/render';

/**
 * IANA "SIP Parameters: Response Codes", written out by hand so that the
 * table cannot silently gain or lose a code.
 */
const IANA_REGISTRY: ReadonlyArray<readonly [number, string, number]> = [
  [100, 'Trying', 3261], [180, 'Ringing', 3261], [181, 'Call Is Being Forwarded', 3261], [182, 'Queued', 3261],
  [183, 'Session Progress', 3261], [199, 'Early Dialog Terminated', 6228],
  [200, 'OK', 3261], [202, 'Accepted', 6665], [204, 'No Notification', 5839],
  [300, 'Multiple Choices', 3261], [301, 'Moved Permanently', 3261], [302, 'Moved Temporarily', 3261],
  [305, 'Use Proxy', 3261], [380, 'Alternative Service', 3261],
  [400, 'Bad Request', 3261], [401, 'Unauthorized', 3261], [402, 'Payment Required', 3261], [403, 'Forbidden', 3261],
  [404, 'Not Found', 3261], [405, 'Method Not Allowed', 3261], [406, 'Not Acceptable', 3261],
  [407, 'Proxy Authentication Required', 3261], [408, 'Request Timeout', 3261], [410, 'Gone', 3261],
  [412, 'Conditional Request Failed', 3903], [413, 'Request Entity Too Large', 3261], [414, 'Request-URI Too Long', 3261],
  [415, 'Unsupported Media Type', 3261], [416, 'Unsupported URI Scheme', 3261], [417, 'Unknown Resource-Priority', 4412],
  [420, 'Bad Extension', 3261], [421, 'Extension Required', 3261], [422, 'Session Interval Too Small', 4028],
  [423, 'Interval Too Brief', 3261], [424, 'Bad Location Information', 6442], [425, 'Bad Alert Message', 8876],
  [428, 'Use Identity Header', 8224], [429, 'Provide Referrer Identity', 3892], [430, 'Flow Failed', 5626],
  [433, 'Anonymity Disallowed', 5079], [436, 'Bad Identity Info', 8224], [437, 'Unsupported Credential', 8224],
  [438, 'Invalid Identity Header', 8224], [439, 'First Hop Lacks Outbound Support', 5626], [440, 'Max-Breadth Exceeded', 5393],
  [469, 'Bad Info Package', 6086], [470, 'Consent Needed', 5360], [480, 'Temporarily Unavailable', 3261],
  [481, 'Call/Transaction Does Not Exist', 3261], [482, 'Loop Detected', 3261], [483, 'Too Many Hops', 3261],
  [484, 'Address Incomplete', 3261], [485, 'Ambiguous', 3261], [486, 'Busy Here', 3261], [487, 'Request Terminated', 3261],
  [488, 'Not Acceptable Here', 3261], [489, 'Bad Event', 6665], [491, 'Request Pending', 3261], [493, 'Undecipherable', 3261],
  [494, 'Security Agreement Required', 3329],
  [500, 'Server Internal Error', 3261], [501, 'Not Implemented', 3261], [502, 'Bad Gateway', 3261],
  [503, 'Service Unavailable', 3261], [504, 'Server Time-out', 3261], [505, 'Version Not Supported', 3261],
  [513, 'Message Too Large', 3261], [555, 'Push Notification Service Not Supported', 8599], [580, 'Precondition Failure', 3312],
  [600, 'Busy Everywhere', 3261], [603, 'Decline', 3261], [604, 'Does Not Exist Anywhere', 3261], [606, 'Not Acceptable', 3261],
  [607, 'Unwanted', 8197], [608, 'Rejected', 8688],
];

test('the table holds exactly the registered codes', () => {
  assert.equal(IANA_REGISTRY.length, 75);
  assert.deepEqual([...REGISTERED_STATUS_CODES], IANA_REGISTRY.map(([c]) => c));
});

test('every registered code has its official phrase and registering RFC', () => {
  for (const [c, phrase, rfc] of IANA_REGISTRY) {
    const info = lookupStatusCode(c);
    assert.ok(info, `${c} missing`);
    assert.equal(info.reason, phrase, `${c} phrase`);
    assert.equal(info.ref.rfc, rfc, `${c} RFC`);
  }
});

test('every entry is complete: class, meaning, causes, next steps, behaviour', () => {
  for (const info of STATUS_CODES.values()) {
    const cls = statusClassOf(info.code);
    assert.ok(cls, `${info.code} class`);
    assert.ok(info.meaning.length > 20, `${info.code} meaning`);
    assert.ok(info.causes.length > 0, `${info.code} causes`);
    assert.ok(info.nextSteps.length > 0, `${info.code} next steps`);
    assert.ok(info.behaviour.length > 0, `${info.code} behaviour`);
    // 1xx are provisional; everything else must say it is final.
    if (info.code < 200) assert.match(info.behaviour, /provisional/i, `${info.code}`);
    else assert.match(info.behaviour, /final/i, `${info.code}`);
  }
});

test('RFC 3261 codes cite their section 21 subsection', () => {
  assert.equal(formatRef(lookupStatusCode(480)!.ref), 'RFC 3261 §21.4.18');
  assert.equal(formatRef(lookupStatusCode(486)!.ref), 'RFC 3261 §21.4.24');
  assert.equal(formatRef(lookupStatusCode(487)!.ref), 'RFC 3261 §21.4.25');
  assert.equal(formatRef(lookupStatusCode(503)!.ref), 'RFC 3261 §21.5.4');
  assert.equal(formatRef(lookupStatusCode(606)!.ref), 'RFC 3261 §21.6.4');
  for (const info of STATUS_CODES.values()) {
    if (info.ref.rfc === 3261) assert.match(info.ref.section ?? '', /^21\.[1-6]\.\d+$/, `${info.code}`);
  }
});

test('the six classes have the RFC 3261 names', () => {
  assert.deepEqual(
    Object.values(STATUS_CLASSES).map((c) => `${c.range} ${c.label}`),
    ['1xx Provisional', '2xx Success', '3xx Redirection', '4xx Client Failure', '5xx Server Failure', '6xx Global Failure'],
  );
  assert.equal(isFinalStatus(183), false);
  assert.equal(isFinalStatus(200), true);
});

test('437 is Unsupported Credential (RFC 8224), not the RFC 4474 name', () => {
  const info = lookupStatusCode(437)!;
  assert.equal(info.reason, 'Unsupported Credential');
  assert.equal(info.ref.rfc, 8224);
  assert.match(renderStatusCode(437), /^\*\*437 Unsupported Credential\*\*/);
});

test('425 is Bad Alert Message (RFC 8876)', () => {
  const info = lookupStatusCode(425)!;
  assert.equal(info.reason, 'Bad Alert Message');
  assert.equal(info.ref.rfc, 8876);
});

test('487 answers a CANCELled request or one pending when BYE ended the dialog (15.1.2)', () => {
  const info = lookupStatusCode(487)!;
  assert.match(info.meaning, /CANCEL/);
  assert.match(info.meaning, /BYE/);
  assert.match(info.meaning, /15\.1\.2/);
  assert.ok(info.seeAlso.some((r) => r.rfc === 3261 && r.section === '15.1.2'));
  // And never the response to the CANCEL itself.
  assert.match(info.meaning, /never the response to the CANCEL itself/);
});

test('202 Accepted is registered but marked deprecated for SUBSCRIBE by RFC 6665', () => {
  const info = lookupStatusCode(202)!;
  assert.ok(info.deprecated);
  assert.match(info.deprecated, /RFC 6665/);
  assert.match(info.deprecated, /SUBSCRIBE/);
  const md = renderStatusCode(202);
  assert.match(md, /Deprecated/);
  assert.match(md, /RFC 6665/);
});

test('codes people meet but that are not registered are reported as such', () => {
  for (const c of [409, 411, 426, 471]) {
    assert.equal(lookupStatusCode(c), undefined, `${c} must not be in the table`);
    const d = describeStatusCode(c);
    assert.equal(d.kind, 'unregistered', `${c}`);
    if (d.kind !== 'unregistered') continue;
    assert.equal(d.treatedAs, 400);
    assert.ok(d.known, `${c} should have an origin note`);
    assert.doesNotMatch(d.known.origin, /\bis registered\b/);
    const md = renderStatusCode(c);
    assert.match(md, /not registered/i);
    assert.match(md, /8\.1\.3\.2/);
    assert.match(md, /400 Bad Request/);
  }
  const d409 = describeStatusCode(409);
  assert.ok(d409.kind === 'unregistered' && d409.known !== undefined && /RFC 2543/.test(d409.known.origin));
});

test('unregistered codes are treated as x00, and unknown 1xx as 183', () => {
  const d599 = describeStatusCode(599);
  assert.equal(d599.kind, 'unregistered');
  assert.equal(d599.kind === 'unregistered' ? d599.treatedAs : 0, 500);
  const d150 = describeStatusCode(150);
  assert.equal(d150.kind === 'unregistered' ? d150.treatedAs : 0, 183);
  assert.match(renderStatusCode(150), /183 Session Progress/);
  assert.equal(describeStatusCode(700).kind, 'invalid');
  assert.equal(describeStatusCode(99).kind, 'invalid');
});

test('failover behaviour for 503 and 408 follows RFC 3263 and RFC 3261', () => {
  const s503 = lookupStatusCode(503)!;
  assert.match(s503.behaviour, /alternate server/);
  assert.match(s503.behaviour, /Retry-After/);
  assert.ok(s503.seeAlso.some((r) => r.rfc === 3263 && r.section === '4.3'));
  assert.ok(s503.relatedHeaders.includes('Retry-After'));
  const s408 = lookupStatusCode(408)!;
  assert.match(s408.meaning, /Timer B/);
  assert.match(s408.meaning, /Timer F/);
  assert.ok(s408.seeAlso.some((r) => r.rfc === 3263 && r.section === '4.3'));
});

test('responses point at the headers that explain them', () => {
  const related = (c: number) => lookupStatusCode(c)!.relatedHeaders;
  assert.ok(related(401).includes('WWW-Authenticate'));
  assert.ok(related(407).includes('Proxy-Authenticate'));
  assert.ok(related(405).includes('Allow'));
  assert.ok(related(420).includes('Unsupported'));
  assert.ok(related(423).includes('Min-Expires'));
  assert.ok(related(422).includes('Min-SE'));
  assert.ok(related(494).includes('Security-Server'));
  for (const c of [300, 301, 302, 305]) assert.ok(related(c).includes('Contact'), `${c}`);
  // Reason and Warning apply to every response, and the renderer always lists them.
  assert.match(renderStatusCode(200), /`Reason`, `Warning`/);
});

test('everyday causes are there for the codes people debug most', () => {
  const causes = (c: number) => lookupStatusCode(c)!.causes.join(' ');
  assert.match(causes(403), /access list|allowed/i);
  assert.match(causes(403), /not registered/i);
  assert.match(causes(480), /not registered/i);
  assert.match(causes(488), /m= lines/);
  assert.match(causes(408), /NAT/);
});

test('reason phrase comparison ignores case and punctuation only', () => {
  assert.equal(reasonPhraseDiffers(486, 'busy here'), false);
  assert.equal(reasonPhraseDiffers(504, 'Server Timeout'), false);
  assert.equal(reasonPhraseDiffers(486, 'User Busy'), true);
  assert.equal(reasonPhraseDiffers(403, 'Forbidden - IP not allowed'), true);
});
