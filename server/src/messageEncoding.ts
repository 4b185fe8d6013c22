/**
 * How the stdio transport encodes messages: as the library's own encoder does (`JSON.stringify`, UTF-8), except
 * `textDocument/publishDiagnostics`: there each diagnostic object is encoded once and its bytes are reused for as
 * long as the publisher hands the same object back (it does for a finding that did not change), so that sending a
 * document's diagnostics after an edit costs what changed plus a copy of the bytes, not a new encoding of them all.
 */
import type { Message } from 'vscode-languageserver/node';

/** The encoded bytes of each diagnostic object; an entry lives as long as the publisher keeps its object. */
const encoded = new WeakMap<object, Buffer>();
const COMMA = Buffer.from(',');
/** How the encoding of a publication with its diagnostics list emptied ends: `"diagnostics":[]}}`. */
const EMPTY_LIST_END = '[]}}';

/** One message as JSON bytes, equal (as JSON) to `JSON.stringify(message)`. */
export function encodeMessage(message: Message): Buffer {
  const diagnostics = publishedDiagnostics(message);
  if (diagnostics === undefined) return Buffer.from(JSON.stringify(message), 'utf-8');
  const { params, ...rest } = message as Message & { params: Record<string, unknown> };
  const { diagnostics: _list, ...others } = params;
  // The diagnostics go last, so that the encoding of everything else ends with their (empty) list.
  const head = JSON.stringify({ ...rest, params: { ...others, diagnostics: [] } });
  if (!head.endsWith(EMPTY_LIST_END)) return Buffer.from(JSON.stringify(message), 'utf-8');
  const parts: Buffer[] = [Buffer.from(head.slice(0, -EMPTY_LIST_END.length + 1))];
  diagnostics.forEach((diagnostic, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(encodedOnce(diagnostic));
  });
  parts.push(Buffer.from(EMPTY_LIST_END.slice(1)));
  return Buffer.concat(parts);
}

function encodedOnce(diagnostic: object): Buffer {
  let bytes = encoded.get(diagnostic);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(diagnostic));
    encoded.set(diagnostic, bytes);
  }
  return bytes;
}

/** The diagnostics of a `publishDiagnostics` notification, if that is what the message is. */
function publishedDiagnostics(message: Message): object[] | undefined {
  const { method, params } = message as { method?: unknown; params?: { diagnostics?: unknown } };
  if (method !== 'textDocument/publishDiagnostics' || typeof params !== 'object' || params === null) return undefined;
  const list = params.diagnostics;
  return Array.isArray(list) && list.every((d) => typeof d === 'object' && d !== null) ? list : undefined;
}
