/**
 * Takes one token string apart for the decoder: its type, environment, UUID facts and every structural problem.
 */
import { environmentSegments, getPrefix, knownPrefixes } from './glossary';
import { maskSecret, maskToken } from './mask';
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
  if (env?.environment.status === 'decommissioned') problems.push(decommissioned(c.environment, c.envRange, env.environment.decommissionedOn));
  const prefix = c.known ?? undefined;
  const tailKind = (prefix ?? c.suggestedType)?.tail ?? 'uuid';
  return {
    masked: maskToken(token, c.tailRange.start),
    ...(prefix?.entry ? { entryId: prefix.entry.id } : prefix?.other?.entry ? { entryId: prefix.other.entry } : {}),
    type: c.type,
    typeKnown: prefix !== undefined,
    environment: c.environment,
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
  const typeEnd = prefix ? prefix.prefix.length : Math.max(0, token.indexOf('-'));
  const type = prefix ? prefix.prefix : token.slice(0, typeEnd === 0 ? token.length : typeEnd);
  const rest = typeEnd > 0 ? token.slice(typeEnd + 1) : '';
  const envEnd = rest.indexOf('-') >= 0 ? rest.indexOf('-') : rest.length;
  const environment = rest.slice(0, envEnd);
  const envStart = typeEnd + 1;
  const tailStart = envStart + envEnd + 1;
  const tail = tailStart < token.length ? token.slice(tailStart) : '';
  const known = getPrefix(type);
  const env = environmentSegments.get(environment);
  if (!known) {
    const suggestion = closestType(type)?.prefix;
    problems.push({
      kind: 'unknown-type',
      message:
        type === ''
          ? 'the token has no type'
          : `\`${shorten(type)}\` is not a Plaid token type` + (suggestion ? `; did you mean \`${suggestion}\`?` : ''),
      range: { start: 0, end: type.length },
      ...(suggestion ? { suggestion } : {}),
    });
  }
  if (!env) {
    problems.push({
      kind: 'unknown-environment',
      message: environment === '' ? 'the token has no environment' : environmentMessage(shorten(environment), closestEnvironments(environment)),
      range: { start: envStart, end: envStart + environment.length },
    });
  } else if (env.environment.status === 'decommissioned') {
    problems.push(decommissioned(environment, { start: envStart, end: envStart + environment.length }, env.environment.decommissionedOn));
  }
  const tailKind = known?.tail ?? 'uuid';
  const uuid = checkUuid(tail);
  if (tailKind === 'uuid') {
    for (const p of uuid.problems) {
      problems.push({ ...p, range: { start: tailStart + p.range.start, end: tailStart + p.range.end } });
    }
  }
  return {
    masked: maskToken(token, Math.min(tailStart, token.length)),
    ...(known?.entry ? { entryId: known.entry.id } : known?.other?.entry ? { entryId: known.other.entry } : {}),
    type: shorten(type),
    typeKnown: known !== undefined,
    environment: shorten(environment),
    ...(env ? { environmentId: env.id } : {}),
    tailMasked: maskSecret(tail),
    tailKind,
    ...(tailKind === 'uuid' && uuid.shaped ? { uuid: { version: uuid.version, variant: uuid.variant } } : {}),
    problems,
  };
}

/** Type and environment words are not secret, but a pasted secret may sit where they are expected. */
function shorten(word: string): string {
  return word.length <= 20 ? word : maskSecret(word);
}

function decommissioned(segment: string, range: { start: number; end: number }, on?: string): TokenProblem {
  return {
    kind: 'decommissioned-environment',
    message: `\`${segment}\` is the Development environment, decommissioned on ${on ?? 'an earlier date'}; its tokens no longer work`,
    range,
  };
}
