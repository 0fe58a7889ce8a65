import { randomBytes } from 'node:crypto';
import { AwsError } from '../../core/errors.js';
import type { Call, Operation } from '../../core/operations.js';
import type { Db } from '../../auth/db.js';
import type { JsonInput } from '../../protocols/json-input.js';
import { ChallengeSessions } from '../../auth/challenge-sessions.js';
import { checkPasswordPolicy, DEFAULT_PASSWORD_POLICY } from '../../auth/password-policy.js';
import { poolKeys } from '../../auth/pool-keys.js';
import { signPoolTokens } from '../../auth/tokens.js';
import type { PoolUser, UserPools } from '../../auth/user-pools.js';

export interface UserPoolDeps {
  db: Db;
  pools: UserPools;
  issuerOf(poolId: string): string;
  accountId: string;
}

type UserPoolOperation = Operation<UserPoolDeps, JsonInput>;

const REFRESH_MODEL = 'cognito-idp:InitiateAuthRefresh';
const REFRESH_TTL_MS = 30 * 86_400_000;
const epoch = (ms: number) => ms / 1000;

function userShape(u: PoolUser, attributesKey: 'Attributes' | 'UserAttributes' = 'Attributes') {
  const attributes = [{ Name: 'sub', Value: u.sub }];
  if (u.email) attributes.push({ Name: 'email', Value: u.email }, { Name: 'email_verified', Value: 'true' });
  return {
    Username: u.username,
    [attributesKey]: attributes,
    UserCreateDate: epoch(u.createdAt),
    UserLastModifiedDate: epoch(u.updatedAt),
    Enabled: u.enabled,
    UserStatus: u.status,
  };
}

/** Operation name -> { IAM action, resource, run }. Admin calls are authorized on the pool ARN; sign-in calls are public. */
export function userPoolOperations(deps: UserPoolDeps): Record<string, UserPoolOperation> {
  const { pools } = deps;
  const sessions = new ChallengeSessions(deps.db);
  const poolArn = (call: Call<UserPoolDeps>, poolId: string) =>
    `arn:aws:cognito-idp:${call.region}:${deps.accountId}:userpool/${poolId}`;

  /** An operation on one pool: authorized on the pool's ARN. */
  const onPool = (name: string, run: UserPoolOperation['run']): UserPoolOperation => ({
    action: `cognito-idp:${name}`,
    resource: (input, call) => poolArn(call, input.str('UserPoolId')),
    run,
  });
  /** The pool named in the input, which must exist (checked after authorization, as AWS does). */
  const pool = (input: JsonInput): string => {
    const poolId = input.str('UserPoolId');
    if (!pools.poolExists(poolId))
      throw new AwsError('ResourceNotFoundException', `User pool ${poolId} does not exist.`);
    return poolId;
  };
  const userOf = (poolId: string, username: string): PoolUser => {
    const user = pools.user(poolId, username);
    if (!user) throw new AwsError('UserNotFoundException', 'User does not exist.');
    return user;
  };

  const authResult = async (user: PoolUser, clientId: string, withRefresh: boolean) => {
    const keys = await poolKeys(deps.db, user.poolId);
    const tokens = await signPoolTokens(keys, deps.issuerOf(user.poolId), user, clientId);
    let refreshToken: string | undefined;
    if (withRefresh) {
      refreshToken = randomBytes(48).toString('base64url');
      deps.db
        .prepare('INSERT INTO oidc (model, id, payload, expires_at) VALUES (?, ?, ?, ?)')
        .run(
          REFRESH_MODEL,
          refreshToken,
          JSON.stringify({ poolId: user.poolId, sub: user.sub, clientId }),
          Date.now() + REFRESH_TTL_MS,
        );
    }
    return {
      AuthenticationResult: {
        AccessToken: tokens.accessToken,
        ExpiresIn: tokens.expiresIn,
        TokenType: 'Bearer',
        RefreshToken: refreshToken,
        IdToken: tokens.idToken,
      },
      ChallengeParameters: {},
    };
  };

  return {
    CreateUserPool: {
      action: 'cognito-idp:CreateUserPool',
      async run(input, call) {
        const name = input.str('PoolName');
        const id = `${call.region}_${randomBytes(6).toString('base64url').replace(/[-_]/g, 'x')}`;
        pools.createPool(id, name);
        return { UserPool: { Id: id, Name: name, Arn: poolArn(call, id), CreationDate: epoch(Date.now()) } };
      },
    },
    DescribeUserPool: onPool('DescribeUserPool', async (input, call) => {
      const poolId = pool(input);
      const found = pools.pools().find((p) => p.id === poolId);
      return {
        UserPool: {
          Id: poolId,
          Name: found?.name,
          Arn: poolArn(call, poolId),
          CreationDate: epoch(found?.createdAt ?? Date.now()),
          EstimatedNumberOfUsers: pools.users(poolId).length,
          Policies: { PasswordPolicy: DEFAULT_PASSWORD_POLICY },
        },
      };
    }),
    ListUserPools: {
      action: 'cognito-idp:ListUserPools',
      async run() {
        return { UserPools: pools.pools().map((p) => ({ Id: p.id, Name: p.name, CreationDate: epoch(p.createdAt) })) };
      },
    },
    CreateUserPoolClient: onPool('CreateUserPoolClient', async (input) => {
      const poolId = pool(input);
      if (input.optBool('GenerateSecret'))
        throw new AwsError(
          'InvalidParameterException',
          'The emulator supports public app clients only (GenerateSecret false).',
        );
      const client = {
        clientId: randomBytes(13).toString('hex').slice(0, 26),
        poolId,
        name: input.str('ClientName'),
        redirectUris: input.strList('CallbackURLs'),
        logoutUris: input.strList('LogoutURLs'),
      };
      pools.putClient(client);
      return {
        UserPoolClient: {
          UserPoolId: poolId,
          ClientId: client.clientId,
          ClientName: client.name,
          CallbackURLs: client.redirectUris,
          LogoutURLs: client.logoutUris,
        },
      };
    }),
    DescribeUserPoolClient: onPool('DescribeUserPoolClient', async (input) => {
      const poolId = pool(input);
      const client = pools.client(input.str('ClientId'));
      if (!client || client.poolId !== poolId)
        throw new AwsError('ResourceNotFoundException', 'User pool client does not exist.');
      return {
        UserPoolClient: {
          UserPoolId: poolId,
          ClientId: client.clientId,
          ClientName: client.name,
          CallbackURLs: client.redirectUris,
          LogoutURLs: client.logoutUris,
        },
      };
    }),
    ListUserPoolClients: onPool('ListUserPoolClients', async (input) => {
      const poolId = pool(input);
      return {
        UserPoolClients: pools
          .clientsOf(poolId)
          .map((c) => ({ ClientId: c.clientId, ClientName: c.name, UserPoolId: poolId })),
      };
    }),
    AdminCreateUser: onPool('AdminCreateUser', async (input) => {
      const poolId = pool(input);
      const username = input.str('Username');
      const email = input.attributeList('UserAttributes').find((a) => a.Name === 'email')?.Value;
      const temporary = input.optStr('TemporaryPassword');
      if (temporary !== undefined) checkPasswordPolicy(temporary);
      if (!pools.createUser(poolId, username, typeof email === 'string' ? email : null, 'FORCE_CHANGE_PASSWORD')) {
        throw new AwsError('UsernameExistsException', 'User account already exists');
      }
      if (temporary !== undefined) await pools.setPassword(poolId, username, temporary, false);
      return { User: userShape(userOf(poolId, username)) };
    }),
    AdminGetUser: onPool('AdminGetUser', async (input) => {
      const poolId = pool(input);
      return userShape(userOf(poolId, input.str('Username')), 'UserAttributes');
    }),
    AdminSetUserPassword: onPool('AdminSetUserPassword', async (input) => {
      const poolId = pool(input);
      const username = input.str('Username');
      userOf(poolId, username);
      const password = input.str('Password');
      checkPasswordPolicy(password);
      await pools.setPassword(poolId, username, password, input.optBool('Permanent') ?? false);
      return {};
    }),
    AdminAddUserToGroup: onPool('AdminAddUserToGroup', async (input) => {
      const poolId = pool(input);
      const username = input.str('Username');
      const group = input.str('GroupName');
      userOf(poolId, username);
      if (!pools.groupExists(poolId, group)) throw new AwsError('ResourceNotFoundException', 'Group not found.');
      pools.addToGroup(poolId, username, group);
      return {};
    }),
    AdminListGroupsForUser: onPool('AdminListGroupsForUser', async (input) => {
      const poolId = pool(input);
      const user = userOf(poolId, input.str('Username'));
      const groups = pools.groups(poolId).filter((g) => user.groups.includes(g.name));
      return {
        Groups: groups.map((g) => ({
          GroupName: g.name,
          UserPoolId: poolId,
          Description: g.description ?? undefined,
          RoleArn: g.roleArn ?? undefined,
          Precedence: g.precedence ?? undefined,
        })),
      };
    }),
    ListUsers: onPool('ListUsers', async (input) => {
      const poolId = pool(input);
      const limit = Math.min(Math.max(input.optNum('Limit') ?? 60, 1), 60);
      const start = Number(input.optStr('PaginationToken') ?? '0') || 0;
      let users = pools.users(poolId);
      // Filters of the form: attribute = "value" or attribute ^= "prefix".
      const filter = /^\s*(\w+)\s*(\^?=)\s*"([^"]*)"\s*$/.exec(input.optStr('Filter') ?? '');
      if (filter) {
        const [, attr, op, value] = filter as unknown as [string, string, string, string];
        const pick = (u: PoolUser) =>
          attr === 'username'
            ? u.username
            : attr === 'email'
              ? (u.email ?? '')
              : attr === 'sub'
                ? u.sub
                : attr === 'status'
                  ? u.status
                  : '';
        users = users.filter((u) => (op === '=' ? pick(u) === value : pick(u).startsWith(value)));
      }
      const page = users.slice(start, start + limit);
      return {
        Users: page.map((u) => userShape(u)),
        PaginationToken: start + limit < users.length ? String(start + limit) : undefined,
      };
    }),
    CreateGroup: onPool('CreateGroup', async (input) => {
      const poolId = pool(input);
      const name = input.str('GroupName');
      const group = {
        poolId,
        name,
        description: input.optStr('Description') ?? null,
        precedence: input.optNum('Precedence') ?? null,
        roleArn: input.optStr('RoleArn') ?? null,
      };
      if (!pools.putGroup(group)) throw new AwsError('GroupExistsException', 'A group with the name already exists.');
      return {
        Group: {
          GroupName: name,
          UserPoolId: poolId,
          Description: group.description ?? undefined,
          Precedence: group.precedence ?? undefined,
          RoleArn: group.roleArn ?? undefined,
          CreationDate: epoch(Date.now()),
        },
      };
    }),
    ListGroups: onPool('ListGroups', async (input) => {
      const poolId = pool(input);
      return {
        Groups: pools.groups(poolId).map((g) => ({
          GroupName: g.name,
          UserPoolId: poolId,
          Description: g.description ?? undefined,
          Precedence: g.precedence ?? undefined,
          RoleArn: g.roleArn ?? undefined,
          CreationDate: epoch(g.createdAt),
        })),
      };
    }),
    InitiateAuth: {
      action: null,
      async run(input) {
        const flow = input.str('AuthFlow');
        const client = pools.client(input.str('ClientId'));
        if (!client) throw new AwsError('ResourceNotFoundException', 'User pool client does not exist.');
        const params = input.strMap('AuthParameters');
        if (flow === 'USER_PASSWORD_AUTH') {
          const user = await pools.checkPassword(client.poolId, params.USERNAME ?? '', params.PASSWORD ?? '');
          if (!user) throw new AwsError('NotAuthorizedException', 'Incorrect username or password.');
          if (user.status === 'FORCE_CHANGE_PASSWORD') {
            // A temporary password only opens the challenge to choose a permanent one, as on Cognito.
            return {
              ChallengeName: 'NEW_PASSWORD_REQUIRED',
              Session: sessions.create({ poolId: user.poolId, username: user.username, boundTo: client.clientId }),
              ChallengeParameters: {
                USER_ID_FOR_SRP: user.username,
                requiredAttributes: '[]',
                userAttributes: JSON.stringify(user.email ? { email: user.email } : {}),
              },
            };
          }
          return authResult(user, client.clientId, true);
        }
        if (flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN') {
          const row = deps.db
            .prepare('SELECT payload, expires_at FROM oidc WHERE model = ? AND id = ?')
            .get(REFRESH_MODEL, params.REFRESH_TOKEN ?? '') as { payload: string; expires_at: number } | undefined;
          const saved =
            row && row.expires_at > Date.now()
              ? (JSON.parse(row.payload) as { poolId: string; sub: string; clientId: string })
              : null;
          const user = saved && saved.clientId === client.clientId ? pools.userBySub(saved.poolId, saved.sub) : null;
          if (!user || !user.enabled) throw new AwsError('NotAuthorizedException', 'Invalid Refresh Token');
          return authResult(user, client.clientId, false);
        }
        throw new AwsError(
          'InvalidParameterException',
          `The emulator supports AuthFlow USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH, not ${flow}`,
        );
      },
    },
    RespondToAuthChallenge: {
      action: null,
      async run(input) {
        const challenge = input.str('ChallengeName');
        const client = pools.client(input.str('ClientId'));
        if (!client) throw new AwsError('ResourceNotFoundException', 'User pool client does not exist.');
        if (challenge !== 'NEW_PASSWORD_REQUIRED') {
          throw new AwsError(
            'InvalidParameterException',
            `The emulator answers the NEW_PASSWORD_REQUIRED challenge only, not ${challenge}`,
          );
        }
        const sessionId = input.str('Session');
        const responses = input.strMap('ChallengeResponses');
        const session = sessions.find(sessionId, client.clientId);
        if (!session || session.username !== responses.USERNAME)
          throw new AwsError('NotAuthorizedException', 'Invalid session for the user.');
        const password = responses.NEW_PASSWORD;
        if (!password) throw new AwsError('InvalidParameterException', 'Missing required parameter NEW_PASSWORD');
        checkPasswordPolicy(password);
        const user = userOf(session.poolId, session.username);
        if (!user.enabled) throw new AwsError('NotAuthorizedException', 'User is disabled.');
        await pools.setPassword(session.poolId, session.username, password, true);
        sessions.end(sessionId);
        return authResult(userOf(session.poolId, session.username), client.clientId, true);
      },
    },
  };
}
