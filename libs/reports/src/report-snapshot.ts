import type { ReportDiff, TrackedItem } from './diff';
import type { Rag } from './rag';
import type { CompositionSection } from './sections/composition.section';
import type { MandateSection } from './sections/mandate.section';
import type { OverdueItem, RagSignal } from './sections/section';

export type ReportKind = 'scheduled' | 'on_demand';

export interface RagCounts {
  on_track: number;
  at_risk: number;
  late: number;
  no_data: number;
}

/** The counts a mail and a list show without opening the snapshot. */
export interface ReportSummary {
  rag: Rag;
  groups: RagCounts;
  goals: RagCounts;
  /** Deliverables by RAG (all zero until the deliverables section is part of the report). */
  deliverables: RagCounts;
  overdueCount: number;
  /** The first overdue items, most overdue first (the page lists all). */
  overdue: OverdueItem[];
  /** Seats by libs/seats' status on the report's day: filled + holdover + vacant = seats. */
  seats: number;
  filled: number;
  /** Absent in summaries stored before it was added: seats − filled − vacant. */
  holdover?: number;
  vacant: number;
  diff: { new: number; changed: number; completed: number; newlyLate: number; hasPrevious: boolean };
  isEmpty: boolean;
}

/**
 * Everything a report shows, frozen: the data each section read, the roll-up
 * and the diff. Pages, CSV and JSON render from this alone, never from live tables.
 */
export interface ReportSnapshot {
  version: 1;
  commissionId: string;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  asOf: string;
  kind: ReportKind;
  /** Which sections this report holds (older reports may lack sections added later). */
  sectionsIncluded: string[];
  sections: {
    mandate: MandateSection;
    composition: CompositionSection;
    [name: string]: unknown;
  };
  rollup: {
    commission: Rag;
    groups: Record<string, Rag>;
    goals: Record<string, Rag>;
    signals: RagSignal[];
  };
  items: TrackedItem[];
  overdue: OverdueItem[];
  diff: ReportDiff;
  /** Things recorded within the period across all sections; 0 means the period was empty. */
  activity: number;
  isEmpty: boolean;
}
