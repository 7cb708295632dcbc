import { sql } from 'drizzle-orm';
import { z } from '#shared/common.ts';
import type { RouteModule } from './context.ts';

const health: RouteModule = async (app, { ctx }) => {
  app.get(
    '/api/health',
    {
      config: { access: { kind: 'public' } },
      schema: { tags: ['system'], response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) } },
    },
    async () => {
      await ctx.db.execute(sql`SELECT 1`);
      return { status: 'ok' as const, database: ctx.database.kind };
    },
  );
};
export default health;
