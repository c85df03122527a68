import type { IExecuteFunctions } from 'n8n-workflow';

/** Node's Readable, named through n8n's helpers: the community rules allow no import of 'stream'. */
export type Readable = Awaited<ReturnType<IExecuteFunctions['helpers']['getBinaryStream']>>;
