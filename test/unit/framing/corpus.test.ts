/**
 * The real samples in ../shared/corpus/formats: each is detected as its
 * format and split into the expected number of messages. The samples are
 * excerpts (some cut mid-message, some annotated by whoever published them),
 * so only the count and the framing are pinned here; the fixtures check
 * metadata and diagnostics.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseTrace } from '../../../server/src/sip/parse';
import { validate } from '../../../server/src/sip/rules/engine';
import { corpusFiles, readText } from '../helpers';
import { checkInvariants } from './support';

/** File -> [format, messages]. */
const EXPECTED: Readonly<Record<string, readonly [string, number]>> = {
  'acme_packet_sipmsg_log_wireshark_testcapture.txt': ['acme-sipmsg', 5], // the MGCP record is not SIP
  'asterisk_chan_pjsip_logger_example.txt': ['asterisk-pjsip', 3], // the last one cut short
  'asterisk_chan_sip_cli_asterisk11.txt': ['asterisk-chan-sip', 2],
  'asterisk_chan_sip_timestamped_console.txt': ['asterisk-chan-sip', 2], // plus a `jaK` keepalive, not SIP
  'audiocodes_sbc_syslog_via_pastash.txt': ['syslog-escaped', 0], // a parse-error line holding no message
  'avaya_voiceportal_caret_M.txt': ['avaya', 2],
  'cisco_ios_debug_ccsip_messages_doc.txt': ['cisco-ccsip', 2],
  'cisco_ios_debug_ccsip_variants.txt': ['cisco-ccsip', 5], // (e) flattened onto one line
  'freeswitch_1.10_siptrace_example.txt': ['freeswitch', 1],
  'freeswitch_sofia_siptrace_gosip_example.txt': ['freeswitch', 2],
  'freeswitch_sofia_siptrace_kazoo_sipify.txt': ['freeswitch', 1],
  'microsoft_lync_ocs_sipstack_log.txt': ['lync-sipstack', 1], // the diagnostic record is not a message
  'ngrep_byline_kamailio_example.txt': ['ngrep', 2],
  'ngrep_timestamped_header_example.txt': ['ngrep', 1],
  'pjsip_pjsua_log_examples.txt': ['pjsip', 3], // two TX lines without their message
  'ribbon_sonus_sbc_calltrace.txt': ['ribbon', 1],
  'sipp_trace_msg_modern_example.txt': ['sipp', 2],
  'thomson_tb30_phone_trace.txt': ['thomson', 1],
  'wireshark_tshark_V_sip.txt': ['tshark-decoded', 0],
  'wireshark_tshark_follow_udp_ascii.txt': ['tshark-follow', 0], // a DNS stream
};

const files = corpusFiles('formats');

test('every sample in the corpus has an expectation', () => {
  assert.deepEqual(files.map((f) => path.basename(f)).filter((f) => !(f in EXPECTED)), []);
});

for (const file of files) {
  const name = path.basename(file);
  const expected = EXPECTED[name];
  if (!expected) continue;
  test(`${name}: ${expected[0]}, ${expected[1]} message(s)`, () => {
    const model = parseTrace(readText(file));
    assert.equal(model.format.id, expected[0]);
    assert.equal(model.messages.length, expected[1]);
    checkInvariants(model);
    assert.ok(!validate(model).some((d) => d.code === 'internal-error'));
  });
}

test('the decoded tshark tree gets exactly one note, at the top', () => {
  const model = parseTrace(readText(files.find((f) => f.endsWith('wireshark_tshark_V_sip.txt'))!));
  assert.deepEqual(validate(model).map((d) => [d.code, d.start]), [['trace-decoded-not-raw', 0]]);
});
