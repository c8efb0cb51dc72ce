/**
 * A tiny least-recently-used map, bounded by count and by bytes, that hands back what it evicts so
 * the caller can dispose it (and say so).
 */
export class Lru<V> {
  private readonly map = new Map<string, { value: V; bytes: number }>();
  constructor(
    private readonly capacity: number,
    private readonly maxBytes = Infinity,
  ) {}

  get(key: string): V | undefined {
    const entry = this.map.get(key);
    if (entry !== undefined) {
      this.map.delete(key);
      this.map.set(key, entry);
    }
    return entry?.value;
  }

  /** Inserts and returns the entries pushed out (never the one inserted). */
  set(key: string, value: V, bytes = 0): V[] {
    this.map.delete(key);
    this.map.set(key, { value, bytes });
    return this.evictWhile(() => this.map.size > this.capacity || this.bytes() > this.maxBytes, key);
  }

  /**
   * Evicts the oldest entries until `bytes` more would fit (or nothing is left): a load makes room
   * before it starts, since building a model takes its memory before it is in the map.
   */
  makeRoom(bytes: number): V[] {
    return this.evictWhile(() => this.map.size > 0 && this.bytes() + bytes > this.maxBytes);
  }

  private evictWhile(over: () => boolean, keep?: string): V[] {
    const evicted: V[] = [];
    while (over()) {
      const oldest = [...this.map.keys()].find((k) => k !== keep);
      if (oldest === undefined) break;
      evicted.push(this.map.get(oldest)!.value);
      this.map.delete(oldest);
    }
    return evicted;
  }

  bytes(): number {
    let sum = 0;
    for (const e of this.map.values()) sum += e.bytes;
    return sum;
  }

  delete(key: string): V | undefined {
    const entry = this.map.get(key);
    this.map.delete(key);
    return entry?.value;
  }

  clear(): V[] {
    const all = [...this.map.values()].map((e) => e.value);
    this.map.clear();
    return all;
  }

  keys(): string[] {
    return [...this.map.keys()];
  }
}
