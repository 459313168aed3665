import type { WorkstationConfig } from '../../common/contract/workstationConfig';

/**
 * The workstation config as the diagnostics archive carries it: an allow-list, field by field,
 * so a section added later (provisioning, a secret) stays out until someone decides it belongs.
 * Addresses lose any `user:password@` they may carry. The workstation token is never in the
 * config; it lives in its own file, which the archive does not read.
 */
export function configForDiagnostics(config: WorkstationConfig): Record<string, unknown> {
  return {
    schemaVersion: config.schemaVersion,
    central:
      config.central.mode === 'remote'
        ? { mode: 'remote', url: withoutCredentials(config.central.url) }
        : { mode: 'embedded' },
    site: { id: config.site.id },
    counter: { number: config.counter.number },
    terminal: { ...config.terminal },
    printer: printerForDiagnostics(config.printer),
    locale: config.locale,
    cases: { retentionDays: config.cases.retentionDays },
    logs: { ...config.logs },
  };
}

function printerForDiagnostics(printer: WorkstationConfig['printer']): Record<string, unknown> {
  const label = printer.label ? { label: { ...printer.label } } : {};
  switch (printer.kind) {
    case 'tcp':
      return { kind: 'tcp', host: printer.host, port: printer.port, ...label };
    case 'ipp':
      return {
        kind: 'ipp',
        url: withoutCredentials(printer.url),
        documentFormat: printer.documentFormat ?? null,
        ...label,
      };
    case 'device':
      return { kind: 'device', path: printer.path, ...label };
    default:
      return { kind: printer.kind, ...label };
  }
}

function withoutCredentials(address: string): string {
  try {
    const url = new URL(address);
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return '[not a URL]';
  }
}
