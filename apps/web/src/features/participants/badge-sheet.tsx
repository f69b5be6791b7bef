// Printable QR badges for a group: one badge per participant, name large, QR at 3.5 cm so a phone
// camera reads it at arm's length. Printing uses the print stylesheet (nothing else on the page).
import { formatBadgePayload, type Participant } from '@rollcall/shared';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/i18n.ts';

export function BadgeSheet({
  organizationId,
  participants,
  title,
  onClose,
}: {
  organizationId: string;
  participants: Participant[];
  title: string;
  onClose(): void;
}) {
  const t = useT('participants');
  const [codes, setCodes] = useState<Map<string, string> | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all(
      participants.map(
        async (p) =>
          [
            p.id,
            await QRCode.toDataURL(formatBadgePayload(organizationId, p.qrToken), {
              errorCorrectionLevel: 'M',
              margin: 2,
              scale: 8,
            }),
          ] as const,
      ),
    ).then((pairs) => live && setCodes(new Map(pairs)));
    return () => {
      live = false;
    };
  }, [organizationId, participants]);
  return (
    <section className="badge-sheet" aria-label={t('badgesFor', { title })}>
      <div className="row no-print">
        <h2 className="grow">{t('badgesTitle', { title, count: participants.length })}</h2>
        <button type="button" className="primary" disabled={!codes} onClick={() => window.print()}>
          {t('print')}
        </button>
        <button type="button" className="link" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <div className="badges">
        {participants.map((p) => (
          <article key={p.id} className="badge-card">
            {codes?.get(p.id) && (
              <img
                src={codes.get(p.id)}
                alt={t('qrOf', { name: `${p.firstName} ${p.lastName}` })}
              />
            )}
            <strong translate="no">
              {p.preferredName ?? p.firstName} {p.lastName}
            </strong>
            <span>{p.personalCode}</span>
          </article>
        ))}
      </div>
    </section>
  );
}
