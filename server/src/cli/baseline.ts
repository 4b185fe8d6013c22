/**
 * Baselines: a file of fingerprints of known findings, so a team can adopt the scan without fixing everything
 * first. A fingerprint is SHA-256 over the rule, the path and the HMAC-SHA256 of the flagged value under the
 * baseline's random salt: no line number (a finding stays baselined when its line moves), and never the value, a
 * masked form of it or any part of it short enough to guess.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { LocatedFinding } from '../files/report';
import { UsageError } from './args';

/** The file format's version; a file of another version is refused, not misread. */
export const BASELINE_VERSION = 1;

/** One baselined finding. */
export interface BaselineEntry {
  rule: string;
  /** Relative to the baseline file's folder, posix. */
  path: string;
  /** Hex SHA-256 of rule, path and the salted value hash. */
  fingerprint: string;
}

/** A baseline as read or about to be written. */
export interface Baseline {
  /** Hex salt of the value hashes; new and random for each new baseline. */
  salt: string;
  entries: BaselineEntry[];
}

/** A finding to fingerprint: the file it is in (absolute) and the finding, with its value hash. */
export interface Fingerprintable {
  absPath: string;
  finding: LocatedFinding;
}

/** A fresh salt for a run without a baseline to read. */
export function newSalt(): string {
  return randomBytes(32).toString('hex');
}

/** Reads a baseline; a missing or malformed file is a usage error naming what is wrong. */
export async function readBaseline(file: string, cwd: string): Promise<Baseline> {
  const absolute = path.resolve(cwd, file);
  let text: string;
  try {
    text = await fs.readFile(absolute, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the baseline ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(`the baseline ${file} is not valid JSON; write a new one with --write-baseline`);
  }
  const record = data as { version?: unknown; salt?: unknown; findings?: unknown };
  if (record.version !== BASELINE_VERSION || typeof record.salt !== 'string' || !/^[0-9a-f]{64}$/.test(record.salt) || !Array.isArray(record.findings)) {
    throw new UsageError(`${file} is not a plaid-lens baseline (version ${BASELINE_VERSION}); write one with --write-baseline`);
  }
  const entries = (record.findings as unknown[]).filter(isEntry);
  return { salt: record.salt, entries };
}

function isEntry(value: unknown): value is BaselineEntry {
  const e = value as BaselineEntry;
  return typeof e === 'object' && e !== null && typeof e.rule === 'string' && typeof e.path === 'string' && typeof e.fingerprint === 'string';
}

/** The baseline entry for a finding, with its path relative to the baseline file's folder. */
export function entryFor(item: Fingerprintable, baselineDir: string): BaselineEntry {
  const relative = path.relative(baselineDir, item.absPath).split(path.sep).join('/');
  const valueHash = item.finding.valueHash;
  if (valueHash === undefined) throw new Error('a finding without a value hash cannot be baselined');
  const fingerprint = createHash('sha256').update([item.finding.rule, relative, valueHash].join('\0')).digest('hex');
  return { rule: item.finding.rule, path: relative, fingerprint };
}

/** Writes a baseline of `items` to `file`, creating its folder. */
export async function writeBaseline(file: string, cwd: string, salt: string, items: readonly Fingerprintable[]): Promise<number> {
  const absolute = path.resolve(cwd, file);
  const dir = path.dirname(absolute);
  const findings = items.map((item) => entryFor(item, dir));
  findings.sort((a, b) => a.path.localeCompare(b.path) || a.rule.localeCompare(b.rule) || a.fingerprint.localeCompare(b.fingerprint));
  const body = { tool: 'plaid-lens', version: BASELINE_VERSION, salt, findings };
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(absolute, JSON.stringify(body, null, 2) + '\n', 'utf8');
  } catch (error) {
    throw new UsageError(`cannot write the baseline ${file}: ${(error as Error).message}`);
  }
  return findings.length;
}

/**
 * Splits findings into new ones and baselined ones. Each baseline entry absorbs one finding, so a second copy of a
 * baselined value in the same file is new.
 */
export function applyBaseline<T extends Fingerprintable>(items: readonly T[], baseline: Baseline, baselineFile: string, cwd: string): { fresh: T[]; baselined: number } {
  const dir = path.dirname(path.resolve(cwd, baselineFile));
  const counts = new Map<string, number>();
  for (const e of baseline.entries) counts.set(e.fingerprint, (counts.get(e.fingerprint) ?? 0) + 1);
  const fresh: T[] = [];
  let baselined = 0;
  for (const item of items) {
    const { fingerprint } = entryFor(item, dir);
    const left = counts.get(fingerprint) ?? 0;
    if (left > 0) {
      counts.set(fingerprint, left - 1);
      baselined++;
    } else {
      fresh.push(item);
    }
  }
  return { fresh, baselined };
}
