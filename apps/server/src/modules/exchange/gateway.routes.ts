import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Gateway } from './gateway.service';

const DESCRIPTION = `Serves a resource's rows to an application with a live grant. Sign the request as contracts §3
says: headers X-Sy-Key, X-Sy-Timestamp (ms), X-Sy-Nonce, X-Sy-Signature (base64 HMAC-SM3 of the seven-line
string to sign) and X-Sy-Signature-Method. The query parameters are the API's own: see
/api/v1/exchange/apis/{id}/openapi.json. Only granted fields come back, masked as the grant says; every call,
refused or not, is logged in the evidence log (its id is in X-Sy-Call-Id).`;

/** The signed API gateway: GET /gateway/v1/{resource code}, e.g. /gateway/v1/302001/000123. */
export const gatewayRoutes: FastifyPluginAsyncZod<{ gateway: Gateway }> = async (app, { gateway }) => {
  app.get(
    '/gateway/v1/:classCode/:sequence',
    {
      // Authenticated by the request signature, not by a session: the gateway checks it itself.
      config: { access: 'public' },
      schema: {
        tags: ['gateway'],
        summary: 'Call a shared resource (signed; see the description)',
        description: DESCRIPTION,
        params: z.object({ classCode: z.string().max(20), sequence: z.string().max(10) }),
      },
    },
    async (req, reply) => {
      const answer = await gateway.handle(
        { method: req.method, url: req.url, headers: req.headers, body: undefined, acceptLanguage: req.headers['accept-language'] },
        `${req.params.classCode}/${req.params.sequence}`,
      );
      return reply
        .status(answer.status)
        .headers({ ...answer.headers, 'cache-control': 'no-store' })
        .type('application/json; charset=utf-8')
        .send(answer.body);
    },
  );
};
