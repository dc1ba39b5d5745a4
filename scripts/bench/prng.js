'use strict';
/**
 * A small seeded PRNG (mulberry32): the same seed gives the same trace on
 * every machine and Node version, so runs can be compared.
 */

function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const HEX = '0123456789abcdef';
  const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const pickChars = (alphabet, length) => {
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[Math.floor(next() * alphabet.length)];
    return s;
  };
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    hex: (length) => pickChars(HEX, length),
    alnum: (length) => pickChars(ALNUM, length),
    digits: (length) => pickChars('0123456789', length),
  };
}

module.exports = { createRandom };
