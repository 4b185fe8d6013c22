/**
 * The Tokens view: the Plaid tokens and findings of the open file and of the workspace, grouped by token type and
 * environment, every token masked. Tokens come from the {@link TokenIndex}; findings are the `plaid-lens`
 * diagnostics VS Code holds, so the view shows exactly what the Problems panel shows. Selecting a row opens the place.
 * After "Plaid: Scan Git History", a "History" group lists what each commit introduced.
 */
import * as vscode from 'vscode';
import { environmentEntries, knownPrefixes, plural } from '../../server/src/engine';
import { DIAGNOSTIC_SOURCE } from '../../server/src/protocol';
import type { GitHistory, HistoryEntry } from './gitHistory';
import type { TokenIndex, TokenOccurrence } from './tokenIndex';

/** The view's id in package.json. */
export const TOKENS_VIEW_ID = 'plaidLens.tokens';

/** A finding, as a diagnostic with the file it is in. */
interface Finding {
  uri: vscode.Uri;
  diagnostic: vscode.Diagnostic;
}

/** Which findings fall on which token, worked out once per refresh for every row to share. */
export interface FindingMatches {
  /** The findings whose range meets each token's. */
  byToken: ReadonlyMap<TokenOccurrence, readonly Finding[]>;
  /** The findings that meet some token; the rest are listed under "Secrets and other findings". */
  onTokens: ReadonlySet<Finding>;
}

/** A row of the Tokens view. */
export type TokensNode = { id: string } & (
  | { kind: 'scope'; label: string; file?: vscode.Uri; tokens: TokenOccurrence[]; findings: Finding[]; matches: FindingMatches }
  | { kind: 'type'; type: string; tokens: TokenOccurrence[]; matches: FindingMatches; showFile: boolean }
  | { kind: 'environment'; environment: string; tokens: TokenOccurrence[]; matches: FindingMatches; showFile: boolean }
  | { kind: 'token'; token: TokenOccurrence; findings: readonly Finding[]; showFile: boolean }
  | { kind: 'others'; findings: Finding[]; showFile: boolean }
  | { kind: 'finding'; finding: Finding; showFile: boolean }
  | { kind: 'history'; entries: readonly HistoryEntry[] }
  | { kind: 'historyFinding'; entry: HistoryEntry; uri: vscode.Uri }
);

/** Tree data for the Tokens view. */
export class TokensTreeProvider implements vscode.TreeDataProvider<TokensNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly index: TokenIndex,
    private readonly history?: GitHistory,
  ) {
    this.subscriptions = [
      index.onDidChange(() => this.refreshSoon()),
      ...(history ? [history.onDidScan(() => this.refreshSoon())] : []),
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
        return groupByType(node, node.file === undefined);
      case 'type':
        return groupBy(node.tokens, (t) => t.environment).map(([environment, tokens]) => ({
          id: `${node.id}/env:${environment}`,
          kind: 'environment',
          environment,
          tokens,
          matches: node.matches,
          showFile: node.showFile,
        }));
      case 'environment':
        return node.tokens.map((token) => ({
          id: `${node.id}/token:${placeId(token.uri, token.range)}`,
          kind: 'token',
          token,
          findings: node.matches.byToken.get(token) ?? [],
          showFile: node.showFile,
        }));
      case 'others':
        return node.findings.map((finding, i) => ({
          id: `${node.id}/finding:${placeId(finding.uri, finding.diagnostic.range)}:${i}`,
          kind: 'finding',
          finding,
          showFile: node.showFile,
        }));
      case 'history':
        return node.entries.map((entry, i) => ({ id: `history/${entry.commit}/${entry.path}:${entry.line}:${i}`, kind: 'historyFinding', entry, uri: this.history!.uriOf(entry) }));
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
    const history: TokensNode[] = this.history?.hasRun ? [{ id: 'history', kind: 'history', entries: this.history.findings }] : [];
    return [...this.currentScopes(), ...history];
  }

  private currentScopes(): TokensNode[] {
    const findings = plaidFindings();
    const tokens = this.index.all();
    if (tokens.length === 0 && findings.all.length === 0) return [];
    const matches = matchFindings(tokens, findings.byFile);
    const all: TokensNode = { id: 'scope:workspace', kind: 'scope', label: 'Workspace', tokens, findings: findings.all, matches };
    const editor = vscode.window.activeTextEditor?.document.uri;
    if (editor === undefined) return [all];
    const file: TokensNode = {
      id: `scope:${editor.toString()}`,
      kind: 'scope',
      label: `This file: ${fileName(editor)}`,
      file: editor,
      tokens: [...this.index.tokensOf(editor)],
      findings: findings.byFile.get(editor.toString()) ?? [],
      matches,
    };
    return [file, all];
  }

  private refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(), 100);
  }
}

/** Every `plaid-lens` diagnostic VS Code holds, in file and line order, and the same by file URI. */
function plaidFindings(): { all: Finding[]; byFile: Map<string, Finding[]> } {
  const byFile = new Map<string, Finding[]>();
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    const key = uri.toString();
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const found = byFile.get(key);
      if (found) found.push({ uri, diagnostic });
      else byFile.set(key, [{ uri, diagnostic }]);
    }
  }
  for (const findings of byFile.values()) findings.sort((a, b) => a.diagnostic.range.start.compareTo(b.diagnostic.range.start));
  const files = [...byFile.keys()].sort((a, b) => a.localeCompare(b));
  return { all: files.flatMap((key) => byFile.get(key)!), byFile };
}

/**
 * Pairs findings with the tokens their ranges meet (touching counts, as `Range.intersection` has it). A file's tokens
 * never overlap, so sorted by start they are sorted by end too, and the tokens a finding meets are one run found by
 * binary search: O((tokens + findings) · log tokens) per refresh, not tokens × findings.
 */
function matchFindings(tokens: readonly TokenOccurrence[], findingsByFile: ReadonlyMap<string, readonly Finding[]>): FindingMatches {
  const byToken = new Map<TokenOccurrence, Finding[]>();
  const onTokens = new Set<Finding>();
  for (const [key, fileTokens] of groupBy(tokens, (t) => t.uri.toString())) {
    const findings = findingsByFile.get(key);
    if (findings === undefined) continue;
    fileTokens.sort((a, b) => a.range.start.compareTo(b.range.start));
    for (const finding of findings) {
      const { start, end } = finding.diagnostic.range;
      for (let i = firstEndingAtOrAfter(fileTokens, start); i < fileTokens.length && !fileTokens[i]!.range.start.isAfter(end); i++) {
        const token = fileTokens[i]!;
        const found = byToken.get(token);
        if (found) found.push(finding);
        else byToken.set(token, [finding]);
        onTokens.add(finding);
      }
    }
  }
  return { byToken, onTokens };
}

/** The index of the first token (sorted, disjoint) whose range ends at or after `position`. */
function firstEndingAtOrAfter(tokens: readonly TokenOccurrence[], position: vscode.Position): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (tokens[middle]!.range.end.isBefore(position)) low = middle + 1;
    else high = middle;
  }
  return low;
}

function groupByType(scope: TokensNode & { kind: 'scope' }, showFile: boolean): TokensNode[] {
  const { id: parent, matches } = scope;
  const types: TokensNode[] = groupBy(scope.tokens, (t) => t.type).map(([type, group]) => ({
    id: `${parent}/type:${type}`,
    kind: 'type',
    type,
    tokens: group,
    matches,
    showFile,
  }));
  const others = scope.findings.filter((f) => !matches.onTokens.has(f));
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
    case 'history': {
      const item = new vscode.TreeItem('History', node.entries.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('history');
      item.description = node.entries.length > 0 ? `${plural(node.entries.length, 'finding')} in ${plural(new Set(node.entries.map((e) => e.commit)).size, 'commit')}` : 'nothing found in the commits';
      return item;
    }
    case 'historyFinding': {
      const { entry } = node;
      const item = new vscode.TreeItem(`${entry.path}:${entry.line}`, vscode.TreeItemCollapsibleState.None);
      item.description = `${entry.shortCommit} · ${entry.author} · ${entry.date.slice(0, 10)}${entry.presentAtHead ? ' · still in HEAD' : ''}`;
      item.iconPath = new vscode.ThemeIcon(entry.severity === 'error' ? 'error' : entry.severity === 'warning' ? 'warning' : 'info');
      const head = entry.presentAtHead ? 'The value is still in HEAD.' : 'HEAD no longer holds the value; the commit still does.';
      item.tooltip = `${entry.message}\n\n${entry.rule} · commit ${entry.commit} by ${entry.author}, ${entry.date}\n${head}`;
      const range = new vscode.Range(entry.line - 1, entry.column - 1, entry.endLine - 1, entry.endColumn - 1);
      item.command = openCommand(node.uri, range);
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

function severityIcon(findings: readonly Finding[]): vscode.ThemeIcon {
  const worst = Math.min(...findings.map((f) => f.diagnostic.severity));
  if (worst === vscode.DiagnosticSeverity.Error) return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  if (worst === vscode.DiagnosticSeverity.Warning) return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  if (findings.length > 0) return new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground'));
  return new vscode.ThemeIcon('pass');
}

function findingsTooltip(masked: string, findings: readonly Finding[]): vscode.MarkdownString {
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
  return `${plural(tokens, 'token')}, ${plural(findings, 'finding')}`;
}

/** Items grouped by key, groups in order of first appearance, each group in the order given. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return [...groups.entries()];
}

/** Creates the Tokens view. */
export function registerTokensView(context: vscode.ExtensionContext, index: TokenIndex, history?: GitHistory): TokensTreeProvider {
  const provider = new TokensTreeProvider(index, history);
  const view = vscode.window.createTreeView(TOKENS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(provider, view, vscode.commands.registerCommand('plaidLens.tokens.refresh', () => provider.refresh()));
  return provider;
}
