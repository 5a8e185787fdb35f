// Read a host's files under a root directory (/ on the node, the host mount in a pod), where absent is an answer.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { basename, join } from 'node:path';

/** HostFiles reads paths relative to the root; a file that is missing or unreadable is undefined, never an error. */
export class HostFiles {
  readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  /** The file's text, trimmed; undefined when it cannot be read. */
  text(path: string): string | undefined {
    const bytes = this.bytes(path);
    return bytes === undefined ? undefined : bytes.toString('utf8').trim();
  }

  /** The file's bytes; undefined when it cannot be read. */
  bytes(path: string): Buffer | undefined {
    try {
      return readFileSync(join(this.root, path));
    } catch {
      return undefined;
    }
  }

  /** The names in a directory, sorted; undefined when it cannot be listed. */
  list(path: string): string[] | undefined {
    try {
      return readdirSync(join(this.root, path)).sort();
    } catch {
      return undefined;
    }
  }

  /** The last component of a symbolic link's target (`.../drivers/ixgbe` is ixgbe); undefined when there is no link. */
  linkName(path: string): string | undefined {
    try {
      return basename(readlinkSync(join(this.root, path)));
    } catch {
      return undefined;
    }
  }
}
