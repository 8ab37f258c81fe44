import type { Customer } from '../../data';
import { formatCount, formatDate, formatDateTime, formatMoney } from '../../format';
import { Fact, Section } from './Section';

export function Profile({ customer: c }: { customer: Customer }) {
  return (
    <div className="columns">
      <Section title="Profile">
        <dl className="facts">
          <Fact term="E-mail">{c.email}</Fact>
          <Fact term="Phone">{c.contactNumber ?? '—'}</Fact>
          <Fact term="User id">
            <code>{c.userId}</code>
          </Fact>
          <Fact term="Customer id">
            <code>{c.customerId}</code>
          </Fact>
          <Fact term="Customer since">{formatDate(c.customerSince)}</Fact>
          <Fact term="Updated">{formatDateTime(c.updatedAt)}</Fact>
          <Fact term="Last login">{formatDateTime(c.metadata?.lastLoginDate)}</Fact>
        </dl>
      </Section>
      <Section title="Statistics">
        <dl className="facts">
          <Fact term="Orders">{formatCount(c.totalOrders)}</Fact>
          <Fact term="Order value">{formatMoney(c.totalOrderValue)}</Fact>
          <Fact term="Last order">{formatDate(c.lastOrderDate)}</Fact>
          <Fact term="Complaints">{formatCount(c.totalComplaints)}</Fact>
          <Fact term="Open complaints">{formatCount(c.openComplaints)}</Fact>
          <Fact term="Last complaint">{formatDate(c.lastComplaintDate)}</Fact>
        </dl>
      </Section>
    </div>
  );
}
