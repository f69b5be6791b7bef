// Import from CSV: read the file (with progress), map its columns, check every row on the server
// (nothing written), then import. Re-importing the same file changes nothing, which is also how an
// import sent in parts is finished if it stopped half way.
import { useState } from 'react';
import { api } from '../../app-context.ts';
import { decodeCsv, NotCsvError, parseCsv } from '../../lib/csv-parse.ts';
import { attempt, downloadFile } from '../../lib/use-remote.ts';
import { guessColumns, sample, unmetNeeds, type ColumnMap } from './columns.ts';
import { addOutcome, summary, type ImportKind, type Outcome } from './import-kinds.ts';

/** The file's text, or why it is not one (a photo chosen by mistake, an .xlsx). */
async function readText(file: File): Promise<{ text: string } | { problem: string }> {
  try {
    return { text: decodeCsv(new Uint8Array(await file.arrayBuffer())) };
  } catch (e) {
    if (e instanceof NotCsvError) return { problem: e.message };
    throw e;
  }
}

export function ImportPanel({ kind, onDone }: { kind: ImportKind; onDone(): Promise<void> }) {
  const [progress, setProgress] = useState<{ label: string; value: number } | null>(null);
  const [table, setTable] = useState<string[][] | null>(null);
  const [map, setMap] = useState<ColumnMap | null>(null);
  const [checked, setChecked] = useState<Outcome | null>(null);
  const [done, setDone] = useState<Outcome | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const read = async (file: File) => {
    setChecked(null);
    setDone(null);
    setProblem(null);
    setTable(null);
    setMap(null);
    setProgress({ label: 'Reading the file', value: 0 });
    const content = await readText(file);
    if ('problem' in content) {
      setProgress(null);
      return setProblem(content.problem);
    }
    const rows = await parseCsv(content.text, (f) =>
      setProgress({ label: 'Reading the file', value: f }),
    );
    setProgress(null);
    const [header] = rows;
    if (!header || rows.length < 2) return setProblem('The file has no rows under its header.');
    setTable(rows);
    setMap(guessColumns(kind.fields, header));
  };
  const records = (rows: string[][], columns: ColumnMap) =>
    rows.slice(1).map((r) =>
      Object.fromEntries(
        kind.fields
          .map((f) => [f.key, columns[f.key] ?? -1] as const)
          .filter(([, at]) => at >= 0)
          .map(([key, at]) => [key, r[at] ?? '']),
      ),
    );
  const post = (rows: object[], dryRun: boolean) =>
    api.post<Outcome>(kind.endpoint, { ...kind.body(), rows, dryRun });

  const check = async (rows: object[]) => {
    setDone(null);
    setProgress({ label: 'Checking every row', value: 0.5 });
    const ok = await attempt(async () => setChecked(await post(rows, true)), setProblem);
    setProgress(ok ? { label: 'Checked', value: 1 } : null);
  };
  const run = async (rows: object[]) => {
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
        <ColumnMatch
          kind={kind}
          table={table}
          map={map}
          onChange={(next) => {
            setMap(next);
            setChecked(null);
          }}
          canImport={Boolean(checked && checked.problems.length === 0)}
          onCheck={() => void check(records(table, map))}
          onImport={() => void run(records(table, map))}
        />
      )}
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      {checked && <CheckResult o={checked} kind={kind} />}
      {done && (
        <p role="status">
          Imported{progress?.value === 1 ? '' : ' so far'}: {summary(done)}.
        </p>
      )}
      {done?.kept?.length ? <RowList label="Kept as recorded" rows={done.kept} /> : null}
    </section>
  );
}

/** Which column of the file is which field: a sample of what each holds, the needed ones first. */
function ColumnMatch(props: {
  kind: ImportKind;
  table: string[][];
  map: ColumnMap;
  onChange(map: ColumnMap): void;
  canImport: boolean;
  onCheck(): void;
  onImport(): void;
}) {
  const { kind, table, map } = props;
  const header = table[0] ?? [];
  const rows = table.length - 1;
  const unmet = unmetNeeds(kind.needs, kind.fields, map);
  return (
    <>
      <p>{rows} rows. Match the file's columns:</p>
      <div className="form-grid">
        {kind.fields.map((f) => {
          const at = map[f.key] ?? -1;
          const seen = at >= 0 ? sample(table.slice(1), at) : [];
          return (
            <label key={f.key}>
              <span className="label">{f.label}</span>
              <select
                value={at}
                onChange={(e) => props.onChange({ ...map, [f.key]: Number(e.target.value) })}
              >
                <option value={-1}>— not in the file —</option>
                {header.map((h, i) => (
                  <option key={i} value={i}>
                    {h}
                  </option>
                ))}
              </select>
              {at >= 0 && (
                <span className="muted" data-testid={`sample-${f.key}`}>
                  {seen.length ? `e.g. ${seen.join(', ')}` : 'empty in every row'}
                </span>
              )}
            </label>
          );
        })}
      </div>
      {unmet.length > 0 && (
        <p className="muted" id={`${kind.endpoint}-unmet`}>
          Before checking, match a column to: {unmet.join('; ')}.
        </p>
      )}
      <div className="row">
        <button
          type="button"
          className="secondary"
          disabled={unmet.length > 0}
          aria-describedby={unmet.length > 0 ? `${kind.endpoint}-unmet` : undefined}
          onClick={props.onCheck}
        >
          Check the rows
        </button>
        <button
          type="button"
          className="primary"
          disabled={!props.canImport}
          onClick={props.onImport}
        >
          Import {rows} rows
        </button>
      </div>
    </>
  );
}

function CheckResult({ o, kind }: { o: Outcome; kind: ImportKind }) {
  const label = (key: string) => kind.fields.find((f) => f.key === key)?.label ?? key;
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
                <td>{label(p.field)}</td>
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
