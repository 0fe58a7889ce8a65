// PLACEHOLDER until issue 3 lands in this session: accepts every request as an admin.
import { AwsError } from '../core/errors.js';
import type { Caller } from '../core/types.js';
import type { SecurityFactory } from './security.js';
import { credentialScopeOf } from '../core/route.js';

export const createSecurity: SecurityFactory = async (env) => {
  return {
    async authenticate({ req, url }) {
      const scope = credentialScopeOf(req, url);
      const caller: Caller = {
        accessKeyId: scope?.accessKeyId ?? '',
        arn: `arn:aws:iam::${env.accountId}:user/dev`,
        accountId: env.accountId,
        userId: 'AIDADEV',
        roleName: 'admin',
        anonymous: !scope,
      };
      return caller;
    },
    isAllowed: () => true,
    accessDenied: (caller, _service, action, resource) =>
      new AwsError('AccessDenied', `User: ${caller.arn} is not authorized to perform: ${action} on resource: ${resource}`, 403),
    routes: [],
    services: [],
    reset: async () => {},
    seed: async () => {},
    close: async () => {},
  };
};
