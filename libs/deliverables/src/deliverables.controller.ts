import { Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig, Allow, BadInputError, Ctx, Locale, Permission, RequestContext, isLocale } from '@samverkan/core';
import { DeliverablesService } from './deliverables.service';
import { DocumentsService, UploadedFile } from './documents.service';
import { commentMatrixCsv, commentMatrixXlsx, deliverablesCsv } from './exports';
import { ReviewsService } from './reviews.service';

// multer comes with @nestjs/platform-express; it ships no types of its own.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const multer = require('multer') as MulterFactory;

interface MulterFactory {
  (options: { storage: unknown; defParamCharset?: string; limits: Record<string, number> }): { single(field: string): (req: Request, res: Response, done: (error?: unknown) => void) => void };
  memoryStorage(): unknown;
}

/**
 * Files over plain HTTP with the same bearer-token auth as the API: uploading
 * and downloading document versions, the comment matrix as XLSX and CSV, and a
 * commission's deliverables as CSV and JSON.
 */
@Controller()
export class DeliverablesController {
  constructor(
    private readonly deliverables: DeliverablesService,
    private readonly documents: DocumentsService,
    private readonly reviews: ReviewsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** multipart/form-data with the field `file` (and optionally `note`). */
  @Allow(Permission.Authenticated)
  @Post('deliverables/:id/versions')
  async upload(@Ctx() ctx: RequestContext, @Param('id', new ParseUUIDPipe()) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    // Access is checked before the body is read, so a stranger's upload is never buffered.
    await this.deliverables.get(ctx, id);
    const file = await this.receive(req, res);
    const note = typeof (req.body as Record<string, unknown> | undefined)?.note === 'string' ? ((req.body as Record<string, string>).note) : undefined;
    const version = await this.documents.upload(ctx, id, file, note);
    res.status(201).json({ ...version, downloadPath: `/deliverables/versions/${version.id}/file` });
  }

  @Allow(Permission.Authenticated)
  @Get('deliverables/versions/:versionId/file')
  async download(@Ctx() ctx: RequestContext, @Param('versionId', new ParseUUIDPipe()) versionId: string, @Res() res: Response): Promise<void> {
    const { version, content } = await this.documents.download(ctx, versionId);
    res.setHeader('Content-Type', version.mediaType);
    res.setHeader('Content-Length', String(version.sizeBytes));
    res.setHeader('Content-Disposition', attachment(version.filename));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('ETag', `"${version.contentHash}"`);
    content.on('error', () => res.destroy());
    content.pipe(res);
  }

  @Allow(Permission.Authenticated)
  @Get('commissions/:id/deliverables.csv')
  async deliverablesCsv(@Ctx() ctx: RequestContext, @Param('id', new ParseUUIDPipe()) id: string, @Res() res: Response): Promise<void> {
    const rows = await this.deliverables.exportRows(ctx, id);
    res.type('text/csv; charset=utf-8').setHeader('Content-Disposition', attachment(`deliverables-${id}.csv`)).send(deliverablesCsv(rows, ctx.locale));
  }

  @Allow(Permission.Authenticated)
  @Get('commissions/:id/deliverables.json')
  async deliverablesJson(@Ctx() ctx: RequestContext, @Param('id', new ParseUUIDPipe()) id: string, @Res() res: Response): Promise<void> {
    const rows = await this.deliverables.exportRows(ctx, id);
    res.setHeader('Content-Disposition', attachment(`deliverables-${id}.json`));
    res.json({ commissionId: id, exportedAt: new Date().toISOString(), deliverables: rows });
  }

  @Allow(Permission.Authenticated)
  @Get('review-rounds/:id/comment-matrix.xlsx')
  async matrixXlsx(@Ctx() ctx: RequestContext, @Param('id', new ParseUUIDPipe()) id: string, @Query('lang') lang: unknown, @Res() res: Response): Promise<void> {
    const { deliverable, versionNumber, rows } = await this.reviews.matrix(ctx, id);
    const body = await commentMatrixXlsx(rows, languageOf(ctx, lang), `${deliverable.title} v${versionNumber}`);
    res
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .setHeader('Content-Disposition', attachment(`comment-matrix-${slug(deliverable.title)}-v${versionNumber}.xlsx`))
      .send(body);
  }

  @Allow(Permission.Authenticated)
  @Get('review-rounds/:id/comment-matrix.csv')
  async matrixCsv(@Ctx() ctx: RequestContext, @Param('id', new ParseUUIDPipe()) id: string, @Query('lang') lang: unknown, @Res() res: Response): Promise<void> {
    const { deliverable, versionNumber, rows } = await this.reviews.matrix(ctx, id);
    res
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', attachment(`comment-matrix-${slug(deliverable.title)}-v${versionNumber}.csv`))
      .send(commentMatrixCsv(rows, languageOf(ctx, lang)));
  }

  /** Reads one file into memory, stopping at the configured size limit. */
  private receive(req: Request, res: Response): Promise<UploadedFile | undefined> {
    const upload = multer({
      storage: multer.memoryStorage(),
      // Browsers send a file's name as raw UTF-8 (the HTML standard); multer's default, latin1, made "Afdækning" "AfdÃ¦kning".
      defParamCharset: 'utf8',
      limits: { fileSize: this.config.DOCUMENT_MAX_BYTES, files: 1, fields: 5, fieldSize: 10_000, parts: 10 },
    }).single('file');
    return new Promise((resolve, reject) => {
      upload(req, res, (error?: unknown) => {
        if (!error) return resolve((req as Request & { file?: UploadedFile }).file);
        const code = (error as { code?: string }).code;
        if (code === 'LIMIT_FILE_SIZE') return reject(new BadInputError('deliverables.fileTooLarge', { max: this.documents.maxSizeText() }, { maxBytes: this.config.DOCUMENT_MAX_BYTES }));
        if (code === 'LIMIT_UNEXPECTED_FILE' || code === 'LIMIT_FILE_COUNT') return reject(BadInputError.field('file', 'documents.oneFile'));
        reject(BadInputError.field('file', 'documents.unreadableUpload'));
      });
    });
  }
}

/** The matrix's language: the page's own (`?lang=`: a link's GET carries the browser's Accept-Language, not the language the page shows), else the request's. */
function languageOf(ctx: RequestContext, lang: unknown): Locale {
  return isLocale(lang) ? lang : ctx.locale;
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266). */
function attachment(filename: string): string {
  const ascii = filename.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'download';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

function slug(text: string): string {
  return text.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').slice(0, 60).toLowerCase() || 'document';
}
