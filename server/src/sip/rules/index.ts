/**
 * The message rules the engine runs, in order. Parser problems need no entry
 * here: the parser records them on the message.
 */
import type { MessageRule } from './types';
import { START_LINE_RULES } from './startLineRules';
import { HEADER_SYNTAX_RULES } from './headerSyntaxRules';
import { HEADER_VALUE_RULES } from './headerValueRules';
import { MESSAGE_LEVEL_RULES } from './messageRules';
import { SDP_RULES } from './sdpRules';

export const MESSAGE_RULES: readonly MessageRule[] = [
  ...START_LINE_RULES,
  ...HEADER_SYNTAX_RULES,
  ...HEADER_VALUE_RULES,
  ...MESSAGE_LEVEL_RULES,
  ...SDP_RULES,
];
