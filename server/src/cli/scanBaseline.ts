/**
 * The baseline steps a scan shares with `history`: the salt a run hashes values with, writing a baseline of what
 * was found, and keeping only the findings a baseline does not hold.
 */
import { plural } from '../engine';
import type { FileResult } from '../files/report';
import { applyBaseline, newSalt, readBaseline, writeBaseline, type Baseline, type Fingerprintable } from './baseline';
import type { Output } from './output';

/** What a run needs from its `--baseline` and `--write-baseline` options. */
export interface BaselinePlan {
  /** The baseline read, when `--baseline` names one. */
  baseline?: { file: string; data: Baseline };
  /** Where to write a new baseline. */
  writeTo?: string;
  /** The salt values are hashed with: the baseline's own, or a new one. */
  salt: string;
}

/** Reads `--baseline` (a usage error when unreadable) and picks the salt. */
export async function planBaseline(options: { baseline?: string; writeBaseline?: string }, cwd: string): Promise<BaselinePlan> {
  const data = options.baseline === undefined ? undefined : await readBaseline(options.baseline, cwd);
  return {
    ...(data === undefined ? {} : { baseline: { file: options.baseline!, data } }),
    ...(options.writeBaseline === undefined ? {} : { writeTo: options.writeBaseline }),
    salt: data?.salt ?? newSalt(),
  };
}

/**
 * Writes the baseline if asked (every finding), then drops the baselined findings when a baseline was read.
 * Returns the items left and how many were baselined.
 */
export async function settleBaseline<T extends Fingerprintable>(items: readonly T[], plan: BaselinePlan, cwd: string, output: Output): Promise<{ fresh: T[]; baselined: number }> {
  if (plan.writeTo !== undefined) {
    const count = await writeBaseline(plan.writeTo, cwd, plan.salt, items);
    output.note(`plaid-lens: wrote ${plural(count, 'finding')} to the baseline ${plan.writeTo}`);
  }
  if (plan.baseline === undefined) return { fresh: [...items], baselined: 0 };
  return applyBaseline(items, plan.baseline.data, plan.baseline.file, cwd);
}

/** {@link settleBaseline} for file results: findings are taken out of their files, which keep their order. */
export async function settleFileBaseline(results: readonly FileResult[], plan: BaselinePlan, cwd: string, output: Output): Promise<{ results: FileResult[]; baselined: number }> {
  const items = results.flatMap((result, index) => result.findings.map((finding) => ({ absPath: result.absPath, finding, index })));
  const { fresh, baselined } = await settleBaseline(items, plan, cwd, output);
  const kept = results.map((r) => ({ ...r, findings: [] as FileResult['findings'] }));
  for (const item of fresh) kept[item.index]!.findings.push(item.finding);
  return { results: kept, baselined };
}

/** The summary's line about a baseline, e.g. `ℹ 3 findings baselined in base.json (not shown)`; empty without one. */
export function baselinedLine(baselined: number, baselineFile: string | undefined): string {
  return baselineFile === undefined ? '' : `ℹ ${plural(baselined, 'finding')} baselined in ${baselineFile} (not shown)`;
}
