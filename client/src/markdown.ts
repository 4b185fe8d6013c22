/**
 * A small Markdown renderer for the glossary's prose: paragraphs, `-` and `1.` lists, headings, `code`, **strong**,
 * *emphasis* and https links. Everything is escaped first, so no text from the data can become markup.
 */
import { escapeHtml } from './webview';

/** Renders a block of the Markdown subset to HTML. */
export function renderMarkdown(markdown: string): string {
  const html: string[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | undefined;

  const flushParagraph = (): void => {
    if (paragraph.length > 0) html.push(`<p>${renderInline(paragraph.join(' '))}</p>`);
    paragraph = [];
  };
  const flushList = (): void => {
    if (list) {
      const tag = list.ordered ? 'ol' : 'ul';
      html.push(`<${tag}>${list.items.map((item) => `<li>${renderInline(item)}</li>`).join('')}</${tag}>`);
    }
    list = undefined;
  };

  for (const line of markdown.split(/\r?\n/)) {
    const item = /^\s*(?:([-*+])|(\d+)[.)])\s+(.*)$/.exec(line);
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (line.trim() === '') {
      flushParagraph();
      flushList();
    } else if (heading) {
      flushParagraph();
      flushList();
      // Entry pages use h1 and h2 themselves; headings inside a body sit below them.
      const level = Math.min(6, heading[1]!.length + 2);
      html.push(`<h${level}>${renderInline(heading[2]!)}</h${level}>`);
    } else if (item) {
      flushParagraph();
      const ordered = item[2] !== undefined;
      if (list && list.ordered !== ordered) flushList();
      list ??= { ordered, items: [] };
      list.items.push(item[3]!);
    } else if (list && /^\s+\S/.test(line)) {
      // An indented line continues the list item above it.
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      flushList();
      paragraph.push(line.trim());
    }
  }
  flushParagraph();
  flushList();
  return html.join('\n');
}

/** Renders one line of inline Markdown: code spans stay literal, the rest gets emphasis and links. */
export function renderInline(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part, index) => (index % 2 === 1 ? `<code>${escapeHtml(part.slice(1, -1))}</code>` : renderEmphasis(part)))
    .join('');
}

function renderEmphasis(text: string): string {
  return escapeHtml(text)
    .replace(/\[([^\]]+)\]\((https:\/\/[^\s()]+)\)/g, '<a href="$2">$1</a>')
    .replace(/\*\*(\S(?:[^*]*\S)?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*(\S(?:[^*]*\S)?)\*(?![*\w])/g, '$1<em>$2</em>');
}
