import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AwsError } from '../../core/errors.js';
import { storedName } from './regions.js';

export interface TtlSetting {
  enabled: boolean;
  attributeName: string;
}

/** Time-to-live settings per table (dynalite keeps none), in one small JSON file written atomically. */
export class TtlSettings {
  private readonly file: string;
  private settings: Record<string, TtlSetting> = {};

  constructor(dir: string) {
    this.file = join(dir, 'ttl.json');
    this.load();
  }

  load(): void {
    try {
      this.settings = JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, TtlSetting>;
    } catch {
      this.settings = {};
    }
  }

  /** Settings are kept per stored name, so a table of one region never sees another region's setting. */
  get(name: string): TtlSetting | undefined {
    const table = storedName(name);
    return Object.hasOwn(this.settings, table) ? this.settings[table] : undefined;
  }

  /** AWS refuses to enable TTL twice, or to disable it when it is off. */
  update(name: string, enabled: boolean, attributeName: string): void {
    const table = storedName(name);
    const current = this.get(table);
    if (enabled && current?.enabled) throw new AwsError('ValidationException', 'TimeToLive is already enabled');
    if (!enabled && !current?.enabled) throw new AwsError('ValidationException', 'TimeToLive is already disabled');
    if (!enabled && current && current.attributeName !== attributeName) {
      throw new AwsError(
        'ValidationException',
        `TimeToLive is enabled on attribute ${current.attributeName}, not ${attributeName}`,
      );
    }
    if (enabled) this.settings[table] = { enabled, attributeName };
    else delete this.settings[table];
    this.save();
  }

  forget(name: string): void {
    const table = storedName(name);
    if (!this.get(table)) return;
    delete this.settings[table];
    this.save();
  }

  clear(): void {
    this.settings = {};
    this.save();
  }

  private save(): void {
    const tmp = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, JSON.stringify(this.settings));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.file);
  }
}
