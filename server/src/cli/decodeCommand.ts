/**
 * `plaid-lens decode`: the anatomy of one token, its problems, and the lifecycle of its type. The token is shown
 * masked only; everything else comes from the decoder and the glossary.
 */
import { decodeToken, describeUuidVariant, getEntry, plural, type DecodedToken, type TokenProblem } from '../engine';
import { maskText } from '../engine/mask';
import { EXIT, UsageError, type DecodeArgs } from './args';
import { environmentFactRows, environmentStatus, table, tokenFactRows } from './describe';
import type { Output } from './output';

/** Problem kinds whose suggestion is a word (a type or an environment), never a piece of the token's tail. */
const WORD_SUGGESTIONS: ReadonlySet<TokenProblem['kind']> = new Set(['unknown-type', 'unknown-environment', 'decommissioned-environment']);

/** Decodes the token (read from `stdin` when it is `-`), prints it, and returns 0 when valid, 1 otherwise. */
export async function runDecode(args: DecodeArgs, output: Output, stdin: () => Promise<string>): Promise<number> {
  const raw = args.token === '-' ? await stdin() : (args.token ?? '');
  const token = raw.trim();
  if (token === '') throw new UsageError(args.token === '-' ? 'no token on stdin' : 'the token is empty');
  const decoded = decodeToken(token);
  output.print(args.json ? JSON.stringify(decodedJson(decoded), null, 2) : decodedText(decoded));
  return decoded.valid ? EXIT.ok : EXIT.problems;
}

/** The JSON form: the decoder's masked fields, problems with word-only suggestions, and the glossary facts. */
export function decodedJson(decoded: DecodedToken): object {
  const typeEntry = decoded.entryId === undefined ? undefined : getEntry(decoded.entryId);
  const environmentEntry = decoded.environmentId === undefined ? undefined : getEntry(decoded.environmentId);
  return {
    token: decoded.masked,
    valid: decoded.valid,
    type: { value: maskText(decoded.type), known: decoded.typeKnown, entryId: decoded.entryId, term: typeEntry?.term },
    environment: {
      value: maskText(decoded.environment),
      entryId: decoded.environmentId,
      term: environmentEntry?.term,
      baseUrl: environmentEntry?.environment?.baseUrl,
      status: environmentEntry?.environment?.status,
    },
    tail: { kind: decoded.tailKind, masked: decoded.tailMasked, uuid: decoded.uuid },
    problems: decoded.problems.map((p) => ({
      kind: p.kind,
      message: maskText(p.message),
      range: p.range,
      suggestion: p.suggestion !== undefined && WORD_SUGGESTIONS.has(p.kind) ? p.suggestion : undefined,
    })),
    lifecycle: typeEntry?.token ?? null,
  };
}

/** The text form: anatomy, status with every problem, then the lifecycle of the type. */
export function decodedText(decoded: DecodedToken): string {
  const typeEntry = decoded.entryId === undefined ? undefined : getEntry(decoded.entryId);
  const environmentEntry = decoded.environmentId === undefined ? undefined : getEntry(decoded.environmentId);
  const lines = [decoded.masked, ''];
  lines.push(
    ...table([
      ['Type', `${maskText(decoded.type)}${typeEntry ? ` (${typeEntry.term})` : decoded.typeKnown ? '' : ' (not a Plaid token type)'}`],
      ['Environment', `${maskText(decoded.environment)}${environmentEntry ? ` (${environmentEntry.term})` : ' (not a Plaid environment)'}`],
      ['Tail', `${decoded.tailMasked} (${tailDescription(decoded)})`],
      ['Status', decoded.valid ? '✔ well-formed' : `✖ ${plural(decoded.problems.length, 'problem')}`],
    ]),
  );
  lines.push(...decoded.problems.map((p) => `    ✖ ${problemText(p)}`));
  if (environmentEntry?.environment) {
    lines.push('', `The ${environmentEntry.term} environment (${environmentStatus(environmentEntry.environment)})`);
    lines.push(...table(environmentFactRows(environmentEntry.environment).filter(([label]) => label !== 'Status')));
  }
  if (typeEntry?.token) {
    lines.push('', `Lifecycle: ${typeEntry.term}`, ...table(tokenFactRows(typeEntry.token)));
  } else {
    lines.push('', 'The glossary has no lifecycle facts for this type.');
  }
  return lines.join('\n');
}

function problemText(problem: TokenProblem): string {
  const message = maskText(problem.message);
  const suggestion = problem.suggestion !== undefined && WORD_SUGGESTIONS.has(problem.kind) ? problem.suggestion : undefined;
  return suggestion === undefined || message.includes(suggestion) ? message : `${message} (did you mean \`${suggestion}\`?)`;
}

function tailDescription(decoded: DecodedToken): string {
  if (decoded.tailKind === 'opaque') return 'opaque, not a UUID';
  if (decoded.uuid === undefined) return 'should be a UUID';
  const version = decoded.uuid.version === null ? 'no valid version' : `version ${decoded.uuid.version}`;
  return `UUID, ${version}, ${describeUuidVariant(decoded.uuid.variant)}`;
}
