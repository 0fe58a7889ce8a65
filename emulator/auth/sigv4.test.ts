import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startTestEmulator, type TestEmulator } from '../testing.js';
import { signRequest } from '../testing-http.js';

/** Sign an STS GetCallerIdentity by hand, so a test can change what a normal client would not. */
async function signedSts(emu: TestEmulator, opts: { secret?: string; date?: Date; body?: string } = {}) {
  const body = 'Action=GetCallerIdentity&Version=2011-06-15';
  const signed = await signRequest(emu, {
    service: 'sts',
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
    credentials: {
      accessKeyId: emu.credentials.accessKeyId,
      secretAccessKey: opts.secret ?? emu.credentials.secretAccessKey,
    },
    date: opts.date,
  });
  const res = await fetch(emu.url, { method: 'POST', headers: signed.headers, body: opts.body ?? body });
  return { status: res.status, text: await res.text() };
}

describe('SigV4 verification (STS)', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.dispose());

  it('accepts the static keys as a session of EmulatorAdmin (the tools role, not a console role)', async () => {
    const sts = new STSClient(emu.clientConfig);
    const me = await sts.send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe(`arn:aws:sts::${emu.accountId}:assumed-role/EmulatorAdmin/${emu.credentials.accessKeyId}`);
    expect(me.Account).toBe(emu.accountId);
    expect(me.UserId).toMatch(/^AROA[A-Z2-7]{17}:AKIATESTADMIN$/);
  });

  it('refuses an unknown key and a wrong secret with their STS codes', async () => {
    const unknown = new STSClient({
      ...emu.clientConfig,
      credentials: { accessKeyId: 'AKIANOBODY', secretAccessKey: 'x' },
    });
    await expect(unknown.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: 'InvalidClientTokenId',
    });
    const wrong = new STSClient({
      ...emu.clientConfig,
      credentials: { ...emu.credentials, secretAccessKey: 'not-the-secret' },
    });
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
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-amz-target': 'AWSSecurityTokenServiceV20110615.GetCallerIdentity',
      },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('MissingAuthenticationToken');
  });
});
