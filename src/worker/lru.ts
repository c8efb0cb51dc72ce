/** A tiny least-recently-used map that hands back what it evicts, so the caller can dispose it. */
export class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  /** Inserts and returns the entries pushed out. */
  set(key: string, value: V): V[] {
    this.map.delete(key);
    this.map.set(key, value);
    const evicted: V[] = [];
    while (this.map.size > this.capacity) {
      const oldest = this.map.keys().next().value as string;
      evicted.push(this.map.get(oldest)!);
      this.map.delete(oldest);
    }
    return evicted;
  }

  delete(key: string): V | undefined {
    const value = this.map.get(key);
    this.map.delete(key);
    return value;
  }

  clear(): V[] {
    const all = [...this.map.values()];
    this.map.clear();
    return all;
  }

  keys(): string[] {
    return [...this.map.keys()];
  }
}
