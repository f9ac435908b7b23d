import { type Command } from 'commander';
import { type CliContext } from '../cli-context';
import { formatFields } from '../output/format-fields';

/** `gtr whoami`: the tenant and key the CLI acts as, and which API it talks to. */
export function registerWhoamiCommand(program: Command, ctx: CliContext): void {
  program
    .command('whoami')
    .description('Show the tenant and API key in use')
    .option('--json', 'print the identity as JSON')
    .action(async (flags: { json?: boolean }) => {
      const me = await ctx.client().me({ signal: ctx.signal });
      const config = ctx.clientConfig();
      if (flags.json) {
        ctx.json({ ...me, apiUrl: config.apiUrl, keySource: config.keySource });
        return;
      }
      ctx.out(
        formatFields([
          ['Tenant', `${me.tenantName} (${me.tenantId})`],
          ['Key', `${me.keyId} (from ${config.keySource})`],
          ['Scopes', me.scopes.join(', ') || '-'],
          ['API', config.apiUrl],
        ]),
      );
    });
}
