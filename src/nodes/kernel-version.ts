// Parse the kernel release strings that distributions report (`uname -r`, status.nodeInfo.kernelVersion).

/**
 * The leading major.minor[.patch] of a kernel release: "6.2.0-26-generic" is [6, 2, 0],
 * "4.18.0-553.el8_10.x86_64" is [4, 18, 0], "6.1.90+" (COS) is [6, 1, 90]. Undefined when the string
 * does not start with a version, so that a rule reports "not evaluated" instead of guessing.
 */
export function parseKernelVersion(release: string): number[] | undefined {
  const match = /^\s*v?(\d{1,4})\.(\d{1,4})(?:\.(\d{1,6}))?/.exec(release);
  if (!match) return undefined;
  const parts = [Number(match[1]), Number(match[2])];
  if (match[3] !== undefined) parts.push(Number(match[3]));
  return parts;
}

/** RHEL 8.10's 4.18 kernel carries the BPF backports that Cilium documents as equivalent to 5.10. */
export function isRhel810(kernel: string | undefined, osImage: string | undefined): boolean {
  return /\.el8_10\b/.test(kernel ?? '') || /^Red Hat Enterprise Linux[^\n]*\b8\.10\b/.test(osImage ?? '');
}
