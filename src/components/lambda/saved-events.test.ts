// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { deleteEvent, exportEvents, importEvents, parseEventsFile, readSavedEvents, saveEvent } from './saved-events';
import { HISTORY_SIZE, readHistory, recordInvocation } from './invocation-history';
import { templatePayload } from './event-templates';

beforeEach(() => localStorage.clear());

describe('saved test events', () => {
  it('saves per function, replaces by name, lists newest first, and deletes', () => {
    saveEvent('r/echo', 'a', '{"n":1}', 1);
    saveEvent('r/echo', 'b', '{"n":2}', 2);
    saveEvent('r/other', 'a', '{}', 3);
    saveEvent('r/echo', 'a', '{"n":3}', 4);
    expect(readSavedEvents('r/echo').map((e) => `${e.name}=${e.payload}`)).toEqual(['a={"n":3}', 'b={"n":2}']);
    expect(deleteEvent('r/echo', 'a').map((e) => e.name)).toEqual(['b']);
    expect(readSavedEvents('r/other')).toHaveLength(1);
  });

  it('refuses a payload that is not JSON and a missing name, saying which', () => {
    expect(() => saveEvent('f', 'x', '{oops')).toThrow(/^The payload is not JSON/);
    expect(() => saveEvent('f', '  ', '{}')).toThrow('Give the event a name.');
    expect(readSavedEvents('f')).toEqual([]);
  });

  it('round-trips through an export file into another function', () => {
    saveEvent('r/echo', 'hello', '{"hi":true}', 5);
    const file = exportEvents('echo', readSavedEvents('r/echo'));
    saveEvent('r/copy', 'hello', '{"old":true}', 1);
    saveEvent('r/copy', 'keep', '{}', 2);
    const merged = importEvents('r/copy', parseEventsFile(file));
    expect(merged.map((e) => `${e.name}=${e.payload}`)).toEqual(['hello={"hi":true}', 'keep={}']);
  });

  it('says what is wrong with a file that is not an export', () => {
    expect(() => parseEventsFile('nope')).toThrow(/^The file is not JSON/);
    expect(() => parseEventsFile('{"events":[]}')).toThrow(/not a test-event export/);
    expect(() =>
      parseEventsFile(
        JSON.stringify({ format: 'aws-console/lambda-test-events', events: [{ name: 'x', payload: '{', savedAt: 1 }] }),
      ),
    ).toThrow('Event 1 ("x"): its payload is not JSON.');
  });
});

describe('invocation history', () => {
  it('keeps the newest invocations, bounded', () => {
    for (let i = 0; i < HISTORY_SIZE + 5; i++)
      recordInvocation('f', { at: i, type: 'RequestResponse', status: 200, outcome: 'Succeeded', isError: false });
    const h = readHistory('f');
    expect(h).toHaveLength(HISTORY_SIZE);
    expect(h[0]?.at).toBe(HISTORY_SIZE + 4);
  });
});

describe('templates', () => {
  it('names the real bucket and key in the S3 put template, URL-encoded as S3 sends it', () => {
    const doc = JSON.parse(
      templatePayload('s3-put', { region: 'eu-west-1', bucket: 'photos', object: { key: 'a b/c.png', size: 12 } }),
    ) as { Records: { awsRegion: string; s3: { bucket: { name: string }; object: { key: string; size: number } } }[] };
    expect(doc.Records[0]?.s3.bucket.name).toBe('photos');
    expect(doc.Records[0]?.s3.object).toMatchObject({ key: 'a+b/c.png', size: 12 });
    expect(doc.Records[0]?.awsRegion).toBe('eu-west-1');
  });

  it('builds valid JSON for every template', () => {
    for (const id of ['apigateway-proxy', 's3-put', 'sqs-batch', 'eventbridge'] as const)
      expect(() => JSON.parse(templatePayload(id, { region: 'us-east-1' }))).not.toThrow();
  });
});
