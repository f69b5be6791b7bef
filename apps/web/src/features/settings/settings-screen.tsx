// Organization settings and presence states. Devices pull every change; a state's code never
// changes (records refer to it), its label, colour, order and flags may.
import type { Organization, PresenceState } from '@rollcall/shared';
import { useState, type FormEvent } from 'react';
import { api, engine } from '../../app-context.ts';
import { attempt, useRemote } from '../../lib/use-remote.ts';
import { useSession } from '../auth/session-store.ts';
import { deviceZone } from '../../lib/zone-format.ts';
import { RetentionCard } from './retention-card.tsx';
import { StationCard } from './station-card.tsx';

type Rule = Organization['settings']['conflictPolicy']['rules'][number];
const RULES: { kind: Rule['kind']; label: string }[] = [
  {
    kind: 'qr_beats_manual_absent',
    label: 'A QR scan beats a manual "absent" (the person was seen at the door)',
  },
  {
    kind: 'earliest_arrival_between',
    label: 'Between "present" and "late", keep the earliest arrival',
  },
  {
    kind: 'latest_wins',
    label: 'Otherwise the latest recording wins (no conflict is kept for an admin)',
  },
];

function OrgForm({ org, onSaved }: { org: Organization; onSaved(): Promise<void> }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const kinds = new Set(f.getAll('rules').map(String));
    const rules: Rule[] = RULES.filter((r) => kinds.has(r.kind)).map(
      (r) =>
        (r.kind === 'earliest_arrival_between'
          ? { kind: r.kind, states: ['present', 'late'] }
          : { kind: r.kind }) as Rule,
    );
    const body = {
      name: String(f.get('name')),
      settings: {
        labels: {
          session: String(f.get('session')),
          participant: String(f.get('participant')),
          group: String(f.get('group')),
        },
        lateAfterMinutes: Number(f.get('late')),
        tempUsherGraceHours: Number(f.get('grace')),
        recordDepartures: f.get('departures') === 'on',
        timeZone: String(f.get('timeZone')).trim(),
        conflictPolicy: { rules },
      },
    };
    if (await attempt(() => api.patch('/api/v1/organization', body), setProblem)) {
      setSaved(true);
      setProblem(null);
      await onSaved();
    }
  };
  const s = org.settings;
  return (
    <form
      className="card"
      aria-label="Organization settings"
      onSubmit={(e) => void submit(e)}
      onChange={() => setSaved(false)}
    >
      <h2>Organization</h2>
      <div className="form-grid">
        <label>
          <span className="label">Name</span>
          <input name="name" required defaultValue={org.name} />
        </label>
        <label>
          <span className="label">A session is called</span>
          <input name="session" required defaultValue={s.labels.session} />
        </label>
        <label>
          <span className="label">A participant is called</span>
          <input name="participant" required defaultValue={s.labels.participant} />
        </label>
        <label>
          <span className="label">A group is called</span>
          <input name="group" required defaultValue={s.labels.group} />
        </label>
        <label>
          <span className="label">Late after (minutes)</span>
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
          <span className="label">Temp usher grace (hours)</span>
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
          <span className="label">Time zone</span>
          <input
            name="timeZone"
            list="time-zones"
            required
            maxLength={64}
            aria-describedby="time-zone-hint"
            defaultValue={s.timeZone}
          />
          <span id="time-zone-hint" className="muted">
            Today, report weeks and printed times follow it. This device is in {deviceZone()}.
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
        Record departures: ushers can check people out, reports show time present
      </label>
      <fieldset>
        <legend>
          Conflict rules (applied in this order; what no rule settles goes to the conflict queue)
        </legend>
        {RULES.map((r) => (
          <label key={r.kind} className="check-label">
            <input
              type="checkbox"
              name="rules"
              value={r.kind}
              defaultChecked={s.conflictPolicy.rules.some((x) => x.kind === r.kind)}
            />{' '}
            {r.label}
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
          Save
        </button>
        {saved && <span role="status">Saved. Devices pick it up on their next sync.</span>}
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
  return (
    <tr data-testid={`state-${s.code}`}>
      <td>
        <code>{s.code}</code>
      </td>
      <td>
        <input
          aria-label={`Label of ${s.code}`}
          defaultValue={s.label}
          onBlur={(e) => e.target.value !== s.label && onChange({ label: e.target.value })}
        />
      </td>
      <td>
        <input
          aria-label={`Colour of ${s.code}`}
          type="color"
          defaultValue={s.color}
          onBlur={(e) => e.target.value !== s.color && onChange({ color: e.target.value })}
        />
      </td>
      <td>
        <input
          aria-label={`Order of ${s.code}`}
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
          aria-label={`${s.code} is the default`}
          type="radio"
          name="default"
          checked={s.isDefault}
          onChange={() => onChange({ isDefault: true })}
        />
      </td>
      <td>
        <input
          aria-label={`${s.code} counts as present`}
          type="checkbox"
          checked={s.countsAsPresent}
          onChange={(e) => onChange({ countsAsPresent: e.target.checked })}
        />
      </td>
      <td>
        <input
          aria-label={`${s.code} is active`}
          type="checkbox"
          checked={s.active}
          onChange={(e) => onChange({ active: e.target.checked })}
        />
      </td>
    </tr>
  );
}

export function SettingsScreen() {
  const org = useRemote<Organization>('/api/v1/organization');
  const states = useRemote<{ items: PresenceState[] }>('/api/v1/presence-states');
  const [problem, setProblem] = useState<string | null>(null);
  const changed = async () => {
    await Promise.all([org.reload(), states.reload()]);
    void engine.syncNow();
  };
  const patchState = async (id: string, patch: Partial<PresenceState>) => {
    if (await attempt(() => api.patch(`/api/v1/presence-states/${id}`, patch), setProblem))
      await changed();
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
    if (await attempt(() => api.post('/api/v1/presence-states', body), setProblem)) {
      form.reset();
      await changed();
    }
  };
  const sorted = [...(states.data?.items ?? [])].sort((a, b) => a.sortOrder - b.sortOrder);
  const isAdmin = useSession((s) => s.login?.user.role === 'admin');
  return (
    <main className="screen wide-screen">
      <h1>Settings</h1>
      {(org.error ?? problem) && (
        <p className="error-text" role="alert">
          {org.error ?? problem}
        </p>
      )}
      {org.data && <OrgForm org={org.data} onSaved={changed} />}
      {org.data && <StationCard org={org.data} onSaved={changed} />}
      <section className="card" aria-label="Presence states">
        <h2>Presence states</h2>
        <table className="table">
          <thead>
            <tr>
              <th>Code</th>
              <th>Label</th>
              <th>Colour</th>
              <th>Order</th>
              <th>Default</th>
              <th>Counts as present</th>
              <th>Active</th>
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
        <form className="row" aria-label="Add a presence state" onSubmit={(e) => void addState(e)}>
          <input
            name="code"
            aria-label="New state code"
            placeholder="code, e.g. online"
            pattern="[a-z][a-z0-9_]{0,39}"
            required
            className="grow"
          />
          <input
            name="label"
            aria-label="New state label"
            placeholder="Label"
            required
            className="grow"
          />
          <input name="color" aria-label="New state colour" type="color" defaultValue="#64748b" />
          <label className="check-label">
            <input type="checkbox" name="present" defaultChecked /> counts as present
          </label>
          <button type="submit" className="secondary">
            Add state
          </button>
        </form>
      </section>
      <RetentionCard canWrite={isAdmin} />
    </main>
  );
}
