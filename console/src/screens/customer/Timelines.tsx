import type { Customer } from '../../data';
import { formatDateTime } from '../../format';
import { Section } from './Section';

export function Timelines({ customer }: { customer: Customer }) {
  return (
    <div className="columns">
      <Section title="Status timeline">
        <Timeline
          label="Status timeline"
          items={customer.statusHistory.map((s) => ({ at: s.changedAt, by: s.changedBy, text: `${s.from ?? '—'} → ${s.to}`, reason: s.reason }))}
        />
      </Section>
      <Section title="Type timeline">
        <Timeline
          label="Type timeline"
          items={customer.typeHistory.map((s) => ({ at: s.changedAt, by: s.changedBy, text: `${s.from ?? '—'} → ${s.to}`, reason: s.reason }))}
        />
      </Section>
    </div>
  );
}

function Timeline({ label, items }: { label: string; items: { at: string; by: string; text: string; reason?: string | undefined }[] }) {
  if (items.length === 0) return <p className="muted">No changes yet.</p>;
  return (
    <ol className="timeline" aria-label={label}>
      {[...items].reverse().map((item, i) => (
        <li key={i}>
          <p>
            <strong>{item.text}</strong>
            {item.reason ? ` — ${item.reason}` : ''}
          </p>
          <p className="muted">
            {formatDateTime(item.at)} by <code>{item.by}</code>
          </p>
        </li>
      ))}
    </ol>
  );
}
