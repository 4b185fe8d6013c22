/**
 * Takes one token string apart for the decoder: its type, environment, UUID facts and every structural problem.
 */
import { environmentSegments, getPrefix, knownPrefixes, type EnvironmentFacts, type GlossaryEntry } from './glossary';
import { maskSecret, maskToken, maskWord } from './mask';
import {
  closestEnvironments,
  closestType,
  environmentMessage,
  findCandidates,
  problemsOf,
  type TokenCandidate,
} from './tokens';
import type { DecodedToken, TokenProblem } from './types';
import { checkUuid } from './uuid';

/** Decodes a token the user pasted. Never returns the token whole: every string in the result is masked. */
export function decodeToken(input: string): DecodedToken {
  const token = input.trim();
  const candidate = findCandidates(token).find((c) => c.range.start === 0);
  const decoded = candidate ? fromCandidate(token, candidate) : fromLooseSplit(token);
  return { ...decoded, valid: decoded.problems.length === 0 };
}

function fromCandidate(token: string, c: TokenCandidate): Omit<DecodedToken, 'valid'> {
  const problems = problemsOf(c);
  if (c.range.end < token.length) {
    problems.push({
      kind: 'trailing-text',
      message: 'text follows the token',
      range: { start: c.range.end, end: token.length },
    });
  }
  const env = environmentSegments.get(c.environment);
  if (env?.environment.status === 'decommissioned') problems.push(decommissioned(c.environment, c.envRange, env));
  const prefix = c.known ?? undefined;
  const tailKind = (prefix ?? c.suggestedType)?.tail ?? 'uuid';
  return {
    masked: maskParts(c.type, c.environment, token.slice(c.tailRange.start)),
    ...(prefix?.entry ? { entryId: prefix.entry.id } : prefix?.other?.entry ? { entryId: prefix.other.entry } : {}),
    type: prefix ? c.type : maskWord(c.type),
    typeKnown: prefix !== undefined,
    environment: maskWord(c.environment),
    ...(env ? { environmentId: env.id } : {}),
    tailMasked: maskSecret(c.tail),
    tailKind,
    ...(tailKind === 'uuid' && c.uuid.shaped ? { uuid: { version: c.uuid.version, variant: c.uuid.variant } } : {}),
    problems,
  };
}

/** For strings the scanner would not call a token: split on hyphens and report what is missing. */
function fromLooseSplit(token: string): Omit<DecodedToken, 'valid'> {
  const problems: TokenProblem[] = [];
  const prefix = knownPrefixes.find((p) => token.startsWith(p.prefix + '-'));
  const dash = token.indexOf('-');
  const typeEnd = prefix ? prefix.prefix.length : dash >= 0 ? dash : token.length;
  const type = token.slice(0, typeEnd);
  // Missing parts get an empty range where they should have started, never past the end of the input.
  const envStart = Math.min(typeEnd + 1, token.length);
  const rest = token.slice(envStart);
  const envLength = rest.indexOf('-') >= 0 ? rest.indexOf('-') : rest.length;
  const environment = rest.slice(0, envLength);
  const tailStart = Math.min(envStart + envLength + 1, token.length);
  const tail = token.slice(tailStart);
  const known = getPrefix(type);
  const env = environmentSegments.get(environment);
  if (!known) {
    const suggestion = closestType(type)?.prefix;
    problems.push({
      kind: 'unknown-type',
      message:
        type === ''
          ? 'the token has no type'
          : `\`${maskWord(type)}\` is not a Plaid token type` + (suggestion ? `; did you mean \`${suggestion}\`?` : ''),
      range: { start: 0, end: type.length },
      ...(suggestion ? { suggestion } : {}),
    });
  }
  if (!env) {
    problems.push({
      kind: 'unknown-environment',
      message: environment === '' ? 'the token has no environment' : environmentMessage(maskWord(environment), closestEnvironments(environment)),
      range: { start: envStart, end: envStart + environment.length },
    });
  } else if (env.environment.status === 'decommissioned') {
    problems.push(decommissioned(environment, { start: envStart, end: envStart + environment.length }, env));
  }
  const tailKind = known?.tail ?? 'uuid';
  const uuid = checkUuid(tail);
  if (tailKind === 'uuid') {
    for (const p of uuid.problems) {
      problems.push({ ...p, range: { start: tailStart + p.range.start, end: tailStart + p.range.end } });
    }
  }
  return {
    masked: maskParts(type, environment, tail),
    ...(known?.entry ? { entryId: known.entry.id } : known?.other?.entry ? { entryId: known.other.entry } : {}),
    type: known ? type : maskWord(type),
    typeKnown: known !== undefined,
    environment: maskWord(environment),
    ...(env ? { environmentId: env.id } : {}),
    tailMasked: maskSecret(tail),
    tailKind,
    ...(tailKind === 'uuid' && uuid.shaped ? { uuid: { version: uuid.version, variant: uuid.variant } } : {}),
    problems,
  };
}

/** The masked form of a token from its parts, with long type or environment words masked as well. */
function maskParts(type: string, environment: string, tail: string): string {
  const words = [getPrefix(type) ? type : maskWord(type), maskWord(environment)].filter((w) => w !== '');
  if (words.length === 0) return maskSecret(tail);
  const head = words.join('-') + '-';
  return tail === '' ? head + '…' : maskToken(head + tail, head.length);
}

/** The problem of a token from a decommissioned environment, worded from that environment's glossary entry. */
function decommissioned(segment: string, range: { start: number; end: number }, env: GlossaryEntry & { environment: EnvironmentFacts }): TokenProblem {
  const on = env.environment.decommissionedOn ?? 'an earlier date';
  return {
    kind: 'decommissioned-environment',
    message: `\`${segment}\` is the ${env.term} environment, decommissioned on ${on}; its tokens no longer work`,
    range,
  };
}
