import type { FormRule } from 'antd';

/**
 * True for an absolute http(s) URL. antd's `type: 'url'` rule refuses private and loopback addresses
 * (10.x, 192.168.x, 127.x), which is where a government intranet's services live.
 */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A form rule accepting an http(s) URL, private addresses included; empty passes (pair it with `required`). */
export function httpUrlRule(message: string): FormRule {
  return { validator: (_, value?: string) => (!value || isHttpUrl(value) ? Promise.resolve() : Promise.reject(new Error(message))) };
}
