import { ErrorCode } from '@shuyuan/contracts';

/** A language the API answers in. */
export type Lang = 'zh' | 'en';

/** Picks the language from Accept-Language: English when English is preferred, Chinese otherwise. */
export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh';
}

const messages: Record<ErrorCode, { zh: string; en: string }> = {
  VALIDATION_FAILED: { zh: '请求参数不合法', en: 'The request is not valid' },
  UNKNOWN_FIELD: { zh: '请求包含未知字段', en: 'The request contains unknown fields' },
  MALFORMED_JSON: { zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  BODY_TOO_LARGE: { zh: '请求体超过大小限制', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { zh: '不支持的内容类型', en: 'Unsupported content type' },
  UNAUTHENTICATED: { zh: '请先登录', en: 'Please log in' },
  INVALID_CREDENTIALS: { zh: '用户名或密码错误', en: 'Wrong login or password' },
  ACCOUNT_LOCKED: { zh: '登录失败次数过多，账号已临时锁定', en: 'Too many failed logins: the account is locked for a while' },
  ACCOUNT_DISABLED: { zh: '账号已停用', en: 'The account is disabled' },
  PASSWORD_CHANGE_REQUIRED: { zh: '请先修改初始密码', en: 'Change your initial password first' },
  WEAK_PASSWORD: {
    zh: '密码不符合要求：至少 10 位，包含大写字母、小写字母、数字、符号中的三类，且不含登录名',
    en: 'The password must have at least 10 characters from 3 of: upper case, lower case, digits, symbols, and must not contain the login',
  },
  CSRF_FAILED: { zh: '请求校验失败，请刷新页面后重试', en: 'Request verification failed: reload the page and try again' },
  UNSIGNED: { zh: '请求未签名或签名头不完整', en: 'The request is not signed, or a signature header is missing or malformed' },
  SIGNATURE_EXPIRED: { zh: '请求时间戳超出允许的 ±5 分钟窗口', en: 'The request timestamp is outside the ±5 minute window' },
  REPLAYED: { zh: '该随机数已使用过，请求被视为重放', en: 'This nonce was already used: the request is a replay' },
  BAD_SIGNATURE: { zh: '签名不正确', en: 'The signature does not match' },
  UNKNOWN_KEY: { zh: '未知或已停用的 AppKey', en: 'Unknown or disabled AppKey' },
  NO_GRANT: { zh: '该应用没有此资源的有效授权', en: 'This application has no live grant for this resource' },
  GRANT_EXPIRED: { zh: '授权不在有效期内', en: 'The grant is outside its validity period' },
  FIELD_NOT_GRANTED: { zh: '请求了未授权的字段', en: 'A requested field is not granted' },
  QUOTA_EXCEEDED: { zh: '已超出授权的每日调用次数', en: "The grant's calls per day are used up" },
  RATE_LIMITED: { zh: '调用过于频繁，请稍后再试', en: 'Too many calls per second: try again shortly' },
  BAD_PARAMETER: { zh: '查询参数不合法', en: 'A query parameter is not valid' },
  SOURCE_UNAVAILABLE: { zh: '提供方数据源不可用', en: "The provider's source is unavailable" },
  SOURCE_TIMEOUT: { zh: '提供方数据源响应超时', en: "The provider's source did not answer in time" },
  MASK_FAILED: { zh: '脱敏规则无法应用，请求被拒绝', en: 'A mask could not be applied: the call is refused' },
  TARGET_UNAVAILABLE: { zh: '目标数据库无法连接或拒绝写入', en: "The consumer's database could not be reached or refused the write" },
  SCHEMA_DRIFT: { zh: '源表结构已变化，任务已停止', en: 'The source table changed; the job stopped' },
  CHECKSUM_MISMATCH: { zh: 'SM3 校验值不符，数据已被拒收', en: 'The SM3 checksum does not match; the data was refused' },
  UPLOAD_INCOMPLETE: { zh: '文件分片尚未全部上传', en: 'Some chunks of the file have not been uploaded yet' },
  LINK_EXPIRED: { zh: '下载链接已失效', en: 'The download link is no longer valid' },
  FORBIDDEN: { zh: '没有执行此操作的权限', en: 'You are not allowed to do this' },
  NOT_FOUND: { zh: '资源不存在', en: 'Not found' },
  CONFLICT: { zh: '操作与当前状态冲突', en: 'The operation conflicts with the current state' },
  DUPLICATE: { zh: '已存在相同的记录', en: 'A record with the same value already exists' },
  VERSION_CONFLICT: { zh: '记录已被他人修改，请刷新后重试', en: 'Someone else changed this record: reload and try again' },
  INVALID_TRANSITION: { zh: '当前状态下不能执行此操作', en: 'This cannot be done in the current state' },
  IMPORT_INVALID: {
    zh: '导入文件有误，未导入任何数据，请按错误清单修改后重新导入',
    en: 'The file has errors and nothing was imported: fix the listed problems and import it again',
  },
  MOUNT_INCOMPLETE: {
    zh: '挂接的资源未覆盖目录的全部信息项，或类型不一致',
    en: 'The mounted resource does not cover every data item of the entry, or a type differs',
  },
  APP_SECRET_LIMIT: {
    zh: '每个应用最多有两个有效密钥，请先吊销一个',
    en: 'An application has at most two active secrets: revoke one first',
  },
  NOT_IN_DEMO_MODE: { zh: '当前不是演示模式', en: 'The platform is not in demo mode' },
  INTERNAL_ERROR: { zh: '服务器内部错误', en: 'Internal server error' },
  SERVICE_UNAVAILABLE: { zh: '服务暂不可用', en: 'Service unavailable' },
};

/** The localised message of an error code. */
export function messageFor(code: ErrorCode, lang: Lang): string {
  return messages[code]?.[lang] ?? code;
}
