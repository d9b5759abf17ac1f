import { describe, expect, it } from 'vitest';
import { LabelStore } from '../../src/solve/labelingPrune.js';

/** Fills `store` with `count` labels whose sums are label × 10 + slot. */
function fill(store: LabelStore, count: number): void {
  for (let i = 0; i < count; i++) {
    const j = store.reserve();
    store.cost[j] = i;
    store.move[j] = i % 3;
    store.trail[j] = null;
    for (let k = 0; k < store.slots; k++) store.sums[j * store.slots + k] = i * 10 + k;
    store.size++;
  }
}

describe('label store', () => {
  it('grows past its first capacity and keeps every label it holds', () => {
    const store = new LabelStore();
    store.reset(4);
    fill(store, 300);
    expect(store.size).toBe(300);
    expect(store.cost[299]).toBe(299);
    expect(Array.from(store.sums.subarray(299 * 4, 300 * 4))).toEqual([2990, 2991, 2992, 2993]);
  });

  it('serves a labeling with fewer slots after one with more, and still grows', () => {
    // Shared by every officer's labeling in a thread: one officer has more open rows than the next.
    const store = new LabelStore();
    store.reset(18);
    fill(store, 200);
    store.reset(3);
    fill(store, 5000);
    expect(store.size).toBe(5000);
    expect(Array.from(store.sums.subarray(4999 * 3, 5000 * 3))).toEqual([49990, 49991, 49992]);
    const copy = new LabelStore();
    copy.reset(3);
    copy.copyFrom(store, 4321);
    expect(copy.cost[0]).toBe(4321);
    expect(Array.from(copy.sums.subarray(0, 3))).toEqual([43210, 43211, 43212]);
  });
});
