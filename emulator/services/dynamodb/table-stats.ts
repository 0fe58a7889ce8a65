import type { DynaliteEngine, Input } from './dynalite-engine.js';

interface Stats {
  count: number;
  bytes: number;
}
interface IndexDescription {
  IndexName?: string;
  ItemCount?: number;
  IndexSizeBytes?: number;
}

/**
 * DescribeTable's ItemCount and TableSizeBytes (dynalite leaves them 0). AWS refreshes them about every six
 * hours; here they are counted on demand and reused for a few seconds, so polling stays cheap.
 */
export class TableStats {
  private readonly cache = new Map<string, { until: number; stats: Stats }>();

  constructor(
    private readonly engine: () => DynaliteEngine,
    private readonly maxAgeMs = 5000,
  ) {}

  /** Fill the counts into a DescribeTable (or Create/Update/DeleteTable) description, in place. */
  async fill(table: Input | undefined): Promise<void> {
    if (!table || typeof table.TableName !== 'string' || table.TableStatus !== 'ACTIVE') return;
    // Counted under the name the table is stored as in the request's region.
    const name = this.engine().storedName(table.TableName);
    const own = await this.stats(`item-${name}~`);
    table.ItemCount = own.count;
    table.TableSizeBytes = own.bytes;
    for (const [kind, list] of [
      ['local', table.LocalSecondaryIndexes],
      ['global', table.GlobalSecondaryIndexes],
    ] as const) {
      if (!Array.isArray(list)) continue;
      for (const index of list as IndexDescription[]) {
        if (!index.IndexName) continue;
        const stats = await this.stats(`index-${kind}~${name}~${index.IndexName}~`);
        index.ItemCount = stats.count;
        index.IndexSizeBytes = stats.bytes;
      }
    }
  }

  clear(): void {
    this.cache.clear();
  }

  private async stats(prefix: string): Promise<Stats> {
    const hit = this.cache.get(prefix);
    if (hit && Date.now() < hit.until) return hit.stats;
    const engine = this.engine();
    const stats: Stats = { count: 0, bytes: 0 };
    for await (const value of engine.store.db.values({ gte: prefix, lt: `${prefix}\xff` })) {
      stats.count++;
      stats.bytes += engine.itemSize(value as Input);
    }
    // Big tables are recounted less often (1 ms per item: a million items every ~17 minutes).
    this.cache.set(prefix, { until: Date.now() + Math.max(this.maxAgeMs, stats.count), stats });
    return stats;
  }
}
