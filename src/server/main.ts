import pino from 'pino';
import { buildApp } from './app.ts';
import { bootstrap } from './bootstrap.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { startScheduler } from './jobs/scheduler.ts';

/** config → db → buildApp → listen. Returns a function that stops the server. */
export async function startServer(opts: { dev?: boolean } = {}): Promise<() => Promise<void>> {
  const config = loadConfig();
  const log = pino({ level: config.logLevel });
  const database = await openDatabase(config);
  const result = await bootstrap(database, config, new Date());
  if (result.migrated.length > 0) log.info({ migrations: result.migrated }, 'database migrated');
  if (result.demoLoaded) log.info('demo organisation loaded');
  const app = await buildApp({ config, database, logger: { level: config.logLevel } });
  await app.listen({ port: config.port, host: config.host });
  // Reminders and other jobs run in the server process; only the holder of the lease schedules them.
  const stopScheduler = startScheduler({ db: database.db, config, log });
  const url = `http://localhost:${config.port}`;
  process.stdout.write(`\ntrienkhai đang chạy tại ${url} (cơ sở dữ liệu: ${database.kind === 'pglite' ? `PGlite, ${config.dataDir}` : 'PostgreSQL'})\n`);
  if (result.admin) {
    process.stdout.write(
      `\n  Đăng nhập quản trị / administrator login\n  tên đăng nhập: ${result.admin.username}\n  mật khẩu:      ${result.admin.generated ? result.admin.password : '(TRIENKHAI_ADMIN_PASSWORD)'}\n` +
        (result.admin.generated ? '  Hãy đổi mật khẩu sau lần đăng nhập đầu tiên; mật khẩu này chỉ in ra một lần.\n\n' : '\n'),
    );
  }
  if (opts.dev) log.info('development mode');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await stopScheduler();
    await app.close();
    await database.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void stop().then(() => process.exit(0));
    });
  }
  return stop;
}
