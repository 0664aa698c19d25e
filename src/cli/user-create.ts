import { createTandem } from '../main.ts';
import { SYSTEM } from '../platform/access/actor.ts';
import type { Role } from '../platform/access/roles.ts';
import type { Config } from '../platform/config/config.ts';
import { createLogger } from '../platform/log/logger.ts';

export interface UserCreateOptions {
  email: string;
  name: string;
  org: string;
  role?: Role;
  engagement?: string;
  orgAdmin?: boolean;
  passwordStdin?: boolean;
}

/** `tandem user create … --password-stdin`: the password never appears in argv or shell history. */
export async function runUserCreate(
  config: Config,
  options: UserCreateOptions,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  if (!options.passwordStdin) {
    err(
      'Pass --password-stdin and pipe the password in, e.g.: printf %s "$PASSWORD" | tandem user create … --password-stdin',
    );
    return 2;
  }
  if (Boolean(options.engagement) !== Boolean(options.role)) {
    err('--engagement and --role go together: the role is the user’s role in that engagement.');
    return 2;
  }
  const password = (await readStdin()).replace(/\r?\n$/, '');
  const tandem = await createTandem(config, { log: createLogger('warn') });
  try {
    const { services } = tandem;
    const user = await services.organizations.createUser(SYSTEM, {
      email: options.email,
      name: options.name,
      password,
      organizationSlug: options.org,
      orgRole: options.orgAdmin ? 'admin' : 'member',
    });
    out(`Created ${user.email} (${user.organization.name}).`);
    if (options.engagement && options.role) {
      const engagementId = await services.engagements.idForSlug(options.engagement);
      if (!engagementId) {
        err(`No engagement "${options.engagement}". The user was created without a membership.`);
        return 1;
      }
      const member = await services.members.addMember(SYSTEM, engagementId, {
        email: user.email,
        role: options.role,
      });
      out(`Added to ${options.engagement} as ${member.role} (${member.party}).`);
    }
    return 0;
  } catch (error) {
    const e = error as Error & { errors?: { path: string; message: string }[] };
    err(
      `Could not create the user: ${e.message}${e.errors?.length ? ` (${e.errors.map((f) => `${f.path} ${f.message}`).join('; ')})` : ''}`,
    );
    return 1;
  } finally {
    await tandem.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
