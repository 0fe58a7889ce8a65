import { describe, expect, it } from 'vitest';
import { ConfigError, endpointFor, loadConfig, loginsKeyOf, parseConfig } from './config';

const cognito = {
  regions: ['us-east-1', 'eu-west-1'],
  auth: { mode: 'cognito', identityPoolId: 'us-east-1:00000000-0000-4000-8000-00000000c0de' },
};

function problems(input: unknown): string[] {
  try {
    parseConfig(input);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('parseConfig', () => {
  it('accepts a minimal cognito config and fills defaults', () => {
    const cfg = parseConfig(cognito);
    expect(cfg.defaultRegion).toBe('us-east-1');
    expect(cfg.buckets).toEqual([]);
    expect(cfg.credentialsRefreshSeconds).toBe(300);
    expect(endpointFor(cfg, 's3')).toBeUndefined();
  });

  it('names a missing identity pool id', () => {
    expect(problems({ ...cognito, auth: { mode: 'cognito' } })).toContain('auth.identityPoolId: required');
  });

  it('names a missing auth and an unknown mode', () => {
    expect(problems({ regions: ['us-east-1'] })).toContain('auth: required');
    expect(problems({ regions: ['us-east-1'], auth: { mode: 'magic' } })[0]).toMatch(/^auth(\.mode)?: /);
  });

  it('refuses static keys unless every endpoint is loopback', () => {
    const auth = { mode: 'static', accessKeyId: 'AKIA', secretAccessKey: 's' };
    expect(problems({ regions: ['us-east-1'], auth })).toEqual([
      expect.stringMatching(/^auth: static keys are refused/),
    ]);
    expect(problems({ regions: ['us-east-1'], auth, endpoint: 'https://s3.amazonaws.com' })).toHaveLength(1);
    expect(problems({ regions: ['us-east-1'], auth, endpoint: { s3: 'http://localhost:4566' } })).toHaveLength(1);
    expect(problems({ regions: ['us-east-1'], auth, endpoint: 'http://127.0.0.1:4566' })).toEqual([]);
  });

  it('checks the default region and endpoint URLs', () => {
    expect(problems({ ...cognito, defaultRegion: 'ap-south-1' })).toEqual(['defaultRegion: must be one of regions']);
    expect(problems({ ...cognito, endpoint: 'not a url' })[0]).toMatch(/^endpoint: /);
    expect(problems({ ...cognito, regions: [] })).toEqual(['regions: needs at least one region']);
  });

  it('names each field of the wrong type or out of range, all at once', () => {
    expect(
      problems({
        ...cognito,
        endpoint: { s3: 'ftp://x', lambdas: 'http://localhost' },
        buckets: ['ab'],
        credentialsRefreshSeconds: 1.5,
        auth: { mode: 'cognito', identityPoolId: 'nope', signIn: { authority: 'https://idp.example', clientId: 7 } },
      }),
    ).toEqual([
      'endpoint.s3: must be an http(s) URL',
      'endpoint.lambdas: is not a service (s3, ec2, dynamodb, sqs, sts, cognitoIdentity, secretsmanager, lambda, logs)',
      'auth.identityPoolId: must look like REGION:GUID',
      'auth.signIn.clientId: must be a string',
      'buckets.0: must be a bucket name of 3 to 63 characters',
      'credentialsRefreshSeconds: must be a whole number from 0 to 3600',
    ]);
    expect(problems([])).toEqual(['config: must be an object']);
  });

  it('keeps only known fields and fills the sign-in scope', () => {
    const cfg = parseConfig({
      ...cognito,
      extra: true,
      auth: { ...cognito.auth, signIn: { authority: 'https://idp.example/pool', clientId: 'app' } },
    });
    expect(cfg).not.toHaveProperty('extra');
    expect(cfg.auth.mode === 'cognito' && cfg.auth.signIn?.scope).toBe('openid email profile');
    expect(cfg.credentialsRefreshSeconds).toBe(300);
  });

  it('resolves per-service endpoints and the logins key', () => {
    const cfg = parseConfig({ ...cognito, endpoint: { s3: 'http://localhost:4566' } });
    expect(endpointFor(cfg, 's3')).toBe('http://localhost:4566');
    expect(endpointFor(cfg, 'sqs')).toBeUndefined();
    expect(
      loginsKeyOf({
        authority: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_X/',
        clientId: 'c',
        scope: 'openid',
      }),
    ).toBe('cognito-idp.us-east-1.amazonaws.com/us-east-1_X');
    expect(loginsKeyOf({ authority: 'http://x', clientId: 'c', scope: 'openid', loginsKey: 'k' })).toBe('k');
  });
});

describe('loadConfig', () => {
  it('reports HTTP failures and bad JSON by name', async () => {
    const notFound = (async () => new Response('nope', { status: 404 })) as typeof fetch;
    await expect(loadConfig(notFound)).rejects.toMatchObject({
      problems: ['config.json: could not be loaded (HTTP 404)'],
    });
    const badJson = (async () => new Response('{', { status: 200 })) as typeof fetch;
    await expect(loadConfig(badJson)).rejects.toMatchObject({ problems: ['config.json: is not valid JSON'] });
  });
});
