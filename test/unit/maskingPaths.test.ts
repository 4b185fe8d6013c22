/**
 * Every output that may quote a token, over the masking table (every non-UUID prefix × environment × tails without
 * a digit, upper-case base32 and mixed-case tails): the CLI's text, JSON and SARIF reports and its token list, the
 * decoder's text and JSON, the CLI's notes, the server's log and the editor's masking output channel.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { Connection } from 'vscode-languageserver/node';
import { MaskingOutputChannel } from '../../client/src/maskingChannel';
import { decodedJson, decodedText } from '../../server/src/cli/decodeCommand';
import { formatJson } from '../../server/src/cli/formatJson';
import { formatSarif } from '../../server/src/cli/formatSarif';
import { formatText } from '../../server/src/cli/formatText';
import { Output } from '../../server/src/cli/output';
import { decodeToken } from '../../server/src/engine';
import { totalsOf } from '../../server/src/files/report';
import { scanFile } from '../../server/src/files/scanFile';
import { Logger } from '../../server/src/log';
import { makeTempDir, removeTree } from './cliHarness';
import { expectedMask, HEAD_CASES, maskingRows, tailLeaks, type MaskingRow } from './maskingRows';

const rows = maskingRows();

/** Every row's tail that shows up, eight characters or more, in `output`, named by row. */
function leaks(output: string, of: readonly MaskingRow[] = rows): string[] {
  return of.flatMap((row) => tailLeaks(output, row.tail).map((part) => `${row.name}: ${part}`));
}

/** Each row's token written as every head case would write it. */
const spellings = (row: MaskingRow) => HEAD_CASES.map((c) => c.apply(row.head) + row.tail);

suite('Masking paths: CLI reports and the token list', () => {
  let dir: string;

  suiteSetup(() => {
    dir = makeTempDir('masking');
    // One file names each value a token, so the engine lists even a digit-free tail; the other mentions them in prose.
    const code = ['// plaid', ...rows.flatMap((row, i) => spellings(row).map((t, j) => `const t${i}_${j}_relay_token = "${t}";`))];
    fs.writeFileSync(path.join(dir, 'tokens.ts'), `${code.join('\n')}\n`);
    fs.writeFileSync(path.join(dir, 'notes.md'), `# Plaid\n\n${rows.flatMap(spellings).map((t) => `- saved ${t} from the dashboard`).join('\n')}\n`);
  });

  suiteTeardown(() => removeTree(dir));

  test('Should keep every tail out of text, JSON and SARIF reports and the listed tokens', () => {
    const results = ['tokens.ts', 'notes.md'].map((file) =>
      scanFile({ absPath: path.join(dir, file), displayPath: file, fileName: file, rules: {} }, { maxBytes: 1 << 20, listTokens: true }),
    );
    assert.deepEqual(results.map((r) => r.note), [undefined, undefined]);
    const listed = results[0]!.tokens ?? [];
    // Every lower-case row is listed, masked exactly; so the Tokens view and the reports do see these tokens.
    for (const row of rows) assert.ok(listed.some((t) => t.masked === expectedMask(row.head, row.tail)), `${row.name} not listed`);
    assert.ok(results[0]!.findings.length > 0, 'no findings to report');
    const outputs = {
      text: formatText(results, totalsOf(results)),
      json: formatJson(results),
      sarif: formatSarif(results, { tool: { version: '0.0.0', informationUri: 'https://example.test' }, rootDir: dir }),
      tokens: JSON.stringify(results.map((r) => r.tokens)),
    };
    for (const [format, output] of Object.entries(outputs)) assert.deepEqual(leaks(output), [], format);
  });

  test('Should mask a token in a note written to stderr', () => {
    let stderr = '';
    const output = new Output({ stdout: { write: () => true }, stderr: { write: (text: string) => (stderr += text) } });
    for (const row of rows) output.note(`error: could not read ${row.token}/config.json`);
    assert.deepEqual(leaks(stderr), []);
    for (const row of rows) assert.ok(stderr.includes(`error: could not read ${expectedMask(row.head, row.tail)}/config.json\n`), row.name);
  });
});

suite('Masking paths: the decoder', () => {
  for (const row of rows) {
    test(`Should decode ${row.name} to masked text and JSON only`, () => {
      for (const token of spellings(row)) {
        const decoded = decodeToken(token);
        const output = `${decodedText(decoded)}\n${JSON.stringify(decodedJson(decoded))}`;
        assert.deepEqual(leaks(output, [row]), [], token.slice(0, row.head.length));
      }
      assert.ok(decodedText(decodeToken(row.token)).startsWith(`${expectedMask(row.head, row.tail)}\n`));
    });
  }
});

/** A stand-in for the server's connection that keeps every line the logger sends. */
function recordingConnection(lines: string[]): Connection {
  const keep = (line: string) => void lines.push(line);
  return {
    console: { error: keep, warn: keep, info: keep, log: keep },
    sendNotification: (_type: unknown, params: { message: string }) => {
      keep(params.message);
      return Promise.resolve();
    },
  } as unknown as Connection;
}

suite('Masking paths: the server log', () => {
  test('Should mask every row in errors, causes, user warnings, info and verbose lines', () => {
    const lines: string[] = [];
    const logger = new Logger(recordingConnection(lines));
    logger.setLevel('verbose');
    for (const row of rows) {
      logger.error(`scan of ${row.token} failed`, new Error(`bad value ${row.token.toUpperCase()}`));
      logger.warnUser(`plaidLens.rules: "${row.token}" is not a rule`);
      logger.info(`opened ${row.token}`);
      logger.debug(`text: ${JSON.stringify(`\n${row.token}\n`)}`);
    }
    assert.equal(lines.length, rows.length * 5);
    assert.deepEqual(leaks(lines.join('\n')), []);
    for (const row of rows) assert.ok(lines.includes(`opened ${expectedMask(row.head, row.tail)}`), row.name);
  });
});

/** A stand-in for VS Code's log channel that keeps every string it is given. */
function recordingChannel(lines: string[]): vscode.LogOutputChannel {
  const keep = (...parts: unknown[]) => void lines.push(parts.map(String).join(' '));
  return { trace: keep, debug: keep, info: keep, warn: keep, error: keep, append: keep, appendLine: keep, replace: keep } as unknown as vscode.LogOutputChannel;
}

suite('Masking paths: the editor output channel and message trace', () => {
  test('Should mask every row in a verbose trace of an opened document, in log arguments and in errors', () => {
    const lines: string[] = [];
    const channel = new MaskingOutputChannel(recordingChannel(lines));
    for (const row of rows) {
      const document = { textDocument: { uri: 'file:///a.env', text: spellings(row).map((t) => `TOKEN=${t}\n${t}`).join('\n') } };
      channel.trace(`[Trace] Sending notification 'textDocument/didOpen'.\nParams: ${JSON.stringify(document, null, 4)}\n\n`);
      channel.info('opened', document, row.token);
      channel.error(new Error(`could not decode ${row.token}`));
      channel.appendLine(row.token.toUpperCase());
      channel.append(`${row.token} `);
      channel.replace(row.token);
      channel.debug(row.token);
      channel.warn(row.token);
    }
    assert.equal(lines.length, rows.length * 8);
    assert.deepEqual(leaks(lines.join('\n')), []);
    for (const row of rows) assert.ok(lines.includes(expectedMask(row.head, row.tail)), row.name);
  });
});
