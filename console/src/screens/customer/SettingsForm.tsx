import { asEnvelope } from '../../api';
import { useCustomerWrite, written, type Customer } from '../../data';
import { FieldError, fieldProps } from '../../errors';
import { splitTags } from '../../format';
import { SavedStatus, useDraft, WriteError, SubmitButton } from '../../write';
import { Section } from './Section';

interface Settings {
  tags: string;
  newsletter: boolean;
  notifications: boolean;
  language: string;
}

const settingsOf = (c: Customer): Settings => ({
  tags: c.tags.join(', '),
  newsletter: c.preferences.newsletter ?? false,
  notifications: c.preferences.notifications ?? false,
  language: c.preferences.language ?? '',
});

/** Tags and preferences: PUT /api/customers/{id} with If-Match. */
export function SettingsForm({ customer }: { customer: Customer }) {
  const { draft, setDraft, saved } = useDraft(settingsOf(customer));
  const save = useCustomerWrite(
    customer.customerId,
    async (crms, headers, values: Settings) => {
      const language = values.language.trim();
      return written(
        await crms.PUT('/api/customers/{customerId}', {
          params: { path: { customerId: customer.customerId }, header: headers },
          body: {
            tags: splitTags(values.tags),
            preferences: { newsletter: values.newsletter, notifications: values.notifications, ...(language !== '' ? { language } : {}) },
          },
        }),
      );
    },
    (_, sent) => saved({ ...sent, tags: splitTags(sent.tags).join(', '), language: sent.language.trim() }),
  );
  const envelope = save.error ? asEnvelope(save.error) : null;
  const F = 'settings';
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    if (save.isSuccess) save.reset();
    setDraft((d) => ({ ...d, [key]: value }));
  };
  return (
    <Section title="Tags and preferences">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.submit(draft);
        }}
      >
        <div className="field">
          <label htmlFor="settings-tags">Tags (comma-separated)</label>
          <input id="settings-tags" value={draft.tags} onChange={(e) => set('tags', e.target.value)} {...fieldProps(F, 'tags', envelope)} />
          <FieldError form={F} field="tags" envelope={envelope} />
        </div>
        <div className="field">
          <label htmlFor="settings-language">Language</label>
          <input id="settings-language" value={draft.language} onChange={(e) => set('language', e.target.value)} {...fieldProps(F, 'preferences', envelope)} />
          <FieldError form={F} field="preferences" envelope={envelope} />
        </div>
        <div className="checkbox">
          <input id="settings-newsletter" type="checkbox" checked={draft.newsletter} onChange={(e) => set('newsletter', e.target.checked)} />
          <label htmlFor="settings-newsletter">Newsletter</label>
        </div>
        <div className="checkbox">
          <input id="settings-notifications" type="checkbox" checked={draft.notifications} onChange={(e) => set('notifications', e.target.checked)} />
          <label htmlFor="settings-notifications">Notifications</label>
        </div>
        <SubmitButton pending={save.isPending}>Save tags and preferences</SubmitButton>
        {save.isSuccess && <SavedStatus>Saved.</SavedStatus>}
        <WriteError error={save.error} customerId={customer.customerId} fields={['tags', 'preferences']} onReloaded={() => save.reset()} />
      </form>
    </Section>
  );
}
