// The Logs data layer and the bounded event window against the real emulator in-process.
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
  PutRetentionPolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../../../emulator/testing';
import { activateSession, AwsSession } from '../session';
import { parseConfig } from '../config';
import { CredentialStore } from '../credentials';
import { filterEvents, listLogGroups, listLogStreams } from './api';
import { EventWindow, groupPager, streamPager } from './event-window';

let emu: TestEmulator;
let logs: CloudWatchLogsClient;
let region: string;
const T0 = Date.now() - 3_600_000;

async function put(group: string, stream: string, messages: string[], from: number) {
  for (let i = 0; i < messages.length; i += 10_000) {
    const batch = messages.slice(i, i + 10_000).map((message, j) => ({ timestamp: from + i + j, message }));
    await logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: stream, logEvents: batch }));
  }
}

beforeAll(async () => {
  emu = await startTestEmulator();
  region = emu.region;
  logs = new CloudWatchLogsClient(emu.clientConfig);
  const config = parseConfig({ regions: [region], endpoint: emu.url, auth: { mode: 'static', ...emu.credentials } });
  activateSession(new AwsSession(config, new CredentialStore(async () => ({ ...emu.credentials }))));
  for (const g of ['/aws/lambda/a', '/aws/lambda/b', '/app/web'])
    await logs.send(new CreateLogGroupCommand({ logGroupName: g }));
  await logs.send(new PutRetentionPolicyCommand({ logGroupName: '/app/web', retentionInDays: 7 }));
  await logs.send(new CreateLogStreamCommand({ logGroupName: '/aws/lambda/a', logStreamName: 'old' }));
  await logs.send(new CreateLogStreamCommand({ logGroupName: '/aws/lambda/a', logStreamName: 'long' }));
  await put('/aws/lambda/a', 'old', ['early'], T0 - 10_000);
  await put(
    '/aws/lambda/a',
    'long',
    Array.from({ length: 5000 }, (_, i) => (i % 100 === 0 ? `{"level":"error","n":${i}}` : `line ${i}`)),
    T0,
  );
});

afterAll(async () => {
  activateSession(undefined);
  await emu?.dispose();
});

describe('groups and streams', () => {
  it('filters groups by prefix and reads retention and stored bytes', async () => {
    const page = await listLogGroups({ region, prefix: '/aws/lambda/' });
    expect(page.items.map((g) => g.name)).toEqual(['/aws/lambda/a', '/aws/lambda/b']);
    expect(page.items[0]?.storedBytes).toBeGreaterThan(0);
    const web = await listLogGroups({ region, prefix: '/app' });
    expect(web.items[0]?.retentionDays).toBe(7);
    const first = await listLogGroups({ region, limit: 1 });
    expect(first.nextToken).toBeDefined();
  });

  it('lists the stream with the latest event first', async () => {
    const page = await listLogStreams({ region, group: '/aws/lambda/a' });
    expect(page.items.map((s) => s.name)).toEqual(['long', 'old']);
  });

  it('passes the filter pattern as the API takes it', async () => {
    const page = await filterEvents({ region, group: '/aws/lambda/a', pattern: '"\\"level\\":\\"error\\""' });
    expect(page.items).toHaveLength(50);
    expect(page.items.every((e) => e.message.includes('"level":"error"'))).toBe(true);
  });
});

describe('the bounded event window', () => {
  it('opens a stream at its newest events, pages back to the first and down again, never holding more than its bound', async () => {
    const w = new EventWindow(streamPager({ region, group: '/aws/lambda/a', stream: 'long', pageSize: 500 }), 1200);
    let snap = await w.loadInitial();
    expect(snap.events.at(-1)?.message).toBe('line 4999');
    let max = w.size;
    while (await w.loadOlder()) max = Math.max(max, w.size);
    snap = w.snapshot();
    expect(snap.events[0]?.message).toBe('{"level":"error","n":0}');
    expect(snap.hasOlder).toBe(false);
    expect(snap.hasDroppedNewer).toBe(true);
    expect(max).toBeLessThanOrEqual(1200);
    while (await w.loadNewer()) max = Math.max(max, w.size);
    snap = w.snapshot();
    expect(snap.events.at(-1)?.message).toBe('line 4999');
    expect(snap.hasDroppedNewer).toBe(false);
    expect(max).toBeLessThanOrEqual(1200);
  });

  it('pages a group forward and back again through dropped pages, and a follow poll sees new events once', async () => {
    const w = new EventWindow(
      groupPager({ region, group: '/aws/lambda/a', range: { start: T0 }, pageSize: 1000 }),
      2000,
    );
    let snap = await w.loadInitial();
    expect(snap.events[1]?.message).toBe('line 1');
    while (await w.loadNewer());
    snap = w.snapshot();
    expect(snap.events.at(-1)?.message).toBe('line 4999');
    expect(w.size).toBeLessThanOrEqual(2000);
    while (await w.loadOlder());
    expect(w.snapshot().events[0]?.message).toBe('{"level":"error","n":0}');
    while (await w.loadNewer());
    expect(w.snapshot().events.at(-1)?.message).toBe('line 4999');

    expect(await w.loadNewer()).toBe(0);
    await put('/aws/lambda/a', 'long', ['fresh one', 'fresh two'], T0 + 4999);
    expect(await w.loadNewer()).toBe(2);
    expect(await w.loadNewer()).toBe(0);
    expect(
      w
        .snapshot()
        .events.slice(-3)
        .map((e) => e.message),
    ).toEqual(['line 4999', 'fresh one', 'fresh two']);
  });
});
