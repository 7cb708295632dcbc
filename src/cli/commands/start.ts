import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { startServer } from '#server/main.ts';

/** `npm start`: builds the web app on the first run (or with --build), then serves. */
export async function run(args: string[]): Promise<number> {
  if (!existsSync('dist/web/index.html') || args.includes('--build')) {
    process.stdout.write('Đang dựng giao diện web (lần đầu)...\n');
    const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (r.status !== 0) {
      process.stderr.write('Dựng giao diện web thất bại.\n');
      return 1;
    }
  }
  await startServer();
  return 0;
}
