import {
  decodeIppMessage,
  encodeIppRequest,
  type IppAttribute,
  type IppResponse,
} from './ippEncoding';

/**
 * IPP over HTTP (RFC 8010 §4): a POST of `application/ipp` to the printer's address, `ipp://` read
 * as `http://` on port 631 and `ipps://` as `https://` on 631. The answer's status is IPP's, in
 * the body; an HTTP error status means the request never reached the IPP layer.
 */
export function ippHttpUrl(printerUri: string): string {
  const url = new URL(printerUri);
  if (url.protocol === 'ipp:' || url.protocol === 'ipps:') {
    const secure = url.protocol === 'ipps:';
    const port = url.port === '' ? '631' : url.port;
    return `${secure ? 'https' : 'http'}://${url.hostname.includes(':') ? `[${url.hostname}]` : url.hostname}:${port}${url.pathname}${url.search}`;
  }
  return url.toString();
}

/** The `printer-uri` to send inside the request: `ipp://` form, as the printer names itself. */
export function ippPrinterUri(printerUri: string): string {
  const url = new URL(printerUri);
  if (url.protocol === 'http:') return `ipp${printerUri.slice('http'.length)}`;
  if (url.protocol === 'https:') return `ipps${printerUri.slice('https'.length)}`;
  return printerUri;
}

export class IppHttpError extends Error {
  override readonly name = 'IppHttpError';
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export type IppClientOptions = {
  /** Per request: connecting, sending and reading the answer. */
  timeoutMs?: number;
  fetchFn?: typeof fetch;
  /** `requesting-user-name`: who the printer's job list shows. */
  userName?: string;
};

const DEFAULT_TIMEOUT_MS = 10_000;

/** The attributes every request starts with (RFC 8011 §4.1.4). */
export function baseOperationAttributes(printerUri: string, userName: string): IppAttribute[] {
  return [
    { name: 'attributes-charset', tag: 'charset', values: ['utf-8'] },
    { name: 'attributes-natural-language', tag: 'naturalLanguage', values: ['en'] },
    { name: 'printer-uri', tag: 'uri', values: [ippPrinterUri(printerUri)] },
    { name: 'requesting-user-name', tag: 'nameWithoutLanguage', values: [userName] },
  ];
}

export function createIppClient(options: IppClientOptions = {}) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetchFn = options.fetchFn ?? fetch;
  const userName = options.userName ?? 'okienko';
  let requestId = 0;

  async function call(
    printerUri: string,
    operationId: number,
    operation: IppAttribute[],
    extra: { job?: IppAttribute[]; data?: Uint8Array } = {},
  ): Promise<IppResponse> {
    requestId = (requestId % 0x7fffffff) + 1;
    const body = encodeIppRequest({
      operationId,
      requestId,
      operation: [...baseOperationAttributes(printerUri, userName), ...operation],
      ...extra,
    });
    const response = await fetchFn(ippHttpUrl(printerUri), {
      method: 'POST',
      headers: { 'content-type': 'application/ipp' },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (!response.ok) {
      throw new IppHttpError(response.status, `HTTP ${response.status}`);
    }
    return decodeIppMessage(bytes);
  }

  return { call, userName };
}

export type IppClient = ReturnType<typeof createIppClient>;
