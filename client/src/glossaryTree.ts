/**
 * The Glossary view: the glossary's categories, each with its entries, in the data's order. A filter from the view
 * title narrows the entries to those whose term, id, code names or summary contain the text.
 */
import * as vscode from 'vscode';
import { CATEGORY_TITLES, entries, maskText, type GlossaryCategory, type GlossaryEntry } from '../../server/src/engine';
import { ShowGlossaryEntryCommand } from '../../server/src/protocol';

/** The view's id in package.json. */
export const GLOSSARY_VIEW_ID = 'plaidLens.glossary';
/** Set while a filter is active, so the view title shows "Clear Filter". */
const FILTERED_CONTEXT = 'plaidLens.glossaryFiltered';

/** A row of the Glossary view. */
export type GlossaryNode =
  | { kind: 'category'; id: GlossaryCategory; title: string }
  | { kind: 'entry'; entry: GlossaryEntry; parent: GlossaryNode & { kind: 'category' } };

/** Tree data for the Glossary view; nodes are created once so `reveal` can find them again. */
export class GlossaryTreeProvider implements vscode.TreeDataProvider<GlossaryNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly categories: (GlossaryNode & { kind: 'category' })[];
  private readonly entryNodes = new Map<string, GlossaryNode & { kind: 'entry' }>();
  private filterText = '';

  constructor() {
    this.categories = (Object.keys(CATEGORY_TITLES) as GlossaryCategory[]).map((id) => ({
      kind: 'category',
      id,
      title: CATEGORY_TITLES[id],
    }));
    for (const entry of entries) {
      const parent = this.categories.find((c) => c.id === entry.category)!;
      this.entryNodes.set(entry.id, { kind: 'entry', entry, parent });
    }
  }

  /** The current filter text ('' when none). */
  get filter(): string {
    return this.filterText;
  }

  /** Narrows the view to matching entries; '' shows everything again. */
  setFilter(text: string): void {
    this.filterText = text.trim();
    void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, this.filterText !== '');
    this.changed.fire();
  }

  /** The node of an entry, for `TreeView.reveal`. */
  nodeOf(id: string): GlossaryNode | undefined {
    return this.entryNodes.get(id);
  }

  getChildren(node?: GlossaryNode): GlossaryNode[] {
    if (node === undefined) return this.categories.filter((c) => this.entriesOf(c.id).length > 0);
    if (node.kind === 'category') return this.entriesOf(node.id);
    return [];
  }

  getParent(node: GlossaryNode): GlossaryNode | undefined {
    return node.kind === 'entry' ? node.parent : undefined;
  }

  getTreeItem(node: GlossaryNode): vscode.TreeItem {
    if (node.kind === 'category') {
      const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `category:${node.id}`;
      item.iconPath = new vscode.ThemeIcon(CATEGORY_ICONS[node.id]);
      item.description = `${this.entriesOf(node.id).length}`;
      return item;
    }
    const { entry } = node;
    const item = new vscode.TreeItem(entry.term, vscode.TreeItemCollapsibleState.None);
    item.id = `entry:${entry.id}`;
    item.iconPath = entryIcon(entry);
    item.description = entry.codeNames[0];
    item.tooltip = new vscode.MarkdownString().appendMarkdown(`**${entry.term}**\n\n`).appendText(entry.summary);
    item.accessibilityInformation = { label: `${entry.term}: ${entry.summary}` };
    item.command = { command: ShowGlossaryEntryCommand.id, title: 'Open Glossary Entry', arguments: [entry.id] };
    item.contextValue = 'glossaryEntry';
    return item;
  }

  private entriesOf(category: GlossaryCategory): (GlossaryNode & { kind: 'entry' })[] {
    const wanted = this.filterText.toLowerCase();
    return [...this.entryNodes.values()].filter(
      (node) => node.entry.category === category && (wanted === '' || matches(node.entry, wanted)),
    );
  }
}

const CATEGORY_ICONS: Record<GlossaryCategory, string> = {
  'tokens-identifiers-keys': 'shield',
  environments: 'globe',
  other: 'library',
};

/** A codicon for what the entry describes: a token, a key, an environment (crossed out when gone), or a concept. */
function entryIcon(entry: GlossaryEntry): vscode.ThemeIcon {
  if (entry.token) return new vscode.ThemeIcon('key');
  if (entry.credential) return new vscode.ThemeIcon('lock');
  if (entry.environment?.status === 'decommissioned') {
    return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  }
  if (entry.environment) return new vscode.ThemeIcon('server-environment');
  if (entry.category === 'tokens-identifiers-keys') return new vscode.ThemeIcon('symbol-string');
  return new vscode.ThemeIcon('book');
}

function matches(entry: GlossaryEntry, wanted: string): boolean {
  return [entry.id, entry.term, entry.summary, ...entry.codeNames].some((text) => text.toLowerCase().includes(wanted));
}

/** The filter as the view title shows it: masked, since a pasted token or secret is a likely thing to filter by. */
function shownFilter(filter: string): string {
  const masked = maskText(filter);
  return masked.length > 60 ? `${masked.slice(0, 59)}…` : masked;
}

/** Creates the Glossary view and its filter commands. */
export function registerGlossaryTree(context: vscode.ExtensionContext): {
  provider: GlossaryTreeProvider;
  view: vscode.TreeView<GlossaryNode>;
} {
  const provider = new GlossaryTreeProvider();
  const view = vscode.window.createTreeView(GLOSSARY_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const applyFilter = (text: string): void => {
    provider.setFilter(text);
    const shown = shownFilter(provider.filter);
    view.description = shown ? `“${shown}”` : undefined;
    view.message = shown && provider.getChildren().length === 0 ? `No entry matches “${shown}”.` : undefined;
  };
  context.subscriptions.push(
    view,
    vscode.commands.registerCommand('plaidLens.glossary.filter', async () => {
      const text = await vscode.window.showInputBox({
        title: 'Filter the Plaid glossary',
        prompt: 'Shows the entries whose term, summary or names in code contain this text',
        placeHolder: 'e.g. access_token, expires, sandbox',
        value: provider.filter,
      });
      if (text !== undefined) applyFilter(text);
    }),
    vscode.commands.registerCommand('plaidLens.glossary.clearFilter', () => applyFilter('')),
  );
  return { provider, view };
}
