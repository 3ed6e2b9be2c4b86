export interface CompatSize {
  readonly name: string;
  /** Bytes: the entry minified; min+gzip; its lazy chunks min+gzip; everything in one min+gzip. */
  readonly entry: number;
  readonly entryGz: number;
  readonly lazyGz: number;
  readonly totalGz: number;
}
export const EXPORTS: readonly string[];
export function measureCompatSizes(): Promise<CompatSize[]>;
