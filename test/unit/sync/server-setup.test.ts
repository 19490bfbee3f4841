// Who is a lead of a database: the same rule the app (connecting) and `spanwright push` apply.
import { describe, expect, it } from 'vitest';
import { isDatabaseAdmin } from '../../../src-shared/sync/server-setup';

describe('isDatabaseAdmin', () => {
  const security = { admins: { names: ['rita'], roles: ['leads'] }, members: { names: ['ana'], roles: [] } };
  it('a server admin, a database admin by name or by role is a lead; a member or nobody is not', () => {
    expect(isDatabaseAdmin({ name: 'root', roles: ['_admin'] }, null)).toBe(true);
    expect(isDatabaseAdmin({ name: 'rita', roles: [] }, security)).toBe(true);
    expect(isDatabaseAdmin({ name: 'max', roles: ['leads'] }, security)).toBe(true);
    expect(isDatabaseAdmin({ name: 'ana', roles: [] }, security)).toBe(false);
    expect(isDatabaseAdmin({ name: null, roles: [] }, security)).toBe(false);
    expect(isDatabaseAdmin({ name: 'rita', roles: [] }, null)).toBe(false);
  });
});
