import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { startTestEmulator, type TestEmulator } from '../testing.js';
import { NodeSha256 } from './hash.js';

/** Sign an STS GetCallerIdentity by hand, so a test can change what a normal client would not. */
async function signedSts(emu: TestEmulator, opts: { secret?: string; date?: Date; body?: string } = {}) {
  const url = new URL(emu.url);
  const body = 'Action=GetCallerIdentity&Version=2011-06-15';
  const request = new HttpRequest({
    method: 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  const signer = new SignatureV4({
    service: 'sts',
    region: emu.region,
    credentials: { accessKeyId: emu.credentials.accessKeyId, secretAccessKey: opts.secret ?? emu.credentials.secretAccessKey },
    sha256: NodeSha256,
  });
  const signed = await signer.sign(request, { signingDate: opts.date ?? new Date() });
  const res = await fetch(emu.url, { method: 'POST', headers: signed.headers, body: opts.body ?? body });
  return { status: res.status, text: await res.text() };
}

describe('SigV4 verification (STS)', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.dispose());

  it('accepts the static keys as a session of ConsoleAdmin', async () => {
    const sts = new STSClient(emu.clientConfig);
    const me = await sts.send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe(`arn:aws:sts::${emu.accountId}:assumed-role/ConsoleAdmin/${emu.credentials.accessKeyId}`);
    expect(me.Account).toBe(emu.accountId);
    expect(me.UserId).toMatch(/^AROA[A-Z2-7]{17}:AKIATESTADMIN$/);
  });

  it('refuses an unknown key and a wrong secret with their STS codes', async () => {
    const unknown = new STSClient({ ...emu.clientConfig, credentials: { accessKeyId: 'AKIANOBODY', secretAccessKey: 'x' } });
    await expect(unknown.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'InvalidClientTokenId' });
    const wrong = new STSClient({ ...emu.clientConfig, credentials: { ...emu.credentials, secretAccessKey: 'not-the-secret' } });
    await expect(wrong.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'SignatureDoesNotMatch' });
  });

  it('refuses a replayed request whose body was changed', async () => {
    const ok = await signedSts(emu);
    expect(ok.status).toBe(200);
    const changed = await signedSts(emu, { body: 'Action=GetCallerIdentity&Version=2011-06-15&X=1' });
    expect(changed.status).toBe(403);
    expect(changed.text).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('refuses a request signed more than 15 minutes ago', async () => {
    const old = await signedSts(emu, { date: new Date(Date.now() - 16 * 60_000) });
    expect(old.status).toBe(403);
    expect(old.text).toContain('Signature expired');
    const recent = await signedSts(emu, { date: new Date(Date.now() - 10 * 60_000) });
    expect(recent.status).toBe(200);
  });

  it('refuses an unsigned request', async () => {
    const res = await fetch(emu.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-amz-target': 'AWSSecurityTokenServiceV20110615.GetCallerIdentity' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('MissingAuthenticationToken');
  });
});
