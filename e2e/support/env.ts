/** What the global setup tells the workers (through environment variables, which workers inherit). */
export interface E2eEnv {
  baseUrl: string;
  emulatorUrl: string;
  adminToken: string;
  /** Static keys the shared emulator accepts, so specs create their own resources with the AWS SDK. */
  accessKeyId: string;
  secretAccessKey: string;
}

export const ENV_KEYS = {
  baseUrl: 'E2E_BASE_URL',
  emulatorUrl: 'E2E_EMULATOR_URL',
  adminToken: 'E2E_EMULATOR_ADMIN_TOKEN',
  accessKeyId: 'E2E_EMULATOR_ACCESS_KEY_ID',
  secretAccessKey: 'E2E_EMULATOR_SECRET_ACCESS_KEY',
} as const;

export function e2eEnv(): E2eEnv {
  const read = (key: string) => {
    const value = process.env[key];
    if (!value)
      throw new Error(
        `${key} is not set: run the specs through playwright.config.ts (its global setup starts the stack)`,
      );
    return value;
  };
  return {
    baseUrl: read(ENV_KEYS.baseUrl),
    emulatorUrl: read(ENV_KEYS.emulatorUrl),
    adminToken: read(ENV_KEYS.adminToken),
    accessKeyId: read(ENV_KEYS.accessKeyId),
    secretAccessKey: read(ENV_KEYS.secretAccessKey),
  };
}
