import { activeSession } from '../session';
import { endpointFor, SERVICE_NAMES, type ServiceName } from '../config';
import type { CodeService } from './call';

/** The endpoint the session's client for a service uses, when it is not AWS's own. */
export function currentSessionEndpoint(service: CodeService): string | undefined {
  const config = activeSession()?.config;
  if (!config) return undefined;
  if ((SERVICE_NAMES as readonly string[]).includes(service)) return endpointFor(config, service as ServiceName);
  return typeof config.endpoint === 'string' ? config.endpoint : undefined;
}
