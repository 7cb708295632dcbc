import { z, IdResponseSchema } from '#shared/common.ts';
import {
  UnitAtQuerySchema, UnitCreateSchema, UnitDetailSchema, UnitDissolveSchema, UnitIdParamsSchema, UnitMergeSchema,
  UnitMoveSchema, UnitSearchQuerySchema, UnitSearchResultSchema, UnitSplitSchema, UnitSummarySchema, UnitUpdateSchema,
} from '#shared/units.ts';
import { idParam, scoped } from '../plugins/access.ts';
import { createUnit } from '../services/units/create-unit.ts';
import { findChildren, findRoots, getUnit, searchUnits } from '../services/units/read-units.ts';
import { dissolveUnit, mergeUnits, moveUnit, splitUnit, updateUnit } from '../services/units/restructure-units.ts';
import type { RouteModule } from './context.ts';
import { actorOf, inTransaction } from './tx.ts';

const read = scoped(idParam('unit', 'read'));
const manage = scoped(idParam('unit', 'manage_units'));
const tags = ['units'];

const units: RouteModule = async (app, { ctx }) => {
  app.get('/api/units', {
    config: { access: { kind: 'signed-in' } },
    schema: { tags, summary: 'Tìm đơn vị (không dấu) hoặc, không có q, các đơn vị gốc của người dùng; ?on=YYYY-MM-DD cho cây tổ chức tại một ngày', querystring: UnitSearchQuerySchema, response: { 200: UnitSearchResultSchema } },
  }, async (request) => {
    const q = request.query;
    const actor = actorOf(request);
    if (!q.q && !q.kind) {
      const roots = await findRoots(ctx.db, actor, q.on ?? null);
      return { items: roots.map((r) => ({ ...r, path: [] })), total: roots.length };
    }
    return searchUnits(ctx.db, actor, { ...q, includeEnded: q.ended === 'true' });
  });

  app.get('/api/units/:id', {
    config: { access: read },
    schema: { tags, summary: 'Đơn vị; ?on=YYYY-MM-DD cho đơn vị như tại một ngày', params: UnitIdParamsSchema, querystring: UnitAtQuerySchema, response: { 200: UnitDetailSchema } },
  }, async (request) => getUnit(ctx.db, actorOf(request), request.params.id, request.query.on ?? null));

  app.get('/api/units/:id/children', {
    config: { access: read },
    schema: { tags, summary: 'Đơn vị trực thuộc; ?on=YYYY-MM-DD cho cây tổ chức tại một ngày', params: UnitIdParamsSchema, querystring: UnitAtQuerySchema, response: { 200: z.array(UnitSummarySchema) } },
  }, async (request) => {
    const { on } = request.query;
    return findChildren(ctx.db, actorOf(request), request.params.id, on ?? null);
  });

  app.post('/api/units', {
    config: { access: scoped({ from: 'body', key: 'parentId', resource: 'unit', action: 'manage_units' }) },
    schema: { tags, body: UnitCreateSchema, response: { 201: IdResponseSchema } },
  }, async (request, reply) => {
    const out = await inTransaction(ctx, request, (s) => createUnit(request.body, s));
    return reply.status(201).send(out);
  });

  app.patch('/api/units/:id', {
    config: { access: manage },
    schema: { tags, summary: 'Đổi tên, nhiệm kỳ (có ngày hiệu lực)', params: UnitIdParamsSchema, body: UnitUpdateSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    await inTransaction(ctx, request, (s) => updateUnit(request.params.id, request.body, s));
    return reply.status(204).send(null);
  });

  app.post('/api/units/:id/move', {
    config: { access: scoped(...manage.rules, { from: 'body', key: 'parentId', resource: 'unit', action: 'manage_units' }) },
    schema: { tags, params: UnitIdParamsSchema, body: UnitMoveSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    await inTransaction(ctx, request, (s) => moveUnit(request.params.id, request.body, s));
    return reply.status(204).send(null);
  });

  app.post('/api/units/merge', {
    config: { access: scoped({ from: 'body', key: 'targetId', resource: 'unit', action: 'manage_units', optional: true }) },
    schema: { tags, summary: 'Sáp nhập đơn vị (vào đơn vị có sẵn hoặc đơn vị mới)', body: UnitMergeSchema, response: { 201: IdResponseSchema } },
  }, async (request, reply) => {
    const out = await inTransaction(ctx, request, (s) => mergeUnits(request.body, s));
    return reply.status(201).send(out);
  });

  app.post('/api/units/:id/split', {
    config: { access: manage },
    schema: { tags, params: UnitIdParamsSchema, body: UnitSplitSchema, response: { 201: z.object({ ids: z.array(z.string()) }) } },
  }, async (request, reply) => {
    const out = await inTransaction(ctx, request, (s) => splitUnit(request.params.id, request.body, s));
    return reply.status(201).send(out);
  });

  app.post('/api/units/:id/dissolve', {
    config: { access: manage },
    schema: { tags, params: UnitIdParamsSchema, body: UnitDissolveSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    await inTransaction(ctx, request, (s) => dissolveUnit(request.params.id, request.body, s));
    return reply.status(204).send(null);
  });
};
export default units;
