import { loadConfig } from '#server/config.ts';
import { openDatabase } from '#server/db/client.ts';
import { migrate } from '#server/db/migrate.ts';
import { countUnits } from '#server/db/queries/units.ts';
import { loadDemo } from '#server/demo/load-demo.ts';

export async function run(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await migrate(database);
    if ((await countUnits(database.db)) > 0) {
      process.stderr.write('Cơ sở dữ liệu đã có dữ liệu; tổ chức mẫu chỉ nạp vào cơ sở dữ liệu trống.\n');
      return 2;
    }
    await loadDemo(database.db, new Date());
    process.stdout.write('Đã nạp tổ chức mẫu.\n');
    return 0;
  } finally {
    await database.close();
  }
}
