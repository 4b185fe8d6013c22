/**
 * The decoder command and the glossary requests: thin answers straight from the engine, with masked tokens only.
 */
import { ErrorCodes, ResponseError, type ExecuteCommandParams } from 'vscode-languageserver/node';
import { CATEGORY_TITLES, decodeToken, entries, findEntry, getEntry, type GlossaryCategory, type GlossaryEntry } from './engine';
import { DecodeTokenCommand, type DecodeTokenResult, type GlossaryEntryParams, type GlossaryListResult } from './protocol';

/** The commands the server executes, announced in `initialize`. */
export const SERVER_COMMANDS = [DecodeTokenCommand.id];

/** Longest input the decoder looks at; a token is well under 100 characters. */
const MAX_DECODE_LENGTH = 1024;

/** Runs a `workspace/executeCommand`. */
export function executeCommand(params: ExecuteCommandParams): DecodeTokenResult {
  if (params.command !== DecodeTokenCommand.id) {
    throw new ResponseError(ErrorCodes.InvalidParams, `Plaid Lens has no command ${JSON.stringify(params.command)}.`);
  }
  const [input] = params.arguments ?? [];
  if (typeof input !== 'string') {
    throw new ResponseError(ErrorCodes.InvalidParams, `${DecodeTokenCommand.id} expects one argument: the token as a string.`);
  }
  if (input.length > MAX_DECODE_LENGTH) {
    throw new ResponseError(ErrorCodes.InvalidParams, `That is ${input.length} characters; a Plaid token is under 100.`);
  }
  return decodeToken(input);
}

/** Every glossary entry, with the categories in display order. */
export function listGlossary(): GlossaryListResult {
  const categories = (Object.keys(CATEGORY_TITLES) as GlossaryCategory[]).map((id) => ({ id, title: CATEGORY_TITLES[id] }));
  return {
    categories,
    entries: entries.map(({ id, term, category, summary }) => ({ id, term, category, summary })),
  };
}

/** One entry by id, else by term or code name; null when nothing matches. */
export function glossaryEntry(params: GlossaryEntryParams | null | undefined): GlossaryEntry | null {
  if (typeof params?.id !== 'string') {
    throw new ResponseError(ErrorCodes.InvalidParams, 'Expected { "id": "<entry id, term or code name>" }.');
  }
  return getEntry(params.id) ?? findEntry(params.id) ?? null;
}
