import ExcelJS from 'exceljs';
import { Locale, Translated, csvDocument } from '@samverkan/core';
import { DeliverableExportRow } from './deliverables.service';
import { DECISION_LABELS, HEALTH_LABELS, KIND_LABELS, STATUS_LABELS, label } from './deliverables.messages';
import { AnchorKind } from './review-comment.entity';
import { CommentMatrixRow } from './reviews.service';

/**
 * The spreadsheets and files the secretariat takes away: the comment matrix
 * (synpunktsmatris) as XLSX and CSV, and the deliverables of a commission as
 * CSV and JSON. CSV is RFC 4180, UTF-8 with BOM (so spreadsheets read å, æ, ø),
 * and every cell that a spreadsheet would run as a formula (= + - @ at the
 * start) is neutralised by `csvDocument`. XLSX cells are written as typed strings,
 * never as formulas.
 */

const MATRIX_HEADERS: Translated[] = [
  { sv: 'Nr', da: 'Nr.', en: 'No.' },
  { sv: 'Organisation', da: 'Organisation', en: 'Organisation' },
  { sv: 'Granskare', da: 'Høringspart', en: 'Reviewer' },
  { sv: 'Avsnitt/sida/rad', da: 'Afsnit/side/linje', en: 'Section/page/line' },
  { sv: 'Synpunkt', da: 'Kommentar', en: 'Comment' },
  { sv: 'Förslag till formulering', da: 'Forslag til formulering', en: 'Proposed wording' },
  { sv: 'Sekretariatets svar', da: 'Sekretariatets svar', en: 'Secretariat’s response' },
  { sv: 'Beslut', da: 'Beslutning', en: 'Decision' },
];

const ANCHOR_PREFIX: Record<AnchorKind, Translated> = {
  general: { sv: 'Allmänt', da: 'Generelt', en: 'General' },
  section: { sv: 'Avsnitt', da: 'Afsnit', en: 'Section' },
  page: { sv: 'Sida', da: 'Side', en: 'Page' },
  line: { sv: 'Rad', da: 'Linje', en: 'Line' },
};

export const MATRIX_SHEET: Translated = { sv: 'Synpunktsmatris', da: 'Kommentarskema', en: 'Comment matrix' };

function anchorText(row: CommentMatrixRow, locale: Locale): string {
  const prefix = ANCHOR_PREFIX[row.anchorKind][locale];
  return row.anchor ? `${prefix} ${row.anchor}` : prefix;
}

function matrixLines(rows: CommentMatrixRow[], locale: Locale): string[][] {
  return rows.map((row) => [
    String(row.number),
    row.organisation,
    row.reviewer,
    anchorText(row, locale),
    row.comment,
    row.proposedWording ?? '',
    row.response ?? '',
    label(DECISION_LABELS, row.decision, locale),
  ]);
}


export function commentMatrixCsv(rows: CommentMatrixRow[], locale: Locale): string {
  return csvDocument([MATRIX_HEADERS.map((h) => h[locale]), ...matrixLines(rows, locale)]);
}

export async function commentMatrixXlsx(rows: CommentMatrixRow[], locale: Locale, title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Samverkan';
  workbook.title = title;
  const sheet = workbook.addWorksheet(MATRIX_SHEET[locale], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { width: 6 },
    { width: 28 },
    { width: 24 },
    { width: 18 },
    { width: 60 },
    { width: 45 },
    { width: 45 },
    { width: 16 },
  ];
  const header = sheet.addRow(MATRIX_HEADERS.map((h) => h[locale]));
  header.font = { bold: true };
  for (const line of matrixLines(rows, locale)) {
    const row = sheet.addRow([Number(line[0]), ...line.slice(1)]);
    row.alignment = { vertical: 'top', wrapText: true };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: MATRIX_HEADERS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const DELIVERABLE_HEADERS: Translated[] = [
  { sv: 'Id', da: 'Id', en: 'Id' },
  { sv: 'Titel', da: 'Titel', en: 'Title' },
  { sv: 'Typ', da: 'Type', en: 'Kind' },
  { sv: 'Arbetsgrupp', da: 'Arbejdsgruppe', en: 'Working group' },
  { sv: 'Ansvarig', da: 'Ansvarlig', en: 'Responsible' },
  { sv: 'Leveransdatum', da: 'Leverancedato', en: 'Due date' },
  { sv: 'Status', da: 'Status', en: 'Status' },
  { sv: 'Läge', da: 'Tilstand', en: 'Health' },
  { sv: 'Levererad', da: 'Leveret', en: 'Delivered on' },
  { sv: 'Mål', da: 'Mål', en: 'Goals' },
  { sv: 'Uppdragspunkter', da: 'Kommissoriepunkter', en: 'Objectives' },
  { sv: 'Ändrade datum', da: 'Ændrede datoer', en: 'Deadline changes' },
  { sv: 'Publicerad', da: 'Offentliggjort', en: 'Published' },
];

export function deliverablesCsv(rows: DeliverableExportRow[], locale: Locale): string {
  return csvDocument([
    DELIVERABLE_HEADERS.map((h) => h[locale]),
    ...rows.map((r) => [
      r.id,
      r.title,
      label(KIND_LABELS, r.kind, locale),
      r.workingGroup ?? '',
      r.responsible ?? '',
      r.dueOn,
      label(STATUS_LABELS, r.status, locale),
      label(HEALTH_LABELS, r.health, locale),
      r.deliveredOn ?? '',
      r.goals.join(' '),
      r.objectives.join(' '),
      String(r.deadlineChanges),
      r.publishedUrl ?? '',
    ]),
  ]);
}
