// Read the files of a target as they were at a git revision (`git show <rev>:<path>`), for the change rules.
import { basename, dirname, resolve } from 'node:path';
import { CilintError, firstLineOf, InputError } from '../errors.js';
import { decodeUtf8, DEFAULT_MAX_FILE_BYTES, displayPath } from '../inputs/read-text.js';
import type { TextFile } from '../inputs/read-text.js';
import { requireLazily } from '../require-lazily.js';

/**
 * node:child_process, required on first use: a run without --base never runs git, and loading it (with the
 * net and stream modules it pulls in) was ~10 M instructions of every start.
 */
const childProcess = (): typeof import('node:child_process') => requireLazily('node:child_process');

/** The base revision cannot be read at all: not a git repository, a shallow clone without it, or no such revision. */
export class BaseUnavailableError extends CilintError {
  override readonly name = 'BaseUnavailableError';
}

/** A file the target has now but the base revision does not: a new file has nothing to compare with. */
export class AbsentAtBaseError extends CilintError {
  override readonly name = 'AbsentAtBaseError';
}

/** Reads files at one revision; each file's repository is found from its own directory, wherever the cwd is. */
export class RevisionReader {
  private readonly commits = new Map<string, string>();
  private readonly ref: string;

  constructor(ref: string) {
    this.ref = ref;
  }

  /** The file's text at the revision, shown under the same path as now, so that findings line up. */
  read(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): TextFile {
    const path = displayPath(file);
    const dir = dirname(resolve(file));
    const commit = this.commitIn(dir, path);
    let bytes: Buffer;
    try {
      // `./name` resolves against the -C directory, not the repository root.
      bytes = childProcess().execFileSync('git', ['-C', dir, 'show', `${commit}:./${basename(file)}`], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: maxBytes + 1 });
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? '');
      if (/does not exist|exists on disk, but not in/.test(stderr)) throw new AbsentAtBaseError(`${path} does not exist at ${this.ref}`);
      if ((error as NodeJS.ErrnoException).code === 'ENOBUFS') throw new InputError(path, `at ${this.ref}: over the ${maxBytes}-byte limit (--max-file-size)`);
      throw new BaseUnavailableError(`cannot read ${path} at ${this.ref}: ${firstLineOf(stderr)}`);
    }
    if (bytes.length > maxBytes) throw new InputError(path, `at ${this.ref}: over the ${maxBytes}-byte limit (--max-file-size)`);
    return { path, text: decodeUtf8(bytes, `${path} at ${this.ref}`) };
  }

  /** The commit the ref names in a directory's repository, resolved once per directory. */
  private commitIn(dir: string, path: string): string {
    const known = this.commits.get(dir);
    if (known) return known;
    const commit = git(dir, ['rev-parse', '--verify', '--quiet', `${this.ref}^{commit}`]);
    if (commit === undefined) throw new BaseUnavailableError(this.whyMissing(dir, path));
    this.commits.set(dir, commit);
    return commit;
  }

  private whyMissing(dir: string, path: string): string {
    if (git(dir, ['rev-parse', '--is-inside-work-tree']) !== 'true') return `${path} is not in a git repository, so --base ${this.ref} cannot be read`;
    if (git(dir, ['rev-parse', '--is-shallow-repository']) === 'true') return `--base ${this.ref} is not in this shallow clone (fetch the history, e.g. actions/checkout with fetch-depth: 0)`;
    return `--base ${this.ref} is not a known revision (git fetch it first?)`;
  }
}

/** A git command's trimmed output, or undefined when it fails (git missing included). */
function git(dir: string, args: readonly string[]): string | undefined {
  try {
    return childProcess().execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}
