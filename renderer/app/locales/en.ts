import type { LocaleShape } from './localeShape';

// English: the second language, for staff who prefer it and for the city's IT team.
export const en: LocaleShape = {
  app: {
    name: 'Okienko',
    skipToContent: 'Skip to content',
    language: 'Language',
    languages: { pl: 'polski', en: 'English' },
    loading: 'Loading…',
    loadFailed: 'Could not load this workstation’s data: {{message}}',
  },
  counter: {
    title: 'Counter {{number}}',
    windowTitle: 'Counter window',
    site: 'Site: {{site}}',
    openSupervisor: 'Shift supervisor window',
  },
  supervisor: {
    title: 'Shift overview',
    windowTitle: 'Shift supervisor window',
    intro: 'Here the shift lead sees the counters, queues and payments of the current shift.',
  },
  info: {
    heading: 'About this workstation',
    appVersion: 'App version',
    schemaVersion: 'Database schema version',
    host: 'Running as',
    hosts: { electron: 'desktop app', browser: 'browser (browser host)' },
    dataDir: 'Data folder',
    site: 'Site',
    counter: 'Counter number',
    central: 'Central server',
    centralModes: { embedded: 'embedded (demo data)', remote: 'remote' },
    terminal: 'Payment terminal',
    printer: 'Label printer',
    devices: {
      simulator: 'simulator',
      'usb-hid': 'USB (HID)',
      tcp: 'network (TCP)',
      ipp: 'IPP',
      device: 'device',
      system: 'system printer',
    },
  },
  status: {
    label: 'Connection status',
    online: 'Connected to the central server',
    offline: 'No connection to the central server',
    checking: 'Checking the connection…',
    lastCheck: 'Checked at {{time}}',
  },
};
