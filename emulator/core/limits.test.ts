import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startTestEmulator, type TestEmulator } from '../testing.js';

function open(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Resolves with the milliseconds until the server closed the socket, or null if it stayed open. */
function closedWithin(socket: Socket, ms: number): Promise<number | null> {
  const start = Date.now();
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    socket.on('error', () => undefined);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(Date.now() - start);
    });
  });
}

/**
 * An upload that declares 32 MiB, sends `bytes` as fast as the server takes them, then stalls; writes
 * respect backpressure, so the test process holds little of it.
 */
function stalledUpload(url: string, head: string, bytes: number): Promise<Socket> {
  return open(url).then((socket) => {
    socket.on('error', () => undefined);
    socket.write(head);
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < bytes && !socket.destroyed) {
        sent += chunk.length;
        if (!socket.write(chunk)) {
          socket.once('drain', pump);
          return;
        }
      }
    };
    pump();
    return socket;
  });
}

const rssMiB = () => process.memoryUsage().rss / 2 ** 20;

describe('timeouts and connection limits', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator({ limits: { headersTimeoutMs: 1000, maxUnauthenticatedConnections: 64 } });
  });
  afterAll(() => emu.dispose());

  it('closes a slow-loris connection that never finishes its headers within the header timeout', async () => {
    const socket = await open(emu.url);
    socket.write(`GET /bucket/key HTTP/1.1\r\nHost: ${new URL(emu.url).host}\r\n`);
    const drip = setInterval(() => {
      if (!socket.destroyed) socket.write('x-drip: 1\r\n');
    }, 200);
    const closedAfter = await closedWithin(socket, 4000);
    clearInterval(drip);
    socket.destroy();
    expect(closedAfter).not.toBeNull();
    expect(closedAfter).toBeLessThan(2500);
  });

  it('keeps memory near idle under 40 stalled unsigned uploads that each declare 32 MiB', async () => {
    const host = new URL(emu.url).host;
    const heads = [
      // DynamoDB without a signature: refused before any of the body is read.
      `POST / HTTP/1.1\r\nHost: ${host}\r\nX-Amz-Target: DynamoDB_20120810.PutItem\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: ${32 * 2 ** 20}\r\n\r\n`,
      // Cognito's public sign-in, chunked so no length is declared: read up to the small cap only.
      `POST / HTTP/1.1\r\nHost: ${host}\r\nX-Amz-Target: AWSCognitoIdentityProviderService.InitiateAuth\r\nContent-Type: application/x-amz-json-1.1\r\nTransfer-Encoding: chunked\r\n\r\n${(32 * 2 ** 20).toString(16)}\r\n`,
      // An anonymous S3 upload: refused by policy before the body is stored.
      `PUT /bucket/big.bin HTTP/1.1\r\nHost: ${host}\r\nContent-Length: ${32 * 2 ** 20}\r\n\r\n`,
    ];
    const idle = rssMiB();
    const sockets = await Promise.all(
      Array.from({ length: 40 }, (_, i) => stalledUpload(emu.url, heads[i % heads.length] ?? '', 8 * 2 ** 20)),
    );
    await new Promise((r) => setTimeout(r, 1500));
    const loaded = rssMiB();
    for (const s of sockets) s.destroy();
    // Before the cap each stalled body was buffered: 40 x 8 MiB = 320 MiB.
    expect(loaded - idle).toBeLessThan(100);
    await expect(new STSClient(emu.clientConfig).send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({
      Account: emu.accountId,
    });
  });
});

describe('unauthenticated connections per client', () => {
  it('closes connections past the cap until one is verified or closed', async () => {
    const emu = await startTestEmulator({ limits: { maxUnauthenticatedConnections: 5 } });
    try {
      const held = await Promise.all(Array.from({ length: 5 }, () => open(emu.url)));
      const extra = await open(emu.url);
      expect(await closedWithin(extra, 1000)).not.toBeNull();
      for (const s of held) s.destroy();
      await new Promise((r) => setTimeout(r, 100));
      // Signed calls open connections that stop counting once verified.
      const sts = new STSClient(emu.clientConfig);
      for (let i = 0; i < 3; i++) await expect(sts.send(new GetCallerIdentityCommand({}))).resolves.toBeDefined();
    } finally {
      await emu.dispose();
    }
  });
});
