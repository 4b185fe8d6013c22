/**
 * Push diagnostics: every open and change schedules a scan of that document, and every scan that runs is
 * published. A run that a newer change overtakes stops before it computes anything, never after. After the first
 * scan, a run re-scans only around the changes made since the last one.
 */
import { ruleDocsUrl } from './docs';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { rescan, scanSnapshot, type Finding, type Severity } from './engine';
import type { ScanPlan } from './analysis';
import { planFor, type ServerContext } from './context';
import type { DocumentState } from './documents';
import { PieceDocument } from './pieceDocument';
import { DIAGNOSTIC_SOURCE } from './protocol';

/**
 * How long a document rests after a change before it is scanned in full. Short: scans cost little and the point is
 * feedback while typing; a burst of changes inside this window costs one scan. A re-scan around a few changes
 * costs less than the wait, so it runs as soon as the changes already received have been applied.
 */
export const DIAGNOSE_DELAY_MS = 10;

/** Changed characters up to which a run re-scans at once instead of waiting for a burst to end. */
const PROMPT_RESCAN_CHARS = 64 * 1024;

/** The LSP severity of each engine severity. */
export const SEVERITIES: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * One finding as an LSP diagnostic. It carries no `data`: a quick fix is looked up in the scan of the document's
 * current version, so a diagnostic whose finding did not change is the same from one version to the next.
 */
export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  return diagnosticAt({ start: document.positionAt(finding.range.start), end: document.positionAt(finding.range.end) }, finding);
}

/** The diagnostic of a finding placed at `range`, whether the finding comes from an open document or a file's scan. */
export function diagnosticAt(range: Range, finding: Pick<Finding, 'rule' | 'severity' | 'message' | 'deprecated'>): Diagnostic {
  const diagnostic: Diagnostic = {
    range,
    severity: SEVERITIES[finding.severity],
    code: finding.rule,
    codeDescription: { href: ruleDocsUrl(finding.rule) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
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

/**
 * Runs the engine as a plan says, re-scanning only around the changes since the document's last scan when there
 * is one; findings are empty for a skipped or oversized document. Returns how the findings were reached.
 */
export function scanDocument(state: DocumentState, document: TextDocument, plan: ScanPlan): 'full' | 'incremental' | undefined {
  const { snapshot, changes } = state;
  state.changes = [];
  if (plan.kind !== 'scan') {
    state.snapshot = undefined;
    return undefined;
  }
  // A document in pieces is re-scanned around its changes without joining its text.
  const text = document instanceof PieceDocument ? document.text : document.getText();
  state.snapshot = snapshot !== undefined ? rescan(snapshot, changes, plan.options, text) : scanSnapshot(text, plan.options);
  return state.snapshot.mode;
}

/** Schedules, computes and publishes diagnostics for open documents. */
export class DiagnosticsPublisher {
  constructor(private readonly context: ServerContext) {}

  /** Scans the document after a short rest, replacing any run already waiting for it. */
  schedule(document: TextDocument): void {
    const state = this.context.states.get(document.uri);
    state.cancelRun?.();
    const generation = ++state.generation;
    const run = (): void => {
      state.cancelRun = undefined;
      this.run(document.uri, document.version, generation).catch((error: unknown) =>
        this.context.logger.error(`Diagnosing ${document.uri} failed`, error),
      );
    };
    if (isPrompt(state)) {
      const immediate = setImmediate(run);
      state.cancelRun = () => clearImmediate(immediate);
    } else {
      const timer = setTimeout(run, DIAGNOSE_DELAY_MS);
      state.cancelRun = () => clearTimeout(timer);
    }
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
    const state = states.get(uri);
    const started = performance.now();
    const mode = scanDocument(state, document, plan);
    const findings = state.snapshot?.findings ?? [];
    state.scanned = { version, findings };
    let diagnostics: Diagnostic[];
    if (plan.kind === 'too-large') {
      diagnostics = [notScannedDiagnostic(plan.sizeKB, plan.limitKB)];
      state.published = undefined;
    } else {
      diagnostics = findings.map((f) => toDiagnostic(document, f));
      state.published = reuseDiagnostics(state.published, diagnostics);
    }
    void connection.sendDiagnostics({ uri, version, diagnostics });
    // A document opened and not edited rests compressed; its snapshot holds the text, so it goes too, and the
    // first edit (if any) scans in full, which costs little at the sizes that rest.
    if (document instanceof PieceDocument && document.rest()) {
      state.snapshot = undefined;
      state.published = undefined;
    }
    const how = mode === undefined ? plan.kind : `${plan.kind} (${mode})`;
    logger.debug(`Diagnosed ${uri} v${version}: ${how}, ${findings.length} finding(s) in ${(performance.now() - started).toFixed(1)} ms`);
  }
}

/**
 * Replaces, in place, each new diagnostic equal to one of the last publication by that same object, and returns
 * them grouped by a key of everything they hold, for the next publication. The stdio transport encodes an object
 * once (see messageEncoding.ts), so after an edit only the diagnostics that changed are encoded again.
 */
export function reuseDiagnostics(previous: ReadonlyMap<string, Diagnostic[]> | undefined, next: Diagnostic[]): Map<string, Diagnostic[]> {
  const grouped = new Map<string, Diagnostic[]>();
  next.forEach((diagnostic, i) => {
    const key = diagnosticKey(diagnostic);
    const group = grouped.get(key) ?? [];
    const same = previous?.get(key)?.[group.length] ?? diagnostic;
    next[i] = same;
    group.push(same);
    if (group.length === 1) grouped.set(key, group);
  });
  return grouped;
}

/** Everything a diagnostic made by {@link toDiagnostic} holds, as one string. */
function diagnosticKey(d: Diagnostic): string {
  const { start, end } = d.range;
  return `${start.line}:${start.character}-${end.line}:${end.character} ${d.severity} ${d.tags?.join() ?? ''} ${String(d.code)} ${d.message}`;
}

/** True when the next run of a document can re-scan around a few changes, so waiting would cost more than it saves. */
function isPrompt(state: DocumentState): boolean {
  if (state.snapshot === undefined) return false;
  let changed = 0;
  for (const change of state.changes) changed += change.text.length + (change.end - change.start);
  return changed <= PROMPT_RESCAN_CHARS;
}
