// The gateway's baseline: a bare Fastify route that runs the same lookup on the same table through a
// pg pool of the same size, with no signing, grant, masking or logging. BENCH_SOURCE_URL names the
// database, BENCH_TABLE the table; PORT and HOST come from the harness.
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.BENCH_SOURCE_URL, max: 8 });
const table = process.env.BENCH_TABLE ?? 'bench_people';
const text = `select "id_number", "name", "gender", "birth_date", "address", "updated_at" from ${table} where "id_number" = $1 order by "id_number" limit 21`;

const app = Fastify({ logger: false });
app.get('/readyz', async () => ({ status: 'ready' }));
app.get<{ Querystring: { id_number?: string } }>('/lookup', async (req) => {
  const { rows } = await pool.query({ text, values: [req.query.id_number ?? ''] });
  return { data: rows };
});

process.once('SIGTERM', () => {
  void app
    .close()
    .then(() => pool.end())
    .then(() => process.exit(0));
});

await app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1' });
