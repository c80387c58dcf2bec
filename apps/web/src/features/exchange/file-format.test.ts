import { describe, expect, it } from 'vitest';
import { formatBytes, shortSm3 } from './file-format';

describe('file sizes and hashes as shown', () => {
  it('reads sizes in powers of 1024', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(262_144)).toBe('256 KB');
    expect(formatBytes(1_572_864)).toBe('1.5 MB');
    expect(formatBytes(8 * 1024 ** 2)).toBe('8 MB');
    expect(formatBytes(64 * 1024 ** 3)).toBe('64 GB');
  });

  it('shortens an SM3 to both ends', () => {
    expect(shortSm3('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0')).toBe('66c7f0f4…8f4ba8e0');
  });
});
