/**
 * The server's only way to write to the client's log. Every line goes through the engine's masking first, because
 * log lines may quote document text, error messages or settings that hold a secret.
 */
import { ErrorCodes, MessageType, ResponseError, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';
import { maskText } from './engine';
import type { TraceLevel } from './protocol';

const LEVEL_ORDER: Record<TraceLevel, number> = { off: 0, messages: 1, verbose: 2 };

/** A masking logger: errors and user warnings always, `info` from `messages`, `debug` at `verbose`. */
export class Logger {
  private level: TraceLevel = 'off';

  constructor(private readonly connection: Connection) {}

  /** Sets the verbosity, from `plaidLens.trace.server` or the `trace` of `initialize`. */
  setLevel(level: TraceLevel): void {
    this.level = level;
  }

  /** Logs a failure that the user or a maintainer should see. */
  error(message: string, cause?: unknown): void {
    this.connection.console.error(maskText(cause === undefined ? message : `${message}: ${describeError(cause)}`));
  }

  /**
   * Tells the user about a problem they must fix (a broken setting or config file) with `window/showMessage`, a
   * notification: a `showMessageRequest` would make some editors stop and prompt.
   */
  warnUser(message: string): void {
    const masked = maskText(message);
    this.connection.console.warn(masked);
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: masked });
  }

  /** Logs a lifecycle event, shown from trace level `messages`. */
  info(message: string): void {
    if (LEVEL_ORDER[this.level] >= LEVEL_ORDER.messages) this.connection.console.info(maskText(message));
  }

  /** Logs a detail, shown only at trace level `verbose`. */
  debug(message: string): void {
    if (LEVEL_ORDER[this.level] >= LEVEL_ORDER.verbose) this.connection.console.log(maskText(message));
  }
}

/** An error's message and stack, for a log line (masked by the caller). */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * Wraps a request handler so that an exception is logged (masked) and answered with an LSP error instead of
 * reaching the connection, which keeps the server serving.
 */
export function guardRequest<P, R>(
  logger: Logger,
  name: string,
  handler: (params: P) => R | Promise<R>,
): (params: P) => Promise<R | ResponseError<void>> {
  return async (params: P) => {
    try {
      return await handler(params);
    } catch (error) {
      // Even our own errors may quote user input, such as a command's arguments.
      if (error instanceof ResponseError) return new ResponseError<void>(error.code, maskText(error.message));
      logger.error(`${name} failed`, error);
      const reason = error instanceof Error ? error.message : String(error);
      return new ResponseError<void>(ErrorCodes.InternalError, maskText(`Plaid Lens: ${name} failed: ${reason}`));
    }
  };
}

/** Wraps a notification handler so that an exception is logged (masked) and the server keeps serving. */
export function guardNotification<P>(logger: Logger, name: string, handler: (params: P) => unknown): (params: P) => void {
  return (params: P) => {
    try {
      const result = handler(params);
      if (result instanceof Promise) result.catch((error: unknown) => logger.error(`${name} failed`, error));
    } catch (error) {
      logger.error(`${name} failed`, error);
    }
  };
}
