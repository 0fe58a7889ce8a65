import { describe, expect, it } from 'vitest';
import { connectSources, contentSecurityPolicy, securityHeaders, type HeadersConfig } from './security-headers.js';

const aws: HeadersConfig = {
  regions: ['eu-west-1', 'us-east-1'],
  auth: {
    mode: 'cognito',
    identityPoolId: 'eu-west-1:11111111-2222-3333-4444-555555555555',
    signIn: { authority: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI' },
  },
};

/** The CSP as a map of directive -> sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('allows scripts from the site only, no plugins, no <base>, and no framing', () => {
    const csp = directives(contentSecurityPolicy(aws));
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
  });

  it("connects only to the configured regions' service endpoints and the sign-in authority", () => {
    const connect = connectSources(aws, {
      extraConnectSources: ['https://console-123.auth.eu-west-1.amazoncognito.com'],
    });
    for (const region of ['eu-west-1', 'us-east-1'])
      for (const service of ['ec2', 'dynamodb', 'sqs', 'sts', 'lambda', 'logs', 'secretsmanager', 's3'])
        expect(connect).toContain(`https://${service}.${region}.amazonaws.com`);
    expect(connect).toContain('https://*.s3.eu-west-1.amazonaws.com');
    expect(connect).toContain('https://cognito-identity.eu-west-1.amazonaws.com');
    expect(connect).toContain('https://cognito-idp.eu-west-1.amazonaws.com');
    expect(connect).toContain('https://console-123.auth.eu-west-1.amazoncognito.com');
    expect(connect.some((s) => s.includes('ap-south-1'))).toBe(false);
    expect(connect).not.toContain('*');
    expect(connect).not.toContain('https:');
  });

  it('lets image previews load presigned S3 URLs, and nothing else remote', () => {
    const img = directives(contentSecurityPolicy(aws)).get('img-src') ?? [];
    expect(img).toContain('https://*.s3.eu-west-1.amazonaws.com');
    expect(img.some((s) => s.includes('dynamodb'))).toBe(false);
  });

  it('allows a loopback endpoint on any port (local emulators run on free ports) and only that host', () => {
    const local: HeadersConfig = {
      regions: ['us-east-1'],
      endpoint: 'http://127.0.0.1:4566',
      auth: {
        mode: 'cognito',
        identityPoolId: 'us-east-1:abc',
        signIn: { authority: 'http://127.0.0.1:4566/cognito-idp/p' },
      },
    };
    const csp = directives(contentSecurityPolicy(local));
    expect(csp.get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:*']);
    expect(csp.get('img-src')).toContain('http://127.0.0.1:*');
  });

  it('sends per-service custom endpoints as their exact origin, other services to AWS', () => {
    const connect = connectSources({
      regions: ['eu-west-1'],
      endpoint: { s3: 'https://minio.example.com:9000/base' },
      auth: { mode: 'cognito', identityPoolId: 'eu-west-1:abc' },
    });
    expect(connect).toContain('https://minio.example.com:9000');
    expect(connect).toContain('https://sqs.eu-west-1.amazonaws.com');
  });

  it('allows the dev server inline scripts by hash only', () => {
    const csp = directives(contentSecurityPolicy(aws, { devScriptHashes: ['abc='] }));
    expect(csp.get('script-src')).toEqual(["'self'", "'sha256-abc='"]);
  });

  it('names the field when the config cannot make a policy', () => {
    expect(() => contentSecurityPolicy({ ...aws, regions: ['eu-west-1; script-src *'] })).toThrow(
      'regions: "eu-west-1; script-src *" is not a region name',
    );
    expect(() => contentSecurityPolicy({ ...aws, endpoint: 'javascript:alert(1)' })).toThrow(
      'endpoint: "javascript:alert(1)" must be http(s)',
    );
    expect(() => contentSecurityPolicy(aws, { extraConnectSources: ['not a url'] })).toThrow(
      'extraConnectSources: "not a url" is not a URL',
    );
  });
});

describe('securityHeaders', () => {
  it('never sends a Referer (presigned URLs carry credentials) and forbids sniffing', () => {
    const headers = securityHeaders(aws);
    expect(headers['Referrer-Policy']).toBe('strict-origin');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['X-Frame-Options']).toBe('DENY');
    expect(headers['Strict-Transport-Security']).toBeUndefined();
    expect(securityHeaders(aws, { https: true })['Strict-Transport-Security']).toMatch(/^max-age=\d{8,}/);
  });
});
