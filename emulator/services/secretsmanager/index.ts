import type { ServiceFactory } from '../../core/types.js';
import { JsonInput } from '../../protocols/json-input.js';
import { jsonService } from '../../protocols/json-service.js';
import { seedSecrets } from '../../seed/secrets.js';
import type { Secrets } from './model.js';
import { SECRETS_OPERATIONS } from './operations.js';
import { SecretStore } from './store.js';
import { Vault } from './vault.js';

/** Secrets Manager (JSON 1.1): values sealed with AES-256-GCM at rest, version stages, deletion windows, rotation through Lambda. */
export const createSecretsManagerService: ServiceFactory = async (env) => {
  const store = new SecretStore(env.dataDir);
  const state: Secrets = { store, vault: new Vault(env.dataDir), env };
  return jsonService({
    name: 'secretsmanager',
    version: '1.1',
    targetPrefix: 'secretsmanager.',
    typePrefix: '',
    state,
    operations: SECRETS_OPERATIONS,
    input: (body) => new JsonInput(body),
    demoGrants: {
      admin: [{ Sid: 'SecretsManager', Effect: 'Allow', Action: 'secretsmanager:*', Resource: '*' }],
      viewer: [
        {
          Sid: 'SecretsManagerMetadata',
          Effect: 'Allow',
          Action: [
            'secretsmanager:ListSecrets',
            'secretsmanager:DescribeSecret',
            'secretsmanager:ListSecretVersionIds',
          ],
          Resource: '*',
        },
      ],
    },
    async reset() {
      store.wipe();
    },
    async seed() {
      seedSecrets(state, env.defaultRegion);
    },
    async close() {
      store.close();
    },
  });
};
