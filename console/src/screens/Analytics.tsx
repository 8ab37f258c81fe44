import { Bar, BarChart, CartesianGrid, Cell, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Link } from 'wouter';
import { useAnalytics, useRefreshAnalytics } from '../data';
import { ErrorSummary } from '../errors';
import { moneyTick, shortLabel } from '../chart-format';
import { formatCount, formatDateTime, formatMoney } from '../format';

const COLORS = ['#1f6feb', '#8250df', '#bf3989', '#9a6700'];

export function AnalyticsScreen() {
  const analytics = useAnalytics();
  const refresh = useRefreshAnalytics();
  if (analytics.isPending) return <p>Loading analytics…</p>;
  if (analytics.isError) {
    return (
      <section>
        <h1>Analytics</h1>
        <ErrorSummary error={analytics.error} onRetry={() => void analytics.refetch()} />
      </section>
    );
  }
  const a = analytics.data;
  const byStatus = Object.entries(a.byStatus).map(([name, value]) => ({ name, value }));
  const byType = Object.entries(a.byType).map(([name, value]) => ({ name, value }));
  const newCustomers = [
    { name: 'Last 7 days', value: a.newCustomers.last7Days },
    { name: 'Last 30 days', value: a.newCustomers.last30Days },
  ];
  const top = a.topCustomers.map((c) => ({ name: c.fullName, value: c.totalOrderValue }));
  return (
    <section aria-labelledby="analytics-title">
      <div className="title-row">
        <h1 id="analytics-title">Analytics</h1>
        <p className="muted" id="analytics-generated">
          Generated {formatDateTime(a.generatedAt)} · {a.cached ? 'from the cache' : 'freshly computed'}
        </p>
        <button type="button" onClick={() => refresh.mutate()} disabled={refresh.isPending || analytics.isFetching}>
          Refresh
        </button>
        <ErrorSummary error={refresh.error} />
      </div>
      <ul className="cards" aria-label="Key figures">
        <Card label="Customers" value={formatCount(a.totalCustomers)} />
        <Card label="New in 7 days" value={formatCount(a.newCustomers.last7Days)} />
        <Card label="New in 30 days" value={formatCount(a.newCustomers.last30Days)} />
        <Card label="Orders" value={formatCount(a.orders.totalOrders)} />
        <Card label="Order value" value={formatMoney(a.orders.totalOrderValue)} />
        <Card label="Average order" value={formatMoney(a.orders.averageOrderValue)} />
        <Card label="Average customer value" value={formatMoney(a.orders.averageCustomerValue)} />
        <Card label="Open complaints" value={formatCount(a.complaints.openComplaints)} />
        <Card label="Customers with open complaints" value={formatCount(a.complaints.customersWithOpenComplaints)} />
      </ul>
      <div className="charts">
        <Chart title="Customers by status" data={byStatus} kind="bar" />
        <Chart title="Customers by type" data={byType} kind="pie" />
        <Chart title="New customers" data={newCustomers} kind="bar" />
        <Chart title="Top customers by order value" data={top} kind="bar" money />
      </div>
      {/* one landmark per name: the scrollable table is the region, its card only a box */}
      <div className="card">
        <h2 id="top-title">Top customers</h2>
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="top-title">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col" className="num">Orders</th>
                <th scope="col" className="num">Order value</th>
              </tr>
            </thead>
            <tbody>
              {a.topCustomers.map((c) => (
                <tr key={c.customerId}>
                  <td>
                    <Link href={`/customers/${c.customerId}`}>{c.fullName}</Link>
                  </td>
                  <td>{c.customerType}</td>
                  <td className="num">{formatCount(c.totalOrders)}</td>
                  <td className="num">{formatMoney(c.totalOrderValue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

function Card({ label, value }: { label: string; value: string }) {
  return (
    <li className="stat">
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value}</span>
    </li>
  );
}

/**
 * A chart, with its figures also as text for screen readers (the SVG is decorative to them). A money
 * chart (names against amounts) has horizontal bars: the names, shortened, on their own lines, and
 * compact rupee ticks (₹1.5L) on the value axis, so no label runs into another.
 */
/** One cell per datum, coloured in turn. */
const colourCells = (data: readonly unknown[]) => data.map((_, i) => <Cell key={i} fill={COLORS[i % COLORS.length]} />);

function Chart({ title, data, kind, money = false }: { title: string; data: { name: string; value: number }[]; kind: 'bar' | 'pie'; money?: boolean }) {
  const id = `chart-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const format = money ? formatMoney : formatCount;
  return (
    <figure className="card chart" aria-labelledby={id}>
      <figcaption id={id}>{title}</figcaption>
      <div className="chart-box" aria-hidden="true" data-chart={id}>
        <ResponsiveContainer width="100%" height={220}>
          {kind === 'bar' && money ? (
            <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" tick={{ fontSize: 12 }} tickFormatter={moneyTick} tickCount={4} />
              <YAxis type="category" dataKey="name" tick={{ fontSize: 12 }} width={124} interval={0} tickFormatter={(name: string) => shortLabel(name, 18)} />
              <Tooltip formatter={(v) => format(Number(v))} />
              <Bar dataKey="value" isAnimationActive={false}>
                {colourCells(data)}
              </Bar>
            </BarChart>
          ) : kind === 'bar' ? (
            <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="name" tick={{ fontSize: 12 }} interval={0} tickFormatter={(name: string) => shortLabel(name, 14)} />
              <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={48} tickFormatter={(v: number) => formatCount(v)} />
              <Tooltip formatter={(v) => format(Number(v))} />
              <Bar dataKey="value" isAnimationActive={false}>
                {colourCells(data)}
              </Bar>
            </BarChart>
          ) : (
            <PieChart accessibilityLayer={false}>
              {/* no labels around the pie (small slices' labels overprint each other): the legend below names each colour */}
              <Pie data={data} dataKey="value" nameKey="name" outerRadius={80} isAnimationActive={false} rootTabIndex={-1}>
                {colourCells(data)}
              </Pie>
              <Tooltip formatter={(v) => format(Number(v))} />
            </PieChart>
          )}
        </ResponsiveContainer>
      </div>
      <ul className="chart-legend">
        {data.map((d, i) => (
          <li key={d.name}>
            <span className="swatch" aria-hidden="true" style={{ background: COLORS[i % COLORS.length] }} />
            {d.name}: {format(d.value)}
          </li>
        ))}
      </ul>
    </figure>
  );
}
