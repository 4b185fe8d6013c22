/**
 * The Tokens view: the Plaid tokens and findings of the open file and of the workspace, grouped by token type and
 * environment, every token masked. Tokens come from the {@link TokenIndex}; findings are the `plaid-lens`
 * diagnostics VS Code holds, so the view shows exactly what the Problems panel shows. Selecting a row opens the place.
 */
import * as vscode from 'vscode';
import { environmentEntries, knownPrefixes } from '../../server/src/engine';
import { DIAGNOSTIC_SOURCE } from '../../server/src/protocol';
import type { TokenIndex, TokenOccurrence } from './tokenIndex';

/** The view's id in package.json. */
export const TOKENS_VIEW_ID = 'plaidLens.tokens';

/** A finding, as a diagnostic with the file it is in. */
interface Finding {
  uri: vscode.Uri;
  diagnostic: vscode.Diagnostic;
}

/** A row of the Tokens view. */
export type TokensNode = { id: string } & (
  | { kind: 'scope'; label: string; file?: vscode.Uri; tokens: TokenOccurrence[]; findings: Finding[] }
  | { kind: 'type'; type: string; tokens: TokenOccurrence[]; findings: Finding[]; showFile: boolean }
  | { kind: 'environment'; environment: string; tokens: TokenOccurrence[]; findings: Finding[]; showFile: boolean }
  | { kind: 'token'; token: TokenOccurrence; findings: Finding[]; showFile: boolean }
  | { kind: 'others'; findings: Finding[]; showFile: boolean }
  | { kind: 'finding'; finding: Finding; showFile: boolean }
);

/** Tree data for the Tokens view. */
export class TokensTreeProvider implements vscode.TreeDataProvider<TokensNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly index: TokenIndex) {
    this.subscriptions = [
      index.onDidChange(() => this.refreshSoon()),
      vscode.languages.onDidChangeDiagnostics(() => this.refreshSoon()),
      vscode.window.onDidChangeActiveTextEditor(() => this.refreshSoon()),
    ];
  }

  /** Redraws the whole view. */
  refresh(): void {
    this.changed.fire();
  }

  getChildren(node?: TokensNode): TokensNode[] {
    if (node === undefined) return this.scopes();
    switch (node.kind) {
      case 'scope':
        return groupByType(node.id, node.tokens, node.findings, node.file === undefined);
      case 'type':
        return groupBy(node.tokens, (t) => t.environment).map(([environment, tokens]) => ({
          id: `${node.id}/env:${environment}`,
          kind: 'environment',
          environment,
          tokens,
          findings: node.findings,
          showFile: node.showFile,
        }));
      case 'environment':
        return node.tokens.map((token) => ({
          id: `${node.id}/token:${placeId(token.uri, token.range)}`,
          kind: 'token',
          token,
          findings: node.findings.filter((f) => sameFile(f, token) && f.diagnostic.range.intersection(token.range) !== undefined),
          showFile: node.showFile,
        }));
      case 'others':
        return node.findings.map((finding, i) => ({
          id: `${node.id}/finding:${placeId(finding.uri, finding.diagnostic.range)}:${i}`,
          kind: 'finding',
          finding,
          showFile: node.showFile,
        }));
      default:
        return [];
    }
  }

  getTreeItem(node: TokensNode): vscode.TreeItem {
    return treeItemOf(node);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }

  /** "This file" and "Workspace"; nothing at all when neither has a token or finding, so the welcome text shows. */
  private scopes(): TokensNode[] {
    const findings = plaidFindings();
    const all: TokensNode = { id: 'scope:workspace', kind: 'scope', label: 'Workspace', tokens: this.index.all(), findings };
    if (all.tokens.length === 0 && all.findings.length === 0) return [];
    const editor = vscode.window.activeTextEditor?.document.uri;
    if (editor === undefined) return [all];
    const file: TokensNode = {
      id: `scope:${editor.toString()}`,
      kind: 'scope',
      label: `This file: ${fileName(editor)}`,
      file: editor,
      tokens: [...this.index.tokensOf(editor)],
      findings: findings.filter((f) => f.uri.toString() === editor.toString()),
    };
    return [file, all];
  }

  private refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(), 100);
  }
}

/** Every `plaid-lens` diagnostic VS Code holds, in file and line order. */
function plaidFindings(): Finding[] {
  return vscode.languages
    .getDiagnostics()
    .flatMap(([uri, diagnostics]) => diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE).map((diagnostic) => ({ uri, diagnostic })))
    .sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()) || a.diagnostic.range.start.compareTo(b.diagnostic.range.start));
}

function groupByType(parent: string, tokens: TokenOccurrence[], findings: Finding[], showFile: boolean): TokensNode[] {
  const types: TokensNode[] = groupBy(tokens, (t) => t.type).map(([type, group]) => ({
    id: `${parent}/type:${type}`,
    kind: 'type',
    type,
    tokens: group,
    findings,
    showFile,
  }));
  const others = findings.filter((f) => !tokens.some((t) => sameFile(f, t) && f.diagnostic.range.intersection(t.range)));
  return others.length > 0 ? [...types, { id: `${parent}/others`, kind: 'others', findings: others, showFile }] : types;
}

/** A stable id for a place, so the tree keeps each row's identity (and expansion) across refreshes. */
function placeId(uri: vscode.Uri, range: vscode.Range): string {
  return `${uri.toString()}#${range.start.line}:${range.start.character}`;
}

function treeItemOf(node: TokensNode): vscode.TreeItem {
  const item = treeItemContent(node);
  item.id = node.id;
  return item;
}

function treeItemContent(node: TokensNode): vscode.TreeItem {
  switch (node.kind) {
    case 'scope': {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon(node.file ? 'file' : 'root-folder');
      item.description = countLabel(node.tokens.length, node.findings.length);
      return item;
    }
    case 'type': {
      const item = new vscode.TreeItem(typeTitle(node.type), vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon('key');
      item.description = `${node.tokens.length}`;
      return item;
    }
    case 'environment': {
      const env = environmentEntries.find((e) => e.environment.segment === node.environment && e.environment.status !== 'mode');
      const item = new vscode.TreeItem(env?.term ?? `${node.environment} (not a Plaid environment)`, vscode.TreeItemCollapsibleState.Expanded);
      const gone = env?.environment.status === 'decommissioned';
      item.iconPath = new vscode.ThemeIcon(env === undefined ? 'question' : gone ? 'circle-slash' : 'globe');
      item.description = gone ? `${node.tokens.length} · decommissioned` : `${node.tokens.length}`;
      return item;
    }
    case 'token': {
      const item = new vscode.TreeItem(node.token.masked, vscode.TreeItemCollapsibleState.None);
      item.description = place(node.token.uri, node.token.range, node.showFile);
      item.iconPath = severityIcon(node.findings);
      item.tooltip = findingsTooltip(node.token.masked, node.findings);
      item.command = openCommand(node.token.uri, node.token.range);
      return item;
    }
    case 'others': {
      const item = new vscode.TreeItem('Secrets and other findings', vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon('shield');
      item.description = `${node.findings.length}`;
      return item;
    }
    case 'finding': {
      const { uri, diagnostic } = node.finding;
      const item = new vscode.TreeItem(diagnostic.message, vscode.TreeItemCollapsibleState.None);
      item.description = place(uri, diagnostic.range, node.showFile);
      item.iconPath = severityIcon([node.finding]);
      item.tooltip = diagnostic.message;
      item.command = openCommand(uri, diagnostic.range);
      return item;
    }
  }
}

/** The glossary's term for a token type, e.g. `Access token`; unknown prefixes say so. */
function typeTitle(type: string): string {
  const known = knownPrefixes.find((p) => p.prefix === type);
  if (known?.entry) return known.entry.term;
  if (known?.other) return `${type} (${known.other.description.replace(/\.$/, '')})`;
  return `${type} (not a Plaid token type)`;
}

function severityIcon(findings: Finding[]): vscode.ThemeIcon {
  const worst = Math.min(...findings.map((f) => f.diagnostic.severity));
  if (worst === vscode.DiagnosticSeverity.Error) return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  if (worst === vscode.DiagnosticSeverity.Warning) return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  if (findings.length > 0) return new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground'));
  return new vscode.ThemeIcon('pass');
}

function findingsTooltip(masked: string, findings: Finding[]): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  tooltip.appendCodeblock(masked, 'text');
  if (findings.length === 0) tooltip.appendText('No problem found with this token.');
  for (const f of findings) tooltip.appendText(`${f.diagnostic.message}\n\n`);
  return tooltip;
}

function openCommand(uri: vscode.Uri, range: vscode.Range): vscode.Command {
  return { command: 'vscode.open', title: 'Go to', arguments: [uri, { selection: range, preserveFocus: false }] };
}

function place(uri: vscode.Uri, range: vscode.Range, showFile: boolean): string {
  const line = range.start.line + 1;
  return showFile ? `${vscode.workspace.asRelativePath(uri)}:${line}` : `line ${line}`;
}

function fileName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}

function countLabel(tokens: number, findings: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(tokens, 'token')}, ${plural(findings, 'finding')}`;
}

function sameFile(finding: Finding, token: TokenOccurrence): boolean {
  return finding.uri.toString() === token.uri.toString();
}

function groupBy<T>(items: T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.entries()];
}

/** Creates the Tokens view. */
export function registerTokensView(context: vscode.ExtensionContext, index: TokenIndex): TokensTreeProvider {
  const provider = new TokensTreeProvider(index);
  const view = vscode.window.createTreeView(TOKENS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(provider, view, vscode.commands.registerCommand('plaidLens.tokens.refresh', () => provider.refresh()));
  return provider;
}
