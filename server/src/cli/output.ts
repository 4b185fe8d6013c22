/**
 * The CLI's one writer. Reports go to stdout or the `--output` file, notes and errors to stderr, and a progress
 * line to stderr only when stderr is a terminal (never into a pipe or a log file).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { maskText } from '../engine/mask';

/**
 * Text from outside (a file name, an argument) made safe for a terminal: control characters, which could move the
 * cursor, recolour the screen or forge a report line, are shown as escapes such as `\x1b` and `\n`.
 */
export function printable(text: string): string {
  return text.replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

/** The subset of a stream the writer uses, so tests can pass plain objects. */
export interface TextSink {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Where the CLI's text goes. */
export interface OutputStreams {
  stdout: TextSink;
  stderr: TextSink;
}

/** Redraw the progress line at most this often, so a fast scan is not slowed by terminal writes. */
const PROGRESS_INTERVAL_MS = 100;

/** Writes everything the CLI prints. */
export class Output {
  private progressShown = false;
  private lastProgress = 0;

  constructor(private readonly streams: OutputStreams) {}

  /** Writes a report to `file` (creating its folder) or, without one, to stdout. */
  async report(text: string, file?: string): Promise<void> {
    if (file === undefined) {
      this.streams.stdout.write(text);
      return;
    }
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, text, 'utf8');
  }

  /** Writes plain text to stdout (help, decoder and glossary output). */
  print(text: string): void {
    this.streams.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /**
   * Writes one line to stderr, clearing the progress line first so the two never mix. Notes often echo what the
   * user typed or a file name, so each is masked and made printable here, once for all.
   */
  note(line: string): void {
    this.clearProgress();
    this.streams.stderr.write(`${printable(maskText(line))}\n`);
  }

  /** Shows `text` as the progress line when stderr is a terminal; `force` skips the rate limit. */
  progress(text: string, force = false): void {
    if (this.streams.stderr.isTTY !== true) return;
    const now = Date.now();
    if (!force && now - this.lastProgress < PROGRESS_INTERVAL_MS) return;
    this.lastProgress = now;
    this.streams.stderr.write(`\r\x1b[2K${printable(text)}`);
    this.progressShown = true;
  }

  /** Removes the progress line, if one is shown. */
  clearProgress(): void {
    if (!this.progressShown) return;
    this.streams.stderr.write('\r\x1b[2K');
    this.progressShown = false;
  }
}
