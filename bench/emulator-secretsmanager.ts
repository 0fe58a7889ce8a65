// Secrets Manager: GetSecretValue round trip (decrypting the stored value each time).
import { CreateSecretCommand, GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

interface ClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

export async function benchSecretsManager(clientConfig: ClientConfig): Promise<Record<string, number>> {
  const sm = new SecretsManagerClient(clientConfig);
  try {
    await sm.send(
      new CreateSecretCommand({
        Name: 'bench/db',
        SecretString: JSON.stringify({ username: 'u', password: 'p'.repeat(32), host: 'h' }),
      }),
    );
    for (let i = 0; i < 20; i++) await sm.send(new GetSecretValueCommand({ SecretId: 'bench/db' }));
    const times: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      await sm.send(new GetSecretValueCommand({ SecretId: 'bench/db' }));
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return {
      'GetSecretValue round trip (median, ms)': Math.round((times[Math.floor(times.length / 2)] ?? NaN) * 100) / 100,
    };
  } finally {
    sm.destroy();
  }
}
