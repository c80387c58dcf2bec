import { Alert, Button, Flex, Modal, Typography } from 'antd';
import { CopyButton } from '@/components/copy-button';
import { useT } from '@/i18n/lang-provider';

/** One value revealed in a secret modal. */
export interface SecretField {
  label: string;
  value: string;
  /** False for values that may be seen again later, such as an AppKey. */
  secret?: boolean;
}

/**
 * Shows freshly issued credentials once (a token, a secret, an initial password), with copy buttons
 * and a warning that they cannot be shown again.
 */
export function SecretModal({
  open,
  title,
  fields,
  warning,
  onClose,
}: {
  open: boolean;
  title: string;
  fields: SecretField[];
  warning?: string;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose} data-testid="secret-modal-done">
          {t('secret.done')}
        </Button>
      }
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={warning ?? t('secret.warning')} style={{ marginBottom: 16 }} />
      {fields.map((field) => (
        <div key={field.label} style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{field.label}</Typography.Text>
          <Flex gap={8} align="center" style={{ marginTop: 4 }}>
            <Typography.Text code data-testid="secret-value" style={{ flex: 1, wordBreak: 'break-all', fontSize: 14 }}>
              {field.value}
            </Typography.Text>
            <CopyButton text={field.value} />
          </Flex>
        </div>
      ))}
    </Modal>
  );
}
