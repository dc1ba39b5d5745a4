// @ts-check
'use strict';

/**
 * Regular-expression fragments shared by the SIP and SDP grammars.
 *
 * Every fragment is an Oniguruma regex source (the engine VS Code uses). Rules
 * that keep every pattern linear on hostile input:
 *  - a repetition that can run long is possessive (`*+`, `++`) or an atomic
 *    bounded group (`atomic('x{1,256}')`), so a failed attempt never
 *    backtracks into it. Beware: in Oniguruma's default syntax `x{1,3}+` is
 *    NOT possessive but "one or more of x{1,3}", a nested quantifier that
 *    backtracks exponentially; the build refuses `}+` for that reason;
 *  - no repetition nests another repetition that can match the same text;
 *  - an unanchored pattern starts with a distinctive character or a
 *    look-behind, so a failed attempt at a position costs a bounded amount;
 *  - `[ \t]` instead of `\s` in anything a `begin` can end with, so no rule
 *    swallows the line feed vscode-textmate appends to every line.
 */

/**
 * An atomic group: once matched, never re-entered on backtracking.
 *
 * @param {string} source
 */
const atomic = (source) => `(?>${source})`;

/**
 * Start of a line: column 0, or the anchor a `while` or `begin` left behind.
 * The anchor is where a stripped log prefix (`[Mar 30 13:35:51] `, a syslog
 * header, a Markdown fence's content) ends, so every line-start construct
 * also matches right after such a prefix.
 */
const LS = String.raw`(?:^|\G)`;

/** An RFC 3261 `token` character. `\x60` is the backtick. */
const TC = String.raw`[-A-Za-z0-9.!%*_+\x60'~]`;

/** Not preceded by a token character: the start of a whole token. */
const TOKEN_START = `(?<!${TC})`;

/** Header names start with a letter (so `13:00:18.392 ...` log lines are not headers). */

/** The request methods of RFC 3261 and its extensions; others are scoped as extension methods. */
const KNOWN_METHODS = [
  'INVITE', 'ACK', 'BYE', 'CANCEL', 'OPTIONS', 'REGISTER', 'PRACK', 'SUBSCRIBE',
  'NOTIFY', 'PUBLISH', 'INFO', 'REFER', 'MESSAGE', 'UPDATE',
].join('|');

/** `SIP/2.0`, tolerating the linear white space RFC 4475 `wsinv` puts around the slash. */
const SIP_VERSION = String.raw`SIP[ \t]*+/[ \t]*+\d{1,3}\.\d{1,3}`;

const IPV4 = String.raw`\d{1,3}(?:\.\d{1,3}){3}`;
/** The inside of `[...]`: hex digits and colons (at least one), maybe an embedded IPv4 tail. */
const IPV6_BODY = String.raw`(?=[0-9A-Fa-f.]{0,40}:)${atomic('[0-9A-Fa-f:.]{2,64}')}`;
/** A host name or a placeholder such as `UA_ipaddr` in a pasted trace. */
const HOSTNAME = String.raw`[A-Za-z0-9_]${atomic('[-A-Za-z0-9_.]{0,252}')}`;

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const WEEKDAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
/** `13:35:51`, `13:35:51.123456`, `12:09:48,231`, `12:00:00:123` (Linphone). */
const TIME = String.raw`\d{1,2}:\d\d:\d\d(?:[.,]\d{1,9}|:\d{3}(?!\d))?`;
/** `Mar 30 13:35:51`, `Mar  6 13:34:49.416`: syslog, Asterisk and Acme Packet. */
const MONTH_DAY_TIME = String.raw`${MONTH}[ \t]{1,2}\d{1,2}[ \t]+${TIME}`;
/** `2013/07/19 22:17:34.920749`, `2026-05-15T16:24:27.276466Z`. */
const YMD_TIME = String.raw`\d{4}[-/]\d\d[-/]\d\d(?:[ T]|-)${TIME}(?:Z|[+-]\d\d:?\d\d)?`;

/** Transport names as trace tools print them. */
const TRANSPORT = String.raw`(?:UDP|TCP|TLS|SCTP|WSS|WS|udp|tcp|tls|sctp|wss|ws)`;

/** ANSI colour escapes that some tools (OpenSIPS, baresip) leave in their output. */
const ANSI = String.raw`\x1b\[${atomic('[0-9;]{0,16}')}m`;

module.exports = {
  atomic,
  LS,
  TC,
  TOKEN_START,
  KNOWN_METHODS,
  SIP_VERSION,
  IPV4,
  IPV6_BODY,
  HOSTNAME,
  MONTH,
  WEEKDAY,
  TIME,
  MONTH_DAY_TIME,
  YMD_TIME,
  TRANSPORT,
  ANSI,
};
