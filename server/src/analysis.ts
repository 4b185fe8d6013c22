/**
 * Decides how a document is scanned: whether at all (enabled, ignored by config, small enough) and with which
 * severities (rule defaults, then `.plaidlens.json`, then the editor settings).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { apiIndexFor } from './apiData';
import { mergeRules, type RuleId, type ScanOptions, type SeverityLevel } from './engine';
import type { ConfigFiles } from './configFiles';
import type { PlaidLensSettings } from './protocol';
import { fsPathOf, type WorkspaceFolders } from './workspace';

/** What to do with a document. */
export type ScanPlan =
  | { kind: 'scan'; options: ScanOptions }
  | { kind: 'skip'; reason: 'disabled' | 'ignored' }
  | { kind: 'too-large'; sizeKB: number; limitKB: number };

/** The host services a plan needs. */
export interface PlanInputs {
  settings: PlaidLensSettings;
  configFiles: ConfigFiles;
  folders: WorkspaceFolders;
}

/** Plans the scan of one document. */
export function planScan(document: TextDocument, { settings, configFiles, folders }: PlanInputs): ScanPlan {
  if (!settings.enable) return { kind: 'skip', reason: 'disabled' };
  const filePath = fsPathOf(document.uri);
  let configRules: Partial<Record<RuleId, SeverityLevel>> = {};
  if (filePath !== undefined) {
    // The search stops where the workspace scan's does: at the workspace folder that holds the file.
    const folder = folders.folderOf(document.uri);
    const verdict = configFiles.forFile(filePath, folder === undefined ? undefined : fsPathOf(folder.uri));
    if (verdict.ignoredBy !== undefined) return { kind: 'skip', reason: 'ignored' };
    configRules = verdict.rules;
  }
  // The offset of a line past the last is the text's length, found without joining a document held in pieces.
  const length = document.offsetAt({ line: document.lineCount, character: 0 });
  const limitBytes = settings.maxFileSizeKB * 1024;
  // Every UTF-16 unit is at most three UTF-8 bytes, so the exact count is only needed near the limit.
  if (length * 3 > limitBytes) {
    const bytes = Buffer.byteLength(document.getText(), 'utf8');
    if (bytes > limitBytes) return { kind: 'too-large', sizeKB: Math.ceil(bytes / 1024), limitKB: settings.maxFileSizeKB };
  }
  const options: ScanOptions = { fileName: filePath ?? document.uri, languageId: document.languageId, rules: mergeRules(configRules, settings.rules) };
  const api = apiIndexFor(() => document.getText());
  if (api !== undefined) options.api = api;
  return { kind: 'scan', options };
}
