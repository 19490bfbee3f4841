// Team server…: connects the open project to a CouchDB database, shows how the sync is doing
// and what the server refused, and disconnects.
import { useCallback, useEffect, useState } from 'react';
import type { ConflictDetails } from '../sync/team-sync';
import { getBridge } from '../platform/bridge';
import { isLocalHost, type SignInMethod } from '../sync/server-account';
import { Modal } from './Modal';
import type { TeamSyncState } from './useTeamSync';
import { syncStatusText } from './SyncStatusButton';
import { errorMessage } from '../../../src-shared/result';

export function TeamServerDialog(props: { team: TeamSyncState; onClose: () => void }) {
  const { team } = props;
  const connection = team.connection;
  const [url, setUrl] = useState(connection?.url ?? '');
  const [database, setDatabase] = useState(connection?.database ?? '');
  const [user, setUser] = useState(connection?.user ?? '');
  const [password, setPassword] = useState('');
  const [signInMethod, setSignInMethod] = useState<SignInMethod>(connection?.signIn ?? 'password');
  const [insecureConfirmed, setInsecureConfirmed] = useState(false);
  const [remember, setRemember] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const persistent = getBridge().secrets.persistent;
  const insecure = plainHttpToAnotherMachine(url);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const signedOut = connection !== null && team.status === null;
  return (
    <Modal title="Team server" onClose={props.onClose}>
      {connection && (
        <section className="team-server__state" aria-label="Connection">
          <p>
            Connected to <strong>{connection.database}</strong> on {connection.url} as <strong>{connection.user}</strong> (
            {connection.lead ? 'lead: documents, labels, guidelines and gold sync from here' : 'annotator: your work syncs from here'}).
          </p>
          <p role="status">{team.status ? syncStatusText(team.status) : 'Not signed in: enter the password to sync.'}</p>
          {!team.status && team.signedOutReason && <p className="team-server__message">{team.signedOutReason}</p>}
          {team.status?.message && <p className="team-server__message">{team.status.message}</p>}
          {team.status && team.status.conflicts > 0 && <ConflictList team={team} />}
          {team.status && team.status.problems.length > 0 && (
            <details>
              <summary>{team.status.problems.length} not synced</summary>
              <ul className="team-server__problems">
                {team.status.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </details>
          )}
        </section>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            const sameAccount = connection && url === connection.url && database === connection.database && user === connection.user;
            if (signedOut && sameAccount && signInMethod === connection.signIn) await team.signIn(password);
            else await team.connect({ url, database, user, password, signIn: signInMethod }, { insecureConfirmed, remember });
            setPassword('');
          });
        }}
      >
        <label className="field">
          <span>Server address</span>
          <input
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://couch.example.org"
            inputMode="url"
            autoComplete="url"
            required
          />
        </label>
        <label className="field">
          <span>Database</span>
          <input value={database} onChange={(e) => setDatabase(e.target.value)} placeholder="haiti-2026" autoCapitalize="none" required />
        </label>
        <label className="field">
          <span>User name</span>
          <input value={user} onChange={(e) => setUser(e.target.value)} autoComplete="username" autoCapitalize="none" required />
        </label>
        <fieldset className="field team-server__sign-in">
          <legend>Sign in with</legend>
          <label className="checkbox">
            <input type="radio" name="sign-in" checked={signInMethod === 'password'} onChange={() => setSignInMethod('password')} />
            Kept password
          </label>
          <label className="checkbox">
            <input type="radio" name="sign-in" checked={signInMethod === 'session'} onChange={() => setSignInMethod('session')} />
            Server session (cookie)
          </label>
        </fieldset>
        <label className="field">
          <span>Password</span>
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required={signInMethod === 'password'}
          />
        </label>
        {signInMethod === 'session' ? (
          <p className="field__hint">
            The password is sent once to open a session and never kept; when the server ends the session, you are asked again. Leave it
            empty to use a session this browser already has.
          </p>
        ) : persistent ? (
          <label className="checkbox">
            <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
            Remember the password on this computer (encrypted by the system)
          </label>
        ) : (
          <p className="field__hint">The password is kept only until this page closes.</p>
        )}
        {insecure && (
          <label className="checkbox">
            <input type="checkbox" checked={insecureConfirmed} onChange={(e) => setInsecureConfirmed(e.target.checked)} />
            Send the password unencrypted (http://): I trust this network
          </label>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal__actions">
          {connection && team.status && (
            <button type="button" onClick={() => team.syncNow()} disabled={busy}>
              Sync now
            </button>
          )}
          {connection && (
            <button type="button" onClick={() => void run(() => team.disconnect())} disabled={busy}>
              Disconnect
            </button>
          )}
          <span className="modal__spacer" />
          <button type="button" onClick={props.onClose}>
            Close
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Connecting…' : signedOut ? 'Sign in' : connection ? 'Reconnect' : 'Connect'}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/**
 * Documents two people changed at once. CouchDB chose one version everywhere; the others are
 * kept, shown here with who saved them, until a lead picks the one to keep.
 */
function ConflictList(props: { team: TeamSyncState }) {
  const { team } = props;
  const [conflicts, setConflicts] = useState<ConflictDetails[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const count = team.status?.conflicts ?? 0;
  const reload = useCallback(() => {
    team.conflicts().then(setConflicts, (e: unknown) => setError(errorMessage(e)));
  }, [team]);
  useEffect(() => reload(), [reload, count]);
  if (!conflicts || conflicts.length === 0) return null;
  return (
    <section className="team-server__conflicts" aria-label="Conflicts">
      <h3>Changed in two places at once</h3>
      <p className="field__hint">Every machine shows the first version; the others are kept until you choose.</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ul>
        {conflicts.map((conflict) => (
          <li key={conflict.id} className="team-server__conflict">
            <strong>{conflict.what}</strong>
            <ul>
              {conflict.versions.map((version, index) => (
                <li key={version.rev}>
                  {index === 0 ? 'Shown now: ' : 'Other version: '}
                  {version.summary} — saved by {version.savedBy}
                  {version.savedAt ? ` at ${new Date(version.savedAt).toLocaleString()}` : ''}{' '}
                  <button
                    type="button"
                    onClick={() => {
                      team
                        .settle(conflict.id, version.rev)
                        .then(reload, (e: unknown) => setError(errorMessage(e)));
                    }}
                  >
                    {index === 0 ? 'Keep this one' : 'Use this one'}
                  </button>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

function plainHttpToAnotherMachine(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && !isLocalHost(parsed.hostname);
  } catch {
    return false;
  }
}
