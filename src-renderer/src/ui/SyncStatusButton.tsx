// The status bar's team server entry: how the sync is doing, and the way into Team server….
import type { SyncStatus } from '../sync/team-sync';
import type { TeamSyncState } from './useTeamSync';

export function syncStatusText(status: SyncStatus): string {
  const waiting = status.waiting > 0 ? ` · ${status.waiting} waiting` : '';
  switch (status.state) {
    case 'starting':
      return 'Connecting…';
    case 'syncing':
      return `Syncing…${waiting}`;
    case 'synced':
      return 'Synced';
    case 'offline':
      return `Offline${waiting}`;
    case 'error':
      return `Sync error${waiting}`;
  }
}

export function SyncStatusButton(props: { team: TeamSyncState; onOpen: () => void }) {
  const { connection, status } = props.team;
  const text = !connection ? 'Team server…' : status ? syncStatusText(status) : 'Not signed in';
  const notes = [
    status && status.conflicts > 0 ? `${status.conflicts} to settle` : '',
    status && status.problems.length > 0 ? `${status.problems.length} not synced` : '',
  ].filter(Boolean);
  const problems = notes.length > 0 ? ` (${notes.join(', ')})` : '';
  return (
    <button
      type="button"
      className={`link-button sync-state sync-state--${connection ? (status?.state ?? 'signed-out') : 'none'}`}
      onClick={props.onOpen}
      title={status?.message ?? (connection ? `${connection.database} on ${connection.url}` : 'Sync this project through a CouchDB server')}
      aria-label={`Team server: ${connection ? text : 'Not connected'}${problems}`}
    >
      {text}
      {problems}
    </button>
  );
}
