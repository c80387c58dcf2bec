/** Whether slot `a` comes before slot `b` in an order (a strict, total order). */
export type Before = (a: number, b: number) => boolean;

/**
 * The first `k` slots in an order, sorted: a bounded heap holding the k best so far, its worst on top,
 * so n candidates cost n·log k instead of sorting all of them.
 */
export function selectTop(slots: Int32Array, k: number, before: Before): number[] {
  const size = Math.min(k, slots.length);
  if (size <= 0) return [];
  const heap: number[] = [];
  // The worst of the heap on top: a parent never comes before its children.
  const down = (from: number) => {
    let at = from;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < heap.length && before(heap[worst]!, heap[left]!)) worst = left;
      if (right < heap.length && before(heap[worst]!, heap[right]!)) worst = right;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst]!, heap[at]!];
      at = worst;
    }
  };
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    if (heap.length < size) {
      heap.push(slot);
      for (let at = heap.length - 1; at > 0;) {
        const parent = (at - 1) >> 1;
        if (!before(heap[parent]!, heap[at]!)) break;
        [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
        at = parent;
      }
    } else if (before(slot, heap[0]!)) {
      heap[0] = slot;
      down(0);
    }
  }
  return heap.sort((a, b) => (a === b ? 0 : before(a, b) ? -1 : 1));
}
