import { expect, it } from 'vitest';
import { LOOKUP_BATCH_MOST, loadConfig } from './config';

it('reads SHUYUAN_GATEWAY_LOOKUP_BATCH as a whole number from 1 to the most, the most when unset or unreadable', () => {
  const batch = (value: string | undefined) =>
    loadConfig(value === undefined ? {} : { SHUYUAN_GATEWAY_LOOKUP_BATCH: value }).gatewayLookupBatch;
  expect(batch(undefined)).toBe(LOOKUP_BATCH_MOST);
  expect(batch('')).toBe(LOOKUP_BATCH_MOST);
  expect(batch('many')).toBe(LOOKUP_BATCH_MOST);
  expect(batch('1')).toBe(1);
  expect(batch('8.7')).toBe(8);
  expect(batch('0')).toBe(1);
  expect(batch('-3')).toBe(1);
  expect(batch('1000')).toBe(LOOKUP_BATCH_MOST);
});
