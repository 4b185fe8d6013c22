/**
 * Command-line parsing for each subcommand, with `node:util` `parseArgs`. Every mistake becomes a
 * {@link UsageError}, which the entry point turns into exit code 2.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { maskText } from '../engine/mask';

/**
 * Exit codes shared by every command: 1 means "problems found", 2 means the CLI was called wrongly, 130 (128 +
 * SIGINT, as shells report it) means Ctrl-C stopped it.
 */
export const EXIT = { ok: 0, problems: 1, usage: 2, interrupted: 130 } as const;

/** A mistake in how the CLI was called; its message is shown with a pointer to `--help`. */
export class UsageError extends Error {}

/** Report formats of `scan`. */
export const FORMATS = ['text', 'json', 'sarif'] as const;

/** One of {@link FORMATS}. */
export type ReportFormat = (typeof FORMATS)[number];

/** The default `--max-file-size`, in kilobytes. */
export const DEFAULT_MAX_FILE_SIZE_KB = 1024;

/** Options of `plaid-lens scan`. */
/** Options that `scan` and `history` share: how the report is written and which findings count. */
export interface ReportArgs {
  help: boolean;
  format: ReportFormat;
  /** Write the report here instead of stdout. */
  output?: string;
  /** Use this config for every file instead of looking for `.plaidlens.json`. */
  config?: string;
  /** Exit with 1 when there are more warnings than this. */
  maxWarnings?: number;
  /** Files larger than this many kilobytes are skipped with a note. */
  maxFileSizeKb: number;
  /** Threads that scan at once, e.g. `4`; 1 scans without worker threads. Unset: one per core. */
  jobs?: number;
  /** Report only findings not recorded in this baseline file, e.g. `.plaidlens-baseline.json`. */
  baseline?: string;
  /** Record every finding of this run in this baseline file. */
  writeBaseline?: string;
}

/** Options of `plaid-lens scan`. */
export interface ScanArgs extends ReportArgs {
  /** Files and folders to scan, e.g. `['src', 'config/plaid.yaml']`; defaults to `['.']`. */
  paths: string[];
  /** Scan the staged content (the git index) of the changed files instead of the working tree. */
  staged: boolean;
}

/** Options of `plaid-lens history`. */
export interface HistoryArgs extends ReportArgs {
  /** Path filters, e.g. `['src']`; empty scans every path. */
  paths: string[];
  /** Only commits after this revision, e.g. `origin/main` or a commit hash. */
  since?: string;
  /** The branch or revision whose history is scanned, e.g. `main`; unset: the current branch (HEAD). */
  branch?: string;
  /** Every branch and tag instead of one branch. */
  all: boolean;
  /** Also write each finding's file, as it stood in its commit and masked, under this folder (for editors). */
  writeSources?: string;
}

/** Options of `plaid-lens decode`. */
export interface DecodeArgs {
  help: boolean;
  /** The token, or `-` to read it from stdin; undefined only with `--help`. */
  token?: string;
  json: boolean;
}

/** Options of `plaid-lens glossary`. */
export interface GlossaryArgs {
  help: boolean;
  /** What to look up, e.g. `access token`; undefined lists every entry. */
  term?: string;
  json: boolean;
}

/** The options of {@link ReportArgs}, as `parseArgs` reads them. */
const REPORT_OPTIONS: Options = {
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  'max-warnings': { type: 'string' },
  'max-file-size': { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

/** Reads and checks the {@link REPORT_OPTIONS} among parsed values. */
function reportArgs(values: Record<string, unknown>): ReportArgs {
  const format = (values.format as string | undefined) ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
  }
  const maxWarnings = values['max-warnings'] as string | undefined;
  const maxFileSize = values['max-file-size'] as string | undefined;
  const jobs = values.jobs as string | undefined;
  return {
    help: values.help === true,
    format: format as ReportFormat,
    output: nonEmpty(values.output as string | undefined, '--output'),
    config: nonEmpty(values.config as string | undefined, '--config'),
    maxWarnings: maxWarnings === undefined ? undefined : wholeNumber(maxWarnings, '--max-warnings', 0),
    maxFileSizeKb: maxFileSize === undefined ? DEFAULT_MAX_FILE_SIZE_KB : wholeNumber(maxFileSize, '--max-file-size', 1),
    ...(jobs === undefined ? {} : { jobs: wholeNumber(jobs, '--jobs', 1) }),
    ...baselineArgs(values),
  };
}

/** Parses the arguments after `scan`. */
export function parseScanArgs(argv: string[]): ScanArgs {
  const { values, positionals } = parse(argv, { ...REPORT_OPTIONS, staged: { type: 'boolean' } });
  return {
    ...reportArgs(values),
    paths: positionals.length > 0 ? positionals : ['.'],
    staged: values.staged === true,
  };
}

/** Parses the arguments after `history`. */
export function parseHistoryArgs(argv: string[]): HistoryArgs {
  const { values, positionals } = parse(argv, {
    ...REPORT_OPTIONS,
    since: { type: 'string' },
    branch: { type: 'string' },
    all: { type: 'boolean' },
    'write-sources': { type: 'string' },
  });
  const report = reportArgs(values);
  const branch = revision(values.branch as string | undefined, '--branch');
  if (branch !== undefined && values.all === true) throw new UsageError('--branch and --all cannot be used together');
  return {
    ...report,
    paths: positionals,
    since: revision(values.since as string | undefined, '--since'),
    branch,
    all: values.all === true,
    // History's result has always named both baseline options, set or not.
    baseline: report.baseline,
    writeBaseline: report.writeBaseline,
    ...(typeof values['write-sources'] === 'string' ? { writeSources: nonEmpty(values['write-sources'] as string, '--write-sources') } : {}),
  };
}

function baselineArgs(values: Record<string, unknown>): { baseline?: string; writeBaseline?: string } {
  const baseline = nonEmpty(values.baseline as string | undefined, '--baseline');
  const writeBaseline = nonEmpty(values['write-baseline'] as string | undefined, '--write-baseline');
  return { ...(baseline === undefined ? {} : { baseline }), ...(writeBaseline === undefined ? {} : { writeBaseline }) };
}

/** A revision handed to git: never empty, and never one that git could take for an option. */
function revision(value: string | undefined, flag: string): string | undefined {
  const text = nonEmpty(value, flag);
  if (text !== undefined && text.startsWith('-')) throw new UsageError(`${flag} needs a revision, not an option (${maskText(text)})`);
  return text;
}

/** Parses the arguments after `decode`. The token itself is never repeated in an error message. */
export function parseDecodeArgs(argv: string[]): DecodeArgs {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  const help = values.help === true;
  if (!help && positionals.length === 0) throw new UsageError('decode needs a token, or - to read it from stdin');
  if (positionals.length > 1) throw new UsageError(`decode takes one token, not ${positionals.length}`);
  return { help, token: positionals[0], json: values.json === true };
}

/** Parses the arguments after `glossary`; several words form one term (`glossary access token`). */
export function parseGlossaryArgs(argv: string[]): GlossaryArgs {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  const term = positionals.join(' ').trim();
  return { help: values.help === true, term: term === '' ? undefined : term, json: values.json === true };
}

type Options = NonNullable<ParseArgsConfig['options']>;

function parse(argv: string[], options: Options): { values: Record<string, unknown>; positionals: string[] } {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
}

/** Node's messages are long and suggest `--`; ours name the option (masked, in case a token was pasted as one). */
function describeParseError(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  const option = maskText(/'([^' ]+)/.exec(message)?.[1] ?? '');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return message.includes('does not take') ? `option ${option} does not take a value` : `option ${option} needs a value`;
  }
  return maskText(message);
}

function wholeNumber(text: string, flag: string, min: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`${flag} must be a whole number of at least ${min}, not "${text}"`);
  }
  return Number(text);
}

function nonEmpty(value: string | undefined, flag: string): string | undefined {
  if (value === '') throw new UsageError(`${flag} needs a value`);
  return value;
}
