import { describe, expect, it } from 'vitest';
import { isHttpUrl } from './url-rules';

describe('isHttpUrl', () => {
  it('accepts http(s) addresses, private and loopback ones included', () => {
    for (const url of ['https://sjj.nanjing.gov.cn', 'http://10.1.2.3:8080/api', 'http://127.0.0.1:9', 'http://[fd00::1]/v1'])
      expect(isHttpUrl(url), url).toBe(true);
  });

  it('refuses other schemes and what is not a URL', () => {
    for (const url of ['ftp://10.1.2.3/', 'javascript:alert(1)', 'sjj.nanjing.gov.cn', 'http://', ''])
      expect(isHttpUrl(url), url).toBe(false);
  });
});
