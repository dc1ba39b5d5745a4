/**
 * Lists of indices grouped by an owner (a call's messages, a transaction's
 * responses), built in one pass and then copied out as arrays of exactly
 * their length.
 *
 * Why not push onto an array per owner: V8 gives an array room for 17
 * entries at its first push, and most of these lists hold one to three. The
 * analysis is kept as long as its trace, so a 20 MB trace kept about 4 MB of
 * unused array slots, and every young-generation collection during the
 * analysis copied them. Here the lists live in two flat typed arrays until
 * the pass ends.
 *
 * Each member (a message or transaction index below `members`) joins at most
 * one list: the link to the member added before it in its list is stored at
 * the member's own slot.
 */
export class IndexLists {
  /** Owner -> the member added last, or -1. */
  private readonly lastOf: Int32Array;
  private readonly countOf: Int32Array;
  /** Member -> the member added before it to the same list, or -1. */
  private readonly before: Int32Array;

  constructor(owners: number, members: number) {
    this.lastOf = new Int32Array(owners).fill(-1);
    this.countOf = new Int32Array(owners);
    this.before = new Int32Array(members);
  }

  add(owner: number, member: number): void {
    this.before[member] = this.lastOf[owner];
    this.lastOf[owner] = member;
    this.countOf[owner]++;
  }

  count(owner: number): number {
    return this.countOf[owner];
  }

  /** The member added last to the owner's list, or -1: with `previous`, walks the list newest first. */
  last(owner: number): number {
    return this.lastOf[owner];
  }

  /** The member added to the same list before `member`, or -1. */
  previous(member: number): number {
    return this.before[member];
  }

  /** The owner's list in the order added, as an array of exactly its length. */
  toArray(owner: number): number[] {
    const n = this.countOf[owner];
    if (n === 0) return [];
    const out = new Array<number>(n);
    for (let k = n - 1, m = this.lastOf[owner]; k >= 0; k--, m = this.before[m]) out[k] = m;
    return out;
  }
}
