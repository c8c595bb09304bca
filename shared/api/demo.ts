// The voorbeeldregio (demo) as the api reports it: what was written, so the first run can say what to explore.
export interface DemoSummary {
  /** Partner gemeenten (CBS codes) whose example laptops wrote in the demo. */
  partners: string[];
  officers: number;
  events: number;
  shifts: number;
  requests: number;
  commitments: number;
  agreements: number;
}
