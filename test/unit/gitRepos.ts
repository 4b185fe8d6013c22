/**
 * Real git repositories for the CLI's git tests: built in a temporary folder with a fixed author and clock, so
 * hashes and dates are the same on every run, and filled with values from a seeded generator.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { testRandom } from '../seed';
import { assertCliBuilt, makeTempDir, removeTree } from './cliHarness';

/**
 * Seeded lowercase hex for one suite, drawn from the run's seed (`PLAID_LENS_TEST_SEED` replays it) and the
 * suite's stream name.
 */
export function seededHex(stream: string): (digits: number) => string {
  const random = testRandom(stream);
  return (digits) => {
    // Redraw the rare key so repetitive that scanners take it for a placeholder (short parts of a UUID need not be varied).
    for (;;) {
      const s = random.hex(digits);
      if (digits < 16 || new Set(s).size >= 9) return s;
    }
  };
}

/**
 * For a suite that runs the built CLI in repositories of its own: checks the CLI is built, removes every repository
 * `repo` made once the suite ends, and draws hex from the suite's seeded stream.
 */
export function useTestRepos(stream: string): {
  hex: (digits: number) => string;
  repo: (label: string) => TestRepo;
  /** Removes `folder` with the repositories once the suite ends; returns it. */
  removeLater: (folder: string) => string;
} {
  const folders: string[] = [];
  suiteSetup(assertCliBuilt);
  suiteTeardown(() => folders.forEach(removeTree));
  const removeLater = (folder: string): string => {
    folders.push(folder);
    return folder;
  };
  const repo = (label: string): TestRepo => {
    const r = TestRepo.create(label);
    removeLater(r.root);
    return r;
  };
  return { hex: seededHex(stream), repo, removeLater };
}

/** A line the engine flags as a hard-coded Plaid secret (error). */
export function secretLine(secret: string): string {
  return `const PLAID_SECRET = '${secret}';\n`;
}

/** The first line of a file the engine reads as Plaid code. */
export const PLAID_HEADER = "const plaid = require('plaid');\n";

/** A repository in a temporary folder, driven with git as a user would. */
export class TestRepo {
  private tick = 0;

  private constructor(readonly root: string) {}

  /** `git init` in a new temporary folder, on branch `main`. */
  static create(label: string): TestRepo {
    const repo = new TestRepo(makeTempDir(label));
    repo.git('init', '-q', '-b', 'main');
    return repo;
  }

  /** Wraps an existing work tree (e.g. a clone). */
  static at(root: string): TestRepo {
    return new TestRepo(root);
  }

  /** Runs git in the repository with a fixed identity and clock; throws on failure. Returns stdout. */
  git(...args: string[]): string {
    const date = `${1_700_000_000 + this.tick * 60} +0000`;
    const result = spawnSync('git', args, {
      cwd: this.root,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Ada Tester',
        GIT_AUTHOR_EMAIL: 'ada@example.com',
        GIT_COMMITTER_NAME: 'Ada Tester',
        GIT_COMMITTER_EMAIL: 'ada@example.com',
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
      },
    });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout;
  }

  /** Writes files (a null content deletes the file) without staging them. */
  write(files: Record<string, string | Buffer | null>): void {
    for (const [relative, content] of Object.entries(files)) {
      const target = path.join(this.root, relative);
      if (content === null) {
        fs.rmSync(target, { force: true });
        continue;
      }
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, content);
    }
  }

  /** Writes the files, stages everything and commits; returns the new commit's full hash. */
  commit(message: string, files: Record<string, string | Buffer | null> = {}): string {
    this.write(files);
    this.git('add', '-A');
    this.tick++;
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.head();
  }

  /** The full hash of HEAD. */
  head(): string {
    return this.git('rev-parse', 'HEAD').trim();
  }

  /** The path of a loose object file. */
  objectFile(sha: string): string {
    return path.join(this.root, '.git', 'objects', sha.slice(0, 2), sha.slice(2));
  }
}
