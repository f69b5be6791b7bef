// The exports speak the organization's language and use its words (issues 13 and 16): the demo
// church's PDFs say "Service", "Member" and "Ministry"; an organization set to Spanish, with its
// own Spanish words, gets Spanish PDFs and CSV header rows, its plural where it gave one. The ids,
// `state_code` and ISO timestamps of the CSV stay as they are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/test-db.ts';
import { auth, createHarness, login, type Device, type Harness } from '../../test/harness.ts';
import { pdfText } from '../../test/pdf-text.ts';

describe.each(dialects)('report words on %s', (dialect) => {
  let h: Harness;
  let church: Device;
  let spanish: Device;
  beforeAll(async () => {
    h = await createHarness(dialect, { participants: 6 });
    church = await login(h.app, 'manager@demo.rollcall.test');
    spanish = await login(h.app, 'admin@other.demo.rollcall.test');
    const res = await h.app.inject({
      method: 'PATCH',
      url: '/api/v1/organization',
      headers: auth(spanish),
      payload: {
        settings: {
          language: 'es',
          labels: {
            session: 'Culto',
            participant: 'Miembro',
            group: 'Ministerio',
            participants: 'Hermanos',
          },
        },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(() => h.close());

  const get = (who: Device, url: string) =>
    h.app.inject({ method: 'GET', url: `/api/v1/reports/${url}`, headers: auth(who) });
  const pdf = async (who: Device, url: string) => {
    const res = await get(who, url);
    expect(res.statusCode, res.body).toBe(200);
    return pdfText(res.rawPayload);
  };
  const csvHeader = async (who: Device, url: string) => {
    const res = await get(who, url);
    expect(res.statusCode, res.body).toBe(200);
    return res.body.split('\r\n')[0];
  };
  const sundayOf = (sessions: { id: string; name: string }[]) =>
    sessions.find((s) => s.name === 'Sunday Service')?.id ?? '';

  it("prints the church's words: Service, Member, Ministry, never Session or Participant", async () => {
    const session = sundayOf(h.demo.sessions);
    const sheet = await pdf(church, `attendance?sessionId=${session}&format=pdf`);
    expect(sheet.pages[0]).toEqual(
      expect.arrayContaining([
        'Attendance sheet',
        'Service: Sunday Service, 2026-11-22 09:00 · Times in UTC',
        '# | Member | Ministry | State | Arrived | Method | Signature',
        'Members listed | 6',
      ]),
    );
    const trends = await pdf(church, 'trends?from=2026-11-16&to=2026-11-22&format=pdf');
    const drifting = await pdf(church, 'drifting?missed=1&of=1&format=pdf');
    expect(trends.pages[0]).toEqual(
      expect.arrayContaining(['Weeks | Services | Attended records | First-time attendees']),
    );
    expect(drifting.pages[0]).toEqual(
      expect.arrayContaining([
        'Every ministry · Missed at least 1 of their last 1 services · Times in UTC',
        '# | Member | Missed | Of last | Last attended',
      ]),
    );
    for (const text of [sheet.text, trends.text, drifting.text]) {
      expect(text).not.toMatch(/\bSessions?\b/);
      expect(text).not.toMatch(/\bParticipants?\b/);
      expect(text).not.toMatch(/\bGroups?\b/);
    }
    expect(await csvHeader(church, `attendance?sessionId=${session}&format=csv`)).toBe(
      'service,service_start,participant_id,member,expected,state,state_code,method,recorded_at,recorded_by,left_at,minutes_present',
    );
    expect(await csvHeader(church, 'trends?from=2026-11-16&to=2026-11-22&format=csv')).toBe(
      'week,week_start,services,present,expected,rate,attendees,first_time,returning',
    );
  });

  it('prints a Spanish organization’s PDFs in Spanish, with its own words and plurals', async () => {
    const session = sundayOf(h.other.sessions);
    const sheet = await pdf(spanish, `attendance?sessionId=${session}&format=pdf`);
    expect(sheet.pages[0]).toEqual(
      expect.arrayContaining([
        'Other Org | Generado 2026-11-22 09:30',
        'Hoja de asistencia',
        'Culto: Sunday Service, 2026-11-22 09:00 · Horas en UTC',
        'Asistieron | Miembros | Tasa | No esperados',
        '0 | 0 de 3 esperados | 0% | 0',
        '# | Miembro | Ministerio | Estado | Llegada | Método | Firma',
        'Totales por estado',
        'Sin registro | 3',
        'Hermanos en la lista | 3', // the plural the organization gave
        'Rollcall · Hoja de asistencia | Página 1',
      ]),
    );
    const trends = await pdf(spanish, 'trends?from=2026-11-16&to=2026-11-22&format=pdf');
    expect(trends.pages[0]).toEqual(
      expect.arrayContaining([
        'Tendencias semanales',
        'Sin filtro de ministerio · Del 2026-11-16 al 2026-11-22 · Horas en UTC',
        'Semanas | Cultos | Registros de asistencia | Asistentes por primera vez', // formed: Culto → Cultos
        'Asistentes | Tasa',
        '16 nov',
        'Recurrentes | Primera vez | Tasa de asistencia',
      ]),
    );
    const ushers = await pdf(spanish, `usher-activity?sessionId=${session}&format=pdf`);
    expect(ushers.pages[0]).toEqual(
      expect.arrayContaining(['Actividad de ujieres', 'Cultos | Registros | Ujieres']),
    );
    for (const text of [sheet.text, trends.text, ushers.text])
      expect(text).not.toMatch(/Attendance|Generated|Page \d|Times in|No record/);
  });

  it('writes a Spanish organization’s CSV header rows in Spanish, ids and codes unchanged', async () => {
    const session = sundayOf(h.other.sessions);
    const res = await get(spanish, `attendance?sessionId=${session}&format=csv`);
    const [header, ...rows] = res.body.trim().split('\r\n');
    expect(header).toBe(
      'culto,inicio_culto,participant_id,miembro,esperado,estado,state_code,método,registrado_en,registrado_por,salida_en,minutos_presente',
    );
    // The state in the export's words, its code beside it, the session's start still ISO.
    expect(rows).toHaveLength(3);
    for (const row of rows)
      expect(row).toMatch(
        /^Sunday Service,2026-11-22T09:00:00\.000Z,[0-9a-f-]{36},.+,yes,Sin registro,missing,/,
      );
    expect(await csvHeader(spanish, `absentees?sessionId=${session}&format=csv`)).toBe(header);
    expect(await csvHeader(spanish, 'drifting?format=csv')).toBe(
      'participant_id,miembro,faltas,de,última_asistencia_en',
    );
    expect(await csvHeader(spanish, 'trends?from=2026-11-16&to=2026-11-22&format=csv')).toBe(
      'semana,inicio_semana,cultos,presentes,esperados,tasa,asistentes,primera_vez,recurrentes',
    );
    expect(await csvHeader(spanish, `usher-activity?sessionId=${session}&format=csv`)).toBe(
      'user_id,ujier,rol,método,registros',
    );
  });
});
