/**
 * The "Plaid Lens" output channel as the language client sees it: every line is masked with the engine's
 * `maskText` before it is written. The client's message trace (`plaidLens.trace.server`: `verbose`) prints whole
 * documents as they are opened, and those documents hold the very tokens and secrets Plaid Lens reports.
 */
import * as vscode from 'vscode';
import { maskText } from '../../server/src/engine';

/** A {@link vscode.LogOutputChannel} that masks what it writes and forwards it to `target`. */
export class MaskingOutputChannel implements vscode.LogOutputChannel {
  constructor(private readonly target: vscode.LogOutputChannel) {}

  get name(): string {
    return this.target.name;
  }

  get logLevel(): vscode.LogLevel {
    return this.target.logLevel;
  }

  get onDidChangeLogLevel(): vscode.Event<vscode.LogLevel> {
    return this.target.onDidChangeLogLevel;
  }

  trace(message: string, ...args: unknown[]): void {
    this.target.trace(maskText(message), ...args.map(maskArg));
  }

  debug(message: string, ...args: unknown[]): void {
    this.target.debug(maskText(message), ...args.map(maskArg));
  }

  info(message: string, ...args: unknown[]): void {
    this.target.info(maskText(message), ...args.map(maskArg));
  }

  warn(message: string, ...args: unknown[]): void {
    this.target.warn(maskText(message), ...args.map(maskArg));
  }

  error(error: string | Error, ...args: unknown[]): void {
    this.target.error(maskArg(error), ...args.map(maskArg));
  }

  append(value: string): void {
    this.target.append(maskText(value));
  }

  appendLine(value: string): void {
    this.target.appendLine(maskText(value));
  }

  replace(value: string): void {
    this.target.replace(maskText(value));
  }

  clear(): void {
    this.target.clear();
  }

  show(columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
    if (typeof columnOrPreserveFocus === 'boolean') this.target.show(columnOrPreserveFocus);
    else this.target.show(columnOrPreserveFocus, preserveFocus);
  }

  hide(): void {
    this.target.hide();
  }

  /** The target belongs to the extension, which disposes it; the client must not close it on a restart. */
  dispose(): void {}
}

/** Log arguments become masked strings: VS Code would otherwise print objects and errors as they are. */
function maskArg(arg: unknown): string {
  if (arg instanceof Error) return maskText(arg.stack ?? `${arg.name}: ${arg.message}`);
  if (typeof arg === 'string') return maskText(arg);
  try {
    return maskText(JSON.stringify(arg) ?? String(arg));
  } catch {
    return maskText(String(arg));
  }
}
