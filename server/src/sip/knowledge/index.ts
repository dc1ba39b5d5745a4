/** Knowledge tables and their Markdown renderers: the public surface for hovers and the CLI. */
export * from './rfcRef';
export * from './statusCodes';
export * from './methods';
export * from './headers';
export * from './parameters';
export * from './q850';
export * from './warnCodes';
export * from './sdp';
export * from './render';
export * from './explain';
export { canonicalHeaderName, compactFormOf, COMPACT_FORMS, type CanonicalName } from './headerNames';
