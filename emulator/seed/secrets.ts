import { randomUUID } from 'node:crypto';
import { internalCall } from '../core/operations.js';
import { CURRENT, newArn, putVersion, type Secrets } from '../services/secretsmanager/model.js';
import type { SecretRow } from '../services/secretsmanager/store.js';

/** Demo secrets: a database login (JSON), an API key (plain string), and one with a previous version. */
export const DEMO_SECRETS: Array<{
  name: string;
  description: string;
  values: string[];
  tags: Array<{ Key: string; Value: string }>;
}> = [
  {
    name: 'prod/database/postgres',
    description: 'Login for the production Postgres database',
    values: [
      JSON.stringify({
        username: 'app_user',
        password: 'demo-Pa55word-not-real',
        host: 'db.internal.example.com',
        port: 5432,
        dbname: 'orders',
      }),
    ],
    tags: [{ Key: 'Environment', Value: 'prod' }],
  },
  {
    name: 'prod/payments/api-key',
    description: 'API key of the payment provider (a plain string)',
    values: ['sk_demo_4eC39HqLyjWDarjtT1zdp7dc'],
    tags: [{ Key: 'Environment', Value: 'prod' }],
  },
  {
    name: 'staging/app/session-secret',
    description: 'Signs session cookies; rotated once, so it has a previous version',
    values: ['first-session-secret-0001', 'second-session-secret-0002'],
    tags: [{ Key: 'Environment', Value: 'staging' }],
  },
];

export function seedSecrets(state: Secrets, region: string): void {
  const call = internalCall(state, region, state.env.accountId);
  const now = Date.now() - 86_400_000;
  for (const demo of DEMO_SECRETS) {
    if (state.store.byName(region, demo.name)) continue;
    const secret: SecretRow = {
      region,
      name: demo.name,
      arn: newArn(call, demo.name),
      description: demo.description,
      kms_key_id: null,
      created: now,
      changed: now,
      accessed: null,
      deletion: null,
      tags: JSON.stringify(demo.tags),
      rotation: null,
      rotated: null,
    };
    state.store.insert(secret);
    for (const value of demo.values)
      putVersion(call, secret, randomUUID(), { kind: 'string', bytes: Buffer.from(value) }, [CURRENT]);
  }
}
