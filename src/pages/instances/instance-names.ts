/**
 * Names of instances this visit has shown, so the breadcrumb of an instance's page reads its Name tag
 * rather than its id when it is known (the registry builds crumbs without waiting for queries).
 */
const names = new Map<string, string>();

export function rememberInstanceNames(instances: ReadonlyArray<{ id: string; name?: string }>): void {
  for (const i of instances) if (i.name) names.set(i.id, i.name);
}

export function knownInstanceName(id: string): string | undefined {
  return names.get(id);
}
