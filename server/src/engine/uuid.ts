/**
 * Checks a token tail against the shape Plaid issues: a lowercase RFC 4122 UUID, 8-4-4-4-12 hex digits.
 */
import type { OffsetRange, TokenProblem, UuidVariant } from './types';

const GROUP_LENGTHS = [8, 4, 4, 4, 12];
const HEX = /^[0-9a-fA-F]+$/;
const ALNUM = /^[A-Za-z0-9]+$/;
/** Placeholders people write in docs and tests: `xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`, `00000000-…`. */
const PLACEHOLDER = /^[xXyY0#*.-]+$|^[xX]{2,}|^0{8}-0{4}-0{4}-0{4}-0{12}$/;

/** The outcome of checking one tail. */
export interface UuidCheck {
  /** True when the tail looks like an attempt at a UUID (so its problems are worth reporting). */
  shaped: boolean;
  /** True when the tail is a documentation placeholder rather than a value. */
  placeholder: boolean;
  version: number | null;
  variant: UuidVariant | null;
  /** Problems, with ranges relative to the start of the tail. */
  problems: TokenProblem[];
}

/** A complete hex UUID at the start of a tail, possibly followed by more text (`…-copy`, `…0cextra`). */
const LEADING_UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/;

/**
 * True when `tail` is a UUID attempt: 8-4-4-4-12 of any alphanumerics (then maybe more groups), 8-4-4-4 and a last
 * group of 8 to 16, a whole hex UUID followed by more text, hex groups led by 8, or 16+ bare hex.
 */
export function isUuidShaped(tail: string): boolean {
  const groups = tail.split('-');
  if (groups.some((g) => g === '' || !ALNUM.test(g))) return false;
  if (groups.length >= 5 && groups.slice(0, 5).every((g, i) => g.length === GROUP_LENGTHS[i])) return true;
  // 8-4-4-4 then a last group cut short or run long (`…-ahs3-e9317406a2`): a UUID attempt, even with typos in it.
  if (groups.length === 5 && groups.slice(0, 4).every((g, i) => g.length === GROUP_LENGTHS[i]) && groups[4]!.length >= 8 && groups[4]!.length <= 16) {
    return true;
  }
  if (LEADING_UUID.test(tail)) return true;
  if (groups.length >= 2 && groups.length <= 7 && groups[0]!.length === 8 && groups.every((g) => HEX.test(g))) return true;
  return groups.length === 1 && tail.length >= 16 && HEX.test(tail);
}

/**
 * A necessary condition for {@link isUuidShaped} on `text[from, to)`, a run of `[A-Za-z0-9-]`, read without
 * copying it: every shape starts with a group of at least 8 characters, and one group alone needs 16.
 */
export function mayBeUuidShaped(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && text.charCodeAt(i) !== 45) i++;
  const first = i - from;
  return first >= 8 && (i < to || first >= 16);
}

/** True when `text[from, to)` is a documentation placeholder; every placeholder starts with one of `xXyY0#*.-`. */
export function isPlaceholderAt(text: string, from: number, to: number): boolean {
  const first = text.charCodeAt(from);
  return from < to && first < 128 && PLACEHOLDER_FIRST[first] === 1 && PLACEHOLDER.test(text.slice(from, to));
}

/** 1 at the code of each character a placeholder may start with. */
const PLACEHOLDER_FIRST = new Uint8Array(128);
for (const c of 'xXyY0#*.-') PLACEHOLDER_FIRST[c.charCodeAt(0)] = 1;

/** Checks a tail; `problems` is empty for a lowercase RFC 4122 UUID. */
export function checkUuid(tail: string): UuidCheck {
  const shaped = isUuidShaped(tail);
  const placeholder = PLACEHOLDER.test(tail);
  const problems: TokenProblem[] = [];
  const whole: OffsetRange = { start: 0, end: tail.length };
  if (tail === '') {
    problems.push({ kind: 'missing-uuid', message: 'the token has no UUID after its environment', range: whole });
    return { shaped: false, placeholder, version: null, variant: null, problems };
  }
  if (!shaped) {
    problems.push({
      kind: 'missing-uuid',
      message: 'the tail is not a UUID; Plaid tokens end in a lowercase 8-4-4-4-12 hex UUID',
      range: whole,
    });
    return { shaped, placeholder, version: null, variant: null, problems };
  }
  // Non-hex text glued onto a complete UUID (`…9b0cextra`) is trailing text; more hex makes the last group too long.
  const glued = LEADING_UUID.test(tail) && tail.length > 36 && tail[36] !== '-' && !HEX.test(tail.slice(36)) ? 36 : -1;
  const groups = (glued > 0 ? tail.slice(0, glued) : tail).split('-');
  const starts = groupStarts(groups);
  const uuidGroups = groups.slice(0, 5);
  const lengthsOk = groups.length >= 5 && uuidGroups.every((g, i) => g.length === GROUP_LENGTHS[i]);
  if (!lengthsOk) {
    problems.push({ kind: 'uuid-length', message: describeLengthProblem(groups), range: whole });
  }
  const badHex = uuidGroups.findIndex((g) => !HEX.test(g));
  if (badHex >= 0) {
    const g = uuidGroups[badHex]!;
    const at = starts[badHex]!;
    const bad = [...g].find((c) => !/[0-9a-fA-F]/.test(c)) ?? '';
    problems.push({
      kind: 'uuid-not-hex',
      message: `the UUID holds \`${bad}\`, which is not a hexadecimal digit`,
      range: { start: at, end: at + g.length },
    });
  }
  if (badHex < 0 && uuidGroups.some((g) => /[A-F]/.test(g))) {
    const end = starts[uuidGroups.length - 1]! + uuidGroups[uuidGroups.length - 1]!.length;
    problems.push({
      kind: 'uuid-uppercase',
      message: 'the UUID has uppercase letters; Plaid issues lowercase hex',
      range: { start: 0, end },
    });
  }
  let version: number | null = null;
  let variant: UuidVariant | null = null;
  if (lengthsOk && badHex < 0) {
    const versionDigit = groups[2]![0]!.toLowerCase();
    version = parseInt(versionDigit, 16);
    variant = variantOf(groups[3]![0]!);
    if (version < 1 || version > 5) {
      const at = starts[2]!;
      problems.push({
        kind: 'uuid-version',
        message: `the UUID version digit is \`${versionDigit}\`; RFC 4122 defines versions 1 to 5`,
        range: { start: at, end: at + 4 },
      });
    }
    if (variant !== 'rfc4122') {
      const at = starts[3]!;
      problems.push({
        kind: 'uuid-variant',
        message: `the UUID variant digit is \`${groups[3]![0]!.toLowerCase()}\`; RFC 4122 needs 8, 9, a or b`,
        range: { start: at, end: at + 4 },
      });
    }
    if (groups.length > 5 || glued > 0) {
      const at = glued > 0 ? glued : starts[5]! - 1;
      problems.push({ kind: 'trailing-text', message: 'text follows the UUID', range: { start: at, end: tail.length } });
    }
  }
  return { shaped, placeholder, version, variant, problems };
}

const VARIANT_LABELS: Readonly<Record<UuidVariant, string>> = {
  rfc4122: 'RFC 4122 variant',
  ncs: 'NCS-reserved variant, not RFC 4122',
  microsoft: 'Microsoft-reserved variant, not RFC 4122',
  future: 'future-reserved variant, not RFC 4122',
};

/** A variant as people read it, e.g. `RFC 4122 variant`; `unknown variant` when the UUID has none. */
export function describeUuidVariant(variant: UuidVariant | null): string {
  return variant === null ? 'unknown variant' : VARIANT_LABELS[variant];
}

function variantOf(nibble: string): UuidVariant {
  const n = parseInt(nibble, 16);
  if (n < 8) return 'ncs';
  if (n < 12) return 'rfc4122';
  if (n < 14) return 'microsoft';
  return 'future';
}

function groupStarts(groups: string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const g of groups) {
    starts.push(at);
    at += g.length + 1;
  }
  return starts;
}

function describeLengthProblem(groups: string[]): string {
  if (groups.length === 1) {
    return groups[0]!.length === 32
      ? 'the UUID has no dashes; expected 8-4-4-4-12'
      : `the UUID has ${groups[0]!.length} characters and no dashes; expected 8-4-4-4-12`;
  }
  const shape = groups.map((g) => g.length).join('-');
  if (groups.length < 5) return `the UUID is truncated: ${shape} where 8-4-4-4-12 is expected`;
  return `the UUID groups are ${shape} where 8-4-4-4-12 is expected`;
}
