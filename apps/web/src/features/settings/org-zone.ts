// The organization's time zone on this device: where its days and weeks are reckoned ("today" at
// the door, report weeks) and the one zone every screen shows times in. A device that has not yet
// pulled a zone (a login from before zones were a setting) uses its own.
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../app-context.ts';
import { deviceZone, setDisplayZone } from '../../lib/zone-format.ts';
import { useSession } from '../auth/session-store.ts';

/** The organization's zone, as pulled to this device (settings changes arrive with a pull). */
export function useOrgZone(): string {
  const login = useSession((s) => s.login);
  const org = useLiveQuery(
    () => (login ? db.organizations.get(login.organization.id) : undefined),
    [login],
  );
  return (
    org?.settings.timeZone ??
    (login?.organization.settings as { timeZone?: string } | undefined)?.timeZone ??
    deviceZone()
  );
}

/** For the app shell: keeps the formatting in lib/zone-format.ts on the organization's zone. */
export function useDisplayZone(): string {
  const zone = useOrgZone();
  setDisplayZone(zone);
  return zone;
}
