/**
 * Everything the server remembers about an open document, in one place: its settings, its pending diagnose run,
 * its last scan and the edits made since. Kept per document so that nothing leaks between files and closing a file
 * forgets it all.
 */
import type { Diagnostic, TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver/node';
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_INCREMENTAL_STEPS, type Finding, type ScanSnapshot, type TextChange } from './engine';
import { PieceDocument } from './pieceDocument';
import type { PlaidLensSettings } from './protocol';

/** The outcome of the last diagnose run of a document. */
export interface ScanRecord {
  /** The document version the findings belong to. */
  version: number;
  /** The findings as published (empty when the document was skipped). */
  findings: Finding[];
}

/** What the server keeps for one open document. */
export interface DocumentState {
  /** Settings for this document; dropped when the configuration changes so the next use pulls them again. */
  settings?: Promise<PlaidLensSettings>;
  /** Cancels the pending diagnose run, which every change replaces. */
  cancelRun?: () => void;
  /** Bumped by every scheduled run; a run that sees a newer generation stops before computing. */
  generation: number;
  /** The last published scan. */
  scanned?: ScanRecord;
  /** The last scan with what an incremental re-scan needs; its text is the document's before {@link changes}. */
  snapshot?: ScanSnapshot;
  /** The changes made since {@link snapshot}, in order, as offsets. */
  changes: TextChange[];
  /** The diagnostics last published, by what they hold, for the next publication to reuse (see `diagnostics.ts`). */
  published?: Map<string, Diagnostic[]>;
}

/**
 * Changes kept for one document between two runs. Past the engine's limit the next run scans in full anyway, so
 * they are dropped rather than held.
 */
const MAX_PENDING_CHANGES = MAX_INCREMENTAL_STEPS;

/** Per-document state for every open document, keyed by URI. */
export class DocumentStates {
  private readonly states = new Map<string, DocumentState>();

  /** The state of a document, created on first use. */
  get(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (state === undefined) {
      state = { generation: 0, changes: [] };
      this.states.set(uri, state);
    }
    return state;
  }

  /** The state of a document if the server holds one. */
  peek(uri: string): DocumentState | undefined {
    return this.states.get(uri);
  }

  /** Forgets a closed document, cancelling its pending run. */
  delete(uri: string): void {
    this.states.get(uri)?.cancelRun?.();
    this.states.delete(uri);
  }

  /** Drops every cached settings promise, after a configuration change. */
  forgetSettings(): void {
    for (const state of this.states.values()) state.settings = undefined;
  }

  /** The last scan of a document when it matches `version`. */
  scannedAt(uri: string, version: number): Finding[] | undefined {
    const scanned = this.states.get(uri)?.scanned;
    return scanned !== undefined && scanned.version === version ? scanned.findings : undefined;
  }

  /** Forgets the last scan of a document whose text was replaced whole (opened again), so the next run scans it in full. */
  forgetScan(uri: string): void {
    const state = this.states.get(uri);
    if (state === undefined) return;
    state.snapshot = undefined;
    state.changes = [];
  }

  /** Notes changes made to a document, for the next run to re-scan around them. */
  recordChanges(uri: string, changes: readonly TextChange[]): void {
    const state = this.states.get(uri);
    if (state?.snapshot === undefined) return;
    if (state.changes.length + changes.length > MAX_PENDING_CHANGES) {
      state.snapshot = undefined;
      state.changes = [];
      return;
    }
    state.changes.push(...changes);
  }
}

/**
 * The `TextDocuments` configuration that keeps documents as {@link PieceDocument}s (an edit costs what it changes)
 * and also tells `states` about each change, as offsets into the text it applied to (what an incremental re-scan
 * needs), and about each document opened.
 */
export function recordingDocuments(states: DocumentStates): TextDocumentsConfiguration<TextDocument> {
  return {
    create(uri, languageId, version, text) {
      states.forgetScan(uri);
      return PieceDocument.create(uri, languageId, version, text);
    },
    update(document, contentChanges, version) {
      const changes: TextChange[] = [];
      let updated = document as PieceDocument;
      for (const change of contentChanges) {
        changes.push(asOffsets(updated, change));
        updated = updated.update([change], version);
      }
      states.recordChanges(updated.uri, changes);
      return updated;
    },
  };
}

/** One content change as offsets into the document it applies to. */
function asOffsets(document: PieceDocument, change: TextDocumentContentChangeEvent): TextChange {
  if (!('range' in change) || change.range === undefined) return { start: 0, end: document.text.length, text: change.text };
  const { start, end } = change.range;
  const [first, last] = before(end, start) ? [end, start] : [start, end];
  return { start: document.offsetAt(first), end: document.offsetAt(last), text: change.text };
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
