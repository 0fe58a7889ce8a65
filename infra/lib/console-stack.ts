import { join } from 'node:path';
import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, Token, type StackProps } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as deploy from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { deployedConsoleConfig } from './console-config.js';
import type { DeployOptions } from './deploy-options.js';
import { consolePolicy, type ConsoleRole, type PolicyScope } from './policies.js';
import { contentSecurityPolicy } from './security-headers.js';

export interface ConsoleStackProps extends StackProps {
  options: DeployOptions;
  /** The built console (dist/); without it nothing is uploaded (tests, `npm run synth` before a build). */
  siteDir?: string;
}

/** CloudFront refuses a longer Content-Security-Policy header value. */
export const CLOUDFRONT_CSP_LIMIT = 1783;

/**
 * The console on AWS: a private bucket behind CloudFront with the console's security headers, a user pool
 * with managed login, an identity pool mapping groups to the two least-privilege roles, and config.json.
 */
export class ConsoleStack extends Stack {
  constructor(scope: Construct, id: string, props: ConsoleStackProps) {
    super(scope, id, props);
    const o = props.options;
    if (Token.isUnresolved(this.region)) throw new Error('ConsoleStack: give the stack a concrete region (env.region)');

    // Hosting: private, encrypted, reached only through CloudFront's origin access control.
    const site = new s3.Bucket(this, 'Site', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    // Sign-in: a user pool with the managed login, no self sign-up, optional TOTP MFA.
    const userPool = new cognito.UserPool(this, 'Users', {
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      autoVerify: { email: true },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true },
      removalPolicy: o.destroyUserPool ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
    const domainPrefix = o.cognitoDomainPrefix ?? `${o.stackName.toLowerCase()}-${this.account}`;
    if (Token.isUnresolved(domainPrefix))
      throw new Error(
        '--cognito-domain: required when no AWS account is known (no credentials): the managed login needs a unique prefix',
      );
    const domain = userPool.addDomain('Login', {
      cognitoDomain: { domainPrefix },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    const loginOrigin = `https://${domainPrefix}.auth.${this.region}.amazoncognito.com`;

    // Only the pool's region matters to the CSP (the Cognito Identity endpoint), not its id.
    const cspValue = contentSecurityPolicy(
      {
        regions: o.regions,
        auth: {
          mode: 'cognito',
          identityPoolId: `${this.region}:00000000-0000-0000-0000-000000000000`,
          signIn: { authority: `https://cognito-idp.${this.region}.amazonaws.com/` },
        },
      },
      { extraConnectSources: [loginOrigin] },
    );
    if (cspValue.length > CLOUDFRONT_CSP_LIMIT)
      throw new Error(
        `regions: the CSP for ${o.regions.length} regions is ${cspValue.length} characters, over CloudFront's ${CLOUDFRONT_CSP_LIMIT}; offer fewer regions`,
      );
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'Headers', {
      comment: 'The console: CSP, origin-only referrer, no sniffing, no framing, HSTS',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: cspValue,
          override: true,
        },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
      },
    });
    const origin = origins.S3BucketOrigin.withOriginAccessControl(site);
    const common = {
      origin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      responseHeadersPolicy: headers,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
    };
    const distribution = new cloudfront.Distribution(this, 'Cdn', {
      comment: `${o.stackName}: the AWS console`,
      defaultRootObject: 'index.html',
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      defaultBehavior: { ...common, cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED },
      additionalBehaviors: {
        // Read at every start: never cached, so an update takes effect at once.
        '/config.json': { ...common, cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED },
      },
      // SPA fallback: deep links are routes of index.html (the private bucket answers 403 for a missing key).
      errorResponses: [403, 404].map((status) => ({
        httpStatus: status,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(0),
      })),
    });
    const siteOrigin = `https://${distribution.distributionDomainName}`;
    const consoleOrigins = [siteOrigin, ...o.domains];

    const client = userPool.addClient('Console', {
      generateSecret: false,
      // No password flows from the browser: only the managed login's authorization code (with PKCE).
      authFlows: { user: false, userSrp: false, userPassword: false, custom: false, adminUserPassword: false },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: consoleOrigins.map((d) => `${d}/auth/callback`),
        logoutUrls: consoleOrigins.map((d) => `${d}/`),
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
    new cognito.CfnManagedLoginBranding(this, 'LoginBranding', {
      userPoolId: userPool.userPoolId,
      clientId: client.userPoolClientId,
      useCognitoProvidedValues: true,
    }).addResourceDependency(domain.node.defaultChild as cognito.CfnUserPoolDomain);

    const identityPool = new cognito.CfnIdentityPool(this, 'Identities', {
      allowUnauthenticatedIdentities: false,
      allowClassicFlow: false,
      cognitoIdentityProviders: [
        { clientId: client.userPoolClientId, providerName: userPool.userPoolProviderName, serverSideTokenCheck: true },
      ],
    });

    const reach: PolicyScope = {
      partition: Aws.PARTITION,
      account: Aws.ACCOUNT_ID,
      regions: o.regions,
      buckets: o.wholeAccount && o.buckets.length === 0 ? ['*'] : o.buckets,
      tablePrefix: o.tablePrefix,
      queuePrefix: o.queuePrefix,
      functionPrefix: o.functionPrefix,
      secretPrefix: o.secretPrefix,
      switchRoles: o.switchRoles,
    };
    const role = (id: string, which: ConsoleRole, description: string) =>
      new iam.Role(this, id, {
        description,
        maxSessionDuration: Duration.hours(1),
        // Only identities of this pool, and only signed-in ones.
        assumedBy: new iam.FederatedPrincipal(
          'cognito-identity.amazonaws.com',
          {
            StringEquals: { 'cognito-identity.amazonaws.com:aud': identityPool.ref },
            'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
          },
          'sts:AssumeRoleWithWebIdentity',
        ),
        inlinePolicies: { Console: iam.PolicyDocument.fromJson(consolePolicy(which, reach)) },
      });
    const adminRole = role('AdminRole', 'admin', 'The console: every action it offers (group admins)');
    const viewerRole = role('ViewerRole', 'viewer', 'The console: reads only, never a secret value (group viewers)');

    for (const [id, groupName, r, precedence] of [
      ['AdminGroup', o.adminGroup, adminRole, 1],
      ['ViewerGroup', o.viewerGroup, viewerRole, 2],
    ] as const)
      new cognito.CfnUserPoolGroup(this, id, {
        userPoolId: userPool.userPoolId,
        groupName,
        precedence,
        roleArn: r.roleArn,
      });

    new cognito.CfnIdentityPoolRoleAttachment(this, 'RoleMapping', {
      identityPoolId: identityPool.ref,
      roleMappings: {
        console: {
          identityProvider: `${userPool.userPoolProviderName}:${client.userPoolClientId}`,
          type: 'Rules',
          // A user in neither group gets no credentials at all.
          ambiguousRoleResolution: 'Deny',
          rulesConfiguration: {
            rules: [
              { claim: 'cognito:groups', matchType: 'Contains', value: o.adminGroup, roleArn: adminRole.roleArn },
              { claim: 'cognito:groups', matchType: 'Contains', value: o.viewerGroup, roleArn: viewerRole.roleArn },
            ],
          },
        },
      },
    });

    const config = deployedConsoleConfig({
      region: this.region,
      regions: o.regions,
      userPoolId: userPool.userPoolId,
      clientId: client.userPoolClientId,
      identityPoolId: identityPool.ref,
      buckets: o.buckets,
    });

    if (props.siteDir) {
      // Hashed assets never change: cache them for a year. The rest (index.html, boot.js) revalidates.
      const assets = new deploy.BucketDeployment(this, 'Assets', {
        sources: [deploy.Source.asset(join(props.siteDir, 'assets'))],
        destinationBucket: site,
        destinationKeyPrefix: 'assets/',
        cacheControl: [deploy.CacheControl.fromString('public, max-age=31536000, immutable')],
        prune: false,
      });
      const pages = new deploy.BucketDeployment(this, 'Pages', {
        sources: [deploy.Source.asset(props.siteDir, { exclude: ['assets', 'assets/**', 'config.json'] })],
        destinationBucket: site,
        cacheControl: [deploy.CacheControl.fromString('no-cache')],
        prune: false,
      });
      pages.node.addDependency(assets);
      new deploy.BucketDeployment(this, 'Config', {
        sources: [deploy.Source.jsonData('config.json', config)],
        destinationBucket: site,
        cacheControl: [deploy.CacheControl.fromString('no-store')],
        prune: false,
        distribution,
        distributionPaths: ['/', '/index.html', '/boot.js', '/config.json'],
      }).node.addDependency(pages);
    }

    new CfnOutput(this, 'ConsoleUrl', { value: siteOrigin, description: 'Open the console here' });
    new CfnOutput(this, 'ConsoleConfig', {
      value: this.toJsonString(config),
      description: 'The config.json written next to index.html',
    });
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'IdentityPoolId', { value: identityPool.ref });
    new CfnOutput(this, 'SiteBucket', { value: site.bucketName });
    new CfnOutput(this, 'DistributionId', { value: distribution.distributionId });
    new CfnOutput(this, 'AdminGroupName', { value: o.adminGroup });
    new CfnOutput(this, 'ViewerGroupName', { value: o.viewerGroup });
    new CfnOutput(this, 'ConsoleOrigins', { value: consoleOrigins.join(',') });
  }
}
