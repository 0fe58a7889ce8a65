import { filterEvents, getStreamEvents, type LogEvent, type TimeRange } from './api';

/** A page the window holds, with the source's own cursor to reach its neighbours. */
export interface WindowPage<C = unknown> {
  events: LogEvent[];
  cursor: C;
}

/** How a view reads its events: a first page, then older and newer pages around any page it holds. */
export interface EventPager<C = unknown> {
  initial(signal?: AbortSignal): Promise<WindowPage<C>>;
  /** The page before `page`; undefined at the beginning. */
  older(page: WindowPage<C>, signal?: AbortSignal): Promise<WindowPage<C> | undefined>;
  /** The page after `page`; empty when nothing newer exists yet (a follow asks again later). */
  newer(page: WindowPage<C>, signal?: AbortSignal): Promise<WindowPage<C>>;
}

export interface WindowSnapshot {
  events: LogEvent[];
  /** Older events exist before the first one held (on the server, or dropped from memory). */
  hasOlder: boolean;
  /** Newer events were dropped from memory to stay bounded: "Load newer" fetches them again. */
  hasDroppedNewer: boolean;
}

/**
 * A bounded window over a long event sequence: pages are added at either end, and pages at the far
 * end are dropped once more than `maxEvents` are held, so a 100,000-event stream never lives in memory.
 * Dropped pages are fetched again through the pager's cursors when the user pages back.
 */
export class EventWindow<C = unknown> {
  private pages: WindowPage<C>[] = [];
  private hasOlder = true;
  private droppedNewer = false;

  constructor(
    private readonly pager: EventPager<C>,
    readonly maxEvents = 2000,
  ) {}

  snapshot(): WindowSnapshot {
    return { events: this.pages.flatMap((p) => p.events), hasOlder: this.hasOlder, hasDroppedNewer: this.droppedNewer };
  }

  get size(): number {
    return this.pages.reduce((n, p) => n + p.events.length, 0);
  }

  async loadInitial(signal?: AbortSignal): Promise<WindowSnapshot> {
    const page = await this.pager.initial(signal);
    this.pages = [page];
    this.droppedNewer = false;
    this.hasOlder = true;
    return this.snapshot();
  }

  /** Prepend the page before the first one held; drops newest pages past the bound. Returns how many were added. */
  async loadOlder(signal?: AbortSignal): Promise<number> {
    const first = this.pages[0];
    if (!first || !this.hasOlder) return 0;
    const page = await this.pager.older(first, signal);
    if (!page || page.events.length === 0) {
      this.hasOlder = false;
      return 0;
    }
    this.pages.unshift(page);
    while (this.pages.length > 1 && this.size > this.maxEvents) {
      this.pages.pop();
      this.droppedNewer = true;
    }
    return page.events.length;
  }

  /**
   * Append the page after the last one held (a follow's poll, or paging back down after a drop);
   * drops oldest pages past the bound. Returns how many events were added.
   */
  async loadNewer(signal?: AbortSignal): Promise<number> {
    const last = this.pages[this.pages.length - 1];
    if (!last) return 0;
    const page = await this.pager.newer(last, signal);
    if (page.events.length === 0) {
      // Keep the newest cursor (a poll may move it on without events).
      this.pages[this.pages.length - 1] = { ...last, cursor: page.cursor };
      this.droppedNewer = false;
      return 0;
    }
    this.pages.push(page);
    while (this.pages.length > 1 && this.size > this.maxEvents) {
      this.pages.shift();
      this.hasOlder = true;
    }
    return page.events.length;
  }
}

interface StreamCursor {
  back?: string | undefined;
  fwd?: string | undefined;
}

/** One stream through GetLogEvents: its tokens lead both ways, so any page can be reached again. */
export function streamPager(params: {
  region: string;
  group: string;
  stream: string;
  range?: TimeRange;
  pageSize?: number;
}): EventPager<StreamCursor> {
  const base = { ...params, limit: params.pageSize ?? 500 };
  const read = async (token: string | undefined, signal?: AbortSignal) => {
    const p = await getStreamEvents({ ...base, token, fromHead: false }, signal);
    return { events: p.events, cursor: { back: p.backwardToken, fwd: p.forwardToken } };
  };
  return {
    initial: (signal) => read(undefined, signal),
    async older(page, signal) {
      if (!page.cursor.back) return undefined;
      return read(page.cursor.back, signal);
    },
    newer: (page, signal) => read(page.cursor.fwd, signal),
  };
}

interface GroupCursor {
  /** Position in the pager's chain of request cursors. */
  index: number;
}

interface ChainLink {
  token?: string | undefined;
  /** The query's start time when it differs from the range's (a poll after the data ran out). */
  start?: number;
  /** Events at `start` already shown, skipped when asking again from that time. */
  seenIds?: string[];
}

/**
 * A group (or some of its streams) through FilterLogEvents, which only pages forward: the pager keeps
 * the chain of request cursors, so a page dropped from memory can be fetched again going back up. At
 * the end of the data it asks again from the last timestamp (a follow), skipping events already shown.
 */
export function groupPager(params: {
  region: string;
  group: string;
  streams?: string[] | undefined;
  pattern?: string | undefined;
  range?: TimeRange;
  pageSize?: number;
}): EventPager<GroupCursor> {
  const chain: ChainLink[] = [{}];
  // What follows each page read, known once it was read.
  const nextLinks = new Map<number, ChainLink>();
  const read = async (index: number, signal?: AbortSignal): Promise<WindowPage<GroupCursor>> => {
    const link = chain[index] ?? {};
    const range = link.start !== undefined ? { ...params.range, start: link.start } : params.range;
    const page = await filterEvents(
      { ...params, ...(range ? { range } : {}), token: link.token, limit: params.pageSize ?? 500 },
      signal,
    );
    const seen = new Set(link.seenIds ?? []);
    const events = seen.size ? page.items.filter((e) => !seen.has(e.id)) : page.items;
    if (page.nextToken) {
      nextLinks.set(index, { token: page.nextToken, ...(link.start !== undefined ? { start: link.start } : {}) });
    } else {
      const last = events[events.length - 1];
      if (last) {
        const seenIds = events.filter((e) => e.timestamp === last.timestamp).map((e) => e.id);
        nextLinks.set(index, { start: last.timestamp, seenIds });
      } else nextLinks.set(index, { ...link, token: undefined });
    }
    return { events, cursor: { index } };
  };
  return {
    initial: (signal) => read(0, signal),
    async older(page, signal) {
      if (page.cursor.index === 0) return undefined;
      return read(page.cursor.index - 1, signal);
    },
    async newer(page, signal) {
      const i = page.cursor.index;
      const next = nextLinks.get(i) ?? {};
      chain[i + 1] = next;
      const out = await read(i + 1, signal);
      if (out.events.length === 0) {
        // A poll that found nothing stays on this page, so the next poll asks from the same place.
        nextLinks.set(i, nextLinks.get(i + 1) ?? next);
        chain.length = i + 1;
        return { events: [], cursor: { index: i } };
      }
      return out;
    },
  };
}
