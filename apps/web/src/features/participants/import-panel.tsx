// Import participants from CSV: read the file (with progress), map its columns, check every row on
// the server (nothing written), then import all rows or none. Re-importing the same file changes
// nothing: rows match by external key, then by personal code.
import { useState } from 'react';
import { api } from '../../app-context.ts';
import { parseCsv } from '../../lib/csv-parse.ts';
import { attempt, downloadFile } from '../../lib/use-remote.ts';

const FIELDS = ['first_name', 'last_name', 'preferred_name', 'personal_code', 'external_key', 'guardian_name', 'guardian_phone', 'groups'] as const;
type Field = (typeof FIELDS)[number];
interface Outcome { dryRun: boolean; total: number; created: number; updated: number; unchanged: number; problems: { row: number; field: string; message: string }[] }

const norm = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
const guess = (header: string[]) => Object.fromEntries(FIELDS.map((f) => [f, header.findIndex((h) => norm(h) === norm(f))])) as Record<Field, number>;

export function ImportPanel({ onDone }: { onDone(): Promise<void> }) {
  const [progress, setProgress] = useState<{ label: string; value: number } | null>(null);
  const [table, setTable] = useState<string[][] | null>(null);
  const [map, setMap] = useState<Record<Field, number> | null>(null);
  const [checked, setChecked] = useState<Outcome | null>(null);
  const [done, setDone] = useState<Outcome | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const read = async (file: File) => {
    setChecked(null); setDone(null); setProblem(null);
    setProgress({ label: 'Reading the file', value: 0 });
    const rows = await parseCsv(await file.text(), (f) => setProgress({ label: 'Reading the file', value: f }));
    setProgress(null);
    if (rows.length < 2) return setProblem('The file has no rows under its header.');
    setTable(rows);
    setMap(guess(rows[0]!));
  };
  const records = () => table!.slice(1).map((r) => Object.fromEntries(FIELDS.filter((f) => map![f] >= 0).map((f) => [f, r[map![f]] ?? ''])));
  const send = async (dryRun: boolean) => {
    setProgress({ label: dryRun ? 'Checking every row' : 'Importing', value: 0.5 });
    const ok = await attempt(async () => {
      const res = await api.post<Outcome>('/api/v1/imports/participants', { rows: records(), dryRun });
      if (dryRun) setChecked(res);
      else { setDone(res); await onDone(); }
    }, setProblem);
    setProgress(ok ? { label: 'Done', value: 1 } : null);
  };

  return (
    <section className="card" aria-label="Import participants">
      <div className="row">
        <h2 className="grow">Import from CSV</h2>
        <button type="button" className="link" onClick={() => void downloadFile('/api/v1/imports/participants/template.csv', 'participants-template.csv')}>Download the template</button>
      </div>
      <label><span className="label">CSV file</span><input type="file" accept=".csv,text/csv" onChange={(e) => { const f = e.target.files?.[0]; if (f) void read(f); }} /></label>
      {progress && <label><span className="label">{progress.label}</span><progress max={1} value={progress.value} aria-label={progress.label} /></label>}
      {table && map && (
        <>
          <p>{table.length - 1} rows. Match the file's columns:</p>
          <div className="form-grid">
            {FIELDS.map((f) => (
              <label key={f}><span className="label">{f.replace('_', ' ')}</span>
                <select value={map[f]} onChange={(e) => { setMap({ ...map, [f]: Number(e.target.value) }); setChecked(null); }}>
                  <option value={-1}>— not in the file —</option>
                  {table[0]!.map((h, i) => <option key={i} value={i}>{h}</option>)}
                </select></label>
            ))}
          </div>
          <div className="row">
            <button type="button" className="secondary" onClick={() => void send(true)}>Check the rows</button>
            <button type="button" className="primary" disabled={!checked || checked.problems.length > 0} onClick={() => void send(false)}>Import {table.length - 1} rows</button>
          </div>
        </>
      )}
      {problem && <p className="error-text" role="alert">{problem}</p>}
      {checked && (
        <div role="region" aria-label="Check result">
          <p>{checked.created} new, {checked.updated} to update, {checked.unchanged} unchanged{checked.problems.length ? `; ${checked.problems.length} problem(s) — fix the file, nothing is imported until every row is right` : ' — ready to import'}.</p>
          {checked.problems.length > 0 && (
            <table className="table">
              <thead><tr><th>Row</th><th>Field</th><th>Problem</th></tr></thead>
              <tbody>{checked.problems.map((p) => <tr key={`${p.row}-${p.field}`}><td>{p.row}</td><td>{p.field}</td><td>{p.message}</td></tr>)}</tbody>
            </table>
          )}
        </div>
      )}
      {done && <p role="status">Imported: {done.created} new, {done.updated} updated, {done.unchanged} unchanged.</p>}
    </section>
  );
}
