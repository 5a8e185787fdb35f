// The NodePort range against a node's ephemeral and reserved ports, as checkNodePortAndEphemeralPortRanges decides.
import { describe, expect, it } from 'vitest';
import { nodePortRangePosition, parseEphemeralRange, parseNodePortRange, reservedPortsCover } from '../../src/nodes/port-ranges.js';

const nodePorts = { min: 30000, max: 32767 };

describe('parsing', () => {
  it.each([
    ['30000,32767', { min: 30000, max: 32767 }],
    [' 20000 , 22767 ', { min: 20000, max: 22767 }],
    ['30000-32767', undefined],
    ['32767,30000', undefined],
    [undefined, undefined],
  ])('node-port-range %s', (text, expected) => {
    expect(parseNodePortRange(text)).toEqual(expected);
  });

  it.each([
    ['32768\t60999', { min: 32768, max: 60999 }],
    ['32768 60999', { min: 32768, max: 60999 }],
    ['32768', undefined],
    ['', undefined],
  ])('ip_local_port_range %j', (text, expected) => {
    expect(parseEphemeralRange(text)).toEqual(expected);
  });
});

describe('the NodePort range against the ephemeral range', () => {
  it.each([
    [{ min: 32768, max: 60999 }, 'below'],
    [{ min: 32767, max: 60999 }, 'overlaps'],
    [{ min: 1024, max: 65535 }, 'overlaps'],
    [{ min: 10000, max: 29999 }, 'after'],
    [{ min: 10000, max: 30000 }, 'overlaps'],
  ] as const)('ephemeral %j: %s', (ephemeral, position) => {
    expect(nodePortRangePosition(nodePorts, ephemeral)).toBe(position);
  });
});

describe('reserved ports', () => {
  it.each([
    ['', false],
    ['30000-32767', true],
    ['8080,30000-32767', true],
    ['29000-40000', true],
    ['30000-31000,31001-32767', false],
    ['33000-34000,30000-32767', false],
    ['8080', false],
    ['30000-x', undefined],
  ])('%j covers 30000-32767: %s', (reserved, covers) => {
    expect(reservedPortsCover(nodePorts, reserved)).toBe(covers);
  });
});
