import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import { startTestEmulator, type TestEmulator } from '../testing.js';

describe('malformed authentication never crashes and is refused', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.dispose());

  const ddb = (headers: Record<string, string>) =>
    fetch(emu.url, {
      method: 'POST',
      headers: {
        'x-amz-target': 'DynamoDB_20120810.ListTables',
        'content-type': 'application/x-amz-json-1.0',
        ...headers,
      },
      body: '{}',
    });

  it('refuses broken Authorization headers with the service code', async () => {
    for (const authorization of [
      'AWS4-HMAC-SHA256 garbage',
      'Bearer abc',
      'AWS4-HMAC-SHA256 Credential=AKIATESTADMIN/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=zz',
    ]) {
      const res = await ddb({ authorization });
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(/IncompleteSignatureException|MissingAuthenticationTokenException/);
    }
    const noDate = await ddb({
      authorization: `AWS4-HMAC-SHA256 Credential=${emu.credentials.accessKeyId}/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`,
    });
    expect(noDate.status).toBe(400);
  });

  it('refuses broken presigned queries (bad escapes, too long an expiry, missing parts)', async () => {
    const base = `${emu.url}/bucket/key?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${emu.credentials.accessKeyId}%2F20260101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20260101T000000Z&X-Amz-SignedHeaders=host&X-Amz-Signature=${'0'.repeat(64)}`;
    const tooLong = await fetch(`${base}&X-Amz-Expires=999999999`);
    expect(tooLong.status).toBe(400);
    expect(await tooLong.text()).toContain('<Code>AuthorizationQueryParametersError</Code>');
    for (const url of [`${base}&X-Amz-Expires=60&bad=%zz`, `${emu.url}/bucket/key?X-Amz-Credential=nope`]) {
      const res = await fetch(url);
      expect([400, 403]).toContain(res.status);
    }
    const health = await fetch(`${emu.url}/_emulator/health`);
    expect(health.status).toBe(200);
  });

  it('refuses malformed identity-pool role mappings when they are set', async () => {
    const identity = new CognitoIdentityClient(emu.clientConfig);
    const ip = await identity.send(
      new CreateIdentityPoolCommand({ IdentityPoolName: 'x', AllowUnauthenticatedIdentities: false }),
    );
    const err = await identity
      .send(
        new SetIdentityPoolRolesCommand({
          IdentityPoolId: ip.IdentityPoolId,
          Roles: { authenticated: 'arn:aws:iam::123456789012:role/ConsoleReadOnly' },
          RoleMappings: { p: { Type: 'Rules', RulesConfiguration: { Rules: [] } } },
        }),
      )
      .catch((e: Error) => e);
    expect((err as Error).name).toBe('InvalidParameterException');
  });
});
