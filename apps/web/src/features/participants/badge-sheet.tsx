// Printable QR badges for a group: one badge per participant, name large, QR at 3.5 cm so a phone
// camera reads it at arm's length. Printing uses the print stylesheet (nothing else on the page).
import { formatBadgePayload, type Participant } from '@rollcall/shared';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

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
    <section className="badge-sheet" aria-label={`Badges for ${title}`}>
      <div className="row no-print">
        <h2 className="grow">
          Badges · {title} ({participants.length})
        </h2>
        <button type="button" className="primary" disabled={!codes} onClick={() => window.print()}>
          Print
        </button>
        <button type="button" className="link" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="badges">
        {participants.map((p) => (
          <article key={p.id} className="badge-card">
            {codes?.get(p.id) && (
              <img src={codes.get(p.id)} alt={`QR badge of ${p.firstName} ${p.lastName}`} />
            )}
            <strong>
              {p.preferredName ?? p.firstName} {p.lastName}
            </strong>
            <span>{p.personalCode}</span>
          </article>
        ))}
      </div>
    </section>
  );
}
