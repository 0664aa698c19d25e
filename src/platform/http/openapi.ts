import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/** OpenAPI 3.1 at /openapi.json, built from every route's schemas; interactive docs at /docs. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tandem API',
        version: '1',
        description:
          'Co-managed IT: the internal IT team and its managed service provider on one system. ' +
          'Errors are application/problem+json. Engagement-scoped resources live under /api/v1/engagements/{engagementId}.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tandem_session' },
          token: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API token from POST /api/v1/auth/tokens.',
          },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    hideUntagged: false,
  });
  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  await app.register(async (docs) => {
    // The docs plugin's own routes (/docs, /docs/static/*) are public pages.
    docs.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: 'public' };
    });
    await docs.register(swaggerUi, {
      routePrefix: '/docs',
      uiConfig: { docExpansion: 'list', deepLinking: true },
    });
  });
}
