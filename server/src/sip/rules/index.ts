/**
 * The message rules the engine runs, in order. Parser problems need no entry
 * here: the parser records them on the message.
 */
import type { MessageRule } from './types';

export const MESSAGE_RULES: readonly MessageRule[] = [];
