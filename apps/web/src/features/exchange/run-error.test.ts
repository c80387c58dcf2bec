import { describe, expect, it } from 'vitest';
import { messages, type Lang } from '@/i18n/messages';
import { RUN_ERROR_CODES, runErrorText } from './run-error';

describe('runErrorText', () => {
  it.each(['zh', 'en'] as Lang[])('explains every code a table run can end with (%s)', (lang) => {
    const t = (key: keyof (typeof messages)['zh']) => messages[lang][key];
    for (const code of RUN_ERROR_CODES) expect(runErrorText(t, code), code).toMatch(/\S/);
    expect(runErrorText(t, 'SOURCE_UNAVAILABLE')).toEqual(
      lang === 'zh' ? '源库连接失败或查询出错，稍后将自动重试' : expect.stringMatching(/source database/),
    );
  });

  it('has nothing to say for no code or an unknown one (the server message is shown alone)', () => {
    const t = (key: keyof (typeof messages)['zh']) => messages.zh[key];
    expect(runErrorText(t, null)).toBeNull();
    expect(runErrorText(t, 'NOT_A_CODE')).toBeNull();
  });
});
