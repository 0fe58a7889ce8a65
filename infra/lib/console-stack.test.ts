import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/aws/config.js';
import { ConsoleStack } from './console-stack.js';
import { deployOptions } from './deploy-options.js';

type Json = unknown;
type Resources = Record<string, { Type: string; Properties?: Record<string, Json>; DeletionPolicy?: string }>;

const ACCOUNT = '111122223333';
const options = deployOptions({
  region: 'eu-west-1',
  regions: 'eu-west-1,us-east-1',
  buckets: 'app-uploads,app-logs',
  domain: 'console.example.com',
  'table-prefix': 'app-',
});

function synth(extra: Record<string, unknown> = {}, siteDir?: string): Template {
  const app = new App();
  const stack = new ConsoleStack(app, 'TestConsole', {
    env: { account: ACCOUNT, region: 'eu-west-1' },
    options: { ...options, ...extra },
    siteDir,
  });
  return Template.fromStack(stack);
}

/** Resolve the template's references to plausible deployed values (what CloudFormation would do). */
function resolve(value: Json, resources: Resources): Json {
  if (Array.isArray(value)) return value.map((v) => resolve(v, resources));
  if (value && typeof value === 'object') {
    const o = value as Record<string, Json>;
    if ('Ref' in o) {
      const ref = String(o.Ref);
      if (ref === 'AWS::Region') return 'eu-west-1';
      const type = resources[ref]?.Type;
      if (type === 'AWS::Cognito::IdentityPool') return 'eu-west-1:11111111-2222-3333-4444-555555555555';
      if (type === 'AWS::Cognito::UserPoolClient') return '1example23456789abcdefghij';
      if (type === 'AWS::Cognito::UserPool') return 'eu-west-1_AbCdEfGhI';
      return `ref-${ref}`;
    }
    if ('Fn::GetAtt' in o) return `getatt-${JSON.stringify(o['Fn::GetAtt'])}`;
    if ('Fn::Join' in o) {
      const [sep, parts] = o['Fn::Join'] as [string, Json[]];
      return parts.map((p) => String(resolve(p, resources))).join(sep);
    }
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, resolve(v, resources)]));
  }
  return value;
}

describe('ConsoleStack', () => {
  let template: Template;
  let resources: Resources;
  let site: string;
  beforeAll(() => {
    site = mkdtempSync(join(tmpdir(), 'console-site-'));
    mkdirSync(join(site, 'assets'));
    writeFileSync(join(site, 'index.html'), '<!doctype html><script src="/boot.js"></script>');
    writeFileSync(join(site, 'boot.js'), '');
    writeFileSync(join(site, 'assets', 'index-abc.js'), '');
    template = synth({}, site);
    resources = template.toJSON().Resources as Resources;
  }, 120_000);
  afterAll(() => rmSync(site, { recursive: true, force: true }));

  const ofType = (type: string) => Object.values(resources).filter((r) => r.Type === type);

  it('has a public app client (no secret) that allows only the code grant, from the console origins', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    const client = ofType('AWS::Cognito::UserPoolClient')[0]?.Properties ?? {};
    expect(client.GenerateSecret).toBe(false);
    expect(client.AllowedOAuthFlows).toEqual(['code']);
    expect(client.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(client.ExplicitAuthFlows).toEqual(['ALLOW_REFRESH_TOKEN_AUTH']);
    const callbacks = resolve(client.CallbackURLs, resources) as string[];
    expect(callbacks).toContain('https://console.example.com/auth/callback');
    expect(callbacks.some((u) => /^https:\/\/getatt-.*DomainName.*\/auth\/callback$/.test(u))).toBe(true);
  });

  it('turns guest access off and denies anyone in neither group', () => {
    template.hasResourceProperties('AWS::Cognito::IdentityPool', {
      AllowUnauthenticatedIdentities: false,
      AllowClassicFlow: false,
    });
    template.hasResourceProperties('AWS::Cognito::IdentityPoolRoleAttachment', {
      RoleMappings: {
        console: Match.objectLike({
          Type: 'Rules',
          AmbiguousRoleResolution: 'Deny',
          RulesConfiguration: {
            Rules: [
              Match.objectLike({ Claim: 'cognito:groups', MatchType: 'Contains', Value: 'admins' }),
              Match.objectLike({ Claim: 'cognito:groups', MatchType: 'Contains', Value: 'viewers' }),
            ],
          },
        }),
      },
    });
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
  });

  it("gives every console role a trust policy with the pool's aud and amr = authenticated", () => {
    const roles = ofType('AWS::IAM::Role').filter((r) =>
      JSON.stringify(r.Properties?.AssumeRolePolicyDocument).includes('cognito-identity.amazonaws.com'),
    );
    expect(roles).toHaveLength(2);
    for (const role of roles) {
      const doc = role.Properties?.AssumeRolePolicyDocument as { Statement: Array<Record<string, Json>> };
      expect(doc.Statement).toHaveLength(1);
      const [statement] = doc.Statement;
      expect(statement?.Action).toBe('sts:AssumeRoleWithWebIdentity');
      expect(statement?.Condition).toEqual({
        StringEquals: { 'cognito-identity.amazonaws.com:aud': { Ref: expect.stringMatching(/^Identities/) } },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
      });
    }
  });

  it('scopes the roles to the named buckets and prefixes', () => {
    const policies = JSON.stringify(
      resolve(
        ofType('AWS::IAM::Role').map((r) => r.Properties?.Policies),
        resources,
      ),
    );
    expect(policies).toContain('s3:::app-uploads/*');
    expect(policies).toContain('s3:::app-logs');
    expect(policies).not.toContain('s3:::*');
    expect(policies).toContain(':table/app-*');
    expect(policies).not.toContain('sts:AssumeRole"');
  });

  it('keeps the bucket private, encrypted, without a website, and readable only by the distribution', () => {
    const bucket = ofType('AWS::S3::Bucket').find((b) => b.Properties?.PublicAccessBlockConfiguration)?.Properties;
    expect(bucket?.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket?.WebsiteConfiguration).toBeUndefined();
    expect(bucket?.BucketEncryption).toBeDefined();
    const reads = ofType('AWS::S3::BucketPolicy').flatMap(
      (p) => (p.Properties?.PolicyDocument as { Statement: Array<Record<string, Json>> }).Statement,
    );
    const allows = reads.filter((s) => s.Effect === 'Allow' && JSON.stringify(s.Action).includes('s3:GetObject'));
    expect(allows).toHaveLength(1);
    expect(allows[0]?.Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
    expect(JSON.stringify(allows[0]?.Condition)).toContain('AWS:SourceArn');
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
  });

  it('serves index.html for deep links and never caches config.json', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        CustomErrorResponses: [
          Match.objectLike({ ErrorCode: 403, ResponseCode: 200, ResponsePagePath: '/index.html' }),
          Match.objectLike({ ErrorCode: 404, ResponseCode: 200, ResponsePagePath: '/index.html' }),
        ],
        CacheBehaviors: [
          // CloudFront's managed CachingDisabled policy.
          Match.objectLike({ PathPattern: '/config.json', CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad' }),
        ],
      }),
    });
    template.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketKeyPrefix: 'assets/',
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    template.hasResourceProperties('Custom::CDKBucketDeployment', { SystemMetadata: { 'cache-control': 'no-store' } });
  });

  it("sends the console's CSP and headers from every behaviour", () => {
    const policy = ofType('AWS::CloudFront::ResponseHeadersPolicy')[0]?.Properties?.ResponseHeadersPolicyConfig as {
      SecurityHeadersConfig: Record<string, Record<string, Json>>;
    };
    const headers = policy.SecurityHeadersConfig;
    const csp = String(headers.ContentSecurityPolicy?.ContentSecurityPolicy);
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain('https://dynamodb.us-east-1.amazonaws.com');
    expect(csp).toContain(`https://awsconsole-${ACCOUNT}.auth.eu-west-1.amazoncognito.com`);
    expect(csp).toContain('https://cognito-identity.eu-west-1.amazonaws.com');
    expect(headers.ReferrerPolicy?.ReferrerPolicy).toBe('strict-origin');
    expect(headers.ContentTypeOptions?.Override).toBe(true);
    expect(headers.StrictTransportSecurity?.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31536000);
    const distribution = JSON.stringify(ofType('AWS::CloudFront::Distribution')[0]);
    expect(distribution.match(/ResponseHeadersPolicyId/g)).toHaveLength(2);
  });

  it("outputs a config.json the console's own schema accepts", () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: Json }>;
    const text = resolve(outputs.ConsoleConfig?.Value, resources);
    const config = parseConfig(JSON.parse(String(text)));
    expect(config.auth).toEqual({
      mode: 'cognito',
      identityPoolId: 'eu-west-1:11111111-2222-3333-4444-555555555555',
      signIn: {
        authority: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI',
        clientId: '1example23456789abcdefghij',
        scope: 'openid email profile',
      },
    });
    expect(config.regions).toEqual(['eu-west-1', 'us-east-1']);
    expect(config.buckets).toEqual(['app-uploads', 'app-logs']);
  });

  it('keeps the user pool when the stack is removed, unless asked', () => {
    expect(ofType('AWS::Cognito::UserPool')[0]?.DeletionPolicy).toBe('Retain');
    const destroying = synth({ destroyUserPool: true }).toJSON().Resources as Resources;
    expect(Object.values(destroying).find((r) => r.Type === 'AWS::Cognito::UserPool')?.DeletionPolicy).toBe('Delete');
  });

  it('grants the whole account only when the operator says so', () => {
    const whole = synth({ wholeAccount: true, buckets: [], tablePrefix: '' }).toJSON().Resources as Resources;
    const policies = JSON.stringify(Object.values(whole).map((r) => r.Properties?.Policies));
    expect(policies).toContain('s3:::*/*');
  });

  it('refuses a CSP longer than CloudFront accepts: three regions fit, four do not', () => {
    expect(() => synth({ regions: ['eu-west-1', 'us-east-1', 'us-west-2'] })).not.toThrow();
    const many = ['eu-west-1', 'us-east-1', 'us-west-2', 'eu-central-1'];
    expect(() => synth({ regions: many })).toThrow(/^regions: the CSP for 4 regions is \d+ characters/);
  });
});

describe('deployOptions', () => {
  it('names every wrong option', () => {
    expect(() =>
      deployOptions({
        region: 'Ireland',
        domain: 'http://x.example.com/path',
        'table-prefix': 'a*',
        'admin-group': 'x',
        'viewer-group': 'x',
      }),
    ).toThrow(
      [
        '--region: "Ireland" is not a region name such as eu-west-1 (required)',
        '--regions: "Ireland" is not a region name',
        '--buckets: name the buckets the console may use (a,b), or pass --whole-account for every resource',
        '--table-prefix: "a*" may hold only letters, digits and + = , . @ / - _',
        '--domain: "http://x.example.com/path" must be an https origin such as https://console.example.com',
        '--viewer-group: must differ from --admin-group',
      ].join('\n'),
    );
  });

  it('reads comma lists and defaults', () => {
    const o = deployOptions({ region: 'eu-west-1', buckets: 'a-b,c-d ', domain: 'console.example.com' });
    expect(o).toMatchObject({
      regions: ['eu-west-1'],
      stackName: 'AwsConsole',
      buckets: ['a-b', 'c-d'],
      domains: ['https://console.example.com'],
      adminGroup: 'admins',
      viewerGroup: 'viewers',
      destroyUserPool: false,
    });
  });
});
