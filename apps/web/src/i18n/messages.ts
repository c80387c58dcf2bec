import { cascadeEn, cascadeZh } from './cascade-messages';
import { evidenceEn, evidenceZh } from './evidence-messages';
import { exchangeShareEn, exchangeShareZh } from './exchange-share-messages';
import { exchangeConsoleEn, exchangeConsoleZh } from './exchange-console-messages';
import { exchangeJobsEn, exchangeJobsZh } from './exchange-jobs-messages';
import { exchangeFilesEn, exchangeFilesZh } from './exchange-files-messages';
import { exchangeReturnsEn, exchangeReturnsZh } from './exchange-returns-messages';
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

/** Each area's texts, Chinese and English: the one list the tables below and the tests are made from. */
export const messageParts = [
  ['common', commonZh, commonEn],
  ['portal', portalZh, portalEn],
  ['identity', identityZh, identityEn],
  ['credential', credentialZh, credentialEn],
  ['catalog', catalogZh, catalogEn],
  ['catalogConsole', catalogConsoleZh, catalogConsoleEn],
  ['catalogImport', catalogImportZh, catalogImportEn],
  ['catalogCode', catalogCodeZh, catalogCodeEn],
  ['sources', sourcesZh, sourcesEn],
  ['mount', mountZh, mountEn],
  ['cascade', cascadeZh, cascadeEn],
  ['evidence', evidenceZh, evidenceEn],
  ['exchangeShare', exchangeShareZh, exchangeShareEn],
  ['exchangeConsole', exchangeConsoleZh, exchangeConsoleEn],
  ['exchangeJobs', exchangeJobsZh, exchangeJobsEn],
  ['exchangeFiles', exchangeFilesZh, exchangeFilesEn],
  ['exchangeReturns', exchangeReturnsZh, exchangeReturnsEn],
] as const;

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
  ...exchangeShareZh,
  ...exchangeConsoleZh,
  ...exchangeJobsZh,
  ...exchangeFilesZh,
  ...exchangeReturnsZh,
};

/** The key of a text; Chinese is the source, English must have every key. */
export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = Object.assign({}, ...messageParts.map(([, , english]) => english)) as Record<MessageKey, string>;

/** Every text of the UI in both languages. */
export const messages: Record<Lang, Record<MessageKey, string>> = { zh, en };
