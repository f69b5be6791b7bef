// Import from CSV: read the file (with progress), map its columns, check every row on the server
// (nothing written), then import. Re-importing the same file changes nothing, which is also how an
// import sent in parts is finished if it stopped half way.
import { useState } from 'react';
import { client } from '../../app-context.ts';
import { decodeCsv, NotCsvError, parseCsv } from '../../lib/csv-parse.ts';
import { formatLocale, useT, type T } from '../../i18n/i18n.ts';
import { attempt, downloadFile } from '../../lib/use-remote.ts';
import {
  guessColumns,
  sample,
  unmetNeeds,
  type ColumnMap,
  type Field,
  type NeedWords,
} from './columns.ts';
import type { Messages } from '../../i18n/messages.ts';
import { en } from './messages.ts';
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

/** A column's name on screen: the catalog's when it has one, else the English one. */
function fieldLabel(t: T<'imports'>, f: Field): string {
  const key = `field.${f.key}`;
  return key in (en as Messages) ? t(key as `field.first_name`) : f.label;
}

function needWords(t: T<'imports'>): NeedWords {
  return {
    label: (f) => fieldLabel(t, f),
    and: (a, b) => t('needAnd', { a, b }),
    or: (a, b) => t('needOr', { a, b }),
  };
}

/** One CSV row as the server takes it: a value per field name. */
type Row = Record<string, string>;

const count = (n: number) => n.toLocaleString(formatLocale());

export function ImportPanel({ kind, onDone }: { kind: ImportKind; onDone(): Promise<void> }) {
  const t = useT('imports');
  const label = t(`${kind.id}.label`);
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
    setProgress({ label: t('reading'), value: 0 });
    const content = await readText(file);
    if ('problem' in content) {
      setProgress(null);
      return setProblem(content.problem);
    }
    const rows = await parseCsv(content.text, (f) =>
      setProgress({ label: t('reading'), value: f }),
    );
    setProgress(null);
    const [header] = rows;
    if (!header || rows.length < 2) return setProblem(t('noRows'));
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
  const post = (rows: Row[], dryRun: boolean) => client.imports[kind.id]({ rows, dryRun });

  const check = async (rows: Row[]) => {
    setDone(null);
    setProgress({ label: t('checking'), value: 0.5 });
    const ok = await attempt(async () => setChecked(await post(rows, true)), setProblem);
    setProgress(ok ? { label: t('checked'), value: 1 } : null);
  };
  const run = async (rows: Row[]) => {
    const size = kind.chunk ?? rows.length;
    let sum: Outcome | null = null;
    for (let at = 0; at < rows.length; at += size) {
      setProgress({ label: t('importing'), value: at / rows.length });
      const ok = await attempt(
        async () => {
          sum = addOutcome(sum, await post(rows.slice(at, at + size), false), at);
        },
        (m) => {
          setProblem(
            at === 0 || !kind.chunk
              ? m
              : t('stopped', { at: count(at), total: count(rows.length), problem: m }),
          );
        },
      );
      if (!ok) return setProgress(null);
      setDone(sum);
    }
    setProgress({ label: t('done'), value: 1 });
    await onDone();
  };

  return (
    <section className="card" aria-label={label}>
      <div className="row">
        <h2 className="grow">{t(`${kind.id}.title`)}</h2>
        <button
          type="button"
          className="link"
          onClick={() =>
            void downloadFile(client.imports[`${kind.id}Template`](), kind.templateFile)
          }
        >
          {t('downloadTemplate')}
        </button>
      </div>
      {kind.help && <p className="muted">{t(`${kind.id}.help` as 'participants.help')}</p>}
      <label>
        <span className="label">{t('csvFile')}</span>
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
          {t(progress?.value === 1 ? 'imported' : 'importedSoFar')} {summary(done, t)}.
        </p>
      )}
      {done?.kept?.length ? <RowList label={t('keptAsRecorded')} rows={done.kept} /> : null}
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
  const t = useT('imports');
  const header = table[0] ?? [];
  const rows = table.length - 1;
  const unmet = unmetNeeds(kind.needs, kind.fields, map, needWords(t));
  return (
    <>
      <p>{t('rowCount', { count: rows })}</p>
      <div className="form-grid">
        {kind.fields.map((f) => {
          const at = map[f.key] ?? -1;
          const seen = at >= 0 ? sample(table.slice(1), at) : [];
          return (
            <label key={f.key}>
              <span className="label">{fieldLabel(t, f)}</span>
              <select
                value={at}
                onChange={(e) => props.onChange({ ...map, [f.key]: Number(e.target.value) })}
              >
                <option value={-1}>{t('notInFile')}</option>
                {header.map((h, i) => (
                  <option key={i} value={i} translate="no">
                    {h}
                  </option>
                ))}
              </select>
              {at >= 0 && (
                <span className="muted" data-testid={`sample-${f.key}`}>
                  {seen.length ? (
                    <>
                      {t('eg')} <span translate="no">{seen.join(', ')}</span>
                    </>
                  ) : (
                    t('emptyEverywhere')
                  )}
                </span>
              )}
            </label>
          );
        })}
      </div>
      {unmet.length > 0 && (
        <p className="muted" id={`${kind.id}-unmet`}>
          {t('beforeChecking')} {unmet.join('; ')}.
        </p>
      )}
      <div className="row">
        <button
          type="button"
          className="secondary"
          disabled={unmet.length > 0}
          aria-describedby={unmet.length > 0 ? `${kind.id}-unmet` : undefined}
          onClick={props.onCheck}
        >
          {t('checkRows')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!props.canImport}
          onClick={props.onImport}
        >
          {t('importRows', { count: rows })}
        </button>
      </div>
    </>
  );
}

function CheckResult({ o, kind }: { o: Outcome; kind: ImportKind }) {
  const t = useT('imports');
  const label = (key: string) => {
    const f = kind.fields.find((x) => x.key === key);
    return f ? fieldLabel(t, f) : key;
  };
  const said = summary(o, t);
  return (
    <div role="region" aria-label={t('checkResult')}>
      <p>
        {o.problems.length
          ? `${said}${t('problems', { count: o.problems.length })}`
          : `${said}${t('ready')}`}
      </p>
      {o.problems.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('col.row')}</th>
              <th>{t('col.field')}</th>
              <th>{t('col.problem')}</th>
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
      {o.kept?.length ? <RowList label={t('willBeKept')} rows={o.kept} /> : null}
    </div>
  );
}

function RowList({ label, rows }: { label: string; rows: { row: number; message: string }[] }) {
  const t = useT('imports');
  return (
    <details>
      <summary>
        {label}: {t('rows', { count: rows.length })}
      </summary>
      <ul>
        {rows.slice(0, 200).map((r) => (
          <li key={r.row}>{t('rowItem', { row: r.row, message: r.message })}</li>
        ))}
      </ul>
    </details>
  );
}
