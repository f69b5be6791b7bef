// Compiled validators that name the field and the problem, for per-change validation on the
// server and for checking what the device is about to queue.
import { FormatRegistry, type TSchema, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
if (!FormatRegistry.Has('date-time')) {
  FormatRegistry.Set('date-time', (v) => ISO_DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)));
}
if (!FormatRegistry.Has('email')) {
  FormatRegistry.Set('email', (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v));
}

export interface FieldProblem {
  path: string;
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/** A union keyed by `kind` (the change schemas): each branch, by the literal kind it requires. */
function branchesByKind(schema: TSchema): Map<unknown, TSchema> | null {
  const anyOf = (schema as { anyOf?: TSchema[] }).anyOf;
  if (!anyOf) return null;
  const kinds = anyOf.map((b) => (b as { properties?: { kind?: { const?: unknown } } }).properties);
  if (kinds.some((p) => p?.kind?.const === undefined)) return null;
  return new Map(anyOf.map((b, i) => [kinds[i]?.kind?.const, b]));
}

export function compileValidator<T extends TSchema>(schema: T) {
  const compiled = TypeCompiler.Compile(schema);
  // A value whose kind names a branch is explained by that branch alone ("/recordedAt: …"),
  // not by the union's "/: expected one of" that says nothing about what was wrong.
  const branches = new Map(
    [...(branchesByKind(schema) ?? [])].map(([k, b]) => [k, TypeCompiler.Compile(b)]),
  );
  return (value: unknown): Checked<Static<T>> => {
    if (compiled.Check(value)) return { ok: true, value };
    const problems: FieldProblem[] = [];
    const kind = (value as { kind?: unknown } | null)?.kind;
    const explain = branches.get(kind) ?? compiled;
    for (const e of explain.Errors(value)) {
      // The first error per path is the most specific one; unions repeat themselves.
      if (problems.some((p) => p.path === e.path)) continue;
      problems.push({ path: e.path || '/', message: e.message });
      if (problems.length >= 12) break;
    }
    return { ok: false, problems };
  };
}

export const describeProblems = (problems: FieldProblem[]) =>
  problems.map((p) => `${p.path}: ${p.message}`).join('; ');
