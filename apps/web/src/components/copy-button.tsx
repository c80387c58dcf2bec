import { useState } from 'react';
import { Button } from 'antd';
import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { useT } from '@/i18n/lang-provider';

/** Copies text; falls back to a hidden textarea where the Clipboard API is missing (plain http). */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused: try the fallback below.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const done = document.execCommand('copy');
  area.remove();
  return done;
}

/** A button that copies the given text and says so. */
export function CopyButton({ text, testId }: { text: string; testId?: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <Button
      data-testid={testId}
      icon={copied ? <CheckOutlined /> : <CopyOutlined />}
      onClick={async () => {
        setCopied(await copyText(text));
        window.setTimeout(() => setCopied(false), 2000);
      }}
    >
      {copied ? t('common.copied') : t('common.copy')}
    </Button>
  );
}
