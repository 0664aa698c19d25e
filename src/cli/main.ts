import { Command, Option } from 'commander';
import { ROLES } from '../platform/access/roles.ts';
import { ConfigError, loadConfig } from '../platform/config/config.ts';
import { runAuditVerify } from './audit-verify.ts';
import { runDemo } from './demo.ts';
import { runIncidentAction, runIncidentsList } from './incidents.ts';
import { runMigrate, runStart } from './server.ts';
import { runUserCreate } from './user-create.ts';

const program = new Command()
  .name('tandem')
  .description('Tandem: co-managed IT for an internal IT team and its managed service provider.')
  .showHelpAfterError()
  .addHelpText(
    'after',
    '\nConfiguration comes from the environment: PORT (8080), HOST, TANDEM_DATA_DIR (./data),\nDATABASE_URL (postgres://… for PostgreSQL), TANDEM_BASE_URL, LOG_LEVEL.',
  );

program
  .command('start')
  .description('Run the server: API, web app, job worker (migrates the database first).')
  .action(async () => runStart(config()));

program
  .command('migrate')
  .description('Apply pending database migrations and exit.')
  .action(async () => exit(await runMigrate(config(), console.log)));

program
  .command('demo')
  .description('Load the demo: Northwind IT Services with two client engagements, users of every role.')
  .action(async () => exit(await runDemo(config(), console.log)));

program
  .command('user')
  .description('Manage users.')
  .command('create')
  .description('Create a user and optionally add them to an engagement. Reads the password from stdin.')
  .requiredOption('--email <email>', 'login e-mail')
  .requiredOption('--name <name>', 'display name')
  .requiredOption('--org <slug>', 'organization slug, e.g. northwind')
  .addOption(new Option('--role <role>', 'role in the engagement (with --engagement)').choices(ROLES))
  .option('--engagement <slug>', 'engagement slug to add the user to')
  .option('--org-admin', 'make the user an admin of their organization')
  .option('--password-stdin', 'read the password from standard input (required)')
  .action(async (options) => exit(await runUserCreate(config(), options, console.log, console.error)));

program
  .command('audit')
  .description('Audit log tools.')
  .command('verify')
  .description(
    'Check every audit hash chain and its signed checkpoints; exits 1 naming the first bad record.',
  )
  .action(async () => exit(await runAuditVerify({ config: config(), out: console.log })));

const incidents = program
  .command('incidents')
  .description('Open incidents over the API (TANDEM_URL and TANDEM_TOKEN, an API token).');
const io = () => ({ env: process.env, out: console.log, err: console.error });
incidents
  .command('list')
  .description('Open incidents, most urgent first, with where their escalation stands.')
  .option('--engagement <slug>', 'only this engagement')
  .action(async (options: { engagement?: string }) => exit(await runIncidentsList(io(), options.engagement)));
incidents
  .command('ack')
  .description('Acknowledge an incident: paging stops.')
  .argument('<number-or-id>', 'e.g. LOGI-42')
  .action(async (ref: string) => exit(await runIncidentAction(io(), 'acknowledge', ref)));
incidents
  .command('resolve')
  .description('Resolve an incident: its escalation ends and its alerts resolve.')
  .argument('<number-or-id>', 'e.g. LOGI-42')
  .action(async (ref: string) => exit(await runIncidentAction(io(), 'resolve', ref)));

function config() {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

function exit(code: number): void {
  process.exitCode = code;
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`tandem: ${(error as Error).message}`);
  process.exit(1);
}
