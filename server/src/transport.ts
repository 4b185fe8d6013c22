/**
 * The connection to the client, over the transport the command line names: `--node-ipc` (the VS Code client) is
 * left to the library; `--stdio` (Neovim, Emacs and most other editors) is built here, the way the library would,
 * with one difference: its writer, {@link StdoutMessageWriter}.
 */
import { format } from 'node:util';
import {
  AbstractMessageWriter,
  createConnection,
  ProposedFeatures,
  StreamMessageReader,
  type Connection,
  type Message,
  type MessageWriter,
} from 'vscode-languageserver/node';
import { encodeMessage } from './messageEncoding';

/**
 * Writes each message as one buffer, header and content together: one system call per message where the library's
 * writer makes two, and diagnostics encoded by {@link encodeMessage}, which reuses the bytes of unchanged ones.
 * `stream.write` queues in call order, so messages go out in the order they were written.
 */
export class StdoutMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
    stream.on('error', (error: Error) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    let bytes: Buffer;
    try {
      const content = encodeMessage(message);
      bytes = Buffer.concat([Buffer.from(`Content-Length: ${content.byteLength}\r\n\r\n`, 'ascii'), content]);
    } catch (error) {
      this.fireError(error, message, ++this.errorCount);
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.stream.write(bytes, (error?: Error | null) => {
        if (error) {
          this.fireError(error, message, ++this.errorCount);
          reject(error);
        } else {
          this.errorCount = 0;
          resolve();
        }
      });
    });
  }

  end(): void {
    this.stream.end();
  }
}

/** Creates the connection for the transport in `argv` (the first of `--stdio` and `--node-ipc`). */
export function connect(argv: readonly string[] = process.argv): Connection {
  const transport = argv.slice(2).find((arg) => arg === '--stdio' || arg === '--node-ipc');
  if (transport !== '--stdio') return createConnection(ProposedFeatures.all);
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StdoutMessageWriter(process.stdout));
  // As the library does for --stdio: stdout carries the protocol, so console output goes to the client's log, and
  // the server ends with its input, successfully only after a shutdown request.
  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
  });
  const exit = (): never => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  redirectConsole(connection);
  return connection;
}

function redirectConsole(connection: Connection): void {
  const log = (...args: unknown[]): void => connection.console.log(format(...args));
  console.log = log;
  console.info = log;
  console.debug = log;
  console.trace = log;
  console.dir = (item: unknown) => connection.console.log(format('%o', item));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
}
