/**
 * Guesses a file's language and kind from an editor language id or a file name, and knows the little each
 * language needs: its comment syntax and how it reads an environment variable.
 */
import type { FileKind, SourceLanguage } from './types';

const BY_LANGUAGE_ID: Record<string, SourceLanguage> = {
  javascript: 'javascript',
  javascriptreact: 'javascript',
  typescript: 'typescript',
  typescriptreact: 'typescript',
  python: 'python',
  go: 'go',
  java: 'java',
  kotlin: 'java',
  ruby: 'ruby',
  shellscript: 'shell',
  dotenv: 'dotenv',
  properties: 'dotenv',
  yaml: 'yaml',
  toml: 'toml',
  ini: 'ini',
  json: 'json',
  jsonc: 'jsonc',
  markdown: 'markdown',
  html: 'html',
  xml: 'xml',
  css: 'css',
  scss: 'css',
  less: 'css',
  sql: 'sql',
  plaintext: 'plaintext',
};

const BY_EXTENSION: Record<string, SourceLanguage> = {
  js: 'javascript', cjs: 'javascript', mjs: 'javascript', jsx: 'javascript',
  ts: 'typescript', cts: 'typescript', mts: 'typescript', tsx: 'typescript',
  py: 'python', go: 'go', java: 'java', kt: 'java', rb: 'ruby',
  sh: 'shell', bash: 'shell', zsh: 'shell',
  env: 'dotenv', properties: 'dotenv',
  yaml: 'yaml', yml: 'yaml', toml: 'toml', ini: 'ini', cfg: 'ini', conf: 'conf',
  json: 'json', jsonc: 'jsonc',
  md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html', xml: 'xml', svg: 'xml',
  css: 'css', scss: 'css', less: 'css', sql: 'sql',
  txt: 'plaintext', rst: 'plaintext',
};

/**
 * The language of a document: the language id when it is a specific one we know, else the file name's ending.
 * Editors without a dotenv extension open `.env` as `plaintext` or `properties`/`shellscript`, so those generic ids
 * give way to a dotenv file name.
 */
export function languageOf(fileName?: string, languageId?: string): SourceLanguage {
  const fromId = languageId ? BY_LANGUAGE_ID[languageId] : undefined;
  const fromName = fileName ? languageOfFileName(fileName) : 'other';
  if (fromId && !(GENERIC_IDS.has(languageId!) && fromName !== 'other')) return fromId;
  return fromName;
}

/** Language ids an editor falls back to for files it has no grammar for. */
const GENERIC_IDS = new Set(['plaintext', 'properties', 'shellscript', 'ini']);

function languageOfFileName(fileName: string): SourceLanguage {
  const base = fileName.replace(/\\/g, '/').split('/').pop()!.toLowerCase();
  // `.env`, `.env.local`, `.env.development`, `production.env` are all dotenv files.
  if (base === '.env' || base.startsWith('.env.') || base.endsWith('.env')) return 'dotenv';
  if (base === 'dockerfile' || base === 'makefile' || base === 'procfile') return 'shell';
  const dot = base.lastIndexOf('.');
  return dot >= 0 ? (BY_EXTENSION[base.slice(dot + 1)] ?? 'other') : 'other';
}

/** Prose is reported more gently than code and configuration. */
export function fileKindOf(language: SourceLanguage): FileKind {
  switch (language) {
    case 'markdown':
    case 'plaintext':
      return 'prose';
    case 'dotenv':
    case 'yaml':
    case 'toml':
    case 'ini':
    case 'conf':
    case 'json':
    case 'jsonc':
      return 'config';
    default:
      return 'code';
  }
}

/** How a comment is opened and closed on one line, e.g. `<!-- ` and ` -->`. */
export interface CommentSyntax {
  open: string;
  close: string;
}

/**
 * How a line comment (or a one-line block comment) is written in a language; undefined where the language has no
 * comments (JSON) or is one we do not know, since a comment in the wrong syntax breaks the file.
 */
export function commentSyntax(language: SourceLanguage): CommentSyntax | undefined {
  switch (language) {
    case 'javascript':
    case 'typescript':
    case 'go':
    case 'java':
    case 'jsonc':
      return { open: '// ', close: '' };
    case 'markdown':
    case 'html':
    case 'xml':
      return { open: '<!-- ', close: ' -->' };
    case 'css':
      return { open: '/* ', close: ' */' };
    case 'sql':
      return { open: '-- ', close: '' };
    case 'ini':
      // Every INI reader takes `;`; some (PHP's) refuse `#`.
      return { open: '; ', close: '' };
    case 'plaintext':
    case 'python':
    case 'ruby':
    case 'shell':
    case 'dotenv':
    case 'yaml':
    case 'toml':
    case 'conf':
      return { open: '# ', close: '' };
    case 'json':
    case 'other':
      return undefined;
  }
}

/** The expression that reads an environment variable in a language, or undefined where there is none. */
export function envReadExpression(language: SourceLanguage, name: string): string | undefined {
  switch (language) {
    case 'javascript':
    case 'typescript':
      return `process.env.${name}`;
    case 'python':
      return `os.environ["${name}"]`;
    case 'go':
      return `os.Getenv("${name}")`;
    case 'java':
      return `System.getenv("${name}")`;
    case 'ruby':
      return `ENV["${name}"]`;
    case 'shell':
      return `"$${name}"`;
    default:
      return undefined;
  }
}
