/**
 * The `--format sarif` report: SARIF 2.1.0 as GitHub code scanning and other SARIF viewers read it. Rule texts come
 * from the engine's rule table; locations are relative to the scan root; nothing in it holds a secret whole.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocsUrl } from '../docs';
import { RULE_IDS, RULES, type Severity } from '../engine';
import type { FileResult, LocatedFinding } from '../files/report';

/** Facts about the tool written into `tool.driver`. */
export interface SarifToolInfo {
  version: string;
  /** The project's home page; rule help links point at sections of its README. */
  informationUri: string;
}

/** Where the report's paths start: `%SRCROOT%`, usually the working directory (the repository root in CI). */
export interface SarifOptions {
  tool: SarifToolInfo;
  rootDir: string;
}

/** The base id every relative `artifactLocation.uri` refers to. */
export const SRCROOT = '%SRCROOT%';

/** The `partialFingerprints` key; bump the version if the fingerprint's inputs ever change. */
export const FINGERPRINT_KEY = 'plaidLens/v1';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type SarifLevel = 'error' | 'warning' | 'note';

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/** Renders the SARIF log as JSON text. */
export function formatSarif(results: readonly FileResult[], options: SarifOptions): string {
  return JSON.stringify(buildSarif(results, options), null, 2) + '\n';
}

/** Builds the SARIF log object. */
export function buildSarif(results: readonly FileResult[], options: SarifOptions): object {
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: driver(options.tool) },
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(options.rootDir) } },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((r) => fileResults(r, artifactFor(r.absPath, options.rootDir))),
        invocations: [
          {
            // A file the scan failed on (an internal error) means the run did not do all it set out to do.
            executionSuccessful: !results.some((r) => r.note?.kind === 'failed'),
            toolExecutionNotifications: notifications(results, options.rootDir),
          },
        ],
      },
    ],
  };
}

/** The SARIF level for an engine severity: `info` and `hint` become `note`. */
export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'error' || severity === 'warning' ? severity : 'note';
}

function driver(tool: SarifToolInfo): object {
  return {
    name: 'plaid-lens',
    version: tool.version,
    semanticVersion: tool.version,
    informationUri: tool.informationUri,
    rules: RULE_IDS.map((id) => {
      const info = RULES[id];
      const helpUri = ruleDocsUrl(id);
      const defaults = `Default severity: ${info.defaultSeverity}${info.severityNote ? ` (${info.severityNote})` : ''}.`;
      return {
        id,
        name: id.replace(/(^|-)([a-z])/g, (_m, _dash: string, letter: string) => letter.toUpperCase()),
        shortDescription: { text: info.title },
        fullDescription: { text: info.description },
        help: {
          text: `${info.description} ${defaults} See ${helpUri}`,
          markdown: `${info.description}\n\n${defaults}\n\n[Read more](${helpUri})`,
        },
        helpUri,
        defaultConfiguration: { level: sarifLevel(info.defaultSeverity) },
      };
    }),
  };
}

function fileResults(result: FileResult, artifactLocation: ArtifactLocation): object[] {
  const occurrences = new Map<string, number>();
  return result.findings.map((finding) => {
    const key = `${finding.rule}\n${finding.maskedText}`;
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    return {
      ruleId: finding.rule,
      ruleIndex: RULE_IDS.indexOf(finding.rule),
      level: sarifLevel(finding.severity),
      message: { text: finding.message },
      locations: [{ physicalLocation: { artifactLocation, region: region(finding) } }],
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(finding, artifactLocation.uri, occurrence) },
    };
  });
}

function region(f: LocatedFinding): object {
  return { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn };
}

/**
 * Identifies a finding across commits without its line number: rule, path, the masked flagged text and which
 * occurrence of that text it is. Built from the masked text so it can never confirm a guessed secret.
 */
function fingerprint(finding: LocatedFinding, uri: string, occurrence: number): string {
  return createHash('sha256').update([finding.rule, uri, finding.maskedText, String(occurrence)].join('\0')).digest('hex');
}

function notifications(results: readonly FileResult[], rootDir: string): object[] {
  return results.flatMap((r) =>
    r.note === undefined
      ? []
      : [
          {
            level: r.note.kind === 'skipped' ? 'note' : 'warning',
            message: { text: `${r.displayPath}: ${r.note.reason}` },
            locations: [{ physicalLocation: { artifactLocation: artifactFor(r.absPath, rootDir) } }],
          },
        ],
  );
}

/** A uri relative to `%SRCROOT%` for files under the root; an absolute `file:` uri for any other. */
function artifactFor(absPath: string, rootDir: string): ArtifactLocation {
  const relative = path.relative(rootDir, absPath);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    return { uri: pathToFileURL(absPath).href };
  }
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function folderUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}
