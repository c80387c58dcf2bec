import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { describeEachEngine } from '../../../test/databases';
import { buildDepartment, buildTestApp, type Session } from '../../../test/factories';
import type { AppServices } from '../../app';
import { auditOf, client, signedIn, type Client } from '../../../test/client';
import { entryContent } from '../../../test/catalog-fixtures';
import { leafHashText, verifyInclusion } from '../../platform/crypto/merkle';
import { grantStop } from './file-links.service';
import { parseRange } from './files.routes';

const sm3 = (bytes: Uint8Array) => createHash('sm3').update(bytes).digest('hex');
const CHUNK = 256 * 1024;

describeEachEngine('file exchange: chunked uploads, versions and expiring links', (get) => {
  let app: FastifyInstance;
  let services: AppServices;
  let db: Kysely<DB>;
  let fileDir: string;
  let officer: Client;
  let officerId: string;
  let officerSession: Session;
  let providerId: string;
  let consumer: Client;
  let outsider: Client;
  let admin: Client;
  let entryId: string;
  let consumerDepartmentId: string;
  const file = randomBytes(CHUNK * 2 + 12_345);

  /** PUT one chunk with its SM3 (or a given one). */
  const putChunk = (uploadId: string, index: number, bytes: Uint8Array, hash = sm3(bytes), as: Session = officerSession) =>
    app.inject({
      method: 'PUT',
      url: `/api/v1/exchange/files/uploads/${uploadId}/chunks/${index}`,
      headers: { ...as.headers, 'content-type': 'application/octet-stream', 'x-sm3': hash },
      payload: Buffer.from(bytes),
    });
  const chunkOf = (bytes: Buffer, i: number) => bytes.subarray(i * CHUNK, (i + 1) * CHUNK);

  beforeAll(async () => {
    db = get().db;
    fileDir = mkdtempSync(join(tmpdir(), 'shuyuan-files-test-'));
    ({ app, services } = await buildTestApp(get(), { fileDir }));
    providerId = (await buildDepartment(db)).id;
    const signed = await signedIn(app, db, { roles: ['data_officer'], departmentId: providerId });
    officer = signed.api;
    officerId = signed.user.id;
    officerSession = signed.session;
    const reviewer = (await signedIn(app, db, { roles: ['bureau_reviewer'] })).api;
    admin = (await signedIn(app, db, { roles: ['platform_admin'] })).api;
    consumerDepartmentId = (await buildDepartment(db)).id;
    consumer = (await signedIn(app, db, { roles: ['developer'], departmentId: consumerDepartmentId })).api;
    outsider = (await signedIn(app, db, { roles: ['data_officer'] })).api;
    const created = await officer.post('/api/v1/catalog/entries', entryContent({ sharingMethods: ['file'] }));
    expect(created.statusCode, created.body).toBe(201);
    entryId = created.json().id;
    await officer.post(`/api/v1/catalog/entries/${entryId}/submit`, { version: 1 });
    const published = await reviewer.post(`/api/v1/catalog/entries/${entryId}/review`, { decision: 'approve', version: 2 });
    expect(published.json()).toMatchObject({ status: 'published' });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(fileDir, { recursive: true, force: true });
  });

  async function upload(bytes: Buffer, declared = sm3(bytes)) {
    const started = await officer.post('/api/v1/exchange/files/uploads', {
      entryId,
      fileName: '企业年报汇总 2026.csv',
      size: bytes.byteLength,
      sm3: declared,
      chunkSize: CHUNK,
      mediaType: 'text/csv',
    });
    expect(started.statusCode, started.body).toBe(201);
    return started.json() as { id: string; chunkCount: number; missing: number[] };
  }

  it('takes a file in chunks out of order, refuses a tampered chunk, resumes, and publishes versions', async () => {
    const started = await upload(file);
    expect(started).toMatchObject({ chunkCount: 3, missing: [0, 1, 2] });
    const receipt = await putChunk(started.id, 2, chunkOf(file, 2));
    expect(receipt.statusCode).toBe(200);
    expect(receipt.json()).toEqual({
      uploadId: started.id,
      index: 2,
      size: 12_345,
      sm3: sm3(chunkOf(file, 2)),
      receivedCount: 1,
      chunkCount: 3,
    });

    // A chunk changed on the way is refused and not kept.
    const tampered = Buffer.from(chunkOf(file, 0));
    tampered[100] = tampered[100]! ^ 0xff;
    const refused = await putChunk(started.id, 0, tampered, sm3(chunkOf(file, 0)));
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'CHECKSUM_MISMATCH', details: { chunk: 0 } });
    // Cut off here: the upload knows what is missing, and refuses to finish without it.
    const unfinished = (await officer.get(`/api/v1/exchange/files/uploads?entryId=${entryId}`)).json().items;
    expect(unfinished).toEqual([
      expect.objectContaining({ id: started.id, receivedCount: 1, chunkCount: 3, createdBy: officerId, createdByName: expect.any(String) }),
    ]);
    const { display_name } = await db.selectFrom('app_user').select('display_name').where('id', '=', officerId).executeTakeFirstOrThrow();
    expect(unfinished[0].createdByName).toBe(display_name);
    expect((await outsider.get(`/api/v1/exchange/files/uploads?entryId=${entryId}`)).json().items).toEqual([]);
    const state = (await officer.get(`/api/v1/exchange/files/uploads/${started.id}`)).json();
    expect(state).toMatchObject({ received: [2], missing: [0, 1], status: 'uploading' });
    const early = await officer.post(`/api/v1/exchange/files/uploads/${started.id}/complete`);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'UPLOAD_INCOMPLETE', details: { missing: [0, 1] } });

    for (const i of state.missing as number[]) expect((await putChunk(started.id, i, chunkOf(file, i))).statusCode).toBe(200);
    // Sending a chunk again is harmless.
    expect((await putChunk(started.id, 1, chunkOf(file, 1))).statusCode).toBe(200);
    const done = await officer.post(`/api/v1/exchange/files/uploads/${started.id}/complete`);
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json()).toMatchObject({ version: 1, size: file.byteLength, sm3: sm3(file), fileName: '企业年报汇总 2026.csv' });
    expect((await officer.post(`/api/v1/exchange/files/uploads/${started.id}/complete`)).json()).toMatchObject({ version: 1 });
    // A completed upload is a version now, not something to abandon.
    expect((await officer.delete(`/api/v1/exchange/files/uploads/${started.id}`)).json()).toMatchObject({ code: 'INVALID_TRANSITION' });

    const second = Buffer.from(file.subarray(0, CHUNK));
    const next = await upload(second);
    await putChunk(next.id, 0, second);
    expect((await officer.post(`/api/v1/exchange/files/uploads/${next.id}/complete`)).json()).toMatchObject({ version: 2 });
    const versions = (await officer.get(`/api/v1/exchange/files?entryId=${entryId}`)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    const audit = await auditOf(db, done.json().id);
    expect(audit.map((a) => a.action)).toEqual(['exchange.file.upload']);
    const leaves = await db.selectFrom('evidence_queue').select('entry').where('kind', '=', 'file_transfer').execute();
    expect(leaves.map((l) => JSON.parse(l.entry)).filter((e) => e.file === done.json().id)).toEqual([
      expect.objectContaining({ op: 'upload', version: 1, sm3: sm3(file), size: file.byteLength }),
    ]);
  });

  it('fails an upload whose whole file is not the declared SM3', async () => {
    const bytes = randomBytes(1000);
    const started = await upload(bytes, sm3(randomBytes(1000)));
    expect((await putChunk(started.id, 0, bytes)).statusCode).toBe(200);
    const refused = await officer.post(`/api/v1/exchange/files/uploads/${started.id}/complete`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'CHECKSUM_MISMATCH', details: { actual: sm3(bytes) } });
    expect((await officer.get(`/api/v1/exchange/files/uploads/${started.id}`)).json()).toMatchObject({ status: 'failed' });
    expect((await putChunk(started.id, 0, bytes)).statusCode).toBe(409);
    expect((await officer.delete(`/api/v1/exchange/files/uploads/${started.id}`)).statusCode).toBe(409);
  });

  it('refuses chunks of the wrong size, index or type, and uploads to other departments', async () => {
    const started = await upload(file);
    expect((await putChunk(started.id, 0, chunkOf(file, 0).subarray(1))).json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'body' },
    });
    expect((await putChunk(started.id, 3, chunkOf(file, 0))).json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'index' },
    });
    expect((await putChunk(started.id, 0, chunkOf(file, 0), 'not-a-hash')).json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'x-sm3' },
    });
    const json = await officer.put(`/api/v1/exchange/files/uploads/${started.id}/chunks/0`, { bytes: 'no' });
    expect(json.statusCode).toBe(415);
    const bad = await officer.post('/api/v1/exchange/files/uploads', { entryId, fileName: '../etc/passwd', size: 10, sm3: sm3(file) });
    expect(bad.statusCode).toBe(400);
    expect((await outsider.get(`/api/v1/exchange/files/uploads/${started.id}`)).statusCode).toBe(404);
    expect(
      (await outsider.post('/api/v1/exchange/files/uploads', { entryId, fileName: 'x.csv', size: 10, sm3: sm3(file) })).statusCode,
    ).toBe(404);
    expect((await outsider.get(`/api/v1/exchange/files?entryId=${entryId}`)).statusCode).toBe(404);
    expect(
      (await consumer.post('/api/v1/exchange/files/uploads', { entryId, fileName: 'x.csv', size: 10, sm3: sm3(file) })).statusCode,
    ).toBe(403);
  });

  it('lets a grantee download through an expiring, counted, audited link, resumable by range', async () => {
    const [latest, first] = (await officer.get(`/api/v1/exchange/files?entryId=${entryId}`)).json().items as { id: string }[];
    expect((await consumer.get(`/api/v1/exchange/files?entryId=${entryId}`)).statusCode).toBe(404);
    const grant = await admin.post('/api/v1/exchange/grants', {
      entryId,
      consumerDepartmentId,
      method: 'file',
      fields: ['id_number'],
      purpose: '文件交换测试',
      validFrom: new Date(Date.now() - 60_000).toISOString(),
      validTo: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(grant.statusCode, grant.body).toBe(201);
    expect((await consumer.get(`/api/v1/exchange/files?entryId=${entryId}`)).json().items).toHaveLength(2);

    // A link never outlives its grant (which ends within the hour here).
    const long = await consumer.post(`/api/v1/exchange/files/${first!.id}/links`, { expiresInMinutes: 7 * 24 * 60 });
    expect(Date.parse(long.json().expiresAt)).toBeLessThanOrEqual(Date.parse(grant.json().validTo));
    const link = await consumer.post(`/api/v1/exchange/files/${first!.id}/links`, { expiresInMinutes: 60, maxDownloads: 2 });
    expect(link.statusCode, link.body).toBe(201);
    const url = link.json().url as string;
    const anonymous = client(app);
    const whole = await anonymous.get(url);
    expect(whole.statusCode).toBe(200);
    expect(whole.rawPayload.equals(file)).toBe(true);
    expect(whole.headers['x-sm3']).toBe(sm3(file));
    expect(whole.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('企业年报汇总 2026.csv')}`);
    // Resuming from byte 1000 is not another download.
    const rest = await anonymous.get(url, { range: 'bytes=1000-' });
    expect(rest.statusCode).toBe(206);
    expect(rest.headers['content-range']).toBe(`bytes 1000-${file.byteLength - 1}/${file.byteLength}`);
    expect(rest.rawPayload.equals(file.subarray(1000))).toBe(true);
    expect((await anonymous.get(url, { range: 'bytes=999999999-' })).statusCode).toBe(416);
    expect((await anonymous.get(url)).statusCode).toBe(200);
    const usedUp = await anonymous.get(url);
    expect(usedUp.statusCode).toBe(410);
    expect(usedUp.json()).toMatchObject({ code: 'LINK_EXPIRED' });
    expect((await anonymous.get('/api/v1/exchange/files/download/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).statusCode).toBe(404);

    // The links of a version, with their downloads; never their tokens.
    const links = (await officer.get(`/api/v1/exchange/files/${first!.id}/links`)).json().items;
    expect(links.find((l: { id: string }) => l.id === link.json().id)).toMatchObject({ downloads: 2, maxDownloads: 2, live: false });
    expect(JSON.stringify(links)).not.toContain(url.split('/').pop()!);
    const downloads = (await auditOf(db, first!.id)).filter((a) => a.action === 'exchange.file.download');
    expect(downloads).toHaveLength(2);
    expect((await auditOf(db, first!.id)).map((a) => a.action)).toContain('exchange.file.link');

    // The version's evidence: its upload and both downloads, each a leaf proven in the signed checkpoint; the grantee
    // sees them too (the downloads are its own), another department nothing.
    await services.evidence.drain();
    const checkpoint = await services.evidence.checkpoint();
    type Proven = { items: { index: number; entry: string; leafHash: string; treeSize: number; root: string; proof: string[] }[] };
    const proven = (await officer.get(`/api/v1/exchange/files/${first!.id}/evidence`)).json() as Proven & { queued: number };
    expect(proven).toMatchObject({ queued: 0, more: false });
    const ops = (p: Proven) => p.items.map((i) => (JSON.parse(i.entry) as { op: string; file: string }).op);
    expect(ops(proven)).toEqual(['upload', 'download', 'download']);
    const hex = (h: string) => Buffer.from(h, 'hex');
    for (const p of proven.items) {
      expect(leafHashText(p.entry).toString('hex')).toBe(p.leafHash);
      expect(p.root).toBe(checkpoint.root);
      expect(verifyInclusion(hex(p.leafHash), p.index, p.treeSize, p.proof.map(hex), hex(checkpoint.root))).toBe(true);
    }
    expect(ops((await consumer.get(`/api/v1/exchange/files/${first!.id}/evidence`)).json())).toEqual(['upload', 'download', 'download']);
    expect((await outsider.get(`/api/v1/exchange/files/${first!.id}/evidence`)).statusCode).toBe(404);
    expect((await officer.get(`/api/v1/exchange/files/${first!.id}/evidence?limit=1`)).json()).toMatchObject({ more: true });

    // Expiry, withdrawal and the end of the grant each stop a link at once.
    const expiring = (await consumer.post(`/api/v1/exchange/files/${latest!.id}/links`, {})).json();
    await db
      .updateTable('exchange_file_link')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', expiring.id)
      .execute();
    expect((await anonymous.get(expiring.url)).json()).toMatchObject({ code: 'LINK_EXPIRED' });
    const withdrawn = (await consumer.post(`/api/v1/exchange/files/${latest!.id}/links`, {})).json();
    expect((await officer.delete(`/api/v1/exchange/files/links/${withdrawn.id}`)).statusCode).toBe(204);
    expect((await anonymous.get(withdrawn.url)).statusCode).toBe(410);
    // Withdrawing it again answers the same and records nothing more.
    const withdrawals = async () =>
      (await auditOf(db, latest!.id)).filter(
        (a) => a.action === 'exchange.file.link.revoke' && (a.details as { linkId?: string }).linkId === withdrawn.id,
      );
    expect(await withdrawals()).toHaveLength(1);
    expect((await officer.delete(`/api/v1/exchange/files/links/${withdrawn.id}`)).statusCode).toBe(204);
    expect(await withdrawals()).toHaveLength(1);
    const live = (await consumer.post(`/api/v1/exchange/files/${latest!.id}/links`, {})).json();
    expect((await anonymous.get(live.url)).statusCode).toBe(200);
    await admin.post(`/api/v1/exchange/grants/${grant.json().id}/revoke`, { version: 1, reason: '测试撤销' });
    expect((await anonymous.get(live.url)).statusCode).toBe(410);
    const listed = (await officer.get(`/api/v1/exchange/files/${latest!.id}/links`)).json().items;
    expect(listed.find((l: { id: string }) => l.id === live.id)).toMatchObject({ revokedAt: null, live: false, stoppedByGrant: 'revoked' });
    expect(listed.find((l: { id: string }) => l.id === expiring.id)).toMatchObject({ live: false, stoppedByGrant: null });
    expect((await consumer.post(`/api/v1/exchange/files/${latest!.id}/links`, {})).statusCode).toBe(404);
  });

  it('lets whoever may upload to the entry abandon an unfinished upload: chunks and rows gone, audited once', async () => {
    const started = await upload(file);
    await putChunk(started.id, 0, chunkOf(file, 0));
    await putChunk(started.id, 2, chunkOf(file, 2));
    const chunkDir = join(fileDir, 'uploads', started.id);
    expect(existsSync(join(chunkDir, '0'))).toBe(true);
    const url = `/api/v1/exchange/files/uploads/${started.id}`;

    // Deny by default: another department's officer does not see it, a grantee may not upload at all.
    expect((await outsider.delete(url)).json()).toMatchObject({ code: 'NOT_FOUND', details: { resource: 'file_upload' } });
    expect((await consumer.delete(url)).statusCode).toBe(403);
    expect((await officer.delete(`/api/v1/exchange/files/uploads/${randomUUID()}`)).statusCode).toBe(404);
    expect((await officer.delete('/api/v1/exchange/files/uploads/not-an-id')).json()).toMatchObject({ code: 'VALIDATION_FAILED' });

    // A colleague of the department abandons the officer's upload.
    const colleague = await signedIn(app, db, { roles: ['data_officer'], departmentId: providerId });
    expect((await colleague.api.delete(url)).statusCode).toBe(204);
    expect(existsSync(chunkDir)).toBe(false);
    expect(await db.selectFrom('exchange_file_chunk').select('idx').where('upload_id', '=', started.id).execute()).toEqual([]);
    expect((await officer.get(url)).json()).toMatchObject({ status: 'abandoned', received: [] });
    const listed = (await officer.get(`/api/v1/exchange/files/uploads?entryId=${entryId}`)).json().items as { id: string }[];
    expect(listed.map((u) => u.id)).not.toContain(started.id);
    const abandoned = async () => (await auditOf(db, started.id)).filter((a) => a.action === 'exchange.file.upload.abandon');
    expect(await abandoned()).toEqual([
      expect.objectContaining({
        actor_user_id: colleague.user.id,
        details: expect.objectContaining({ entryId, chunksReceived: 2, chunkCount: 3, startedBy: officerId }),
      }),
    ]);

    // Again: the same answer, nothing more recorded; nothing more can be sent or completed.
    expect((await officer.delete(url)).statusCode).toBe(204);
    expect(await abandoned()).toHaveLength(1);
    expect((await putChunk(started.id, 1, chunkOf(file, 1))).json()).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect((await officer.post(`${url}/complete`)).json()).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(existsSync(chunkDir)).toBe(false);
  });

  it('ends uploads left unfinished past their expiry: chunks gone from disk and database, audited once, others untouched', async () => {
    const stale = await upload(file);
    await putChunk(stale.id, 1, chunkOf(file, 1));
    const fresh = await upload(file);
    await putChunk(fresh.id, 0, chunkOf(file, 0));
    const abandonedEarlier = await upload(file);
    await officer.delete(`/api/v1/exchange/files/uploads/${abandonedEarlier.id}`);
    await db
      .updateTable('exchange_file_upload')
      .set({ expires_at: new Date(Date.now() - 60_000) })
      .where('id', 'in', [stale.id, abandonedEarlier.id])
      .execute();

    // Past its expiry it cannot be completed, even before the sweep ends it.
    expect((await officer.post(`/api/v1/exchange/files/uploads/${stale.id}/complete`)).json()).toMatchObject({
      code: 'INVALID_TRANSITION',
      details: { reason: 'the upload expired; start again' },
    });
    expect(await services.files.sweepExpiredUploads(db)).toBe(1);
    expect((await officer.get(`/api/v1/exchange/files/uploads/${stale.id}`)).json()).toMatchObject({ status: 'expired', received: [] });
    expect(existsSync(join(fileDir, 'uploads', stale.id))).toBe(false);
    expect(await db.selectFrom('exchange_file_chunk').select('idx').where('upload_id', '=', stale.id).execute()).toEqual([]);
    const expired = async () => (await auditOf(db, stale.id)).filter((a) => a.action === 'exchange.file.upload.expire');
    expect(await expired()).toEqual([
      expect.objectContaining({
        actor_user_id: null,
        actor_login: 'file-uploads',
        details: expect.objectContaining({ entryId, chunksReceived: 1, chunkCount: 3, startedBy: officerId }),
      }),
    ]);
    // The unexpired one goes on; the one abandoned before stays abandoned.
    expect((await officer.get(`/api/v1/exchange/files/uploads/${fresh.id}`)).json()).toMatchObject({ status: 'uploading', received: [0] });
    expect(existsSync(join(fileDir, 'uploads', fresh.id, '0'))).toBe(true);
    expect((await officer.get(`/api/v1/exchange/files/uploads/${abandonedEarlier.id}`)).json()).toMatchObject({ status: 'abandoned' });

    // Sweeping again ends nothing more; abandoning the expired one changes and records nothing; no chunk is taken.
    expect(await services.files.sweepExpiredUploads(db)).toBe(0);
    expect((await officer.delete(`/api/v1/exchange/files/uploads/${stale.id}`)).statusCode).toBe(204);
    expect((await officer.get(`/api/v1/exchange/files/uploads/${stale.id}`)).json()).toMatchObject({ status: 'expired' });
    expect(await expired()).toHaveLength(1);
    expect((await auditOf(db, stale.id)).filter((a) => a.action === 'exchange.file.upload.abandon')).toEqual([]);
    expect((await putChunk(stale.id, 0, chunkOf(file, 0))).json()).toMatchObject({ code: 'INVALID_TRANSITION' });
    await officer.delete(`/api/v1/exchange/files/uploads/${fresh.id}`);
  });

  it("lets every member of a grantee department withdraw the department's links, and says when a grant's end stopped one", async () => {
    const [latest] = (await officer.get(`/api/v1/exchange/files?entryId=${entryId}`)).json().items as { id: string }[];
    const grantFor = async (departmentId: string) => {
      const grant = await admin.post('/api/v1/exchange/grants', {
        entryId,
        consumerDepartmentId: departmentId,
        method: 'file',
        fields: ['id_number'],
        purpose: '部门共享链接测试',
        validFrom: new Date(Date.now() - 60_000).toISOString(),
        validTo: new Date(Date.now() + 2 * 3600_000).toISOString(),
      });
      expect(grant.statusCode, grant.body).toBe(201);
      return grant.json() as { id: string; validTo: string };
    };
    const department = (await buildDepartment(db)).id;
    const grant = await grantFor(department);
    const maker = (await signedIn(app, db, { roles: ['developer'], departmentId: department })).api;
    const colleague = (await signedIn(app, db, { roles: ['developer'], departmentId: department })).api;
    const other = (await buildDepartment(db)).id;
    await grantFor(other);
    const otherGrantee = (await signedIn(app, db, { roles: ['developer'], departmentId: other })).api;
    const link = async (body: object) => (await maker.post(`/api/v1/exchange/files/${latest!.id}/links`, body)).json() as { id: string };
    const capped = await link({ expiresInMinutes: 7 * 24 * 60 });
    const short = await link({ expiresInMinutes: 30 });
    const shared = await link({ expiresInMinutes: 60 });
    const linksOf = async (as: Client) =>
      ((await as.get(`/api/v1/exchange/files/${latest!.id}/links`)).json().items as { id: string }[]).map((l) => l.id);

    // A colleague sees the department's links and withdraws one; another grantee department neither sees nor withdraws them.
    expect(await linksOf(colleague)).toEqual(expect.arrayContaining([capped.id, short.id, shared.id]));
    expect(await linksOf(otherGrantee)).not.toContain(shared.id);
    for (const stranger of [otherGrantee, outsider])
      expect((await stranger.delete(`/api/v1/exchange/files/links/${shared.id}`)).json()).toMatchObject({
        code: 'NOT_FOUND',
        details: { resource: 'file_link' },
      });
    expect((await colleague.delete(`/api/v1/exchange/files/links/${shared.id}`)).statusCode).toBe(204);
    const revoked = (await auditOf(db, latest!.id)).filter((a) => (a.details as { linkId?: string }).linkId === shared.id);
    expect(revoked.map((a) => a.action)).toEqual(['exchange.file.link', 'exchange.file.link.revoke']);

    // The grant's validity runs out: the link cut to its end stopped with it; the one whose own time ran out first expired.
    const ended = new Date(Date.now() - 1000);
    expect(Date.parse(grant.validTo)).toBe(
      (
        await db.selectFrom('exchange_file_link').select('expires_at').where('id', '=', capped.id).executeTakeFirstOrThrow()
      ).expires_at.getTime(),
    );
    await db.updateTable('exchange_grant').set({ valid_to: ended }).where('id', '=', grant.id).execute();
    await db.updateTable('exchange_file_link').set({ expires_at: ended }).where('id', '=', capped.id).execute();
    await db
      .updateTable('exchange_file_link')
      .set({ expires_at: new Date(ended.getTime() - 60_000) })
      .where('id', '=', short.id)
      .execute();
    const listed = (await officer.get(`/api/v1/exchange/files/${latest!.id}/links`)).json().items as { id: string }[];
    const byId = (id: string) => listed.find((l) => l.id === id);
    expect(byId(capped.id)).toMatchObject({ live: false, revokedAt: null, stoppedByGrant: 'ended' });
    expect(byId(short.id)).toMatchObject({ live: false, stoppedByGrant: null });
    expect(byId(shared.id)).toMatchObject({ live: false, revokedAt: expect.any(String) });
    // Without a grant in force the department no longer acts on its links; the provider still does.
    expect((await colleague.delete(`/api/v1/exchange/files/links/${capped.id}`)).statusCode).toBe(404);
    expect((await officer.delete(`/api/v1/exchange/files/links/${capped.id}`)).statusCode).toBe(204);
  });
});

it('reads byte ranges as RFC 9110 says', () => {
  expect(parseRange(undefined, 100)).toBeNull();
  expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
  expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
  expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
  expect(parseRange('bytes=50-1000', 100)).toEqual({ start: 50, end: 99 });
  expect(parseRange('bytes=100-', 100)).toBe('invalid');
  expect(parseRange('bytes=5-1', 100)).toBe('invalid');
  expect(parseRange('items=0-1', 100)).toBe('invalid');
});

it.each([
  ['in force', { status: 'active', valid_to: 90, revoked_at: null }, 60, null],
  ['ended where the link was cut to end', { status: 'active', valid_to: 60, revoked_at: null }, 60, 'ended'],
  ['ended after the link ran out by itself', { status: 'active', valid_to: 90, revoked_at: null }, 60, null],
  ['revoked while the link ran', { status: 'revoked', valid_to: 90, revoked_at: 30 }, 60, 'revoked'],
  ['revoked after the link ran out by itself', { status: 'revoked', valid_to: 99, revoked_at: 70 }, 60, null],
  ['revoked after it had ended', { status: 'revoked', valid_to: 60, revoked_at: 80 }, 60, 'ended'],
] as const)('says whether a grant %s stopped a link (%s)', (_, grant, linkEnd, expected) => {
  const at = (minute: number | null) => (minute === null ? null : new Date(Date.UTC(2026, 10, 27, 8, minute)));
  const now = at(100)!.getTime();
  expect(grantStop(at(linkEnd)!, { status: grant.status, valid_to: at(grant.valid_to)!, revoked_at: at(grant.revoked_at) }, now)).toBe(
    expected,
  );
  expect(grantStop(at(linkEnd)!, null, now)).toBeNull();
});
