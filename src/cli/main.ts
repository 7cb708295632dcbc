/**
 * The `trienkhai` command. Each sub-command is a module in ./commands exporting
 * `run(args): Promise<number>` (the exit code), loaded only when asked for so that
 * `trienkhai extract` does not pay for the server's start-up.
 */
const commands: Record<string, { summary: string; load: () => Promise<{ run: (args: string[]) => Promise<number> }> }> = {
  start: { summary: 'dựng giao diện web nếu cần rồi chạy máy chủ (lần đầu nạp tổ chức mẫu)', load: () => import('./commands/start.ts') },
  serve: { summary: 'chạy máy chủ (API và giao diện web)', load: () => import('./commands/serve.ts') },
  migrate: { summary: 'cập nhật cấu trúc cơ sở dữ liệu', load: () => import('./commands/migrate.ts') },
  demo: { summary: 'nạp tổ chức mẫu vào cơ sở dữ liệu trống', load: () => import('./commands/demo.ts') },
  user: { summary: 'user add --username U --password P --unit UNIT_ID --role ROLE: tạo người dùng', load: () => import('./commands/user.ts') },
  extract: { summary: 'extract TỆP [--json]: đọc văn bản kế hoạch, in cấu trúc trích xuất', load: () => import('./commands/extract.ts') },
  'eval-extract': { summary: 'chấm điểm trích xuất so với đáp án [--docs THƯ_MỤC --gold THƯ_MỤC]', load: () => import('./commands/eval-extract.ts') },
  backup: { summary: 'backup TỆP: sao lưu cơ sở dữ liệu nhúng (khi máy chủ dừng)', load: () => import('./commands/backup.ts') },
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
