// A CouchDB server's HTTP answers in words a user can act on: shared by the app's Team server
// dialog and sync, and by `spanwright pull` and `push`.

/** A server's HTTP answer in words a user can act on. */
export function explainStatus(status: number, address: { database: string; user: string }, reason = ''): string {
  const said = reason ? ` (the server said: ${reason})` : '';
  switch (status) {
    case 401:
      return `The server did not accept the user name “${address.user}” and this password${said}.`;
    case 403:
      return `“${address.user}” may not do this on database “${address.database}”: a lead must add you as a member, or this needs a lead${said}.`;
    case 404:
      return `There is no database “${address.database}” on this server; a lead (server admin) connecting creates it${said}.`;
    default:
      return `The server answered ${status}${said}.`;
  }
}
