/**
 * Applies the edits the server proposes the way an editor would: to an open document's text, or to real files
 * for resource operations, so tests compare the resulting bytes.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CreateFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** Applies text edits to a string. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'plaintext', 0, text), edits);
}

/** The edits a workspace edit makes to one document, from either `changes` or `documentChanges`. */
export function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  const fromChanges = edit.changes?.[uri] ?? [];
  const fromDocumentChanges = (edit.documentChanges ?? [])
    .filter((c): c is TextDocumentEdit => 'textDocument' in c && c.textDocument.uri === uri)
    .flatMap((c) => c.edits as TextEdit[]);
  return [...fromChanges, ...fromDocumentChanges];
}

/** The result of applying a workspace edit to one open document's text. */
export function applyToText(edit: WorkspaceEdit, uri: string, text: string): string {
  return applyTextEdits(text, editsFor(edit, uri));
}

/**
 * Applies a workspace edit's `documentChanges` to disk, in order, as an editor applies resource operations:
 * `CreateFile` honours `ignoreIfExists`/`overwrite`; text edits on files other than `skipUri` are written back.
 * Returns the URIs of the files it touched.
 */
export function applyToDisk(edit: WorkspaceEdit, skipUri: string): string[] {
  const touched: string[] = [];
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      assert.equal(change.kind, 'create', `unexpected resource operation ${change.kind}`);
      const create = change as CreateFile;
      const file = fileURLToPath(create.uri);
      if (fs.existsSync(file)) {
        assert.ok(create.options?.ignoreIfExists === true || create.options?.overwrite === true, `CreateFile would fail: ${file} exists`);
        if (create.options?.ignoreIfExists) continue;
      }
      fs.writeFileSync(file, '');
      touched.push(create.uri);
    } else if (change.textDocument.uri !== skipUri) {
      const file = fileURLToPath(change.textDocument.uri);
      assert.ok(fs.existsSync(file), `edit to a missing file ${file}`);
      fs.writeFileSync(file, applyTextEdits(fs.readFileSync(file, 'utf8'), change.edits as TextEdit[]));
      touched.push(change.textDocument.uri);
    }
  }
  return touched;
}

/** The line/character range of the `occurrence`-th appearance of `needle`, computed independently of the server. */
export function rangeOf(text: string, needle: string, occurrence = 0): { start: { line: number; character: number }; end: { line: number; character: number } } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `fixture lacks occurrence ${occurrence} of ${needle}`);
  }
  const position = (offset: number): { line: number; character: number } => {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1]!.length };
  };
  return { start: position(at), end: position(at + needle.length) };
}
