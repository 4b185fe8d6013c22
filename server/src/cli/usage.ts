/**
 * Help texts and the facts about the package the CLI prints (`--version`, SARIF `tool.driver`).
 */
import type { SarifToolInfo } from './formatSarif';

import { HOMEPAGE, PACKAGE_VERSION } from '../docs';

/** The package version, e.g. `0.1.0`. */
export const VERSION: string = PACKAGE_VERSION;

/** What SARIF reports say about the tool. */
export const TOOL_INFO: SarifToolInfo = { version: PACKAGE_VERSION, informationUri: HOMEPAGE };

/** The overview printed by `plaid-lens --help`. */
export const MAIN_HELP = `Usage: plaid-lens <command> [options]

Finds Plaid API token problems in source code: leaked secrets and tokens, malformed tokens, and uses of the
decommissioned Development environment.

Commands:
  scan [paths...]      Scan files and folders (default: the current folder)
  decode TOKEN | -     Take a Plaid token apart: type, environment, problems, lifecycle
  glossary [TERM]      Show the Plaid glossary, the entry that best matches TERM, or an API endpoint
  server --stdio       Run the language server for an LSP editor (or --node-ipc)

Options:
  -h, --help           Show help (also: plaid-lens <command> --help)
  --version            Print the version

Exit codes: 0 success; 1 problems found (see each command's help); 2 usage or configuration error.
`;

/** Help for `plaid-lens scan`. */
export const SCAN_HELP = `Usage: plaid-lens scan [paths...] [options]

Scans files and folders. Folders are walked honouring .gitignore files (nested ones too) and the \`ignore\`
globs of .plaidlens.json; .git/ and node_modules/ are never entered, symbolic links to folders are not followed.
Each file uses the nearest .plaidlens.json at or above its folder, unless --config names one.

Options:
  --format text|json|sarif   Report format (default: text)
  -o, --output FILE          Write the report to FILE instead of stdout
  -c, --config FILE          Use this config file for every scanned file
  --max-warnings N           Exit with 1 when there are more than N warnings
  --max-file-size KB         Skip files larger than KB kilobytes (default: 1024)
  -j, --jobs N               Scan on N threads (default: one per core; 1 scans without worker threads)
  -h, --help                 Show this help

Binary files and files over the size limit are skipped with a note on stderr. Files that cannot be read are
reported on stderr and the scan goes on; they do not change the exit code.

The report lists files in the same order whatever the number of threads. A progress line is shown on a terminal.
Ctrl-C stops the scan without writing a report.

Exit codes: 0 no error-level finding; 1 an error-level finding, or more warnings than --max-warnings;
2 usage error or invalid configuration; 130 interrupted by Ctrl-C.
`;

/** Help for `plaid-lens decode`. */
export const DECODE_HELP = `Usage: plaid-lens decode TOKEN [--json]
       plaid-lens decode - [--json]    (reads the token from stdin)

Takes a Plaid token apart: its type, environment and UUID, every structural problem, and the lifecycle of its
type (lifetime, how it is obtained, rotated and revoked). The token is only ever shown masked.

Pass - and pipe the token in (for example from your clipboard) to keep it out of your shell history.

Options:
  --json       Print JSON
  -h, --help   Show this help

Exit codes: 0 the token is well-formed; 1 it has problems; 2 usage error.
`;

/** Help for `plaid-lens glossary`. */
export const GLOSSARY_HELP = `Usage: plaid-lens glossary [TERM] [--json]

Without TERM, lists every entry of the Plaid glossary by category. With TERM (an id, a term, a name used in
code such as access_token, or part of one), shows the best matching entry. A TERM that names an API endpoint
(a path such as /transactions/sync, an operationId such as transactionsSync, or an SDK name such as
transactions_sync or TransactionsSyncRequest) shows the endpoint: its fields, response, tokens, SDK
spellings and docs link.

Options:
  --json       Print JSON
  -h, --help   Show this help

Exit codes: 0 found; 1 nothing matches TERM; 2 usage error.
`;
