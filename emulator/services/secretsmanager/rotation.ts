import { AwsError } from '../../core/errors.js';
import type { JsonInput } from '../../protocols/json-input.js';
import { CURRENT, PENDING, lookup, stagesOf, tokenOf, type SecretsCall } from './model.js';
import type { SecretRow } from './store.js';

const STEPS = ['createSecret', 'setSecret', 'testSecret', 'finishSecret'] as const;

/**
 * RotateSecret: remember the rotation function and rules, then (unless told not to) run the four
 * rotation steps through that Lambda function, as AWS does, in the background. The function does the
 * work with its own SDK calls (PutSecretValue into AWSPENDING, UpdateSecretVersionStage to finish).
 */
export async function rotateSecret(
  call: SecretsCall,
  input: JsonInput,
  secret: SecretRow,
): Promise<Record<string, unknown>> {
  const previous = secret.rotation
    ? (JSON.parse(secret.rotation) as { lambdaArn?: string; rules?: Record<string, unknown> })
    : {};
  const lambdaArn = input.optStr('RotationLambdaARN') ?? previous.lambdaArn;
  if (!lambdaArn)
    throw new AwsError('InvalidRequestException', 'No Lambda rotation function ARN is associated with this secret.');
  const rawRules = input.raw('RotationRules');
  if (rawRules !== undefined && (typeof rawRules !== 'object' || rawRules === null || Array.isArray(rawRules)))
    throw new AwsError('InvalidParameterException', 'RotationRules must be a structure');
  const rules = (rawRules as Record<string, unknown> | undefined) ?? previous.rules ?? { AutomaticallyAfterDays: 30 };
  const days = rules.AutomaticallyAfterDays;
  if (days !== undefined && (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 1000)) {
    throw new AwsError('InvalidParameterException', 'AutomaticallyAfterDays must be between 1 and 1000');
  }
  const token = tokenOf(input);
  const pending = call.state.store.versions(secret.arn).find((v) => stagesOf(v).includes(PENDING));
  if (pending && pending.version_id !== token) {
    throw new AwsError(
      'InvalidRequestException',
      "A previous rotation isn't complete. That rotation will be reattempted.",
    );
  }
  const lambda = call.state.env.peer?.('lambda');
  if (!lambda?.internal) throw new AwsError('InvalidRequestException', 'Lambda is not available in this emulator.');
  await lambda.internal('GetFunction', { FunctionName: lambdaArn }, call.region).catch(() => {
    throw new AwsError('ResourceNotFoundException', `The rotation function ${lambdaArn} does not exist.`);
  });
  call.state.store.update({ ...secret, rotation: JSON.stringify({ lambdaArn, rules, enabled: true }) });
  if (input.optBool('RotateImmediately') ?? true) {
    void runSteps(call, secret.arn, lambdaArn, token);
  }
  return { ARN: secret.arn, Name: secret.name, VersionId: token };
}

async function runSteps(call: SecretsCall, arn: string, lambdaArn: string, token: string): Promise<void> {
  const lambda = call.state.env.peer?.('lambda');
  for (const Step of STEPS) {
    try {
      const out = (await lambda?.internal?.(
        'Invoke',
        { FunctionName: lambdaArn, Payload: JSON.stringify({ Step, SecretId: arn, ClientRequestToken: token }) },
        call.region,
      )) as { FunctionError?: string; Payload?: string } | undefined;
      if (out?.FunctionError) {
        call.state.env.log(`rotation of ${arn} failed at ${Step}: ${out.Payload ?? ''}`);
        return;
      }
    } catch (e) {
      call.state.env.log(`rotation of ${arn} failed at ${Step}: ${(e as Error).message}`);
      return;
    }
  }
  const secret = lookup(call, arn);
  const current = secret && call.state.store.versions(arn).find((v) => stagesOf(v).includes(CURRENT));
  if (secret && current?.version_id === token) call.state.store.update({ ...secret, rotated: Date.now() });
}
