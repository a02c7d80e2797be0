/** Calendar imports and webhooks, as the API answers them (backend org.tocsin.imports, org.tocsin.webhooks). */
import type { EventKind } from './types';

export interface ImportRefusal {
  uid?: string;
  summary?: string;
  reason: string;
}

export interface ImportStatus {
  lastSyncAt?: string;
  lastSuccessAt?: string;
  error?: string | null;
  notModified: boolean;
  created: number;
  updated: number;
  unchanged: number;
  cancelled: number;
  skipped: number;
  refused: ImportRefusal[];
}

export interface ImportSource {
  id: string;
  url?: string | null;
  name: string;
  defaults: { kind: EventKind; city: string; countryCode: string; timeZone: string };
  createdAt: string;
  nextSyncAt?: string | null;
  status?: ImportStatus | null;
}

export interface NewImportSource {
  url: string;
  kind: string;
  city: string;
  countryCode: string;
  timeZone: string;
}

export interface Webhook {
  id: string;
  url: string;
  description?: string | null;
  types: string[];
  createdAt: string;
  failingSince?: string | null;
  disabledAt?: string | null;
  /** Only in the answer to its creation. */
  secret?: string | null;
}

export interface WebhookDelivery {
  id: string;
  messageId: string;
  type: string;
  state: 'PENDING' | 'SENDING' | 'DELIVERED' | 'FAILED';
  attempts: number;
  lastStatus: number;
  lastError?: string | null;
  latencyMillis?: number | null;
  createdAt: string;
}

/** A bulk import of events (backend org.tocsin.bulk): REJECTED stores nothing; FAILED stored {@code written}. */
export interface EventImportJob {
  id: string;
  state: 'CHECKING' | 'WRITING' | 'DONE' | 'REJECTED' | 'FAILED';
  received: number;
  written: number;
  failed: number;
  problems: { line: number; field: string; message: string }[];
  moreProblems: boolean;
  createdAt: string;
  updatedAt: string;
}
