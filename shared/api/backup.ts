// A backup as the api lists it.
export interface BackupInfo {
  name: string;
  kind: 'auto' | 'handmatig';
  createdAt: string;
  bytes: number;
}
