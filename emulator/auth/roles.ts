import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
  openSync,
  fsyncSync,
  closeSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';
import { assertPolicyDocument, type PolicyDocument, type Statement } from './policy.js';
import { assertTrustPolicy, type TrustPolicy } from './trust.js';

/** One role per file, DATA/auth/roles/NAME.json, re-read whenever the file changes so a person can edit it. */
export interface RoleFile {
  RoleName: string;
  Description?: string;
  PolicyDocument: PolicyDocument;
  /** Who may assume the role with STS AssumeRole; absent: nobody. */
  AssumeRolePolicyDocument?: TrustPolicy;
  /** Longest session AssumeRole may give, 3,600 to 43,200 seconds (default 3,600), as on IAM. */
  MaxSessionDuration?: number;
}

/** What AssumeRole needs of a role: its trust policy and its longest session. */
export interface RoleTrust {
  trust: TrustPolicy | null;
  maxSessionDuration: number;
}

const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

interface Cached {
  mtimeMs: number;
  size: number;
  policy: PolicyDocument | null;
}

export class RoleStore {
  private readonly cache = new Map<string, Cached>();
  readonly dir: string;

  constructor(
    dataDir: string,
    private readonly log: (m: string) => void,
  ) {
    this.dir = join(dataDir, 'roles');
    mkdirSync(this.dir, { recursive: true });
  }

  /** The role's policy, or null when the role does not exist or its file is invalid (which denies everything). */
  policyOf(roleName: string): PolicyDocument | null {
    if (!ROLE_NAME.test(roleName)) return null;
    const file = join(this.dir, `${roleName}.json`);
    let stat;
    try {
      stat = statSync(file);
    } catch {
      this.cache.delete(roleName);
      return null;
    }
    const hit = this.cache.get(roleName);
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.policy;
    let policy: PolicyDocument | null = null;
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      // A file may hold { RoleName, PolicyDocument } or just the policy document.
      const doc = 'PolicyDocument' in parsed ? parsed.PolicyDocument : parsed;
      assertPolicyDocument(doc);
      policy = doc;
    } catch (e) {
      this.log(
        `role ${roleName}: ${file} is not a valid role (${(e as Error).message}); it allows nothing until fixed`,
      );
    }
    this.cache.set(roleName, { mtimeMs: stat.mtimeMs, size: stat.size, policy });
    return policy;
  }

  /** The role's trust, or null when the role does not exist; an invalid trust policy trusts nobody. */
  trustOf(roleName: string): RoleTrust | null {
    if (!this.exists(roleName)) return null;
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(readFileSync(join(this.dir, `${roleName}.json`), 'utf8')) as Record<string, unknown>;
    } catch {
      return { trust: null, maxSessionDuration: 3600 };
    }
    const max = parsed.MaxSessionDuration;
    const maxSessionDuration = typeof max === 'number' && max >= 3600 && max <= 43_200 ? max : 3600;
    const doc = parsed.AssumeRolePolicyDocument;
    if (doc === undefined) return { trust: null, maxSessionDuration };
    try {
      assertTrustPolicy(doc);
      return { trust: doc, maxSessionDuration };
    } catch (e) {
      this.log(
        `role ${roleName}: its AssumeRolePolicyDocument is not valid (${(e as Error).message}); nobody may assume it`,
      );
      return { trust: null, maxSessionDuration };
    }
  }

  exists(roleName: string): boolean {
    return ROLE_NAME.test(roleName) && this.names().includes(roleName);
  }

  names(): string[] {
    return readdirSync(this.dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5));
  }

  /** Write a role atomically (temp file, fsync, rename). */
  write(role: RoleFile): void {
    if (!ROLE_NAME.test(role.RoleName)) throw new Error(`invalid role name ${role.RoleName}`);
    assertPolicyDocument(role.PolicyDocument);
    const file = join(this.dir, `${role.RoleName}.json`);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(role, null, 2)}\n`);
    const fd = openSync(tmp, 'r');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, file);
    this.cache.delete(role.RoleName);
  }

  /** Append statements whose Sid the role does not have yet; a missing or unreadable role file is left alone. */
  addStatements(roleName: string, statements: Statement[]): void {
    if (!this.exists(roleName)) return;
    let role: RoleFile;
    try {
      const parsed = JSON.parse(readFileSync(join(this.dir, `${roleName}.json`), 'utf8')) as Record<string, unknown>;
      role =
        'PolicyDocument' in parsed
          ? (parsed as unknown as RoleFile)
          : { RoleName: roleName, PolicyDocument: parsed as unknown as PolicyDocument };
      assertPolicyDocument(role.PolicyDocument);
    } catch (e) {
      this.log(`role ${roleName}: not adding new statements to an invalid role file (${(e as Error).message})`);
      return;
    }
    const current = role.PolicyDocument.Statement;
    const list = Array.isArray(current) ? [...current] : [current];
    const missing = statements.filter((s) => !list.some((existing) => existing.Sid === s.Sid));
    if (missing.length === 0) return;
    this.write({
      ...role,
      RoleName: roleName,
      PolicyDocument: { ...role.PolicyDocument, Statement: [...list, ...missing] },
    });
  }

  wipe(): void {
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
    this.cache.clear();
  }
}
