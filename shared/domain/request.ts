// Inzetverzoek (host asks a provider for officers for a shift), the provider's answer, and toezeggingen
// (commitments of named officers).

export type RequestStatus = 'open' | 'committed' | 'partly' | 'declined' | 'withdrawn' | 'cancelled';

export interface RequestRecord {
  id: string;
  host: string;
  shiftId: string;
  provider: string;
  /** null for the host's own officers (eigen inzet), which need no agreement. */
  agreementId: string | null;
  count: number;
  note: string;
  withdrawn: boolean;
  /** Beyond the agreement's mandate: who must approve, and the recorded approval. */
  escalation: { needed: boolean; role: string | null; approvedBy: string | null; approvedAt: string | null };
  answer: { status: 'declined'; reason: string } | null;
  committed: number;
  status: RequestStatus;
}

export interface CommitmentRecord {
  id: string;
  provider: string;
  requestId: string;
  officerId: string;
  withdrawn: boolean;
  /** Reasons recorded for warnings that were accepted (rule code -> reason). */
  reasons: Record<string, string>;
}

export interface AbsenceRecord {
  id: string;
  employer: string;
  officerId: string;
  start: string;
  end: string;
  cancelled: boolean;
}
