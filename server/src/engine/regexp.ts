/**
 * Building regular expressions from plain strings (SDK constants, environment variable names).
 */

/** `s` with every regular-expression metacharacter escaped, so it matches itself literally. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A character trie of words; `end` marks where a word ends. */
interface Trie {
  next: Map<string, Trie>;
  end: boolean;
}

/**
 * A regular expression source matching any of `words`, as a trie (`Plaid(?:Environments…|::Configuration…)`): the
 * engine follows one branch per character instead of trying dozens of spellings at every place. Longer words are
 * tried first, as in an alternation sorted by length.
 */
export function trieSource(words: string[]): string {
  const root: Trie = { next: new Map(), end: false };
  for (const word of words) {
    let node = root;
    for (const ch of word) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map(), end: false }));
      node = child;
    }
    node.end = true;
  }
  const emit = (node: Trie): string => {
    const branches = [...node.next].map(([ch, child]) => escapeRegExp(ch) + emit(child));
    if (branches.length === 0) return '';
    if (node.end) branches.push('');
    return branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
  };
  return words.length === 0 ? '(?!)' : `(?:${emit(root)})`;
}
