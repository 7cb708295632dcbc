/**
 * The `trienkhai` command. Each sub-command is a module in ./commands exporting
 * `run(args): Promise<number>` (the exit code), loaded only when asked for so that
 * `trienkhai extract` does not pay for the server's start-up.
 */
const commands: Record<string, { summary: string; load: () => Promise<{ run: (args: string[]) => Promise<number> }> }> = {
  start: { summary: 'build the web app if needed, then serve (first start loads the demo organisation)', load: () => import('./commands/start.ts') },
  serve: { summary: 'serve the API and web app', load: () => import('./commands/serve.ts') },
  migrate: { summary: 'apply database migrations', load: () => import('./commands/migrate.ts') },
  demo: { summary: 'load the demo organisation into an empty database', load: () => import('./commands/demo.ts') },
  user: { summary: 'user add --username U --password P --unit UNIT_ID --role ROLE', load: () => import('./commands/user.ts') },
  extract: { summary: 'extract FILE [--json]: read a plan document and print its structure', load: () => import('./commands/extract.ts') },
  'eval-extract': { summary: 'score the extractor against gold answers [--docs DIR --gold DIR]', load: () => import('./commands/eval-extract.ts') },
  backup: { summary: 'backup FILE: write a copy of the embedded database', load: () => import('./commands/backup.ts') },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(13)} ${c.summary}`);
  return `Cách dùng: trienkhai <lệnh> [tham số]\n\n${lines.join('\n')}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Lệnh không tồn tại: ${name}\n\n${usage()}`);
    return 2;
  }
  const mod = await command.load();
  return mod.run(rest);
}
