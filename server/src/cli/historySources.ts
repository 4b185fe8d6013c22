/**
 * `history --write-sources DIR`: for each finding, the file as it stood in the commit that introduced it, written to
 * `DIR/<commit>/<path>` with every value the engine flags masked (and `maskText` over the rest as a last line of
 * defence), so an editor can show "that commit's file at that line" without running git itself and without showing
 * a secret whole.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { maskSecret, maskToken, scan, type RuleId, type SeverityLevel } from '../engine';
import { maskText } from '../engine/mask';
import { decodeText } from '../files/readText';
import type { BlobReader } from '../git/blobReader';
import { UsageError } from './args';
import type { ConfigResolver } from '../files/configs';
import type { HistoryFinding } from './historyCommand';
import type { Output } from './output';

/** Writes the masked file of each (commit, path) the findings name; returns how many files were written. */
export async function writeSources(dir: string, findings: readonly HistoryFinding[], reader: BlobReader, configs: ConfigResolver, output: Output): Promise<number> {
  const root = path.resolve(dir);
  const done = new Set<string>();
  for (const f of findings) {
    const key = `${f.commit}/${f.path}`;
    if (done.has(key)) continue;
    done.add(key);
    const target = path.resolve(root, f.commit, ...f.path.split('/'));
    // Git never stores `..` in a path; checked anyway, since the path is written to.
    if (!target.startsWith(root + path.sep)) continue;
    const read = await reader.read(f.blob);
    const text = read.kind === 'blob' ? decodeText(read.bytes) : undefined;
    if (text === undefined) {
      output.note(`warning: ${f.commit.slice(0, 8)} ${f.path}: could not read the file again to write its masked copy`);
      continue;
    }
    try {
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, maskedSource(text, f.path, configs.rulesFor(f.absPath)), 'utf8');
    } catch (error) {
      throw new UsageError(`cannot write to ${dir}: ${(error as Error).message}`);
    }
  }
  return done.size;
}

/** The text with each flagged value replaced by its masked form, lines kept where they were. */
export function maskedSource(text: string, fileName: string, rules: Partial<Record<RuleId, SeverityLevel>>): string {
  const ranges = scan(text, { fileName, rules })
    .map((f) => ({ ...(f.token?.range ?? f.range), token: f.token !== undefined }))
    .sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const r of ranges) {
    if (r.start < at) continue;
    const value = text.slice(r.start, r.end);
    // A masked form never spans lines, so line numbers stay those of the commit's file.
    out += text.slice(at, r.start) + (value.includes('\n') ? value : r.token ? maskToken(value) : maskSecret(value));
    at = r.end;
  }
  return maskText(out + text.slice(at));
}
