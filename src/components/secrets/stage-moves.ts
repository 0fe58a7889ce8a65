/** A staging label that now points at another version (or appeared, or left). */
export interface StageMove {
  stage: string;
  from?: string;
  to?: string;
}

const ORDER = ['AWSCURRENT', 'AWSPREVIOUS', 'AWSPENDING'];

function holders(map: Record<string, string[]>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [version, stages] of Object.entries(map)) for (const s of stages) out.set(s, version);
  return out;
}

/** How labels moved between two version->stages maps, AWS's own labels first. */
export function stageMoves(before: Record<string, string[]>, after: Record<string, string[]>): StageMove[] {
  const was = holders(before);
  const now = holders(after);
  const stages = [...new Set([...was.keys(), ...now.keys()])];
  const rank = (s: string) => (ORDER.includes(s) ? ORDER.indexOf(s) : ORDER.length);
  stages.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return stages.flatMap((stage) => {
    const from = was.get(stage);
    const to = now.get(stage);
    return from === to ? [] : [{ stage, ...(from ? { from } : {}), ...(to ? { to } : {}) }];
  });
}

/** The start of a version id, enough to tell versions apart. */
export const shortVersion = (id: string) => id.slice(0, 8);
