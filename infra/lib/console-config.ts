/** The console's config.json for a deployment: what the stack outputs and writes next to index.html. */
export interface DeployedIds {
  region: string;
  regions: readonly string[];
  userPoolId: string;
  clientId: string;
  identityPoolId: string;
  buckets: readonly string[];
}

export function deployedConsoleConfig(ids: DeployedIds): Record<string, unknown> {
  return {
    regions: [...ids.regions],
    defaultRegion: ids.region,
    auth: {
      mode: 'cognito',
      identityPoolId: ids.identityPoolId,
      signIn: {
        authority: `https://cognito-idp.${ids.region}.amazonaws.com/${ids.userPoolId}`,
        clientId: ids.clientId,
        scope: 'openid email profile',
      },
    },
    // ListBuckets cannot be called from a browser on AWS: the console offers these names.
    buckets: [...ids.buckets],
  };
}
