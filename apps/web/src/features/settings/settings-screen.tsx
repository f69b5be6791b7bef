// Organization settings and presence states. Devices pull every change; a state's code never
// changes (records refer to it), its label, colour, order and flags may.
import {
  LANGUAGES,
  pluralOf,
  type Language,
  type Organization,
  type PresenceState,
} from '@rollcall/shared';
import { Fragment, useState, type FormEvent } from 'react';
import { client, engine, remote } from '../../app-context.ts';
import { useT } from '../../i18n/i18n.ts';
import { attempt, useRemote } from '../../lib/use-remote.ts';
import { useSession } from '../auth/session-store.ts';
import { deviceZone } from '../../lib/zone-format.ts';
import { RetentionCard } from './retention-card.tsx';
import { StationCard } from './station-card.tsx';

type Rule = Organization['settings']['conflictPolicy']['rules'][number];
const RULES: Rule['kind'][] = ['qr_beats_manual_absent', 'earliest_arrival_between', 'latest_wins'];

// Each language by its own name: whoever reads the list finds theirs in any language.
const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español' };

const WORDS = [
  { one: 'session', many: 'sessions' },
  { one: 'participant', many: 'participants' },
  { one: 'group', many: 'groups' },
] as const;

/** An optional plural: empty means the app forms it (the key is then left out). */
const plural = (v: FormDataEntryValue | null) => {
  const text = String(v ?? '').trim();
  return text ? text : undefined;
};

function OrgForm({ org, onSaved }: { org: Organization; onSaved(): Promise<void> }) {
  const t = useT('settings');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  // The plurals' placeholders follow what is typed: the plural the app would form.
  const [language, setLanguage] = useState<Language>(org.settings.language ?? 'en');
  const [singular, setSingular] = useState({
    session: org.settings.labels.session,
    participant: org.settings.labels.participant,
    group: org.settings.labels.group,
  });
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const kinds = new Set(f.getAll('rules').map(String));
    const rules: Rule[] = RULES.filter((kind) => kinds.has(kind)).map(
      (kind) =>
        (kind === 'earliest_arrival_between'
          ? { kind, states: ['present', 'late'] }
          : { kind }) as Rule,
    );
    const body = {
      name: String(f.get('name')),
      settings: {
        // The labels are replaced as a whole, so a plural left empty is removed.
        labels: {
          session: String(f.get('session')),
          participant: String(f.get('participant')),
          group: String(f.get('group')),
          sessions: plural(f.get('sessions')),
          participants: plural(f.get('participants')),
          groups: plural(f.get('groups')),
        },
        language,
        lateAfterMinutes: Number(f.get('late')),
        tempUsherGraceHours: Number(f.get('grace')),
        recordDepartures: f.get('departures') === 'on',
        timeZone: String(f.get('timeZone')).trim(),
        conflictPolicy: { rules },
      },
    };
    if (await attempt(() => client.organization.update(body), setProblem)) {
      setSaved(true);
      setProblem(null);
      await onSaved();
    }
  };
  const s = org.settings;
  return (
    <form
      className="card"
      aria-label={t('orgSettings')}
      onSubmit={(e) => void submit(e)}
      onChange={() => setSaved(false)}
    >
      <h2>{t('organization')}</h2>
      <div className="form-grid">
        <label>
          <span className="label">{t('name')}</span>
          <input name="name" required defaultValue={org.name} translate="no" />
        </label>
        <label>
          <span className="label">{t('language')}</span>
          <select
            name="language"
            value={language}
            aria-describedby="org-language-hint"
            onChange={(e) => setLanguage(e.target.value as Language)}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l} translate="no">
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
          <span id="org-language-hint" className="muted">
            {t('languageHint')}
          </span>
        </label>
      </div>
      <div className="form-grid">
        {WORDS.map((w) => (
          <Fragment key={w.one}>
            <label>
              <span className="label">{t(`${w.one}Called`)}</span>
              <input
                name={w.one}
                required
                maxLength={40}
                defaultValue={s.labels[w.one]}
                onChange={(e) => setSingular((v) => ({ ...v, [w.one]: e.target.value }))}
              />
            </label>
            <label>
              <span className="label">{t(`${w.many}Called`)}</span>
              <input
                name={w.many}
                maxLength={40}
                defaultValue={s.labels[w.many] ?? ''}
                placeholder={pluralOf(singular[w.one].trim() || s.labels[w.one], language)}
                aria-describedby="org-plural-hint"
                translate="no"
              />
            </label>
          </Fragment>
        ))}
      </div>
      <p id="org-plural-hint" className="muted">
        {t('pluralHint')}
      </p>
      <div className="form-grid">
        <label>
          <span className="label">{t('lateAfter')}</span>
          <input
            name="late"
            type="number"
            min={0}
            max={1440}
            required
            defaultValue={s.lateAfterMinutes}
          />
        </label>
        <label>
          <span className="label">{t('grace')}</span>
          <input
            name="grace"
            type="number"
            min={0}
            max={720}
            required
            defaultValue={s.tempUsherGraceHours}
          />
        </label>
        <label>
          <span className="label">{t('timeZone')}</span>
          <input
            name="timeZone"
            list="time-zones"
            required
            maxLength={64}
            aria-describedby="time-zone-hint"
            defaultValue={s.timeZone}
          />
          <span id="time-zone-hint" className="muted">
            {t('timeZoneHint', { zone: deviceZone() })}
          </span>
        </label>
        <datalist id="time-zones">
          {Intl.supportedValuesOf('timeZone').map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </div>
      <label className="check-label">
        <input type="checkbox" name="departures" defaultChecked={Boolean(s.recordDepartures)} />{' '}
        {t('departures')}
      </label>
      <fieldset>
        <legend>{t('rulesLegend')}</legend>
        {RULES.map((kind) => (
          <label key={kind} className="check-label">
            <input
              type="checkbox"
              name="rules"
              value={kind}
              defaultChecked={s.conflictPolicy.rules.some((x) => x.kind === kind)}
            />{' '}
            {t(`rule.${kind}`)}
          </label>
        ))}
      </fieldset>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary">
          {t('save')}
        </button>
        {saved && <span role="status">{t('savedOrg')}</span>}
      </div>
    </form>
  );
}

function StateRow({
  s,
  onChange,
}: {
  s: PresenceState;
  onChange(patch: Partial<PresenceState>): void;
}) {
  const t = useT('settings');
  const code = s.code;
  return (
    <tr data-testid={`state-${s.code}`}>
      <td>
        <code translate="no">{s.code}</code>
      </td>
      <td>
        <input
          aria-label={t('labelOf', { code })}
          defaultValue={s.label}
          translate="no"
          onBlur={(e) => e.target.value !== s.label && onChange({ label: e.target.value })}
        />
      </td>
      <td>
        <input
          aria-label={t('colourOf', { code })}
          type="color"
          defaultValue={s.color}
          onBlur={(e) => e.target.value !== s.color && onChange({ color: e.target.value })}
        />
      </td>
      <td>
        <input
          aria-label={t('orderOf', { code })}
          type="number"
          min={0}
          defaultValue={s.sortOrder}
          onBlur={(e) =>
            Number(e.target.value) !== s.sortOrder &&
            onChange({ sortOrder: Number(e.target.value) })
          }
        />
      </td>
      <td>
        <input
          aria-label={t('isDefault', { code })}
          type="radio"
          name="default"
          checked={s.isDefault}
          onChange={() => onChange({ isDefault: true })}
        />
      </td>
      <td>
        <input
          aria-label={t('countsAsPresentOf', { code })}
          type="checkbox"
          checked={s.countsAsPresent}
          onChange={(e) => onChange({ countsAsPresent: e.target.checked })}
        />
      </td>
      <td>
        <input
          aria-label={t('isActive', { code })}
          type="checkbox"
          checked={s.active}
          onChange={(e) => onChange({ active: e.target.checked })}
        />
      </td>
    </tr>
  );
}

export function SettingsScreen() {
  const t = useT('settings');
  const org = useRemote(remote.organization.get());
  const states = useRemote(remote.presenceStates.list());
  const [problem, setProblem] = useState<string | null>(null);
  const changed = async () => {
    await Promise.all([org.reload(), states.reload()]);
    void engine.syncNow();
  };
  const patchState = async (id: string, patch: Partial<PresenceState>) => {
    if (await attempt(() => client.presenceStates.update(id, patch), setProblem)) await changed();
  };
  const addState = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const body = {
      code: String(f.get('code')),
      label: String(f.get('label')),
      color: String(f.get('color')),
      sortOrder: (states.data?.items.length ?? 0) + 1,
      isDefault: false,
      countsAsPresent: f.get('present') === 'on',
      active: true,
    };
    if (await attempt(() => client.presenceStates.create(body), setProblem)) {
      form.reset();
      await changed();
    }
  };
  const sorted = [...(states.data?.items ?? [])].sort((a, b) => a.sortOrder - b.sortOrder);
  const isAdmin = useSession((s) => s.login?.user.role === 'admin');
  return (
    <main className="screen wide-screen">
      <h1>{t('title')}</h1>
      {(org.error ?? problem) && (
        <p className="error-text" role="alert">
          {org.error ?? problem}
        </p>
      )}
      {org.data && <OrgForm org={org.data} onSaved={changed} />}
      {org.data && <StationCard org={org.data} onSaved={changed} />}
      <section className="card" aria-label={t('presenceStates')}>
        <h2>{t('presenceStates')}</h2>
        <table className="table">
          <thead>
            <tr>
              <th>{t('col.code')}</th>
              <th>{t('col.label')}</th>
              <th>{t('col.colour')}</th>
              <th>{t('col.order')}</th>
              <th>{t('col.default')}</th>
              <th>{t('col.countsAsPresent')}</th>
              <th>{t('col.active')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((s) => (
              <StateRow
                key={`${s.id}-${s.label}-${s.color}-${s.sortOrder}`}
                s={s}
                onChange={(p) => void patchState(s.id, p)}
              />
            ))}
          </tbody>
        </table>
        <form className="row" aria-label={t('addStateForm')} onSubmit={(e) => void addState(e)}>
          <input
            name="code"
            aria-label={t('newCode')}
            placeholder={t('newCodeExample')}
            pattern="[a-z][a-z0-9_]{0,39}"
            required
            className="grow"
          />
          <input
            name="label"
            aria-label={t('newLabel')}
            placeholder={t('labelPlaceholder')}
            required
            className="grow"
          />
          <input name="color" aria-label={t('newColour')} type="color" defaultValue="#64748b" />
          <label className="check-label">
            <input type="checkbox" name="present" defaultChecked /> {t('countsAsPresent')}
          </label>
          <button type="submit" className="secondary">
            {t('addState')}
          </button>
        </form>
      </section>
      <RetentionCard canWrite={isAdmin} />
    </main>
  );
}
