/**
 * Push diagnostics: every open and change schedules a scan of that document, and every scan that runs is
 * published. A run that a newer change overtakes stops before it computes anything, never after.
 */
import { ruleDocsUrl } from './docs';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { scan, type FixData, type Finding, type Severity } from './engine';
import type { ScanPlan } from './analysis';
import { planFor, type ServerContext } from './context';
import { DIAGNOSTIC_SOURCE } from './protocol';

/**
 * How long a document rests after a change before it is scanned. Short: scans cost little and the point is
 * feedback while typing; a burst of changes inside this window costs one scan.
 */
export const DIAGNOSE_DELAY_MS = 10;

/** What a diagnostic carries in `data`: enough for a code action without any server-side cache, and no secret. */
export interface DiagnosticData {
  /** The document version the offsets below belong to. */
  version: number;
  /** The engine's fix, with offsets into that version. */
  fix?: FixData;
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** One finding as an LSP diagnostic. */
export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  const data: DiagnosticData = { version: document.version, fix: finding.fix };
  const diagnostic: Diagnostic = {
    range: { start: document.positionAt(finding.range.start), end: document.positionAt(finding.range.end) },
    severity: SEVERITIES[finding.severity],
    code: finding.rule,
    codeDescription: { href: ruleDocsUrl(finding.rule) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
  if (finding.deprecated) diagnostic.tags = [DiagnosticTag.Deprecated];
  return diagnostic;
}

/** The single diagnostic of a document too large to scan, so that silence is never mistaken for a clean file. */
export function notScannedDiagnostic(sizeKB: number, limitKB: number): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    message:
      `Plaid Lens did not scan this file: it is ${sizeKB.toLocaleString('en-US')} KiB, over the limit of ` +
      `${limitKB.toLocaleString('en-US')} KiB set by plaidLens.maxFileSizeKB.`,
  };
}

/** Runs the engine as a plan says; findings are empty for a skipped or oversized document. */
export function findingsFor(document: TextDocument, plan: ScanPlan): Finding[] {
  return plan.kind === 'scan' ? scan(document.getText(), plan.options) : [];
}

/** Schedules, computes and publishes diagnostics for open documents. */
export class DiagnosticsPublisher {
  constructor(private readonly context: ServerContext) {}

  /** Scans the document after a short rest, replacing any run already waiting for it. */
  schedule(document: TextDocument): void {
    const state = this.context.states.get(document.uri);
    if (state.timer !== undefined) clearTimeout(state.timer);
    const generation = ++state.generation;
    state.timer = setTimeout(() => {
      state.timer = undefined;
      this.run(document.uri, document.version, generation).catch((error: unknown) =>
        this.context.logger.error(`Diagnosing ${document.uri} failed`, error),
      );
    }, DIAGNOSE_DELAY_MS);
  }

  /** Scans every open document again, e.g. after a settings or config change. */
  scheduleAll(): void {
    for (const document of this.context.documents.all()) this.schedule(document);
  }

  /** Removes a closed document's diagnostics from the client. */
  clear(uri: string): void {
    void this.context.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private async run(uri: string, version: number, generation: number): Promise<void> {
    const { documents, states, connection, logger } = this.context;
    const isCurrent = (): boolean =>
      documents.get(uri)?.version === version && states.peek(uri)?.generation === generation;
    if (!isCurrent()) return;
    const plan = await planFor(this.context, documents.get(uri)!);
    // Settings arrive asynchronously; a change made meanwhile has scheduled its own run, so this one stops here.
    if (!isCurrent()) return;
    const document = documents.get(uri)!;
    const started = Date.now();
    const findings = findingsFor(document, plan);
    states.get(uri).scanned = { version, findings };
    const diagnostics =
      plan.kind === 'too-large' ? [notScannedDiagnostic(plan.sizeKB, plan.limitKB)] : findings.map((f) => toDiagnostic(document, f));
    void connection.sendDiagnostics({ uri, version, diagnostics });
    logger.debug(`Diagnosed ${uri} v${version}: ${plan.kind}, ${findings.length} finding(s) in ${Date.now() - started} ms`);
  }
}
