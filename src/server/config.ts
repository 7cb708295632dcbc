import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { AttachmentLimits } from '#shared/attachments.ts';
import type { FileReaderLimits } from './readers/file-readers.ts';

/**
 * The whole configuration: one zod schema over process.env, parsed once at boot. Every value has
 * a working local default, so `npm start` needs nothing else (STYLE.md §7).
 */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL phải bắt đầu bằng postgres://')
    .optional(),
  TRIENKHAI_ADMIN_PASSWORD: z.string().min(8, 'TRIENKHAI_ADMIN_PASSWORD cần ít nhất 8 ký tự').optional(),
  /** Load the demo organisation on first start with an empty database. */
  TRIENKHAI_DEMO: z.enum(['true', 'false']).default('true'),
  /** Set when served over HTTPS so the session cookie is marked Secure. */
  COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
  /**
   * The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed: addresses or
   * ranges (`127.0.0.1`, `10.0.0.0/8`, `loopback`), comma-separated. None by default: a client
   * reaching the server directly could write those headers itself.
   */
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .refine((list) => list.every(isProxyAddress), 'TRUST_PROXY: mỗi mục là một địa chỉ IP, một dải CIDR (10.0.0.0/8) hoặc loopback, linklocal, uniquelocal'),
  SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_UPLOAD_MB: z.coerce.number().min(1).max(200).default(20),
  /** The largest file attached to a report or a task as evidence, in MB (docs/decisions/015). */
  MAX_ATTACHMENT_MB: z.coerce.number().min(1).max(200).default(20),
  /** The most files a report (the files one version sends) or a task instance holds. */
  MAX_ATTACHMENTS: z.coerce.number().int().min(1).max(100).default(20),
  /**
   * Uploaded files read at once, each in a thread of its own (docs/decisions/013). One keeps the
   * embedded-database server under 600 MB whatever is uploaded; a machine with room takes more.
   */
  FILE_READERS: z.coerce.number().int().min(1).max(16).default(1),
  /** Uploaded files waiting for a reader, each held in memory meanwhile; one more is turned away (503). */
  FILE_READER_QUEUE: z.coerce.number().int().min(0).max(100).default(2),
  /**
   * The heap of one reader, in MB: a file that needs more is refused (422). mammoth needs about 45
   * MB per MB of a .docx's XML: 96 MB reads some 60 pages of Word's formatting.
   */
  FILE_READER_MB: z.coerce.number().int().min(64).max(4096).default(96),
  /** How long one file may be read, in seconds (422 past it). */
  FILE_READER_SECONDS: z.coerce.number().min(1).max(600).default(30),
  /**
   * The heap of a reader of member lists, in MB, and how long it may read one: their work grows
   * with the rows, up to the 200,000 of a list; a province's 150,000 rows take some 200 MB and a
   * minute on a busy machine.
   */
  FILE_READER_LIST_MB: z.coerce.number().int().min(64).max(4096).default(256),
  FILE_READER_LIST_SECONDS: z.coerce.number().min(1).max(1800).default(180),
  NODE_ENV: z.string().default('production'),
  /** The mail server for email notifications (smtp://user:pass@host:587 or smtps://…); none: in-app only. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL phải bắt đầu bằng smtp:// hoặc smtps://').optional(),
  MAIL_FROM: z.string().min(3).default('trienkhai <no-reply@localhost>'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  adminPassword: string | null;
  loadDemo: boolean;
  cookieSecure: boolean | 'auto';
  /** The proxies whose forwarding headers are believed (TRUST_PROXY); empty: none. */
  trustProxy: string[];
  sessionDays: number;
  loginRateLimit: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  maxUploadBytes: number;
  /** Files attached as evidence: the size of one, the number per report or task instance. */
  attachments: AttachmentLimits;
  fileReaders: FileReaderLimits;
  webDist: string;
  smtpUrl: string | null;
  mailFrom: string;
};

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, a CIDR range or one of proxy-addr's names for a kind of address. */
function isProxyAddress(s: string): boolean {
  if (PROXY_NAMES.has(s)) return true;
  const [address, bits, ...rest] = s.split('/');
  if (rest.length > 0 || !address) return false;
  const version = isIP(address);
  if (version === 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n <= (version === 4 ? 32 : 128);
}

/** Parses the environment; throws a readable error naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình không hợp lệ:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    adminPassword: e.TRIENKHAI_ADMIN_PASSWORD ?? null,
    loadDemo: e.TRIENKHAI_DEMO === 'true',
    cookieSecure: e.COOKIE_SECURE === 'auto' ? 'auto' : e.COOKIE_SECURE === 'true',
    trustProxy: e.TRUST_PROXY,
    sessionDays: e.SESSION_DAYS,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    logLevel: e.LOG_LEVEL,
    maxUploadBytes: Math.round(e.MAX_UPLOAD_MB * 1024 * 1024),
    attachments: { maxBytes: Math.round(e.MAX_ATTACHMENT_MB * 1024 * 1024), maxCount: e.MAX_ATTACHMENTS },
    fileReaders: {
      readers: e.FILE_READERS, queue: e.FILE_READER_QUEUE, memoryMb: e.FILE_READER_MB, seconds: e.FILE_READER_SECONDS,
      list: { memoryMb: e.FILE_READER_LIST_MB, seconds: e.FILE_READER_LIST_SECONDS },
    },
    webDist: resolve('dist/web'),
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
  };
}
