import { uuidv7 } from 'uuidv7';
import type { Actor, Principal } from '../../platform/access/actor.ts';
import { authorizeGlobally } from '../../platform/access/guard.ts';
import { canGlobally } from '../../platform/access/policy.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../../platform/auth/password.ts';
import { endAllSessions } from '../../platform/auth/sessions.ts';
import { conflictOnDuplicate } from '../../platform/db/unique.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Conflict, Invalid, NotFound } from '../../platform/errors.ts';
import { toOrganization, toUser } from './presenter.ts';
import type { CreateOrganizationBody, CreateUserBody, Organization, UpdateUserBody, User } from './schema.ts';
import * as store from './store.ts';
import type { OrganizationKind, OrgRole } from './tables.ts';

export type OrganizationService = ReturnType<typeof createOrganizationService>;

/** Organizations and their users: installation-wide records, in the 'global' audit chain. */
export function createOrganizationService({ db, now }: Pick<PlatformDeps, 'db' | 'now'>) {
  /** Provider admins see every organization; everyone else only their own. */
  function visibleOrganizationId(actor: Actor): string | null {
    return canGlobally(actor, 'organization.manage') ? null : actor.organizationId;
  }

  async function listOrganizations(actor: Actor): Promise<Organization[]> {
    return (await store.listOrganizations(db, visibleOrganizationId(actor) ?? undefined)).map(toOrganization);
  }

  async function createOrganization(
    principal: Principal,
    body: CreateOrganizationBody & { kind?: OrganizationKind },
  ): Promise<Organization> {
    authorizeGlobally(principal, 'organization.manage');
    const row = {
      id: uuidv7(),
      slug: body.slug,
      name: body.name,
      kind: body.kind ?? 'client',
      created_at: now().toISOString(),
    };
    await db.transaction().execute(async (trx) => {
      await store
        .insertOrganization(trx, row)
        .catch(conflictOnDuplicate(`An organization with slug "${body.slug}" exists.`));
      await recordAudit(
        trx,
        principal,
        {
          engagementId: null,
          action: 'organization.created',
          targetType: 'organization',
          targetId: row.id,
          after: row,
        },
        now(),
      );
    });
    return toOrganization(row);
  }

  async function listUsers(actor: Actor): Promise<User[]> {
    authorizeGlobally(actor, 'user.read');
    return (await store.listUsers(db, visibleOrganizationId(actor))).map(toUser);
  }

  async function createUser(
    principal: Principal,
    body: CreateUserBody & { organizationSlug?: string },
  ): Promise<User> {
    authorizeGlobally(principal, 'user.manage');
    if (body.password.length < MIN_PASSWORD_LENGTH) {
      throw new Invalid(`The password needs at least ${MIN_PASSWORD_LENGTH} characters.`, [
        { path: '/password', message: 'is too short' },
      ]);
    }
    const organization = await organizationFor(principal, body);
    const email = body.email.trim().toLowerCase();
    const stamp = now().toISOString();
    const row = {
      id: uuidv7(),
      organization_id: organization.id,
      email,
      name: body.name.trim(),
      password_hash: await hashPassword(body.password),
      org_role: (body.orgRole ?? 'member') as OrgRole,
      disabled_at: null,
      created_at: stamp,
      updated_at: stamp,
    };
    await db.transaction().execute(async (trx) => {
      await store.insertUser(trx, row).catch(conflictOnDuplicate(`A user with e-mail ${email} exists.`));
      await recordAudit(
        trx,
        principal,
        { engagementId: null, action: 'user.created', targetType: 'user', targetId: row.id, after: row },
        now(),
      );
    });
    return toUser({ ...row, org_slug: organization.slug, org_name: organization.name });
  }

  async function organizationFor(
    principal: Principal,
    body: { organizationId?: string; organizationSlug?: string },
  ) {
    const wanted = body.organizationSlug
      ? { slug: body.organizationSlug }
      : { id: body.organizationId ?? (principal.kind === 'user' ? principal.organizationId : '') };
    const organization = await store.findOrganization(db, wanted);
    const reachable =
      principal.kind === 'system' ||
      visibleOrganizationId(principal) === null ||
      organization?.id === principal.organizationId;
    if (!organization || !reachable) {
      throw new Invalid('No such organization.', [
        { path: '/organizationId', message: 'is not an organization you manage' },
      ]);
    }
    return organization;
  }

  async function updateUser(actor: Actor, userId: string, body: UpdateUserBody): Promise<User> {
    authorizeGlobally(actor, 'user.manage');
    const before = await store.findUser(db, { id: userId });
    const scope = visibleOrganizationId(actor);
    if (!before || (scope !== null && before.organization_id !== scope)) throw new NotFound();
    if (body.disabled === true && userId === actor.userId) throw new Conflict('You cannot disable yourself.');
    if (body.orgRole === 'member' && userId === actor.userId) {
      throw new Conflict('Another admin must change your own role, so an organization keeps an admin.');
    }
    const changes = {
      ...(body.name !== undefined ? { name: body.name.trim() } : {}),
      ...(body.orgRole !== undefined ? { org_role: body.orgRole } : {}),
      ...(body.disabled !== undefined
        ? { disabled_at: body.disabled ? (before.disabled_at ?? now().toISOString()) : null }
        : {}),
      updated_at: now().toISOString(),
    };
    await db.transaction().execute(async (trx) => {
      await store.updateUser(trx, userId, changes);
      if (body.disabled === true) await endAllSessions(trx, userId);
      await recordAudit(
        trx,
        actor,
        {
          engagementId: null,
          action: 'user.updated',
          targetType: 'user',
          targetId: userId,
          before,
          after: { ...before, ...changes },
        },
        now(),
      );
    });
    return toUser({ ...before, ...changes });
  }

  return { listOrganizations, createOrganization, listUsers, createUser, updateUser };
}
