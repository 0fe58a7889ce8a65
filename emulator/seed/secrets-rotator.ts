/**
 * The seeded rotation function (`rotate-secret`): AWS's four-step rotation protocol. A JSON secret gets
 * a new `password` field, a plain one a new random string; setSecret and testSecret only log, since
 * there is no database behind the demo secrets.
 */
export const ROTATOR_FUNCTION = {
  name: 'rotate-secret',
  description: 'Rotates a Secrets Manager secret: a new password (JSON) or a new random string.',
  file: 'index.mjs',
  timeout: 10,
  code: `import { randomBytes } from 'node:crypto';
import {
  SecretsManagerClient,
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';

const sm = new SecretsManagerClient({});
const fresh = () => randomBytes(18).toString('base64url');

function nextValue(current) {
  try {
    const parsed = JSON.parse(current);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return JSON.stringify({ ...parsed, password: fresh() });
  } catch {}
  return fresh();
}

export const handler = async ({ Step, SecretId, ClientRequestToken: token }) => {
  const described = await sm.send(new DescribeSecretCommand({ SecretId }));
  const stages = described.VersionIdsToStages ?? {};
  const current = Object.entries(stages).find(([, s]) => s.includes('AWSCURRENT'))?.[0];
  console.log(Step, SecretId, token);
  // Idempotent as AWS asks: a retried step finds its work done.
  if (Step === 'createSecret' && !stages[token]) {
    const now = await sm.send(new GetSecretValueCommand({ SecretId, VersionStage: 'AWSCURRENT' }));
    await sm.send(
      new PutSecretValueCommand({ SecretId, ClientRequestToken: token, SecretString: nextValue(now.SecretString ?? ''), VersionStages: ['AWSPENDING'] }),
    );
  }
  if (Step === 'finishSecret' && current !== token) {
    await sm.send(new UpdateSecretVersionStageCommand({ SecretId, VersionStage: 'AWSCURRENT', MoveToVersionId: token, RemoveFromVersionId: current }));
    await sm.send(new UpdateSecretVersionStageCommand({ SecretId, VersionStage: 'AWSPENDING', RemoveFromVersionId: token }));
  }
};
`,
};
