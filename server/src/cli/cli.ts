/**
 * The `plaid-lens` command: parses the subcommand and hands it to its module. Bundled to `dist/cli.js`, the
 * package's `bin`.
 */
import { maskText } from '../engine/mask';
import { EXIT, parseDecodeArgs, parseGlossaryArgs, parseHistoryArgs, parseScanArgs, UsageError } from './args';
import { runDecode } from './decodeCommand';
import { runGlossary } from './glossaryCommand';
import { runHistory } from './historyCommand';
import { Output, type OutputStreams } from './output';
import { runScan } from './scanCommand';
import { runServer } from './serverCommand';
import { DECODE_HELP, GLOSSARY_HELP, HISTORY_HELP, MAIN_HELP, SCAN_HELP, TOOL_INFO, VERSION } from './usage';

/** Everything the CLI touches outside itself, so it can run in-process too. */
export interface CliEnvironment extends OutputStreams {
  cwd: string;
  /** Reads all of stdin as text (for `decode -`). */
  readStdin: () => Promise<string>;
}

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: string[], env: CliEnvironment): Promise<number> {
  const output = new Output(env);
  try {
    return await dispatch(argv, env, output);
  } catch (error) {
    if (error instanceof UsageError) {
      output.note(`plaid-lens: ${error.message}`);
      output.note('Run `plaid-lens --help` for usage.');
      return EXIT.usage;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    const [first, ...stack] = detail.split('\n');
    output.note(`plaid-lens: internal error: ${first}`);
    for (const line of stack) output.note(line);
    return EXIT.usage;
  }
}

async function dispatch(argv: string[], env: CliEnvironment, output: Output): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'scan': {
      const args = parseScanArgs(rest);
      return args.help ? help(output, SCAN_HELP) : runScan(args, { cwd: env.cwd, output, tool: TOOL_INFO });
    }
    case 'history': {
      const args = parseHistoryArgs(rest);
      return args.help ? help(output, HISTORY_HELP) : runHistory(args, { cwd: env.cwd, output, tool: TOOL_INFO });
    }
    case 'decode': {
      const args = parseDecodeArgs(rest);
      return args.help ? help(output, DECODE_HELP) : runDecode(args, output, env.readStdin);
    }
    case 'glossary': {
      const args = parseGlossaryArgs(rest);
      return args.help ? help(output, GLOSSARY_HELP) : runGlossary(args, output);
    }
    case 'server':
      return runServer(rest, __dirname);
    case '--help':
    case '-h':
    case 'help':
      return help(output, MAIN_HELP);
    case '--version':
      output.print(VERSION);
      return EXIT.ok;
    case undefined:
      throw new UsageError('a command is needed: scan, history, decode, glossary or server');
    default:
      throw new UsageError(command.startsWith('-') ? `unknown option ${maskText(command)}` : `unknown command ${maskText(command)}`);
  }
}

function help(output: Output, text: string): number {
  output.print(text);
  return EXIT.ok;
}

/** Reads all of the process's stdin. */
async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

if (require.main === module) {
  // A closed pipe (`plaid-lens scan | head`) is not an error worth a stack trace; the exit code still follows the findings.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const env: CliEnvironment = { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, readStdin: readProcessStdin };
  void main(process.argv.slice(2), env).then((code) => {
    process.exitCode = code;
  });
}
