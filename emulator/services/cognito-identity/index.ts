import { randomUUID } from 'node:crypto';
import { AwsError } from '../../core/errors.js';
import type { Call, Operation } from '../../core/operations.js';
import type { Service } from '../../core/types.js';
import { JsonInput } from '../../protocols/json-input.js';
import { jsonService } from '../../protocols/json-service.js';
import type { Db } from '../../auth/db.js';
import type { CredentialStore } from '../../auth/credentials.js';
import type { RoleStore } from '../../auth/roles.js';
import { IdentityPoolStore, type CognitoProvider, type IdentityPoolDoc } from './pools-store.js';
import { verifyLogins } from './logins.js';
import type { LoginVerifier } from './logins.js';
import { checkRoleMappings, resolveRole } from './role-resolution.js';

const TARGET_PREFIX = 'AWSCognitoIdentityService.';

export interface IdentityDeps {
  db: Db;
  credentials: CredentialStore;
  roles: RoleStore;
  accountId: string;
  credentialTtlSeconds: number;
  verifier: LoginVerifier;
}

type IdentityOperation = Operation<IdentityDeps, JsonInput>;

function providersOf(input: JsonInput): CognitoProvider[] | undefined {
  const v = input.raw('CognitoIdentityProviders');
  if (v === undefined) return undefined;
  if (
    !Array.isArray(v) ||
    !v.every((p) => p && typeof p === 'object' && typeof (p as CognitoProvider).ProviderName === 'string')
  ) {
    throw new AwsError(
      'InvalidParameterException',
      'CognitoIdentityProviders must be a list of { ProviderName, ClientId }',
    );
  }
  return v as CognitoProvider[];
}

function docFrom(input: JsonInput, id: string): IdentityPoolDoc {
  const allow = input.raw('AllowUnauthenticatedIdentities');
  if (typeof allow !== 'boolean')
    throw new AwsError('InvalidParameterException', 'AllowUnauthenticatedIdentities is required');
  return {
    IdentityPoolId: id,
    IdentityPoolName: input.str('IdentityPoolName'),
    AllowUnauthenticatedIdentities: allow,
    AllowClassicFlow: input.optBool('AllowClassicFlow'),
    CognitoIdentityProviders: providersOf(input),
    SupportedLoginProviders: input.strMap('SupportedLoginProviders'),
    OpenIdConnectProviderARNs: input.strList('OpenIdConnectProviderARNs'),
    IdentityPoolTags: input.strMap('IdentityPoolTags'),
  };
}

/** Cognito identity pools, JSON 1.1: pools, role mapping, GetId and GetCredentialsForIdentity. */
export function createCognitoIdentityService(deps: IdentityDeps): Service {
  const store = new IdentityPoolStore(deps.db);
  const arn = (call: Call<IdentityDeps>, id: string) =>
    `arn:aws:cognito-identity:${call.region}:${deps.accountId}:identitypool/${id}`;
  /** The pool named in the input, which must exist (checked after authorization, as AWS does). */
  const poolFor = (input: JsonInput): IdentityPoolDoc => {
    const id = input.str('IdentityPoolId');
    const doc = store.get(id);
    if (!doc) throw new AwsError('ResourceNotFoundException', `IdentityPool '${id}' not found.`);
    return doc;
  };
  const onPool = (name: string, run: IdentityOperation['run']): IdentityOperation => ({
    action: `cognito-identity:${name}`,
    resource: (input, call) => arn(call, input.str('IdentityPoolId')),
    run,
  });

  const operations: Record<string, IdentityOperation> = {
    CreateIdentityPool: {
      action: 'cognito-identity:CreateIdentityPool',
      resource: (_input, call) => arn(call, '*'),
      async run(input, call) {
        const id = `${call.region}:${randomUUID()}`;
        const doc = docFrom(input, id);
        store.put(doc);
        return doc;
      },
    },
    UpdateIdentityPool: onPool('UpdateIdentityPool', async (input) => {
      const existing = poolFor(input);
      const doc = docFrom(input, existing.IdentityPoolId);
      store.put(doc);
      return doc;
    }),
    DescribeIdentityPool: onPool('DescribeIdentityPool', async (input) => {
      return poolFor(input);
    }),
    ListIdentityPools: {
      action: 'cognito-identity:ListIdentityPools',
      resource: (_input, call) => `arn:aws:cognito-identity:${call.region}:${deps.accountId}:identitypool/*`,
      async run(input) {
        const max = input.optNum('MaxResults');
        if (max === undefined || max < 1 || max > 60)
          throw new AwsError('InvalidParameterException', 'MaxResults must be between 1 and 60');
        const all = store.list();
        const start = Number(input.optStr('NextToken') ?? '0') || 0;
        return {
          IdentityPools: all.slice(start, start + max).map((d) => ({
            IdentityPoolId: d.IdentityPoolId,
            IdentityPoolName: d.IdentityPoolName,
          })),
          NextToken: start + max < all.length ? String(start + max) : undefined,
        };
      },
    },
    DeleteIdentityPool: onPool('DeleteIdentityPool', async (input) => {
      const doc = poolFor(input);
      store.delete(doc.IdentityPoolId);
      return {};
    }),
    SetIdentityPoolRoles: onPool('SetIdentityPoolRoles', async (input) => {
      const doc = poolFor(input);
      const roles = input.raw('Roles');
      const mappings = input.raw('RoleMappings');
      if (
        !roles ||
        typeof roles !== 'object' ||
        Array.isArray(roles) ||
        !Object.values(roles).every((v) => typeof v === 'string')
      ) {
        throw new AwsError('InvalidParameterException', 'Roles must map authenticated / unauthenticated to role ARNs');
      }
      store.setRoles(doc.IdentityPoolId, {
        Roles: roles as Record<string, string>,
        RoleMappings: checkRoleMappings(mappings),
      });
      return {};
    }),
    GetIdentityPoolRoles: onPool('GetIdentityPoolRoles', async (input) => {
      const doc = poolFor(input);
      return {
        IdentityPoolId: doc.IdentityPoolId,
        ...store.roles(doc.IdentityPoolId),
      };
    }),
    GetId: {
      action: null,
      async run(input, call) {
        const id = input.str('IdentityPoolId');
        const doc = store.get(id);
        if (!doc) throw new AwsError('ResourceNotFoundException', `IdentityPool '${id}' not found.`);
        const logins = await verifyLogins(deps.verifier, doc, input.strMap('Logins'));
        if (!logins) {
          if (!doc.AllowUnauthenticatedIdentities)
            throw new AwsError(
              'NotAuthorizedException',
              'Unauthenticated access is not supported for this identity pool.',
            );
          return {
            IdentityId: store.identityFor(id, null, () => `${call.region}:${randomUUID()}`),
          };
        }
        return {
          IdentityId: store.identityFor(id, logins.loginKey, () => `${call.region}:${randomUUID()}`),
        };
      },
    },
    GetCredentialsForIdentity: {
      action: null,
      async run(input) {
        const identityId = input.str('IdentityId');
        const identity = store.identity(identityId);
        const doc = identity ? store.get(identity.poolId) : null;
        if (!identity || !doc) throw new AwsError('ResourceNotFoundException', `Identity '${identityId}' not found.`);
        const logins = await verifyLogins(deps.verifier, doc, input.strMap('Logins'));
        const roles = store.roles(doc.IdentityPoolId);
        let roleArn: string | undefined;
        if (!logins) {
          if (!doc.AllowUnauthenticatedIdentities || identity.loginKey) {
            throw new AwsError(
              'NotAuthorizedException',
              'Unauthenticated access is not supported for this identity pool.',
            );
          }
          roleArn = roles.Roles?.unauthenticated;
        } else {
          if (logins.loginKey !== identity.loginKey)
            throw new AwsError('NotAuthorizedException', 'Invalid login token. The logins do not match this identity.');
          roleArn = resolveRole(roles, logins.providerKey, logins.payload, input.optStr('CustomRoleArn'));
        }
        const roleName = roleArn?.split('/').pop() ?? '';
        if (!roleArn || !deps.roles.exists(roleName)) {
          throw new AwsError(
            'InvalidIdentityPoolConfigurationException',
            'Invalid identity pool configuration. Check assigned IAM roles for this pool.',
          );
        }
        const creds = deps.credentials.issue(
          roleName,
          'CognitoIdentityCredentials',
          identityId,
          deps.credentialTtlSeconds,
        );
        return {
          IdentityId: identityId,
          Credentials: {
            AccessKeyId: creds.AccessKeyId,
            SecretKey: creds.SecretKey,
            SessionToken: creds.SessionToken,
            Expiration: creds.expiresAt / 1000,
          },
        };
      },
    },
  };

  return jsonService({
    name: 'cognito-identity',
    version: '1.1',
    targetPrefix: TARGET_PREFIX,
    typePrefix: '',
    state: deps,
    operations,
    input: (body) => new JsonInput(body),
    reset: async () => {},
    close: async () => {},
  });
}
