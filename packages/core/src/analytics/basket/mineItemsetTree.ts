import { MemberkitError } from '../../errors/memberkitError.ts';
import type { BasketIndex } from './basketIndex.ts';

/**
 * Every frequent itemset as a node of a set-enumeration tree: a node's
 * itemset is the item ranks on its path from the root, ascending. Children
 * of a node are stored contiguously in ascending rank, so the count of any
 * itemset is found by binary search down the path. Node 0 is the empty set;
 * node `1 + r` is the single item of rank `r`.
 *
 * @example
 * ```ts
 * import { indexBaskets } from './basketIndex.ts';
 * import { mineItemsetTree } from './mineItemsetTree.ts';
 * const tree = mineItemsetTree(indexBaskets([['a', 'b'], ['a', 'b'], ['a']], 2), 2, 10);
 * tree.size; // {}, {b}, {a}, {b, a}
 * //=> 4
 * ```
 */
export interface ItemsetTree {
  /** Number of nodes, the empty set included. */
  readonly size: number;
  readonly item: Int32Array;
  readonly count: Int32Array;
  readonly parent: Int32Array;
  readonly firstChild: Int32Array;
  readonly childCount: Int32Array;
  readonly depth: Uint8Array;
}

/**
 * Count of the itemset whose ranks are `ranks[0..length)` in ascending
 * order, skipping position `skip` (-1 for none); -1 if it is not frequent.
 * The search may start part-way down: at `startNode`, the node of the
 * itemset `ranks[0..start)` (a rule's antecedent shares its prefix with the
 * rule's itemset, so only the rest is searched).
 *
 * @example
 * ```ts
 * import { indexBaskets } from './basketIndex.ts';
 * import { mineItemsetTree, itemsetCount } from './mineItemsetTree.ts';
 * const tree = mineItemsetTree(indexBaskets([['a', 'b'], ['a', 'b'], ['a']], 1), 1, 10);
 * itemsetCount(tree, Int32Array.of(0, 1), 2, 0); // {a}: rank 1
 * //=> 3
 * ```
 */
export function itemsetCount(tree: ItemsetTree, ranks: Int32Array, length: number, skip: number, start = 0, startNode = 0): number {
  let node = startNode;
  for (let k = start; k < length; k++) {
    if (k === skip) continue;
    const want = ranks[k]!;
    let lo = tree.firstChild[node]!;
    let hi = lo + tree.childCount[node]! - 1;
    node = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const it = tree.item[mid]!;
      if (it === want) {
        node = mid;
        break;
      }
      if (it < want) lo = mid + 1;
      else hi = mid - 1;
    }
    if (node < 0) return -1;
  }
  return tree.count[node]!;
}

class NodeStore {
  size = 0;
  item = new Int32Array(1024);
  count = new Int32Array(1024);
  parent = new Int32Array(1024);
  firstChild = new Int32Array(1024);
  childCount = new Int32Array(1024);
  depth = new Uint8Array(1024);

  add(item: number, count: number, parent: number, depth: number): number {
    if (this.size === this.item.length) this.grow();
    const id = this.size++;
    this.item[id] = item;
    this.count[id] = count;
    this.parent[id] = parent;
    this.depth[id] = depth;
    return id;
  }

  private grow(): void {
    const cap = this.item.length * 2;
    const up32 = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.item = up32(this.item);
    this.count = up32(this.count);
    this.parent = up32(this.parent);
    this.firstChild = up32(this.firstChild);
    this.childCount = up32(this.childCount);
    const d = new Uint8Array(cap);
    d.set(this.depth);
    this.depth = d;
  }
}

/**
 * Mines every itemset bought in at least `minCount` baskets with up to
 * `maxLength` items, depth first over the set-enumeration tree. Children of
 * a node are found by occurrence delivery (LCM, Uno et al. 2004): one pass
 * over the node's baskets counts every item ranked after its last item, a
 * second pass writes the tid lists of the frequent ones into one reusable
 * `Int32Array` pool. On sparse retail baskets this touches each basket's few
 * items instead of intersecting long tid lists, and allocates nothing per node.
 * Stops with an error past `maxItemsets` nodes, so a support set too low
 * fails fast instead of exhausting memory.
 *
 * @example
 * ```ts
 * import { indexBaskets } from './basketIndex.ts';
 * import { mineItemsetTree } from './mineItemsetTree.ts';
 * mineItemsetTree(indexBaskets([['a', 'b'], ['a', 'c'], ['a', 'b']], 2), 2, 10).size;
 * //=> 4
 * ```
 */
export function mineItemsetTree(index: BasketIndex, minCount: number, maxLength: number, maxItemsets = Infinity): ItemsetTree {
  const miner = new ItemsetMiner(index, minCount, maxLength, maxItemsets);
  const { nodes } = miner;
  if (maxLength > 1) for (let r = 0; r < index.counts.length; r++) miner.expand(1 + r, index.offsets[r]!, index.counts[r]!, 1);
  return {
    size: nodes.size,
    item: nodes.item,
    count: nodes.count,
    parent: nodes.parent,
    firstChild: nodes.firstChild,
    childCount: nodes.childCount,
    depth: nodes.depth,
  };
}

/**
 * The depth-first search state. A class rather than a closure on purpose:
 * a recursive closure is a new function object per call of
 * `mineItemsetTree`, and V8 throws away optimised code whose recursive call
 * target changed ("wrong call target"), hundreds of times per run; a method
 * keeps one call target.
 */
class ItemsetMiner {
  readonly nodes = new NodeStore();
  private pool: Int32Array<ArrayBuffer>;
  private top: number;
  private readonly counter: Int32Array;
  private readonly cursor: Int32Array;
  private readonly rowOffsets: Int32Array;
  private readonly rowItems: Int32Array;

  constructor(
    index: BasketIndex,
    private readonly minCount: number,
    private readonly maxLength: number,
    private readonly maxItemsets: number,
  ) {
    const itemTotal = index.counts.length;
    this.rowOffsets = index.rowOffsets;
    this.rowItems = index.rowItems;
    this.nodes.add(-1, index.transactionCount, -1, 0);
    this.pool = new Int32Array(Math.max(1024, index.tids.length * 2));
    this.pool.set(index.tids);
    this.top = index.tids.length;
    this.counter = new Int32Array(itemTotal);
    this.cursor = new Int32Array(itemTotal);
    this.nodes.firstChild[0] = 1;
    this.nodes.childCount[0] = itemTotal;
    for (let r = 0; r < itemTotal; r++) this.nodes.add(r, index.counts[r]!, 0, 1);
  }

  /** Finds the children of `node`, whose baskets are `pool[occStart, occStart + occLen)`, and recurses into them. */
  expand(node: number, occStart: number, occLen: number, depth: number): void {
    const { nodes, counter, cursor, rowOffsets, rowItems, minCount } = this;
    const tail = nodes.item[node]!;
    const occEnd = occStart + occLen;
    let pool = this.pool;
    let highest = tail;
    for (let o = occStart; o < occEnd; o++) {
      const t = pool[o]!;
      for (let k = rowOffsets[t + 1]! - 1, lo = rowOffsets[t]!; k >= lo; k--) {
        const j = rowItems[k]!;
        if (j <= tail) break;
        counter[j]!++;
        if (j > highest) highest = j;
      }
    }
    const childFirst = nodes.size;
    const leaf = depth + 1 >= this.maxLength;
    const mark = this.top;
    // A child can only be extended by the siblings ranked after it, so the
    // last child never is: it needs no tid list and no expansion.
    let last = tail;
    let need = 0;
    for (let j = tail + 1; j <= highest; j++) {
      if (counter[j]! >= minCount) {
        need += counter[j]!;
        last = j;
      }
    }
    if (!leaf && mark + need > pool.length) {
      const bigger = new Int32Array(Math.max(pool.length * 2, mark + need));
      bigger.set(pool);
      this.pool = pool = bigger;
    }
    let top = mark;
    for (let j = tail + 1; j <= last; j++) {
      const c = counter[j]!;
      if (c >= minCount) {
        nodes.add(j, c, node, depth + 1);
        cursor[j] = top;
        if (!leaf && j !== last) top += c;
      }
    }
    const children = nodes.size - childFirst;
    if (nodes.size > this.maxItemsets) {
      throw new MemberkitError('invalid_input', `more than ${this.maxItemsets} frequent itemsets: raise minSupport or lower maxLength`, {
        field: 'minSupport',
        details: { maxItemsets: this.maxItemsets },
      });
    }
    nodes.firstChild[node] = childFirst;
    nodes.childCount[node] = children;
    if (children > 1 && !leaf) {
      for (let o = occStart; o < occEnd; o++) {
        const t = pool[o]!;
        for (let k = rowOffsets[t + 1]! - 1, lo = rowOffsets[t]!; k >= lo; k--) {
          const j = rowItems[k]!;
          if (j <= tail) break;
          if (j !== last && counter[j]! >= minCount) pool[cursor[j]!++] = t;
        }
      }
    }
    for (let j = tail + 1; j <= highest; j++) counter[j] = 0;
    if (!leaf) {
      this.top = top;
      let start = mark;
      for (let c = childFirst; c < childFirst + children - 1; c++) {
        const len = nodes.count[c]!;
        this.expand(c, start, len, depth + 1);
        start += len;
      }
    }
    this.top = mark;
  }
}
