import { Link } from '@tanstack/react-router';

/** The way back from one of a commission's pages (its register, mail log, reports, settings) to the commission, as a paragraph of its own. */
export function BackToCommission({ id, title }: { id: string; title: string }) {
  return (
    <p>
      <Link to="/commissions/$commissionId" params={{ commissionId: id }}>
        {title}
      </Link>
    </p>
  );
}
