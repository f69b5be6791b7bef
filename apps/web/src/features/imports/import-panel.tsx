// Import from CSV: read the file (with progress), map its columns, check every row on the server
// (nothing written), then import. Re-importing the same file changes nothing, which is also how an
// import sent in parts is finished if it stopped half way.
import { useState } from 'react';
import { api } from '../../app-context.ts';
import { parseCsv } from '../../lib/csv-parse.ts';
import { attempt, downloadFile } from '../../lib/use-remote.ts';
import { addOutcome, summary, type ImportKind, type Outcome } from './import-kinds.ts';

const norm = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
const guess = (fields: readonly string[], header: string[]) =>
  Object.fromEntries(fields.map((f) => [f, header.findIndex((h) => norm(h) === norm(f))]));

export function ImportPanel({ kind, onDone }: { kind: ImportKind; onDone(): Promise<void> }) {
  const [progress, setProgress] = useState<{ label: string; value: number } | null>(null);
  const [table, setTable] = useState<string[][] | null>(null);
  const [map, setMap] = useState<Record<string, number> | null>(null);
  const [checked, setChecked] = useState<Outcome | null>(null);
  const [done, setDone] = useState<Outcome | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const read = async (file: File) => {
    setChecked(null);
    setDone(null);
    setProblem(null);
    setProgress({ label: 'Reading the file', value: 0 });
    const rows = await parseCsv(await file.text(), (f) =>
      setProgress({ label: 'Reading the file', value: f }),
    );
    setProgress(null);
    if (rows.length < 2) return setProblem('The file has no rows under its header.');
    setTable(rows);
    setMap(guess(kind.fields, rows[0]!));
  };
  const records = () =>
    table!
      .slice(1)
      .map((r) =>
        Object.fromEntries(
          kind.fields.filter((f) => map![f]! >= 0).map((f) => [f, r[map![f]!] ?? '']),
        ),
      );
  const post = (rows: object[], dryRun: boolean) =>
    api.post<Outcome>(kind.endpoint, { ...kind.body(), rows, dryRun });

  const check = async () => {
    setDone(null);
    setProgress({ label: 'Checking every row', value: 0.5 });
    const ok = await attempt(async () => setChecked(await post(records(), true)), setProblem);
    setProgress(ok ? { label: 'Checked', value: 1 } : null);
  };
  const run = async () => {
    const rows = records();
    const size = kind.chunk ?? rows.length;
    let sum: Outcome | null = null;
    for (let at = 0; at < rows.length; at += size) {
      setProgress({ label: 'Importing', value: at / rows.length });
      const ok = await attempt(
        async () => {
          sum = addOutcome(sum, await post(rows.slice(at, at + size), false), at);
        },
        (m) => {
          setProblem(
            at === 0 || !kind.chunk
              ? m
              : `Stopped after ${at} of ${rows.length} rows: ${m} The rows before are imported; import the same file again to finish (rows already in stay unchanged).`,
          );
        },
      );
      if (!ok) return setProgress(null);
      setDone(sum);
    }
    setProgress({ label: 'Done', value: 1 });
    await onDone();
  };

  return (
    <section className="card" aria-label={kind.label}>
      <div className="row">
        <h2 className="grow">{kind.label} from CSV</h2>
        <button
          type="button"
          className="link"
          onClick={() => void downloadFile(kind.template.path, kind.template.file)}
        >
          Download the template
        </button>
      </div>
      {kind.help && <p className="muted">{kind.help}</p>}
      <label>
        <span className="label">CSV file</span>
        <input
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void read(f);
          }}
        />
      </label>
      {progress && (
        <label>
          <span className="label">{progress.label}</span>
          <progress max={1} value={progress.value} aria-label={progress.label} />
        </label>
      )}
      {table && map && (
        <>
          <p>{table.length - 1} rows. Match the file's columns:</p>
          <div className="form-grid">
            {kind.fields.map((f) => (
              <label key={f}>
                <span className="label">{f.replace('_', ' ')}</span>
                <select
                  value={map[f]}
                  onChange={(e) => {
                    setMap({ ...map, [f]: Number(e.target.value) });
                    setChecked(null);
                  }}
                >
                  <option value={-1}>— not in the file —</option>
                  {table[0]!.map((h, i) => (
                    <option key={i} value={i}>
                      {h}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <div className="row">
            <button type="button" className="secondary" onClick={() => void check()}>
              Check the rows
            </button>
            <button
              type="button"
              className="primary"
              disabled={!checked || checked.problems.length > 0}
              onClick={() => void run()}
            >
              Import {table.length - 1} rows
            </button>
          </div>
        </>
      )}
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      {checked && <CheckResult o={checked} />}
      {done && (
        <p role="status">
          Imported{progress?.value === 1 ? '' : ' so far'}: {summary(done)}.
        </p>
      )}
      {done?.kept?.length ? <RowList label="Kept as recorded" rows={done.kept} /> : null}
    </section>
  );
}

function CheckResult({ o }: { o: Outcome }) {
  return (
    <div role="region" aria-label="Check result">
      <p>
        {summary(o)}
        {o.problems.length
          ? `; ${o.problems.length} problem(s) — fix the file, nothing is imported until every row is right`
          : ' — ready to import'}
        .
      </p>
      {o.problems.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>Row</th>
              <th>Field</th>
              <th>Problem</th>
            </tr>
          </thead>
          <tbody>
            {o.problems.map((p) => (
              <tr key={`${p.row}-${p.field}`}>
                <td>{p.row}</td>
                <td>{p.field}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {o.kept?.length ? <RowList label="Will be kept as recorded" rows={o.kept} /> : null}
    </div>
  );
}

function RowList({ label, rows }: { label: string; rows: { row: number; message: string }[] }) {
  return (
    <details>
      <summary>
        {label}: {rows.length} row(s)
      </summary>
      <ul>
        {rows.slice(0, 200).map((r) => (
          <li key={r.row}>
            Row {r.row}: {r.message}
          </li>
        ))}
      </ul>
    </details>
  );
}
