import type { Service } from '../../core/types.js';
import { JsonInput } from '../../protocols/json-input.js';
import { jsonService } from '../../protocols/json-service.js';
import { userPoolOperations, type UserPoolDeps } from './operations.js';

/** Cognito user pools, JSON 1.1: user administration and InitiateAuth. */
export function createCognitoIdpService(deps: UserPoolDeps): Service {
  return jsonService({
    name: 'cognito-idp',
    version: '1.1',
    targetPrefix: 'AWSCognitoIdentityProviderService.',
    typePrefix: '',
    state: deps,
    operations: userPoolOperations(deps),
    input: (body) => new JsonInput(body),
    reset: async () => {},
    close: async () => {},
  });
}
