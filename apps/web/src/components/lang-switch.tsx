import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useLang } from '@/i18n/lang-provider';

/** Toggles between Chinese and English; the button names the language it switches to. */
export function LangSwitch() {
  const { lang, setLang } = useLang();
  const next = lang === 'zh' ? 'en' : 'zh';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      data-testid="lang-switch"
      lang={next === 'en' ? 'en' : 'zh-CN'}
      onClick={() => setLang(next)}
    >
      {next === 'en' ? 'English' : '中文'}
    </Button>
  );
}
