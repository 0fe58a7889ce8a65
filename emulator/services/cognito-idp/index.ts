import type { Service } from '../../core/types.js';
import { jsonOperationService } from '../../auth/json-service.js';
import { userPoolOperations, type UserPoolDeps } from './operations.js';

/** Cognito user pools, JSON 1.1: user administration and InitiateAuth. */
export function createCognitoIdpService(deps: UserPoolDeps): Service {
  return jsonOperationService('cognito-idp', 'AWSCognitoIdentityProviderService.', userPoolOperations(deps));
}
