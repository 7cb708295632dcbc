import { parseArgs } from 'node:util';
import { loadConfig } from '#server/config.ts';
import { openDatabase } from '#server/db/client.ts';
import { migrate } from '#server/db/migrate.ts';
import { createUser } from '#server/services/users/users.ts';
import { isDomainError } from '#core/errors.ts';
import { UserCreateSchema } from '#shared/users.ts';

const USAGE = 'Cách dùng: trienkhai user add --username U --password P [--unit UNIT_ID --role ROLE] [--person PERSON_ID] [--superuser]\n';

/** `trienkhai user add ...`: creates a user while the server is stopped (the embedded database allows one process). */
export async function run(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== 'add') {
    process.stderr.write(USAGE);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' }, password: { type: 'string' }, unit: { type: 'string', multiple: true },
      role: { type: 'string', multiple: true }, person: { type: 'string' }, superuser: { type: 'boolean' },
    },
    strict: true,
  });
  const units = values.unit ?? [];
  const roles = values.role ?? [];
  if (units.length !== roles.length) {
    process.stderr.write(`Mỗi --unit cần một --role đi kèm.\n${USAGE}`);
    return 2;
  }
  const parsed = UserCreateSchema.safeParse({
    username: values.username, password: values.password, personId: values.person,
    grants: units.map((unitId, i) => ({ unitId, role: roles[i] })), superuser: values.superuser ?? false,
  });
  if (!parsed.success) {
    for (const i of parsed.error.issues) process.stderr.write(`${i.path.join('.') || 'tham số'}: ${i.message}\n`);
    process.stderr.write(USAGE);
    return 2;
  }
  const database = await openDatabase(loadConfig());
  try {
    await migrate(database);
    const { id } = await database.db.transaction((tx) => createUser(parsed.data, { actor: null, tx, now: new Date() }));
    process.stdout.write(`Đã tạo người dùng ${parsed.data.username} (${id}).\n`);
    return 0;
  } catch (e) {
    if (isDomainError(e)) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  } finally {
    await database.close();
  }
}
