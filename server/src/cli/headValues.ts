/**
 * Which flagged values HEAD still holds: every regular file of HEAD's tree (within the path filters) is scanned,
 * and the salted hashes of what it flags are collected. Only run when the history scan found something.
 */
import { runGit } from '../git/gitProcess';
import { readAndScan } from '../git/readAndScan';
import type { GitScanTools } from './gitContext';
import * as path from 'node:path';

/** Blobs scanned at once, at most. */
const IN_FLIGHT = 64;

/**
 * The value hashes of every finding in HEAD's files under `pathspecs` (root-relative); blobs in `missing` (a partial
 * clone's) are left out rather than asked for.
 */
export async function headValues(git: GitScanTools, pathspecs: readonly string[], missing: ReadonlySet<string>, salt: string, sizeLimit: string): Promise<Set<string>> {
  const { repo, configs, reader, pool } = git;
  const listing = await runGit(['ls-tree', '-r', '-z', '--full-tree', 'HEAD', '--', ...pathspecs], repo.root);
  const values = new Set<string>();
  const pending: Promise<void>[] = [];
  for (const entry of listing.toString('utf8').split('\0')) {
    // `<mode> <type> <sha>\t<path>`
    const match = /^(100644|100755|100664) blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (match === null) continue;
    const [, , blob, file] = match;
    if (missing.has(blob!)) continue;
    const absPath = path.join(repo.root, ...file!.split('/'));
    if (configs.ignoredBy(absPath) !== undefined) continue;
    pending.push(
      readAndScan({ blob: blob!, path: file!, rules: configs.rulesFor(absPath) }, reader, pool, salt, sizeLimit).then((outcome) => {
        if (outcome.kind === 'scanned') for (const f of outcome.findings) values.add(f.valueHash);
      }),
    );
    if (pending.length >= IN_FLIGHT) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
  return values;
}
