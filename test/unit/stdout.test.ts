// Standard output on Windows goes through process.stdout, the only writer that converts text for a console.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeStdout } from '../../src/stdout.js';

describe('writeStdout', () => {
  const platform = Object.getOwnPropertyDescriptor(process, 'platform');
  afterEach(() => {
    if (platform) Object.defineProperty(process, 'platform', platform);
    vi.restoreAllMocks();
  });

  it('on Windows, writes through process.stdout, which turns the report into UTF-16 for a console', () => {
    Object.defineProperty(process, 'platform', { value: 'win32' });
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    writeStdout('✖ 1 problem\n');
    expect(write).toHaveBeenCalledWith('✖ 1 problem\n');
  });
});
