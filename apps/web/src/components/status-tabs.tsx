import Link from 'next/link';
import { runsHref, STATUS_FILTERS, type StatusFilter } from '../lib/status-filter';

export function StatusTabs({ current }: { current: StatusFilter }) {
  return (
    <nav className="tabs" aria-label="Filter by status">
      {STATUS_FILTERS.map((filter) => (
        <Link
          key={filter}
          href={runsHref(filter)}
          className={filter === current ? 'tab tab--active' : 'tab'}
          aria-current={filter === current ? 'page' : undefined}
        >
          {filter}
        </Link>
      ))}
    </nav>
  );
}
