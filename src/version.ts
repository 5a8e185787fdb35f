// Cilium versions cilint knows, and the comparison of dotted version strings.

/** The Cilium minor releases whose behaviour the rules describe, oldest first. */
export const SUPPORTED_MINORS = ['1.13', '1.14', '1.15', '1.16', '1.17', '1.18', '1.19'] as const;

/** A Minor is one supported Cilium minor release, such as "1.16". */
export type Minor = (typeof SUPPORTED_MINORS)[number];

/** The version linted against when --cilium-version is not given. */
export const DEFAULT_MINOR: Minor = '1.19';

/** A CiliumVersion is the release a configuration is linted for: its minor, its numbers, and how it reads. */
export interface CiliumVersion {
  readonly minor: Minor;
  /** major, minor and (when given) patch; a pre-release suffix is kept in text only. */
  readonly parts: readonly number[];
  readonly text: string;
}

/** Parse "1.16", "1.16.4", "v1.16.4" or "1.18.0-rc.1"; undefined when it is not a supported release. */
export function parseCiliumVersion(text: string): CiliumVersion | undefined {
  const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?([-+][0-9A-Za-z.-]+)?$/.exec(text.trim());
  if (!match) return undefined;
  const parts = [match[1], match[2], match[3]].filter((part) => part !== undefined).map(Number);
  const minor = `${parts[0]}.${parts[1]}`;
  if (!(SUPPORTED_MINORS as readonly string[]).includes(minor)) return undefined;
  return { minor: minor as Minor, parts, text: `${parts.join('.')}${match[4] ?? ''}` };
}

/** The message for a release cilint does not lint for: `what` names where it came from (a flag, an input, a key). */
export function unsupportedVersion(what: string, text: string): string {
  return `unsupported ${what} "${text}" (supported: ${SUPPORTED_MINORS.join(', ')})`;
}

/** Split a dotted version into numbers; missing components count as 0 when compared. */
export function versionParts(text: string): number[] | undefined {
  if (!/^\d+(\.\d+)*$/.test(text)) return undefined;
  return text.split('.').map(Number);
}

/** Compare two dotted versions component by component: negative, zero or positive. */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
