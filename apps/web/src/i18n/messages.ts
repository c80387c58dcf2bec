import { cascadeEn, cascadeZh } from './cascade-messages';
import { evidenceEn, evidenceZh } from './evidence-messages';
import { catalogCodeEn, catalogCodeZh } from './catalog-code-messages';
import { catalogConsoleEn, catalogConsoleZh } from './catalog-console-messages';
import { catalogImportEn, catalogImportZh } from './catalog-import-messages';
import { catalogEn, catalogZh } from './catalog-messages';
import { commonEn, commonZh } from './common-messages';
import { credentialEn, credentialZh } from './credential-messages';
import { identityEn, identityZh } from './identity-messages';
import { mountEn, mountZh } from './mount-messages';
import { portalEn, portalZh } from './portal-messages';
import { sourcesEn, sourcesZh } from './sources-messages';

/** A language of the user interface. */
export type Lang = 'zh' | 'en';

const zh = {
  ...commonZh,
  ...portalZh,
  ...identityZh,
  ...credentialZh,
  ...catalogZh,
  ...catalogConsoleZh,
  ...catalogImportZh,
  ...catalogCodeZh,
  ...sourcesZh,
  ...mountZh,
  ...cascadeZh,
  ...evidenceZh,
};

/** The key of a text; Chinese is the source, English must have every key. */
export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  ...commonEn,
  ...portalEn,
  ...identityEn,
  ...credentialEn,
  ...catalogEn,
  ...catalogConsoleEn,
  ...catalogImportEn,
  ...catalogCodeEn,
  ...sourcesEn,
  ...mountEn,
  ...cascadeEn,
  ...evidenceEn,
};

/** Every text of the UI in both languages. */
export const messages: Record<Lang, Record<MessageKey, string>> = { zh, en };
