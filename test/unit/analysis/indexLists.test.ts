/** The analysis' lists of indices per owner (`IndexLists`). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IndexLists } from '../../../server/src/sip/analysis/indexLists';

test('lists keep each owner\'s members in the order added, whatever the interleaving', () => {
  const lists = new IndexLists(3, 8);
  lists.add(0, 0);
  lists.add(2, 1);
  lists.add(0, 2);
  lists.add(0, 5);
  lists.add(2, 7);
  assert.deepEqual(lists.toArray(0), [0, 2, 5]);
  assert.deepEqual(lists.toArray(1), []);
  assert.deepEqual(lists.toArray(2), [1, 7]);
  assert.equal(lists.count(0), 3);
  assert.equal(lists.count(1), 0);
});

test('a list walks newest first through last and previous', () => {
  const lists = new IndexLists(2, 6);
  for (const m of [4, 1, 3]) lists.add(1, m);
  const walked: number[] = [];
  for (let m = lists.last(1); m !== -1; m = lists.previous(m)) walked.push(m);
  assert.deepEqual(walked, [3, 1, 4]);
  assert.equal(lists.last(0), -1);
});

test('each array copied out is a fresh array of exactly the list\'s length', () => {
  const lists = new IndexLists(1, 3);
  lists.add(0, 2);
  const a = lists.toArray(0);
  const b = lists.toArray(0);
  assert.notEqual(a, b);
  assert.deepEqual(a, [2]);
  assert.equal(a.length, 1);
});
