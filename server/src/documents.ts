/**
 * Everything the server remembers about an open document, in one place: its settings, its pending diagnose run and
 * its last scan. Kept per document so that nothing leaks between files and closing a file forgets it all.
 */
import type { Finding } from './engine';
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
  /** The pending diagnose timer, replaced by every change. */
  timer?: NodeJS.Timeout;
  /** Bumped by every scheduled run; a run that sees a newer generation stops before computing. */
  generation: number;
  /** The last published scan. */
  scanned?: ScanRecord;
}

/** Per-document state for every open document, keyed by URI. */
export class DocumentStates {
  private readonly states = new Map<string, DocumentState>();

  /** The state of a document, created on first use. */
  get(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (state === undefined) {
      state = { generation: 0 };
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
    const state = this.states.get(uri);
    if (state?.timer !== undefined) clearTimeout(state.timer);
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
}
