import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DescribeInstancesCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { test, expect } from './fixtures.js';

// What a page on another local origin can do with the emulator's keys (which it might know, as it knew
// the old test/test): nothing, even through <img> GETs that carry no Origin.

/** A query-signed GET: the URL a page would put in an <img src>. */
async function presignedGet(
  endpoint: string,
  service: 'sqs' | 'ec2',
  credentials: { accessKeyId: string; secretAccessKey: string },
  query: Record<string, string>,
): Promise<string> {
  const url = new URL(endpoint);
  const signer = new SignatureV4({ service, region: 'us-east-1', credentials, sha256: Sha256 });
  const signed = await signer.presign(
    new HttpRequest({
      method: 'GET',
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      query,
      headers: { host: url.host },
    }),
    { expiresIn: 300 },
  );
  const pairs = Object.entries(signed.query ?? {}).map(
    ([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`,
  );
  return `${endpoint}/?${pairs.join('&')}`;
}

/** A page server on loopback; `localhost` is another origin than the console's and not an allowed one. */
async function pageServer(html: () => string): Promise<{ origin: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(html());
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { origin: `http://localhost:${(server.address() as AddressInfo).port}`, server };
}

test('a page on another local origin cannot send, delete or terminate through <img> GETs', async ({
  page,
  awsClientConfig,
}) => {
  const { endpoint, credentials } = awsClientConfig;
  const sqs = new SQSClient(awsClientConfig);
  const ec2 = new EC2Client(awsClientConfig);
  const queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: `cross-site-${Date.now()}` }))).QueueUrl ?? '';
  const run = await ec2.send(new RunInstancesCommand({ ImageId: 'ami-0a1b2c3d4e5f60718', MinCount: 1, MaxCount: 1 }));
  const instanceId = run.Instances?.[0]?.InstanceId ?? '';
  const urls = [
    await presignedGet(endpoint, 'sqs', credentials, {
      Action: 'SendMessage',
      QueueUrl: queueUrl,
      MessageBody: 'from another site',
      Version: '2012-11-05',
    }),
    await presignedGet(endpoint, 'ec2', credentials, {
      Action: 'TerminateInstances',
      'InstanceId.1': instanceId,
      Version: '2016-11-15',
    }),
  ];
  const html = urls.map((u, i) => `<img id="i${i}" src="${u.replace(/&/g, '&amp;')}">`).join('');
  const { origin, server } = await pageServer(
    () =>
      `<!doctype html><title>attack</title>${html}<script>
        window.settled = Promise.all([...document.images].map((img) =>
          img.complete ? true : new Promise((done) => { img.onload = img.onerror = () => done(true); })));
      </script>`,
  );
  try {
    // Chromium sends both (with Sec-Fetch-Site and a Referer of the page); it hides the answers (ORB).
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith(endpoint)) sent.push(r.url());
    });
    await page.goto(`${origin}/`);
    await page.evaluate(() => (window as unknown as { settled: Promise<unknown> }).settled);
    expect(sent.sort()).toEqual([...urls].sort());
    const waiting = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
    );
    expect(waiting.Attributes?.ApproximateNumberOfMessages).toBe('0');
    const described = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
    expect(described.Reservations?.[0]?.Instances?.[0]?.State?.Name).not.toMatch(/shutting-down|terminated/);
    // The same URL from a tool still works: the refusal is about the page, not the signature.
    expect((await fetch(urls[0] ?? '')).status).toBe(200);
  } finally {
    server.close();
  }
});

test('an HTML object opened from a link runs no script in the sign-in pages origin', async ({
  page,
  awsClientConfig,
}) => {
  const s3 = new S3Client({ ...awsClientConfig, forcePathStyle: true });
  const Bucket = `cross-site-${Date.now()}`;
  await s3.send(new CreateBucketCommand({ Bucket }));
  await s3.send(
    new PutObjectCommand({
      Bucket,
      Key: 'page.html',
      ContentType: 'text/html',
      Body: '<!doctype html><title>object</title><script>document.title = "script ran"</script><p>hello</p>',
    }),
  );
  await page.goto(await getSignedUrl(s3, new GetObjectCommand({ Bucket, Key: 'page.html' })));
  await expect(page.getByText('hello')).toBeVisible();
  await expect(page).toHaveTitle('object');
});
