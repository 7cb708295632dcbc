import { loadConfig } from '#server/config.ts';
import { openDatabase } from '#server/db/client.ts';
import { migrate } from '#server/db/migrate.ts';

export async function run(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    const applied = await migrate(database);
    process.stdout.write(applied.length ? `Đã áp dụng: ${applied.join(', ')}\n` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.\n');
    return 0;
  } finally {
    await database.close();
  }
}
