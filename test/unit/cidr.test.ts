// CIDR parsing and containment, behind the `outside` operator.
import { describe, expect, it } from 'vitest';
import { contains, parseCidr } from '../../src/rules/cidr.js';

describe('parseCidr', () => {
  it.each([
    ['10.0.0.0/8', { family: 4, prefix: 8 }],
    ['0.0.0.0/0', { family: 4, prefix: 0 }],
    ['fd00::/104', { family: 6, prefix: 104 }],
    ['2001:db8:0:0:0:0:0:0/32', { family: 6, prefix: 32 }],
    ['::/0', { family: 6, prefix: 0 }],
  ])('%s parses', (text, expected) => {
    expect(parseCidr(text)).toMatchObject(expected);
  });

  it.each(['10.0.0.0', '10.0.0/8', '10.0.0.256/8', '10.0.0.0/33', 'fd00::/129', 'fd00:::1/64', '1:2:3:4:5:6:7:8:9/64', '${CIDR}', ''])(
    '%j does not parse',
    (text) => expect(parseCidr(text)).toBeUndefined(),
  );
});

describe('contains', () => {
  const cidr = (text: string) => parseCidr(text)!;
  it.each([
    ['10.0.0.0/8', '10.244.1.0/24', true],
    ['10.0.0.0/16', '10.0.0.0/16', true],
    ['10.0.0.0/16', '10.0.0.0/15', false],
    ['10.0.0.0/16', '10.1.0.0/24', false],
    ['172.16.0.0/12', '172.31.255.0/24', true],
    ['fd00::/100', 'fd00::a00:0/120', true],
    ['fd00::/104', 'fd01::/120', false],
    ['10.0.0.0/8', 'fd00::/120', false],
  ])('%s contains %s: %s', (outer, inner, expected) => {
    expect(contains(cidr(outer), cidr(inner))).toBe(expected);
  });
});
