import { PriorityHeap } from './priority-heap';

describe('PriorityHeap', () => {
  it('pops items smallest first', () => {
    const heap = new PriorityHeap<number>((a, b) => a - b);
    const values = [5, 3, 9, 1, 7, 2, 8, 2, 6, 4, 0];
    values.forEach((value) => heap.push(value));
    expect(heap.size).toBe(values.length);
    const popped: number[] = [];
    while (heap.size > 0) popped.push(heap.pop() as number);
    expect(popped).toEqual([...values].sort((a, b) => a - b));
    expect(heap.pop()).toBeUndefined();
  });
});
