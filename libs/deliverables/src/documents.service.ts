import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { APP_CONFIG, AppConfig, AppError, AuditService, BadInputError, ErrorCode, ForbiddenError, NotFoundError, RequestContext, groupByKeys, inTransaction, oneByKeys } from '@samverkan/core';
import { DocumentVersion } from './document-version.entity';
import { DOCUMENT_STORAGE, DocumentStorage } from './document-storage';
import { DeliverablesService } from './deliverables.service';
import { cleanFilename, sniffMediaType } from './media-type';

export interface UploadedFile {
  buffer: Buffer;
  originalname?: string;
}

/**
 * Document versions of deliverables: numbered uploads stored by content hash.
 * Nothing is half-stored: the file is written durably (fsynced, renamed into
 * place, folder fsynced) under a lock on its hash as the last step of the
 * transaction that inserts its row, so the row commits only after its file is
 * on disk; if the transaction fails the file is removed again unless another
 * row uses the same content, and `sweepOrphans` removes what a crash between
 * the two left. A full disk is STORAGE_FULL and stores nothing.
 */
@Injectable()
export class DocumentsService {
  private readonly logger = new Logger(DocumentsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly deliverables: DeliverablesService,
    private readonly audit: AuditService,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get maxBytes(): number {
    return this.config.DOCUMENT_MAX_BYTES;
  }

  /** The size limit as people read it ("50 MB"). */
  maxSizeText(): string {
    const mb = this.maxBytes / (1024 * 1024);
    return mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB` : `${Math.ceil(this.maxBytes / 1024)} kB`;
  }

  /**
   * Uploads a new version. The secretariat and the deliverable's responsible
   * person may upload. The media type is read from the content.
   */
  async upload(ctx: RequestContext, deliverableId: string, file: UploadedFile | undefined, note?: string): Promise<DocumentVersion> {
    const d = await this.deliverables.get(ctx, deliverableId);
    const v = await this.deliverables.visibility(ctx, d.commissionId);
    if (!v.manage && d.responsiblePersonId !== ctx.actor?.personId) throw new ForbiddenError();
    if (!file?.buffer?.length) throw new BadInputError('deliverables.fileMissing');
    if (file.buffer.length > this.maxBytes) throw new BadInputError('deliverables.fileTooLarge', { max: this.maxSizeText() }, { maxBytes: this.maxBytes });
    const filename = cleanFilename(file.originalname);
    const mediaType = sniffMediaType(file.buffer, filename);
    if (!mediaType) throw new BadInputError('deliverables.fileType');
    if (note !== undefined && note.length > 2000) throw BadInputError.field('note', 'validation.maxLength', { max: 2000 });
    const hash = createHash('sha256').update(file.buffer).digest('hex');
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        await this.lockHash(manager, hash);
        await manager.query(`SELECT 1 FROM deliverable WHERE id = $1 FOR UPDATE`, [deliverableId]);
        const [{ next }] = await manager.query(`SELECT coalesce(max(number), 0) + 1 AS next FROM document_version WHERE deliverable_id = $1`, [deliverableId]);
        const version = await manager.save(
          manager.create(DocumentVersion, {
            deliverableId,
            number: next,
            contentHash: hash,
            sizeBytes: file.buffer.length,
            mediaType,
            filename,
            note: note?.trim() || null,
            uploadedBy: ctx.actor?.personId ?? null,
          }),
        );
        await this.audit.record(manager, ctx, { entity: 'document_version', entityId: version.id, action: 'upload', after: version });
        // Last step before commit: a failed write rolls the row back.
        await this.storage.put(hash, file.buffer);
        return version;
      });
    } catch (error) {
      await this.removeIfUnreferenced(hash).catch((cleanup) => this.logger.error(`Could not remove unreferenced document ${hash}: ${cleanup}`));
      throw error;
    }
  }

  /** A version and its content, for a person who may see the deliverable. */
  async download(ctx: RequestContext, versionId: string): Promise<{ version: DocumentVersion; content: Readable }> {
    const version = await this.dataSource.getRepository(DocumentVersion).findOneBy({ id: versionId });
    if (!version) throw new NotFoundError('DocumentVersion', versionId);
    await this.requireVisible(ctx, version).catch((error) => {
      throw error instanceof AppError && error.code === ErrorCode.NOT_FOUND ? new NotFoundError('DocumentVersion', versionId) : error;
    });
    const content = await this.storage.open(version.contentHash);
    if (!content) {
      this.logger.error(`Document version ${versionId}: content ${version.contentHash} is missing from storage`);
      throw new AppError(ErrorCode.NOT_FOUND, 'deliverables.fileMissingInStorage');
    }
    return { version, content };
  }

  /** A version the actor may see (for review rounds). */
  async getVersion(ctx: RequestContext, versionId: string): Promise<DocumentVersion> {
    const version = await this.loadVersion(ctx, versionId);
    if (!version) throw new NotFoundError('DocumentVersion', versionId);
    await this.requireVisible(ctx, version);
    return version;
  }

  /**
   * Who sees a version: whoever sees its deliverable; a reviewer with no role in
   * the commission only the versions of the rounds they are named in.
   */
  private async requireVisible(ctx: RequestContext, version: DocumentVersion): Promise<void> {
    const d = await this.deliverables.get(ctx, version.deliverableId);
    if (!(await this.deliverables.isReviewerWithoutRole(ctx, d))) return;
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM review_round r JOIN review_reviewer rr ON rr.round_id = r.id WHERE r.version_id = $1 AND rr.person_id = $2 LIMIT 1`,
      [version.id, ctx.actor!.personId],
    );
    if (rows.length === 0) throw new NotFoundError('DocumentVersion', version.id);
  }

  loadVersion(ctx: RequestContext, id: string): Promise<DocumentVersion | undefined> {
    return ctx
      .loader<string, DocumentVersion | undefined>('version.byId', async (ids) => oneByKeys(ids, await this.dataSource.getRepository(DocumentVersion).findBy({ id: In([...ids]) }), (v) => v.id))
      .load(id);
  }

  versionsOf(ctx: RequestContext, deliverableId: string): Promise<DocumentVersion[]> {
    return ctx
      .loader<string, DocumentVersion[]>('deliverable.versions', async (ids) =>
        groupByKeys(ids, await this.dataSource.getRepository(DocumentVersion).find({ where: { deliverableId: In([...ids]) }, order: { number: 'ASC' } }), (v) => v.deliverableId),
      )
      .load(deliverableId);
  }

  /**
   * Removes stored contents that no row references and that are older than
   * `olderThanMs` (a crash between writing a file and committing its row).
   * Returns the hashes removed.
   */
  async sweepOrphans(olderThanMs = 3_600_000): Promise<string[]> {
    const removed: string[] = [];
    const before = Date.now() - olderThanMs;
    const leftovers = await this.storage.removeLeftovers(new Date(before));
    if (leftovers) this.logger.warn(`Removed ${leftovers} temporary document file(s) left by writes a crash cut short`);
    for await (const { hash, storedAt } of this.storage.list()) {
      if (storedAt.getTime() > before) continue;
      if (await this.removeIfUnreferenced(hash)) removed.push(hash);
    }
    return removed;
  }

  private async removeIfUnreferenced(hash: string): Promise<boolean> {
    return inTransaction(this.dataSource, async (manager) => {
      await this.lockHash(manager, hash);
      const [{ used }] = await manager.query(`SELECT EXISTS (SELECT 1 FROM document_version WHERE content_hash = $1) AS used`, [hash]);
      if (used) return false;
      await this.storage.delete(hash);
      return true;
    });
  }

  /** Serialises writers and the cleanup of one content hash until the transaction ends. */
  private async lockHash(manager: EntityManager, hash: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('document:' || $1, 0))`, [hash]);
  }
}
