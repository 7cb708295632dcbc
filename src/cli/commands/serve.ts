import { startServer } from '#server/main.ts';

export async function run(args: string[]): Promise<number> {
  await startServer({ dev: args.includes('--dev') });
  return 0;
}
