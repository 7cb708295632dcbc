import { writeFileSync } from 'node:fs';
import { loadConfig } from '#server/config.ts';
import { openDatabase } from '#server/db/client.ts';

/** `trienkhai backup FILE.tar.gz`: a consistent copy of the embedded database (server stopped). */
export async function run(args: string[]): Promise<number> {
  const [file] = args;
  if (!file) {
    process.stderr.write('Cách dùng: trienkhai backup TỆP.tar.gz (khi máy chủ đang dừng)\n');
    return 2;
  }
  const config = loadConfig();
  if (config.databaseUrl) {
    process.stderr.write('Với PostgreSQL, hãy dùng pg_dump (xem docs/operator-guide.md).\n');
    return 2;
  }
  const database = await openDatabase(config);
  try {
    const blob = await database.pglite!.dumpDataDir('gzip');
    writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
    process.stdout.write(`Đã sao lưu vào ${file}\n`);
    return 0;
  } finally {
    await database.close();
  }
}
