export interface SideBySideJob {
  title: string;
  file: string;
  args: string[];
}
export declare function runKept(file: string, args: string[]): Promise<{ code: number; output: string }>;
export declare function runSideBySide(jobs: SideBySideJob[], options?: { priority?: number[]; width?: number; write?: (text: string) => void }): Promise<number[]>;
