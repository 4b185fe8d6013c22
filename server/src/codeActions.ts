/**
 * Quick fixes for the server's own diagnostics: the engine's replacements, "Move to environment variable" (which
 * also appends to `.env` and `.gitignore`), and the two ignore comments. Fixes come from the document's latest scan.
 */
import {
  CodeActionKind,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { disableComment, envReadImport, languageOf, RULE_IDS, type FixData, type RuleId } from './engine';
import type { ServerContext } from './context';
import { envFileChanges, envKeyExists } from './envFile';
import { DIAGNOSTIC_SOURCE } from './protocol';

type MoveToEnvFix = Extract<FixData, { kind: 'move-to-env' }>;
type LowercaseFix = Extract<FixData, { kind: 'lowercase' }>;
/** Fixes whose edit holds secret text read from the document, so it is sent only once the user picks it. */
type SecretFix = MoveToEnvFix | LowercaseFix;

/** What a secret-bearing action carries until `codeAction/resolve` fills in its edit. */
interface SecretFixData {
  uri: string;
  version: number;
  fix: SecretFix;
}

const RULE_SET = new Set<string>(RULE_IDS);

/** The quick fixes for the diagnostics in a code action request. */
export function codeActions(context: ServerContext, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  if (only !== undefined && !only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
  const document = context.documents.get(params.textDocument.uri);
  if (document === undefined) return [];
  const actions: CodeAction[] = [];
  const ignores = new Map<string, CodeAction>();
  for (const diagnostic of params.context.diagnostics) {
    if (!isOurs(diagnostic)) continue;
    const rule = diagnostic.code as RuleId;
    const fix = currentFix(context, document, diagnostic);
    if (fix?.kind === 'replace') actions.push(...replaceActions(context, document, diagnostic, fix));
    if (fix?.kind === 'move-to-env') actions.push(moveToEnvAction(context, document, diagnostic, fix));
    if (fix?.kind === 'lowercase') actions.push(secretAction(context, document, diagnostic, fix, fix.title));
    addIgnoreActions(context, document, diagnostic, rule, ignores);
  }
  return [...actions, ...ignores.values()];
}

/** True for the server's own diagnostics; some clients (Neovim 0.7) send them back without their source. */
function isOurs(diagnostic: Diagnostic): boolean {
  const sourceFits = diagnostic.source === undefined || diagnostic.source === DIAGNOSTIC_SOURCE;
  return sourceFits && typeof diagnostic.code === 'string' && RULE_SET.has(diagnostic.code);
}

/**
 * The fix of a diagnostic, valid for the document as it is now: the fix of the same finding (rule and range) in the
 * scan of the document's current version. A diagnostic carries no fix of its own, so stale offsets, or a fix a
 * client pairs with the wrong diagnostic, are never applied; before the current version is scanned there is none.
 */
function currentFix(context: ServerContext, document: TextDocument, diagnostic: Diagnostic): FixData | undefined {
  const findings = context.states.scannedAt(document.uri, document.version);
  if (findings === undefined) return undefined;
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  const same = findings.find((f) => f.rule === diagnostic.code && f.range.start === start && f.range.end === end);
  // Offsets clamp at line ends; the range must also name the same positions (not a range past a line's end).
  return same !== undefined && sameRange(diagnostic.range, { start: document.positionAt(start), end: document.positionAt(end) }) ? same.fix : undefined;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function replaceActions(context: ServerContext, document: TextDocument, diagnostic: Diagnostic, fix: Extract<FixData, { kind: 'replace' }>): CodeAction[] {
  return fix.replacements.map((r) => ({
    title: r.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: r.preferred,
    edit: documentEdit(context, document, [
      { range: { start: document.positionAt(r.range.start), end: document.positionAt(r.range.end) }, newText: r.text },
    ]),
  }));
}

function moveToEnvAction(context: ServerContext, document: TextDocument, diagnostic: Diagnostic, fix: MoveToEnvFix): CodeAction {
  const root = context.folders.rootOf(document.uri);
  const withFiles = root !== undefined && context.features.createFilesInEdits;
  let title = `Move to environment variable ${fix.envVar}`;
  if (!withFiles) {
    title = `Replace with ${fix.replacement} (add ${fix.envVar} to your .env yourself: ${root === undefined ? 'this file is not in a folder' : 'this editor cannot create files in a quick fix'})`;
  } else if (envKeyExists(root, fix.envVar, (uri) => context.documents.get(uri))) {
    title += ` (${fix.envVar} already in .env)`;
  }
  return secretAction(context, document, diagnostic, fix, title);
}

/** An action whose edit holds secret text: resolved lazily where the client allows, so it travels only when picked. */
function secretAction(context: ServerContext, document: TextDocument, diagnostic: Diagnostic, fix: SecretFix, title: string): CodeAction {
  const action: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true };
  const data: SecretFixData = { uri: document.uri, version: document.version, fix };
  if (context.features.codeActionResolve) action.data = data;
  else action.edit = secretFixEdit(context, document, fix);
  return action;
}

/** Fills in the edit of a secret-bearing action the user picked. */
export function resolveCodeAction(context: ServerContext, action: CodeAction): CodeAction {
  const data = action.data as Partial<SecretFixData> | undefined;
  if (data?.uri === undefined || (data.fix?.kind !== 'move-to-env' && data.fix?.kind !== 'lowercase')) return action;
  const document = context.documents.get(data.uri);
  if (document === undefined || document.version !== data.version) {
    throw new ResponseError(LSPErrorCodes.ContentModified, 'The document changed; ask for the quick fix again.');
  }
  return { ...action, edit: secretFixEdit(context, document, data.fix), data: undefined };
}

/** The edit of a secret-bearing fix, with the secret read from the document now, never from diagnostic data. */
function secretFixEdit(context: ServerContext, document: TextDocument, fix: SecretFix): WorkspaceEdit {
  const text = document.getText();
  const ranges = fix.kind === 'lowercase' ? [fix.range] : [fix.literal, fix.value];
  if (!ranges.every((r) => r.start >= 0 && r.start < r.end && r.end <= text.length)) {
    throw new ResponseError(ErrorCodes.InvalidParams, 'The quick fix no longer matches the document.');
  }
  if (fix.kind === 'move-to-env') return moveToEnvEdit(context, document, fix, text.slice(fix.value.start, fix.value.end));
  const range = { start: document.positionAt(fix.range.start), end: document.positionAt(fix.range.end) };
  return documentEdit(context, document, [{ range, newText: text.slice(fix.range.start, fix.range.end).toLowerCase() }]);
}

/**
 * Replaces the literal with the environment read, adds the import that read needs when the file lacks it, and,
 * where the client can, appends to `.env` and `.gitignore`.
 */
function moveToEnvEdit(context: ServerContext, document: TextDocument, fix: MoveToEnvFix, value: string): WorkspaceEdit {
  const edits: TextEdit[] = [
    {
      range: { start: document.positionAt(fix.literal.start), end: document.positionAt(fix.literal.end) },
      newText: fix.replacement,
    },
  ];
  const language = languageOf(document.uri, document.languageId);
  const addImport = envReadImport(language, document.getText());
  // An import placed inside the literal would be replaced with it; such a file has no sane place for one anyway.
  if (addImport !== undefined && (addImport.range.end <= fix.literal.start || addImport.range.start >= fix.literal.end)) {
    const range = { start: document.positionAt(addImport.range.start), end: document.positionAt(addImport.range.end) };
    edits.unshift({ range, newText: addImport.text });
  }
  const root = context.folders.rootOf(document.uri);
  if (root === undefined || !context.features.createFilesInEdits) return documentEdit(context, document, edits);
  const files = envFileChanges(root, fix.envVar, value, (uri) => context.documents.get(uri));
  return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }, ...files] };
}

function addIgnoreActions(
  context: ServerContext,
  document: TextDocument,
  diagnostic: Diagnostic,
  rule: RuleId,
  into: Map<string, CodeAction>,
): void {
  const lineComment = disableComment('next-line', [rule], document.uri, document.languageId);
  const fileComment = disableComment('file', [rule], document.uri, document.languageId);
  // The engine knows no comment this file can hold (JSON, an unknown language): no ignore actions then.
  if (lineComment === undefined || fileComment === undefined) return;
  const line = diagnostic.range.start.line;
  const eol = document.getText().includes('\r\n') ? '\r\n' : '\n';
  const lineKey = `line:${line}:${rule}`;
  if (!into.has(lineKey)) {
    const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    const indent = /^[ \t]*/.exec(lineText)![0];
    into.set(lineKey, ignoreAction(context, document, `Ignore "${rule}" on this line`, diagnostic, line, `${indent}${lineComment}${eol}`));
  }
  const fileKey = `file:${rule}`;
  if (!into.has(fileKey)) {
    // A shebang must stay the first line.
    const firstLine = document.getText({ start: { line: 0, character: 0 }, end: { line: 0, character: 2 } });
    const at = firstLine === '#!' ? 1 : 0;
    into.set(fileKey, ignoreAction(context, document, `Ignore "${rule}" in this file`, diagnostic, at, `${fileComment}${eol}`));
  } else {
    into.get(fileKey)!.diagnostics!.push(diagnostic);
  }
}

function ignoreAction(context: ServerContext, document: TextDocument, title: string, diagnostic: Diagnostic, line: number, text: string): CodeAction {
  const at = { line, character: 0 };
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: documentEdit(context, document, [{ range: { start: at, end: at }, newText: text }]),
  };
}

/** Edits to one document, version-checked when the client supports `documentChanges`. */
function documentEdit(context: ServerContext, document: TextDocument, edits: TextEdit[]): WorkspaceEdit {
  if (context.features.documentChanges) {
    return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] };
  }
  return { changes: { [document.uri]: edits } };
}
