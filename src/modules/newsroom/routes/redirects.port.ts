// What the newsroom's 옛 주소 연결 page asks of the redirect table (the importers module's),
// filled in by the composition root.
export interface RedirectsPort {
  count(): Promise<number>
  /** Every redirect as CSV: `old,new,origin`. */
  exportCsv(): Promise<string>
  /** Saves the good lines of a CSV and names the others (1-based line numbers). */
  importCsv(text: string, origin?: string): Promise<{ saved: number; refused: { line: number }[] }>
}
