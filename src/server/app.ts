import { existsSync } from 'node:fs';
import Fastify, { LogController } from 'fastify';
import type { FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { handleClientError, handleError } from './http-errors.ts';
import accessPlugin from './plugins/access.ts';
import type { AccessRule } from './plugins/access.ts';
import authPlugin from './plugins/auth.ts';
import inputPlugin from './plugins/input.ts';
import { startFileReaders } from './readers/file-readers.ts';
import { routeModules } from './routes/index.ts';
import { createMailer, type Mailer } from './services/notifications/mailer.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  /** The clock; tests pass a fixed one. */
  clock?: () => Date;
  logger?: boolean | object;
  /** The mailer; by default the one SMTP_URL configures (none without it). */
  mailer?: Mailer | null;
}

/** Every route the app serves, as registered: the access-control and fuzz suites walk this list. */
export interface RouteRecord {
  method: string;
  url: string;
  access: AccessRule | undefined;
  /** The route's declared input schemas (zod), for the suites that generate requests. */
  schema: { body?: unknown; querystring?: unknown; params?: unknown };
}

/** Builds the app: plugins and routes, no listen(). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance & { routeTable: RouteRecord[] }> {
  const clock = deps.clock ?? (() => new Date());
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: 2 * 1024 * 1024,
    // Forwarding headers are believed only from the proxies the operator names: from anyone else,
    // X-Forwarded-For would choose the address the sign-in limit counts, X-Forwarded-Proto the
    // Secure flag of the session cookie.
    trustProxy: deps.config.trustProxy.length > 0 ? deps.config.trustProxy.join(',') : false,
    // One line per request drowns what an operator needs; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    // What the router and the HTTP parser refuse is answered like every other error, in Vietnamese.
    frameworkErrors: handleError,
    clientErrorHandler: handleClientError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  const routeTable: RouteRecord[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' || !route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) continue;
      routeTable.push({ method, url: route.url, access: route.config?.access, schema: { body: route.schema?.body, querystring: route.schema?.querystring, params: route.schema?.params } });
    }
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
      },
    },
  });
  await app.register(cookie);
  await app.register(csrf, { cookieOpts: { httpOnly: true, sameSite: 'strict', path: '/', signed: false } });
  await app.register(multipart, { limits: { fileSize: deps.config.maxUploadBytes, files: 1, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'trienkhai API', version: '0.1.0', description: 'Triển khai kế hoạch theo cây tổ chức' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tk_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  await app.register(authPlugin, { db: deps.database.db, clock, secure: deps.config.cookieSecure });
  await app.register(inputPlugin);
  await app.register(accessPlugin, { db: deps.database.db });

  const readers = startFileReaders(deps.config.fileReaders);
  app.addHook('onClose', () => readers.close());
  const mailer = deps.mailer !== undefined ? deps.mailer : createMailer(deps.config);
  const ctx = { database: deps.database, db: deps.database.db, config: deps.config, clock, readers, mailer };
  for (const mod of routeModules) await app.register(mod, { ctx });

  if (existsSync(deps.config.webDist)) {
    await app.register(fastifyStatic, { root: deps.config.webDist, wildcard: false });
    // The web app routes on the client: every other GET that is not the API gets index.html.
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Không tìm thấy.' } });
    });
  } else {
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) {
        return reply.type('text/html').send('<p>Chưa có bản dựng giao diện web: hãy chạy <code>npm run build</code>.</p>');
      }
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Không tìm thấy.' } });
    });
  }
  await app.ready();
  return Object.assign(app, { routeTable }) as unknown as FastifyInstance & { routeTable: RouteRecord[] };
}
