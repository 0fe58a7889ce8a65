import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../testing.js';
import { signRequest } from '../testing-http.js';
import { sha256Hex } from './hash.js';

/** Requests signed by hand, then replayed late or with another body, as an attacker on the wire would. */
describe('replayed and late requests', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.dispose());

  async function sign(service: string, headers: Record<string, string>, body: string, date = new Date(), path = '/') {
    return (
      await signRequest(emu, { service, method: body ? 'POST' : 'GET', path, headers, body: body || undefined, date })
    ).headers;
  }

  it('DynamoDB: a changed body is InvalidSignatureException, a late request "Signature expired"', async () => {
    const headers = { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables' };
    const signed = await sign('dynamodb', headers, '{}');
    expect((await fetch(emu.url, { method: 'POST', headers: signed, body: '{}' })).status).toBe(200);
    const changed = await fetch(emu.url, { method: 'POST', headers: signed, body: '{"Limit":1}' });
    expect(changed.status).toBe(400);
    expect(await changed.text()).toContain('InvalidSignatureException');
    const late = await sign('dynamodb', headers, '{}', new Date(Date.now() - 20 * 60_000));
    const res = await fetch(emu.url, { method: 'POST', headers: late, body: '{}' });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/InvalidSignatureException.*Signature expired/);
  });

  it('SQS: a changed body is SignatureDoesNotMatch', async () => {
    const headers = {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'AmazonSQS.ListQueues',
      'x-amzn-query-mode': 'true',
    };
    const signed = await sign('sqs', headers, '{}');
    expect((await fetch(emu.url, { method: 'POST', headers: signed, body: '{}' })).status).toBe(200);
    const changed = await fetch(emu.url, { method: 'POST', headers: signed, body: '{"QueueNamePrefix":"x"}' });
    expect(changed.status).toBe(403);
    expect(await changed.text()).toContain('SignatureDoesNotMatch');
  });

  it('S3: a request signed 20 minutes ago is RequestTimeTooSkewed', async () => {
    const headers = { 'x-amz-content-sha256': sha256Hex('') };
    const ok = await fetch(emu.url, { headers: await sign('s3', headers, '') });
    expect(ok.status).toBe(200);
    const late = await fetch(emu.url, { headers: await sign('s3', headers, '', new Date(Date.now() - 20 * 60_000)) });
    expect(late.status).toBe(403);
    expect(await late.text()).toContain('<Code>RequestTimeTooSkewed</Code>');
  });
});
