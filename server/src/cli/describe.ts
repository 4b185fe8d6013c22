/**
 * Plain-text renderings of glossary facts, shared by `decode` and `glossary`. Every fact comes from the glossary
 * data; this file only lays it out.
 */
import type { CredentialFacts, EnvironmentFacts, GlossaryEntry, TokenFacts } from '../engine';

/** Aligned `label  value` rows, indented; rows without a value are left out. */
export function table(rows: readonly (readonly [string, string | undefined])[], indent = '  '): string[] {
  const present = rows.filter((row): row is readonly [string, string] => row[1] !== undefined && row[1] !== '');
  const width = Math.max(0, ...present.map(([label]) => label.length));
  return present.map(([label, value]) => `${indent}${label.padEnd(width)}  ${value}`);
}

/** The lifecycle of a token type: lifetime, how it is obtained, exchanged, rotated, revoked and stored. */
export function tokenFactRows(token: TokenFacts): [string, string | undefined][] {
  return [
    ['Prefixes', token.prefixes.map((p) => `${p}-`).join(', ')],
    ['Tail', token.tail === 'uuid' ? 'lowercase RFC 4122 UUID' : 'opaque (not a UUID)'],
    ['Lifetime', token.lifetime.text],
    ['Obtained', token.obtained],
    ['Exchanged', token.exchanged],
    ['Rotated', token.rotated],
    ['Revoked', token.revoked],
    ['Storage', token.storage],
    ['Sensitivity', token.sensitivity === 'credential' ? 'credential: never put it in source code' : 'short-lived'],
    ['Env var', token.envVar],
  ];
}

/** An environment's base URL and status. */
export function environmentFactRows(environment: EnvironmentFacts): [string, string | undefined][] {
  return [
    ['Base URL', environment.baseUrl],
    ['Status', environmentStatus(environment)],
    ['SDK', environment.sdkConstants?.map((c) => c.constant).join(', ')],
  ];
}

/** `active`, `a mode of Production`, or `decommissioned on 2024-06-20`. */
export function environmentStatus(environment: EnvironmentFacts): string {
  if (environment.status === 'decommissioned') return `decommissioned${environment.decommissionedOn ? ` on ${environment.decommissionedOn}` : ''}`;
  return environment.status === 'mode' ? 'a mode of an environment, not an environment of its own' : 'active';
}

/** How a client_id or secret looks and where it belongs. */
export function credentialFactRows(credential: CredentialFacts): [string, string | undefined][] {
  return [
    ['Shape', `${credential.hexLength} lowercase hex characters`],
    ['Env var', credential.envVar],
  ];
}

/** Every fact an entry carries, as table rows. */
export function entryFactRows(entry: GlossaryEntry): [string, string | undefined][] {
  return [
    ...(entry.token ? tokenFactRows(entry.token) : []),
    ...(entry.environment ? environmentFactRows(entry.environment) : []),
    ...(entry.credential ? credentialFactRows(entry.credential) : []),
  ];
}
