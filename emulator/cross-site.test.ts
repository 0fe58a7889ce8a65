import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DescribeInstancesCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { NodeSha256 } from './auth/hash.js';
import { rawRequest } from './testing-http.js';
import { startTestEmulator, type TestEmulator } from './testing.js';
import { DEMO_ISSUER_PATH } from './seed/accounts.js';

/** What Chromium sends with an <img src> from a page at another local origin. */
const IMAGE_FROM = (referer?: string, site = 'cross-site'): Record<string, string> => ({
  'sec-fetch-site': site,
  'sec-fetch-mode': 'no-cors',
  'sec-fetch-dest': 'image',
  accept: 'image/avif,image/webp,image/apng,image/*,*/*;q=0.8',
  ...(referer ? { referer } : {}),
});

describe('requests a browser sends for a page the emulator does not trust', () => {
  let emu: TestEmulator;
  let sqs: SQSClient;
  let ec2: EC2Client;
  let queueUrl: string;
  let instanceId: string;

  /** A query-signed GET (what a presigned URL is), as a path with its query. */
  async function presignedPath(service: 'sqs' | 'ec2', query: Record<string, string>): Promise<string> {
    const url = new URL(emu.url);
    const signer = new SignatureV4({ service, region: emu.region, credentials: emu.credentials, sha256: NodeSha256 });
    const signed = await signer.presign(
      new HttpRequest({
        method: 'GET',
        protocol: 'http:',
        hostname: url.hostname,
        port: Number(url.port),
        path: '/',
        query,
        headers: { host: url.host },
      }),
      { expiresIn: 300 },
    );
    // SigV4's encoding (%20, not URLSearchParams' +).
    const pairs = Object.entries(signed.query ?? {}).map(
      ([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`,
    );
    return `/?${pairs.join('&')}`;
  }

  const messages = async () =>
    Number(
      (
        await sqs.send(
          new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
        )
      ).Attributes?.ApproximateNumberOfMessages,
    );
  const instanceState = async () =>
    (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }))).Reservations?.[0]?.Instances?.[0]
      ?.State?.Name;

  beforeAll(async () => {
    emu = await startTestEmulator({ seed: true });
    sqs = new SQSClient(emu.clientConfig);
    ec2 = new EC2Client(emu.clientConfig);
    queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'cross-site' }))).QueueUrl ?? '';
    const run = await ec2.send(new RunInstancesCommand({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1 }));
    instanceId = run.Instances?.[0]?.InstanceId ?? '';
  });
  afterAll(() => emu.dispose());

  const send = (path: string, headers: Record<string, string>) =>
    rawRequest(emu.url, { path, headers: { host: new URL(emu.url).host, ...headers } });
  const sendMessage = () =>
    presignedPath('sqs', {
      Action: 'SendMessage',
      QueueUrl: queueUrl,
      MessageBody: 'from a stranger',
      Version: '2012-11-05',
    });

  it('refuses an image from another local origin that would send a message, terminate or delete', async () => {
    const refused = [
      await send(await sendMessage(), IMAGE_FROM('http://localhost:8080/')),
      // Another port of localhost is the same site as the console, but not an allowed origin.
      await send(await sendMessage(), IMAGE_FROM('http://localhost:8080/', 'same-site')),
      // A page with Referrer-Policy: no-referrer: nobody vouches for it.
      await send(await sendMessage(), IMAGE_FROM()),
      await send(
        await presignedPath('ec2', { Action: 'TerminateInstances', 'InstanceId.1': instanceId, Version: '2016-11-15' }),
        IMAGE_FROM('http://127.0.0.1:9999/attack.html'),
      ),
      await send(
        await presignedPath('sqs', { Action: 'DeleteQueue', QueueUrl: queueUrl, Version: '2012-11-05' }),
        IMAGE_FROM('http://localhost:8080/'),
      ),
    ];
    for (const res of refused) {
      expect(res.status).toBe(403);
      expect(res.text).toContain('does not accept requests from');
    }
    expect(await messages()).toBe(0);
    expect(await instanceState()).not.toMatch(/shutting-down|terminated/);
  });

  it('refuses an HTML object or sandboxed frame (Origin: null) and a site rebinding its name to 127.0.0.1', async () => {
    const fromNull = await send(await sendMessage(), {
      'sec-fetch-site': 'cross-site',
      'sec-fetch-mode': 'cors',
      origin: 'null',
    });
    expect(fromNull.status).toBe(403);
    const path = await sendMessage();
    const rebound = await rawRequest(emu.url, {
      path,
      headers: {
        host: `evil.example:${new URL(emu.url).port}`,
        'sec-fetch-site': 'same-origin',
        'sec-fetch-mode': 'no-cors',
      },
    });
    expect(rebound.status).toBe(403);
    expect(await messages()).toBe(0);
  });

  it('lets tools, the address bar and the console through', async () => {
    expect((await send(await sendMessage(), {})).status).toBe(200);
    expect((await send(await sendMessage(), { 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate' })).status).toBe(
      200,
    );
    // The console at an allowed origin is another origin than the emulator's port: cross-site, vouched for.
    expect((await send(await sendMessage(), IMAGE_FROM('http://localhost:5173/buckets'))).status).toBe(200);
    const fetched = await send(await sendMessage(), {
      'sec-fetch-site': 'cross-site',
      'sec-fetch-mode': 'cors',
      origin: 'http://127.0.0.1:4173',
    });
    expect(fetched.status).toBe(200);
    expect(await messages()).toBe(4);
  });

  it('serves the sign-in page to a navigation from the console, never to one from another site', async () => {
    const discovery = `${DEMO_ISSUER_PATH}/.well-known/openid-configuration`;
    const navigate = (referer: string) => ({
      'sec-fetch-site': 'cross-site',
      'sec-fetch-mode': 'navigate',
      'sec-fetch-dest': 'document',
      referer,
    });
    expect((await send(discovery, navigate('http://localhost:5173/'))).status).toBe(200);
    expect((await send(discovery, navigate('http://evil.example/'))).status).toBe(403);
    // The login page posts to itself: same-origin, on a loopback name.
    expect((await send(discovery, { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' })).status).toBe(200);
  });

  it('refuses the admin API to any browser request, even without an Origin', async () => {
    const res = await fetch(`${emu.url}/_emulator/faults`, {
      headers: { authorization: `Bearer ${emu.adminToken}`, 'sec-fetch-site': 'same-origin' },
    });
    expect(res.status).toBe(403);
  });
});
