import {
  DEMO_CLIENT_ID,
  DEMO_IDENTITY_POOL_ID,
  DEMO_ISSUER_PATH,
  DEMO_LOGINS_KEY,
  DEMO_REGION,
} from '../../emulator/seed/accounts.js';

/** The runtime config (public/config.json shape) for a console talking to one emulator. */
export function consoleConfigFor(emulatorUrl: string): Record<string, unknown> {
  return {
    regions: [DEMO_REGION, 'eu-west-1'],
    defaultRegion: DEMO_REGION,
    endpoint: emulatorUrl,
    auth: {
      mode: 'cognito',
      identityPoolId: DEMO_IDENTITY_POOL_ID,
      signIn: {
        authority: `${emulatorUrl}${DEMO_ISSUER_PATH}`,
        clientId: DEMO_CLIENT_ID,
        scope: 'openid email profile',
        loginsKey: DEMO_LOGINS_KEY,
      },
    },
  };
}
