// @ts-check
'use strict';

/**
 * The shape of a TextMate grammar, as far as these sources use it. Kept as
 * JSDoc so the grammar sources stay plain CommonJS that node runs directly,
 * while `// @ts-check` editors still catch a misspelt key.
 *
 * @typedef {{ name?: string, patterns?: Rule[] }} Capture
 * @typedef {Record<string, Capture>} Captures
 *
 * @typedef {object} Rule
 * @property {string} [include]      `#name`, `$self`, or another grammar's scope name
 * @property {string} [name]         scope of the whole match / region
 * @property {string} [contentName]  scope of the text between begin and end/while
 * @property {string} [match]
 * @property {string} [begin]
 * @property {string} [end]
 * @property {string} [while]
 * @property {Captures} [captures]
 * @property {Captures} [beginCaptures]
 * @property {Captures} [endCaptures]
 * @property {Captures} [whileCaptures]
 * @property {Rule[]} [patterns]
 *
 * @typedef {object} Grammar
 * @property {string[]} [information_for_contributors]
 * @property {string} name
 * @property {string} scopeName
 * @property {string[]} [fileTypes]
 * @property {string} [firstLineMatch]
 * @property {string} [injectionSelector]
 * @property {Rule[]} patterns
 * @property {Record<string, Rule>} repository
 */

/**
 * Builds a captures object from positional entries: entry i describes capture
 * group i + 1. A string is a scope name, an object a full capture, null skips
 * the group. Counting groups by hand is where grammars go wrong; this keeps
 * each group's scope next to its position in the list.
 *
 * @param {...(string | Capture | null)} entries
 * @returns {Captures}
 */
function caps(...entries) {
  /** @type {Captures} */
  const result = {};
  entries.forEach((entry, index) => {
    if (entry === null) {
      return;
    }
    result[String(index + 1)] = typeof entry === 'string' ? { name: entry } : entry;
  });
  return result;
}

/**
 * A capture whose text is tokenized again with the given rules.
 *
 * @param {string | null} name
 * @param {...string} includes repository names, without `#`
 * @returns {Capture}
 */
function capWith(name, ...includes) {
  /** @type {Capture} */
  const capture = { patterns: includes.map((ref) => ({ include: ref.startsWith('#') || ref.includes('.') ? ref : `#${ref}` })) };
  if (name) {
    capture.name = name;
  }
  return capture;
}

/**
 * @param {...string} names repository names, without `#`
 * @returns {Rule[]}
 */
function includes(...names) {
  return names.map((ref) => ({ include: ref.startsWith('#') || ref.startsWith('$') || ref.includes('.') ? ref : `#${ref}` }));
}

module.exports = { caps, capWith, includes };
